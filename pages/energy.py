"""Energy: gas and electricity supplies with their derived change, oil products, uranium tailings, projects."""

import streamlit as st

from bilateral import ui, views

data = ui.dataset()
st.title("Energy")

ui.bar_block(
    data,
    "Russian natural gas exports to Kyrgyzstan",
    "gas",
    ["natural_gas_exports"],
    changes=("natural_gas_exports_change",),
)
ui.bar_block(
    data,
    "Russian electricity exports to Kyrgyzstan",
    "electricity",
    ["electricity_exports"],
    changes=("electricity_exports_change",),
)

left, right = st.columns(2)
with left:
    ui.metric(
        "Kyrgyz oil-product needs met by Russian supplies", views.latest(data, "oil_products_share_of_needs"), data
    )
with right:
    ui.metric("Uranium tailings reclamation funding", views.latest(data, "uranium_tailings_funding"), data)

st.header("Planned and announced projects")
ui.data_table(
    views.planned_projects(data, "energy"), "energy_projects", "Projects, their status and source", expanded=True
)

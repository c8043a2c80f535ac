"""Energy: gas and electricity supplies with their derived change, oil products, uranium tailings, projects."""

import streamlit as st

from bilateral import ui, views

data = ui.dataset()
st.title("Energy")

ui.series_block(
    data,
    "Russian natural gas exports to Kyrgyzstan",
    "gas",
    ["natural_gas_exports"],
    changes=("natural_gas_exports_change",),
)
ui.series_block(
    data,
    "Russian electricity exports to Kyrgyzstan",
    "electricity",
    ["electricity_exports"],
    changes=("electricity_exports_change",),
)

left, right = st.columns(2)
with left:
    ui.latest_metric(data, "Kyrgyz oil-product needs met by Russian supplies", "oil_products_share_of_needs")
with right:
    ui.latest_metric(data, "Uranium tailings reclamation funding", "uranium_tailings_funding")

st.header("Planned and announced projects")
ui.event_list(data, views.planned_projects, "energy", key="energy_projects", title="Projects as a table")

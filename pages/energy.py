"""Energy: gasification and its target, gas and electricity supplies, duty-free fuel, Gazprom, projects."""

from functools import partial

import streamlit as st

from bilateral import ui, views

data = ui.dataset()
st.title("Energy")
years = ui.year_range(data, "energy_years")

series = partial(ui.series_block, data, years=years)  # every chart of the page, for the chosen years


st.header("Gas")
series(
    "Gasification of Kyrgyzstan, and its target",
    "gasification",
    ["gasification_level", "gasification_target"],
    by="label",
)
series(
    "Russian natural gas exports to Kyrgyzstan", "gas", ["natural_gas_exports"], changes=("natural_gas_exports_change",)
)
series("Natural gas consumption in Kyrgyzstan", "gas_consumption", ["natural_gas_consumption_kg"])
series("Gazprom's accumulated investment in Kyrgyzstan", "gazprom", ["gazprom_investment_accumulated_usd"])
series("Gazprom's investment pledges", "gazprom_pledges", ["gazprom_investment_pledge_rub"])

st.header("Fuel and electricity")
series(
    "Duty-free Russian fuel supplies agreed, by product",
    "fuel",
    [
        "duty_free_oil_products_quota",
        "duty_free_diesel_quota",
        "duty_free_gasoline_quota",
        "duty_free_jet_fuel_quota",
        "duty_free_crude_oil_quota",
    ],
    unit="tonnes_k",
    by="label",
)
series(
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

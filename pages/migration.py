"""Migration: Kyrgyz citizens and migrants in Russia, remittances, and the agreements that govern them."""

from functools import partial

import streamlit as st

from bilateral import ui, views

data = ui.dataset()
st.title("Migration")
years = ui.year_range(data, "migration_years")

series = partial(ui.series_block, data, years=years)  # every chart of the page, for the chosen years


st.header("People")
series("Kyrgyz citizens in Russia", "citizens", ["kyrgyz_citizens_in_russia"], milestones=True)
series("Kyrgyz labour migrants in Russia", "labour_migrants", ["kyrgyz_labour_migrants_in_russia"])
series("Kyrgyz citizens granted Russian citizenship", "citizenship", ["russian_citizenship_granted"])
series("Kyrgyz citizens barred from entering Russia", "blacklist", ["kyrgyz_blacklisted_in_russia"])

st.header("Remittances")
series("Remittances to Kyrgyzstan, in total", "remittances", ["remittances"])
series("Remittances from Russia to Kyrgyzstan", "remittances_from_russia", ["remittances_from_russia"], milestones=True)
series(
    "Remittances as a share of Kyrgyzstan's GDP",
    "remittances_gdp",
    ["remittances_share_of_gdp", "remittances_from_russia_share_of_gdp"],
    by="label",
)
series("Russia's share of remittances to Kyrgyzstan", "russia_share", ["russia_share_of_remittances"])

st.header("Agreements and events")
ui.event_list(data, views.events_in, "migration", key="migration_events", title="Migration events as a table")

"""Trade & investment: turnover, growth, settlement currencies, investment, companies and remittances."""

import streamlit as st

from bilateral import ui

data = ui.dataset()
st.title("Trade & investment")
sources = st.multiselect(
    "Show figures from these sources",
    options=data.sources["source_id"].tolist(),
    default=data.sources["source_id"].tolist(),
    key="trade_sources",
    bind="query-params",
)

ui.series_block(data, "Bilateral trade turnover", "turnover", ["trade_turnover"], sources)
ui.series_block(data, "Growth of trade turnover", "growth", ["trade_turnover_growth"], sources)
ui.series_block(
    data,
    "Settlement currencies and Russia's share of Kyrgyz trade",
    "shares",
    [
        "national_currency_settlement_share",
        "ruble_settlement_share",
        "russia_share_of_kyrgyz_trade",
        "russian_share_of_foreign_enterprises",
    ],
    sources,
    by="label",
)
ui.series_block(
    data,
    "Russian investment and the Russian-Kyrgyz Development Fund",
    "investment",
    [
        "russian_investment_accumulated",
        "russian_investment_flow",
        "russian_direct_investment",
        "rkdf_funding",
        "rkdf_planned_funding",
    ],
    sources,
    unit="usd_m",
    by="label",
)
ui.series_block(data, "Growth of Russian investment", "investment_growth", ["russian_investment_flow_growth"], sources)
ui.series_block(
    data,
    "Development Fund projects",
    "rkdf_projects",
    ["rkdf_projects_funded", "rkdf_planned_projects"],
    sources,
    by="label",
)
ui.series_block(
    data, "Companies with Russian participation", "companies", ["companies_with_russian_participation"], sources
)
ui.series_block(data, "Remittances from Kyrgyz labour migrants", "remittances", ["remittances"], sources)
ui.latest_metric(data, "Russian companies against several years ago", "russian_companies_growth_multiple")

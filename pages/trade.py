"""Trade & investment: turnover and its growth, shares and settlement currencies, investment, the Fund, debt."""

from functools import partial

import streamlit as st

from bilateral import ui

data = ui.dataset()
st.title("Trade & investment")
years = ui.year_range(data, "trade_years")
chosen = st.multiselect(
    "Only figures from these sources",
    options=data.sources["source_id"].tolist(),
    default=[],
    placeholder="All sources",
    key="trade_sources",
    bind="query-params",
)
sources = chosen or None  # none chosen: every source, as a reader opening the page expects

series = partial(ui.series_block, data, sources=sources, years=years)  # every chart of the page, filtered alike


st.header("Trade")
series("Bilateral trade turnover", "turnover", ["trade_turnover"], milestones=True)
series("Growth of trade turnover", "growth", ["trade_turnover_growth"], milestones=True)
series("Russia's share of Kyrgyzstan's foreign trade", "russia_share", ["russia_share_of_kyrgyz_trade"])
series(
    "Settlements in national currencies and in rubles",
    "settlements",
    ["national_currency_settlement_share", "ruble_settlement_share"],
    by="label",
    milestones=True,
)

st.header("Investment and finance")
series("Accumulated Russian investment in Kyrgyzstan", "investment_stock", ["russian_investment_accumulated"])
series(
    "Russian investment in Kyrgyzstan by year",
    "investment_flow",
    ["russian_direct_investment", "russian_investment_flow"],
    unit="usd_m",
    by="label",
)
series("Russian-Kyrgyz Development Fund: funding", "rkdf_funding", ["rkdf_funding", "rkdf_planned_funding"], by="label")
series(
    "Russian-Kyrgyz Development Fund: projects",
    "rkdf_projects",
    ["rkdf_projects_funded", "rkdf_planned_projects"],
    by="label",
)
series("Kyrgyzstan's state debt to Russia", "debt", ["kyrgyz_debt_to_russia"])
series("Kyrgyz debt to Russia written off", "debt_written_off", ["russian_debt_written_off"])
series("Companies with Russian participation in Kyrgyzstan", "companies", ["companies_with_russian_participation"])
ui.latest_metric(data, "Russian companies against several years ago", "russian_companies_growth_multiple")

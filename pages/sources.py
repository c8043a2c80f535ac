"""Sources & data: every source, every figure (derived ones too), the divergences and the arithmetic."""

import streamlit as st

from bilateral import ui, views
from bilateral.exports import to_csv, to_json
from bilateral.schema import TOPICS

data = ui.dataset()
st.title("Sources & data")

st.header("Sources")
st.dataframe(
    views.sources_with_counts(data),
    hide_index=True,
    column_config={"source_url": st.column_config.LinkColumn("source_url")},
)

st.header("All figures")
columns = st.columns(3)
with columns[0]:
    topics = st.multiselect("Topic", options=list(TOPICS), key="data_topics", bind="query-params")
with columns[1]:
    indicators = st.multiselect(
        "Indicator",
        options=data.indicators["indicator_id"].tolist(),
        key="data_indicators",
        bind="query-params",
    )
with columns[2]:
    sources = st.multiselect(
        "Source",
        options=data.sources["source_id"].tolist(),
        key="data_sources",
        bind="query-params",
    )
search = st.text_input("Search labels and quotes", key="data_search", bind="query-params")

shown = views.table(views.filter_observations(data.observations, topics, indicators, sources, search))
st.markdown(f"{len(shown)} of {len(data.observations)} figures, derived ones included")
st.dataframe(shown, hide_index=True, column_config={"source_url": st.column_config.LinkColumn("source_url")})
left, right = st.columns(2)
left.download_button("Download CSV", to_csv(shown), "figures.csv", "text/csv", key="figures_csv", on_click="ignore")
right.download_button(
    "Download JSON", to_json(shown), "figures.json", "application/json", key="figures_json", on_click="ignore"
)

st.header("Where sources disagree")
st.dataframe(
    data.divergences[
        ["label", "period_label", "display", "publisher", "said_by", "spread_pct", "compatible", "explanation"]
    ],
    hide_index=True,
    column_config={"spread_pct": st.column_config.NumberColumn("spread %", format="%.1f")},
)

st.header("Derived values")
st.dataframe(views.derived_rows(data), hide_index=True)
for reason in data.not_derived:
    st.markdown(ui.md(reason))

"""Sources & data: every source, every figure (derived ones too), the divergences and the arithmetic."""

import streamlit as st

from bilateral import ui, views
from bilateral.schema import TOPICS

data = ui.dataset()
st.title("Sources & data")

st.header("Sources")
ui.dataframe(
    data,
    views.sources_with_counts,
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

ui.figures_table(data, topics, indicators, sources, search)

st.header("Where sources disagree")
ui.dataframe(
    data,
    views.divergence_table,
    hide_index=True,
    column_config={"spread_pct": st.column_config.NumberColumn("spread %", format="%.1f")},
)

st.header("Derived values")
ui.dataframe(data, views.derived_rows, hide_index=True)
for reason in data.not_derived:
    st.markdown(ui.md(reason))

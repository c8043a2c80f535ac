"""Timeline: the relationship's dated events from 1992, filtered by year and category."""

import streamlit as st

from bilateral import ui, views
from bilateral.schema import CATEGORIES

data = ui.dataset()
st.title("Timeline")

left, right = st.columns([2, 1])
with left:
    years = st.slider(
        "Years",
        min_value=1992,
        max_value=views.TIMELINE_END,
        value=(1992, views.TIMELINE_END),
        key="timeline_years",
        bind="query-params",
    )
with right:
    future = st.toggle("Show planned events after 2025", value=False, key="timeline_future", bind="query-params")
categories = st.multiselect(
    "Categories", options=list(CATEGORIES), default=list(CATEGORIES), key="timeline_categories", bind="query-params"
)

columns = st.columns(4)
for column, (label, indicator_id) in zip(
    columns,
    [
        ("President Japarov's visits to Russia", "president_visits_to_russia"),
        ("Heads-of-government meetings", "heads_of_government_meetings"),
        ("Treaties and agreements in force", "treaties_in_force"),
        ("Kyrgyz delegation, World Youth Festival", "youth_festival_delegation"),
    ],
):
    with column:
        ui.latest_metric(data, label, indicator_id)

ui.timeline(data, years, categories, future)

st.header("Chronology")
ui.chronology(data, years, categories, future)

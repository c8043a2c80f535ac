"""Commitments: every target and pledge the record states, with what became of it, by side."""

import streamlit as st

from bilateral import commitments, ui
from bilateral.schema import TOPICS

data = ui.dataset()
st.title("Commitments")
st.markdown(
    "Each promise with the words that made it, and its outcome as the later figures of each side prove it: "
    "a hedged figure counts only for what it proves. A status comes from words only where a source says it."
)
left, right = st.columns(2)
with left:
    topics = st.multiselect(
        "Topics", options=list(TOPICS), default=[], placeholder="All topics", key="commitment_topics",
        bind="query-params",
    )  # fmt: skip
with right:
    statuses = st.multiselect(
        "Status", options=list(commitments.STATUSES), default=[], placeholder="Any status",
        key="commitment_status", bind="query-params",
    )  # fmt: skip

ui.commitments(data, topics, statuses)

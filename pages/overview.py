"""Overview: headline figures with their sources, where sources disagree, and the latest events."""

import streamlit as st

from bilateral import ui

data = ui.dataset()
st.title("Russia–Kyrgyzstan relations")
st.markdown(
    "Every figure below is quoted from a named source; hover a chart, or a card's :material/help: sign, for its words. "
    "Where sources disagree, every version is shown."
)

cards = ui.headline_cards(data)
for row_of_cards in (cards[:3], cards[3:]):
    for column, card in zip(st.columns(3), row_of_cards):
        with column:
            ui.card(card)

ui.series_block(data, "Bilateral trade turnover by source", "overview_turnover", ["trade_turnover"], milestones=True)

ui.commitment_summary(data)

st.header("Where sources disagree")
ui.divergences(data)

st.header("Latest events")
ui.recent_events(data)

"""Overview: headline figures with their sources, where sources disagree, and the latest events."""

import streamlit as st

from bilateral import charts, ui, views

data = ui.dataset()
st.title("Russia–Kyrgyzstan relations")
st.markdown(
    "Every figure below is quoted from a named source; hover a chart or a card's ⓘ for its words. "
    "Where sources disagree, every version is shown."
)

cards = views.headlines(data)
for row_of_cards in (cards[:3], cards[3:]):
    for column, headline in zip(st.columns(3), row_of_cards):
        with column:
            ui.metric(headline.label, headline.figure, data, headline.delta)

turnover = views.rows(data, "trade_turnover")
ui.chart(
    charts.bar_chart(turnover, "Bilateral trade turnover by source"),
    turnover,
    key="overview_turnover",
    alt=views.describe(turnover),
)

st.header("Where sources disagree")
for title, group in views.divergence_groups(data):
    st.subheader(ui.md(title))
    st.markdown(ui.md(group["explanation"].iloc[0]))
    st.dataframe(
        group[["display", "publisher", "said_by", "source_published_label", "quote", "source_url"]],
        hide_index=True,
        column_config={"source_url": st.column_config.LinkColumn("source_url")},
    )

st.header("Latest events")
for event in views.recent_events(data).itertuples():
    st.markdown(
        f"**{ui.md(event.date_label)}** · {ui.md(event.title)} · {ui.md_link(event.publisher, event.source_url)}"
    )

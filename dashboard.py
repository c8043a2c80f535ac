"""Russia–Kyrgyzstan relations dashboard: page config, navigation and the dataset summary."""

import sys

import streamlit as st

st.set_page_config(page_title="Russia–Kyrgyzstan relations", page_icon=":material/handshake:", layout="wide")

# A fresh server spends about a second importing pandas and checking the data before it can send a chart,
# and the browser starts fetching and compiling Plotly's code (longer still) only when a chart arrives.
# An empty chart sent first lets both happen at once; it is gone before the page's own elements arrive.
warm_up = st.empty()
if "bilateral.ui" not in sys.modules:
    warm_up.plotly_chart(
        {"data": [{"type": "scatter"}], "layout": {"height": 10, "margin": {"t": 0, "b": 0, "l": 0, "r": 0}}},
        config={"staticPlot": True, "displayModeBar": False},
        alt="Loading",
    )

from bilateral import ui, views  # noqa: E402 (after the empty chart: see above)

warm_up.empty()

page = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
        st.Page("pages/trade.py", title="Trade & investment", icon=":material/currency_exchange:", url_path="trade"),
        st.Page("pages/energy.py", title="Energy", icon=":material/bolt:", url_path="energy"),
        st.Page("pages/education.py", title="Education", icon=":material/school:", url_path="education"),
        st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/sources.py", title="Sources & data", icon=":material/menu_book:", url_path="sources"),
    ]
)

data = ui.dataset()
summary = views.dataset_summary(data)
st.sidebar.markdown(
    f"{summary['figures']} figures · {summary['events']} events · {summary['sources']} sources  \n"
    f"Newest source: {summary['newest']}"
)
page.run()

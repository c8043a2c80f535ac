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

# Each page: its script, title, icon and URL path; the first is the default, at the root URL.
PAGES = [
    ("pages/overview.py", "Overview", ":material/home:", "overview"),
    ("pages/trade.py", "Trade & investment", ":material/currency_exchange:", "trade"),
    ("pages/migration.py", "Migration", ":material/flight:", "migration"),
    ("pages/energy.py", "Energy", ":material/bolt:", "energy"),
    ("pages/education.py", "Education", ":material/school:", "education"),
    ("pages/commitments.py", "Commitments", ":material/task_alt:", "commitments"),
    ("pages/timeline.py", "Timeline", ":material/timeline:", "timeline"),
    ("pages/sources.py", "Sources & data", ":material/menu_book:", "sources"),
]
page = st.navigation(
    [
        st.Page(script, title=title, icon=icon, url_path=url_path, default=script == PAGES[0][0])
        for script, title, icon, url_path in PAGES
    ]
)

data = ui.dataset()
summary = views.dataset_summary(data)
st.sidebar.markdown(
    f"{summary['figures']} figures · {summary['events']} events · {summary['sources']} sources  \n"
    f"Newest source: {summary['newest']}"
)
page.run()

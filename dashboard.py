"""Russia–Kyrgyzstan relations dashboard: page config, navigation and the dataset summary."""

import streamlit as st

from bilateral import ui, views

st.set_page_config(page_title="Russia–Kyrgyzstan relations", page_icon=":material/handshake:", layout="wide")

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

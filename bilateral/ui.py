"""The Streamlit side of the pages: the one cached loader, and the blocks every chart and card repeats."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from . import charts, views
from .errors import DataError, Problem
from .exports import to_csv
from .loading import DATA_FILE, Dataset, load

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md(text) -> str:
    """Escape text for Streamlit markdown, so data shows as typed: no links, HTML, maths or emphasis."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None or text != text else str(text))


def md_link(text, url) -> str:
    """A markdown link, built only from a URL the schema has already checked is http(s)."""
    if not isinstance(url, str) or not re.match(r"https?://", url, re.IGNORECASE):
        return md(text)
    return f"[{md(text)}]({url_quote(url, safe=':/?#=&%~+,;@!')})"


def data_path() -> Path:
    # Tests and curators can point the app at another file; the project's own is the default.
    return Path(os.environ.get("BILATERAL_DATA", DATA_FILE))


@st.cache_data(show_spinner=False, max_entries=4)
def _cached(path: str, mtime_ns: int) -> tuple[Dataset | None, list[Problem]]:
    """Load once per version of the file: the modification time in the key makes an edit show on rerun."""
    try:
        return load(path), []
    except DataError as error:
        return None, error.problems


def _run_through_dashboard() -> None:
    # Streamlit takes a folder named pages/ beside the main script for a v1 multipage app until
    # st.navigation first runs, so a deep link opened first on a fresh server would run the page
    # without dashboard.py. Leaving that mode and rerunning sends the request through dashboard.py.
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def dataset() -> Dataset:
    """The checked dataset, or, when the file does not check, the list of its problems and a stop."""
    _run_through_dashboard()
    path = data_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    data, problems = _cached(str(path), mtime)
    if data is None:
        st.error(f"The data file {path.name} could not be loaded. Fix these problems and rerun:", icon="⚠️")
        st.markdown("\n".join(f"- `{p.path}:{p.line}`: {md(p.message)}" for p in problems))
        st.stop()
    return data


def sources_caption(rows: pd.DataFrame) -> str:
    seen = rows.drop_duplicates("source_id")
    links = [md_link(f"{r.publisher}, {r.source_published_label}", r.source_url) for r in seen.itertuples(index=False)]
    return ("Sources: " if len(links) > 1 else "Source: ") + "; ".join(links)


def chart(fig: go.Figure, rows: pd.DataFrame, key: str, alt: str) -> None:
    """A chart, its sources as links, and its data as a table and a CSV of exactly those rows."""
    st.plotly_chart(fig, key=f"chart_{key}", alt=alt, config={"displaylogo": False})
    st.markdown(f"{md(alt)}  \n{sources_caption(rows)}")
    data_table(views.table(rows), key, "Data behind this chart")


def bar_block(
    data: Dataset,
    title: str,
    key: str,
    indicator_ids: list[str],
    sources: list[str] | None = None,
    changes: tuple[str, ...] = (),
    **options,
) -> None:
    """A bar chart of some indicators, with the changes named in `changes` marked above the bars."""
    picked = views.rows(data, *indicator_ids, sources=sources)
    if picked.empty:
        st.info(f"{title}: no figures from the selected sources.")
        return
    fig = charts.bar_chart(picked, title, **options)
    marked = views.rows(data, *changes, sources=sources)
    charts.annotate_changes(fig, marked)
    shown = pd.concat([picked, marked], ignore_index=True)
    chart(fig, shown, key=key, alt=views.describe(shown))


def data_table(frame: pd.DataFrame, key: str, title: str, expanded: bool = False) -> None:
    with st.expander(title, expanded=expanded):
        st.dataframe(
            frame,
            hide_index=True,
            column_config={"source_url": st.column_config.LinkColumn("source_url")},
        )
        st.download_button(
            "Download CSV",
            to_csv(frame),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"csv_{key}",
            on_click="ignore",
        )


def help_text(row: pd.Series, others: pd.DataFrame | None = None) -> str:
    """A metric's tooltip: the figure's source and words, and any other account of the same thing."""
    who = f" — {row['said_by']}" if isinstance(row.get("said_by"), str) else ""
    parts = [
        f"{md(row['display'])}, {md(row['period_label'])}: {md(row['publisher'])}, "
        f"{md(row['source_published_label'])}{md(who)}",
        f"“{md(row['quote'])}”",
    ]
    if others is not None and len(others):
        parts.append("Other accounts: " + "; ".join(f"{md(views.figure_sentence(o))}" for _, o in others.iterrows()))
    return "\n\n".join(parts)


def metric(label: str, row: pd.Series | None, data: Dataset, delta: pd.Series | None = None) -> None:
    """A metric card whose tooltip names its source, its words, and any other account of the same figure."""
    if row is None:
        st.metric(label, "—", help="No figure in the data")
        return
    same = views.rows(data, row["indicator_id"], derived=False)
    itself = (same["source_id"] == row["source_id"]) & (same["quote"] == row["quote"])
    period = row["period"] if isinstance(row["period"], str) else ""  # a target may have no year
    others = same[(same["period"].fillna("") == period) & ~itself]
    st.metric(
        f"{label}, {row['period_label']}",
        row["display"],
        delta=f"{delta['display']} vs {delta['base_label']}" if delta is not None else None,
        help=help_text(row, others),
        border=True,
    )

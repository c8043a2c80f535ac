"""The Streamlit side of the pages: the cached loader, and the blocks every chart and card repeats.

What a block shows (its figure, text, table and CSV) is built by pure builders in charts.py and views.py,
once per version of the data file and per arguments, and kept by st.cache_resource for every session
(see `_built`). Nothing mutates the kept parts: the ones pages are handed (metric cards) are frozen, and
the rest never leave this module.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import FunctionType
from typing import Any
from urllib.parse import quote as url_quote

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from . import charts, views
from .errors import DataError, Problem
from .exports import to_csv, to_json
from .loading import DATA_FILE, Dataset, load
from .units import format_value

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
    # A private attribute: tests/test_ui.py fails if an upgrade renames it.
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


# In each session's state: the file version of the dataset that session was handed, and that dataset.
_KEPT = "_bilateral_dataset"


def dataset() -> Dataset:
    """The checked dataset, or, when the file does not check, the list of its problems and a stop.

    Each session gets its own copy from st.cache_data (no session sees another's changes) and keeps it in
    its session state while the file is unchanged, so a rerun does not read the copy from the cache again.
    """
    _run_through_dashboard()
    path = data_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    version = (str(path), mtime)
    kept = st.session_state.get(_KEPT)
    if kept is not None and kept[0] == version:
        return kept[1]
    data, problems = _cached(*version)
    if data is None:
        st.session_state.pop(_KEPT, None)
        st.error(f"The data file {path.name} could not be loaded. Fix these problems and rerun:", icon="⚠️")
        st.markdown("\n".join(f"- `{p.path}:{p.line}`: {md(p.message)}" for p in problems))
        st.stop()
    st.session_state[_KEPT] = (version, data)
    return data


@st.cache_resource(show_spinner=False, max_entries=2)
def _shared(path: str, mtime_ns: int) -> Dataset | None:
    """The copy of a file version's dataset that the kept parts are built from, and that no session is handed."""
    return _cached(path, mtime_ns)[0]


def _qualified_name(function: FunctionType) -> str:
    return f"{function.__module__}.{function.__qualname__}"


# A builder is named by where it is defined: its code lives in the package, and only pure builders get here.
@st.cache_resource(show_spinner=False, max_entries=512, hash_funcs={FunctionType: _qualified_name})
def _built(version: tuple[str, int], build: Callable, args: tuple) -> Any:
    return build(_shared(*version), *args)


def _memo(build: Callable, data: Dataset, *args) -> Any:
    """build(data, *args), a pure function of the data and hashable arguments, kept once per file version.

    Kept only for the dataset this session was handed by dataset(), whose file version is known; any
    other dataset (a test's, a tampered one) is built from afresh.
    """
    kept = st.session_state.get(_KEPT)
    if kept is None or kept[1] is not data:
        return build(data, *args)
    return _built(kept[0], build, args)


def year_range(data: Dataset, key: str) -> tuple[int, int]:
    """A year-range slider over the years the figures reach, kept in the page's URL."""
    first, last = _memo(views.year_span, data)
    chosen = st.slider("Years", min_value=first, max_value=last, value=(first, last), key=key, bind="query-params")
    return int(chosen[0]), int(chosen[1])


def sources_caption(rows: pd.DataFrame) -> str:
    first: dict = {}  # each source's first row, in the order the sources first appear
    for r in charts.records(rows, ("source_id", "publisher", "source_published_label", "source_url")):
        first.setdefault(r.source_id, r)
    links = [md_link(f"{r.publisher}, {r.source_published_label}", r.source_url) for r in first.values()]
    return ("Sources: " if len(links) > 1 else "Source: ") + "; ".join(links)


@dataclass(frozen=True)
class _Chart:
    """Everything a chart block shows: the figure, its text alternative and sources, and the rows behind it."""

    figure: go.Figure
    alt: str
    caption: str
    rows: pd.DataFrame

    @cached_property
    def table(self) -> tuple[pd.DataFrame, str]:
        """The rows as the table under the chart, and its CSV: made when a reader first opens them."""
        table = views.table(self.rows)
        return table, to_csv(table)


def _chart_parts(fig: go.Figure, rows: pd.DataFrame, alt: str, key: str = "") -> _Chart:
    lines = [
        "  \n".join(md(line) for line in key.split("  \n")),
        sources_caption(rows),
    ]  # the chart in words is in its own expander, and its alt text
    return _Chart(fig, alt, "  \n".join(line for line in lines if line), rows)


def _draw_chart(parts: _Chart, key: str) -> None:
    st.plotly_chart(parts.figure, key=f"chart_{key}", alt=parts.alt, config={"displaylogo": False})
    st.markdown(parts.caption)
    with st.expander("This chart in words"):
        st.markdown(md(parts.alt))
    _draw_table(key, "Data behind this chart", lambda: parts.table)


def _series_parts(
    data: Dataset,
    title: str,
    indicator_ids: tuple,
    sources: tuple | None,
    changes: tuple,
    options: tuple,
    years: tuple[int, int] | None = None,
    milestones: bool = False,
) -> _Chart | None:
    picked = views.rows(data, *indicator_ids, sources=sources, years=years)
    if picked.empty:
        return None
    fig = charts.series_chart(picked, title, **dict(options))
    shown = picked
    if changes:
        marked = views.rows(data, *changes, sources=sources, years=years)
        charts.annotate_changes(fig, marked)
        shown = pd.concat([picked, marked], ignore_index=True)
    key = charts.marker_key(fig)
    if milestones:
        events = views.milestones(data)
        charts.mark_milestones(fig, events)
        key = f"{key}  \n{charts.milestone_key(events)}"
    return _chart_parts(fig, shown, views.describe(shown), key)


def series_block(
    data: Dataset,
    title: str,
    key: str,
    indicator_ids: list[str],
    sources: list[str] | None = None,
    changes: tuple[str, ...] = (),
    years: tuple[int, int] | None = None,
    milestones: bool = False,
    **options,
) -> None:
    """A time series of some indicators, with the changes named in `changes` marked above their periods.

    `years` keeps the figures whose period reaches into that range (and targets with no year);
    `milestones` numbers the timeline's milestones (views.MILESTONES) on the time axis.
    """
    chosen = None if sources is None else tuple(sources)
    span = None if years is None else (int(years[0]), int(years[1]))
    parts = _memo(
        _series_parts,
        data,
        title,
        tuple(indicator_ids),
        chosen,
        tuple(changes),
        tuple(sorted(options.items())),
        span,
        milestones,
    )
    if parts is None:
        st.info(f"{title}: no figures from the selected sources.")
        return
    _draw_chart(parts, key)


def _draw_table(key: str, title: str, parts: Callable[[], tuple[pd.DataFrame, str]]) -> None:
    """An expander holding a table and its CSV, made and drawn only while it is open.

    The browser draws an st.dataframe (a canvas grid) even inside a closed expander, and the trade page
    alone has eight: drawn on opening, they no longer slow every visit to the page.
    """
    box = st.expander(title, key=f"table_{key}", on_change="rerun")
    if not box.open:
        return
    frame, csv = parts()
    with box:
        st.dataframe(
            frame,
            hide_index=True,
            column_config={"source_url": st.column_config.LinkColumn("source_url")},
        )
        st.download_button(
            "Download CSV",
            csv,
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"csv_{key}",
            on_click="ignore",
        )


def selection_table(data: Dataset, select: Callable, *args, key: str, title: str) -> None:
    """A table of select(data, *args), a selection of views.py, built once per version of the data."""

    _draw_table(key, title, lambda: _memo(_table_parts, data, select, *args))


def _table_parts(data: Dataset, select: Callable, *args) -> tuple[pd.DataFrame, str]:
    frame = select(data, *args)
    return frame, to_csv(frame)


def dataframe(data: Dataset, select: Callable, *args, **options) -> None:
    """st.dataframe of select(data, *args), a selection of views.py, built once per version of the data."""
    st.dataframe(_memo(select, data, *args), **options)


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


@dataclass(frozen=True)
class Card:
    """A metric card as st.metric draws it."""

    label: str
    value: str
    help: str
    delta: str | None = None
    border: bool = False
    trend: bool = False  # the delta is the change over the side's full years, not a source's growth rate
    falling: bool = False  # the trend went down: its arrow points down, in no colour of judgement


# How a change between two hedged figures is hedged: a lower bound less a stated figure is a lower bound.
_CHANGE_QUALIFIER = {
    ("exact", "exact"): "exact", ("approx", "exact"): "approx", ("exact", "approx"): "approx",
    ("approx", "approx"): "approx", ("exact", "at_least"): "at_least", ("at_least", "exact"): "at_most",
    ("exact", "at_most"): "at_most", ("at_most", "exact"): "at_least",
}  # fmt: skip


def _trend(yearly: pd.DataFrame, unit: str) -> tuple[str, bool] | None:
    """The change from the side's first full year to its last, hedged as the two figures allow; None if they
    allow no bound."""
    first, last = yearly.iloc[0], yearly.iloc[-1]
    qualifier = _CHANGE_QUALIFIER.get((first["qualifier"], last["qualifier"]))
    if qualifier is None:
        return None
    change = last["value"] - first["value"]
    return f"{format_value(change, unit, qualifier, signed=True)} since {first['period']}", change < 0


def _card(label: str, row: pd.Series | None, data: Dataset, delta: pd.Series | None = None) -> Card:
    if row is None:
        return Card(label, "—", "No figure in the data")
    same = views.rows(data, row["indicator_id"], derived=False)
    itself = (same["source_id"] == row["source_id"]) & (same["quote"] == row["quote"])
    period = row["period"] if isinstance(row["period"], str) else ""  # a target may have no year
    # Other accounts of the same figure: a target for the same year is not an account of the outcome.
    others = same[(same["period"].fillna("") == period) & (same["kind"] == row["kind"]) & ~itself]
    yearly = views.trend(data, row)
    help = help_text(row, others)
    trend = _trend(yearly, row["unit"]) if len(yearly) > 1 else None
    if len(yearly) > 1:
        first, last = yearly["period"].iloc[0], yearly["period"].iloc[-1]
        help += (
            f"\n\nThe trend: full-year figures of the same side ({md(row['side_label'])}), {first}–{last}, "
            f"one a year (the latest published where it gave several): "
            + "; ".join(f"{p} {md(d)}" for p, d in zip(yearly["period"], yearly["display"]))
        )
    if delta is not None:  # a growth rate the same source gives
        return Card(
            f"{label}, {row['period_label']} ({row['side_label']})",
            row["display"],
            help,
            delta=f"{delta['display']} vs {delta['base_label']}",
            border=True,
        )
    return Card(
        f"{label}, {row['period_label']} ({row['side_label']})",
        row["display"],
        help,
        delta=trend[0] if trend else None,
        border=True,
        trend=trend is not None,
        falling=bool(trend and trend[1]),
    )


def card(shown: Card) -> None:
    if not shown.border:
        st.metric(shown.label, shown.value, help=shown.help)
    elif shown.trend:
        st.metric(
            shown.label,
            shown.value,
            delta=shown.delta,
            help=shown.help,
            border=True,
            # The card's label names the side; a delta_description would be grey text too faint to read.
            delta_color="off",  # a trend, not a verdict
            delta_arrow="down" if shown.falling else "up",
        )
    else:
        st.metric(shown.label, shown.value, delta=shown.delta, help=shown.help, border=True)


def metric(label: str, row: pd.Series | None, data: Dataset, delta: pd.Series | None = None) -> None:
    """A metric card whose tooltip names its source, its words, and any other account of the same figure."""
    card(_card(label, row, data, delta))


def _latest_card(data: Dataset, label: str, indicator_id: str) -> Card:
    return _card(label, views.latest(data, indicator_id), data)


def latest_metric(data: Dataset, label: str, indicator_id: str) -> None:
    """The metric card of an indicator's latest stated figure."""
    card(_memo(_latest_card, data, label, indicator_id))


def _headline_cards(data: Dataset) -> tuple[Card, ...]:
    return tuple(_card(h.label, h.figure, data, h.delta) for h in views.headlines(data))


def headline_cards(data: Dataset) -> tuple[Card, ...]:
    """The overview's cards: the latest figure of each headline indicator, with its growth as the delta."""
    return _memo(_headline_cards, data)


@dataclass(frozen=True)
class _Divergence:
    title: str
    explanation: str
    table: pd.DataFrame


def _side_by_side(group: pd.DataFrame) -> pd.DataFrame:
    """A divergence's figures with who gave them, as st.table shows them: every cell escaped markdown."""
    return pd.DataFrame(
        {
            "Figure": [md(v) for v in group["display"]],
            "Source": [md_link(p, u) for p, u in zip(group["publisher"], group["source_url"])],
            "Said by": [md(v) for v in group["said_by"]],
            "Published": [md(v) for v in group["source_published_label"]],
            "Words": [f"“{md(v)}”" for v in group["quote"]],
        }
    )


def _divergence_parts(data: Dataset) -> tuple[_Divergence, ...]:
    return tuple(
        _Divergence(md(title), md(group["explanation"].iloc[0]), _side_by_side(group))
        for title, group in views.divergence_groups(data)
    )


def divergences(data: Dataset) -> None:
    """Each divergence: a heading, its explanation and its figures side by side with who gave them.

    A static table (st.table), not st.dataframe: a few rows read in full, quotes included, and the
    overview then needs no data grid, whose code the browser would otherwise fetch before the page settles.
    """
    for group in _memo(_divergence_parts, data):
        st.subheader(group.title)
        st.markdown(group.explanation)
        st.table(group.table, hide_index=True)


_EVENT_LINE = ("event_id", "date_label", "title", "status", "category", "publisher", "source_url", "disputed")


def _event_line(accounts: list, dates: dict[str, list[str]], detailed: bool = False) -> str:
    """An event's accounts of one date in one line, naming each of their sources; detailed, also whether it is
    planned and its category. Where accounts disagree on the date, the line names the other dates and their sources.
    """
    event = accounts[0]
    mark = " (planned)" if detailed and event.status == "planned" else ""
    what = f" · _{md(event.category)}_" if detailed else ""
    sources = "; ".join(md_link(a.publisher, a.source_url) for a in accounts)
    line = f"**{md(event.date_label)}** · {md(event.title)}{mark}{what} · {sources}"
    if event.disputed:
        others = "; ".join(f"{label} ({', '.join(by)})" for label, by in dates.items() if label != event.date_label)
        line += f" · ⚠ accounts disagree on the date; also: {md(others)}"
    return line


def _event_lines(events: pd.DataFrame, every: pd.DataFrame, detailed: bool = False) -> list[tuple[int, str]]:
    """The events one line per date an event's accounts give, in the order of events, each with the position in
    events of its first account.

    Accounts that agree on a date share a line, so an event told by four sources is not listed four times;
    `every` holds all accounts, so a line names the other dates even where a filter hides them.
    """
    dates: dict[str, dict[str, list[str]]] = {}
    for a in charts.records(every[every["event_id"].isin(events["event_id"])], ("event_id", "date_label", "publisher")):
        dates.setdefault(a.event_id, {}).setdefault(a.date_label, []).append(a.publisher)
    same_date: dict[tuple[str, str], tuple[int, list]] = {}
    for i, a in enumerate(charts.records(events, _EVENT_LINE)):
        same_date.setdefault((a.event_id, a.date_label), (i, []))[1].append(a)
    return [(i, _event_line(accounts, dates[accounts[0].event_id], detailed)) for i, accounts in same_date.values()]


def _event_list(lines: tuple[str, ...]) -> None:
    # One markdown list, not an element per event: each element costs the browser as much as a short list.
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))


def _selected_lines(data: Dataset, select: Callable, *args) -> tuple[str, ...]:
    return tuple(line for _, line in _event_lines(select(data, *args), data.events))


def event_list(data: Dataset, select: Callable, *args, key: str, title: str) -> None:
    """The events of select(data, *args), a selection of views.py: one line each with its source, then a table."""
    _event_list(_memo(_selected_lines, data, select, *args))
    selection_table(data, select, *args, key=key, title=title)


def recent_events(data: Dataset) -> None:
    """The latest events that happened, one line each with its source."""
    _event_list(_memo(_selected_lines, data, views.recent_events))


@dataclass(frozen=True)
class _Timeline:
    count: int
    chart: go.Figure | None
    alt: str
    caption: str
    lines: tuple[tuple[int, str], ...]  # each line with its year, for the chronology's headings
    events: pd.DataFrame

    @cached_property
    def table(self) -> tuple[pd.DataFrame, str]:
        """The events as a table, and its CSV: made when a reader first opens them."""
        table = views.event_table(self.events)
        return table, to_csv(table)


def _timeline_parts(data: Dataset, years: tuple[int, int], categories: tuple[str, ...], future: bool) -> _Timeline:
    events = views.filter_events(data.events, years, list(categories), future)
    starts = events["start"].dt.year.tolist()
    return _Timeline(
        count=events["event_id"].nunique(),
        chart=None if events.empty else charts.timeline_chart(events),
        alt=views.describe_events(events),
        caption="" if events.empty else sources_caption(events),
        lines=tuple((int(starts[i]), line) for i, line in _event_lines(events, data.events, detailed=True)),
        events=events,
    )


def timeline(data: Dataset, years: tuple[int, int], categories: list[str], future: bool) -> None:
    """The events within the years and categories, counted and on a time axis, with their sources."""
    parts = _memo(_timeline_parts, data, tuple(years), tuple(categories), bool(future))
    st.markdown(f"{parts.count} event{'s' if parts.count != 1 else ''} shown")
    if parts.chart is None:
        st.info("No events match these filters.")
    else:
        st.plotly_chart(parts.chart, key="chart_timeline", alt=parts.alt, config={"displaylogo": False})
        st.markdown(parts.caption)


def chronology(data: Dataset, years: tuple[int, int], categories: list[str], future: bool) -> None:
    """The same events as a list, one line each, then as a table and a CSV."""
    parts = _memo(_timeline_parts, data, tuple(years), tuple(categories), bool(future))
    # One markdown text, a heading for each year and its events under it (see _event_list).
    blocks: dict[int, list[str]] = {}
    for year, line in parts.lines:
        blocks.setdefault(year, []).append(f"- {line}")
    if blocks:
        st.markdown("\n\n".join(f"#### {year}\n" + "\n".join(lines) for year, lines in blocks.items()))
    _draw_table("timeline_events", "Events as a table", lambda: parts.table)


def _figures_parts(
    data: Dataset, topics: tuple, indicators: tuple, sources: tuple, search: str
) -> tuple[pd.DataFrame, str, str]:
    shown = views.table(
        views.filter_observations(data.observations, list(topics), list(indicators), list(sources), search)
    )
    return shown, to_csv(shown), to_json(shown)


def figures_table(data: Dataset, topics: list[str], indicators: list[str], sources: list[str], search: str) -> None:
    """Every figure matching the filters, derived ones included: counted, as a table, as CSV and as JSON."""
    shown, csv, json = _memo(_figures_parts, data, tuple(topics), tuple(indicators), tuple(sources), search)
    st.markdown(f"{len(shown)} of {len(data.observations)} figures, derived ones included")
    st.dataframe(shown, hide_index=True, column_config={"source_url": st.column_config.LinkColumn("source_url")})
    left, right = st.columns(2)
    left.download_button("Download CSV", csv, "figures.csv", "text/csv", key="figures_csv", on_click="ignore")
    right.download_button(
        "Download JSON", json, "figures.json", "application/json", key="figures_json", on_click="ignore"
    )


# ---------------------------------------------------------------- commitments against outcomes


@dataclass(frozen=True)
class _Commitment:
    """One commitment as the page shows it: its statuses by side, its lines of text, and its chart if measurable."""

    commitment_id: str
    topic: str
    title: str
    statuses: tuple[str, ...]
    lines: tuple[str, ...]
    chart: go.Figure | None
    alt: str


def _quoted(row) -> str:
    """A statement's words with its source: the quote, our translation if any, who said it, and the link."""
    who = f"{md(row.get('said_by'))}, " if isinstance(row.get("said_by"), str) else ""
    date = row.get("source_published_label") or "date not shown"
    words = f"“{md(row['quote'])}”"
    if isinstance(row.get("translation"), str):
        words += f" (our translation: “{md(row['translation'])}”)"
    return f"{words} — {who}{md_link(row['publisher'], row['source_url'])}, {md(date)}"


def _commitment_parts(data: Dataset, today: str) -> tuple[_Commitment, ...]:
    from . import commitments

    parts = []
    for _, c in data.commitments.iterrows():
        promised = commitments.promises(data, c)
        verdicts = commitments.assess(data, c, pd.Timestamp(today))
        due = commitments.deadline(c, promised)
        lines = [f"**Deadline:** {due:%Y}" if due is not None else "**Deadline:** none stated"]
        for _, p in promised.iterrows():
            figure = md(p["display"]) if "display" in p else md(p["date_label"])
            lines.append(f"**Promised** ({figure}): {_quoted(p)}")
        for v in verdicts:
            line = f"**{md(commitments.STATUS_LABELS[v.status])}** — {md(v.sentence)}"
            if v.outcome is not None and isinstance(v.outcome.get("quote"), str):
                line += f": {_quoted(v.outcome)}"
            if v.outcome is not None and isinstance(v.outcome.get("arithmetic"), str):
                line += f" · _derived:_ {md(v.outcome['arithmetic'])}"
            lines.append(line)
        chart = None
        found = commitments.outcomes(data, c, promised)
        if isinstance(c["indicator"], str) and isinstance(c["measured_by"], str) and not found.empty:
            chart = charts.series_chart(found, c["title"])
            target = commitments.target_in_outcome_unit(data, c)
            charts.promise_line(chart, target, label=f"Promise: {promised['display'].iloc[0]}")
        parts.append(
            _Commitment(
                commitment_id=c["commitment_id"],
                topic=c["topic"],
                title=c["title"],
                statuses=tuple(v.status for v in verdicts),
                lines=tuple(lines),
                chart=chart,
                alt=f"{c['title']}: " + "; ".join(v.sentence for v in verdicts),
            )
        )
    return tuple(parts)


def _today() -> str:
    return f"{pd.Timestamp.today():%Y-%m-%d}"  # a status may change when a deadline passes: kept a day


def commitments(data: Dataset, topics: list[str], statuses: list[str]) -> None:
    """Every commitment of the chosen topics and statuses (all when none is chosen), grouped by topic, with a CSV."""
    from . import commitments as rules

    parts = [
        p
        for p in _memo(_commitment_parts, data, _today())
        if (not topics or p.topic in topics) and (not statuses or set(p.statuses) & set(statuses))
    ]
    table = _memo(rules.table, data, pd.Timestamp(_today()))
    shown = table[table["commitment_id"].isin([p.commitment_id for p in parts])]
    st.markdown(f"{len(parts)} of {len(data.commitments)} commitments shown")
    st.download_button(
        "Download the table as CSV (both ends' sources)",
        to_csv(shown),
        file_name="commitments.csv",
        mime="text/csv",
        key="commitments_csv",
        on_click="ignore",
    )
    for topic in dict.fromkeys(p.topic for p in parts):
        st.header(topic.capitalize())
        for p in (p for p in parts if p.topic == topic):
            st.subheader(p.title)
            st.markdown("\n".join(f"- {line}" for line in p.lines))
            if p.chart is not None:
                st.plotly_chart(
                    p.chart, key=f"chart_commitment_{p.commitment_id}", alt=p.alt, config={"displaylogo": False}
                )


def commitment_summary(data: Dataset) -> None:
    """One line for the overview: how many commitments are met, in progress, overdue, without an outcome."""
    from . import commitments as rules

    if data.commitments is None or data.commitments.empty:
        return
    counts = _memo(rules.summary, data, pd.Timestamp(_today()))
    order = [*rules.STATUSES, "sides disagree"]
    text = " · ".join(f"{counts[s]} {md(rules.STATUS_LABELS.get(s, s).lower())}" for s in order if counts.get(s))
    st.markdown(f"**Commitments tracked: {sum(counts.values())}** — {text}. See the Commitments page.")

"""Pure chart builders: tidy rows in, plotly figures out, each carrying its sources inside the figure."""

from __future__ import annotations

import html
import textwrap
from collections import namedtuple
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .units import UNITS, convert

# Okabe–Ito colours (their yellow swapped for a wine red that reads on white): distinguishable with
# colour-blindness and legible on light and dark backgrounds.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255", "#999999"]
CATEGORY_COLOURS = dict(
    zip(
        ["diplomacy", "treaty", "visit", "economy", "energy", "education", "culture", "security", "migration"],
        [*PALETTE, "#44AA99"],
    )
)
QUOTE_WIDTH = 60
# What hover_text reads of a row.
HOVER_COLUMNS = (
    "display", "label", "period_label", "base_label", "kind", "derived", "arithmetic", "inputs", "publisher",
    "source_published_label", "said_by", "quote", "translation", "side_label", "according_to", "source_published",
)  # fmt: skip
# Whose numbers a figure is, by colour; and how the source hedged it, by marker.
SIDE_COLOURS = {"Russian side": "#0072B2", "Kyrgyz side": "#D55E00", "Other": "#009E73", "Not stated": "#999999"}
QUALIFIER_SYMBOLS = {"exact": "circle", "approx": "diamond", "at_least": "triangle-up", "at_most": "triangle-down"}
EVENT_HOVER_COLUMNS = (
    "title", "date_label", "category", "status", "publisher", "source_published_label", "quote", "note",
    "translation", "disputed", "other_accounts",
)  # fmt: skip


@lru_cache(maxsize=64)
def _record_type(columns: tuple[str, ...]) -> type:
    return namedtuple("Row", columns)


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list:
    """The rows of some columns as named tuples, with the values itertuples() gives.

    itertuples() reads every column of the frame, cell by cell; the pages' frames have some thirty
    columns where a builder reads a few, so this reads only those, a column at a time.
    """
    row = _record_type(tuple(columns))
    return [row._make(values) for values in zip(*(frame[c].tolist() for c in columns))] if len(frame) else []


def esc(text) -> str:
    """Escape data for plotly's HTML-like text, so that data is always shown as text."""
    return html.escape(str(text), quote=False) if text is not None and text == text else ""


def account(row) -> str:
    """Name who gave a figure: the publisher, and the speaker when the source names one."""
    said_by = getattr(row, "said_by", None)
    return f"{row.publisher} — {said_by}" if isinstance(said_by, str) and said_by else str(row.publisher)


CREDIT_PUBLISHERS = 6  # named in a chart's credit; the rest are counted, and named in each point's hover


def source_credit(rows: pd.DataFrame) -> str:
    """'Source: Eurasian Star, Nov 2025; 24.kg, 28 Jul 2025' for the distinct sources of the rows.

    Past three sources, the publishers are named without dates, those with the most figures first, and
    past six the others are counted: a chart's credit stays a few lines on a phone and in its PNG.
    """
    first: dict = {}  # each source's first row, in the order the sources first appear
    for source, publisher, date in zip(rows["source_id"], rows["publisher"], rows["source_published_label"]):
        first.setdefault(source, (publisher, date))
    if not first:
        return ""
    if len(first) <= 3:
        credits = [f"{publisher}, {date}" for publisher, date in first.values()]
        return ("Sources: " if len(credits) > 1 else "Source: ") + "; ".join(credits)
    counts = rows["publisher"].value_counts(sort=False)
    publishers = sorted(counts.index, key=lambda p: -counts[p])  # stable: ties keep their first appearance
    named = "; ".join(str(p) for p in publishers[:CREDIT_PUBLISHERS])
    more = len(publishers) - CREDIT_PUBLISHERS
    return f"Sources: {len(first)} pages of {len(publishers)} publishers: {named}" + (
        f" and {more} more, each named in its points' hover" if more > 0 else ""
    )


def _wrap(text: str) -> str:
    return "<br>".join(esc(line) for line in textwrap.wrap(text, QUOTE_WIDTH))


def hover_text(row) -> str:
    """The full provenance of one figure: value, period, source, speaker, quote, and any arithmetic."""
    period = row.period_label
    if isinstance(getattr(row, "base_label", None), str):
        period = f"{period} vs {row.base_label}"
    lines = [f"<b>{esc(row.display)}</b> · {esc(row.label)} · {esc(period)}"]
    if row.kind == "target":
        lines.append("<i>target</i>")
    if row.derived:
        lines.append(f"<i>Derived, not stated:</i> {esc(row.arithmetic)}")
        lines.append(f"from {esc(row.inputs)}")
    lines.append(f"{esc(row.publisher)}, {esc(row.source_published_label)}")
    side = getattr(row, "side_label", None)
    if isinstance(side, str):
        whose = getattr(row, "according_to", None)
        lines.append(
            f"Whose numbers: {esc(side)}" + (f" (according to {esc(whose)})" if isinstance(whose, str) else "")
        )
    if isinstance(row.said_by, str):
        lines.append(f"Said by {esc(row.said_by)}")
    lines.append(f"“{_wrap(row.quote)}”")
    translation = getattr(row, "translation", None)
    if isinstance(translation, str):
        lines.append(f"<i>Our translation:</i> “{_wrap(translation)}”")
    return "<br>".join(lines)


def _update(obj, **values) -> None:
    """obj.update(values) without its bookkeeping, which costs more than the update itself.

    Properties are set in the order plotly's update sets them (at each level the mappings first,
    then the plain values), so the figure and its JSON come out exactly as update() makes them.
    """
    for key, value in values.items():
        if isinstance(value, dict):
            _update(obj[key], **value)
    for key, value in values.items():
        if not isinstance(value, dict):
            obj[key] = value


# The layout is made for the narrowest screen, a 390 px phone, so that no text of a chart can overlap
# another at any width: the title wraps, the legend sits in rows under the plot, and the sources under
# the legend; the figure grows by what they take, so the plot keeps its height and its whole width.
PHONE_WIDTH = 270  # px of a phone's plot, and of its legend
TITLE_CHARS = 36  # of a 16 px title across a phone's chart
CREDIT_CHARS = 52  # of the 11 px source line across it
LEGEND_CHARS = 30  # of a legend entry
PLOT_HEIGHT = 300
TARGET_CHARS = 38  # of a target line's 11 px label, within the plot
_TITLE_LINE, _LEGEND_ROW, _CREDIT_LINE, _TICKS, _CHANGE_ROW = 22, 21, 15, 34, 20  # px


def _legend_height(names: list[str]) -> int:
    """The legend's height on a phone: all entries on one row if they fit, else (as plotly lays them
    out in columns as wide as the widest entry, which on a phone is one) one row each."""
    widths = [44 + 7 * max(len(line) for line in name.split("<br>")) for name in names]
    heights = [_LEGEND_ROW + 3 + 17 * name.count("<br>") for name in names]
    return max(heights) + 6 if sum(widths) <= PHONE_WIDTH else sum(heights) + 6


def _base(title: str, unit_label: str, rows: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    _update(fig.layout, yaxis_title=esc(unit_label), hoverlabel={"align": "left"})
    fig.layout.meta = {"title": title, "credit": source_credit(rows)}  # for fit(), which clears it
    return fig


def fit(fig: go.Figure, plot_height: int = PLOT_HEIGHT, left: int = 64, legend: bool = True) -> go.Figure:
    """Lay the title, the legend and the sources out around the plot for any width (see PHONE_WIDTH).

    Called once the figure has all its traces and marks: the legend's rows depend on them.
    """
    title, credit_text = fig.layout.meta["title"], fig.layout.meta["credit"]
    fig.layout.meta = None
    title_lines = textwrap.wrap(title, TITLE_CHARS) or [""]
    credit_lines = textwrap.wrap(credit_text, CREDIT_CHARS)
    names = [t.name for t in fig.data if t.showlegend is not False and t.name] if legend else []
    legend_height = _legend_height(names) if len(names) > 1 else 0
    top = 16 + _TITLE_LINE * len(title_lines)
    credit_height = _CREDIT_LINE * len(credit_lines) + 8
    bottom = _TICKS + legend_height + credit_height
    _update(
        fig.layout,
        title={
            "text": "<br>".join(esc(line) for line in title_lines),
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 10, "l": 10},
            "font": {"size": 16},
        },
        showlegend=len(names) > 1,
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -_TICKS / plot_height,
            "yanchor": "top",
            "font": {"size": 11},
        },
        margin={"t": top, "b": bottom, "l": left, "r": 16, "autoexpand": False},
        height=plot_height + top + bottom,
    )
    if credit_lines:
        fig.add_annotation(
            text="<br>".join(esc(line) for line in credit_lines),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xshift=8 - left,  # from the figure's own edge: the phone's width is all the line has
            yshift=-(_TICKS + legend_height),
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": 11},
            name="sources",
        )
    return fig


_KEY = {
    "circle": "● stated",
    "diamond": "◆ about",
    "triangle-up": "▲ at least",
    "triangle-down": "▼ at most",
    "star": "★ target or forecast",
}


def marker_key(fig: go.Figure) -> str:
    """What the chart's marker shapes mean, for the line under it: the legend names only the colours."""
    symbols = {symbol for trace in fig.data if trace.marker.symbol is not None for symbol in trace.marker.symbol}
    shown = [text for symbol, text in _KEY.items() if symbol in symbols or f"{symbol}-open" in symbols]
    if any(str(symbol).endswith("-open") for symbol in symbols):
        shown.append("hollow: derived here, not stated")
    if any(trace.mode == "lines" for trace in fig.data) or fig.layout.shapes:
        shown.append("dashed line: a target with no year, from when it was first set, each statement a ★")
    return "Markers: " + " · ".join(shown) + ". A bar through a marker spans its period." if shown else ""


def _middle(row) -> pd.Timestamp:
    """Where a figure stands on the time axis: the middle of the period it covers."""
    return row.period_start + (row.period_end - row.period_start) / 2


def series_chart(rows: pd.DataFrame, title: str, unit: str | None = None, by: str = "side") -> go.Figure:
    """Figures on a real time axis: one marker per account, at the middle of the period it covers.

    A horizontal bar through each marker spans its period, so that January–November is never drawn
    as a year. Colour tells whose numbers a figure is (by="side") or which indicator (by="label");
    the marker tells the hedge (▲ at least, ▼ at most, ◆ about); derived figures are hollow and
    targets are stars. Rows in other units of one dimension are converted into `unit`.
    """
    unit = unit or rows["unit"].iloc[0]
    fig = _base(title, UNITS[unit].label, rows)
    read = records(rows, ("value", "unit", "period", "period_start", "period_end", "qualifier", *HOVER_COLUMNS))
    groups: dict[tuple, list] = {}
    for r in read:
        if pd.isna(r.period) or r.kind == "target":
            continue  # targets are lines of their own (_target_lines)
        key = (r.side_label if by == "side" else r.label, bool(r.derived), r.kind)
        groups.setdefault(key, []).append(r)
    names = list(dict.fromkeys(k[0] for k in groups))
    colours = (
        {n: SIDE_COLOURS.get(n) or PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
        if by == "side"
        else {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
    )
    traces = []
    for (name, derived, kind), part in sorted(groups.items(), key=lambda item: (item[0][1], item[0][2] != "actual")):
        part.sort(key=lambda r: r.period_start)
        middle = [_middle(r) for r in part]
        symbols = ["star" if kind != "actual" else QUALIFIER_SYMBOLS[r.qualifier] for r in part]
        if derived:
            symbols = [s + "-open" for s in symbols]
        half = [((r.period_end - r.period_start) / 2).total_seconds() * 1000 for r in part]
        label = name + (" (derived)" if derived else "") + (f" ({kind})" if kind != "actual" else "")
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": middle,
                "y": np.array([convert(r.value, r.unit, unit) for r in part], dtype=float),
                "name": "<br>".join(esc(line) for line in textwrap.wrap(label, LEGEND_CHARS)),
                "legendgroup": esc(name),
                "showlegend": False,
                "error_x": {"type": "data", "array": half, "arrayminus": half, "thickness": 1.5, "width": 0},
                "marker": {
                    "symbol": symbols,
                    "size": 11,
                    "color": colours[name],
                    "line": {"width": 2, "color": colours[name]},
                },
                "hovertext": [hover_text(r) for r in part],
                "hoverinfo": "text",
                # What annotate_changes needs to find a period on the chart.
                "meta": {"derived": derived, "kind": kind, "periods": [r.period_label for r in part]},
            }
        )
    # The legend names each colour once, with a plain dot: the shapes are the hedges, which marker_key() names.
    legend = [
        {
            "type": "scatter",
            "mode": "markers",
            "x": [None],
            "y": [None],
            "name": "<br>".join(esc(line) for line in textwrap.wrap(name, LEGEND_CHARS)),
            "legendgroup": esc(name),
            "marker": {"symbol": "circle", "size": 11, "color": colours[name]},
            "hoverinfo": "skip",
            "meta": {"derived": False, "kind": "legend", "periods": []},
        }
        for name in names
    ]
    fig.add_traces(legend + traces)
    _target_lines(fig, [r for r in read if r.kind == "target"], unit, read)
    _year_axis(fig, [r for r in read if not pd.isna(r.period)])
    _update(fig.layout.yaxis, rangemode="tozero")
    return fit(fig)


def _year_axis(fig: go.Figure, dated: list) -> None:
    """A date axis labelled by year, at least a few years wide: plotly would label a few months by the hour."""
    _update(fig.layout.xaxis, type="date", tickformat="%Y")
    if not dated:
        return
    start = min(r.period_start for r in dated)
    end = max(r.period_end for r in dated)
    if end - start < pd.Timedelta(days=365 * 6):
        middle = start + (end - start) / 2
        start, end = middle - pd.Timedelta(days=365 * 3), middle + pd.Timedelta(days=365 * 3)
        _update(fig.layout.xaxis, range=[start, end], dtick="M12")


def _target_lines(fig: go.Figure, targets: list, unit: str, read: list) -> None:
    """Targets as dashed lines from the first page that states each, labelled with who set it and when.

    One line per level, since a target is often restated over years; it runs to its deadline where every
    statement gives one, else across the chart. Each statement is a star on it at its page's date (an
    undated page at the line's start), with its own quote in its hover. Labels of nearby levels are
    stacked, so that none lies over another.
    """
    if not targets:
        return
    dated = [r.period_end for r in read if not pd.isna(r.period)] + [
        pd.Timestamp(r.source_published) for r in targets if isinstance(r.source_published, str)
    ]
    levels: dict[float, list] = {}
    for r in targets:
        levels.setdefault(convert(r.value, r.unit, unit), []).append(r)
    highest = max([convert(r.value, r.unit, unit) for r in read] + list(levels))
    per_unit = PLOT_HEIGHT / (highest * 1.1) if highest > 0 else 0.0  # px; plotly pads its range by about a tenth
    placed: list[tuple[float, list[str], dict]] = []  # each label's level, lines and annotation, placed after
    for level, rows in sorted(levels.items(), reverse=True):
        rows.sort(key=lambda r: r.source_published if isinstance(r.source_published, str) else "9999")
        first = rows[0]
        when = first.source_published_label if isinstance(first.source_published, str) else "date not shown"
        who = first.said_by if isinstance(first.said_by, str) else first.publisher
        due = max(r.period_end for r in rows) if all(not pd.isna(r.period) for r in rows) else None
        by = f" by {due:%Y}" if due is not None else ""
        restated = f" (+{len(rows) - 1} restated)" if len(rows) > 1 else ""
        lines = textwrap.wrap(f"{first.display} target{by}{restated}: {who}, {when}", TARGET_CHARS)
        label = "<br>".join(esc(line) for line in lines)
        if not dated:  # nothing on the chart has a date: a line across, its statements in the label's hover
            fig.add_hline(
                y=level,
                line={"dash": "dash", "color": PALETTE[-1], "width": 2},
                annotation={"text": label, "hovertext": "<br><br>".join(hover_text(r) for r in rows)},
            )
            continue
        start = pd.Timestamp(first.source_published) if isinstance(first.source_published, str) else min(dated)
        end = due if due is not None else max(dated)
        fig.add_traces(
            [
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": [start, end],
                    "y": [level, level],
                    "line": {"dash": "dash", "color": PALETTE[-1], "width": 2},
                    "name": label,
                    "showlegend": False,
                    "hoverinfo": "skip",
                    "meta": {"derived": False, "kind": "target", "periods": []},
                },
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": [
                        pd.Timestamp(r.source_published) if isinstance(r.source_published, str) else start for r in rows
                    ],
                    "y": np.full(len(rows), level, dtype=float),
                    "marker": {"symbol": ["star"] * len(rows), "size": 11, "color": PALETTE[-1]},
                    "name": label,
                    "showlegend": False,
                    "hovertext": [hover_text(r) for r in rows],
                    "hoverinfo": "text",
                    "meta": {"derived": False, "kind": "target", "periods": []},
                },
            ]
        )
        placed.append((level, lines, {"x": end, "y": level, "text": label}))
    _place_labels(fig, placed, per_unit)


def _place_labels(fig: go.Figure, placed: list, per_unit: float) -> None:
    """Put each target's label above its line, or below it, or further down, so that none crosses another
    or leaves the plot; from the highest level down, in px from the plot's bottom."""
    floor = float(PLOT_HEIGHT)  # nothing may reach above this
    for level, lines, annotation in placed:
        at, height = level * per_unit, 14 * len(lines) + 4
        if at + height <= floor - 2:
            anchor, shift, floor = "bottom", 0.0, at
        elif at <= floor - 2:
            anchor, shift, floor = "top", 0.0, at - height
        else:
            anchor, shift = "top", floor - 2 - at
            floor = floor - 2 - height
        fig.add_annotation(
            **annotation, xanchor="right", yanchor=anchor, yshift=shift, align="right", showarrow=False,
            font={"size": 11},
        )  # fmt: skip


def promise_line(fig: go.Figure, value: float, label: str) -> go.Figure:
    """A commitment's promised level as a dashed line across the chart of its outcomes, named at its left end."""
    fig.add_hline(
        y=value,
        line={"dash": "dash", "color": PALETTE[-1], "width": 2},
        annotation={"text": esc(label), "xanchor": "left", "yanchor": "bottom", "font": {"size": 11}},
        annotation_position="top left",
    )
    _update(fig.layout.yaxis, rangemode="tozero")
    return fig


def annotate_changes(fig: go.Figure, changes: pd.DataFrame) -> go.Figure:
    """Mark derived changes above the later period's figures, with their arithmetic in the hover.

    Each mark has a row of its own above the plot, which grows the figure, so that no two overlap.
    """
    plotted = {period for trace in fig.data for period in (trace.meta or {}).get("periods", ())}
    marked = [
        row for row in records(changes, (*HOVER_COLUMNS, "period_start", "period_end")) if row.period_label in plotted
    ]
    for i, row in enumerate(reversed(marked)):
        fig.add_annotation(
            x=_middle(row),
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=4 + i * _CHANGE_ROW,
            text=f"{esc(row.display)} vs {esc(row.base_label)} (derived)",
            hovertext=hover_text(row),
            showarrow=False,
            font={"size": 12},
        )
    grown = len(marked) * _CHANGE_ROW
    _update(fig.layout, margin={"t": fig.layout.margin.t + grown}, height=fig.layout.height + grown)
    return fig


def mark_milestones(fig: go.Figure, events: pd.DataFrame) -> go.Figure:
    """Number the timeline's milestones on the time axis: a dotted line at each, its number above the plot.

    Numbers, not titles, so that no two labels can collide; the hover gives the event and its source,
    and milestone_key() names them under the chart. Only milestones within the plotted years are marked.
    """
    dated = [t for t in fig.data if t.legendgroup and t.hovertext]  # the accounts, not the legend dots
    if not dated or events.empty:
        return fig
    first = min(min(t.x) for t in dated) - pd.Timedelta(days=365)
    last = max(max(t.x) for t in dated) + pd.Timedelta(days=365)
    rows_above = sum(1 for a in fig.layout.annotations if a.yref == "paper" and a.y == 1)
    marked = 0
    for number, row in enumerate(records(events, (*EVENT_HOVER_COLUMNS, "start")), 1):
        if not first <= row.start <= last:
            continue
        marked += 1
        fig.add_shape(
            type="line", xref="x", yref="paper", x0=row.start, x1=row.start, y0=0, y1=1,
            line={"dash": "dot", "width": 1, "color": PALETTE[-1]},
        )  # fmt: skip
        fig.add_annotation(
            x=row.start, y=1, yref="paper", yanchor="bottom", yshift=4 + rows_above * _CHANGE_ROW,
            text=f"<b>{number}</b>", hovertext=_event_hover(row), showarrow=False, font={"size": 12},
        )  # fmt: skip
    if marked:
        _update(fig.layout, margin={"t": fig.layout.margin.t + _CHANGE_ROW}, height=fig.layout.height + _CHANGE_ROW)
    return fig


def milestone_key(events: pd.DataFrame) -> str:
    """'Milestones: 1 Apr 2010 Revolution in Kyrgyzstan; 2 …', naming the numbers mark_milestones() draws."""
    lines = [f"{n} {row.date_label}: {row.title}" for n, row in enumerate(records(events, ("date_label", "title")), 1)]
    return "Milestones: " + "; ".join(lines) + "." if lines else ""


def timeline_chart(events: pd.DataFrame, title: str = "Timeline of Russia–Kyrgyzstan relations") -> go.Figure:
    """Events on a time axis, one row per category; planned events hollow, spans drawn as bars."""
    fig = go.Figure()
    for category, part in events.groupby("category", sort=False):
        colour = CATEGORY_COLOURS.get(category, PALETTE[-1])
        for status, group in part.groupby("status", sort=False):
            planned = status == "planned"
            fig.add_trace(
                go.Scatter(
                    x=group["start"],
                    y=group["category"],
                    mode="markers",
                    name=f"{category} ({status})" if planned else category,
                    legendgroup=category,
                    marker={
                        "size": 13,
                        "color": colour,
                        "line": {"width": 2},
                        "symbol": "diamond-open" if planned else "circle",
                    },
                    hovertext=[_event_hover(r) for r in records(group, EVENT_HOVER_COLUMNS)],
                    hoverinfo="text",
                    meta={"planned": planned},
                )
            )
    for row in records(events[events["end"].notna()], ("start", "finish", "category")):
        fig.add_shape(
            type="line",
            x0=row.start,
            x1=row.finish,
            y0=row.category,
            y1=row.category,
            line={"color": CATEGORY_COLOURS.get(row.category, PALETTE[-1]), "width": 4},
        )
    _update(fig.layout, hoverlabel={"align": "left"}, xaxis_type="date")
    fig.layout.meta = {"title": title, "credit": source_credit(events)}
    return fit(fig, plot_height=360, left=76, legend=False)  # the lanes name the categories


def _event_hover(row) -> str:
    lines = [f"<b>{esc(row.title)}</b>", f"{esc(row.date_label)} · {esc(row.category)} · {esc(row.status)}"]
    lines.append(f"{esc(row.publisher)}, {esc(row.source_published_label)}")
    lines.append(f"“{_wrap(row.quote)}”")
    if isinstance(row.translation, str):
        lines.append(f"<i>Our translation:</i> “{_wrap(row.translation)}”")
    if isinstance(row.note, str):
        lines.append(f"<i>Note:</i> {_wrap(row.note)}")
    if isinstance(row.other_accounts, str):
        verb = "<b>Accounts disagree on the date.</b> Also" if row.disputed else "Also told by"
        lines.append(f"{verb}: {_wrap(row.other_accounts)}")
    return "<br>".join(lines)


def traces_named(fig: go.Figure) -> list[str]:
    return [t.name for t in fig.data]


def all_hover(fig: go.Figure) -> Iterable[str]:
    """Every hover text of a figure: its traces' points and its annotations."""
    for trace in fig.data:
        yield from trace.hovertext or []
    for annotation in fig.layout.annotations:
        if annotation.hovertext:
            yield annotation.hovertext

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
        ["diplomacy", "treaty", "visit", "economy", "energy", "education", "culture", "security"],
        PALETTE,
    )
)
QUOTE_WIDTH = 60
# What hover_text reads of a row.
HOVER_COLUMNS = (
    "display", "label", "period_label", "base_label", "kind", "derived", "arithmetic", "inputs", "publisher",
    "source_published_label", "said_by", "quote", "translation", "side_label", "according_to",
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


def source_credit(rows: pd.DataFrame) -> str:
    """'Source: Eurasian Star, Nov 2025; 24.kg, 28 Jul 2025' for the distinct sources of the rows."""
    first: dict = {}  # each source's first row, in the order the sources first appear
    for source, publisher, date in zip(rows["source_id"], rows["publisher"], rows["source_published_label"]):
        first.setdefault(source, f"{publisher}, {date}")
    credits = list(first.values())
    return ("Sources: " if len(credits) > 1 else "Source: ") + "; ".join(credits) if credits else ""


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


def _base(title: str, unit_label: str, rows: pd.DataFrame, height: int = 460) -> go.Figure:
    fig = go.Figure()
    _update(
        fig.layout,
        title={"text": esc(title)},
        yaxis_title=esc(unit_label),
        height=height,
        hoverlabel={"align": "left"},
        legend={"orientation": "v", "x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top", "font": {"size": 11}},
        margin={"t": 70, "b": 150},
    )
    credit(fig, source_credit(rows))
    return fig


def credit(fig: go.Figure, text: str) -> None:
    """Write the sources into the figure itself, so that an exported PNG still carries them."""
    fig.add_annotation(
        text="<br>".join(esc(line) for line in textwrap.wrap(text, 140)),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-95,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 11},
    )


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
        if pd.isna(r.period):
            continue
        key = (r.side_label if by == "side" else r.label, bool(r.derived), r.kind)
        groups.setdefault(key, []).append(r)
    names = list(dict.fromkeys(k[0] for k in groups))
    colours = (
        {n: SIDE_COLOURS.get(n) or PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
        if by == "side"
        else {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}
    )
    traces = []
    for (name, derived, kind), part in groups.items():
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
                "name": esc(label),
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
    fig.add_traces(traces)
    for row in (r for r in read if pd.isna(r.period)):  # a target with no year: a dashed line across
        fig.add_hline(
            y=convert(row.value, row.unit, unit),
            line={"dash": "dash", "color": PALETTE[-1], "width": 2},
            annotation={"text": f"target: {esc(row.display)} (no year stated)", "hovertext": hover_text(row)},
        )
    _update(fig.layout.xaxis, type="date")
    _update(fig.layout.yaxis, rangemode="tozero")
    return fig


def annotate_changes(fig: go.Figure, changes: pd.DataFrame) -> go.Figure:
    """Mark derived changes above the later period's figures, with their arithmetic in the hover."""
    plotted = {period for trace in fig.data for period in (trace.meta or {}).get("periods", ())}
    for row in records(changes, (*HOVER_COLUMNS, "period_start", "period_end")):
        if row.period_label not in plotted:
            continue
        fig.add_annotation(
            x=_middle(row),
            y=1,
            yref="paper",
            yanchor="bottom",
            text=f"{esc(row.display)} vs {esc(row.base_label)} (derived)",
            hovertext=hover_text(row),
            showarrow=False,
            font={"size": 12},
        )
    return fig


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
    _update(
        fig.layout,
        title={"text": esc(title)},
        xaxis_title="date",
        yaxis_title="category",
        hoverlabel={"align": "left"},
        legend={"orientation": "v", "x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top"},
        margin={"t": 60, "b": 150},
        height=480,
    )
    credit(fig, source_credit(events))
    return fig


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

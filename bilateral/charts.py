"""Pure chart builders: tidy rows in, plotly figures out, each carrying its sources inside the figure."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

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


def esc(text) -> str:
    """Escape data for plotly's HTML-like text, so that data is always shown as text."""
    return html.escape(str(text), quote=False) if text is not None and text == text else ""


def account(row) -> str:
    """Name who gave a figure: the publisher, and the speaker when the source names one."""
    said_by = getattr(row, "said_by", None)
    return f"{row.publisher} — {said_by}" if isinstance(said_by, str) and said_by else str(row.publisher)


def source_credit(rows: pd.DataFrame) -> str:
    """'Source: Eurasian Star, Nov 2025; 24.kg, 28 Jul 2025' for the distinct sources of the rows."""
    seen = rows.drop_duplicates("source_id")
    credits = [f"{p}, {d}" for p, d in zip(seen["publisher"], seen["source_published_label"])]
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
    if isinstance(row.said_by, str):
        lines.append(f"Said by {esc(row.said_by)}")
    lines.append(f"“{_wrap(row.quote)}”")
    return "<br>".join(lines)


def _base(title: str, unit_label: str, rows: pd.DataFrame, height: int = 460) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title={"text": esc(title)},
        yaxis_title=esc(unit_label),
        barmode="group",
        height=height,
        hoverlabel={"align": "left"},
        legend={"orientation": "v", "x": 1.01, "y": 1, "xanchor": "left", "yanchor": "top", "font": {"size": 11}},
        margin={"t": 70, "b": 150},
        uniformtext={"minsize": 10, "mode": "hide"},  # hide bar labels that would overlap; the hover keeps them
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


def _in_unit(rows: pd.DataFrame, unit: str) -> pd.Series:
    return pd.Series([convert(v, u, unit) for v, u in zip(rows["value"], rows["unit"])], index=rows.index)


def _category(rows: pd.DataFrame, x: str) -> pd.Series:
    if x == "label_period":
        return rows["label"].map(_tick) + "<br>" + rows["period_label"].map(esc)
    if x == "growth":
        return rows["label"].map(_tick) + "<br>" + rows["period_label"].map(esc) + " vs " + rows["base_label"].map(esc)
    return rows["period_label"].map(esc)


def _tick(label: str) -> str:
    return "<br>".join(esc(line) for line in textwrap.wrap(label, 28))


def bar_chart(
    rows: pd.DataFrame,
    title: str,
    unit: str | None = None,
    x: str = "period",
) -> go.Figure:
    """Bars by period (or label) with one trace per account; derived bars hollow, targets as dashed targets.

    Rows with different units of one dimension are converted into `unit`; the bar text keeps
    each figure as the source stated it.
    """
    unit = unit or rows["unit"].iloc[0]
    fig = _base(title, UNITS[unit].label, rows)
    rows = rows.assign(
        y_value=_in_unit(rows, unit), x_cat=_category(rows, x), who=[account(r) for r in rows.itertuples()]
    )
    dated = rows[rows["period"].notna()]
    order = dated.sort_values(["period_start", "label"])["x_cat"].drop_duplicates().tolist()
    colours = {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(dict.fromkeys(rows["who"]))}
    for (name, derived, kind), part in dated.groupby(["who", "derived", "kind"], sort=False):
        colour = colours[name]
        hollow = derived or kind == "target"
        label = name + (" (derived)" if derived else "") + (" (target)" if kind == "target" else "")
        fig.add_trace(
            go.Bar(
                x=part["x_cat"],
                y=part["y_value"],
                name=esc(label),
                text=part["display"] + (" target" if kind == "target" else ""),
                textposition="outside",
                hovertext=[hover_text(r) for r in part.itertuples()],
                hoverinfo="text",
                marker={
                    "color": "rgba(0,0,0,0)" if hollow else colour,
                    "line": {"color": colour, "width": 2},
                    "pattern": {"shape": "/" if kind == "target" else "", "fgcolor": colour},
                },
                meta={"derived": bool(derived), "kind": kind},
            )
        )
    for row in rows[rows["period"].isna()].itertuples():  # a target with no year: a dashed line across
        fig.add_hline(
            y=row.y_value,
            line={"dash": "dash", "color": colours[row.who], "width": 2},
            annotation={"text": f"target: {esc(row.display)} (no year stated)", "hovertext": hover_text(row)},
        )
    fig.update_xaxes(categoryorder="array", categoryarray=order, type="category")
    fig.update_yaxes(rangemode="tozero")
    return fig


def annotate_changes(fig: go.Figure, changes: pd.DataFrame) -> go.Figure:
    """Mark derived changes above the later period's bars, with their arithmetic in the hover."""
    categories = list(fig.layout.xaxis.categoryarray or [])
    for row in changes.itertuples():
        if esc(row.period_label) not in categories:
            continue
        fig.add_annotation(
            # By position: plotly reads a category such as "2024" as the number 2024.
            x=categories.index(esc(row.period_label)),
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
                    hovertext=[_event_hover(r) for r in group.itertuples()],
                    hoverinfo="text",
                    meta={"planned": planned},
                )
            )
    for row in events[events["end"].notna()].itertuples():
        fig.add_shape(
            type="line",
            x0=row.start,
            x1=row.finish,
            y0=row.category,
            y1=row.category,
            line={"color": CATEGORY_COLOURS.get(row.category, PALETTE[-1]), "width": 4},
        )
    fig.update_layout(
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
    if isinstance(row.note, str):
        lines.append(f"<i>Note:</i> {_wrap(row.note)}")
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

"""Find where sources give different figures for the same indicator and period."""

from __future__ import annotations

import math

import pandas as pd

THRESHOLD = 0.05  # figures further apart than this are a divergence
APPROX = 0.05  # "about x" is read as within this share of x

COLUMNS = [
    "group", "indicator_id", "label", "unit", "period", "period_label", "value", "qualifier", "display",
    "source_id", "publisher", "source_published_label", "source_url", "said_by", "quote", "spread",
    "spread_pct", "compatible", "explanation",
]  # fmt: skip


def interval(value: float, qualifier: str) -> tuple[float, float]:
    """The values a figure allows, given its qualifier."""
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "at_most":
        return -math.inf, value
    if qualifier == "approx":
        return value * (1 - APPROX), value * (1 + APPROX)
    return value, value


def compatible(figures: list[tuple[float, str]]) -> bool:
    """Tell whether one true value could satisfy every figure at once."""
    lows, highs = zip(*(interval(v, q) for v, q in figures))
    return max(lows) <= min(highs) + 1e-12


def find(observations: pd.DataFrame) -> pd.DataFrame:
    """One row per figure that takes part in a divergence, with the group's spread and compatibility."""
    o = observations
    stated = o[~o["derived"] & (o["kind"] == "actual") & o["period"].notna()]
    rows = []
    # Growth figures against different bases measure different things, so the base is part of the key.
    keyed = stated.assign(_base=stated["base"].fillna(""))
    for (indicator_id, period, base), group in keyed.groupby(["indicator_id", "period", "_base"], sort=True):
        if group["source_id"].nunique() < 2:
            continue
        low, high = group["value"].min(), group["value"].max()
        if low <= 0 or (high - low) / low <= THRESHOLD:
            continue
        ok = compatible(list(zip(group["value"], group["qualifier"])))
        display = group["display"].tolist()
        explanation = (
            f"Compatible: one value satisfies {', '.join(display)} once the hedges are read as bounds."
            if ok
            else f"Not compatible: no single value satisfies {', '.join(display)}."
        )
        for row in group.itertuples():
            rows.append(
                {
                    "group": f"{indicator_id} {period}" + (f" vs {base}" if base else ""),
                    "indicator_id": indicator_id,
                    "label": row.label,
                    "unit": row.unit,
                    "period": period,
                    "period_label": row.period_label,
                    "value": row.value,
                    "qualifier": row.qualifier,
                    "display": row.display,
                    "source_id": row.source_id,
                    "publisher": row.publisher,
                    "source_published_label": row.source_published_label,
                    "source_url": row.source_url,
                    "said_by": row.said_by,
                    "quote": row.quote,
                    "spread": high - low,
                    "spread_pct": (high - low) / low * 100,
                    "compatible": ok,
                    "explanation": explanation,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)

"""Find where sources give different figures for the same indicator and period."""

from __future__ import annotations

import math

THRESHOLD = 0.05  # figures further apart than this are a divergence
APPROX = 0.05  # "about x" is read as within this share of x

COLUMNS = [
    "group", "indicator_id", "label", "unit", "period", "period_label", "value", "qualifier", "display",
    "source_id", "publisher", "source_published_label", "source_url", "side", "side_label", "said_by",
    "according_to", "quote", "translation", "spread",
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


def find(observations: list[dict]) -> list[dict]:
    """One row per figure that takes part in a divergence, with the group's spread and compatibility.

    `observations` are the loader's rows (stated and derived); the result has the COLUMNS, grouped and
    sorted by indicator, period and base, each group's figures in file order.
    """
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for o in observations:
        if not o["derived"] and o["kind"] == "actual" and o["period"] is not None:
            # Growth figures against different bases measure different things, so the base is part of the key.
            groups.setdefault((o["indicator_id"], o["period"], o["base"] or ""), []).append(o)
    rows = []
    for (indicator_id, period, base), group in sorted(groups.items(), key=lambda item: item[0]):
        if len({o["source_id"] for o in group}) < 2:
            continue
        values = [o["value"] for o in group]
        low, high = min(values), max(values)
        if low <= 0 or (high - low) / low <= THRESHOLD:
            continue
        ok = compatible([(o["value"], o["qualifier"]) for o in group])
        display = ", ".join(o["display"] for o in group)
        explanation = (
            f"Compatible: one value satisfies {display} once the hedges are read as bounds."
            if ok
            else f"Not compatible: no single value satisfies {display}."
        )
        name = f"{indicator_id} {period}" + (f" vs {base}" if base else "")
        for o in group:
            rows.append(
                {column: o.get(column) for column in COLUMNS}
                | {
                    "group": name,
                    "spread": high - low,
                    "spread_pct": (high - low) / low * 100,
                    "compatible": ok,
                    "explanation": explanation,
                }
            )
    return rows

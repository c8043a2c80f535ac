"""Values the sources imply but do not state, computed in the open with their arithmetic."""

from __future__ import annotations

import pandas as pd

from .periods import parse_period
from .units import format_number

_BOUND = {"at_least": 1, "at_most": -1}
_NO_BOUND = "not derived, no sound bound follows from"


def combined_qualifier(inputs: list[tuple[str, int]]) -> str | None:
    """Qualify a result from its inputs' qualifiers and the direction each input moves it.

    `inputs` pairs each qualifier with +1 if the result rises with that input, -1 if it falls.
    A bound survives only when every bounded input pushes the result the same way; an
    approximate input next to a bound leaves no sound bound, so the answer is None.
    Exact inputs give an approximate result: the stated figures are themselves rounded.
    """
    directions = {_BOUND[q] * sign for q, sign in inputs if q in _BOUND}
    if not directions:
        return "approx"
    if len(directions) > 1 or any(q == "approx" for q, _ in inputs):
        return None
    return "at_least" if directions == {1} else "at_most"


def _describe(row) -> str:
    return f"{row.indicator_id} {row.period}" + (f" vs {row.base}" if isinstance(row.base, str) else "")


def _joined(a, b) -> str | None:
    values = [v for v in dict.fromkeys([a, b]) if isinstance(v, str)]
    return " / ".join(values) or None


def _row(indicator_id, period, value, qualifier, a, b, arithmetic, base=None) -> dict:
    return {
        "indicator_id": indicator_id,
        "period": period,
        "period_label": parse_period(period).label,
        "period_start": parse_period(period).start,
        "period_end": parse_period(period).end,
        "value": value,
        "qualifier": qualifier,
        "kind": "actual",
        "base": base,
        "base_label": parse_period(base).label if base else None,
        "said_by": _joined(a.said_by, b.said_by),
        "quote": a.quote if a.quote == b.quote else f"{a.quote} … {b.quote}",
        "note": None,
        "derived": True,
        "arithmetic": arithmetic,
        "inputs": f"{_describe(a)} (line {a.line}); {_describe(b)} (line {b.line})",
        "source_id": a.source_id,
        "line": None,
    }


def _implied_levels(indicators: pd.DataFrame, stated: pd.DataFrame, rows: list, skipped: list) -> None:
    """A level and its growth from the same source imply the level of the base period."""
    actual = stated[stated["kind"] == "actual"]
    for growth in indicators[indicators["growth_of"].notna()].itertuples():
        levels = actual[actual["indicator_id"] == growth.growth_of]
        for g in actual[actual["indicator_id"] == growth.indicator_id].itertuples():
            for level in levels[(levels["period"] == g.period) & (levels["source_id"] == g.source_id)].itertuples():
                what = f"{growth.growth_of} {g.base} from {level.value:g} and {g.value:+g}% ({g.source_id})"
                qualifier = combined_qualifier([(level.qualifier, 1), (g.qualifier, -1)])
                if qualifier is None:
                    skipped.append(f"{what}: {_NO_BOUND} {level.qualifier} and {g.qualifier}")
                    continue
                value = level.value / (1 + g.value / 100)
                arithmetic = f"{format_number(level.value)} / (1 + {format_number(g.value)}%) = {format_number(value)}"
                rows.append(_row(growth.growth_of, g.base, value, qualifier, level, g, arithmetic))


def _changes(indicators: pd.DataFrame, stated: pd.DataFrame, rows: list, skipped: list) -> list[dict]:
    """Two figures of one source for the same span in different years give the change between them."""
    new_indicators: dict[str, dict] = {}
    levels = indicators[indicators["growth_of"].isna() & (indicators["unit"] != "percent")]
    actual = stated[(stated["kind"] == "actual") & stated["period"].notna()]
    for ind in levels.itertuples():
        mine = actual[actual["indicator_id"] == ind.indicator_id]
        for _, group in mine.groupby("source_id"):
            points = list(group.itertuples())
            for a in points:
                for b in points:
                    years = parse_period(a.period).shifted_years(parse_period(b.period))
                    if years is None or years < 0:
                        continue
                    change_id = f"{ind.indicator_id}_change"
                    what = f"{change_id} {b.period} vs {a.period} ({a.source_id})"
                    qualifier = combined_qualifier([(b.qualifier, 1), (a.qualifier, -1)])
                    if qualifier is None or a.value == 0:
                        skipped.append(f"{what}: {_NO_BOUND} {a.qualifier} and {b.qualifier}")
                        continue
                    value = (b.value / a.value - 1) * 100
                    arithmetic = (
                        f"{format_number(b.value)} / {format_number(a.value)} − 1 = {value:+.1f}%"
                        f" (a change of {b.value - a.value:+,.4g} {ind.unit_label})"
                    )
                    rows.append(_row(change_id, b.period, value, qualifier, b, a, arithmetic, base=a.period))
                    new_indicators[change_id] = {
                        "indicator_id": change_id,
                        "topic": ind.topic,
                        "label": f"{ind.label}: change",
                        "unit": "percent",
                        "unit_label": "percent",
                        "description": f"Derived: the change in {ind.label} between two periods one source states.",
                        "growth_of": ind.indicator_id,
                        "derived": True,
                    }
    return list(new_indicators.values())


def derive(indicators: pd.DataFrame, stated: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Return the derived indicators, the derived rows, and why each candidate not derived was left out."""
    rows: list[dict] = []
    skipped: list[str] = []
    _implied_levels(indicators, stated, rows, skipped)
    new_indicators = _changes(indicators, stated, rows, skipped)
    return pd.DataFrame(new_indicators, columns=indicators.columns), pd.DataFrame(rows), skipped

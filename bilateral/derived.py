"""Values the sources imply but do not state, computed in the open with their arithmetic.

Plain Python over the loader's row dicts: the data is small, and `python -m bilateral check` counts
these values without importing pandas.
"""

from __future__ import annotations

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


def _describe(row: dict) -> str:
    return f"{row['indicator_id']} {row['period']}" + (f" vs {row['base']}" if row["base"] else "")


def _joined(a, b) -> str | None:
    values = [v for v in dict.fromkeys([a, b]) if isinstance(v, str)]
    return " / ".join(values) or None


def _row(indicator_id, period, value, qualifier, a, b, arithmetic, base=None) -> dict:
    shown = parse_period(period)
    return {
        "indicator_id": indicator_id,
        "period": period,
        "period_label": shown.label,
        "period_start": shown.start,
        "period_end": shown.end,
        "value": value,
        "stated": None,
        "qualifier": qualifier,
        "kind": "actual",
        "base": base,
        "base_label": parse_period(base).label if base else None,
        "said_by": _joined(a["said_by"], b["said_by"]),
        "said_by_side": _joined(a["said_by_side"], b["said_by_side"]),
        "according_to": _joined(a["according_to"], b["according_to"]),
        "according_to_side": _joined(a["according_to_side"], b["according_to_side"]),
        "side": a["side"] if a["side"] == b["side"] else "unstated",
        "quote": a["quote"] if a["quote"] == b["quote"] else f"{a['quote']} … {b['quote']}",
        "translation": " … ".join(dict.fromkeys(t for t in (a["translation"], b["translation"]) if t)) or None,
        "note": None,
        "derived": True,
        "arithmetic": arithmetic,
        "inputs": f"{_describe(a)} (line {a['line']}); {_describe(b)} (line {b['line']})",
        "source_id": a["source_id"],
        "line": None,
    }


def _implied_levels(indicators: list[dict], actual: dict[str, list[dict]], rows: list, skipped: list) -> None:
    """A level and its growth from the same source imply the level of the base period."""
    for growth in indicators:
        if growth["growth_of"] is None:
            continue
        levels = actual.get(growth["growth_of"], [])
        for g in actual.get(growth["indicator_id"], []):
            for level in levels:
                if g["period"] is None or level["period"] != g["period"] or level["source_id"] != g["source_id"]:
                    continue
                what = f"{growth['growth_of']} {g['base']} from {level['value']:g} and {g['value']:+g}%"
                what += f" ({g['source_id']})"
                qualifier = combined_qualifier([(level["qualifier"], 1), (g["qualifier"], -1)])
                if qualifier is None:
                    skipped.append(f"{what}: {_NO_BOUND} {level['qualifier']} and {g['qualifier']}")
                    continue
                value = level["value"] / (1 + g["value"] / 100)
                arithmetic = (
                    f"{format_number(level['value'])} / (1 + {format_number(g['value'])}%) = {format_number(value)}"
                )
                rows.append(_row(growth["growth_of"], g["base"], value, qualifier, level, g, arithmetic))


def _changes(indicators: list[dict], actual: dict[str, list[dict]], rows: list, skipped: list) -> list[dict]:
    """Two figures of one source for the same span in different years give the change between them."""
    new_indicators: dict[str, dict] = {}
    for ind in indicators:
        if ind["growth_of"] is not None or ind["unit"] == "percent":
            continue
        by_source: dict[str, list[dict]] = {}
        for row in actual.get(ind["indicator_id"], []):
            if row["period"] is not None:
                by_source.setdefault(row["source_id"], []).append(row)
        for source in sorted(by_source):
            points = by_source[source]
            for a in points:
                for b in points:
                    years = parse_period(a["period"]).shifted_years(parse_period(b["period"]))
                    if years is None or years < 0:
                        continue
                    change_id = f"{ind['indicator_id']}_change"
                    what = f"{change_id} {b['period']} vs {a['period']} ({a['source_id']})"
                    qualifier = combined_qualifier([(b["qualifier"], 1), (a["qualifier"], -1)])
                    if qualifier is None or a["value"] == 0:
                        skipped.append(f"{what}: {_NO_BOUND} {a['qualifier']} and {b['qualifier']}")
                        continue
                    value = (b["value"] / a["value"] - 1) * 100
                    arithmetic = (
                        f"{format_number(b['value'])} / {format_number(a['value'])} − 1 = {value:+.1f}%"
                        f" (a change of {b['value'] - a['value']:+,.4g} {ind['unit_label']})"
                    )
                    rows.append(_row(change_id, b["period"], value, qualifier, b, a, arithmetic, base=a["period"]))
                    new_indicators[change_id] = {
                        "indicator_id": change_id,
                        "topic": ind["topic"],
                        "label": f"{ind['label']}: change",
                        "unit": "percent",
                        "unit_label": "percent",
                        "description": f"Derived: the change in {ind['label']} between two periods one source states.",
                        "growth_of": ind["indicator_id"],
                        "derived": True,
                    }
    return list(new_indicators.values())


def derive(indicators: list[dict], stated: list[dict]) -> tuple[list[dict], list[dict], list[str]]:
    """Return the derived indicators, the derived rows, and why each candidate not derived was left out.

    `indicators` and `stated` are the loader's rows, in file order; the results are rows of the same shape.
    """
    actual: dict[str, list[dict]] = {}
    for row in stated:
        if row["kind"] == "actual":
            actual.setdefault(row["indicator_id"], []).append(row)
    rows: list[dict] = []
    skipped: list[str] = []
    _implied_levels(indicators, actual, rows, skipped)
    new_indicators = _changes(indicators, actual, rows, skipped)
    return new_indicators, rows, skipped

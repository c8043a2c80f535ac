"""Load data/indicators.yaml: check it record by record, then build tidy pandas tables."""

from __future__ import annotations

import difflib
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, Problem
from .periods import parse_date, parse_period, span_label
from .quotes import files_containing, quote_carries, read_texts
from .schema import SECTIONS
from .units import UNITS, format_value
from .yamlsource import Positions, read_yaml

if TYPE_CHECKING:  # pandas is imported where the tables are built, so that `check` never pays for it
    import pandas as pd

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "indicators.yaml"

OBSERVATION_COLUMNS = [
    "indicator_id", "topic", "label", "unit", "unit_label", "period", "period_label", "period_start",
    "period_end", "value", "qualifier", "kind", "display", "base", "base_label", "said_by", "quote", "note",
    "derived", "arithmetic", "inputs", "source_id", "publisher", "source_title", "source_published",
    "source_url", "line",
]  # fmt: skip

_INDICATOR_COLUMNS = ["indicator_id", "topic", "label", "unit", "unit_label", "description", "growth_of", "derived"]
_EVENT_COLUMNS = [
    "event_id", "date", "end", "date_label", "start", "finish", "title", "category", "status", "quote", "note",
    "source_id", "line",
]  # fmt: skip


@dataclass(frozen=True)
class Dataset:
    """The checked data as tables. Treat them as read-only: they may be shared through a cache."""

    path: Path
    sources: pd.DataFrame
    indicators: pd.DataFrame
    observations: pd.DataFrame
    events: pd.DataFrame
    divergences: pd.DataFrame
    not_derived: list[str] = field(default_factory=list)

    def summary(self) -> str:
        stated = int((~self.observations["derived"]).sum())
        groups = self.divergences["group"].nunique() if len(self.divergences) else 0
        written = int((~self.indicators["derived"]).sum())
        derived = int(self.observations["derived"].sum())
        return _summary(len(self.sources), written, stated, len(self.events), derived, groups)


def _summary(sources: int, indicators: int, observations: int, events: int, derived: int, divergences: int) -> str:
    """The one-line account of a checked file, as `check` prints it and Dataset.summary() gives it."""
    return (
        f"{sources} sources, {indicators} indicators, {observations} observations, "
        f"{events} events, {derived} derived values, {divergences} divergences"
    )


class _Checker:
    def __init__(self, shown: str, positions: Positions, key_positions: Positions):
        self.shown = shown
        self.positions = positions
        self.key_positions = key_positions
        self.problems: list[Problem] = []

    def at(self, loc: tuple, message: str, key: bool = False) -> None:
        table = self.key_positions if key else self.positions
        while loc not in table and loc:
            loc = loc[:-1]
        line, col = table.get(loc) or self.positions.get(loc, (1, 1))
        self.problems.append(Problem(line, col, message, self.shown))

    def line(self, loc: tuple) -> int:
        return self.positions.get(loc, (0, 0))[0]


def _records(data: Any, check: _Checker) -> dict[str, list[tuple[int, tuple]]]:
    """Validate each record on its own, so that one bad record does not hide the others' problems."""
    if not isinstance(data, dict):
        check.at((), "the file must be a mapping with the keys sources, indicators and events")
        return {}
    for key in data:
        if key not in SECTIONS:
            near = difflib.get_close_matches(str(key), SECTIONS, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            check.at((key,), f"unknown top-level key {key!r}{hint}: only sources, indicators and events", key=True)
    out: dict[str, list[tuple[int, tuple]]] = {}
    for section, records in SECTIONS.items():
        out[section] = []
        if section not in data:
            check.at((), f"missing top-level key {section!r}")
            continue
        items = data[section]
        if refused := records.refusal(items, (section,), section):
            check.at(*refused)
            continue
        for i, item in enumerate(items):
            record, errors = records.record.validate(item, (section, i), section)
            if record is not None:
                out[section].append((i, record))
            for error in errors:
                check.at(*error)
    return out


def _unique(records: list[tuple[int, tuple]], section: str, check: _Checker) -> None:
    first: dict[str, int] = {}
    for i, record in records:
        if record.id in first:
            other = check.line((section, first[record.id], "id"))
            check.at((section, i, "id"), f"duplicate id {record.id!r}: also at line {other}")
        else:
            first[record.id] = i


def _declared(data: Any, section: str) -> set[str]:
    """Every id written in a section, its record valid or not: a reference to a record that has
    problems of its own is not one more problem."""
    items = data.get(section) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return set()
    return {item["id"].strip() for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _known_source(loc: tuple, source: str, sources: set[str], check: _Checker) -> bool:
    if source in sources:
        return True
    near = difflib.get_close_matches(source, sources, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    check.at(loc, f"source {source!r} names no source in this file{hint}")
    return False


def _semantics(records: dict, check: _Checker, texts: dict[str, str] | None, declared: dict[str, set[str]]) -> None:
    for section in SECTIONS:
        _unique(records.get(section, []), section, check)
    sources = {s.id for _, s in records.get("sources", [])} | declared["sources"]
    indicators = {ind.id for _, ind in records.get("indicators", [])} | declared["indicators"]
    quotes: list[tuple[tuple, str, str]] = []  # (loc, source id, quote)
    for i, ind in records.get("indicators", []):
        if ind.growth_of is not None:
            if ind.growth_of not in indicators:
                check.at(("indicators", i, "growth_of"), f"growth_of: {ind.growth_of!r} names no indicator")
            if ind.unit != "percent":
                check.at(("indicators", i, "unit"), "unit: a growth indicator (growth_of) is in percent")
        for j, obs in enumerate(ind.observations):
            loc = ("indicators", i, "observations", j)
            _known_source((*loc, "source"), obs.source, sources, check)
            if obs.period is None and obs.kind != "target":
                check.at(loc, "missing required field 'period' (only a target may leave its year unstated)")
            if obs.base is not None and ind.growth_of is None:
                check.at((*loc, "base"), "base: only growth indicators (with growth_of) compare against a base")
            if obs.base is None and ind.growth_of is not None:
                check.at(loc, "missing required field 'base': a growth figure needs the period it compares against")
            if not quote_carries(obs.quote, obs.value):
                check.at((*loc, "quote"), f"quote: does not state the value {obs.value:g}")
            quotes.append(((*loc, "quote"), obs.source, obs.quote))
    for i, event in records.get("events", []):
        _known_source(("events", i, "source"), event.source, sources, check)
        if event.end is not None and parse_date(event.end).end < parse_date(event.date).start:
            check.at(("events", i, "end"), f"end: {event.end} is before the date {event.date}")
        quotes.append((("events", i, "quote"), event.source, event.quote))
    if texts is not None:
        _quotes_in_texts(quotes, texts, check)


def _quotes_in_texts(quotes: list, texts: dict[str, str], check: _Checker) -> None:
    file_of: dict[str, tuple[set[str], int]] = {}
    for loc, source, quote in quotes:
        found = files_containing(quote, texts)
        if not found:
            check.at(loc, "quote: not found word for word in any source text")
            continue
        if source in file_of:
            common = file_of[source][0] & set(found)
            if not common:
                check.at(loc, f"quote: found in {found[0]}, but other quotes of {source!r} are from another text")
                continue
            file_of[source] = (common, file_of[source][1])
        else:
            file_of[source] = (set(found), check.line(loc))


def check(path: str | Path, sources_dir: str | Path | None = None, shown: str | None = None):
    """Validate a data file; return the validated records and every problem found, in line order."""
    # Reading and validating make a great many small objects and no reference cycles, and the cyclic
    # garbage collector's passes over them grow with the file: on a large one they cost as much as the
    # check itself, and make it slower than linear. It is paused for the check, and resumed after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check(path, sources_dir, shown)
    finally:
        if collecting:
            gc.enable()


def _check(path: str | Path, sources_dir: str | Path | None, shown: str | None):
    shown = shown or str(path)
    data, positions, key_positions, problems = read_yaml(path, shown)
    checker = _Checker(shown, positions, key_positions)
    checker.problems.extend(problems)
    records = _records(data, checker)
    texts = read_texts(sources_dir) if sources_dir is not None else None
    _semantics(records, checker, texts, {section: _declared(data, section) for section in SECTIONS})
    # A value the YAML reader refused (a tag) is also invalid to the schema: report it once.
    refused = {(p.line, p.column) for p in problems}
    found = [p for p in checker.problems if p in problems or (p.line, p.column) not in refused]
    return records, sorted(set(found)), positions


def load(path: str | Path | None = None, sources_dir: str | Path | None = None) -> Dataset:
    """Load and check a data file (the project's own by default); raise DataError listing every problem."""
    path = Path(path) if path is not None else DATA_FILE
    records, problems, positions = check(path, sources_dir)
    if problems:
        raise DataError(problems)
    return _tables(path, records, positions)


def _rows(records: dict, positions: Positions) -> tuple[list[dict], list[dict], list[dict], list[str]]:
    """The sources, indicators and observations (derived ones included) as rows, and what was not derived.

    Plain Python, so that `check` reports the same counts as the loader without importing pandas.
    """
    from . import derived

    sources = [
        {
            "source_id": s.id,
            "publisher": s.publisher,
            "source_title": s.title,
            "source_published": s.published,
            "source_published_label": parse_date(s.published).label,
            "source_url": s.url,
            "source_note": s.note,
        }
        for _, s in records["sources"]
    ]
    indicators = [
        {
            "indicator_id": ind.id,
            "topic": ind.topic,
            "label": ind.label,
            "unit": ind.unit,
            "unit_label": UNITS[ind.unit].label,
            "description": ind.description,
            "growth_of": ind.growth_of,
            "derived": False,
        }
        for _, ind in records["indicators"]
    ]
    stated = []
    for i, ind in records["indicators"]:
        for j, obs in enumerate(ind.observations):
            period = parse_period(obs.period) if obs.period else None
            stated.append(
                {
                    "indicator_id": ind.id,
                    "period": obs.period,
                    "period_label": period.label if period else "no year stated",
                    "period_start": period.start if period else None,
                    "period_end": period.end if period else None,
                    "value": obs.value,
                    "qualifier": obs.qualifier,
                    "kind": obs.kind,
                    "base": obs.base,
                    "base_label": parse_period(obs.base).label if obs.base else None,
                    "said_by": obs.said_by,
                    "quote": obs.quote,
                    "note": obs.note,
                    "derived": False,
                    "arithmetic": None,
                    "inputs": None,
                    "source_id": obs.source,
                    "line": positions.get(("indicators", i, "observations", j), (0, 0))[0],
                }
            )
    extra_indicators, derived_rows, not_derived = derived.derive(indicators, stated)
    indicators += extra_indicators
    by_indicator = {ind["indicator_id"]: ind for ind in indicators}
    by_source = {s["source_id"]: s for s in sources}
    observations = []
    for row in stated + derived_rows:
        ind, source = by_indicator[row["indicator_id"]], by_source[row["source_id"]]
        observations.append(
            row
            | {key: ind[key] for key in ("topic", "label", "unit", "unit_label")}
            | {key: source[key] for key in _SOURCE_COLUMNS}
            | {"display": format_value(row["value"], ind["unit"], row["qualifier"], signed=bool(ind["growth_of"]))}
        )
    return sources, indicators, observations, not_derived


_SOURCE_COLUMNS = ("publisher", "source_title", "source_published", "source_published_label", "source_url")


def summary(records: dict) -> str:
    """What Dataset.summary() says of a checked file, from its records alone (no pandas, no tables)."""
    from . import divergences

    sources, _, observations, _ = _rows(records, {})
    groups = {row["group"] for row in divergences.find(observations)}
    stated = sum(not o["derived"] for o in observations)
    counts = (len(records["indicators"]), stated, len(records["events"]), len(observations) - stated)
    return _summary(len(sources), *counts, len(groups))


def _tables(path: Path, records: dict, positions: Positions) -> Dataset:
    import pandas as pd

    from . import divergences

    def table(rows: list[dict], columns: list[str], types: dict | None = None) -> pd.DataFrame:
        # Text held as Python strings (None when missing), not Arrow arrays: the pages select a few
        # rows of these small tables many times per view, and Arrow-backed text made each selection
        # call into Arrow once per column, several times slower. The columns are named, so that a
        # file with no indicators gives an empty table, not a crash.
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        for column, kind in (types or {}).items():
            frame[column] = pd.to_datetime(frame[column]) if kind == "datetime" else frame[column].astype(kind)
        return frame

    source_rows, indicator_rows, observation_rows, not_derived = _rows(records, positions)
    sources = table(source_rows, list(source_rows[0]) if source_rows else [])
    indicators = table(indicator_rows, _INDICATOR_COLUMNS, {"derived": bool})
    observation_types = {"value": float, "derived": bool, "period_start": "datetime", "period_end": "datetime"}
    # Derived rows have no line: a nullable integer, not a float column.
    observations = table(
        observation_rows, [*OBSERVATION_COLUMNS, "source_published_label"], observation_types | {"line": "Int64"}
    )
    event_rows = [
        {
            "event_id": e.id,
            "date": e.date,
            "end": e.end,
            "date_label": span_label(parse_date(e.date), parse_date(e.end) if e.end else None),
            "start": parse_date(e.date).start,
            "finish": parse_date(e.end or e.date).end,
            "title": e.title,
            "category": e.category,
            "status": e.status,
            "quote": e.quote,
            "note": e.note,
            "source_id": e.source,
            "line": positions.get(("events", i), (0, 0))[0],
        }
        for i, e in records["events"]
    ]
    events = table(event_rows, _EVENT_COLUMNS, {"start": "datetime", "finish": "datetime", "line": int})
    events = events.merge(sources.drop(columns=["source_note"]), how="left", on="source_id")
    events = events.sort_values(["start", "event_id"], ignore_index=True)
    divergence_types = {"value": float, "spread": float, "spread_pct": float, "compatible": bool}
    return Dataset(
        path=path,
        sources=sources,
        indicators=indicators,
        observations=observations,
        events=events,
        divergences=table(divergences.find(observation_rows), divergences.COLUMNS, divergence_types),
        not_derived=not_derived,
    )

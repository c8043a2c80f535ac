"""Load data/indicators.yaml: check it record by record, then build tidy pandas tables."""

from __future__ import annotations

import difflib
import gc
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, Problem
from .periods import parse_date, parse_period, span_label
from .quotes import quote_carries, read_texts, relative_period, stands_in
from .schema import OPTIONAL_SECTIONS, SECTIONS
from .units import UNITS, convert, format_value
from .yamlsource import Positions, read_yaml

if TYPE_CHECKING:  # pandas is imported where the tables are built, so that `check` never pays for it
    import pandas as pd

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "indicators.yaml"

OBSERVATION_COLUMNS = [
    "indicator_id", "topic", "label", "unit", "unit_label", "period", "period_label", "period_start",
    "period_end", "value", "stated", "qualifier", "kind", "display", "base", "base_label", "side", "side_label",
    "said_by", "said_by_side", "according_to", "according_to_side", "quote", "translation", "note",
    "derived", "arithmetic", "inputs", "source_id", "publisher", "source_title", "source_published",
    "source_url", "source_language", "source_accessed", "line",
]  # fmt: skip

# Whose numbers a figure is: the statistics it cites, else the country of the official who stated it.
SIDE_LABELS = {"ru": "Russian side", "kg": "Kyrgyz side", "other": "Other", "unstated": "Not stated"}

COMMITMENT_COLUMNS = [
    "commitment_id", "topic", "title", "indicator", "value", "due", "measured_by", "cumulative", "event",
    "outcome_event", "outcome", "note", "line",
]  # fmt: skip
_INDICATOR_COLUMNS = ["indicator_id", "topic", "label", "unit", "unit_label", "description", "growth_of", "derived"]
_EVENT_COLUMNS = [
    "event_id", "account", "accounts", "disputed", "other_accounts", "date", "end", "date_label", "start",
    "finish", "title", "category", "status", "said_by", "quote", "translation", "note", "source_id", "line",
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
    commitments: pd.DataFrame | None = None  # the promises the file tracks (commitments.py reads them)

    def summary(self) -> str:
        stated = int((~self.observations["derived"]).sum())
        groups = self.divergences["group"].nunique() if len(self.divergences) else 0
        written = int((~self.indicators["derived"]).sum())
        derived = int(self.observations["derived"].sum())
        return _summary(len(self.sources), written, stated, self.events["event_id"].nunique(), derived, groups)


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
        check.at((), "the file must be a mapping with the keys sources, indicators and events (and commitments)")
        return {}
    for key in data:
        if key not in SECTIONS:
            near = difflib.get_close_matches(str(key), SECTIONS, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            check.at(
                (key,),
                f"unknown top-level key {key!r}{hint}: only sources, indicators, events and commitments",
                key=True,
            )
    out: dict[str, list[tuple[int, tuple]]] = {}
    for section, records in SECTIONS.items():
        out[section] = []
        if section not in data:
            if section not in OPTIONAL_SECTIONS:
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


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a quote naming its year resolves "the previous year" itself
_LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "ky": "Kyrgyz", "de": "German", "es": "Spanish", "ar": "Arabic"}


def _quote_rules(loc: tuple, item: Any, source: Any, check: _Checker, dated: bool) -> None:
    """What every quote owes its reader: a translation when not in English, and a note for a relative date.

    `dated` tells whether the item gives a period or date that a relative quote would have to resolve.
    """
    if source is None:
        return
    if source.language != "en" and item.translation is None:
        language = _LANGUAGE_NAMES.get(source.language, f"language {source.language!r}")
        check.at((*loc, "quote"), f"quote: the source is in {language}: give our English translation as 'translation'")
    if source.language == "en" and item.translation is not None:
        check.at(
            (*loc, "translation"), "translation: the source is in English; only a quote in another language has one"
        )
    words = relative_period(item.quote)
    if words is None:
        return
    if item.note is None:
        check.at(
            (*loc, "quote"),
            f"quote: says {words!r}: add a note saying which period that is, read against the page's own date",
        )
    if dated and source.published is None and not _YEAR.search(item.quote):
        check.at(
            (*loc, "quote"),
            f"quote: says {words!r}, but the page's date is not known: the period cannot be resolved, so leave it out",
        )


def _sides(loc: tuple, obs: Any, check: _Checker) -> None:
    for who, side in (("said_by", "said_by_side"), ("according_to", "according_to_side")):
        if getattr(obs, who) is not None and getattr(obs, side) is None:
            check.at(loc, f"missing field {side!r}: whose side {getattr(obs, who)!r} is ('ru', 'kg' or 'other')")
        if getattr(obs, who) is None and getattr(obs, side) is not None:
            check.at((*loc, side), f"{side}: says whose side {who!r} is, but there is no {who!r}")


def _semantics(records: dict, check: _Checker, texts: dict[str, str] | None, declared: dict[str, set[str]]) -> None:
    for section in SECTIONS:
        _unique(records.get(section, []), section, check)
    by_id = {s.id: s for _, s in records.get("sources", [])}
    sources = set(by_id) | declared["sources"]
    for i, s in records.get("sources", []):
        if s.published is not None and parse_date(s.accessed).end < parse_date(s.published).start:
            check.at(
                ("sources", i, "accessed"), f"accessed: {s.accessed} is before the page was published ({s.published})"
            )
        if texts is not None and s.file is not None and s.file not in texts:
            check.at(("sources", i, "file"), f"file: no text {s.file!r} in the sources folder")
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
            source = by_id.get(obs.source)
            if obs.period is None and obs.kind != "target":
                check.at(loc, "missing required field 'period' (only a target may leave its year unstated)")
            if obs.base is not None and ind.growth_of is None:
                check.at((*loc, "base"), "base: only growth indicators (with growth_of) compare against a base")
            if obs.base is None and ind.growth_of is not None:
                check.at(loc, "missing required field 'base': a growth figure needs the period it compares against")
            language = source.language if source is not None else "en"
            unit = UNITS[obs.unit or ind.unit]
            if unit.dimension != UNITS[ind.unit].dimension:
                check.at((*loc, "unit"), f"unit: {obs.unit!r} cannot be converted to the indicator's {ind.unit!r}")
            elif not quote_carries(obs.quote, obs.value, unit.scale, language):
                check.at((*loc, "quote"), f"quote: does not state the value {obs.value:g}")
            _quote_rules(loc, obs, source, check, dated=obs.period is not None)
            _sides(loc, obs, check)
            quotes.append(((*loc, "quote"), obs.source, obs.quote))
    for i, event in records.get("events", []):
        for loc, account in _accounts(i, event):
            _known_source((*loc, "source"), account.source, sources, check)
            if account.end is not None and parse_date(account.end).end < parse_date(account.date).start:
                check.at((*loc, "end"), f"end: {account.end} is before the date {account.date}")
            _quote_rules(loc, account, by_id.get(account.source), check, dated=True)
            quotes.append(((*loc, "quote"), account.source, account.quote))
    _commitments(records, check, declared)
    if texts is not None:
        _quotes_in_texts(quotes, by_id, texts, check)


# Words in which a source states what became of a promise, by language: stems, matched in its quote.
_OUTCOME_WORDS = {
    "denounced": ("denounc", "terminat", "денонс", "расторг", "прекращ"),
    "withdrawn": ("withdr", "cancel", "abandon", "отказ", "отмен", "выход", "вышл"),
    "completed": ("complet", "fully", "in full", "заверш", "выполн", "полностью"),
}


def _commitments(records: dict, check: _Checker, declared: dict[str, set[str]]) -> None:
    """A commitment names what states it (figures of an indicator, or an event) and what measures it."""
    indicators = {ind.id: ind for _, ind in records.get("indicators", [])}
    events = {event.id: event for _, event in records.get("events", [])}
    for i, c in records.get("commitments", []):
        loc = ("commitments", i)
        if (c.indicator is None) != (c.value is None):
            check.at(loc, "a promise stated by figures needs both 'indicator' and 'value'")
        if c.indicator is None and c.event is None:
            check.at(loc, "missing the promise: give 'indicator' and 'value', or the 'event' that states it")
        for key in ("indicator", "measured_by"):
            name = getattr(c, key)
            if name is not None and name not in indicators and name not in declared["indicators"]:
                check.at((*loc, key), f"{key}: {name!r} names no indicator")
        ind = indicators.get(c.indicator)
        stated = (
            [convert(obs.value, obs.unit, ind.unit) if obs.unit else obs.value for obs in ind.observations]
            if ind
            else []
        )
        if ind is not None and c.value is not None and not any(math.isclose(v, c.value) for v in stated):
            check.at((*loc, "value"), f"value: no figure of {c.indicator!r} states {c.value:g}")
        elif ind is not None and c.due is not None:
            periods = {obs.period for obs, v in zip(ind.observations, stated) if math.isclose(v, c.value)}
            if c.due not in periods:
                check.at((*loc, "due"), f"due: no figure of {c.indicator!r} at {c.value:g} states the period {c.due!r}")
        measure = indicators.get(c.measured_by)
        if ind is not None and measure is not None and UNITS[ind.unit].dimension != UNITS[measure.unit].dimension:
            check.at((*loc, "measured_by"), f"measured_by: {measure.unit!r} cannot be compared with {ind.unit!r}")
        if c.cumulative and c.measured_by is None:
            check.at((*loc, "cumulative"), "cumulative: says the outcomes are summed, but there is no 'measured_by'")
        for key in ("event", "outcome_event"):
            name = getattr(c, key)
            if name is not None and name not in events and name not in declared["events"]:
                check.at((*loc, key), f"{key}: {name!r} names no event")
        if (c.outcome is None) != (c.outcome_event is None):
            check.at(loc, "an outcome stated in words needs both 'outcome' and the 'outcome_event' that states it")
        event = events.get(c.outcome_event)
        if event is not None and c.outcome is not None:
            words = " ".join(f"{a.quote} {a.translation or ''}".lower() for _, a in _accounts(0, event))
            if not any(stem in words for stem in _OUTCOME_WORDS[c.outcome]):
                check.at(
                    (*loc, "outcome"),
                    f"outcome: no account of {c.outcome_event!r} says {c.outcome!r} in its quote",
                )


def _accounts(i: int, event: Any) -> list[tuple[tuple, Any]]:
    """Every account of an event with where it stands: the one written in the event, then the others."""
    return [(("events", i), event)] + [
        (("events", i, "accounts", k), account) for k, account in enumerate(event.accounts or ())
    ]


def _quotes_in_texts(quotes: list, by_id: dict, texts: dict[str, str], check: _Checker) -> None:
    """Each quote of a seed source (one with a file) stands word for word in that file."""
    for loc, source_id, quote in quotes:
        source = by_id.get(source_id)
        if source is None or source.file is None or source.file not in texts:
            continue
        if not stands_in(quote, texts[source.file]):
            check.at(loc, f"quote: not found word for word in {source.file}")


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
            "source_published_label": parse_date(s.published).label if s.published else "date not shown",
            "source_url": s.url,
            "source_language": s.language,
            "source_accessed": s.accessed,
            "source_file": s.file,
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
                    "value": convert(obs.value, obs.unit, ind.unit) if obs.unit else obs.value,
                    "stated": format_value(obs.value, obs.unit, obs.qualifier)
                    if obs.unit not in (None, ind.unit)
                    else None,
                    "qualifier": obs.qualifier,
                    "kind": obs.kind,
                    "base": obs.base,
                    "base_label": parse_period(obs.base).label if obs.base else None,
                    "side": obs.according_to_side or obs.said_by_side or "unstated",
                    "said_by": obs.said_by,
                    "said_by_side": obs.said_by_side,
                    "according_to": obs.according_to,
                    "according_to_side": obs.according_to_side,
                    "quote": obs.quote,
                    "translation": obs.translation,
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
            | {"display": _display(row, ind)}
            | {"side_label": SIDE_LABELS[row["side"]]}
        )
    return sources, indicators, observations, not_derived


def _display(row: dict, ind: dict) -> str:
    """A figure as shown, in its indicator's unit; also as stated when the source used another unit."""
    shown = format_value(row["value"], ind["unit"], row["qualifier"], signed=bool(ind["growth_of"]))
    return f"{shown} (stated as {row['stated']})" if row.get("stated") else shown


_SOURCE_COLUMNS = (
    "publisher", "source_title", "source_published", "source_published_label", "source_url", "source_language",
    "source_accessed",
)  # fmt: skip


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
    event_rows = _event_rows(records, positions)
    events = table(
        event_rows,
        _EVENT_COLUMNS,
        {"start": "datetime", "finish": "datetime", "line": int, "account": int, "accounts": int, "disputed": bool},
    )
    events = events.merge(sources.drop(columns=["source_note", "source_file"]), how="left", on="source_id")
    events = events.sort_values(["start", "event_id", "account"], ignore_index=True)
    divergence_types = {"value": float, "spread": float, "spread_pct": float, "compatible": bool}
    return Dataset(
        path=path,
        sources=sources,
        indicators=indicators,
        observations=observations,
        events=events,
        divergences=table(divergences.find(observation_rows), divergences.COLUMNS, divergence_types),
        not_derived=not_derived,
        commitments=table(
            [
                {
                    "commitment_id": c.id,
                    **{field: getattr(c, field) for field in COMMITMENT_COLUMNS[1:-1]},
                    "line": positions.get(("commitments", i), (0, 0))[0],
                }
                for i, c in records.get("commitments", [])
            ],
            COMMITMENT_COLUMNS,
            {"cumulative": bool, "line": int},
        ),
    )


def _event_rows(records: dict, positions: Positions) -> list[dict]:
    """One row per account of each event: where sources date or tell an event differently, each is kept."""
    publishers = {s.id: s.publisher for _, s in records["sources"]}
    rows = []
    for i, e in records["events"]:
        accounts = _accounts(i, e)
        labels = [span_label(parse_date(a.date), parse_date(a.end) if a.end else None) for _, a in accounts]
        spans = [(parse_date(a.date).start, parse_date(a.end or a.date).end) for _, a in accounts]
        # Accounts disagree when no one day fits them all: "2003" and "22 Sep 2003" only differ in precision.
        disputed = max(start for start, _ in spans) > min(end for _, end in spans)
        for k, (loc, a) in enumerate(accounts):
            others = [
                f"{label} ({publishers.get(other.source, other.source)})"
                for n, (label, (_, other)) in enumerate(zip(labels, accounts, strict=True))
                if n != k
            ]
            rows.append(
                {
                    "event_id": e.id,
                    "account": k + 1,
                    "accounts": len(accounts),
                    "disputed": disputed,
                    "other_accounts": "; ".join(others) or None,
                    "date": a.date,
                    "end": a.end,
                    "date_label": labels[k],
                    "start": spans[k][0],
                    "finish": spans[k][1],
                    "title": e.title,
                    "category": e.category,
                    "status": e.status,
                    "said_by": a.said_by,
                    "quote": a.quote,
                    "translation": a.translation,
                    "note": a.note,
                    "source_id": a.source,
                    "line": positions.get(loc, (0, 0))[0],
                }
            )
    return rows

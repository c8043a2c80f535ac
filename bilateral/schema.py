"""The data contract of data/indicators.yaml: its records, their fields and closed vocabularies, and its JSON Schema."""

from __future__ import annotations

import difflib
import math
import re
from collections import namedtuple
from collections.abc import Callable
from typing import Any, NamedTuple

from .periods import parse_date, parse_period
from .units import UNITS

# Plain Python, not a validation library: `python -m bilateral check` starts a fresh interpreter every
# time, and importing one (with its schema build) took longer than the whole check of the real file.

TOPICS = ("trade", "investment", "energy", "education", "migration", "diplomacy")
CATEGORIES = ("diplomacy", "treaty", "visit", "economy", "energy", "education", "culture", "security", "migration")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
KINDS = ("actual", "target", "forecast")
STATUSES = ("happened", "planned")
SIDES = ("ru", "kg", "other")  # whose numbers, or whose official: Russia's, Kyrgyzstan's, anyone else's
# What became of a promise, when a source says it in words (the check finds such a word in the event's quote).
STATED_OUTCOMES = ("denounced", "withdrawn", "completed")

Where = tuple[str | int, ...]


class Error(NamedTuple):
    """One thing the contract refuses: where (a path of keys and indexes), what, and whether at the key."""

    where: Where
    message: str
    at_key: bool = False


class Invalid(ValueError):
    """A value the contract refuses; the message follows the field's name."""


def describe(value: Any) -> str:
    """A value as a message names it: "the text 'x'", "the boolean true", "empty", "int"."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, float):
        return f"{value}"
    if value is None:
        return "empty"
    if isinstance(value, str):
        return f"the text {value!r}"
    return type(value).__name__


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"must be text, not {describe(value)}")
    value = value.strip()
    if not value:
        raise Invalid("must not be empty")
    return value


def _year_as_text(value: Any) -> Any:
    # An unquoted year (period: 2024) reaches us as a number; it means the same as "2024".
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _number(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            pass
        else:
            if math.isfinite(number):
                return number
    raise Invalid(f"must be a finite number, not {describe(value)}")


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str]:
    expected = ", ".join(map(repr, choices[:-1])) + f" or {choices[-1]!r}"

    def check(value: Any) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise Invalid(f"{value!r} is not one of {expected}")

    return check


def _matching(pattern: str, rule: str) -> Callable[[str], str]:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise Invalid(f"{value!r} is not a valid id ({rule})")
        return value

    return check


def _parsed_by(parse: Callable[[str], Any]) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            parse(value)
        except ValueError as e:
            raise Invalid(str(e)) from None
        return value

    return check


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value, flags=re.IGNORECASE):
        raise Invalid("must be an http:// or https:// address")
    return value


class Kind:
    """What a field holds: the steps that check (and tidy) a value, and how the JSON Schema states it."""

    def __init__(self, schema: dict, *steps: Callable[[Any], Any]):
        self.schema = schema
        self.steps = steps

    def __call__(self, value: Any) -> Any:
        for step in self.steps:
            value = step(value)
        return value


def _id(pattern: str, rule: str) -> Kind:
    return Kind({"type": "string", "minLength": 1, "pattern": pattern}, _text, _matching(pattern, rule))


def _choice(choices: tuple[str, ...]) -> Kind:
    return Kind({"type": "string", "enum": list(choices)}, _one_of(choices))


TEXT = Kind({"type": "string", "minLength": 1}, _text)
NUMBER = Kind({"type": "number"}, _number)
SOURCE_ID = _id(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", "a source id: lowercase letters and digits joined by - or .")
INDICATOR_ID = _id(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$", "an indicator id in snake_case")
LANGUAGE = _id(r"^[a-z]{2}$", "a language code: two letters of ISO 639-1, such as en, ru or ky")
EVENT_ID = _id(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "an event id: lowercase letters and digits joined by -")
PERIOD = Kind(
    {
        "type": ["string", "integer"],
        "minLength": 1,
        "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1|H2, YYYY-Q1..Q4, YYYY/YY (academic year) or A..B",
    },
    _year_as_text,
    _text,
    _parsed_by(parse_period),
)
DATE = Kind(
    {"type": ["string", "integer"], "minLength": 1, "description": "YYYY, YYYY-MM or YYYY-MM-DD"},
    _year_as_text,
    _text,
    _parsed_by(parse_date),
)
URL = Kind(
    {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "description": "an http or https address"}, _text, _url
)

REQUIRED = object()


class Field(NamedTuple):
    kind: Kind | Records
    default: Any = REQUIRED  # a field whose default is None may also be written empty
    description: str | None = None


class Record:
    """A kind of record in the file: its fields in order. Validating one gives an immutable record or the errors."""

    def __init__(self, name: str, fields: dict[str, Field]):
        self.name = name
        self.fields = fields
        self.type = namedtuple(name, fields)

    def validate(self, data: Any, where: Where = (), label: str = "") -> tuple[Any, list[Error]]:
        """Check one record; return it (None if refused) and every error, so that one does not hide another."""
        if not isinstance(data, dict):
            return None, [Error(where, f"{label or self.name}: must be a mapping of fields, not {describe(data)}")]
        errors = [
            Error((*where, key), f"unknown field {key!r}{self._hint(key)}", True)
            for key in data
            if key not in self.fields
        ]
        values = {}
        for name, field in self.fields.items():
            if name not in data:
                if field.default is REQUIRED:
                    errors.append(Error(where, f"missing required field {name!r}"))
                values[name] = field.default
            elif data[name] is None and field.default is None:
                values[name] = None
            elif isinstance(field.kind, Records):
                values[name], found = field.kind.validate(data[name], (*where, name), name)
                errors += found
            else:
                try:
                    values[name] = field.kind(data[name])
                except Invalid as e:
                    errors.append(Error((*where, name), f"{name}: {e}"))
        return (None if errors else self.type(**values)), errors

    def _hint(self, key: Any) -> str:
        near = difflib.get_close_matches(str(key), self.fields, n=1, cutoff=0.6)
        return f" (did you mean {near[0]!r}?)" if near else f" (allowed: {', '.join(self.fields)})"

    def json_schema(self) -> dict:
        properties = {}
        for name, field in self.fields.items():
            schema = field.kind.json_schema() if isinstance(field.kind, Records) else dict(field.kind.schema)
            if field.default is None:
                schema = {"anyOf": [schema, {"type": "null"}], "default": None}
            elif field.default is not REQUIRED:
                schema["default"] = field.default
            if field.description:
                schema["description"] = field.description
            properties[name] = schema
        required = [name for name, field in self.fields.items() if field.default is REQUIRED]
        return {
            "title": self.name,
            "type": "object",
            "additionalProperties": False,
            "properties": properties,
            "required": required,
        }


class Records:
    """A field holding a list of records, which may have to hold one at least."""

    def __init__(self, record: Record, non_empty: bool = False):
        self.record = record
        self.non_empty = non_empty

    def refusal(self, value: Any, where: Where, label: str) -> Error | None:
        """Why the value cannot hold these records at all (not a list, or empty where one is needed), if it cannot."""
        if not isinstance(value, list):
            return Error(where, f"{label}: must be a list, not {describe(value)}")
        if self.non_empty and not value:
            return Error(where, f"{label}: the list must not be empty")
        return None

    def validate(self, value: Any, where: Where, label: str) -> tuple[tuple | None, list[Error]]:
        if refused := self.refusal(value, where, label):
            return None, [refused]
        items, errors = [], []
        for i, item in enumerate(value):
            record, found = self.record.validate(item, (*where, i), label)
            items.append(record)
            errors += found
        return (None if errors else tuple(items)), errors

    def json_schema(self) -> dict:
        schema: dict = {"type": "array", "items": {"$ref": f"#/$defs/{self.record.name}"}}
        if self.non_empty:
            schema["minItems"] = 1
        return schema


Source = Record(
    "Source",
    {
        "id": Field(SOURCE_ID),
        "publisher": Field(TEXT),
        "title": Field(TEXT),
        "published": Field(DATE, None, "only as the page or its URL shows it; leave it out when they do not"),
        "url": Field(URL, None),
        "language": Field(LANGUAGE, description="the language of the page, and so of its quotes"),
        "accessed": Field(DATE, description="the date the page or text was read"),
        "file": Field(TEXT, None, "the source text's file name in the project's sources folder, for a seed text"),
        "note": Field(TEXT, None),
    },
)
_SAID_BY = {
    "said_by": Field(TEXT, None, "who stated it, when the source says"),
    "said_by_side": Field(_choice(SIDES), None, "which country's official stated it (with said_by)"),
}
_QUOTE = {
    "quote": Field(TEXT, description="the shortest clause carrying it, word for word in the source's language"),
    "translation": Field(TEXT, None, "our English translation of a quote not in English"),
}
Observation = Record(
    "Observation",
    {
        "period": Field(PERIOD, None, "required unless kind is target with no year stated"),
        "value": Field(NUMBER),
        "unit": Field(_choice(tuple(UNITS)), None, "the unit the source states it in, if not the indicator's"),
        "qualifier": Field(_choice(QUALIFIERS), "exact"),
        "kind": Field(_choice(KINDS), "actual"),
        "base": Field(PERIOD, None, "growth indicators only: the period compared against"),
        "source": Field(SOURCE_ID),
        **_SAID_BY,
        "according_to": Field(TEXT, None, "whose statistics the figure is, when the source says"),
        "according_to_side": Field(_choice(SIDES), None, "which country those statistics are (with according_to)"),
        **_QUOTE,
        "note": Field(TEXT, None),
    },
)
Indicator = Record(
    "Indicator",
    {
        "id": Field(INDICATOR_ID),
        "topic": Field(_choice(TOPICS)),
        "label": Field(TEXT),
        "unit": Field(_choice(tuple(UNITS))),
        "description": Field(TEXT, None),
        "growth_of": Field(INDICATOR_ID, None),
        "observations": Field(Records(Observation, non_empty=True)),
    },
)
_ACCOUNT = {
    "date": Field(DATE),
    "end": Field(DATE, None),
    "source": Field(SOURCE_ID),
    "said_by": Field(TEXT, None, "who gave this account, when the source says"),
    **_QUOTE,
    "note": Field(TEXT, None),
}
Account = Record("Account", _ACCOUNT)
Event = Record(
    "Event",
    {
        "id": Field(EVENT_ID),
        "title": Field(TEXT),
        "category": Field(_choice(CATEGORIES)),
        "status": Field(_choice(STATUSES), "happened"),
        **_ACCOUNT,
        "accounts": Field(Records(Account), None, "other sources' accounts of the same event, each with its own date"),
    },
)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(f"must be true or false, not {describe(value)}")


FLAG = Kind({"type": "boolean"}, _flag)
Commitment = Record(
    "Commitment",
    {
        "id": Field(EVENT_ID),
        "topic": Field(_choice(TOPICS)),
        "title": Field(TEXT, description="what was promised, in a few words"),
        "indicator": Field(INDICATOR_ID, None, "with value: the indicator whose figures state the promise"),
        "value": Field(NUMBER, None, "the promised level in that indicator's unit: its figures of this value"),
        "due": Field(PERIOD, None, "the deadline: the period of one of the promise's figures, where it states one"),
        "measured_by": Field(INDICATOR_ID, None, "the indicator whose actual figures are the outcomes"),
        "cumulative": Field(FLAG, False, "the outcome figures are yearly amounts, summed towards the promise"),
        "event": Field(EVENT_ID, None, "or: the event whose accounts state the promise"),
        "outcome_event": Field(EVENT_ID, None, "with outcome: the event whose account says what became of it"),
        "outcome": Field(_choice(STATED_OUTCOMES), None, "what that account says, in its own words"),
        "note": Field(TEXT, None),
    },
)
# The file's top-level keys, each a list of records; a file must name one source at least. Commitments
# may be left out.
SECTIONS = {
    "sources": Records(Source, non_empty=True),
    "indicators": Records(Indicator),
    "events": Records(Event),
    "commitments": Records(Commitment),
}
OPTIONAL_SECTIONS = ("commitments",)


def json_schema() -> dict:
    """The JSON Schema of the whole file, for editors and other tools; the checks above are the reference."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Russia-Kyrgyzstan relations dataset",
        "type": "object",
        "additionalProperties": False,
        "properties": {section: records.json_schema() for section, records in SECTIONS.items()},
        "required": [section for section in SECTIONS if section not in OPTIONAL_SECTIONS],
        "$defs": {
            record.name: record.json_schema() for record in (Account, Commitment, Event, Indicator, Observation, Source)
        },
    }

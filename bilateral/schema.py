"""The data contract of data/indicators.yaml as pydantic models, with its closed vocabularies."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
)

from .periods import parse_date, parse_period
from .units import UNITS

Topic = Literal["trade", "investment", "energy", "education", "migration", "diplomacy"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Kind = Literal["actual", "target"]
Category = Literal["diplomacy", "treaty", "visit", "economy", "energy", "education", "culture", "security"]
Status = Literal["happened", "planned"]
UnitId = Literal[tuple(UNITS)]  # type: ignore[valid-type]

TOPICS: tuple[str, ...] = Topic.__args__
CATEGORIES: tuple[str, ...] = Category.__args__


def _as_text(value):
    # An unquoted year (period: 2024) reaches us as a number; it means the same as "2024".
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _period(text: str) -> str:
    parse_period(text)
    return text


def _date(text: str) -> str:
    parse_date(text)
    return text


def _url(text: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", text, flags=re.IGNORECASE):
        raise ValueError("must be an http:// or https:// address")
    return text


Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
SourceId = Annotated[Text, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
IndicatorId = Annotated[Text, StringConstraints(pattern=r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")]
EventId = Annotated[Text, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
PeriodText = Annotated[
    Text,
    BeforeValidator(_as_text),
    AfterValidator(_period),
    Field(description="YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1|H2, YYYY-Q1..Q4, YYYY/YY (academic year) or A..B"),
]
DateText = Annotated[
    Text, BeforeValidator(_as_text), AfterValidator(_date), Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
]
Url = Annotated[Text, AfterValidator(_url), Field(description="an http or https address")]
Number = Annotated[float, Strict(), AllowInfNan(False)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Record):
    id: SourceId
    publisher: Text
    title: Text
    published: DateText
    url: Url | None = None
    note: Text | None = None


class Observation(_Record):
    period: PeriodText | None = Field(None, description="required unless kind is target with no year stated")
    value: Number
    qualifier: Qualifier = "exact"
    kind: Kind = "actual"
    base: PeriodText | None = Field(None, description="growth indicators only: the period compared against")
    source: SourceId
    said_by: Text | None = None
    quote: Text
    note: Text | None = None


class Indicator(_Record):
    id: IndicatorId
    topic: Topic
    label: Text
    unit: UnitId
    description: Text | None = None
    growth_of: IndicatorId | None = None
    observations: list[Observation] = Field(min_length=1)


class Event(_Record):
    id: EventId
    date: DateText
    end: DateText | None = None
    title: Text
    category: Category
    status: Status = "happened"
    source: SourceId
    quote: Text
    note: Text | None = None


class DataFile(_Record):
    """Everything in data/indicators.yaml."""

    # Built only when the JSON Schema is asked for: the loader validates section by section.
    model_config = ConfigDict(title="Russia-Kyrgyzstan relations dataset", defer_build=True)
    sources: list[Source] = Field(min_length=1)
    indicators: list[Indicator]
    events: list[Event]


def json_schema() -> dict:
    return DataFile.model_json_schema()

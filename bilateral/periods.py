"""Parse the period and date notations of the data contract into start, end and label."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HALF = re.compile(r"(\d{4})-H([12])")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_ACADEMIC = re.compile(r"(\d{4})/(\d{2})")


@dataclass(frozen=True)
class Period:
    """A span of days with the notation it came from and a readable label."""

    text: str
    start: date
    end: date
    label: str
    precision: str  # year, half, quarter, month, day, academic, range

    def shifted_years(self, other: Period) -> int | None:
        """Return how many whole years `other` lies after this period, if it is the same span moved."""
        years = other.start.year - self.start.year
        try:
            same_start = self.start.replace(year=self.start.year + years) == other.start
            same_end = self.end.replace(year=self.end.year + years) == other.end
        except ValueError:  # 29 February moved to a common year
            return None
        return years if same_start and same_end and years != 0 else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _checked_month(year: int, month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r}: month {month:02d} does not exist")


def _simple(text: str, allow: set[str]) -> Period:
    if "year" in allow and (m := _YEAR.fullmatch(text)):
        y = int(m[1])
        return Period(text, date(y, 1, 1), date(y, 12, 31), str(y), "year")
    if "month" in allow and (m := _MONTH.fullmatch(text)):
        y, mo = int(m[1]), int(m[2])
        _checked_month(y, mo, text)
        return Period(text, date(y, mo, 1), _month_end(y, mo), f"{MONTHS[mo - 1]} {y}", "month")
    if "day" in allow and (m := _DAY.fullmatch(text)):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        _checked_month(y, mo, text)
        try:
            day = date(y, mo, d)
        except ValueError:
            raise ValueError(f"{text!r}: day {d:02d} does not exist in {MONTHS[mo - 1]} {y}") from None
        return Period(text, day, day, f"{d} {MONTHS[mo - 1]} {y}", "day")
    if "half" in allow and (m := _HALF.fullmatch(text)):
        y, h = int(m[1]), int(m[2])
        start, end = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        return Period(text, start, end, f"H{h} {y}", "half")
    if "quarter" in allow and (m := _QUARTER.fullmatch(text)):
        y, q = int(m[1]), int(m[2])
        return Period(text, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"Q{q} {y}", "quarter")
    if "academic" in allow and (m := _ACADEMIC.fullmatch(text)):
        y, yy = int(m[1]), int(m[2])
        if (y + 1) % 100 != yy:
            raise ValueError(f"{text!r}: an academic year runs into the next year ({y}/{(y + 1) % 100:02d})")
        return Period(text, date(y, 9, 1), date(y + 1, 8, 31), f"{y}/{yy:02d}", "academic")
    raise ValueError(f"{text!r} is not a period ({_FORMS[frozenset(allow)]})")


_PERIOD_KINDS = {"year", "month", "day", "half", "quarter", "academic"}
_DATE_KINDS = {"year", "month", "day"}
_FORMS = {
    frozenset(_PERIOD_KINDS): "use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q1, YYYY/YY or A..B",
    frozenset(_DATE_KINDS): "use YYYY, YYYY-MM or YYYY-MM-DD",
}


def _range_label(a: Period, b: Period) -> str:
    if a.precision == b.precision == "month" and a.start.year == b.start.year:
        return f"{MONTHS[a.start.month - 1]}–{MONTHS[b.start.month - 1]} {a.start.year}"
    if a.precision == b.precision == "day" and (a.start.year, a.start.month) == (b.start.year, b.start.month):
        return f"{a.start.day}–{b.start.day} {MONTHS[a.start.month - 1]} {a.start.year}"
    return f"{a.label}–{b.label}"


@lru_cache(maxsize=4096)  # a file names the same few periods over and over; a Period is immutable
def parse_period(text: str) -> Period:
    """Parse a period of the data contract; raise ValueError saying what is wrong."""
    text = str(text).strip()
    if ".." in text:
        left, _, right = text.partition("..")
        a, b = _simple(left, _PERIOD_KINDS), _simple(right, _PERIOD_KINDS)
        if b.end < a.start:
            raise ValueError(f"{text!r}: the range ends before it starts")
        return Period(text, a.start, b.end, _range_label(a, b), "range")
    return _simple(text, _PERIOD_KINDS)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> Period:
    """Parse an event date: YYYY, YYYY-MM or YYYY-MM-DD."""
    return _simple(str(text).strip(), _DATE_KINDS)


def span_label(start: Period, end: Period | None) -> str:
    """Label an event's date, or its date range when it has an end."""
    return start.label if end is None else _range_label(start, end)

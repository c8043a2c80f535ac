from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.periods import parse_date, parse_period, span_label


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "precision"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024", "year"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024", "month"),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "Feb 2023", "month"),
        ("2025-11-26", date(2025, 11, 26), date(2025, 11, 26), "26 Nov 2025", "day"),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30), "H1 2025", "half"),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), "H2 2025", "half"),
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "Q1 2024", "quarter"),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "Q4 2024", "quarter"),
        ("2024/25", date(2024, 9, 1), date(2025, 8, 31), "2024/25", "academic"),
        ("1999/00", date(1999, 9, 1), date(2000, 8, 31), "1999/00", "academic"),
        ("2024-01..2024-10", date(2024, 1, 1), date(2024, 10, 31), "Jan–Oct 2024", "range"),
        ("2014..2025-01", date(2014, 1, 1), date(2025, 1, 31), "2014–Jan 2025", "range"),
        ("2024..2032", date(2024, 1, 1), date(2032, 12, 31), "2024–2032", "range"),
        ("2024-06-03..2024-06-07", date(2024, 6, 3), date(2024, 6, 7), "3–7 Jun 2024", "range"),
    ],
)
def test_every_period_notation_gives_its_span_and_label(text, start, end, label, precision):
    period = parse_period(text)
    assert (period.start, period.end, period.label, period.precision) == (start, end, label, precision)
    assert period.text == text


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_real_day_parses_to_itself_and_its_month_ends_the_day_before_the_next(day):
    assert parse_period(day.isoformat()).start == day
    month = parse_period(day.isoformat()[:7])
    assert month.start == day.replace(day=1)
    assert (month.end + timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13", "'2024-13': month 13 does not exist"),
        ("2024-00", "'2024-00': month 00 does not exist"),
        ("2024-02-30", "'2024-02-30': day 30 does not exist in Feb 2024"),
        ("2023-02-29", "'2023-02-29': day 29 does not exist in Feb 2023"),
        ("2024-10..2024-01", "'2024-10..2024-01': the range ends before it starts"),
        ("2024/26", "'2024/26': an academic year runs into the next year (2024/25)"),
        ("2024-Q5", "'2024-Q5' is not a period (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1, YYYY-Q1, YYYY/YY or A..B)"),
        ("2024-H3", "'2024-H3' is not a period"),
        ("24", "'24' is not a period"),
        ("2024-1", "'2024-1' is not a period"),
        ("last year", "'last year' is not a period"),
        ("2024..", "'' is not a period"),
    ],
)
def test_a_period_that_does_not_parse_or_cannot_exist_is_refused_saying_why(text, message):
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    assert message in str(caught.value)


def test_a_range_may_start_and_end_in_the_same_period():
    assert parse_period("2024-03..2024-03").label == "Mar–Mar 2024"


def test_surrounding_spaces_are_ignored():
    assert parse_period(" 2025-H1 ").label == "H1 2025"


@pytest.mark.parametrize("text", ["2025", "2025-01", "2025-01-22"])
def test_an_event_date_is_a_year_month_or_day(text):
    assert parse_date(text).start.year == 2025


@pytest.mark.parametrize("text", ["2025-H1", "2025-Q1", "2024/25", "2024..2025"])
def test_an_event_date_refuses_the_other_period_notations(text):
    with pytest.raises(ValueError, match=r"is not a period \(use YYYY, YYYY-MM or YYYY-MM-DD\)"):
        parse_date(text)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2024-02", None, "Feb 2024"),
        ("2024-02", "2024-03", "Feb–Mar 2024"),
        ("2024-06-03", "2024-06-07", "3–7 Jun 2024"),
        ("2024", "2032", "2024–2032"),
    ],
)
def test_an_event_span_is_labelled_from_its_date_and_end(start, end, label):
    assert span_label(parse_date(start), parse_date(end) if end else None) == label


@pytest.mark.parametrize(
    ("a", "b", "years"),
    [
        ("2023-01..2023-10", "2024-01..2024-10", 1),
        ("2023", "2024", 1),
        ("2022", "2024", 2),
        ("2024", "2023", -1),
        ("2023-01..2023-10", "2024-01..2024-09", None),  # not the same months
        ("2024", "2024", None),  # the same period, not a change
        ("2024", "2025-H1", None),
        ("2024-02-29", "2025-02-28", None),  # 29 February has no match in a common year
    ],
)
def test_shifted_years_tells_when_a_period_is_the_same_span_moved(a, b, years):
    assert parse_period(a).shifted_years(parse_period(b)) == years

"""Exports: CSV and JSON a spreadsheet can open without running anything."""

import csv
import io
import json

import pandas as pd
import pytest

from bilateral.exports import safe_cell, to_csv, to_json


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495 000", "'+7 495 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Trade rose by 13.6%", "Trade rose by 13.6%"),
        ("≈ −5%", "≈ −5%"),
    ],
)
def test_a_text_cell_a_spreadsheet_would_run_is_neutralised(text, expected):
    assert safe_cell(text) == expected


@pytest.mark.parametrize("value", [-5.0, -1, None, True])
def test_a_cell_that_is_not_text_is_left_alone(value):
    assert safe_cell(value) is value


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "quote": ["=1+1", "plain"],
            "said_by": ["@someone", None],
            "value": [-5.0, 4.1],
            "period_start": pd.to_datetime(["2024-01-01", "2025-09-30"]),
            "line": pd.Series([52, None], dtype=object),
        }
    )


def test_csv_neutralises_formulas_and_keeps_numbers_dates_and_line_numbers(frame):
    rows = list(csv.DictReader(io.StringIO(to_csv(frame))))
    assert [r["quote"] for r in rows] == ["'=1+1", "plain"]
    assert [r["said_by"] for r in rows] == ["'@someone", ""]
    assert [r["value"] for r in rows] == ["-5.0", "4.1"]
    assert [r["period_start"] for r in rows] == ["2024-01-01", "2025-09-30"]
    assert [r["line"] for r in rows] == ["52", ""]


def test_json_is_a_list_of_records_with_iso_dates(frame):
    records = json.loads(to_json(frame))
    assert records == [
        {"quote": "'=1+1", "said_by": "'@someone", "value": -5.0, "period_start": "2024-01-01", "line": 52},
        {"quote": "plain", "said_by": None, "value": 4.1, "period_start": "2025-09-30", "line": None},
    ]


def test_json_keeps_non_ascii_text_readable():
    assert '"≥ $3.2 bn"' in to_json(pd.DataFrame({"display": ["≥ $3.2 bn"]}))


def test_exporting_leaves_the_table_unchanged(frame):
    before = frame.copy()
    to_csv(frame)
    to_json(frame)
    pd.testing.assert_frame_equal(frame, before)

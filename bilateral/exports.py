"""CSV and JSON exports of tables, safe to open in a spreadsheet."""

from __future__ import annotations

import json

import pandas as pd

# OWASP's CSV injection guidance: a cell starting with one of these is read as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise a text cell a spreadsheet would run as a formula by prefixing a single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            # Built with the column's own dtype: Series.map would infer one and turn 52 next to None into 52.0.
            out[column] = pd.Series([safe_cell(v) for v in out[column]], index=out.index, dtype=out[column].dtype)
    return out


def to_csv(frame: pd.DataFrame) -> str:
    return _safe(frame).to_csv(index=False, date_format="%Y-%m-%d")


def to_json(frame: pd.DataFrame) -> str:
    records = json.loads(_safe(frame).to_json(orient="records", date_format="iso", force_ascii=False))
    for record in records:
        for key, value in record.items():
            if isinstance(value, str) and value.endswith("T00:00:00.000"):
                record[key] = value[:10]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"

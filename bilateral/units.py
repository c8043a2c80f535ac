"""The closed list of units, their display labels and scales."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    id: str
    label: str  # axis title
    dimension: str  # units of one dimension can be converted into each other
    scale: float  # how many base units one unit is
    prefix: str = ""  # written before the number ("$")
    suffix: str = ""  # written after it (" bn", "%")


UNITS: dict[str, Unit] = {
    u.id: u
    for u in [
        Unit("usd_bn", "US$ billion", "usd", 1e9, "$", " bn"),
        Unit("usd_m", "US$ million", "usd", 1e6, "$", " m"),
        Unit("usd_k", "US$ thousand", "usd", 1e3, "$", " thousand"),
        Unit("rub_bn", "billion rubles", "rub", 1e9, "", " bn rubles"),
        Unit("rub_m", "million rubles", "rub", 1e6, "", " m rubles"),
        Unit("kgs_bn", "billion soms", "kgs", 1e9, "", " bn soms"),
        Unit("kgs_m", "million soms", "kgs", 1e6, "", " m soms"),
        Unit("eur_m", "million euros", "eur", 1e6, "€", " m"),
        Unit("usd_per_1000m3", "US$ per 1,000 m³", "usd_per_m3", 1e-3, "$", " per 1,000 m³"),
        Unit("mw", "megawatts", "power", 1e6, "", " MW"),
        Unit("percent", "percent", "percent", 1.0, "", "%"),
        Unit("count", "number", "count", 1.0),
        Unit("count_k", "thousands", "count", 1e3, "", " thousand"),
        Unit("count_m", "millions", "count", 1e6, "", " million"),
        Unit("tonnes_k", "thousand tonnes", "tonnes", 1e3, "", " thousand t"),
        Unit("tonnes_m", "million tonnes", "tonnes", 1e6, "", " million t"),
        Unit("m3_m", "million cubic metres", "m3", 1e6, "", " million m³"),
        Unit("m3_bn", "billion cubic metres", "m3", 1e9, "", " bn m³"),
        Unit("kwh_m", "million kWh", "kwh", 1e6, "", " million kWh"),
        Unit("kwh_bn", "billion kWh", "kwh", 1e9, "", " bn kWh"),
        Unit("times", "multiple", "ratio", 1.0, "", "×"),
    ]
}

QUALIFIER_SIGNS = {"exact": "", "approx": "≈ ", "at_least": "≥ ", "at_most": "≤ "}


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Express a value given in one unit in another unit of the same dimension."""
    a, b = UNITS[from_unit], UNITS[to_unit]
    if a.dimension != b.dimension:
        raise ValueError(f"cannot convert {a.label} to {b.label}")
    return value * a.scale / b.scale


def format_number(value: float) -> str:
    """Write a number as an analyst would: thousands separated, at most three significant decimals."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    digits = max(0, 2 - math.floor(math.log10(abs(value)))) if value else 0
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def format_value(value: float, unit: str, qualifier: str = "exact", signed: bool = False) -> str:
    """Format a value with its unit and the sign of its qualifier: '≥ $3.2 bn', '≈ 97%'."""
    u = UNITS[unit]
    sign = "+" if signed and value > 0 else ("−" if value < 0 else "")
    return f"{QUALIFIER_SIGNS[qualifier]}{sign}{u.prefix}{format_number(abs(value))}{u.suffix}"

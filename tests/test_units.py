import re

import pytest

from bilateral.units import UNITS, convert, format_number, format_value


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (110, "usd_m", "usd_bn", 0.11),
        (0.11, "usd_bn", "usd_m", 110),
        (3.2, "usd_bn", "usd_m", 3200),
        (4.1, "usd_bn", "usd_bn", 4.1),
    ],
)
def test_convert_between_units_of_one_dimension(value, from_unit, to_unit, expected):
    assert convert(value, from_unit, to_unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "message"),
    [
        ("usd_bn", "rub_bn", "cannot convert US$ billion to billion rubles"),
        ("usd_m", "percent", "cannot convert US$ million to percent"),
        ("m3_m", "kwh_bn", "cannot convert million cubic metres to billion kWh"),
    ],
)
def test_convert_refuses_to_cross_dimensions(from_unit, to_unit, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        convert(1, from_unit, to_unit)


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (3.2, "usd_bn", "at_least", "≥ $3.2 bn"),
        (97, "percent", "approx", "≈ 97%"),
        (3, "times", "at_most", "≤ 3×"),
        (4.1, "usd_bn", "exact", "$4.1 bn"),
        (110, "usd_m", "exact", "$110 m"),
        (2.15, "rub_bn", "exact", "2.15 bn rubles"),
        (1800, "count", "at_least", "≥ 1,800"),
        (16000, "count", "exact", "16,000"),
        (410, "m3_m", "exact", "410 million m³"),
        (1.6, "kwh_bn", "exact", "1.6 bn kWh"),
        (3.609155, "usd_bn", "approx", "≈ $3.61 bn"),
    ],
)
def test_format_value_writes_the_qualifier_sign_and_the_unit(value, unit, qualifier, expected):
    assert format_value(value, unit, qualifier) == expected


@pytest.mark.parametrize(
    ("value", "signed", "expected"),
    [
        (48.550725, True, "≈ +48.6%"),
        (-5, True, "≈ −5%"),
        (-5, False, "≈ −5%"),
        (48.550725, False, "≈ 48.6%"),
        (0, True, "≈ 0%"),
    ],
)
def test_a_change_is_written_with_its_sign_and_a_true_minus(value, signed, expected):
    assert format_value(value, "percent", "approx", signed=signed) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1800, "1,800"), (0.11, "0.11"), (33.333333, "33.3"), (0.0001234, "0.000123"), (2.0, "2"), (0, "0")],
)
def test_numbers_are_written_as_an_analyst_would(value, expected):
    assert format_number(value) == expected


def test_every_unit_has_a_label_and_a_positive_scale():
    for unit in UNITS.values():
        assert unit.label and unit.scale > 0, unit.id

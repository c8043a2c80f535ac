"""Divergences: where sources give different figures for the same indicator, period and base."""

import pytest

from bilateral import load
from bilateral.divergences import compatible, interval


def group(data, name):
    d = data.divergences
    return d[d["group"] == name]


def test_trade_turnover_2024_keeps_every_account_with_whose_numbers_it_is(real_data):
    rows = group(real_data, "trade_turnover 2024")
    accounts = set(zip(rows["display"], rows["said_by"].fillna(""), rows["publisher"]))
    assert {
        ("$4.1 bn", "Vladimir Putin", "Eurasian Star"),
        ("$4.1 bn", "Vladimir Putin", "Realist English"),
        ("$4.1 bn", "Vladimir Putin", "Yeni Şafak English"),
        ("≥ $3 bn", "", "EmbassyLife (Russian MFA note)"),
        ("≥ $3.2 bn", "Sergei Vakunov", "24.kg"),
    } <= accounts
    kyrgyz = rows[(rows["side"] == "kg") & (rows["display"] == "$3.2 bn")]
    assert len(kyrgyz) >= 1 and set(kyrgyz["according_to"]) == {"Kyrgyz side"}
    assert set(rows[(rows["display"] == "$4.1 bn") & rows["said_by"].notna()]["side"]) == {"ru"}
    # The Kyrgyz side's exact $3.2 bn and Russian officials' exact $4.1 bn cannot both be true.
    assert not rows["compatible"].any()
    assert rows["spread"].iloc[0] == pytest.approx(rows["value"].max() - rows["value"].min())


def test_companies_with_russian_participation_are_listed_with_their_spread(real_data):
    rows = group(real_data, "companies_with_russian_participation 2025-11")
    assert set(rows["display"]) == {"≥ 1,800", "1,800", "≈ 1,700", "≈ 1,800"}
    assert rows["spread"].iloc[0] == 100
    assert rows["spread_pct"].iloc[0] == pytest.approx(100 / 1700 * 100)
    # "more than 1,800" cannot be "some 1,700" even read as within 5%.
    assert not rows["compatible"].any()
    assert rows["explanation"].iloc[0].startswith("Not compatible: no single value satisfies")


SOURCES = """\
sources:
  - id: src-a
    publisher: A
    title: A report
    published: "2025"
    language: en
    accessed: "2026-12-01"
  - id: src-b
    publisher: B
    title: B report
    published: "2025"
    language: en
    accessed: "2026-12-01"
events: []
indicators:
"""

LEVELS = """\
  - id: trade_turnover
    topic: trade
    label: Trade
    unit: usd_bn
    observations:
      - {{period: "2024", value: {a}, source: src-a, quote: "stated as {a}"}}
      - {{period: "2024", value: {b}, source: src-b, quote: "stated as {b}"}}
"""

GROWTH = """\
  - id: trade_turnover_growth
    topic: trade
    label: Growth
    unit: percent
    growth_of: trade_turnover
    observations:
      - {{period: "2024", base: "{base_a}", value: 13.6, source: src-a, quote: "up 13.6%"}}
      - {{period: "2024", base: "{base_b}", value: 30, source: src-b, quote: "up 30%"}}
"""


def divergences_of(write_yaml, text):
    return load(write_yaml(SOURCES + text)).divergences


@pytest.mark.parametrize(("a", "b"), [(4.0, 4.1), (100, 105), (3.2, 3.2)])
def test_figures_within_five_percent_are_not_a_divergence(write_yaml, a, b):
    assert divergences_of(write_yaml, LEVELS.format(a=a, b=b)).empty


@pytest.mark.parametrize(("a", "b"), [(100, 106), (3.2, 4.1)])
def test_figures_further_apart_than_five_percent_are_a_divergence(write_yaml, a, b):
    assert len(divergences_of(write_yaml, LEVELS.format(a=a, b=b))) == 2


def test_growth_figures_against_different_bases_are_not_compared(write_yaml):
    growth = GROWTH.format(base_a="2023", base_b="2022")
    assert divergences_of(write_yaml, LEVELS.format(a=4.1, b=4.1) + growth).empty


def test_growth_figures_against_the_same_base_are_compared(write_yaml):
    growth = GROWTH.format(base_a="2023", base_b="2023")
    found = divergences_of(write_yaml, LEVELS.format(a=4.1, b=4.1) + growth)
    assert set(found["group"]) == {"trade_turnover_growth 2024 vs 2023"}


@pytest.mark.parametrize(
    ("value", "qualifier", "low", "high"),
    [
        (3.2, "at_least", 3.2, float("inf")),
        (3, "at_most", float("-inf"), 3),
        (100, "approx", 95, 105),
        (4.1, "exact", 4.1, 4.1),
    ],
)
def test_a_qualifier_is_read_as_an_interval(value, qualifier, low, high):
    assert interval(value, qualifier) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([(3.2, "at_least"), (3, "at_least"), (4.1, "exact")], True),
        ([(1800, "at_least"), (1700, "approx")], False),
        ([(1800, "exact"), (1700, "exact")], False),
        ([(100, "approx"), (108, "approx")], True),
        ([(3, "at_most"), (3.2, "at_least")], False),
    ],
)
def test_figures_are_compatible_when_one_value_satisfies_them_all(figures, expected):
    assert compatible(figures) is expected

"""Derived values: what the stated figures imply, with sound qualifiers and the arithmetic shown."""

import pytest

from bilateral import load
from bilateral.derived import combined_qualifier


def derived_rows(data, indicator_id, period):
    o = data.observations
    return o[o["derived"] & (o["indicator_id"] == indicator_id) & (o["period"] == period)]


def test_implied_2023_trade_turnover_follows_from_4_1_bn_and_13_6_percent(real_data):
    rows = derived_rows(real_data, "trade_turnover", "2023")
    seeds = {"eurasianstar-2025-11", "realist-2025-11", "yenisafak-2025-11"}
    assert seeds <= set(rows["source_id"])
    for row in rows[rows["source_id"].isin(seeds)].itertuples():
        assert abs(row.value - 3.609) < 0.01
        assert row.qualifier == "approx"
        assert row.display == "≈ $3.61 bn"
        assert row.arithmetic == "4.1 / (1 + 13.6%) = 3.61"
        assert "trade_turnover 2024 (line " in row.inputs
        assert "trade_turnover_growth 2024 vs 2023 (line " in row.inputs
        assert row.said_by == "Vladimir Putin"


def test_gas_exports_change_from_jan_oct_2023_to_jan_oct_2024(real_data):
    [row] = derived_rows(real_data, "natural_gas_exports_change", "2024-01..2024-10").itertuples()
    assert abs(row.value - 48.6) < 0.05
    assert (row.base, row.period_label, row.base_label) == ("2023-01..2023-10", "Jan–Oct 2024", "Jan–Oct 2023")
    assert (row.qualifier, row.display) == ("approx", "≈ +48.6%")
    assert row.arithmetic.startswith("410 / 276 − 1 = +48.6%")
    assert "+134 million cubic metres" in row.arithmetic


def test_electricity_exports_change_from_2023_to_2024(real_data):
    [row] = derived_rows(real_data, "electricity_exports_change", "2024").itertuples()
    assert abs(row.value - 77.8) < 0.05
    assert (row.base, row.display) == ("2023", "≈ +77.8%")
    assert row.arithmetic.startswith("1.6 / 0.9 − 1 = +77.8%")


def test_derived_change_indicators_are_listed_and_flagged(real_data):
    ind = real_data.indicators.set_index("indicator_id")
    gas = ind.loc["natural_gas_exports_change"]
    assert (gas["derived"], gas["growth_of"], gas["unit"]) == (True, "natural_gas_exports", "percent")
    assert not ind.loc["natural_gas_exports", "derived"]


def test_a_lower_bound_with_a_lower_bound_growth_yields_no_value(real_data):
    # "over $3.2 billion" after "more than 30 percent" growth: 2022 may have been anything below 3.2 / 1.3.
    assert derived_rows(real_data, "trade_turnover", "2022").empty
    assert (
        "trade_turnover 2022 from 3.2 and +30% (24kg-2025-07-28): not derived, no sound bound follows from at_least "
        "and at_least" in real_data.not_derived
    )
    assert derived_rows(real_data, "russian_investment_flow", "2023").empty
    assert any(line.startswith("russian_investment_flow 2023 from 190 and +46%") for line in real_data.not_derived)


@pytest.mark.parametrize(
    ("level", "growth", "expected"),
    [
        ("exact", "exact", "approx"),
        ("at_least", "exact", "at_least"),  # base ≥ L / (1 + g)
        ("exact", "at_least", "at_most"),  # g larger means a smaller base
        ("at_most", "exact", "at_most"),
        ("exact", "at_most", "at_least"),
        ("at_least", "at_most", "at_least"),  # both push the base up
        ("at_least", "at_least", None),  # they pull in opposite directions
        ("at_most", "at_most", None),
        ("approx", "at_least", None),  # a bound next to an approximation is no bound
        ("approx", "exact", "approx"),
    ],
)
def test_combined_qualifier_keeps_a_bound_only_when_it_is_sound(level, growth, expected):
    assert combined_qualifier([(level, 1), (growth, -1)]) == expected


GROWTH_YAML = """\
sources:
  - id: src-a
    publisher: Publisher A
    title: A report
    published: "2025"
    language: en
    accessed: "2026-12-01"
indicators:
  - id: trade_turnover
    topic: trade
    label: Trade
    unit: usd_bn
    observations:
      - period: "2024"
        value: 4.1
        qualifier: {level}
        source: src-a
        quote: "trade of $4.1 billion"
  - id: trade_turnover_growth
    topic: trade
    label: Growth
    unit: percent
    growth_of: trade_turnover
    observations:
      - period: "2024"
        value: 13.6
        qualifier: {growth}
        base: "2023"
        source: src-a
        quote: "up 13.6% on 2023"
events: []
"""


@pytest.mark.parametrize(
    ("level", "growth", "expected"),
    [("at_least", "exact", "at_least"), ("exact", "at_least", "at_most"), ("exact", "exact", "approx")],
)
def test_an_implied_level_carries_the_sound_qualifier(write_yaml, level, growth, expected):
    data = load(write_yaml(GROWTH_YAML.format(level=level, growth=growth)))
    [row] = derived_rows(data, "trade_turnover", "2023").itertuples()
    assert row.qualifier == expected
    assert abs(row.value - 3.609) < 0.01
    assert data.not_derived == []


def test_an_implied_level_from_two_lower_bounds_is_left_out_and_said_why(write_yaml):
    data = load(write_yaml(GROWTH_YAML.format(level="at_least", growth="at_least")))
    assert derived_rows(data, "trade_turnover", "2023").empty
    assert data.not_derived == [
        "trade_turnover 2023 from 4.1 and +13.6% (src-a): not derived, no sound bound follows from "
        "at_least and at_least"
    ]


SOURCE_B = """\
  - id: src-b
    publisher: Publisher B
    title: B report
    published: "2025"
    language: en
    accessed: "2026-12-01"
"""


def test_figures_of_different_sources_are_not_combined(write_yaml):
    text = GROWTH_YAML.format(level="exact", growth="exact").replace("indicators:\n", SOURCE_B + "indicators:\n")
    text = text.replace('base: "2023"\n        source: src-a', 'base: "2023"\n        source: src-b')
    data = load(write_yaml(text))
    assert not data.observations["derived"].any()

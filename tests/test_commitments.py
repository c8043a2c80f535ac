"""Commitments against outcomes: the status each side's figures prove, and the rules a commitment must follow."""

from __future__ import annotations

import pandas as pd
import pytest

from bilateral import DataError, commitments, load

TODAY = pd.Timestamp("2026-12-02")

SOURCES = """\
sources:
  - id: kg-page
    publisher: Kyrgyz Agency
    title: Trade report
    published: "2025-03-01"
    language: en
    accessed: "2026-12-01"
    url: https://example.org/kg
  - id: ru-page
    publisher: Russian Agency
    title: Trade report
    published: "2025-03-02"
    language: en
    accessed: "2026-12-01"
    url: https://example.org/ru
  - id: promise-page
    publisher: Summit Report
    title: The presidents' summit
    published: "2023-10-12"
    language: en
    accessed: "2026-12-01"
    url: https://example.org/summit
"""


def figure(period: str, value: float, source: str, side: str, qualifier: str = "exact", kind: str = "actual") -> str:
    quote = {"exact": "", "at_least": "over ", "approx": "about ", "at_most": "at most "}[qualifier]
    return f"""\
      - period: "{period}"
        value: {value}
        qualifier: {qualifier}
        kind: {kind}
        source: {source}
        said_by: Official
        said_by_side: {side}
        quote: "trade was {quote}${value} billion in {period}"
"""


def dataset(write_yaml, figures: str, commitment: str, events: str = "events: []\n", promised: float = 5):
    text = f"""{SOURCES}indicators:
  - id: trade_turnover
    topic: trade
    label: Bilateral trade turnover
    unit: usd_bn
    observations:
      - value: 5
        kind: target
        source: promise-page
        quote: "the presidents agreed to raise trade to $5 billion"
{figures}{events}commitments:
  - id: trade-5bn
    topic: trade
    title: Trade of $5 bn a year
    indicator: trade_turnover
    value: {promised}
    measured_by: trade_turnover
{commitment}"""
    return load(write_yaml(text))


def verdicts(data) -> dict[str, commitments.Verdict]:
    return {v.side: v for v in commitments.assess(data, data.commitments.iloc[0], TODAY)}


def test_an_exact_outcome_that_reaches_the_target_is_met(write_yaml):
    data = dataset(write_yaml, figure("2024", 5.2, "ru-page", "ru"), "")
    [verdict] = verdicts(data).values()
    assert verdict.status == "met" and verdict.share == pytest.approx(1.04)


def test_a_hedged_outcome_counts_only_for_what_it_proves(write_yaml):
    data = dataset(write_yaml, figure("2024", 3.2, "kg-page", "kg", "at_least"), "")
    verdict = verdicts(data)["Kyrgyz side"]
    assert verdict.status == "in progress"
    assert (verdict.bound, verdict.share) == ("at least", pytest.approx(0.64))
    assert "at least 64% of the target" in verdict.sentence


def test_an_at_most_figure_above_the_target_does_not_prove_it_met(write_yaml):
    data = dataset(write_yaml, figure("2024", 6, "kg-page", "kg", "at_most"), "")
    assert verdicts(data)["Kyrgyz side"].status == "in progress"


def test_two_sides_that_disagree_get_a_status_each_never_a_blend(write_yaml):
    figures = figure("2024", 3.2, "kg-page", "kg") + figure("2024", 4.1, "ru-page", "ru")
    by_side = verdicts(dataset(write_yaml, figures, ""))
    assert by_side["Kyrgyz side"].share == pytest.approx(0.64)
    assert by_side["Russian side"].share == pytest.approx(0.82)
    assert commitments.overall([v.status for v in by_side.values()]) == "in progress"


def test_a_deadline_passed_below_the_target_is_not_met_and_later_figures_do_not_change_that(write_yaml):
    figures = figure("2024", 4.1, "ru-page", "ru") + figure("2025", 5.5, "ru-page", "ru")
    deadline = figure("2024", 5, "promise-page", "ru", kind="target").replace("trade was $5", "trade to reach $5")
    verdict = verdicts(dataset(write_yaml, figures + deadline, ""))["Russian side"]
    assert verdict.status == "not met by its deadline" and verdict.share == pytest.approx(0.82)


def test_a_due_period_a_promise_states_is_its_deadline(write_yaml):
    dated = figure("2024", 5, "promise-page", "kg").replace("trade was $5", "trade to reach $5")
    data = dataset(write_yaml, dated + figure("2024", 4.1, "ru-page", "ru"), '    due: "2024"\n')
    assert commitments.deadline(data.commitments.iloc[0], commitments.promises(data, data.commitments.iloc[0])) == (
        pd.Timestamp("2024-12-31")
    )
    assert verdicts(data)["Russian side"].status == "not met by its deadline"


def test_no_outcome_figure_means_no_outcome_stated_yet(write_yaml):
    [verdict] = verdicts(dataset(write_yaml, "", "")).values()
    assert verdict.status == "no outcome stated yet" and verdict.share is None


def test_a_partial_year_is_not_taken_for_the_year_when_the_side_gives_a_whole_one(write_yaml):
    figures = figure("2024", 4.1, "ru-page", "ru") + figure("2025-01..2025-08", 3, "ru-page", "ru")
    verdict = verdicts(dataset(write_yaml, figures, ""))["Russian side"]
    assert verdict.outcome["period"] == "2024"


def test_amounts_paid_in_tranches_are_summed_in_the_open_as_a_derived_outcome(write_yaml):
    figures = figure("2023", 2, "ru-page", "ru") + figure("2024", 3, "ru-page", "ru")
    verdict = verdicts(dataset(write_yaml, figures, "    cumulative: true\n"))["Russian side"]
    assert verdict.status == "met"
    assert verdict.outcome["derived"] and verdict.outcome["arithmetic"] == "2023 $2 bn + 2024 $3 bn = $5 bn"


def test_a_status_in_words_comes_from_the_event_that_says_it(write_yaml):
    events = """events:
  - id: deal-denounced
    date: "2025-02-01"
    title: The deal is denounced
    category: treaty
    source: kg-page
    quote: "parliament denounced the agreement"
"""
    data = dataset(
        write_yaml,
        figure("2024", 4.1, "ru-page", "ru"),
        "    outcome_event: deal-denounced\n    outcome: denounced\n",
        events,
    )
    [verdict] = verdicts(data).values()
    assert verdict.status == "denounced" and "The deal is denounced" in verdict.sentence


def test_the_table_carries_the_sources_of_both_ends(write_yaml):
    data = dataset(write_yaml, figure("2024", 4.1, "ru-page", "ru"), "")
    [row] = commitments.table(data, TODAY).to_dict("records")
    assert row["promise_source_url"] == "https://example.org/summit" and row["promise_publisher"] == "Summit Report"
    assert row["outcome_source_url"] == "https://example.org/ru" and row["outcome_quote"].endswith("in 2024")


# ---------------------------------------------------------------- what the check refuses, at its line


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("    outcome_event: no-such-event\n    outcome: completed\n", "outcome_event: 'no-such-event' names no event"),
        ("    outcome: denounced\n", "an outcome stated in words needs both 'outcome' and the 'outcome_event'"),
        ("    cumulative: yes please\n", "cumulative: must be true or false"),
        ('    due: "2030"\n', "due: no figure of 'trade_turnover' at 5 states the period '2030'"),
    ],
)
def test_a_commitment_that_breaks_a_rule_is_refused_at_its_line(write_yaml, extra, message):
    with pytest.raises(DataError) as caught:
        dataset(write_yaml, "", extra)
    assert any(message in p.message and p.line > 0 for p in caught.value.problems), caught.value.problems


def test_a_promised_value_no_figure_states_is_refused(write_yaml):
    with pytest.raises(DataError) as caught:
        dataset(write_yaml, "", "", promised=6)
    assert any("value: no figure of 'trade_turnover' states 6" in p.message for p in caught.value.problems)


def test_a_status_word_the_events_quote_does_not_say_is_refused(write_yaml):
    events = """events:
  - id: deal-signed
    date: "2025-02-01"
    title: The deal is signed
    category: treaty
    source: kg-page
    quote: "the agreement was signed"
"""
    with pytest.raises(DataError) as caught:
        dataset(write_yaml, "", "    outcome_event: deal-signed\n    outcome: denounced\n", events)
    assert any("no account of 'deal-signed' says 'denounced'" in p.message for p in caught.value.problems)


def test_a_promise_in_one_unit_is_measured_against_figures_in_another(write_yaml):
    # The promise's indicator counts in billions, the outcomes' in millions: $5 bn is 5,000 of them.
    millions = """
  - id: trade_in_millions
    topic: trade
    label: Bilateral trade turnover, in millions
    unit: usd_m
    observations:
      - period: "2024"
        value: 4100
        source: ru-page
        said_by: Official
        said_by_side: ru
        quote: "trade was $4100 million in 2024"
"""
    text = (
        SOURCES
        + "indicators:"
        + millions
        + """  - id: trade_turnover
    topic: trade
    label: Bilateral trade turnover
    unit: usd_bn
    observations:
      - value: 5
        kind: target
        source: promise-page
        quote: "the presidents agreed to raise trade to $5 billion"
events: []
commitments:
  - id: trade-5bn
    topic: trade
    title: Trade of $5 bn a year
    indicator: trade_turnover
    value: 5
    measured_by: trade_in_millions
"""
    )
    data = load(write_yaml(text))
    assert verdicts(data)["Russian side"].share == pytest.approx(0.82)

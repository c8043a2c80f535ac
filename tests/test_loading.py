"""Loading: every class of bad input is reported with its message and line; good input becomes tidy tables."""

import pandas as pd
import pytest

from bilateral import DataError, load
from bilateral.loading import OBSERVATION_COLUMNS, check

# ------------------------------------------------------------------ bad input, one class per test


def test_unknown_field_suggests_the_near_miss(variant, problems, line_of):
    path, line = variant("value: 4.1", "vaule: 4.1")
    assert problems(path) == [
        (line_of('- period: "2024"'), "missing required field 'value'"),
        (line, "unknown field 'vaule' (did you mean 'value'?)"),
    ]


def test_unknown_field_without_a_near_miss_lists_the_allowed_fields(variant, problems):
    path, line = variant("    url: https://example.org/report", "    url: https://example.org/report\n    colour: red")
    assert problems(path) == [
        (line + 1, "unknown field 'colour' (allowed: id, publisher, title, published, url, note)")
    ]


def test_duplicate_key_is_rejected_with_both_lines(variant, problems):
    path, line = variant("value: 4.1\n", "value: 4.1\n        value: 4.2\n")
    assert problems(path) == [(line + 1, f"duplicate key 'value' at lines {line} and {line + 1}: keep one")]


def test_a_yaml_syntax_error_fails_the_load_at_its_line(variant, problems):
    path, line = variant("title: State visit", "title: [State visit")
    [(reported_line, message)] = problems(path)
    assert reported_line == line + 1
    assert message.startswith("YAML syntax error: while parsing a flow sequence")


def test_missing_required_field_is_reported_at_its_record(variant, problems, line_of):
    path, _ = variant("    title: A report on trade\n", "")
    assert problems(path) == [(line_of("  - id: src-a"), "missing required field 'title'")]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"4.1"', "value: must be a finite number, not the text '4.1'"),
        ("four", "value: must be a finite number, not the text 'four'"),
        ("true", "value: must be a finite number, not the boolean true"),
        ("", "value: must be a finite number, not empty"),
        (".nan", "value: must be a finite number, not nan"),
        (".inf", "value: must be a finite number, not inf"),
        ("-.inf", "value: must be a finite number, not -inf"),
    ],
)
def test_a_value_that_is_not_a_finite_number_is_rejected(variant, problems, written, message):
    path, line = variant("value: 4.1", f"value: {written}")
    assert problems(path) == [(line, message)]


def test_text_where_text_is_due_is_not_a_number(variant, problems):
    path, line = variant("label: Bilateral trade turnover", "label: 42")
    assert problems(path) == [(line, "label: must be text, not int")]


SECOND_EVENT_SAME_ID = """\
  - id: state-visit-2025
    date: "2025-11-27"
    title: Talks
    category: diplomacy
    source: src-a
    quote: "talks"
"""


def test_duplicated_id_is_rejected_with_both_lines(write_yaml, minimal_yaml, problems, line_of):
    path = write_yaml(minimal_yaml + SECOND_EVENT_SAME_ID)
    first_line, second_line = line_of("  - id: state-visit-2025"), minimal_yaml.count("\n") + 1
    assert problems(path) == [(second_line, f"duplicate id 'state-visit-2025': also at line {first_line}")]


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ("src-b", "source 'src-b' names no source in this file (did you mean 'src-a'?)"),
        ("elsewhere", "source 'elsewhere' names no source in this file"),
    ],
)
def test_a_source_naming_no_source_is_rejected(variant, problems, wrong, message):
    path, line = variant("source: src-a\n        said_by", f"source: {wrong}\n        said_by")
    assert problems(path) == [(line, message)]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("unit: usd_bn", "unit: usd_billion", "unit: 'usd_billion' is not one of 'usd_bn', 'usd_m', 'rub_bn'"),
        ("topic: trade", "topic: tarde", "topic: 'tarde' is not one of 'trade', 'investment', 'energy'"),
        ("category: visit", "category: visits", "category: 'visits' is not one of 'diplomacy', 'treaty', 'visit'"),
        ("qualifier: approx", "qualifier: roughly", "qualifier: 'roughly' is not one of 'exact', 'approx', 'at_least'"),
        ("kind: actual", "kind: forecast", "kind: 'forecast' is not one of 'actual' or 'target'"),
        ("status: happened", "status: maybe", "status: 'maybe' is not one of 'happened' or 'planned'"),
    ],
)
def test_a_word_outside_a_closed_vocabulary_is_rejected(variant, problems, old, new, message):
    path, line = variant(old, new)
    [(reported_line, reported)] = problems(path)
    assert reported_line == line
    assert reported.startswith(message)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('period: "2024"', 'period: "2024-13"', "period: '2024-13': month 13 does not exist"),
        (
            'period: "2024"',
            'period: "2024/26"',
            "period: '2024/26': an academic year runs into the next year (2024/25)",
        ),
        ('period: "2024"', 'period: "last year"', "period: 'last year' is not a period (use YYYY, YYYY-MM,"),
        ('period: "2024"', "period: yes", "period: must be text, not the boolean true"),
        ('"2025-01..2025-09"', '"2025-09..2025-01"', "period: '2025-09..2025-01': the range ends before it starts"),
        ('date: "2025-11-26"', "date: 2024-02-30", "date: '2024-02-30': day 30 does not exist in Feb 2024"),
        ('date: "2025-11-26"', 'date: "2025-H2"', "date: '2025-H2' is not a period (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        ('published: "2025-11"', 'published: "2025-13"', "published: '2025-13': month 13 does not exist"),
    ],
)
def test_a_period_or_date_that_does_not_parse_or_cannot_exist_is_rejected(variant, problems, old, new, message):
    path, line = variant(old, new)
    [(reported_line, reported)] = problems(path)
    assert reported_line == line
    assert reported.startswith(message)


def test_an_event_ending_before_it_starts_is_rejected(variant, problems):
    path, line = variant('date: "2025-11-26"', 'date: "2025-11-26"\n    end: "2025-11-01"')
    assert problems(path) == [(line + 1, "end: 2025-11-01 is before the date 2025-11-26")]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", '"data:text/html,<script>alert(1)</script>"', "file:///etc/passwd", "example.org"]
)
def test_a_url_that_is_not_http_is_rejected(variant, problems, url):
    path, line = variant("url: https://example.org/report", f"url: {url}")
    assert problems(path) == [(line, "url: must be an http:// or https:// address")]


def test_a_quote_that_does_not_contain_its_value_is_rejected(variant, problems):
    path, line = variant("a record $4.1 billion", "a record $4.2 billion")
    assert problems(path) == [(line, "quote: does not state the value 4.1")]


@pytest.mark.parametrize("text", ["- sources\n- events\n", "just some text\n"], ids=["list", "text"])
def test_a_file_that_is_not_a_mapping_is_rejected(write_yaml, problems, text):
    assert problems(write_yaml(text)) == [
        (1, "the file must be a mapping with the keys sources, indicators and events")
    ]


def test_a_misspelt_or_missing_section_is_rejected(variant, problems):
    path, line = variant("events:", "evnets:")
    assert problems(path) == [
        (1, "missing top-level key 'events'"),
        (line, "unknown top-level key 'evnets' (did you mean 'events'?): only sources, indicators and events"),
    ]


def test_a_section_that_is_not_a_list_or_names_no_source_is_rejected(write_yaml, problems):
    path = write_yaml("sources: []\nindicators: {}\nevents: none yet\n")
    assert problems(path) == [
        (1, "sources: the list must not be empty"),
        (2, "indicators: must be a list, not dict"),
        (3, "events: must be a list, not the text 'none yet'"),
    ]


def test_a_record_that_is_not_a_mapping_is_rejected(variant, problems):
    path, line = variant("events:\n  - id: state-visit-2025", "events:\n  - a visit\n  - id: state-visit-2025")
    assert problems(path) == [(line + 1, "events: must be a mapping of fields, not the text 'a visit'")]


def test_growth_rules_are_enforced(write_yaml, minimal_yaml, problems):
    growth = """\
  - id: trade_turnover_growth
    topic: trade
    label: Growth
    unit: usd_bn
    growth_of: trade_turnovr
    observations:
      - period: "2024"
        value: 13.6
        source: src-a
        quote: "rose by 13.6%"
"""
    path = write_yaml(minimal_yaml.replace("events:\n", growth + "events:\n"))
    first = minimal_yaml.count("\n", 0, minimal_yaml.index("events:")) + 1
    assert problems(path) == [
        (first + 3, "unit: a growth indicator (growth_of) is in percent"),
        (first + 4, "growth_of: 'trade_turnovr' names no indicator"),
        (first + 6, "missing required field 'base': a growth figure needs the period it compares against"),
    ]


def test_a_base_on_a_level_indicator_is_rejected(variant, problems):
    path, line = variant("value: 4.1\n", 'value: 4.1\n        base: "2023"\n')
    assert problems(path) == [(line + 1, "base: only growth indicators (with growth_of) compare against a base")]


def test_an_actual_figure_needs_a_period_but_a_target_may_leave_it_out(variant, problems, line_of):
    path, _ = variant('      - period: "2024"\n        value: 4.1', "      - value: 4.1")
    assert problems(path) == [
        (line_of('- period: "2024"'), "missing required field 'period' (only a target may leave its year unstated)")
    ]
    path, _ = variant(
        '      - period: "2024"\n        value: 4.1\n        kind: actual', "      - value: 4.1\n        kind: target"
    )
    assert load(path).observations["period_label"].iloc[0] == "no year stated"


def test_a_reference_to_a_record_with_problems_of_its_own_is_not_another_problem(variant, problems):
    path, line = variant("    publisher: Publisher A\n", "")
    assert problems(path) == [(line - 1, "missing required field 'publisher'")]


# ------------------------------------------------------------------ all at once, nothing half-loaded


def test_all_problems_of_a_file_are_reported_at_once_in_line_order(write_yaml, minimal_yaml, problems, line_of):
    text = minimal_yaml.replace("topic: trade", "topic: tarde")
    text = text.replace("https://example.org/report", "javascript:x")
    text = text.replace("category: visit", "category: visits")
    reported = problems(write_yaml(text))
    assert [line for line, _ in reported] == [line_of("url:"), line_of("topic:"), line_of("category:")]
    assert [message.split(":")[0] for _, message in reported] == ["url", "topic", "category"]


def test_a_file_with_problems_is_not_half_loaded(variant):
    path, line = variant("unit: usd_bn", "unit: usd_billion")
    loaded = None
    with pytest.raises(DataError) as caught:
        loaded = load(path)
    assert loaded is None
    assert str(caught.value).startswith(f"{path}:{line}:11: unit: 'usd_billion' is not one of 'usd_bn', ")


def test_check_returns_the_problems_instead_of_raising(variant):
    path, line = variant("unit: usd_bn", "unit: usd_billion")
    _, found, _ = check(path, shown="data/indicators.yaml")
    assert [(p.path, p.line, p.column) for p in found] == [("data/indicators.yaml", line, 11)]


# ------------------------------------------------------------------ quotes against the source texts


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Putin said trade reached a record $4.1 billion last year,\nand about $3.3 billion from January to September."
        " He spoke during the state visit of November 26.",
        encoding="utf-8",
    )
    return folder


def test_quotes_found_word_for_word_pass(write_yaml, minimal_yaml, texts):
    assert len(load(write_yaml(minimal_yaml), texts).observations) == 2


def test_a_quote_altered_by_one_word_is_reported_as_not_found(variant, problems, texts):
    path, line = variant("trade reached a record", "trade hit a record")
    assert problems(path, texts) == [(line, "quote: not found word for word in any source text")]


def test_quotes_of_one_source_split_across_two_texts_are_reported(write_yaml, minimal_yaml, problems, texts, line_of):
    (texts / "b.txt").write_text("Elsewhere: the state visit of November 26.", encoding="utf-8")
    (texts / "a.txt").write_text(
        "trade reached a record $4.1 billion last year; about $3.3 billion from January to September", encoding="utf-8"
    )
    path = write_yaml(minimal_yaml)
    assert problems(path, texts) == [
        (line_of('quote: "the state visit'), "quote: found in b.txt, but other quotes of 'src-a' are from another text")
    ]


# ------------------------------------------------------------------ the tables


def test_observations_are_one_tidy_row_per_figure_with_the_source_joined(write_yaml, minimal_yaml, line_of):
    data = load(write_yaml(minimal_yaml))
    o = data.observations
    assert list(o.columns) == [*OBSERVATION_COLUMNS, "source_published_label"]
    assert len(o) == 2
    first, second = o.iloc[0].to_dict(), o.iloc[1].to_dict()
    expected = {
        "indicator_id": "trade_turnover",
        "period": "2024",
        "value": 4.1,
        "display": "$4.1 bn",
        "said_by": "Vladimir Putin",
        "publisher": "Publisher A",
        "source_title": "A report on trade",
        "source_url": "https://example.org/report",
        "source_published_label": "Nov 2025",
        "line": line_of('- period: "2024"'),
    }
    assert {key: first[key] for key in expected} == expected
    assert second["period_label"] == "Jan–Sep 2025"
    assert (second["period_start"], second["period_end"]) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-09-30"))
    assert second["display"] == "≈ $3.3 bn"
    assert not o["derived"].any()


def test_the_real_dataset_loads_clean(real_data):
    o = real_data.observations
    assert o["publisher"].notna().all() and o["source_url"].notna().all()
    assert o["quote"].str.len().gt(0).all()
    assert set(o["indicator_id"]) <= set(real_data.indicators["indicator_id"])
    assert real_data.summary().startswith(f"{len(real_data.sources)} sources, ")


def test_the_real_dataset_quotes_stand_in_the_source_texts(shared_sources):
    _, found, _ = check(load().path, shared_sources)
    assert found == []


def test_events_are_sorted_by_date_with_their_labels_and_sources(real_data):
    e = real_data.events
    assert e["start"].is_monotonic_increasing
    games = e.set_index("event_id").loc["games-of-the-future-kazan-2024"]
    assert (games["date_label"], games["finish"]) == ("Feb–Mar 2024", pd.Timestamp("2024-03-31"))
    assert games["publisher"] == "EmbassyLife (Russian MFA note)"


def test_derived_rows_are_flagged_with_their_arithmetic_and_no_line(real_data):
    o = real_data.observations
    derived, stated = o[o["derived"]], o[~o["derived"]]
    assert len(derived) > 0
    assert derived["arithmetic"].notna().all() and derived["inputs"].str.contains(r"\(line \d+\)").all()
    assert derived["line"].isna().all()
    assert stated["arithmetic"].isna().all() and stated["line"].notna().all()


def test_modifying_a_returned_table_does_not_change_the_next_load():
    first = load()
    original = first.observations.copy()
    first.observations.loc[:, "value"] = -1.0
    first.sources.loc[:, "publisher"] = "changed"
    first.events.loc[:, "title"] = "changed"
    first.not_derived.clear()
    again = load()
    pd.testing.assert_frame_equal(again.observations, original)
    assert (again.events["title"] != "changed").all() and (again.sources["publisher"] != "changed").all()
    assert again.not_derived


def test_a_file_with_no_indicators_or_no_events_loads_as_empty_tables(write_yaml, minimal_yaml):
    head, events = minimal_yaml[: minimal_yaml.index("indicators:")], minimal_yaml[minimal_yaml.index("events:") :]
    no_indicators = load(write_yaml(head + "indicators: []\n" + events, "no-indicators.yaml"))
    assert no_indicators.observations.empty and "indicator_id" in no_indicators.observations.columns
    assert no_indicators.summary().startswith("1 sources, 0 indicators, 0 observations, 1 events, ")
    no_events = load(write_yaml(minimal_yaml[: minimal_yaml.index("events:")] + "events: []\n", "no-events.yaml"))
    assert no_events.events.empty and "event_id" in no_events.events.columns
    assert len(no_events.observations) == 2

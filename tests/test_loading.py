"""Loading: every class of bad input is reported with its message and line; good input becomes tidy tables."""

import pandas as pd
import pytest

from bilateral import DataError, load
from bilateral.loading import OBSERVATION_COLUMNS, check
from tests.conftest import line_in

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
        (
            line + 1,
            "unknown field 'colour' (allowed: id, publisher, title, published, url, language, accessed, file, note)",
        )
    ]


def test_duplicate_key_is_rejected_with_both_lines(variant, problems):
    path, line = variant("value: 4.1\n", "value: 4.1\n        value: 4.2\n")
    assert problems(path) == [(line + 1, f"duplicate key 'value' at lines {line} and {line + 1}: keep one")]


def test_a_yaml_syntax_error_fails_the_load_at_its_line(variant, problems):
    path, line = variant("title: State visit", "title: [State visit")
    [(opened, message), (stopped, _)] = problems(path)
    assert (opened, stopped) == (line, line + 1)
    assert message.startswith("YAML syntax error: while parsing a flow sequence that starts here")


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
        ("unit: usd_bn", "unit: usd_billion", "unit: 'usd_billion' is not one of 'usd_bn', 'usd_m', 'usd_k'"),
        ("topic: trade", "topic: tarde", "topic: 'tarde' is not one of 'trade', 'investment', 'energy'"),
        ("category: visit", "category: visits", "category: 'visits' is not one of 'diplomacy', 'treaty', 'visit'"),
        ("qualifier: approx", "qualifier: roughly", "qualifier: 'roughly' is not one of 'exact', 'approx', 'at_least'"),
        ("kind: actual", "kind: plan", "kind: 'plan' is not one of 'actual', 'target' or 'forecast'"),
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
        (1, "the file must be a mapping with the keys sources, indicators and events (and commitments)")
    ]


def test_a_misspelt_or_missing_section_is_rejected(variant, problems):
    path, line = variant("events:", "evnets:")
    assert problems(path) == [
        (1, "missing top-level key 'events'"),
        (
            line,
            "unknown top-level key 'evnets' (did you mean 'events'?): only sources, indicators, events and commitments",
        ),
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


def seed_text(minimal_yaml: str, name: str = "a.txt") -> str:
    """The minimal file with its source read from a seed text of the sources folder."""
    return minimal_yaml.replace(
        "    url: https://example.org/report\n", f"    url: https://example.org/report\n    file: {name}\n"
    )


def test_quotes_found_word_for_word_pass(write_yaml, minimal_yaml, texts):
    assert len(load(write_yaml(seed_text(minimal_yaml)), texts).observations) == 2


def test_a_quote_altered_by_one_word_is_reported_as_not_found(write_yaml, minimal_yaml, problems, texts):
    text = seed_text(minimal_yaml).replace("trade reached a record", "trade hit a record")
    assert problems(write_yaml(text), texts) == [
        (line_in(text, "trade hit"), "quote: not found word for word in a.txt")
    ]


def test_a_quote_found_only_in_another_text_is_reported(write_yaml, minimal_yaml, problems, texts):
    (texts / "b.txt").write_text("Elsewhere: the state visit of November 26.", encoding="utf-8")
    (texts / "a.txt").write_text(
        "trade reached a record $4.1 billion last year; about $3.3 billion from January to September", encoding="utf-8"
    )
    text = seed_text(minimal_yaml)
    assert problems(write_yaml(text), texts) == [
        (line_in(text, "the state visit"), "quote: not found word for word in a.txt")
    ]


def test_a_seed_text_missing_from_the_folder_is_reported_at_its_file_line(write_yaml, minimal_yaml, problems, texts):
    text = seed_text(minimal_yaml, "gone.txt")
    assert problems(write_yaml(text), texts) == [
        (line_in(text, "gone.txt"), "file: no text 'gone.txt' in the sources folder")
    ]


def test_a_web_source_is_not_looked_for_in_the_seed_texts(write_yaml, minimal_yaml, texts):
    (texts / "a.txt").write_text("nothing of the quotes", encoding="utf-8")
    assert len(load(write_yaml(minimal_yaml), texts).observations) == 2


# ------------------------------------------------------------------ web sources: language, dates, sides

RUSSIAN_SOURCE = """\
  - id: src-ru
    publisher: Publisher R
    title: Отчёт
    published: "2019-03-28"
    url: https://example.org/ru
    language: ru
    accessed: "2026-12-01"
"""
RUSSIAN_FIGURE = """\
      - period: "2018"
        value: 2.5
        source: src-ru
        quote: "товарооборот составил 2,5 млрд долларов"
        translation: "trade turnover amounted to $2.5 billion"
"""


def with_russian(minimal_yaml: str, figure: str = RUSSIAN_FIGURE, source: str = RUSSIAN_SOURCE) -> str:
    """The minimal file with a Russian-language source and one figure of it."""
    text = minimal_yaml.replace("indicators:\n", source + "indicators:\n", 1)
    return text.replace("events:\n", figure + "events:\n", 1)


def test_a_russian_quote_with_its_translation_and_decimal_comma_loads(write_yaml, minimal_yaml):
    o = load(write_yaml(with_russian(minimal_yaml))).observations
    row = o[o["source_id"] == "src-ru"].iloc[0]
    assert (row["value"], row["quote"], row["translation"]) == (
        2.5,
        "товарооборот составил 2,5 млрд долларов",
        "trade turnover amounted to $2.5 billion",
    )
    assert (row["source_language"], row["source_accessed"]) == ("ru", "2026-12-01")


def test_a_quote_not_in_english_without_a_translation_is_refused_at_the_quote(write_yaml, minimal_yaml, problems):
    text = with_russian(
        minimal_yaml, RUSSIAN_FIGURE.replace('        translation: "trade turnover amounted to $2.5 billion"\n', "")
    )
    assert problems(write_yaml(text)) == [
        (line_in(text, "2,5 млрд"), "quote: the source is in Russian: give our English translation as 'translation'")
    ]


def test_a_translation_of_an_english_quote_is_refused(variant, problems):
    path, line = variant("        note: \"'last year'", "        translation: x\n        note: \"'last year'")
    assert problems(path) == [(line, "translation: the source is in English; only a quote in another language has one")]


def test_a_russian_quote_that_does_not_state_its_value_is_refused(write_yaml, minimal_yaml, problems):
    text = with_russian(minimal_yaml, RUSSIAN_FIGURE.replace("value: 2.5", "value: 2.4"))
    assert problems(write_yaml(text)) == [(line_in(text, "2,5 млрд"), "quote: does not state the value 2.4")]


def test_last_year_without_a_note_is_refused(variant, problems):
    path, line = variant("        note: \"'last year' = 2024: the page is dated 2025-11\"\n", "")
    assert problems(path) == [
        (line - 1, "quote: says 'last year': add a note saying which period that is, read against the page's own date")
    ]


def test_v_proshlom_godu_without_a_note_is_refused(write_yaml, minimal_yaml, problems):
    figure = RUSSIAN_FIGURE.replace("товарооборот составил", "в прошлом году товарооборот составил")
    text = with_russian(minimal_yaml, figure)
    assert problems(write_yaml(text)) == [
        (
            line_in(text, "2,5 млрд"),
            "quote: says 'прошлом году': add a note saying which period that is, read against the page's own date",
        )
    ]


def test_a_relative_period_on_a_page_of_unknown_date_is_refused_unless_the_period_is_left_out(
    write_yaml, minimal_yaml, problems
):
    source = RUSSIAN_SOURCE.replace('    published: "2019-03-28"\n', "")
    figure = RUSSIAN_FIGURE.replace("товарооборот составил", "в прошлом году товарооборот составил")
    figure += "        note: the page shows no date\n"
    text = with_russian(minimal_yaml, figure, source)
    assert problems(write_yaml(text)) == [
        (
            line_in(text, "2,5 млрд"),
            "quote: says 'прошлом году', but the page's date is not known: "
            "the period cannot be resolved, so leave it out",
        )
    ]


def test_accessed_before_published_is_refused_at_accessed(write_yaml, minimal_yaml, problems):
    text = with_russian(minimal_yaml, source=RUSSIAN_SOURCE.replace('accessed: "2026-12-01"', 'accessed: "2019-03-27"'))
    assert problems(write_yaml(text)) == [
        (line_in(text, "2019-03-27"), "accessed: 2019-03-27 is before the page was published (2019-03-28)")
    ]


def test_a_page_read_in_the_month_it_was_published_is_not_refused(write_yaml, minimal_yaml):
    text = with_russian(minimal_yaml, source=RUSSIAN_SOURCE.replace('accessed: "2026-12-01"', 'accessed: "2019-03"'))
    assert len(load(write_yaml(text)).sources) == 2


def test_whose_numbers_and_who_said_them_give_the_side_of_a_figure(write_yaml, minimal_yaml):
    figure = RUSSIAN_FIGURE + (
        "        said_by: Sergei Vakunov\n        said_by_side: ru\n"
        "        according_to: National Statistical Committee of the Kyrgyz Republic\n        according_to_side: kg\n"
    )
    o = load(write_yaml(with_russian(minimal_yaml, figure))).observations.set_index("source_id")
    assert o.loc["src-ru", ["side", "side_label", "said_by_side", "according_to"]].tolist() == [
        "kg",
        "Kyrgyz side",
        "ru",
        "National Statistical Committee of the Kyrgyz Republic",
    ]
    assert o.loc["src-a", ["side", "side_label"]].values.tolist() == [
        ["ru", "Russian side"],  # Putin's word, no statistics named
        ["unstated", "Not stated"],
    ]


def test_a_speaker_without_a_side_and_a_side_without_statistics_are_refused(write_yaml, minimal_yaml, problems):
    figure = RUSSIAN_FIGURE + "        said_by: Sergei Vakunov\n        according_to_side: kg\n"
    text = with_russian(minimal_yaml, figure)
    start = line_in(text, '      - period: "2018"')
    assert problems(write_yaml(text)) == [
        (start, "missing field 'said_by_side': whose side 'Sergei Vakunov' is ('ru', 'kg' or 'other')"),
        (
            line_in(text, "according_to_side"),
            "according_to_side: says whose side 'according_to' is, but there is no 'according_to'",
        ),
    ]


def test_a_figure_stated_in_another_unit_is_converted_and_shown_as_stated(write_yaml, minimal_yaml):
    figure = RUSSIAN_FIGURE.replace("value: 2.5", "value: 2500\n        unit: usd_m").replace("2,5 млрд", "2500 млн")
    o = load(write_yaml(with_russian(minimal_yaml, figure))).observations.set_index("source_id")
    assert o.loc["src-ru", "value"] == pytest.approx(2.5)
    assert o.loc["src-ru", "display"] == "$2.5 bn (stated as $2,500 m)"


def test_a_unit_of_another_dimension_is_refused(write_yaml, minimal_yaml, problems):
    text = with_russian(minimal_yaml, RUSSIAN_FIGURE.replace("value: 2.5", "value: 2.5\n        unit: percent"))
    assert problems(write_yaml(text)) == [
        (line_in(text, "unit: percent"), "unit: 'percent' cannot be converted to the indicator's 'usd_bn'")
    ]


# ------------------------------------------------------------------ events told differently

ACCOUNTS = """\
    accounts:
      - date: "2025-11-25"
        source: src-b
        said_by: Someone
        quote: "the visit began on November 25"
"""
SOURCE_B = """\
  - id: src-b
    publisher: Publisher B
    title: Another report
    published: "2025-11-27"
    language: en
    accessed: "2026-12-01"
"""


def test_every_account_of_an_event_is_a_row_and_their_disagreement_is_marked(write_yaml, minimal_yaml):
    text = minimal_yaml.replace("indicators:\n", SOURCE_B + "indicators:\n", 1) + ACCOUNTS
    events = load(write_yaml(text)).events
    assert events[["event_id", "account", "accounts", "date", "source_id", "disputed"]].values.tolist() == [
        ["state-visit-2025", 2, 2, "2025-11-25", "src-b", True],
        ["state-visit-2025", 1, 2, "2025-11-26", "src-a", True],
    ]
    assert events["other_accounts"].tolist() == ["26 Nov 2025 (Publisher A)", "25 Nov 2025 (Publisher B)"]
    assert load(write_yaml(text)).summary().count("1 events") == 1


@pytest.mark.parametrize("date", ["2025-11-26", "2025-11", "2025"])
def test_accounts_that_agree_on_the_date_or_differ_only_in_precision_are_not_disputed(write_yaml, minimal_yaml, date):
    accounts = ACCOUNTS.replace('"2025-11-25"', f'"{date}"')
    text = minimal_yaml.replace("indicators:\n", SOURCE_B + "indicators:\n", 1) + accounts
    assert not load(write_yaml(text)).events["disputed"].any()


def test_an_event_account_that_names_no_source_is_refused_at_the_account(write_yaml, minimal_yaml, problems):
    text = minimal_yaml + ACCOUNTS.replace("        source: src-b\n", "")
    assert problems(write_yaml(text)) == [(line_in(text, '- date: "2025-11-25"'), "missing required field 'source'")]


def test_an_event_account_naming_an_unknown_source_is_refused(write_yaml, minimal_yaml, problems):
    text = minimal_yaml + ACCOUNTS
    assert problems(write_yaml(text)) == [
        (line_in(text, "source: src-b"), "source 'src-b' names no source in this file (did you mean 'src-a'?)")
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

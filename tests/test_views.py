"""What each page selects from the dataset: filters, headline figures, sentences and counts (no Streamlit)."""

from __future__ import annotations

import dataclasses

import pytest

from bilateral import load, views
from bilateral.schema import CATEGORIES

EVERY_YEAR = (1992, views.TIMELINE_END)
ALL = list(CATEGORIES)


@pytest.fixture(scope="module")
def data():
    """The project's own dataset, loaded once for this module. Read it, never modify it."""
    return load()


@pytest.fixture(scope="module")
def events(data):
    return data.events


@pytest.fixture(scope="module")
def observations(data):
    return data.observations


# ---------------------------------------------------------------- the timeline's filters


def test_every_event_up_to_2025_is_shown_by_default(events):
    shown = views.filter_events(events, EVERY_YEAR, ALL, future_planned=False)

    assert len(shown) == (events["start"].dt.year <= 2025).sum() > 400


def test_a_narrower_year_range_shows_only_the_events_of_those_years(events):
    shown = views.filter_events(events, (2000, 2020), ALL, future_planned=False)

    assert shown["start"].dt.year.between(2000, 2020).all()
    assert len(shown) == events["start"].dt.year.between(2000, 2020).sum()
    assert {"eternal-friendship-declaration-2000", "military-technical-treaty-2017"} <= set(shown["event_id"])
    assert "diplomatic-relations-1992" not in set(shown["event_id"])


def test_choosing_categories_shows_only_those_categories(events):
    shown = views.filter_events(events, EVERY_YEAR, ["treaty", "visit"], future_planned=False)

    assert set(shown["category"]) == {"treaty", "visit"}
    assert len(shown) == events["category"].isin(["treaty", "visit"]).sum()
    assert views.filter_events(events, EVERY_YEAR, [], future_planned=False).empty


def test_planned_events_after_2025_are_shown_only_when_asked_for(events):
    without = views.filter_events(events, EVERY_YEAR, ALL, future_planned=False)
    with_future = views.filter_events(events, EVERY_YEAR, ALL, future_planned=True)

    later = with_future[with_future["start"].dt.year > 2025]
    assert (without["start"].dt.year <= 2025).all()
    assert {"russia-csto-chairmanship-2026", "three-russian-language-schools-open-2027"} <= set(later["event_id"])
    assert (later["status"] == "planned").all()
    assert len(with_future) == len(without) + len(later)


def test_planned_events_after_2025_still_follow_the_chosen_categories(events):
    shown = views.filter_events(events, EVERY_YEAR, ["security"], future_planned=True)

    assert "russia-csto-chairmanship-2026" in shown["event_id"].tolist()
    assert "three-russian-language-schools-open-2027" not in shown["event_id"].tolist()


# ---------------------------------------------------------------- the figures table's filters


def test_no_filter_keeps_every_figure_stated_and_derived(observations):
    assert len(views.filter_observations(observations)) == len(observations) > 600


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"topics": ["energy"]}, lambda o: o["topic"] == "energy"),
        ({"indicators": ["trade_turnover"]}, lambda o: o["indicator_id"] == "trade_turnover"),
        ({"sources": ["24kg-2025-07-28"]}, lambda o: o["source_id"] == "24kg-2025-07-28"),
        ({"topics": ["trade"], "sources": ["24kg-2025-07-28"]},
         lambda o: (o["topic"] == "trade") & (o["source_id"] == "24kg-2025-07-28")),
    ],
    ids=["topic", "indicator", "source", "topic-and-source"],
)  # fmt: skip
def test_each_filter_narrows_the_figures_to_those_matching(observations, filters, expected):
    shown = views.filter_observations(observations, **filters)

    assert 0 < len(shown) < len(observations)
    assert len(shown) == expected(observations).sum()


def test_the_text_search_finds_words_in_labels(observations):
    shown = views.filter_observations(observations, text="turnover")

    in_labels = observations["label"].str.contains("turnover", case=False)
    in_either = in_labels | observations["quote"].str.contains("turnover", case=False)
    assert 0 < in_labels.sum() <= len(shown) == in_either.sum() < len(observations)
    assert set(observations[in_labels]["label"]) <= set(shown["label"])


def test_the_text_search_finds_words_only_in_quotes(observations):
    assert not observations["label"].str.contains("record", case=False).any()

    shown = views.filter_observations(observations, text="record")

    assert len(shown) > 0
    assert shown["quote"].str.contains("record", case=False).all()


def test_the_text_search_ignores_case_and_surrounding_spaces(observations):
    lower = views.filter_observations(observations, text="billion")

    assert 0 < len(lower) < len(observations)
    assert views.filter_observations(observations, text="  BILLION ").equals(lower)


def test_the_text_search_takes_its_text_literally(observations):
    assert views.filter_observations(observations, text="$4.1").shape[0] > 0
    assert views.filter_observations(observations, text=".*").empty


# ---------------------------------------------------------------- the overview's cards


def test_the_trade_turnover_headline_is_the_latest_year_stated(data):
    turnover = views.headlines(data)[0]
    o = data.observations
    stated = o[(o["indicator_id"] == "trade_turnover") & (o["kind"] == "actual") & ~o["derived"]]

    assert turnover.label == "Trade turnover"
    assert turnover.figure["period_end"] == stated["period_end"].max()
    assert (turnover.figure["display"], turnover.figure["period_label"]) == ("≥ $3.1 bn", "2025")
    assert turnover.figure["side_label"] == "Kyrgyz side"  # the Kyrgyz statistics a Russian ambassador cited
    assert turnover.delta is None  # its source gives no growth rate


def test_the_turnover_headline_prefers_putins_account_among_figures_of_one_year(data):
    o = data.observations
    until_2024 = dataclasses.replace(data, observations=o[~(o["period_start"].dt.year >= 2025)])

    turnover = views.headlines(until_2024)[0]

    assert (turnover.figure["display"], turnover.figure["period_label"]) == ("$4.1 bn", "2024")
    assert turnover.figure["said_by"] == "Vladimir Putin"
    assert (turnover.delta["display"], turnover.delta["base_label"]) == ("+13.6%", "2023")
    assert turnover.delta["source_id"] == turnover.figure["source_id"]


def test_every_headline_has_a_stated_figure(data):
    cards = views.headlines(data)

    assert len(cards) == 6
    for card in cards:
        assert card.figure is not None, card.label
        assert not card.figure["derived"]


def test_the_latest_figure_prefers_an_actual_to_a_target(data):
    assert views.latest(data, "trade_turnover")["kind"] == "actual"
    assert views.latest(data, "russian_language_schools_planned")["kind"] == "target"
    assert views.latest(data, "no_such_indicator") is None


# ---------------------------------------------------------------- sentences instead of charts


def test_the_turnover_sentence_names_every_figure_and_speaker(data):
    sentence = views.describe(views.rows(data, "trade_turnover"))

    assert sentence.startswith("Bilateral trade turnover, 2025: ≥ $3.1 bn (Sergei Vakunov). ")
    assert "derived ≈ $3.61 bn for 2023 (4.1 / (1 + 13.6%) = 3.61)" in sentence
    assert "target $5 bn (no year stated, Sadyr Japarov)" in sentence
    assert sentence.endswith(".")


def test_the_same_figure_from_one_speaker_is_named_once(data):
    rows = views.rows(data, "trade_turnover")
    sentence = views.describe(rows)

    kasymaliev = rows[(rows["said_by"] == "Adylbek Kasymaliev") & (rows["kind"] == "target")]
    assert len(kasymaliev) > 1  # his $5 bn goal is reported by several pages
    assert sentence.count("target $5 bn (no year stated, Adylbek Kasymaliev)") == 1
    of_2024 = views.describe(rows[rows["period"] == "2024"])
    assert of_2024.count("Vladimir Putin") == 1


def test_no_figures_are_described_as_such(data):
    assert views.describe(views.rows(data, "no_such_indicator")) == "No figures."


def test_the_events_sentence_counts_events_and_names_first_and_last(events):
    shown = views.filter_events(events, (2000, 2020), ALL, future_planned=False)

    sentence = views.describe_events(shown)
    first, last = shown.iloc[0], shown.iloc[-1]

    assert sentence.startswith(
        f"{shown['event_id'].nunique()} events from {first['date_label']} ({first['title']}) "
        f"to {last['date_label']} ({last['title']}): "
    )
    assert shown["event_id"].nunique() < len(shown)  # an event told twice is counted once
    assert views.describe_events(shown.iloc[:0]) == "No events."


# ---------------------------------------------------------------- where sources disagree


def test_each_divergence_is_a_titled_group_of_its_figures(data):
    groups = dict(views.divergence_groups(data))

    assert len(groups) == data.divergences["group"].nunique() > 10
    [title] = [t for t in groups if t.startswith("Bilateral trade turnover, 2024: ")]
    assert title.endswith("not compatible")  # $3.2 bn by the Kyrgyz side and $4.1 bn by Russian officials
    turnover = groups[title]
    assert {"$3.2 bn", "$4.1 bn", "≥ $3.2 bn", "≥ $3 bn"} <= set(turnover["display"])
    assert {"Kyrgyz side", "Russian side"} <= set(turnover["side_label"])


# ---------------------------------------------------------------- sources


def test_figures_per_source_add_up_to_the_stated_figures(data):
    sources = views.sources_with_counts(data)
    stated = data.observations[~data.observations["derived"]]

    assert sources["figures"].sum() == len(stated) > 500
    assert sources["events"].sum() == len(data.events)  # each account of an event counts for its source
    for row in sources.itertuples():
        assert row.figures == (stated["source_id"] == row.source_id).sum(), row.source_id


def test_every_source_supports_at_least_one_figure_or_event(data):
    sources = views.sources_with_counts(data)

    assert ((sources["figures"] + sources["events"]) > 0).all()


def test_the_summary_counts_stated_figures_events_and_sources(data):
    summary = views.dataset_summary(data)
    newest = data.sources.dropna(subset=["source_published"]).sort_values("source_published").iloc[-1]

    assert summary == {
        "figures": int((~data.observations["derived"]).sum()),
        "events": data.events["event_id"].nunique(),
        "sources": len(data.sources),
        "newest": newest["source_published_label"],
    }
    assert summary["events"] < len(data.events)  # accounts of one event are one event


# ---------------------------------------------------------------- what the pages select


def test_rows_keep_only_the_chosen_sources_and_can_leave_out_derived_values(data):
    vakunov = views.rows(data, "trade_turnover", sources=["24kg-2025-07-28"])
    stated = views.rows(data, "trade_turnover", derived=False)

    assert vakunov["said_by"].tolist() == ["Sergei Vakunov"]
    assert not stated["derived"].any()
    everything = views.rows(data, "trade_turnover")
    assert len(stated) == (~everything["derived"]).sum() < len(everything)


def test_recent_events_are_the_newest_that_happened(data):
    recent = views.recent_events(data)

    assert len(recent) == 8
    assert (recent["status"] == "happened").all()
    assert recent["start"].is_monotonic_decreasing


def test_planned_energy_projects_are_planned_energy_events(data):
    projects = views.planned_projects(data, "energy")

    assert len(projects) == ((data.events["category"] == "energy") & (data.events["status"] == "planned")).sum() > 0
    assert set(projects["status"]) == {"planned"}


# ---------------------------------------------------------------- the year range of the figure pages


def test_a_year_range_keeps_the_figures_whose_period_reaches_into_it_and_the_yearless_targets(data):
    everything = views.rows(data, "trade_turnover")
    kept = views.rows(data, "trade_turnover", years=(2015, 2020))
    dated = kept[kept["period"].notna()]
    assert 0 < len(dated) < len(everything[everything["period"].notna()])
    assert (dated["period_end"].dt.year >= 2015).all() and (dated["period_start"].dt.year <= 2020).all()
    assert kept["period"].isna().sum() == everything["period"].isna().sum()  # a target with no year stays


def test_a_partial_period_across_the_range_edge_is_kept(data):
    spanning = views.rows(data, "trade_turnover", years=(2023, 2023))
    assert "Jan–Nov 2023" in set(spanning["period_label"])
    assert not (spanning["period_end"].dt.year < 2023).any()


def test_the_year_span_runs_from_the_first_to_the_last_year_a_figure_reaches(data):
    first, last = views.year_span(data)
    dated = data.observations[data.observations["period"].notna()]
    assert first == dated["period_start"].min().year and last == dated["period_end"].max().year


def test_the_events_of_one_category_come_with_every_account_oldest_first(data):
    migration = views.events_in(data, "migration")
    assert len(migration) and set(migration["category"]) == {"migration"}
    assert len(migration) == (data.events["category"] == "migration").sum()
    years = migration["date_label"].str.extract(r"(\d{4})")[0].astype(int)
    assert years.is_monotonic_increasing

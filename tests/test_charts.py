"""The chart builders, without Streamlit: every account its own trace, every point its quote, data shown as text."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from bilateral import charts, load, views
from bilateral.charts import esc
from bilateral.loading import OBSERVATION_COLUMNS

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def data():
    """The project's own dataset, loaded once for this module. Read it, never modify it."""
    return load()


@pytest.fixture(scope="module")
def turnover(data):
    return views.rows(data, "trade_turnover")


@pytest.fixture(scope="module")
def turnover_chart(turnover):
    return charts.series_chart(turnover, "Bilateral trade turnover by source")


def observation(**fields) -> dict:
    """One hand-made figure with every column the loader gives; fields override the defaults."""
    row = {
        "indicator_id": "trade_turnover",
        "topic": "trade",
        "label": "Bilateral trade turnover",
        "unit": "usd_bn",
        "unit_label": "US$ billion",
        "period": "2024",
        "period_label": "2024",
        "period_start": pd.Timestamp("2024-01-01"),
        "period_end": pd.Timestamp("2024-12-31"),
        "value": 4.1,
        "stated": None,
        "qualifier": "exact",
        "kind": "actual",
        "display": "$4.1 bn",
        "base": None,
        "base_label": None,
        "side": "unstated",
        "side_label": "Not stated",
        "said_by": None,
        "said_by_side": None,
        "according_to": None,
        "according_to_side": None,
        "quote": "trade reached a record $4.1 billion last year",
        "translation": None,
        "note": None,
        "derived": False,
        "arithmetic": None,
        "inputs": None,
        "source_id": "src-a",
        "publisher": "Publisher A",
        "source_title": "A report on trade",
        "source_published": "2025-11",
        "source_url": "https://example.org/a",
        "source_language": "en",
        "source_accessed": "2026-12-01",
        "line": 1,
        "source_published_label": "Nov 2025",
    }
    assert set(row) == {*OBSERVATION_COLUMNS, "source_published_label"}, "keep the hand-made rows like the loader's"
    unknown = set(fields) - set(row)
    assert not unknown, f"no such column: {unknown}"
    return row | fields


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def event(**fields) -> dict:
    row = {
        "event_id": "state-visit-2025",
        "date": "2025-11-26",
        "end": None,
        "date_label": "26 Nov 2025",
        "start": pd.Timestamp("2025-11-26"),
        "finish": pd.Timestamp("2025-11-26"),
        "title": "State visit",
        "category": "visit",
        "status": "happened",
        "quote": "the state visit of November 26",
        "translation": None,
        "note": None,
        "disputed": False,
        "other_accounts": None,
        "source_id": "src-a",
        "line": 1,
        "publisher": "Publisher A",
        "source_title": "A report",
        "source_published": "2025-11",
        "source_published_label": "Nov 2025",
        "source_url": "https://example.org/a",
    }
    return row | fields


def strings(value):
    """Every text anywhere in a figure's JSON."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def flat(text: str) -> str:
    """A text with its wrapping and spacing taken out, to search a hover for a whole quote."""
    return re.sub(r"<br>|\s", "", text)


# -------------------------------------------------------- the real turnover series: every account on a time axis


def accounts(fig) -> list:
    """The traces of a figure's dated accounts, without the legend's dots, the target lines and their stars."""
    return [t for t in fig.data if t.legendgroup and t.hovertext]


def markers(fig):
    """Every marker of a dated account as (trace name, x, y, symbol, hover)."""
    return [
        (t.name, x, y, symbol, hover)
        for t in accounts(fig)
        for x, y, symbol, hover in zip(t.x, t.y, t.marker.symbol, t.hovertext, strict=True)
    ]


def test_the_turnover_chart_has_a_real_time_axis_not_categories(turnover_chart):
    assert turnover_chart.layout.xaxis.type == "date"
    assert all(isinstance(x, pd.Timestamp) for _, x, *_ in markers(turnover_chart))


def test_every_dated_account_is_its_own_marker_at_its_stated_value(turnover_chart, turnover):
    dated = turnover[turnover["period"].notna() & (turnover["kind"] != "target")]  # targets are lines of their own
    assert len(markers(turnover_chart)) == len(dated) > 30
    for_2024 = sorted(y for _, x, y, _, h in markers(turnover_chart) if "· 2024<br>" in h and "Derived" not in h)
    stated = sorted(dated[(dated["period"] == "2024") & ~dated["derived"] & (dated["kind"] == "actual")]["value"])
    assert for_2024 == pytest.approx(stated)
    assert {3.2, 4.1} <= set(for_2024)


def test_markers_are_coloured_by_whose_numbers_they_are_and_the_legend_names_each_colour_once(turnover_chart):
    traces = accounts(turnover_chart)
    assert {"Russian side", "Kyrgyz side"} <= {t.legendgroup for t in traces}
    for t in traces:
        assert t.marker.color == charts.SIDE_COLOURS[t.legendgroup]
    in_legend = [t for t in turnover_chart.data if t.showlegend is not False]
    assert sorted(t.name for t in in_legend) == sorted({t.legendgroup for t in traces})
    assert all(t.marker.symbol == "circle" and t.marker.color == charts.SIDE_COLOURS[t.name] for t in in_legend)


def test_hedges_are_drawn_as_such_and_derived_figures_hollow(turnover_chart, turnover):
    symbols = {(h.split("</b>")[0], symbol) for _, _, _, symbol, h in markers(turnover_chart)}
    assert any(label.startswith("<b>≥") and symbol == "triangle-up" for label, symbol in symbols)
    assert any(label.startswith("<b>≈") and symbol.startswith("diamond") for label, symbol in symbols)
    derived = [t for t in turnover_chart.data if t.meta["derived"]]
    assert derived and all(s.endswith("-open") for t in derived for s in t.marker.symbol)
    assert all("(derived)" in t.name for t in derived)


def test_a_partial_year_spans_its_months_not_the_year(turnover_chart):
    [(x, half)] = [
        (x, t.error_x.array[i])
        for t in accounts(turnover_chart)
        for i, (x, h) in enumerate(zip(t.x, t.hovertext, strict=True))
        if "Jan–Nov 2023" in h and "Derived" not in h
    ][:1]
    assert x.month in (6, 7) and x.year == 2023
    assert 140 < half / 86_400_000 < 170  # about five and a half months each side: January to November


def test_a_target_is_a_dashed_line_from_when_it_was_first_set_naming_who(turnover_chart, turnover):
    lines = {t.y[0]: t for t in turnover_chart.data if t.mode == "lines"}
    assert set(lines) == set(turnover[turnover["kind"] == "target"]["value"])  # one line per level: $1, 2 and 5 bn
    five = lines[5.0]
    assert five.line.dash == "dash" and five.y[0] == five.y[1]
    targets = turnover[(turnover["kind"] == "target") & (turnover["value"] == 5.0)]
    first = targets.sort_values("source_published").iloc[0]
    assert five.x[0] == pd.Timestamp(first["source_published"])
    assert flat(esc(first["publisher"])) in flat(five.name) and first["source_published_label"] in five.name
    assert f"+{len(targets) - 1} restated" in five.name
    label = next(a for a in turnover_chart.layout.annotations if flat(a.text) == flat(five.name))
    assert label.y == 5.0
    [stars] = [t for t in turnover_chart.data if t.mode == "markers" and not t.legendgroup and t.y[0] == 5.0]
    assert len(stars.hovertext) == len(targets)  # each statement's own quote, in its own hover


def test_a_russian_quote_shows_its_translation_in_the_hover(turnover_chart, turnover):
    russian = turnover[turnover["source_language"] == "ru"].iloc[0]
    hover = next(h for *_, h in markers(turnover_chart) if flat(esc(russian["quote"][:30])) in flat(h))
    assert "Our translation:" in hover and flat(esc(russian["translation"][:30])) in flat(hover)


def test_the_turnover_chart_credits_its_sources_in_the_figure_most_cited_first(turnover_chart, turnover):
    [credit] = [a.text for a in turnover_chart.layout.annotations if a.name == "sources"]
    publishers = turnover["publisher"].value_counts()
    assert f"{turnover['source_id'].nunique()} pages of {len(publishers)} publishers" in credit
    assert flat(esc(publishers.index[0])) in flat(credit)
    assert f"and {len(publishers) - charts.CREDIT_PUBLISHERS} more" in credit


# ---------------------------------------------------------------- one trace per account, never averaged


def test_two_sources_agreeing_still_give_two_markers_each_with_its_publisher():
    rows = frame(observation(), observation(source_id="src-b", publisher="Publisher B", quote="$4.1 billion"))

    fig = charts.series_chart(rows, "Turnover")

    assert [(y, h.split("<br>")[1]) for _, _, y, _, h in markers(fig)] == [
        (4.1, "Publisher A, Nov 2025"),
        (4.1, "Publisher B, Nov 2025"),
    ]


def test_figures_are_converted_to_the_unit_asked_for():
    fig = charts.series_chart(frame(observation(value=2.0, display="$2 bn")), "Investment", unit="usd_m")

    assert list(accounts(fig)[0].y) == [2000.0]
    assert fig.layout.yaxis.title.text == "US$ million"


# ---------------------------------------------------------------- derived and target figures look different


def test_a_target_with_a_year_is_a_line_to_its_deadline_naming_it():
    rows = frame(
        observation(),
        observation(period="2026", period_label="2026", period_start=pd.Timestamp("2026-01-01"),
                    period_end=pd.Timestamp("2026-12-31"), value=5.0,
                    display="$5 bn", kind="target", quote="to reach $5 billion"),
    )  # fmt: skip

    fig = charts.series_chart(rows, "Turnover")
    [line] = [t for t in fig.data if t.mode == "lines"]

    assert line.x[-1] == pd.Timestamp("2026-12-31") and list(line.y) == [5.0, 5.0]
    assert "$5 bn target by 2026" in line.name
    [star] = [t for t in fig.data if t.meta["kind"] == "target" and t.mode == "markers"]
    assert list(star.marker.symbol) == ["star"]


def test_labels_of_close_targets_are_placed_apart_within_the_plot(data):
    fig = charts.series_chart(views.rows(data, "gasification_level", "gasification_target"), "Gasification")
    labels = [a for a in fig.layout.annotations if "target by 2030" in a.text]
    assert len(labels) == 2  # 60% and 62%, two points apart
    assert [a.yanchor for a in labels] == ["top", "top"] and labels[1].yshift < 0  # the lower one moved further down


def test_every_figure_of_every_indicator_has_a_hover_with_its_quote_and_publisher(data):
    for indicator_id, rows in data.observations.groupby("indicator_id"):
        hovers = [flat(h) for h in charts.all_hover(charts.series_chart(rows, indicator_id))]
        for row in rows.itertuples():
            carrying = [h for h in hovers if flat(esc(row.quote)) in h and flat(esc(row.publisher)) in h]
            assert carrying, f"{indicator_id} {row.period_label} from {row.publisher}: no hover with its quote"
            if row.derived:
                assert any("Derived,notstated" in h and flat(esc(row.arithmetic)) in h for h in carrying)


def test_a_derived_hover_gives_its_arithmetic_and_inputs(turnover_chart):
    derived = [h for t in turnover_chart.data if t.meta["derived"] for h in t.hovertext]
    hover = next(h for h in derived if "4.1 / (1 + 13.6%)" in h)

    assert "<i>Derived, not stated:</i> 4.1 / (1 + 13.6%) = 3.61" in hover
    assert "from trade_turnover 2024" in hover
    assert "Said by Vladimir Putin" in hover


def test_a_long_quote_is_wrapped_but_complete_in_the_hover():
    quote = "word " * 40 + "$4.1 billion"
    fig = charts.series_chart(frame(observation(quote=quote)), "Turnover")

    hover = accounts(fig)[0].hovertext[0]
    assert "<br>" in hover.split("“")[1]
    assert hover.split("“")[1].replace("<br>", " ") == f"{quote.strip()}”"


def test_a_single_source_chart_says_source_in_the_singular():
    fig = charts.series_chart(frame(observation()), "Turnover")

    assert [a.text for a in fig.layout.annotations] == ["Source: Publisher A, Nov 2025"]


# ---------------------------------------------------------------- hostile text stays text


def test_hostile_text_in_a_figure_is_escaped_in_hovers_legend_and_title():
    rows = frame(
        observation(label=HOSTILE, quote=f"{HOSTILE} $4.1 billion", publisher=f"A {HOSTILE}", said_by=HOSTILE),
        observation(period=None, period_label="no year stated", period_start=pd.NaT, kind="target", value=5.0,
                    display="$5 bn", label=HOSTILE, quote=f"{HOSTILE} $5 billion"),
    )  # fmt: skip

    fig = charts.series_chart(rows, f"Title {HOSTILE}", by="label")
    texts = list(strings(fig.to_plotly_json()))

    assert not [t for t in texts if "<img" in t]
    assert "&lt;img" in fig.layout.title.text
    assert "&lt;img" in fig.data[0].name  # the legend's entry
    assert "&lt;img" in accounts(fig)[0].hovertext[0]
    assert any("&lt;img" in h for t in fig.data if t.meta["kind"] == "target" for h in t.hovertext or [])
    assert any("&lt;img" in a.text for a in fig.layout.annotations)  # the source credit


def test_hostile_text_in_an_event_is_escaped_in_the_timeline():
    events = frame(event(title=HOSTILE, quote=HOSTILE, note=HOSTILE, publisher=HOSTILE))

    fig = charts.timeline_chart(events, title=HOSTILE)
    texts = list(strings(fig.to_plotly_json()))

    assert not [t for t in texts if "<img" in t]
    assert accounts(fig)[0].hovertext[0].count("&lt;img") == 4
    assert "&lt;img" in fig.layout.title.text


def test_a_hostile_change_annotation_is_escaped():
    fig = charts.series_chart(frame(observation()), "Turnover")
    change = observation(display=f"+13.6% {HOSTILE}", base_label="2023", derived=True, arithmetic=HOSTILE,
                         inputs=HOSTILE)  # fmt: skip

    charts.annotate_changes(fig, frame(change))

    marked = [a for a in fig.layout.annotations if "(derived)" in a.text]
    assert len(marked) == 1
    assert "<img" not in marked[0].text and "<img" not in marked[0].hovertext
    assert "&lt;img" in marked[0].text


# ---------------------------------------------------------------- the timeline


@pytest.fixture(scope="module")
def timeline(data):
    events = views.filter_events(data.events, (1992, views.TIMELINE_END), list(data.events["category"].unique()), True)
    return events, charts.timeline_chart(events)


def test_every_event_is_one_marker_on_the_timeline(timeline):
    events, fig = timeline

    assert sum(len(t.x) for t in fig.data) == len(events) > 400


def test_planned_events_use_an_open_symbol_and_happened_ones_a_filled_circle(timeline):
    events, fig = timeline
    planned = [t for t in fig.data if t.meta["planned"]]
    happened = [t for t in fig.data if not t.meta["planned"]]

    assert planned and happened
    assert all(t.marker.symbol.endswith("-open") and t.name.endswith("(planned)") for t in planned)
    assert all(t.marker.symbol == "circle" for t in happened)
    assert sum(len(t.x) for t in planned) == (events["status"] == "planned").sum()


def test_events_with_an_end_are_drawn_as_spans(timeline):
    events, fig = timeline

    assert len(fig.layout.shapes) == events["end"].notna().sum() > 3


def test_each_event_hover_carries_its_title_quote_and_publisher(timeline):
    events, fig = timeline
    hovers = [flat(h) for t in fig.data for h in t.hovertext]

    for row in events.itertuples():
        assert any(
            flat(esc(row.title)) in h and flat(esc(row.quote)) in h and flat(esc(row.publisher)) in h for h in hovers
        ), row.event_id


def test_the_timeline_names_its_sources(timeline):
    _, fig = timeline

    assert any(a.text.startswith("Sources: ") for a in fig.layout.annotations)


# ---------------------------------------------------------------- derived changes marked above their periods


def test_a_derived_change_is_annotated_above_the_middle_of_its_period(data):
    fig = charts.series_chart(views.rows(data, "electricity_exports"), "Electricity")

    charts.annotate_changes(fig, views.rows(data, "electricity_exports_change"))

    marked = [a for a in fig.layout.annotations if "(derived)" in a.text]
    assert len(marked) == 1
    assert pd.Timestamp(marked[0].x) == pd.Timestamp("2024-07-01 12:00")  # the middle of 2024
    assert marked[0].text == "≈ +77.8% vs 2023 (derived)"
    assert "1.6 / 0.9 − 1 = +77.8%" in marked[0].hovertext


def test_a_change_whose_period_is_not_on_the_chart_is_left_out():
    fig = charts.series_chart(frame(observation()), "Turnover")
    before = len(fig.layout.annotations)

    charts.annotate_changes(fig, frame(observation(period="2019", period_label="2019", derived=True)))

    assert len(fig.layout.annotations) == before


# ---------------------------------------------------------------- milestones from the timeline on the time axis


def test_milestones_are_numbered_above_the_plot_at_their_dates_with_the_event_in_the_hover(data, turnover):
    fig = charts.series_chart(turnover, "Bilateral trade turnover")
    height, top = fig.layout.height, fig.layout.margin.t
    events = views.milestones(data)
    charts.mark_milestones(fig, events)

    marks = [a for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert [a.text for a in marks] == ["<b>1</b>", "<b>2</b>", "<b>3</b>"]
    assert [pd.Timestamp(a.x) for a in marks] == list(events["start"])
    assert "Eurasian Economic Union" in marks[1].hovertext and "Accounts disagree on the date" in marks[1].hovertext
    assert [s.x0 for s in fig.layout.shapes if s.line.dash == "dot"] == [a.x for a in marks]
    assert fig.layout.height - height == fig.layout.margin.t - top > 0  # a row of its own: the plot keeps its height


def test_a_milestone_outside_the_plotted_years_is_not_marked(data):
    late = views.rows(data, "trade_turnover", years=(2021, 2025))
    late = late[late["period"].notna()]
    fig = charts.mark_milestones(charts.series_chart(late, "Turnover"), views.milestones(data))
    assert [a.text for a in fig.layout.annotations if a.text.startswith("<b>")] == ["<b>3</b>"]


def test_the_milestone_key_names_each_number(data):
    key = charts.milestone_key(views.milestones(data))
    assert (
        key.startswith("Milestones: 1 Apr 2010: ")
        and "; 2 12 Aug 2015: Kyrgyzstan joins the Eurasian Economic Union" in key
    )

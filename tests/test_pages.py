"""The Streamlit pages as a reader sees them, run headless with AppTest."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bilateral import load, ui, views
from bilateral.ui import md

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = str(ROOT / "dashboard.py")
DATA = ROOT / "data" / "indicators.yaml"

CHARTS = {
    "overview": 1, "trade": 11, "migration": 8, "energy": 7, "education": 5, "commitments": 9,
    "timeline": 1, "sources": 0,
}  # fmt: skip
TITLES = {
    "overview": "Russia–Kyrgyzstan relations",
    "trade": "Trade & investment",
    "migration": "Migration",
    "energy": "Energy",
    "education": "Education",
    "commitments": "Commitments",
    "timeline": "Timeline",
    "sources": "Sources & data",
}
PUBLISHERS = ["24.kg", "EmbassyLife", "Eurasian Star", "Realist English", "Yeni Şafak English"]

IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"
RAW_IMG = re.compile(r"(?<!\\)<img")  # "<img" not escaped with a backslash
RAW_LINK = re.compile(r"(?<!\\)\]\(javascript:")


pytestmark = pytest.mark.usefixtures("fresh_app")  # each test: an empty cache and the project's own data


@pytest.fixture(scope="module")
def data():
    """The project's own dataset, loaded once for this module. Read it, never modify it."""
    return load()


def open_page(name: str, **query) -> AppTest:
    """Open the dashboard (with any query parameters in its URL), then go to a page."""
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"pages/{name}.py").run()
    return at


@pytest.fixture(scope="module")
def shown():
    """Each page as first opened with the project's data: run once for this module, then only read."""
    opened: dict[str, AppTest] = {}

    def page(name: str) -> AppTest:
        if name not in opened:
            with pytest.MonkeyPatch.context() as patch:
                patch.delenv("BILATERAL_DATA", raising=False)
                opened[name] = open_page(name)
        return opened[name]

    return page


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def chart_texts(at: AppTest) -> list[str]:
    """Each chart's texts (names, hovers, titles, annotations) joined, one string per chart."""
    return ["\n".join(strings(json.loads(chart.proto.spec))) for chart in at.get("plotly_chart")]


def written(at: AppTest) -> list[str]:
    """The page's own text, whether written as markdown or as captions."""
    return [m.value for m in at.markdown] + [c.value for c in at.caption]


def event_lines(at: AppTest) -> list[str]:
    """The events listed on the page, one line each, as written (without the list's bullets)."""
    return [line[2:] for m in at.markdown for line in m.value.splitlines() if line.startswith("- **")]


def markdown_texts(at: AppTest) -> list[str]:
    """Every text Streamlit renders as markdown: markdown, captions, the cards' labels and tooltips, static tables."""
    cards = [text for card in at.metric for text in (card.proto.label, card.proto.help)]
    cells = [str(cell) for table in at.table for cell in [*table.value.columns, *table.value.to_numpy().ravel()]]
    return written(at) + cards + cells


def as_read(markdown: str) -> str:
    """Markdown text as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def heading_texts(at: AppTest) -> list[str]:
    return [h.value for kind in ("title", "header", "subheader") for h in at.get(kind)]


def events_shown(at: AppTest) -> int:
    counts = [m.group(1) for text in written(at) if (m := re.fullmatch(r"(\d+) events? shown", text))]
    assert len(counts) == 1
    return int(counts[0])


def timeline_markers(at: AppTest) -> int:
    charts = at.get("plotly_chart")
    if not charts:
        return 0
    spec = json.loads(charts[0].proto.spec)
    return sum(len(trace["hovertext"]) for trace in spec["data"])


def figures_shown(at: AppTest) -> tuple[int, int]:
    counts = [
        m.groups()
        for text in written(at)
        if (m := re.fullmatch(r"(\d+) of (\d+) figures, derived ones included", text))
    ]
    assert len(counts) == 1
    shown, total = counts[0]
    return int(shown), int(total)


def figures_table(at: AppTest):
    return next(d.value for d in at.dataframe if "indicator_id" in d.value.columns)


def assert_no_failure(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


# ---------------------------------------------------------------- every page


@pytest.mark.parametrize("page", CHARTS)
def test_each_page_runs_cleanly_and_shows_its_charts(shown, page):
    at = shown(page)

    assert_no_failure(at)
    assert [t.value for t in at.title] == [TITLES[page]]
    assert len(at.get("plotly_chart")) == CHARTS[page]


@pytest.mark.parametrize("page", [p for p, n in CHARTS.items() if n])
def test_each_chart_names_its_sources_inside_the_figure(shown, page):
    for chart in shown(page).get("plotly_chart"):
        annotations = json.loads(chart.proto.spec)["layout"]["annotations"]
        assert any(a["text"].startswith(("Source: ", "Sources: ")) for a in annotations)


def test_the_sidebar_counts_the_stated_figures_events_and_sources(shown, data):
    sidebar = shown("overview").sidebar
    figures, events = int((~data.observations["derived"]).sum()), data.events["event_id"].nunique()
    counts = f"{figures} figures · {events} events · {len(data.sources)} sources"
    assert events < len(data.events), "some events have several accounts, and are counted once"
    assert any(counts in m.value for m in [*sidebar.markdown, *sidebar.caption])


# ---------------------------------------------------------------- the overview


def test_the_overview_has_six_headline_cards(shown):
    assert len(shown("overview").metric) == 6


def test_the_cards_show_the_trend_of_the_same_sides_full_years_and_name_those_figures(shown, data):
    cards = shown("overview").metric
    with_trend = [c for c in cards if "since" in c.proto.delta]
    assert with_trend, "some card shows its change over the years"
    for card in with_trend:
        side = card.proto.label.rsplit("(", 1)[1].rstrip(")")
        assert f"The trend: full-year figures of the same side ({side})" in card.proto.help
    remittances = next(c for c in cards if c.proto.label.startswith("Remittances"))
    assert remittances.proto.delta.startswith("≤ +")  # from "≥ $1 bn" in 2010 the rise is at most its difference


def test_the_turnover_card_shows_the_latest_year_and_every_other_account_of_it(shown, data):
    card = shown("overview").metric[0]
    o = data.observations
    turnover = o[(o["indicator_id"] == "trade_turnover") & (o["kind"] == "actual") & ~o["derived"]]
    latest = turnover[turnover["period_end"] == turnover["period_end"].max()]

    assert card.proto.label.startswith(f"Trade turnover, {latest['period_label'].iloc[0]} (")
    assert card.proto.label.endswith(" side)") or card.proto.label.endswith("(Not stated)")
    assert card.proto.body in set(latest["display"])
    assert "target" not in card.proto.help.lower()
    others = latest[latest["display"] != card.proto.body]
    assert ("Other accounts" in card.proto.help) == (len(latest) > 1)
    assert all(md(publisher) in card.proto.help for publisher in others["publisher"])


def test_a_target_cards_tooltip_names_the_other_accounts_of_the_same_target(shown):
    card = next(c for c in shown("education").metric if c.proto.label.startswith("Russian-language schools to build"))

    assert "Other accounts" in card.proto.help
    assert "Eurasian Star" in card.proto.help
    assert "Realist English" in card.proto.help


def test_the_overview_shows_every_divergence_with_both_2024_turnover_accounts(shown):
    at = shown("overview")

    subheaders = [as_read(s.value) for s in at.subheader]
    title = next(s for s in subheaders if s.startswith("Bilateral trade turnover, 2024: spread"))
    assert any(s.startswith("Companies with Russian participation") for s in subheaders)
    turnover = at.table[subheaders.index(title)].value
    figures = {as_read(f): as_read(s) for f, s in zip(turnover["Figure"], turnover["Source"])}
    assert "$4.1 bn" in figures and "≥ $3.2 bn" in figures, figures
    assert all(re.fullmatch(r"\[.+\]\(https?://.+\)", source) for source in figures.values())


def test_a_fresh_server_shows_only_the_pages_own_chart_once_the_data_is_ready():
    """On a fresh server dashboard.py sends an empty chart while it imports the package; none is left after."""
    code = (
        "import json, sys; from streamlit.testing.v1 import AppTest; assert 'bilateral.ui' not in sys.modules; "
        "at = AppTest.from_file('dashboard.py', default_timeout=60); at.run(); "
        "print(json.dumps([len(at.exception)] + [json.loads(c.proto.spec)['layout']['title']['text'] "
        "for c in at.get('plotly_chart')]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "BILATERAL_DATA"}
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [0, "Bilateral trade turnover by source"]


# ---------------------------------------------------------------- the timeline


def test_the_timeline_shows_every_event_up_to_2025_by_default(shown, data):
    at = shown("timeline")

    accounts = data.events[data.events["start"].dt.year <= 2025]
    assert timeline_markers(at) == len(accounts)
    assert len(event_lines(at)) == len(accounts.drop_duplicates(["event_id", "date_label"]))
    assert events_shown(at) == accounts["event_id"].nunique() > 100


def test_an_event_sources_date_alike_is_one_line_naming_each_source(shown, data):
    lines = event_lines(shown("timeline"))
    e = data.events[data.events["start"].dt.year <= 2025]
    alike = e[e.duplicated(["event_id", "date_label"], keep=False) & ~e["disputed"]]
    assert alike["event_id"].nunique() > 10
    for _, accounts in alike.groupby(["event_id", "date_label"]):
        first = accounts.iloc[0]
        [line] = [x for x in lines if x.startswith(f"**{ui.md(first['date_label'])}** · {ui.md(first['title'])} ")]
        assert all(ui.md(publisher) in line for publisher in accounts["publisher"])


def test_an_event_whose_accounts_disagree_has_a_line_per_date_each_naming_the_others(shown, data):
    lines = event_lines(shown("timeline"))
    disputed = data.events[data.events["disputed"] & (data.events["start"].dt.year <= 2025)]
    assert disputed["event_id"].nunique() >= 5
    for _, accounts in disputed.groupby("event_id"):
        title = ui.md(accounts["title"].iloc[0])
        mine = [x for x in lines if f"** · {title} " in x]
        assert len(mine) == accounts["date_label"].nunique()
        for line in mine:
            assert "⚠ accounts disagree on the date; also:" in line
            date = line.split("**")[1]
            others = {ui.md(label) for label in accounts["date_label"]} - {date}
            assert others and all(label in line.split("also:")[1] for label in others)


def test_choosing_a_category_shows_only_its_events(data):
    at = open_page("timeline")

    at.multiselect(key="timeline_categories").set_value(["treaty"]).run()

    treaties = data.events[(data.events["category"] == "treaty") & (data.events["start"].dt.year <= 2025)]
    assert timeline_markers(at) == len(treaties) > 10
    assert events_shown(at) == treaties["event_id"].nunique()
    chronology = event_lines(at)
    assert len(chronology) == len(treaties.drop_duplicates(["event_id", "date_label"]))
    assert all("_treaty_" in line for line in chronology)


def test_narrowing_the_years_shows_only_the_events_of_those_years(data):
    at = open_page("timeline")

    at.slider(key="timeline_years").set_value((2000, 2020)).run()

    years = data.events["start"].dt.year
    assert timeline_markers(at) == years.between(2000, 2020).sum() < len(data.events)
    assert_no_failure(at)


def test_the_future_toggle_adds_the_planned_events_of_2026_and_2027():
    at = open_page("timeline")
    before = events_shown(at)

    at.toggle(key="timeline_future").set_value(True).run()

    assert events_shown(at) > before
    later = [line for line in event_lines(at) if re.match(r"\*\*(\d+ \w+ )?20(2[6-9]|3\d)", line)]
    assert len(later) >= 2
    assert all("(planned)" in line for line in later)


def test_no_category_chosen_says_so_instead_of_drawing_an_empty_chart():
    at = open_page("timeline")

    at.multiselect(key="timeline_categories").set_value([]).run()

    assert events_shown(at) == 0
    assert not at.get("plotly_chart")
    assert [i.value for i in at.info] == ["No events match these filters."]


def test_a_link_with_categories_opens_the_timeline_filtered(data):
    at = open_page("timeline", timeline_categories=["treaty"])

    assert at.multiselect(key="timeline_categories").value == ["treaty"]
    e = data.events
    assert timeline_markers(at) == ((e["category"] == "treaty") & (e["start"].dt.year <= 2025)).sum()


def test_a_link_with_several_categories_and_years_opens_the_timeline_filtered(data):
    at = open_page("timeline", timeline_categories=["treaty", "economy"], timeline_years=["2000", "2020"])

    assert at.multiselect(key="timeline_categories").value == ["treaty", "economy"]
    assert at.slider(key="timeline_years").value == (2000, 2020)
    e = data.events
    picked = e["category"].isin(["treaty", "economy"]) & e["start"].dt.year.between(2000, 2020)
    assert timeline_markers(at) == picked.sum() > 0


# ---------------------------------------------------------------- sources & data


def test_the_sources_page_lists_every_figure_by_default(shown, data):
    at = shown("sources")

    assert figures_shown(at) == (len(data.observations), len(data.observations))
    assert len(figures_table(at)) == len(data.observations)


@pytest.mark.parametrize(
    "key, value, keep",
    [
        ("data_topics", ["energy"], lambda o: o["topic"] == "energy"),
        ("data_indicators", ["trade_turnover"], lambda o: o["indicator_id"] == "trade_turnover"),
        ("data_sources", ["24kg-2025-07-28"], lambda o: o["source_id"] == "24kg-2025-07-28"),
    ],
    ids=["topic", "indicator", "source"],
)
def test_each_filter_of_the_figures_table_narrows_its_rows(data, key, value, keep):
    at = open_page("sources")

    at.multiselect(key=key).set_value(value).run()

    expected = keep(data.observations).sum()
    assert 0 < expected < len(data.observations)
    assert figures_shown(at) == (expected, len(data.observations))
    assert len(figures_table(at)) == expected


def test_filters_of_the_figures_table_combine():
    at = open_page("sources")

    at.multiselect(key="data_topics").set_value(["trade"]).run()
    trade = figures_shown(at)[0]
    at.multiselect(key="data_sources").set_value(["24kg-2025-07-28"]).run()

    assert 0 < figures_shown(at)[0] < trade
    assert set(figures_table(at)["source_id"]) == {"24kg-2025-07-28"}


def test_searching_the_figures_ignores_case(data):
    at = open_page("sources")

    at.text_input(key="data_search").input("BILLION").run()

    o = data.observations
    with_billion = o["label"].str.contains("billion", case=False) | o["quote"].str.contains("billion", case=False)
    assert not o["quote"].str.contains("BILLION").any()  # the data writes it in lower case
    assert 0 < figures_shown(at)[0] == with_billion.sum() < len(o)


def test_a_search_that_matches_nothing_shows_an_empty_table():
    at = open_page("sources")

    at.text_input(key="data_search").input("no such words anywhere").run()

    assert figures_shown(at)[0] == 0
    assert figures_table(at).empty
    assert_no_failure(at)


# ---------------------------------------------------------------- trade


def test_choosing_one_source_on_the_trade_page_shows_only_its_figures():
    at = open_page("trade")

    at.multiselect(key="trade_sources").set_value(["24kg-2025-07-28"]).run()

    texts = chart_texts(at)
    assert 0 < len(texts) < CHARTS["trade"]
    for text in texts:
        assert "24.kg" in text
        assert not [p for p in PUBLISHERS if p != "24.kg" and p in text]
    assert any("no figures from the selected sources" in i.value for i in at.info)
    assert_no_failure(at)


def test_the_trade_page_shows_every_account_of_the_turnover_by_default(shown):
    turnover = chart_texts(shown("trade"))[0]
    for publisher in PUBLISHERS:
        assert publisher in turnover


def test_a_charts_table_is_drawn_when_its_expander_is_opened_with_the_rows_of_the_chart(data):
    at = open_page("trade")
    tables = [e for e in at.expander if e.label == "Data behind this chart"]
    assert len(tables) == CHARTS["trade"]
    assert not at.dataframe  # closed: nothing for the browser to draw yet

    at.session_state["table_turnover"] = True
    at.run()

    (table,) = [d.value for d in at.dataframe]
    turnover = data.observations[data.observations["indicator_id"] == "trade_turnover"]
    assert sorted(table["value"]) == sorted(turnover["value"])
    assert set(table["publisher"]) == set(turnover["publisher"])
    (csv,) = at.get("download_button")
    assert csv.proto.label == "Download CSV"
    assert_no_failure(at)


def test_the_energy_page_lists_each_planned_project_with_its_source_and_tables_them_on_request(data):
    at = open_page("energy")
    planned = data.events[(data.events["category"] == "energy") & (data.events["status"] == "planned")]
    lines = event_lines(at)
    assert len(lines) == len(planned) > 0
    for line, (title, publisher) in zip(lines, planned.sort_values("start")[["title", "publisher"]].values):
        assert md(title) in line and md(publisher) in line

    at.session_state["table_energy_projects"] = True
    at.run()

    (projects,) = [d.value for d in at.dataframe]
    assert sorted(projects["title"]) == sorted(planned["title"])


# ---------------------------------------------------------------- a data file that does not check

BROKEN = """\
sources:
  - id: src-a
    publisher: Publisher A
    title: A report on trade
    published: "2025-11"
    language: en
    accessed: "2026-12-01"
    url: https://example.org/report
indicators:
  - id: trade_turnover
    topic: trade
    label: Bilateral trade turnover
    unit: usd_bn
    colour: red
    observations:
      - period: "2024"
        value: 4.1
        source: src-a
        quote: "trade reached a record $4.1 billion last year"
events:
  - id: state-visit-2025
    date: "2025-11-26"
    title: State visit
    category: visit
    source: src-a
    quote: "the state visit of November 26"
  - id: state-visit-2025
    date: "2025-11-27"
    title: Second day of the state visit
    category: visit
    source: src-a
    quote: "the state visit continued on November 27"
"""


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.index(fragment, at + 1)
    return text[:at].count("\n") + 1


@pytest.fixture
def broken_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("BILATERAL_DATA", str(path))
    return path


@pytest.mark.parametrize("page", CHARTS)
def test_a_broken_data_file_shows_its_problems_with_their_lines_on_every_page(broken_file, page):
    at = open_page(page)

    assert not at.exception
    assert [e.value for e in at.error] == [
        "The data file broken.yaml could not be loaded. Fix these problems and rerun:"
    ]
    problems = "\n".join(written(at))
    assert f"`{broken_file}:{line_of(BROKEN, 'colour:')}`: unknown field 'colour'" in problems
    duplicate = line_of(BROKEN, "- id: state-visit-2025", occurrence=2)
    assert f"`{broken_file}:{duplicate}`: duplicate id" in problems
    assert not at.title and not at.get("plotly_chart")


def test_fixing_the_data_file_shows_the_page_on_the_next_rerun(broken_file):
    at = open_page("trade")
    assert at.error

    broken_file.write_text(DATA.read_text(encoding="utf-8"), encoding="utf-8")
    later = os.stat(broken_file).st_mtime_ns + 1_000_000_000
    os.utime(broken_file, ns=(later, later))
    at.run()

    assert_no_failure(at)
    assert [t.value for t in at.title] == [TITLES["trade"]]
    assert len(at.get("plotly_chart")) == CHARTS["trade"]


# ---------------------------------------------------------------- hostile data stays text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Each page opened on the project's data with markup in a label, a quote, a publisher, a speaker and an
    event title: run once for this module, then only read."""
    text = DATA.read_text(encoding="utf-8")
    edits = {
        "label: Bilateral trade turnover\n": f'label: "{IMG} {LINK} Bilateral trade turnover"\n',
        'quote: "trade turnover between the two countries amounted to over $3.2 billion"':
            f'quote: "{LINK} {IMG} trade turnover between the two countries amounted to over $3.2 billion"',
        "publisher: EmbassyLife (Russian MFA note)": f'publisher: "EmbassyLife {IMG} {LINK}"',
        "said_by: Sadyr Japarov\n": f'said_by: "Sadyr Japarov {IMG}"\n',
        "title: Diplomatic relations established": f'title: "{LINK} {IMG} Diplomatic relations established"',
    }  # fmt: skip
    for old, new in edits.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("hostile") / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    load(path)  # still a valid file: the markup is data, not a problem
    opened: dict[str, AppTest] = {}

    def page(name: str) -> AppTest:
        if name not in opened:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("BILATERAL_DATA", str(path))
                opened[name] = open_page(name)
        return opened[name]

    return page


def shows_hostile_text_as_text(at: AppTest) -> bool:
    """The hostile text reaches the page: escaped in markdown or a chart, or as typed in a table."""
    escaped_md = any(md(IMG) in text or md(LINK) in text for text in markdown_texts(at))
    escaped_chart = any("&lt;img" in text for text in chart_texts(at))
    in_table = any(IMG in str(d.value.to_dict()) for d in at.dataframe)
    return escaped_md or escaped_chart or in_table


@pytest.mark.parametrize("page", CHARTS)
def test_hostile_data_is_never_markup_in_markdown_or_charts(hostile, page):
    at = hostile(page)

    assert_no_failure(at)
    assert shows_hostile_text_as_text(at)
    for text in markdown_texts(at):
        assert not RAW_IMG.search(text), text
        assert not RAW_LINK.search(text), text
    for text in chart_texts(at):
        assert "<img" not in text


def test_hostile_data_is_escaped_in_the_charts_that_show_it(hostile):
    turnover = chart_texts(hostile("trade"))[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in turnover
    assert "<img" not in turnover


@pytest.mark.parametrize(
    "page",
    [
        *CHARTS,
    ],
)
def test_hostile_data_is_never_markup_in_headings(hostile, page):
    for text in heading_texts(hostile(page)):
        assert not RAW_IMG.search(text), text
        assert not RAW_LINK.search(text), text


# ---------------------------------------------------------------- the year range, and the migration page


def points(at: AppTest, key: str) -> int:
    """How many dated accounts one chart draws (its legend-grouped traces, not target lines)."""
    [chart] = [c for c in at.get("plotly_chart") if c.key == f"chart_{key}"]
    return sum(len(t["x"]) for t in json.loads(chart.proto.spec)["data"] if t.get("legendgroup") and t.get("hovertext"))


def test_a_year_range_in_the_url_narrows_the_trade_charts_to_those_years(shown, data):
    narrowed = open_page("trade", trade_years=["2015", "2020"])

    assert_no_failure(narrowed)
    assert narrowed.slider(key="trade_years").value == (2015, 2020)
    expected = views.rows(data, "trade_turnover", years=(2015, 2020))
    assert points(narrowed, "turnover") == expected["period"].notna().sum() < points(shown("trade"), "turnover")


def test_each_chart_says_in_words_what_it_shows_under_it(shown):
    at = shown("trade")
    words = [e for e in at.expander if e.label == "This chart in words"]
    assert len(words) == CHARTS["trade"]
    assert words[0].markdown[0].value.startswith("Bilateral trade turnover, ")


def test_the_migration_page_lists_the_migration_agreements_of_the_timeline(shown, data):
    at = shown("migration")
    text = "\n".join(m.value for m in at.markdown)
    titles = data.events.loc[data.events["category"] == "migration", "title"].unique()
    assert len(titles) and all(md(title) in text for title in titles)


# ---------------------------------------------------------------- commitments against outcomes


def test_the_commitments_page_lists_every_commitment_by_topic_with_its_promise_and_status(shown, data):
    at = shown("commitments")

    assert_no_failure(at)
    c = data.commitments
    by_topic = [title for topic in dict.fromkeys(c["topic"]) for title in c.loc[c["topic"] == topic, "title"]]
    assert [s.value for s in at.subheader] == by_topic
    assert [h.value for h in at.header] == [t.capitalize() for t in dict.fromkeys(data.commitments["topic"])]
    text = "\n".join(m.value for m in at.markdown)
    for status in ("Met", "In progress", "Denounced", "No outcome stated yet"):
        assert f"**{status}**" in text
    assert "Promised" in text and "our translation" in text  # the promise's own words, in Russian with ours


def test_a_status_filter_in_the_url_keeps_only_the_commitments_with_that_status(data):
    at = open_page("commitments", commitment_status="denounced")

    assert_no_failure(at)
    assert [s.value for s in at.subheader] == ["Kambarata-1 and the Upper Naryn cascade, built with Russia"]
    assert at.multiselect(key="commitment_status").value == ["denounced"]


def test_the_commitments_page_offers_its_table_as_a_csv(shown):  # its columns: test_commitments.py
    [button] = [b for b in shown("commitments").get("download_button") if "both ends" in b.proto.label]
    assert "CSV" in button.proto.label


def test_the_overview_counts_the_commitments_by_status(shown, data):
    from bilateral import commitments

    counts = commitments.summary(data)
    line = next(m.value for m in shown("overview").markdown if "Commitments tracked" in m.value)
    assert f"Commitments tracked: {len(data.commitments)}" in line
    assert f"{counts['met']} met" in line and f"{counts['denounced']} denounced" in line


def test_the_chronology_is_grouped_under_a_heading_for_each_year_in_order(shown):
    at = shown("timeline")
    [chronology] = [m.value for m in at.markdown if m.value.startswith("#### ")]
    headings = [int(line[5:]) for line in chronology.splitlines() if line.startswith("#### ")]
    assert headings == sorted(set(headings)) and headings[0] == 1992
    block = chronology.split("#### 2015\n", 1)[1].split("\n\n", 1)[0]
    assert block and all("2015" in line for line in block.splitlines())

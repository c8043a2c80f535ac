"""The dashboard as a person sees it: every page in headless Chromium."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from appserver import start_app, stop_app

import bilateral
from bilateral import views

CHARTS = {
    "overview": 1, "trade": 11, "migration": 8, "energy": 7, "education": 5, "commitments": 9,
    "timeline": 1, "sources": 0,
}  # fmt: skip
PATHS = {"overview": ""}  # the default page lives at the root URL
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FIGURE_POINTS = ".js-plotly-plot .scatterlayer .point"
TIMELINE_POINTS = ".js-plotly-plot .scatterlayer .point"


def open_page(page, url: str, charts: int = 0):
    """Open a page and wait until its title and all of its charts are drawn."""
    page.goto(url)
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=60_000
        )
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget] [data-testid=stSpinner]')")
    page.wait_for_timeout(500)
    assert page.get_by_text("Page not found").count() == 0
    return page


def url_of(app_url: str, name: str) -> str:
    return f"{app_url}/{PATHS.get(name, name)}"


def exceptions(page) -> int:
    return page.locator("[data-testid=stException]").count()


@pytest.mark.parametrize("name, charts", CHARTS.items())
def test_every_page_draws_its_charts_without_an_exception(page, app_url, name, charts):
    open_page(page, url_of(app_url, name), charts)
    assert page.locator(".js-plotly-plot").count() == charts
    assert exceptions(page) == 0


def test_hovering_a_figure_shows_its_source_quote_and_side(page, app_url):
    open_page(page, f"{app_url}/energy", CHARTS["energy"])
    box = page.locator(FIGURE_POINTS).first.bounding_box()
    # Plotly's drag layer lies over the bars and does its own hit-testing, so move the mouse there.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = page.locator(".hoverlayer .hovertext").first
    tooltip.wait_for(timeout=10_000)
    text = tooltip.text_content()
    publishers = bilateral.load().sources["publisher"]
    assert any(publisher in text for publisher in publishers)
    assert "“" in text and "Whose numbers" in text


def test_hovering_a_figure_quoted_in_russian_shows_the_quote_and_our_translation(page, app_url):
    open_page(page, f"{app_url}/migration", CHARTS["migration"])
    points = page.locator(".js-plotly-plot").first.locator(".scatterlayer .point")
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tooltip = page.locator(".hoverlayer .hovertext").first
        tooltip.wait_for(timeout=10_000)
        text = tooltip.text_content()
        if any("а" <= c <= "я" for c in text.lower()):
            break
    else:
        pytest.fail("no point of the first migration chart is quoted in Russian")
    assert "Our translation:" in text
    assert text.index("Our translation:") > max(text.lower().find(c) for c in "абвгд")  # the words, then ours


def test_the_year_range_in_the_url_narrows_the_trade_chart(page, app_url):
    def points_of_first_chart(url: str) -> int:
        open_page(page, url, CHARTS["trade"])
        return page.locator(".js-plotly-plot").first.locator(".scatterlayer .point").count()

    everything = points_of_first_chart(f"{app_url}/trade")
    narrowed = points_of_first_chart(f"{app_url}/trade?trade_years=2015&trade_years=2020")
    assert 0 < narrowed < everything
    assert page.get_by_text("2015").first.is_visible()


def test_the_category_filter_changes_the_plotted_events(page, app_url):
    open_page(page, f"{app_url}/timeline", 1)
    before = page.locator(TIMELINE_POINTS).count()
    page.locator("[data-testid=stMultiSelect] button[aria-label='Remove treaty']").click()
    page.wait_for_function(f"document.querySelectorAll('{TIMELINE_POINTS}').length < {before}", timeout=30_000)
    data = bilateral.load()
    treaties = len(views.filter_events(data.events, (1992, 2025), ["treaty"], False))
    assert page.locator(TIMELINE_POINTS).count() == before - treaties


def test_a_deep_link_opens_the_filtered_view(page, app_url):
    open_page(page, f"{app_url}/timeline?timeline_categories=treaty&timeline_years=2000&timeline_years=2025", 1)
    data = bilateral.load()
    expected = views.filter_events(data.events, (2000, 2025), ["treaty"], False)
    assert page.locator(TIMELINE_POINTS).count() == len(expected)
    assert page.get_by_text(f"{expected['event_id'].nunique()} events shown").is_visible()
    chips = page.locator("[data-testid=stMultiSelect] [data-tag]")
    assert [c.text_content() for c in chips.all()] == ["treaty"]


def test_an_invalid_url_value_is_ignored(page, app_url):
    open_page(page, f"{app_url}/timeline?timeline_categories=nonsense&timeline_years=banana", 1)
    assert exceptions(page) == 0
    categories = bilateral.load().events["category"].nunique()
    assert page.locator("[data-testid=stMultiSelect] [data-tag]").count() == categories


def test_a_chart_csv_delivers_the_rows_on_screen_with_their_sources(page, app_url):
    open_page(page, f"{app_url}/energy", CHARTS["energy"])
    table = page.locator("[data-testid=stExpander]", has_text="Data behind this chart").first
    table.get_by_text("Data behind this chart").click()  # the table and its CSV are drawn once it is open
    with page.expect_download() as download:
        table.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    data = bilateral.load()
    on_screen = views.rows(data, "gasification_level", "gasification_target")  # the page's first chart
    assert len(rows) == len(on_screen)
    assert sorted(float(r["value"]) for r in rows) == sorted(on_screen["value"])
    assert {"publisher", "source_url", "quote", "said_by", "derived", "arithmetic"} <= set(rows[0])
    assert {r["publisher"] for r in rows} == set(on_screen["publisher"])


@pytest.mark.parametrize("name", CHARTS)
def test_a_phone_sized_screen_needs_no_horizontal_scrolling(browser, app_url, name):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = open_page(context.new_page(), url_of(app_url, name), CHARTS[name])
        widths = page.evaluate(
            """() => {
                const main = document.querySelector('[data-testid=stMain]');
                return {doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,
                        main: main.scrollWidth, mainClient: main.clientWidth, window: window.innerWidth};
            }"""
        )
        assert widths["doc"] <= widths["window"]
        assert widths["body"] <= widths["window"]
        assert widths["main"] <= widths["mainClient"] + 1
        assert exceptions(page) == 0
    finally:
        context.close()


SHOTS = [(name, 1280, "light", name) for name in CHARTS] + [("trade", 390, "dark", "trade-phone-dark")]


@pytest.mark.parametrize("name, width, scheme, file", SHOTS, ids=[shot[-1] for shot in SHOTS])
def test_screenshot_of_each_page_is_saved_for_the_readme(browser, app_url, name, width, scheme, file):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, is_mobile=width < 500)
    try:
        page = open_page(context.new_page(), url_of(app_url, name), CHARTS[name])
        # Streamlit scrolls inside its main block, so the window is made as tall as the content; a phone's
        # view is kept to its first two screens, as a reader would see it.
        height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(int(height) + 40, 8000 if width >= 500 else 1700)})
        page.wait_for_timeout(800)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{file}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    finally:
        context.close()


def test_a_deep_link_opened_first_on_a_fresh_server_started_elsewhere_shows_the_full_app(browser, tmp_path):
    # Streamlit takes pages/ for a v1 multipage folder until st.navigation runs: a first request
    # for a deep link must still go through dashboard.py (navigation titles, sidebar summary).
    process, url = start_app(cwd=tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = open_page(context.new_page(), f"{url}/trade?trade_sources=realist-2025-11", 5)
        assert page.locator("[data-testid=stSidebarNav]").get_by_text("Trade & investment").is_visible()
        assert page.get_by_text("events", exact=False).first.is_visible()
        chips = page.locator("[data-testid=stMultiSelect] [data-tag]")
        assert [c.text_content() for c in chips.all()] == ["realist-2025-11"]
        assert page.locator(".js-plotly-plot").count() == 5
        assert exceptions(page) == 0
    finally:
        context.close()
        stop_app(process)


def test_the_commitments_page_draws_and_its_status_filter_narrows_it(page, app_url):
    everything = bilateral.load().commitments
    open_page(page, f"{app_url}/commitments", CHARTS["commitments"])
    titles = page.locator("[data-testid=stMain] h3")
    assert titles.count() == len(everything)
    assert exceptions(page) == 0

    open_page(page, f"{app_url}/commitments?commitment_status=denounced")
    assert [t.strip() for t in titles.all_text_contents()] == [
        "Kambarata-1 and the Upper Naryn cascade, built with Russia"
    ]
    chips = page.locator("[data-testid=stMultiSelect] [data-tag]")
    assert [c.text_content() for c in chips.all()] == ["denounced"]

"""Hostile text in the data file stays text in the browser and in the exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_browser import CHARTS, open_page, url_of

ROOT = Path(__file__).resolve().parents[2]
IMG = "<img src=x onerror=alert('label')>"
SCRIPT = "<script>alert('script')</script>"
JS_LINK = "[state visit](javascript:alert('title'))"
FORMULA = '=HYPERLINK("http://evil.example","Sergei Vakunov")'
SUBSTITUTIONS = [
    ("publisher: 24.kg", "publisher: \"<b onmouseover=alert('pub')>24.kg</b>\""),
    ("label: Bilateral trade turnover\n", f'label: "{IMG} Bilateral trade turnover {SCRIPT}"\n'),
    ("said_by: Sergei Vakunov", "said_by: '" + FORMULA + "'"),
    (
        'quote: "trade turnover between the two countries amounted to over $3.2 billion"',
        "quote: \"[click me](javascript:alert('quote')) amounted to over $3.2 billion <img src=y onerror=alert('q')>\"",
    ),
    (
        "title: Vladimir Putin visits Bishkek (25–27 November)",
        f"title: \"{JS_LINK} <iframe src=javascript:alert('iframe')></iframe>\"",
    ),
]


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    text = (ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8")
    for old, new in SUBSTITUTIONS:
        assert old in text, old
        text = text.replace(old, new)  # every occurrence: the record cites 24.kg and Vakunov many times
    path = tmp_path_factory.mktemp("hostile") / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    import bilateral

    bilateral.load(path)  # still a valid file: only the text is hostile
    return path


def injected_elements(page) -> int:
    return page.evaluate(
        """() => document.querySelectorAll(
            "img[src='x'], img[src='y'], iframe, a[href^='javascript'], [onmouseover], [onerror]").length
            + Array.from(document.scripts).filter(s => s.textContent.includes('alert(')).length"""
    )


def test_hostile_text_shows_as_text_on_every_page_and_runs_nothing(served, browser, hostile_file):
    url = served(hostile_file)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for name, charts in CHARTS.items():
            open_page(page, url_of(url, name), charts)
            assert injected_elements(page) == 0, name
        open_page(page, url_of(url, "overview"), CHARTS["overview"])
        assert page.get_by_text(IMG, exact=False).count() > 0  # the divergence heading shows it literally
        open_page(page, url_of(url, "timeline"), CHARTS["timeline"])
        assert page.get_by_text(JS_LINK, exact=False).count() > 0
        assert dialogs == []
    finally:
        context.close()


def hostile_hover(page) -> str:
    """Hover the turnover chart's markers one by one until the one whose quote was made hostile shows its hover."""
    hover = page.locator(".hoverlayer .hovertext").first
    text = ""
    for point in page.locator(".js-plotly-plot .scatterlayer .point").all():
        point.scroll_into_view_if_needed()  # the chart may stand below the window
        box = point.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        hover.wait_for(timeout=10_000)
        text = hover.text_content()
        if "<img src=" in text:
            break
    return text


def test_hostile_text_in_a_hover_and_a_tooltip_stays_text(served, browser, hostile_file):
    url = served(hostile_file)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        open_page(page, url_of(url, "overview"), CHARTS["overview"])
        assert "<img src=x" in hostile_hover(page)
        page.locator("[data-testid=stMetric] [data-testid=stTooltipHoverTarget]").first.hover()
        tooltip = page.locator("[data-testid=stTooltipContent]").first
        tooltip.wait_for(timeout=10_000)
        assert "<b onmouseover" in tooltip.text_content()
        assert injected_elements(page) == 0
        assert dialogs == []
    finally:
        context.close()


def text(value) -> bool:
    """A cell a spreadsheet reads as text: not empty, and not a plain number."""
    if not value or isinstance(value, int | float):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def test_exports_of_hostile_text_are_safe_in_a_spreadsheet(served, browser, hostile_file):
    url = served(hostile_file)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        open_page(page, url_of(url, "sources"))
        with page.expect_download() as csv_download:
            page.get_by_role("button", name="Download CSV").click()
        with page.expect_download() as json_download:
            page.get_by_role("button", name="Download JSON").click()
        rows = list(csv.DictReader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8"))))
        records = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
        for cells in (rows, records):
            said = [r["said_by"] for r in cells if r["said_by"] and "HYPERLINK" in r["said_by"]]
            assert said and all(s == "'" + FORMULA for s in said)
            # A plain number such as a fall of -25 is read as a number, not a formula: only text is a risk.
            assert not any(str(v).startswith(("=", "+", "-", "@")) for r in cells for v in r.values() if text(v))
    finally:
        context.close()

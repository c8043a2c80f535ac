"""Legible everywhere: no chart text over another, plots that keep the phone's width, and a dark theme."""

from __future__ import annotations

import pytest
from test_browser import CHARTS, open_page, url_of

WIDTHS = {"desktop": 1280, "phone": 390}

# Every text of every chart on the page, as boxes on the screen: titles, legend, sources, marks, ticks.
TEXT_BOXES = """() => [...document.querySelectorAll('.js-plotly-plot')].map((plot) => {
    const boxes = [];
    const add = (selector, group) => plot.querySelectorAll(selector).forEach((el) => {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && el.textContent.trim())
            boxes.push({group, text: el.textContent.trim().slice(0, 50),
                        left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    });
    add('text.gtitle', 'title');
    add('text.annotation-text', 'annotation');
    add('.legend text.legendtext', 'legend');
    add('g.xtick text', 'xtick');
    add('g.ytick text', 'ytick');
    add('text.xtitle', 'xtitle');
    add('text.ytitle', 'ytitle');
    const frame = plot.getBoundingClientRect();
    return {boxes, frame: {left: frame.left, right: frame.right}};
})"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes cross by more than a pixel; a legend's or an axis's own entries are its layout's."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a["group"] == b["group"] and a["group"] in {"legend", "xtick", "ytick"}:
                continue
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1 and (
                min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
            ):
                found.append((f"{a['group']}: {a['text']}", f"{b['group']}: {b['text']}"))
    return found


def chart_texts(browser, app_url: str, name: str, width: int) -> list[dict]:
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    try:
        page = open_page(context.new_page(), url_of(app_url, name), CHARTS[name])
        page.wait_for_timeout(500)
        return page.evaluate(TEXT_BOXES)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", [name for name, charts in CHARTS.items() if charts])
def test_no_text_of_a_chart_lies_over_another_or_past_its_edge(browser, app_url, name, width):
    charts = chart_texts(browser, app_url, name, width)
    assert len(charts) == CHARTS[name]
    crossed = [pair for chart in charts for pair in overlaps(chart["boxes"])]
    assert crossed == []
    cut = [
        box["text"]
        for chart in charts
        for box in chart["boxes"]
        if box["left"] < chart["frame"]["left"] - 1 or box["right"] > chart["frame"]["right"] + 1
    ]
    assert cut == []


@pytest.mark.parametrize("name", [name for name, charts in CHARTS.items() if charts])
def test_on_a_phone_the_plot_keeps_most_of_the_chart_width(browser, app_url, name):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = open_page(context.new_page(), url_of(app_url, name), CHARTS[name])
        shares = page.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map((plot) => {
                const area = plot.querySelector('.nsewdrag').getBoundingClientRect();
                return area.width / plot.getBoundingClientRect().width;
            })"""
        )
        assert len(shares) == CHARTS[name]
        assert min(shares) >= 0.7
    finally:
        context.close()


def luminance(css_colour: str) -> float:
    """The relative brightness, 0 to 1, of an 'rgb(r, g, b)' colour."""
    r, g, b = (int(part) for part in css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_app_follows_the_system_colour_scheme(browser, app_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = open_page(context.new_page(), url_of(app_url, "trade"), CHARTS["trade"])
        colours = page.evaluate(
            """() => ({
                app: getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor,
                text: getComputedStyle(document.querySelector('[data-testid=stMain] h1')).color,
                tick: getComputedStyle(document.querySelector('.js-plotly-plot g.ytick text')).fill,
            })"""
        )
        background, text, tick = (luminance(colours[k]) for k in ("app", "text", "tick"))
        assert (background < 0.2) if scheme == "dark" else (background > 0.9)
        assert abs(text - background) > 0.6  # headings stand out from the page
        assert abs(tick - background) > 0.3  # and a chart's axis labels, grey by design, still read
    finally:
        context.close()

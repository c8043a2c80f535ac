"""Accessibility: axe-core finds no serious or critical violation on any page."""

from __future__ import annotations

import pytest
from test_browser import CHARTS, open_page, url_of


@pytest.mark.parametrize("name", CHARTS)
def test_no_serious_or_critical_accessibility_violation(page, app_url, name):
    from axe_playwright_python.sync_playwright import Axe

    open_page(page, url_of(app_url, name), CHARTS[name])
    results = Axe().run(page).response
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert found == []


def test_every_chart_has_a_text_summary(page, app_url):
    open_page(page, url_of(app_url, "trade"), CHARTS["trade"])
    charts = page.locator("[data-testid=stPlotlyChart]")
    labels = [charts.nth(i).get_attribute("aria-label") or "" for i in range(charts.count())]
    assert labels and all(len(label) > 20 for label in labels), labels

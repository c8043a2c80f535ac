"""Editing the data file while the app runs: every open session follows, with no restart."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import expect
from test_browser import CHARTS, open_page, url_of

import bilateral

ROOT = Path(__file__).resolve().parents[2]
NEW_EVENT = """
  - id: live-edit-check
    date: "2025-12"
    title: An event added while the app runs
    category: culture
    status: happened
    source: realist-2025-11
    quote: "a growing calendar of cultural exchanges"
"""


def with_new_event(text: str) -> str:
    """The file with NEW_EVENT at the end of its events, before the commitments that follow them."""
    events_end = text.index("\ncommitments:") if "\ncommitments:" in text else len(text)
    return text[:events_end] + NEW_EVENT + text[events_end:]


# The sidebar counts each event once, however many accounts it has.
COUNT = bilateral.load().events["event_id"].nunique()
EVENTS = f"{COUNT} events"


def rerun_until(page, what) -> None:
    """Rerun the session's script, as the R key does for a person, until `what` is on screen."""
    for _ in range(3):
        page.bring_to_front()
        page.evaluate("document.activeElement && document.activeElement.blur()")  # keys go to the app
        page.keyboard.press("r")
        try:
            what.wait_for(timeout=10_000)
            return
        except Exception:  # a key press during the previous run's last frames can be dropped
            continue
    what.wait_for(timeout=10_000)


def test_valid_and_invalid_edits_reach_every_open_session_and_a_fix_brings_the_data_back(served, browser, tmp_path):
    data_file = tmp_path / "indicators.yaml"
    shutil.copy(ROOT / "data" / "indicators.yaml", data_file)
    original = data_file.read_text(encoding="utf-8")
    url = served(data_file)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        sessions = {
            name: open_page(context.new_page(), url_of(url, name), CHARTS[name]) for name in ("trade", "timeline")
        }
        for page in sessions.values():
            assert page.get_by_text(EVENTS).count() == 1

        data_file.write_text(with_new_event(original), encoding="utf-8")
        for page in sessions.values():
            rerun_until(page, page.get_by_text(f"{COUNT + 1} events"))
        timeline = sessions["timeline"]
        timeline.get_by_text("An event added while the app runs").first.wait_for(timeout=30_000)

        broken = original.replace(
            "    label: Bilateral trade turnover\n", "    label: Bilateral trade turnover\n    vaule: 1\n", 1
        )
        line = broken.splitlines().index("    vaule: 1") + 1
        data_file.write_text(broken, encoding="utf-8")
        for page in sessions.values():
            rerun_until(page, page.get_by_text(f"indicators.yaml:{line}", exact=False))
            assert page.get_by_text("unknown field 'vaule'", exact=False).count() == 1
            # The last good run's charts stay on screen, faded, until this run ends; then they must go.
            expect(page.locator(".js-plotly-plot")).to_have_count(0, timeout=30_000)
            assert page.locator("[data-testid=stException]").count() == 0

        data_file.write_text(original, encoding="utf-8")
        for name, page in sessions.items():
            rerun_until(page, page.get_by_text(EVENTS))
            page.wait_for_function(
                f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {CHARTS[name]}", timeout=30_000
            )
    finally:
        context.close()


def test_a_missing_data_file_gives_a_readable_message(served, browser, tmp_path):
    url = served(tmp_path / "nowhere.yaml")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_text("could not be loaded", exact=False).wait_for(timeout=60_000)
        assert page.get_by_text("file not found", exact=False).count() == 1
        assert page.locator("[data-testid=stException]").count() == 0
    finally:
        context.close()

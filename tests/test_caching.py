"""What ui.py keeps between reruns: each block's parts per version of the data file, each session's dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bilateral import charts, load, ui, views

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "indicators.yaml"


pytestmark = pytest.mark.usefixtures("fresh_app")


def open_page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(f"pages/{name}.py").run()
    assert not at.exception
    return at


def shown(at: AppTest) -> list:
    """Everything the page sent, as the protobuf messages of its elements."""
    return [str(getattr(e, "proto", "")) for e in at.main] + [str(getattr(e, "proto", "")) for e in at.sidebar]


@pytest.mark.parametrize("page", ["trade", "timeline", "overview"])
def test_a_rerun_draws_exactly_what_the_first_run_drew(page):
    at = open_page(page)
    first = shown(at)
    at.run()
    assert shown(at) == first
    at.run()
    assert shown(at) == first  # the kept figures are read, never changed


def test_an_edited_file_is_drawn_anew_on_the_next_rerun(tmp_path, monkeypatch):
    path = tmp_path / "indicators.yaml"
    text = DATA.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("BILATERAL_DATA", str(path))
    at = open_page("energy")
    before = {c.key: c.proto.spec for c in at.get("plotly_chart")}
    assert "276" in before["chart_gas"]

    edited = text.replace("value: 276", "value: 277").replace("from 276 to 410", "from 277 to 410")
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    later = os.stat(path).st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    at.run()

    after = {c.key: c.proto.spec for c in at.get("plotly_chart")}
    assert not at.exception
    assert after != before and "277" in after["chart_gas"]


@pytest.mark.parametrize("built_first", [True, False])
def test_a_session_that_changes_its_dataset_leaves_other_sessions_as_they_were(built_first):
    one = open_page("trade" if built_first else "sources")
    _, data = one.session_state["_bilateral_dataset"]
    data.observations["display"] = "tampered"
    data.sources["publisher"] = "tampered"
    one.switch_page("pages/trade.py").run()  # the trade page's parts are built now, or were before
    other = open_page("trade")
    assert not any("tampered" in text for text in shown(other))


def test_a_dataset_that_did_not_come_from_the_loader_is_built_afresh_every_time():
    data = load()
    calls = []

    def build(data, x):
        calls.append(x)
        return x * 2

    assert ui._memo(build, data, 21) == 42
    assert ui._memo(build, data, 21) == 42
    assert calls == [21, 21]


def test_kept_parts_are_the_builders_results():
    """A block's parts are those its pure builders give: the same figure JSON, table and CSV."""
    data = load()
    parts = ui._series_parts(data, "Turnover", ("trade_turnover",), None, (), ())
    rows = views.rows(data, "trade_turnover")
    figure = charts.series_chart(rows, "Turnover")
    assert parts.figure.to_dict() == figure.to_dict()
    assert parts.rows.equals(rows)
    assert parts.table[0].equals(views.table(rows))
    assert parts.alt == views.describe(rows)


def test_a_pages_parts_are_built_once_per_file_version_and_drawn_for_every_later_session(monkeypatch):
    open_page("trade")  # the first visit builds
    series_chart, built = charts.series_chart, []
    monkeypatch.setattr(
        charts,
        "series_chart",
        lambda rows, title, **options: built.append(title) or series_chart(rows, title, **options),
    )

    at = open_page("trade")  # a new session, the same file

    assert len(at.get("plotly_chart")) == 11  # every chart of the trade page
    assert built == []

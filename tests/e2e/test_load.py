"""Many users at once: twenty sessions across all pages against one server."""

from __future__ import annotations

from appserver import start_app, stop_app
from load import PAGES, open_sessions


def test_twenty_sessions_at_once_all_render_their_charts(chromium_path):
    process, url = start_app()
    try:
        report = open_sessions(chromium_path, url, process.pid, sessions=20, timeout_s=300)
    finally:
        stop_app(process)
    sessions = report["sessions"]
    assert len(sessions) == 20
    assert {s.path for s in sessions} == {p or "overview" for p in PAGES}
    for s in sessions:
        expected = PAGES["" if s.path == "overview" else s.path]
        assert (s.charts, s.exceptions) == (expected, 0), s

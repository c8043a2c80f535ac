"""Start and stop the app for the browser tests, and find a system Chromium."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # also when benchmarks/load_test.py imports this module as a script
    sys.path.insert(0, str(ROOT))

# One server launcher serves the tests and the benchmarks.
from benchmarks.common import CHROMIUM_ARGS, free_port, start_server, wait_healthy  # noqa: E402
from benchmarks.common import stop_server as stop_app  # noqa: E402

HOW_TO_GET_CHROMIUM = (
    "no Chromium found: install Debian's package (apt-get install -y chromium) or set CHROMIUM to its path; "
    "the tests never download a browser"
)

__all__ = ["CHROMIUM_ARGS", "HOW_TO_GET_CHROMIUM", "ROOT", "find_chromium", "start_app", "stop_app"]


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).is_file() and os.access(c, os.X_OK)), None)


def start_app(cwd: Path = ROOT, env: dict | None = None):
    """Start `streamlit run dashboard.py` in its own process group; return (process, base URL)."""
    port = free_port()
    process = start_server(ROOT / "dashboard.py", cwd, port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
    except Exception:
        stop_app(process)
        raise
    return process, url

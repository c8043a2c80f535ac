"""Load test: N browser sessions at once across all pages against one server, on loopback only.

Prints the time to render every session and the server's memory per extra session, as the
markdown table kept in docs/reliability.md.  Usage: python benchmarks/load_test.py [SESSIONS]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from appserver import find_chromium, start_app, stop_app
from load import open_sessions


def main(sessions: int = 20) -> int:
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium: apt-get install -y chromium, or set CHROMIUM", file=sys.stderr)
        return 2
    process, url = start_app()
    try:
        report = open_sessions(chromium, url, process.pid, sessions=sessions, timeout_s=300)
    finally:
        stop_app(process)
    done = report["sessions"]
    failed = [s for s in done if s.exceptions]
    seconds = [s.seconds for s in done]
    print("| measure | value |\n|---|---|")
    print(f"| sessions opened at once | {len(done)} (pages: {', '.join(sorted({s.path for s in done}))}) |")
    print(f"| sessions with an exception | {len(failed)} |")
    print(f"| one warm session alone, to charts drawn | {report['warm_single_s']:.1f} s |")
    print(f"| all {len(done)} sessions rendered | {report['all_rendered_s']:.1f} s |")
    print(f"| per session: median, slowest | {statistics.median(seconds):.1f} s, {max(seconds):.1f} s |")
    base, loaded = report["rss_base_mib"], report["rss_loaded_mib"]
    print(f"| server memory before, with all sessions open | {base:.0f} MiB, {loaded:.0f} MiB |")
    print(f"| server memory per extra session | {report['per_session_mib']:.1f} MiB |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))

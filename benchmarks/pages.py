"""Page overhead: each page's warm rerun against a bare page drawing the very same figures.

    python -m benchmarks.pages [--runs N] [--json OUT]

Both run headless in AppTest, in this one process, alternating run by run: the dashboard opened
and switched to the page, then `.run()` again and again; the bare page (benchmarks/bare.py)
likewise. The medians of the warm reruns and their ratio are reported.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from .bare import prepare
from .common import PAGES, ROOT, median, write_json

TARGET = 1.3


def _timed(at) -> float:
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return seconds


def measure(runs: int = 15, warmup: int = 2) -> dict:

    with tempfile.TemporaryDirectory(prefix="bilateral-bare-") as folder:
        return _measure(Path(folder), runs, warmup)


def _measure(out: Path, runs: int, warmup: int) -> dict:
    from streamlit.testing.v1 import AppTest

    figures, scripts = prepare(out)
    results = {}
    for name in PAGES:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        app.run()
        app.switch_page(f"pages/{name}.py").run()
        bare = AppTest.from_file(str(scripts[name]), default_timeout=60)
        bare.run()
        for _ in range(warmup):
            _timed(app)
            _timed(bare)
        ours, theirs = [], []
        gc.collect()
        for i in range(runs):
            # Alternate which goes first, so that a burst of load on the machine hits both alike.
            if i % 2:
                theirs.append(_timed(bare))
                ours.append(_timed(app))
            else:
                ours.append(_timed(app))
                theirs.append(_timed(bare))
        results[name] = {
            "figures": len(figures[name]),
            "elements": len(list(app.main)) + len(list(app.sidebar)),
            "app_median": median(ours),
            "bare_median": median(theirs),
            "ratio": median(ours) / median(theirs),
            "app_runs": ours,
            "bare_runs": theirs,
        }
        print(
            f"{name}: app {median(ours) * 1000:.1f} ms, bare {median(theirs) * 1000:.1f} ms, "
            f"ratio {median(ours) / median(theirs):.2f} ({len(figures[name])} figures)",
            file=sys.stderr,
        )
    return {"runs": runs, "warmup": warmup, "target": TARGET, "pages": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json")
    args = parser.parse_args()
    result = measure(args.runs)
    if args.json:
        write_json(args.json, result)


if __name__ == "__main__":
    main()

"""In a real browser: server start to the first chart drawn, and a navigation click to the new page's charts.

    python -m benchmarks.browser [--repeats N] [--json OUT]

For our app, for a bare app with the same navigation whose pages draw the very same figures
from JSON (benchmarks/bare.py), and for an app whose pages draw every element ours drew, as
literals (benchmarks/elements.py), taking turns at going first: start `python -m streamlit run`
on a free loopback port in its own process group, open its root URL in headless Chromium as
soon as the server answers its health check, and wait until the charts of the default page are
drawn (every chart's title as the figure has it, and its SVG present). Then click each page in
the sidebar and wait for that page's charts (its first visit); then click them all again, LATER_ROUNDS
times (later visits, which our app's caches serve: several per server, because one click's time
moves by a tenth of a second on a shared machine). The server is always stopped, with its process group.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from . import elements
from .bare import prepare, titles
from .common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    ROOT,
    TITLES,
    free_port,
    median,
    start_server,
    stop_server,
    wait_healthy,
    write_json,
)

TARGET = 1.2
LATER_ROUNDS = 3
NAVIGATION = [name for name in PAGES[1:] if name != "sources"]  # sources draws no chart: nothing to wait for

_DRAWN = """(expected) => {
    const plots = [...document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')];
    if (plots.length !== expected.length) return false;
    return plots.every((plot, i) => {
        const title = plot.querySelector('.gtitle');
        return plot.querySelector('.main-svg') && title && title.textContent === expected[i];
    });
}"""


# Chromium's own account of the work of the page (DevTools Performance.getMetrics), in seconds, and its size.
METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")


def _wait_drawn(page, expected: list[str], timeout_ms: int = 120_000) -> None:
    page.wait_for_function(_DRAWN, arg=expected, timeout=timeout_ms, polling="raf")


def _metrics(cdp) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def _session(browser, script: Path, cwd: Path, expected: dict[str, list[str]]) -> dict:
    """One server: its start to the first chart, then each navigation, its first visit and later ones."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = time.perf_counter()
    process = start_server(script, cwd, port)
    try:
        wait_healthy(url, process)
        healthy = time.perf_counter() - start
        page.goto(url, wait_until="commit")
        _wait_drawn(page, expected[PAGES[0]])
        first_chart = time.perf_counter() - start
        visits: dict[str, list[float]] = {name: [] for name in NAVIGATION}
        work: dict[str, list[dict]] = {name: [] for name in NAVIGATION}
        for _ in range(1 + LATER_ROUNDS):
            for name in [*NAVIGATION, PAGES[0]]:
                link = page.locator("[data-testid=stSidebarNav] a", has_text=TITLES[name]).first
                link.wait_for()
                before = _metrics(cdp)
                clicked = time.perf_counter()
                link.click()
                _wait_drawn(page, expected[name])
                if name in visits:
                    visits[name].append(time.perf_counter() - clicked)
                    after = _metrics(cdp)
                    work[name].append({m: after[m] - before[m] for m in METRICS} | {"Nodes": after["Nodes"]})
        return {
            "healthy": healthy,
            "first_chart": first_chart,
            "first_visit": {name: v[0] for name, v in visits.items()},
            "later_visit": {name: v[1:] for name, v in visits.items()},
            "later_visit_work": {name: w[1:] for name, w in work.items()},
        }
    finally:
        context.close()
        stop_server(process)


def measure(repeats: int = 3) -> dict:

    with tempfile.TemporaryDirectory(prefix="bilateral-bare-app-") as folder:
        return _measure(Path(folder), repeats)


def _measure(out: Path, repeats: int) -> dict:
    from playwright.sync_api import sync_playwright

    figures, scripts = prepare(out)
    expected = {name: [titles(spec) for spec in specs] for name, specs in figures.items()}
    same = elements.write(out)
    apps = {"app": (ROOT / "dashboard.py", ROOT), "bare": (scripts["app"], out), "elements": (same, same.parent)}
    sessions: dict[str, list[dict]] = {name: [] for name in apps}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # A first session of each, not counted: the operating system's file cache is warm for both.
            for script, cwd in apps.values():
                _session(browser, script, cwd, expected)
            for r in range(repeats):
                order = list(apps)[r % len(apps) :] + list(apps)[: r % len(apps)]  # each goes first in turn
                for name in order:
                    script, cwd = apps[name]
                    result = _session(browser, script, cwd, expected)
                    sessions[name].append(result)
                    print(
                        f"{name}: healthy {result['healthy']:.2f} s, first chart {result['first_chart']:.2f} s, "
                        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result["first_visit"].items()),
                        file=sys.stderr,
                    )
        finally:
            browser.close()

    def summary(name: str) -> dict:
        runs = sessions[name]
        return {
            "healthy": median([r["healthy"] for r in runs]),
            "first_chart": median([r["first_chart"] for r in runs]),
            "first_visit": {p: median([r["first_visit"][p] for r in runs]) for p in NAVIGATION},
            # Later visits: the median of every one, across the servers.
            "later_visit": {p: median([t for r in runs for t in r["later_visit"][p]]) for p in NAVIGATION},
            "later_visit_work": {
                p: {m: median([w[m] for r in runs for w in r["later_visit_work"][p]]) for m in (*METRICS, "Nodes")}
                for p in NAVIGATION
            },
        }

    def ratios(a: dict, b: dict) -> dict:
        return {
            "first_chart": a["first_chart"] / b["first_chart"],
            "first_visit": {p: a["first_visit"][p] / b["first_visit"][p] for p in NAVIGATION},
            "later_visit": {p: a["later_visit"][p] / b["later_visit"][p] for p in NAVIGATION},
        }

    app, bare, same = summary("app"), summary("bare"), summary("elements")
    return {
        "repeats": repeats,
        "later_rounds": LATER_ROUNDS,
        "target": TARGET,
        "app": app,
        "bare": bare,
        "elements": same,
        "sessions": sessions,
        "ratios": ratios(app, bare),
        "ratios_to_elements": ratios(app, same),
        "elements_to_bare": ratios(same, bare),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    result = measure(args.repeats)
    print(
        f"first chart: app {result['app']['first_chart']:.2f} s, bare {result['bare']['first_chart']:.2f} s, "
        f"ratio {result['ratios']['first_chart']:.2f}",
        file=sys.stderr,
    )
    for name in NAVIGATION:
        for app in ("app", "bare", "elements"):
            w = result[app]["later_visit_work"][name]
            print(
                f"{name} {app}: "
                + ", ".join(f"{m} {v * 1000:.0f} ms" for m, v in w.items() if m != "Nodes")
                + f", {w['Nodes']:.0f} nodes",
                file=sys.stderr,
            )
    for kind in ("first_visit", "later_visit"):
        for name in NAVIGATION:
            print(
                f"{kind} {name}: app {result['app'][kind][name] * 1000:.0f} ms, "
                f"bare {result['bare'][kind][name] * 1000:.0f} ms, "
                f"elements {result['elements'][kind][name] * 1000:.0f} ms, ratio {result['ratios'][kind][name]:.2f}",
                file=sys.stderr,
            )
    if args.json:
        write_json(args.json, result)


if __name__ == "__main__":
    main()

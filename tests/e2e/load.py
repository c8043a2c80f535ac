"""Open many browser sessions at once against one server and measure what they cost it."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from appserver import CHROMIUM_ARGS

PAGES = {"": 1, "trade": 11, "migration": 8, "energy": 7, "education": 5, "commitments": 9, "timeline": 1, "sources": 0}


@dataclass
class Session:
    path: str
    seconds: float
    charts: int
    exceptions: int


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


async def _session(browser, url: str, path: str, started: float, timeout_ms: int) -> tuple[Session, object]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(f"{url}/{path}", timeout=timeout_ms, wait_until="commit")
    await page.wait_for_selector("[data-testid=stMain] h1", timeout=timeout_ms)
    charts = PAGES[path]
    if charts:
        await page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=timeout_ms
        )
    else:
        await page.wait_for_selector("[data-testid=stDataFrame]", timeout=timeout_ms)
    seconds = time.perf_counter() - started
    drawn = await page.locator(".js-plotly-plot").count()
    errors = await page.locator("[data-testid=stException]").count()
    return Session(path or "overview", seconds, drawn, errors), context


async def _run(chromium: str, url: str, pid: int, sessions: int, timeout_s: float) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            warm, context = await _session(browser, url, "", time.perf_counter(), int(timeout_s * 1000))
            await context.close()
            base = rss_mib(pid)
            paths = [list(PAGES)[i % len(PAGES)] for i in range(sessions)]
            started = time.perf_counter()
            results = await asyncio.wait_for(
                asyncio.gather(*(_session(browser, url, path, started, int(timeout_s * 1000)) for path in paths)),
                timeout=timeout_s,
            )
            total = time.perf_counter() - started
            loaded = rss_mib(pid)
            for _, context in results:
                await context.close()
        finally:
            await browser.close()
    done = [s for s, _ in results]
    return {
        "sessions": done,
        "all_rendered_s": total,
        "rss_base_mib": base,
        "rss_loaded_mib": loaded,
        "per_session_mib": (loaded - base) / sessions,
        "warm_single_s": warm.seconds,
    }


def open_sessions(chromium: str, url: str, pid: int, sessions: int = 20, timeout_s: float = 300) -> dict:
    """Open `sessions` sessions at once across all pages; bounded by `timeout_s` in all."""
    # Its own thread, hence its own event loop: the sync Playwright of other tests may hold this one's.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _run(chromium, url, pid, sessions, timeout_s)).result()

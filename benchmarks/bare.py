"""The bare pages to compare with: the very same figures, drawn from precomputed JSON and nothing else.

The figures are made once by the real pages (AppTest runs each page, so the real builders draw
them) and saved as the JSON Streamlit sent; each bare page reads its files and only calls
st.plotly_chart on plotly.io.from_json. A bare multipage app with the same titles and URLs is
written beside them for the browser benchmark.
"""

from __future__ import annotations

import json
from pathlib import Path

from .common import PAGES, navigation_entries, opened_page

_PAGE = '''"""Bare page: draw the {name} page's figures from JSON, nothing else."""

import pathlib

import plotly.io
import streamlit as st

for path in sorted(pathlib.Path({folder!r}).glob("*.json")):
    st.plotly_chart(plotly.io.from_json(path.read_text(encoding="utf-8")))
'''

_APP = '''"""Bare app: the dashboard's page layout and navigation, each page drawing its figures from JSON."""

import streamlit as st

st.set_page_config(layout="wide")  # the dashboard's layout, so the figures are drawn at the same width
page = st.navigation(
    [
{pages}
    ]
)
page.run()
'''


def capture(out: Path) -> dict[str, list[str]]:
    """Run every page with AppTest and save the JSON of each figure it draws; return the JSON by page."""
    figures: dict[str, list[str]] = {}
    for name in PAGES:
        at = opened_page(name)
        figures[name] = [chart.proto.spec for chart in at.get("plotly_chart")]
        folder = out / "figures" / name
        folder.mkdir(parents=True, exist_ok=True)
        for i, spec in enumerate(figures[name]):
            (folder / f"{i:02d}.json").write_text(spec, encoding="utf-8")
    return figures


def write_scripts(out: Path) -> dict[str, Path]:
    """Write a bare page per dashboard page, and a bare multipage app; return the scripts by name."""
    scripts: dict[str, Path] = {}
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        script = pages_dir / f"{name}.py"
        script.write_text(_PAGE.format(name=name, folder=str(out / "figures" / name)), encoding="utf-8")
        scripts[name] = script
    app = out / "app.py"
    app.write_text(_APP.format(pages=navigation_entries()), encoding="utf-8")
    scripts["app"] = app
    return scripts


def titles(spec: str) -> str:
    """A figure's title as the browser shows it."""
    import html

    title = json.loads(spec).get("layout", {}).get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return html.unescape(text.replace("<br>", ""))  # a wrapped title's lines are tspans, read with no break


def prepare(out: Path) -> tuple[dict[str, list[str]], dict[str, Path]]:
    figures = capture(out)
    return figures, write_scripts(out)

"""The same elements, drawn by Streamlit alone: each page rewritten as literal st.* calls of what it showed.

The bare pages (bare.py) draw only the figures. These draw everything the real pages drew on a
first visit, in the same layout (headings, markdown, cards, widgets, columns, closed expanders,
tables and the figures from JSON), with the same arguments (keys, widgets bound to the URL, a
chart's text alternative and config), and none of the project's Python behind them: no package,
no data file, no pandas selection. Our app against this one is what the project's code adds;
this one against the bare app is what Streamlit costs for the content beyond the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from .common import PAGES, navigation_entries, opened_page

_HEAD = '''"""Elements of the {name} page as literals: the same layout and content, none of the project's code."""

import pathlib

import pandas as pd
import plotly.io
import streamlit as st

HERE = pathlib.Path({folder!r})

'''

_APP = '''"""Elements app: the dashboard's page config, navigation and sidebar, each page drawn as literals."""

import streamlit as st

st.set_page_config(page_title="Russia–Kyrgyzstan relations", layout="wide")
page = st.navigation(
    [
{pages}
    ]
)
{sidebar}
page.run()
'''


def _key(proto) -> str | None:
    """The key the page gave an element, from its id ("$$ID-<hash>-<key>"), or None."""
    parts = getattr(proto, "id", "").split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" and parts[2] != "None" else None


def _widget(proto) -> str:
    """A widget's key and URL binding, as arguments."""
    bound = ', bind="query-params"' if getattr(proto, "query_param_key", "") else ""
    return f", key={_key(proto)!r}{bound}"


class _Writer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.lines: list[str] = []
        self.files = 0

    def _file(self, suffix: str, text: str) -> str:
        self.files += 1
        name = f"{self.files:02d}.{suffix}"
        (self.folder / name).write_text(text, encoding="utf-8")
        return name

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def node(self, node, depth: int) -> None:
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        if kind == "flex_container" and node.children and all(c.type == "column" for c in node.children.values()):
            weights = [c.proto.weight for c in node.children.values()]
            columns = f"columns_{len(self.lines)}"
            self.emit(depth, f"{columns} = st.columns({weights!r})")
            for i, column in enumerate(node.children.values()):
                self.emit(depth, f"with {columns}[{i}]:")
                self.emit(depth + 1, "pass")
                for child in column.children.values():
                    self.node(child, depth + 1)
            return
        if kind == "expander":
            key = _key(proto)
            rerun = f", key={key!r}, on_change='rerun'" if key else ""
            self.emit(depth, f"with st.expander({proto.label!r}, expanded={proto.expanded!r}{rerun}):")
            self.emit(depth + 1, "pass")
            for child in node.children.values():
                self.node(child, depth + 1)
            return
        if kind in ("title", "header", "subheader"):
            call = {"h1": "title", "h2": "header", "h3": "subheader"}.get(proto.tag, "subheader")
            self.emit(depth, f"st.{call}({proto.body!r})")
        elif kind == "markdown":
            self.emit(depth, f"st.markdown({node.value!r})")
        elif kind == "info":
            self.emit(depth, f"st.info({node.value!r})")
        elif kind == "plotly_chart":
            spec = self._file("json", proto.spec)
            config = json.loads(proto.config) if proto.config else None
            self.emit(
                depth,
                f"st.plotly_chart(plotly.io.from_json((HERE / {spec!r}).read_text(encoding='utf-8')), "
                f"key={_key(proto)!r}, alt={proto.alt or None!r}, config={config!r})",
            )
        elif kind == "metric":
            delta = proto.delta or None
            self.emit(
                depth,
                f"st.metric({proto.label!r}, {proto.body!r}, delta={delta!r}, help={proto.help!r}, "
                f"border={proto.show_border!r})",
            )
        elif kind == "multiselect":
            options = list(proto.options)
            default = [options[i] for i in proto.default]
            self.emit(depth, f"st.multiselect({proto.label!r}, {options!r}, default={default!r}{_widget(proto)})")
        elif kind == "slider":
            value = tuple(int(v) for v in proto.default)
            self.emit(
                depth, f"st.slider({proto.label!r}, {int(proto.min)}, {int(proto.max)}, {value!r}{_widget(proto)})"
            )
        elif kind == "toggle":
            self.emit(depth, f"st.toggle({proto.label!r}, value={proto.default!r}{_widget(proto)})")
        elif kind == "text_input":
            self.emit(depth, f"st.text_input({proto.label!r}{_widget(proto)})")
        elif kind in ("table", "arrow_table"):
            table = self._file("json", node.value.to_json(orient="split"))
            self.emit(depth, f"st.table(pd.read_json(HERE / {table!r}, orient='split'), hide_index=True)")
        elif kind in ("dataframe", "arrow_data_frame"):
            frame = self._file("json", node.value.to_json(orient="split", date_format="iso"))
            self.emit(depth, f"st.dataframe(pd.read_json(HERE / {frame!r}, orient='split'), hide_index=True)")
        elif kind == "download_button":
            self.emit(depth, f"st.download_button({proto.label!r}, 'a,b', on_click='ignore')")
        elif kind in ("empty", None):
            pass
        elif getattr(node, "children", None):
            for child in node.children.values():
                self.node(child, depth)
        else:
            raise ValueError(f"no literal for a {kind} element")


def write(out: Path) -> Path:
    """Write the elements app under out/elements; return its script."""
    folder = out / "elements"
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        at = opened_page(name)
        data = folder / "data" / name
        data.mkdir(parents=True, exist_ok=True)
        writer = _Writer(data)
        for child in at.main.children.values():
            writer.node(child, 0)
        script = _HEAD.format(name=name, folder=str(data)) + "\n".join(writer.lines) + "\n"
        (folder / "pages" / f"{name}.py").write_text(script, encoding="utf-8")
    # dashboard.py draws the same sidebar on every page: the last page's stands for all.
    sidebar = "\n".join(f"st.sidebar.markdown({m.value!r})" for m in at.sidebar.markdown)
    app = folder / "app.py"
    app.write_text(_APP.format(pages=navigation_entries(), sidebar=sidebar), encoding="utf-8")
    return app


if __name__ == "__main__":
    import sys

    print(write(Path(sys.argv[1])))

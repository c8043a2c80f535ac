"""Import and start-up: what `import bilateral`, the CLI and each page's imports cost (python -X importtime).

    python -m benchmarks.imports [--repeats N] [--json OUT]

Each measurement runs in a fresh interpreter (median of N). A page runs inside dashboard.py, so
what it pays itself is what its imports add after dashboard.py's own: that is measured in one
interpreter that first imports what dashboard.py imports, then the page's imports, counting only
the modules the page's imports load.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

from .common import PAGES, PYTHON, ROOT, median, write_json

HEAVY = ["pandas", "numpy", "pyarrow", "plotly", "yaml", "streamlit"]
_MARK = "=== page imports ==="


def _imports(script: Path) -> list[str]:
    """The top-level import statements of a script, as source lines."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    return [ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]


def _importtime(code: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Run code under -X importtime; return (module, self µs, cumulative µs) before and after the mark."""
    run = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    before: list[tuple[str, int, int]] = []
    after: list[tuple[str, int, int]] = []
    current = before
    for line in run.stderr.splitlines():
        if line.strip() == _MARK:
            current = after
            continue
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, cumulative, name = line.split("|", 2)
        current.append((name.strip(), int(head.split(":", 1)[1]), int(cumulative)))
    return before, after


def _measure_code(code: str, repeats: int, marked: bool = False) -> dict:
    totals, modules = [], set()
    for _ in range(repeats):
        before, after = _importtime(code)
        rows = after if marked else before
        totals.append(sum(self_us for _, self_us, _ in rows) / 1e6)
        modules = {name.split(".")[0] for name, _, _ in rows}
    return {"seconds": median(totals), "heavy": sorted(h for h in HEAVY if h in modules), "modules": len(modules)}


def _contributors(code: str, count: int = 8) -> list[tuple[str, float]]:
    before, _ = _importtime(code)
    packages: dict[str, int] = {}
    for name, self_us, _ in before:
        top = name.split(".")[0]
        packages[top] = packages.get(top, 0) + self_us
    return sorted(((k, v / 1e6) for k, v in packages.items()), key=lambda kv: -kv[1])[:count]


def measure(repeats: int = 3) -> dict:
    dashboard = _imports(ROOT / "dashboard.py")
    result = {
        "bilateral": _measure_code("import bilateral", repeats),
        "bilateral_contributors": _contributors("import bilateral"),
        "cli_check": _measure_code("import bilateral.cli", repeats),
        "streamlit": _measure_code("import streamlit", repeats),
        "ui": _measure_code(
            f"import streamlit\nprint({_MARK!r}, file=__import__('sys').stderr)\nimport bilateral.ui",
            repeats,
            marked=True,
        ),
        "dashboard": {"imports": dashboard, **_measure_code("\n".join(dashboard), repeats)},
        "pages": {},
    }
    for name in PAGES:
        page = _imports(ROOT / "pages" / f"{name}.py")
        alone = _measure_code("\n".join(page), repeats)
        marked = "\n".join([*dashboard, f"print({_MARK!r}, file=__import__('sys').stderr)", *page])
        after = _measure_code(marked, repeats, marked=True)
        result["pages"][name] = {"imports": page, "alone": alone, "after_dashboard": after}
        print(f"{name}: alone {alone['seconds']:.3f} s, after dashboard.py {after['seconds']:.4f} s", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    result = measure(args.repeats)
    if args.json:
        write_json(args.json, result)


if __name__ == "__main__":
    main()

"""Write a synthetic data file N times the size of the real one, still valid.

    python benchmarks/synth.py 100 /tmp/indicators-100x.yaml

The real file comes first, as it is; then N-1 copies of its sources, indicators and events, each
copy with fresh unique ids (a suffix such as `-r2a` / `_r2a`) and its references (`source:`,
`growth_of:`) renamed to match, so every copy is self-contained and checks clean. Comment lines
are kept only in the first copy. Text is copied line by line, so the file keeps the real file's
layout and its size grows as N times the real file's (plus a few bytes of suffix per id).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "data" / "indicators.yaml"
SECTIONS = ("sources", "indicators", "events")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_ID = re.compile(r"^(\s*- id: )(\S+)$")
_SOURCE = re.compile(r"^(\s+source: )(\S+)$")
_GROWTH = re.compile(r"^(\s+growth_of: )(\S+)$")


def _base36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


def _sections(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """The lines before the first section, and each section's lines (without its `key:` line)."""
    preamble: list[str] = []
    parts: dict[str, list[str]] = {}
    current: list[str] = preamble
    for line in text.splitlines():
        key = line.rstrip().removesuffix(":")
        if key in SECTIONS and not line.startswith((" ", "#")):
            current = parts.setdefault(key, [])
            continue
        current.append(line)
    missing = [s for s in SECTIONS if s not in parts]
    if missing:
        raise ValueError(f"the data file has no section {missing}")
    return preamble, parts


def _renamed(lines: list[str], section: str, copy: int) -> list[str]:
    if copy == 0:
        return lines
    tag = "r" + _base36(copy)
    dash, snake = f"-{tag}", f"_{tag}"
    own = snake if section == "indicators" else dash
    out = []
    for line in lines:
        if line.lstrip().startswith("#"):
            continue
        if m := _ID.match(line):
            line = f"{m[1]}{m[2]}{own}"
        elif m := _SOURCE.match(line):
            line = f"{m[1]}{m[2]}{dash}"
        elif m := _GROWTH.match(line):
            line = f"{m[1]}{m[2]}{snake}"
        out.append(line)
    return out


def replicate(text: str, copies: int) -> str:
    """The data file `text` with its records repeated `copies` times under fresh ids."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    preamble, parts = _sections(text)
    lines = list(preamble)
    for section in SECTIONS:
        lines.append(f"{section}:")
        for copy in range(copies):
            lines.extend(_renamed(parts[section], section, copy))
    return "\n".join(lines) + "\n"


def write(copies: int, path: Path, source: Path = REAL) -> int:
    """Write the synthetic file; return its size in bytes."""
    data = replicate(source.read_text(encoding="utf-8"), copies).encode("utf-8")
    path.write_bytes(data)
    return len(data)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/synth.py COPIES OUTPUT.yaml")
    size = write(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {size} bytes ({size / REAL.stat().st_size:.2f} times the real file)")

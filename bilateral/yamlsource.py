"""Read the data file's YAML safely, keeping the line of every value and refusing what plain PyYAML lets through."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import DataError, Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32  # the data file nests five levels; far deeper nesting only crashes the reader

Key = tuple[str | int, ...]
Positions = dict[Key, tuple[int, int]]


def read_yaml(path: str | Path, display: str | None = None) -> tuple[Any, Positions, Positions, list[Problem]]:
    """Return the document, where each value and key stands, and the problems met on the way.

    Raise DataError when the file cannot be read as YAML at all.
    """
    shown = display or str(path)
    path = Path(path)

    def fail(message: str, line: int = 1, col: int = 1):
        raise DataError([Problem(line, col, message, shown)])

    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        fail("file not found")
    except IsADirectoryError:
        fail("is a directory, not a data file")
    except OSError as e:
        fail(f"cannot be read: {e.strerror}")
    if len(raw) > MAX_BYTES:
        fail(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB: refused")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        at = e.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts from after the BOM
        line = raw.count(b"\n", 0, at) + 1
        col = len(raw[raw.rfind(b"\n", 0, at) + 1 : at].decode("utf-8-sig")) + 1  # characters, not bytes
        fail("not UTF-8 text: save the file as UTF-8", line, col)
    if not text.strip():
        fail("file is empty")
    lines = _read_lines(text)
    if lines is not None:
        return (*lines, [])
    from .yamlevents import read_events  # PyYAML's import alone is a tenth of `check` on the real file

    return read_events(text, shown)


# The data file is written in a small part of YAML: block mappings and lists, one scalar per line, plain or
# quoted. That part is read here line by line, in half the time libyaml's events take through yamlevents,
# and without importing PyYAML: together a third of `check` on the real file (docs/benchmarks.md). Any
# line outside it, and any duplicate key, hands the whole text to yamlevents, so what is refused and where
# stays its answer; tests/test_yamlsource.py pins that both readers give the same values and positions.
_LINE = re.compile(r"( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?|(.*))$")
_DOUBLE = re.compile(r'"([^"\\]*(?:\\["\\/nt][^"\\]*)*)"(?: +#.*| *)$')
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +#.*| *)$")
_ESCAPES = {'\\"': '"', "\\\\": "\\", "\\/": "/", "\\n": "\n", "\\t": "\t"}
_ESCAPE = re.compile(r"\\.")
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})$")  # longer numbers are the full reader's to read or refuse
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$")
_BOOLEANS = {"true": True, "false": False}  # as the data file writes them; other spellings go to the full reader
_INDICATORS = "?:,[]{}#&*!|>'\"%@`"  # a plain scalar starting with one of these needs the full grammar
_WORDS = {w for word in ("yes", "no", "true", "false", "on", "off", "null") for w in (word, word.title(), word.upper())}
# Plain scalars that YAML 1.1 reads as a number, date, boolean or null, or may: a generous outline of
# PyYAML's implicit resolvers, so that anything they would not read as text goes to the full reader.
_NOT_TEXT = _WORDS | {"~", "<<", "="}
_NOT_TEXT_PATTERN = re.compile(r"[-+.]?[0-9.][-+0-9a-fA-FxXoObB_:.]*(?:[Tt ][-+0-9:. tZ]*)?|[-+]?\.[A-Za-z]+")
# What libyaml refuses or counts as a line break, and tabs, which YAML gives rules of their own.
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


class _Outside(Exception):
    """The text leaves the part of YAML the line reader knows."""


def _scalar(text: str) -> Any:
    """The value of one scalar, the spaces around it removed; raise _Outside when it needs the full reader."""
    first = text[0]
    if first == '"':
        if text.count('"') == 2 and text[-1] == '"' and "\\" not in text:
            return text[1:-1]  # most of the file: no escape, no comment after it
        quoted = _DOUBLE.match(text)
        if quoted is None:
            raise _Outside
        return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], quoted.group(1))
    if first == "'":
        quoted = _SINGLE.match(text)
        if quoted is None:
            raise _Outside
        return quoted.group(1).replace("''", "'")
    if " #" in text or ": " in text or text[-1] == ":":
        raise _Outside  # a comment or a mapping inside
    if first.isalpha():
        if text in _BOOLEANS:
            return _BOOLEANS[text]
        if text in _WORDS:
            raise _Outside  # a boolean or a null in another spelling
        return text
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if first in _INDICATORS or text[:2] in ("-", "- ") or text in _NOT_TEXT or _NOT_TEXT_PATTERN.fullmatch(text):
        raise _Outside  # an indicator, a date, a null: the full reader's rules say what becomes of it
    return text


def _read_lines(text: str) -> tuple[Any, Positions, Positions] | None:
    """The document, where each value and key stands; None when the text needs the full YAML reader."""
    if _OUTSIDE.search(text):
        return None
    positions: Positions = {}
    key_positions: Positions = {}
    stack: list[tuple[int, Any, Key]] = []  # each open collection: the column of its keys or dashes, itself, its path
    waiting: tuple[int, dict, Key] | None = None  # a `key:` whose value opens on the next lines
    try:
        for number, line in enumerate(text.split("\n"), 1):
            stripped = line.lstrip(" ")
            if not stripped or stripped[0] == "#":
                continue
            match = _LINE.match(line)
            dash, key, value, item = match.group(2, 3, 4, 5)
            column = len(line) - len(stripped)
            if waiting is not None:
                above, parent, at = waiting
                waiting = None
                if column <= above or len(stack) >= MAX_DEPTH:
                    raise _Outside  # an empty value, a list at its key's own column, or nesting the reader refuses
                parent[at[-1]] = opened = [] if dash else {}
                positions[at] = (number, column + 1)
                stack.append((column, opened, at))
            elif not stack:
                if dash or key is None:
                    raise _Outside
                stack.append((column, {}, ()))
                positions[()] = (number, column + 1)
            while stack[-1][0] > column:
                stack.pop()
                if not stack:
                    raise _Outside
            above, collection, path = stack[-1]
            if above != column:
                raise _Outside
            if dash:
                if not isinstance(collection, list) or len(stack) >= MAX_DEPTH:
                    raise _Outside
                at = (*path, len(collection))
                if key is None:
                    if not item or item[0] == "-":
                        raise _Outside
                    collection.append(_scalar(item.rstrip(" ")))
                    positions[at] = (number, match.start(5) + 1)
                    continue
                collection.append({})
                column = match.start(3)
                positions[at] = (number, column + 1)
                stack.append((column, collection[-1], at))
                collection, path = collection[-1], at
            elif key is None or not isinstance(collection, dict):
                raise _Outside
            if key in collection or key in _WORDS:
                raise _Outside  # the full reader names both lines of a duplicate, and refuses a key that is not text
            at = (*path, key)
            key_positions[at] = (number, column + 1)
            if value is None or not value.strip(" ") or value[0] == "#":
                collection[key] = None
                waiting = (column, collection, at)
                continue
            collection[key] = _scalar(value.rstrip(" "))
            positions[at] = (number, match.start(4) + 1)
    except _Outside:
        return None
    if waiting is not None or not stack:
        return None
    return stack[0][1], positions, key_positions

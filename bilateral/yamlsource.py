"""Read YAML safely, keeping the line of every value and rejecting what plain PyYAML lets through."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32  # the data file nests five levels; far deeper nesting only crashes the reader

# libyaml is an order of magnitude faster; the pure-Python loader is the fallback.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_constructor = yaml.SafeLoader("")  # only its scalar constructors are used
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML, which its marks count

Key = tuple[str | int, ...]
Positions = dict[Key, tuple[int, int]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turn a composed node tree into plain Python, recording where each value and key stands."""

    def __init__(self, path: str):
        self.path = path
        self.positions: Positions = {}
        self.key_positions: Positions = {}
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def note(self, node: yaml.Node, message: str) -> None:
        line, col = _mark(node)
        self.problems.append(Problem(line, col, message, self.path))

    def once(self, node: yaml.Node) -> None:
        # A node met twice is an alias: refusing them all keeps alias bombs from expanding.
        if id(node) in self.seen:
            self.note(node, "anchors and aliases (&, *) are not allowed in this file")
            raise DataError(self.problems)
        self.seen.add(id(node))

    def build(self, node: yaml.Node, at: Key = ()) -> Any:
        self.once(node)
        self.positions[at] = _mark(node)
        tag = node.tag
        if isinstance(node, yaml.MappingNode) and tag == _TAG + "map":
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode) and tag == _TAG + "seq":
            return [self.build(item, (*at, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode):
            if tag in (_TAG + "str", _TAG + "timestamp"):
                return node.value  # dates stay text: the period parser reads them
            if tag == _TAG + "null":
                return None
            read = _SCALARS.get(tag)
            if read is not None:
                try:
                    return read(node)
                except (ValueError, KeyError, IndexError):  # `!!int abc`, or more digits than Python reads
                    shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
                    self.note(node, f"cannot read {shown!r} as {tag.removeprefix(_TAG)}")
                    return None
        self.note(node, f"the YAML tag {tag!r} is not allowed: this file holds plain text, numbers, lists and mappings")
        return None

    def _mapping(self, node: yaml.MappingNode, at: Key) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            self.once(key_node)  # a key can be an anchor or an alias too
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                self.note(key_node, "a key must be plain text")
                continue
            key = key_node.value
            if key in out:
                first = self.key_positions[(*at, key)][0]
                line, _ = _mark(key_node)
                self.note(key_node, f"duplicate key {key!r} at lines {first} and {line}: keep one")
                continue
            self.key_positions[(*at, key)] = _mark(key_node)
            out[key] = self.build(value_node, (*at, key))
        return out


_SCALARS = {
    _TAG + "bool": _constructor.construct_yaml_bool,
    _TAG + "int": _constructor.construct_yaml_int,
    _TAG + "float": _constructor.construct_yaml_float,
}


def _too_deep(text: str) -> yaml.Mark | None:
    """Where the nesting first goes deeper than MAX_DEPTH, found from the parser's events, which need no recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _line_col(text: str, line: int, col: int) -> tuple[int, int]:
    """Keep a position inside the text: the parser puts the end of a file without a final line break past it."""
    lines = _BREAK.split(text)
    return (line, col) if line <= len(lines) else (len(lines), len(lines[-1]) + 1)


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
    try:
        if deep := _too_deep(text):
            fail(f"nested more than {MAX_DEPTH} levels deep: refused", deep.line + 1, deep.column + 1)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        message = " ".join(filter(None, [e.context, e.problem]))
        fail(f"YAML syntax error: {message}", *_line_col(text, mark.line + 1, mark.column + 1) if mark else (1, 1))
    except yaml.reader.ReaderError as e:
        # libyaml counts the position in bytes of UTF-8, the pure-Python reader in characters.
        in_bytes = _Loader is not yaml.SafeLoader
        before = text.encode()[: e.position].decode(errors="ignore") if in_bytes else text[: e.position]
        lines = _BREAK.split(before)
        fail(f"YAML error: unacceptable character #x{e.character:04x}: {e.reason}", len(lines), len(lines[-1]) + 1)
    except yaml.YAMLError as e:
        fail(f"YAML error: {e}")
    if node is None:
        fail("file holds no data")
    builder = _Builder(shown)
    data = builder.build(node)
    return data, builder.positions, builder.key_positions, builder.problems

"""Read any YAML through PyYAML's parser events, keeping the line of every value and refusing what it lets through."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import DataError, Problem
from .yamlsource import MAX_DEPTH, Key, Positions

# libyaml is an order of magnitude faster; the pure-Python loader is the fallback.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_constructor = yaml.SafeLoader("")  # only its tag resolver and scalar constructors are used
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML, which its marks count


def _mark(event: yaml.Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


_SKIP = object()  # the key of a mapping entry that is refused, so its value is not read either
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)


class _Frame:
    """A mapping or list being filled, where it stands, and (for a mapping) its key waiting for a value."""

    __slots__ = ("at", "key", "value")

    def __init__(self, value: dict | list, at: Key):
        self.value = value
        self.at = at
        self.key: Any = None  # None: the next node is a key


class _Reader:
    """Turn the parser's events into plain Python in one pass, recording where each value and key stands.

    No node tree is composed: making one and walking it took twice as long as reading the events, and
    libyaml's composer recurses in C, so that nesting far deeper than MAX_DEPTH crashed the process.
    Here the depth is counted as the events come, and nothing recurses.
    """

    def __init__(self, path: str):
        self.path = path
        self.positions: Positions = {}
        self.key_positions: Positions = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, yaml.Event] = {}  # the node that set each anchor
        self.found = False  # a document with a node

    def note(self, event: yaml.Event, message: str) -> None:
        self.problems.append(Problem(*_mark(event), message, self.path))

    def read(self, events) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        depth = 0
        skipping = 0  # how deep inside a refused collection, whose content is not read
        document: yaml.Event | None = None
        for event in events:
            if isinstance(event, _NODE_EVENTS):
                self._properties(event)
                opens = int(isinstance(event, yaml.CollectionStartEvent))
                depth += opens
                if depth > MAX_DEPTH:
                    message = f"nested more than {MAX_DEPTH} levels deep: refused"
                    raise DataError([Problem(*_mark(event), message, self.path)])
                if skipping:
                    skipping += opens
                    continue
                top = stack[-1] if stack else None
                if top is not None and isinstance(top.value, dict) and top.key is None:
                    top.key = self._key(event, top)
                    skipping = opens
                    continue
                if top is not None and top.key is _SKIP:
                    top.key = None
                    skipping = opens
                    continue
                at = () if top is None else (*top.at, len(top.value) if isinstance(top.value, list) else top.key)
                self.positions[at] = _mark(event)
                value, opened = self._value(event)
                skipping = opens if opened is None else 0
                if top is None:
                    root, self.found = value, True
                elif isinstance(top.value, list):
                    top.value.append(value)
                else:
                    top.value[top.key] = value
                    top.key = None
                if opened is not None:
                    stack.append(_Frame(opened, at))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if skipping:
                    skipping -= 1
                else:
                    stack.pop()
            elif isinstance(event, yaml.DocumentStartEvent):
                if document is not None:  # as yaml.compose says it
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream", document.start_mark,
                        "but found another document", event.start_mark,
                    )  # fmt: skip
                document = event
        return root

    def _properties(self, event: yaml.Event) -> None:
        """Keep where each anchor is set, and refuse any alias at the line of its anchor (so no bomb expands)."""
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
            self.note(self.anchors[event.anchor], "anchors and aliases (&, *) are not allowed in this file")
            raise DataError(self.problems)
        if event.anchor is not None:
            if event.anchor in self.anchors:
                raise yaml.composer.ComposerError(
                    "found duplicate anchor; first occurrence", self.anchors[event.anchor].start_mark,
                    "second occurrence", event.start_mark,
                )  # fmt: skip
            self.anchors[event.anchor] = event

    def _key(self, event: yaml.Event, frame: _Frame) -> Any:
        """The key a node names, or _SKIP when it is refused (and its value with it)."""
        if not isinstance(event, yaml.ScalarEvent) or _scalar_tag(event) != _TAG + "str":
            self.note(event, "a key must be plain text")
            return _SKIP
        key, at = event.value, (*frame.at, event.value)
        if key in frame.value:
            first = self.key_positions[at][0]
            self.note(event, f"duplicate key {key!r} at lines {first} and {_mark(event)[0]}: keep one")
            return _SKIP
        self.key_positions[at] = _mark(event)
        return key

    def _value(self, event: yaml.Event) -> tuple[Any, dict | list | None]:
        """The value a node holds, and the new mapping or list to fill when it opens one."""
        if isinstance(event, yaml.CollectionStartEvent):
            mapping = isinstance(event, yaml.MappingStartEvent)
            tag = event.tag if event.tag not in (None, "!") else None
            if tag is None or tag == _TAG + ("map" if mapping else "seq"):
                opened: dict | list = {} if mapping else []
                return opened, opened
        else:
            tag = _scalar_tag(event)
            if tag in (_TAG + "str", _TAG + "timestamp"):
                return event.value, None  # dates stay text: the period parser reads them
            if tag == _TAG + "null":
                return None, None
            read = _SCALARS.get(tag)
            if read is not None:
                try:
                    return read(yaml.ScalarNode(tag, event.value)), None
                except (ValueError, KeyError, IndexError):  # `!!int abc`, or more digits than Python reads
                    shown = event.value if len(event.value) <= 40 else event.value[:40] + "…"
                    self.note(event, f"cannot read {shown!r} as {tag.removeprefix(_TAG)}")
                    return None, None
        self.note(
            event, f"the YAML tag {tag!r} is not allowed: this file holds plain text, numbers, lists and mappings"
        )
        return None, None


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    """The tag of a scalar as yaml.compose gives it: its own, or the one its plain or quoted text implies."""
    if event.tag is None or event.tag == "!":
        return _constructor.resolve(yaml.ScalarNode, event.value, event.implicit)
    return event.tag


_SCALARS = {
    _TAG + "bool": _constructor.construct_yaml_bool,
    _TAG + "int": _constructor.construct_yaml_int,
    _TAG + "float": _constructor.construct_yaml_float,
}


def _line_col(text: str, line: int, col: int) -> tuple[int, int]:
    """Keep a position inside the text: the parser puts the end of a file without a final line break past it."""
    lines = _BREAK.split(text)
    return (line, col) if line <= len(lines) else (len(lines), len(lines[-1]) + 1)


def read_events(text: str, shown: str) -> tuple[Any, Positions, Positions, list[Problem]]:
    """Read any YAML text through libyaml's events; raise DataError when it cannot be read as YAML at all."""

    def fail(message: str, line: int = 1, col: int = 1):
        raise DataError([Problem(line, col, message, shown)])

    reader = _Reader(shown)
    try:
        data = reader.read(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as e:
        start, stop = e.context_mark, e.problem_mark
        at_stop = _line_col(text, stop.line + 1, stop.column + 1) if stop else (1, 1)
        at_start = _line_col(text, start.line + 1, start.column + 1) if start else at_stop
        if at_start[0] == at_stop[0]:
            message = " ".join(filter(None, [e.context, e.problem]))
            fail(f"YAML syntax error: {message}", *at_stop)
        # An unclosed quote or bracket is noticed lines later, where the parser stops; the line to mend
        # is usually where the broken construct starts. Both are reported, each naming the other.
        raise DataError(
            [
                Problem(
                    *at_start,
                    f"YAML syntax error: {e.context} that starts here: {e.problem} at line {at_stop[0]}",
                    shown,
                ),
                Problem(
                    *at_stop, f"YAML syntax error: {e.problem}, {e.context} that starts at line {at_start[0]}", shown
                ),
            ]
        ) from None
    except yaml.reader.ReaderError as e:
        # libyaml counts the position in bytes of UTF-8, the pure-Python reader in characters.
        in_bytes = _Loader is not yaml.SafeLoader
        before = text.encode()[: e.position].decode(errors="ignore") if in_bytes else text[: e.position]
        lines = _BREAK.split(before)
        fail(f"YAML error: unacceptable character #x{e.character:04x}: {e.reason}", len(lines), len(lines[-1]) + 1)
    except yaml.YAMLError as e:
        fail(f"YAML error: {e}")
    if not reader.found:
        fail("file holds no data")
    return data, reader.positions, reader.key_positions, reader.problems

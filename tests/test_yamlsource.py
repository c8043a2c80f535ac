"""The YAML reader: plain data only, every value with its line, and refusal of what plain PyYAML lets through."""

import pytest

from bilateral import DataError
from bilateral.loading import DATA_FILE
from bilateral.yamlevents import read_events
from bilateral.yamlsource import MAX_BYTES, _read_lines, read_yaml


def refused(path) -> list[tuple[int, str]]:
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    return [(p.line, p.message) for p in caught.value.problems]


def test_the_reader_keeps_the_line_of_every_value_and_key(write_yaml, minimal_yaml, line_of):
    data, positions, key_positions, problems = read_yaml(write_yaml(minimal_yaml))
    assert problems == []
    assert data["indicators"][0]["observations"][1]["value"] == 3.3
    assert positions[("indicators", 0, "observations", 1, "value")] == (line_of("value: 3.3"), 16)
    assert key_positions[("events", 0, "quote")] == (line_of('quote: "the state visit'), 5)


def test_dates_stay_text_for_the_period_parser(write_yaml):
    data, *_ = read_yaml(write_yaml("published: 2025-07-28\nat: 2025-07-28 10:00:00\n"))
    assert data == {"published": "2025-07-28", "at": "2025-07-28 10:00:00"}


def test_a_yaml_syntax_error_is_reported_at_its_line(write_yaml):
    path = write_yaml("sources:\n  - id: a\n    title: [unclosed\nevents: []\n")
    [(opened, message), (stopped, _)] = refused(path)
    assert message.startswith("YAML syntax error: while parsing a flow sequence")
    assert (opened, stopped) == (3, 4)  # where the list opens, and where the parser found it still open


def test_an_unclosed_quote_is_reported_where_it_opens_and_where_the_parser_stops(write_yaml):
    lines = ["sources:", "  - id: a", "    publisher: x", "    title: y", '    note: "unclosed', "    url: z"]
    path = write_yaml("\n".join(lines + ["  - id: b"] + [""] * 4 + ["events: []", "indicators: []"]) + "\n")
    assert refused(path) == [
        (
            5,
            "YAML syntax error: while scanning a quoted scalar that starts here: "
            "found unexpected end of stream at line 14",
        ),
        (14, "YAML syntax error: found unexpected end of stream, while scanning a quoted scalar that starts at line 5"),
    ]


def test_a_bad_indent_is_reported_at_its_line(write_yaml):
    assert refused(write_yaml("sources:\n  - id: a\n   title: b\n")) == [
        (
            2,
            "YAML syntax error: while parsing a block collection that starts here: "
            "did not find expected '-' indicator at line 3",
        ),
        (
            3,
            "YAML syntax error: did not find expected '-' indicator, "
            "while parsing a block collection that starts at line 2",
        ),
    ]


def test_duplicate_key_is_rejected_with_both_lines(write_yaml):
    path = write_yaml("sources:\n  - id: a\n    title: first\n    note: x\n    title: second\n")
    _, _, _, problems = read_yaml(path)
    assert [(p.line, p.message) for p in problems] == [(5, "duplicate key 'title' at lines 3 and 5: keep one")]


@pytest.mark.parametrize(
    ("tagged", "tag"),
    [
        ('!!python/object/apply:os.system ["touch {pwned}"]', "tag:yaml.org,2002:python/object/apply:os.system"),
        ("!!python/object/new:os.system [touch {pwned}]", "tag:yaml.org,2002:python/object/new:os.system"),
        ("!!python/name:os.system ''", "tag:yaml.org,2002:python/name:os.system"),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
        ("!!set {a, b}", "tag:yaml.org,2002:set"),
        ("!custom text", "!custom"),
    ],
)
def test_a_yaml_tag_that_would_build_an_object_is_refused_and_never_run(write_yaml, tmp_path, tagged, tag):
    pwned = tmp_path / "pwned"
    path = write_yaml("sources:\n  - id: a\n    title: " + tagged.replace("{pwned}", str(pwned)) + "\n")
    _, _, _, problems = read_yaml(path)
    assert not pwned.exists()
    assert [(p.line, p.message) for p in problems] == [
        (3, f"the YAML tag {tag!r} is not allowed: this file holds plain text, numbers, lists and mappings")
    ]


def test_a_python_object_tag_fails_the_load_and_creates_nothing(write_yaml, minimal_yaml, tmp_path, problems):
    pwned = tmp_path / "pwned"
    path = write_yaml(minimal_yaml + f'extra: !!python/object/apply:os.system ["touch {pwned}"]\n')
    reported = problems(path)
    assert not pwned.exists()
    refusal = "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: this file holds plain"
    assert (minimal_yaml.count("\n") + 1, refusal + " text, numbers, lists and mappings") in reported


def test_an_alias_bomb_is_refused_without_expanding_it(write_yaml):
    # Ten levels of nine: expanded, the last holds 9**10 (3.5 billion) strings.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write_yaml("\n".join(lines) + "\n")
    assert refused(path) == [(1, "anchors and aliases (&, *) are not allowed in this file")]


def test_an_alias_is_refused_at_the_line_of_its_anchor(write_yaml):
    path = write_yaml("sources:\n  - id: a\n  - &src\n    id: b\n  - *src\n")
    assert refused(path) == [(3, "anchors and aliases (&, *) are not allowed in this file")]


def test_a_file_over_the_size_limit_is_refused_unread(write_yaml):
    path = write_yaml("# " + "x" * MAX_BYTES + "\n")
    assert refused(path) == [(1, "file is larger than 4 MB: refused")]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "file is empty"), ("  \n\n", "file is empty"), ("# only a comment\n", "file holds no data")],
)
def test_an_empty_file_is_refused(write_yaml, text, message):
    assert refused(write_yaml(text)) == [(1, message)]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "with-bom"])
def test_a_file_that_is_not_utf8_is_refused_at_the_bad_byte(tmp_path, bom):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(bom + b"sources:\n  - id: a\n\xe9t\xe9: x\n")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.message) == (3, 1, "not UTF-8 text: save the file as UTF-8")


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: Yeni \xc5\x9eafak\n")
    assert read_yaml(path)[0] == {"title": "Yeni Şafak"}


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    assert refused(tmp_path / "absent.yaml") == [(1, "file not found")]
    assert refused(tmp_path) == [(1, "is a directory, not a data file")]


def test_problems_name_the_path_as_shown(write_yaml):
    with pytest.raises(DataError) as caught:
        read_yaml(write_yaml(""), display="data/indicators.yaml")
    assert str(caught.value) == "data/indicators.yaml:1:1: file is empty"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!int abc", "cannot read 'abc' as int"),
        ("!!int ''", "cannot read '' as int"),
        ("!!float abc", "cannot read 'abc' as float"),
        ("!!bool maybe", "cannot read 'maybe' as bool"),
        ("9" * 5000, f"cannot read {'9' * 40 + '…'!r} as int"),  # past Python's limit on digits read as an int
    ],
    ids=["int-text", "int-empty", "float-text", "bool-maybe", "int-5000-digits"],
)
def test_a_number_or_boolean_that_cannot_be_read_is_a_problem_at_its_line(write_yaml, value, message):
    _, _, _, problems = read_yaml(write_yaml(f"sources:\n  - id: a\n    value: {value}\n"))
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 12, message)]


@pytest.mark.parametrize("depth", [33, 600, 100_000], ids=["just-too-deep", "past-python-recursion", "past-c-stack"])
def test_deep_nesting_is_refused_at_its_line_before_it_is_built(write_yaml, depth):
    # 600 levels overflowed Python's recursion limit and 100 000 crashed the process in libyaml's composer.
    path = write_yaml("sources:\n  - id: a\n    note: " + "[" * depth + "]" * depth + "\n")
    assert refused(path) == [(3, "nested more than 32 levels deep: refused")]


def test_nesting_up_to_the_limit_is_read(write_yaml):
    data, *_ = read_yaml(write_yaml("a: " + "[" * 31 + "]" * 31 + "\n"))
    assert str(data["a"]) == "[" * 31 + "]" * 31


def test_a_control_character_is_refused_at_its_line_and_column_in_one_line(write_yaml):
    # The reader's position counts bytes; the column counts characters, as the other problems do.
    path = write_yaml("sources:\n  - id: a\n    title: Şafak\x00\n")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (3, 17)
    assert problem.message == "YAML error: unacceptable character #x0000: control characters are not allowed"


def test_a_syntax_error_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line(write_yaml):
    [(line, message)] = refused(write_yaml("sources:\n  - id: a\n    quo"))
    assert line == 3
    assert message == "YAML syntax error: while scanning a simple key could not find expected ':'"


def test_a_byte_that_is_not_utf8_is_refused_at_its_column_in_characters(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes("title: Yeni Şafak ".encode() + b"\xff\n")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 19)


@pytest.mark.parametrize(
    "text",
    ["&k publisher: x\nnote: *k\n", "publisher: &v x\n*v : y\n"],
    ids=["key-anchored-value-aliased", "value-anchored-key-aliased"],
)
def test_an_alias_to_or_from_a_key_is_refused(write_yaml, text):
    assert refused(write_yaml(text)) == [(1, "anchors and aliases (&, *) are not allowed in this file")]


def test_the_data_file_is_read_line_by_line_with_the_values_and_positions_of_the_full_reader():
    text = DATA_FILE.read_text(encoding="utf-8")
    lines = _read_lines(text)
    assert lines is not None, "the data file left the part of YAML the line reader knows"
    assert lines == read_events(text, str(DATA_FILE))[:3]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  - x\n  - 'it''s'\n  - \"q \\\"d\\\" \\u00e9\"\n",  # an escape the line reader leaves
        "a:\n- x\n",  # a list at its key's own column
        "a: b\n  c\n",  # a plain value on two lines
        "a: |\n  text\n",
        "a: 2025-07-28\nb: yes\nc: ~\nd: 0x1F\ne: .inf\nf: 1_000\n",
        "a:\nb: 1\n",  # an empty value
        'a: 1 # a comment\nb: "x" # another\n',
        "- a\n- b\n",
        "a: {b: 1}\n",
        "a: 1\na: 2\n",
    ],
)
def test_text_beyond_the_line_reader_is_read_by_the_full_reader_with_the_same_outcome(write_yaml, text):
    events = read_events(text, "x")
    assert read_yaml(write_yaml(text), "x") == events
    lines = _read_lines(text)
    assert lines is None or lines == events[:3]

"""The command line, run as a user runs it: python -m bilateral check|export|schema."""

import csv
import io
import json
import re
import subprocess
import sys

import pytest
import yaml

SUMMARY = r"\d+ sources, \d+ indicators, \d+ observations, \d+ events, \d+ derived values, \d+ divergences"
SOURCE_COLUMNS = ["publisher", "source_url", "quote", "said_by", "derived", "arithmetic"]


@pytest.fixture
def bilateral(root):
    """Run `python -m bilateral ARGS` in the repository; return the completed process."""

    def run(*args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "bilateral", *map(str, args)], cwd=root, capture_output=True, text=True, timeout=120
        )

    return run


# ------------------------------------------------------------------ check


def test_the_real_dataset_checks_clean_in_one_summary_line(bilateral):
    result = bilateral("check", "data/indicators.yaml")
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(rf"data/indicators.yaml: OK: {SUMMARY}\n", result.stdout)


def test_check_without_a_path_checks_the_projects_own_file(bilateral, root):
    result = bilateral("check")
    assert result.returncode == 0
    assert result.stdout.startswith(f"{root / 'data' / 'indicators.yaml'}: OK: ")


def test_the_real_dataset_quotes_stand_word_for_word_in_the_source_texts(bilateral, shared_sources):
    result = bilateral("check", "data/indicators.yaml", "--sources", "../shared/sources")
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(rf"data/indicators.yaml: OK: {SUMMARY}\n", result.stdout)


def test_a_quote_altered_by_one_word_is_reported_as_not_found(bilateral, root, write_yaml, shared_sources):
    text = (root / "data" / "indicators.yaml").read_text(encoding="utf-8")
    original = "Bilateral trade rose by 13.6% last year"
    altered = write_yaml(text.replace(original, "Bilateral trade grew by 13.6% last year"))
    lines = [n for n, line in enumerate(text.splitlines(), 1) if original in line]
    assert lines  # the sentence backs the 2024 level and its growth
    result = bilateral("check", altered, "--sources", "../shared/sources")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{altered}:{n}:16: quote: not found word for word in 002_7a5bb05fc4281607.txt" for n in lines
    ]


def test_a_valid_file_gives_one_summary_line(bilateral, write_yaml, minimal_yaml):
    path = write_yaml(minimal_yaml)
    result = bilateral("check", path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{path}: OK: 1 sources, 1 indicators, 2 observations, 1 events, 0 derived values, 0 divergences\n",
        "",
    )


def test_problems_are_printed_as_path_line_col_message_in_line_order(bilateral, write_yaml, minimal_yaml, line_of):
    text = minimal_yaml.replace("category: visit", "category: visits")
    text = text.replace("value: 4.1", "value: .nan")
    text = text.replace("url: https://example.org/report", "url: file:///etc/passwd")
    path = write_yaml(text)
    result = bilateral("check", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:{line_of('url:')}:10: url: must be an http:// or https:// address",
        f"{path}:{line_of('value: 4.1')}:16: value: must be a finite number, not nan",
        f"{path}:{line_of('category:')}:15: category: 'visits' is not one of 'diplomacy', 'treaty', 'visit', "
        "'economy', 'energy', 'education', 'culture', 'security' or 'migration'",
    ]


def test_a_file_that_cannot_be_read_as_yaml_is_a_problem_not_a_crash(bilateral, write_yaml):
    path = write_yaml("sources:\n  - id: a\n    title: [unclosed\n")
    result = bilateral("check", path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:3:12: YAML syntax error: while parsing a flow sequence that starts here")
    assert f"{path}:4:1: YAML syntax error: " in result.stdout
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2(bilateral, tmp_path):
    result = bilateral("check", tmp_path / "absent.yaml")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"{tmp_path / 'absent.yaml'}: no such file\n"


def test_a_missing_sources_folder_exits_2(bilateral, tmp_path):
    result = bilateral("check", "data/indicators.yaml", "--sources", tmp_path / "nowhere")
    assert (result.returncode, result.stderr) == (2, f"{tmp_path / 'nowhere'}: no such folder\n")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        ([], "the following arguments are required: command"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["export", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "--strict"], "unrecognized arguments: --strict"),
    ],
)
def test_bad_arguments_exit_2_with_usage(bilateral, args, complaint):
    result = bilateral(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: python -m bilateral")
    assert complaint in result.stderr


# ------------------------------------------------------------------ export


def stated_count(root) -> int:
    data = yaml.safe_load((root / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    return sum(len(indicator["observations"]) for indicator in data["indicators"])


def test_export_csv_has_the_source_columns_and_a_row_per_observation_incl_derived(bilateral, root, real_data):
    result = bilateral("export", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(SOURCE_COLUMNS) <= set(rows[0])
    derived = [r for r in rows if r["derived"] == "True"]
    assert len(derived) == int(real_data.observations["derived"].sum()) > 0
    assert len(rows) == stated_count(root) + len(derived)
    assert all(r["arithmetic"] for r in derived)
    assert all(re.fullmatch(r"\d+", r["line"]) for r in rows if r["derived"] == "False")


def test_export_json_is_a_list_of_records_with_iso_dates(bilateral, root):
    result = bilateral("export", "data/indicators.yaml", "--format", "json")
    assert result.returncode == 0
    records = json.loads(result.stdout)
    assert isinstance(records, list) and all(isinstance(r, dict) for r in records)
    assert len(records) == stated_count(root) + sum(r["derived"] for r in records)
    dated = [r for r in records if r["period_start"] is not None]
    assert dated and all(
        re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[k]) for r in dated for k in ("period_start", "period_end")
    )
    gas = next(r for r in records if r["indicator_id"] == "natural_gas_exports_change")
    assert (gas["period_start"], gas["period_end"], gas["base"]) == ("2024-01-01", "2024-10-31", "2023-01..2023-10")


def test_export_neutralises_a_cell_starting_like_a_formula(bilateral, variant):
    path, _ = variant("said_by: Vladimir Putin", "said_by: \"=cmd|' /C calc'!A0\"")
    result = bilateral("export", path)
    assert result.returncode == 0
    [first, _] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert first["said_by"] == "'=cmd|' /C calc'!A0"


def test_export_of_a_file_with_problems_prints_them_and_no_table(bilateral, variant):
    path, line = variant("unit: usd_bn", "unit: usd_billion")
    result = bilateral("export", path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{path}:{line}:11: unit: 'usd_billion' is not one of")

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from bilateral.schema import CATEGORIES, SECTIONS, TOPICS, Observation, json_schema
from bilateral.units import UNITS

SCHEMA_FILE = "data/indicators.schema.json"


def test_the_committed_json_schema_is_up_to_date(root):
    printed = subprocess.run(
        [sys.executable, "-m", "bilateral", "schema"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    committed = (root / SCHEMA_FILE).read_text(encoding="utf-8")
    assert printed == committed, f"{SCHEMA_FILE} is out of date: run `python -m bilateral schema > {SCHEMA_FILE}`"


def test_the_json_schema_lists_the_closed_vocabularies():
    defs = json_schema()["$defs"]
    assert defs["Indicator"]["properties"]["unit"]["enum"] == list(UNITS)
    assert defs["Indicator"]["properties"]["topic"]["enum"] == list(TOPICS)
    assert defs["Event"]["properties"]["category"]["enum"] == list(CATEGORIES)
    assert defs["Observation"]["properties"]["qualifier"]["enum"] == ["exact", "approx", "at_least", "at_most"]
    assert defs["Observation"]["additionalProperties"] is False


def test_the_minimal_file_satisfies_the_contract_with_defaults_filled_in(minimal_yaml):
    data = yaml.safe_load(minimal_yaml)
    records = {section: [SECTIONS[section].record.validate(item) for item in data[section]] for section in data}
    assert [error for section in records.values() for _, errors in section for error in errors] == []
    observation = records["indicators"][0][0].observations[1]
    assert (observation.kind, observation.said_by, observation.translation) == ("actual", None, None)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "4.1", "value: must be a finite number, not the text '4.1'"),
        ("value", float("nan"), "value: must be a finite number, not nan"),
        ("value", float("inf"), "value: must be a finite number, not inf"),
        ("value", True, "value: must be a finite number, not the boolean true"),
        ("value", 10**400, "value: must be a finite number, not int"),
        ("period", True, "period: must be text, not the boolean true"),
        ("period", 2024.5, "period: must be text, not 2024.5"),
        ("period", "2024-13", "period: '2024-13': month 13 does not exist"),
        ("base", "2024/26", "base: '2024/26': an academic year runs into the next year"),
        ("source", "Src A", "source: 'Src A' is not a valid id (a source id: lowercase letters and digits joined by"),
        ("quote", "   ", "quote: must not be empty"),
        ("qualifier", None, "qualifier: None is not one of 'exact', 'approx', 'at_least' or 'at_most'"),
        ("vaule", 4.1, "unknown field 'vaule' (did you mean 'value'?)"),
    ],
)
def test_an_observation_refuses_what_the_contract_forbids(field, value, message):
    record = {"period": "2024", "value": 4.1, "source": "src-a", "quote": "$4.1 billion", field: value}
    refused, errors = Observation.validate(record, ("observations", 0))
    assert refused is None
    assert len(errors) == 1 and errors[0].message.startswith(message)
    assert errors[0].where == ("observations", 0, field)


def test_a_record_reports_every_problem_not_only_the_first():
    _, errors = Observation.validate({"value": "x", "quote": "", "colour": "red"})
    assert sorted(e.message for e in errors) == [
        "missing required field 'source'",
        "quote: must not be empty",
        "unknown field 'colour' (allowed: period, value, unit, qualifier, kind, base, source, said_by, said_by_side, "
        "according_to, according_to_side, quote, translation, note)",
        "value: must be a finite number, not the text 'x'",
    ]


def test_text_is_kept_without_the_spaces_around_it():
    record = {"period": " 2024 ", "value": 3, "source": "src-a", "quote": "  $3 billion\n"}
    observation, _ = Observation.validate(record)
    assert (observation.period, observation.value, observation.quote) == ("2024", 3.0, "$3 billion")


def test_the_schema_file_is_valid_json_naming_the_dataset(root):
    schema = json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["title"] == "Russia-Kyrgyzstan relations dataset"
    assert schema["required"] == ["sources", "indicators", "events"]


def test_an_unquoted_year_means_the_same_as_the_quoted_one():
    record = {"period": 2024, "value": 4.1, "source": "src-a", "quote": "$4.1 billion"}
    assert Observation.validate(record)[0].period == "2024"


@pytest.fixture
def validator(root):
    schema = json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_editors_reading_the_json_schema_accept_the_project_file(validator, root):
    data = yaml.safe_load((root / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(data)] == []


@pytest.mark.parametrize(
    ("change", "refused_at"),
    [
        (lambda d: d["indicators"][0]["observations"][0].update(vaule=4.1), "vaule"),
        (lambda d: d["indicators"][0].update(unit="usd_billion"), "usd_billion"),
        (lambda d: d["indicators"][0]["observations"][0].update(value="4.1"), "'4.1'"),
        (lambda d: d["sources"][0].pop("title"), "'title'"),
        (lambda d: d["events"][0].update(status=None), "None"),
        (lambda d: d.update(sources=[]), "[]"),
    ],
)
def test_editors_reading_the_json_schema_refuse_what_the_check_refuses(validator, minimal_yaml, change, refused_at):
    data = yaml.safe_load(minimal_yaml)
    assert list(validator.iter_errors(data)) == []
    change(data)
    assert any(refused_at in error.message for error in validator.iter_errors(data))

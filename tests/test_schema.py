import json
import subprocess
import sys

import pytest
import yaml
from pydantic import ValidationError

from bilateral.schema import CATEGORIES, TOPICS, DataFile, Observation, json_schema
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


def test_the_minimal_file_satisfies_the_contract(minimal_yaml):
    data = DataFile.model_validate(yaml.safe_load(minimal_yaml))
    observation = data.indicators[0].observations[0]
    assert (observation.qualifier, observation.kind) == ("exact", "actual")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("value", "4.1"),
        ("value", float("nan")),
        ("value", float("inf")),
        ("period", True),
        ("period", "2024-13"),
        ("base", "2024/26"),
        ("source", "Src A"),
        ("quote", "   "),
        ("vaule", 4.1),
    ],
)
def test_an_observation_refuses_what_the_contract_forbids(field, value):
    record = {"period": "2024", "value": 4.1, "source": "src-a", "quote": "$4.1 billion", field: value}
    with pytest.raises(ValidationError):
        Observation.model_validate(record)


def test_the_schema_file_is_valid_json_naming_the_dataset(root):
    schema = json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["title"] == "Russia-Kyrgyzstan relations dataset"
    assert schema["required"] == ["sources", "indicators", "events"]


def test_an_unquoted_year_means_the_same_as_the_quoted_one():
    record = {"period": 2024, "value": 4.1, "source": "src-a", "quote": "$4.1 billion"}
    assert Observation.model_validate(record).period == "2024"

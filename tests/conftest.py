"""Fixtures for the data-layer tests: small YAML texts written to temporary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral import DataError, load

ROOT = Path(__file__).resolve().parents[1]
SHARED_SOURCES = ROOT.parent / "shared" / "sources"

MINIMAL_YAML = """\
sources:
  - id: src-a
    publisher: Publisher A
    title: A report on trade
    published: "2025-11"
    language: en
    accessed: "2026-12-01"
    url: https://example.org/report
indicators:
  - id: trade_turnover
    topic: trade
    label: Bilateral trade turnover
    unit: usd_bn
    observations:
      - period: "2024"
        value: 4.1
        kind: actual
        source: src-a
        said_by: Vladimir Putin
        said_by_side: ru
        quote: "trade reached a record $4.1 billion last year"
        note: "'last year' = 2024: the page is dated 2025-11"
      - period: "2025-01..2025-09"
        value: 3.3
        qualifier: approx
        source: src-a
        quote: "about $3.3 billion from January to September"
events:
  - id: state-visit-2025
    date: "2025-11-26"
    title: State visit
    category: visit
    status: happened
    source: src-a
    quote: "the state visit of November 26"
"""


@pytest.fixture
def root() -> Path:
    """The repository: where `python -m bilateral` runs."""
    return ROOT


@pytest.fixture
def write_yaml(tmp_path):
    """Write a text to a file in a fresh folder and return its path."""

    def write(text: str, name: str = "indicators.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def minimal_yaml() -> str:
    """A valid data file: one source, one indicator with two observations, one event."""
    return MINIMAL_YAML


@pytest.fixture
def variant(write_yaml, minimal_yaml):
    """Write the minimal file with one fragment replaced; return the path and the line of that fragment."""

    def make(old: str, new: str) -> tuple[Path, int]:
        assert minimal_yaml.count(old) == 1, f"{old!r} must occur exactly once in the minimal file"
        return write_yaml(minimal_yaml.replace(old, new)), line_in(minimal_yaml, old)

    return make


@pytest.fixture
def line_of(minimal_yaml):
    """The line of the minimal file where a fragment stands."""
    return lambda fragment: line_in(minimal_yaml, fragment)


def line_in(text: str, fragment: str) -> int:
    assert text.count(fragment) == 1, f"{fragment!r} must occur exactly once"
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def problems():
    """Load a file that must be refused; return its problems as (line, message), in the order reported."""

    def run(path: Path, sources_dir: Path | None = None) -> list[tuple[int, str]]:
        with pytest.raises(DataError) as caught:
            load(path, sources_dir)
        return [(p.line, p.message) for p in caught.value.problems]

    return run


@pytest.fixture
def shared_sources() -> Path:
    """The source texts, which live outside the repository in ../shared/sources."""
    if not SHARED_SOURCES.is_dir():
        pytest.skip("the source texts live outside the repository, in ../shared/sources, which is not present here")
    return SHARED_SOURCES


@pytest.fixture(scope="session")
def real_data():
    """The project's own dataset, loaded once. Read it, never modify it."""
    return load()


@pytest.fixture
def fresh_app(monkeypatch):
    """An empty Streamlit cache and the project's own data file, before and after the test (for AppTest)."""
    import streamlit as st

    monkeypatch.delenv("BILATERAL_DATA", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()

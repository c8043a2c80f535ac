"""`python -m bilateral check` counts, from the checked records and without pandas, what the loader derives and
finds divergent: held here to the loader's own Dataset.summary(). And the check's pause of the garbage collector."""

from __future__ import annotations

import gc
import random
import subprocess
import sys

import pytest

from bilateral import load, loading

PERIODS = ["2022", "2023", "2024", "2024-01..2024-10", "2023-01..2023-10", "2024-H1", "2023-H1", "2024/25"]
VALUES = [0, 1, 2, 2.5, 3, 4.1, 10, 13.6, 40, 42]
QUALIFIERS = ["exact", "approx", "at_least", "at_most"]


def random_file(seed: int) -> str:
    """A valid data file of a few indicators, some of them growth rates, with figures that tempt every rule."""
    rng = random.Random(seed)
    sources = ["src-a", "src-b", "src-c"][: rng.randint(1, 3)]
    lines = ["sources:"]
    for s in sources:
        lines += [
            f"  - id: {s}",
            f"    publisher: {s.upper()}",
            "    title: A report",
            '    published: "2025"',
            "    language: en",
        ]
        lines.append('    accessed: "2026-12-01"')
    lines.append("indicators:")
    levels = [f"level_{i}" for i in range(rng.randint(1, 3))]
    for i, indicator in enumerate([*levels, *(f"growth_{i}" for i in range(rng.randint(0, 2)))]):
        growth = indicator.startswith("growth")
        lines += [f"  - id: {indicator}", "    topic: trade", f"    label: Indicator {i}"]
        lines.append("    unit: percent" if growth or rng.random() < 0.15 else "    unit: usd_bn")
        if growth:
            lines.append(f"    growth_of: {rng.choice(levels)}")
        lines.append("    observations:")
        for _ in range(rng.randint(1, 6)):
            value = rng.choice(VALUES)
            lines += [f'      - period: "{rng.choice(PERIODS)}"', f"        value: {value}"]
            lines.append(f"        qualifier: {rng.choice(QUALIFIERS)}")
            if growth:
                lines.append(f'        base: "{rng.choice(PERIODS)}"')
            elif rng.random() < 0.1:
                lines.append("        kind: target")
            lines += [f"        source: {rng.choice(sources)}", f'        quote: "the figure was {value}"']
    lines.append("events: []")
    return "\n".join(lines) + "\n"


def test_the_summary_of_the_real_file_is_the_loaders(real_data):
    records, problems, _ = loading.check(loading.DATA_FILE)
    assert problems == []
    assert loading.summary(records) == real_data.summary()


@pytest.mark.parametrize("seed", range(60))
def test_the_summary_of_a_made_up_file_is_the_loaders(write_yaml, seed):
    path = write_yaml(random_file(seed))
    records, problems, _ = loading.check(path)
    assert problems == [], problems
    assert loading.summary(records) == load(path).summary()


def test_the_made_up_files_exercise_every_rule(write_yaml):
    """Across the seeds: implied levels, changes, bounds left out, and divergences, compatible or not."""
    seen = {"derived": 0, "not_derived": 0, "divergences": 0, "incompatible": 0}
    for seed in range(60):
        data = load(write_yaml(random_file(seed), name=f"file-{seed}.yaml"))
        seen["derived"] += int(data.observations["derived"].sum())
        seen["not_derived"] += len(data.not_derived)
        seen["divergences"] += data.divergences["group"].nunique()
        seen["incompatible"] += int((~data.divergences["compatible"]).sum())
    assert all(seen.values()), seen


def test_check_prints_the_summary_without_importing_pandas_or_plotly(root):
    code = (
        "import sys; from bilateral.cli import main; status = main(['check']); "
        "print(status, sorted(m for m in ('pandas', 'plotly', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    *_, last = result.stdout.splitlines()
    assert last == "0 []"


@pytest.mark.parametrize("enabled", [True, False])
def test_check_leaves_the_garbage_collector_as_it_found_it(write_yaml, minimal_yaml, enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        loading.check(write_yaml(minimal_yaml))
        assert gc.isenabled() is enabled
        with pytest.raises(loading.DataError):
            loading.check(write_yaml("", name="empty.yaml"))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()

"""Data scaling: `check` and the loader on the real file and on files 10, 100 and 1000 times its size.

    python -m benchmarks.scaling [--full] [--json OUT]

The synthetic files are made by benchmarks/synth.py (the real records repeated under fresh ids).
`python -m bilateral check FILE` is timed as a user runs it, interpreter start included; the
functions loading.check and loading.load are timed in a fresh process each, after their imports
(benchmarks/measure_load.py). The loader refuses a file over yamlsource.MAX_BYTES (4 MB): the
1000x file is over it, so the command is shown refusing it, and the functions are measured on
it below the guard, except the loader, which takes about half a minute and 2 GB there (run with --full).
The growth exponent is the slope of log(time) against log(size).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import PYTHON, ROOT, median, run_with_rusage, write_json

SIZES = [1, 10, 100, 1000]
LOAD_TIMEOUT = 600  # seconds


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) on log(x)."""
    points = [(math.log(x), math.log(y)) for x, y in points if x and y]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def _cli(path: Path, repeats: int) -> dict:
    # As a user's Python runs it: writing and reading bytecode caches, which this machine's environment turns off
    # (PYTHONDONTWRITEBYTECODE), so one unmeasured run first writes the caches of the package's own modules.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [PYTHON, "-m", "bilateral", "check", str(path)]
    run_with_rusage(command, timeout=300, env=env)
    runs = [run_with_rusage(command, timeout=300, env=env) for _ in range(repeats)]
    done = [r for r in runs if r["seconds"] is not None]
    return {
        "seconds": median([r["seconds"] for r in done]) if done else None,
        "min_seconds": min(r["seconds"] for r in done) if done else None,
        "cpu": median([r["cpu"] for r in done]) if done else None,
        "peak_rss_mb": max(r["peak_rss_mb"] for r in done) if done else None,
        "returncode": runs[-1]["returncode"],
        "output": (runs[-1]["stdout"] or runs[-1]["stderr"]).strip().splitlines()[0][:200] if runs else "",
        "repeats": repeats,
    }


def _function(what: str, path: Path, below_guard: bool, timeout: float) -> dict:
    command = [PYTHON, "-m", "benchmarks.measure_load", what, str(path)] + (["--below-guard"] if below_guard else [])
    run = run_with_rusage(command, timeout=timeout)
    if run["seconds"] is None:
        return {"seconds": None, "timeout": timeout}
    if run["returncode"] != 0:
        return {"seconds": None, "error": run["stderr"].strip().splitlines()[-1][:300]}
    return json.loads(run["stdout"])


def measure(full: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="bilateral-scaling-") as folder:
        out = Path(folder)
        rows = []
        for size in SIZES:
            path = ROOT / "data" / "indicators.yaml" if size == 1 else out / f"indicators-{size}x.yaml"
            if size != 1:  # in its own process, so that this one stays small: a child starts with its size
                subprocess.run([PYTHON, "-m", "benchmarks.synth", str(size), str(path)], check=True,
                               capture_output=True, timeout=300)  # fmt: skip
            nbytes = path.stat().st_size
            over = nbytes > _max_bytes()
            row = {"size": size, "bytes": nbytes, "over_guard": over}
            row["cli"] = _cli(path, repeats=1 if over else (9 if size == 1 else 3))
            row["check"] = _function("check", path, over, timeout=300)
            if over and not full:
                row["load"] = {"seconds": None, "skipped": "about 30 s: run with --full"}
            else:
                row["load"] = _function("load", path, over, timeout=LOAD_TIMEOUT)
            print(
                f"{size}x ({nbytes / 1e6:.1f} MB): cli {row['cli']['seconds']} s rc {row['cli']['returncode']}, "
                f"check {row['check'].get('seconds')} s, load {row['load'].get('seconds')} s",
                file=sys.stderr,
            )
            rows.append(row)
            path.unlink(missing_ok=True) if size != 1 else None

    def exponent(key: str, only_accepted: bool = False) -> float | None:
        points = [
            (r["bytes"], r[key]["seconds"])
            for r in rows
            if r[key].get("seconds") and not (only_accepted and r["over_guard"])
        ]
        return slope(points)

    def pairwise(key: str) -> list:
        out = []
        for a, b in itertools.pairwise(rows):
            if a[key].get("seconds") and b[key].get("seconds") and not (key == "cli" and b["over_guard"]):
                points = [(a["bytes"], a[key]["seconds"]), (b["bytes"], b[key]["seconds"])]
                out.append([a["size"], b["size"], slope(points)])
        return out

    return {
        "max_bytes": _max_bytes(),
        "rows": rows,
        "exponents": {
            "cli": exponent("cli", only_accepted=True),
            "check": exponent("check"),
            "load": exponent("load"),
        },
        "pairwise": {key: pairwise(key) for key in ("cli", "check", "load")},
    }


def _max_bytes() -> int:
    from bilateral.yamlsource import MAX_BYTES

    return MAX_BYTES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="also load the 1000x file (about half a minute)")
    parser.add_argument("--json")
    args = parser.parse_args()
    result = measure(args.full)
    print(json.dumps(result["exponents"]), file=sys.stderr)
    if args.json:
        write_json(args.json, result)


if __name__ == "__main__":
    main()

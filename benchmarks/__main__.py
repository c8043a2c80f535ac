"""Run every benchmark and write docs/benchmarks.md.

    python -m benchmarks [--quick | --full] [--only PART ...] [--out docs/benchmarks.md] [--save JSON]
    python -m benchmarks --render JSON      (write the page again from results kept with --save)

Each part runs in its own interpreter (python -m benchmarks.PART --json FILE) with a time limit,
so one failing part is reported as such and the others still run. The whole run takes about
eight minutes on two cores; --quick (fewer repeats) about four; --full adds the loader on the
1000x file, about half a minute more.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import PYTHON, ROOT, machine
from .report import render

PARTS = {
    # part: (arguments, arguments with --quick, time limit in seconds)
    "pages": (["--runs", "15"], ["--runs", "7"], 300),
    "scaling": ([], [], 420),
    "browser": (["--repeats", "3"], ["--repeats", "1"], 720),
    "imports": (["--repeats", "3"], ["--repeats", "1"], 240),
    "profiles": ([], [], 420),
}


def run_part(name: str, quick: bool, folder: Path, everything: bool = False) -> dict:
    full, fast, limit = PARTS[name]
    if everything and name == "scaling":
        full, limit = ["--full"], limit + 600
    out = folder / f"{name}.json"
    start = time.perf_counter()
    print(f"+ python -m benchmarks.{name} {' '.join(fast if quick else full)}", file=sys.stderr, flush=True)
    try:
        run = subprocess.run(
            [PYTHON, "-m", f"benchmarks.{name}", *(fast if quick else full), "--json", str(out)],
            cwd=ROOT,
            timeout=limit,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {limit} s"}
    seconds = time.perf_counter() - start
    if run.returncode != 0 or not out.is_file():
        lines = [line for line in run.stderr.strip().splitlines() if "ScriptRunContext" not in line]
        return {"error": lines[-1] if lines else f"exit code {run.returncode}"}
    result = json.loads(out.read_text(encoding="utf-8"))
    result["_seconds"] = seconds
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--full", action="store_true", help="also load the 1000x file (about half a minute more)")
    parser.add_argument("--only", nargs="+", choices=list(PARTS), help="run only these parts")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--save", help="also keep the raw results as JSON in this file")
    parser.add_argument("--render", metavar="JSON", help="only write the page again from results kept with --save")
    args = parser.parse_args()
    if args.render:
        kept = json.loads(Path(args.render).read_text(encoding="utf-8"))
        results, info, flags = kept["results"], kept["info"], kept["flags"]
        started = datetime.datetime.fromisoformat(kept["started"])
    else:
        started = datetime.datetime.now().astimezone()
        info = machine()
        results = {}
        with tempfile.TemporaryDirectory(prefix="bilateral-benchmarks-") as folder:
            for name in args.only or PARTS:
                results[name] = run_part(name, args.quick, Path(folder), everything=args.full)
        info["finished_load_average"] = machine()["load_average"]
        flags = " --quick" if args.quick else " --full" if args.full else ""
        if args.save:
            kept = {"results": results, "info": info, "flags": flags, "started": started.isoformat()}
            Path(args.save).write_text(json.dumps(kept, indent=1, default=str), encoding="utf-8")
    text = render(results, info, started, flags=flags)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    took = "" if args.render else f" in {(datetime.datetime.now().astimezone() - started).seconds} s"
    print(f"wrote {args.out}{took}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Profiles (cProfile) of the code as it is and as it was before the performance work, side by side.

    python -m benchmarks.profiles [--json OUT]
    python -m benchmarks.profiles --target ROOT WHAT   (one profile of the checkout at ROOT, as JSON)

WHAT is one of:
  warm-PAGE   the page's warm reruns in AppTest (the dashboard opened, switched to the page, run
              twice, then ten reruns profiled): what every rerun of every session costs
  cold        the dashboard's first run in a fresh interpreter: imports, loading the data, the
              overview page built for the first time (what a freshly started server does first)
  check       `python -m bilateral check data/indicators.yaml`, interpreter start excluded

"Before" is the commit BASELINE, taken from git into a temporary folder and run with the same
interpreter; when git or the commit is not there, only the current code is profiled. A package the
baseline pinned that is no longer installed (pydantic) is installed with pip into that folder for it alone.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.metadata
import importlib.util
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from .common import PYTHON, ROOT, median, write_json

BASELINE = "bdc1b13"  # the last commit before the performance work
TARGETS = ["warm-trade", "warm-overview", "warm-timeline", "warm-sources", "cold", "check"]
TOP = 14


def _short(filename: str, line: int, function: str) -> str:
    """A frame's place, relative to its package: site-packages, the standard library or this project."""
    if filename.startswith(("~", "<")):
        return function
    for marker in ("/site-packages/", "/bilateral/", "/pages/", "/benchmarks/"):
        if marker in filename:
            keep = marker.strip("/") + "/" if marker != "/site-packages/" else ""
            return f"{keep}{filename.split(marker, 1)[1]}:{line}({function})"
    if "/lib/python3." in filename:
        return f"stdlib/{filename.split('/lib/python3.', 1)[1].split('/', 1)[1]}:{line}({function})"
    return f"{Path(filename).name}:{line}({function})"


def _table(stats: pstats.Stats, runs: int, skip: tuple[str, ...] = ()) -> list[dict]:
    """The top entries by cumulative time, per run."""
    entries = []
    for (filename, line, function), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        name = _short(filename, line, function)
        if any(s in name for s in skip):
            continue
        entries.append({"function": name, "calls": calls / runs, "ms": cumulative / runs * 1000})
    entries.sort(key=lambda e: -e["ms"])
    return entries[:TOP]


_SKIP = (
    "_run_script_thread",
    "exec_func_with_error_handling",
    "code_to_exec",
    "builtins.exec",
    "<built-in method builtins.exec>",
    "_find_and_load",
    "_load_unlocked",
    "exec_module",
    "_call_with_frames_removed",
    "_handle_fromlist",
    "builtins.__import__",
)


def _profile_page(root: Path, what: str) -> dict:
    """Profile the page's script runs (the script thread of AppTest) in this interpreter."""
    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profile = cProfile.Profile()
    active = {"on": False}
    original = LocalScriptRunner._run_script_thread

    def profiled(self):
        if not active["on"]:
            return original(self)
        profile.enable()
        try:
            return original(self)
        finally:
            profile.disable()

    LocalScriptRunner._run_script_thread = profiled
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=120)
    if what == "cold-time":  # the first run unprofiled, for its time alone
        start = time.perf_counter()
        at.run()
        return {"what": what, "seconds": time.perf_counter() - start}
    if what == "cold":
        active["on"] = True
        at.run()
        seconds = None  # measured unprofiled, in other interpreters: see _run_target
        runs = 1
    else:
        at.run()
        at.switch_page(f"pages/{what.removeprefix('warm-')}.py").run()
        at.run()
        runs = 10
        times = []
        for _ in range(runs):  # unprofiled first, for the time a rerun really takes
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        seconds = sorted(times)[runs // 2]
        active["on"] = True
        for _ in range(runs):
            at.run()
    active["on"] = False
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    stats = pstats.Stats(profile, stream=io.StringIO())
    total = max(v[3] for k, v in stats.stats.items() if k[2] == "_run_script_thread") / runs  # type: ignore[attr-defined]
    return {
        "what": what,
        "runs": runs,
        "seconds": seconds,
        "profiled_seconds": total,
        "top": _table(stats, runs, _SKIP),
    }


def _profile_check(root: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "check.prof"
        subprocess.run(
            [PYTHON, "-m", "cProfile", "-o", str(out), "-m", "bilateral", "check", "data/indicators.yaml"],
            cwd=root,
            check=True,
            capture_output=True,
            timeout=120,
        )
        stats = pstats.Stats(str(out), stream=io.StringIO())
    times = []
    for _ in range(3):  # unprofiled, for the time the command really takes
        start = time.perf_counter()
        subprocess.run([PYTHON, "-m", "bilateral", "check", "data/indicators.yaml"], cwd=root, check=True,
                       capture_output=True, timeout=120)  # fmt: skip
        times.append(time.perf_counter() - start)
    seconds = sorted(times)[1]
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    skip = (
        *_SKIP,
        "_run_module_as_main",
        "_run_code",
        "_get_module_details",
        "cProfile",
        "runctx",
        "run_module",
        "import_module",
        "_gcd_import",
        "builtins.hasattr",
        "__build_class__",
        "runpy.py",
    )
    return {"what": "check", "runs": 1, "seconds": seconds, "profiled_seconds": total, "top": _table(stats, 1, skip)}


def target(root: Path, what: str) -> dict:
    return _profile_check(root) if what == "check" else _profile_page(root, what)


def _run_target(root: Path, what: str) -> dict:
    """One profile in a fresh interpreter whose `bilateral` is the one at root."""
    result = _run_one(root, what)
    if what == "cold" and "error" not in result:  # its time unprofiled: the median of three fresh interpreters
        times = [t for t in (_run_one(root, "cold-time").get("seconds") for _ in range(3)) if t is not None]
        result["seconds"] = median(times) if times else None
    return result


def _run_one(root: Path, what: str) -> dict:
    extra = [str(root / _PACKAGES)] if (root / _PACKAGES).is_dir() else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(ROOT), *extra])}
    env.pop("BILATERAL_DATA", None)
    run = subprocess.run(
        [PYTHON, "-m", "benchmarks.profiles", "--target", str(root), what],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode != 0:
        return {"what": what, "error": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"}
    return json.loads(run.stdout.strip().splitlines()[-1])


def _baseline(folder: Path) -> Path | None:
    """The BASELINE commit's files, or None when they cannot be had."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE], capture_output=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    root = folder / "baseline"
    root.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(root, filter="data")
    _install_missing(root)
    return root


_PACKAGES = "_packages"  # inside the baseline's folder


def _install_missing(root: Path) -> None:
    """Install the runtime pins of the baseline that this environment lacks, into root/_packages alone."""
    pins = (root / "requirements.txt").read_text(encoding="utf-8").split()
    missing = [pin for pin in pins if "==" in pin and not _installed(pin.split("==")[0])]
    if not missing:
        return
    target = root / _PACKAGES
    try:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--target", str(target), *missing],
                       check=True, capture_output=True, timeout=300)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return  # the baseline's profiles then fail, and say so in the report
    # Keep only what this environment lacks, so that the baseline's extra path shadows nothing.
    for entry in target.iterdir():
        if entry.suffix == ".dist-info":
            present = _installed(entry.name.split("-")[0])
        else:
            present = entry.name == "bin" or importlib.util.find_spec(entry.name.removesuffix(".py")) is not None
        if present:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _installed(distribution: str) -> bool:
    try:
        importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def measure(targets: list[str] = TARGETS) -> dict:
    result: dict = {"baseline": BASELINE, "before": {}, "after": {}}
    with tempfile.TemporaryDirectory(prefix="bilateral-profiles-") as folder:
        baseline = _baseline(Path(folder))
        result["baseline_available"] = baseline is not None
        for what in targets:
            result["after"][what] = _run_target(ROOT, what)
            if baseline is not None:
                result["before"][what] = _run_target(baseline, what)
            print(
                f"{what}: before {result['before'].get(what, {}).get('seconds')} s, "
                f"after {result['after'][what].get('seconds')} s",
                file=sys.stderr,
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", nargs=2, metavar=("ROOT", "WHAT"))
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.target:
        print(json.dumps(target(Path(args.target[0]), args.target[1])))
        return
    result = measure()
    if args.json:
        write_json(args.json, result)


if __name__ == "__main__":
    main()

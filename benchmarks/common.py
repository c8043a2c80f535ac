"""What every benchmark shares: paths, medians, the machine's description, and a Streamlit server."""

from __future__ import annotations

import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PAGES = ["overview", "trade", "migration", "energy", "education", "commitments", "timeline", "sources"]
TITLES = {
    "overview": "Overview",
    "trade": "Trade & investment",
    "migration": "Migration",
    "energy": "Energy",
    "education": "Education",
    "commitments": "Commitments",
    "timeline": "Timeline",
    "sources": "Sources & data",
}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
LIBRARIES = ["streamlit", "pandas", "plotly", "pyyaml", "numpy", "pyarrow", "orjson", "playwright"]


def median(values) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def write_json(path: str | Path, value) -> None:
    Path(path).write_text(json.dumps(value, indent=2, default=str), encoding="utf-8")


def machine() -> dict:
    """The machine and software the numbers were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "not found"
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory": memory,
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "libraries": versions,
        "chromium": chromium or "unknown",
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: Path, cwd: Path, port: int, env: dict | None = None) -> subprocess.Popen:
    """`python -m streamlit run SCRIPT` on a loopback port, in its own process group."""
    command = [
        PYTHON, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {seconds} s")


def stop_server(process: subprocess.Popen) -> None:
    """Stop the server's whole process group (it was started in its own session), whatever its state."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run_with_rusage(command: list[str], cwd: Path = ROOT, timeout: float = 300, env: dict | None = None) -> dict:
    """Run a command; return its wall time, exit code, output and the peak RSS of that one child (os.wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - start
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                process.returncode = -9
                return {"seconds": None, "timeout": timeout, "returncode": None, "stdout": "", "stderr": "timed out"}
            time.sleep(0.001)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "seconds": seconds,
            "returncode": process.returncode,
            "cpu": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def navigation_entries() -> str:
    """The dashboard's st.Page entries, for a comparison app's st.navigation: the same titles and URLs."""
    return "\n".join(
        f'        st.Page("pages/{name}.py", title={TITLES[name]!r}, url_path="{name}"'
        + (", default=True" if name == PAGES[0] else "")
        + "),"
        for name in PAGES
    )


def opened_page(name: str):
    """The dashboard run headless with AppTest and switched to a page, as a first visit draws it."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(f"pages/{name}.py").run()
    if at.exception:
        raise RuntimeError(f"{name}: {at.exception[0].message}")
    return at

"""Time one data-layer function on one file, in a fresh process, and print the result as JSON.

    python -m benchmarks.measure_load check|load FILE [--below-guard]

`check` is loading.check (read, validate, cross-check: what `python -m bilateral check` runs)
and `load` is loading.load (check, then the pandas tables, derived values and divergences: what
the app runs). The modules are imported before the clock starts. Peak memory is the process's
peak resident set (VmHWM in /proc/self/status; getrusage where there is no /proc), with its
resident set before the call for comparison. --below-guard
lifts yamlsource.MAX_BYTES, to measure a file the size guard would refuse.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _memory() -> tuple[float, float]:
    """The resident set now and at its peak, in MB. getrusage's peak would include the memory of the
    process this one was forked from; the kernel's own high-water mark of this process does not."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak


def main() -> None:
    what, path = sys.argv[1], sys.argv[2]
    import bilateral.yamlsource as yamlsource
    from bilateral import loading

    if "--below-guard" in sys.argv:  # the reader reads MAX_BYTES + 1 bytes at most: exactly the file then
        yamlsource.MAX_BYTES = max(yamlsource.MAX_BYTES, os.path.getsize(path))
    if what == "load":
        import pandas  # noqa: F401  (imported before the clock, as the app has it by then)

        from bilateral import derived, divergences  # noqa: F401

    before, _ = _memory()
    start = time.perf_counter()
    cpu = time.process_time()
    if what == "check":
        records, problems, _ = loading.check(path)
        outcome = f"{len(problems)} problems" if problems else loading.summary(records)
    else:
        outcome = loading.load(path).summary()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    _, peak = _memory()
    print(
        json.dumps({"seconds": seconds, "cpu": cpu, "rss_before_mb": before, "peak_rss_mb": peak, "outcome": outcome})
    )


if __name__ == "__main__":
    main()

"""Benchmarks of the dashboard: scripts, never timed tests. Run them all with `python -m benchmarks`."""

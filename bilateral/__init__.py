"""Russia–Kyrgyzstan relations data: load, check, derive and compare figures from their sources."""

from .errors import DataError, Problem
from .loading import DATA_FILE, Dataset, check, load

__all__ = ["DATA_FILE", "DataError", "Dataset", "Problem", "check", "load"]

"""Where the library's files are (and, from ``factcheck.caches``, where its caches go).

Kept apart from ``library`` and ``library_cache`` (which import the tables' classes) so
that a run whose every article comes from the result cache can find the library's folders
and the cache without importing them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..caches import cache_dir, temp_beside, write_whole as write_file  # noqa: F401  (re-exported)
from ..errors import DataError


def shipped_data_dir() -> Path:
    package = Path(__file__).resolve().parent.parent  # factcheck/ (this module is factcheck/reference/folders.py)
    for candidate in (package / "reference_data", package.parent / "reference_data"):
        if candidate.is_dir():
            return candidate
    raise DataError("the shipped reference data is missing (reinstall factcheck)")


def check_folders(extra: list[str] | tuple[str, ...]) -> None:
    """Every ``--data`` folder must exist (checked even when no table is read)."""
    for root in extra:
        if not Path(root).is_dir():
            raise DataError(f"--data {Path(root)}: no such folder")

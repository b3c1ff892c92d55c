"""Where the library's files are, and where its caches go.

Kept apart from ``library`` and ``library_cache`` (which import the tables' classes) so
that a run whose every article comes from the result cache can find the library's folders
and the cache without importing them.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def cache_dir() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"


def write_file(folder: Path, name: str, data: str | bytes) -> bool:
    """Write a cache file whole or not at all: to a temporary file beside it, renamed
    into place (the folder made if need be). Best effort, as a cache may be: False when
    it could not be written, and no temporary file is left. The result cache writes its
    entries with it too."""
    tmp = None
    try:
        data = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:  # a lone surrogate: nothing a reader could decode
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = temp_beside(folder, name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, folder / name)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def temp_beside(folder: Path | str, name: str) -> tuple[int, str]:
    """A new, empty file in ``folder``, opened for writing and readable by its owner only,
    named after ``name`` (hidden, ending ``.tmp``): ``tempfile.mkstemp``'s guarantee (the
    file is created, never an existing one opened) without importing ``tempfile``, which
    weighs on every start-up."""
    for _ in range(100):
        path = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")

"""The reference library: every table from the shipped folder and any newsroom folders.

The shipped folder is ``factcheck/reference_data`` inside an installed wheel, or the
repository's top-level ``reference_data/`` in a checkout. Newsroom folders (``--data``)
are added beside it; a table id that clashes with a shipped one is an error unless the
newsroom table's descriptor says ``"overrides": true``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from .tables import EntityInfo, Table, load_entities, load_table, table_folders

CACHE_VERSION = 5


def shipped_data_dir() -> Path:
    package = Path(__file__).resolve().parent.parent  # factcheck/ (this module is factcheck/reference/library.py)
    for candidate in (package / "reference_data", package.parent / "reference_data"):
        if candidate.is_dir():
            return candidate
    raise DataError("the shipped reference data is missing (reinstall factcheck)")


@dataclass
class Library:
    tables: dict[str, Table]
    entities: dict[str, EntityInfo]
    folders: tuple[str, ...] = ()
    _derived: dict = field(default_factory=dict, repr=False)

    def table(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise DataError(f"no table {table_id!r} (see 'factcheck data list')") from None


def load(extra: list[str] | tuple[str, ...] = (), use_cache: bool = True) -> Library:
    """Load the shipped tables plus those in ``extra`` folders."""
    roots = [shipped_data_dir()] + [Path(p) for p in extra]
    for root in roots[1:]:
        if not root.is_dir():
            raise DataError(f"--data {root}: no such folder")
    files = _data_files(roots)
    key = _cache_key(files)
    cached = _read_cache(key) if use_cache else None
    if cached is not None:
        return cached
    library = _build(roots)
    if use_cache:
        _write_cache(key, library)
    return library


def _build(roots: list[Path]) -> Library:
    tables: dict[str, Table] = {}
    entities: dict[str, EntityInfo] = {}
    for position, root in enumerate(roots):
        entities.update(load_entities(root / "entities.csv"))
        for folder in table_folders(root):
            table = load_table(folder)
            if table.id in tables and position > 0 and not table.overrides:
                raise DataError(
                    f"{folder}: table id {table.id!r} clashes with a shipped table "
                    "(rename it, or set \"overrides\": true in its factcheck metadata)")
            tables[table.id] = table
    return Library(tables, entities, tuple(str(r) for r in roots))


def _data_files(roots: list[Path]) -> list[Path]:
    files = []
    for root in roots:
        files.extend(sorted(root.glob("entities.csv")))
        files.extend(sorted(root.glob("*/datapackage.json")))
        files.extend(sorted(root.glob("*/*.csv")))
    return files


def _cache_key(files: list[Path]) -> str:
    digest = hashlib.sha256(str(CACHE_VERSION).encode())
    for f in files:
        st = f.stat()
        digest.update(f"{f.resolve()}|{st.st_mtime_ns}|{st.st_size}\n".encode())
    return digest.hexdigest()[:32]


def cache_dir() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    base = os.environ.get("FACTCHECK_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "factcheck" if not os.environ.get("FACTCHECK_CACHE_DIR") else root


def _read_cache(key: str) -> Library | None:
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"library-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _write_cache(key: str, library: Library) -> None:
    """Best effort: a cache that can't be written only costs time."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("library-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = folder / f".library-{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as handle:
            pickle.dump(library, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"library-{key}.pickle")
    except OSError:
        pass

"""The reference library: every table from the shipped folder and any newsroom folders.

The shipped folder is ``factcheck/reference_data`` inside an installed wheel, or the
repository's top-level ``reference_data/`` in a checkout. Newsroom folders (``--data``)
are added beside it; a table id that clashes with a shipped one is an error unless the
newsroom table's descriptor says ``"overrides": true``.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from ..dataclassgen import dataclass
from ..errors import DataError
from . import library_cache
from .folders import check_folders, shipped_data_dir  # noqa: F401  (part of this module's interface)
from .tables import EntityInfo, Table, load_entities, load_table, table_folders


@dataclass
class Library:
    """Every reference table and entity factcheck checks against."""

    tables: dict[str, Table]
    entities: dict[str, EntityInfo]
    folders: tuple[str, ...] = ()
    problems: tuple = ()
    """The validator's verdict (``validate.Problem``s), computed when the library was
    built and cached with it: a warm run never validates again."""
    refusal: str | None = None
    """One line naming the first problem that stops a check, or None."""
    _derived: dict = field(default_factory=dict, repr=False)

    def table(self, table_id: str) -> Table:
        try:
            return self.tables[table_id]
        except KeyError:
            raise DataError(f"no table {table_id!r} (see 'factcheck data list')") from None


def load(extra: list[str] | tuple[str, ...] = (), use_cache: bool = True, refuse: bool = True) -> Library:
    """Load the shipped tables plus those in ``extra`` folders. A library that breaks a
    blocking validation rule raises ``DataError`` naming file, line and rule (unless
    ``refuse`` is false: ``data validate`` wants to list every problem itself)."""
    roots = [shipped_data_dir()] + [Path(p) for p in extra]
    check_folders(extra)
    folder = library_cache.cache_dir() if use_cache else None
    key = library_cache.lookup_key(roots, library_cache.data_files(roots), folder) if folder else None
    library = library_cache.read(folder, key)
    if library is None:
        library = _build(roots)
        _judge(library, roots)
        library_cache.write(folder, key, library)
    if refuse and library.refusal:
        raise DataError(library.refusal)
    return library


def _judge(library: Library, roots: list[Path]) -> None:
    """Validate a freshly built library and keep the verdict on it (imports the
    validator, so only when the cache is cold)."""
    from .validate import blocking, validate_library

    problems = validate_library(roots, list(library.tables.values()), library.entities, shipped=roots[0])
    for table in library.tables.values():
        table._index.clear()  # the Facts validation built: the cache keeps plain cells only
        table.lines = table.widths = ()  # row positions matter only to the verdict, now made
    library.problems = tuple(problems)
    stops = [p for p in problems if blocking(p)]
    if stops:
        more = f" (and {len(stops) - 1} more)" if len(stops) > 1 else ""
        library.refusal = (f"the reference data does not validate: {stops[0]}{more}; "
                           "run 'factcheck data validate' to see every problem")


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


def cache_dir() -> Path | None:
    """Where the parsed library is cached (None when ``FACTCHECK_NO_CACHE`` is set)."""
    return library_cache.cache_dir()

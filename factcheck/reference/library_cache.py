"""The parsed library, cached as JSON: a file that is only ever read as data.

Building the library (parse every table, validate it) costs 0.1 s for the shipped data and
seconds for a big newsroom library; a warm run reads it back from here instead. The old
cache was a pickle, and unpickling a crafted file runs code, so this one is plain JSON
read by a decoder that checks every value's shape and type and rebuilds the objects
itself. Any doubt (unreadable, not JSON, another layout or factcheck version, another
key, a wrong shape) is a miss: the library is rebuilt and nothing is said.

One entry per library content: the key is a SHA-256 over the layout version, factcheck's
version, each root's resolved path, and the name and bytes of every data file of every
root (``entities.csv``, ``source_policy.json``, ``*/datapackage.json``, ``*/*.csv``).
Hashing a big library's bytes takes a while, so ``index.json`` remembers which key a set
of file stats (path, size, mtime, ctime, inode) had: an unchanged library is found by
``stat`` alone, and any write to a file changes its ctime and so sends it back to hashing.

Entries live in ``$FACTCHECK_CACHE_DIR`` (else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``); ``FACTCHECK_NO_CACHE=1`` turns the cache off. The newest
``KEEP`` entries are kept (switching between two checkouts or data sets stays warm), and
every file is written to a temporary name and renamed, so a reader never sees half a file.

An entry is one line of JSON header (layout and the SHA-256 of the rest) and the library
as JSON: a file cut short or damaged is caught before it is parsed. The rows of every
table are stored by column: the column's distinct strings, and one character per cell
whose code point is the string's place among them (the file is ASCII, others escaped). Equal cells (entity, metric, source)
stay one string in memory after loading, and ``map``/``zip`` rebuild the row tuples
without a Python loop per row (a warm load takes about twice the pickle's time, a
tenth of a parse; docs/benchmarks.md).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from itertools import repeat
from pathlib import Path

from .. import __version__
from ..errors import Problem
from .folders import cache_dir, write_file  # noqa: F401  (re-exported: older callers)
from .tables import COLUMNS, Edition, EntityInfo, Metric, Scenario, Table

LAYOUT = 3
"""Bump when the entry's layout or the objects it rebuilds change shape."""
KEEP = 8
"""How many entries (distinct library contents) are kept; older ones are removed."""
INDEX_SIZE = 64
PREFIX = "library-"
SUFFIX = ".json"


class _Doubt(Exception):
    """The entry is not one this version wrote: rebuild."""


# --- where ---------------------------------------------------------------------------

def data_files(roots: list[Path]) -> list[tuple[Path, Path]]:
    """Every data file of every root, as ``(root, file)`` in a fixed order."""
    files = []
    for root in roots:
        for pattern in ("entities.csv", "source_policy.json", "*/datapackage.json", "*/*.csv"):
            files.extend((root, f) for f in sorted(root.glob(pattern)))
    return files


# --- the key ---------------------------------------------------------------------------

def _stat_signature(roots: list[Path], files: list[tuple[Path, Path]]) -> str | None:
    digest = hashlib.sha256(f"{LAYOUT}|{__version__}\n".encode())
    for root in roots:
        digest.update(f"root|{root.resolve()}\n".encode())
    for _, f in files:
        try:
            st = f.stat()
        except OSError:
            return None
        digest.update(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}\n".encode())
    return digest.hexdigest()


def content_key(roots: list[Path], files: list[tuple[Path, Path]]) -> str | None:
    """The SHA-256 of everything the library is built from (None if a file can't be read:
    then there is nothing safe to cache, and the build says what is wrong)."""
    digest = hashlib.sha256(f"factcheck-library|{LAYOUT}|{__version__}\n".encode())
    for position, root in enumerate(roots):
        digest.update(f"root|{position}|{root.resolve()}\n".encode())
    for root, f in files:
        try:
            data = f.read_bytes()
        except OSError:
            return None
        name = f.relative_to(root).as_posix()
        digest.update(f"file|{roots.index(root)}|{name}|{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def lookup_key(roots: list[Path], files: list[tuple[Path, Path]], folder: Path | None) -> str | None:
    """The content key, found from the files' stats when they are unchanged."""
    signature = _stat_signature(roots, files)
    index = _read_index(folder) if folder is not None and signature else {}
    key = index.get(signature) if signature else None
    if key is not None:
        return key
    key = content_key(roots, files)
    if key is not None and signature and folder is not None:
        index[signature] = key
        _write_index(folder, index)
    return key


def _read_index(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("layout") != LAYOUT or not isinstance(data.get("keys"), dict):
        return {}
    return {k: v for k, v in data["keys"].items() if isinstance(v, str) and _is_key(v)}


def _write_index(folder: Path, index: dict[str, str]) -> None:
    kept = dict(list(index.items())[-INDEX_SIZE:])
    write_file(folder, "index.json", json.dumps({"layout": LAYOUT, "keys": kept}))


def _is_key(key: str) -> bool:
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)


# --- reading and writing entries ---------------------------------------------------------

def read(folder: Path | None, key: str | None):
    """The cached ``Library`` for ``key``, or None (missing, or any doubt about it)."""
    if folder is None or key is None or not _is_key(key):
        return None
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    collecting = gc.isenabled()
    gc.disable()  # a big library is a million small objects, none of them cyclic
    try:
        with path.open("rb") as handle:
            head = handle.readline()
            body = handle.read()  # not one read and a split: that would hold the entry twice
        header = json.loads(head)
        if type(header) is not dict or header.get("layout") != LAYOUT \
                or header.get("sha256") != hashlib.sha256(body).hexdigest():
            return None  # cut short, damaged or edited: rebuild
        text = body.decode("ascii")
        del body  # json.loads(bytes) would decode a second copy while holding this one
        data = json.loads(text)
        del text
        library = decode(data, key)
    except (OSError, ValueError, RecursionError, MemoryError, _Doubt, TypeError, KeyError,
            IndexError, AttributeError):
        return None
    finally:
        if collecting:
            gc.enable()
    try:
        os.utime(path)  # recently used: pruned last
    except OSError:
        pass
    return library


def write(folder: Path | None, key: str | None, library) -> None:
    """Best effort: a cache that can't be written only costs time."""
    if folder is None or key is None or not _is_key(key):
        return
    try:
        data = dump(encode(library, key))
    except (TypeError, ValueError):  # something not plain data: better no cache than a wrong one
        return
    if write_file(folder, f"{PREFIX}{key}{SUFFIX}", data):
        prune(folder)


def dump(entry: dict) -> bytes:
    """The bytes of an entry file: a header line (layout, SHA-256 of the rest), then the entry."""
    # ASCII only: a file with one character past U+FFFF would be parsed as a text four
    # bytes wide (1 GB of peak memory for a million rows); escapes keep it one byte wide.
    body = json.dumps(entry, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")
    header = json.dumps({"layout": LAYOUT, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    return header + b"\n" + body


def prune(folder: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used entries, and the old pickles."""
    try:
        entries = []
        for path in folder.glob(f"{PREFIX}*"):
            if path.name.endswith(".pickle"):
                path.unlink(missing_ok=True)  # the old, unsafe format: never read again
            elif path.name.endswith(SUFFIX):
                try:
                    entries.append((path.stat().st_mtime_ns, path.name, path))
                except OSError:
                    pass
        entries.sort(reverse=True)
        for _, _, path in entries[keep:]:
            path.unlink(missing_ok=True)
    except OSError:
        pass


# --- the layout ----------------------------------------------------------------------------

# How each field of the cached objects is written and checked. ``tests`` check that these
# name every field, so a new field can't be silently left out of the cache.
STR, OPT_STR, INT, OPT_INT, BOOL, FLOAT = "str", "str?", "int", "int?", "bool", "float"
STRS, INTS, PAIRS, DICT, LIST = "strs", "ints", "pairs", "dict", "list"

METRIC_FIELDS = {"id": STR, "label": STR, "kind": STR, "unit": STR, "aliases": STRS,
                 "loose_aliases": DICT, "out_of": OPT_STR, "default": BOOL, "definition": STR,
                 "not_with": STRS}
EDITION_FIELDS = {"id": STR, "title": STR, "published": STR, "number": OPT_INT}
SCENARIO_FIELDS = {"id": STR, "label": STR, "role": STR}
ENTITY_FIELDS = {"name": STR, "kind": STR, "aliases": STRS, "demonyms": STRS}
PROBLEM_FIELDS = {"file": STR, "row": OPT_INT, "field": OPT_STR, "message": STR, "rule": STR}
TABLE_FIELDS = {
    "id": STR, "title": STR, "publisher": STR, "homepage": STR, "folder": STR,
    "names": STRS, "publisher_names": STRS, "entity_kind": STR, "default_entity": OPT_STR,
    "entities": DICT, "period_kind": STR, "ranks_unique": BOOL, "default_scenario": OPT_STR,
    "tolerance": FLOAT, "examples": LIST, "overrides": BOOL, "subject_words": STRS, "topic_words": STRS,
    "publisher_hosts": STRS, "cadence": INTS, "lines": INTS, "widths": PAIRS,
}
TABLE_NESTED = ("editions", "metrics", "scenarios", "notices", "cells")
"""Table fields written by hand below (and ``_index``, never cached)."""
_TABLE_KEYS = set(TABLE_FIELDS) | {"editions", "metrics", "scenarios", "notices", "rows", "columns"}


def _value(kind: str, value):
    """``value`` as ``kind`` describes it, or ``_Doubt``."""
    if kind == STR:
        ok = type(value) is str
    elif kind == OPT_STR:
        ok = value is None or type(value) is str
    elif kind == INT:
        ok = type(value) is int
    elif kind == OPT_INT:
        ok = value is None or type(value) is int
    elif kind == BOOL:
        ok = type(value) is bool
    elif kind == FLOAT:
        ok = type(value) is float
    elif kind == DICT:
        ok = type(value) is dict
    elif kind == LIST:
        ok = type(value) is list
    elif kind == STRS:
        if type(value) is not list or not all(type(v) is str for v in value):
            raise _Doubt(kind)
        return tuple(value)
    elif kind == INTS:
        if type(value) is not list or not all(type(v) is int for v in value):
            raise _Doubt(kind)
        return tuple(value)
    elif kind == PAIRS:
        if type(value) is not list or not all(
                type(v) is list and len(v) == 2 and type(v[0]) is int and type(v[1]) is int for v in value):
            raise _Doubt(kind)
        return tuple(tuple(v) for v in value)
    else:  # pragma: no cover - a typo in the tables above
        raise AssertionError(kind)
    if not ok:
        raise _Doubt(kind)
    return value


def _encode_obj(obj, spec: dict) -> list:
    return [_plain(getattr(obj, name)) for name in spec]


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _decode_obj(cls, raw, spec: dict):
    if type(raw) is not list or len(raw) != len(spec):
        raise _Doubt(cls.__name__)
    return cls(**{name: _value(kind, item) for (name, kind), item in zip(spec.items(), raw)})


def _keyed(raw, cls, spec: dict) -> dict:
    """A dict of records kept in order as ``[[key, record], ...]``."""
    if type(raw) is not list:
        raise _Doubt(cls.__name__)
    out = {}
    for pair in raw:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
            raise _Doubt(cls.__name__)
        out[pair[0]] = _decode_obj(cls, pair[1], spec)
    return out


def encode(library, key: str) -> dict:
    tables = []
    for table in library.tables.values():
        record = {name: _plain(getattr(table, name)) for name in TABLE_FIELDS}
        record["editions"] = [[k, _encode_obj(v, EDITION_FIELDS)] for k, v in table.editions.items()]
        record["metrics"] = [[k, _encode_obj(v, METRIC_FIELDS)] for k, v in table.metrics.items()]
        record["scenarios"] = [[k, _encode_obj(v, SCENARIO_FIELDS)] for k, v in table.scenarios.items()]
        record["notices"] = [_encode_obj(p, PROBLEM_FIELDS) for p in table.notices]
        if any(len(row) != len(COLUMNS) for row in table.cells):
            raise ValueError("a row of the wrong width")
        record["rows"] = len(table.cells)
        record["columns"] = [_encode_column(column) for column in zip(*table.cells)] \
            if table.cells else [{"pool": [], "codes": ""} for _ in COLUMNS]
        tables.append(record)
    return {
        "layout": LAYOUT, "factcheck": __version__, "key": key,
        "folders": list(library.folders),
        "refusal": library.refusal,
        "problems": [_encode_obj(p, PROBLEM_FIELDS) for p in library.problems],
        "entities": [[k, _encode_obj(v, ENTITY_FIELDS)] for k, v in library.entities.items()],
        "tables": tables,
    }


def decode(data, key: str):
    """Rebuild the ``Library`` from a parsed entry, checking every value; ``_Doubt`` (or
    a ``TypeError``/``IndexError`` from a malformed one) means rebuild."""
    from .library import Library

    if type(data) is not dict or data.get("layout") != LAYOUT or data.get("factcheck") != __version__ \
            or data.get("key") != key:
        raise _Doubt("another version or key")
    tables = {}
    raw_tables = data["tables"]
    if type(raw_tables) is not list:
        raise _Doubt("tables")
    for raw in raw_tables:
        if type(raw) is not dict or set(raw) != _TABLE_KEYS:
            raise _Doubt("table")
        values = {name: _value(kind, raw[name]) for name, kind in TABLE_FIELDS.items()}
        values["editions"] = _keyed(raw["editions"], Edition, EDITION_FIELDS)
        values["metrics"] = _keyed(raw["metrics"], Metric, METRIC_FIELDS)
        values["scenarios"] = _keyed(raw["scenarios"], Scenario, SCENARIO_FIELDS)
        notices = raw["notices"]
        if type(notices) is not list:
            raise _Doubt("notices")
        values["notices"] = tuple(_decode_obj(Problem, p, PROBLEM_FIELDS) for p in notices)
        values["cells"] = _cells(raw["rows"], raw["columns"])
        raw["columns"] = None  # the column strings can go as soon as the rows are built
        tables[values["id"]] = Table(**values)
    entities = _keyed(data["entities"], EntityInfo, ENTITY_FIELDS)
    problems = data["problems"]
    if type(problems) is not list:
        raise _Doubt("problems")
    folders = _value(STRS, data["folders"])
    refusal = _value(OPT_STR, data["refusal"])
    return Library(tables, entities, folders,
                   tuple(_decode_obj(Problem, p, PROBLEM_FIELDS) for p in problems), refusal)


_SURROGATES = range(0xD800, 0xE000)
_MAX_CODE = 0x10FFFF
_FIRST_CODE = 35
"""Codes start past the control characters, the space and the quote, so a column of a
few distinct values is one plain ASCII byte per cell in the file."""


def _encode_column(column: tuple[str, ...]) -> dict:
    """A column as its distinct strings and one character per cell (the character's code
    point is the string's place in ``pool``; the surrogates, which UTF-8 can't carry, are
    skipped with empty fillers). More distinct strings than code points: a list of ints."""
    places: dict[str, int] = {}
    pool: list[str] = [""] * _FIRST_CODE
    codes = []
    for cell in column:
        place = places.get(cell)
        if place is None:
            if len(pool) == _SURROGATES.start:
                pool.extend([""] * len(_SURROGATES))
            place = places[cell] = len(pool)
            pool.append(cell)
        codes.append(place)
    if len(pool) > _MAX_CODE:
        return {"pool": pool, "ints": codes}
    return {"pool": pool, "codes": "".join(map(chr, codes))}


def _cells(rows, columns) -> list[tuple[str, ...]]:
    """The row tuples, built by ``zip`` straight from per-column iterators: no list per
    column is ever held (at a million rows that halves the peak memory of a warm load)."""
    if type(rows) is not int or type(columns) is not list or len(columns) != len(COLUMNS):
        raise _Doubt("columns")
    decoded = []
    for column in columns:
        if type(column) is not dict or set(column) not in ({"pool", "codes"}, {"pool", "ints"}):
            raise _Doubt("column")
        pool = column["pool"]
        if type(pool) is not list or not set(map(type, pool)) <= {str}:
            raise _Doubt("pool")
        if "codes" in column:
            codes = column["codes"]
            if type(codes) is not str or len(codes) != rows:
                raise _Doubt("codes")
            if len(pool) == 1 and not codes.strip("\x00"):
                decoded.append(repeat(pool[0], rows))  # one value all down the column (common)
                continue
            decoded.append(map(pool.__getitem__, map(ord, codes)))
        else:
            codes = column["ints"]
            if type(codes) is not list or len(codes) != rows or not set(map(type, codes)) <= {int}:
                raise _Doubt("ints")
            decoded.append(map(pool.__getitem__, codes))
    return list(zip(*decoded))  # a code past its pool: IndexError here, a miss

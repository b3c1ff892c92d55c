"""The library cache (factcheck/reference/library_cache.py): JSON read by a checking
decoder, so a crafted or broken cache file never runs code and never raises; the warm
library is exactly the cold one; one entry per library content, several kept."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import DataError, Problem
from factcheck.reference import library, library_cache
from factcheck.reference.tables import Edition, EntityInfo, Metric, Scenario, Table

from .test_broken_data import CASES, build_case, build_good


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    return folder


def _state(lib: library.Library) -> tuple:
    for table in lib.tables.values():
        table._index.clear()  # lazily built lookups, never cached
    return (lib.tables, list(lib.tables), lib.entities, list(lib.entities), lib.folders,
            lib.problems, lib.refusal)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("library-*.json"))


def test_the_layout_names_every_field():
    assert set(library_cache.TABLE_FIELDS) | set(library_cache.TABLE_NESTED) | {"_index"} == \
        {f.name for f in dataclasses.fields(Table)}
    for cls, spec in ((Metric, library_cache.METRIC_FIELDS), (Edition, library_cache.EDITION_FIELDS),
                      (Scenario, library_cache.SCENARIO_FIELDS), (EntityInfo, library_cache.ENTITY_FIELDS),
                      (Problem, library_cache.PROBLEM_FIELDS)):
        assert list(spec) == [f.name for f in dataclasses.fields(cls)], cls
    assert {f.name for f in dataclasses.fields(library.Library)} == \
        {"tables", "entities", "folders", "problems", "refusal", "_derived"}


def test_the_warm_library_is_the_cold_one(tmp_path, cache):
    data = build_good(tmp_path / "data")
    cold = library.load([str(data)], use_cache=False)
    first = library.load([str(data)])  # builds and writes the entry
    assert len(_entries(cache)) == 1
    warm = library.load([str(data)])
    assert _state(warm) == _state(cold) == _state(first)
    assert not list(cache.glob("*.tmp")) and not list(cache.glob(".*"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_broken_libraries_round_trip_their_verdict(tmp_path, cache, case):
    """Every catalogue case that loads at all: problems and refusal come back exactly."""
    data = build_case(tmp_path / "data", case)
    try:
        cold = library.load([str(data)], use_cache=False, refuse=False)
    except DataError:
        return  # not loadable at all: nothing is cached
    library.load([str(data)], refuse=False)
    warm = library.load([str(data)], refuse=False)
    assert _state(warm) == _state(cold)


def _marker_payload(marker: Path) -> bytes:
    class Boom:
        def __reduce__(self):
            return (Path.touch, (marker,))
    return pickle.dumps(Boom())


def _with_digest(body: bytes) -> bytes:
    header = {"layout": library_cache.LAYOUT, "sha256": hashlib.sha256(body).hexdigest()}
    return json.dumps(header).encode() + b"\n" + body


def _corruptions(good: bytes, entry: dict, marker: Path) -> dict[str, bytes]:
    def changed(**changes) -> bytes:  # well formed and with the right digest: the decoder's checks
        return library_cache.dump({**entry, **changes})

    def columns(make) -> bytes:
        return changed(tables=[{**table, "columns": [make(c) for c in table["columns"]]}] + entry["tables"][1:])

    head, _, body = good.partition(b"\n")
    table = dict(entry["tables"][0])
    return {
        "a pickle that runs code": _marker_payload(marker),
        "empty": b"",
        "cut short": good[: len(good) // 2],
        "one byte changed": head + b"\n" + body.replace(b"Japan", b"Jap\x00n", 1),
        "no header": body,
        "not UTF-8": b"\xff\xfe{}",
        "not an object": library_cache.dump([1, 2, 3]),
        "null": library_cache.dump(None),
        "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
        "nested 100,000 deep, right digest": _with_digest(b"[" * 100_000 + b"]" * 100_000),
        "another layout": changed(layout=library_cache.LAYOUT + 1),
        "another factcheck": changed(factcheck="0.0.0-other"),
        "another key": changed(key="0" * 64),
        "a pool of numbers": columns(lambda c: {**c, "pool": list(range(len(c["pool"])))}),
        "a code past the pool": columns(lambda c: {**c, "codes": chr(0x10000) * table["rows"]}),
        "codes not text": columns(lambda c: {**c, "codes": [0] * table["rows"]}),
        "a column too short": columns(lambda c: {**c, "codes": c["codes"][:-1]}),
        "a column of the wrong shape": columns(lambda c: [c["pool"], c["codes"]]),
        "a table field missing": changed(tables=[{k: v for k, v in table.items() if k != "title"}]),
        "a table field of the wrong type": changed(tables=[{**table, "tolerance": "abc"}]),
        "a metric of the wrong shape": changed(tables=[{**table, "metrics": [["x", [1]]]}]),
        "problems not a list": changed(problems={"a": 1}),
        "entities of the wrong shape": changed(entities=[["Japan", ["Japan", "country", "JP", []]]]),
        "refusal not text": changed(refusal=3),
    }


def test_a_crafted_or_broken_entry_never_runs_and_never_raises(tmp_path, cache):
    data = build_good(tmp_path / "data")
    cold = _state(library.load([str(data)], use_cache=False))
    library.load([str(data)])
    [path] = _entries(cache)
    good = path.read_bytes()
    entry = json.loads(good.partition(b"\n")[2])
    marker = tmp_path / "ran"
    for name, content in _corruptions(good, entry, marker).items():
        path.write_bytes(content)
        assert _state(library.load([str(data)])) == cold, name
        assert not marker.exists(), name
        assert path.read_bytes() == good, name  # rebuilt in place
    # A pickle under the old name is never read, and is removed.
    old = cache / "library-0123.pickle"
    old.write_bytes(_marker_payload(marker))
    path.unlink()
    assert _state(library.load([str(data)])) == cold
    assert not marker.exists() and not old.exists()


def test_a_broken_index_is_a_miss(tmp_path, cache):
    data = build_good(tmp_path / "data")
    cold = _state(library.load([str(data)], use_cache=False))
    library.load([str(data)])
    for content in (b"", b"[]", b'{"layout": 1, "keys": {"x": 5}}', b'{"layout": 1, "keys": []}', b"\x00"):
        (cache / "index.json").write_bytes(content)
        assert _state(library.load([str(data)])) == cold


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_JSON = st.recursive(st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                     max_leaves=8)


@pytest.fixture(scope="module")
def _entry(tmp_path_factory):
    data = build_good(tmp_path_factory.mktemp("lib") / "data")
    lib = library.load([str(data)], use_cache=False)
    return library_cache.encode(lib, "a" * 64)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            yield from _paths(v, prefix + (i,))


@_SETTINGS
@given(data=st.data())
def test_any_change_to_an_entry_decodes_or_is_a_miss(_entry, data):
    """Replace any one value of a good entry by any JSON value: the reader returns a
    library or None, never an exception."""
    paths = [p for p in _paths(_entry) if p]
    where = data.draw(st.sampled_from(paths))
    value = data.draw(_JSON)
    changed = json.loads(json.dumps(_entry))
    target = changed
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"fc-cache-prop-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    (folder / f"library-{'a' * 64}.json").write_bytes(library_cache.dump(changed))
    result = library_cache.read(folder, "a" * 64)
    assert result is None or isinstance(result, library.Library)


def test_one_entry_per_content_and_several_kept(tmp_path, cache, monkeypatch):
    folders = []
    for n in range(3):
        data = build_good(tmp_path / f"data{n}")
        folders.append(data)
        library.load([str(data)])
    assert len(_entries(cache)) == 3  # three libraries (their roots differ): three entries
    library.load([str(folders[0])])
    assert len(_entries(cache)) == 3  # found again, not added
    monkeypatch.setattr(library_cache, "KEEP", 2)
    library_cache.prune(cache, keep=2)
    assert len(_entries(cache)) == 2


def test_a_changed_file_is_seen_even_with_the_same_size_and_time(tmp_path, cache):
    data = build_good(tmp_path / "data")
    facts = data / "gadget_index" / "facts.csv"
    before = library.load([str(data)])
    text = facts.read_text(encoding="utf-8")
    stat = facts.stat()
    changed = text.replace("Japan", "Jepan", 1)
    assert len(changed) == len(text)
    facts.write_text(changed, encoding="utf-8")
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = library.load([str(data)], refuse=False)
    assert _state(after) == _state(library.load([str(data)], use_cache=False, refuse=False))
    assert _state(after) != _state(before)


def test_the_cache_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert library_cache.cache_dir() == tmp_path / "xdg" / "factcheck"
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert library_cache.cache_dir() is None

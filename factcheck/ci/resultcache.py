"""The result cache: an article checked before, unchanged, is not checked again.

A CI job checks the same articles on every push; most of them have not changed. The
engine's findings for an article are kept under a key made of everything they depend on:

- the article as the engine reads it (its text, the prose copy, its heading lines),
- the date it is judged at (``--as-of``, the config's rule or the front matter),
- the reference library's content (every file under the shipped folder and each
  ``--data`` folder, in order), and
- factcheck itself (its version and the content of its code).

Change any of the four and the key changes. What happens after the engine — suppression
comments, the decisions file, disabled tables, ``--show`` — is applied to cached findings
as to fresh ones, so it is not part of the key.

Content keys are cheap: the files' sizes and modification times (``stat``) are hashed
first, and that fingerprint looks up the content hash computed the last time those files
were seen (``keys.json``); only when the fingerprint is new are the files read and
hashed. A fresh CI checkout (new modification times, same content) reads them once.

Entries are JSON (never pickle: a cache folder is not trusted code), one file per key,
written to a temporary file and renamed into place, so a reader sees a whole entry or
none; an entry that cannot be read or decoded is ignored and the article checked again.
The folder is per user: ``$FACTCHECK_RESULT_CACHE_DIR``, else ``results/`` in
``$FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck/results`` (``~/.cache`` when
unset). ``FACTCHECK_NO_CACHE=1`` or ``--no-cache`` turns it off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
from pathlib import Path

from .. import __version__, model
from ..report import records
from ..reference import library_cache

FORMAT = 1
"""The entry format; part of every key, so a new format never reads an old entry."""

KEYS_KEPT = 32
"""Content keys remembered in ``keys.json`` (one per library or code state seen)."""

CLASSES = {cls.__name__: cls for cls in (
    model.Span, model.Quantity, model.TimeExpr, model.EntityMention, model.SourceMention,
    model.Sentence, model.Claim, model.Statement, model.Evidence, model.Ground, model.Finding)}
"""The records an entry may hold: decoding builds these and nothing else."""

ENUMS = {cls.__name__: cls for cls in (model.Verdict, model.Severity)}

FIELDS = {name: tuple(f.name for f in dataclasses.fields(cls)) for name, cls in CLASSES.items()}
for _name, _cls in CLASSES.items():  # built field by field below: no record may need more
    assert all(f.init for f in dataclasses.fields(_cls)) and not hasattr(_cls, "__post_init__"), _name


def cache_dir() -> Path | None:
    """The folder of the result cache, or None when caching is turned off: its own
    variable, else ``results/`` in the library cache's folder."""
    explicit = os.environ.get("FACTCHECK_RESULT_CACHE_DIR")
    if explicit and not os.environ.get("FACTCHECK_NO_CACHE"):
        return Path(explicit)
    base = library_cache.cache_dir()
    return base / "results" if base is not None else None


# ---------------------------------------------------------------- content keys


def _files(root: Path, suffixes: tuple[str, ...] | None) -> list[tuple[str, os.stat_result]]:
    """Every file under ``root`` (hidden ones and ``__pycache__`` skipped), by relative path."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if name.startswith(".") or (suffixes and not name.endswith(suffixes)):
                continue
            path = os.path.join(folder, name)
            try:
                found.append((os.path.relpath(path, root), os.stat(path)))
            except OSError:
                continue
    return found


def content_key(roots: list[Path], suffixes: tuple[str, ...] | None = None,
                folder: Path | None = None) -> str:
    """A hash of the content of every file under ``roots`` (in that order): the same
    files with the same bytes give the same key, wherever they are and whenever they
    were written. Computed from the bytes only when the files' stat fingerprint is new."""
    listing = [(i, root, _files(root, suffixes)) for i, root in enumerate(roots)]
    quick = hashlib.sha256(repr(suffixes).encode())
    for i, root, files in listing:
        quick.update(f"{i}|{os.path.abspath(root)}\n".encode("utf-8", "surrogatepass"))
        for rel, st in files:
            quick.update(f"{rel}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}\n".encode("utf-8", "surrogatepass"))
    quick_key = quick.hexdigest()
    memo_path = folder / "keys.json" if folder is not None else None
    memo = _read_json(memo_path) if memo_path is not None else None
    memo = memo if isinstance(memo, dict) else {}
    known = memo.get(quick_key)
    if isinstance(known, str):
        return known
    full = hashlib.sha256(repr(suffixes).encode())
    for i, root, files in listing:
        full.update(f"root {i}\n".encode())
        for rel, _st in files:
            try:
                data = Path(root, rel).read_bytes()
            except OSError:
                data = b"\0unreadable"
            full.update(f"{rel}|{len(data)}\n".encode("utf-8", "surrogatepass"))
            full.update(data)
    key = full.hexdigest()
    if memo_path is not None:
        memo.pop(quick_key, None)
        memo[quick_key] = key
        kept = dict(list(memo.items())[-KEYS_KEPT:])
        _write_json(memo_path, kept)
    return key


def code_roots() -> list[Path]:
    return [Path(__file__).resolve().parent.parent]  # factcheck/


def run_key(library_roots: list[Path], folder: Path | None) -> str:
    """The part of every key shared by a run: the cache format, factcheck's version and
    code, and the library's content."""
    code = content_key(code_roots(), (".py",), folder)
    data = content_key(library_roots, None, folder)
    return f"{FORMAT}:{__version__}:{code}:{data}"


def document_key(run: str, text: str, prose: str, heading_lines, as_of: dt.date | None) -> str:
    """The key of one article's findings (see the module's docstring)."""
    digest = hashlib.sha256(run.encode())
    digest.update(f"\0{as_of.isoformat() if as_of else '-'}\0".encode())
    digest.update(",".join(map(str, sorted(heading_lines))).encode())
    for part in (text, prose):
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(f"\0{len(encoded)}\0".encode())
        digest.update(encoded)
    return digest.hexdigest()


# ---------------------------------------------------------------- entries


class ResultCache:
    """The findings of articles checked before, by ``document_key``."""

    def __init__(self, folder: Path, run: str):
        self.folder = folder
        self.run = run

    @classmethod
    def open(cls, library_roots: list[Path], enabled: bool = True) -> "ResultCache | None":
        """The cache for a run with these library folders; None when caching is off."""
        folder = cache_dir() if enabled else None
        if folder is None:
            return None
        return cls(folder, run_key(library_roots, folder))

    def key(self, document) -> str:
        return document_key(self.run, document.text, document.prose, document.heading_lines, document.as_of)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> list[model.Finding] | None:
        """The cached findings, or None if there is no entry or it can't be used."""
        try:
            entry = _read_json(self._path(key), hook=_hook)
        except (KeyError, TypeError, ValueError, AttributeError):  # a record it can't build
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
            return None
        try:
            pairs = [(item["finding"], item["fingerprint"]) for item in entry["findings"]]
        except (KeyError, TypeError):
            return None
        if not all(isinstance(f, model.Finding) and isinstance(fp, str) for f, fp in pairs):
            return None
        for finding, value in pairs:
            records.remember_fingerprint(finding, value)
        return [f for f, _ in pairs]

    def put(self, key: str, findings: list[model.Finding]) -> None:
        """Best effort: a cache that can't be written only costs time, and findings
        holding something the codec does not know are not kept (checked next time)."""
        items = []
        for finding in findings:
            value = records.fingerprint(finding)
            records.remember_fingerprint(finding, value)  # the report needs it again
            items.append({"fingerprint": value, "finding": finding})
        try:
            text = encode({"format": FORMAT, "key": key, "findings": items})
        except (TypeError, ValueError, RecursionError):
            return
        _write_text(self._path(key), text)


def _read_json(path: Path, hook=None):
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, ValueError):  # missing, unreadable, not UTF-8
        return None
    try:
        return json.loads(text, object_hook=hook)
    except json.JSONDecodeError:  # truncated, not JSON
        return None


def _write_json(path: Path, value) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    _write_text(path, text)


def _write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            handle = open(tmp, "w", encoding="utf-8")
        except FileNotFoundError:  # the first entry in its folder
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(tmp, "w", encoding="utf-8")
        with handle:
            handle.write(text)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            tmp.unlink()
        except OSError:
            pass


# ---------------------------------------------------------------- the codec
#
# A record is ``{"@": class name, "v": [its fields in order]}``, an enum member
# ``{"@e": enum name, "v": value}``; tuples are JSON arrays and the odd list (a range's
# two ends in ``Statement.value``) is ``{"@l": [...]}``, so each comes back as it was. Decoding happens in json's
# ``object_hook``, inside the C parser's walk, and builds only the classes listed above.


_BY_CLASS = {cls: (name, FIELDS[name]) for name, cls in CLASSES.items()}
_ENUM_CLASSES = frozenset(ENUMS.values())


def _default(value):
    """json's ``default``: a record as ``{"@": name, "v": [fields]}``. json's C encoder
    walks everything else itself (strings, numbers, tuples as arrays), calling this once
    per record. Two kinds of field value are marked here because the encoder would
    write them as something else: an enum member (a ``str`` to json) and a list (an
    array, which decodes as a tuple). A dict (none in the model; its keys could pass for
    the markers) or such values inside a tuple are refused: the finding is not kept."""
    known = _BY_CLASS.get(value.__class__)
    if known is None:
        raise TypeError(f"{value.__class__.__name__} is not a record the result cache keeps")
    fields = value.__dict__
    values = [fields[name] for name in known[1]]
    for i, v in enumerate(values):
        kind = v.__class__
        if kind in _ENUM_CLASSES:
            values[i] = {"@e": kind.__name__, "v": v.value}
        elif kind is list:
            values[i] = {"@l": v}
        elif kind is tuple and any(isinstance(x, (enum.Enum, list, dict)) for x in v):
            raise TypeError(f"{known[0]}: a tuple holding enums, lists or dicts")
        elif isinstance(v, (enum.Enum, dict)):
            raise TypeError(f"the result cache can't keep a {kind.__name__}")
    return {"@": known[0], "v": values}


def encode(value) -> str:
    """A finding (or a list of them, or any of the model's records) as JSON text."""
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))


class _List(list):
    """A list that was a list (not a tuple) when encoded, until its record is built."""


def _tuples(value):
    kind = value.__class__
    if kind is list:  # a JSON array: a tuple
        return tuple(_tuples(v) for v in value)
    if kind is _List:
        return [_tuples(v) for v in value]
    return value


_new = object.__new__


def _hook(data: dict):
    """json's ``object_hook``: builds records and enum members (other objects stay dicts).

    A record is made as its frozen dataclass would make it, without the per-field
    ``object.__setattr__`` of a frozen ``__init__`` (twice the time of the whole parse):
    the model's records have no ``__post_init__`` and every field is an ``__init__``
    field (asserted above), and the number of values must match."""
    name = data.get("@")
    if name is not None:
        cls, names, values = CLASSES[name], FIELDS[name], data["v"]
        if len(values) != len(names):
            raise TypeError(f"{name}: {len(values)} values for {len(names)} fields")
        record = _new(cls)
        record.__dict__.update(zip(names, [_tuples(v) if isinstance(v, list) else v for v in values]))
        return record
    name = data.get("@e")
    if name is not None:
        return ENUMS[name](data["v"])
    if "@l" in data:
        return _List(data["@l"])
    return data


def decode(text: str):
    """The inverse of ``encode``."""
    return _tuples(json.loads(text, object_hook=_hook))

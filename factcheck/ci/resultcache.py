"""The result cache: an article checked before, unchanged, is not checked again.

A CI job checks the same articles on every push; most of them have not changed. An
article's settled result (``outcome.Outcome``: its findings after disabled tables and
verdicts and suppression comments, already as the JSON report's text) is kept under a
key made of everything it depends on:

- the article file's bytes, and how it is read (Markdown, plain text, or an HTML page,
  whose path is part of the key too),
- the date it is judged at (``--as-of`` or the config's rule; when neither gives one, the
  front matter decides, and it is in the bytes),
- the reference library's content (every file under the shipped folder and each
  ``--data`` folder, in order),
- factcheck itself (its version and the content of its code), and
- the settings that change what is kept: the tables and verdicts turned off for the
  article's path and ``--report-unused``.

Change any of them and the key changes. The library, code and version part is computed
once per run (``run_key``); each article then costs reading its bytes and one hash, and
is not parsed at all when its entry is there. The decisions file and ``--show`` are
applied to reused results as to fresh ones (by fingerprint and severity, kept in the
entry), so they are not part of the key. Articles from standard input and URLs are not
kept (a page must be fetched anyway; standard input is read once).

Content keys are cheap: the files' sizes and modification times (``stat``) are hashed
first, and that fingerprint looks up the content hash computed the last time those files
were seen (``content-keys.json`` in the machine's cache folder, beside the library cache,
so a new or emptied result folder still finds them); only when the fingerprint is new are
the files read and hashed. A fresh CI checkout (new modification times, same content)
reads them once.

Entries are JSON (never pickle: a cache folder is not trusted code), one file per key
(read only when its article comes up), written to a temporary file and renamed into
place, so a reader sees a whole entry or none; an entry that cannot be read or decoded
is ignored and the article checked again. The folder is per user:
``$FACTCHECK_RESULT_CACHE_DIR``, else ``results/`` in ``$FACTCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/factcheck/results`` (``~/.cache`` when unset). ``FACTCHECK_NO_CACHE=1``
or ``--no-cache`` turns it off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import zlib
from pathlib import Path

from .. import __version__
from ..reference import folders

FORMAT = 3
"""The entry format; part of every key, so a new format never reads an old entry."""

KEYS_KEPT = 32
"""Content keys remembered in ``content-keys.json`` (one per library or code state seen)."""

MAX_ENTRIES = 20_000
"""Entries kept at most: the newest ones (an archive of 20,000 articles re-run unchanged
stays whole; a machine that checks more, or many versions of the code, keeps the latest)."""
MAX_AGE = 30 * 24 * 3600
"""Entries older than this (seconds) go: an article unchanged for a month is checked once
more, and an entry of a code or library version no longer in use does not stay forever."""
PRUNE_EVERY = 24 * 3600
"""The folder is pruned at most once a day (a stamp file's age says when it last was), so a
run pays one ``stat`` for it, not a listing of thousands of entries."""
STAMP = ".pruned"


def cache_dir() -> Path | None:
    """The folder of the result cache, or None when caching is turned off: its own
    variable, else ``results/`` in the library cache's folder."""
    explicit = os.environ.get("FACTCHECK_RESULT_CACHE_DIR")
    if explicit and not os.environ.get("FACTCHECK_NO_CACHE"):
        return Path(explicit)
    base = folders.cache_dir()
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
    memo_path = folder / "content-keys.json" if folder is not None else None
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


def article_key(run: str, reader: str, data: bytes, as_of: dt.date | None, settings: str) -> str:
    """The key of one article's result (see the module's docstring): ``run`` from
    ``run_key``, ``reader`` how the file is read, ``data`` its bytes, ``settings`` from
    ``settings_key``."""
    digest = hashlib.sha256(run.encode())
    digest.update(f"\0{reader}\0{as_of.isoformat() if as_of else '-'}\0{settings}\0{len(data)}\0"
                  .encode("utf-8", "surrogatepass"))
    digest.update(data)
    return digest.hexdigest()


def settings_key(disable_tables, disable_verdicts, report_unused: bool) -> str:
    """The settings that change an article's settled result (``run.settle``)."""
    return repr((sorted(disable_tables), sorted(disable_verdicts), bool(report_unused)))


# ---------------------------------------------------------------- entries


class ResultCache:
    """Articles' settled results from earlier runs, by ``article_key``."""

    def __init__(self, folder: Path, run: str):
        self.folder = folder
        self.run = run
        self._prefix = os.path.join(folder, "")  # entries are named by string: no path objects per article
        self.written = 0

    @classmethod
    def open(cls, library_roots: list[Path], enabled: bool = True) -> "ResultCache | None":
        """The cache for a run with these library folders; None when caching is off."""
        folder = cache_dir() if enabled else None
        if folder is None:
            return None
        return cls(folder, run_key(library_roots, folders.cache_dir() or folder))

    def key(self, reader: str, data: bytes, as_of: dt.date | None, settings: str) -> str:
        return article_key(self.run, reader, data, as_of, settings)

    def _path(self, key: str) -> str:
        return f"{self._prefix}{key}.json"

    def has(self, key: str) -> bool:
        return os.path.exists(self._path(key))

    def get(self, key: str) -> dict | None:
        """The entry kept under ``key`` as ``{"tally": dict, "parts": bytes, "body": bytes}``
        (``parts`` still JSON and ``body`` UTF-8: ``outcome.Reused`` decodes them only when
        it must), or None if there is none or it is not a whole entry of this format."""
        try:
            fd = os.open(self._path(key), os.O_RDONLY)
        except OSError:
            return None
        try:
            data = os.read(fd, os.fstat(fd).st_size + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        return unpack(data, key)

    def put(self, key: str, entry: dict) -> None:
        """Best effort: a cache that can't be written only costs time."""
        try:
            data = pack(key, entry)
        except (TypeError, ValueError):
            return
        if folders.write_file(self.folder, f"{key}.json", data):
            self.written += 1

    def prune(self, now: float | None = None) -> int:
        """Remove entries older than ``MAX_AGE`` and, beyond ``MAX_ENTRIES``, the oldest
        ones; and temporary files a crashed writer left (older than a day). At most once
        per ``PRUNE_EVERY`` (the stamp file's age), best effort; the number removed.
        Several processes may prune and read at once: a reader that finds its entry gone
        checks the article again, and a file another process is writing is never touched
        (only whole entries, and temporary files a day old, are removed)."""
        now = time.time() if now is None else now
        stamp = os.path.join(self.folder, STAMP)
        try:
            if now - os.stat(stamp).st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        if not folders.write_file(self.folder, STAMP, b""):
            return 0
        entries, removed = [], 0
        try:
            with os.scandir(self.folder) as listing:
                for item in listing:
                    try:
                        age = now - item.stat().st_mtime
                    except OSError:
                        continue
                    if item.name.endswith(".tmp") and item.name.startswith("."):
                        if age > PRUNE_EVERY:
                            removed += _remove(item.path)
                    elif _is_entry(item.name):
                        if age > MAX_AGE:
                            removed += _remove(item.path)
                        else:
                            entries.append((age, item.path))
        except OSError:
            return removed
        if len(entries) > MAX_ENTRIES:
            entries.sort()
            for _age, path in entries[MAX_ENTRIES:]:
                removed += _remove(path)
        return removed


def _is_entry(name: str) -> bool:
    """An entry's name: a key (64 hexadecimal digits) and ".json"."""
    return len(name) == 69 and name.endswith(".json") and all(c in "0123456789abcdef" for c in name[:64])


def _remove(path: str) -> int:
    try:
        os.remove(path)
        return 1
    except OSError:
        return 0


# An entry is three parts, bytes in UTF-8: one line of JSON with the key, the tally, the
# body's length and the CRC of the other two parts; one line of JSON saying where each
# item is in the body; and the body, the article's record as the report writes it
# (``outcome.Outcome.entry``). The body is kept as it is: inside a JSON string every
# quote in it would be escaped and unescaped again, and decoding it was most of a
# re-run's time. A re-run that needs no more parses the first line only; an entry cut
# short or changed fails its length or CRC.


def pack(key: str, entry: dict) -> bytes:
    body = entry["body"] if isinstance(entry["body"], bytes) else entry["body"].encode("utf-8")
    parts = json.dumps(entry["parts"], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = {"format": FORMAT, "key": key, "tally": entry["tally"], "parts": len(parts),
            "size": len(body), "crc": zlib.crc32(body, zlib.crc32(parts))}
    return json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + parts + b"\n" + body


def unpack(data: bytes, key: str) -> dict | None:
    """``pack``'s bytes back as the entry (``parts`` left as text), or None."""
    end = data.find(b"\n")
    try:
        head = json.loads(data[:end]) if end > 0 else None
    except ValueError:
        return None
    if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key:
        return None
    size, crc, length = head.get("size"), head.get("crc"), head.get("parts")
    if type(size) is not int or type(length) is not int or length < 0:
        return None
    start = end + 1 + length + 1
    if len(data) - start != size or data[start - 1:start] != b"\n":
        return None
    body, parts = data[start:], data[end + 1:start - 1]
    if zlib.crc32(body, zlib.crc32(parts)) != crc:
        return None
    return {"tally": head.get("tally"), "parts": parts, "body": body}


def _read_json(path: Path):
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, ValueError):  # missing, unreadable, not UTF-8
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # truncated, not JSON
        return None


def _write_json(path: Path, value) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    _write_text(path, text)


def _write_text(path: Path, text: str) -> None:
    folders.write_file(path.parent, path.name, text)

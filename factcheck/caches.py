"""Where factcheck keeps its caches, and how a cache file is written whole.

Every cache of data (the parsed library, articles' results, fetched pages, compiled
patterns, parsed config text) lives
in one per-user folder: ``FACTCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/factcheck``, else
``~/.cache/factcheck``; ``FACTCHECK_NO_CACHE`` turns them all off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import zlib
from pathlib import Path


def cache_dir() -> Path | None:
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"


def write_whole(folder: Path | str, name: str, data: str | bytes) -> bool:
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
        os.makedirs(folder, exist_ok=True)
        fd, tmp = temp_beside(folder, name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, os.path.join(folder, name))
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


class KeptFile:
    """A dict kept across runs in one file of the cache folder, as Python keeps bytecode
    in ``__pycache__``: read when opened, and at exit, when this process added to it,
    merged with what the file holds then (another process may have written it meanwhile)
    and written whole (``write_whole``). The file starts with ``header`` — the exact
    interpreter and format it was written for — and a checksum; a file with another
    header, a wrong checksum or content ``marshal`` can't read counts as empty. At most
    ``kept`` entries are kept, the least recently used going first: when the file is
    written, the entries this process read and added go to its end.

    Keys and values are what ``marshal`` writes: plain data and code objects. Each value
    is kept as its own ``marshal`` bytes and decoded only when ``get`` asks for it, so
    every ``get`` returns a fresh object that its caller may change, and an entry this run
    does not use costs only its share of reading the file — which is why ``kept`` bounds
    it: opening a file of thousands of entries costs a start-up tens of milliseconds.
    Subclasses say which values they accept (``valid``); ``get`` answers None for any
    other."""

    _instance: "KeptFile | None" = None
    _tried = False

    def __init__(self, path: str, header: bytes, kept: int):
        self.path, self.header, self.kept = path, header, kept
        self.raw: dict = self._read()
        self.added = False
        self.used: dict = {}
        """Keys whose entry this process read, in the order first read."""
        self.new: dict = {}
        """Keys this process added, in order."""
        if len(self.raw) > kept:  # left by a version that kept more: trimmed at exit
            self.added = True
            atexit.register(self.save)

    @classmethod
    def current(cls) -> "KeptFile | None":
        """This process's file of this kind, opened on first use (``opened``); None when
        there is nothing to keep (caches turned off, nowhere to write)."""
        if not cls._tried:
            cls._tried = True
            cls._instance = cls.opened()
        return cls._instance

    @classmethod
    def opened(cls) -> "KeptFile | None":
        """Where a subclass keeps its file: the file opened, or None."""
        return None

    def valid(self, value) -> bool:
        return True

    def get(self, key):
        data = self.raw.get(key)
        if data is None:
            return None
        try:
            value = marshal.loads(data)
        except Exception:  # noqa: BLE001 - not something this interpreter wrote
            return None
        if not self.valid(value):
            return None
        self.used[key] = None
        return value

    def add(self, key, value) -> None:
        """Keep ``value`` under ``key``, only when it reads back equal to itself (nothing
        ``marshal`` can't write; no NaN, which equals nothing)."""
        if len(self.raw) >= self.kept * 2:  # a runaway process: stop keeping
            return
        try:
            data = marshal.dumps(value)
        except ValueError:
            return
        if marshal.loads(data) != value:
            return
        self.raw[key] = data
        self.used.pop(key, None)  # a new entry goes after the ones read
        self.new[key] = None
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def discard(self, key) -> None:
        self.raw.pop(key, None)

    def save(self) -> None:
        """Merge with what the file holds now and write it: entries this process neither
        read nor added keep their order, then come the ones it read, then the ones it added."""
        merged = self._read()
        merged.update(self.raw)
        recent = dict.fromkeys(key for key in (*self.used, *self.new) if key in merged)
        order = [key for key in merged if key not in recent] + list(recent)
        body = marshal.dumps([(key, merged[key]) for key in order][-self.kept:])
        write_whole(os.path.dirname(self.path), os.path.basename(self.path),
                    self.header + zlib.crc32(body).to_bytes(4, "big") + body)

    def _read(self) -> dict:
        try:
            with open(self.path, "rb") as handle:
                data = handle.read()
        except OSError:
            return {}
        start = len(self.header)
        if not data.startswith(self.header) or len(data) < start + 4:
            return {}
        body = data[start + 4:]
        if zlib.crc32(body).to_bytes(4, "big") != data[start:start + 4]:
            return {}
        try:
            items = marshal.loads(body)
            return {key: value for key, value in items if isinstance(value, bytes)}
        except Exception:  # noqa: BLE001 - not a file this version wrote
            return {}

"""Regular expressions compiled once per machine instead of once per run.

factcheck's extractors are some two hundred regular expressions, and Python compiles each
one (parses it and generates its matching code, in Python) every time a process starts:
about 40 ms, a sixth of a one-article check. ``compile`` keeps the generated code of each
pattern in a small file in the cache folder — as Python keeps the bytecode of modules in
``__pycache__`` — and builds the pattern from it with the regular-expression engine's own
constructor, which takes about 1/30 of the time.

Safety: a pattern is kept only after the one built from the kept code compared equal to
the one ``re.compile`` made (``re.Pattern`` equality compares the generated code itself),
the file is tied to the exact interpreter (its version string and the engine's version
number) and carries a checksum, and the engine validates any code it is given. Anything
unexpected — another Python, a damaged or foreign file, an engine whose internals differ —
falls back to ``re.compile``, so the worst case is the old start-up time, never a
different pattern. ``FACTCHECK_NO_CACHE`` turns the file off, as it does every cache.
"""

from __future__ import annotations

import os
import re
import sys

from .caches import KeptFile, cache_dir

try:  # the engine's constructor and code generator (CPython's; the same since 3.11)
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation: plain re.compile
    _sre = None

FORMAT = 2
KEPT = 1000
"""At most this many patterns are kept (the least recently used go first): a check uses
about 300 (the extractors' and the judge's, and one per set of a table's aliases), and
patterns built from a newsroom's own tables vary with the tables. The whole file is read
at start-up: 5,000 patterns (what a test run of random aliases left behind) made it 7 MB
and cost every start-up about 20 ms."""


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the kept code when this machine has it."""
    store = _Store.current()
    return store.compile(pattern, flags) if store is not None else re.compile(pattern, flags)


class _Store(KeptFile):
    """The kept code of every pattern compiled on this machine, read on first use."""

    def __init__(self, path: str, header: bytes):
        super().__init__(path, header, KEPT)

    def valid(self, value) -> bool:
        return isinstance(value, tuple) and len(value) == 6

    @classmethod
    def opened(cls) -> "_Store | None":
        folder = cache_dir() if _sre is not None else None
        if folder is None:
            return None
        tag = sys.implementation.cache_tag or "python"
        return cls(os.path.join(folder, f"patterns-{tag}.bin"), _header())

    def compile(self, pattern, flags) -> re.Pattern:
        key = (pattern, int(flags))
        record = self.get(key) if isinstance(pattern, str) else None
        if record is not None:
            try:
                return _sre.compile(*record)
            except Exception:  # noqa: BLE001 - a record this engine refuses: compile it afresh
                self.discard(key)
        compiled = re.compile(pattern, flags)
        if isinstance(pattern, str):
            record = _record(pattern, int(flags))
            if record is not None:
                self.add(key, record)
        return compiled


def _header() -> bytes:
    return f"factcheck-patterns {FORMAT} {_sre.MAGIC} {_sre.CODESIZE} {sys.version}\n".encode("utf-8", "replace")


def _record(pattern: str, flags: int) -> tuple | None:
    """What ``_sre.compile`` needs to build the pattern, or None when the pattern built
    from it is not the one ``re.compile`` makes (then the pattern is not kept)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        record = (pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
                  groupindex, tuple(indexgroup))
        if _sre.compile(*record) != re.compile(pattern, flags):
            return None
        return record
    except Exception:  # noqa: BLE001 - any surprise in the engine's internals: not kept
        return None

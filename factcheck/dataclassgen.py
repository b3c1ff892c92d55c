"""``dataclass``, with the code of the methods it generates compiled once per machine.

``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__`` (and
``__setattr__``/``__delattr__`` for frozen classes) as Python source and compiles it, every
time a process starts: for factcheck's three dozen record classes about 20 ms of a
one-article check's start-up. This ``dataclass`` is the standard one — same arguments,
same classes — except that while it runs, the source text it compiles is looked up in a
small file (``caches.KeptFile``) and the compiled code is taken from there when this
installation has compiled that exact text before.

The file is code that runs, so it is kept where Python keeps this package's own compiled
code: in the package's ``__pycache__`` folder, beside its ``.pyc`` files, never in the
cache folder, which holds data only and may be restored from a CI cache. It is written
as Python writes bytecode — only when the folder is writable and bytecode writing is not
turned off (``PYTHONDONTWRITEBYTECODE``) — and ``FACTCHECK_NO_CACHE`` turns it off, as it
does every cache. The code kept is what ``compile`` makes of the same text with the same
settings (no inherited ``__future__`` flags, as ``dataclasses`` has none), kept only when
it reads back equal to a fresh compile, in a file tied to the exact interpreter
(``sys.version``) with a checksum. Any other file counts as empty, so the worst case is
the standard start-up time.

``dataclasses`` imports ``inspect`` (which imports ``ast``, ``dis``, ``tokenize``: ~9 ms) for
one use: the signature it writes into a class that has no docstring. Every class here has
one, so ``inspect`` is imported when something uses it, not with ``dataclasses``.
"""

from __future__ import annotations

import builtins
import os
import sys
import types

from .caches import KeptFile

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms) at start-up


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its attributes is used; then imports it."""

    def __getattr__(self, name):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(__import__(self.__name__), name)


if "dataclasses" in sys.modules or "inspect" in sys.modules:
    import dataclasses
else:
    _inspect = sys.modules["inspect"] = _Deferred("inspect")
    try:
        import dataclasses
    finally:  # only dataclasses holds the stand-in; any other import gets the real module
        if sys.modules.get("inspect") is _inspect:
            del sys.modules["inspect"]

FORMAT = 2
KEPT = 2000
"""At most this many method texts are kept (factcheck defines fewer than 300)."""
FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
"""Where the file is kept: beside the package's bytecode."""


if TYPE_CHECKING:  # type checkers (and mypyc) see the standard decorator this one stands for
    from dataclasses import dataclass
else:

    def dataclass(cls=None, /, **options):
        """``dataclasses.dataclass(cls, **options)``; see the module's docstring."""

        def wrap(klass):
            store = _Store.current()
            if store is None:
                return dataclasses.dataclass(klass, **options)
            # dataclasses compiles its generated source with the builtin ``exec``, looked up
            # in its module's globals first: a global of that name serves it kept code instead.
            dataclasses.exec = store.exec
            try:
                return dataclasses.dataclass(klass, **options)
            finally:
                del dataclasses.exec

        return wrap if cls is None else wrap(cls)


class _Store(KeptFile):
    def __init__(self, path: str, header: bytes):
        super().__init__(path, header, KEPT)

    def valid(self, value) -> bool:
        return isinstance(value, types.CodeType)

    @classmethod
    def opened(cls) -> "_Store | None":
        if os.environ.get("FACTCHECK_NO_CACHE") or hasattr(dataclasses, "exec"):
            return None
        tag = sys.implementation.cache_tag or "python"
        path = os.path.join(FOLDER, f"factcheck-dataclasses.{tag}.bin")
        return cls(path, _header()) if os.path.exists(path) or _writable() else None

    def save(self) -> None:
        if not sys.dont_write_bytecode:
            super().save()

    def exec(self, source, globals=None, locals=None, /):
        """The builtin ``exec``, with a text this machine compiled before run from its
        kept code."""
        if isinstance(source, str):
            code = self.get(source)
            if code is None:
                code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
                self.add(source, code)
            source = code
        return builtins.exec(source, globals, locals)


def _writable() -> bool:
    """Could the file be written? Not when Python writes no bytecode, nor in a read-only
    installation: then keeping code would only cost time."""
    if sys.dont_write_bytecode:
        return False
    folder = FOLDER if os.path.isdir(FOLDER) else os.path.dirname(FOLDER)
    return os.access(folder, os.W_OK)


def _header() -> bytes:
    return f"factcheck-dataclasses {FORMAT} {sys.version}\n".encode("utf-8", "replace")

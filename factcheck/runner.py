"""Check a list of articles with one engine; one unreadable article never stops the run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from . import inputs
from .check import Engine
from .errors import FactcheckError
from .records import DocumentResult


def check_one(engine: Engine, arg: str, as_of: dt.date | None = None,
              fetch_options: dict | None = None) -> DocumentResult:
    try:
        document = inputs.load(arg, as_of=as_of, fetch_options=fetch_options)
    except FactcheckError as exc:
        return DocumentResult(path=arg if arg != "-" else "<stdin>", document=None, error=str(exc))
    return DocumentResult(path=document.path, document=document, findings=engine.check(document))


def check_all(engine: Engine, args: Iterable[str], as_of: dt.date | None = None,
              fetch_options: dict | None = None,
              progress: Callable[[str], None] | None = None) -> list[DocumentResult]:
    results = []
    for arg in args:
        results.append(check_one(engine, arg, as_of, fetch_options))
        if progress:
            progress(arg)
    return results

"""One ``factcheck check`` run: inputs → engine → records → formats → exit status."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import formats, inputs, library, records
from .check import Engine
from .document import parse_as_of
from .errors import InputError
from .model import Severity
from .output import write_atomic
from .runner import check_all

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_RANKS = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank, "never": 99}


@dataclass
class RunOptions:
    paths: list[str]
    as_of: str | None = None
    fmt: str = "text"
    output: Path | None = None
    fail_on: str | None = None
    show: str | None = None
    show_all: bool = False
    data: list[str] = field(default_factory=list)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int = 1
    config: Path | None = None
    decisions: Path | None = None
    no_decisions: bool = False
    report_unused: bool = False
    allow_private: bool = False
    no_cache: bool = False
    save_text: Path | None = None


def run(options: RunOptions) -> int:
    as_of = parse_as_of(options.as_of) if options.as_of else None
    fail_on = options.fail_on or "error"
    show = options.show or "info"
    paths = inputs.expand(options.paths, options.include, options.exclude)
    if not paths:
        raise InputError("no articles to check")
    lib = library.load(options.data)
    engine = Engine.create(lib)
    fetch_options = {"allow_private": options.allow_private, "use_cache": not options.no_cache}
    results = check_all(engine, paths, as_of, fetch_options)
    if options.save_text:
        _save_text(results, options.save_text)
    report = records.report(results)
    _emit(report, options, show)
    for result in results:
        if result.error:
            print(f"factcheck: error: {result.error}", file=sys.stderr)
    if any(r.error for r in results):
        return EXIT_ERROR
    threshold = FAIL_RANKS[fail_on]
    worst = max((f.severity.rank for r in results for f in r.findings), default=-1)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


def _emit(report: dict, options: RunOptions, show: str) -> None:
    if options.fmt == "text" or options.output is not None:
        from .formats import terminal
        terminal.render(report, show_supported=options.show_all, min_severity=show,
                        console=_console(to_stderr=options.fmt != "text" and options.output is None))
    if options.fmt != "text":
        text = formats.get(options.fmt)(report)
        if options.output is not None:
            write_atomic(options.output, text)
        else:
            sys.stdout.write(text)


def _console(to_stderr: bool):
    from rich.console import Console
    return Console(stderr=to_stderr)


def _save_text(results: list[records.DocumentResult], target: Path) -> None:
    docs = [r.document for r in results if r.document is not None]
    if len(docs) != 1:
        raise InputError("--save-text needs exactly one article")
    write_atomic(target, docs[0].text)

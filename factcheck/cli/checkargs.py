"""The options of ``factcheck check``, parsed with argparse.

Checking is the hot path: an editor or a CI job runs it on every save or push. typer
(0.29) imports pydantic and builds a converter for every parameter on each run, about
0.2 s of a ~0.6 s run, so the check command is parsed here with the standard library and
typer serves the other commands (``data``, ``review``, ``baseline``) and the top-level
help. This module is the one place the check options are defined.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import FactcheckError

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
SEVERITIES = ("info", "warning", "error")
FAIL_ON = ("error", "warning", "never")


class UsageError(FactcheckError):
    """A bad option or argument on the command line."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width as ``shutil`` would find it:
    left to itself it imports ``shutil`` (and with it ``bz2`` and ``lzma``, ~4 ms) for
    every argument added, though help is almost never printed."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """``shutil.get_terminal_size().columns``: ``COLUMNS``, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, **options):
        super().__init__(formatter_class=_Formatter, **options)

    def error(self, message: str):  # one line, no usage block: the CLI prints it
        raise UsageError(f"{message} (see 'factcheck check --help')")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return number


def _size(value: str) -> int:
    from ..config import parse_size
    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="factcheck check",
        description="Check articles against the reference tables. 'factcheck ARTICLE…' is "
                    "short for 'factcheck check ARTICLE…'. Exit status: 0 nothing reached "
                    "--fail-on, 1 something did, 2 a usage or input error.",
    )
    p.add_argument("paths", nargs="+", metavar="ARTICLE",
                   help="files, '-' for standard input, folders, globs or http(s) URLs")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the article's date (overrides a front-matter date)")
    p.add_argument("-f", "--format", dest="fmt", choices=FORMATS,
                   help="output format [default: text, or the config's format]")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write the --format output to FILE (the text report too); a one-line "
                        "summary goes to standard error")
    p.add_argument("--report", action="store_true",
                   help="with a machine --format, also draw the human report (on standard error "
                        "when the format goes to standard output)")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that makes the exit status 1 [default: error]")
    p.add_argument("--show", choices=SEVERITIES,
                   help="lowest severity every report lists; never changes the exit status [default: info]")
    p.add_argument("--all", dest="show_all", action="store_true", help="also show supported claims")
    p.add_argument("--data", action="append", default=[], metavar="DIR",
                   help="a folder of newsroom tables beside the shipped ones (repeatable)")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="only check files matching this glob (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files matching this glob (repeatable)")
    p.add_argument("-j", "--jobs", type=_positive, metavar="N",
                   help="check articles in N processes [default: 1, or the config's jobs]")
    p.add_argument("--config", type=Path, metavar="FILE", help="use this config file instead of looking for one")
    p.add_argument("--decisions", type=Path, metavar="FILE", help="the decisions file of reviewed findings")
    p.add_argument("--no-decisions", action="store_true", help="ignore the decisions file: report every finding")
    p.add_argument("--report-unused-suppressions", dest="report_unused", action="store_true",
                   help="report suppression comments that suppressed nothing")
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching URLs on private or loopback addresses")
    p.add_argument("--no-cache", action="store_true",
                   help="check every article again and fetch URLs again: use none of factcheck's "
                        "caches (results of unchanged articles, the library, fetched pages)")
    p.add_argument("--max-size", type=_size, metavar="SIZE",
                   help="refuse articles larger than SIZE, e.g. 20MB [default: 5MB, or the config's max_size]")
    p.add_argument("--save-text", type=Path, metavar="FILE",
                   help="write the text extracted from an HTML page or URL to FILE")
    return p


def run_check(args: list[str]) -> int:
    """Parse the check command's arguments and run it; returns the exit status."""
    from ..ci.run import RunOptions, run

    try:
        ns = parser().parse_args(args)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    options = RunOptions(
        paths=ns.paths, as_of=ns.as_of, fmt=ns.fmt, output=ns.output, fail_on=ns.fail_on,
        show=ns.show, show_all=ns.show_all, data=list(ns.data), include=tuple(ns.include),
        exclude=tuple(ns.exclude), jobs=ns.jobs, config=ns.config, decisions=ns.decisions,
        no_decisions=ns.no_decisions, report_unused=ns.report_unused,
        allow_private=ns.allow_private, no_cache=ns.no_cache, save_text=ns.save_text,
        max_size=ns.max_size, report=ns.report,
    )
    return run(options)

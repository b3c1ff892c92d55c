"""The command line: wires the stages together, and nothing else.

``factcheck ARTICLE…`` is shorthand for ``factcheck check ARTICLE…``; the other commands
are ``data``, ``review`` and ``baseline``. Every ``FactcheckError`` becomes one line on
standard error and exit status 2; findings at or above ``--fail-on`` give exit status 1.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

try:  # typer ≥ 0.20 vendors click; older releases depend on it
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions

from . import __version__
from .errors import FactcheckError, InputError

EXIT_EXCEPTIONS = tuple({typer.Exit, getattr(click_exceptions, "Exit", typer.Exit)})
ABORT_EXCEPTIONS = tuple({typer.Abort, getattr(click_exceptions, "Abort", typer.Abort)})

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check the figures in tech-journalism articles against curated, sourced reference tables.")

SUBCOMMANDS = {"check", "data", "review", "baseline", "--help", "-h", "--version"}


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class Show(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """factcheck: find the checkable claims of an article and check them against reference tables."""


@app.command("check")
def check_command(
    paths: list[str] = typer.Argument(..., help="Articles: files, '-' for standard input, folders, globs or URLs."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                        help="The article's date (overrides a front-matter date)."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output format [default: text, or the config's format]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write the --format output to this file; the terminal still shows the report."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit status 1 [default: error]."),
    show: Optional[Show] = typer.Option(None, "--show", help="Lowest severity shown in the terminal report [default: info]."),
    show_all: bool = typer.Option(False, "--all", help="Also show supported claims."),
    data: list[Path] = typer.Option([], "--data", help="A folder of newsroom tables to use beside the shipped ones (repeatable)."),
    include: list[str] = typer.Option([], "--include", help="Only check files matching this glob (repeatable)."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip files matching this glob (repeatable)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Check articles in this many processes [default: 1, or the config's jobs]."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of looking for one."),
    decisions: Optional[Path] = typer.Option(None, "--decisions", help="The decisions file (baseline) of reviewed findings."),
    no_decisions: bool = typer.Option(False, "--no-decisions", help="Ignore the decisions file: report every finding."),
    report_unused: bool = typer.Option(False, "--report-unused-suppressions", help="Report suppression comments that suppressed nothing."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching URLs on private or loopback addresses."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Fetch URLs again instead of using the page cache."),
    save_text: Optional[Path] = typer.Option(None, "--save-text", help="Write the text extracted from an HTML page or URL here."),
) -> None:
    """Check articles (the default command: 'factcheck article.md' is 'factcheck check article.md')."""
    from .run import RunOptions, run

    options = RunOptions(
        paths=paths, as_of=as_of, fmt=fmt.value if fmt else None, output=output,
        fail_on=fail_on.value if fail_on else None, show=show.value if show else None,
        show_all=show_all, data=[str(d) for d in data], include=tuple(include),
        exclude=tuple(exclude), jobs=jobs, config=config, decisions=decisions,
        no_decisions=no_decisions, report_unused=report_unused, allow_private=allow_private,
        no_cache=no_cache, save_text=save_text,
    )
    raise typer.Exit(run(options))


def _register_subcommands() -> None:
    from .datacli import data_app
    app.add_typer(data_app, name="data")
    from .reviewcli import register as register_review
    register_review(app)
    from .baselinecli import register as register_baseline
    register_baseline(app)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-") or a == "-"), None)
    if args and args[0] not in SUBCOMMANDS and first not in SUBCOMMANDS:
        args = ["check", *args]
    if args and args[0] in ("data", "review", "baseline", "--help", "-h"):
        _register_subcommands()
    try:
        # With standalone_mode off, click returns the exit status instead of exiting.
        status = app(args=args, prog_name="factcheck", standalone_mode=False)
    except EXIT_EXCEPTIONS as exc:
        return exc.exit_code
    except ABORT_EXCEPTIONS:
        print("factcheck: aborted", file=sys.stderr)
        return 2
    except click_exceptions.ClickException as exc:
        print(f"factcheck: error: {exc.format_message()}", file=sys.stderr)
        return 2
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status if isinstance(status, int) else 0


def entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main())


__all__ = ["app", "main", "InputError"]

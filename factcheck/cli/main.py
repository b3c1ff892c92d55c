"""The command line: routes to the check command or the typer commands, nothing else.

``factcheck ARTICLE…`` is shorthand for ``factcheck check ARTICLE…``, parsed by
``checkargs``; ``data``, ``review``, ``baseline`` and the top-level help are typer's
(``commands``). Every ``FactcheckError`` becomes one line on standard error and exit
status 2; findings at or above ``--fail-on`` give exit status 1.
"""

from __future__ import annotations

import gc
import sys

from ..errors import FactcheckError

TYPER_COMMANDS = {"data", "review", "baseline"}
TOP_LEVEL = {"--help", "-h", "--version"}


def _run_typer(args: list[str]) -> int:
    """The typer commands; typer is imported only for them (see ``checkargs``)."""
    import typer

    try:  # typer ≥ 0.20 vendors click; older releases depend on it
        from typer._click import exceptions as click_exceptions
    except ImportError:  # pragma: no cover
        from click import exceptions as click_exceptions
    from .commands import app

    exits = tuple({typer.Exit, getattr(click_exceptions, "Exit", typer.Exit)})
    aborts = tuple({typer.Abort, getattr(click_exceptions, "Abort", typer.Abort)})
    try:
        # With standalone_mode off, click returns the exit status instead of exiting.
        status = app(args=args, prog_name="factcheck", standalone_mode=False)
    except exits as exc:
        return exc.exit_code
    except aborts:
        print("factcheck: aborted", file=sys.stderr)
        return 2
    except click_exceptions.ClickException as exc:
        print(f"factcheck: error: {exc.format_message()}", file=sys.stderr)
        return 2
    return status if isinstance(status, int) else 0


def main(argv: list[str] | None = None, own_process: bool = False) -> int:
    """Run the command line ``argv``; returns the exit status. ``own_process``: the
    process exists for this command (the console script, ``python -m factcheck``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args:
            _run_typer(["--help"])
            return 2  # no article named: a usage error, after showing how to use it
        if args[0] in TYPER_COMMANDS or (len(args) == 1 and args[0] in TOP_LEVEL):
            return _run_typer(args)
        if own_process:
            # The cyclic garbage collector is off while modules, the library and the
            # engine are built (objects that live as long as the process, which it would
            # otherwise walk some forty times: ~6 ms of a one-article check); the runner
            # freezes them and turns it back on before the first article is checked
            # (``runner.Engines.get``). A run whose articles all come from the result
            # cache builds no engine and makes no cycles worth collecting.
            gc.disable()
        from .checkargs import run_check
        return run_check(args[1:] if args[0] == "check" else args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main(own_process=True))

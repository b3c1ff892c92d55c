"""The typer application: ``data``, ``review``, ``baseline`` and the top-level help.

``check`` is listed here for the help screen but parsed by ``checkargs`` (see there why).
"""

from __future__ import annotations

import typer

from .. import __version__

def _hide_flag_types() -> None:
    """typer 0.29's rich help prints a type beside every flag ("--help <bool>"), which
    takes no value; click's plain help never did. Show types only for options with a value."""
    try:
        from typer.core import TyperOption
    except ImportError:  # pragma: no cover - another typer layout: leave it as it is
        return
    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "_factcheck", False):
        return

    def display_type_rich(self, ctx):
        if getattr(self, "is_flag", False) or getattr(self, "count", False):
            return None
        return shown(self, ctx)

    display_type_rich._factcheck = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich


_hide_flag_types()

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check the figures in tech-journalism articles against curated, sourced reference tables.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """factcheck: find the checkable claims of an article and check them against reference tables."""


@app.command("check", context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                                        "help_option_names": []}, add_help_option=False)
def check_command(ctx: typer.Context) -> None:
    """Check articles (the default: 'factcheck article.md'). See 'factcheck check --help'."""
    from .checkargs import run_check
    raise typer.Exit(run_check(list(ctx.args)))


def _register() -> None:
    from .datacli import data_app
    app.add_typer(data_app, name="data")
    from .reviewcli import register as register_review
    register_review(app)
    from .baselinecli import register as register_baseline
    register_baseline(app)


_register()

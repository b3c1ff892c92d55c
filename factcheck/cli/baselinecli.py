"""``factcheck baseline``: create or update the decisions file from the current findings."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("baseline")
    def baseline(paths: list[str] = typer.Argument(..., help="Articles, folders or globs."),
                 decisions: str = typer.Option(None, "--decisions", help="The decisions file to write."),
                 reason: str = typer.Option("accepted when the baseline was created", "--reason"),
                 who: str = typer.Option(None, "--by", help="Who accepts these findings."),
                 as_of: str = typer.Option(None, "--as-of", metavar="YYYY-MM-DD")) -> None:
        """Record every current finding as accepted, so only new findings fail the check."""
        from ..ci.baseline_run import run_baseline
        raise typer.Exit(run_baseline(paths, decisions=decisions, reason=reason, who=who, as_of=as_of))

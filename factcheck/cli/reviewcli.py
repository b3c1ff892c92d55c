"""``factcheck review``: registered here so the CLI stays a wiring module."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("review")
    def review(article: str = typer.Argument(..., help="The article to review."),
               as_of: str = typer.Option(None, "--as-of", metavar="YYYY-MM-DD"),
               decisions: str = typer.Option(None, "--decisions", help="The decisions file.")) -> None:
        """Go through an article claim by claim in a full-screen terminal app."""
        from ..review.app import launch
        raise typer.Exit(launch(article, as_of=as_of, decisions=decisions))

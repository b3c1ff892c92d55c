"""``factcheck data``: browse, search and validate the reference library.

pandas is used here (and only here and in benchmarks) to filter and summarise tables;
it stays off the start-up path of ``factcheck check``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

data_app = typer.Typer(no_args_is_help=True, help="Browse, search and validate the reference tables.")

DataOption = typer.Option([], "--data", help="A folder of newsroom tables to add (repeatable).")


def _library(data: list[Path]):
    from ..reference import library
    return library.load([str(d) for d in data])


def _frame(table):
    import pandas as pd
    from ..reference.tables import COLUMNS
    return pd.DataFrame([[getattr(f, c) for c in COLUMNS] for f in table.facts], columns=list(COLUMNS))


@data_app.command("list")
def list_tables(data: list[Path] = DataOption) -> None:
    """Every table: id, title, publisher, rows, editions or periods covered, latest publication."""
    from rich.console import Console
    from rich.table import Table as RichTable

    lib = _library(data)
    out = RichTable(title="Reference tables", show_lines=False)
    out.add_column("id", no_wrap=True)  # ids are what an editor types: never folded
    for column in ("title", "publisher", "rows", "covers", "latest source"):
        out.add_column(column, overflow="fold")
    for table in sorted(lib.tables.values(), key=lambda t: t.id):
        frame = _frame(table)
        editions = table.edition_order()
        covers = (f"{editions[0].id} … {editions[-1].id} ({len(editions)} editions)"
                  if editions else ", ".join(sorted(frame["period"].unique())[:6]))
        latest = frame["published"].max() if len(frame) else "—"
        out.add_row(table.id, table.title, table.publisher, str(len(frame)), covers, latest)
    Console().print(out)


@data_app.command("show")
def show(table_id: str = typer.Argument(..., metavar="TABLE"),
         entity: Optional[str] = typer.Option(None, "--entity", help="Only rows for this entity."),
         period: Optional[str] = typer.Option(None, "--period", help="Only rows for this period or edition."),
         metric: Optional[str] = typer.Option(None, "--metric", help="Only rows for this metric."),
         data: list[Path] = DataOption) -> None:
    """The rows of a table, with their sources."""
    from rich.console import Console
    from rich.table import Table as RichTable

    lib = _library(data)
    table = lib.table(table_id)
    frame = _frame(table)
    if entity:
        frame = frame[frame["entity"].str.lower() == entity.lower()]
    if period:
        frame = frame[(frame["period"] == period) | (frame["edition"] == period)]
    if metric:
        frame = frame[frame["metric"].str.lower() == metric.lower()]
    frame = frame.sort_values(["metric", "edition", "entity", "scenario", "status"], kind="stable")
    out = RichTable(title=f"{table.title} ({table.id}) — {len(frame)} rows", show_lines=False)
    for column in ("entity", "metric", "period", "edition", "scenario", "value", "status", "source"):
        out.add_column(column, overflow="fold")
    for row in frame.itertuples(index=False):
        value = row.value + (f" {row.unit}" if row.unit not in ("rank",) else "")
        if row.hedge:
            value = f"{row.hedge} {value}"
        source = f"{row.publisher}: {row.source_title} ({row.published}) {row.source_url}"
        out.add_row(row.entity, row.metric, row.period, row.edition, row.scenario, value,
                    row.status or "", source)
    Console().print(out)


@data_app.command("search")
def search(text: str = typer.Argument(..., help="Words to look for: an entity, a metric, a source."),
           limit: int = typer.Option(15, "--limit"),
           data: list[Path] = DataOption) -> None:
    """Which tables, entities and metrics match some words (fuzzy), to see if a claim is coverable."""
    from rapidfuzz import fuzz, process
    from rich.console import Console
    from rich.table import Table as RichTable

    lib = _library(data)
    choices: dict[str, tuple[str, str, str]] = {}
    for table in lib.tables.values():
        for name in (table.title, *table.names, *table.publisher_names):
            choices.setdefault(f"{name} [{table.id}]", ("table", table.id, name))
        for metric in table.metrics.values():
            for alias in (metric.label, *metric.aliases):
                choices.setdefault(f"{alias} [{table.id}.{metric.id}]", ("metric", table.id, f"{metric.id}: {metric.label}"))
        for name in sorted(table.known_entities | set(table.entities)):
            choices.setdefault(f"{name} [{table.id} entity]", ("entity", table.id, name))
    hits = process.extract(text, list(choices), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    out = RichTable(title=f"Matches for “{text}”")
    for column in ("kind", "table", "match", "score"):
        out.add_column(column)
    for key, score, _ in hits:
        kind, table_id, label = choices[key]
        out.add_row(kind, table_id, label, f"{score:.0f}")
    console = Console()
    if not hits:
        console.print(f"No table, metric or entity matches “{text}”.")
        raise typer.Exit(1)
    console.print(out)


@data_app.command("validate")
def validate(folders: list[Path] = typer.Argument(None, metavar="[DIR]…",
                                                  help="Folders of tables [default: the shipped reference data]."),
             data: list[Path] = DataOption) -> None:
    """Check that every table is complete, consistent and sourced. Exit 1 on problems."""
    from ..reference.library import shipped_data_dir
    from ..reference.validate import validate_folders

    shipped = shipped_data_dir()
    roots = [Path(f) for f in folders] if folders else [shipped]
    roots += [Path(d) for d in data]
    problems = validate_folders(roots, shipped=shipped)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem(s) found", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {', '.join(str(r) for r in roots)}")

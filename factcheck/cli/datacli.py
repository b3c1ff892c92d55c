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


def _library(data: list[Path], refuse: bool = True):
    from ..reference import library
    return library.load([str(d) for d in data], refuse=refuse)


def _frame(table):
    import pandas as pd
    from ..reference.tables import COLUMNS
    return pd.DataFrame([[getattr(f, c) for c in COLUMNS] for f in table.facts], columns=list(COLUMNS))


@data_app.command("list")
def list_tables(data: list[Path] = DataOption,
                as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                                    help="Judge freshness at this date [default: today].")) -> None:
    """Every table: id, title, publisher, rows, editions covered, latest source, and
    whether it is behind (a newer edition is due by its publisher's cadence and missing)."""
    import datetime as dt

    from rich.console import Console
    from rich.table import Table as RichTable

    from ..errors import DataError
    from ..reference.tables import behind

    try:
        today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        raise DataError(f"--as-of {as_of!r}: not a date YYYY-MM-DD") from None
    lib = _library(data, refuse=False)  # listing a broken library is how one finds it
    out = RichTable(title=f"Reference tables (freshness as of {today.isoformat()})", show_lines=False)
    out.add_column("id", no_wrap=True)  # ids are what an editor types: never folded
    for column in ("title", "publisher", "rows", "covers", "latest source", "behind"):
        out.add_column(column, overflow="fold")
    for table in sorted(lib.tables.values(), key=lambda t: t.id):
        frame = _frame(table)
        editions = table.edition_order()
        covers = (f"{editions[0].id} … {editions[-1].id} ({len(editions)} editions)"
                  if editions else ", ".join(sorted(frame["period"].unique())[:6]))
        latest = frame["published"].max() if len(frame) else "—"
        due = behind(table, today)
        status = f"{due} missing" if due else "no cadence" if not table.cadence else "up to date"
        out.add_row(table.id, table.title, table.publisher, str(len(frame)), covers, latest, status)
    Console().print(out)
    if lib.refusal:
        typer.echo(f"warning: {lib.refusal}", err=True)


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
             data: list[Path] = DataOption,
             library: bool = typer.Option(False, "--library",
                                          help="Check each DIR as a whole library of its own (a copy of the "
                                               "shipped one, edited), not as tables added to the shipped ones.")
             ) -> None:
    """Check that every table is complete, consistent and sourced by the source policy.
    Each problem names file, row, rule and field. Exit 1 on any problem."""
    from collections import Counter

    from ..reference.library import shipped_data_dir
    from ..reference.validate import blocking, validate_folders

    shipped = shipped_data_dir()
    roots = [Path(f) for f in folders] if folders else [shipped]
    roots += [Path(d) for d in data]
    if library:
        # A copy of the library is its own shipped library: its tables may not clash with
        # themselves, and its entities and deny list are its own.
        problems = [p for root in roots for p in validate_folders([root], shipped=root)]
    else:
        problems = validate_folders(roots, shipped=shipped)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        counts = Counter(p.rule for p in problems)
        stops = sum(1 for p in problems if blocking(p))
        typer.echo(f"{len(problems)} problem(s) found: "
                   + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())), err=True)
        typer.echo(f"{stops} of them stop a check (the data is broken); the rest break the source policy"
                   if stops else "none stops a check; all break the source policy or the dispute rules", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {', '.join(str(r) for r in roots)}")


AUDIT_BEGIN = "<!-- data-audit:begin (generated by 'factcheck data audit --write'; do not edit by hand) -->"
AUDIT_END = "<!-- data-audit:end -->"


@data_app.command("audit")
def audit(folders: list[Path] = typer.Argument(None, metavar="[DIR]…",
                                               help="Folders of tables [default: the shipped reference data]."),
          write: Optional[Path] = typer.Option(None, "--write", metavar="FILE",
                                               help="Replace the generated section of FILE (docs/data-audit.md) with the table."),
          as_of: Optional[str] = typer.Option(None, "--as-of", metavar="YYYY-MM-DD",
                                              help="The date written above the table [default: today].")) -> None:
    """Measure the source policy per table: rows, share whose primary is on the
    publisher's own host, rows with read_at, alternatives, rows on denied links."""
    import datetime as dt
    import os
    from collections import Counter

    from ..errors import DataError, TableError
    from ..reference.library import shipped_data_dir
    from ..reference.tables import load_table, table_folders
    from ..reference.validate import audit as measure
    from ..reference.validate import validate_folders

    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        raise DataError(f"--as-of {as_of!r}: not a date YYYY-MM-DD") from None
    shipped = shipped_data_dir()
    roots = [Path(f) for f in folders] if folders else [shipped]
    problems = validate_folders(roots, shipped=shipped)
    tables = []
    for root in roots:
        for folder in table_folders(root):
            try:
                tables.append(load_table(folder))
            except TableError:
                continue  # named among the problems below
    text = _audit_markdown(measure(tables, problems), Counter(p.rule for p in problems), day)
    if write is None:
        typer.echo(text)
        return
    try:
        current = write.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"--write {write}: cannot be read ({exc.strerror})") from None
    if AUDIT_BEGIN not in current or AUDIT_END not in current:
        raise DataError(f"--write {write}: has no generated section (the two marker lines {AUDIT_BEGIN!r} and {AUDIT_END!r})")
    head, rest = current.split(AUDIT_BEGIN, 1)
    _, tail = rest.split(AUDIT_END, 1)
    tmp = write.with_name(f".{write.name}.{os.getpid()}.tmp")
    tmp.write_text(f"{head}{AUDIT_BEGIN}\n{text}{AUDIT_END}{tail}", encoding="utf-8")
    os.replace(tmp, write)
    typer.echo(f"wrote the audit of {len(tables)} table(s) into {write}")


def _audit_markdown(rows: list[dict], rules, day) -> str:
    def share(part, whole):
        return f"{part / whole:.2f}" if whole else "—"

    lines = [f"Measured {day.isoformat()} by `factcheck data audit`.", "",
             "| table | rows | primary on publisher's host | share | rows with read_at | alternatives | "
             "alternatives breaking a dispute rule | rows on a denied link | rows dated before their edition |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    total = {k: 0 for k in ("rows", "primary", "with_read_at", "alternatives", "bad_alt", "denied", "before")}
    counted = 0
    for r in rows:
        primary = r["primary_on_publisher_host"]
        lines.append(f"| {r['table']} | {r['rows']} | {primary if primary is not None else 'no publisher_hosts'} | "
                     f"{share(primary, r['rows']) if primary is not None else '—'} | {r['with_read_at']} | "
                     f"{r['alternatives']} | {r['alternatives_breaking_dispute_rules']} | {r['on_denied_links']} | "
                     f"{r['dated_before_edition']} |")
        total["rows"] += r["rows"]
        if primary is not None:
            total["primary"] += primary
            counted += r["rows"]
        total["with_read_at"] += r["with_read_at"]
        total["alternatives"] += r["alternatives"]
        total["bad_alt"] += r["alternatives_breaking_dispute_rules"]
        total["denied"] += r["on_denied_links"]
        total["before"] += r["dated_before_edition"]
    lines.append(f"| **all** | {total['rows']} | {total['primary']} | {share(total['primary'], total['rows'])} | "
                 f"{total['with_read_at']} | {total['alternatives']} | {total['bad_alt']} | {total['denied']} | "
                 f"{total['before']} |")
    lines += ["", "The share is over all rows (a table without `publisher_hosts` counts as none on its publisher's host).",
              "", "Problems per rule (`factcheck data validate`):", ""]
    lines += [f"- `{rule}`: {n}" for rule, n in sorted(rules.items())] or ["- none"]
    return "\n".join(lines) + "\n"

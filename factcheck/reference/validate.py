"""Everything a reference table must satisfy, each problem naming file, row and field.

Tested like code, after codespell's ``test_dictionary.py``: the test suite runs this over
the shipped ``reference_data/``, and ``factcheck data validate`` runs it over any folder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .tables import (COLUMNS, PERIOD_KINDS, REQUIRED_COLUMNS, VALUE_KINDS, Table, load_entities,
                     load_table, table_folders)

HEDGES = {"", "about", "almost", "nearly", "more than", "at least", "up to", "less than", "around",
          "approximately", "roughly", "over", "close to"}
ROLES = {"central", "upper", "lower"}
VERDICTS = {"supported", "contradicted", "misattributed", "outdated", "needs_context", "unverifiable"}
DESCRIPTOR_FIELDS = ("publisher", "entity_kind", "period_kind", "editions", "metrics")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.message}"


def _date_ok(value: str) -> bool:
    for fmt, length in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        if len(value) == length:
            try:
                dt.datetime.strptime(value, fmt)
                return True
            except ValueError:
                return False
    return False


def validate_folders(roots: list[Path], shipped: Path | None = None) -> list[Problem]:
    """Problems in the tables of ``roots``. ``shipped`` is the shipped library: its
    entities are known everywhere, and a newsroom table may not reuse its ids."""
    problems: list[Problem] = []
    tables: list[Table] = []
    entities: dict = {}
    shipped_ids: set[str] = set()
    if shipped is not None and all(r.resolve() != shipped.resolve() for r in roots):
        entities.update(load_entities(shipped / "entities.csv"))
        shipped_ids = {f.name for f in table_folders(shipped)}
        roots = [shipped, *roots]
        skip_first = True
    else:
        skip_first = False
    for position, root in enumerate(roots):
        if skip_first and position == 0:
            continue
        if not root.is_dir():
            problems.append(Problem(str(root), None, None, "no such folder"))
            continue
        entities.update(load_entities(root / "entities.csv"))
        folders = table_folders(root)
        if not folders:
            problems.append(Problem(str(root), None, None, "holds no table (no */datapackage.json)"))
        for folder in folders:
            try:
                table = load_table(folder)
            except DataError as exc:
                problems.append(Problem(str(folder), None, None, str(exc)))
                continue
            if (position > 0 or skip_first) and table.id in shipped_ids and not table.overrides:
                problems.append(Problem(str(folder / "datapackage.json"), None, "name",
                                        f"table id {table.id!r} clashes with a shipped table; set \"overrides\": true to replace it"))
            if position == 0 and not skip_first:
                shipped_ids.add(table.id)
            tables.append(table)
            problems.extend(validate_table(table, entities))
    problems.extend(_alias_collisions(tables))
    problems.extend(_entity_collisions(tables, entities))
    return problems


def validate_table(table: Table, entities: dict) -> list[Problem]:
    problems: list[Problem] = []
    folder = Path(table.folder)
    desc = str(folder / "datapackage.json")
    csv_file = str(folder / "facts.csv")
    raw = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    meta = raw.get("factcheck", {})
    add = lambda file, row, fld, msg: problems.append(Problem(file, row, fld, msg))  # noqa: E731
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", table.id):
        add(desc, None, "name", f"table id {table.id!r} must be lower case letters, digits, '_', '-' or '.'")
    for key in ("title",):
        if not raw.get(key):
            add(desc, None, key, "is missing")
    if not raw.get("sources"):
        add(desc, None, "sources", "lists no source")
    for key in DESCRIPTOR_FIELDS:
        if not meta.get(key):
            add(desc, None, f"factcheck.{key}", "is missing or empty")
    if not table.names and not table.publisher_names:
        add(desc, None, "factcheck.names", "neither names nor publisher_names: no article could name this table")
    if table.period_kind not in PERIOD_KINDS:
        add(desc, None, "factcheck.period_kind", f"{table.period_kind!r} is not one of {', '.join(PERIOD_KINDS)}")
    for edition in table.editions.values():
        if not edition.published or not _date_ok(edition.published):
            add(desc, None, "factcheck.editions", f"edition {edition.id!r} has no valid published date")
    for metric in table.metrics.values():
        if metric.kind not in VALUE_KINDS:
            add(desc, None, "factcheck.metrics", f"metric {metric.id!r}: kind {metric.kind!r} is not one of {', '.join(VALUE_KINDS)}")
        if metric.out_of and metric.out_of not in table.metrics:
            add(desc, None, "factcheck.metrics", f"metric {metric.id!r}: out_of names unknown metric {metric.out_of!r}")
        if metric.kind != "text" and not metric.aliases and not metric.default:
            add(desc, None, "factcheck.metrics", f"metric {metric.id!r} has no aliases, so no claim can reach it")
    for scenario in table.scenarios.values():
        if scenario.role not in ROLES:
            add(desc, None, "factcheck.scenarios", f"scenario {scenario.id!r}: role {scenario.role!r} is not one of {', '.join(sorted(ROLES))}")
    if table.default_scenario and table.default_scenario not in table.scenarios:
        add(desc, None, "factcheck.default_scenario", f"{table.default_scenario!r} is not a declared scenario")
    _check_examples(table, meta, desc, add)
    _check_header(folder, csv_file, add)
    _check_rows(table, entities, csv_file, add)
    return problems


def _check_examples(table: Table, meta: dict, desc: str, add) -> None:
    verdicts = {e.get("verdict") for e in table.examples if isinstance(e, dict)}
    for example in table.examples:
        if not isinstance(example, dict) or not example.get("text") or example.get("verdict") not in VERDICTS:
            add(desc, None, "factcheck.examples", f"example {example!r} needs 'text' and a 'verdict' from {sorted(VERDICTS)}")
    if "supported" not in verdicts:
        add(desc, None, "factcheck.examples", "needs at least one example the table supports")
    if not verdicts & {"contradicted", "misattributed", "outdated", "needs_context"}:
        add(desc, None, "factcheck.examples", "needs at least one example the table contradicts")


def _check_header(folder: Path, csv_file: str, add) -> None:
    first = (folder / "facts.csv").read_text(encoding="utf-8-sig").splitlines()[:1]
    header = first[0].split(",") if first else []
    if tuple(h.strip() for h in header) != COLUMNS:
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            return  # load_table already refused it
        add(csv_file, 1, None, f"columns should be, in order: {','.join(COLUMNS)}")


def _check_rows(table: Table, entities: dict, csv_file: str, add) -> None:
    seen: dict[tuple, int] = {}
    ranks: dict[tuple, dict[float, str]] = {}
    sizes: dict[tuple, float] = {}
    for metric in table.metrics.values():
        if metric.kind == "rank" and metric.out_of:
            for f in table.rows(None, metric.out_of):
                if not f.status and f.number is not None:
                    sizes[(metric.id, f.edition, f.period)] = f.number
    for index, fact in enumerate(table.facts, start=2):
        for column in REQUIRED_COLUMNS:
            if not getattr(fact, column):
                add(csv_file, index, column, "is empty: every row needs it")
        metric = table.metrics.get(fact.metric)
        if metric is None:
            add(csv_file, index, "metric", f"{fact.metric!r} is not declared in datapackage.json")
        if fact.edition and table.editions and fact.edition not in table.editions:
            add(csv_file, index, "edition", f"{fact.edition!r} is not a declared edition")
        if table.period_kind == "edition" and fact.edition and fact.period != fact.edition:
            add(csv_file, index, "period", f"period {fact.period!r} should equal the edition {fact.edition!r} in an edition-kind table")
        if fact.scenario and fact.scenario not in table.scenarios:
            add(csv_file, index, "scenario", f"{fact.scenario!r} is not a declared scenario")
        if fact.status not in ("", "alternative"):
            add(csv_file, index, "status", f"{fact.status!r} must be empty or 'alternative'")
        if fact.status == "alternative" and not fact.note:
            add(csv_file, index, "note", "an alternative value needs a note saying why it differs")
        if fact.hedge.lower() not in HEDGES:
            add(csv_file, index, "hedge", f"{fact.hedge!r} is not a known hedge")
        if fact.published and not _date_ok(fact.published):
            add(csv_file, index, "published", f"{fact.published!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
        if fact.source_url and not re.match(r"https?://\S+$", fact.source_url):
            add(csv_file, index, "source_url", f"{fact.source_url!r} is not an http(s) URL")
        if fact.read_at and not re.match(r"https?://\S+$", fact.read_at):
            add(csv_file, index, "read_at", f"{fact.read_at!r} is not an http(s) URL")
        if fact.read_at_published and not _date_ok(fact.read_at_published):
            add(csv_file, index, "read_at_published", f"{fact.read_at_published!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
        if fact.entity and fact.entity not in entities and fact.entity not in table.entities:
            add(csv_file, index, "entity", f"{fact.entity!r} is neither in entities.csv nor declared in the table's entities")
        if metric is not None:
            if metric.kind != "text" and fact.value and fact.value != "undisclosed" and fact.number is None:
                add(csv_file, index, "value", f"{fact.value!r} is not a plain number")
            if metric.unit and fact.unit and fact.unit != metric.unit:
                add(csv_file, index, "unit", f"{fact.unit!r} differs from the metric's unit {metric.unit!r}")
            if metric.kind == "rank" and fact.number is not None:
                size = sizes.get((metric.id, fact.edition, fact.period))
                if fact.number < 1 or fact.number != int(fact.number) or (size and fact.number > size):
                    add(csv_file, index, "value", f"rank {fact.value} is outside 1..{int(size) if size else 'N'} for edition {fact.edition}")
                if table.ranks_unique and not fact.status:
                    holders = ranks.setdefault((fact.metric, fact.edition, fact.period, fact.scenario), {})
                    if fact.number in holders and holders[fact.number] != fact.entity:
                        add(csv_file, index, "value", f"rank {fact.value} in {fact.edition} is also given to {holders[fact.number]}")
                    holders[fact.number] = fact.entity
        key = (fact.entity, fact.metric, fact.period, fact.edition, fact.scenario, fact.status)
        if key in seen and not fact.status:
            add(csv_file, index, None, f"duplicate of row {seen[key]} (same entity, metric, period, edition, scenario)")
        seen.setdefault(key, index)


def _entity_collisions(tables: list[Table], entities: dict) -> list[Problem]:
    """An alias that names two different entities (in entities.csv or a table's own
    ``entities``) would make the matcher pick one at random."""
    problems = []
    owners: dict[str, tuple[str, str]] = {}

    def claim(alias: str, entity: str, where: str) -> None:
        key = alias.strip()
        if not key:
            return
        if key in owners and owners[key][0] != entity:
            problems.append(Problem(where, None, "entities",
                                    f"alias {alias!r} names both {owners[key][0]!r} ({owners[key][1]}) and {entity!r}"))
        owners.setdefault(key, (entity, where))

    for info in entities.values():
        for alias in (info.name, *info.aliases):
            claim(alias, info.name, "entities.csv")
    for table in tables:
        where = str(Path(table.folder) / "datapackage.json")
        for name, raw in table.entities.items():
            aliases = raw.get("aliases", []) if isinstance(raw, dict) else []
            for alias in (name, *aliases):
                claim(alias, name, where)
    return problems


def _alias_collisions(tables: list[Table]) -> list[Problem]:
    """A table name used by two tables makes the matcher unable to tell them apart."""
    problems = []
    owners: dict[str, str] = {}
    for table in tables:
        for name in table.names:
            key = name.lower()
            if key in owners and owners[key] != table.id:
                problems.append(Problem(str(Path(table.folder) / "datapackage.json"), None, "factcheck.names",
                                        f"name {name!r} also names table {owners[key]!r}: the matcher could not tell them apart"))
            owners.setdefault(key, table.id)
    return problems

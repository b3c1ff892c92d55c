"""Load reference tables: a ``datapackage.json`` and a ``facts.csv`` per folder.

Everything the matcher knows about a table comes from its descriptor (see
docs/reference-data.md), so a new table needs no code. Loading is structural only; the
full rules live in ``validate``. Parsed libraries are cached (``cache``) and rebuilt when
any file changes.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import field
from pathlib import Path

from ..dataclassgen import dataclass
from ..errors import DataError, Problem, TableError
from ..model import Fact

COLUMNS = (
    "entity", "metric", "period", "edition", "scenario", "value", "unit", "hedge", "status",
    "note", "publisher", "source_title", "source_url", "published",
    "read_at", "read_at_title", "read_at_published",
)
REQUIRED_COLUMNS = ("entity", "metric", "period", "edition", "value", "unit", "publisher",
                    "source_title", "source_url", "published")
VALUE_KINDS = ("rank", "count", "percent", "money", "quantity", "text")
PERIOD_KINDS = ("year", "edition", "list", "horizon")


@dataclass(frozen=True)
class Metric:
    """One measure a table publishes, with the words an article may use for it."""

    id: str
    label: str
    kind: str
    unit: str
    aliases: tuple[str, ...] = ()
    loose_aliases: dict = field(default_factory=dict)
    out_of: str | None = None
    default: bool = False
    definition: str = ""
    not_with: tuple[str, ...] = ()
    """Words that mean a sentence is about some other measure ("mixed precision" for
    TOP500's double-precision Rmax): the metric is not chosen where they stand."""


@dataclass(frozen=True)
class Edition:
    """One edition of a publication: its title and publication date."""

    id: str
    title: str
    published: str
    number: int | None = None
    """Which edition of the publication it is (the TOP500's 55th list): the editions'
    ``number``, or the "55th edition" its title states."""


@dataclass(frozen=True)
class Scenario:
    """One of a forecast's scenarios, with the part it plays."""

    id: str
    label: str
    role: str


@dataclass
class Table:
    """A reference table: its source, metrics, editions and rows."""

    id: str
    title: str
    publisher: str
    homepage: str
    folder: str
    names: tuple[str, ...]
    publisher_names: tuple[str, ...]
    entity_kind: str
    default_entity: str | None
    entities: dict
    period_kind: str
    editions: dict[str, Edition]
    metrics: dict[str, Metric]
    ranks_unique: bool
    scenarios: dict[str, Scenario]
    default_scenario: str | None
    tolerance: float
    examples: list
    cells: list[tuple[str, ...]]
    """The rows as plain tuples of cells (in ``COLUMNS`` order): cheap to cache and load.
    ``facts`` turns them into ``Fact`` records the first time a check touches the table."""
    overrides: bool = False
    subject_words: tuple[str, ...] = ()
    """Words naming what the whole table is about ("generative AI"): a figure said to
    exclude them ("excluding generative AI, AI could add $11 trillion") is not the table's."""
    topic_words: tuple[str, ...] = ()
    """Words for the topic of the whole table ("AI", "artificial intelligence"): a
    figure is the table's only where its sentence, its paragraph or the article's opening
    names the topic ("Goldman Sachs predicts global GDP will grow by 2.6%" in a paragraph
    on the business cycle is not the bank's AI estimate). Empty: no such test."""
    publisher_hosts: tuple[str, ...] = ()
    """The publisher's own hosts: every row's primary source must be on one of them."""
    cadence: tuple[int, ...] = ()
    """The months in which the publisher releases a new edition each year."""
    lines: tuple[int, ...] = ()
    """The line of ``facts.csv`` each row starts on (for problems; a quoted cell may span lines)."""
    widths: tuple[tuple[int, int], ...] = ()
    """``(line, cells)`` of rows whose number of cells differs from the header's."""
    notices: tuple[Problem, ...] = ()
    """Problems found while loading that do not stop the table being used (unknown keys)."""
    _index: dict = field(default_factory=dict, repr=False)

    @property
    def facts(self) -> list[Fact]:
        if "facts" not in self._index:
            self._index["facts"] = [self._fact(i) for i in range(len(self.cells))]
        return self._index["facts"]

    def _fact(self, i: int) -> Fact:
        """Row ``i`` as a ``Fact``, made once: a check touches a few rows of a big table,
        so rows are made when first asked for, not all at once."""
        made = self._index.setdefault("made", {})
        fact = made.get(i)
        if fact is None:
            fact = made[i] = Fact(self.id, *self.cells[i])
        return fact

    def _row_numbers(self) -> dict[tuple[str, str], list[int]]:
        """(entity, metric) → the numbers of its rows, in file order: one pass over the
        cells the first time the table is asked for rows (which also files them by metric
        and by entity alone, ``_by``)."""
        numbers = self._index.get("numbers")
        if numbers is None:
            numbers, metrics, entities = {}, {}, {}
            for i, row in enumerate(self.cells):
                entity, metric = row[0], row[1]
                key = (entity, metric)
                found = numbers.get(key)
                if found is None:
                    numbers[key] = [i]
                else:
                    found.append(i)
                found = metrics.get(metric)
                if found is None:
                    metrics[metric] = [i]
                else:
                    found.append(i)
                found = entities.get(entity)
                if found is None:
                    entities[entity] = [i]
                else:
                    found.append(i)
            self._index["by metric"], self._index["by entity"] = metrics, entities
            self._index["numbers"] = numbers
        return numbers

    def _by(self, column: str) -> dict[str, list[int]]:
        """``"metric"`` or ``"entity"`` → each value's row numbers, in file order."""
        self._row_numbers()
        return self._index["by " + column]

    def _numbers_of(self, metric: str) -> list[int]:
        """The numbers of the rows of ``metric``, in file order (without making them)."""
        return self._by("metric").get(metric, [])

    def rows(self, entity: str | None = None, metric: str | None = None) -> list[Fact]:
        """Facts for an entity and metric (either may be None for all), in file order."""
        if entity is None and metric is None:
            return list(self.facts)
        key = ("rows", entity, metric)
        found = self._index.get(key)
        if found is None:
            if entity is not None and metric is not None:
                picked = self._row_numbers().get((entity, metric), ())
            elif entity is not None:
                picked = self._by("entity").get(entity, ())
            else:
                picked = self._by("metric").get(metric, ())
            found = self._index[key] = [self._fact(i) for i in picked]
        return found

    @property
    def known_entities(self) -> frozenset[str]:
        """Every entity with a row; computed once (it is asked for every claim)."""
        if "known" not in self._index:
            self._index["known"] = frozenset(row[0] for row in self.cells)  # entity column
        return self._index["known"]

    def entities_with(self, metric: str) -> frozenset[str]:
        """Entities that have a row for ``metric``; computed once per metric."""
        key = ("entities", metric)
        if key not in self._index:
            self._index[key] = frozenset(self.cells[i][0] for i in self._numbers_of(metric))  # entity
        return self._index[key]

    def editions_held(self) -> frozenset[str]:
        """Editions the table has any row of (a declared edition may have none yet)."""
        if "held" not in self._index:
            self._index["held"] = frozenset(row[3] for row in self.cells)  # edition column
        return self._index["held"]

    def editions_with(self, metric: str) -> frozenset[str]:
        """Editions that publish ``metric``; computed once per metric."""
        key = ("editions", metric)
        if key not in self._index:
            self._index[key] = frozenset(self.cells[i][3] for i in self._numbers_of(metric))  # edition
        return self._index[key]

    def period_samples(self, metric: str) -> list[Fact]:
        """One row for each (edition, period) that publishes ``metric``: enough to ask which
        periods a claim can mean without walking every row."""
        key = ("samples", metric)
        if key not in self._index:
            seen: dict[tuple[str, str], int] = {}
            for i in self._numbers_of(metric):
                seen.setdefault((self.cells[i][3], self.cells[i][2]), i)  # (edition, period)
            self._index[key] = [self._fact(i) for i in seen.values()]
        return self._index[key]

    def edition_order(self) -> list[Edition]:
        """The editions, oldest first (sorted once: every check asks)."""
        order = self._index.get("edition_order")
        if order is None:
            order = self._index["edition_order"] = tuple(sorted(self.editions.values(), key=lambda e: (e.published, e.id)))
        return list(order)


def _metric(raw: dict) -> Metric:
    return Metric(
        id=raw["id"], label=raw.get("label", raw["id"]), kind=raw["kind"],
        unit=raw.get("unit", ""), aliases=tuple(raw.get("aliases", ())),
        loose_aliases=dict(raw.get("loose_aliases", {})), out_of=raw.get("out_of"),
        default=bool(raw.get("default", False)), definition=raw.get("definition", ""),
        not_with=tuple(raw.get("not_with", ())),
    )


def read_descriptor(folder: Path) -> tuple[dict, list[Problem]]:
    """The descriptor of a table folder and the problems that make it unusable (empty
    when it can be loaded), each naming the file, the place and the rule."""
    path = folder / "datapackage.json"
    where = str(path)

    def unreadable(message: str) -> tuple[dict, list[Problem]]:
        return {}, [Problem(where, None, None, message, "descriptor-unreadable")]

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return unreadable("no such file")
    except IsADirectoryError:
        return unreadable("is a folder, not a file")
    except UnicodeDecodeError:
        return unreadable("is not UTF-8 text")
    except OSError as exc:
        return unreadable(f"cannot be read ({exc.strerror or exc.__class__.__name__})")
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, [Problem(where, exc.lineno, None, f"not valid JSON: {exc.msg} (column {exc.colno})",
                            "descriptor-unreadable")]
    except RecursionError:
        return unreadable("JSON nested too deeply to be a descriptor")
    from .schemacheck import errors
    try:
        found = errors(descriptor)
    except RecursionError:  # pragma: no cover - the schema bounds the depth walked
        return unreadable("JSON nested too deeply to be a descriptor")
    problems = [Problem(where, None, place, message,
                        "descriptor-unknown-key" if unknown else "descriptor-schema")
                for place, message, unknown in found]
    if not found:
        meta = descriptor["factcheck"]
        for key in ("metrics", "editions", "scenarios"):
            ids = [item["id"] for item in meta.get(key, [])]
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                problems.append(Problem(where, None, f"factcheck.{key}",
                                        f"id(s) {', '.join(map(repr, repeated))} declared twice", "descriptor-duplicate-id"))
    return descriptor, problems


def load_table(folder: Path) -> Table:
    """Read one table folder; raise ``TableError`` (a ``DataError``) naming file, place
    and rule when it cannot be used at all. Everything else is ``validate``'s."""
    descriptor, problems = read_descriptor(folder)
    blocking = [p for p in problems if p.rule != "descriptor-unknown-key"]
    if blocking:
        raise TableError(blocking)
    meta = descriptor["factcheck"]
    table_id = descriptor["name"]
    resources = descriptor.get("resources") or [{"path": "facts.csv"}]
    csv_path = folder / resources[0]["path"]
    metrics = {}
    for raw in meta["metrics"]:
        metrics[raw["id"]] = _metric(raw)
    editions = {}
    for raw in meta["editions"]:
        title = raw.get("title", raw["id"])
        stated = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)\s+edition\b", title)
        number = raw["number"] if "number" in raw else (int(stated.group(1)) if stated else None)
        editions[raw["id"]] = Edition(raw["id"], title, raw["published"], number)
    scenarios = {}
    for raw in meta.get("scenarios", []):
        scenarios[raw["id"]] = Scenario(raw["id"], raw.get("label", raw["id"]), raw.get("role", "central"))
    cells, lines, widths = read_cells(csv_path)
    return Table(
        id=table_id,
        title=descriptor["title"],
        publisher=meta["publisher"],
        homepage=descriptor.get("homepage", ""),
        folder=str(folder),
        names=tuple(meta.get("names", ())),
        publisher_names=tuple(meta.get("publisher_names", ())),
        entity_kind=meta["entity_kind"],
        default_entity=meta.get("default_entity"),
        entities=dict(meta.get("entities", {})),
        period_kind=meta["period_kind"],
        editions=editions,
        metrics=metrics,
        ranks_unique=bool(meta.get("ranks_unique", False)),
        scenarios=scenarios,
        default_scenario=meta.get("default_scenario"),
        tolerance=float(meta.get("tolerance", {}).get("relative", 0.0)),
        examples=list(meta.get("examples", [])),
        cells=cells,
        overrides=bool(meta.get("overrides", False)),
        subject_words=tuple(meta.get("subject_words", ())),
        topic_words=tuple(meta.get("topic_words", ())),
        publisher_hosts=tuple(meta.get("publisher_hosts", ())),
        cadence=tuple(sorted(meta.get("cadence", {}).get("months", ()))),
        lines=lines,
        widths=widths,
        notices=tuple(problems),
    )


def read_cells(csv_path: Path) -> tuple[list[tuple[str, ...]], tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The rows of a facts file as tuples in ``COLUMNS`` order, the line each starts
    on, and the rows whose width differs from the header's. Blank lines are skipped."""
    where = str(csv_path)

    def fail(message: str, rule: str = "csv-unreadable", line: int | None = None):
        raise TableError([Problem(where, line, None, message, rule)])

    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                fail(f"missing column(s) {', '.join(missing)}", "csv-header", 1)
            # Equal strings (entities, metrics, sources) are shared: a big library takes
            # half the memory and half the cache.
            pool: dict[str, str] = {}
            positions = [header.index(c) if c in header else None for c in COLUMNS]
            rows, lines, widths = [], [], []
            last = reader.line_num
            for raw in reader:
                start, last = last + 1, reader.line_num
                if not raw or (len(raw) == 1 and not raw[0].strip()):
                    continue
                if len(raw) != len(header):
                    widths.append((start, len(raw)))
                rows.append(tuple(pool.setdefault(v, v) for v in (
                    (raw[i].strip() if i is not None and i < len(raw) else "") for i in positions)))
                lines.append(start)
            return rows, tuple(lines), tuple(widths)
    except FileNotFoundError:
        fail("no such file")
    except IsADirectoryError:
        fail("is a folder, not a file")
    except UnicodeDecodeError as exc:
        fail(f"is not UTF-8 text (byte {exc.start})")
    except csv.Error as exc:
        fail(f"unreadable CSV ({exc})")
    except OSError as exc:
        fail(f"cannot be read ({exc.strerror or exc.__class__.__name__})")


@dataclass(frozen=True)
class EntityInfo:
    """An entity the tables know, with its other names."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


ENTITY_COLUMNS = ("entity", "kind", "aliases", "demonyms")


def load_entities(path: Path) -> dict[str, EntityInfo]:
    if not path.exists():
        return {}
    out = {}
    where = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in reader.fieldnames or ()]
            if "entity" not in header or not set(header) <= set(ENTITY_COLUMNS):
                raise TableError([Problem(where, 1, None, f"columns should be {','.join(ENTITY_COLUMNS)}",
                                          "entities-header")])
            for row in reader:
                name = (row.get("entity") or "").strip()
                if not name:
                    continue
                split = lambda v: tuple(a.strip() for a in (v or "").split("|") if a.strip())  # noqa: E731
                out[name] = EntityInfo(name, (row.get("kind") or "economy").strip(),
                                       split(row.get("aliases")), split(row.get("demonyms")))
    except IsADirectoryError:
        raise TableError([Problem(where, None, None, "is a folder, not a file", "entities-unreadable")]) from None
    except UnicodeDecodeError as exc:
        raise TableError([Problem(where, None, None, f"is not UTF-8 text (byte {exc.start})",
                                  "entities-unreadable")]) from None
    except (csv.Error, OSError) as exc:
        raise TableError([Problem(where, None, None, f"unreadable CSV ({exc})", "entities-unreadable")]) from None
    return out


def release_month(published: str) -> tuple[int, int]:
    """(year, month) of an edition's publication date ("2024-06-13", "2024-06", "2024":
    a bare year counts as its December); (0, 0) when unreadable."""
    parts = published.split("-")
    try:
        return int(parts[0]), int(parts[1]) if len(parts) > 1 else 12
    except ValueError:
        return 0, 0


def behind(table: Table, today) -> str | None:
    """The editions a table is missing, by its publisher's cadence, at the date ``today``:
    ``"2026-06, 2026-11"`` (a table released several times a year) or ``"2026"``; None
    when the table is up to date or has no cadence. An edition is due once its release
    month has ended; any edition published in that month or later counts as having it."""
    if not table.cadence or not table.editions:
        return None
    year, month = today.year, today.month - 1  # the last month that has ended
    if month == 0:
        year, month = year - 1, 12

    latest = max(release_month(e.published) for e in table.editions.values())
    first = max(latest[0], year - 3)  # name at most the last few years' missing editions
    due = [(y, int(m)) for y in range(first, year + 1) for m in table.cadence if latest < (y, int(m)) <= (year, month)]
    if not due:
        return None
    if len(table.cadence) > 1:
        return ", ".join(f"{y}-{m:02d}" for y, m in due)
    return ", ".join(str(y) for y, _ in due)


def table_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/datapackage.json"))

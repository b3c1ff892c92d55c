"""Load reference tables: a ``datapackage.json`` and a ``facts.csv`` per folder.

Everything the matcher knows about a table comes from its descriptor (see
docs/reference-data.md), so a new table needs no code. Loading is structural only; the
full rules live in ``validate``. Parsed libraries are cached (``cache``) and rebuilt when
any file changes.
"""

from __future__ import annotations

import csv
import re
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
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
    id: str
    title: str
    published: str
    number: int | None = None
    """Which edition of the publication it is (the TOP500's 55th list): the editions'
    ``number``, or the "55th edition" its title states."""


@dataclass(frozen=True)
class Scenario:
    id: str
    label: str
    role: str


@dataclass
class Table:
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
    _index: dict = field(default_factory=dict, repr=False)

    @property
    def facts(self) -> list[Fact]:
        if "facts" not in self._index:
            self._index["facts"] = [Fact(self.id, *row) for row in self.cells]
        return self._index["facts"]

    def rows(self, entity: str | None = None, metric: str | None = None) -> list[Fact]:
        """Facts for an entity and metric (either may be None for all)."""
        if (None, None, "built") not in self._index:
            self._index[(None, None, "built")] = True
            for fact in self.facts:
                self._index.setdefault((fact.entity, fact.metric), []).append(fact)
                self._index.setdefault((None, fact.metric), []).append(fact)
                self._index.setdefault((fact.entity, None), []).append(fact)
        if entity is None and metric is None:
            return list(self.facts)
        return self._index.get((entity, metric), [])

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
            self._index[key] = frozenset(f.entity for f in self.rows(None, metric))
        return self._index[key]

    def editions_with(self, metric: str) -> frozenset[str]:
        """Editions that publish ``metric``; computed once per metric."""
        key = ("editions", metric)
        if key not in self._index:
            self._index[key] = frozenset(f.edition for f in self.rows(None, metric))
        return self._index[key]

    def period_samples(self, metric: str) -> list[Fact]:
        """One row for each (edition, period) that publishes ``metric``: enough to ask which
        periods a claim can mean without walking every row."""
        key = ("samples", metric)
        if key not in self._index:
            seen: dict[tuple[str, str], Fact] = {}
            for f in self.rows(None, metric):
                seen.setdefault((f.edition, f.period), f)
            self._index[key] = list(seen.values())
        return self._index[key]

    def edition_order(self) -> list[Edition]:
        return sorted(self.editions.values(), key=lambda e: (e.published, e.id))


def _metric(raw: dict, where: str) -> Metric:
    try:
        return Metric(
            id=raw["id"], label=raw.get("label", raw["id"]), kind=raw["kind"],
            unit=raw.get("unit", ""), aliases=tuple(raw.get("aliases", ())),
            loose_aliases=dict(raw.get("loose_aliases", {})), out_of=raw.get("out_of"),
            default=bool(raw.get("default", False)), definition=raw.get("definition", ""),
            not_with=tuple(raw.get("not_with", ())),
        )
    except KeyError as exc:
        raise DataError(f"{where}: a metric lacks the field {exc.args[0]!r}") from None


def load_table(folder: Path) -> Table:
    """Read one table folder; raise ``DataError`` naming the file on structural problems."""
    descriptor_path = folder / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{folder}: no datapackage.json") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{descriptor_path}: not valid JSON ({exc})") from None
    if not isinstance(descriptor, dict):
        raise DataError(f"{descriptor_path}: must hold a JSON object")
    meta = descriptor.get("factcheck")
    if not isinstance(meta, dict):
        raise DataError(f"{descriptor_path}: has no 'factcheck' object")
    table_id = descriptor.get("name") or folder.name
    resources = descriptor.get("resources") or [{"path": "facts.csv"}]
    csv_path = folder / resources[0].get("path", "facts.csv")
    metrics = {}
    for raw in meta.get("metrics", []):
        metric = _metric(raw, str(descriptor_path))
        metrics[metric.id] = metric
    editions = {}
    for raw in meta.get("editions", []):
        title = raw.get("title", str(raw["id"]))
        stated = re.search(r"\b(\d{1,3})(?:st|nd|rd|th)\s+edition\b", str(title))
        number = raw.get("number") if isinstance(raw.get("number"), int) else (int(stated.group(1)) if stated else None)
        editions[str(raw["id"])] = Edition(str(raw["id"]), title, str(raw.get("published", "")), number)
    scenarios = {}
    for raw in meta.get("scenarios", []):
        scenarios[raw["id"]] = Scenario(raw["id"], raw.get("label", raw["id"]), raw.get("role", "central"))
    tolerance = meta.get("tolerance", {})
    return Table(
        id=table_id,
        title=descriptor.get("title", table_id),
        publisher=meta.get("publisher", ""),
        homepage=descriptor.get("homepage", ""),
        folder=str(folder),
        names=tuple(meta.get("names", ())),
        publisher_names=tuple(meta.get("publisher_names", ())),
        entity_kind=meta.get("entity_kind", "economy"),
        default_entity=meta.get("default_entity"),
        entities=dict(meta.get("entities", {})),
        period_kind=meta.get("period_kind", "year"),
        editions=editions,
        metrics=metrics,
        ranks_unique=bool(meta.get("ranks_unique", False)),
        scenarios=scenarios,
        default_scenario=meta.get("default_scenario"),
        tolerance=float(tolerance.get("relative", 0.0)) if isinstance(tolerance, dict) else 0.0,
        examples=list(meta.get("examples", [])),
        cells=read_cells(csv_path),
        overrides=bool(meta.get("overrides", False)),
        subject_words=tuple(str(w) for w in meta.get("subject_words", ()) if isinstance(w, str)),
    )


def read_cells(csv_path: Path) -> list[tuple[str, ...]]:
    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            header = [h.strip() for h in next(csv.reader(handle), [])]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise DataError(f"{csv_path}: missing column(s) {', '.join(missing)}")
            # Equal strings (entities, metrics, sources) are shared: a big library takes
            # half the memory and half the cache.
            pool: dict[str, str] = {}
            positions = [header.index(c) if c in header else None for c in COLUMNS]
            rows = []
            for raw in csv.reader(handle):
                rows.append(tuple(pool.setdefault(v, v) for v in (
                    (raw[i].strip() if i is not None and i < len(raw) else "") for i in positions)))
            return rows
    except FileNotFoundError:
        raise DataError(f"{csv_path}: no such file") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{csv_path}: unreadable CSV ({exc})") from None


@dataclass(frozen=True)
class EntityInfo:
    name: str
    kind: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


def load_entities(path: Path) -> dict[str, EntityInfo]:
    if not path.exists():
        return {}
    out = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                name = (row.get("entity") or "").strip()
                if not name:
                    continue
                split = lambda v: tuple(a.strip() for a in (v or "").split("|") if a.strip())  # noqa: E731
                out[name] = EntityInfo(name, (row.get("kind") or "economy").strip(),
                                       split(row.get("aliases")), split(row.get("demonyms")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path}: unreadable CSV ({exc})") from None
    return out


def table_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/datapackage.json"))

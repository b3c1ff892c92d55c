"""Everything a reference table must satisfy, each problem naming file, row, rule and field.

Tested like code, after codespell's ``test_dictionary.py``: the test suite runs this over
the shipped ``reference_data/``, and ``factcheck data validate`` runs it over any folder.
``library.load`` runs it whenever it (re)builds the cached library and keeps the verdict
with the cache, so a check refuses broken data without validating on every run.

Every rule has an id (``RULES``). Most are *blocking*: the data is broken and a check
would read it wrong, so a check refuses to run. The source-policy and dispute rules are
not: the figure is usable but its citation falls short of the policy; ``data validate``
still fails on them (exit 1) so the data desk's CI does.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from .. import patterns
from ..errors import Problem, TableError
from .sourcepolicy import POLICY_FILE, Policy, host_of, host_matches, link_problems, load_policy
from .tables import COLUMNS, REQUIRED_COLUMNS, Table, load_entities, load_table, table_folders

__all__ = ["Problem", "RULES", "validate_folders", "validate_library", "validate_table", "blocking"]

HEDGES = {"", "about", "almost", "nearly", "more than", "at least", "up to", "less than", "around",
          "approximately", "roughly", "over", "close to"}

RULES: dict[str, tuple[bool, str]] = {
    # id: (blocks a check, what it catches)
    "policy-file": (True, "source_policy.json is unreadable or has a malformed entry"),
    "descriptor-unreadable": (True, "datapackage.json is missing, not UTF-8, not JSON, or nested absurdly deep"),
    "descriptor-schema": (True, "datapackage.json breaks its JSON Schema (factcheck/datapackage.schema.json)"),
    "descriptor-unknown-key": (False, "a key the schema does not know (a typo?) in the factcheck block"),
    "descriptor-unnamed": (True, "neither names nor publisher_names: no article could name the table"),
    "descriptor-edition-date": (True, "an edition's published date is not a real date"),
    "descriptor-duplicate-id": (True, "two metrics, editions or scenarios share an id"),
    "descriptor-metric": (True, "a metric no claim can reach, or whose out_of names no count metric"),
    "descriptor-scenario": (True, "default_scenario is not a declared scenario"),
    "descriptor-entity": (True, "default_entity is neither in entities.csv nor in the table's entities"),
    "descriptor-examples": (True, "the table lacks an example it supports or one it flags"),
    "csv-unreadable": (True, "facts.csv is missing, a folder, not UTF-8 or not CSV"),
    "csv-header": (True, "facts.csv's header is not the columns in order"),
    "entities-unreadable": (True, "entities.csv is a folder, not UTF-8 or not CSV"),
    "entities-header": (True, "entities.csv's header is not entity,kind,aliases,demonyms"),
    "entities-row": (True, "an entities.csv row with the wrong number of cells, a repeated entity or hidden characters"),
    "row-width": (True, "a row with more or fewer cells than the header"),
    "row-required": (True, "a required cell is empty"),
    "row-control-character": (True, "a cell holds a NUL, control or invisible formatting character"),
    "row-metric": (True, "the metric is not declared"),
    "row-edition": (True, "the edition is not declared"),
    "row-scenario": (True, "the scenario is not declared"),
    "row-entity": (True, "the entity is neither in entities.csv nor in the table's entities"),
    "row-period": (True, "the period does not have the form the table's period_kind needs"),
    "row-status": (True, "status is neither empty nor 'alternative'"),
    "row-hedge": (True, "an unknown hedge"),
    "row-value": (True, "the value is not a plain number (digits, '-', '.'), or not a whole number for a rank or count"),
    "row-unit": (True, "the unit differs from the metric's"),
    "row-rank": (True, "a rank outside 1..N of its edition, or shared by two entities in a league table"),
    "row-duplicate": (True, "two trusted rows with the same entity, metric, period, edition and scenario"),
    "row-date": (True, "published or read_at_published is not a date"),
    "row-url": (True, "source_url or read_at is not an http(s) URL"),
    "row-alternative-note": (True, "an alternative value without a note"),
    "table-id-clash": (True, "a newsroom table reuses a shipped table's id without \"overrides\": true"),
    "table-name-shared": (True, "one name names two tables"),
    "entity-alias-shared": (True, "one alias names two entities"),
    "source-publisher-hosts-missing": (False, "the table does not list its publisher's hosts (factcheck.publisher_hosts)"),
    "source-not-publisher-host": (False, "a primary source (source_url) not on one of the publisher's hosts"),
    "source-before-edition": (False, "a source dated before the edition it supports (beyond the embargo allowance)"),
    "source-staging-host": (False, "a staging, development or test host"),
    "source-bare-ip": (False, "a bare IP address instead of a host name"),
    "source-cdn-origin": (False, "a CDN origin or app-hosting preview host"),
    "source-redirect-link": (False, "a link shortener or redirect link"),
    "source-forum-link": (False, "a forum post"),
    "source-submission-queue": (False, "a story submission queue"),
    "source-denied-host": (False, "a copy, mirror, dump or aggregator site on the deny list"),
    "source-read-at-incomplete": (False, "read_at without its title or date, or a title/date without read_at"),
    "dispute-no-trusted-value": (False, "an alternative value with no trusted row beside it"),
    "dispute-note-unclear": (False, "an alternative whose note does not name the value the table trusts"),
}


def blocking(problem: Problem) -> bool:
    """Does this problem stop a check (the data is broken), or only ``data validate``?"""
    return RULES.get(problem.rule, (True, ""))[0]


_INVISIBLE = patterns.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_BREAKS = patterns.compile(r"[\t\n\r]")
_FREE_TEXT = {"note", "source_title", "read_at_title"}
_NUMBER = patterns.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_URL = patterns.compile(r"https?://[^\s/?#]+[^\s]*")
_KEY_CELLS = tuple(i for i, c in enumerate(COLUMNS) if c not in _FREE_TEXT)
_REQUIRED_CELLS = tuple((c, COLUMNS.index(c)) for c in REQUIRED_COLUMNS)
_PERIODS = {
    "list": patterns.compile(r"[0-9]{4}-(0[1-9]|1[0-2])"),
    "year": patterns.compile(r"[0-9]{4}(-[0-9]{4})?"),
    "horizon": patterns.compile(r"[0-9]+y|long-run|[0-9]{4}(-[0-9]{4})?"),
}


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> tuple[int, ...] | None:
    """``(y,)``, ``(y, m)`` or ``(y, m, d)`` of a valid date; None when not one."""
    for fmt, length in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        if len(value) == length:
            try:
                parsed = dt.datetime.strptime(value, fmt)
            except ValueError:
                return None
            return (parsed.year, parsed.month, parsed.day)[:{10: 3, 7: 2, 4: 1}[length]]
    return None


def _date_ok(value: str) -> bool:
    return _parse_date(value) is not None


@lru_cache(maxsize=4096)
def _before(source: str, edition: str, embargo_days: int) -> bool:
    """Is a source dated ``source`` earlier than an edition published ``edition``, beyond
    the embargo allowance? Partial dates compare at the precision both have."""
    a, b = _parse_date(source), _parse_date(edition)
    if a is None or b is None:
        return False
    if len(a) == 3 and len(b) == 3:
        return dt.date(*a) < dt.date(*b) - dt.timedelta(days=embargo_days)
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def policy_for(roots: list[Path], shipped: Path | None) -> Policy:
    """The shipped deny list plus each folder's own ``source_policy.json``."""
    policy = Policy()
    seen: set[Path] = set()
    for root in ([shipped] if shipped is not None else []) + list(roots):
        path = (root / POLICY_FILE).resolve()
        if path not in seen:
            seen.add(path)
            policy = policy.merged(load_policy(path))
    return policy


def validate_folders(roots: list[Path], shipped: Path | None = None, policy: Policy | None = None) -> list[Problem]:
    """Problems in the tables of ``roots``. ``shipped`` is the shipped library: its
    entities and deny list apply everywhere, and a newsroom table may not reuse its ids."""
    problems: list[Problem] = []
    tables: list[Table] = []
    entities: dict = {}
    shipped_ids: set[str] = set()
    try:
        policy = policy if policy is not None else policy_for(roots, shipped)
    except TableError as exc:
        problems.extend(exc.problems)
        policy = Policy()
    skip_first = shipped is not None and all(r.resolve() != shipped.resolve() for r in roots)
    if skip_first:
        entities.update(load_entities(shipped / "entities.csv"))
        shipped_ids = {f.name for f in table_folders(shipped)}
        roots = [shipped, *roots]
    for position, root in enumerate(roots):
        if skip_first and position == 0:
            continue
        if not root.is_dir():
            problems.append(Problem(str(root), None, None, "no such folder", "descriptor-unreadable"))
            continue
        try:
            entities.update(load_entities(root / "entities.csv"))
        except TableError as exc:
            problems.extend(exc.problems)
        problems.extend(check_entities_file(root / "entities.csv"))
        folders = table_folders(root)
        if not folders:
            problems.append(Problem(str(root), None, None, "holds no table (no */datapackage.json)",
                                    "descriptor-unreadable"))
        for folder in folders:
            try:
                table = load_table(folder)
            except TableError as exc:
                problems.extend(exc.problems)
                continue
            if (position > 0 or skip_first) and table.id in shipped_ids and not table.overrides:
                problems.append(Problem(str(folder / "datapackage.json"), None, "name",
                                        f"table id {table.id!r} clashes with a shipped table; set \"overrides\": true to replace it",
                                        "table-id-clash"))
            if position == 0 and not skip_first:
                shipped_ids.add(table.id)
            tables.append(table)
    problems.extend(_tables_problems(tables, entities, policy))
    return problems


def validate_library(roots: list[Path], tables: list[Table], entities: dict, shipped: Path | None) -> list[Problem]:
    """The verdict on a library ``library.load`` has just built (tables already parsed)."""
    problems: list[Problem] = []
    for root in roots:
        problems.extend(check_entities_file(root / "entities.csv"))
    try:
        policy = policy_for(roots, shipped)
    except TableError as exc:
        return problems + exc.problems
    return problems + _tables_problems(tables, entities, policy)


def _tables_problems(tables: list[Table], entities: dict, policy: Policy) -> list[Problem]:
    problems: list[Problem] = []
    for table in tables:
        problems.extend(validate_table(table, entities, policy))
    problems.extend(_alias_collisions(tables))
    problems.extend(_entity_collisions(tables, entities))
    return problems


def check_entities_file(path: Path) -> list[Problem]:
    """Rows of ``entities.csv`` that load would skip or misread."""
    import csv

    if not path.is_file():
        return []
    problems: list[Problem] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            seen: dict[str, int] = {}
            last = reader.line_num
            for raw in reader:
                start, last = last + 1, reader.line_num
                if not raw or (len(raw) == 1 and not raw[0].strip()):
                    continue
                add = lambda msg: problems.append(Problem(str(path), start, None, msg, "entities-row"))  # noqa: E731
                if len(raw) != len(header):
                    add(f"has {len(raw)} cells; the header has {len(header)}")
                if any(_INVISIBLE.search(c) or _BREAKS.search(c) for c in raw):
                    add("holds a control or invisible character")
                name = raw[header.index("entity")].strip() if "entity" in header and header.index("entity") < len(raw) else ""
                if not name:
                    add("has no entity name")
                elif name in seen:
                    add(f"{name!r} repeats row {seen[name]}")
                seen.setdefault(name, start)
                if "kind" in header and header.index("kind") < len(raw) and not raw[header.index("kind")].strip():
                    add("has no kind")
    except (OSError, UnicodeDecodeError, csv.Error):
        return []  # load_entities reports it
    return problems


def validate_table(table: Table, entities: dict, policy: Policy | None = None) -> list[Problem]:
    policy = policy or Policy()
    problems: list[Problem] = list(table.notices)
    folder = Path(table.folder)
    desc = str(folder / "datapackage.json")
    csv_file = str(folder / "facts.csv")

    def add(file, row, fld, msg, rule):
        problems.append(Problem(file, row, fld, msg, rule))

    if not table.names and not table.publisher_names:
        add(desc, None, "factcheck.names", "neither names nor publisher_names: no article could name this table",
            "descriptor-unnamed")
    for edition in table.editions.values():
        if not _date_ok(edition.published):
            add(desc, None, "factcheck.editions", f"edition {edition.id!r}: {edition.published!r} is not a real date",
                "descriptor-edition-date")
    for metric in table.metrics.values():
        if metric.out_of and (metric.out_of not in table.metrics or table.metrics[metric.out_of].kind != "count"):
            add(desc, None, "factcheck.metrics", f"metric {metric.id!r}: out_of names no count metric ({metric.out_of!r})",
                "descriptor-metric")
        if metric.kind != "text" and not metric.aliases and not metric.default:
            add(desc, None, "factcheck.metrics", f"metric {metric.id!r} has no aliases, so no claim can reach it",
                "descriptor-metric")
    if table.default_scenario and table.default_scenario not in table.scenarios:
        add(desc, None, "factcheck.default_scenario", f"{table.default_scenario!r} is not a declared scenario",
            "descriptor-scenario")
    if table.default_entity and table.default_entity not in entities and table.default_entity not in table.entities:
        add(desc, None, "factcheck.default_entity", f"{table.default_entity!r} is not a known entity",
            "descriptor-entity")
    _check_examples(table, desc, add)
    if not table.publisher_hosts:
        add(desc, None, "factcheck.publisher_hosts", "lists none of the publisher's own hosts, so no row's primary source can be checked",
            "source-publisher-hosts-missing")
    for line, width in table.widths:
        add(csv_file, line, None, f"has {width} cells; the header has {len(COLUMNS)}", "row-width")
    _check_header(folder, csv_file, add)
    _check_rows(table, entities, csv_file, add, policy)
    return problems


def _check_examples(table: Table, desc: str, add) -> None:
    verdicts = {e.get("verdict") for e in table.examples if isinstance(e, dict)}
    if "supported" not in verdicts:
        add(desc, None, "factcheck.examples", "needs at least one example the table supports", "descriptor-examples")
    if not verdicts & {"contradicted", "misattributed", "outdated", "needs_context"}:
        add(desc, None, "factcheck.examples", "needs at least one example the table contradicts", "descriptor-examples")


def _check_header(folder: Path, csv_file: str, add) -> None:
    try:
        with (folder / "facts.csv").open(encoding="utf-8-sig") as handle:
            first = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return
    if tuple(h.strip() for h in first.split(",")) != COLUMNS:
        add(csv_file, 1, None, f"columns should be, in order: {','.join(COLUMNS)}", "csv-header")


_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12}
_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_NOTE_NUMBER = patterns.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(thousand|million|billion|trillion|mn|bn|tn|[kmbt])?(?![a-z]{3})",
                          re.I)


def _note_values(note: str) -> set[float]:
    """Every number a note mentions, with its scale ("7 trillion", "8,699,904", "11th", "seventh")."""
    values: set[float] = set()
    for m in _NOTE_NUMBER.finditer(note):
        base = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        values.add(base)
        if m.group(3):
            values.add(base * _SCALES[m.group(3).lower()])
    for word in re.findall(r"[a-z]+", note.lower()):
        if word in _ORDINALS:
            values.add(float(_ORDINALS[word]))
    return values


def _mentions(note: str, trusted: list) -> bool:
    values = _note_values(note)
    for fact in trusted:
        number = fact.number
        if number is None:
            if fact.value and fact.value.lower() in note.lower():
                return True
            continue
        if any(abs(v - number) <= 1e-9 * max(1.0, abs(number)) for v in values):
            return True
    return False


def _check_rows(table: Table, entities: dict, csv_file: str, add, policy: Policy) -> None:
    seen: dict[tuple, int] = {}
    ranks: dict[tuple, dict[float, str]] = {}
    sizes: dict[tuple, float] = {}
    trusted: dict[tuple, list] = {}
    for fact in table.facts:
        if not fact.status:
            trusted.setdefault((fact.entity, fact.metric, fact.period, fact.edition, fact.scenario), []).append(fact)
            trusted.setdefault((fact.entity, fact.metric, fact.period, fact.edition), []).append(fact)
    for metric in table.metrics.values():
        if metric.kind == "rank" and metric.out_of:
            for f in table.rows(None, metric.out_of):
                if not f.status and f.number is not None:
                    sizes[(metric.id, f.edition, f.period)] = f.number
    period_form = _PERIODS.get(table.period_kind)
    links: dict[str, list] = {}  # rows share URLs: judge each link once
    lines = table.lines or tuple(range(2, len(table.facts) + 2))
    for line, cells, fact in zip(lines, table.cells, table.facts):
        def bad(fld, msg, rule, _line=line):
            add(csv_file, _line, fld, msg, rule)

        if _INVISIBLE.search(",".join(cells)) or _BREAKS.search(",".join(cells[i] for i in _KEY_CELLS)):
            for column, cell in zip(COLUMNS, cells):
                found = _INVISIBLE.search(cell) or (column not in _FREE_TEXT and _BREAKS.search(cell))
                if found:
                    bad(column, f"holds the hidden character U+{ord(found.group(0)):04X}", "row-control-character")
        for column, index in _REQUIRED_CELLS:
            if not cells[index]:
                bad(column, "is empty: every row needs it", "row-required")
        metric = table.metrics.get(fact.metric)
        if fact.metric and metric is None:
            bad("metric", f"{fact.metric!r} is not declared in datapackage.json", "row-metric")
        if fact.edition and fact.edition not in table.editions:
            bad("edition", f"{fact.edition!r} is not a declared edition", "row-edition")
        if table.period_kind == "edition":
            if fact.edition and fact.period != fact.edition:
                bad("period", f"period {fact.period!r} should equal the edition {fact.edition!r} in an edition-kind table",
                    "row-period")
        elif period_form and fact.period and not period_form.fullmatch(fact.period):
            bad("period", f"{fact.period!r} is not a period of a {table.period_kind}-kind table", "row-period")
        if fact.scenario and fact.scenario not in table.scenarios:
            bad("scenario", f"{fact.scenario!r} is not a declared scenario", "row-scenario")
        if fact.status not in ("", "alternative"):
            bad("status", f"{fact.status!r} must be empty or 'alternative'", "row-status")
        if fact.hedge.lower() not in HEDGES:
            bad("hedge", f"{fact.hedge!r} is not a known hedge", "row-hedge")
        for column in ("published", "read_at_published"):
            value = getattr(fact, column)
            if value and not _date_ok(value):
                bad(column, f"{value!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)", "row-date")
        for column in ("source_url", "read_at"):
            value = getattr(fact, column)
            if value and not _URL.fullmatch(value):
                bad(column, f"{value!r} is not an http(s) URL", "row-url")
        if fact.entity and fact.entity not in entities and fact.entity not in table.entities:
            bad("entity", f"{fact.entity!r} is neither in entities.csv nor declared in the table's entities", "row-entity")
        if metric is not None:
            _check_value(table, metric, fact, sizes, ranks, bad)
        key = (fact.entity, fact.metric, fact.period, fact.edition, fact.scenario, fact.status)
        if key in seen and not fact.status:
            bad(None, f"duplicate of row {seen[key]} (same entity, metric, period, edition, scenario)", "row-duplicate")
        seen.setdefault(key, line)
        _check_sources(table, fact, bad, policy, links)
        if fact.status == "alternative":
            # the trusted value of the same scenario, else of any scenario of the same figure
            same = (trusted.get((fact.entity, fact.metric, fact.period, fact.edition, fact.scenario))
                    or trusted.get((fact.entity, fact.metric, fact.period, fact.edition), []))
            if not fact.note:
                bad("note", "an alternative value needs a note saying which value the table trusts and why",
                    "row-alternative-note")
            elif not same:
                bad("status", "an alternative with no trusted value beside it (a row with the same entity, metric, "
                    "period and edition, and empty status)", "dispute-no-trusted-value")
            elif not _mentions(fact.note, same):
                trusted_values = ", ".join(sorted({f.value for f in same}))
                bad("note", f"does not name the value the table trusts ({trusted_values}) or say why", "dispute-note-unclear")


def _check_value(table: Table, metric, fact, sizes, ranks, bad) -> None:
    if metric.kind != "text" and fact.value and fact.value != "undisclosed":
        if not _NUMBER.fullmatch(fact.value):
            bad("value", f"{fact.value!r} is not a plain number (digits, '-', '.'; no words, separators or exponents)",
                "row-value")
            return
        number = float(fact.value)
        if metric.kind in ("rank", "count") and (number != int(number) or number < 0):
            bad("value", f"{fact.value} is not a whole number, as a {metric.kind} must be", "row-value")
            return
    if metric.unit and fact.unit and fact.unit != metric.unit:
        bad("unit", f"{fact.unit!r} differs from the metric's unit {metric.unit!r}", "row-unit")
    if metric.kind == "rank" and fact.number is not None and _NUMBER.fullmatch(fact.value):
        size = sizes.get((metric.id, fact.edition, fact.period))
        if fact.number < 1 or (size and fact.number > size):
            bad("value", f"rank {fact.value} is outside 1..{int(size) if size else 'N'} for edition {fact.edition}",
                "row-rank")
        if table.ranks_unique and not fact.status:
            holders = ranks.setdefault((fact.metric, fact.edition, fact.period, fact.scenario), {})
            if fact.number in holders and holders[fact.number] != fact.entity:
                bad("value", f"rank {fact.value} in {fact.edition} is also given to {holders[fact.number]}", "row-rank")
            holders[fact.number] = fact.entity


def _check_sources(table: Table, fact, bad, policy: Policy, links: dict) -> None:
    """The source policy: hosts and links for both the primary and the page read, the
    primary on the publisher's own host, no source dated before its edition."""
    for column in ("source_url", "read_at"):
        url = getattr(fact, column)
        if not url:
            continue
        found = links.get(url)
        if found is None:
            found = links[url] = link_problems(url, policy)
            host = host_of(url)
            if any(rule == "source-staging-host" for rule, _ in found) or not any(
                    host_matches(host, h) for h in table.publisher_hosts):
                links[(url, "off-host")] = host
        for rule, message in found:
            bad(column, message, rule)
        if column == "source_url" and table.publisher_hosts:
            host = links.get((url, "off-host"))
            if host is not None:
                bad(column, f"{host or url} is not one of the publisher's hosts ({', '.join(table.publisher_hosts)}); "
                    "cite the publisher's own page and put the page read in read_at", "source-not-publisher-host")
    if bool(fact.read_at) != bool(fact.read_at_title) or (fact.read_at_published and not fact.read_at):
        bad("read_at", "read_at, read_at_title (and read_at_published) go together", "source-read-at-incomplete")
    edition = table.editions.get(fact.edition)
    if edition is not None:
        for column in ("published", "read_at_published"):
            value = getattr(fact, column)
            if value and _before(value, edition.published, policy.embargo_days):
                bad(column, f"{value} is before edition {edition.id!r} was published ({edition.published})",
                    "source-before-edition")


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
                                    f"alias {alias!r} names both {owners[key][0]!r} ({owners[key][1]}) and {entity!r}",
                                    "entity-alias-shared"))
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
                                        f"name {name!r} also names table {owners[key]!r}: the matcher could not tell them apart",
                                        "table-name-shared"))
            owners.setdefault(key, table.id)
    return problems



LINK_RULES = ("source-staging-host", "source-bare-ip", "source-cdn-origin", "source-redirect-link",
              "source-forum-link", "source-submission-queue", "source-denied-host")


def audit(tables: list[Table], problems: list[Problem]) -> list[dict]:
    """Per table, the source-policy figures of ``docs/data-audit.md``: rows, rows whose
    primary is on the publisher's own host, rows with read_at, alternatives (and how many
    break a dispute rule), rows on a denied link, rows dated before their edition."""
    by_row: dict[tuple[str, int], set[str]] = {}
    for p in problems:
        if p.row is not None:
            by_row.setdefault((p.file, p.row), set()).add(p.rule)
    out = []
    for table in sorted(tables, key=lambda t: t.id):
        csv_file = str(Path(table.folder) / "facts.csv")
        lines = table.lines or tuple(range(2, len(table.facts) + 2))
        rules = [by_row.get((csv_file, line), set()) for line in lines]
        primary = sum(1 for r in rules if "source-not-publisher-host" not in r) if table.publisher_hosts else None
        out.append({
            "table": table.id,
            "rows": len(table.facts),
            "primary_on_publisher_host": primary,
            "with_read_at": sum(1 for f in table.facts if f.read_at),
            "alternatives": sum(1 for f in table.facts if f.status == "alternative"),
            "alternatives_breaking_dispute_rules": sum(
                1 for r in rules if r & {"dispute-no-trusted-value", "dispute-note-unclear", "row-alternative-note"}),
            "on_denied_links": sum(1 for r in rules if r & set(LINK_RULES)),
            "dated_before_edition": sum(1 for r in rules if "source-before-edition" in r),
        })
    return out

"""Streaks: "has topped the list for the seventh straight year", "led the ranking for the
third year in a row", "has been No. 1 four lists in a row".

A record phrase of this shape says how long a place has been held up to the edition the
sentence speaks of. The tables' ranks give that run of editions: walking back from that
edition, each earlier one either has the same holder (the run goes on), another holder
(the run started after it) or no known holder (the run's start is unknown). The holder is
the sentence's named entity, or, for "a Chinese supercomputer" on a list of systems, any
system the tables place in that country.

An ordinal ("the seventh straight year") states the run's exact length; a count ("four
lists in a row") a length the run must reach. Years are counted by the publisher's cadence:
on a list out twice a year, the run's calendar years, or its lists halved and rounded up.
Whenever the run cannot be known to the stated length, nothing is said.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from .. import patterns
from ..extract import numbers
from .metricwords import _alias_hits as alias_hits
from ..model import Claim, Fact
from ..reference.tables import Table, release_month

_ORD = rf"(?:{numbers.DIGIT_ORDINAL}|{numbers.WORD_ORDINAL})"

ORDINAL_STREAK = patterns.compile(
    rf"(?:for\s+)?(?:the\s+|a\s+)?(?P<n>{_ORD})\s+(?:(?P<adj>straight|consecutive|successive)\s+)?"
    r"(?P<unit>year|time|list|edition|ranking)s?(?P<row>\s+(?:in\s+a\s+row|running))?", re.I)
""""for the seventh straight year", "the third year in a row", "for a second consecutive time"."""
COUNT_STREAK = patterns.compile(
    rf"(?P<n>\d{{1,2}}|{numbers.WORD_NUMBER})\s+(?:(?P<adj>straight|consecutive|successive)\s+)?"
    r"(?P<unit>years|times|lists|editions|rankings)(?P<row>\s+in\s+a\s+row)?", re.I)
""""four lists in a row", "five consecutive years"."""

TOP_PLACE = patterns.compile(
    r"\b(?:topped|tops|top(?:ping)?\s+(?:the|a)\b|led|lead|leads|leading|headed|heads|No\.\s*1\b|number\s+one|"
    r"#\s*1\b|first\s+place|(?:the\s+)?top\s+(?:spot|place|position|slot)|pole\s+position|"
    r"(?:ranked|placed|came|finished|is|was)\s+(?:in\s+)?first)", re.I)
"""Words that give the place held as first."""
NAMED_PLACE = patterns.compile(
    rf"\b(?:ranked|ranks|placed|came|comes|finished|remained|remains|stayed|stays|sat|sits|was|is)\s+(?:in\s+)?"
    rf"(?:the\s+)?(?:No\.\s*(?P<num>\d{{1,3}})\b|(?P<ord>{_ORD})(?:\s+place)?\b)", re.I)
"""An explicit place: "ranked 3rd", "remained in fourth place", "is No. 2"."""
NOT_HELD = patterns.compile(r"\b(?:not|no\s+longer|never|failed|lost|losing|lose|ceded|dropp?ed|fell|slipped)\b", re.I)
"""Words that deny or end the place: no streak is claimed then."""
CLAUSE_BREAK = patterns.compile(r"[;:]|\s[–—]\s|\bbut\b|\bwhile\b|\bwhereas\b")

FOR_BEFORE = patterns.compile(r"\bfor\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?$", re.I)
SYSTEM_NOUN = patterns.compile(r"\s+(?:super)?(?:computer|machine|system)s?\b", re.I)


@dataclass(frozen=True)
class Streak:
    """A streak a record phrase states."""

    length: int
    exact: bool
    """An ordinal ("the seventh straight year") gives the exact length; a count ("four
    lists in a row") a length reached."""
    unit: str
    """``year`` or ``edition`` (lists, editions, rankings and times count editions)."""
    words: str


def stated(claim: Claim) -> Streak | None:
    """The streak the claim's record phrase states, or None."""
    text = " ".join(claim.quantity.text.split())
    m = ORDINAL_STREAK.fullmatch(text)
    exact = True
    if m is None:
        m = COUNT_STREAK.fullmatch(text)
        exact = False
    if m is None or not (m.group("adj") or m.group("row")):
        return None  # "for the second time": not said to be in a row
    if not exact and FOR_BEFORE.search(claim.sentence.text, 0, claim.quantity.span.start - claim.sentence.span.start):
        return None  # "held the top spot for four consecutive lists": the place's run (``tenure``)
    n = _number(m.group("n"))
    if not n:
        return None
    unit = "year" if m.group("unit").lower().startswith("year") else "edition"
    return Streak(n, exact, unit, text)


def _number(said: str) -> int | None:
    """The count an ordinal ("seventh", "3rd") or a number ("four", "12") says."""
    if said[:1].isdigit() and said[-1:].isdigit():
        return int(said)
    value = numbers.ordinal_value(said)
    if value is None:
        value = numbers.word_value(said)
    return int(value) if value else None


def place_held(claim: Claim) -> int | None:
    """The place the sentence says was held over the streak ("topped" is first, "ranked
    3rd" third), from the words of the streak's clause before it; None when unsaid or
    denied."""
    base = claim.sentence.span.start
    head = claim.sentence.text[:claim.quantity.span.start - base]
    clause = CLAUSE_BREAK.split(head)[-1]
    if NOT_HELD.search(clause):
        return None
    named = list(NAMED_PLACE.finditer(clause))
    if named:
        m = named[-1]
        return int(m.group("num")) if m.group("num") else _number(m.group("ord"))
    return 1 if TOP_PLACE.search(clause) else None


def demonym_subject(claim: Claim, demonyms: dict[str, str]) -> str | None:
    """"A Chinese supercomputer has topped …": the country of a system the sentence opens
    on by its demonym alone."""
    m = DEMONYM_OPENING.match(claim.sentence.text)
    if m is None or not SYSTEM_NOUN.match(claim.sentence.text, m.end()):
        return None
    return demonyms.get(m.group("dem"))


DEMONYM_OPENING = patterns.compile(r"\W*(?:A|An|The|Another)\s+(?P<dem>[A-Z][a-z]+)")


@dataclass(frozen=True)
class Run:
    """The editions a place was held in, up to the one the sentence speaks of."""

    rows: tuple[Fact, ...]
    """One row per edition of the run (the holder's rank), oldest first."""
    known_start: bool
    """Whether the edition before the run is known to have another holder."""


def run_back(table: Table, current: str, held_in) -> Run | None:
    """The run of editions ending at ``current`` in which ``held_in(edition)`` gives the
    holder's row (None: held by another, ``...``: unknown); None when ``current`` itself is
    not known to be held."""
    order = [e.id for e in table.edition_order()]
    if current not in order:
        return None
    run: list[Fact] = []
    for edition in reversed(order[:order.index(current) + 1]):
        row = held_in(edition)
        if row is ... or row is None:
            return Run(tuple(reversed(run)), row is None) if run else None
        run.append(row)
    return Run(tuple(reversed(run)), False) if run else None


def holder_rows(table: Table, metric: str, place: int) -> dict[str, Fact]:
    """Each edition's row of ``place`` (the tables' holder of that place)."""
    return {f.edition: f for f in table.rows(None, metric) if not f.status and f.number == place}


def lengths(table: Table, run: Run, unit: str) -> set[int]:
    """The run's length in the streak's unit, each reading that fits (on a list out twice
    a year: its calendar years, or its lists halved and rounded up)."""
    if unit == "edition":
        return {len(run.rows)}
    per_year = len(table.cadence) or 1
    if per_year == 1:
        return {len(run.rows)}
    years = {release_month(table.editions[f.edition].published)[0] for f in run.rows}
    return {len(years), math.ceil(len(run.rows) / per_year)}


def current_edition(table: Table, claim: Claim, as_of: dt.date | None) -> str | None:
    """The edition the sentence speaks of: the newest out by the article's date (or, for
    a year the sentence names, that year's newest); None when neither can be told."""
    years = {t.start for t in claim.times if t.kind in ("point", "month") and t.start}
    if len(years) > 1 or any(t.kind not in ("point", "month", "event") for t in claim.times):
        return None
    out = None
    for e in table.edition_order():
        month = release_month(e.published)
        if as_of is not None and month > (as_of.year, as_of.month):
            break
        if years and month[0] not in years:
            continue
        out = e.id
    return out if (as_of is not None or years) else None


@dataclass(frozen=True)
class Reading:
    """What the tables say of a stated streak."""

    table: Table
    metric: str
    entity: str
    """The holder as the sentence names it: a system, a country, …"""
    run: Run
    fits: bool | None
    """True: the run has the stated length; False: it has not; None: it cannot be told."""
    length_words: str


def judge(claim: Claim, library, as_of: dt.date | None) -> Reading | None:
    """The tables' reading of the streak the record phrase states, or None when the phrase
    is no streak or its place, table, holder or run cannot be told."""
    said = stated(claim)
    if said is None:
        return None
    place = place_held(claim)
    if place is None:
        return None
    named = {t for s in claim.sources for t in s.tables}
    tables = [library.tables[t] for t in sorted(named) if t in library.tables
              and library.tables[t].period_kind in ("edition", "list")]
    if len(tables) != 1:
        return None
    table = tables[0]
    ranks = [m for m in table.metrics.values() if m.kind == "rank"]
    metric = next((m for m in ranks if m.default), ranks[0] if len(ranks) == 1 else None)
    if metric is None or _other_rank_named(claim, ranks, metric):
        return None
    current = current_edition(table, claim, as_of)
    if current is None:
        return None
    holders = holder_rows(table, metric.id, place)
    mention = next((m for m in claim.entities if m.via in ("name", "demonym", "reference") and m.kind != "world"), None)
    demonyms = {d: e.name for e in library.entities.values() if e.kind == "economy" for d in e.demonyms}
    country = demonym_subject(claim, demonyms)
    if mention is not None and country is None and mention.entity in table.entities_with(metric.id):
        entity = mention.entity
        own = {f.edition: f for f in table.rows(entity, metric.id) if not f.status}

        def held_in(edition: str):
            if edition in own:
                return own[edition] if own[edition].number == place else None
            return None if edition in holders else ...
    else:
        if country is None and mention is not None and mention.kind == "economy":
            country = mention.entity
        if country is None or "country" not in table.metrics:
            return None
        entity = country

        def held_in(edition: str):
            row = holders.get(edition)
            if row is None:
                return ...
            where = _country_of(table, row.entity, edition)
            return ... if where is None else (row if where == country else None)
    run = run_back(table, current, held_in)
    if run is None:
        return None
    found = lengths(table, run, said.unit)
    if said.exact:
        fits = True if said.length in found and run.known_start else (
            False if run.known_start or said.length < min(found) else None)
    else:
        fits = True if max(found) >= said.length else (False if run.known_start else None)
    n = len(run.rows)
    words = f"{n} edition{'s' if n != 1 else ''} in a row"
    if said.unit == "year" and len(table.cadence) > 1:
        years = sorted({release_month(table.editions[f.edition].published)[0] for f in run.rows})
        words += f", {len(years)} calendar years" if len(years) > 1 else f", within {years[0]}"
    return Reading(table, metric.id, entity, run, fits, words)


def _other_rank_named(claim: Claim, ranks, metric) -> bool:
    """Whether the sentence names another rank measure of the table (a factor's rank)."""
    others = tuple(a for m in ranks if m is not metric for a in m.aliases if len(a) > 3)
    return bool(others) and bool(alias_hits(claim.sentence.text, 0, others))


def _country_of(table: Table, system: str, edition: str) -> str | None:
    rows = [f for f in table.rows(system, "country") if not f.status and f.value]
    same = [f for f in rows if f.edition == edition]
    pick = same or rows
    values = {f.value for f in pick}
    return values.pop() if len(values) == 1 else None

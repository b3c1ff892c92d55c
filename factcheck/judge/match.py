"""Tie a claim to the table(s), metric and entity it can be checked against.

A table is a candidate when the sentence (or an earlier sentence of the paragraph) names
it or its publisher, or — a weaker tie — when the sentence names one of the table's own
named things (a supercomputer, a model) or a country together with one of its metric words.
Weak ties may confirm a figure but never flag one (see ``verdicts``): right before loud.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .. import patterns
from ..dataclassgen import dataclass
from ..reference.library import Library
from .ledpatterns import word_led
from .metricindex import metric_word_index
from .metricwords import (topic_pattern, COMPATIBLE, CLOSE_WORDS, NOT_WITH_REACH, _alias_hits, _ascii_lower, _excluded, _may_hold,
                          choose_metrics, library_units, spelled_out)
from ..model import Claim, EntityMention, Sentence, Span
from ..extract.entities import UNKNOWN
from ..extract import brackets, numbers
from ..reference.tables import Metric, Table

# Words by which a sentence points back at a source named earlier in its paragraph
# ("in the 2024 ranking"): without one, a carried source only applies through metric words.
# (The look-aheads for the first letters change no match: they let the engine reject most
# places at once instead of trying every word there, for two to four times the speed.)
GENERIC_REFERENCE = patterns.compile(
    r"(?=[rilsepft])\b(?:ranking|rankings|index|list|league table|scoreboard|survey|report|study|estimates?|projections?|forecasts?|edition"
    r"|(?:this|last|the\s+latest|the\s+new)\s+(?:year['’]s\s+)?results)\b", re.I)

# (Written to open on the first letters' cases, ``ledpatterns``: the engine skips to them.)
LIST_REFERENCE = word_led(
    {"t": r"h(?:e|is|at)", "i": r"ts"},
    r"\s+(?:(?:current|latest|new|newest|same|most\s+recent|\d{4}|this\s+year['’]s)\s+)?"
    r"(?:list|ranking|rankings|league\s+table|edition)\b")

STRENGTH_NAMED = 3      # the sentence names the table itself
STRENGTH_PUBLISHER = 2  # the sentence (or paragraph) names the publisher
STRENGTH_ENTITY = 2     # the sentence names a thing only this table knows (Fugaku)
STRENGTH_WEAK = 1       # only a country and a metric word
STRENGTH_DISTANT = 0    # a source paragraphs back: decided per metric (see ``candidates``)

@dataclass(frozen=True)
class Candidate:
    """A table, metric and entity a claim may be checked against."""

    table: Table
    metric: Metric
    entity: str
    """The entity the claim gives the figure to."""
    entity_mention: EntityMention | None
    strength: int
    metric_span: Span | None
    loose: tuple[str, ...] = ()
    """Explanations for loose metric wording ("lose" for a shortage)."""


def _only_table_for(claim: Claim, table: Table, library: Library) -> bool:
    names = {m.entity for m in claim.entities if m.entity in table.entities}
    naming = _entity_tables(library)[0]
    return any(len(naming[name]) == 1 for name in names)


def _entity_tables(library: Library) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Entity → the tables that know it by name (``table.entities``), and entity → the
    tables with rows of it: built once per library, so a claim's ties cost a lookup per
    entity it names, not a pass over every table."""
    found = library._derived.get("entity_tables")
    if found is None:
        naming: dict[str, set[str]] = {}
        with_rows: dict[str, set[str]] = {}
        for table in library.tables.values():
            for name in table.entities:
                naming.setdefault(name, set()).add(table.id)
            for name in table.known_entities:
                with_rows.setdefault(name, set()).add(table.id)
        found = library._derived["entity_tables"] = (
            {k: frozenset(v) for k, v in naming.items()}, {k: frozenset(v) for k, v in with_rows.items()})
    return found


def choose_entity(table: Table, claim: Claim, library: Library,
                  metric: Metric | None = None) -> tuple[str, EntityMention | None] | None:
    """The entity the figure is given to: the nearest mention that can have this metric
    (one of the table's kind, or one the table has rows for on this metric)."""
    with_metric = table.entities_with(metric.id) if metric else table.known_entities
    if metric is not None and table.period_kind == "list" and metric.id in list_wide_metrics(table, library):
        # "the aggregate performance of the list was 1.65 exaflops", "four exascale systems
        # on the list": a measure only the list as a whole has is the list's — when the
        # metric's own words chose it (see ``candidates``) and no system or country of the
        # sentence is the one the figure is given to ("Frontier's combined performance").
        if owner_named(claim):
            return None
        only = next(iter(with_metric))
        if metric.out_of is None and _sizes_a_list(table, metric) and not _list_size(claim):
            return None  # the list's size needs words that say so ("a total of 500 systems")
        return only, next((m for m in claim.entities if m.entity == only), None)
    if metric is not None and len(with_metric) == 1:
        # "among 64 economies", "a total of 500 systems": a measure only the list as a whole
        # has (its size) is the list's, not that of the economies named beside it.
        only = next(iter(with_metric))
        info = library.entities.get(only)
        # (a list's size is a count the world has; other counts — jobs exposed, models
        # released — are totals like any other world-only measure)
        size = _sizes_a_list(table, metric)
        if info is not None and info.kind == "world" and (not size or _list_size(claim)):
            mention = next((m for m in claim.entities if m.entity == only), None)
            if not size and mention is None and (
                    _other_owner(claim, library) or _passage_about_other(claim, library)):
                # "could add $50 billion a year to Brazil's economy", "$103 billion annually
                # for Africa": a world-only measure is not what a named economy or region
                # gets — nor, with no owner in the sentence, what an article about one
                # means ("could unlock between $61 billion and $103 billion in annual
                # value" in an article on Africa's gen-AI opportunity).
                return None
            return only, mention
    if metric is not None and metric.kind == "count" and _list_size(claim) and _is_list_size(table, claim):
        # "more of the 500 systems than ever sit in China": the list's size, not China's count.
        return None
    for mention in claim.entities:
        if mention.entity in with_metric or mention.kind == table.entity_kind or mention.entity in table.entities:
            return mention.entity, mention
    if table.default_entity and not (claim.entities and claim.entities[0].via == UNKNOWN):
        # (a figure whose owner is described, not named — "the GDP of local economies by
        # up to 26%" — is no one's: not the table's default entity, the World's; nor is a
        # figure with no owner in a passage about a region — "GDP at $4.61 trillion" in an
        # article on the Middle East's scenarios — the World's)
        default = library.entities.get(table.default_entity)
        if not claim.entities and default is not None and default.kind == "world" \
                and _passage_about_other(claim, library):
            return None
        if default is not None and default.kind == "world" and _other_owner(claim, library):
            # "Europe … enhancing GDP by 21.4 percent": a region the table does not hold
            # owns the figure, not the table's default, the World
            return None
        return table.default_entity, None
    return None


def _other_owner(claim: Claim, library: Library) -> bool:
    """Is the figure's nearest owner a named economy, region or bloc (not the world), or a
    thing described, not named ("banks are projected to gain …")?"""
    for m in claim.entities:
        if m.via in ("reference", "compared", "object"):
            continue
        if m.via == UNKNOWN:
            return True
        info = library.entities.get(m.entity)
        return info is not None and info.kind in ("economy", "region", "bloc")
    return False


def _passage_about_other(claim: Claim, library: Library) -> bool:
    """Is the passage about a named region or bloc (its most salient entity), so that
    a figure with no owner in its sentence is not the world's by default?"""
    if not claim.passage_entities:
        return False
    info = library.entities.get(claim.passage_entities[0])
    return info is not None and info.kind in ("region", "bloc")


def list_wide_metrics(table: Table, library: Library) -> frozenset[str]:
    """A list's measures of the whole list (its aggregate, its entry level, how many of
    its systems are exascale): the metrics whose only rows are the world's."""
    key = ("list_wide", table.id)
    if key not in library._derived:
        out = set()
        for metric in table.metrics.values():
            owners = table.entities_with(metric.id)
            info = library.entities.get(next(iter(owners))) if len(owners) == 1 else None
            if info is not None and info.kind == "world":
                out.add(metric.id)
        library._derived[key] = frozenset(out)
    return library._derived[key]


# Words that open a phrase saying why a list-wide figure is what it is ("Thanks to
# Fugaku, the aggregate rose…"): a system named there is not the figure's owner.
CAUSE_LEAD = patterns.compile(
    r"(?=[thdbowa])\b(?:thanks\s+to|helped\s+by|driven\s+by|due\s+to|because\s+of|owing\s+to|boosted\s+by|"
    r"with\s+the\s+(?:addition|arrival|debut|entry|help)\s+of|after\s+the\s+(?:addition|arrival|debut)\s+of)\b", re.I)
# Where the figure's own statement ends or another begins.
# (``;|,\s*(?:and|but|while|whereas)\b|\s(?:while|whereas)\s``, opening on one set of characters.)
CLAUSE_BREAK = patterns.compile(
    r"[;,\s](?:(?<=;)|(?<=,)\s*(?:and|but|while|whereas)\b|(?<=\s)(?:while|whereas)\s)", re.I)
# ``[,;:(]|\s(?:and|but|while|whereas)\s``, opening on one set of characters (which the
# engine skips to) rather than on two alternatives tried at every place.
CLAUSE_AFTER = patterns.compile(r"[,;:(\s](?:(?<=[,;:(])|(?<=\s)(?:and|but|while|whereas)\s)", re.I)
PLURAL_REFERENCE = patterns.compile(r"^(?:s|es)\b")


def owner_named(claim: Claim) -> bool:
    """Does the sentence give the figure to a system or country ("Frontier's combined
    performance", "the US had 1.2 exaflops", "it is the only system…")? A name in another
    clause ("Summit led, and the combined performance…"), in a phrase of cause ("Thanks
    to Fugaku, …") or after the figure's own clause is not its owner; nor is "the
    systems" (many, not one)."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    end = CLAUSE_AFTER.search(text, q.span.end - base)
    clause_end = base + (end.start() if end else len(text))
    for m in claim.entities:
        if m.kind == "world" or m.entity == "World":
            continue
        if m.via == "reference" and PLURAL_REFERENCE.match(text[m.span.end - base:]):
            continue  # "the systems on the list": no one system
        if m.span.start >= q.span.end:
            if m.span.start < clause_end:
                return True
            continue
        between = text[m.span.end - base:q.span.start - base]
        if CLAUSE_BREAK.search(between):
            continue
        lead_from = text.rfind(",", 0, m.span.start - base) + 1
        if CAUSE_LEAD.search(text[lead_from:m.span.start - base]) and "," in between:
            continue
        return True
    return False


# "among 64 economies", "a total of 67 countries", "64 economies measured": words that say
# a count is the size of the whole list ("these three countries" is not).
SIZE_BEFORE = patterns.compile(
    r"(?=[oatcrmsefi])\b(?:among|of|total\s+of|all|covers?|covering|ranks?|ranking|ranked|rating|rates|rated|measures|measuring|"
    r"surveys|surveyed|surveying|assess(?:es|ed|ing)?|evaluat(?:es|ed|ing)|across|for|includ(?:es|ed|ing))"
    r"\s+(?:the\s+|a\s+total\s+of\s+|some\s+|all\s+)?$", re.I)
SIZE_AFTER = patterns.compile(
    r"^\s+(?:economies|countries|nations|systems|supercomputers)\s+(?:ranked|measured|surveyed|assessed|evaluated|"
    r"covered|listed|included|in\s+the\s+(?:ranking|list|index|survey))\b", re.I)


def _is_list_size(table: Table, claim: Claim) -> bool:
    """The figure is the size of one of the table's editions (500 for the TOP500)."""
    return claim.quantity.value in _edition_sizes(table)


def _edition_sizes(table: Table) -> frozenset:
    """The sizes of the table's editions (the figures of the counts another metric is
    ranked out of): gathered from every row of those counts once, and kept with the table."""
    sizes = table._index.get("edition_sizes")
    if sizes is None:
        sizes = table._index["edition_sizes"] = frozenset(
            f.number for m in table.metrics.values() if _sizes_a_list(table, m) for f in table.rows(None, m.id))
    return sizes


def _sizes_a_list(table: Table, metric: Metric) -> bool:
    """Is ``metric`` the size of the table's lists: a count another metric is ranked out of
    ("64 economies", "500 systems")?"""
    return metric.kind == "count" and any(x.out_of == metric.id for x in table.metrics.values())


LIST_SIZE_SLACK = 0.2
"""How far an "out of N" may stand from every edition's size and still be the table's
list (an edition the tables lack, a writer's slip) rather than another, smaller list."""


def _other_list_size(table: Table, claim: Claim) -> bool:
    """"ranked No. 2 out of 29 nations", "seventh out of 30 countries": a rank out of a
    number far from the size of every edition of the table is a rank in some other list
    (a peer group, another benchmark's), not the table's."""
    n = claim.quantity.out_of
    sizes = _edition_sizes(table) if n is not None else ()
    return bool(sizes) and all(abs(n - size) > LIST_SIZE_SLACK * size for size in sizes)


_RANK_OUT_OF = (r"\b(?:\d{1,3}(?:st|nd|rd|th)|No\.\s*\d{1,3})(?:\s+(?:place|spot|position))?\s+(?:out\s+of|of|among)\s+"
                r"(?:the\s+)?(\d{1,3})\b")
"""A rank out of N ("10th out of 14", "No. 3 among 29"); group 1 is N."""
CHANGE_TO_OUT_OF = patterns.compile(r"[^,;.]{0,40}?" + _RANK_OUT_OF, re.I)
"""... within a short clause after a change ("fell four places to 10th out of 14")."""
OUT_OF_RANK = patterns.compile(_RANK_OUT_OF, re.I)
OUT_OF_BEFORE_REACH = 120
OVERALL = patterns.compile(r"\boverall\b|[;]", re.I)


def _out_of_before(text: str, start: int) -> re.Match | None:
    """"ranked even higher at No. 2 out of 29 nations, second only to the US and an
    improvement of one spot from 2020": the last rank out of a number before the change,
    in its sentence, with no "overall" (nor ";") between to bring the main list back."""
    before = text[max(0, start - OUT_OF_BEFORE_REACH):start]
    low = before.lower()
    if "of" not in low and "among" not in low:
        return None
    found = None
    for found in OUT_OF_RANK.finditer(before):
        pass
    if found is None or OVERALL.search(before, found.end()):
        return None
    return found


def _change_in_other_list(table: Table, claim: Claim) -> bool:
    """"fallen four places to 10th out of 14 Asia Pacific countries": a change whose rank,
    in its clause, is out of a number far from every edition's size moved in that smaller
    list, not in the table's."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    m = CHANGE_TO_OUT_OF.match(text, q.span.end - base) or _out_of_before(text, q.span.start - base)
    if not m:
        return False
    n, sizes = int(m.group(1)), _edition_sizes(table)
    return bool(sizes) and all(abs(n - size) > LIST_SIZE_SLACK * size for size in sizes)


def _list_size(claim: Claim) -> bool:
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    return bool(SIZE_BEFORE.search(text[max(0, q.span.start - base - 30):q.span.start - base])
                or SIZE_AFTER.match(text[q.span.end - base:]))


def _tie_by_entities(strengths: dict[str, int], knows: set[str], has_rows: set[str]) -> None:
    """Tie the tables that know one of the claim's things by name (Fugaku, Llama 2) or
    have rows of them, in ``strengths``: a pass over those tables only, not over every
    table of the library (the order tables are tied in does not matter, as ``candidates``
    sorts by strength and table)."""
    for table_id in knows:
        # A thing only this table knows ties the figure to it.
        strengths[table_id] = max(strengths.get(table_id, 0), STRENGTH_ENTITY)
    for table_id in has_rows:
        if table_id not in strengths:
            strengths[table_id] = STRENGTH_WEAK


def candidates(claim: Claim, library: Library) -> list[Candidate]:
    units = library_units(library)
    strengths: dict[str, int] = {}
    named: set[str] = set()
    if not claim.sources and claim.quantity.kind == "rank":
        # A bare rank in an article about one ranking is about that ranking.
        for table_id in claim.topic:
            strengths[table_id] = STRENGTH_PUBLISHER
            named.add(table_id)
    for source in claim.sources:
        for table_id in source.tables:
            strength = STRENGTH_NAMED if source.exact else STRENGTH_PUBLISHER
            if claim.source_carried:
                strength = min(strength, STRENGTH_PUBLISHER)
            if claim.source_distance >= 2 and claim.quantity.kind != "rank":
                # A source named paragraphs ago frames a league table's ranks, but a
                # figure there may be anything ("current global GDP of $100 trillion"):
                # unless the metric's own words stand right by it (checked below), it may
                # confirm the table, never be flagged by it.
                strength = STRENGTH_DISTANT
            strengths[table_id] = max(strengths.get(table_id, 0), strength)
            named.add(table_id)
    if LIST_REFERENCE.search(claim.sentence.text):
        # "The current list consists of 226 Chinese supercomputers…" in an article that
        # opens on the TOP500: the list is the one the article is about — one of the
        # sources the passage carries to this sentence, when it carries any (an article
        # that opens on the TOP500 and the Green500 may mean either by "the list").
        carried_lists = {t for t in named if _is_league(library, t)}
        for table_id in claim.topic:
            table = library.tables.get(table_id)
            if carried_lists and table_id not in carried_lists:
                continue
            if table is not None and table.period_kind in ("edition", "list"):
                strengths[table_id] = max(strengths.get(table_id, 0), STRENGTH_PUBLISHER)
                named.add(table_id)
    by_unit = _lists_by_unit(claim, library) if claim.quantity.kind == "rank" else frozenset()
    for table_id in by_unit:
        # "Frontier came in at number six with 52.59 GFlops/W": a unit only one list
        # measures in names that list; any other list may confirm the place, not flag it.
        strengths[table_id] = max(strengths.get(table_id, 0), STRENGTH_PUBLISHER)
        named.add(table_id)
    others = frozenset(t for t in strengths if _is_league(library, t)) if by_unit else frozenset()
    # The lists a place may be on but which cannot flag it: two carried at once, or any
    # list but the one its sentence's unit names.
    confirm_only = (_several_lists_carried(claim, library) | others) - by_unit
    naming, with_rows = _entity_tables(library)
    knows = {t for m in claim.entities for t in naming.get(m.entity, ())}
    has_rows = {t for m in claim.entities if m.via != "reference" for t in with_rows.get(m.entity, ())}
    _tie_by_entities(strengths, knows, has_rows)
    index = metric_word_index(library, spelled_out)
    out = []
    forecast: bool | None = None  # (worked out for the first league table or list only)
    for table_id, strength in strengths.items():
        table = library.tables.get(table_id)
        if table is None or (table.topic_words and table_id not in claim.paragraph_topics
                             and table_id not in claim.opening_topics):
            continue
        if table.period_kind in ("edition", "list") and forecast is None:
            forecast = _forecast(claim)
        if table.period_kind in ("edition", "list") and forecast:
            continue  # a place or value to come is in no edition yet
        # A thing only this table knows frames its ranks ("Fugaku is now fifth") — unless
        # another table knows it too (TOP500 and Green500 both list Frontier).
        entity_tie = (strength == STRENGTH_ENTITY and claim.quantity.kind == "rank"
                      and table_id not in named and _only_table_for(claim, table, library))
        frames = entity_tie or table_id in named and (
            claim.source_distance <= 1
            or (claim.source_distance <= 2 and _size_fits(table, claim))
            or bool(GENERIC_REFERENCE.search(claim.sentence.text))
            or (table_id in claim.topic and claim.quantity.kind == "rank")
            or table_id in confirm_only or table_id in by_unit)
        # "Fugaku managed 442 petaflops": a figure in the unit of the table's default
        # measure, given to a thing the table lists by name, is that measure.
        unit_tie = claim.quantity.kind == "quantity" and any(
            m.entity in table.entities and m.via not in ("object", "reference") for m in claim.entities) and not _aim(claim)
        if not frames and not unit_tie and table_id not in index.tables_in(claim.sentence.text):
            # Only the table's metric words could choose a metric, and the sentence has none.
            continue
        list_wide = list_wide_metrics(table, library) if table.period_kind == "list" else frozenset()
        chosen = choose_metrics(table, claim, frames, claim.source_distance, units, unit_tie=unit_tie,
                                list_wide=list_wide)
        if list_wide:
            chosen = _list_wide_readings(table, claim, chosen, list_wide, library)
        if chosen and table_id not in confirm_only and table_id not in by_unit and any(m.default for m, _, _ in chosen) \
                and rival_frame(table, claim, library):
            # "Fugaku leads the HPCG list. Frontier came second with 14 HPCG-PFlop/s": a
            # rank or a performance in a passage about another benchmark is not the
            # table's own ranking or ranking measure, unless its sentence names them.
            chosen = [(m, s, l) for m, s, l in chosen if not m.default or _unit_settles(table, m)]
        if chosen and "(" in claim.sentence.text:
            chosen = _labelled(claim, chosen)
        if chosen and ('"' in claim.sentence.text or "\u201c" in claim.sentence.text):
            chosen = _quoted_nearer(table, claim, chosen)
        if chosen and claim.quantity.kind == "number" and any(m.kind == "count" for m, _, _ in chosen) \
                and _share_of_whole(claim):
            chosen = [(m, s, l) for m, s, l in chosen if m.kind != "count"]
        if chosen and claim.quantity.kind == "rank" and _other_list_size(table, claim):
            chosen = []  # "No. 2 out of 29 nations" with populations over 20 million: a smaller list
        if chosen and claim.role == "change" and _change_in_other_list(table, claim):
            chosen = []  # "fallen four places to 10th out of 14 Asia Pacific countries": a regional move
        for metric, span, loose in chosen:
            entity = choose_entity(table, claim, library, metric)
            if entity is None:
                continue
            if strength <= STRENGTH_WEAK and not table.rows(entity[0], metric.id):
                continue  # a weak tie is only worth reporting where the table has the figure
            tie = strength
            if strength == STRENGTH_DISTANT:
                close = span is not None and (span.start - claim.quantity.span.end
                                              if span.start >= claim.quantity.span.end
                                              else claim.quantity.span.start - span.end) <= CLOSE_WORDS
                close = close or (span is not None and _elliptic(claim, span))
                tie = STRENGTH_PUBLISHER if close else STRENGTH_WEAK
            if table_id in confirm_only:
                tie = min(tie, STRENGTH_WEAK)
            out.append(Candidate(table, metric, entity[0], entity[1], tie, span, loose))
    # A table named outright outranks one named only through a shared publisher.
    exact = {t for s in claim.sources if s.exact for t in s.tables}
    if any(c.table.id in exact for c in out):
        out = [c for c in out if c.table.id in exact or c.table.id not in _publisher_only(claim)]
    out = _named_factor_wins(out)
    return sorted(out, key=lambda c: (-c.strength, c.metric_span is None, c.table.id))


def _named_factor_wins(out: list[Candidate]) -> list[Candidate]:
    """"India rose one place to 52nd in 'future readiness'" beside a publisher of two
    rankings: a measure only one of them has, named by its words, picks that table; the
    same publisher's other table's default measure, which no word named, is not meant."""
    worded = {c.table.id: c.table.publisher for c in out if c.metric_span is not None and not c.metric.default}
    if not worded:
        return out
    publishers = set(worded.values())
    return [c for c in out if c.metric_span is not None or c.table.id in worded
            or not c.metric.default or c.table.publisher not in publishers]


def _ruled_out(table: Table, claim: Claim, list_wide: frozenset[str]) -> bool:
    """Words right by the figure rule out the list's ranking measure (its default
    quantity, not a list-wide one), and so its totals too."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    near = text[max(0, q.span.start - base - NOT_WITH_REACH):q.span.end - base + NOT_WITH_REACH]
    return any(_excluded(m, near) for m in table.metrics.values()
               if m.default and m.kind == "quantity" and m.id not in list_wide)


def _list_wide_readings(table: Table, claim: Claim, chosen: list, list_wide: frozenset[str],
                        library: Library) -> list:
    """Of the metrics the figure's words name, a measure of the whole list stands only by
    its own words and only for a figure no system or country owns; then a measure of one
    entry named by the same words ("aggregate performance") is not meant. Words that rule
    out the list's ranking measure rule out its totals too ("the combined HPCG result of
    all systems" is no aggregate Rmax)."""
    if not chosen:
        return chosen  # (the tests below only read the claim: nothing to keep or drop)
    owned = owner_named(claim) or _subset(table, claim)
    if not owned and not any(m.id in list_wide for m, _, _ in chosen):
        chosen = [_as_list_total(table, claim, m, s, l, list_wide) for m, s, l in chosen]
    out, wide_spans = [], []
    ruled_out = None  # searched only for a list-wide quantity that could stand
    for metric, span, loose in chosen:
        if metric.id in list_wide:
            if span is None or owned:
                continue
            if metric.kind == "quantity":
                if ruled_out is None:
                    ruled_out = _ruled_out(table, claim, list_wide)
                if ruled_out:
                    continue
            wide_spans.append(span)
        out.append((metric, span, loose))
    if wide_spans:
        out = [(m, s, l) for m, s, l in out if m.id in list_wide or s is None
               or not any(s == w or w.contains(s) for w in wide_spans)]
    return out


# "the top 10 systems", "the new systems", "accelerated machines", "systems using GPUs":
# part of the list, whose total is not the list's.
SUBSET = patterns.compile(
    r"\b(?:top|first|leading|fastest|biggest|largest|most\s+powerful)\s+(?P<n>\d+|ten|five|three|four|two|twenty|fifty|hundred)\b"
    r"|\b(?:new(?:ly\s+\w+)?|accelerat\w*|GPU\w*|Arm|x86|commercial|academic|industr\w*|government|research|other|"
    r"remaining|these|those|such)(?:[\s-]+[\w-]+)?[\s-]+(?:systems|machines|supercomputers|computers|entries|entrants|ones|installations)\b"
    r"|\b(?:newcomers|new\s+entr(?:y|ies))\b"
    r"|\b(?:systems|machines|supercomputers|computers)\s+(?:using|with|based|built|that|which|from|made|running|powered)\b",
    re.I)
SUBSET_WORDS = ("top", "first", "leading", "fastest", "biggest", "largest", "most", "system", "machine", "computer",
                "entr", "ones", "installation", "newcomer")
"""Words every match of ``SUBSET`` holds (lower case): a clause holding none of them (most
do not) is not searched (``metricwords._may_hold``)."""


def _subset(table: Table, claim: Claim) -> bool:
    """The figure's clause is about part of the list ("the top 10 systems had a combined
    performance of …"), not all of it ("the top 500", the list's size, is all of it)."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    start = q.span.start - base
    begin = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    end = CLAUSE_AFTER.search(text, q.span.end - base)
    clause = text[begin:end.start() if end else len(text)]
    if not _may_hold(_ascii_lower(clause), SUBSET_WORDS):
        return False
    for m in SUBSET.finditer(clause):
        n = m.group("n")
        if n and n.isdigit() and _is_list_size(table, replace(claim, quantity=replace(q, value=float(n)))):
            continue  # "the leading 500 supercomputers": the whole list
        return True
    return False


TOTAL_WORD = patterns.compile(r"\b(?:aggregate|combined|total)\b", re.I)


def _as_list_total(table: Table, claim: Claim, metric: Metric, span: Span | None, loose: tuple,
                   list_wide: frozenset[str]) -> tuple:
    """"the aggregate list performance has jumped to 2.4 exaflops" with no country named:
    a per-country total named by a total's word is the list's total of the same measure
    (the list-wide metric of its kind and unit whose words use that word too)."""
    if span is None or metric.id in list_wide:
        return metric, span, loose
    base = claim.sentence.span.start
    word = TOTAL_WORD.search(claim.sentence.text[span.start - base:span.end - base])
    if word is None:
        return metric, span, loose
    for wide in table.metrics.values():
        if (wide.id in list_wide and wide.kind == metric.kind and wide.unit == metric.unit
                and any(word.group(0).lower() in a.lower().split() for a in wide.aliases)):
            return wide, span, ()
    return metric, span, loose


# "two from China, compared with 11 in the United States", "37 in 2022, ahead of China's
# 28", "644 petaflops to its rival's 565": a bare figure set against another figure of the
# sentence is the same measure as that figure.
ELLIPTIC_BEFORE = patterns.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|ahead\s+of|behind|than|to)\s+"
    r"(?:(?:its|their|the)\s+)?(?:(?:rival|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s?\s+)?$")
OTHER_FIGURE = patterns.compile(r"(?<![\w.])\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)
WORD_AFTER = patterns.compile(r"\s*[A-Za-z]")
PLAIN_WORD_AFTER = patterns.compile(r"\s*(?:in|for|at|on|a|an|the|last|this|that|by|during)\b", re.I)
"""A word right after a figure that does not name a measure of its own."""


def _elliptic(claim: Claim, metric_span: Span) -> bool:
    """The figure is set against an earlier figure of its sentence whose metric words
    stand right by it, and has no noun of its own ("…, compared with 11 in the US")."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    if metric_span.end > q.span.start or not ELLIPTIC_BEFORE.search(text[:q.span.start - base]):
        return False
    if WORD_AFTER.match(text[q.span.end - base:]) and not PLAIN_WORD_AFTER.match(text[q.span.end - base:]):
        return False  # "…compared with 11 systems": a noun of its own names its measure
    near = text[max(0, metric_span.start - base - CLOSE_WORDS):metric_span.end - base + CLOSE_WORDS]
    return bool(OTHER_FIGURE.search(near))


# "JUPITER is expected to reach 1 exaflops", "designed to deliver 2 exaflops": a target, not
# a measured result — the unit alone does not make it the list's figure.
AIM_BEFORE = patterns.compile(
    r"(?=[wcsmedpatguornyf])\b(?:will|would|could|should|may|might|expected|designed|planned|plans?|aims?|aiming|targets?|targeting|"
    r"promise[sd]?|projected|set\s+to|capable\s+of|able\s+to|goal|upgrade|once|"
    # "has not reached the promised two exaflops", "is yet to hit", "fell short of": a target
    r"not\s+(?:yet\s+)?(?:reached|hit|achieved|attained|delivered)|yet\s+to\s+(?:reach|hit|achieve|deliver)|"
    r"fell\s+short\s+of|falls?\s+short\s+of|"
    # "is said to be more than 550 petaflops", "was estimated to be": a figure told, not measured
    r"estimated\s+(?:to|at)|said\s+to|reportedly|rumou?red|predicted|anticipated)\b", re.I)

# ``[;,]|\bwhile\b|\bbut\b``, opening on one set of characters (the look-behind after
# "w" or "b" is the ``\b`` before it).
AIM_CLAUSE = patterns.compile(r"[;,wb](?:(?<=[;,])|(?<=w)(?<!\w.)hile\b|(?<=b)(?<!\w.)ut\b)")


def _aim(claim: Claim) -> bool:
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    before = AIM_CLAUSE.split(text[:q.span.start - base])[-1]
    return bool(AIM_BEFORE.search(before))


AIM_WORDS = ("will", "would", "could", "should", "may", "might", "expected", "designed", "plan", "aim",
             "target", "promise", "projected", "set", "capable", "able", "goal", "upgrade", "once",
             "estimated", "said", "reportedly", "rumo", "predicted", "anticipated", "not", "yet", "short")
"""Every match of ``AIM_BEFORE`` holds one of these (lower case)."""
ONCE_AGAIN = patterns.compile(r"\bonce\s+(?:again|more)\b", re.I)
PARTICIPLE_OPENING = patterns.compile(r"\s*(?:and\s+)?(?:likely\s+|possibly\s+|eventually\s+)?[a-z]+ing\b")


def _forecast(claim: Claim) -> bool:
    """"Aurora is expected to take the top spot once fully operational", "… is expected to
    reach 2 EFlop/s once fully operational, surpassing Frontier and clinching the top
    spot": a place or value a league table's entry will, could or is expected to reach —
    the figure's clause, or the clause a participle after a comma continues, says so. No
    edition holds it yet: it may not be checked against one."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    head = text[:q.span.start - base]
    if not _may_hold(_ascii_lower(head), AIM_WORDS):
        return False  # (most sentences: no word of AIM_BEFORE before the figure)
    clauses = AIM_CLAUSE.split(ONCE_AGAIN.sub(" ", head))
    if AIM_BEFORE.search(clauses[-1]):
        return True
    # "…, surpassing Frontier and clinching the top spot": the clause a participle continues
    for i in range(len(clauses) - 1, 0, -1):
        if not PARTICIPLE_OPENING.match(clauses[i]):
            return False
        if AIM_BEFORE.search(clauses[i - 1]):
            return True
    return False


def _labelled(claim: Claim, chosen: list) -> list:
    """"with banking ($200–340 billion), retail (…)", "internet retailing (58th to 50th)": a
    figure opening a bracket is the figure of the label before it (``extract.brackets``).
    A label that names no one the tables know is a measure or a part of its own: only a
    measure whose words stand in the label is meant, never the one assumed by default."""
    base = claim.sentence.span.start
    at = brackets.label(claim.sentence.text, claim.quantity.span.start - base)
    if at is None:
        return chosen
    a, b = at[0] + base, at[1] + base
    if any(a <= m.span.start < b for m in claim.entities if m.via != "reference"):
        return chosen
    return [(m, s, l) for m, s, l in chosen if s is not None and a <= s.start < b]


SHARE_AFTER = patterns.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:together\s+|combined\s+|jointly\s+|alone\s+)?"
    r"(?:account(?:s|ed)?\s+for|ma(?:ke|kes|de)\s+up|represent(?:s|ed)?|capture(?:s|d)?|generate(?:s|d)?|hold(?:s)?)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|some|more\s+than|up\s+to|just\s+under)\s+)?"
    r"(?:\d|half|a\s+(?:third|quarter|fifth)|(?:two|three|four)[-\s](?:thirds|quarters|fifths)|the\s+(?:bulk|majority|lion)|most)",
    re.I)
"""After a count: the share of a whole those things hold ("Four functions account for
roughly three-quarters of the value")."""


def _share_of_whole(claim: Claim) -> bool:
    """"Four functions account for roughly three-quarters of the modelled value": things
    counted as holding a share of a whole are a part of what was studied, not how many
    were studied (the count the table holds)."""
    base = claim.sentence.span.start
    return SHARE_AFTER.match(claim.sentence.text, claim.quantity.span.end - base) is not None


QUOTED = patterns.compile(r"[\"\u201c](?P<inside>[^\"\u201c\u201d]{2,80})[\"\u201d]")


def _quoted_nearer(table: Table, claim: Claim, chosen: list) -> list:
    """'In "Knowledge," the "Student-to-Professor Ratio" stands out as Portugal's main
    strength at 12th place': a name in quotation marks between a measure's words and the
    figure, naming no one the tables know, is the figure's own measure (a criterion of
    that factor); the factor named before it is not meant."""
    base, text = claim.sentence.span.start, claim.sentence.text
    figure = claim.quantity.span.start - base
    aliases = tuple(a for m in table.metrics.values() for a in m.aliases)
    quoted = [(m.start() + base, m.end() + base) for m in QUOTED.finditer(text, 0, figure)
              if not _alias_hits(m.group("inside"), 0, aliases)]  # (a measure's own name: "Knowledge")
    if not quoted:
        return chosen
    owned = [m.span.start for m in claim.entities if m.via != "reference"]
    return [(m, s, l) for m, s, l in chosen
            if s is None or s.start > claim.quantity.span.start
            or not any(s.end <= a and not any(a <= o < b for o in owned) for a, b in quoted)]


def _list_units(library: Library) -> tuple[re.Pattern | None, dict[str, str]]:
    """The spellings of the units that only one league table measures in (the Green500's
    GFlops/W), as one pattern, and each such unit's table."""
    if "list_units" not in library._derived:
        owners: dict[str, set[str]] = {}
        for table in library.tables.values():
            if table.period_kind in ("edition", "list"):
                for metric in table.metrics.values():
                    if metric.kind == "quantity" and metric.unit:
                        owners.setdefault(metric.unit, set()).add(table.id)
        own = {unit: next(iter(ids)) for unit, ids in owners.items() if len(ids) == 1}
        spellings = [s for s, (unit, _) in numbers.PHYSICAL_UNITS.items() if unit in own]
        pattern = patterns.compile(rf"\d\s?(?P<unit>{'|'.join(map(re.escape, sorted(spellings, key=len, reverse=True)))})(?![\w])",
                                   re.I) if spellings else None
        library._derived["list_units"] = (pattern, {s.lower(): own[u] for s, (u, _) in numbers.PHYSICAL_UNITS.items()
                                                    if u in own})
    return library._derived["list_units"]


def _lists_by_unit(claim: Claim, library: Library) -> frozenset[str]:
    """The league tables a figure of the rank's sentence names by its unit: "number six with
    52.592 GFlops/W" is a Green500 place, whatever list the article is about."""
    pattern, owner = _list_units(library)
    if pattern is None:
        return frozenset()
    found = frozenset(owner[m.group("unit").lower()] for m in pattern.finditer(claim.sentence.text))
    return found if len(found) == 1 else frozenset()


def _several_lists_carried(claim: Claim, library: Library) -> frozenset[str]:
    """"Unlike the TOP500, the Green500 saw a shakeup … The No. 1 spot was claimed by JEDI":
    a rank whose own sentence names no list, after a sentence naming two of the league
    tables, is on one of them, which one unsaid. Each may confirm it; none may flag it."""
    if not claim.source_carried or claim.quantity.kind != "rank":
        return frozenset()
    lists = frozenset(t for s in claim.sources if s.exact for t in s.tables if _is_league(library, t))
    return lists if len(lists) > 1 else frozenset()


def _is_league(library: Library, table_id: str) -> bool:
    """Is the table a league table or list (its periods are editions or dated lists)?"""
    table = library.tables.get(table_id)
    return table is not None and table.period_kind in ("edition", "list")


def _size_fits(table: Table, claim: Claim) -> bool:
    """A source from the previous paragraph frames a rank only when its "out of N" is the
    size of one of the table's editions ("32nd out of 64" after a paragraph on IMD 2023)."""
    n = claim.quantity.out_of
    if n is None:
        return False
    return float(n) in _edition_sizes(table)


def _publisher_only(claim: Claim) -> set[str]:
    exact = {t for s in claim.sources if s.exact for t in s.tables}
    return {t for s in claim.sources if not s.exact for t in s.tables} - exact


# -- another benchmark or list framing the figure ------------------------------------------

_DIGIT = patterns.compile(r"\d")
POSSESSIVE_JOIN = patterns.compile(r"['’‘]s\s*(?:[a-z][\w-]*\s+){0,2}|\s*")
"""Between a list's name and another benchmark's: "the Top500's HPCG", "TOP500's
high-performance conjugate gradient" name the HPCG."""


def _rival_words(table: Table, library: Library) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that name this table's own ranking (its names, and the capitalised names
    of its default measure other than a unit: "TOP500", "HPL", "Linpack") and those that
    name another benchmark or list of the same things (the words its default measure is
    never used with — "HPCG", "HPL-MxP", "mixed precision" — and the names of the other
    lists of the same kind of entry: "Green500"). Kept with the table."""
    found = table._index.get("rival_words")
    if found is None:
        defaults = [m for m in table.metrics.values() if m.default]
        rivals = {w for m in defaults for w in (m.not_with or ())}
        if table.period_kind == "list":
            rivals |= {n for other in library.tables.values() if other.id != table.id
                       and other.period_kind == "list" and other.entity_kind == table.entity_kind
                       for n in other.names}
        own = set(table.names) | {a for m in defaults if m.kind == "quantity" for a in m.aliases
                                  if a != a.lower() and "flop" not in a.lower() and a != m.unit}
        found = table._index["rival_words"] = (tuple(sorted(own - rivals)), tuple(sorted(rivals)))
    return found


def _benchmarks_named(text: str, table: Table, library: Library) -> list[tuple[int, int, bool]]:
    """Where ``text`` names the table's own ranking or another benchmark: (start, end,
    another's?). A name of the table's joined to another's ("the Top500's HPCG") is the
    other's."""
    own, rivals = _rival_words(table, library)
    if not rivals:
        return []
    rival_set = frozenset(rivals)
    hits = sorted((span.start, span.end, alias in rival_set) for span, alias in _alias_hits(text, 0, own + rivals))
    out = []
    for i, (a, b, rival) in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if not rival and nxt is not None and nxt[2] and POSSESSIVE_JOIN.fullmatch(text, b, nxt[0]):
            continue
        out.append((a, b, rival))
    return out


def _unit_settles(table: Table, metric: Metric) -> bool:
    """A measure in a unit no other measure of the table has ("gigaflops/watt") is that
    measure whatever the benchmark around it; one in a unit it shares ("PFlop/s" for HPL
    and HPCG alike) is not."""
    return metric.kind == "quantity" and not any(
        m.id != metric.id and m.kind == "quantity" and m.unit == metric.unit for m in table.metrics.values())


def rival_frame(table: Table, claim: Claim, library: Library) -> bool:
    """Is the figure framed by another benchmark or list than the table's own ranking?
    The name nearest the figure in its sentence says ("second place for the TOP500 HPL
    and first on HPCG"); a sentence that names none is framed by the passage before it,
    and any other benchmark named there ("On the HPCG benchmark, Fugaku led. Frontier came
    second.") leaves the figure's list unsaid."""
    q, base = claim.quantity, claim.sentence.span.start
    named = _benchmarks_named(claim.sentence.text, table, library)
    if named:
        start, end = q.span.start - base, q.span.end - base
        nearest = min(named, key=lambda h: h[0] - end if h[0] >= end else start - h[1])
        return nearest[2]
    return bool(claim.before) and any(rival for _, _, rival in _benchmarks_named(claim.before, table, library))


def with_frames(claims: list[Claim], prose: str, split: list[Sentence], library: Library) -> list[Claim]:
    """The claims, each with the passage's words before its sentence that may frame it
    (``Claim.before``: of the article's opening two paragraphs and the earlier sentences of
    its own paragraph, those that name another benchmark or list) — only when the article
    names one at all.

    Only the sentences that name one are kept: ``rival_frame`` asks whether any does. At
    most ``FRAME_SENTENCES`` of a paragraph's are kept before a claim, so the work stays
    linear in the article however many names and figures one paragraph holds."""
    claims = _with_referents(claims, split, library)
    words = _all_rival_words(library)
    if not claims or not words:
        return claims
    hits = sorted(span.start for span, _ in _alias_hits(prose, 0, words))
    if not hits:
        return claims
    named = [_any_between(hits, s.span.start, s.span.end) for s in split]
    # The opening is the first two paragraphs with a figure or a list's name: a paragraph of
    # plain prose (a standfirst) does not push the opening out (as ``claims._renumbered``).
    substantive: list[int] = []
    for s, has in zip(split, named):
        if (has or _DIGIT.search(s.text)) and s.paragraph not in substantive:
            substantive.append(s.paragraph)  # (a few at most: two are used)
        if len(substantive) > 2:
            break
    opening_paragraphs = frozenset(substantive[:2])
    opening = " ".join(s.text for s, has in zip(split, named) if has and s.paragraph in opening_paragraphs)
    earlier: dict[int, list[Sentence]] = {}  # a paragraph's naming sentences so far
    for_sentence: dict[int, str] = {}  # a sentence's start → its frame words
    for s, has in zip(split, named):
        kept = earlier.get(s.paragraph, ()) if s.paragraph not in opening_paragraphs else ()
        frame = " ".join((opening, *(k.text for k in kept[-FRAME_SENTENCES:]))).strip()
        if frame:
            for_sentence[s.span.start] = frame
        if has:
            earlier.setdefault(s.paragraph, []).append(s)
    return [replace(claim, before=for_sentence[claim.sentence.span.start])
            if claim.sentence.span.start in for_sentence else claim for claim in claims]


FRAME_SENTENCES = 8


def _topic_patterns(library: Library) -> tuple[list[tuple[tuple[str, ...], re.Pattern]], frozenset[str]]:
    """The topic words' patterns, one per set of words (tables that share their topic
    words share one search), with the tables that use each; and the kinds of figure
    those tables have measures of (a figure of another kind never asks)."""
    if "topic_patterns" not in library._derived:
        groups: dict[tuple[str, ...], list] = {}
        for t in library.tables.values():
            if t.topic_words:
                groups.setdefault(tuple(sorted(t.topic_words)), [t, []])[1].append(t.id)
        metric_kinds = {m.kind for _, ids in groups.values() for t_id in ids
                        for m in library.tables[t_id].metrics.values()}
        kinds = frozenset(k for k, fits in COMPATIBLE.items() if fits & metric_kinds)
        library._derived["topic_patterns"] = (
            [(tuple(ids), topic_pattern(first)) for first, ids in groups.values()], kinds)
    return library._derived["topic_patterns"]



def with_topics(claims: list[Claim], split: list[Sentence], library: Library) -> list[Claim]:
    """The claims, each with ``Claim.paragraph_topics`` and ``Claim.opening_topics``: the
    tables with topic words (``Table.topic_words``) whose topic its paragraph, or the
    article's opening, names (the opening is the paragraphs up to the second with a
    figure: a headline and a standfirst do not push the first paragraph out). One search
    per paragraph and set of topic words: linear in the article.

    ``split`` holds the sentences as split, numbered by paragraph as written; a claim's
    paragraph number counts only substantive ones, so its sentence is found by place."""
    topics, kinds = _topic_patterns(library)
    if not topics or not any(c.quantity.kind in kinds for c in claims):
        return claims
    paragraphs: dict[int, list[str]] = {}
    paragraph_of: dict[int, int] = {}
    for s in split:
        paragraphs.setdefault(s.paragraph, []).append(s.text)
        paragraph_of[s.span.start] = s.paragraph
    named = {p: tuple(t for ids, pattern in topics if pattern.search(" ".join(texts)) for t in ids)
             for p, texts in paragraphs.items()}
    opening_named: set[str] = set()
    with_figures = 0
    for p, texts in paragraphs.items():  # (in reading order)
        opening_named.update(named[p])
        with_figures += any(_DIGIT.search(t) for t in texts)
        if with_figures >= 2:
            break
    opening = tuple(t for ids, _ in topics for t in ids if t in opening_named)
    out = []
    for claim in claims:
        here = named.get(paragraph_of.get(claim.sentence.span.start, -1), ())
        fits = claim.quantity.kind in kinds and (here or opening)
        out.append(replace(claim, paragraph_topics=here, opening_topics=opening) if fits else claim)
    return out


# "There, Ireland slipped to 10th", "Here, it came second", "placing second in this
# factor": words that point back at a measure the sentence before named.
POINTS_BACK = patterns.compile(
    r"^\W*(?:There|Here)\s*,|\b(?:in|under|on|for|within)\s+(?:this|that|the\s+same)\s+"
    r"(?:pillar|factor|area|category|sub-?factor|sub-?index|dimension|aspect|criterion|field|component|indicator)s?\b",
    re.I)
POINTS_BACK_WORDS = ("there", "here", "this", "that", "same")
# "(1) The 'Knowledge' factor reflects …": a sentence whose subject is a factor of the
# ranking makes it the topic of the bare ranks that follow in its paragraph.
FACTOR_SUBJECT = patterns.compile(
    r"^\W*(?:\(\w{1,3}\)\s*)?The\s+[\"“‘'’]?[A-Za-z][\w -]{0,40}?[\"”’']?\s+"
    r"(?:factor|pillar|category|sub-?factor|sub-?index)\b")
OWN_TERMS = patterns.compile(r"\boverall\b|\bin\s+the\s+(?:overall\s+)?(?:ranking|list|index)\b", re.I)


def _pointed_to(split: list[Sentence], i: int, library: Library) -> Sentence:
    """The sentence a back-pointing one (after ``split[i]``) points to: the nearest before
    it, past at most two of plain prose (no figure and no table's measure words)."""
    index = metric_word_index(library, spelled_out)
    for j in range(i, max(-1, i - 3), -1):
        s = split[j]
        if any(c.isdigit() for c in s.text) or index.tables_in(s.text):
            return s
    return split[i]


def _with_referents(claims: list[Claim], split: list[Sentence], library: Library) -> list[Claim]:
    """The claims, each with ``Claim.referent`` (the sentence before) when its sentence
    points back at a measure named there ("There, Ireland slipped from first to 10th"
    after a sentence on the economic performance pillar), or follows, in its paragraph, a
    sentence whose subject is a factor ("The 'Knowledge' factor reflects … Taiwan ranked
    18th globally") and says nothing of the overall ranking itself."""
    previous: dict[int, tuple[Sentence, int]] = {}  # a sentence's start → the one before, and where it points
    for i, (before, s) in enumerate(zip(split, split[1:])):
        lowered = s.text.lower()
        back = POINTS_BACK.search(s.text) if any(w in lowered for w in POINTS_BACK_WORDS) else None
        if back:
            previous[s.span.start] = (_pointed_to(split, i, library), s.span.start + back.start())
        elif before.paragraph == s.paragraph and FACTOR_SUBJECT.match(before.text) and not OWN_TERMS.search(s.text):
            previous[s.span.start] = (before, s.span.start)
    if not previous:
        return claims
    # ("Climbing from 11th to second, Ireland … as its ranking in this criterion soared": a
    # figure before the pointing words is not pointed back.)
    return [replace(c, referent=found[0])
            if (found := previous.get(c.sentence.span.start)) and c.quantity.span.start >= found[1]
            and (c.quantity.kind == "rank" or c.role == "change") else c
            for c in claims]


def _any_between(starts: list[int], a: int, b: int) -> bool:
    """Whether the sorted ``starts`` hold one in [a, b)."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _all_rival_words(library: Library) -> tuple[str, ...]:
    found = library._derived.get("rival_words")
    if found is None:
        found = library._derived["rival_words"] = tuple(sorted(
            {w for t in library.tables.values() for w in _rival_words(t, library)[1]}))
    return found

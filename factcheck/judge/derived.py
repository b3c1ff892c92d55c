"""Claims computed from two rows: changes between editions, kept places, differences.

"Climbed four places" is checked as (previous rank − current rank); "retained first
place" as a current rank equal to the previous one; "improved by 427 petaflops" as
(current − previous value); "1,069,056 more cores than Fugaku" as (one row − another row
of the same edition). Each verdict shows the arithmetic. A derived claim is flagged only
when both rows exist, the table is tied to the sentence by name, publisher or one of its
own entities, and the entity is named in the sentence; otherwise it is at most supported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import patterns
from . import explain, grounds, periods, wording
from ..extract import numbers, roles
from .compare import agrees
from .metricwords import _alias_hits as alias_hits
from .match import STRENGTH_PUBLISHER, Candidate, candidates
from ..model import Claim, Evidence, Fact, Finding, Statement, Verdict
from ..reference.tables import Table


def _previous_row(table: Table, c: Candidate, current: Fact) -> Fact | None:
    """The entity's row in the edition just before ``current``'s (None if that edition
    lacks it: a gap is not evidence)."""
    order = [e.id for e in table.edition_order() if e.id in table.editions_with(c.metric.id)]
    if current.edition not in order:
        return None
    i = order.index(current.edition)
    if i == 0:
        return None
    before = order[i - 1]
    rows = [f for f in table.rows(c.entity, c.metric.id) if f.edition == before and not f.status and f.number is not None]
    return rows[0] if rows else None


def _current_row(claim: Claim, c: Candidate, as_of: dt.date | None) -> Fact | None:
    table = c.table
    choice = periods.choose(table, claim.times, as_of, c.metric.id, c.entity)
    rows = [f for f in table.rows(c.entity, c.metric.id)
            if choice.accepts(f, table) and choice.in_scope(f) and not f.status and f.number is not None]
    if not rows:
        return None
    if choice.explicit is None and choice.current is None:
        return None  # undated and no year: which two editions is unsaid
    return max(rows, key=lambda f: (table.editions[f.edition].published if f.edition in table.editions else f.published))


def _two_editions(claim: Claim, c: Candidate, as_of) -> tuple[Fact, Fact] | None:
    """The entity's row in the edition the claim means and in the one just before it."""
    cur = _current_row(claim, c, as_of)
    prev = _previous_row(c.table, c, cur) if cur is not None else None
    return (cur, prev) if prev is not None else None


def _grounded(claim: Claim, c: Candidate) -> bool:
    return c.strength >= STRENGTH_PUBLISHER and c.entity_mention is not None


def _evidence(table: Table, *facts: Fact) -> tuple[Evidence, ...]:
    out = []
    for f in facts:
        edition = table.editions.get(f.edition)
        out.append(Evidence(table.id, table.title, f.publisher, f.source_title, f.source_url, f.published,
                            edition.title if edition else f.edition))
    return tuple(out)


def _statement(c: Candidate, value, period: str | None, entity: str | None = None) -> Statement:
    return Statement(entity or c.entity, f"change in {c.metric.label}" if c.metric else None, period, value,
                     c.metric.unit if c.metric else None)


def _edition_short(table: Table, fact: Fact) -> str:
    return fact.period or fact.edition


def _count_step(claim: Claim) -> bool:
    """"France has added two supercomputers": a count's change (not places moved)."""
    span, base = claim.role_span, claim.sentence.span.start
    return span is not None and roles.COUNT_STEP_BEFORE.match(claim.sentence.text, span.start - base) is not None


def _rank_change(claim: Claim, library, as_of) -> Finding | None:
    probe = replace(claim, quantity=replace(claim.quantity, kind="rank"))
    found = None
    for c in candidates(probe, library):
        if c.metric.kind != "rank":
            continue
        pair = _two_editions(probe, c, as_of)
        if pair is None:
            continue
        cur, prev = pair
        may_flag = _grounded(probe, c) and found is None and not _several_ranks_named(claim, c) \
            and not _compared_then(claim)
        finding = _rank_verdict(claim, c, cur, prev, may_flag)
        if finding is not None and finding.verdict == Verdict.SUPPORTED:
            return finding
        found = found or finding
    return found


PLACES_COMPARED = patterns.compile(r"\s+(?:places?|spots?|positions?|notches?)\s+(?:lower|higher|below|above|worse|better)\b",
                                   re.I)


def _compared_then(claim: Claim) -> bool:
    """"an improvement from 2023, when the country ranked two places lower, in third place":
    "N places lower" said of a dated earlier state compares it with now, not with the
    edition before it; which two editions it spans is a reading, so it is not flagged."""
    q, base = claim.quantity, claim.sentence.span.start
    m = PLACES_COMPARED.match(claim.sentence.text, q.span.end - base)
    # ("10 places better than in 2020": compared with a year named after "than")
    return bool(m) and (bool(claim.times) or claim.sentence.text.startswith(" than", m.end()))


def _several_ranks_named(claim: Claim, c: Candidate) -> bool:
    """"Of the main categories used to grade an economy's overall competitiveness, Taiwan
    advances two spots in government efficiency and business efficiency": the sentence
    names more than one of the table's rankings, so which one moved by the figure is a
    reading, and the move may be confirmed but not flagged."""
    text = claim.sentence.text
    named = {m.id for m in c.table.metrics.values() if m.kind == "rank" and m.aliases
             and alias_hits(text, 0, m.aliases)}
    return len(named) > 1


def _rank_verdict(claim: Claim, c: Candidate, cur: Fact, prev: Fact, may_flag: bool) -> Finding | None:
    """A rank change ("dropping three positions") against the entity's rank in two editions."""
    delta = int(prev.number - cur.number)  # positive: a better (smaller) rank
    stated = int(claim.quantity.value) * (claim.direction or (1 if delta >= 0 else -1))
    path = (f"{c.entity}'s {c.metric.label}: {wording.ordinal(int(prev.number))} in "
            f"{_edition_short(c.table, prev)} → {wording.ordinal(int(cur.number))} in "
            f"{_edition_short(c.table, cur)}")
    moved = ("unchanged" if delta == 0 else
             f"{'up' if delta > 0 else 'down'} {abs(delta)} place{'s' if abs(delta) != 1 else ''}")
    if stated == delta:
        return Finding(Verdict.SUPPORTED, claim, _statement(c, stated, None), _statement(c, delta, cur.period),
                       f"Matches the source: {path} = {moved} ({c.table.title}).", None,
                       _evidence(c.table, cur, prev), table=c.table.id)
    if may_flag and _spans_other_editions(claim, stated, prev):
        return None  # "moved up 15 places from 30th to 15th": the move its own ends give
    if may_flag and _since_earlier(claim, prev):
        return None  # "climbing 10 spots since 2014": a move over several editions
    if may_flag:
        said = f"{'up' if stated > 0 else 'down'} {abs(stated)}"
        return Finding(Verdict.CONTRADICTED, claim, _statement(c, stated, None),
                       _statement(c, delta, cur.period),
                       f"{c.table.title}: {path} = {moved}, not {said}.",
                       f"Change the figure to the source's: {moved}.",
                       _evidence(c.table, cur, prev), table=c.table.id,
                       fix=_word_fix(claim, abs(delta)) if delta and (delta > 0) == (stated > 0) else None)
    return None


ENDS_AFTER = patterns.compile(
    r"[^.;]{0,40}?\bfrom\s+(?:the\s+)?(?P<a>\d{1,3}(?:st|nd|rd|th)|[a-z]+)(?:\s+(?:place|position|spot))?"
    r"\s+to\s+(?:the\s+)?(?P<b>\d{1,3}(?:st|nd|rd|th)|[a-z]+)\b", re.I)


YEAR = patterns.compile(r"\b(?:19|20)\d\d\b")
SEVERAL_YEARS = patterns.compile(r"\b(?:past|last|previous)\s+(?:few|several|\w+)\s+(?:years|editions|lists)\b", re.I)


def _since_earlier(claim: Claim, prev: Fact) -> bool:
    """"climbing 10 spots since 2014", "over the past five years": the change is said from
    a year before the previous edition, or over several years, so the one-edition move
    does not contradict it."""
    start = YEAR.search(str(prev.period))
    for t in claim.times:
        if t.kind in ("since", "span"):
            years = [int(y.group()) for y in YEAR.finditer(t.text)]
            if years and start and min(years) < int(start.group()):
                return True
        if SEVERAL_YEARS.search(t.text):
            return True
    return False


def _spans_other_editions(claim: Claim, stated: int, prev: Fact) -> bool:
    """"China moved up 15 places from 30th to 15th": a change whose own ends follow it and
    agree with it (30 − 15 = 15) starts where they say, which is not the edition before
    the current one (there it was 16th): a move over several editions, whose ends are
    checked as figures of their own; the one-edition move does not contradict it."""
    q, text, base = claim.quantity, claim.sentence.text, claim.sentence.span.start
    ends = ENDS_AFTER.match(text, q.span.end - base)
    if ends is None:
        return False
    a, b = numbers.ordinal_value(ends.group("a")), numbers.ordinal_value(ends.group("b"))
    return a is not None and b is not None and a - b == stated and a != prev.number


def rank_change_in_edition(claim: Claim, library, table_id: str, entity: str, edition: str,
                           metric_id: str, may_flag: bool,
                           own_measure: bool = False) -> tuple[Finding, Candidate] | None:
    """A rank change whose edition no time word gives, placed by a partner figure: the
    entity's rank in the edition a figure of the same passage was matched to ("falling to
    32nd …, dropping three positions"), against the edition before it. ``metric_id``: the
    partner's measure, which the change is about unless its own words name another;
    ``own_measure``: the change's own words must name its measure."""
    probe = replace(claim, quantity=replace(claim.quantity, kind="rank"))
    for c in candidates(probe, library):
        if (c.table.id != table_id or c.entity != entity or c.metric.kind != "rank"
                or (c.metric_span is None and (own_measure or c.metric.id != metric_id))):
            continue
        rows = [f for f in c.table.rows(entity, c.metric.id)
                if f.edition == edition and not f.status and f.number is not None]
        if not rows:
            continue
        prev = _previous_row(c.table, c, rows[0])
        if prev is None:
            continue
        found = _rank_verdict(claim, c, rows[0], prev, may_flag and _grounded(probe, c))
        return (found, c) if found is not None else None
    return None


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _word_fix(claim: Claim, n: int):
    """The right number, written as the article wrote the wrong one (a word or digits)."""
    q = claim.quantity
    as_word = q.text.strip()[:1].isalpha() and n < len(NUMBER_WORDS)
    new = NUMBER_WORDS[n] if as_word else str(n)
    if as_word and q.text.strip()[:1].isupper():
        new = new.capitalize()
    return (q.span.start, q.span.end, new)


def _value_change(claim: Claim, library, as_of) -> Finding | None:
    found = None
    for c in candidates(replace(claim, role=roles.VALUE), library):
        pair = _two_editions(claim, c, as_of)
        if pair is None:
            continue
        cur, prev = pair
        delta = cur.number - prev.number
        diff_row = replace(cur, value=repr(delta), hedge="")
        path = (f"{c.entity}'s {c.metric.label}: {explain.value(c, prev)} in {_edition_short(c.table, prev)} → "
                f"{explain.value(c, cur)} in {_edition_short(c.table, cur)} = a change of "
                f"{wording.figure(delta, c.metric.kind, c.metric.unit)}")
        if agrees(claim, _precise(diff_row, prev, cur), c.table) and (claim.direction or 1) * delta > 0:
            return Finding(Verdict.SUPPORTED, claim, _statement(c, claim.quantity.value, None),
                           _statement(c, delta, cur.period), f"Matches the source: {path}.", None,
                           _evidence(c.table, cur, prev), table=c.table.id)
        if found is None and _grounded(claim, c):
            found = Finding(Verdict.CONTRADICTED, claim, _statement(c, claim.quantity.value, None),
                            _statement(c, delta, cur.period),
                            f"{c.table.title}: {path}, not {claim.quantity.text.strip()}.",
                            f"Say the change was {wording.figure(abs(delta), c.metric.kind, c.metric.unit)}.",
                            _evidence(c.table, cur, prev), table=c.table.id)
    return found


def _precise(diff: Fact, *rows: Fact) -> Fact:
    """A difference is as precise as its least precise row: keep that many decimals."""
    decimals = max((len(r.value.split(".")[1]) if "." in r.value else 0) for r in rows)
    return replace(diff, value=f"{float(diff.value):.{decimals}f}")


# "maintained the second place it held last year": the time of the relative clause is
# when the place was first held, not the edition it is kept in.
HELD_BEFORE = patterns.compile(
    r"\b(?:it|they|that|which|he|she)\s+(?:had\s+)?(?:held|had|occupied|took|won|secured|claimed|earned|reached)"
    r"\s+(?:in\s+|on\s+)?$", re.I)


def _kept(claim: Claim, finding: Finding, library, as_of) -> Finding:
    """"Retained first place": the current rank agrees; was it the same a year before?"""
    if finding.verdict != Verdict.SUPPORTED or finding.table is None:
        return finding
    base, text = claim.sentence.span.start, claim.sentence.text
    held = [t for t in claim.times if t.span.start > claim.quantity.span.end
            and HELD_BEFORE.search(text[max(0, t.span.start - base - 40):t.span.start - base])]
    if held:
        claim = replace(claim, times=tuple(t for t in claim.times if t not in held))
    for c in candidates(claim, library):
        if c.table.id != finding.table or c.metric.kind != "rank":
            continue
        cur = _current_row(claim, c, as_of)
        if cur is None or cur.number != claim.quantity.value:
            continue
        prev = _previous_row(c.table, c, cur)
        if prev is None or prev.number == cur.number or not _grounded(claim, c):
            return finding
        delta = int(prev.number - cur.number)
        return Finding(Verdict.CONTRADICTED, claim, finding.stated, finding.expected,
                       f"{c.table.title}: {c.entity}'s {c.metric.label} was {wording.ordinal(int(prev.number))} in "
                       f"{_edition_short(c.table, prev)} and {wording.ordinal(int(cur.number))} in "
                       f"{_edition_short(c.table, cur)}: it {'rose' if delta > 0 else 'fell'} {abs(delta)} "
                       f"place{'s' if abs(delta) != 1 else ''} to {wording.ordinal(int(cur.number))}, so it did not keep the place.",
                       f"Say {c.entity} {'rose' if delta > 0 else 'fell'} to {wording.ordinal(int(cur.number))} "
                       f"(from {wording.ordinal(int(prev.number))}).",
                       _evidence(c.table, cur, prev), table=c.table.id)
    return finding


THAN = patterns.compile(r"\bthan\b")


def _difference(claim: Claim, library, as_of) -> Finding | None:
    text, base = claim.sentence.text, claim.sentence.span.start
    than = THAN.search(text[claim.quantity.span.end - base:])
    if not than:
        return None
    after = claim.quantity.span.end + than.end()
    others = [m for m in claim.entities if m.span.start >= after and m.via != "reference"]
    if not others:
        return None
    other = others[0].entity
    for c in candidates(replace(claim, role=roles.VALUE), library):
        if c.entity == other or c.entity_mention is None or c.entity_mention.span.start > claim.quantity.span.start:
            continue
        cur = _current_row(claim, c, as_of)
        if cur is None:
            continue
        rows = [f for f in c.table.rows(other, c.metric.id)
                if f.edition == cur.edition and f.period == cur.period and not f.status and f.number is not None]
        if not rows:
            continue
        delta = cur.number - rows[0].number
        diff_row = _precise(replace(cur, value=repr(delta), hedge=""), cur, rows[0])
        path = (f"{c.entity} {explain.value(c, cur)} − {other} {explain.value(c, rows[0])} = "
                f"{wording.figure(delta, c.metric.kind, c.metric.unit)} ({c.metric.label}, "
                f"{explain.edition_title(c.table, cur)})")
        if agrees(claim, diff_row, c.table):
            return Finding(Verdict.SUPPORTED, claim, _statement(c, claim.quantity.value, None),
                           _statement(c, delta, cur.period), f"Matches the source: {path}.", None,
                           _evidence(c.table, cur, rows[0]), table=c.table.id)
        if _grounded(claim, c):
            return Finding(Verdict.CONTRADICTED, claim, _statement(c, claim.quantity.value, None),
                           _statement(c, delta, cur.period), f"{c.table.title}: {path}, not {claim.quantity.text.strip()}.",
                           f"Say the difference is {wording.figure(abs(delta), c.metric.kind, c.metric.unit)}.",
                           _evidence(c.table, cur, rows[0]), table=c.table.id)
    return None


REGIONAL = patterns.compile(
    r"\b(?:the\s+region['’]s|regional|in\s+(?:the\s+)?(?:region|Asia|Europe|Africa|Latin\s+America|the\s+Middle\s+East|"
    r"the\s+Gulf|Asia[\s-]Pacific|the\s+Americas)|among\s+(?:the\s+)?(?:Asian|European|African|Arab|Gulf|ASEAN|"
    r"Nordic|Latin\s+American|regional)|(?:Asia|Europe|Africa)['’]s)\b", re.I)
"""Words that make a superlative a region's ("the region's biggest improvement", "the
biggest climber among Asian economies"), not the whole list's."""


def _biggest(claim: Claim, library, as_of) -> Finding | None:
    """"Ireland, the country with the most notable improvement": of every entity with a row
    in both editions, did this one move most (up, or down for "the biggest faller")?"""
    if REGIONAL.search(claim.sentence.text):
        return None  # "the region's biggest improvement": the most within a smaller list
    probe = replace(claim, quantity=replace(claim.quantity, kind="rank", value=1.0, low=1.0, high=1.0))
    for c in candidates(probe, library):
        if c.metric.kind != "rank":
            continue
        pair = _two_editions(probe, c, as_of)
        if pair is None:
            continue
        cur, prev = pair
        moves = {}
        for f in c.table.rows(None, c.metric.id):
            if f.edition != cur.edition or f.status or f.number is None:
                continue
            before = [g for g in c.table.rows(f.entity, c.metric.id)
                      if g.edition == prev.edition and not g.status and g.number is not None]
            if before:
                moves[f.entity] = (int(before[0].number - f.number), before[0], f)
        if c.entity not in moves or len(moves) < 3:
            continue
        sign = claim.direction or 1
        best = max(moves, key=lambda e: sign * moves[e][0])
        own = moves[c.entity]

        def told(e):
            d, b, a = moves[e]
            return (f"{e} {'rose' if d > 0 else 'fell'} {abs(d)} place{'s' if abs(d) != 1 else ''} "
                    f"({wording.ordinal(int(b.number))} → {wording.ordinal(int(a.number))})")
        path = f"{c.metric.label}, {_edition_short(c.table, prev)} → {_edition_short(c.table, cur)}"
        if sign * own[0] >= sign * moves[best][0]:
            return Finding(Verdict.SUPPORTED, claim, _statement(c, None, None), _statement(c, own[0], cur.period),
                           f"Matches the source: {told(c.entity)}, the most of the {len(moves)} economies in both "
                           f"editions ({path}, {c.table.title}).", None,
                           _evidence(c.table, own[2], own[1]), table=c.table.id)
        if not _grounded(probe, c):
            return None
        return Finding(Verdict.CONTRADICTED, claim, _statement(c, None, None), _statement(c, own[0], cur.period),
                       f"{c.table.title} ({path}): {told(best)}, the most; {told(c.entity)}.",
                       f"Name {best} as the biggest {'riser' if sign > 0 else 'faller'}, or drop the superlative.",
                       _evidence(c.table, moves[best][2], moves[best][1], own[2], own[1]), table=c.table.id)
    return None


def _edition_number(claim: Claim, library, as_of) -> Finding | None:
    """"The newly released 52nd edition of the list": the number of the edition meant."""
    n = int(claim.quantity.value)
    tables = [library.tables[t] for s in claim.sources for t in s.tables if t in library.tables]
    tables += [library.tables[t] for t in claim.topic if t in library.tables and library.tables[t] not in tables]
    for table in tables:
        numbered = {e.id: e for e in table.editions.values() if e.number is not None}
        if not numbered:
            continue
        choice = periods.choose(table, claim.times, as_of)
        if choice.explicit is not None and choice.explicit.start is not None:
            # "the 2018 lists": the editions published in the year the article names
            meant = [e for e in numbered.values() if e.published[:4] == str(choice.explicit.start)]
        elif choice.current is not None:
            meant = [numbered[choice.current]] if choice.current in numbered else []
        else:
            meant = list(numbered.values())
        if not meant:
            continue
        statement = Statement(None, "edition number", None, n, None)
        hit = [e for e in meant if e.number == n]
        if hit:
            return Finding(Verdict.SUPPORTED, claim, statement, Statement(None, "edition number", hit[0].id, n, None),
                           f"Matches the source: {hit[0].title} is the {wording.ordinal(n)} edition.", None,
                           table=table.id)
        if len(meant) == 1 and not claim.source_carried or len(meant) == 1 and claim.source_distance <= 1:
            e = meant[0]
            return Finding(Verdict.CONTRADICTED, claim, statement, Statement(None, "edition number", e.id, e.number, None),
                           f"{table.title}: the edition current at the article's date is {e.title}, the "
                           f"{wording.ordinal(e.number)}, not the {wording.ordinal(n)}.",
                           f"Change “{claim.quantity.text.strip()}” to the {wording.ordinal(e.number)}.",
                           table=table.id)
    return None


FROM_TO = patterns.compile(r"\s*from\s+(?P<low>\S.*?)\s+to\s+(?P<high>\S.*?)\s*$", re.I)
MOVED = patterns.compile(r"\b(?:improv|rais|increas|ris|rose|grew|grow|jump|climb|boost|went|go|going|gone|fell|fall|"
                   r"drop|declin|slid|slip|cut|lower|upgrad)\w*\b", re.I)
"""A verb of change before "from X to Y": the figure moved between two editions."""
PREVIOUS_LIST = patterns.compile(r"\b(?:previous|last|prior|preceding)\s+(?:list|edition|ranking)\b|"
                           r"\b(?:six months|a year)\s+(?:ago|earlier|before)\b", re.I)
"""Words that make the old end the edition before the article's."""
CLAUSE_MARK = patterns.compile(r"[,;:()]")


def _end(text: str, unit: str) -> "numbers.Quantity | None":
    found = numbers.find(text + unit)
    return found[0] if len(found) == 1 and found[0].range_of is None else None


def from_to(claim: Claim, library, as_of: dt.date | None) -> Finding | None:
    """"Summit improved its Linpack result from 122.3 to 143.5 petaflops since the June 2018
    list": a pair of figures read as one range, which is the entity's row in one edition
    and in the next. Only after a verb of change, and only for an edition pair the article
    grounds: an edition its words name (either end) or, without one, the edition current
    at its date and the one before. Supported when both ends agree; flagged only when one
    end agrees and the other does not (so the pair of editions is the one meant), the
    article's words place both ends (an edition named, "the previous list", the article's
    date), the table is tied to the sentence and the entity named."""
    q = claim.quantity
    m = FROM_TO.fullmatch(q.text)
    if m is None or q.range_of is None or claim.role != roles.VALUE:
        return None
    base = claim.sentence.span.start
    before = CLAUSE_MARK.split(claim.sentence.text[:q.span.start - base])[-1]
    if not MOVED.search(before):
        return None
    unit = numbers.PHYSICAL_UNIT.match(claim.sentence.text[q.span.end - base:])
    unit_text = unit.group(0) if unit else ""
    low, high = _end(m.group("low"), unit_text), _end(m.group("high"), unit_text)
    if low is None or high is None or low.kind != high.kind:
        return None
    ends = [replace(claim, quantity=replace(e, span=q.span)) for e in (low, high)]
    flags: list[Finding] = []
    for c in candidates(ends[1], library):
        table = c.table
        choice = periods.choose(table, claim.times, as_of, c.metric.id, c.entity)
        order = [e.id for e in table.edition_order() if e.id in table.editions_with(c.metric.id)]
        rows = {}
        for f in table.rows(c.entity, c.metric.id):
            if not f.status and f.number is not None and f.edition in order:
                rows.setdefault(f.edition, f)
        for i in range(1, len(order)):
            prev, cur = rows.get(order[i - 1]), rows.get(order[i])
            if prev is None or cur is None or cur.edition in choice.later:
                continue
            if choice.explicit is not None:
                if not (choice.accepts(prev, table) or choice.accepts(cur, table)):
                    continue
            elif choice.current is None or cur.edition != choice.current:
                continue
            ok = [agrees(ends[0], prev, table), agrees(ends[1], cur, table)]
            path = (f"{c.entity}'s {c.metric.label}: {explain.value(c, prev)} in {_edition_short(table, prev)}, "
                    f"{explain.value(c, cur)} in {_edition_short(table, cur)}")
            stated = Statement(c.entity, c.metric.label, None, q.value, c.metric.unit)
            expected = Statement(c.entity, c.metric.label, cur.period, cur.number, c.metric.unit)
            why = grounds.of(claim, c, as_of)
            if all(ok):
                return Finding(Verdict.SUPPORTED, claim, stated, expected, f"Matches the source: {path}.", None,
                               _evidence(table, prev, cur), table=table.id, grounds=why)
            # Flagged only when the article's words place both ends: the old one by its
            # edition or by "the previous list"; the new one by its edition or by its date.
            prev_said = ((choice.explicit is not None and choice.accepts(prev, table))
                         or PREVIOUS_LIST.search(claim.sentence.text) is not None)
            cur_said = (cur.edition == choice.current
                        or (choice.explicit is not None and choice.accepts(cur, table)))
            if any(ok) and _grounded(claim, c) and prev_said and cur_said:
                wrong, row = (low, prev) if not ok[0] else (high, cur)
                flags.append(Finding(Verdict.CONTRADICTED, claim, stated, expected,
                                     f"{table.title}: {path}, not {wrong.text.strip()}.",
                                     f"Change {wrong.text.strip()} to {explain.value(c, row)}.",
                                     _evidence(table, prev, cur), table=table.id, grounds=why))
    # Two edition pairs each half agreeing: which was meant is unsaid.
    return flags[0] if len(flags) == 1 else None


def judge(claim: Claim, library, as_of: dt.date | None) -> Finding | None:
    """The finding for a derived claim, or None when it can't be computed."""
    if claim.role == roles.EDITION:
        return _edition_number(claim, library, as_of)
    if claim.role == roles.RECORD:
        return None
    if claim.role == roles.BIGGEST_CHANGE:
        return _biggest(claim, library, as_of)
    if claim.role == roles.CHANGE:
        if periods.several_years(claim.times, horizon=True):
            return None  # "dropped four spots over two years": not one edition's move
        if claim.quantity.kind == "number" and not _count_step(claim):
            return _rank_change(claim, library, as_of)
        return _value_change(claim, library, as_of)
    if claim.role == roles.DIFFERENCE:
        return _difference(claim, library, as_of)
    return None


def kept(claim: Claim, finding: Finding, library, as_of) -> Finding:
    return _kept(claim, finding, library, as_of) if claim.role == roles.KEPT else finding

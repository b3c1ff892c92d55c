"""Whether a flagged figure is true of something its own sentence names.

A flag says the article is wrong. When the figure is exactly what the tables give for a
thing the same sentence speaks of — another edition the sentence names ("from 2017's 41st
to the 50th"), or another entity the sentence names ("202 versus 143") — the likelier
reading is that the engine gave the figure to the wrong edition or owner, not that the
writer erred. Such a figure is left unflagged with the reading that fits shown; an editor
who disagrees still sees it.

The tests here read only the sentence's own words and the tables: a year or a relative time
in the sentence ("in 2018", "a year ago", "the previous list"), and the names the sentence
holds. A time inside a comparison ("worse than a year ago") names the comparison's other
side, not the figure's edition, and is not counted.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import patterns
from ..extract import timex
from ..model import Claim, Fact
from ..reference.tables import Table
from . import periods
from .compare import BANDS, agrees

# "the previous list", "last year's ranking", "the prior edition": the edition before.
BEFORE_WORDS = patterns.compile(
    r"\b(?:previous|last|prior|preceding|earlier)\s+(?:list|lists|edition|editions|ranking|rankings|"
    r"year|year['’]s|report|release|index|survey)\b|\ba\s+year\s+(?:ago|earlier|before)\b|"
    r"\bsix\s+months\s+(?:ago|earlier|before)\b", re.I)

# "from 33rd place fell to 40th", "up from No. 3": the figure a move started from.
FROM_BEFORE = patterns.compile(
    r"\bfrom\s+(?:(?:the|its|their|his|her|a|No\.?|number|place|position|rank|spot)\s+)*$", re.I)

# Words that put a figure in another clause or set it against another name.
GAP_BREAK = patterns.compile(r"[,;:(]|\b(?:while|whereas|but|than|versus|vs|against|behind|below|above|after|ahead)\b", re.I)

# "one position worse than a year ago", "compared with 2019": the time of the comparison.
COMPARISON_BEFORE = patterns.compile(
    r"(?:\bthan|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst)\s+(?:(?:in|on|at|the|its|their)\s+)*$", re.I)


# "June 2020 through June 2022", "2019-2021": the words joining two ends of one span.
SPAN_JOIN = patterns.compile(r"\s*(?:through|to|until|till|and|[-–—])?\s*", re.I)


def _year_of(edition: str) -> int | None:
    years = periods._period_years(edition)
    return years[0] if years else None


def _named_years(claim: Claim, as_of: dt.date | None) -> set[int]:
    """The years the sentence names outside a comparison, other than the claim's own times
    (those the reading already gave the figure)."""
    text, base = claim.sentence.text, claim.sentence.span.start
    own = {(t.span.start, t.span.end) for t in claim.times}
    years: set[int] = set()
    for t in timex.find(text, base):
        if any(SPAN_JOIN.fullmatch(text[min(b, t.span.end) - base:max(a, t.span.start) - base]) for a, b in own):
            continue  # "from June 2020 through June 2022": one span with the claim's own time
        if t.kind == "event" or (t.span.start, t.span.end) in own or COMPARISON_BEFORE.search(text[max(0, t.span.start - base - 30):t.span.start - base]):
            continue
        if t.kind == "relative" and t.offset is not None and as_of is not None and (t.years or 1) == 1:
            years.add(as_of.year - t.offset)
        elif t.start is not None:
            years.update(range(t.start, (t.end or t.start) + 1))
    return years


def other_edition(claim: Claim, table: Table, entity: str, metric: str, checked: str,
                  as_of: dt.date | None) -> Fact | None:
    """The row of ``entity``'s own ``metric`` in an edition other than ``checked`` that
    agrees with the figure, where the sentence names that edition's year or, with "the
    previous list" or "a year ago", the edition just before ``checked``."""
    rows = [f for f in table.rows(entity, metric)
            if f.edition != checked and not f.status and agrees(claim, f, table)]
    if not rows:
        return None
    years = _named_years(claim, as_of)
    text, base = claim.sentence.text, claim.sentence.span.start
    at = claim.quantity.span.start - base
    before = None
    if FROM_BEFORE.search(text[max(0, at - 40):at]) or any(
            not COMPARISON_BEFORE.search(text[max(0, m.start() - 30):m.start()]) for m in BEFORE_WORDS.finditer(text)):
        order = [e.id for e in table.edition_order()]
        if checked in order and order.index(checked) > 0:
            before = order[order.index(checked) - 1]
    for f in rows:
        if f.edition == before or _year_of(f.edition) in years and _year_of(f.edition) != _year_of(checked):
            return f
    return None


def other_owner(claim: Claim, table: Table, entity: str, metric: str, edition: str | None) -> str | None:
    """Another entity the sentence names whose own ``metric`` is exactly the figure: in
    ``edition`` of a league table, or in any of its own papers in a catalogue
    (``edition`` None). Only where the figure's owner is a reading, not the article's
    plain pairing: not for a figure a list form paired with its entity, a band of places,
    or a figure right beside the stated entity's name."""
    if claim.paired or claim.quantity.hedge in BANDS or _stated_beside(claim, entity):
        return None  # "South Korea No. 9 and Taiwan No. 9": the figure's own name is beside it
    for m in claim.entities:
        if m.via == "reference" or m.kind == "world" or m.entity == entity or m.entity not in table.known_entities:
            continue
        if any((edition is None or f.edition == edition) and not f.status and agrees(claim, f, table)
               for f in table.rows(m.entity, metric)):
            return m.entity
    return None


def _stated_beside(claim: Claim, entity: str) -> bool:
    """Whether the sentence names ``entity`` right beside the figure: at most three words
    between ("Taiwan No. 9", "Japan was ranked 28th", "9th | Taiwan"), none of them a
    clause's or a comparison's word."""
    base, text, q = claim.sentence.span.start, claim.sentence.text, claim.quantity.span
    for m in claim.entities:
        if m.entity != entity or m.via == "reference":
            continue
        gap = text[m.span.end - base:q.start - base] if m.span.end <= q.start else text[q.end - base:m.span.start - base]
        if len(gap.split()) <= 3 and not GAP_BREAK.search(gap):
            return True
    return False

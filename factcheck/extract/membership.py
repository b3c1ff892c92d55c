"""A place given as a band of a ranking: "remained in the top 10", "broke into the top
five", "dropped out of the top 20".

"The top 10" is usually the size of a group a sentence talks about ("five of the top 10
systems"), never a claim of its own (``claims.TOP_N_BEFORE``). Said of a subject with a
verb of standing or moving ("is in", "remained among", "entered", "returned to", "fell
out of", "stayed outside"), it is one: the subject's place is in the band 1–N, or past
it. The figure becomes a rank whose interval is the band (``hedge`` "top" or "outside
top"; ``compare.agrees`` checks a place against the band, not against N).

Only the whole list's top counts: a band of a region or group ("in the top 10 in Asia",
"among the top three of the ASEAN economies") is another, smaller list, and is left as no
claim.
"""

from __future__ import annotations

import re

from .. import patterns
from ..model import Quantity, Span

INSIDE_BEFORE = patterns.compile(
    r"\b(?:(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|ranks?|ranked|places?|placed|"
    r"finish(?:es|ed)?|sits?|sat|stands?|stood|lands?|landed|comes?|came|kept|keeps?|held|holds?|"
    r"firmly|comfortably|still|again|once\s+again|also)\s+(?:(?:still|again|firmly|comfortably|also|well)\s+)?"
    r"(?P<in>in|among|within)"
    r"|(?P<into>(?:enter(?:s|ed)?|join(?:s|ed)?|made|makes?|broke\s+into|break(?:s)?\s+into|"
    r"(?:return(?:s|ed)?|climb(?:s|ed)?|rose|rises?|risen|moved?|moves|jump(?:s|ed)?|leap(?:s|t|ed)?|"
    r"advanc(?:es|ed)|back)(?:\s+(?:up|back))?\s+(?:in|into|to|among)))"
    r")\s+the\s+$", re.I)
"""Before "top N": a verb of standing in the band, or of moving into it."""
OUTSIDE_BEFORE = patterns.compile(
    r"\b(?:(?:fell|falls?|fallen|dropped|drops?|slipped|slips?|slid|slides?|tumbled|tumbles?|crashed|"
    r"knocked|is|are|was|were|be|been|being|remains?|remained|stays?|stayed|ranks?|ranked|placed|finish(?:es|ed)?)\s+"
    r"(?:(?:just|well|still|now)\s+)?(?:out\s+of|outside(?:\s+of)?)|missed|miss(?:es)?)\s+the\s+$", re.I)
"""Before "top N": a verb of standing outside the band, or of leaving it."""
TOP_WORD = patterns.compile(r"\btop[\s-]*$", re.I)
OTHER_LIST_AFTER = patterns.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:in|of|among|across|for)\s+(?:the\s+)?(?:Asia|Asian|Europe|European|Africa|African|"
    r"(?:North\s+|South\s+|Latin\s+)?America(?:n|s)?|Middle\s+East(?:ern)?|Gulf|ASEAN|Asia[\s-]Pacific|"
    r"region(?:al)?|EU|OECD|G7|G20|Nordic|Arab|developing|emerging|Eurozone|continent|bloc|"
    r"(?:small|large|big|rich|poor|advanced|developed)\w*\s+(?:economies|countries|nations)|"
    r"economies\s+with|countries\s+with|nations\s+with)\b", re.I)
"""After "top N": the band of a smaller list (a region, a group of economies)."""
LIST_VERB = (r"(?:are|were|remain(?:ed)?|stay(?:ed)?|make\s+up|made\s+up|form(?:ed)?|complete[sd]?|round(?:ed)?\s+out)"
             r"\s+(?:again\s+|still\s+|once\s+more\s+)?")
"""The verb between a list of names and the band they are given ("… are the top three")."""
GIVEN_TO = (r"(?:(?:spots|places|positions|economies|countries|nations|systems|supercomputers|machines)\s+)?"
            r"(?:are|were|went\s+to|belong(?:ed)?\s+to|comprise[sd]?|consist(?:s|ed)?\s+of)\s+(?:the\s+)?")
"""Between a band and the list of names it is given to ("the top three were …")."""
LISTED_BEFORE = patterns.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+"
    + LIST_VERB + r"the\s+$")
"""Before "top N": a list of names as the subject ("Denmark, Ireland and Switzerland are the
top three"): each name's place is in the band (``judge.bandlist`` checks every one)."""
LISTED_AFTER = patterns.compile(
    r"^\s+" + GIVEN_TO + r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,|\s+and\s+|\s+&\s+)")
"""After "top N": the list of names it is given to ("the top three were Denmark, Ireland and
Switzerland")."""
ASPIRED_BEFORE = patterns.compile(
    r"\b(?:could|would|will|shall|may|might|should|must|can|cannot|can't|won't|wants?|wanted|aims?|aimed|aiming|"
    r"hopes?|hoped|hoping|goal|targets?|targeted|plans?|planned|seeks?|sought|strives?|ambition|aspires?|"
    r"expects?|expected|likely|if|unless|whether|to\s+(?:be|break|enter|get|join|make|return|climb|move|rise|"
    r"remain|stay|reach|crack|re-enter|regain|keep))\b[^.;:]*$", re.I)
"""A band hoped for, planned or supposed ("aims to break into the top 10", "wants Japan to be
in the top 10", "could return to the top 20", "if … back in the top 20"): no place."""
NEGATED_BEFORE = patterns.compile(r"\b(?:not|never|hardly|barely|nor)\b[^.;:,]*$|n't\b[^.;:,]*$", re.I)
""""had not fallen out of the top 3 until 2017", "has never been in the top 10": the band is
denied (for some time the tables cannot place), not given."""
MAX_PLACE = 10_000.0
PREPOSITION_LAST = patterns.compile(r"\b(?:in|into|to|among|within)\s+the\s+$", re.I)
THE_LAST = patterns.compile(r"\bthe\s+$", re.I)
PARTITIVE_LAST = patterns.compile(r"\bof\s+the\s+$", re.I)
""""five of the top 10 systems are …": a part of the band, not a band given to names."""
LEAVING_LAST = patterns.compile(r"\b(?:out\s+of|outside(?:\s+of)?|missed|miss(?:es)?)\s+the\s+$", re.I)
"""Where the band's words start: "in the top 10", "the top five" (after "entered"), "out of
the top 20"."""


ACROSS_PARTS_AFTER = patterns.compile(
    r"\s+(?:across|in|for|on)\s+(?:\d+|several|many|a\s+number\s+of|[a-z]+)\s+(?:[a-z]+\s+)?"
    r"(?:metrics|indicators|criteria|categories|measures|areas|domains|sub-?factors|factors|pillars)\b", re.I)
"""After a band, the parts it is held in: "ranks in the top three across 24 important
metrics" is a place in each of many sub-measures, not in the whole list."""


def band(text: str, offset: int, q: Quantity) -> Quantity | None:
    """``q`` (a number right after "top") read as a place in a band of the whole list, or
    None when the sentence does not give its subject such a place."""
    start, end = q.span.start - offset, q.span.end - offset
    top = TOP_WORD.search(text, 0, start)
    if top is None or q.value != int(q.value) or not 1 <= q.value < MAX_PLACE:
        return None
    before = text[max(0, top.start() - 60):top.start()]
    if OTHER_LIST_AFTER.match(text[end:]) or ACROSS_PARTS_AFTER.match(text, end):
        return None
    if ASPIRED_BEFORE.search(before) or NEGATED_BEFORE.search(before):
        return None
    n = float(q.value)
    base = top.start() - len(before)
    if INSIDE_BEFORE.search(before) is not None:
        lead = PREPOSITION_LAST.search(before) or THE_LAST.search(before)
        return _band(text, offset, base + lead.start(), end, n, 1.0, n, "top")
    if LISTED_BEFORE.search(before) is not None or (
            THE_LAST.search(before) and not PARTITIVE_LAST.search(before) and LISTED_AFTER.match(text[end:])):
        lead = THE_LAST.search(before)
        return _band(text, offset, base + lead.start(), end, n, 1.0, n, "top")
    if OUTSIDE_BEFORE.search(before) is not None:
        lead = LEAVING_LAST.search(before)
        return _band(text, offset, base + lead.start(), end, n, n + 1, MAX_PLACE, "outside top")
    return None


def _band(text: str, offset: int, start: int, end: int, n: float, low: float, high: float,
          hedge: str) -> Quantity:
    return Quantity(Span(start + offset, end + offset), text[start:end], n, low, high, "rank", hedge=hedge)

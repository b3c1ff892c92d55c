"""What part a figure plays in its sentence: the measure itself, or something derived from it.

"Japan placed 29th" gives a value; "from 28th" the previous value of a change; "climbed
four places" a change; "retained first place" a value said to be unchanged; "a million
more cores than Fugaku" a difference between two entities; "the list's combined
performance" an aggregate. Only a value (or a previous value) can be compared with a
table's row directly; changes and kept ranks are computed from two editions; the rest
are never compared with a single row (right before loud).
"""

from __future__ import annotations

import re

from .. import patterns
from . import folding
from ..dataclassgen import dataclass
from ..model import Quantity, Span

VALUE, PREVIOUS, CHANGE, KEPT, DIFFERENCE, AGGREGATE, BIGGEST_CHANGE, EDITION, RECORD, WITHIN = (
    "value", "previous", "change", "kept", "difference", "aggregate", "biggest_change", "edition", "record",
    "within")

# "In Asia, Taiwan ranked second", "Among the seven members of the G7, Japan came fourth":
# an opening phrase that scopes the sentence to a part of the list (a region, a club of
# economies), so its ranks and counts are within that part, never the whole list's.
SCOPE_OPENER = patterns.compile(
    r"^\W*(?:In|Within|Among|Amongst|(?:Compared|Relative)\s+(?:to|with))\s+(?P<scope>[^,;:.]{2,80}?),", re.I)
# "…said that among the 14 Asia-Pacific countries, Malaysia was ranked 10th": the same scope
# opening a clause inside the sentence; its count and the ranks of the clause it opens are
# within that part.
MID_SCOPE = patterns.compile(r"\b(?:among|amongst|within)\s+(?P<scope>[^,;:.]{2,80}?),", re.I)
MID_SCOPE_WORDS = folding.Words("among", "amongst", "within")
SCOPE_GROUP = patterns.compile(
    r"\b(?:Asia|Asian|Europe|European|Africa|African|Americas?|Latin|Middle\s+East|Gulf|Nordic|ASEAN|"
    r"OECD|G7|G20|EU|BRICS|APAC|Asia-Pacific|region|regional|club|bloc|group|members|peers|neighbou?rs|"
    r"population|populations)\b", re.I)

# "the 55th edition of the list", "the 64th TOP500 list": which edition of a publication.
# (``\b\d{1,3}``, written so that the pattern opens with the digit and is searched for
# digits only: the boundary before it is looked at after it, no word character before.)
EDITION_NUMBER = patterns.compile(
    r"(?P<ord>\d(?<!\w\d)\d{0,2}(?:st|nd|rd|th))\s+(?:(?:TOP500|Green500|annual)\s+)?(?:edition|list|iteration)\b",
    re.I)

# Records and firsts: "its worst place since the rankings began", "the lowest ever", "for the
# first time", "the first Japanese machine to top the list", "the only system", "four lists
# in a row". Checkable claims, which the tables can't settle: they are listed, never flagged.
RECORD_CLAIM = patterns.compile(
    r"\b(?:its|their|the)\s+(?:worst|best|lowest|highest|weakest|strongest)\s+(?:place|position|rank(?:ing)?|"
    r"result|showing|performance|score|ever)\b(?:\s+(?:ever|yet|to\s+date|since\b[^,.;]{0,45}))?"
    r"|\bthe\s+(?:lowest|highest|worst|best)\s+ever\b"
    r"|\bfor\s+the\s+(?:first|second|third|fourth|fifth)\s+(?:time|year|list)(?:\s+in\s+a\s+row)?\b"
    r"|\bthe\s+first\s+(?:[\w-]+\s+){0,5}?to\s+(?:top|lead|head|reach|break|exceed|surpass|pass|achieve)\b"
    r"|\bthe\s+only\s+(?:[\w-]+\s+){0,3}?(?:system|economy|country|model|machine|entry|supercomputer|one)s?\b"
    r"|\b(?:\w+)\s+(?:lists?|years?|editions?|times|rankings?)\s+in\s+a\s+row\b"
    r"|\b(?:\w+)\s+(?:consecutive|straight|successive)\s+(?:years?|times?|lists?|editions?|top\s+rankings?)\b"
    r"|\bno\s+longer\s+the\s+(?:world['’]s\s+)?(?:fastest|top|largest|most\s+powerful)\b"
    r"|\b(?:has\s+)?held\s+(?:it\s+)?since\s+\w+(?:\s+\d{4})?"
    r"|\b(?:has\s+)?been\s+on\s+the\s+list\s+since\s+\d{4}"
    r"|\bthe\s+(?:fastest|largest|most\s+powerful)\s+(?:[\w-]+\s+){0,2}?in\s+(?:Europe|Asia|Japan|China|the\s+world)\b",
    re.I)

# "the biggest riser", "the most notable improvement", "the steepest fall": a claim about
# every entity's change between two editions, with no figure of its own.
SUPERLATIVE = patterns.compile(
    r"\b(?:the\s+)?(?:biggest|largest|greatest|most\s+(?:notable|significant|marked|dramatic|remarkable)|"
    r"sharpest|steepest|strongest)\s+(?P<what>risers?|climbers?|improvements?|gains?|jumps?|rises?|"
    r"fallers?|drops?|falls?|declines?|losers?)\b|\bmost[- ]improved\b", re.I)
DOWN_NOUNS = ("faller", "drop", "fall", "decline", "loser")

# "one of the strongest improvements", "among the biggest risers", "two of the sharpest
# falls": a place among the top few, not the top one; nothing the tables can settle.
ONE_OF_BEFORE = patterns.compile(
    r"\b(?:one|some|two|three|four|five|several|many|among|amongst)\s+(?:of\s+)?(?:the\s+)?$", re.I)

UP_WORDS = (r"rose|rises|rising|risen|climbed|climbs|climbing|jumped|jumps|jumping|improved|improves|"
            r"improving|gained|gains|gaining|advanced|advances|advancing|leapt|leaped|leaps|soared|"
            r"moved\s+up|moves\s+up|moving\s+up|went\s+up|up|higher|surged|shot\s+up|increased|grew")
DOWN_WORDS = (r"fell|falls|falling|fallen|dropped|drops|dropping|slid|slides|sliding|slipped|slips|"
              r"slipping|declined|declines|declining|lost|loses|losing|sank|sinks|tumbled|"
              r"moved\s+down|moves\s+down|moving\s+down|went\s+down|down|lower|decreased|plunged")

# "four places", "three spots", "one notch": the unit of a change of rank.
RANK_STEPS_AFTER = patterns.compile(r"^\s*(?:places?|spots?|positions?|notch(?:es)?|ranks?|rungs?|slots?)\b"
                              r"(?:\s+(?P<dir>higher|lower|up|down))?", re.I)
DIRECTION_BEFORE = patterns.compile(rf"\b(?P<dir>{UP_WORDS}|{DOWN_WORDS})\b(?:\s+(?:by|a\s+further|another))?\s*$",
                              re.I)
SIGN_BEFORE = patterns.compile(r"[+\-−–]$")
# "their number one and two positions", "the number one and number two spots", "the No. 1, 2 and 3 spots", "the 1 or 2 position":
# the figure closes a list of rank labels, so the steps word names places, not a move.
RANK_LIST_BEFORE = patterns.compile(
    r"(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:st|nd|rd|th)?|\bNo\.?\s*\d+)"
    r"\s*(?:,|\band\b|\bor\b|&|/)\s*(?:number\s+|No\.?\s*)?$", re.I)
# "France has added two supercomputers", "the US lost 12 systems": a count changed by an amount.
COUNT_STEP_BEFORE = patterns.compile(
    r"\b(?P<dir>add(?:s|ed|ing)?|gain(?:s|ed|ing)?|pick(?:s|ed|ing)\s+up|won|wins?|winning|"
    r"los(?:t|es|ing)|shed(?:s|ding)?)\s+(?:another\s+|a\s+further\s+|an\s+extra\s+|(?:a\s+)?net\s+)?$", re.I)
COUNT_STEP_WORDS = folding.Words("add", "gain", "pick", "won", "win", "lost", "loses", "losing", "shed")

# "improved by more than 585 petaflops": a measured value changed by an amount.
AMOUNT_BEFORE = patterns.compile(rf"\b(?P<dir>{UP_WORDS}|{DOWN_WORDS})\s+by\s*$", re.I)

# "ceding the top spot", "from its previous seventh place", "last year's 30th".
PREVIOUS_BEFORE = patterns.compile(
    r"\b(?:ced(?:e|es|ed|ing)|lost|losing|loses|gave\s+up|giving\s+up|relinquish(?:ed|es|ing)?|"
    r"surrender(?:ed|s|ing)?|previous(?:ly)?|former(?:ly)?|prior|recovering\s+from|"
    r"(?:last|previous|the\s+prior)\s+year['’]s|a\s+year\s+earlier)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:previous\s+|earlier\s+|former\s+|prior\s+)?$", re.I)

# "retained first place", "has maintained its pole position", "remained in 7th place".
KEPT_BEFORE = patterns.compile(
    r"\b(?:kept|keeps|keeping|keep|retain(?:s|ed|ing)?|maintain(?:s|ed|ing)?|held\s+on\s+to|"
    r"holds?\s+on\s+to|hung\s+on\s+to|defended|defends|remain(?:s|ed|ing)?(?:\s+(?:at|in))?|"
    r"stay(?:s|ed|ing)?\s+(?:at|in)|unchanged\s+(?:at|in))\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$",
    re.I)

# "eighth in government efficiency (unchanged)": a bracketed "unchanged" after the rank
# (and its measure) says the place is the same as the edition before.
KEPT_AFTER = patterns.compile(
    r"(?:\s+(?:place\s+)?(?:in|for)\s+[^()\d;,]{1,60}?)?\s*\(\s*(?:unchanged|no\s+change)\s*\)", re.I)

DIFFERENCE_AFTER = patterns.compile(
    r"^\s*(?:[\w/-]+\s+){0,3}?(?:more|fewer|less|higher|lower|larger|smaller|faster|slower|bigger|greater)"
    # ("62 countries based on more than 300 criteria": "more than" hedges the next figure)
    r"(?!\s+than\s+(?:\d|one\b|two\b|three\b|four\b|five\b|ten\b|a\s+(?:dozen|hundred|thousand|million|billion)))"
    r"\s+(?:[\w/-]+\s+){0,3}?than\b", re.I)
DIFFERENCE_BEFORE = patterns.compile(
    r"\b(?:an?\s+)?(?:extra|additional)\s+$|\b(?:gap|lead|margin|difference)\s+of\s+$", re.I)

AGGREGATE_WORDS = patterns.compile(r"\b(?:aggregate|combined|total|cumulative|collective|altogether|sum)\b", re.I)
AGGREGATE_AFTER = patterns.compile(r"^\s*(?:[\w/-]+\s+){0,2}?(?:in\s+total|combined|altogether|in\s+aggregate)\b", re.I)


# What every match of each figureless pattern holds (``folding``): a sentence without any
# of these words skips the pattern.
EDITION_NUMBER_WORDS = folding.Words("edition", "list", "iteration")
RECORD_CLAIM_WORDS = folding.Words("worst", "best", "lowest", "highest", "weakest", "strongest", "first", "second",
                                   "third", "fourth", "fifth", "only", "row", "consecutive", "straight", "successive",
                                   "longer", "held", "been", "fastest", "largest", "powerful")
SUPERLATIVE_WORDS = folding.Words("biggest", "largest", "greatest", "most", "sharpest", "steepest", "strongest")
FIGURELESS_WORDS = EDITION_NUMBER_WORDS.mask | RECORD_CLAIM_WORDS.mask | SUPERLATIVE_WORDS.mask
"""A sentence with none of these words skips all three patterns of ``superlatives``."""

# The same for the patterns ``find`` tries around each figure: they look at parts of the
# sentence, so a word missing from the whole sentence is missing from every part.
DIFFERENCE_AFTER_WORDS = folding.Words("than")
MORE_AFTER = patterns.compile(r"^\s+(?:more|other|additional|further|extra)\s+(?=[A-Za-z])", re.I)
"""After a count, a word that makes it an addition to others: "three more American
machines", "two other Chinese systems"."""
MORE_WORDS = folding.Words("more", "other", "additional", "further", "extra")
DIFFERENCE_BEFORE_WORDS = folding.Words("extra", "additional", "gap", "lead", "margin", "difference")
FROM_WORDS = folding.Words("from")  # FROM_TO_BEFORE, FROM_BEFORE
AGGREGATE_TERMS = folding.Words("aggregate", "combined", "total", "cumulative", "collective", "altogether", "sum")
AGGREGATE_AFTER_WORDS = folding.Words("total", "combined", "altogether", "aggregate")
# "ced(e|es|ed|ing)", "lost/losing/loses", "last year's", "a year earlier", …
PREVIOUS_WORDS = folding.Words("ced", "los", "gave", "giving", "relinquish", "surrender", "previous", "former",
                               "prior", "recovering", "year")
KEPT_WORDS = folding.Words("kept", "keep", "retain", "maintain", "held", "hold", "hung", "defend", "remain", "stay",
                           "unchanged")


LEADING_DIGITS = patterns.compile(r"\d+")
UP_WORD = patterns.compile(UP_WORDS)
CLAUSE_SPLIT = patterns.compile(r"[;,]|\bwhile\b|\bbut\b")
A_TOTAL_OF = patterns.compile(r"\ba\s+total\s+of\s+$", re.I)
FROM_BEFORE = patterns.compile(
    r"\bfrom\s+(?:(?:placing|ranking|being|sitting|standing|coming)\s+(?:at\s+|in\s+)?)?(?:the\s+|its\s+|their\s+)?"
    r"(?:previous\s+|earlier\s+|prior\s+|former\s+)?$", re.I)
FROM_REACH = 30
# "In second to fifth place, in order, came: …", "the 2nd-5th places": a span of places,
# not one place; the names that follow fill it in their order (no one of them is "fifth").
_ORD = (r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        r"tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth)")
PLACE_SPAN_BEFORE = patterns.compile(
    rf"\b(?P<first>{_ORD})[\s-]*(?:to|through|thru|[–—-])\s*(?:the\s+)?$", re.I)
PLACE_WORD_AFTER = patterns.compile(r"^[\s-]*(?:places?|spots?|positions?|placed|ranks?)\b", re.I)
PLACE_WORD_END = patterns.compile(r"\b(?:places?|spots?|positions?|placed|ranks?)$", re.I)
SPAN_FROM_BEFORE = patterns.compile(r"\bfrom\s+(?:the\s+|its\s+|their\s+)?$", re.I)
PLACE_SPAN_AFTER = patterns.compile(
    rf"^[\s-]*(?:to|through|thru|[–—-])\s*(?:the\s+)?{_ORD}[\s-]*(?:places?|spots?|positions?|placed|ranks?)\b", re.I)
"""How far before a figure ``FROM_BEFORE`` is looked for ("from the previous 585 petaflops",
"from placing at the 34th spot")."""
MOVED_FROM_BEFORE = patterns.compile(
    r"\b(?:ris(?:e|es|ing)|rose|climb(?:s|ed|ing)?(?:\s+up)?|mov(?:e|es|ed|ing)\s+up|jump(?:s|ed|ing)?|"
    r"leap(?:s|t|ed|ing)?|advanc(?:e|es|ed|ing)|f[ae]ll(?:s|ing)?|drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|"
    r"slid(?:e|es|ing)?|declin(?:e|es|ed|ing))\s+(?:all\s+the\s+way\s+)?from\s+(?:the\s+|its\s+|their\s+)?$", re.I)
""""Rising from the 3rd spot", "has climbed up from 8th position": after a move's verb, the
place after "from" is where the move started, with or without a "to" after it."""
TO_AFTER = patterns.compile(r"^\s*(?:place\s+|position\s+|spot\s+)?to\b", re.I)
TO_THEN_FROM_BEFORE = patterns.compile(
    r"\bto\s+(?:the\s+)?(?:no\.\s*|number\s+)?[\w-]+(?:\s+(?:place|position|spot|rank))?,?\s+from\s+(?:the\s+|its\s+|their\s+)?$",
    re.I)
""""fell to 34th from 27th place", "rose to second from fifth": the place after "from" is
where the move started, when the place it ended in comes first."""


@dataclass(frozen=True)
class Role:
    """The part a figure plays in its sentence: a value, a change, a previous value, …"""

    role: str = VALUE
    direction: int = 0
    """For a change: +1 up (for ranks: a better place), -1 down, 0 unsaid."""
    span: Span | None = None
    """The words that say so."""


# "the 58th TOP500 list", "its 36th World Competitiveness Ranking": an ordinal between an
# article (or a possessive) and a list's name is the list's edition number — but not in
# "the 10th TOP500 system", where the word after the name is no word for an edition.
EDITION_ORDINAL_BEFORE = patterns.compile(
    r"\b(?:the|its|[A-Z][\w.-]*['’]s)\s+(?P<ord>\d{1,3}(?:st|nd|rd|th))\s+$", re.I)
EDITION_NAME_END = patterns.compile(
    r"(?:edition|list|iteration|ranking|rankings|index|report|yearbook|survey)\b", re.I)
EDITION_AFTER_NAME = patterns.compile(
    r"\s+(?:edition|list|iteration|ranking|rankings|index|report|yearbook|survey)\b", re.I)

EDITION_OF_BEFORE = patterns.compile(
    r"\b(?:the|its)\s+(?P<ord>\d{1,3}(?:st|nd|rd|th))\s+(?:edition|iteration|ranking|rankings|list)\s+of\s+"
    r"(?:the\s+)?['\"‘’“”]?$", re.I)
""""The 63rd ranking of the 'TOP500' supercomputers": an ordinal edition named before "of"
and the list's name."""

HELD_AFTER_NAME = patterns.compile(
    r"\s+(?:entry|entries|spot|place|position|system|machine|economy|country|member|slot|rank|finisher)\b", re.I)
"""After the name, a place on the list, not the list: "the 20th TOP500 list entry"."""


def _named_editions(text: str, offset: int, names) -> list[Quantity]:
    """Edition numbers written before a list's name (``EDITION_ORDINAL_BEFORE``): the
    name's own last word, or the word after it, must be one for a publication."""
    out = []
    for name in names:
        a, b = name.start - offset, name.end - offset
        of = EDITION_OF_BEFORE.search(text, max(0, a - 60), a) if " of " in text[max(0, a - 60):a] else None
        if of is not None:
            n = float(LEADING_DIGITS.match(of.group("ord")).group(0))
            out.append(Quantity(Span(of.start("ord") + offset, of.end("ord") + offset), of.group("ord"),
                                n, n, n, "edition"))
            continue
        if a <= 0 or not text[a - 1].isspace() or not text[a - 2:a - 1].isalpha():
            continue  # (cheap: the character before the name is the ordinal's last letter)
        m = EDITION_ORDINAL_BEFORE.search(text, max(0, a - 40), a)
        if m is None:
            continue
        name_text = text[a:b]
        if not (EDITION_NAME_END.search(name_text.rsplit(None, 1)[-1]) or EDITION_AFTER_NAME.match(text, b)) \
                or HELD_AFTER_NAME.match(text, b):
            continue
        n = float(LEADING_DIGITS.match(m.group("ord")).group(0))
        span = Span(m.start("ord") + offset, m.end("ord") + offset)
        out.append(Quantity(span, m.group("ord"), n, n, n, "edition"))
    return out


def superlatives(text: str, offset: int, skip=(), names=()) -> list[Quantity]:
    """Claims without a figure of their own: superlative changes (kind ``superlative``),
    edition numbers (``edition``) and records and firsts (``record``). ``names`` are the
    spans of the lists' names the sentence holds ("the 58th TOP500 list")."""
    out: list[Quantity] = _named_editions(text, offset, names) if names else []
    words = folding.held(folding.folded(text))
    if not words & FIGURELESS_WORDS:
        return out
    taken: list[Span] = [*skip, *(q.span for q in out)]
    for m in EDITION_NUMBER.finditer(text) if words & EDITION_NUMBER_WORDS.mask else ():
        span = Span(m.start() + offset, m.end() + offset)
        if not any(span.overlaps(s) for s in taken):
            n = float(LEADING_DIGITS.match(m.group("ord")).group(0))
            out.append(Quantity(span, m.group(0), n, n, n, "edition"))
            taken.append(span)
    for m in RECORD_CLAIM.finditer(text) if words & RECORD_CLAIM_WORDS.mask else ():
        span = Span(m.start() + offset, m.end() + offset)
        if not any(span.overlaps(s) for s in taken):
            out.append(Quantity(span, m.group(0), 0.0, 0.0, 0.0, "record"))
            taken.append(span)
    skip = taken
    for m in SUPERLATIVE.finditer(text) if words & SUPERLATIVE_WORDS.mask else ():
        span = Span(m.start() + offset, m.end() + offset)
        if any(span.overlaps(s) for s in skip) or ONE_OF_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        what = (m.group("what") or "improvement").lower()
        value = -1.0 if what.startswith(DOWN_NOUNS) else 1.0
        out.append(Quantity(span, m.group(0), value, value, value, "superlative"))
    return out


def _mid_scope(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a scope ("among the 14 Asia-Pacific countries,") that holds the figure
    or opens its clause (at most 60 characters, no clause break, from its comma)."""
    if not folding.held(folding.folded(text)) & MID_SCOPE_WORDS.mask:
        return None
    for m in MID_SCOPE.finditer(text, 0, min(len(text), end + 90)):
        if m.start() >= start:
            break
        if not SCOPE_GROUP.search(m.group("scope")):
            continue
        inside = m.start("scope") <= start and end <= m.end("scope")
        opens = m.end() <= start and start - m.end() <= 60 and not CLAUSE_BREAK_BETWEEN.search(text, m.end(), start)
        if inside or opens:
            return m.start("scope"), m.end("scope")
    return None


CLAUSE_BREAK_BETWEEN = patterns.compile(r"[,;:]")

REGIONAL_COUNT = patterns.compile(
    r"\s+(?P<scope>(?:[\w-]+\s+){1,3}?)(?:economies|countries|nations|members|states)\b", re.I)
""""the five Southeast Asian economies", "14 Asia-Pacific countries": a region's word before
the counted noun."""
NAMED_GROUP_COUNT = patterns.compile(
    r"\s+(?P<scope>(?:[A-Z][\w-]*\s+){1,3})(?i:economies|countries|nations|states|members)\b")
""""the six Arab countries", "the 38 OECD economies": a count of countries a name qualifies is
of a group, not of the whole list."""
COUNT_OF_LEADERS = patterns.compile(
    r"\s+(?P<scope>(?:[\w-]+\s+){0,2}?(?:supercomputers|systems|machines|computers|models|economies|countries)"
    r"(?:\s*:|\s+(?:are|were)\s+(?:now\s+)?(?:ranked\s+|named\s+)?(?:the\s+)?(?:fastest|top|best|leading|first|most)\b))",
    re.I)
""""the new leaders are two US supercomputers: Summit and Sierra", "Two US supercomputers are
ranked fastest": a count of the things listed next, or of those at the top — a part of the
list, not how many of them the whole list holds."""
COUNT_OF_PART = patterns.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:economies|countries|nations|members|states|systems|supercomputers)\s+"
    r"(?:in|of|from|across)\s+(?P<scope>(?:the\s+)?[^,;:.]{2,40})", re.I)


_TOP = r"(?P<top>top[\s-]?(?!500\b)(?:\d{1,3}|ten|five|twenty|fifty|hundred))\b"  # ("the top 500" is the whole list)
TOP_AFTER = patterns.compile(
    rf"\s+(?:[\w-]+\s+){{0,3}}?(?:in|of|among|within|inside|into)\s+(?:the\s+|its\s+)?{_TOP}", re.I)
TOP_BEFORE = patterns.compile(rf"\b(?:of|among|in|within)\s+the\s+{_TOP}\s*,?\s*$", re.I)
"""The list's top part a count is within, right after its noun or just before it."""


def words_scoped(text: str) -> bool:
    """Could the sentence open with a scope ("In Asia,", "Among …,", "Compared to other
    ASEAN nations,")? A cheap test of
    its first word before ``SCOPE_OPENER`` is tried."""
    head = text[:12].lstrip(" \t\"“'‘(").lower()
    return head.startswith(("in ", "within ", "among ", "amongst ", "compared ", "relative "))


def _direction(word: str | None) -> int:
    if not word:
        return 0
    return 1 if UP_WORD.fullmatch(word.lower()) else -1


FROM_TO_BEFORE = patterns.compile(r"\bfrom\s+[$€£¥]?\d[^;,]{0,50}?\s+to\s+(?:the\s+)?$", re.I)


def _last_clause(before: str) -> str:
    """``CLAUSE_SPLIT.split(before)[-1]``: the words since the last clause break. Every
    break is ";", "," or the word "while" or "but" as written (the pattern keeps case),
    so text holding none of them is one clause and is not split."""
    if ";" in before or "," in before or "while" in before or "but" in before:
        return CLAUSE_SPLIT.split(before)[-1]
    return before


OUT_OF_ORDINAL_BEFORE = patterns.compile(r"\d(?:st|nd|rd|th)\s+out\s+of\s+(?:the\s+)?$", re.I)
ORDINAL_TEXT = patterns.compile(r"\d(?:st|nd|rd|th)\b", re.I)
RANK_GROUP_AFTER = patterns.compile(
    r"\s+(?:place\s+)?(?:out\s+of|among|amongst|within)\s+(?:the\s+)?(?P<scope>[^,;.()]{1,50})", re.I)


def _place_span(before: str, figure: str, after: str) -> tuple[int, int] | None:
    """Where a span of places around a rank starts in ``before`` and ends in ``after``
    ("second to fifth place"), or None; "from 8th to 6th" is a move, not a span."""
    first = PLACE_SPAN_BEFORE.search(before)
    if first and not SPAN_FROM_BEFORE.search(before, 0, first.start()):
        if PLACE_WORD_END.search(figure):
            return first.start(), 0
        if PLACE_WORD_AFTER.match(after):
            return first.start(), PLACE_WORD_AFTER.match(after).end()
    last = PLACE_SPAN_AFTER.match(after)
    if last and not SPAN_FROM_BEFORE.search(before):
        return len(before), last.end()
    return None


def find(text: str, base: int, quantity: Quantity) -> Role:
    """The role of ``quantity`` in a sentence ``text`` that starts at ``base``."""
    if quantity.kind == "superlative":
        return Role(BIGGEST_CHANGE, int(quantity.value), quantity.span)
    if quantity.kind == "edition":
        return Role(EDITION, 0, quantity.span)
    if quantity.kind == "record":
        return Role(RECORD, 0, quantity.span)
    start, end = quantity.span.start - base, quantity.span.end - base
    if quantity.kind in ("rank", "number") and words_scoped(text):
        scope = SCOPE_OPENER.match(text)
        if scope and SCOPE_GROUP.search(scope.group("scope")):
            return Role(WITHIN, 0, Span(base + scope.start("scope"), base + scope.end("scope")))
    if quantity.kind == "number":
        # "the five economies in the ASEAN region", "14 countries of the Asia-Pacific": a
        # count of a part of the list
        # (each reading is tried on its own: "14 Asia-Pacific countries in the list" names
        # its region before the noun, and "in the list" after it is no region)
        for part in (COUNT_OF_PART.match(text, end), REGIONAL_COUNT.match(text, end)):
            if part and SCOPE_GROUP.search(part.group("scope")):
                return Role(WITHIN, 0, Span(base + part.start("scope"), base + part.end("scope")))
        named_group = NAMED_GROUP_COUNT.match(text, end)
        if named_group:
            return Role(WITHIN, 0, Span(base + named_group.start("scope"), base + named_group.end("scope")))
        leaders = COUNT_OF_LEADERS.match(text, end) if quantity.value <= 10 else None
        if leaders:
            return Role(WITHIN, 0, Span(base + leaders.start("scope"), base + leaders.end("scope")))
    if quantity.kind == "number" and ("top" in text or "Top" in text):
        top = TOP_AFTER.match(text, end) or TOP_BEFORE.search(text, max(0, start - 30), start)
        if top:
            # "China has 11 systems in the top 100", "of the top 10, six are American":
            # a count within the list's top part, not of the whole list
            return Role(WITHIN, 0, Span(base + top.start("top"), base + top.end("top")))
    if quantity.kind in ("rank", "number"):
        scoped = _mid_scope(text, start, end)
        if scoped is not None:
            return Role(WITHIN, 0, Span(base + scoped[0], base + scoped[1]))
    before, after = text[max(0, start - 60):start], text[end:end + 80]
    here = max(0, start - 60)
    # Each pattern below reads a part of the sentence: one that needs a word the whole
    # sentence lacks (``folding``) cannot match and is not tried.
    words = folding.held(folding.folded(text))
    if quantity.kind == "number":
        steps = RANK_STEPS_AFTER.match(after)
        if steps and RANK_LIST_BEFORE.search(before):
            steps = None
        if steps:
            verb = DIRECTION_BEFORE.search(before)
            word = steps.group("dir") or (verb.group("dir") if verb else None)
            lo = here + verb.start() if verb else start
            sign = SIGN_BEFORE.search(before) if not word else None
            if sign:
                # "(6th, +23 places)", "−4 places": the sign gives the direction
                return Role(CHANGE, 1 if sign.group(0) == "+" else -1, Span(base + here + sign.start(), base + end + steps.end()))
            return Role(CHANGE, _direction(word), Span(base + lo, base + end + steps.end()))
    if quantity.kind == "number" and words & COUNT_STEP_WORDS.mask:
        step = COUNT_STEP_BEFORE.search(before)
        if step:
            # "France has added two supercomputers to reach 20": a count gained or lost
            up = step.group("dir").lower().startswith(("add", "gain", "pick", "won", "win"))
            return Role(CHANGE, 1 if up else -1, Span(base + here + step.start(), base + end))
    if quantity.kind == "quantity":
        # (only a measured quantity's "improved by" makes a change; other figures pass on)
        amount = AMOUNT_BEFORE.search(before)
        if amount:
            return Role(CHANGE, _direction(amount.group("dir")), Span(base + here + amount.start(), base + end))
    diff = DIFFERENCE_AFTER.match(after) if words & DIFFERENCE_AFTER_WORDS.mask else None
    if diff:
        return Role(DIFFERENCE, 0, Span(base + start, base + end + diff.end()))
    diff = DIFFERENCE_BEFORE.search(before) if words & DIFFERENCE_BEFORE_WORDS.mask else None
    if diff:
        return Role(DIFFERENCE, 0, Span(base + here + diff.start(), base + end))
    more = MORE_AFTER.match(after) if quantity.kind == "number" and words & MORE_WORDS.mask else None
    if more:
        # "held by three more American machines": a count added to others, not a total
        return Role(DIFFERENCE, 0, Span(base + start, base + end + more.end()))
    has_from = words & FROM_WORDS.mask
    if quantity.kind != "rank" and words & AGGREGATE_TERMS.mask:
        # (the clause is read only for an aggregate's words, and a rank is never one)
        clause = _last_clause(before)
        wide = text[max(0, start - 140):start]
        pair = FROM_TO_BEFORE.search(wide) if has_from else None
        if pair:
            # "the aggregate performance jumped from 1.65 exaflops six months ago to 2.23
            # exaflops": the "to" figure is what the "from" figure is, however far back its words.
            clause = _last_clause(wide[:pair.start()]) + wide[pair.start():]
        agg = AGGREGATE_WORDS.search(clause)
        if agg and A_TOTAL_OF.search(clause):
            agg = None  # "a total of 67 economies" is a count
        if agg:
            lo = start - len(clause) + agg.start()
            return Role(AGGREGATE, 0, Span(base + lo, base + lo + len(agg.group(0))))
    agg = AGGREGATE_AFTER.match(after) if quantity.kind != "rank" and words & AGGREGATE_AFTER_WORDS.mask else None
    if agg:
        return Role(AGGREGATE, 0, Span(base + start, base + end + agg.end()))
    if quantity.kind == "rank" and OUT_OF_ORDINAL_BEFORE.search(before) and ORDINAL_TEXT.search(quantity.text):
        # "fell to 33rd out of 28th": "out of" before a place (not a count) is where the move began
        return Role(PREVIOUS, 0, Span(base + here + OUT_OF_ORDINAL_BEFORE.search(before).start(), base + end))
    if quantity.kind == "rank":
        group = RANK_GROUP_AFTER.match(text, end)
        if group and SCOPE_GROUP.search(group.group("scope")):
            # "ranked fourth out of the G20 countries": a place within a group
            return Role(WITHIN, 0, Span(base + group.start("scope"), base + group.end("scope")))
        span = _place_span(before, text[start:end], after)
        if span is not None:
            return Role(WITHIN, 0, Span(base + here + span[0], base + end + span[1]))
    if quantity.kind == "rank":
        prev = PREVIOUS_BEFORE.search(before) if words & PREVIOUS_WORDS.mask else None
        if prev:
            return Role(PREVIOUS, 0, Span(base + here + prev.start(), base + end))
        kept = KEPT_BEFORE.search(before) if words & KEPT_WORDS.mask else None
        if kept:
            return Role(KEPT, 0, Span(base + here + kept.start(), base + end))
        kept = KEPT_AFTER.match(after) if words & KEPT_WORDS.mask else None
        if kept:
            return Role(KEPT, 0, Span(base + start, base + end + kept.end()))
        if has_from and FROM_BEFORE.search(before) and (TO_AFTER.match(after) or TO_THEN_FROM_BEFORE.search(before)):
            return Role(PREVIOUS, 0, Span(base + start, base + end))
        moved = MOVED_FROM_BEFORE.search(before) if has_from else None
        if moved:
            # "Rising from the 3rd spot, the USA overtakes Singapore": the place a move left
            return Role(PREVIOUS, 0, Span(base + here + moved.start(), base + end))
    return Role()

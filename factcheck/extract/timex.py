"""Find time expressions: years, spans, months, "by 2030", "last year", "over the next decade".

Years are what most figures hang on; they are found before figures so that "2030" is
never read as a count. Relative phrases are resolved against the article's date later,
in ``periods``.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from .. import patterns
from . import anchored, folding
from ..model import Span, TimeExpr
from .numbers import word_value

YEAR = r"(?:19[5-9]\d|20\d\d)"
YEAR_FIRST = r"19[5-9]\d|20\d\d"  # the same, bare: opening a pattern, its first digits are a prefix
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"

# "2048 tokens", "2030 cores": a count, not a year.
MEASURE_NOUNS = (r"tokens|parameters|cores|GPUs|CPUs|nodes|racks|systems|models|people|workers|"
                 r"engineers|units|words|pages|users|companies|firms|jobs|employees|staff|economies")

COUNT_AFTER = patterns.compile(rf"^\s+(?:{MEASURE_NOUNS})\b")

PATTERNS: list[tuple[str, re.Pattern]] = [
    # "22 May 2023", "May 22, 2023": the day is part of the date, not a figure.
    ("date", patterns.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<y1>{YEAR})|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y2>{YEAR})|(?P<y3>{YEAR})-\d{{2}}-\d{{2}})\b")),
    # "a title it has held since May 2022": when a state began, not the figure's period.
    ("since_month", patterns.compile(rf"\bsince\s+(?P<mon>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})\b")),
    ("month", patterns.compile(rf"\b(?P<mon>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})\b")),
    # "2020-23" abbreviates only after a dash: "in 2020 and 30 in 2021" is no span.
    ("span", patterns.compile(rf"\b(?:between\s+|from\s+)?(?P<a>{YEAR})\s*(?:(?:-|–|—)\s*(?P<b2>\d\d)\b|(?:-|–|—|to|and|through|until)\s*(?P<b>{YEAR})\b)(?![.,]\d)", re.I)),
    ("by", patterns.compile(rf"\b(?:by|until|till|through|before|in)\s+(?:the\s+end\s+of\s+)?(?P<year>{YEAR})\b(?!\s*%)", re.I)),
    # ("from 2017’s 41st" is that year's figure, no start of a span)
    ("since", patterns.compile(rf"\b(?:since|from)\s+(?P<year>{YEAR})\b(?!['’]s)", re.I)),
    ("fiscal", patterns.compile(rf"\b(?:FY|fiscal(?:\s+year)?\s*)(?P<year>{YEAR})\b", re.I)),
    # "over the last three years", "in the past four editions": several years at once.
    ("relative", patterns.compile(rf"\b(?:in|over|during|for)\s+the\s+(?:past|last|previous|preceding)\s+(?P<n>{COUNT})\s+(?:years?|editions|lists|rankings)\b", re.I)),
    ("last_year", patterns.compile(r"\b(?P<which>last|this|next|previous)\s+year(?:'s)?\b", re.I)),
    # "a year earlier", "a year ago", "the year before": the previous year, as "last year".
    # "Three years ago, the US had 231 systems": that many years before the article's.
    ("year_ago", patterns.compile(rf"\b(?:a|one|(?P<n>{COUNT}))\s+years?\s+(?:earlier|ago|before)\b|\bthe\s+(?:year|edition)\s+before\b|\bthe\s+prior\s+year\b", re.I)),
    ("now", patterns.compile(r"\b(?:currently|at present|presently|as of now|right now)\b", re.I)),
    # "Back then, it had 202 entries": the time an earlier sentence named, which one unsaid
    # here — an earlier edition that can confirm a figure but never flag it.
    # "The following year, … rose to 32nd", "that same year", "two years later": a year
    # named only by an earlier sentence's, which the reading does not carry over.
    ("then", patterns.compile(r"\b(?:back\s+then|at\s+(?:that|the)\s+time|by\s+then|in\s+those\s+days"
                              r"|had\s+(?:previously|formerly|once)|(?:previously|formerly)\s+(?:held|occupied|ranked|placed|sat|stood)"
                              r"|the\s+(?:following|same)\s+year|that\s+(?:same\s+)?year|the\s+year\s+after"
                              r"|(?:a|one|two|three|four|five|six|\d)\s+years?\s+later)\b", re.I)),
    # "When Summit launched four years ago, it too claimed the No. 1 spot": the time a thing
    # first came out, unnamed (a year named after it is read as that year instead).
    ("debut", patterns.compile(
        rf"\b[Ww]hen\s+(?:it|they|the\s+[\w-]+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})\s+(?:first\s+)?"
        rf"(?:launched|debuted|came\s+online|first\s+appeared|was\s+(?:launched|unveiled|installed|introduced|switched\s+on))\b"
        rf"(?!,?\s+(?:in\s+|on\s+)?(?:{MONTH}\s+)?(?:19|20)\d\d)")),
    # "broke into the top 10 last fall", "first listed last June": a season or month before
    # the article's, so an earlier edition — which one unsaid (a list may come out twice a
    # year): it can confirm a figure but never flag it.
    ("season", patterns.compile(rf"\b(?:last|this\s+past)\s+(?:fall|autumn|spring|summer|winter|{MONTH}(?!\s*\d))(?![\w-])", re.I)),
    # "Until six months ago, the U.S. led with 169 systems", "Back in May, a mere six months
    # ago": an earlier list, which one unsaid — it can confirm a figure but never flag it.
    ("months_ago", patterns.compile(
        rf"\b(?:\d{{1,2}}|a\s+few|few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|eighteen)\s+"
        rf"months\s+(?:ago|earlier|before|prior)\b|\b[Bb]ack\s+in\s+{MONTH}(?!\s*,?\s*(?:of\s+)?\d)(?![\w-])", re.I)),
    # "fell to fifth, third, and finally fourth place in subsequent years": several later
    # editions at once, which one each figure is unsaid.
    ("later_years", patterns.compile(
        r"\b(?:in|over|during)\s+(?:the\s+)?(?:subsequent|following|succeeding)\s+(?:years|editions|rankings|lists)\b", re.I)),
    # "finishing 150th in June", "in early November": a month named without its year —
    # the last such month by the article's date (resolved where the article's date is
    # known: ``judge.periods``), which only a table of dated lists can tell apart.
    ("in_month", patterns.compile(
        rf"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|mid|late)[\s-]+)?(?P<mon>{MONTH[:-3]})(?!\.?\s*,?\s*(?:of\s+)?\d)(?![\w-])")),
    ("horizon", patterns.compile(rf"\b(?:over|in|within|during)\s+(?:the\s+next|the\s+coming|a|the\s+following|the\s+subsequent)\s+(?:(?P<n>{COUNT})[- ]years?|(?P<decade>decade)|(?P<n2>{COUNT})[- ]year\s+period)\b", re.I)),
    ("horizon", patterns.compile(rf"\b(?:over\s+|in\s+)?(?:a\s+|the\s+)?(?P<n>{COUNT})-year\s+(?:period|horizon|span)\b", re.I)),
    ("horizon", patterns.compile(rf"\b(?:over|within)\s+(?P<n>{COUNT})\s+years\b", re.I)),
    # The year's digits come first and what may stand before them is looked at from its
    # end (four characters back, the year itself: ``(?<![\w$€£¥-])(?<!\d[.,])`` before
    # it): a pattern that opens with "1" or "2" is searched for those characters only.
    ("year", patterns.compile(rf"(?P<year>{YEAR_FIRST})(?<![\w$€£¥-]....)(?<!\d[.,]....)(?![\w%-]|[.,]\d|\s*(?:%|percent|per cent|million|billion|trillion|{MEASURE_NOUNS})\b)")),
]


# What every match of each pattern holds, so that a sentence without it skips the
# pattern: most sentences name no year, and the wordy patterns need a word few sentences
# have. Each is (a year in digits, any one of these words in any case (``folding``), and
# any one of these too; ``None``: no word needed). A second list is for a pattern whose
# first words are common ("year" is in "years", "edition" in most articles on rankings).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
Words = folding.Words
NEEDS: list[tuple[bool, Words | None, Words | None]] = [
    (True, Words(*_MONTHS, "-"), None),  # date
    (True, Words("since"), None),  # since_month
    (True, Words(*_MONTHS), None),  # month
    (True, None, None),  # span
    (True, None, None),  # by
    (True, Words("since", "from"), None),  # since
    (True, Words("fy", "fiscal"), None),  # fiscal
    (False, Words("year", "edition", "list", "ranking"), Words("past", "last", "previous", "preceding")),  # relative
    (False, Words("year"), Words("last", "this", "next", "previous")),  # last_year
    (False, Words("year", "years", "edition"), Words("earlier", "ago", "before", "prior")),  # year_ago
    (False, Words("currently", "present", "now"), None),  # now
    (False, Words("then", "time", "days", "previously", "formerly", "once", "following", "same", "that", "after",
                  "later"), None),  # then
    (False, Words("when"), Words("launched", "debuted", "online", "appeared", "unveiled", "installed",
                                 "introduced", "switched")),  # debut
    (False, Words("last", "past"), Words("fall", "autumn", "spring", "summer", "winter", *_MONTHS)),  # season
    (False, Words("months", "back"), Words("ago", "earlier", "before", "prior", *_MONTHS)),  # months_ago
    (False, Words("subsequent", "following", "succeeding"), Words("years", "editions", "rankings", "lists")),  # later_years
    (False, Words(*_MONTHS), Words("in", "during")),  # in_month
    (False, Words("year", "decade"), None),  # horizon: "over the next decade"
    (False, Words("-year"), None),  # horizon: "a five-year period"
    (False, Words("years"), Words("over", "within")),  # horizon: "within five years"
    (True, None, None),  # year
]
assert len(NEEDS) == len(PATTERNS)
ANY_YEAR = patterns.compile(YEAR)
LEADS: list[int | None] = [
    17,  # date: "22nd September, " or "September. 22nd, " before the year
    20,  # since_month: "since September. of "
    14,  # month: "September. of "
    8,  # span: "between "
    19,  # by: "through the end of "
    6,  # since: "since "
    12,  # fiscal: "fiscal year "
    None, None, None, None, None, None, None, None, None, None, None, None, None,  # (no year needed)
    0,  # year (it opens with its year: searched for plainly)
]
"""For each pattern that needs a year, the most characters a match holds before its first
year when every run of white space it holds is one character long (each ``\\s+`` and
``\\s*`` one character at most): in a text with no two white-space characters in a row,
each match is searched for from that far before the next year (``_from_years``)."""
assert len(LEADS) == len(PATTERNS) and all((lead is not None) == year for lead, (year, _, _) in zip(LEADS, NEEDS))
SPACE_RUN = patterns.compile(r"\s\s")
YEAR_STARTS = ("19", "20")
"""How every year in digits begins, as written: text with neither holds no year."""
WORDED = reduce(or_, (needs.mask for year, needs, _ in NEEDS if not year), 0)
"""Every word a pattern that needs no year needs: a sentence with no year and none of these
words skips every pattern, and ``find`` finds nothing in it."""
assert all(needs is not None for year, needs, _ in NEEDS if not year)
DASHES = folding.Words("-", "–", "—")
"""A span of years is two years ("2019 to 2021"), or a year, a dash and two digits
("2020-23"): a sentence with one year and no dash (most that name a year) skips it."""


def _count(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = word_value(text)
    return int(value) if value is not None else None


# "since the ranking began in 2017": the year of an event, not the period of a figure.
EVENT_BEFORE = patterns.compile(
    r"\b(?:began|begun|started|launched|founded|established|created|introduced|inaugurated|"
    r"first\s+published|set\s+up|opened|born|debut(?:ed)?|launch|inception|introduction|creation|"
    r"beginning|start|founding|first\s+(?:edition|list|ranking))\b[^.;:,]{0,40}$", re.I)


EDITION_AFTER = patterns.compile(
    r"^\s+(?:[A-Z][\w-]*\s+){0,3}?(?:study|report|survey|estimates?|update|projections?|forecasts?|paper|"
    r"edition|white\s+paper|booklet)\b", re.I)

# A word every match of EVENT_BEFORE and EDITION_AFTER holds (``folding``): they read the
# text next to a year, so a sentence without any of them skips the pattern.
EVENT_WORDS = folding.Words("began", "begun", "start", "launch", "found", "established", "creat", "introduc",
                            "inaugurated", "first", "set", "opened", "born", "debut", "inception", "beginning")
EDITION_WORDS = folding.Words("study", "report", "survey", "estimate", "update", "projection", "forecast", "paper",
                              "edition", "booklet")


DATELINE_AFTER = patterns.compile(r"\s*(?:[-–—|:]|\()")

# "slipped to fourth in the latest rankings due in part to an economic slowdown seen last
# year", "rose to 5th thanks to strong exports in 2023": a time inside a phrase that gives
# the cause dates the cause, not the edition of the figures (the phrase runs to the next
# clause break).
CAUSE_BEFORE = patterns.compile(
    r"\b(?:due\s+(?:[a-z]+\s+){0,2}?to|because\s+of|amid(?:st)?|thanks\s+(?:[a-z]+\s+){0,2}?to|on\s+the\s+back\s+of|"
    r"(?:driven|fu?ell?ed|helped|hit|weighed\s+down|dragged\s+down|held\s+back)\s+(?:[a-z]+\s+)?by|owing\s+to|"
    r"as\s+a\s+result\s+of|on\s+account\s+of)\s[^,;:.()—–]{0,80}$", re.I)
CAUSE_WORDS = folding.Words("due", "because", "amid", "thanks", "back", "driven", "fuel", "fuell", "helped", "hit",
                            "weighed", "dragged", "held", "owing", "result", "account")
"""A word every match of ``CAUSE_BEFORE`` holds: a sentence without any skips it."""
CAUSE_KINDS = ("point", "month", "by", "since", "relative", "span")
RANKED_IN = patterns.compile(r"\d(?:st|nd|rd|th)\b|\b(?:rank|ranked|ranks|placed|came|finished)\b", re.I)


def _in_cause(text: str, at: int) -> bool:
    """Is the time at ``at`` inside a cause phrase (``CAUSE_BEFORE``)? Not when a rank or a
    ranking verb stands between the cause's words and the time ("Due to strong growth Korea
    ranked 5th in 2023": the cause ended unmarked, the year is the rank's)."""
    cause = CAUSE_BEFORE.search(text, max(0, at - 110), at)
    return cause is not None and RANKED_IN.search(text, cause.start(), at) is None


def find(text: str, offset: int = 0) -> list[TimeExpr]:
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    first_year = ANY_YEAR.search(text) if folding.holds_any(text, YEAR_STARTS) else None
    has_year = first_year is not None
    words = folding.held(folding.folded(text))
    if not has_year and not words & WORDED:
        return found
    may_event = may_edition = None  # (tested once, when a year is first found)
    may_respective = words & RESPECTIVELY_WORDS.mask
    anchored = has_year and SPACE_RUN.search(text) is None
    for (kind, pattern), (year, needs, also), lead in zip(PATTERNS, NEEDS, LEADS):
        if year and not has_year or needs is not None and not words & needs.mask \
                or also is not None and not words & also.mask:
            continue  # the text lacks what every match holds: no match can be found
        if kind == "span" and not words & DASHES.mask and ANY_YEAR.search(text, first_year.end()) is None:
            continue  # (the second year, if any, starts after the first one found ends)
        for m in _from_years(pattern, text, lead, first_year) if anchored and lead else pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if COUNT_AFTER.match(text[m.end():]):
                continue  # "from 2048 tokens": a count, not a year
            if kind == "year_ago" and m.group("n") and words & EVENT_WORDS.mask \
                    and EVENT_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                continue  # "since the index began six years ago": the index's age, a figure of its own
            if kind in ("by", "year") and may_event is None:
                may_event = words & EVENT_WORDS.mask
                may_edition = words & EDITION_WORDS.mask
            if kind in ("by", "year") and may_event and EVENT_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                # Kept as an "event" year: never a figure, never a claim's period.
                found.append(TimeExpr(Span(m.start() + offset, m.end() + offset), m.group(0), "event"))
                taken.append((m.start(), m.end()))
                continue
            if kind == "year" and may_edition and EDITION_AFTER.match(text[m.end():]):
                # "METI's 2019 study", "the 2023 report": which study, not which period.
                edition_year = int(m.group("year"))
                found.append(TimeExpr(Span(m.start() + offset, m.end() + offset), m.group(0), "edition",
                                      start=edition_year, end=edition_year))
                taken.append((m.start(), m.end()))
                continue
            if kind == "last_year" and ROLE_AFTER.match(text, m.end()):
                # "Last year's winner of the Green500 moved down to No. 5": the year says who
                # the subject is, not which edition the figures are from.
                found.append(TimeExpr(Span(m.start() + offset, m.end() + offset), m.group(0), "event"))
                taken.append((m.start(), m.end()))
                continue
            if kind == "date" and not text[:m.start()].strip() and DATELINE_AFTER.match(text, m.end()):
                # "30th May 2023 - (Beijing) Chinese groups have released…": a dateline
                # dates the report, not the figures (the article's date says as much).
                found.append(TimeExpr(Span(m.start() + offset, m.end() + offset), m.group(0), "event"))
                taken.append((m.start(), m.end()))
                continue
            if kind == "span" and may_respective and _listed_years(text, m):
                continue  # "in 2018 and 2019, respectively": two years, one per figure
            expr = _make(kind, m, offset)
            if expr and expr.kind in CAUSE_KINDS and words & CAUSE_WORDS.mask and _in_cause(text, m.start()):
                expr = TimeExpr(expr.span, expr.text, "event")  # the cause's time, no figure's
            if expr:
                found.append(expr)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t.span.start)
    return _before_the_last(found) if words & YEAR_BEFORE_WORDS.mask else found


YEAR_BEFORE_WORDS = folding.Words("before", "prior")
YEAR_BEFORE = patterns.compile(r"the\s+(?:year|edition)\s+before|the\s+prior\s+year", re.I)


def _before_the_last(found: list[TimeExpr]) -> list[TimeExpr]:
    """"up from 11th last year and 13th the year before": "the year before" counts back
    from the time just named, not from the article's year (two years back here; "in 2021
    and 9th the year before" is 2020)."""
    out = list(found)
    for i in range(1, len(out)):
        t, prior = out[i], out[i - 1]
        if t.kind != "relative" or t.offset != 1 or not YEAR_BEFORE.fullmatch(t.text):
            continue
        if prior.kind == "relative" and prior.offset is not None and prior.years == 1 and prior.offset >= 1:
            out[i] = TimeExpr(t.span, t.text, "relative", years=1, offset=prior.offset + 1)
        elif prior.kind == "point" and prior.start is not None:
            out[i] = TimeExpr(t.span, t.text, "point", start=prior.start - 1, end=prior.start - 1)
    return out


RESPECTIVELY_WORDS = folding.Words("respectively")
RESPECTIVE_AFTER = patterns.compile(r"\s*,?\s*respectively\b", re.I)


def _listed_years(text: str, m: re.Match) -> bool:
    """"reached 14th and 10th in 2018 and 2019, respectively": two years joined by "and"
    that "respectively" pairs with a list of figures are two points, not a span ("between
    2018 and 2019" stays one)."""
    return (m.group("b") is not None and " and " in m.group(0) and not m.group(0)[:1].lower() == "b"
            and RESPECTIVE_AFTER.match(text, m.end()) is not None)


ROLE_AFTER = patterns.compile(
    r"(?:['’]s)?\s+(?:(?!(?:and|or|to|from|in|on|at|was|is)\b)[\w-]+\s+){0,2}?(?:overall\s+|top\s+)?(?:winner|champion|leader|victor|runner-up|title[-\s]holder|"
    r"number\s+one|No\.\s*1\b|top\s+(?:system|machine|performer))", re.I)
"""The holder of a place a possessive year names ("last year's winner", "this year's
champion", "Last year’s WDCR overall leader"): a description of the subject."""


def _from_years(pattern: re.Pattern, text: str, lead: int, year: re.Match | None):
    """``pattern.finditer(text)`` for a pattern each match of which holds a year at most
    ``lead`` characters from its start (``LEADS``): each match searched for from that far
    before the next year, ``year`` the first (the engine tries the patterns, which open
    with a word boundary, at every character it is searched from)."""
    return anchored.finditer_from(pattern, ANY_YEAR, text, lead, year)


def _make(kind: str, m: re.Match, offset: int) -> TimeExpr | None:
    span = Span(m.start() + offset, m.end() + offset)
    text = m.group(0)
    if kind == "date":
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        return TimeExpr(span, text, "point", start=year, end=year)
    if kind == "since_month":
        year = int(m.group("year"))
        return TimeExpr(span, text, "since", start=year, end=year, month=MONTHS[m.group("mon")[:3].lower()])
    if kind == "month":
        month = MONTHS[m.group("mon")[:3].lower()]
        year = int(m.group("year"))
        return TimeExpr(span, text, "month", start=year, end=year, month=month)
    if kind == "span":
        a = int(m.group("a"))
        b_text = m.group("b") or m.group("b2")
        b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
        if b <= a:
            return None
        return TimeExpr(span, text, "span", start=a, end=b)
    if kind in ("by", "since", "fiscal"):
        year = int(m.group("year"))
        word = text.split()[0].lower()
        if kind == "by" and word == "in":
            return TimeExpr(span, text, "point", start=year, end=year)
        mapped = {"by": "by", "since": "since", "fiscal": "point"}[kind]
        if word == "from" and kind == "since":
            mapped = "since"
        return TimeExpr(span, text, mapped, start=year, end=year)
    if kind == "relative":
        n = _count(m.group("n"))
        return TimeExpr(span, text, "relative", years=n, offset=0) if n else None
    if kind in ("then", "season", "debut", "months_ago"):
        return TimeExpr(span, text, "earlier")
    if kind == "later_years":
        return TimeExpr(span, text, "later")
    if kind == "in_month":
        return TimeExpr(span, text, "in_month", month=MONTHS[m.group("mon")[:3].lower()])
    if kind == "now":
        return TimeExpr(span, text, "relative", years=1, offset=0)
    if kind == "year_ago":
        n = _count(m.group("n")) if m.group("n") else 1
        return TimeExpr(span, text, "relative", years=1, offset=n) if n else None
    if kind == "last_year":
        offset_years = {"last": 1, "previous": 1, "this": 0, "next": -1}[m.group("which").lower()]
        return TimeExpr(span, text, "relative", years=1, offset=offset_years)
    if kind == "horizon":
        n = 10 if m.groupdict().get("decade") else _count(m.group("n") or m.groupdict().get("n2"))
        return TimeExpr(span, text, "horizon", years=n) if n else None
    if kind == "year":
        year = int(m.group("year"))
        return TimeExpr(span, text, "point", start=year, end=year)
    return None

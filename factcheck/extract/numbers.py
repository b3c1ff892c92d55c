"""Find figures in a sentence, in every form journalists write them.

The big pattern is built from named, commented pieces, as statcheck does in ``R/regex.R``.
Each figure becomes a ``Quantity`` carrying the interval of true values its wording allows:
the rounding its precision implies ("7%" is 6.5–7.5) widened or opened by its hedge
("almost $7 trillion" is at most 7e12, "at least 79" is 79 or more). Ranks are exact.
"""

from __future__ import annotations

import math
import re

from .. import patterns
from . import anchored, folding, roles, trie
from ..model import Quantity, Span

# --- number words -----------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19,
}
ORDINAL_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
FRACTIONS = {
    "half": 1 / 2, "a half": 1 / 2, "one-half": 1 / 2, "a third": 1 / 3, "one-third": 1 / 3,
    "one third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 1 / 4,
    "one-quarter": 1 / 4, "one quarter": 1 / 4, "three-quarters": 3 / 4,
    "three quarters": 3 / 4, "a fifth": 1 / 5, "one-fifth": 1 / 5, "two-fifths": 2 / 5,
    "three-fifths": 3 / 5, "four-fifths": 4 / 5, "a tenth": 1 / 10, "one-tenth": 1 / 10,
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
CURRENCY_SYMBOLS = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY", "₩": "KRW", "₹": "INR",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "yen": "JPY", "euros": "EUR",
    "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "won": "KRW",
    "rupees": "INR",
}

# Physical units written after a figure, as (canonical unit, factor to it): "1.1 exaflops"
# is 1,100 PFlop/s, the unit TOP500 reports Rmax in.
PHYSICAL_UNITS = {
    "exaflops": ("PFlop/s", 1000.0), "exaflop/s": ("PFlop/s", 1000.0), "eflop/s": ("PFlop/s", 1000.0),
    "eflops": ("PFlop/s", 1000.0), "exaflop": ("PFlop/s", 1000.0),
    "petaflops": ("PFlop/s", 1.0), "petaflop/s": ("PFlop/s", 1.0), "pflop/s": ("PFlop/s", 1.0),
    "pflops": ("PFlop/s", 1.0), "petaflop": ("PFlop/s", 1.0), "peta flops": ("PFlop/s", 1.0),
    "teraflops": ("PFlop/s", 0.001), "teraflop/s": ("PFlop/s", 0.001), "tflop/s": ("PFlop/s", 0.001),
    "tflops": ("PFlop/s", 0.001),
    "gigaflops": ("PFlop/s", 1e-6), "gigaflop/s": ("PFlop/s", 1e-6), "gflop/s": ("PFlop/s", 1e-6),
    "gflops": ("PFlop/s", 1e-6),
    "gigaflops per watt": ("GFlops/W", 1.0), "gigaflops/watt": ("GFlops/W", 1.0),
    "gflops/w": ("GFlops/W", 1.0), "gflops/watt": ("GFlops/W", 1.0), "gflop/s/w": ("GFlops/W", 1.0),
    "gflops per watt": ("GFlops/W", 1.0), "gigaflops per watt": ("GFlops/W", 1.0),
}
PHYSICAL_UNIT = patterns.compile(rf"^\s?(?P<u>{trie.pattern(PHYSICAL_UNITS)})(?![\w])", re.I)

# Hedges, normalised to the few meanings the comparison knows.
HEDGES = {
    "almost": "almost", "nearly": "almost", "close to": "almost", "just under": "almost",
    "just shy of": "almost", "approaching": "almost",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "approx.": "about", "~": "about", "an approximate": "about",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "just over": "more than",
    "north of": "more than", "exceeding": "more than", "to exceed": "more than", "surpassing": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "at most": "less than", "no more than": "less than",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as high as": "up to",
    "a maximum of": "up to",
}

def _alt(words) -> str:
    return trie.pattern(list(words), flags_casefold=True)

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
WORD_NUMBER = (
    rf"(?:(?:{_alt(TENS_WORDS)})(?:[- ](?:{_alt(k for k in UNITS_WORDS if k not in ('zero',))}))?"
    rf"|{_alt(UNITS_WORDS)}|a dozen|dozen|a hundred|hundred)"
)
WORD_ORDINAL = (
    rf"(?:(?:{_alt(TENS_WORDS)})[- ](?:{_alt(ORDINAL_UNITS)})|{_alt(ORDINAL_TENS)}|{_alt(ORDINAL_UNITS)})"
)
DIGIT_ORDINAL = r"\d{1,4}(?:st|nd|rd|th)"
SCALE = rf"(?:{_alt(SCALES)})"
CURRENCY_PREFIX = r"(?:US\$|C\$|A\$|HK\$|S\$|NT\$|\$|€|£|¥|₩|₹|(?:USD|EUR|GBP|JPY|RMB|CNY)\s?)"
CURRENCY_WORD = rf"(?:{_alt(CURRENCY_WORDS)})"
PERCENT = r"(?:%|\s?per\s?cent\b|\s?percent\b|\s?pct\b)"
POINTS = r"(?:\s?percentage[- ]points?\b|\s?pp\b|\s?ppts?\b)"
HEDGE = rf"(?:{_alt(HEDGES)})"

# One figure: optional currency, a number in digits or words, optional scale, optional
# percent/points or currency word. Scale "m"/"b"/"k" only right after digits, so "7m" is
# seven million and "a m" never is.
_FIGURE = rf"""
    (?<![\w.,/])(?<![A-Za-z]-)
    (?P<cur>{CURRENCY_PREFIX})?
    (?P<num>{DIGITS}NUMBER_WORDS)
    (?:
        (?:(?<=\d)|\s|-)(?P<scale>{SCALE})(?![\w])
        (?:\s(?P<scale2>{SCALE})(?![\w]))?
    )?
    (?P<unit>{POINTS}|{PERCENT}|\s(?P<curword>{CURRENCY_WORD})\b)?
    """
FIGURE = patterns.compile(_FIGURE.replace("NUMBER_WORDS", rf"|{WORD_NUMBER}(?![\w-])"), re.X | re.I)
FIGURE_IN_DIGITS = patterns.compile(_FIGURE.replace("NUMBER_WORDS", ""), re.X | re.I)
"""FIGURE without number words, for a sentence that holds none (``FIGURE_WORDS``): there
the words' choice never matches, and trying it at every word cost a third of the search."""
DIGIT_LEAD = 5
"""The most characters a match of FIGURE_IN_DIGITS has before its first digit: a currency
prefix ("USD " is the longest: four) and a decimal point ("USD .5")."""

FRACTION = patterns.compile(rf"(?<![\w-])(?P<frac>{_alt(FRACTIONS)})(?![\w-])", re.I)

PLACE_COMPOUND = r"(?!\w|-(?!place\s+(?:ranking|rank|position|standing)\b))"
"""What may follow an ordinal: no letter, and a hyphen only in "its 39th-place ranking" (not
"21st-century", "second-largest", nor "the second-place Summit", where the place is the
next name's, or "its 22nd-place finishes from 2011 to 2013")."""
ORDINAL = patterns.compile(
    rf"(?<![\w/-])(?P<ord>{DIGIT_ORDINAL}|{WORD_ORDINAL}){PLACE_COMPOUND}", re.I
)
# ORDINAL for a sentence without ordinal words, where only its digits can match: it opens
# with the first digit and looks back from it, so the engine searches for digits only.
DIGIT_ORDINAL_FIRST = patterns.compile(rf"(?P<ord>\d(?<![\w/-]\d)\d{{0,3}}(?:st|nd|rd|th)){PLACE_COMPOUND}", re.I)
NUMBER_ONE = patterns.compile(
    r"(?<![\w])(?:No\.\s?(?P<no>\d{1,3})"
    r"|No\s(?P<nodot>\d{1,3})(?=\s+(?:spot|place|position)\b)"
    r"|number\s(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?=\s+(?:spot|place|position|on|in)\b)"
    r"|(?:(?<=\b(?:at|to|is)\s)|(?<=\bwas\s)|(?<=\b(?:are|now)\s)|(?<=\bwere\s)|(?<=\branked\s)|(?<=\branks\s)"
    r"|(?<=\bremains\s)|(?<=\bremained\s)|(?<=\bfrom\s))number\s(?P<at>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b"
    r"|number\s(?P<is>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?=\s+(?:is|was)\s+(?:the|a)\b)"
    r"|(?P<top>(?:the|its|their)\s+top\s+(?:spot|place|position)(?!s\b)|pole\s+position|top[- ]ranked"
    r"|(?<=\bfor\s)top\s+(?:spot|place|position)(?!s\b)|(?<=\bin\s)top\s+(?:spot|place|position)(?!s\b)"
    r"|(?<=\bat\s)top\s+(?:spot|place|position)(?!s\b)|(?<=\btook\s)top\s+(?:spot|place|position)(?!s\b)"
    r"|(?<=\bclaimed\s)top\s+(?:spot|place|position)(?!s\b)|(?<=\bsecured\s)top\s+(?:spot|place|position)(?!s\b)"
    r"|(?:its|their|the)\s+(?:position|place|spot)\s+at\s+the\s+top(?=\s+of\s+the\s+(?:[\w’'-]+\s+){0,4}?(?:list|ranking|rankings|index|table)\b)"
    r"|(?<=\breached\s)the\s+top(?=\s+of\s+the\s+(?:[\w’'-]+\s+){0,4}?(?:list|ranking|rankings|index|table)\b)"
    r"|(?<=\bcame\s)top(?![\w-]|\s+(?:\d|ten|five|three|twenty|hundred))"
    r"|(?<=\bfinished\s)top(?![\w-]|\s+(?:\d|ten|five|three|twenty|hundred))"
    r"|number\s+1(?=\s*(?:[,.;]|$)))"
    r"|\#(?P<hash>\d{1,3})(?=\s+(?:spot|place|position|on|in)\b))",
    re.I,
)
# "topped the TOP500 list", "heads the ranking": a claim of first place.
TOPPED_VERBS = r"topped|tops|topping|headed|heads|heading"
"""The verbs of ``TOPPED`` (the text of the rank it makes), shared with ``claims``."""
TOPPED = patterns.compile(
    rf"\b(?P<verb>{TOPPED_VERBS})\s+(?:the\s+|this\s+|that\s+|its\s+)?"
    r"(?:[\w’'-]+\s+){0,5}?(?:list|lists|ranking|rankings|index|league\s+table|chart|table)\b", re.I)

TOPPED_SEVERAL = patterns.compile(
    r"\s+(?:\d+|two|three|four|five|both|several|multiple|many)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:lists|rankings|indexes|indices|charts|tables|benchmarks)\b", re.I)

# Words after an ordinal that make it a rank ("32nd place", "28th out of 63").
RANK_CONTEXT_AFTER = patterns.compile(
    r"^(?:\s+(?:place|position|spot)\b|\s+(?:out\s+of|of|among|from)\s+(?:\d|the\s+\d)|\s+(?:overall|in\s+the\s+(?:world|ranking|list|index)))",
    re.I,
)
OUT_OF = patterns.compile(
    rf"^\s*(?:place|position|spot)?\s*(?:,\s*)?(?:out\s+of|of|among|from|in\s+a\s+(?:list|field|ranking)\s+of)\s+(?:the\s+)?(?P<n>\d{{1,4}}|{WORD_NUMBER})\b",
    re.I,
)
OUT_OF_BEYOND = patterns.compile(
    rf"^\s+(?:most\s+[\w-]+\s+|least\s+[\w-]+\s+|[\w-]+est\s+)?(?:economy|country|nation|system|supercomputer)\s+"
    rf"(?:out\s+of|of|among)\s+(?:the\s+)?(?P<n>\d{{1,4}}|{WORD_NUMBER})\b", re.I)
""""the 12th most competitive economy out of the 14 Asian countries": the list's size said
after a noun phrase; recorded as the rank's "out of" (the list may be a smaller one), the
figure's words left as they are."""
WORD_RANK_BEFORE = patterns.compile(
    r"(?:\b(?:rank(?:ed|s)?|placed|came(?:\s+in)?|comes(?:\s+in)?|finished|retained|took|takes|held|holds|"
    r"was|is|remains|remained|stays|stayed|sits\s+in|now)"
    r"|\b(?:rose|rises|slid|slides|slipped|slips|dropped|drops|fell|falls|climbed|climbs|moved|jumped|"
    r"held\s+on|hung\s+on|returned|advanced|improved|declined|sank|leapt|leaped)\s+(?:back\s+)?(?:up\s+|down\s+)?to"
    r"|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*,"
    r"|\bwith\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+$")
NOT_RANK_AFTER = patterns.compile(r"^\s+(?:(?:(?!(?:in|on|of|out|among|from|across)\s)[\w-]+\s+){0,2}?(?:list|lists|edition|editions)\b|century|centuries|anniversary|birthday|time|quarter|half|day|week|month|year|generation|gen|edition|round"
                                  r"|only\s+(?:to|behind)|to\s+none)\b", re.I)
""""the 20th century", "the 30th edition", "the 55th TOP500 list" (but "ranked 44th in a list
of 64" is a place), and "second only to Denmark", "second to none": a comparison with the
one ahead (whatever its place), never a place of its own."""

LABEL_BEFORE = patterns.compile(
    r"\b(?:Scenario|Phase|Section|Chapter|Table|Figure|Fig\.|Part|Step|Article|Level|Tier|Type|"
    r"Version|Volume|Vol\.|Stage|Round|Item|Page|Case|Option|Group|Class|Gen|Series|"
    r"Graph|Green|Fortune|Russell|FTSE|Nikkei|S&P)\s$")
"""Labels and names a number completes: "Scenario 1", "Table 3"; "Graph 500", "Green 500",
"Fortune 500", "FTSE 100" (lists and indexes written with a space)."""

RANGE_JOIN = patterns.compile(r"^\s*(?:-|–|—|to|and)\s*[$€£¥]?$", re.I)
"""Between the ends of a range: "2.6-4.4", "2.6 to 4.4", and "$2.6 trillion-$4.4 trillion",
where the second end's currency sign stands right after the dash."""


# What every match of these patterns holds (``folding``): a sentence without any of the
# words skips the pattern. SPOTS does not fold case: its words are looked for as written.
SPOTS_WORDS = ("spots", "places", "positions", "anks")  # "anks": "Ranks" and "ranks" as written
TOPPED_WORDS = folding.Words("topp", "tops", "head")  # not "top": "TOP500" would open it
NUMBER_ONE_WORDS = folding.Words("no.", "no ", "number", "top", "pole", "#")
# ... and a match holding none of these but "top" also holds one of the words after it
# ("the top spot", "top-ranked", "came top") or before it ("reached the top").
NUMBER_ONE_PLAIN = folding.Words("no.", "no ", "number", "pole", "#")
NUMBER_ONE_TOP_WITH = folding.Words("spot", "place", "position", "ranked", "reached", "came", "finished")
TOP_ALONE = patterns.compile(r"top(?!\w)", re.I)
"""... and its "top" is a word of its own, or the first of "top-ranked": no word character
follows it ("TOP500" opens no match)."""
FRACTION_WORDS = folding.Words("half", "third", "quarter", "fifth", "tenth")
assert all(any(word in key for word in FRACTION_WORDS) for key in FRACTIONS)
# A figure is in digits or holds a number word; an ordinal ends in "st", "nd", "rd" or
# "th" after a digit, or holds an ordinal word.
ANY_DIGIT = patterns.compile(r"\d")
FIGURE_WORDS = folding.Words(*UNITS_WORDS, *TENS_WORDS, "dozen", "hundred")
DIGIT_ORDINAL_END = patterns.compile(r"\d(?:st|nd|rd|th)", re.I)
ORDINAL_WORDS = folding.Words(*ORDINAL_UNITS, *ORDINAL_TENS)
WORDED = TOPPED_WORDS.mask | NUMBER_ONE_WORDS.mask | ORDINAL_WORDS.mask | FRACTION_WORDS.mask | FIGURE_WORDS.mask
"""Every gate of ``find`` that lets a sentence without a digit through: a sentence with no
digit and none of these words skips them all, and ``find`` finds nothing in it."""


# Patterns used per figure, compiled once (a pattern given as text is looked up in
# ``re``'s cache on every call).
_DIGIT_ORDINAL_TEXT = patterns.compile(r"(\d+)(?:st|nd|rd|th)")
_DIGITS_TEXT = patterns.compile(DIGITS)
_HEDGE_BEFORE = patterns.compile(rf"(?<![\w])({HEDGE})\s*$", re.I)
"""The hedge before a figure, as a pattern: ``_hedge_before`` finds its first match in a
window without it (``tests/extract/test_hedge_before.py`` holds the two equal)."""
_HEDGES_BY_LAST: dict[str, list[str]] = {}
"""Every hedge, by its last character (the longest first)."""
for _hedge in sorted(HEDGES, key=len, reverse=True):
    _HEDGES_BY_LAST.setdefault(_hedge[-1], []).append(_hedge)
assert all(hedge == hedge.lower() and not hedge[-1].isspace() for hedge in HEDGES)
_DECIMAL_AFTER = patterns.compile(r"^[.,]\d")
_LETTER_AFTER = patterns.compile(r"^[A-Za-z]")
_DASH_LETTER_AFTER = patterns.compile(r"^-[A-Za-z]")
_COMPOUND_AFTER = patterns.compile(r"^-(?:year|month|day|week|point|percent)", re.I)
_POINT_ZERO = patterns.compile(r"\d+\.0")
_NAME_BEFORE = patterns.compile(r"[A-Z][a-z]+\s$")
_STEP_AFTER = patterns.compile(r"^\s+(?:notch|spot|place|position|rank|rung)\b", re.I)
_OF_THE_AFTER = patterns.compile(r"^\s+(?:of\s+(?:the|its|their|his|her|our)|or\s+so)\b", re.I)
_BY_BEFORE = patterns.compile(r"\bby\s*(?:between\s+)?$", re.I)
_TO_WORD = patterns.compile(r"\bto\b", re.I)
_BETWEEN_BEFORE = patterns.compile(r"between\s*$", re.I)
_BETWEEN_FROM_BEFORE = patterns.compile(r"(?:between|from)\s*$", re.I)
_SPOT_NUMBER = patterns.compile(r"\d{1,3}")
_TO_AFTER = patterns.compile(r"^\s+to\b")
_LIST_BREAK_AFTER = patterns.compile(r"^\s*[,;)]")
CLOSE_AFTER = patterns.compile(r"^\s*\)")
_NAMED_BEFORE = patterns.compile(r"\b(?:the|a|an|its|their|his|her)\s+[A-Z][\w.’'-]*\s+$")
RESPECTIVELY = patterns.compile(r"\brespectively\b", re.I)
_TAKING_BEFORE = patterns.compile(r"\b(?:taking|took|takes)\s+(?:the\s+)?$", re.I)
_OPEN_FROM_BEFORE = patterns.compile(r"\(\s*from\s+$", re.I)
_TO_BEFORE = patterns.compile(r"\bto\s+(?:the\s+)?$")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_BEFORE = patterns.compile(rf"\b{_MONTH_WORD}\s+$", re.I)
DAY_MONTH_BEFORE = patterns.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?[ \t]+$")
"""A capitalised month name right before a number of one or two digits: "on Nov 18"."""
DAY_AFTER = patterns.compile(
    r"\s*(?:[,.;:()\u2014\u2013-]|$)|\s+(?:[A-Z]|(?:in|at|on|and|or|to|by|when|as|after|before|while|with|"
    r"from|this|last|next|that|which|local|the|its|their|is|was|will|until|through)\b)")
"""What may follow a day of the month ("on Nov 18, when …", "on November 18 in St. Louis");
a noun does not ("in May 5 new systems joined")."""
_MONTH_AFTER = patterns.compile(rf"^\s+(?:of\s+)?{_MONTH_WORD}\b", re.I)
# "the ranking announced on the 13th (local time)", "released on the 21st": a day of the
# month, not a place (one that names a place says so: "on the 13th spot")
_DAY_BEFORE = patterns.compile(
    r"\b(?:announced|released|published|unveiled|revealed|issued|held|presented|opened|launched|out)\s+on\s+the\s+$",
    re.I)
_DAY_AFTER = patterns.compile(r"^(?!\s+(?:place|position|spot|rank|slot|of\s+(?:the|\d)|among|out\s+of|in\s+the))")
_PLACE_AFTER = patterns.compile(r"^\s+(?:place|position|spot)\b")


def word_value(text: str) -> float | None:
    """Value of a number word or compound ("twenty-eight"), or None."""
    t = text.lower().replace("-", " ").strip()
    if t in ("a dozen", "dozen"):
        return 12.0
    if t in ("a hundred", "hundred"):
        return 100.0
    parts = t.split()
    total = 0
    for part in parts:
        if part in TENS_WORDS:
            total += TENS_WORDS[part]
        elif part in UNITS_WORDS:
            total += UNITS_WORDS[part]
        else:
            return None
    return float(total)


def ordinal_value(text: str) -> int | None:
    t = text.lower().replace("-", " ").strip()
    m = _DIGIT_ORDINAL_TEXT.fullmatch(t)
    if m:
        return int(m.group(1))
    parts = t.split()
    if len(parts) == 1:
        return ORDINAL_UNITS.get(t) or ORDINAL_TENS.get(t)
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in ORDINAL_UNITS:
        return TENS_WORDS[parts[0]] + ORDINAL_UNITS[parts[1]]
    return None


def parse_number(text: str) -> tuple[float, float] | None:
    """Value and rounding unit of a number in digits or words.

    The rounding unit is one unit of the last significant digit: "789,000" -> 1000,
    "7" -> 1, "415.53" -> 0.01. From 1,000 up, zeros before the decimal point are taken
    as rounding, which is how journalists write large figures ("450,000" is rounded);
    below that a whole number is read as exact ("60%", "20 systems").
    """
    t = text.strip()
    if _DIGITS_TEXT.fullmatch(t):
        plain = t.replace(",", "")
        value = float(plain)
        if "." in plain:
            decimals = len(plain.split(".")[1])
            return value, 10.0 ** -decimals
        if value < 1000:
            return value, 1.0  # "60%" and "20 systems" are read as exact counts
        stripped = plain.rstrip("0")
        zeros = len(plain) - len(stripped) if stripped else 0
        return value, 10.0 ** zeros
    worded = word_value(t)
    if worded is None:
        return None
    return worded, 1.0


def _interval(value: float, unit: float, hedge: str | None, exact: bool) -> tuple[float, float]:
    """The interval of true values that a figure with this precision and hedge allows."""
    half = 0.0 if exact else unit / 2
    low, high = value - half, value + half
    if hedge == "almost":
        # "almost 7 trillion": a little under; 10% is the widest reading we accept.
        return min(low, value * 0.9), value
    if hedge == "about":
        spread = max(half, abs(value) * 0.05)
        return value - spread, value + spread
    if hedge in ("more than",):
        return value, math.inf
    if hedge == "at least":
        return value, math.inf
    if hedge == "less than":
        return -math.inf, value
    return low, high


def find(text: str, offset: int = 0, skip: list[Span] | tuple = ()) -> list[Quantity]:
    """All figures in ``text`` (a sentence starting at ``offset`` in the document).

    ``skip`` are spans already taken by other extractors (times, entity names such as
    "Llama 2"): a figure overlapping one is not a figure.
    """
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = [(s.start - offset, s.end - offset) for s in skip]

    def free(start: int, end: int) -> bool:
        # a plain loop: a generator for ``all`` cost more than the test (``entities.find``)
        for a, b in taken:
            if start < b and a < end:
                return False
        return True

    folded_text = folding.folded(text)
    words = folding.held(folded_text)
    digit = ANY_DIGIT.search(text)
    if digit is None and not words & WORDED:
        return found
    # Figures are made with their spans in the document (``offset``), not moved there
    # afterwards: copying each one with ``dataclasses.replace`` cost more than finding it.
    for start, end, q in _ranks(text, folded_text, offset, digit is not None):
        if free(start, end):
            found.append(q)
            taken.append((start, end))
            if q.out_of_span:
                taken.append((q.out_of_span.start - offset, q.out_of_span.end - offset))
    for m in FRACTION.finditer(text) if words & FRACTION_WORDS.mask else ():
        if free(m.start(), m.end()) and _fraction_is_figure(text, m):
            value = FRACTIONS[m.group("frac").lower()] * 100
            hedge, start = _hedge_before(text, m.start())
            low, high = _interval(value, 5.0, hedge, exact=False)
            found.append(Quantity(Span(start + offset, m.end() + offset), text[start:m.end()], value, low, high,
                                  "percent", hedge=hedge))
            taken.append((start, m.end()))
    # (no number word: only digits can be a figure)
    figures = [m for m in (FIGURE.finditer(text) if words & FIGURE_WORDS.mask else _figures_in_digits(text, digit))
               if free(m.start(), m.end()) and _is_figure(text, m)]
    i = 0
    while i < len(figures):
        m = figures[i]
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt and RANGE_JOIN.match(text[m.end():nxt.start()]) and _compatible_range(text, m, nxt):
            q = _range_quantity(text, m, nxt, offset)
            i += 2
        else:
            q = _figure_quantity(text, m, offset)
            i += 1
        if q is not None:
            found.append(q)
    return sorted(found, key=lambda q: q.span.start)


def _figures_in_digits(text: str, first: re.Match | None | bool = True):
    """``FIGURE_IN_DIGITS.finditer(text)``, each match searched for from a little before
    the next digit: no match starts more than ``DIGIT_LEAD`` characters before its first
    digit, so none starts between the last match and there. The engine tries the pattern
    at every character it is searched from (it opens with look-behinds), and most of a
    sentence is words between its figures. ``first`` is ``ANY_DIGIT.search(text)`` when
    the caller has it."""
    digit = ANY_DIGIT.search(text) if first is True else first
    return anchored.finditer_from(FIGURE_IN_DIGITS, ANY_DIGIT, text, DIGIT_LEAD, digit)


def _hedge_before(text: str, start: int) -> tuple[str | None, int]:
    """The hedge right before ``start`` (normalised) and where it starts: the first match
    of ``_HEDGE_BEFORE`` in the 30 characters before, found without the pattern, which
    is tried at each of them. Every hedge ends in a character that is not white space,
    so a match ends where the window's trailing white space begins; the first match is
    the longest hedge that ends there, in any case (``folding``), with no word character
    before it. (A match in look-alike letters, "almoſt", moves the start and names no
    hedge, as the pattern's did.)"""
    window = text[max(0, start - 30):start]
    end = len(window.rstrip())
    if not end:
        return None, start
    low = folding.fold(window[:end])
    for hedge in _HEDGES_BY_LAST.get(low[-1], ()):
        if low.endswith(hedge):
            first = end - len(hedge)
            if first and (window[first - 1].isalnum() or window[first - 1] == "_"):
                continue  # (a word character before it: a shorter hedge may still fit)
            return HEDGES.get(window[first:end].lower()), start - (len(window) - first)
    return None, start


def _fraction_is_figure(text: str, m: re.Match) -> bool:
    word = m.group("frac").lower()
    after = text[m.end():m.end() + 4].lower()
    if word in ("half",):
        return after.startswith(" of")
    return after.startswith(" of") or after.startswith(" (")


_GROUP_AFTER = patterns.compile(r"^[ \u00a0\u202f]\d{3}(?![\d])")
_GROUP_BEFORE = patterns.compile(r"(?<![\d.,])\d{1,3}[ \u00a0\u202f]$")
_THREE_DIGITS = patterns.compile(r"\d{3}(?:\.\d+)?")


def _space_grouped(text: str, m: re.Match) -> bool:
    """The figure in digits is a group of a number whose thousands are set off by spaces,
    as in much of Europe ("13 400 TFLOPS", "2 925.75"): a head of one to three digits
    with a group of three after it, or a group of three with such a head before it. The
    figure is left unread, as a decimal comma is: read alone it would be another number,
    and a year before a count ("In 2019 500 systems") is not such a head."""
    num = m.group("num")
    if num.isdigit() and len(num) <= 3 and _GROUP_AFTER.match(text[m.end("num"):m.end("num") + 5]):
        return True
    return bool(_THREE_DIGITS.fullmatch(num)
                and _GROUP_BEFORE.search(text[max(0, m.start("num") - 5):m.start("num")]))


THRESHOLD_AFTER = patterns.compile(r"[\s-]*(?:[A-Za-z/]+[\s-]+){0,2}?(?:barrier|mark|milestone|threshold)\b", re.I)
"""After "the" and a figure, a threshold: "the 100 petaflop barrier", "the 1 exaflop mark"."""
THE_BEFORE = patterns.compile(r"\bthe\s+$", re.I)
SIZE_LIST_BEFORE = patterns.compile(r"\bthe\s+\d[\d.,]*\s*(?:billion|million|trillion)\s*(?:,|and|or)\s*$", re.I)
SIZE_NAMES_MODEL = patterns.compile(
    r"(?:\s*(?:,|and|or)\s*\d[\d.,]*\s*(?:billion|million|trillion))*[\s-]+(?:versions?\s+|variants?\s+)?models?\b", re.I)


def _is_figure(text: str, m: re.Match) -> bool:
    num = m.group("num")
    after = text[m.end():m.end() + 3]
    before = text[max(0, m.start() - 1):m.start()]
    if num[:1].isdigit() and _DECIMAL_AFTER.match(text[m.end():m.end() + 2]):
        # "65,69 petaflops", "7.630.848 cores": a decimal comma or dotted thousands, which
        # would be read as another number (65, 7.63); the figure is not read at all.
        return False
    if num[:1].isdigit() and _space_grouped(text, m):
        return False  # "13 400 TFLOPS", "152 064 nodes": one number, not read as two
    if _LETTER_AFTER.match(after) and not m.group("scale") and not m.group("unit") \
            and not (num[-1:].isdigit() and PHYSICAL_UNIT.match(text[m.end():m.end() + 24])):
        return False  # "21st", "5G", "3D" (but "1.2066EFlops/s" is a figure with its unit)
    if _DASH_LETTER_AFTER.match(after) and not m.group("scale") and not m.group("unit"):
        # "5-year", "16-bit", "13-billion-parameter" are compound adjectives, still figures
        # when followed by a scale; a plain "GPT-3" style suffix is excluded by the lookbehind.
        if not _COMPOUND_AFTER.match(text[m.end():m.end() + 8]):
            return False
    if before and (before.isalpha() or before in "#"):
        return False
    if LABEL_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
        return False  # "Scenario 1", "Table 3", "Phase 2" are labels, not figures
    if before == "(" and text[m.end():m.end() + 1] == ")" and len(num) == 1 and num.isdigit() \
            and not m.group("scale") and not m.group("unit") and FOOTNOTE_BEFORE.search(text, max(0, m.start() - 30),
                                                                                     m.start()) \
            and FIGURE_SHORTLY_BEFORE.search(text, max(0, m.start() - 45), m.start() - 1):
        return False  # "a score of 5.5 on the MT-Bench (3)", "13 billion parameters (2)": a note's number
    if before == "(" and text[m.end():m.end() + 1] == ")" and len(num) <= 2 and num.isdigit() \
            and m.start() >= 2 and text[m.start() - 2].isalpha() and not m.group("scale") and not m.group("unit"):
        return False  # "Fugaku(1)", "the conjugate gradient method(2)": a note's number glued to its word
    after_the = THE_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None
    if after_the and THRESHOLD_AFTER.match(text, m.end()):
        return False  # "to pass the 100 petaflop barrier": a threshold passed, no one's figure
    if m.group("scale") and (after_the or SIZE_LIST_BEFORE.search(text, max(0, m.start() - 40), m.start())) \
            and SIZE_NAMES_MODEL.match(text, m.end()):
        return False  # "the 65 billion and 33 billion models": sizes that name which models
    if _POINT_ZERO.fullmatch(num) and _NAME_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
        return False  # "Society 5.0", "Industry 4.0", "Web 3.0" are names
    if num[0].isalpha():
        low = num.lower()
        # "one" and "a" alone are words, not figures; number words need a plain reading.
        if low in ("one", "a dozen", "dozen", "hundred", "a hundred", "zero") and not m.group("scale") and not (
                low == "one" and _STEP_AFTER.match(text[m.end():])):
            return False  # ("sliding one notch" is a change of one place)
        if not (m.group("scale") or m.group("unit")) and _OF_THE_AFTER.match(text[m.end():]):
            return False
    return True


BENCHMARK_WORD = patterns.compile(r"\s(?:Linpack|LINPACK|HPL)(?=\s)")
"""Between a figure and its unit, the benchmark's name ("148 Linpack petaflops")."""
FIGURE_SHORTLY_BEFORE = patterns.compile(r"\d[^()\d]{0,40}$")
"""A figure of the same phrase before the bracket: the figure the note is about."""
FOOTNOTE_BEFORE = patterns.compile(r"(?:\b[a-z][a-z]*|[\w]+-[\w-]+|[\)\]’'\"])\s?\($")
"""A lower-case word, a hyphenated term ("MT-Bench") or a closing bracket or quote right
before "(N)": the bracket holds a note's number, not a figure of its own. (After a name —
"Singapore (1), Switzerland (2)" — it may be a place, and is left to the rest.)"""


MODEL_SIZE_AFTER = patterns.compile(
    r"^(?:\s*(?:to|-|–|and)\s*\d{1,4}(?:\.\d+)?B)?[\s-]*(?:parameters?|params)\b", re.I)


def _components(text: str, m: re.Match) -> dict:
    parsed = parse_number(m.group("num"))
    if parsed is None:
        return {}
    value, unit = parsed
    scale = 1.0
    for key in ("scale", "scale2"):
        if m.group(key):
            word = m.group(key).lower()
            if word in ("m", "b", "k") and not m.group("num")[-1].isdigit():
                return {}
            scale *= SCALES[word]
    unit_text = (m.group("unit") or "").lower().strip()
    currency = None
    kind = "number"
    if m.group("cur"):
        currency = CURRENCY_SYMBOLS.get(m.group("cur").strip().lower(), m.group("cur").strip().upper())
        kind = "money"
    if m.group("curword"):
        currency = CURRENCY_WORDS[m.group("curword").lower()]
        kind = "money"
    if "point" in unit_text or unit_text in ("pp", "ppt", "ppts"):
        kind = "points"
    elif unit_text in ("%",) or "cent" in unit_text or unit_text == "pct":
        kind = "percent"
    # A bare single "m"/"b" after a number without currency is too ambiguous (metres,
    # bytes); keep it only with a currency. "164k" is thousands either way.
    if m.group("scale") and m.group("scale").lower() in ("m", "b") and kind != "money" and not (
            # "7B to 65B parameters", "a 70B-parameter model": a model's size
            m.group("scale") == "B" and MODEL_SIZE_AFTER.match(text[m.end():])):
        return {}
    return {"value": value * scale, "unit": unit * scale, "kind": kind, "currency": currency}


RATIO_AFTER = patterns.compile(r"^\s*(?:times\b|x\b|×|-?fold\b|(?:in|out\s+of)\s+(?:\d{1,3}|ten|five|four|three)\b(?![\d,.]))", re.I)
RATIO_BEFORE_N = patterns.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+$", re.I)
RATIO_BEFORE = patterns.compile(r"\bfactor\s+of\s+$", re.I)
DURATION_AFTER = patterns.compile(r"^[\s-]*(?:and\s+a\s+half\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|quarters?)\b", re.I)


def _figure_quantity(text: str, m: re.Match, offset: int = 0) -> Quantity | None:
    c = _components(text, m)
    if not c:
        return None
    hedge, start = _hedge_before(text, m.start())
    end = m.end()
    if c["kind"] == "number":
        # "2.8 times", "a factor of three", "six months": a ratio or a duration, which no
        # table compares with (listed as unverifiable, never matched to a count).
        if (RATIO_AFTER.match(text[end:]) or RATIO_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                or RATIO_BEFORE_N.search(text[max(0, m.start() - 16):m.start()])):
            c = dict(c, kind="ratio")
        elif DURATION_AFTER.match(text[end:]):
            c = dict(c, kind="duration")
        elif len(m.group("num")) <= 2 and m.group("num").isdigit() and 0 < c["value"] <= 31 \
                and not m.group("scale") and DAY_MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                and DAY_AFTER.match(text, end):
            c = dict(c, kind="day")  # "the list released on Nov 18": a day of the month
    unit_name = None
    physical = PHYSICAL_UNIT.match(text[end:]) if c["kind"] == "number" else None
    if physical is None and c["kind"] == "number" and BENCHMARK_WORD.match(text, end):
        # "Summit's 148 Linpack petaflops": the benchmark's name between figure and unit
        physical = PHYSICAL_UNIT.match(text[BENCHMARK_WORD.match(text, end).end():])
        if physical:
            end = BENCHMARK_WORD.match(text, end).end()
    if physical:
        unit_name, factor = PHYSICAL_UNITS[physical.group("u").lower()]
        c = dict(c, value=c["value"] * factor, unit=c["unit"] * factor)
        end += physical.end()
    low, high = _interval(c["value"], c["unit"], hedge, exact=False)
    return Quantity(Span(start + offset, end + offset), text[start:end], c["value"], low, high,
                    "quantity" if unit_name else c["kind"], currency=c["currency"], hedge=hedge,
                    unit=unit_name)


CHANGE_VERB = patterns.compile(
    r"\b(?:rose|rise[sn]?|fell|falls?|fallen|increased?|increases|grew|grow[sn]?|dropped|drops?|"
    r"climbed|climbs?|jumped|jumps?|declined?|declines|slipped|slips?|went|gone|moved|cut|raised|"
    r"lowered|revised|up|down|shrank|shrunk|soared|surged|plunged|slid|doubled|tripled)\b[^.;]{0,20}$",
    re.I,
)


def _unit_signature(m: re.Match) -> tuple:
    unit = "" if m.group("curword") else (m.group("unit") or "").lower()  # "4.4 trillion dollars": money
    kind = "points" if "point" in unit or unit.strip().startswith("pp") else ("percent" if unit else "")
    return bool(m.group("cur")) or bool(m.group("curword")), kind


def _compatible_range(text: str, a: re.Match, b: re.Match) -> bool:
    """Is "A to B" / "A-B" / "between A and B" one range rather than two figures?"""
    joiner = text[a.end():b.start()].strip().lower()
    before = text[max(0, a.start() - 40):a.start()]
    # (a dash is never the "to" of a change: "grew 20-30%", "from $2.6-$4.4 trillion")
    change = CHANGE_VERB.search(before) if not joiner.startswith(("-", "–", "—")) else None
    if change and not _BY_BEFORE.search(before) and not _TO_WORD.search(change.group(0)):
        # "rose from 25 to 28" is a change, not a range; "rise by 15% to 40%" is one, and so is
        # "an increase to the estimated $11 trillion to $17.7 trillion" (the change's "to" is used)
        return False
    if joiner == "and" and not _BETWEEN_BEFORE.search(before):
        return False
    bare_a = not (a.group("scale") or a.group("unit") or a.group("cur"))
    if not bare_a and _unit_signature(a) != _unit_signature(b) and not _money_borrowed(a, b):
        return False
    return True


def _money_borrowed(a: re.Match, b: re.Match) -> bool:
    """"$2.6-4.4 trillion", "$2.6–4.4tn", "$2.6 trillion-$4.4 trillion" (the sign in the
    joiner): the second end of a money range leaves out the currency the first one gives,
    and has no unit of another kind (a percentage) of its own."""
    return bool(a.group("cur") or a.group("curword")) and not (b.group("cur") or b.group("curword")) \
        and not b.group("unit") and not (a.group("unit") and not a.group("curword"))


def _range_quantity(text: str, a: re.Match, b: re.Match, offset: int = 0) -> Quantity | None:
    cb = _components(text, b)
    ca = _components(text, a)
    if not ca or not cb:
        return None
    if ca["currency"] and not cb["currency"] and cb["kind"] == "number":
        cb = dict(cb, kind="money", currency=ca["currency"])  # "$2.6-4.4 trillion": the first end's
    # "$2.6-4.4 trillion", "60-70%", "$2.6 to $4.4 trillion": the first end borrows the
    # second's scale (and unit, when it has none of its own).
    if not a.group("scale") and (b.group("scale") or not (a.group("unit") or a.group("cur"))):
        scale = cb["value"] / parse_number(b.group("num"))[0] if parse_number(b.group("num"))[0] else 1
        ca = dict(cb, value=ca["value"] * scale, unit=ca["unit"] * scale)
    hedge, start = _hedge_before(text, a.start())
    between = _BETWEEN_FROM_BEFORE.search(text[max(0, start - 10):start])
    if between:
        start = start - (len(text[max(0, start - 10):start]) - between.start())
    low = ca["value"] - ca["unit"] / 2
    high = cb["value"] + cb["unit"] / 2
    return Quantity(Span(start + offset, b.end() + offset), text[start:b.end()], cb["value"], low, high, cb["kind"],
                    currency=cb["currency"], hedge=hedge, range_of=(ca["value"], cb["value"]))


# "from 11 position", "in 12 place", "moved up to 32 rank": a bare number before a singular
# "position", "place", "spot" or "rank" is a rank, not a change of rank (that is "11
# positions"; "one place" is left to the change it usually is).
BARE_PLACE = patterns.compile(r"(?P<n>\d(?<![\w.,+\-−–]\d)\d{0,2})\s+(?:position|place|spot|rank)\b(?![-\w])", re.I)
r"""(``(?<![\w.,+\-−–])\d{1,3}…``, written to open with the digit and look back from it, so
the engine searches for digits only: ``tests/extract/test_pattern_openings.py``.)"""
BARE_PLACE_WORDS = folding.Words("position", "place", "spot", "rank")

# "was 61 on the list", "is ranked 12 in the index", "came in at 7 on the TOP500 list": a bare
# number said to stand on a list is the entry's place there, never a measured value.
ON_LIST = patterns.compile(
    r"\b(?:was|is|ranked|ranks|placed|(?:came|comes)\s+in\s+at|(?:sits|sat|stands|stood|landed|lands)\s+at)"
    r"\s+(?P<n>\d{1,3})\s+(?:on|in)\s+(?:the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:list|ranking|rankings|index|league\s+table)\b", re.I)
ON_LIST_WORDS = folding.Words("list", "ranking", "index", "table")

# "climbed 13 places from 39 in 2018 to 26 in 2019", "its ranking improved from 39 to 26": the
# bare numbers at the ends of a move of places, or of a ranking's path, are places.
PLACES_PATH = patterns.compile(
    r"\b(?:(?:places?|spots?|positions?|notch(?:es)?|rungs?)|rank(?:ing)?s?\b[^.;%$]{0,40}?)\s+from\s+(?P<a>\d{1,3})"
    r"(?:\s+(?:in\s+(?:19|20)\d\d|last\s+year|a\s+year\s+(?:earlier|ago)))?\s*,?\s+to\s+(?P<b>\d{1,3})\b"
    r"(?![.,]\d|\s*(?:%|per\s*cent|percent|billion|million|thousand|trillion|economies|countries))", re.I)
PLACES_PATH_WORDS = folding.Words("from")

# "took spots 3 and 4", "in places 2, 5 and 9": a list of positions after the noun.
# "Ranks 1, 2 and 3 are held by US systems", "rank 4 by a system from Japan": the same after
# "ranks", and a number after a singular "rank" (not "rank 5 places higher").
SPOTS = patterns.compile(r"\b(?:spots|places|positions|[Rr]anks)\s+(\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,\s*)?(?:and|&)\s*\d{1,3})\b(?![\d.,]\d)")
RANK_NUMBER = patterns.compile(
    r"\b[Rr]ank\s+(?P<n>\d{1,3})\b(?![\d.,]\d|\s*(?:%|per\s*cent|percent|places?|spots?|positions?|notch|rungs?)\b)")


NAME_BEFORE_NO = patterns.compile(r"[“\"‘'][A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+$")
QUOTE_CLOSE_AFTER = patterns.compile(r"[”\"’']")


def _ranks(text: str, folded_text: str | None = None, offset: int = 0, has_digit: bool = True):
    """Yield (start, end, Quantity) for rank figures: ordinals in rank context, "No. 1".
    ``folded_text`` is ``folding.folded(text)``, if the caller has it; start and end are
    in ``text``, the Quantity's spans in the document (``text`` starts at ``offset``).
    ``has_digit`` False says the text has no digit (the patterns of digits are skipped)."""
    if folded_text is None:
        folded_text = folding.folded(text)
    for m in SPOTS.finditer(text) if has_digit and folding.holds_any(text, SPOTS_WORDS) else ():
        for n in _SPOT_NUMBER.finditer(m.group(1)):
            yield _rank(text, m.start(1) + n.start(), m.start(1) + n.end(), int(n.group(0)), offset)
    if has_digit and folding.holds_any(text, ("rank ", "Rank ")):
        for m in RANK_NUMBER.finditer(text):
            if int(m.group("n")) >= 1:
                yield _rank(text, m.start("n"), m.end("n"), int(m.group("n")), offset)
    words = folding.held(folded_text)
    for m in TOPPED.finditer(text) if words & TOPPED_WORDS.mask else ():
        if TOPPED_SEVERAL.match(text, m.end("verb")):
            continue  # "Fugaku tops 2 supercomputer rankings": first on several, none named
        yield _rank(text, m.start("verb"), m.end("verb"), 1, offset)
    may_be_one = words & (NUMBER_ONE_PLAIN.mask | NUMBER_ONE_TOP_WITH.mask) and (
        words & NUMBER_ONE_PLAIN.mask or words & NUMBER_ONE_WORDS.mask and TOP_ALONE.search(text) is not None)
    for m in NUMBER_ONE.finditer(text) if may_be_one else ():
        value: int | None
        if m.group("top"):
            value = 1
        else:
            raw = m.group("no") or m.group("nodot") or m.group("word") or m.group("at") or m.group("is") or m.group("hash")
            value = int(raw) if raw.isdigit() else int(word_value(raw) or 0)
        if not value:
            continue
        if NAME_BEFORE_NO.search(text, max(0, m.start() - 30), m.start()) and QUOTE_CLOSE_AFTER.match(text, m.end()):
            continue  # "“Tianhe No.2” ranked fourth": a number that is part of a quoted name
        yield _rank(text, m.start(), m.end(), value, offset)
    for m in BARE_PLACE.finditer(text) if has_digit and words & BARE_PLACE_WORDS.mask else ():
        if int(m.group("n")) >= 2:
            yield _rank(text, m.start(), m.end(), int(m.group("n")), offset)
    for m in PLACES_PATH.finditer(text) if has_digit and words & PLACES_PATH_WORDS.mask else ():
        for end in ("a", "b"):
            yield _rank(text, m.start(end), m.end(end), int(m.group(end)), offset)
    for m in ON_LIST.finditer(text) if has_digit and words & ON_LIST_WORDS.mask else ():
        if int(m.group("n")) >= 1:
            yield _rank(text, m.start("n"), m.end("n"), int(m.group("n")), offset)
    ordinals: re.Pattern | None
    if words & ORDINAL_WORDS.mask:
        ordinals = ORDINAL
    else:  # no ordinal word: only digits can be an ordinal, if any is
        ordinals = DIGIT_ORDINAL_FIRST if has_digit and DIGIT_ORDINAL_END.search(text) is not None else None
    for m in ordinals.finditer(text) if ordinals is not None else ():
        value = ordinal_value(m.group("ord"))
        if value is None:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 40]
        if NOT_RANK_AFTER.match(after) or _is_date_ordinal(before, after, m.group("ord")):
            continue
        digit = m.group("ord")[0].isdigit()
        if not digit and FIRST_DONE_AFTER.match(after):
            continue  # "was first listed six months ago at No. 4": when, not a place
        # A digit ordinal is a rank unless it names a century, edition, birthday…
        # (NOT_RANK_AFTER) or a date; a word ordinal needs explicit rank wording.
        if not digit and not _change_path(before, after) and (_TO_AFTER.match(after) or not (
                RANK_CONTEXT_AFTER.match(after) or WORD_RANK_BEFORE.search(before)
                or (before.rstrip().endswith(",") and _LIST_BREAK_AFTER.match(after))
                or _listed_ordinal(before, after, m.group("ord"))
                or _respective(text, before, after)
                or SHARED_PLACE_AFTER.match(after)
                or _moved_to(before, after)
                or (MEASURE_IN_AFTER.match(after)
                    and MEASURED_RUN.search(text, max(0, m.start() - 120), m.start())))):
            # "was first to use Arm" is a first, not a rank.
            # Word ordinals ("first", "third") are ranks only in explicit rank wording.
            continue
        yield _rank(text, m.start(), m.end(), value, offset)


FIRST_DONE_AFTER = patterns.compile(
    r"^\s+(?:listed|appeared|entered|introduced|installed|announced|released|unveiled|launched|published|"
    r"deployed|debuted|reported|ranked|made|joined|submitted|benchmarked|measured|built|started|opened|"
    r"proposed|described|presented|demonstrated|revealed|came\s+online|went\s+online)\b", re.I)
"""After a word ordinal, a participle that makes it an adverb of time ("was first listed",
"first appeared in 2020"): no place."""

# "ranked sixth in business efficiency (down from fourth a year earlier), eighth in
# government efficiency": a word ordinal given for a measure after a rank given for one
# continues the run.
MEASURE_IN_AFTER = patterns.compile(r"^\s+(?:place\s+)?(?:in|for)\s+\w")
MEASURED_RUN = patterns.compile(
    rf"\b(?:\d{{1,3}}(?:st|nd|rd|th)|{WORD_ORDINAL})\s+(?:place\s+)?(?:in|for)\s+[^.;]{{1,90}}?[,;]\s*(?:and\s+)?$", re.I)


# "Singapore (fourth), Korea (eighth)", "Korea sixth, Taiwan ninth and China nineteenth":
# a lower-case ordinal word in brackets, or right after a name and before a list break.
LISTED_BEFORE = patterns.compile(r"(?:\(\s*|[A-Z][\w.’'-]*\s+)$")
LISTED_AFTER = patterns.compile(r"^\s*(?:\)|,|;|\.(?:\s|$)|and\b|$)")


def _listed_ordinal(before: str, after: str, word: str) -> bool:
    if not word.islower():
        return False
    m = LISTED_BEFORE.search(before)
    if not m or not LISTED_AFTER.match(after):
        return False
    if m.group(0).startswith("("):
        return bool(CLOSE_AFTER.match(after))
    return not _NAMED_BEFORE.search(before)


_ORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
PATH_FROM = patterns.compile(rf"^\s+(?:place\s+|position\s+|spot\s+)?to\s+(?:the\s+)?{_ORD}\b", re.I)
PATH_TO = patterns.compile(rf"\bfrom\s+(?:the\s+)?{_ORD}(?:\s+(?:place|position|spot))?\s+to\s+(?:the\s+)?$", re.I)


MOVE_WORDS = patterns.compile(
    r"\b(?:moves?|moved|moving|drops?|dropped|dropping|falls?|fell|falling|rises?|rose|rising|climbs?|"
    r"climbed|climbing|slips?|slipped|slipping|slides?|slid|sliding|jumps?|jumped|gains?|gained|gaining|"
    r"returns?|returned|returning|back|places?|positions?|spots?|notch(?:es)?|up|down)\b", re.I)


SHARED_PLACE_AFTER = patterns.compile(
    rf"^(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:\d{{1,3}}(?:st|nd|rd|th)|{WORD_ORDINAL})){{1,3}}\s+(?:place|places|position|positions|spots?)\b", re.I)
""""first and second place", "third, fourth and fifth places": ordinals sharing one place noun
are each a rank."""
ORD_WORD_RE = patterns.compile(rf"^\s*(?:,\s*|,?\s+and\s+){WORD_ORDINAL}\b", re.I)
ORD_WORD_BEFORE = patterns.compile(rf"\b{WORD_ORDINAL}\s*(?:,\s*|,?\s+and\s+)$", re.I)


def _respective(text: str, before: str, after: str) -> bool:
    """"followed by Switzerland and Denmark in second and third respectively"."""
    return bool(RESPECTIVELY.search(text)
                and (ORD_WORD_RE.match(after) or ORD_WORD_BEFORE.search(before)))


def _moved_to(before: str, after: str) -> bool:
    """"drops one place to third", "returning to eighth", "taking fourth", "(from sixth)",
    "up from eighth"."""
    if _TAKING_BEFORE.search(before):
        return True
    if _OPEN_FROM_BEFORE.search(before) and CLOSE_AFTER.match(after):
        return True
    # "jumping up from eighth", "down from third the previous year", "rose to fifth from
    # eighth": a move's "from" word ordinal is the place it left, as its "to" one is the
    # place it reached.
    to = _TO_BEFORE.search(before) or roles.FROM_BEFORE.search(before)
    return bool(to and MOVE_WORDS.search(before[max(0, to.start() - 30):to.start()]))


def _change_path(before: str, after: str) -> bool:
    """"from seventh to first": both ends of a change of rank are ranks."""
    return bool(roles.FROM_BEFORE.search(before) and PATH_FROM.match(after)
                or PATH_TO.search(before))


def _is_date_ordinal(before: str, after: str, word: str) -> bool:
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    day = ordinal_value(word)
    return bool(day is not None and day <= 31 and _DAY_BEFORE.search(before) and _DAY_AFTER.match(after))


def _rank(text: str, start: int, end: int, value: int, offset: int = 0):
    out_of = None
    out_span = None
    m = OUT_OF.match(text[end:])
    if m:
        n_text = m.group("n")
        n = int(n_text) if n_text.isdigit() else word_value(n_text)
        if n and n >= value:
            out_of = int(n)
            out_span = Span(end + m.start("n") + offset, end + m.end("n") + offset)
            q_end = end + m.end()
        else:
            q_end = end
    else:
        q_end = end
        beyond = OUT_OF_BEYOND.match(text[end:])
        n = beyond and (int(beyond.group("n")) if beyond.group("n").isdigit() else word_value(beyond.group("n")))
        if n and n >= value:
            out_of = int(n)
            out_span = Span(end + beyond.start("n") + offset, end + beyond.end("n") + offset)
    place = _PLACE_AFTER.match(text[end:])
    if place and not out_of:
        q_end = end + place.end()
    q = Quantity(Span(start + offset, q_end + offset), text[start:q_end], float(value), float(value), float(value),
                 "rank", out_of=out_of, out_of_span=out_span)
    return start, q_end, q

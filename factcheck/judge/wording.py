"""Plain-words formatting of figures for messages and suggested corrections."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .. import patterns
from ..model import Quantity

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def possessive(name: str) -> str:
    """"Japan's", "Fugaku's", but "United States'" and "Philippines'": a name ending in s
    takes the apostrophe alone, as AP style has it for proper names."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def listed(names) -> str:
    """Names as a list in prose: "A", "A and B", "A, B and C"."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def ordinal(n: float | int) -> str:
    n = int(n)
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plain_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


SCALE_SPELLINGS = {"trillion": ("trillion", "tn", "trn"), "billion": ("billion", "bn"),
                   "million": ("million", "mn", "m")}



@lru_cache(maxsize=None)
def _scale_after_digit(spelling: str) -> re.Pattern:
    """A figure written with this scale word ("7 trillion", "7tn")."""
    return patterns.compile(rf"\d\s?{spelling}\b")


def _uses_scale(text: str, word: str) -> bool:
    return any(_scale_after_digit(spelling).search(text.lower()) for spelling in SCALE_SPELLINGS[word])


def scaled(value: float, like: Quantity | None = None) -> str:
    """7e12 -> "7 trillion"; keeps the scale word of ``like`` when it has one."""
    for factor, word in SCALE_WORDS:
        if like is not None and not _uses_scale(like.text, word):
            continue
        if abs(value) >= factor:
            return f"{plain_number(round(value / factor, 2))} {word}"
    return plain_number(value)


def figure(value: float | str | None, kind: str, unit: str = "", like: Quantity | None = None,
           hedge: str = "") -> str:
    """A value as an editor would write it: "28th", "$7 trillion", "7%", "789,000 people"."""
    if value is None:
        return "—"
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return value
    if math.isinf(value):
        return "—"
    prefix = f"{hedge} " if hedge else ""
    if kind == "rank":
        return prefix + ordinal(value)
    if kind == "percent" or unit == "percent":
        return prefix + f"{plain_number(value)}%"
    if unit in ("percentage points", "points"):
        return prefix + f"{plain_number(value)} percentage points"
    if kind == "money" or unit in CURRENCY_SIGNS:
        sign = CURRENCY_SIGNS.get(unit, "")
        text = scaled(value) if abs(value) >= 1e6 else plain_number(value)
        return prefix + (f"{sign}{text}" if sign else f"{text} {unit}")
    text = scaled(value) if abs(value) >= 1e9 else plain_number(value)
    if unit and unit not in ("rank", "count", "number"):
        return prefix + f"{text} {unit}"
    return prefix + text


def replacement(quantity: Quantity, value: float, kind: str, unit: str) -> str:
    """The claim's figure rewritten with the right value, in the claim's own style."""
    if kind == "rank":
        text = ordinal(value)
        tail = quantity.text[len(quantity.text.split()[0]):] if quantity.text[:1].isdigit() else ""
        if quantity.out_of is not None:
            return text
        return text + (tail if tail.strip() in ("place", "position", "spot") else "")
    if quantity.kind == "percent":
        return f"{plain_number(value)}%"
    if quantity.kind == "money":
        sign = CURRENCY_SIGNS.get(quantity.currency or "", "")
        return f"{sign}{scaled(value, quantity)}" if abs(value) >= 1e6 else f"{sign}{plain_number(value)}"
    if any(w in quantity.text.lower() for _, w in SCALE_WORDS):
        return scaled(value, quantity)
    return in_article_units(quantity, value) or plain_number(value)


_LEADING_NUMBER = patterns.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def in_article_units(quantity: Quantity, value: float) -> str | None:
    """``value`` (in the table's unit) written as the article wrote its figure: its number
    scaled the way the article's own was, and its unit words kept ("999 petaflops" ->
    "442.01 petaflops"; "2.1 exaflops", read as 2,100 PFlop/s, -> "1.194 exaflops"), so an
    applied correction never drops the unit. None when the figure has no words after it."""
    number = _LEADING_NUMBER.match(quantity.text)
    if number is None or not quantity.text[number.end():].strip():
        return None
    try:
        stated = float(number.group().replace(",", ""))
    except ValueError:
        return None
    if not stated or not quantity.value:
        return None
    factor = quantity.value / stated
    converted = value / factor
    digits = 2 + max(0, round(math.log10(abs(factor)))) if factor else 2
    rounded = round(converted, digits)
    text = f"{int(rounded):,}" if rounded == int(rounded) else f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")
    return text + quantity.text[number.end():]

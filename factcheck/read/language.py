"""Is an article written in English? factcheck's extractors read English only.

A German report that Goldman Sachs sees "bis zu 2,5 bis 4% des BIP" is read, word by word,
as something it does not say: the engine finds "4%" and a publisher, but none of the words
that tie the figure to a measure, an owner or a time. So before a finding is trusted the
article's language is guessed, cheaply and well enough for that one question.

The guess counts the short function words every text of a language is full of ("the",
"of", "and" against "der", "und", "los", "dans", "yang", "się", …) and the letters of
scripts English is not written in (kana, Han, Hangul, Cyrillic, …). A passage is read as
English unless the other language's function words clearly outnumber English ones, or
most of its letters are of another script. Proper names, numbers and figures count for
neither side, so an English article about Chile or Japan stays English, and an English
article quoting one foreign headline does too.
"""

from __future__ import annotations

import re

from .. import patterns

ENGLISH = frozenset("""
    the of and to is was are were for that with on by as at from its this has have had be
    been which will their than it an or but not they these those also into after about who
""".split())

OTHER = frozenset("""
    der die das und ist von mit den dem des auf für nicht sich eine einer einem zum zur
    auch wird werden nach bei wie über sind
    el los las del y que por con para una es al lo como más pero sus entre fue según
    o os da dos em não ao na com uma mais foi pelo pela são
    le les et est dans pour une sur du au qui pas sont avec ce cette aux été
    il della nel che sono alla delle gli anche
    het een van niet zijn voor ook wordt werd
    yang di ini itu dengan untuk dari dalam tidak akan pada adalah
    się jest nie oraz że jak przez dla który która które w z ale roku jako od
""".split())
"""Function words of the languages a search for these topics mostly turns up: German,
Spanish, Portuguese, French, Italian, Dutch, Indonesian, Polish. None is an English word
an English passage about rankings or supercomputers uses often ("die", "do", "no", "per",
"an", and the names "Dan" and "Han" are left out for that reason)."""

_PUNCTUATION = str.maketrans({c: " " for c in "\"'“”‘’«»„()[]{},.;:!?¿¡"})
_LATIN = patterns.compile(r"[A-Za-z\u00c0-\u024f]+")
_OTHER_SCRIPT = patterns.compile(r"[\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")

MIN_WORDS = 8
"""Fewer function words than this say nothing either way: the passage stays English."""


def not_english(text: str) -> bool:
    """True when ``text`` is most likely written in a language other than English."""
    if not text.isascii() and _OTHER_SCRIPT.search(text) and _letters(_OTHER_SCRIPT, text) > _letters(_LATIN, text):
        return True
    words = text.lower().translate(_PUNCTUATION).split()
    english = sum(map(ENGLISH.__contains__, words))  # counted in C, not a Python step a word
    foreign = sum(map(OTHER.__contains__, words))
    if english + foreign < MIN_WORDS:
        return False
    return foreign > 2 * english


def _letters(script: re.Pattern, text: str) -> int:
    return sum(m.end() - m.start() for m in script.finditer(text))

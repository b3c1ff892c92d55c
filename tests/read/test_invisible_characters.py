"""Invisible characters and full-width forms inside figures read as the plain figure.

"2\u200b9th" (a zero-width space pasted from a web page), "2\u00ad9th" (a soft hyphen) or
"２９th" (typed full-width) must give the claims "29th" gives, with each span on the
article as written: covering the same visible characters and whatever invisible ones
lie between them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.read.document import INVISIBLE, WIDE, from_text, normalise

AS_OF = dt.date(2023, 12, 15)
# Articles in this project's own words, with figures of every kind.
ARTICLES = [
    "Japan ranked 29th in the IMD World Digital Competitiveness Ranking 2023, down from 28th.",
    "According to McKinsey, generative AI could add $2.6 trillion to $4.4 trillion a year.",
    "The Frontier system delivered 1.1 exaflops on the HPL benchmark in June 2022.",
    "Singapore came 3rd of 64 economies, while about 7% of firms said they used the tools.\n\n"
    "Goldman Sachs estimates that 300 million jobs could be exposed to automation.",
]
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e"]


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine.create(library.load())


def claims(text: str) -> list[tuple]:
    doc = from_text(text, "a.txt", as_of=AS_OF)
    out = []
    for f in engine().check(doc):
        out.append((f.verdict.value, f.claim.quantity.value, f.claim.quantity.kind, f.table,
                    f.span.start, f.span.end, f.claim.sentence.span.start, f.claim.sentence.span.end))
    return out


def visible(text: str) -> str:
    return INVISIBLE.sub("", text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ARTICLES), st.data())
def test_invisible_characters_anywhere_change_no_claim(article, data):
    positions = data.draw(st.lists(st.integers(0, len(article)), min_size=1, max_size=6))
    chars = data.draw(st.lists(st.sampled_from(INVISIBLES), min_size=len(positions), max_size=len(positions)))
    text = article
    for position, char in sorted(zip(positions, chars), reverse=True):
        text = text[:position] + char + text[position:]
    plain, dirty = claims(article), claims(text)
    assert [c[:4] for c in dirty] == [c[:4] for c in plain]
    for (*_, start, end, s_start, s_end), (*_, p_start, p_end, ps_start, ps_end) in zip(dirty, plain):
        # the same visible characters, and no invisible one hanging at either end
        assert visible(text[start:end]) == article[p_start:p_end]
        assert not INVISIBLE.match(text[start]) and not INVISIBLE.match(text[end - 1])
        assert visible(text[s_start:s_end]) == article[ps_start:ps_end]


FULL_WIDTH = {chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ARTICLES), st.data())
def test_full_width_figures_read_as_plain_ones(article, data):
    # Widen every character of some of the figures ("＄２．６ trillion"): digits, signs, letters.
    spans = [(c[4], c[5]) for c in claims(article)]
    chosen = data.draw(st.lists(st.sampled_from(spans), min_size=1, max_size=len(spans), unique=True)) if spans else []
    text = list(article)
    for start, end in chosen:
        for i in range(start, end):
            text[i] = FULL_WIDTH.get(text[i], text[i])
    text = "".join(text)
    assert claims(text) == claims(article)  # one character for one: the very same spans


def test_normalise_keeps_a_map_only_when_it_removes_something():
    assert normalise("Japan was ２９th") == ("Japan was 29th", None)
    plain, original = normalise("2\u200b9th")
    assert plain == "29th" and original == [0, 2, 3, 4, 5]
    wide = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    assert wide.translate(WIDE) == "".join(chr(c) for c in range(0x21, 0x7F))


# The characters a case-ignoring pattern takes for an ASCII letter.
LOOK_ALIKE = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "K": "\u212a"}
WORDED = [  # figures and times written in words, where a look-alike letter once raised KeyError
    "This year Japan ranked seventh, and last year it was first of 64 economies.",
    "Generative AI could add $2.6 trillion to $4.4 trillion, or six percent, said McKinsey.",
    "Kazakhstan came thirty-first in this year's IMD ranking, up six places since last year.",
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WORDED), st.data())
def test_look_alike_letters_read_as_the_letters(article, data):
    places = [i for i, ch in enumerate(article) if ch in LOOK_ALIKE]
    chosen = data.draw(st.lists(st.sampled_from(places), min_size=1, max_size=8, unique=True))
    text = "".join(LOOK_ALIKE[ch] if i in chosen else ch for i, ch in enumerate(article))
    assert [c[:4] for c in claims(text)] == [c[:4] for c in claims(article)]

"""Which words a sentence holds, in any case: a cheap test run before a costly pattern, so
that a sentence without any word every match of the pattern holds skips it.

A pattern compiled with ``re.IGNORECASE`` matches a letter in either case, and four more
characters besides: "İ" and "ı" are an "i" to it, "K" (the kelvin sign) a "k" and "ſ" (the
long s) an "s" — no other character matches an ASCII letter or digit. ``folded`` maps those
four to their letters and lower-cases the rest, so a word a pattern would find in the text
is always in the folded text; ``tests/extract/test_gates.py`` checks this against every
character there is.

A sentence meets some thirty gates, many of them lists of words (the thirty number words,
the twenty-seven ordinal words…): looking for each word of each gate in turn cost about a
tenth of reading a sentence. The gates are ``Words`` instead, answered from one pass of an
Aho–Corasick automaton over every gate's words (``held``): the pass finds all the words a
text holds at once, and each gate is then one test of bits, ``held(low) & GATE.mask``.
"""

from __future__ import annotations

import ahocorasick_rs

_LOOK_ALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def folded(text: str) -> str:
    """``text`` lower-cased, with the characters that a case-folding pattern takes for an
    ASCII letter turned into that letter. The last text's is kept: the extractors fold
    each sentence some seven times, one after the other, and ``held`` then knows the
    folded text it was last given by identity."""
    global _last_folded
    last = _last_folded
    if text is last[0]:
        return last[1]
    low = fold(text)
    _last_folded = (text, low)
    return low


def fold(text: str) -> str:
    """``folded``, not kept: for short pieces of a sentence, which would push the
    sentence's own folded text out of ``folded``'s memory."""
    return text.lower() if text.isascii() else text.translate(_LOOK_ALIKES).lower()


_last_folded: tuple[str, str] = ("", "")


_BITS: dict[str, int] = {}
"""Every word of every ``Words`` made, with its bit: the n-th word seen has bit n."""
_searcher: ahocorasick_rs.AhoCorasick | None = None
"""The automaton over ``_BITS``'s words (in that order), built on first use."""
_last: tuple[str, int] | None = None
"""The last text ``held`` read, with its answer: a sentence meets its gates one after the
other, so the pass over it is made once and the rest are looked up."""


class Words(tuple):
    """The words of one gate, a tuple of them, with ``mask``: their bits in what ``held``
    returns. Words are as ``folded`` writes them (lower-case ASCII letters, digits and
    marks, which it leaves as they are: "-", "–"). Made at import: each new word joins the
    automaton."""

    mask: int

    def __new__(cls, *words: str) -> "Words":
        global _searcher, _last
        self = super().__new__(cls, words)
        mask = 0
        for word in words:
            if word not in _BITS:
                _BITS[word] = 1 << len(_BITS)
                _searcher = _last = None  # built again, with the new word, when next used
                _recent.clear()
            mask |= _BITS[word]
        self.mask = mask
        return self


def held(text: str) -> int:
    """The bits of the ``Words`` words that ``text`` holds (anywhere, as substrings):
    ``held(text) & words.mask`` is true when ``text`` holds one of ``words``."""
    global _searcher, _last
    last = _last
    if last is not None and (text is last[0] or text == last[0]):
        return last[1]
    found = _recent.get(text)
    if found is None:
        found = _recent[text] = _held(text)
    _last = (text, found)
    return found


def _held(text: str) -> int:
    """``held``, worked out: one pass of the automaton over ``text``."""
    global _searcher
    if _searcher is None:
        _searcher = ahocorasick_rs.AhoCorasick(list(_BITS), implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    if len(_recent) >= RECENT:
        _recent.clear()
    found = 0
    try:
        for index, _, _ in _searcher.find_matches_as_indexes(text, overlapping=True):
            found |= 1 << index
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        found = sum(bit for word, bit in _BITS.items() if word in text)
    return found


RECENT = 128
"""How many texts ``held`` keeps the answer of, beside the last: the claims of a sentence
are made after every sentence of the article has been read (``claims.extract``), and read
the sentence's gates again. Emptied when full, so it never holds more than this many."""
_recent: dict[str, int] = {}


def holds_any(text: str, words) -> bool:
    """Does ``text`` hold one of ``words``, looked for one by one? For the few gates on
    text as written (which holds capitals, so is another text than the folded one the
    other gates read, and would cost a pass of its own). Gates call this and ``held``
    through the module, so a test can turn every gate off and compare."""
    for word in words:
        if word in text:
            return True
    return False

"""Words a text must hold before a pattern can match in it: a test that spares a search.

A pattern of alternatives opening with a look-behind (``(?<![\\w])(?:mixed[\\s-]+precision|
HPL…)``) is tried at every place of the text; most texts the judge searches hold none of
its words. Every match of an alias pattern (``metricwords._aliases_pattern``: the aliases
lower-cased, each run of spaces and hyphens matching any such run, compiled with
``re.I``) holds each piece of its alias between those runs, letter for letter up to case.
So a text that holds, in lower case, no piece chosen from each alias has no match, and
the search is skipped.

The same test serves patterns whose every match holds one of a few listed words
(``metricwords.CAUSE_WORDS`` and the like: ``lowered_holds``).

Only ASCII text is turned away, and only by ASCII pieces: under ``re.I`` "ſ" is an "s"
and "K" a "k", which ``str.lower`` does not say; in ASCII text an ASCII letter matches
only its own two cases. Any other text, or a set of aliases one of which has no ASCII
piece, is always searched.
"""

from __future__ import annotations

from functools import lru_cache

from ..extract.trie import SPACE_RUN


@lru_cache(maxsize=4096)
def alias_gate(variants: tuple[str, ...]) -> tuple[str, ...] | None:
    """One piece (the longest) of each alias as its pattern reads it, lower case, without
    repeats: a match of any alias holds one of them. None when an alias has no ASCII piece
    to test (its text is always searched)."""
    pieces = []
    for alias in variants:
        if not alias:
            continue  # not in the pattern
        piece = max(SPACE_RUN.sub(" ", alias.lower()).split(" "), key=len)
        if not piece.isascii():
            return None
        pieces.append(piece)
    return tuple(dict.fromkeys(pieces))


def ascii_lower(text: str) -> str | None:
    """The text in lower case for ``lowered_holds``, or None when it is not ASCII: under
    ``re.I`` "ſ" is an "s" and "K" a "k", which ``lower`` does not say."""
    return text.lower() if text.isascii() else None


def lowered_holds(lowered: str | None, words: tuple[str, ...]) -> bool:
    """Can a text whose ``ascii_lower`` is ``lowered`` hold one of ``words`` as a pattern
    with ``re.I`` reads them? A test per word is several times cheaper than the search it
    spares; text that is not ASCII is always searched."""
    return lowered is None or any(map(lowered.__contains__, words))


def may_hold(text: str, pieces: tuple[str, ...] | None) -> bool:
    """Can ``text`` hold a match of the aliases whose ``alias_gate`` is ``pieces`` (or of
    a pattern every match of which holds one of the words ``pieces``)?"""
    return pieces is None or lowered_holds(ascii_lower(text), pieces)

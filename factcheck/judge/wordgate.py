"""Words a text must hold before a pattern can match in it: a test that spares a search.

A pattern of alternatives opening with a look-behind (``(?<![\\w])(?:mixed[\\s-]+precision|
HPL…)``) is tried at every place of the text; most texts the judge searches hold none of
its words. Every match of an alias pattern (``metricwords._aliases_pattern``: the aliases
lower-cased, each run of spaces and hyphens matching any such run, compiled with
``re.I``) holds each piece of its alias between those runs, letter for letter up to case.
So a text that holds, in lower case, no piece chosen from each alias has no match, and
the search is skipped.

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


def may_hold(text: str, pieces: tuple[str, ...] | None) -> bool:
    """Can ``text`` hold a match of the aliases whose ``alias_gate`` is ``pieces``?"""
    if pieces is None or not text.isascii():
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, pieces))

"""A pattern searched for only from where its matches can start: a little before each anchor.

CPython's regular-expression engine skips ahead quickly only when a pattern opens on plain
characters; one that opens with a look-behind or a word boundary is tried in full at every
character it is searched from. When every match of a pattern holds an anchor (a digit, a
year) at most ``lead`` characters after its start, no match starts between the end of the
last one and ``lead`` characters before the next anchor, so each search starts there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_from(pattern: re.Pattern, anchor: re.Pattern, text: str, lead: int,
                  first: re.Match | None) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for such a pattern; ``first`` is ``anchor.search(text)``
    (which callers have already: they test for an anchor before searching at all)."""
    pos = 0
    while first is not None:
        m = pattern.search(text, max(pos, first.start() - lead))
        if m is None:
            return
        yield m
        pos = m.end()  # (a match is never empty: it holds an anchor)
        first = anchor.search(text, pos)

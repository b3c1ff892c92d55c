"""Patterns written to open on a plain letter, so the engine skips to where a match can start.

Python's regular-expression engine skips ahead quickly only when a pattern opens on plain
characters it can list: a literal, an alternation of literals, a character set — and, under
``re.I``, only characters that have no other case. A pattern opening with ``\\b``, a
look-behind or a look-ahead is tried in full at every place of the text instead.

``word_led`` writes ``(?i:\\b(?:the|this|its))…`` as ``T(?<!\\w.)(?i:he|his)|t(?<!\\w.)(?i:he|his)
|I(?<!\\w.)(?i:ts)|…``, compiled without ``re.I``: each alternative opens on one case of a
first letter (every character ``re.I`` equates with it: "ſ" is an "s", "K" a "k"), the
look-behind after it is the ``\\b`` before it (the letter is a word character), and the rest
is read case-folded as before. The matches are the same, place for place.
"""

from __future__ import annotations

import re

from .. import patterns

CASES = {"i": "Ii\u0130\u0131", "k": "Kk\u212a", "s": "Ss\u017f"}
"""Every character ``re.I`` equates with a lower-case ASCII letter, for the letters that
have more than their two ASCII cases (checked over all of Unicode by the tests)."""


def cases(letter: str) -> str:
    """The characters a case-folded ``letter`` matches."""
    return CASES.get(letter, letter.upper() + letter)


def word_led(starts: dict[str, str], after: str = "") -> re.Pattern:
    """``\\b(?:<letter><rest>|…)<after>`` under ``re.I``, for each first letter (lower-case
    ASCII) and the alternatives after it (``rest``, in their order), written to open on
    the letter's cases."""
    alternatives = [f"{c}(?<!\\w.)(?i:{rest})" for letter, rest in starts.items() for c in cases(letter)]
    return patterns.compile("(?:" + "|".join(alternatives) + ")" + (f"(?i:{after})" if after else ""))

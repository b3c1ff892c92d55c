"""Compile a large set of alternative words into one factorised regex.

A plain alternation of hundreds of names ("Japan|Japanese|Jordan|…") takes Python's
``re`` a tenth of a second to compile on every run; sharing prefixes in a trie
("J(?:apan(?:ese)?|ordan)") cuts that several times over, which matters for start-up.

The trie is never built as such: the words, sorted, are its nodes in order (the words
under a node are a run of the sorted list sharing its prefix), so a node costs a pass over
its run, and a chain of single children is written out in one piece.
"""

from __future__ import annotations

import re

from .. import patterns

SPACE_RUN = patterns.compile(r"[\s-]+")
"""A run of spaces and hyphens: names are compared with each run as one space."""
_FLEXIBLE = r"[\s-]+"


def pattern(words, flags_casefold: bool = False, flexible_space: bool = False) -> str:
    """A regex source matching exactly the given words, longest alternatives first.

    ``flags_casefold`` folds case (compile with ``re.I``); ``flexible_space`` lets a
    space or hyphen in a word match any run of spaces and hyphens ("future-readiness",
    "future readiness", a line break)."""
    keys = set()
    for word in words:
        if not word:
            continue
        key = word.lower() if flags_casefold else word
        if flexible_space:
            key = SPACE_RUN.sub(" ", key)
        keys.add(key)
    if not keys:
        return "(?!)"
    return _emit(sorted(keys), 0, len(keys), 0, flexible_space)


def _escape(text: str, flexible: bool) -> str:
    if flexible and " " in text:
        return _FLEXIBLE.join(re.escape(part) for part in text.split(" "))
    return re.escape(text)


def _emit(keys: list[str], lo: int, hi: int, depth: int, flexible: bool) -> str:
    """The pattern for the trie node at ``depth`` whose words are ``keys[lo:hi]`` (sorted,
    sharing their first ``depth`` characters)."""
    ends = len(keys[lo]) == depth  # a word ending here sorts before the longer ones
    start = lo + 1 if ends else lo
    if start == hi:
        return ""
    if not ends:
        # A chain of single children: the characters every word here shares.
        first, last = keys[start], keys[hi - 1]
        shared = depth
        limit = min(len(first), len(last))
        while shared < limit and first[shared] == last[shared]:
            shared += 1
        if shared > depth:
            return _escape(first[depth:shared], flexible) + _emit(keys, lo, hi, shared, flexible)
    branches = []
    while start < hi:
        ch = keys[start][depth]
        end = start + 1
        while end < hi and keys[end][depth] == ch:
            end += 1
        branches.append(_escape(ch, flexible) + _emit(keys, start, end, depth + 1, flexible))
        start = end
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "|".join(branches)
    # Greedy alternation tried before the empty end keeps the longest match first.
    return f"(?:{body})?" if ends else f"(?:{body})"

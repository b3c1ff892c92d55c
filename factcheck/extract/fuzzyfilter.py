"""Which of many long names could a text hold, slightly misspelt? An exact filter that runs
before rapidfuzz's ``partial_ratio``, so the (slow) alignment is scored only for the few
names that can reach the cut-off.

``partial_ratio(a, b)`` slides the shorter string (the needle, length n) over the longer
and scores ``ratio(needle, window)`` for windows of at most n characters: with d the
insertions and deletions that turn the needle into its window,
``ratio = 100 * (1 - d / (n + len(window)))``. A score of at least ``s`` therefore allows
at most ``d = floor((100 - s) * 2n / 100)`` edits (16% of n at 92). Cut the needle into
``d + 2`` pieces: an edit spoils at most one piece (a deletion the piece of its character,
an insertion only the piece whose two neighbouring characters it falls between), so at
least two pieces are left whole and stand verbatim in the window, and so in the other
string. A name with fewer than two of its pieces in the text cannot score ``s``; the
filter drops only those. (With ``d + 1`` pieces one whole piece would be the test: about
twice the names of a sentence passed it, each then scored by rapidfuzz for nothing.)

Names no longer than the text are the needle: their pieces are found in one pass over
the text with an Aho–Corasick automaton (``ahocorasick-rs``). A name longer than the text
makes the text the needle: the text's pieces are looked up in an index of the names'
three-letter runs. A name as long as the text is kept if either holds (rapidfuzz scores
both ways then).
"""

from __future__ import annotations

import math
from itertools import accumulate
from operator import or_
from collections.abc import Sequence

import ahocorasick_rs

GRAM = 3
"""Length of the runs indexed for names longer than the text."""

WHOLE = 2
"""How many pieces are cut beyond the edits, and so how many stand whole in any window
that scores the cut-off (``candidates`` counts to two: not a setting)."""


def max_edits(length: int, score_cutoff: float) -> int:
    """The most insertions and deletions a needle of ``length`` characters can differ from
    its window by and still score ``score_cutoff`` (rounded up a hair against float error:
    a larger bound only keeps more names)."""
    return math.floor((100.0 - score_cutoff) * 2 * length / 100 + 1e-9)


def pieces(needle: str, score_cutoff: float) -> list[str]:
    """``needle`` cut into ``max_edits + WHOLE`` contiguous pieces of near-equal length,
    ``WHOLE`` of which stand verbatim in any window scoring ``score_cutoff`` against it
    (a piece is empty when there are more pieces than characters)."""
    return [needle[start:end] for start, end in _bounds(len(needle), score_cutoff)]


def _bounds(length: int, score_cutoff: float) -> list[tuple[int, int]]:
    """Where each of ``pieces``' pieces of a text of ``length`` characters starts and ends."""
    count = max_edits(length, score_cutoff) + WHOLE
    return [(i * length // count, (i + 1) * length // count) for i in range(count)]


class PartialRatioFilter:
    """Built once for a list of names; ``candidates(text)`` per text."""

    def __init__(self, phrases: Sequence[str], score_cutoff: float):
        if not 0 < score_cutoff <= 100:
            raise ValueError("score_cutoff must be above 0 and at most 100")
        self.phrases = list(phrases)
        self.score_cutoff = score_cutoff
        self._lengths = [len(p) for p in self.phrases]
        owners: dict[str, int] = {}  # the names holding a piece, at one place or more
        twice: dict[str, int] = {}  # the names holding it at two places or more
        self._always = 0  # names with an empty piece: too short to rule out
        for i, phrase in enumerate(self.phrases):
            cut = pieces(phrase, score_cutoff)
            for piece in cut:
                if not piece:
                    self._always |= 1 << i
                elif owners.get(piece, 0) >> i & 1:
                    twice[piece] = twice.get(piece, 0) | (1 << i)
                else:
                    owners[piece] = owners.get(piece, 0) | (1 << i)
        self._pieces = list(owners)
        self._piece_masks = [owners[p] for p in self._pieces]
        self._piece_twice = [twice.get(p, 0) for p in self._pieces]
        self._automaton = ahocorasick_rs.AhoCorasick(self._pieces) if self._pieces else None
        grams: dict[str, int] = {}
        for i, phrase in enumerate(self.phrases):
            for j in range(len(phrase) - GRAM + 1):
                gram = phrase[j:j + GRAM]
                grams[gram] = grams.get(gram, 0) | (1 << i)
        self._grams = grams
        longest = max(self._lengths, default=0)
        every = (1 << len(self.phrases)) - 1
        # By a text's length n: the names no longer than n, and those no shorter.
        # Each length's names as one mask, then running ORs up and down the lengths: a
        # step per name and per length, where testing every name at every length took
        # (names x lengths) Python steps when the engine is made.
        of_length = [0] * (longest + 1)
        for i, m in enumerate(self._lengths):
            of_length[m] |= 1 << i
        self._up_to = list(accumulate(of_length, or_))
        self._from = list(accumulate(reversed(of_length), or_))[::-1]
        self._every = every
        # For a text of each length that some name is no shorter than: where its pieces'
        # first and last runs stand (``_piece_runs``), cut when a text of that length is
        # first met, not for every text (nor all at once: most lengths are never met).
        self._runs_by_length: list = [_UNCUT] * (longest + 1)

    def candidates(self, text: str) -> list[int]:
        """Indices (in order) of the names whose ``partial_ratio`` with ``text`` can reach
        the cut-off; every other name scores below it."""
        n = len(text)
        shorter = self._up_to[n] if n < len(self._up_to) else self._every
        longer = self._from[n] if n < len(self._from) else 0
        found = 0
        if shorter and self._automaton is not None:
            # names no longer than the text, with two of their pieces in it
            try:
                found = self._two_pieces({index for index, _, _ in
                                          self._automaton.find_matches_as_indexes(text, overlapping=True)})
            except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
                found = self._every
            found = (found | self._always) & shorter
        elif shorter:
            found = self._always & shorter
        if longer:
            # names no shorter than the text, holding a piece of it
            found |= self._in_names(text) & longer
        return _indices(found)

    def candidates_within(self, text: str, stretches: Sequence[tuple[int, int]]) -> list[int]:
        """Indices (in order) of the names no longer than ``text`` that can reach the
        cut-off in a window of ``text`` lying inside one of ``stretches`` ((start, end)
        pairs): those with two of their pieces inside one stretch (``candidates``' test,
        with each stretch on its own). A name longer than ``text`` is never one: its
        window is the whole text."""
        n = len(text)
        shorter = self._up_to[n] if n < len(self._up_to) else self._every
        if not shorter:
            return []
        found = self._always
        if self._automaton is not None:
            try:
                hits = self._automaton.find_matches_as_indexes(text, overlapping=True)
            except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
                hits, found = [], self._every
            for low, high in stretches:
                found |= self._two_pieces({index for index, start, end in hits if low <= start and end <= high})
        return _indices(found & shorter)

    def _two_pieces(self, pieces: set[int]) -> int:
        """A mask of the names holding two of these pieces (found in two places of the
        name: one piece found once counts twice for a name holding it twice)."""
        masks, twice = self._piece_masks, self._piece_twice
        found = one = 0
        for index in pieces:
            mask = masks[index]
            found |= (one & mask) | twice[index]
            one |= mask
        return found

    def _in_names(self, text: str) -> int:
        """A mask of the names that hold two of ``text``'s pieces (or may: those holding
        each piece's first and last runs; every name when a piece is shorter than a run).
        (The runs are cut once per length of text no longer than the longest name.)"""
        n = len(text)
        if n < len(self._runs_by_length):
            runs = self._runs_by_length[n]
            if runs is _UNCUT:
                runs = self._runs_by_length[n] = _piece_runs(n, self.score_cutoff)
        else:
            runs = _piece_runs(n, self.score_cutoff)
        if runs is None:
            return -1
        found = one = 0
        get = self._grams.get
        for first, first_end, last, last_end in runs:
            mask = get(text[first:first_end], 0) & get(text[last:last_end], 0)
            found |= one & mask
            one |= mask
        return found


_UNCUT = object()
"""A length whose runs are not cut yet (``None`` is a length with a piece too short)."""


def _piece_runs(length: int, score_cutoff: float) -> list[tuple[int, int, int, int]] | None:
    """Where the first and last runs of ``GRAM`` characters of each piece of a text of
    ``length`` characters stand (``pieces``), or None when a piece is shorter than a run."""
    out = []
    for start, end in _bounds(length, score_cutoff):
        if end - start < GRAM:
            return None
        out.append((start, start + GRAM, end - GRAM, end))
    return out


def _indices(mask: int) -> list[int]:
    """The positions of the bits set in ``mask``, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out

r"""Find a set of names in a sentence with an Aho–Corasick automaton instead of a regex.

Metric words were found by one compiled regex per set of aliases:

    (?<![\w])(?:peak[\s-]+performance|rmax|…)(?![\w])      (case folded)

Compiling one costs about 0.2 ms, and a check compiles a hundred of them the first time
it meets each table's metrics — a fifth of a cold run's checking. An automaton over the
same words takes a twentieth of that to build and searches faster. ``AliasSet.hits``
gives exactly what ``pattern.finditer(text, *window)`` gave:

- the text is lower-cased and every run of spaces and hyphens folded to one space, as the
  aliases are, and positions are mapped back to the original text;
- a hit needs no word character right before it (looked at even before the window, as a
  regex lookbehind does) and none right after it, unless it ends at the window's end
  (a regex sees the window's end as the end of the text);
- hits do not overlap: scanning left to right, at each place the longest alias that
  fits is taken, as the factorised regex prefers the longest.

Text whose lower case changes its length (a few non-Latin capitals) is left to the regex.

Entity names (``entities.EntityFinder``) are matched the same way but case-sensitively
("US" the country, not "us"), with their own boundaries: no word character or full stop
before a name, and no word character or full stop and word character after it
(``(?<![\w.])`` … ``(?![\w]|\.\w)``): ``AliasSet(..., rule=NAME)`` on ``folded_as_is``.
"""

from __future__ import annotations

import bisect

from ahocorasick_rs import MATCHKIND_LEFTMOST_LONGEST, AhoCorasick, Implementation

from .. import patterns
from .trie import SPACE_RUN

_LONG_RUN = patterns.compile(r"[\s-]{2,}")
"""The runs of ``trie.SPACE_RUN`` that are two characters or longer (each whole: both are greedy)."""

_SPACES = patterns.compile(" +")

_KIND = Implementation.NoncontiguousNFA
"""The automaton kind: for a few keys the library would build a DFA, which costs most of a
first check's automaton building; the plain NFA searches sentences as fast."""


def fold(text: str) -> str:
    """Lower case, every run of spaces and hyphens one space: how aliases are compared."""
    lowered = text.lower()
    return lowered if folds_to_itself(lowered) else SPACE_RUN.sub(" ", lowered)


def folds_to_itself(text: str) -> bool:
    """Does folding leave ``text`` as it is? Yes when its only spaces are single plain
    ones and it has no hyphen: every other character ``\\s`` matches is unprintable."""
    return "-" not in text and "  " not in text and text.isprintable()


def _shift_map(runs) -> tuple[list[int], list[int]]:
    """For the (start, end) runs that fold to one space each, in order: where each run's
    space stands in the folded text, and the characters folded away before each run (and,
    last, after the last one) — what ``Folded.original`` reads."""
    at, extra, shift = [], [0], 0
    for start, end in runs:
        at.append(start - shift)
        shift += end - start - 1
        extra.append(shift)
    return at, extra


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex ``\w`` on text


class Folded:
    """A text folded for matching, with the map from folded positions back to it."""

    __slots__ = ("text", "folded", "_runs", "_extra")

    def __init__(self, text: str, lowered: str):
        self.text = text
        self._runs = self._extra = None
        # With no hyphen, every run of ``SPACE_RUN`` is a run of spaces and hyphens turned
        # into spaces (one for one), and a printable text has no other character ``\s``
        # matches: each run of two spaces or more folds to one, the rest stand as they are.
        spaced = lowered.replace("-", " ") if "-" in lowered else lowered
        if not spaced.isprintable():
            self._fold_by_pattern(lowered)
        elif "  " not in spaced:  # every run a single space or hyphen: one for one
            self.folded = spaced
        else:
            self._fold_runs(spaced)

    def _fold_runs(self, spaced: str) -> None:
        """Fold the runs of two spaces or more in ``spaced`` (printable, no hyphen), found
        with ``str.find``: a substitution by pattern tries ``SPACE_RUN`` at every character
        and makes a piece of every single space between words."""
        # Only a run of two characters or more moves what follows it: the map lists those
        # runs alone (a single space, folded to one space, shifts nothing, and ``original``
        # adds the same shifts without it).
        spans, pieces, pos = [], [], 0
        start = spaced.find("  ")
        while start >= 0:
            end = _SPACES.match(spaced, start).end()
            pieces.append(spaced[pos:start + 1])
            spans.append((start, end))
            pos = end
            start = spaced.find("  ", end)
        pieces.append(spaced[pos:])
        self.folded = "".join(pieces)
        self._runs, self._extra = _shift_map(spans)

    def _fold_by_pattern(self, lowered: str) -> None:
        """Fold ``lowered`` by ``SPACE_RUN``: for text with tabs, line breaks, other spaces."""
        folded = SPACE_RUN.sub(" ", lowered)
        self.folded = folded
        if len(folded) == len(lowered):
            return
        self._runs, self._extra = _shift_map(m.span() for m in _LONG_RUN.finditer(lowered))

    def original(self, position: int) -> int:
        """The original index of the folded character at ``position``."""
        if self._runs is None:
            return position
        return position + self._extra[bisect.bisect_left(self._runs, position)]


class _Recent(dict):
    """Texts folded lately: one sentence is searched many times. At most 256 sentences and
    200,000 characters are kept, so one huge "sentence" is not held on after its article."""

    KEEP, KEEP_CHARS = 256, 200_000

    def __init__(self):
        super().__init__()
        self.chars = 0

    def make_room(self, text: str) -> None:
        self.chars += len(text)
        if len(self) >= self.KEEP or self.chars > self.KEEP_CHARS:
            self.clear()
            self.chars = len(text)


_FOLDED = _Recent()
_AS_IS = _Recent()


def folded_as_is(text: str) -> Folded:
    """The text with runs of spaces and hyphens folded, case kept (cached, as ``folded``)."""
    found = _AS_IS.get(text)
    if found is None:
        _AS_IS.make_room(text)
        found = _AS_IS[text] = Folded(text, text)
    return found


WORDS = "words"
"""Boundaries of metric words: no word character right before or right after."""
NAME = "name"
"""Boundaries of entity names: no word character or full stop right before; after, no word
character, and no full stop followed by one ("U.S." ends a name, "U.S.A" is not "U.S.")."""
TITLE = "title"
"""Boundaries of source names (case folded): no word character or hyphen on either side
("IMD-ranked" does not name IMD)."""


def folded(text: str) -> Folded | None:
    """The text folded (cached: one sentence is searched for many sets of aliases), or
    None when lower case changes its length."""
    found = _FOLDED.get(text, False)
    if found is False:
        _FOLDED.make_room(text)
        lowered = text.lower()
        found = _FOLDED[text] = Folded(text, lowered) if len(lowered) == len(text) else None
    return found


class AliasSet:
    """A set of aliases, each standing for the alias it is read as (``by_fold``)."""

    def __init__(self, by_fold: dict[str, str], rule: str = WORDS):
        self.rule = rule
        self.keys = list(by_fold)
        self.keyset = frozenset(self.keys)
        self.aliases = [by_fold[k] for k in self.keys]
        self.usable = bool(self.keys) and all(k and k == k.strip() for k in self.keys)
        # Both automatons are built on first use: many sets are made and never searched (a
        # caller that knows none of the keys is in the text skips the search), and windowed
        # searches never need the second. Most texts need only the longest name at each
        # place, found without overlaps; every occurrence is looked at only when one of
        # those fails its boundaries.
        self._every: AhoCorasick | None = None
        self._longest: AhoCorasick | None = None

    @property
    def _automaton(self) -> AhoCorasick:
        """Every occurrence of every key (for a usable set only)."""
        if self._every is None:
            self._every = AhoCorasick(self.keys, implementation=_KIND)
        return self._every

    def present(self, found: Folded) -> set[str]:
        """The keys that stand anywhere in the folded text, boundaries aside (a necessary
        condition for a hit, found in one pass)."""
        return set(self._automaton.find_matches_as_strings(found.folded, overlapping=True))

    def _fits(self, text: str, a: int, b: int, end: int) -> bool:
        rule = self.rule
        if a > 0:
            before = text[a - 1]
            if _is_word(before) or (rule == NAME and before == ".") or (rule == TITLE and before == "-"):
                return False
        if b < end:
            after = text[b]
            if _is_word(after) or (rule == TITLE and after == "-") or (
                    rule == NAME and after == "." and b + 1 < end and _is_word(text[b + 1])):
                return False
        return True

    def _longest_hits(self, found: Folded, text: str, end: int) -> list[tuple[int, int, str]] | None:
        """The hits when the longest name at each place (no overlaps) always fits its
        boundaries — then they are exactly what the full scan would give: nothing can start
        earlier than the leftmost occurrence, and the longest there fits. None otherwise."""
        if self._longest is None:
            self._longest = AhoCorasick(self.keys, matchkind=MATCHKIND_LEFTMOST_LONGEST, implementation=_KIND)
        out = []
        original = found.original
        for k, a, b in self._longest.find_matches_as_indexes(found.folded):
            a, b = original(a), original(b - 1) + 1
            if not self._fits(text, a, b, end):
                return None
            out.append((a, b, self.aliases[k]))
        return out

    def hits(self, found: Folded, window: tuple[int, int] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, alias) of each hit in the original text, in order."""
        text = found.text
        start, end = window if window else (0, len(text))
        original = found.original
        if window is None:
            quick = self._longest_hits(found, text, end)
            if quick is not None:
                return quick
        matches = self._automaton.find_matches_as_indexes(found.folded, overlapping=True)
        if not matches:
            return []
        # leftmost first, and the longest first at one place
        occurrences = sorted((original(a), -(original(b - 1) + 1), k) for k, a, b in matches)
        out, cursor = [], start
        for a, b, k in occurrences:
            b = -b
            if a < cursor or b > end or not self._fits(text, a, b, end):
                continue
            out.append((a, b, self.aliases[k]))
            cursor = b
        return out

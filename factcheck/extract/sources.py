"""Find the source a sentence attributes a figure to, and the tables it names.

Table names ("IMD World Digital Competitiveness Ranking") name one table; publisher names
("IMD", "Goldman Sachs", "Ministry of Economy, Trade and Industry") name every table of
that publisher. Long names are also found when slightly misspelt (rapidfuzz alignment).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .. import patterns
from . import aliasfind, folding, trie
from .fuzzyfilter import PartialRatioFilter
from ..reference.library import Library
from ..model import SourceMention, Span

FUZZY_MIN_LENGTH = 16
FUZZY_SCORE = 92.0


_fold = aliasfind.fold  # lower case, runs of spaces and hyphens one space


_TITLE_KIND_WORDS = r"Rankings?|Index|Indices|Report|Yearbook|Scoreboard|Barometer|Atlas"
"""The words that end a publication's title ("… Ranking", "… Index")."""
_TITLE_KINDS = f"(?:{_TITLE_KIND_WORDS})"

_OTHER_TITLE = patterns.compile(
    r"(?:['’]s)?\s+(?:(?:latest|recent|new|annual|inaugural|(?:19|20)\d\d)\s+)*"
    r"(?:[A-Z][\w&-]*\s+){0,5}"
    r"(?:" + _TITLE_KIND_WORDS + r"|Survey|Outlook|Study)\b")
"""A titled publication right after a publisher's name ("IMD World Talent Ranking",
"WIPO's Global Innovation Index"). A table's own name is matched whole before its
publisher's, so what this finds after a bare publisher name is one no table holds."""


STEM = 7
"""Letters of a word compared with a table's name words ("competitive" and
"competitiveness" are one word to a title check)."""


_OTHER_TITLE_LOWER = patterns.compile(
    r"(?:['’]s)?\s+(?:(?:latest|recent|new|annual|inaugural|(?:19|20)\d\d)\s+)*"
    r"((?:[A-Z][\w&-]*\s+){1,5})(?:rankings?|index|indices|report|yearbook|scoreboard|barometer|atlas|survey|"
    r"outlook|study)\b")
"""The same with its kind word in lower case ("IMD World Talent ranking"): a title only
when its capitalised words are not generic and none is a word of the publisher's own
tables' names ("IMD World Competitiveness ranking" is the table's)."""


_TITLE_IN_SENTENCE = patterns.compile(
    r"\b((?:[A-Z][\w&’'-]*\s+){1,5})" + _TITLE_KINDS + r"\b")
"""A titled publication anywhere in the sentence ("the IMD World Competitiveness Centre
published its 'World Talent Ranking Report'"): capitalised words before a word for a
ranking or report."""

_TITLE_WORD = patterns.compile(_TITLE_KINDS)

_LOWER_TITLE = patterns.compile(
    r"\b((?:[\w’'-]+\s+){1,4})(?:rankings?|index|indices|report|list|scoreboard|yearbook)\b", re.I)
"""The words of a title before its kind word, written in any case ("world digital
competitiveness index")."""
_LOWER_TITLE_WORDS = folding.Words("ranking", "index", "indices", "report", "list", "scoreboard", "yearbook")
"""A word every match of ``_LOWER_TITLE`` holds (``folding``): a sentence without any is
not searched."""

_GENERIC_TITLE_WORDS = frozenset(
    "the its their this that a an latest new newest recent annual inaugural global world world's overall "
    "top full final first second third imd ranking rankings index indices report yearbook scoreboard barometer "
    "atlas list".split())
"""Words of a title that name no publication of their own ("IMD's Latest Ranking", "The
World Ranking" in a headline)."""


def _other_title_in(text: str, taken_exact: list[tuple[int, int]], own_words: frozenset[str]) -> bool:
    """Whether the sentence names, beside a bare publisher, a titled publication that is
    none of the tables' (a table's own name is matched exactly, and overlaps it). A title
    that shares a word with the publisher's tables' names ("International Competitiveness
    Ranking", a translation of the World Competitiveness Ranking) is one of them."""
    for m in _TITLE_IN_SENTENCE.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken_exact):
            continue
        words = {w.strip("’'").lower() for w in m.group(1).split()} - _GENERIC_TITLE_WORDS
        if words and not words & own_words:
            return True
    return False


def _name_forms(name: str) -> tuple[str, ...]:
    """A table's name, lower case, and its plural when it ends in "ranking" ("the World
    Competitiveness Rankings of IMD" names the World Competitiveness Ranking)."""
    key = name.lower()
    return (key, key + "s") if key.endswith(" ranking") else (key,)


class SourceFinder:
    def __init__(self, library: Library):
        # The words of each table's names ("competitiveness", "digital"): a title using one
        # is a variant of that table's name, not another publication.
        self._name_words = {t.id: frozenset(w.lower() for n in t.names for w in re.findall(r"[\w’'-]+", n))
                            - _GENERIC_TITLE_WORDS for t in library.tables.values()}
        # The same, from names of more than one word only: the words a title spells out
        # ("digital"), not a bare acronym ("WDCR").
        self._spelled_words = {t.id: frozenset(w.lower() for n in t.names for w in re.findall(r"[\w’'-]+", n)
                                               if len(n.split()) > 1) - _GENERIC_TITLE_WORDS
                               for t in library.tables.values()}
        # Each table's publisher's tables (IMD: both of its rankings), whichever of the
        # publisher's names a table lists.
        by_publisher: dict[str, list[str]] = {}
        for table in library.tables.values():
            by_publisher.setdefault(table.publisher, []).append(table.id)
        self._siblings = {t.id: tuple(sorted(by_publisher[t.publisher])) for t in library.tables.values()}
        phrases: dict[str, tuple[set[str], bool]] = {}
        # A table's own name ("TOP500") names that table, whatever the order the tables
        # load in; the same words as another table's publisher ("TOP500" publishes the
        # Green500) do not name that other table.
        for table in library.tables.values():
            for name in table.names:
                for form in _name_forms(name):
                    tables, _ = phrases.setdefault(form, (set(), True))
                    tables.add(table.id)
        for table in library.tables.values():
            for name in table.publisher_names:
                key = name.lower()
                if key in phrases and phrases[key][1]:
                    continue
                tables, _ = phrases.setdefault(key, (set(), False))
                tables.add(table.id)
        self._phrases = {k: (tuple(sorted(v[0])), v[1]) for k, v in phrases.items()}
        self._case_sensitive = {
            name.lower(): name for table in library.tables.values()
            for name in (*table.names, *table.publisher_names)
            if len(name) <= 6 and name.upper() == name
        }
        ordered = sorted(self._phrases, key=len, reverse=True)
        # Every name in one Aho–Corasick automaton (aliasfind), with the boundaries of the
        # regex it replaces; the regex is built only for text whose lower case changes length.
        self._titles = aliasfind.AliasSet({_fold(p): p for p in ordered}, rule=aliasfind.TITLE) if ordered else None
        self._ordered = ordered
        self._pattern: re.Pattern | None = None
        self._long = [p for p in ordered if len(p) >= FUZZY_MIN_LENGTH]
        self._filter = PartialRatioFilter(self._long, FUZZY_SCORE)
        self._fold = {_fold(p): p for p in ordered}

    def _names_in(self, text: str) -> list[tuple[int, int]]:
        """Where the sentence names a table or publisher exactly (any case, spaces as any
        run of spaces and hyphens)."""
        if self._titles is None:
            return []
        found = aliasfind.folded(text) if self._titles.usable else None
        if found is not None:
            return [(a, b) for a, b, _ in self._titles.hits(found)]
        if self._pattern is None:
            self._pattern = patterns.compile(r"(?<![\w-])(?:" + trie.pattern(
                self._ordered, flags_casefold=True, flexible_space=True) + r")(?![\w-])", re.I)
        return [m.span() for m in self._pattern.finditer(text)]

    def exact_names(self, text: str, offset: int = 0) -> tuple[list[SourceMention], list[tuple[int, int]]]:
        """The sources the sentence names exactly, and where (without ``offset``): a
        publisher beside a titled publication of its own that no table holds names none
        of its tables."""
        found: list[SourceMention] = []
        taken: list[tuple[int, int]] = []
        publishers: set[str] = set()  # the tables of the publishers named (before any title rule)
        for start, end in self._names_in(text):
            said = text[start:end]
            key = self._fold.get(_fold(said), said.lower())
            if key in self._case_sensitive and said != self._case_sensitive[key] and not (
                    # "Top500" is TOP500: a name with digits keeps its capital first letter
                    said[0].isupper() and any(ch.isdigit() for ch in key)):
                continue  # "imd" in lower case is not IMD
            tables, exact = self._phrases[key]
            if not exact:
                publishers.update(tables)
            if not exact and (_OTHER_TITLE.match(text, end) or self._other_lower_title(text, end, tables)):
                # "IMD's World Talent Ranking": a publication of the publisher that no
                # table holds; its figures are about none of the publisher's tables.
                tables = ()
            found.append(SourceMention(Span(start + offset, end + offset), tables, exact))
            taken.append((start, end))
        if any(not s.exact and s.tables for s in found):
            found = [self._narrowed(s, text) if not s.exact and s.tables else s for s in found]
        if any(not s.exact and s.tables for s in found) and _TITLE_WORD.search(text):
            exact_spans = [(s.span.start - offset, s.span.end - offset) for s in found if s.exact]
            own = frozenset().union(*(self._name_words.get(t, ()) for t in publishers))
            if _other_title_in(text, exact_spans, own):
                # "IMD … published its 'World Talent Ranking Report'": the sentence's figures
                # are about that publication, none of the publisher's tables.
                found = [s if s.exact else SourceMention(s.span, (), s.exact) for s in found]
        return found, taken

    def _other_lower_title(self, text: str, end: int, tables) -> bool:
        m = _OTHER_TITLE_LOWER.match(text, end)
        if m is None:
            return False
        words = {w.strip("’'").lower() for w in m.group(1).split()} - _GENERIC_TITLE_WORDS
        own = frozenset().union(*(self._name_words.get(t, ()) for t in tables))
        return bool(words) and not words & own

    def names_other_publication(self, text: str, start: int, end: int) -> bool:
        """Whether a sentence whose publisher (at ``start:end``) names none of its tables
        titles another publication by words of its own — after the name ("IMD World Talent
        Ranking") or anywhere ("the World Talent Ranking Report by … IMD") —, not only by a
        kind word ("McKinsey Report: …") nor by a misspelling of its own tables' names ("the
        IMD World Competitive Yearbook")."""
        said = text[start:end]
        tables = self._phrases.get(self._fold.get(_fold(said), said.lower()), ((), False))[0]
        own = {w[:STEM] for t in tables for u in self._siblings.get(t, (t,)) for w in self._name_words.get(u, ())}
        publisher = {w.lower() for w in said.split()}
        titles = []
        m = _OTHER_TITLE.match(text, end)
        if m is not None:
            titles.append(m.group(0).split()[:-1])
        titles.extend(t.group(1).split() for t in _TITLE_IN_SENTENCE.finditer(text))
        return any(len(w) > 2 and w[0].isalpha() and w not in _GENERIC_TITLE_WORDS and w not in publisher
                   and w[:STEM] not in own
                   for title in titles for w in (x.strip("’'").lower() for x in title))

    def _narrowed(self, mention: SourceMention, text: str) -> SourceMention:
        """"IMD business school's annual world digital competitiveness index": a publisher of
        several tables beside a lower-case title holding a word only one of its tables'
        names has ("digital") names that table."""
        siblings = {u for t in mention.tables for u in self._siblings.get(t, (t,))}
        if len(siblings) < 2 or not folding.held(folding.folded(text)) & _LOWER_TITLE_WORDS.mask:
            return mention
        said = {w.lower() for m in _LOWER_TITLE.finditer(text) for w in m.group(1).split()}
        if not said:
            return mention
        words = {t: self._name_words.get(t, frozenset()) for t in siblings}
        chosen = [t for t, own in words.items()
                  if own - frozenset().union(*(o for u, o in words.items() if u != t)) & said]
        if not chosen and all(own & said for own in words.values()):
            # "the 2021 World Competitiveness Index": a title in the family's shared words
            # ("competitiveness") without the word that sets one ranking apart ("digital")
            # names the one whose title has no such word of its own.
            spelled = {t: self._spelled_words.get(t, frozenset()) for t in siblings}
            chosen = [t for t, own in spelled.items()
                      if not own - frozenset().union(*(o for u, o in spelled.items() if u != t))]
        if len(chosen) != 1:
            return mention
        return SourceMention(mention.span, tuple(chosen), mention.exact)

    def find(self, text: str, offset: int = 0) -> list[SourceMention]:
        found, taken = self.exact_names(text, offset)
        lowered = text.lower()
        # An exact filter (``fuzzyfilter``) keeps the few long names that can score the
        # cut-off at all; one pass in C scores those (a name written out whole needs no
        # alignment), and the alignment (slower) is computed only for the close ones, in
        # the usual order.
        # A close name counts only where its alignment overlaps no name found exactly: that
        # window holds two whole pieces of the name (``fuzzyfilter``), so both stand in one
        # stretch between the exact names (a name longer than the sentence aligns with all
        # of it, and so overlaps them). A name failing that is never kept, close or not.
        close_to = self._filter.candidates_within(lowered, _stretches(taken)) if taken \
            else self._filter.candidates(lowered)
        pool = [phrase for phrase in map(self._long.__getitem__, close_to) if phrase not in lowered]
        if not pool:
            return sorted(found, key=lambda s: s.span.start)
        # The pool is in the order of ``self._long``: the close ones are aligned in that order.
        close = sorted(i for _, _, i in process.extract(
            lowered, pool, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_SCORE, limit=None))
        for phrase in map(pool.__getitem__, close):
            alignment = fuzz.partial_ratio_alignment(phrase, lowered, score_cutoff=FUZZY_SCORE)
            if alignment is None:
                continue
            start, end = alignment.dest_start, alignment.dest_end
            if any(start < b and a < end for a, b in taken):
                continue
            if _cuts_word(lowered, start, end):
                continue  # "Said Business School" is not "IMD Business School" misspelt
            tables, exact = self._phrases[phrase]
            found.append(SourceMention(Span(start + offset, end + offset), tables, exact))
            taken.append((start, end))
        return sorted(found, key=lambda s: s.span.start)


def _cuts_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a word ("[S]aid Business
    School"): a close name aligned so is part of another name, not that name misspelt."""
    return (0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()) or (
        0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum())


def _stretches(taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of a text between the (start, end) spans ``taken``, which are in
    order and do not overlap: a window inside one overlaps none of them."""
    out, start = [], 0
    for a, b in taken:
        out.append((start, a))
        start = b
    out.append((start, 1 << 62))
    return out

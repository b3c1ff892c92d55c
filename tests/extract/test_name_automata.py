"""Entity and source names are found by the automata exactly where the factorised regexes found them.

``EntityFinder`` used one regex over every name (``(?<![\\w.])(?:…)(?![\\w]|\\.\\w)``,
case kept, spaces and hyphens matching any run of them); it now uses
``aliasfind.AliasSet`` with the name boundaries. Both are run here on text built from the
library's own names — whole, cut, glued to letters, digits, full stops and hyphens, in
other cases, wrapped over lines — and must give the same spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import aliasfind, trie
from factcheck.extract.entities import EntityFinder
from factcheck.reference import library


@lru_cache(maxsize=1)
def _finder() -> EntityFinder:
    return EntityFinder(library.load())


@lru_cache(maxsize=1)
def _regex() -> re.Pattern:
    ordered = sorted(_finder()._by_text, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + trie.pattern(ordered, flexible_space=True) + r")(?![\w]|\.\w)")


def _names() -> list[str]:
    return sorted(_finder()._by_text)


GLUE = ["", " ", ". ", ".", "-", "\n", "s", "9", "_", "’s ", ", ", "(", ")", ".x", " - ", "A"]


@st.composite
def texts(draw):
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(st.sampled_from(GLUE)))
        name = draw(st.sampled_from(_names()))
        change = draw(st.sampled_from(["whole", "cut", "lower", "upper", "wrapped"]))
        if change == "cut":
            name = name[:draw(st.integers(1, len(name)))]
        elif change == "lower":
            name = name.lower()
        elif change == "upper":
            name = name.upper()
        elif change == "wrapped":
            name = name.replace(" ", draw(st.sampled_from(["\n", "  ", "-", " -\n"])))
        parts.append(name)
    parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_automaton_finds_the_names_the_regex_found(text):
    found = [(a, b) for a, b, _ in _finder()._names.hits(aliasfind.folded_as_is(text))]
    assert found == [m.span() for m in _regex().finditer(text)]


def test_a_name_followed_by_a_full_stop_and_a_letter_is_not_the_name():
    finder = _finder()
    assert [m.entity for m in finder.find("Made in the U.S. today.")] == ["United States"]
    assert not [m for m in finder.find("Made by U.S.A.I corp.") if m.span.start == 8]


@lru_cache(maxsize=1)
def _sources():
    from factcheck.extract.sources import SourceFinder
    return SourceFinder(library.load())


@lru_cache(maxsize=1)
def _source_regex() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + trie.pattern(_sources()._ordered, flags_casefold=True, flexible_space=True)
                      + r")(?![\w-])", re.I)


@st.composite
def source_texts(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(st.sampled_from(GLUE + ["-", "x-", " -", "’s "])))
        name = draw(st.sampled_from(_sources()._ordered))
        name = "".join(ch.upper() if draw(st.booleans()) else ch for ch in name)
        if draw(st.booleans()):
            name = name.replace(" ", draw(st.sampled_from(["\n", "  ", "-", " - "])))
        if draw(st.booleans()):
            name = name[:draw(st.integers(1, len(name)))]
        parts.append(name)
    parts.append(draw(st.sampled_from(GLUE + ["-x", "-"])))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(source_texts())
def test_automaton_finds_the_source_names_the_regex_found(text):
    if aliasfind.folded(text) is None:  # lower case changes the length: the regex itself is used
        return
    assert _sources()._names_in(text) == [m.span() for m in _source_regex().finditer(text)]


def test_a_hyphen_against_a_source_name_is_part_of_another_word():
    assert _sources()._names_in("an IMD-ranked economy") == []
    assert _sources()._names_in("the IMD ranking") == [(4, 7)]

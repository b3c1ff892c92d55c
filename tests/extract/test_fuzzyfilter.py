"""The filter in front of the fuzzy source-name match must never drop a name that the
plain rapidfuzz pass (every long name scored with ``partial_ratio``) finds close enough:
misspelt copies of the library's long names, cut or whole, inside random text, and
texts shorter than the names (where rapidfuzz slides the text over the name instead)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from factcheck.extract.fuzzyfilter import GRAM, WHOLE, PartialRatioFilter, max_edits, pieces
from factcheck.extract.sources import FUZZY_SCORE, SourceFinder
from factcheck.reference import library


@lru_cache(maxsize=1)
def names() -> list[str]:
    return SourceFinder(library.load())._long


@lru_cache(maxsize=4)
def name_filter(cutoff: float) -> PartialRatioFilter:
    return PartialRatioFilter(names(), cutoff)


def close_by_rapidfuzz(text: str, phrases: list[str], cutoff: float) -> set[int]:
    return {i for _, _, i in process.extract(text, phrases, scorer=fuzz.partial_ratio,
                                             score_cutoff=cutoff, limit=None)}


LETTERS = "abcdefghijklmnopqrstuvwxyz -'’é0123456789"
EDIT = st.tuples(st.sampled_from(["delete", "insert", "replace", "swap"]), st.integers(0, 200),
                 st.sampled_from(LETTERS))


def misspell(phrase: str, edits) -> str:
    chars = list(phrase)
    for op, at, ch in edits:
        at = at % (len(chars) + 1)
        if op == "delete" and at < len(chars):
            del chars[at]
        elif op == "insert":
            chars.insert(at, ch)
        elif op == "replace" and at < len(chars):
            chars[at] = ch
        elif op == "swap" and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


@st.composite
def texts(draw):
    phrase = draw(st.sampled_from(names()))
    copy = misspell(phrase, draw(st.lists(EDIT, max_size=6)))
    if draw(st.booleans()):  # a piece of the name only (a short heading, a cut quote)
        start = draw(st.integers(0, len(copy)))
        copy = copy[start:start + draw(st.integers(0, len(copy)))]
    around = st.text(alphabet=LETTERS, max_size=60)
    return draw(around) + copy + draw(around)


@settings(max_examples=1500, deadline=None)
@given(texts(), st.sampled_from([92.0, 92.0, 85.0, 97.5]))
def test_the_filter_keeps_every_name_rapidfuzz_finds_close(text, cutoff):
    close = close_by_rapidfuzz(text, names(), cutoff)
    assert close <= set(name_filter(cutoff).candidates(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=90), st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=8))
def test_any_text_against_any_names(text, phrases):
    """Arbitrary Unicode, names of any length (shorter, as long as and longer than the text)."""
    keep = set(PartialRatioFilter(phrases, FUZZY_SCORE).candidates(text))
    assert close_by_rapidfuzz(text, phrases, FUZZY_SCORE) <= keep


@pytest.mark.parametrize("text, phrase", [
    ("imd", "imd world digital competitiveness ranking"),  # a text inside a longer name
    ("the imd world digitl competitiveness rankng says", "imd world digital competitiveness ranking"),
    ("world digital competitivness ranking", "world digital competitiveness ranking"),  # as long as
])
def test_known_close_pairs_are_kept(text, phrase):
    assert fuzz.partial_ratio(text, phrase) >= FUZZY_SCORE
    assert PartialRatioFilter([phrase], FUZZY_SCORE).candidates(text) == [0]


def test_unrelated_text_keeps_nothing():
    assert name_filter(FUZZY_SCORE).candidates("officials declined to comment on the record.") == []


def test_a_lone_surrogate_keeps_every_name_it_cannot_rule_out():
    text = "the imd world digital competitiveness ranking\ud800 of this year, and much more besides"
    keep = set(name_filter(FUZZY_SCORE).candidates(text))
    assert close_by_rapidfuzz(text, names(), FUZZY_SCORE) <= keep


def test_pieces_and_edits():
    assert max_edits(25, 92.0) == 4  # 16% of 25, exactly
    assert max_edits(16, 92.0) == 2
    cut = pieces("imd world digital competitiveness ranking", 92.0)
    assert "".join(cut) == "imd world digital competitiveness ranking"
    assert len(cut) == max_edits(41, 92.0) + WHOLE


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ", max_size=70), st.lists(st.text(alphabet="ab", min_size=1, max_size=40), min_size=1,
                                                      max_size=6))
def test_names_repeating_their_pieces(text, phrases):
    """A name whose pieces repeat ("abab…"): one piece found once in the text stands for
    two places of the name."""
    keep = set(PartialRatioFilter(phrases, FUZZY_SCORE).candidates(text))
    assert close_by_rapidfuzz(text, phrases, FUZZY_SCORE) <= keep


def test_a_repeated_piece_counts_twice():
    phrase = "abab" * 5
    assert PartialRatioFilter([phrase], FUZZY_SCORE).candidates("xx " + phrase + " yy") == [0]


def in_names_as_first_written(name_filter: PartialRatioFilter, text: str) -> int:
    """``_in_names`` cutting the text into its pieces each time, as it first did."""
    found = one = 0
    for piece in pieces(text, name_filter.score_cutoff):
        if len(piece) < GRAM:
            return -1
        mask = name_filter._grams.get(piece[:GRAM], 0) & name_filter._grams.get(piece[-GRAM:], 0)
        found |= one & mask
        one |= mask
    return found


@settings(max_examples=1500, deadline=None)
@given(st.one_of(texts(), st.text(max_size=90)), st.sampled_from([92.0, 92.0, 85.0, 97.5]))
def test_runs_cut_once_per_length_are_the_pieces_runs(text, cutoff):
    """``_in_names`` looks up runs at positions cut once per length of text: the same runs
    as the text's pieces, for texts shorter and longer than every name."""
    for part in (text, text[:len(text) // 2], text[:7], text * 2):
        assert name_filter(cutoff)._in_names(part) == in_names_as_first_written(name_filter(cutoff), part)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=40))
def test_masks_by_length_equal_testing_every_name(phrases):
    """The masks of names no longer / no shorter than each length, made by running ORs,
    equal testing every name at every length (as they were made before)."""
    f = PartialRatioFilter(phrases, 92)
    lengths = [len(p) for p in phrases]
    longest = max(lengths)
    assert f._up_to == [sum(1 << i for i, m in enumerate(lengths) if m <= n) for n in range(longest + 1)]
    assert f._from == [sum(1 << i for i, m in enumerate(lengths) if m >= n) for n in range(longest + 1)]

"""A sentence naming a source exactly scores its long names only where they could align
between the exact names (``PartialRatioFilter.candidates_within``): what the finder
keeps must equal the plain pass (every long name not written out whole scored by
rapidfuzz over the whole sentence, aligned, and dropped when the alignment overlaps a
name already taken), kept here as the oracle."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck.extract.fuzzyfilter import PartialRatioFilter
from factcheck.extract.sources import FUZZY_SCORE, SourceFinder, _cuts_word, _stretches
from factcheck.model import SourceMention, Span
from factcheck.reference import library

from .test_fuzzyfilter import EDIT, LETTERS, misspell


@lru_cache(maxsize=1)
def finder() -> SourceFinder:
    return SourceFinder(library.load())


def find_plainly(f: SourceFinder, text: str) -> list[SourceMention]:
    """``SourceFinder.find`` with no filter in front of rapidfuzz: every long name."""
    found, taken = f.exact_names(text)  # the exact names, as the finder reads them
    lowered = text.lower()
    for phrase in f._long:
        if phrase in lowered:
            continue
        alignment = fuzz.partial_ratio_alignment(phrase, lowered, score_cutoff=FUZZY_SCORE)
        if alignment is None:
            continue
        start, end = alignment.dest_start, alignment.dest_end
        if any(start < b and a < end for a, b in taken):
            continue
        if _cuts_word(lowered, start, end):  # (a close name cut inside a word is another name)
            continue
        tables, is_exact = f._phrases[phrase]
        found.append(SourceMention(Span(start, end), tables, is_exact))
        taken.append((start, end))
    return sorted(found, key=lambda s: s.span.start)


@st.composite
def sentences(draw):
    """Sentences holding names of the library, written out whole, misspelt or cut, with
    random words between them."""
    names = finder()._ordered
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        phrase = draw(st.sampled_from(names))
        how = draw(st.sampled_from(["whole", "misspelt", "cut", "words"]))
        if how == "misspelt":
            phrase = misspell(phrase, draw(st.lists(EDIT, max_size=5)))
        elif how == "cut":
            start = draw(st.integers(0, len(phrase)))
            phrase = phrase[start:start + draw(st.integers(0, len(phrase)))]
        elif how == "words":
            phrase = draw(st.text(alphabet=LETTERS, max_size=40))
        if draw(st.booleans()):
            phrase = phrase.upper() if draw(st.booleans()) else phrase.title()
        parts.append(phrase)
    joins = st.sampled_from([" ", ", ", " the ", " and ", "-", " according to ", "'s "])
    return "".join(p + draw(joins) for p in parts)


@settings(max_examples=1500, deadline=None)
@given(sentences())
def test_the_finder_equals_the_plain_pass(text):
    f = finder()
    assert f.find(text) == find_plainly(f, text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text(text):
    f = finder()
    assert f.find(text) == find_plainly(f, text)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="ab -", max_size=70),
       st.lists(st.text(alphabet="ab", min_size=1, max_size=40), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 70), st.integers(1, 12)), max_size=3))
def test_every_name_aligning_between_the_spans_is_kept(text, phrases, spans):
    """A name whose best alignment reaches the cut-off and overlaps no span is among the
    candidates (names repeating their pieces, spans anywhere), unless no span is given
    and the name is longer than the text (``candidates`` is for that case)."""
    taken, at = [], 0
    for start, length in spans:
        start = max(start, at)
        if start + length <= len(text):
            taken.append((start, start + length))
            at = start + length
    keep = set(PartialRatioFilter(phrases, FUZZY_SCORE).candidates_within(text, _stretches(taken)))
    for i, phrase in enumerate(phrases):
        alignment = fuzz.partial_ratio_alignment(phrase, text, score_cutoff=FUZZY_SCORE)
        if alignment is None or any(alignment.dest_start < b and a < alignment.dest_end for a, b in taken):
            continue
        # (a name longer than the text aligns with all of it, which overlaps any span)
        assert i in keep or len(phrase) > len(text) and not taken, (phrase, text, taken, alignment)


def test_a_name_near_an_exact_one_is_still_found():
    text = "according to the imd world competitiveness yearbook and the tokyo institute of technlogy"
    mentions = finder().find(text)
    assert len(mentions) == 2 and not any(m.span.overlaps(n.span) for m in mentions for n in mentions if m is not n)

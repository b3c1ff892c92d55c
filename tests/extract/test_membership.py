"""A place given as a band of the list ("in the top 10", "out of the top 20"):
``extract.membership``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import membership, numbers


def _band(text: str):
    found = [membership.band(text, 0, q) for q in numbers.find(text) if q.kind == "number"]
    found = [b for b in found if b is not None]
    return found[0] if found else None


@pytest.mark.parametrize("text, said, low, high", [
    ("Japan stayed in the top 10 this year.", "in the top 10", 1, 10),
    ("Korea moved up into the top 20.", "into the top 20", 1, 20),
    ("Norway entered the top five.", "the top five", 1, 5),
    ("The US dropped out of the top 10.", "out of the top 10", 11, membership.MAX_PLACE),
    ("Italy remained outside the top 30.", "outside the top 30", 31, membership.MAX_PLACE),
    ("Denmark, Ireland and Switzerland are the top three.", "the top three", 1, 3),
    ("The top three were Denmark, Ireland and Switzerland.", "The top three", 1, 3),
])
def test_a_band_said_of_a_subject(text, said, low, high):
    band = _band(text)
    assert band is not None and band.kind == "rank"
    assert (band.text, band.low, band.high) == (said, low, high)
    assert text[band.span.start:band.span.end] == said


@pytest.mark.parametrize("text", [
    "Five of the top 10 systems are American.",          # the size of a group
    "Japan aims to break into the top 10 by 2030.",       # hoped for
    "The plan is for Japan to be in the top 10.",         # supposed
    "Japan could return to the top 20.",                  # might
    "Japan has not been in the top 20 since 2015.",       # denied
    "Malaysia stayed in the top five in Asia.",           # a region's list
    "Thailand is in the top 10 among ASEAN economies.",   # a group's list
    "Japan's economy and its firms are the top 10 topic.",  # no list of names before the verb
    "The top three were chosen by a jury.",               # no name after the verb
])
def test_no_band(text):
    assert _band(text) is None


WORDS = st.sampled_from(["Japan", "is", "in", "the", "top", "out", "of", "fell", "into", "10", "five",
                         "not", "Asia", "aims", "to", ",", "remained", "outside"])


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=14))
def test_any_words_give_a_well_formed_band_or_none(words):
    text = " ".join(words) + "."
    for q in numbers.find(text):
        band = membership.band(text, 0, q) if q.kind == "number" else None
        if band is None:
            continue
        assert band.kind == "rank" and 1 <= band.low <= band.high
        assert band.hedge in ("top", "outside top")
        assert text[band.span.start:band.span.end] == band.text
        assert band.span.end == q.span.end and "top" in band.text.lower()

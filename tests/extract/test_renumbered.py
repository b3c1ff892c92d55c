"""Renumbering paragraphs builds each moved sentence directly instead of through
``dataclasses.replace``: the two must stay equal, whatever fields ``Sentence`` gains."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.claims import _in_paragraph
from factcheck.model import Sentence, Span


def test_the_direct_build_knows_every_field():
    # a new field would be dropped (or shifted) by the direct build: extend it, then this
    assert [f.name for f in dataclasses.fields(Sentence)] == ["span", "text", "paragraph", "heading"]
    assert all(f.init for f in dataclasses.fields(Sentence))


@given(st.integers(0, 500), st.integers(0, 500), st.text(max_size=20), st.integers(0, 30), st.booleans(),
       st.integers(0, 30))
def test_in_paragraph_is_replace(start, length, text, paragraph, heading, moved):
    sentence = Sentence(Span(start, start + length), text, paragraph, heading)
    built = _in_paragraph(sentence, moved)
    assert built == dataclasses.replace(sentence, paragraph=moved)
    assert repr(built) == repr(dataclasses.replace(sentence, paragraph=moved))

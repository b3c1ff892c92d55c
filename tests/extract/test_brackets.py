"""``brackets.label``: the words a figure opening a bracket is the figure of. Whatever the
text, the label it gives lies before the bracket, holds no digit and at most a few words,
ends where the bracket's white space begins; a figure not opening a bracket has none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import brackets

CASES = [
    # (text, the figure, the label expected or None)
    ("models such as Google's LaMDA (137 billion parameters)", "137", "Google's LaMDA"),
    ("led by retail ($400–660 billion) and banking ($200–340 billion)", "$200", "banking"),
    ("notably in online shopping (58th to 50th)", "50th", "online shopping"),
    ("more than Google's Switch Transformer (1.6 trillion parameters)", "1.6", "Google's Switch Transformer"),
    ("Japan ranked 29th (up from 32nd)", "32nd", None),
    ("growth of 5% (about 3% in Europe)", "3%", None),
    ("Japan ranked 29th in 2022", "29th", None),
    ("(42nd) is where it stood", "42nd", None),
]


@pytest.mark.parametrize("text,figure,expected", CASES)
def test_label(text, figure, expected):
    at = brackets.label(text, text.index(figure))
    assert (text[at[0]:at[1]] if at else None) == expected


WORDS = ["(", ")", " ", ", ", "and ", "than ", "banking ", "Google's ", "LaMDA ", "58th", " to ", "about ",
         "$200", "12", "the ", "—", ": ", "retail", "x" * 30]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.data())
def test_label_bounds(parts, data):
    text = "".join(parts)
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    found = brackets.label(text, at)
    if found is None:
        return
    start, end = found
    assert 0 <= start < end <= at
    assert "(" in text[end:at]
    label = text[start:end]
    assert label == label.strip() and not any(ch.isdigit() for ch in label)
    assert len(label.split()) <= brackets.MOST_WORDS

"""The language guess that keeps factcheck from reading articles in other languages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.read.language import ENGLISH, OTHER, not_english

CASES = tomllib.loads((Path(__file__).parents[1] / "cases" / "language.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_language(case):
    assert not_english(case["text"]) is case["other"]


def test_word_lists_do_not_overlap():
    assert not ENGLISH & OTHER


@given(st.text())
def test_any_text_gets_an_answer(text):
    assert isinstance(not_english(text), bool)


@given(st.lists(st.sampled_from(sorted(ENGLISH)), min_size=8), st.lists(st.sampled_from(sorted(OTHER)), max_size=8))
def test_english_function_words_outweigh_a_few_foreign_ones(english, foreign):
    assert not not_english(" ".join(english + foreign))


@given(st.lists(st.sampled_from(sorted(OTHER)), min_size=8),
       st.lists(st.from_regex(r"[0-9][0-9,.]{0,6}%?", fullmatch=True), max_size=20))
def test_figures_do_not_make_a_foreign_text_english(foreign, figures):
    assert not_english(" ".join(foreign + figures))

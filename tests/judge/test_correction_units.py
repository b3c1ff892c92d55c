"""A correction keeps the article's unit and scale words (issue #12): "Fugaku delivered 999
petaflops" is corrected to "442.01 petaflops", not to a bare "442.01", and "2.1 exaflops"
(read as 2,100 PFlop/s) to "1.194 exaflops"; applied, the sentence checks as supported."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.judge.check import Engine
from factcheck.read.document import from_text
from factcheck.reference import library

CASES = [
    # (sentence, the figure as written, its correction)
    ("In November 2023, Fugaku delivered 999 petaflops on the HPL benchmark, according to the TOP500 list.",
     "999 petaflops", "442.01 petaflops"),
    ("In November 2023, Frontier delivered 2.1 exaflops on the HPL benchmark, according to the TOP500 list.",
     "2.1 exaflops", "1.194 exaflops"),
    ("Goldman Sachs said generative AI could raise global GDP by $9 trillion over ten years.",
     "$9 trillion", "$7 trillion"),
    ("Goldman Sachs said generative AI could raise global GDP by 9 percent over ten years.",
     "9 percent", "7%"),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.create(library.load(use_cache=False))


def _findings(engine: Engine, text: str):
    return engine.check(from_text(text, "article.md", as_of=dt.date(2024, 7, 1)))


@pytest.mark.parametrize("sentence, written, corrected", CASES, ids=[c[1] for c in CASES])
def test_a_correction_keeps_the_articles_unit_and_checks_as_supported(engine, sentence, written, corrected):
    [finding] = [f for f in _findings(engine, sentence) if f.claim.quantity.text == written]
    assert finding.verdict.value == "contradicted"
    start, end, text = finding.fix
    assert (sentence[start:end], text) == (written, corrected)
    fixed = sentence[:start] + text + sentence[end:]
    [again] = [f for f in _findings(engine, fixed) if f.claim.quantity.text == corrected]
    assert again.verdict.value == "supported"

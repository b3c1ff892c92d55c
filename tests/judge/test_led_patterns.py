"""The first-letter look-ahead on metricwords' per-claim patterns changes no match."""

import re

import pytest

from factcheck.judge.metricwords import CAUSE, NEGATED

TEXTS = [
    "Excluding the effects of generative AI, AI could add $11 trillion, thanks to productivity.",
    "Owing to strong demand and DUE TO exports, it rose; apart from Japan, not counting China.",
    "5without the boost, other than that, leaving out services, setting aside costs, before counting jobs.",
    "It fell because of weak sales — mainly for lack of investment, largely for cost, as a result of rates.",
    "On the back of growth and on the strength of ſales, driven by exports, before counting the rest.",
]


@pytest.mark.parametrize("pattern", [CAUSE, NEGATED])
def test_lookahead_changes_no_match(pattern):
    plain = re.compile(re.sub(r"^\(\?=\[[a-z]+\]\)", "", pattern.pattern), pattern.flags)
    assert plain.pattern != pattern.pattern
    for text in TEXTS:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text)):
            a, b = pattern.search(text, pos), plain.search(text, pos)
            assert (a and a.span()) == (b and b.span())

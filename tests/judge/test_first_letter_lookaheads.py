"""Patterns given a look-ahead for their first letters match exactly where they did.

``(?=[ti])\\b(?:the|this|…)`` lets the engine reject a place on one character instead of
trying every word there; it must change no match, whatever the case or script of the text
(``re.I`` folds "ſ" to "s" and "K" to "k" in a look-ahead as in a word). The patterns as
first written are kept here as oracles. ``counted_phrase`` reads a closing quote with
``match`` instead of ``sub`` (which tried every place for an anchored pattern).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import match, metricwords

PLAIN = {
    "GENERIC_REFERENCE": (match.GENERIC_REFERENCE, re.compile(
        r"\b(?:ranking|rankings|index|list|league table|scoreboard|survey|report|study|estimates?|projections?|forecasts?|edition"
        r"|(?:this|last|the\s+latest|the\s+new)\s+(?:year['’]s\s+)?results)\b", re.I)),
    "LIST_REFERENCE": (match.LIST_REFERENCE, re.compile(
        r"\b(?:the|this|that|its)\s+(?:(?:current|latest|new|newest|same|most\s+recent|\d{4}|this\s+year['’]s)\s+)?"
        r"(?:list|ranking|rankings|league\s+table|edition)\b", re.I)),
    "OTHER_MEASURE": (metricwords.OTHER_MEASURE, re.compile(
        r"\bin terms of\b|\bcategor(?:y|ies)\b|\bpillars?\b|\bsub-?factors?\b|\bsub-?index\b|"
        r"\bindicators?\b|\bcriteri(?:on|a)\b|\bwhen it comes to\b|\bmeasure of\b|\baspects?\b|\bdimensions?\b", re.I)),
}

WORDS = ["the", "This", "THAT", "its", "ranking", "rankings", "index", "list", "league table", "scoreboard",
         "survey", "report", "study", "estimate", "projections", "forecasts", "edition", "last", "latest", "new",
         "results", "year's", "current", "same", "most recent", "2024", "in terms of", "category", "categories",
         "pillar", "sub-factor", "subindex", "indicators", "criterion", "criteria", "when it comes to",
         "measure of", "aspects", "dimension", "ſurvey", "İndex", "ıts", "Kategory", "xthe", "listed", "the_list",
         "its list", "the ranking", "this edition", "that league table", "its 2024 ranking", "the latest results",
         "this year's results", "the most recent list", "ıts ranking", "the ſame list", "thiſ edition"]


def _cased(word: str, draw) -> str:
    return "".join(ch.upper() if draw(st.booleans()) else ch for ch in word)


@st.composite
def texts(draw):
    glue = st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", "(", ")", "’", "'", "_", "", "é", "9"])
    parts = [draw(glue)]
    for _ in range(draw(st.integers(0, 8))):
        parts.append(_cased(draw(st.sampled_from(WORDS)), draw) if draw(st.integers(0, 4)) else draw(st.text(max_size=4)))
        parts.append(draw(glue))
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(texts())
def test_lookaheads_change_no_match(text):
    for name, (new, plain) in PLAIN.items():
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in plain.finditer(text)], name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \n\"“”'‘’-_aZ9é"), max_size=12))
def test_closing_quote_by_match_as_by_sub(text):
    closing = metricwords.CLOSING_QUOTE.match(text)
    by_match = closing.group(1) + text[closing.end():] if closing else text
    assert by_match == metricwords.CLOSING_QUOTE.sub(r"\1", text)

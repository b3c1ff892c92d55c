"""A sentence the word test (``metricwords._may_hold``) turns away has no match to miss.

``_prepared`` searches for a cause ("because of …") and a negation ("excluding …") only
when the sentence holds one of the words every match holds (in ASCII text; other text is
always searched). The test must never turn away a sentence the pattern matches, whatever
its case, spacing or script.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.match import AIM_BEFORE, AIM_WORDS, SUBSET, SUBSET_WORDS
from factcheck.judge.metricwords import (
    CAUSE, CAUSE_BEFORE_WORD, CAUSE_MARKS, CAUSE_WORDS, NEGATED, NEGATION_WORDS, NEXT_FIGURE, NEXT_FIGURE_WORDS,
    OTHER_MEASURE, OTHER_MEASURE_WORDS, TOPIC_GATE, TOPIC_PHRASE, _ascii_lower, _may_hold)
from factcheck.judge.verdicts import REPORTED, REPORTED_GATE, SCENARIO_NOUN, SCENARIO_WORDS, _names_scenario

PHRASES = ["because", "thanks to", "due to", "driven by", "owing to", "as a result of", "on the back of",
           "on the strength of", "mainly for", "largely for", "excluding", "excludes", "exclude", "without",
           "other than", "apart from", "not counting", "leaving out", "setting aside", "before counting",
           "the effects of", "AI", "growth", "ſetting aside", "wİthout", "thanKs to", "becauſe", "dues", "owingto",
           "in terms of", "category", "categories", "pillar", "pillars", "sub-factor", "subfactors", "sub-index",
           "subindex", "indicator", "criterion", "criteria", "when it comes to", "measure of", "aspect", "dimensions",
           "in termſ of", "categorieſ", "aſpect", "scenario", "scenarios", "case", "cases", "projection", "variant",
           "low-demand scenario", "the upper case", "ſcenario", "caſe", "low IT-demand growth", "demand",
           "and", "while", "whereas", "AND the total was 5", "whereas its share is 3%", "while exports hit $4",
           "and", "whereaſ it stood at 7", "was 12", "the top 10 systems", "first five", "leading 500",
           "most powerful 20", "newly built machines", "accelerated systems", "GPU-based supercomputers", "Arm",
           "x86 computers", "these ones", "remaining entries", "newcomers", "new entries", "new entry",
           "systems using", "machines powered", "ſystems using", "ınstallations", "other installations", "ones",
           "bolstered by", "helped by", "amid", "held back by", "weighed down by", "boosted by", "ſaid to",
           "said to", "set to", "able to", "estimated at", "not yet reached", "not hit", "yet to deliver",
           "fell short of", "falls short of", "promised", "reportedly", "rumoured", "will", "expected",
           "with relation to", "with regard to", "with respect to", "in relation to", "as regards", "regarding",
           "on the employment scale", "in its labour market category", "for the sub-index", "the", "tax rate",
           "hinted", "hints", "might be", "may have", "might", "leaked", "is said to", "ſpeculation", "wıth regard to"]


@st.composite
def sentences(draw):
    glue = st.sampled_from([" ", "  ", "\n", "\t", "-", ", ", "(", "’", "_", "é", "9", ""])
    parts = [draw(glue)]
    for _ in range(draw(st.integers(0, 6))):
        phrase = draw(st.sampled_from(PHRASES)) if draw(st.integers(0, 3)) else draw(st.text(max_size=5))
        spaced = phrase.replace(" ", draw(st.sampled_from([" ", "  ", "\n", " \t"])))
        parts.append("".join(ch.upper() if draw(st.booleans()) else ch for ch in spaced))
        parts.append(draw(glue))
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(sentences())
def test_no_match_is_turned_away(text):
    _check_gates(text)


def test_no_phrase_alone_is_turned_away():
    """Each phrase alone, whatever its case (a mix of phrases mostly holds some word)."""
    for phrase in PHRASES:
        for text in (phrase, phrase.upper(), f" {phrase.title()} "):
            _check_gates(text)


GATES = ((CAUSE, CAUSE_WORDS), (NEGATED, NEGATION_WORDS), (OTHER_MEASURE, OTHER_MEASURE_WORDS),
         (SCENARIO_NOUN, SCENARIO_WORDS), (NEXT_FIGURE, NEXT_FIGURE_WORDS), (SUBSET, SUBSET_WORDS),
         (CAUSE_BEFORE_WORD, CAUSE_MARKS), (AIM_BEFORE, AIM_WORDS), (TOPIC_PHRASE, TOPIC_GATE),
         (REPORTED, REPORTED_GATE))
"""Each gated pattern with the words every match of it holds."""


def _check_gates(text):
    lowered = _ascii_lower(text)
    for pattern, words in GATES:
        if pattern.search(text):
            assert _may_hold(lowered, words), (pattern.pattern[:40], text)


def _plain_names_scenario(sentence: str, label: str) -> bool:
    """``verdicts._names_scenario`` as first written: the search on every sentence."""
    from factcheck.judge.verdicts import _LETTERS, SCENARIO_AFTER, SCENARIO_FILLER
    own = {w for w in _LETTERS.findall(label.lower()) if w not in SCENARIO_FILLER}
    return any(own & set(_LETTERS.findall(m.group(1).lower()))
               for pattern in (SCENARIO_NOUN, SCENARIO_AFTER) for m in pattern.finditer(sentence))


@settings(max_examples=400, deadline=None)
@given(sentences(), st.sampled_from(["low IT-demand growth scenario", "upper case", "Demand projection",
                                     "high variant", "ſlow caſe", "scenario"]))
def test_names_scenario_says_what_the_plain_search_said(text, label):
    assert _names_scenario(text, label) == _plain_names_scenario(text, label)


def test_a_sentence_without_the_words_is_turned_away():
    plain = "Japan ranked 29th in the 2022 edition, up from 31st."
    assert not _may_hold(plain.lower(), CAUSE_WORDS)
    assert not _may_hold(plain.lower(), NEGATION_WORDS)
    assert _ascii_lower("ſetting aside") is None and _may_hold(None, NEGATION_WORDS)  # always searched

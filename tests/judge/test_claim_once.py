"""Tests of the claim alone are worked out once per claim, not once per table.

``metricwords.choose_metrics`` runs for each table a claim may be checked against; what
it asks of the claim alone (``counted_phrase``, ``_pointing_back``, ``_bracket_label``,
``_measure_after``, ``_share_of_phrase``, ``_other_measure`` of the prepared text) is
kept with the claim's ``_prepared`` reading. The plain calls stay here as the oracle:
each kept answer is the one the plain call gives, and choosing a metric with the
readings kept gives what it gives with every reading worked out afresh, whatever order
claims and tables come in.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import metricwords
from factcheck.judge.metricwords import (
    _bracket_label, _measure_after, _other_measure, _other_measure_of, _pointing_back, _prepared,
    _share_of_phrase, choose_metrics, counted_phrase)

from ..helpers import shipped_engine, gold_claims


TESTS = (_pointing_back, _bracket_label, _measure_after, _share_of_phrase, _other_measure_of)


def _engine():
    return shipped_engine()


@lru_cache(maxsize=1)
def _claims():
    return [c for c in gold_claims() if c.quantity is not None]


def _plain(test, claim):
    """The test as first written, reading the claim itself."""
    if test is _other_measure_of:
        metricwords._LAST[:] = [None, None]
        return _other_measure(_prepared(claim).text, claim.quantity.span.end - claim.sentence.span.start)
    return test(claim)


def _claim(data):
    claims = _claims()
    claim = claims[data.draw(st.integers(0, len(claims) - 1))]
    if data.draw(st.booleans()):  # the same sentence read as another kind of figure: a new claim
        q = claim.quantity
        claim = replace(claim, quantity=replace(q, kind=data.draw(
            st.sampled_from(["number", "rank", "percent", "money", "quantity"]))))
    return claim


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_kept_answers_are_the_plain_ones(data):
    for _ in range(data.draw(st.integers(1, 4))):
        claim = _claim(data)
        prep = _prepared(claim)
        for test in data.draw(st.permutations(TESTS)):
            kept = prep.ask(test, claim)
            assert kept == _plain(test, claim)
            assert _prepared(claim).ask(test, claim) == kept
        assert prep.phrase == (counted_phrase(claim) if claim.quantity.kind == "number" else None)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_choosing_with_kept_answers_is_choosing_afresh(data):
    tables = list(_engine().library.tables.values())
    for _ in range(data.draw(st.integers(1, 4))):
        claim = _claim(data)
        for table in data.draw(st.lists(st.sampled_from(tables), min_size=1, max_size=4)):
            named = data.draw(st.booleans())
            kept = choose_metrics(table, claim, named, claim.source_distance)
            metricwords._LAST[:] = [None, None]  # every reading of the claim worked out afresh
            assert choose_metrics(table, claim, named, claim.source_distance) == kept

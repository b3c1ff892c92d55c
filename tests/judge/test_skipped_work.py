"""Work the judge skips could not have changed what it found.

Each shortcut is compared with the plain version it replaced, kept here as the oracle:

- ``Checker._named_publishers_tables`` tests the claim's own kind, range and role before
  the pass over the tables its sentence names (the plain guard made that pass first);
- ``metricwords._none_in``: when none of a table's metric words (or none of its loose
  words) stands in the sentence, every metric's set of words is ``absent`` and the passes
  over them are skipped;
- ``metricwords._other_figure_before`` searches ``OTHER_FIGURE_BEFORE`` only where a digit
  or an ordinal's word stands.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import roles
from factcheck.judge.metricwords import (
    OTHER_FIGURE_BEFORE, _keys_of, _none_in, _other_figure_before, _Words, _metric_kind_fits)
from factcheck.judge.verdicts import _significant_digits
from factcheck.reference import library

from ..helpers import shipped_engine, gold_claims


def _engine():
    return shipped_engine()


def _claims():
    return list(gold_claims())


def _plain_named(checker, claim) -> set[str]:
    """The guard of ``_other_publisher`` as first written: the named tables first."""
    q = claim.quantity
    named = {t for s in claim.sources if claim.source_distance <= 2 for t in s.tables}
    named = {t for t in named if any(_metric_kind_fits(q.kind, m, q.currency, q.unit)
                                     for m in checker.library.tables[t].metrics.values())}
    if (not named or q.kind not in ("money", "quantity", "percent") or q.range_of is not None
            or _significant_digits(q.text) < 3 or claim.role != roles.VALUE):
        return set()
    return named


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_named_publishers_tables_are_those_of_the_plain_guard(data):
    claims = _claims()
    claim = claims[data.draw(st.integers(0, len(claims) - 1))]
    q = claim.quantity
    q = replace(q, kind=data.draw(st.sampled_from([q.kind, "money", "quantity", "percent", "rank", "number"])),
                range_of=data.draw(st.sampled_from([q.range_of, None, (1.0, 2.0)])),
                text=data.draw(st.sampled_from([q.text, "$15.7 trillion", "7%", "2"])))
    claim = replace(claim, quantity=q, role=data.draw(st.sampled_from([claim.role, roles.VALUE, roles.CHANGE])),
                    source_distance=data.draw(st.sampled_from([claim.source_distance, 0, 3])))
    checker = _engine().checker
    assert checker._named_publishers_tables(claim) == _plain_named(checker, claim)


aliases = st.lists(st.text(st.sampled_from("abc -"), min_size=0, max_size=4), max_size=3)


@settings(max_examples=500, deadline=None)
@given(st.lists(aliases, max_size=5), st.none() | st.frozensets(st.text(st.sampled_from("abc "), max_size=4)))
def test_none_in_means_every_set_is_absent(alias_sets, present):
    sets = [_Words(a) for a in alias_sets]
    if _none_in(_keys_of(sets), present):
        assert all(w.absent(present) for w in sets)


def test_the_library_tables_words_hold_their_metrics_words():
    for table in library.load().tables.values():
        from factcheck.judge.metricwords import _reading
        reading = _reading(table)
        for sets, keys in ((reading.words.values(), reading.words_keys), (reading.loose.values(), reading.loose_keys)):
            for words in sets:
                assert words._matcher is None or (keys is not None and words.keys <= keys)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["14", "28th", "first", "First", "2023", "provinces", "for", "knowledge", " ",
                                 "  ", "-", "٣", "third", "and", "x", "1,069", ".", "tenths"]), max_size=10),
       st.integers(0, 30), st.integers(0, 30))
def test_other_figure_before_finds_what_the_plain_search_finds(parts, start, length):
    text = " ".join(parts)
    end = min(len(text), start + length)
    assert _other_figure_before(text, start, end) == bool(OTHER_FIGURE_BEFORE.search(text, start, end))

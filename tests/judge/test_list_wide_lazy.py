"""``match._list_wide_readings`` reads the claim only for what it has to: nothing when no
metric was chosen, and whether words by the figure rule out the list's ranking measure
only for a list-wide quantity that could still stand. The plain version (every test
worked out first) stays here as the oracle: both keep and drop the same readings, for
any list of chosen readings of any claim and list table.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import match
from factcheck.judge.match import list_wide_metrics
from factcheck.judge.metricwords import _excluded
from factcheck.model import Span

from ..helpers import shipped_engine, gold_claims, claims_in


def _engine():
    return shipped_engine()


@lru_cache(maxsize=1)
def _claims():
    # figures whose words rule out the TOP500's ranking measure (few gold articles have one)
    return [c for c in (*gold_claims(), *claims_in("ruled-out.txt", RULED_OUT)) if c.quantity is not None]


RULED_OUT = ("On the TOP500 list, the combined HPCG score was 21 petaflops. "
             "Aggregate TOP500 mixed precision hit 40 exaflops, "
             "while its aggregate performance reached 8.2 exaflops.\n")


@lru_cache(maxsize=1)
def _list_tables():
    lib = _engine().library
    return [t for t in lib.tables.values() if t.period_kind == "list" and list_wide_metrics(t, lib)]


def _plain(table, claim, chosen, list_wide, lib):
    """``_list_wide_readings`` as first written."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    near = text[max(0, q.span.start - base - match.NOT_WITH_REACH):q.span.end - base + match.NOT_WITH_REACH]
    ruled_out = any(_excluded(m, near) for m in table.metrics.values()
                    if m.default and m.kind == "quantity" and m.id not in list_wide)
    owned = match.owner_named(claim) or match._subset(table, claim)
    if not owned and not any(m.id in list_wide for m, _, _ in chosen):
        chosen = [match._as_list_total(table, claim, m, s, l, list_wide) for m, s, l in chosen]
    out, wide_spans = [], []
    for metric, span, loose in chosen:
        if metric.id in list_wide:
            if span is None or owned or (ruled_out and metric.kind == "quantity"):
                continue
            wide_spans.append(span)
        out.append((metric, span, loose))
    if wide_spans:
        out = [(m, s, l) for m, s, l in out if m.id in list_wide or s is None
               or not any(s == w or w.contains(s) for w in wide_spans)]
    return out


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_lazy_readings_are_the_plain_ones(data):
    lib = _engine().library
    claims, tables = _claims(), _list_tables()
    assert tables
    # half the time one of the figures the TOP500's ranking measure is ruled out for
    ruled = [c for c in claims if c.sentence.text in RULED_OUT]
    claim = data.draw(st.sampled_from(ruled) | st.sampled_from(claims))
    table = data.draw(st.sampled_from(tables))
    list_wide = list_wide_metrics(table, lib)
    base, n = claim.sentence.span.start, len(claim.sentence.text)
    spans = st.none() | st.tuples(st.integers(0, n), st.integers(0, n)).map(
        lambda ab: Span(base + min(ab), base + max(ab)))
    chosen = data.draw(st.lists(st.tuples(
        st.sampled_from(list(table.metrics.values())), spans, st.just(())), max_size=4))
    assert match._list_wide_readings(table, claim, list(chosen), list_wide, lib) == \
        _plain(table, claim, list(chosen), list_wide, lib)


def test_real_checks_reach_both_branches():
    """Some claims of the gold articles are ruled out by words by the figure, some not:
    the property above is not vacuous there."""
    lib = _engine().library
    seen = set()
    for claim in _claims():
        for table in _list_tables():
            seen.add(match._ruled_out(table, claim, list_wide_metrics(table, lib)))
    assert seen == {True, False}

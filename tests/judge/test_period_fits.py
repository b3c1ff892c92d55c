"""``PeriodChoice.accepted`` and ``accepts`` keep what their first, plainer versions kept.

They now look up whether a row's period fits the claim's time in a map filled the first
time each period is asked for (``periods._fits``), where the plain versions worked it out
again for every row. The plain versions are kept here as the oracle and compared on rows
of the library's own tables and on made-up periods (years, months, spans, horizons and
text that is none of them), with times of every kind, several times over so that the
lookups filled by one claim serve the next.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import periods
from factcheck.model import Span, TimeExpr
from factcheck.reference import library

KINDS = ["point", "by", "since", "span", "month", "relative", "horizon", "previous", "earlier", "event", "edition"]


@lru_cache(maxsize=1)
def _library():
    return library.load()


def _plain_matches_time(fact, table, time) -> bool:
    """``_matches_time`` as first written."""
    if time.kind in ("relative", "horizon"):
        return True
    if time.kind == "earlier":
        years = periods._period_years(fact.period if table.period_kind != "edition" else fact.edition)
        return years is not None and (time.end is None or years[1] < time.end)
    years = periods._period_years(fact.period if table.period_kind != "edition" else fact.edition)
    if years is None:
        return False
    start, end, month = years
    if time.kind == "month":
        return start == time.start and (month is None or month == time.month)
    if time.kind == "point":
        return start == end == time.start
    if time.kind == "by":
        return end == time.start
    if time.kind == "since":
        return start == time.start and end > start
    if time.kind == "span":
        return (start, end) == (time.start, time.end)
    return False


def _plain_accepts(choice, fact, table) -> bool:
    if choice.horizon is not None and table.period_kind == "horizon":
        if periods._horizon_years(fact.period) != choice.horizon:
            return False
    if choice.explicit is not None:
        return _plain_matches_time(fact, table, choice.explicit) and fact.edition not in choice.later
    return fact.edition not in choice.later


def _plain_accepted(choice, facts, table) -> list:
    return [f for f in facts if _plain_accepts(choice, f, table)]


years = st.integers(1995, 2032)
times = st.builds(
    lambda kind, start, length, month, n: TimeExpr(
        Span(0, 4), str(start), kind, start=start, end=None if kind == "earlier" and n == 3 else start + length,
        month=month, years=n),
    st.sampled_from(KINDS), years, st.integers(0, 3), st.none() | st.integers(1, 12), st.integers(1, 3))
periods_text = (years.map(str) | st.tuples(years, st.integers(1, 14)).map(lambda t: f"{t[0]}-{t[1]:02d}")
                | st.tuples(years, st.integers(0, 3)).map(lambda t: f"{t[0]}-{t[0] + t[1]}")
                | st.tuples(years, st.integers(0, 3)).map(lambda t: f"{t[0]} to {t[0] + t[1]}")
                | st.integers(1, 10).map(lambda n: f"{n} years") | st.sampled_from(["", " 2022 ", "n/a", "FY2023"]))


@settings(max_examples=300, deadline=None)
@given(st.data(), st.lists(st.tuples(st.lists(times, min_size=1, max_size=2), st.none() | st.integers(1, 10)),
                           min_size=1, max_size=4))
def test_accepted_keeps_what_the_plain_test_kept_on_the_library(data, claims):
    lib = _library()
    table = lib.tables[data.draw(st.sampled_from(sorted(lib.tables)))]
    metric = data.draw(st.sampled_from(sorted(table.metrics)))
    facts = data.draw(st.sampled_from([table.rows(None, metric), table.period_samples(metric)]))
    editions = sorted(table.editions)
    for claim_times, horizon in claims:
        later = tuple(data.draw(st.lists(st.sampled_from(editions), max_size=3))) if editions else ()
        choice = periods.PeriodChoice(claim_times[0], None, horizon, later)
        assert choice.accepted(facts, table) == _plain_accepted(choice, facts, table)
        assert [choice.accepts(f, table) for f in facts] == [_plain_accepts(choice, f, table) for f in facts]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(periods_text, st.sampled_from(["e1", "e2", "2021", "2022-06", "x"])), max_size=8),
       st.sampled_from(["edition", "list", "study", "horizon", "catalogue"]),
       st.lists(st.tuples(st.none() | times, st.none() | st.integers(1, 10),
                          st.lists(st.sampled_from(["e1", "e2", "2021", "x"]), max_size=2)), min_size=1, max_size=4))
def test_accepted_keeps_what_the_plain_test_kept_on_any_periods(rows, kind, choices):
    table = SimpleNamespace(period_kind=kind)
    facts = [SimpleNamespace(period=p, edition=e) for p, e in rows]
    for explicit, horizon, later in choices:
        choice = periods.PeriodChoice(explicit, None, horizon, tuple(later))
        assert choice.accepted(facts, table) == _plain_accepted(choice, facts, table)
        assert [choice.accepts(f, table) for f in facts] == [_plain_accepts(choice, f, table) for f in facts]

"""``periods.choose`` gives what its first, plainer version gave.

It was rewritten to run faster per candidate: the editions out by the article's day are
found by bisection over their publication days, and the editions of a named year are
looked up, where the plain version passed over every edition each time. The plain version
is kept here as the oracle and compared on the library's own tables, with times of every
kind and days from before the first edition to after the last.
"""

from __future__ import annotations

import datetime as dt
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


def _plain_choose(table, times, as_of, metric=None, entity=None) -> periods.PeriodChoice:
    """``choose`` as first written: a pass over the editions per call."""
    explicit = None
    horizon = None
    previous = any(t.kind == "previous" for t in times)
    for time in times:
        if time.kind in ("previous", "event", "edition"):
            continue
        if time.kind == "since" and table.period_kind in ("edition", "list"):
            continue
        if time.kind == "earlier":
            explicit = explicit or time
            continue
        if time.kind == "horizon":
            horizon = horizon or time.years
        elif time.kind == "relative" and as_of is not None and (time.years or 0) > 1:
            explicit = explicit or TimeExpr(time.span, time.text, "recent", start=as_of.year - time.years,
                                            end=as_of.year, years=time.years)
        elif time.kind == "relative" and as_of is not None and time.offset is not None and time.years == 1:
            year = as_of.year - time.offset
            explicit = explicit or TimeExpr(time.span, time.text, "point", start=year, end=year)
        elif time.kind != "relative":
            explicit = explicit or time
    current, later = None, ()
    if as_of is not None and table.editions:
        ordered = periods._editions_in_order(table, metric, entity).editions
        day = as_of.isoformat()
        published = [e for e in ordered if e.published and e.published[:10] <= day]
        out = {e.id for e in published}
        later = tuple(e.id for e in ordered if e.id not in out)
        if published:
            current = published[-1].id
            before = next((t.end for t in times if t.kind == "previous" and t.end), None)
            ended = next((t.start or as_of.year - t.offset for t in times
                          if t.kind == "previous" and (t.start or t.offset)), None)
            ids = tuple(e.id for e in published)
            of_year = [i for i, e in enumerate(published) if (e.published or "")[:4] == str(ended)]
            if previous and explicit is None and ended and len(of_year) != 1:
                explicit = TimeExpr(times[0].span, "an earlier edition", "earlier", end=ended)
            elif previous and explicit is None and ended:
                # the edition before the one the change ended in; none when it is the first
                current = ids[of_year[0] - 1] if of_year[0] else None
                later = later + ids[of_year[0]:]
            elif previous and explicit is None and before and (published[-1].published or "")[:4] != str(before):
                explicit = TimeExpr(times[0].span, "an earlier edition", "earlier", end=before)
            elif previous and explicit is None and len(published) > 1:
                current = published[-2].id
                later = later + (published[-1].id,)
            elif previous and explicit is None:
                current = None
                later = later + (published[-1].id,)
    unheld = None
    if current is not None and explicit is None and not previous and metric \
            and table.period_kind in ("edition", "list"):
        # the newest edition out by the article's day, of the whole table: when it came out
        # after the newest one with rows for the metric, the metric's current figure is unheld
        out_by = [e for e in table.edition_order() if e.published and e.published[:10] <= as_of.isoformat()]
        held_day = table.editions[current].published[:10]
        if out_by and out_by[-1].published[:10] > held_day:
            unheld = out_by[-1].id
    named = next((t for t in times if t.kind == "edition"), None)
    if named is not None and table.editions:
        of_year = [e.id for e in table.edition_order() if e.published[:4] == str(named.start)]
        if of_year:
            if table.period_kind in ("edition", "list") and explicit is None:
                explicit = TimeExpr(named.span, named.text, "point", start=named.start, end=named.start)
            else:
                later = tuple(e.id for e in table.edition_order() if e.id not in of_year)
                current = of_year[-1] if explicit is None else current
    return periods.PeriodChoice(explicit, current, horizon, later, unheld)


years = st.integers(1995, 2032)
times = st.builds(
    lambda kind, start, length, month, offset, n: TimeExpr(
        Span(0, 4), str(start), kind, start=start, end=None if kind == "earlier" and n == 3 else start + length,
        month=month, years=n, offset=offset),
    st.sampled_from(KINDS), years, st.integers(0, 3), st.none() | st.integers(1, 12),
    st.none() | st.integers(0, 2), st.integers(1, 3))


@settings(max_examples=400, deadline=None)
@given(st.data(), st.lists(times, max_size=3),
       st.none() | st.dates(dt.date(1995, 1, 1), dt.date(2032, 12, 31)))
def test_choose_picks_what_the_plain_pass_picked(data, claim_times, as_of):
    lib = _library()
    table = lib.tables[data.draw(st.sampled_from(sorted(lib.tables)))]
    metric = data.draw(st.none() | st.sampled_from(sorted(table.metrics)))
    entity = data.draw(st.none() | st.sampled_from(sorted(table.known_entities)))
    times_ = tuple(claim_times)
    assert periods.choose(table, times_, as_of, metric, entity) == _plain_choose(table, times_, as_of, metric, entity)


class _Stub:
    """The little of a table ``choose`` reads, with editions some of which have no date."""

    def __init__(self, published: list[str], period_kind: str):
        self.editions = {f"e{i}": SimpleNamespace(id=f"e{i}", published=p) for i, p in enumerate(published)}
        self.period_kind = period_kind
        self._index = {}

    def edition_order(self):
        return tuple(sorted(self.editions.values(), key=lambda e: (e.published, e.id)))

    def editions_with(self, metric):
        return frozenset(self.editions)


dates = st.dates(dt.date(1995, 1, 1), dt.date(2032, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.just("") | dates.map(str) | dates.map(lambda d: f"{d}T09:00:00") | years.map(str),
                min_size=1, max_size=8),
       st.sampled_from(["edition", "list", "study"]), st.lists(times, max_size=3), st.none() | dates)
def test_choose_skips_undated_editions_as_the_plain_pass_did(published, kind, claim_times, as_of):
    times_ = tuple(claim_times)
    assert periods.choose(_Stub(published, kind), times_, as_of, "m") == _plain_choose(
        _Stub(published, kind), times_, as_of, "m")

"""Streaks (``judge.streak``): the phrase's length, the place held and the tables' run."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.judge import streak
from factcheck.judge.check import Engine
from factcheck.model import Span
from factcheck.read.document import from_text
from factcheck.reference import library


@pytest.fixture(scope="module")
def lib():
    return library.load()


@pytest.fixture(scope="module")
def engine(lib):
    return Engine.create(lib)


def _record(engine, text: str, as_of: str = "2023-06-01"):
    findings = engine.check(from_text(text, "t.md", as_of=dt.date.fromisoformat(as_of)))
    records = [f.claim for f in findings if f.claim.role == "record"]
    assert records, text
    return records[0]


@pytest.mark.parametrize("text, length, exact, unit", [
    ("Frontier topped the TOP500 list for the seventh straight year.", 7, True, "year"),
    ("Frontier topped the TOP500 list for the 3rd consecutive time.", 3, True, "edition"),
    ("Singapore led the ranking for the second year in a row.", 2, True, "year"),
    ("Frontier has topped the TOP500 list four times in a row.", 4, False, "edition"),
    ("Frontier has led five consecutive lists.", 5, False, "edition"),
])
def test_the_stated_streak(engine, text, length, exact, unit):
    said = streak.stated(_record(engine, text))
    assert (said.length, said.exact, said.unit) == (length, exact, unit)


@pytest.mark.parametrize("text", [
    "Fugaku topped the TOP500 list for the second time.",  # not said to be in a row
    "Fugaku held the top spot on the TOP500 list for four consecutive lists.",  # the place's run (tenure)
])
def test_no_streak(engine, text):
    assert streak.stated(_record(engine, text, "2021-12-01")) is None


@pytest.mark.parametrize("head, place", [
    ("Frontier topped the list ", 1), ("Hong Kong ranked second in the ranking ", 2),
    ("Japan remained in 29th place ", 29), ("The system is No. 3 ", 3),
    ("Japan fell to 29th ", None), ("Fugaku is no longer the top system ", None),
    ("Japan published its report ", None),
])
def test_the_place_held(engine, head, place):
    claim = _record(engine, "Frontier topped the TOP500 list for the third consecutive time.")
    text = head + "for the third consecutive time."
    moved = replace(claim, sentence=replace(claim.sentence, text=text, span=Span(0, len(text))),
                    quantity=replace(claim.quantity, span=Span(len(head), len(text) - 1)))
    assert streak.place_held(moved) == place


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_the_place_held_reads_any_text(engine, text):
    claim = _record(engine, "Frontier topped the TOP500 list for the third consecutive time.")
    moved = replace(claim, sentence=replace(claim.sentence, text=text, span=Span(0, len(text))),
                    quantity=replace(claim.quantity, span=Span(len(text), len(text))))
    place = streak.place_held(moved)
    assert place is None or place >= 1


def test_a_countrys_run_of_systems_and_its_calendar_years(lib):
    top500 = lib.tables["top500"]
    holders = streak.holder_rows(top500, "rank", 1)

    def chinese(edition):
        row = holders.get(edition)
        return ... if row is None else (row if streak._country_of(top500, row.entity, edition) == "China" else None)

    run = streak.run_back(top500, "2016-06", chinese)
    assert [f.edition for f in run.rows][0] == "2013-06" and len(run.rows) == 7 and run.known_start
    assert streak.lengths(top500, run, "year") == {4}
    assert streak.lengths(top500, run, "edition") == {7}


def test_an_edition_not_held_gives_no_run(lib):
    top500 = lib.tables["top500"]
    holders = streak.holder_rows(top500, "rank", 1)
    assert streak.run_back(top500, "2012-06", lambda e: holders[e] if holders[e].entity == "Titan" else None) is None

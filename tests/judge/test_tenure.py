"""How long a place was held (``judge.tenure``): the run of editions the tables give."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.judge import tenure
from factcheck.reference import library


@pytest.fixture(scope="module")
def top500():
    return library.load().tables["top500"]


def _held(text: str):
    m = tenure.HELD_FOR.match(text)
    assert m is not None, text
    return m


def test_the_run_of_a_place_is_its_consecutive_editions(top500):
    run = tenure.run_of(top500, "Fugaku", "rank", 1.0, dt.date(2022, 11, 30))
    assert [f.edition for f in run] == ["2020-06", "2020-11", "2021-06", "2021-11"]


def test_a_run_not_begun_by_the_article_date_is_not_used(top500):
    assert tenure.run_of(top500, "Frontier", "rank", 1.0, dt.date(2021, 1, 1)) is None


@pytest.mark.parametrize("said, fits", [
    (" for two years", True), (" for four consecutive lists", True), (" for 2 years", True),
    (" for several years", False), (" for three lists", False), (" for a couple of years", True),
    (" for 24 months", True), (" for five years", False),
])
def test_the_stated_length_against_the_run(top500, said, fits):
    run = tenure.run_of(top500, "Fugaku", "rank", 1.0, dt.date(2022, 11, 30))
    assert tenure.fits(_held(said), run, top500) is fits


def test_a_list_and_a_half_rounds_either_way(top500):
    run = tenure.run_of(top500, "Fugaku", "rank", 1.0, dt.date(2022, 11, 30))[:3]
    assert tenure.fits(_held(" for two years"), run, top500)
    assert tenure.fits(_held(" for 1 years"), run, top500)
    assert tenure.length_words(_held(" for three lists"), run, top500) == "3 lists"

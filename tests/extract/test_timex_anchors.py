"""A pattern of ``timex`` that needs a year is searched for from a little before each year
(``timex._from_years``, ``timex.LEADS``) in a text with no two white-space characters in a
row: the matches must be those of the plain ``finditer``, kept here as the oracle, and the
time expressions those found with every pattern searched for plainly."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import timex
from .test_timex_gates import EXPRESSIONS, PIECES, SENTENCES, disguised, outcome

# The longest words each pattern can hold before its year, in every case and look-alike.
LONGEST = ["22nd September., 2023", "22nd September, 2023", "September. 22nd, 2023", "September 22nd 2023", "2023-05-22", "since September. of 2022",
           "September. of 2021", "between 2019 and 2021", "Between 2019 – 2021", "through the end of 2030",
           "THROUGH THE END OF 2030", "since 2017", "from 2015", "fiscal year 2022", "Fiscal Year2022", "FY2023",
           "in 2022", "until the end of 2025", "2019-20", "1999 to 2001"]
WORST = st.one_of(disguised(), st.sampled_from(LONGEST), st.sampled_from(PIECES))
SINGLE_SPACED = st.lists(st.tuples(WORST, st.sampled_from([" ", "", "\n", ", ", "-", "\t"])), max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts))


def single_spaced(text: str) -> str:
    return re.sub(r"\s+", lambda m: m.group(0)[0], text)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(SINGLE_SPACED, SENTENCES.map(single_spaced)))
def test_searching_from_before_each_year_finds_every_match(text):
    assert timex.SPACE_RUN.search(text) is None
    for (kind, pattern), lead in zip(timex.PATTERNS, timex.LEADS):
        if lead:
            anchored = [(m.span(), m.groupdict()) for m in timex._from_years(pattern, text, lead, timex.ANY_YEAR.search(text))]
            assert anchored == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], kind


def searched_plainly(text: str):
    space_run = timex.SPACE_RUN
    timex.SPACE_RUN = re.compile(r"(?s)|")  # found in every text: no pattern searched from its years
    try:
        return outcome(text)
    finally:
        timex.SPACE_RUN = space_run


@settings(max_examples=1000, deadline=None)
@given(st.one_of(SINGLE_SPACED, SENTENCES))
def test_time_expressions_are_those_found_plainly(text):
    assert outcome(text) == searched_plainly(text)


def test_the_leads_are_the_longest_openings():
    """Each lead is reached: one character less misses a match of the longest opening."""
    for text, kind in [("On 22nd September., 2023 it", "date"), ("it has since September. of 2022", "since_month"),
                       ("in September. of 2021 it", "month"), ("it rose between 2019 and 2021", "span"),
                       ("reach it through the end of 2030.", "by"), ("it grew since 2017", "since"),
                       ("in fiscal year 2022 it", "fiscal")]:
        index = [k for k, _ in timex.PATTERNS].index(kind)
        pattern, lead = timex.PATTERNS[index][1], timex.LEADS[index]
        year = timex.ANY_YEAR.search(text)
        assert [m.span() for m in timex._from_years(pattern, text, lead, year)] == \
            [m.span() for m in pattern.finditer(text)] != []
        assert pattern.finditer(text).__next__().start() == year.start() - lead, kind

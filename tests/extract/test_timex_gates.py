"""Time expressions: a pattern is skipped in a sentence that lacks what every match of it
holds (a year in digits, a word such as "year"). Skipping must never change what is found:
the same sentences with every pattern tried give the same time expressions, whatever the
case and whatever Unicode look-alikes a pattern that folds case accepts ("ſ" for "s")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import timex
from ..helpers import disguised as _disguised, gates_open

PIECES = [
    "since", "Since", "SINCE", "ſince", "from", "in", "by", "until", "through", "between", "and", "to",
    "2019", "2023", "1999", "2030", "２０２３", "20", "23", "-", "–", "—", "FY", "fy", "Fiscal", "fiscal year",
    "fiſcal", "May", "MAY", "June", "Sept.", "22", "3rd", "last", "this", "next", "previous", "year", "YEAR",
    "yeaR", "years", "yearſ", "year's", "a", "one", "ago", "earlier", "before", "the", "edition", "prior",
    "currently", "CURRENTLY", "at present", "preſently", "as of now", "right now", "Now", "back then",
    "at that time", "in those days", "dayſ", "over", "within", "during", "the next", "the coming",
    "five", "ten", "twenty", "decade", "DECADE", "-year", "-YEAR", "period", "horizon", "span",
    "past", "paſt", "tokens", "%", "percent", "began", "launched", "study", "report", "K", "İ", "ı",
    "é", "’", "$", ".", ",", "began", "begun", "started", "launched", "founded", "established", "created",
    "introduced", "inaugurated", "first published", "set up", "opened", "born", "debuted", "launch", "inception",
    "introduction", "creation", "beginning", "start", "founding", "first edition", "first list", "first ranking",
    "study", "Report", "survey", "estimates", "update", "projections", "forecast", "paper", "white paper",
    "booklet", "METI's", "1950", "2048",
]
# Whole expressions of every pattern, so that each is tried, then disguised.
EXPRESSIONS = [
    "22 May 2023", "May 22, 2023", "2023-05-22", "since May 2022", "in June of 2021", "2020-23", "between 2019 and 2021",
    "from 2018 to 2020", "by the end of 2030", "until 2025", "in 2022", "since 2017", "from 2015", "FY2023",
    "fiscal year 2022", "in the past five years", "over the last 10 years", "during the preceding two years", "last year's", "this year", "next year",
    "a year earlier", "one year ago", "the edition before", "the prior year", "currently", "at present",
    "presently", "as of now", "right now", "back then", "at that time", "by then", "in those days",
    "over the next decade", "within the coming five years", "in the next 3-year period", "a five-year horizon",
    "over 10 years", "2048 tokens", "the ranking began in 2017", "the 2023 report", "2030",
]
LOOK_ALIKES = {"s": "ſ", "k": "K", "i": "ı", "I": "İ", "2": "２", "-": "–"}


def disguised():
    return _disguised(EXPRESSIONS, LOOK_ALIKES)


SEPARATORS = [" ", " ", "", "\n", "-", ", "]
SENTENCES = st.lists(st.tuples(st.one_of(st.sampled_from(PIECES), disguised()), st.sampled_from(SEPARATORS)),
                     max_size=12).map(lambda parts: "".join(p + s for p, s in parts))


def outcome(text: str):
    try:
        return timex.find(text, 7)
    except KeyError:  # the same failure either way ("thiſ year" is no key of the word tables)
        return "KeyError"


def every_pattern_tried(text: str):
    needs = timex.NEEDS
    timex.NEEDS = [(False, None, None)] * len(needs)
    try:
        with gates_open():  # the gates on years and on the words next to them
            return outcome(text)
    finally:
        timex.NEEDS = needs


@settings(max_examples=1500, deadline=None)
@given(SENTENCES)
def test_skipping_patterns_changes_nothing(text):
    assert outcome(text) == every_pattern_tried(text)


def test_look_alikes_still_found():
    assert [t.kind for t in timex.find("ſince 2019 it grew")] == ["since"]
    assert [t.years for t in timex.find("in the paſt two yearſ")] == [2]
    assert [t.years for t in timex.find("a five-YEAR period")] == [5]


EVENTS = ["began", "begun", "started", "launched", "founded", "established", "created", "introduced",
          "inaugurated", "first published", "set up", "opened", "born", "debut", "debuted", "launch", "inception",
          "introduction", "creation", "beginning", "start", "founding", "first edition", "first list", "first ranking"]
EDITIONS = ["study", "report", "survey", "estimate", "estimates", "update", "projection", "projections", "forecast",
            "forecasts", "paper", "edition", "white paper", "booklet"]


def test_every_event_and_edition_word_opens_its_gate():
    for word in EVENTS:
        for text in (f"The list was {word} in 2019", f"it was {word} by 2019", f"{word.upper()} 2019"):
            assert outcome(text) == every_pattern_tried(text), text
            assert outcome(text)[0].kind == "event", text
    for word in EDITIONS:
        for text in (f"METI's 2019 {word}", f"the 2019 Annual {word.title()}"):
            assert outcome(text) == every_pattern_tried(text), text
            assert outcome(text)[0].kind == "edition", text

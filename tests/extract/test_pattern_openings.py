"""Patterns rewritten to open with their first character (so the regex engine searches for
that character only) instead of a word boundary or a look-behind: each must find exactly
what the pattern as first written finds, in any text — boundaries, digits of other
scripts, look-alike letters, underscores, currency signs, line breaks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import claims, entities, folding, numbers, roles, sentences, timex

YEAR = timex.YEAR
FIRST_WRITTEN = {
    "CAPITALISED": (entities.CAPITALISED, re.compile(r"\b[A-Z][a-z]{4,}\b")),
    "year": (dict(timex.PATTERNS)["year"], re.compile(
        rf"(?<![\w$€£¥-])(?<!\d[.,])(?P<year>{YEAR})(?![\w%-]|[.,]\d|\s*(?:%|percent|per cent|million|billion|"
        rf"trillion|{timex.MEASURE_NOUNS})\b)")),
    "EDITION_NUMBER": (roles.EDITION_NUMBER, re.compile(
        r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th))\s+(?:(?:TOP500|Green500|annual)\s+)?(?:edition|list|iteration)\b", re.I)),
    "CLAUSE_CUT": (claims.CLAUSE_CUT, re.compile(
        r"(?=[;,wbcva])(?:"
        r";|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared with\b|\bversus\b|\bvs\.?|\b(?:after|before)\s+(?=\w+ing\b)"
        r"|,\s+(?=(?:reaching|bringing|taking|pushing|lifting|rising\s+to|with\s+plans|with\s+an?\s+(?:goal|"
        r"target|plan|aim))\b))")),
    "DIGIT_ORDINAL_FIRST": (numbers.DIGIT_ORDINAL_FIRST, re.compile(
        r"(?<![\w/-])(?P<ord>\d{1,4}(?:st|nd|rd|th))(?!\w|-(?!place\s+(?:ranking|rank|position|standing)\b))", re.I)),
    "BARE_PLACE": (numbers.BARE_PLACE, re.compile(
        r"(?<![\w.,+\-−–])(?P<n>\d{1,3})\s+(?:position|place|spot|rank)\b(?![-\w])", re.I)),
    "BOUNDARY": (sentences.BOUNDARY, re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")),
}

PIECES = [
    "Japan", "Singapore", "Aaaaa", "AAAAA", "Ab", "_", "x", "9", "٣", "２", "1999", "2023", "2030", "1950", "19", "20",
    "3rd", "55th", "64TH", "1st", "1234th", "12345th", "/", "2nd-", "29ſt", "3ᴿd", "edition", "list", "LIST", "iteration", "TOP500", "annual", "while", "whereas",
    "but", "But", "compared with", "versus", "vs", "vs.", "after", "before", "taking", "reaching", "with plans",
    "with a goal", "rising to", "ing", "$", "€", "-", ".", ",", ";", "%", "percent", "tokens", "million", "é", "ſ",
    "\u212a", "İ", "ı", "’", "'", "!", "?", "...", "…", ".”", "?)", ".]", "\"", "“", "(", "[", "A", "The",
    "place", "PLACE", "position", "spot", "spots", "rank", "ranked", "ranking", "-place", "7", "123", "+", "−", "–",
]
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", " ", "\n", "-", ",", "."])),
                 max_size=14).map(lambda parts: "".join(p + s for p, s in parts))


def found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(TEXTS, st.text(max_size=40)))
def test_rewritten_patterns_find_what_the_first_written_found(text):
    for name, (rewritten, first) in FIRST_WRITTEN.items():
        assert found(rewritten, text) == found(first, text), name


@settings(max_examples=1500, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(0, 80))
def test_sentence_boundaries_inside_a_block(text, start, end):
    """``BOUNDARY`` is searched between a block's start and end: it must look before the
    start and stop at the end exactly as first written."""
    rewritten, first = FIRST_WRITTEN["BOUNDARY"]
    assert ([m.span() for m in rewritten.finditer(text, start, end)]
            == [m.span() for m in first.finditer(text, start, end)])


FIGURE_PIECES = ["$2.6", "US$", "usd 5", "HK$3", "€4", "٣٠", "２．６", "1,069,056", ".5", "7%", "3 percent", "4 pp",
                 "5 billion", "6bn", "7m", "8 m", "9 trillion yen", "2 dollars", "x", "a", "-", "/", ",", ".", "B",
                 "Scenario 1", "GPT-4", "5-year", "one", "Ten", "often", "done", "twenty", "dozen", "ſix"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIGURE_PIECES), st.sampled_from(["", " ", " ", "\n", "-"])),
                max_size=10).map(lambda parts: "".join(p + s for p, s in parts)))
def test_figures_in_digits_where_no_number_word_stands(text):
    """FIGURE without its number words finds what FIGURE finds in text holding none."""
    if folding.holds_any(folding.folded(text), numbers.FIGURE_WORDS):
        return
    assert found(numbers.FIGURE_IN_DIGITS, text) == found(numbers.FIGURE, text)


LEAD_PIECES = [*FIGURE_PIECES, "USD .5", "usd\t.5", "UſD", "NT$ .7", "nt$", "HK$.", "EUR", "rmb ", "CNY\n", "C$", "A$",
               "S$", "JPY", "GBP", "¥", "₩", "₹", "£", ".", "..", "A100", "MN-3", "x2", "_3", "3_", "12.", "4,5"]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.lists(st.tuples(st.sampled_from(LEAD_PIECES), st.sampled_from(["", " ", " ", "\n", "-", ".", ","])),
             max_size=12).map(lambda parts: "".join(p + s for p, s in parts)),
    st.text(max_size=40)))
def test_figures_searched_from_before_each_digit(text):
    """``_figures_in_digits`` starts each search a little before the next digit: it must
    find what searching the whole text finds."""
    assert ([(m.span(), m.groupdict()) for m in numbers._figures_in_digits(text)]
            == found(numbers.FIGURE_IN_DIGITS, text))

"""Word gates before costly patterns (``factcheck/extract/folding.py``): a sentence skips a
pattern when it lacks every word that each match of the pattern holds. Skipping must never
change what is found: the folded text holds every word a case-folding pattern would find,
and figures, ranks and records come out the same with every gate open."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import claims, folding, numbers, roles, timex
from ..helpers import disguised as _disguised, gates_open as every_gate_open

GATE_WORDS = sorted({w for words in (
    roles.EDITION_NUMBER_WORDS, roles.RECORD_CLAIM_WORDS, roles.SUPERLATIVE_WORDS, numbers.TOPPED_WORDS,
    numbers.NUMBER_ONE_WORDS, numbers.NUMBER_ONE_PLAIN, numbers.NUMBER_ONE_TOP_WITH, numbers.FRACTION_WORDS, numbers.FIGURE_WORDS, numbers.ORDINAL_WORDS, *(words for _, *both in timex.NEEDS for words in both if words))
    for w in words})


def test_every_look_alike_of_an_ascii_letter_is_folded():
    every = "".join(map(chr, range(0x110000)))
    for ch in string.ascii_lowercase + string.digits + "-.#":
        for found in re.findall(re.escape(ch), every, re.I):
            assert ch in folding.folded(found), (ch, hex(ord(found)))


LOOK_ALIKES = {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ"}


def disguised(phrases):
    return _disguised(phrases, LOOK_ALIKES)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(disguised(GATE_WORDS), st.text(max_size=4)), max_size=8).map("".join))
def test_a_word_a_pattern_finds_is_in_the_folded_text(text):
    low = folding.folded(text)
    for word in GATE_WORDS:
        if re.search(re.escape(word), text, re.I):
            assert folding.holds_any(low, [word]), word


GATES = [*(value for module in (claims, numbers, roles, timex) for value in vars(module).values()
           if isinstance(value, folding.Words)), *(words for _, *both in timex.NEEDS for words in both if words)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted({w for words in GATES for w in words})), st.text(max_size=4)),
                max_size=12).map("".join))
def test_held_finds_what_looking_word_by_word_finds(text):
    # (twice: the second answer is the one kept for the text; and one other text between)
    for again in (text, text, text + "q", text):
        found = folding.held(again)
        for words in GATES:
            assert bool(found & words.mask) == any(word in again for word in words), (again, words)


def test_held_reads_a_lone_surrogate():
    text = "\ud800 the third one since"
    assert folding.held(text) & numbers.ORDINAL_WORDS.mask
    assert folding.held(text) & numbers.FIGURE_WORDS.mask
    assert not folding.held(text) & roles.KEPT_WORDS.mask


PHRASES = [
    # records and firsts, superlatives, edition numbers (roles.superlatives)
    "its worst place since the rankings began", "the lowest ever", "for the first time in a row",
    "the first Japanese machine to top the list", "the only system", "four lists in a row",
    "three consecutive years", "no longer the world's fastest", "has held it since June 2022",
    "has been on the list since 1993", "the most powerful machine in Europe", "the biggest riser",
    "the most notable improvement", "most-improved", "the steepest fall", "the 55th edition of the list",
    "the 64th TOP500 list", "the strongest showing yet",
    # ranks and fractions (numbers.find)
    "took spots 3 and 4", "in places 2, 5 and 9", "positions 1 & 2", "topped the TOP500 list",
    "heads the ranking", "No. 1", "no.3", "number one spot", "at number two", "number 1.", "#2 on the list",
    "the top spot", "pole position", "top-ranked", "came top", "finished top", "its place at the top of the list",
    "reached the top of the ranking", "half of firms", "two-thirds of workers", "a quarter of", "one-fifth (20%)",
    "a tenth of", "32nd place", "third", "28th out of 63",
    # figures and ordinals in every form (numbers.find, numbers._ranks)
    "twenty-eighth place", "ranked nineteenth", "the fortieth", "seventy-first", "21st", "２９th", "3rd of 64",
    "zero", "a dozen", "hundred", "a hundred million", "a dozen billion", "seventy-five", "eleven", "1,069,056 cores", ".5%", "２．６", "٣٠ percent",
    "$2.6 trillion", "¥7 trillion", "300 million jobs", "65-70%", "between 160,000 and 790,000",
]
FILLER = ["Japan", "rose", "fell", "to", "from", "29th", "7%", "$2.6 trillion", "and", ",", ".", "the", "é", "’"]
SENTENCES = st.lists(st.tuples(st.one_of(disguised(PHRASES), st.sampled_from(FILLER)),
                               st.sampled_from([" ", " ", "", ", ", "\n"])), max_size=10).map(
    lambda parts: "".join(p + s for p, s in parts))


def outcome(find, text):
    try:
        return find(text)
    except KeyError:
        # The same failure either way: a look-alike letter matched by a pattern that folds
        # case is no key of the word tables ("$2.6 trillıon"); any other error fails the test.
        return "KeyError"


def gates_open(find, text):
    with every_gate_open():
        return outcome(find, text)


@settings(max_examples=1500, deadline=None)
@given(SENTENCES)
def test_gates_change_no_figure_rank_or_record(text):
    for find in (lambda t: roles.superlatives(t, 5), lambda t: numbers.find(t, 5), lambda t: list(numbers._ranks(t))):
        assert outcome(find, text) == gates_open(find, text)


EVERY_PLACE = re.compile(r"(?s).")
"""``numbers.ANY_DIGIT`` as if a digit stood everywhere: ``find`` then skips nothing for
want of a digit, and ``_figures_in_digits`` searches from where the last match ended, as
``FIGURE_IN_DIGITS.finditer`` does."""


def digit_gates_open(find, text):
    any_digit = numbers.ANY_DIGIT
    numbers.ANY_DIGIT = EVERY_PLACE
    try:
        return gates_open(find, text)
    finally:
        numbers.ANY_DIGIT = any_digit


@settings(max_examples=1500, deadline=None)
@given(st.one_of(SENTENCES, SENTENCES.map(lambda t: "".join(ch for ch in t if not ch.isdigit()))))
def test_a_sentence_without_a_digit_or_a_number_word_skips_every_pattern(text):
    """``numbers.find`` stops at once in a sentence with no digit and none of the words its
    other gates wait for (``WORDED``); and skips the patterns of digits in one with no digit.
    Every figure and rank is the same with every gate open and a digit taken to stand
    everywhere."""
    for find in (lambda t: numbers.find(t, 5), lambda t: list(numbers._ranks(t)),
                 lambda t: [m.span() for m in numbers._figures_in_digits(t)]):
        assert outcome(find, text) == digit_gates_open(find, text)
    for find in (lambda t: roles.superlatives(t, 5), lambda t: timex.find(t, 5)):
        assert outcome(find, text) == gates_open(find, text)


TOP_PHRASES = ["topped the TOP500 list", "tops the list", "topping the ranking", "headed the index", "heads the chart",
               "heading the league table", "TOP500", "Top500's", "top500", "the top spot", "top-ranked", "top ranked",
               "came top", "finished top", "came top-", "reached the top of the list", "its place at the top of the table",
               "in top place", "took top position", "at the top", "topless", "stop", "laptops", "No. 1", "number one spot",
               "pole position", "#1 on the list", "ranked", "came", "place", "spot", "reached", "finished", "position"]
TOP_SENTENCES = st.lists(st.tuples(st.one_of(disguised(TOP_PHRASES), st.sampled_from(FILLER)),
                                   st.sampled_from([" ", "", ", ", "\n", "-", "."])), max_size=10).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=1500, deadline=None)
@given(TOP_SENTENCES)
def test_top_gates_change_no_rank(text):
    """TOPPED is gated on "topp", "tops" and "head", and NUMBER_ONE's "top" on a "top" no
    word character follows (``TOP_ALONE``): ranks are the same with every gate open and
    with ``TOP_ALONE`` found in every text."""
    top_alone = numbers.TOP_ALONE
    for find in (lambda t: list(numbers._ranks(t, offset=5)), lambda t: numbers.find(t, 5)):
        plain = gates_open(find, text)
        numbers.TOP_ALONE = re.compile("")
        try:
            assert outcome(find, text) == plain
        finally:
            numbers.TOP_ALONE = top_alone
        assert outcome(find, text) == plain

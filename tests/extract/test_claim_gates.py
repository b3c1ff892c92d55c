"""Word gates in ``claims``: the patterns read around figures, names and times are skipped
in a sentence that lacks every word each of their matches holds. The claims of a passage
must come out the same with every gate open, whatever the case and look-alike letters."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.claims import Extractors, analyse, extract
from factcheck.read.document import from_text
from factcheck.reference import library
from ..helpers import disguised as _disguised, gates_open as every_gate_open

EXTRACTORS = Extractors.for_library(library.load(use_cache=False))
LOOK_ALIKES = {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ"}

PHRASES = [
    "the top 10", "top-five", "1 quintillion (1018) calculations", "7% (", ")", "respectively",
    "Denmark and Ireland fell to third and fourth place, respectively", "It beat out Japan's MN-3 for top place",
    "overtaking Fugaku", "edged out", "displacing Frontier", "dethroned", "ousted", "toppled", "surpassed",
    "outranked", "replaces the K computer, which held the top spot in 2011", "a model called Code Llama, which is",
    "named Aurora, that", "known as Sierra, who", ", which briefly held", "from 5th to 4th and now 3rd in 2020",
    "from 28th last year", "fell to 31st from 28th", "from last year", "than a year earlier", "compared with 11",
    "versus", "vs.", "over", "against", "on this list", "in the current ranking", "on the latest edition",
    "its previous score of", "their prior rank", "on the previous list", "in the prior edition",
    "that it achieved on the last ranking", "between 2020 and 2023", "from 27th to 32nd", "in 2022", "2023",
]
FILLER = ["Japan", "Japan's", "Singapore", "Fugaku", "It", "rose", "fell", "placed", "to", "29th", "7%",
          "$2.6 trillion", "442 petaflops", "and", ",", ".", "the", "é", "’"]
SENTENCE = st.lists(st.tuples(st.one_of(_disguised(PHRASES, LOOK_ALIKES), st.sampled_from(FILLER)),
                              st.sampled_from([" ", " ", "", ", "])), min_size=1, max_size=10).map(
    lambda parts: "".join(p + s for p, s in parts).strip() + ".")
ARTICLES = st.lists(st.tuples(SENTENCE, st.sampled_from([" ", "\n\n"])), min_size=1, max_size=4).map(
    lambda parts: "".join(s + sep for s, sep in parts))


def claims(text: str):
    document = from_text(text, "a.txt", as_of=dt.date(2024, 7, 1))
    try:
        return analyse(document, EXTRACTORS), extract(document, EXTRACTORS)
    except KeyError:  # a look-alike letter no word table knows: the same failure either way
        return "KeyError"


def gates_open(text: str):
    with every_gate_open():
        return claims(text)


@settings(max_examples=600, deadline=None)
@given(ARTICLES)
def test_gates_change_no_claim(text):
    assert claims(text) == gates_open(text)

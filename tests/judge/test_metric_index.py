"""The one-pass metric-word index never leaves out a table whose metric words the sentence holds.

The index is a prefilter: ``match.candidates`` skips a weakly tied table the index leaves
out, so a table whose alias the per-metric scan (``metricwords._alias_hits``) would find
in the sentence must always be in ``tables_in``. Sentences are built from the library's
own aliases written the ways articles write them (any case, spaces as hyphens or line
breaks), glued into filler text.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.metricindex import MetricWordIndex, alias_words
from factcheck.judge.metricwords import _alias_hits, spelled_out
from factcheck.reference import library


@lru_cache(maxsize=1)
def _library():
    return library.load()


@lru_cache(maxsize=1)
def _index():
    return MetricWordIndex(_library(), spelled_out)


def _aliases():
    return sorted({a for t in _library().tables.values() for m in t.metrics.values() for a in m.aliases})


def _written(alias: str, draw) -> str:
    """An alias as an article may write it: any case per letter, each space a run of
    spaces, hyphens or a line break."""
    out = []
    for ch in alias:
        if ch in " -":
            out.append(draw(st.sampled_from([" ", "-", "  ", "\n", " - "])))
        else:
            out.append(ch.upper() if draw(st.booleans()) else ch.lower())
    return "".join(out)


@st.composite
def sentences(draw):
    filler = st.sampled_from(["The figure was", "28th", "in 2023,", "according to", "and", "rose to",
                              "Japan", "of", "its", "(", ")", "7%", "—", "per cent", ""])
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(filler))
        if draw(st.booleans()):
            parts.append(_written(draw(st.sampled_from(_aliases())), draw))
    return " ".join(parts)


def _tables_scanned(text: str) -> set[str]:
    """Tables with an alias the per-metric scan finds in ``text`` (the index's oracle)."""
    return {t.id for t in _library().tables.values()
            if any(_alias_hits(text, 0, m.aliases) for m in t.metrics.values())}


@settings(max_examples=300, deadline=None)
@given(sentences())
def test_index_keeps_every_table_the_scan_finds(text):
    assert _tables_scanned(text) <= _index().tables_in(text)


def test_every_alias_ties_its_table():
    lib = _library()
    for table in lib.tables.values():
        for metric in table.metrics.values():
            for alias in metric.aliases:
                assert table.id in _index().tables_in(f"The {alias.upper()} was 7%."), (table.id, alias)


def test_a_spelled_out_abbreviation_ties_its_table():
    lib = _library()
    abbreviated = [(t.id, a) for t in lib.tables.values() for m in t.metrics.values() for a in m.aliases
                   if spelled_out(a)]
    assert abbreviated, "the library has no alias with an abbreviation to spell out"
    for table_id, alias in abbreviated:
        assert table_id in _index().tables_in(f"some {spelled_out(alias)[0]} said"), (table_id, alias)


def test_a_sentence_without_metric_words_ties_no_table():
    assert _index().tables_in("The weather was fine on Tuesday.") == frozenset()


def test_words_are_split_on_spaces_and_hyphens():
    assert alias_words("Future-readiness  factor") == {"future", "readiness", "factor"}

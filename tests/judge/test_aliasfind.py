"""The automaton finds metric words exactly where the per-set regex found them.

``metricwords._alias_hits`` searches with ``aliasfind.AliasSet`` and keeps the factorised
regex (``_aliases_pattern``) for text it can't fold. Both are run here on generated text —
aliases written in any case, with spaces as runs of spaces, hyphens and line breaks, glued
to letters, digits and punctuation — over random windows, and must agree hit for hit.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import aliasfind
from factcheck.judge.metricwords import _alias_set, _aliases_pattern, _fold

ALIASES = ("peak performance", "performance", "Rmax", "HPL-AI", "IT workers", "IT", "AI",
           "future readiness", "knowledge", "share of systems", "systems", "sub-factor", "no. 1")
GLUE = ["", " ", "  ", "-", "\n", ", ", ".", "x", "9", "_", "é", "(", "’s ", " - ", "İ"]


def _regex_hits(text, aliases, window):
    pattern, by_fold = _aliases_pattern(aliases)
    found = pattern.finditer(text, *window) if window else pattern.finditer(text)
    return [(m.start(), m.end(), by_fold.get(_fold(m.group(0)), m.group(0))) for m in found]


@st.composite
def texts(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        parts.append(draw(st.sampled_from(GLUE)))
        alias = draw(st.sampled_from(ALIASES + ("information technology workers", "artificial intelligence")))
        parts.append("".join(
            draw(st.sampled_from([" ", "-", "  ", "\n", "- "])) if ch == " " else
            (ch.upper() if draw(st.booleans()) else ch.lower()) for ch in alias))
    parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(texts(), st.lists(st.sampled_from(ALIASES), min_size=1, max_size=5, unique=True), st.data())
def test_automaton_agrees_with_the_regex(text, aliases, data):
    aliases = tuple(sorted(aliases))
    window = None
    if data.draw(st.booleans()):
        a = data.draw(st.integers(0, len(text)))
        window = (a, data.draw(st.integers(a, len(text))))
    found = aliasfind.folded(text)
    if found is None:  # lower case changes the length: the regex is used, nothing to compare
        return
    assert _alias_set(aliases).hits(found, window) == _regex_hits(text, aliases, window)


def test_folding_maps_positions_back():
    text = "Peak  -\n Performance of IT-workers"
    found = aliasfind.folded(text)
    assert found.folded == "peak performance of it workers"
    assert [found.original(i) for i in (0, 4, 5, 17, 20, 23)] == [0, 4, 9, 21, 24, 27]


def test_text_whose_lower_case_grows_is_left_to_the_regex():
    assert aliasfind.folded("İstanbul performance") is None


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_table_word_prefilter_drops_no_hit(data):
    from factcheck.judge.metricwords import _alias_hits, _words_present
    from factcheck.reference import library
    lib = library.load()
    table = data.draw(st.sampled_from(sorted(lib.tables.values(), key=lambda t: t.id)))
    metrics = sorted(table.metrics.values(), key=lambda m: m.id)
    words = sorted({a for m in metrics for a in (*m.aliases, *m.loose_aliases)})
    pieces = data.draw(st.lists(st.sampled_from(words + list(GLUE)), min_size=1, max_size=6))
    text = " ".join("".join(ch.upper() if data.draw(st.booleans()) else ch for ch in p) for p in pieces)
    present = _words_present(table, text)
    for metric in metrics:
        for aliases in (metric.aliases, tuple(metric.loose_aliases)):
            assert _alias_hits(text, 0, aliases, None, present) == _alias_hits(text, 0, aliases)

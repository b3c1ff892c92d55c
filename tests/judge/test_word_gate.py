"""A text the alias word test (``wordgate``) turns away has no match of the aliases to miss.

``metricwords._excluded`` searches a metric's excluding words (``not_with``) only when
the text holds, in lower case, one piece of each of them. The plain search — the alias
pattern itself, run on every text — is the oracle: the test must never turn away a text
the pattern matches, whatever its case, spacing (runs of spaces, hyphens, line breaks) or
script ("ſ" and "K" match "s" and "k" under ``re.I``), for the library's own excluding
words and for made-up aliases (abbreviations spelled out, pieces that are not ASCII).
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import wordgate
from factcheck.judge.metricwords import _aliases_pattern, _excluded, _variants
from factcheck.reference import library


@lru_cache(maxsize=1)
def _not_with():
    lib = library.load()
    return sorted({m.not_with for t in lib.tables.values() for m in t.metrics.values() if m.not_with})


def _plain_excluded(metric, text: str) -> bool:
    """``_excluded`` as first written: the search on every text."""
    return bool(metric.not_with) and bool(_aliases_pattern(tuple(metric.not_with))[0].search(text))


def _written(alias: str, draw) -> str:
    """An alias as a text may write it: any case per letter, lookalike letters, and each
    space or hyphen a run of spaces, hyphens or a line break."""
    out = []
    for ch in alias:
        if ch in " -":
            out.append(draw(st.sampled_from([" ", "-", "  ", "\n", " - ", "\t"])))
        elif ch in "sk" and draw(st.integers(0, 5)) == 0:
            out.append({"s": "ſ", "k": "\u212a"}[ch])
        else:
            out.append(ch.upper() if draw(st.booleans()) else ch.lower())
    return "".join(out)


@st.composite
def texts(draw, aliases):
    filler = st.sampled_from(["Frontier", "reached", "1.2 exaflop/s", "on the", "list's", "in", "(", ")", ",",
                              "é", "_", "9", "-", "", "the", "precisions", "HPLs"])
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(filler))
        if aliases and draw(st.booleans()):
            parts.append(_written(draw(st.sampled_from(aliases)), draw))
        if draw(st.integers(0, 4)) == 0:
            parts.append(draw(st.text(max_size=4)))
    glue = draw(st.sampled_from([" ", "", "-", "  "]))
    return glue.join(parts)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_excluded_finds_what_the_plain_search_finds(data):
    not_with = data.draw(st.sampled_from(_not_with()))
    metric = SimpleNamespace(not_with=not_with)
    text = data.draw(texts(list(not_with)))
    assert _excluded(metric, text) == _plain_excluded(metric, text)


words = st.text(st.sampled_from("abkKsſİiIé1-_ .%"), min_size=1, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.data(), st.lists(st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4),
       st.sampled_from(["", "IT ", "AI "]))
def test_no_match_of_any_aliases_is_turned_away(data, aliases, prefix):
    aliases = tuple(prefix + a for a in aliases)
    pattern = _aliases_pattern(aliases)[0]
    gate = wordgate.alias_gate(_variants(aliases))
    text = data.draw(texts(list(_variants(aliases))))
    if pattern.search(text):
        assert wordgate.may_hold(text, gate)


def test_a_text_without_the_words_is_turned_away():
    gate = wordgate.alias_gate(("mixed precision", "HPL-AI", "FP16"))
    assert gate == ("precision", "hpl", "fp16")
    assert not wordgate.may_hold("Frontier reached 1.2 exaflop/s on the list", gate)
    assert wordgate.may_hold("Frontier's HPL score", gate)
    assert wordgate.may_hold("mixed preciſion", gate)  # not ASCII: always searched
    assert wordgate.alias_gate(("mixed precißion",)) is None  # a piece that is not ASCII: no test

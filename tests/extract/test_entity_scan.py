"""``EntityFinder.find`` reads a sentence once (``_scan``, kept for the next call) and then
applies what it is told to skip. Whatever the order of calls and the spans skipped, it must
find what reading the sentence afresh each time finds: the plain version below, which
tries every pattern on every call."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import aliasfind, entities
from factcheck.extract.entities import (
    _glued_to_unknown, _name_goes_on, _goes_on_unknown, _in_adjective, _descriptions, UNKNOWN, UNKNOWN_NAME, DESCRIBED,
    CAPITALISED, NOT_FUZZY, REFERENCE, REFERENCE_KINDS, EntityFinder, _Alias, _BLANKS, _MAYBE_BLANKS, _fold)
from factcheck.model import EntityMention, Span
from factcheck.reference import library

FINDER = EntityFinder(library.load(use_cache=False))


def plain_find(finder: EntityFinder, text: str, offset: int = 0, skip=()) -> list[EntityMention]:
    """``find`` as it was before the scan was kept: every pattern, every call."""
    mentions = []
    taken = [(s.start - offset, s.end - offset) for s in skip]

    def free(a, b):
        return all(not (a < y and x < b) for x, y in taken)

    named = [(a, b) for a, b, _ in finder._names.hits(aliasfind.folded_as_is(text))]
    aliases = {(a, b): finder._by_text.get(text[a:b]) or finder._by_fold.get(_fold(text[a:b])) for a, b in named}
    described = _descriptions(text, [(a, b) for (a, b), al in aliases.items() if al and al.kind != "world"])
    starts = {a for (a, b), al in aliases.items() if al}
    for start, end in named:
        if not free(start, end) or _glued_to_unknown(text, start, finder._by_text):
            continue
        alias = aliases[(start, end)]
        if alias is None:
            continue
        if _in_adjective(text, end):
            mentions.append(EntityMention(Span(start + offset, end + offset), "", UNKNOWN_NAME, UNKNOWN))
            taken.append((start, end))
            continue
        if alias.kind == "world" and any(a <= start < b for a, b in described):
            continue
        if alias.kind in ("system", "model") and _goes_on_unknown(text, end, starts, free):
            mentions.append(EntityMention(Span(start + offset, end + offset), "", UNKNOWN_NAME, UNKNOWN))
            taken.append((start, end))
            continue
        if alias.text in ("US", "U.S.") and alias.via == "demonym":
            alias = _Alias(alias.text, alias.entity, alias.kind, "name")
        mentions.append(EntityMention(Span(start + offset, end + offset), alias.entity, alias.kind, alias.via))
        taken.append((start, end))
    for a, b in described:
        if free(a, b):
            mentions.append(EntityMention(Span(a + offset, b + offset), "", DESCRIBED, UNKNOWN))
            taken.append((a, b))
    named_starts = {m.span.start - offset for m in mentions}
    for m in REFERENCE.finditer(text):
        if _BLANKS.match(text[m.end():]) and m.end() + len(
                _MAYBE_BLANKS.match(text[m.end():]).group(0)) in named_starts:
            continue
        if free(m.start(), m.end()):
            kind = REFERENCE_KINDS[m.group("noun").lower()]
            mentions.append(EntityMention(Span(m.start() + offset, m.end() + offset), "", kind, "reference"))
            taken.append((m.start(), m.end()))
    for m in CAPITALISED.finditer(text):
        word = m.group(0)
        if word in NOT_FUZZY or word in finder._by_text or not free(m.start(), m.end()):
            continue
        alias = finder._closest(word)
        if alias and not (alias.kind != "economy" and _name_goes_on(text, m.end())):
            mentions.append(EntityMention(Span(m.start() + offset, m.end() + offset), alias.entity, alias.kind, "fuzzy"))
    return sorted(mentions, key=lambda e: e.span.start)


WORDS = [
    "Japan", "Japanese", "the US", "US", "us", "U.S.", "the U.S.A", "United\nStates", "South Korea", "Fugaku",
    "Llama 2", "Fugaku-LLM", "Singapoer", "Germnay", "Turkey", "Finish", "the nation", "The country's",
    "the economy of", "the machine", "the supercomputer", "the supercomputer Fugaku", "the system which",
    "the model", "The chatbot", "the computer  Frontier", "the nation\tJapan", "thenation", "Nation",
    "placed", "29th", "in", "2023", "and", "é", "’", ".", ",",
]
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "", ", ", "\n"])),
                 max_size=10).map(lambda parts: "".join(p + s for p, s in parts))


@st.composite
def calls(draw):
    """A few texts, each read once or more with spans to skip, some texts repeated."""
    texts = draw(st.lists(TEXTS, min_size=1, max_size=3))
    out = []
    for _ in range(draw(st.integers(1, 6))):
        text = draw(st.sampled_from(texts))
        spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 12)), max_size=3))
        offset = draw(st.sampled_from([0, 5]))
        out.append((text, offset, tuple(Span(a + offset, a + n + offset) for a, n in spans)))
    return out


@settings(max_examples=800, deadline=None)
@given(calls())
def test_a_kept_scan_finds_what_a_fresh_reading_finds(sequence):
    for text, offset, skip in sequence:
        assert FINDER.find(text, offset, skip) == plain_find(FINDER, text, offset, skip)


def test_every_reference_holds_one_of_the_nouns():
    nouns = REFERENCE.pattern.split("(?P<noun>")[1].split(")")[0].split("|")
    assert all(any(n in noun for n in entities.REFERENCE_NOUNS) for noun in nouns)


@settings(max_examples=800, deadline=None)
@given(calls())
def test_could_hold_is_true_whenever_a_mention_holds_a_span_and_more(sequence):
    """``analyse`` asks ``could_hold`` before reading a sentence for the names that hold a
    source's name: it must never answer no when such a name is there."""
    for text, offset, spans in sequence:
        # spans of the text's own words too, so that names holding them are common
        spans = [*spans, *(Span(a + offset, b + offset) for a, b in ((3, 5), (0, 2), (4, 6), (1, 8)))]
        holding = any(m.span.contains(s) and m.span != s for m in FINDER.find(text, offset) for s in spans)
        if holding:
            assert FINDER.could_hold(text, offset, spans)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab -\t\n\x0b\xa0\u2003\u3000\xadZ.")) | st.characters(), max_size=20))
def test_name_folding_equals_the_substitution(text):
    """A name given back as it is (no run of spaces and hyphens but single spaces) is
    exactly what the substitution makes of it."""
    from factcheck.extract import entities, trie
    assert entities._fold(text) == trie.SPACE_RUN.sub(" ", text)

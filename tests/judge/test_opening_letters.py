"""Patterns rewritten to open on plain characters (``ledpatterns``) match exactly where
the patterns as first written did, whatever the case, script or spacing of the text.

The patterns as first written are kept here as oracles; every search the judge makes
(``search``/``finditer``/``split``/``findall``, from any place) must give the same spans.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import ledpatterns, match, metricwords, periods

PLAIN = {
    "LIST_REFERENCE": (match.LIST_REFERENCE, re.compile(
        r"\b(?:the|this|that|its)\s+(?:(?:current|latest|new|newest|same|most\s+recent|\d{4}|this\s+year['’]s)\s+)?"
        r"(?:list|ranking|rankings|league\s+table|edition)\b", re.I)),
    "CAUSE_LEAD": (match.CAUSE_LEAD, re.compile(
        r"\b(?:thanks\s+to|helped\s+by|driven\s+by|due\s+to|because\s+of|owing\s+to|boosted\s+by|"
        r"with\s+the\s+(?:addition|arrival|debut|entry|help)\s+of|after\s+the\s+(?:addition|arrival|debut)\s+of)\b",
        re.I)),
    "CLAUSE_AFTER": (match.CLAUSE_AFTER, re.compile(r"[,;:(]|\s(?:and|but|while|whereas)\s", re.I)),
    "SIZE_BEFORE": (match.SIZE_BEFORE, re.compile(
        r"\b(?:among|of|total\s+of|all|covers?|covering|ranks?|ranking|ranked|rating|rates|rated|measures|measuring|"
        r"surveys|surveyed|surveying|assess(?:es|ed|ing)?|evaluat(?:es|ed|ing)|across|for|includ(?:es|ed|ing))"
        r"\s+(?:the\s+|a\s+total\s+of\s+|some\s+|all\s+)?$", re.I)),
    "AIM_BEFORE": (match.AIM_BEFORE, re.compile(
        r"\b(?:will|would|could|should|may|might|expected|designed|planned|plans?|aims?|aiming|targets?|targeting|"
        r"promises?|projected|set\s+to|capable\s+of|able\s+to|goal|upgrade|once)\b", re.I)),
    "AIM_CLAUSE": (match.AIM_CLAUSE, re.compile(r"[;,]|\bwhile\b|\bbut\b")),
    "FIGURE_MARK": (metricwords.FIGURE_MARK, re.compile(
        r"\d|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")),
    "FROM_END": (metricwords.FROM_END, re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)),
    "_YEAR": (periods._YEAR, re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")),
}

WORDS = ["the", "this", "that", "its", "list", "ranking", "rankings", "league table", "edition", "current",
         "most recent", "2024", "this year's", "this year’s", "thanks to", "helped by", "driven by", "due to",
         "because of", "owing to", "boosted by", "with the addition of", "after the debut of", "and", "but",
         "while", "whereas", "among", "of", "total of", "all", "covers", "ranked", "surveying", "assesses",
         "evaluated", "across", "for", "including", "a total of", "some", "will", "would", "could", "should",
         "may", "might", "expected", "designed", "planned", "plans", "aims", "aiming", "targeting", "promises",
         "projected", "set to", "capable of", "able to", "goal", "upgrade", "once", "first", "second", "third",
         "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "from", "from the", "1999", "2023",
         "19", "20", "1.2024", "2024,5", ",2023", "ıts", "İts", "thiſ", "ſet to", "Kinda", "ſhould", "ſurveys",
         "aſſesses", "xthe", "_its", "9from", "fromthe", "awhile", "but_", "b", "w", ";", ",", ":", "("]


def _cased(word: str, draw) -> str:
    return "".join(ch.upper() if draw(st.booleans()) else ch for ch in word)


@st.composite
def texts(draw):
    glue = st.sampled_from([" ", "  ", "\n", "\t", "-", ", ", ". ", "(", ")", "’", "'", "_", "", "é", "9", ".", "a"])
    parts = [draw(glue)]
    for _ in range(draw(st.integers(0, 8))):
        parts.append(_cased(draw(st.sampled_from(WORDS)), draw) if draw(st.integers(0, 4)) else draw(st.text(max_size=4)))
        parts.append(draw(glue))
    return "".join(parts)


def _spans(pattern: re.Pattern, text: str, pos: int, endpos: int) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


@settings(max_examples=800, deadline=None)
@given(texts(), st.data())
def test_rewritten_patterns_match_as_first_written(text, data):
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    for name, (new, plain) in PLAIN.items():
        assert _spans(new, text, 0, len(text)) == _spans(plain, text, 0, len(text)), name
        assert _spans(new, text, pos, endpos) == _spans(plain, text, pos, endpos), name
        a, b = new.search(text, pos), plain.search(text, pos)
        assert (a and a.span()) == (b and b.span()), name
        assert new.split(text) == plain.split(text), name
        assert new.findall(text) == plain.findall(text), name


def test_rewritten_patterns_open_on_characters_the_engine_can_skip_to():
    """Each rewritten pattern (not the look-ahead ones) carries the engine's list of
    opening characters (an INFO block with a character set: flag 4)."""
    for name in ("LIST_REFERENCE", "CLAUSE_AFTER", "AIM_CLAUSE", "FROM_END", "_YEAR"):
        new, plain = PLAIN[name]
        assert new.pattern != plain.pattern
        assert new.search("x" * 50) is None


def test_cases_are_every_character_re_i_equates_with_the_letter():
    letters = "abcdefghijklmnopqrstuvwxyz"
    candidates = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(f"[{letters}]", chr(c), re.I)]
    found = {letter: [] for letter in letters}
    folded = {letter: re.compile(letter, re.I) for letter in letters}
    for ch in candidates:
        for letter in letters:
            if folded[letter].fullmatch(ch):
                found[letter].append(ch)
    for letter in letters:
        assert sorted(ledpatterns.cases(letter)) == sorted(found[letter]), letter

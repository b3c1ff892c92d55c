"""The Markdown scanners find what the regular expressions they replaced found, in linear time.

The regular expressions below are the ones ``document`` used before: correct, but quadratic
when a text has many opening marks and no closing one. They stay here as the reference the
scanners are checked against, on generated texts made of the marks that matter.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.read import document
from factcheck.extract import sentences

OLD = {
    "html_comments": re.compile(r"<!--.*?-->", re.S),
    "link_targets": re.compile(r"(?<=\])\([^)\n]*\)"),
    "images": re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),
    "html_tags": re.compile(r"</?[A-Za-z][^>\n]*>"),
    "link_brackets": re.compile(r"\[([^\]\n]*)\]"),
}

MARKUP = st.lists(st.sampled_from(list("[]()!<>-/`a \n") + ["<!--", "-->", "](", "![", "<b", "</i"]),
                  max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKUP)
def test_scanners_agree_with_the_old_patterns(text):
    for name, pattern in OLD.items():
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert list(getattr(document, name)(text)) == expected, name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "?", " ", "A", "a", "\"", ")", "1"]), max_size=40).map("".join))
def test_sentence_boundaries_agree_with_the_old_pattern(text):
    old = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
    assert [m.span() for m in sentences.BOUNDARY.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_inline_code_is_a_run_closed_by_a_run_of_the_same_length():
    spans = lambda text: [text[a:b] for a, b in document.inline_code(text)]  # noqa: E731
    assert spans("a `x` b ``y ` z`` c") == ["`x`", "``y ` z``"]
    assert spans("an unclosed ` tick and `code`") == ["` tick and `"]
    assert spans("``` nothing closes ` this") == []
    assert spans("`a`` b`") == ["`a`` b`"]


def test_unclosed_marks_are_left_as_text():
    text = "<!-- never closed [ nor this ( or <b and the 29th place"
    doc = document.from_text(text, "a.md", markdown=True)
    assert "29th place" in doc.prose


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["factcheck", "-ignore", " off", " on", ":", " ", "\n", "x", "ON"]),
                max_size=12).map("".join))
def test_directive_patterns_agree_with_the_old_ones(body):
    from factcheck.ci import suppressions
    old_ignore = re.compile(r"\s*factcheck-ignore\s*(?::\s*(?P<reason>.*?))?\s*\Z", re.I | re.S)
    old_switch = re.compile(r"\s*factcheck\s+(?P<switch>off|on)\s*(?::\s*(?P<reason>.*?))?\s*\Z", re.I | re.S)
    for old, new in ((old_ignore, suppressions.IGNORE), (old_switch, suppressions.SWITCH)):
        a, b = old.match(body), new.match(body)
        assert bool(a) == bool(b)
        if a:
            assert suppressions._reason(a) == suppressions._reason(b)

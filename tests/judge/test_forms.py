"""The forms real articles use, each a short article in tests/cases/forms*.toml with the
verdict (and role) some of its figures must get; and the rule that plain prose added
anywhere changes no verdict."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from factcheck.judge.check import Engine
from factcheck.read.document import from_text
from factcheck.read.language import not_english
from factcheck.reference import library

CASES = [case for path in sorted((Path(__file__).parent.parent / "cases").glob("forms*.toml"))
         for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]
GOLD_ARTICLES = sorted((Path(__file__).parent.parent / "gold" / "articles").glob("*"))
PROSE = ("Editors read this passage before it went out, and nothing in it should change what "
         "the rest of the article says.")


@pytest.fixture(scope="module")
def engine():
    return Engine.create(library.load())


def _verdicts(engine, text: str, as_of: str | None) -> list[tuple[str, str, str]]:
    day = dt.date.fromisoformat(as_of) if as_of else None
    document = from_text(text, "case.md", as_of=day)
    return [(" ".join(f.claim.quantity.text.split()), f.verdict.value, f.claim.role)
            for f in engine.check(document)]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_form(engine, case):
    got = _verdicts(engine, case["text"], case.get("as_of"))
    for want in case["expect"]:
        found = [g for g in got if g[0] == want["figure"]]
        if want["verdict"] == "not_a_claim":  # "the first two positions": no figure of its own
            assert not found, (want["figure"], got)
            continue
        assert found, f"{want['figure']!r} was not read as a claim: {got}"
        verdict, role = found[0][1], found[0][2]
        assert verdict == want["verdict"], (want["figure"], got)
        if "role" in want:
            assert role == want["role"], (want["figure"], got)


def _with_prose(text: str, where: int) -> str:
    paragraphs = text.split("\n\n")
    where = min(where, len(paragraphs))
    return "\n\n".join(paragraphs[:where] + [PROSE, PROSE] + paragraphs[where:])


@pytest.mark.parametrize("where", [0, 1, 2, 99])
def test_plain_paragraphs_anywhere_change_no_verdict(engine, where):
    """Two figure-free paragraphs at the top, in the middle or at the end of every test
    article leave every verdict as it was."""
    articles = [(c["text"], c.get("as_of")) for c in CASES]
    articles += [(p.read_text(encoding="utf-8"), None) for p in GOLD_ARTICLES if p.is_file()]
    for text, as_of in articles:
        if not_english(text):
            continue  # two English paragraphs can make an article in another language English
        before = [(t, v) for t, v, _ in _verdicts(engine, text, as_of)]
        after = [(t, v) for t, v, _ in _verdicts(engine, _with_prose(text, where), as_of)]
        assert before == after, text[:80]

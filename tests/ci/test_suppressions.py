"""Suppression comments: the cases in tests/golden/ci/suppression_cases.toml, then parsing details."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.read import document as documents
from factcheck.reference import library
from factcheck.ci import suppressions
from factcheck.judge.check import Engine
from factcheck.config import PathSettings
from factcheck.report.records import DocumentResult
from factcheck.ci.run import settle

CASES = tomllib.loads((Path(__file__).parent.parent / "golden" / "ci" / "suppression_cases.toml")
                      .read_text(encoding="utf-8"))["case"]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.create(library.load())


def _document(tmp_path: Path, case: dict) -> documents.Document:
    path = tmp_path / case.get("name", "article.md")
    path.write_text(case["text"], encoding="utf-8")
    if path.suffix == ".html":
        # Stand in for the HTML extractor: visible text only, comments gone, as any
        # extractor leaves it; the directives must then be read from the raw file.
        return documents.from_text(suppressions._html_text(case["text"]), name=str(path))
    return documents.read_path(str(path))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(tmp_path, engine, case):
    doc = _document(tmp_path, case)
    result = DocumentResult(path=doc.path, document=doc, findings=engine.check(doc))
    settled = settle(result, PathSettings(), None, case.get("report_unused", False))
    suppressed = [s["text"] for s in settled.suppressed]
    kept = [f.claim.quantity.text for f in settled.findings]
    assert suppressed == case["suppressed"]
    assert kept == case["kept"]
    assert [s["suppression"]["reason"] for s in settled.suppressed] == case["reasons"]
    assert [f"{p['kind']}@{p['line']}" for p in settled.problems] == case["problems"]


def test_every_case_has_a_claim_to_suppress_or_a_problem():
    """A case with nothing to suppress and no problem would pass whatever the code did,
    except the ones that exist to show exactly that."""
    for case in CASES:
        assert case["suppressed"] or case["kept"] or case["problems"] or case["id"].startswith("unused-not")


@pytest.mark.parametrize("comment, kind, reason", [
    ("<!-- factcheck-ignore -->", "ignore", ""),
    ("<!-- factcheck-ignore: 12%, as quoted -->", "ignore", "12%, as quoted"),
    ("<!--factcheck off-->", "off", ""),
    ("<!-- factcheck off: a stretch of quotes -->", "off", "a stretch of quotes"),
    ("<!-- factcheck on -->", "on", ""),
    ("<!-- Factcheck On -->", "on", ""),
    ("<!-- factcheck-ignore:\n  reason on\n  two lines -->", "ignore", "reason on two lines"),
])
def test_directive_grammar(comment, kind, reason):
    found, problems = suppressions.directives(f"Text.\n{comment}\nMore.")
    assert problems == []
    assert [(d.kind.value, d.reason, d.line, d.column) for d in found] == [(kind, reason, 2, 1)]


@pytest.mark.parametrize("comment", [
    "<!-- factcheck -->",
    "<!-- factcheck ignore -->",
    "<!-- factcheck-ignore reason without a colon -->",
    "<!-- factcheck off now -->",
    "<!-- factcheck disable -->",
])
def test_malformed_directives_are_problems(comment):
    found, problems = suppressions.directives(comment)
    assert found == []
    assert [(p["kind"], p["line"], p["severity"]) for p in problems] == [("malformed-suppression", 1, "warning")]
    assert comment in problems[0]["message"]


def test_words_that_merely_start_like_factcheck_are_ignored():
    found, problems = suppressions.directives("<!-- factchecker notes: none -->")
    assert found == [] and problems == []


def test_plain_text_article_has_no_suppressions(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Japan fell to 25th place.\n", encoding="utf-8")
    parsed = suppressions.parse(documents.read_path(str(path)))
    assert parsed.suppressions == () and parsed.problems == ()

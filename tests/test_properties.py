"""Property tests: the engine and every output format on generated articles.

Articles are assembled from pieces that stress what real copy holds — figures of every
kind, names, Markdown markup left open, suppression comments (good and broken),
invisible and full-width characters, stray Unicode — and checked end to end: the engine,
settling (suppression comments), the records and each format. Nothing may raise, every
machine format must parse (SARIF against its schema), and every span must lie in the
text and hold what the report says it holds.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.report import formats
from factcheck.reference import library
from factcheck.report import records
from factcheck.judge.check import Engine
from factcheck.config import PathSettings
from factcheck.read.document import from_text
from factcheck.report.formats import terminal
from factcheck.ci.run import settle, shown

SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"

PIECES = [
    "Japan ranked 29th in the IMD World Digital Competitiveness Ranking 2023",
    "the economy fell from 28th to 32nd place", "Singapore came 3rd of 64", "No. 1 on the TOP500 list",
    "Frontier reached 1.1 exaflops", "about 7% of firms", "$2.6 trillion to $4.4 trillion",
    "almost ¥7 trillion by 2030", "300 million jobs", "twenty-eighth", "two-thirds of workers",
    "1", "1,069,056 more cores", "in 2022", "the nation", "according to McKinsey", "Goldman Sachs estimates",
    "<!-- factcheck-ignore: quoted -->", "<!-- factcheck off -->", "<!-- factcheck on -->", "<!-- factcheck offf -->",
    "<!--", "-->", "[", "](", "![", "`", "```", "**", "# ", "> ", "- ", "| a | 29th |",
    "2\u200b9th", "２９th", "＄２．６ trillion", "\u00ad", "\ufeff", "é", "😀", "\u202e", "%", ",", ".", ";", "—",
]
SEPARATORS = [" ", " ", ". ", ", ", "\n", "\n\n", "\r\n", "\t"]

ARTICLES = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts))


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine.create(library.load())


@lru_cache(maxsize=1)
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, st.booleans(), st.sampled_from(["info", "warning", "error"]))
def test_engine_and_every_format_on_generated_articles(text, markdown, show):
    name = "a b, 100%.md" if markdown else "a.txt"
    document = from_text(text, name, as_of=dt.date(2023, 12, 15), markdown=markdown)
    result = records.DocumentResult(path=name, document=document, findings=engine().check(document))
    result = settle(result, PathSettings(), None, report_unused=True)
    report = records.report([result, records.DocumentResult(path="gone.md", document=None, error="gone.md: no such file")])

    for key in ("findings", "suppressed"):
        for item in report["documents"][0].get(key, []):
            start, end = item["span"]["start"], item["span"]["end"]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == item["text"]
            s = item["sentence_span"]
            assert s["start"] <= start and end <= s["end"] <= len(text)
            assert (item["line"], item["column"]) == document.line_col(start)

    view = shown(report, show)
    json.loads(formats.get("json")(view))
    sarif = json.loads(formats.get("sarif")(view))
    assert not list(sarif_validator().iter_errors(sarif))
    keys = [(r["ruleId"], r["partialFingerprints"]["factcheck/v1"]) for r in sarif["runs"][0]["results"]]
    assert len(keys) == len(set(keys))
    junit = ET.fromstring(formats.get("junit")(view))
    names = [c.get("name") for c in junit.iter("testcase")]
    assert len(names) == len(set(names))
    gitlab = json.loads(formats.get("gitlab")(view))
    assert len({i["fingerprint"] for i in gitlab}) == len(gitlab)
    for line in formats.get("github")(view).splitlines():
        assert line.startswith("::")
    assert "claims checked" in terminal.render_text(report, show_supported=True, min_severity=show) or \
        "claim checked" in terminal.render_text(report, show_supported=True, min_severity=show)

"""The CI output formats: golden files from one fixed report, escaping, ordering, SARIF schema.

The input is a frozen report (tests/golden/ci/report.json: a real newsroom run plus a
hand-made document whose path and messages hold ``%``, commas, colons and CR LF), so the
golden files change only when a format changes. To regenerate them after an intended
change: ``FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_formats.py``.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.report import formats
from factcheck.report.formats import github
from factcheck.report.formats.sarif import RULES, artifact_uri
from factcheck.ci.run import shown

GOLDEN = Path(__file__).parent.parent / "golden" / "ci"
SCHEMA = Path(__file__).parent.parent / "schemas" / "sarif-2.1.0.json"
FILES = {"json": "report.out.json", "sarif": "report.sarif", "github": "report.github.txt",
         "junit": "report.junit.xml", "gitlab": "report.gitlab.json"}


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads((GOLDEN / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_golden(report, fmt):
    # The version is the only thing that changes between releases; keep it out of goldens.
    text = formats.get(fmt)(report).replace(f'"{__version__}"', '"VERSION"')
    target = GOLDEN / FILES[fmt]
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        target.write_bytes(text.encode("utf-8"))
    assert text == target.read_bytes().decode("utf-8")


# -- GitHub workflow commands ---------------------------------------------------------------


@pytest.mark.parametrize("raw, data, prop", [
    ("12.5%", "12.5%25", "12.5%25"),
    ("a, b: c", "a, b: c", "a%2C b%3A c"),
    ("one\r\ntwo\nthree\r", "one%0D%0Atwo%0Athree%0D", "one%0D%0Atwo%0Athree%0D"),
    ("100%25 literal", "100%2525 literal", "100%2525 literal"),
    ("plain", "plain", "plain"),
])
def test_github_escaping(raw, data, prop):
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def test_github_annotation_escapes_path_and_message():
    line = github.annotation("error", "GDP up 7%,\nsays bank", file="a, b: 100%.md", line=3, title="x:y")
    assert line == "::error file=a%2C b%3A 100%25.md,line=3,title=x%3Ay::GDP up 7%25,%0Asays bank"


def _command(line: str) -> tuple[str, dict, str]:
    """Parse a workflow command the way the runner does (split on the first '::' after props)."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    level, _, props = head.partition(" ")
    unescape = lambda s: s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    fields = dict(p.split("=", 1) for p in props.split(",")) if props else {}
    return level, {k: unescape(v) for k, v in fields.items()}, unescape(message)


def test_github_round_trips_and_lists_errors_first(report):
    lines = formats.get("github")(report).splitlines()
    parsed = [_command(line) for line in lines]
    levels = [level for level, _, _ in parsed]
    order = {"error": 0, "warning": 1, "notice": 2}
    # Unreadable files first, then every error before any warning before any notice.
    assert "could not check" in parsed[0][1]["title"]
    assert [order[lv] for lv in levels[1:]] == sorted(order[lv] for lv in levels[1:])
    odd = [p for p in parsed if p[1].get("file") == "articles/rates, 100%: q3.md"]
    assert odd, "the path with a comma, colon and % must survive the round trip"
    crlf = [p for p in odd if "Line one" in p[2]]
    assert crlf and "12.5%, up from 9%.\r\nLine two" in crlf[0][2]
    assert all("\n" not in line for line in lines)


def test_github_leaves_out_supported_and_settled(report):
    text = formats.get("github")(report)
    assert "factcheck supported" not in text
    assert "reader letters" not in text  # suppressed by a comment
    assert "archive/2022-rankings.md" not in text  # settled by the decisions file


# -- SARIF ---------------------------------------------------------------------------------


def test_sarif_matches_the_official_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(formats.get("sarif")(report))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_schema_check_can_fail(report):
    """Guard against a schema file that accepts anything."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(formats.get("sarif")(report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["results"][1]["message"]
    assert len(list(jsonschema.Draft4Validator(schema).iter_errors(log))) == 2


def test_sarif_rules_are_stable_and_documented(report):
    log = json.loads(formats.get("sarif")(report))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["contradicted", "misattributed", "outdated", "needs-context",
                                        "unverifiable", "supported", "malformed-suppression",
                                        "unused-suppression"]
    assert all(r["helpUri"].startswith("https://github.com/factcheck-project/factcheck/blob/main/docs/")
               for r in rules)
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_have_regions_and_line_free_fingerprints(report):
    log = json.loads(formats.get("sarif")(report))
    results = log["runs"][0]["results"]
    assert all("partialFingerprints" in r for r in results)  # suppression problems too
    findings = [r for r in results if "properties" in r]
    assert findings
    for result in findings:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endColumn"] >= 1
        fingerprint = result["partialFingerprints"]["factcheck/v1"]
        assert str(region["startLine"]) not in fingerprint.split("-")
    settled = [r for r in results if "suppressions" in r]
    kinds = sorted(r["suppressions"][0]["kind"] for r in settled)
    assert kinds == ["external", "inSource", "inSource"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False  # one unreadable file


def _identities(log: dict) -> list[tuple]:
    return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
             r["partialFingerprints"]["factcheck/v1"]) for r in log["runs"][0]["results"]]


def _twin(report: dict) -> dict:
    """The report with its first finding written twice in the same sentence (as two "1"
    figures of one sentence are: same text, table, entity and metric, so same fingerprint)."""
    twin = json.loads(json.dumps(report))
    doc = next(d for d in twin["documents"] if d.get("findings"))
    first = next(f for f in doc["findings"] if f["verdict"] != "supported")
    copy = dict(first, column=first["column"] + 5, span={"start": first["span"]["start"] + 5,
                                                         "end": first["span"]["end"] + 5})
    doc["findings"].insert(doc["findings"].index(first) + 1, copy)
    return twin


def _moved(report: dict, lines: int) -> dict:
    """The report as if ``lines`` lines had been added at the top of every article."""
    moved = json.loads(json.dumps(report))
    for doc in moved["documents"]:
        for key in ("findings", "problems", "suppressed"):
            for item in doc.get(key, []):
                item["line"] += lines
                if "end_line" in item:
                    item["end_line"] += lines
    return moved


def test_sarif_results_are_distinct_and_survive_text_moving(report):
    twin = _twin(report)
    ids = _identities(json.loads(formats.get("sarif")(twin)))
    assert len(ids) == len(set(ids)), "two results share uri, rule and fingerprint"
    assert ids == _identities(json.loads(formats.get("sarif")(_moved(twin, 7))))


def test_junit_names_are_distinct_and_survive_text_moving(report):
    def names(rep):
        root = ET.fromstring(formats.get("junit")(rep))
        return [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    twin = _twin(report)
    assert len(names(twin)) == len(set(names(twin)))
    assert names(twin) == names(_moved(twin, 7))
    assert not any("line" in name for _, name in names(twin))


@pytest.mark.parametrize("path, uri", [
    ("articles/a.md", "articles/a.md"),
    ("./articles/a b.md", "articles/a%20b.md"),
    ("articles/rates, 100%: q3.md", "articles/rates%2C%20100%25%3A%20q3.md"),
    ("/srv/news/a.md", "file:///srv/news/a.md"),
])
def test_sarif_uris(path, uri):
    assert artifact_uri(path) == uri


def test_every_rule_has_a_sarif_level():
    assert {r.level for r in RULES.values()} <= {"error", "warning", "note"}


# -- JUnit and GitLab ------------------------------------------------------------------------


def test_junit_counts_match_the_cases(report):
    root = ET.fromstring(formats.get("junit")(report))
    cases = root.findall(".//testcase")
    assert int(root.get("tests")) == len(cases)
    assert int(root.get("failures")) == len(root.findall(".//failure"))
    assert int(root.get("skipped")) == len(root.findall(".//skipped"))
    assert int(root.get("errors")) == len(root.findall(".//error")) == 1
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests")) == len(suite.findall("testcase"))


def test_gitlab_fingerprints_are_unique_and_fields_present(report):
    issues = json.loads(formats.get("gitlab")(report))
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"]


def test_gitlab_fingerprint_ignores_line_numbers(report):
    moved = json.loads(json.dumps(report))
    for doc in moved["documents"]:
        for item in doc.get("findings", []):
            item["line"] += 5
            item["end_line"] += 5
    before = [i["fingerprint"] for i in json.loads(formats.get("gitlab")(report))]
    after = [i["fingerprint"] for i in json.loads(formats.get("gitlab")(moved))]
    assert before == after


# -- --show ----------------------------------------------------------------------------------


@pytest.mark.parametrize("show, severities", [
    ("info", {"error", "warning", "info"}),
    ("warning", {"error", "warning"}),
    ("error", {"error"}),
])
def test_show_filters_every_list(report, show, severities):
    view = shown(report, show)
    seen = {item["severity"] for doc in view["documents"]
            for key in ("findings", "problems", "suppressed") for item in doc.get(key, [])}
    assert seen == severities
    assert view["summary"] == report["summary"]


def test_every_format_is_documented():
    text = (Path(__file__).parent.parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    for fmt in formats.Format:
        assert f"| `{fmt.value}`" in text
        if fmt.value not in ("text", "json"):
            assert f"### {fmt.value}" in text

"""SARIF 2.1.0 for GitHub code scanning, and the rule catalogue the CI formats share.

One rule per verdict (and per suppression problem) with an id that never changes, since
code scanning tracks alerts by rule id; ``partialFingerprints`` carry the finding's
fingerprint, which leaves line numbers out, so an alert survives a paragraph added above
it (numbered when one file has two results with the same fingerprint; see ``occurrences``). Findings settled by a comment or the decisions file are reported with SARIF
``suppressions`` (``inSource`` / ``external``), which code scanning shows as dismissed.
Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath
from urllib.parse import quote

from factcheck import __version__
from ...dataclassgen import dataclass

DOCS = "https://github.com/factcheck-project/factcheck/blob/main/docs"
INFORMATION_URI = "https://github.com/factcheck-project/factcheck"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
"""Versioned, so that a change to how fingerprints are computed can't be mistaken for
the old ones (the SARIF spec's advice for partialFingerprints)."""


@dataclass(frozen=True)
class Rule:
    """A SARIF rule: one kind of finding."""

    id: str
    name: str
    short: str
    full: str
    level: str
    """SARIF level: ``error``, ``warning`` or ``note``."""
    help_uri: str


RULES = {rule.id: rule for rule in (
    Rule("contradicted", "ContradictedFigure", "The source says something else",
         "The reference table covers this claim and gives a different figure.",
         "error", f"{DOCS}/usage.md#verdicts"),
    Rule("misattributed", "MisattributedFigure", "The figure belongs to another entity",
         "The figure is right, but the source gives it for another entity of the passage.",
         "error", f"{DOCS}/usage.md#verdicts"),
    Rule("outdated", "OutdatedFigure", "Right in an older edition only",
         "The figure matches an older edition of the source than the one current at the article's date.",
         "warning", f"{DOCS}/usage.md#verdicts"),
    Rule("needs-context", "FigureNeedsContext", "Right, but a condition is dropped",
         "The figure matches the source, which attaches a condition (scenario, definition) the article leaves out.",
         "warning", f"{DOCS}/usage.md#verdicts"),
    Rule("unverifiable", "UnverifiableFigure", "No table covers this figure",
         "No reference table covers this claim; check it by hand.",
         "note", f"{DOCS}/usage.md#verdicts"),
    Rule("supported", "SupportedFigure", "The source agrees",
         "The reference table supports this claim.",
         "note", f"{DOCS}/usage.md#verdicts"),
    Rule("malformed-suppression", "MalformedSuppression", "A factcheck comment that is not a directive",
         "A comment starting with 'factcheck' is not a valid suppression directive, so it suppresses nothing.",
         "warning", f"{DOCS}/ci.md#suppression-comments"),
    Rule("unused-suppression", "UnusedSuppression", "A suppression that suppressed nothing",
         "A suppression comment covers no finding; remove it.",
         "warning", f"{DOCS}/ci.md#suppression-comments"),
)}
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def rule_id(item: dict) -> str:
    """The rule of a finding record (by verdict) or of a problem record (by kind)."""
    if "verdict" in item:
        return item["verdict"].replace("_", "-")
    return item["kind"]


def message_text(item: dict) -> str:
    """A finding's message with its suggestion, or a problem's message."""
    text = item["message"]
    if item.get("suggestion"):
        text += f" Suggestion: {item['suggestion']}"
    return text


def reported_findings(doc: dict) -> list[dict]:
    """The findings CI formats list: supported claims are not problems."""
    return [f for f in doc.get("findings", []) if f["verdict"] != "supported"]


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative to the repository root."""
    if path.startswith(("http://", "https://")):
        return path
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix.removeprefix("./"))


def _region(item: dict) -> dict:
    region = {"startLine": item["line"], "startColumn": item["column"]}
    if "end_line" in item:
        region.update({"endLine": item["end_line"], "endColumn": item["end_column"],
                       "charOffset": item["span"]["start"],
                       "charLength": item["span"]["end"] - item["span"]["start"],
                       "snippet": {"text": item["text"]}})
    return region


def identity(item: dict) -> str:
    """What a result is, wherever it stands: a finding's fingerprint (the claim, its table,
    entity and metric; no position), or for a suppression problem its kind and comment."""
    if "fingerprint" in item:
        return item["fingerprint"]
    text = f"{item['kind']}\x1f{' '.join(str(item.get('text', '')).split())}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def occurrences(items: list[dict], by_rule: bool = True) -> list[str]:
    """One key per item, distinct within a file yet independent of positions: the item's
    identity, and for the second and later items with the same identity and rule (two
    "1" figures of one sentence), ":2", ":3"… in reading order — as GitHub numbers equal
    line hashes. Text added above them changes none of the keys. ``by_rule``: numbered
    within each rule (SARIF results are told apart by rule too), else across rules."""
    seen: dict[tuple[str, str], int] = {}
    keys = []
    for item in items:
        base = identity(item)
        group = (rule_id(item) if by_rule else "", base)
        n = seen[group] = seen.get(group, 0) + 1
        keys.append(base if n == 1 else f"{base}:{n}")
    return keys


def _result(doc: dict, item: dict, rule_ids: list[str], key: str) -> dict:
    rid = rule_id(item)
    result = {
        "ruleId": rid,
        "ruleIndex": rule_ids.index(rid),
        "level": LEVEL[item["severity"]],
        "message": {"text": message_text(item)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(doc["path"])},
            "region": _region(item),
        }}],
    }
    result["partialFingerprints"] = {FINGERPRINT_KEY: key}
    if "fingerprint" in item:
        properties = {"verdict": item["verdict"], "claim": item["claim"], "expected": item["expected"],
                      "table": item["table"], "evidence": item["evidence"]}
        if item.get("suggestion"):
            properties["suggestion"] = item["suggestion"]
        result["properties"] = properties
    suppression = item.get("suppression")
    if suppression:
        kind = "inSource" if suppression["kind"] == "comment" else "external"
        justification = suppression.get("reason") or suppression.get("note") or suppression.get("decision", "")
        entry = {"kind": kind, "status": "accepted"}
        if justification:
            entry["justification"] = justification
        result["suppressions"] = [entry]
    return result


def render(report: dict) -> str:
    rule_ids = list(RULES)
    results = []
    notifications = []
    for doc in report["documents"]:
        if doc.get("error"):
            notifications.append({
                "level": "error",
                "message": {"text": doc["error"]},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(doc["path"])}}}],
            })
            continue
        items = reported_findings(doc) + doc.get("problems", [])
        items += [s for s in doc.get("suppressed", []) if s["verdict"] != "supported"]
        items.sort(key=lambda i: (i["line"], i["column"], rule_id(i)))
        results.extend(_result(doc, item, rule_ids, key) for item, key in zip(items, occurrences(items)))
    driver = {
        "name": "factcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [{
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": r.short},
            "fullDescription": {"text": r.full},
            "helpUri": r.help_uri,
            "help": {"text": f"{r.full} See {r.help_uri}"},
            "defaultConfiguration": {"level": r.level},
        } for r in RULES.values()],
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        # Our columns count characters (code points), not SARIF's default UTF-16 units.
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, separators=(",", ":")) + "\n"

"""GitLab Code Quality JSON: the report GitLab shows in merge requests.

A JSON array of issues, each with ``description``, ``check_name``, ``fingerprint``,
``severity`` and ``location`` (path and lines), as GitLab's Code Quality documentation
specifies. GitLab uses the fingerprint to tell new issues from old ones, and it must be
unique in the report: the finding's fingerprint (no line numbers) is combined with the
path and with how many identical claims came before it in the same file.
"""

from __future__ import annotations

import hashlib
import json

from .sarif import message_text, reported_findings, rule_id

SEVERITY = {"error": "critical", "warning": "major", "info": "info"}
"""Code Quality severities are info, minor, major, critical, blocker."""
PROBLEM_SEVERITY = "minor"
CATEGORY = {"finding": "Bug Risk", "problem": "Style"}


def _fingerprint(path: str, key: str, occurrence: int) -> str:
    return hashlib.sha256(f"{path}\x1f{key}\x1f{occurrence}".encode("utf-8")).hexdigest()


def render(report: dict) -> str:
    issues = []
    for doc in report["documents"]:
        path = doc["path"]
        if doc.get("error"):
            issues.append({
                "type": "issue",
                "check_name": "unreadable-article",
                "description": doc["error"],
                "categories": ["Bug Risk"],
                "severity": "blocker",
                "fingerprint": _fingerprint(path, "unreadable", 0),
                "location": {"path": path, "lines": {"begin": 1}},
            })
            continue
        seen: dict[str, int] = {}
        for item in reported_findings(doc) + doc.get("problems", []):
            is_finding = "verdict" in item
            key = item["fingerprint"] if is_finding else f"{item['kind']}\x1f{item['text']}"
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            description = message_text(item)
            if is_finding:
                description = f"“{item['text']}”: {description}"
            issues.append({
                "type": "issue",
                "check_name": rule_id(item),
                "description": description,
                "categories": [CATEGORY["finding" if is_finding else "problem"]],
                "severity": SEVERITY[item["severity"]] if is_finding else PROBLEM_SEVERITY,
                "fingerprint": _fingerprint(path, key, occurrence),
                "location": {"path": path, "positions": {
                    "begin": {"line": item["line"], "column": item["column"]},
                    "end": {"line": item.get("end_line", item["line"]),
                            "column": item.get("end_column", item["column"])},
                }},
            })
    return json.dumps(issues, ensure_ascii=False, separators=(",", ":")) + "\n"

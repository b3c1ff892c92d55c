"""JUnit XML for CI systems that read test reports (GitLab, Jenkins, Azure, CircleCI).

One test suite per article and one test case per checked claim: a claim the source
contradicts, misattributes, dates or qualifies fails; a supported or unverifiable claim
passes (an unverifiable one says so in ``system-out``); a claim settled by a comment or
the decisions file is skipped with its reason; an article that can't be read is an error.
The element and attribute set is the common subset (testsuites/testsuite/testcase with
failure, error, skipped, system-out) that every JUnit reader accepts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .sarif import message_text, occurrences, rule_id

FAILING = {"error", "warning"}


def _case(suite: ET.Element, doc: dict, item: dict, key: str) -> ET.Element:
    """One test case. Its name leaves the position out — CI test views track a test by
    its name, and a paragraph added above must not turn every test into a new one — and
    ends with a short stable key, so that two claims written alike stay two tests."""
    if "verdict" in item:
        what = f"“{' '.join(item['text'].split())}”"
    else:
        what = f"{item.get('kind', '')}: {' '.join(str(item.get('text', '')).split())}"
    base, _, n = key.partition(":")
    case = ET.SubElement(suite, "testcase", {
        "classname": doc["path"],
        "name": f"{what} [{rule_id(item)} {base[:8]}{':' + n if n else ''}]",
        "file": doc["path"],
        "line": str(item["line"]),
        "time": "0",
    })
    return case


def _details(doc: dict, item: dict) -> str:
    lines = [f"{doc['path']}:{item['line']}:{item['column']}: {rule_id(item)}", message_text(item)]
    if item.get("sentence"):
        lines.append(f"Sentence: {item['sentence']}")
    for ev in item.get("evidence", [])[:2]:
        source = " — ".join(x for x in (ev.get("publisher"), ev.get("source_title")) if x)
        lines.append(f"Source: {source} {ev.get('source_url') or ''}".rstrip())
    # XML readers turn a bare CR into LF anyway; say so explicitly for stable output.
    return "\n".join(lines).replace("\r\n", "\n").replace("\r", "\n")


def render(report: dict) -> str:
    root = ET.Element("testsuites", {"name": "factcheck"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for doc in report["documents"]:
        suite = ET.SubElement(root, "testsuite", {"name": doc["path"]})
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if doc.get("error"):
            case = ET.SubElement(suite, "testcase", {"classname": doc["path"], "name": "read the article",
                                                     "file": doc["path"], "time": "0"})
            ET.SubElement(case, "error", {"type": "unreadable", "message": doc["error"]}).text = doc["error"]
            counts["tests"] += 1
            counts["errors"] += 1
        items = [(i, "finding") for i in doc.get("findings", [])]
        items += [(i, "problem") for i in doc.get("problems", [])]
        items += [(i, "suppressed") for i in doc.get("suppressed", [])]
        items.sort(key=lambda pair: (pair[0]["line"], pair[0]["column"]))
        keys = occurrences([item for item, _ in items], by_rule=False)
        for (item, role), key in zip(items, keys):
            case = _case(suite, doc, item, key)
            counts["tests"] += 1
            if role == "suppressed":
                s = item["suppression"]
                how = "a comment" if s["kind"] == "comment" else f"the decisions file ({s['decision']})"
                reason = s.get("reason") or s.get("note") or ""
                ET.SubElement(case, "skipped", {"message": f"settled by {how}" + (f": {reason}" if reason else "")})
                counts["skipped"] += 1
            elif item["severity"] in FAILING:
                failure = ET.SubElement(case, "failure", {"type": rule_id(item), "message": message_text(item)})
                failure.text = _details(doc, item)
                counts["failures"] += 1
            elif item.get("verdict") == "unverifiable":
                ET.SubElement(case, "system-out").text = _details(doc, item)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

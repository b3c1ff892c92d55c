"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

    ::error file=articles/a.md,line=3,col=14,endLine=3,endColumn=18,title=…::message

GitHub's runner decodes ``%25``, ``%0D`` and ``%0A`` in the message, and additionally
``%3A`` and ``%2C`` in property values (actions/toolkit, ``command.ts``:
``escapeData`` / ``escapeProperty``). Journalism is full of ``%`` and commas, so a claim
like "12.5%, up from 9%" must be escaped or the annotation is cut short (sqlfluff needed
PR #8346 for this). GitHub shows only the first few annotations of each kind per step,
so errors come first, then warnings, then notices.
"""

from __future__ import annotations

from .sarif import message_text, reported_findings, rule_id

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
ORDER = {"error": 0, "warning": 1, "info": 2}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def _finding(doc: dict, item: dict) -> tuple[tuple, str]:
    severity = item["severity"]
    title = f"factcheck {rule_id(item)}"
    message = message_text(item)
    if item.get("text") and "verdict" in item:
        message = f"“{item['text']}”: {message}"
    for ev in item.get("evidence", [])[:1]:
        source = " — ".join(x for x in (ev.get("publisher"), ev.get("source_title")) if x)
        if ev.get("source_url"):
            source += f" {ev['source_url']}"
        message += f"\nSource: {source}"
    line = annotation(COMMAND[severity], message, file=doc["path"], line=item["line"], col=item["column"],
                      endLine=item.get("end_line"), endColumn=item.get("end_column"), title=title)
    return (0, ORDER[severity], doc["path"], item["line"], item["column"]), line


def render(report: dict) -> str:
    lines = []
    for doc in report["documents"]:
        if doc.get("error"):
            # Before every finding: a file that could not be checked hides all its findings.
            lines.append(((-1, 0, doc["path"], 0, 0),
                          annotation("error", doc["error"], file=doc["path"], title="factcheck could not check this file")))
            continue
        for item in reported_findings(doc) + doc.get("problems", []):
            lines.append(_finding(doc, item))
    lines.sort(key=lambda pair: pair[0])
    return "".join(text + "\n" for _, text in lines)

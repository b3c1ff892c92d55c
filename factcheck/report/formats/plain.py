"""The human report without rich, for standard output that is not a terminal.

Off a terminal the report has no colours and no wrapping (``terminal.console_for``), so
what rich would write is the text itself. Importing and driving rich for it was about a
fifth of a cold check of one article; this module writes the same characters with plain
strings. ``tests/report/test_terminal_output.py`` holds the two to the same output. When
rich would change something this module does not copy (a tab it expands to its columns),
``text`` returns None and the caller lets rich draw.
"""

from __future__ import annotations

import os

from ... import patterns
from .summary import summary_parts

MARKS = {"error": "✖", "warning": "▲", "info": "●", "supported": "✔"}
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "For information"}
RANKS = {"info": 0, "warning": 1, "error": 2}
_CONTROL = str.maketrans({c: None for c in (7, 8, 11, 12, 13)})
"""The control characters rich drops from every text it prints (BEL, BS, VT, FF, CR)."""
_DATE = patterns.compile(r"[0-9-]+")
LINE_BREAKS = patterns.compile(r"[\r\n\t\v\f]")


def usable(stream) -> bool:
    """True when rich would draw on ``stream`` without colours or wrapping."""
    try:
        if stream.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    if os.environ.get("TTY_COMPATIBLE") == "1" or os.environ.get("FORCE_COLOR"):
        return False
    return True


def _sentence(record: dict) -> str:
    sentence = LINE_BREAKS.sub(" ", record["sentence"])
    return "    " + sentence


def source_line(evidence: dict) -> str:
    parts = [evidence.get("publisher") or "", evidence.get("source_title") or ""]
    line = " — ".join(p for p in parts if p)
    if evidence.get("published"):
        line += f" ({evidence['published']})"
    if evidence.get("source_url"):
        line += f" {evidence['source_url']}"
    return line


def title(doc: dict) -> str:
    """The document's heading line: its path, title and address."""
    line = doc["path"]
    if doc.get("title"):
        line += f" — {doc['title']}"
    if doc.get("metadata", {}).get("url"):
        line += f" <{doc['metadata']['url']}>"
    return line


def groups(doc: dict, show_supported: bool, min_rank: int):
    """The findings to show, by severity (errors first), as ``(severity, findings)``."""
    for severity in ("error", "warning", "info"):
        group = [f for f in doc["findings"] if f["severity"] == severity
                 and RANKS[severity] >= min_rank
                 and (show_supported or f["verdict"] != "supported")]
        if group:
            yield severity, group


def _document(out: list[str], doc: dict, show_supported: bool, min_rank: int) -> bool:
    out.append(title(doc))
    if doc.get("as_of"):
        if not _DATE.fullmatch(str(doc["as_of"])):  # rich reads markup and emoji codes here
            return False
        out.append(f"  article date: {doc['as_of']}")
    if doc.get("error"):
        out.append(f"  could not be checked: {doc['error']}")
        return True
    shown = 0
    for severity, group in groups(doc, show_supported, min_rank):
        out.append(f"\n  {HEADINGS[severity]}")
        for f in group:
            shown += 1
            mark = MARKS["supported"] if f["verdict"] == "supported" else MARKS[severity]
            out.append(f"  {mark} {f['verdict']}  {doc['path']}:{f['line']}:{f['column']}  “{f['text']}”")
            out.append(_sentence(f))
            out.append(f"    {f['message']}")
            if f.get("suggestion"):
                out.append(f"    Suggestion: {f['suggestion']}")
            for ev in f.get("evidence", [])[:2]:
                out.append(f"    Source: {source_line(ev)}")
    for problem in doc.get("problems", []):
        out.append(f"  ! {doc['path']}:{problem.get('line', '?')}: {problem['message']}")
    if not shown:
        out.append("  nothing to report")
    return True


def text(report: dict, show_supported: bool = False, min_severity: str = "info") -> str | None:
    """The human report as rich writes it off a terminal, or None if rich must draw it."""
    min_rank = RANKS[min_severity]
    out: list[str] = []
    for doc in report["documents"]:
        if not _document(out, doc, show_supported, min_rank):
            return None
        out.append("")
    summary = ", ".join(summary_parts(report))
    if "[" in summary or "\\" in summary:  # rich's escape() would add backslashes
        return None
    out.append(summary)
    result = "\n".join(out).translate(_CONTROL) + "\n"
    return None if "\t" in result else result

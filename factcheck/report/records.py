"""Findings as plain, builtin-typed records: the one seam every output format reads.

Like sqlfluff's ``LintingResult.as_records()``: build the records once, and let JSON,
SARIF, GitHub annotations, JUnit and GitLab each be a small function of them.
"""

from __future__ import annotations

from dataclasses import field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms) at start-up

from ..dataclassgen import dataclass
from ..levels import Severity

if TYPE_CHECKING:
    from ..model import Finding
    from ..read.document import Document

SCHEMA_VERSION = 1


@dataclass
class DocumentResult:
    """The findings of one document, or the error that stopped it being read."""

    path: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    suppressed: list[dict] = field(default_factory=list)
    """Findings silenced by an in-article directive or the decisions file, as records."""
    problems: list[dict] = field(default_factory=list)
    """Problems that are not claims: malformed or unused suppression directives."""


def fingerprint(finding: Finding) -> str:
    """``judge.check.fingerprint``, its module imported when first needed: the report's
    modules load without extraction and judging (a run whose articles all come from the
    result cache never needs them: it keeps the records, fingerprints included)."""
    from ..judge.check import fingerprint as compute
    return compute(finding)


def finding_record(document: Document, finding: Finding) -> dict:
    span = finding.span
    line, column = document.line_col(span.start)
    end_line, end_column = document.line_col(span.end)
    sentence = finding.claim.sentence
    fix = finding.fix
    return {
        "verdict": finding.verdict.value,
        "severity": finding.severity.value,
        "span": {"start": span.start, "end": span.end},
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": document.text[span.start:span.end],
        "sentence": document.text[sentence.span.start:sentence.span.end],
        "sentence_span": {"start": sentence.span.start, "end": sentence.span.end},
        "claim": {**finding.stated.as_record(), "source": _attribution(document, finding),
                  "role": finding.claim.role},
        "grounds": _grounds(document, finding),
        "expected": finding.expected.as_record() if finding.expected else None,
        "suggestion": finding.suggestion,
        "message": finding.message,
        "fix": {"start": fix[0], "end": fix[1], "text": fix[2]} if fix else None,
        "table": finding.table,
        "evidence": [e.as_record() for e in finding.evidence],
        "fingerprint": fingerprint(finding),
    }


def _grounds(document: Document, finding: Finding) -> dict:
    """Slot → how it was fixed: ``by``, the article's ``words`` (or null) and their ``span``."""
    out = {}
    for g in finding.grounds:
        words = " ".join(document.text[g.span.start:g.span.end].split()) if g.span else None
        out[g.slot] = {"by": g.by, "words": words, "value": g.note,
                       "span": {"start": g.span.start, "end": g.span.end} if g.span else None}
    return out


def _attribution(document: Document, finding: Finding) -> str | None:
    """The source the article gives for the figure, as written ("the IMD World Digital
    Competitiveness Ranking", "Goldman Sachs"), from its sentence or earlier in the text."""
    claim = finding.claim
    if not claim.sources or (finding.table is None and claim.source_distance > 0):
        return None  # a source named earlier, for a figure no table took, says nothing
    span = max(claim.sources, key=lambda s: (s.exact, s.span.end - s.span.start)).span
    return " ".join(document.text[span.start:span.end].split())


def document_record(result: DocumentResult) -> dict:
    doc = result.document
    record = {
        "path": result.path,
        "as_of": doc.as_of.isoformat() if doc and doc.as_of else None,
        "title": doc.title if doc else None,
        "findings": [finding_record(doc, f) for f in result.findings] if doc else [],
    }
    if doc and doc.metadata:
        record["metadata"] = doc.metadata
    if result.error:
        record["error"] = result.error
    if result.suppressed:
        record["suppressed"] = result.suppressed
    if result.problems:
        record["problems"] = result.problems
    return record


def summary(results: list[DocumentResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    verdicts: dict[str, int] = {}
    for f in findings:
        verdicts[f.verdict.value] = verdicts.get(f.verdict.value, 0) + 1
    return {
        "documents": len(results),
        "claims": len(findings),
        "errors": sum(1 for f in findings if f.severity == Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity == Severity.WARNING),
        "verdicts": dict(sorted(verdicts.items())),
        "unreadable": sum(1 for r in results if r.error),
        "suppressed": sum(len(r.suppressed) for r in results),
    }


def report(results: list[DocumentResult]) -> dict:
    """The whole run as the documented JSON structure (docs/json-format.md)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [document_record(r) for r in results],
        "summary": summary(results),
    }

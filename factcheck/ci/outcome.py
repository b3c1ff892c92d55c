"""One article's settled result as pieces of JSON text: what the result cache keeps and
what the JSON report is written from.

An article checked now and one whose result is reused go through the same code from
here on: the engine's findings, once settled (disabled tables and verdicts dropped,
suppression comments applied), are turned into their JSON records once
(``Outcome.from_result``); the decisions file and ``--show`` are then applied to those
pieces, and the JSON report splices them in as they are. A reused article's report is
therefore the same text as a fresh one's by construction, and a re-run neither rebuilds
findings nor encodes them again.

Each item keeps beside its text what the run needs to know without parsing it: its
severity (``--show``, the exit status, the counts), and for a finding its fingerprint
and verdict (the decisions file) and where it starts (the order of ``suppressed``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..model import Severity
from ..report import records

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
encode = _ENCODER.encode
"""The JSON report's own encoder settings (report/formats/json_format.py)."""

RANKS = {s.value: s.rank for s in Severity}
ALL = min(RANKS.values())
"""The floor that keeps every item (no ``--show``)."""


@dataclass
class Outcome:
    """One article's result, settled, as the JSON report's pieces."""

    path: str
    head: str = '"as_of":null,"title":null'
    """The record's ``as_of`` and ``title``, as JSON (between ``path`` and ``findings``)."""
    metadata: str = ""
    """``,"metadata":{…}``, or nothing."""
    findings: list = field(default_factory=list)
    """``[fingerprint, verdict, severity, start, text]`` of each finding kept."""
    suppressed: list = field(default_factory=list)
    """``[severity, start, text]``, in the order of the report."""
    problems: list = field(default_factory=list)
    """``[severity, text]``, in the order of the report."""
    error: str | None = None
    cached: bool = False
    document: object = None
    """The article read, when it was checked now (None when reused or unreadable)."""

    # -------------------------------------------------------------- making one

    @classmethod
    def from_result(cls, result: records.DocumentResult) -> "Outcome":
        """A settled result (``run.settle`` without the decisions file) as pieces."""
        doc = result.document
        if doc is None:
            return cls(path=result.path, error=result.error)
        head = encode({"as_of": doc.as_of.isoformat() if doc.as_of else None, "title": doc.title})[1:-1]
        metadata = "," + encode({"metadata": doc.metadata})[1:-1] if doc.metadata else ""
        findings = []
        for finding in result.findings:
            record = records.finding_record(doc, finding)
            findings.append([record["fingerprint"], record["verdict"], record["severity"],
                             record["span"]["start"], encode(record)])
        suppressed = [[r["severity"], r["span"]["start"], encode(r)] for r in result.suppressed]
        problems = [[p["severity"], encode(p)] for p in result.problems]
        return cls(path=result.path, head=head, metadata=metadata, findings=findings,
                   suppressed=suppressed, problems=problems, document=doc)

    def entry(self) -> dict:
        """What the result cache keeps (no path: the same text elsewhere reuses it)."""
        return {"head": self.head, "metadata": self.metadata, "findings": self.findings,
                "suppressed": self.suppressed, "problems": self.problems}

    @classmethod
    def from_entry(cls, path: str, entry) -> "Outcome | None":
        """An entry read back; None when it is not one this code wrote."""
        try:
            head, metadata = entry["head"], entry["metadata"]
            findings, suppressed, problems = entry["findings"], entry["suppressed"], entry["problems"]
            ok = (isinstance(head, str) and isinstance(metadata, str)
                  and all(len(f) == 5 and f[2] in RANKS and isinstance(f[0], str) and isinstance(f[1], str)
                          and isinstance(f[3], int) and isinstance(f[4], str) for f in findings)
                  and all(len(s) == 3 and s[0] in RANKS and isinstance(s[1], int) and isinstance(s[2], str)
                          for s in suppressed)
                  and all(len(p) == 2 and p[0] in RANKS and isinstance(p[1], str) for p in problems))
        except (KeyError, TypeError):
            return None
        if not ok:
            return None
        return cls(path=path, head=head, metadata=metadata, findings=findings, suppressed=suppressed,
                   problems=problems, cached=True)

    # -------------------------------------------------------------- settling

    def decided(self, decisions) -> "Outcome":
        """The decisions file applied: a finding it settles (any verdict but supported)
        moves to ``suppressed`` with the decision, as ``run.settle`` does."""
        if decisions is None or not self.findings:
            return self
        kept, moved = [], []
        for item in self.findings:
            decision = decisions.get(item[0])
            if decision is None or item[1] == "supported":
                kept.append(item)
                continue
            text = item[4][:-1] + ',"suppression":' + encode(decision_record(decision)) + "}"
            moved.append([item[2], item[3], text])
        if not moved:
            return self
        suppressed = sorted(self.suppressed + moved, key=lambda s: s[1])
        return Outcome(path=self.path, head=self.head, metadata=self.metadata, findings=kept,
                       suppressed=suppressed, problems=self.problems, error=self.error,
                       cached=self.cached, document=self.document)

    # -------------------------------------------------------------- reading it

    def rank(self) -> int:
        """The worst severity left (findings and problems), or -1: for the exit status."""
        ranks = [RANKS[f[2]] for f in self.findings] + [RANKS[p[0]] for p in self.problems]
        return max(ranks, default=-1)

    def text(self, floor: int = ALL) -> str:
        """The document's record as JSON text, with only the items at or above ``floor``
        (``--show``): the same text as ``json_format`` writes for ``document_record``."""
        parts = ['{"path":', encode(self.path), ",", self.head, ',"findings":[',
                 ",".join(f[4] for f in self.findings if RANKS[f[2]] >= floor), "]", self.metadata]
        if self.error is not None:
            parts.append(',"error":' + encode(self.error))
        for key, items in (("suppressed", self.suppressed), ("problems", self.problems)):
            shown = [i[-1] for i in items if RANKS[i[0]] >= floor]
            if shown:
                parts.append(f',"{key}":[' + ",".join(shown) + "]")
        parts.append("}")
        return "".join(parts)


def decision_record(decision) -> dict:
    """How a finding settled by the decisions file says so in ``suppressed``."""
    record = {"kind": "decision", "decision": decision.kind.value}
    for key in ("reason", "note", "source_url", "by", "at"):
        if getattr(decision, key):
            record[key] = getattr(decision, key)
    return record


class Counts:
    """The report's ``summary``, counted one article at a time (``records.summary``)."""

    def __init__(self):
        self.documents = self.claims = self.errors = self.warnings = 0
        self.unreadable = self.suppressed = self.cached = 0
        self.verdicts: dict[str, int] = {}

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.unreadable += outcome.error is not None
        self.cached += outcome.cached
        self.suppressed += len(outcome.suppressed)
        self.claims += len(outcome.findings)
        verdicts = self.verdicts
        for item in outcome.findings:
            verdicts[item[1]] = verdicts.get(item[1], 0) + 1
            if item[2] == "error":
                self.errors += 1
            elif item[2] == "warning":
                self.warnings += 1

    def summary(self) -> dict:
        return {"documents": self.documents, "claims": self.claims, "errors": self.errors,
                "warnings": self.warnings, "verdicts": dict(sorted(self.verdicts.items())),
                "unreadable": self.unreadable, "suppressed": self.suppressed}

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
from dataclasses import field

from ..dataclassgen import dataclass
from ..levels import Severity
from ..report import records

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
encode = _ENCODER.encode
"""The JSON report's own encoder settings (report/formats/json_format.py)."""

RANKS = {s.value: s.rank for s in Severity}
ALL = min(RANKS.values())
"""The floor that keeps every item (no ``--show``)."""
NONE = max(RANKS.values()) + 1
"""The lowest rank of an article without items: above every floor."""


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
        """What the result cache keeps (no path: the same text elsewhere reuses it).

        ``body`` is the document's record after its path, unfiltered (what the report
        splices in when nothing is settled by decisions or hidden by ``--show``);
        ``parts`` say where each item is in it, and ``tally`` is what the counts, the
        exit status and the decisions file need to know without reading ``parts``."""
        pieces = [self.head, ',"findings":[']
        at = len(self.head) + len(pieces[1])

        def place(items: list, comma: bool) -> list:
            nonlocal at
            places = []
            for item in items:
                if comma and places:
                    pieces.append(",")
                    at += 1
                places.append([*item[:-1], at, len(item[-1])])
                pieces.append(item[-1])
                at += len(item[-1])
            return places

        def add(text: str) -> None:
            nonlocal at
            pieces.append(text)
            at += len(text)

        findings = place(self.findings, True)
        add("]" + self.metadata)
        lists = {}
        for key in ("suppressed", "problems"):
            items = getattr(self, key)
            if items:
                add(f',"{key}":[')
                lists[key] = place(items, True)
                add("]")
            else:
                lists[key] = []
        add("}")
        parts = {"head": self.head, "metadata": self.metadata, "findings": findings, **lists}
        return {"tally": self.tally(), "parts": parts, "body": "".join(pieces)}

    @classmethod
    def from_parts(cls, path: str, parts, body: str) -> "Outcome | None":
        """An entry's parts read back; None when they are not what this code wrote."""
        try:
            head, metadata = parts["head"], parts["metadata"]
            lists = [parts["findings"], parts["suppressed"], parts["problems"]]
            sizes = (6, 4, 3)
            ok = isinstance(head, str) and isinstance(metadata, str) and all(
                isinstance(item, list) and len(item) == size and item[-4 if size > 3 else -3] in RANKS
                and all(type(n) is int and n >= 0 for n in item[-2:])
                for items, size in zip(lists, sizes) for item in items)
            ok = ok and all(isinstance(f[0], str) and isinstance(f[1], str) and type(f[3]) is int for f in lists[0])
            ok = ok and all(type(s[1]) is int for s in lists[1])
        except (KeyError, TypeError, IndexError):
            return None
        if not ok:
            return None
        findings, suppressed, problems = ([[*item[:-2], body[item[-2]:item[-2] + item[-1]]] for item in items]
                                          for items in lists)
        return cls(path=path, head=head, metadata=metadata, findings=findings, suppressed=suppressed,
                   problems=problems, cached=True)

    def tally(self) -> dict:
        """What ``Counts``, the exit status and the decisions file need of this article."""
        verdicts: dict[str, int] = {}
        for item in self.findings:
            verdicts[item[1]] = verdicts.get(item[1], 0) + 1
        severities = [f[2] for f in self.findings]
        ranks = [RANKS[f[2]] for f in self.findings] + [RANKS[p[0]] for p in self.problems]
        every = ranks + [RANKS[s[0]] for s in self.suppressed]
        return {"claims": len(self.findings), "errors": severities.count("error"),
                "warnings": severities.count("warning"), "verdicts": verdicts,
                "suppressed": len(self.suppressed), "rank": max(ranks, default=-1),
                "low": min(every, default=NONE),
                "open": [f[0] for f in self.findings if f[1] != "supported"]}

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

    def data(self, floor: int = ALL) -> bytes:
        return self.text(floor).encode("utf-8")

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


class Reused:
    """An article's result as the result cache kept it, read no further than needed: when
    the decisions file settles none of its findings and ``--show`` hides none of its
    items, its record is the entry's text as it is, and only the entry's first line (the
    tally) is parsed. Otherwise ``parts`` makes the whole ``Outcome``."""

    error = None
    cached = True
    document = None

    def __init__(self, path: str, tally: dict, body: bytes, parts: bytes):
        self.path, self._tally, self.body, self.parts = path, tally, body, parts

    @classmethod
    def read(cls, path: str, tally, body: bytes, parts: bytes) -> "Reused | None":
        """None when the tally is not what this code wrote."""
        try:
            ok = (all(type(tally[k]) is int for k in ("claims", "errors", "warnings", "suppressed", "rank", "low"))
                  and isinstance(tally["verdicts"], dict)
                  and all(isinstance(k, str) and type(v) is int for k, v in tally["verdicts"].items())
                  and isinstance(tally["open"], list) and all(isinstance(f, str) for f in tally["open"]))
        except (KeyError, TypeError):
            return None
        return cls(path, tally, body, parts) if ok else None

    def tally(self) -> dict:
        return self._tally

    def rank(self) -> int:
        return self._tally["rank"]

    def needs_parts(self, decisions, floor: int) -> bool:
        """Does the decisions file settle one of its findings, or ``--show`` hide an item?"""
        if floor > self._tally["low"]:
            return True
        return decisions is not None and any(decisions.get(fp) is not None for fp in self._tally["open"])

    def outcome(self) -> Outcome | None:
        """The whole ``Outcome``; None when the entry's parts are not what this code wrote."""
        try:
            parts = json.loads(self.parts)
            body = self.body.decode("utf-8")
        except ValueError:  # not JSON, not UTF-8
            return None
        return Outcome.from_parts(self.path, parts, body)

    def decided(self, decisions) -> "Reused":
        return self  # ``needs_parts`` was false: nothing to settle

    def text(self, floor: int = ALL) -> str:
        return '{"path":' + encode(self.path) + "," + self.body.decode("utf-8")

    def data(self, floor: int = ALL) -> bytes:
        """``text`` in UTF-8: the entry's bytes spliced in without decoding them."""
        return b'{"path":' + encode(self.path).encode("utf-8") + b"," + self.body


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

    def add(self, outcome) -> None:
        self.documents += 1
        self.unreadable += outcome.error is not None
        self.cached += outcome.cached
        if outcome.error is not None:
            return
        tally = outcome.tally()
        self.suppressed += tally["suppressed"]
        self.claims += tally["claims"]
        self.errors += tally["errors"]
        self.warnings += tally["warnings"]
        verdicts = self.verdicts
        for verdict, count in tally["verdicts"].items():
            verdicts[verdict] = verdicts.get(verdict, 0) + count

    def summary(self) -> dict:
        return {"documents": self.documents, "claims": self.claims, "errors": self.errors,
                "warnings": self.warnings, "verdicts": dict(sorted(self.verdicts.items())),
                "unreadable": self.unreadable, "suppressed": self.suppressed}

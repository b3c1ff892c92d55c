"""The pipeline for one document: claims → verdicts → findings, in reading order."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from dataclasses import dataclass, replace

from ..extract.claims import Extractors, extract
from ..read.document import Document, normalise
from ..reference.library import Library
from ..model import Finding, Span, Verdict
from ..extract import roles
from . import freshness, periods
from .match import STRENGTH_PUBLISHER, Candidate, choose_entity
from .metricwords import counted_phrase
from .verdicts import Checker


@dataclass
class Engine:
    """Everything built once per library; ``check`` runs per document."""

    library: Library
    extractors: Extractors
    checker: Checker

    @classmethod
    def create(cls, library: Library) -> "Engine":
        return cls(library, Extractors.for_library(library), Checker(library))

    def check(self, document: Document) -> list[Finding]:
        analysed, original = _analysed(document)
        claims = extract(analysed, self.extractors)
        # An edition the article names beside its source is out, whatever the dateline.
        as_of = periods.as_of_named(claims, analysed.prose, document.as_of, self.library.tables)
        self.checker.ambiguous = {}
        findings = [self.checker.check(claim, as_of) for claim in claims]
        if self.checker.ambiguous:
            findings = self._settled_by_sentence(findings, as_of)
        findings = self._counts_carried(findings, as_of)
        tables = self.library.tables
        findings = [freshness.unsure_when_behind(f, as_of, tables) for f in findings]
        return [_on_original(f, original) for f in findings] if original else findings


    def _settled_by_sentence(self, findings: list[Finding], as_of) -> list[Finding]:
        """"Japan fell one place from last year's 34th to 35th" after "IMD", which issues two
        rankings: a figure that could be about either, none agreeing, is about the one that
        confirms another figure of its sentence — when exactly one of them does."""
        confirmed: dict[tuple, set[str]] = {}
        for f in findings:
            if f.verdict == Verdict.SUPPORTED and f.table:
                confirmed.setdefault(f.claim.sentence.span, set()).add(f.table)
        out = []
        for f in findings:
            tables = self.checker.ambiguous.get(id(f.claim))
            if tables:
                sure = confirmed.get(f.claim.sentence.span, set()) & tables
                if len(sure) == 1:
                    f = self.checker.in_table(f.claim, as_of, next(iter(sure)))
            out.append(f)
        return out


    def _counts_carried(self, findings: list[Finding], as_of) -> list[Finding]:
        """"…202 entries, compared to America's 143. Now, China has 226, while the US has
        fallen to 114": a bare count with no noun of its own, right after a sentence of its
        paragraph whose count the table confirmed by the metric's own words, counts the same
        thing — for an entity the table has that count for."""
        out: list[Finding] = []
        last: tuple[int, int, Candidate] | None = None  # (paragraph, sentence start, candidate)
        for f in findings:
            claim = f.claim
            if (last is not None and f.verdict == Verdict.UNVERIFIABLE and f.table is None
                    and claim.role == roles.VALUE and claim.quantity.kind == "number"
                    and claim.quantity.range_of is None and not claim.times
                    and claim.sentence.paragraph == last[0] and claim.sentence.span.start >= last[1]
                    and counted_phrase(claim) is None):
                c = last[2]
                chosen = choose_entity(c.table, claim, self.library, c.metric)
                if chosen is not None and chosen[1] is not None and chosen[1].via in ("name", "demonym") \
                        and c.table.rows(chosen[0], c.metric.id):
                    carried = Candidate(c.table, c.metric, chosen[0], chosen[1], STRENGTH_PUBLISHER, None)
                    judged = self.checker.judge_as(claim, carried, as_of)
                    if judged is not None:
                        f = judged
            if (f.verdict == Verdict.SUPPORTED and f.table and claim.quantity.kind == "number"
                    and claim.role == roles.VALUE):
                metric_ground = next((g for g in f.grounds if g.slot == "metric"), None)
                table = self.library.tables.get(f.table)
                metric = next((m for m in table.metrics.values() if f.expected and m.label == f.expected.metric), None) \
                    if table else None
                if metric is not None and metric.kind == "count" and metric_ground is not None \
                        and metric_ground.by == "article" and any(g.slot == "source" for g in f.grounds):
                    last = (claim.sentence.paragraph, claim.sentence.span.start,
                            Candidate(table, metric, f.expected.entity or "", None, STRENGTH_PUBLISHER, None))
            if last is not None and claim.sentence.paragraph != last[0]:
                last = None
            out.append(f)
        return out


def _analysed(document: Document) -> tuple[Document, list[int] | None]:
    """The document as the extractors read it (see ``document.normalise``), and the map
    from its offsets back to the article's, or None when they are the same."""
    prose, original = normalise(document.prose)
    if prose == document.prose:
        return document, None
    if original is None:
        return replace(document, prose=prose), None
    heading_lines = frozenset(bisect.bisect_left(original, h) for h in document.heading_lines)
    return replace(document, prose=prose, heading_lines=heading_lines), original


def _on_original(finding: Finding, original: list[int]) -> Finding:
    """A finding made on the normalised text, with every span put back on the article as
    written: a span covers the same characters plus any invisible ones between them."""

    def span(s: Span) -> Span:
        start = original[s.start]
        end = original[s.end - 1] + 1 if s.end > s.start else start
        return Span(start, end)

    def walk(value):
        if isinstance(value, Span):
            return span(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
            return replace(value, **changes)
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        return value

    moved = walk(finding)
    if finding.fix is not None:
        fixed = span(Span(finding.fix[0], finding.fix[1]))
        moved = replace(moved, fix=(fixed.start, fixed.end, finding.fix[2]))
    return moved


def fingerprint(finding: Finding) -> str:
    """A stable id for a finding that does not depend on where it stands in the file.

    detect-secrets leaves line numbers out of its baseline "because line numbers are
    subject to change"; we hash the claim as written, the table, entity and metric, and
    — for claims no table covers — the sentence, so that two bare "two"s differ.
    """
    parts = [
        _normal(finding.claim.quantity.text),
        finding.table or "",
        finding.stated.entity or "",
        finding.stated.metric or "",
    ]
    if finding.table is None:
        parts.append(_normal(finding.claim.sentence.text))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()

"""The pipeline for one document: claims → verdicts → findings, in reading order."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from dataclasses import replace

from .. import patterns
from ..dataclassgen import dataclass
from ..extract.claims import Extractors, extract
from ..read.document import Document, normalise
from ..read.language import not_english
from ..reference.library import Library
from ..model import Finding, Span
from . import bandlist, dating, foreign, freshness, listorder, neighbours, periods
from .match import with_frames, with_topics
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
        split: list = []
        claims = with_frames(extract(analysed, self.extractors, split), analysed.prose, split, self.library)
        claims = with_topics(claims, split, self.library)
        claims = periods.scenario_referred(claims, split)
        # An edition the article names beside its source is out, whatever the dateline.
        as_of = periods.as_of_named(claims, analysed.prose, document.as_of, self.library.tables)
        self.checker.ambiguous = {}
        findings = [self.checker.check(claim, as_of) for claim in claims]
        if self.checker.ambiguous:
            findings = neighbours.settled_by_sentence(findings, self.checker, as_of)
        findings = neighbours.counts_carried(findings, self.checker, as_of)
        findings = neighbours.changes_by_partner(findings, self.checker, as_of)
        findings = neighbours.range_in_passage(findings, self.checker, as_of)
        findings = listorder.orders_checked(findings, self.checker, as_of)
        findings = bandlist.lists_checked(findings, self.checker)
        tables = self.library.tables
        findings = [freshness.unsure_when_behind(f, as_of, tables) for f in findings]
        if findings and not_english(analysed.prose):
            findings = [foreign.unread(f) for f in findings]
        if as_of is None and document.as_of is None:
            pinned = dating.edition_of_figures(findings, self.library)
            day = dating.publication_day(*pinned) if pinned is not None else None
            if day is not None:
                # An undated article whose confirmed figures fit one edition only: read
                # again as of that edition (``dating``).
                return [dating.grounded(f, *pinned) for f in self.check(replace(document, as_of=day))]
        return [_on_original(f, original) for f in findings] if original else findings


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


_SPACES = patterns.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()

"""The pipeline for one document: claims → verdicts → findings, in reading order."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..extract.claims import Extractors, extract
from ..read.document import Document
from ..reference.library import Library
from ..model import Finding
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
        claims = extract(document, self.extractors)
        return [self.checker.check(claim, document.as_of) for claim in claims]


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

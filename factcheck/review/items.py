"""The review's plain records: a listed finding with its decision, the counts, the
summary, the list filter and the log of what was done."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..ci.decisions import Decision


class Filter(str, enum.Enum):
    """Which findings the list shows; ``f`` cycles through them in this order."""

    ALL = "all"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def next(self) -> "Filter":
        members = list(Filter)
        return members[(members.index(self) + 1) % len(members)]

    def admits(self, severity: str) -> bool:
        return self is Filter.ALL or self.value == severity


class Action(str, enum.Enum):
    APPLIED = "applied"
    DISMISSED = "dismissed"
    VERIFIED = "verified"
    NOTED = "noted"


@dataclass(frozen=True)
class LogEntry:
    """One thing done in this review, for the undo label and the summary."""

    action: Action
    fingerprint: str
    claim: str
    detail: str = ""


@dataclass(frozen=True)
class Item:
    """A finding of the latest check, with the decision that applies to it now."""

    key: str
    """Fingerprint plus occurrence number: two identical claims are two items."""
    record: dict
    """``records.finding_record`` of the finding."""
    decision: Decision | None = None
    decided_now: bool = False
    """True when the decision was made in this review and is not saved yet."""

    @property
    def fingerprint(self) -> str:
        return self.record["fingerprint"]

    @property
    def verdict(self) -> str:
        return self.record["verdict"]

    @property
    def severity(self) -> str:
        return self.record["severity"]

    @property
    def is_open(self) -> bool:
        return self.decision is None and self.verdict != "supported"

    @property
    def status(self) -> str:
        return self.decision.kind.value if self.decision else "open"


@dataclass(frozen=True)
class Counts:
    errors: int = 0
    warnings: int = 0
    info: int = 0
    settled: int = 0
    supported: int = 0

    @property
    def open(self) -> int:
        return self.errors + self.warnings + self.info


@dataclass(frozen=True)
class Summary:
    applied: int
    dismissed: int
    verified: int
    noted: int
    still_open: int

    def line(self) -> str:
        return (f"{self.applied} applied, {self.dismissed} dismissed, {self.verified} verified, "
                f"{self.still_open} still open")


@dataclass(frozen=True)
class Recovery:
    """What an interrupted review left behind, for the resume-or-discard question."""

    started: str
    applied: int
    decisions: int
    article_edited: bool
    """The article differs from its backup (corrections were applied)."""

"""Verdicts and their severities: the words every stage and every report shares.

Kept apart from ``model`` (whose records are dataclasses, slow to create at start-up) so
that a run whose results all come from the result cache can rank and count them without
importing the records. ``model`` re-exports both.
"""

from __future__ import annotations

import enum


class Verdict(str, enum.Enum):
    """The closed set of verdicts a claim can get."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISATTRIBUTED = "misattributed"
    OUTDATED = "outdated"
    NEEDS_CONTEXT = "needs_context"
    UNVERIFIABLE = "unverifiable"

    @property
    def severity(self) -> "Severity":
        return _SEVERITY[self]


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used for sorting and thresholds."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


_SEVERITY = {
    Verdict.CONTRADICTED: Severity.ERROR,
    Verdict.MISATTRIBUTED: Severity.ERROR,
    Verdict.OUTDATED: Severity.WARNING,
    Verdict.NEEDS_CONTEXT: Severity.WARNING,
    Verdict.SUPPORTED: Severity.INFO,
    Verdict.UNVERIFIABLE: Severity.INFO,
}

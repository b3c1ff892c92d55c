"""Why a claim was read the way it was: the article's words behind each slot.

Every finding records, for its entity, metric, period, role and source, either the span
of the article that fixed it or the default that filled it ("the edition current at the
article's date", "the table's overall rank"). Editors see *why*; the review and CI can
show it; and the rule "flag only what is grounded" can be checked against it.
"""

from __future__ import annotations

import datetime as dt

from .match import Candidate
from ..model import Claim, Ground

ENTITY_BY = {"name": "article", "demonym": "article", "fuzzy": "article", "reference": "passage", "row": "article"}


def of(claim: Claim, c: Candidate | None, as_of: dt.date | None, edition: str | None = None) -> tuple[Ground, ...]:
    out = []
    if c is not None and c.entity_mention is not None:
        m = c.entity_mention
        out.append(Ground("entity", ENTITY_BY.get(m.via, "article"), m.span, c.entity))
    elif c is not None:
        out.append(Ground("entity", "table default", None, c.entity))
    elif claim.entities:
        m = claim.entities[0]
        out.append(Ground("entity", ENTITY_BY.get(m.via, "article"), m.span, m.entity))
    if c is not None:
        if c.metric_span is not None:
            out.append(Ground("metric", "article", c.metric_span, c.metric.label))
        elif c.loose:
            out.append(Ground("metric", "article", None, f"{c.metric.label} (loose wording)"))
        else:
            out.append(Ground("metric", "table default", None, c.metric.label))
    times = [t for t in claim.times if t.kind not in ("event",)]
    if times and times[0].kind != "previous":
        out.append(Ground("period", "article", times[0].span, edition or times[0].text))
    elif times:
        out.append(Ground("period", "article", claim.role_span, edition or "the previous edition"))
    elif as_of is not None:
        out.append(Ground("period", "article date", None, edition or f"current on {as_of.isoformat()}"))
    else:
        out.append(Ground("period", "undated", None, edition or "any edition"))
    out.append(Ground("role", "article" if claim.role_span else "default", claim.role_span, claim.role))
    if claim.sources:
        source = max(claim.sources, key=lambda s: (s.exact, s.span.end - s.span.start))
        by = "article" if not claim.source_carried else "passage"
        out.append(Ground("source", by, source.span, ", ".join(source.tables)))
    return tuple(out)

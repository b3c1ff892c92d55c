"""A band given to a list of names: "Denmark, Ireland and Switzerland are the top three",
"the top three were Denmark, Ireland and Switzerland".

``extract.membership`` reads the band; the first reading gives it to one name, the one
the sentence puts nearest. Every name of the list is in the band or the sentence is
wrong, so once the band's ranking, measure and edition are settled for that name (its
finding is supported or contradicted), each name of the list is looked up in the same
edition: one finding on the whole list, flagged when a name's place is past the band,
confirmed when every name's place is in it, left as it was when a name has no place in
the table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns
from . import explain, wording
from .compare import BANDS
from .listorder import _row
from .verdicts import Checker, _evidence
from ..extract import membership
from ..model import Finding, Statement, Verdict



def lists_checked(findings: list[Finding], checker: Checker) -> list[Finding]:
    """Each finding, the finding on a band given to a list of names replaced by one on the
    whole list (when every name can be looked up)."""
    return [(_whole_list(f, checker) or f) if f.claim.quantity.hedge == "top" and f.table
            and f.expected is not None and f.verdict in (Verdict.SUPPORTED, Verdict.CONTRADICTED) else f
            for f in findings]


def _whole_list(f: Finding, checker: Checker) -> Finding | None:
    table = checker.library.tables.get(f.table)
    metric = next((m for m in table.metrics.values() if m.label == f.expected.metric), None) if table else None
    if metric is None or metric.kind != "rank":
        return None
    names = _listed(f)
    if len(names) < 2:
        return None
    period = f.expected.period
    rows = [(name, _row(table, metric.id, name, period, None)) for name in names]
    if any(row is None for _, row in rows):
        return None  # a name without its place in that edition: the list cannot be settled
    q = f.claim.quantity
    edition = explain.edition_title(table, rows[0][1])
    outside = [(name, row) for name, row in rows if not q.low <= row.number <= q.high]
    evidence = tuple(dict.fromkeys(_evidence(table, row) for _, row in rows))
    places = ", ".join(f"{name} {wording.ordinal(int(row.number))}" for name, row in rows)
    written = " ".join(q.text.split())
    at = written.lower().find("top")
    band = "the " + written[at:] if at >= 0 else written  # "in the top 10", "the top three": "the top …"
    if not outside:
        return replace(f, verdict=Verdict.SUPPORTED, message=(
            f"Matches the source: the {edition} puts {places} ({metric.label}), all in {band}."),
            suggestion=None, evidence=evidence, fix=None)
    name, row = outside[0]
    message = (f"{table.title}: the {edition} puts "
               + "; ".join(f"{n} {wording.ordinal(int(r.number))}" for n, r in outside)
               + f" ({metric.label}), not in {band}. The list's places there: {places}.")
    return Finding(Verdict.CONTRADICTED, f.claim, Statement(name, metric.label, period, q.value, "rank"),
                   Statement(name, metric.label, period, row.number, "rank"), message,
                   f"Name the economies or systems the {edition} puts in {band}.", evidence, table=table.id,
                   grounds=f.grounds)


JOINER = patterns.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)(?:the\s+)?")
"""Between two names of a list: a comma, "and", or both."""
VERB_AFTER_LIST = patterns.compile(r"\s+" + membership.LIST_VERB, re.I)
"""Between the list's last name and the band: its verb."""
VERB_BEFORE_LIST = patterns.compile(r"\s+" + membership.GIVEN_TO, re.I)
"""Between the band and the list's first name: its verb."""


def _listed(f: Finding) -> list[str]:
    """The names of the list the band is given to: a run of names joined by commas and
    "and" right before the band's verb, or right after "the top N were"; each a name the
    sentence's reading found."""
    claim = f.claim
    base, text = claim.sentence.span.start, claim.sentence.text
    start, end = claim.quantity.span.start - base, claim.quantity.span.end - base
    mentions = sorted((m for m in claim.entities if m.entity and m.via in ("name", "fuzzy")),
                      key=lambda m: m.span.start)
    spans = [(m.span.start - base, m.span.end - base, m.entity) for m in mentions]
    before = [s for s in spans if s[1] <= start]
    if before and VERB_AFTER_LIST.fullmatch(text, before[-1][1], start):
        run = [before[-1]]
        for s in reversed(before[:-1]):
            if not JOINER.fullmatch(text, s[1], run[0][0]):
                break
            run.insert(0, s)
        if len(run) >= 2:
            return list(dict.fromkeys(e for _, _, e in run))
    after = [s for s in spans if s[0] >= end]
    if after and VERB_BEFORE_LIST.fullmatch(text, end, after[0][0]):
        run = [after[0]]
        for s in after[1:]:
            if not JOINER.fullmatch(text, run[-1][1], s[0]):
                break
            run.append(s)
        if len(run) >= 2:
            return list(dict.fromkeys(e for _, _, e in run))
    return []

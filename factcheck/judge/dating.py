"""An undated article dated by its own confirmed figures.

An article with no date (no front matter, no ``--as-of``, none in the page) is checked
against every edition of a league table, so a place is "supported" if it held in any year,
and nearly nothing can be flagged. Yet its figures often say which edition it reports:
"Japan fell to 32nd of 64, ahead of Malaysia (33rd) and Kazakhstan (34th)" holds in one
edition only. When the places the first reading confirmed in one league table (none given a year of
its own) mostly hold in one edition — at least ``ENOUGH`` of them, a ``SHARE`` of them,
and more than hold in any other edition — and no other table's figures point elsewhere,
the article is read again as of that edition's publication day, and each finding says the
edition came from its figures, not from a date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from ..model import Finding, Ground, Verdict
from ..reference.library import Library
from ..reference.tables import Table, release_month
from .compare import BANDS, agrees

ENOUGH = 2
"""Confirmed figures needed before they date an article: one place can hold by chance."""
SHARE = 0.6
"""The share of a table's confirmed figures the edition must fit: a figure the article got
wrong may hold in another edition by chance ("31st" of the next year's ranking), but
most of them must point to the one edition, and more of them than to any other."""


def edition_of_figures(findings: list[Finding], library: Library) -> tuple[Table, str] | None:
    """The one league table and edition most confirmed undated figures of the article fit
    (see the module's doc), or None."""
    votes: dict[str, Counter] = {}
    voters: Counter = Counter()
    for f in findings:
        table = library.tables.get(f.table) if f.table else None
        if (f.verdict != Verdict.SUPPORTED or table is None or table.period_kind not in ("edition", "list")
                or f.expected is None or f.claim.times or f.claim.quantity.hedge in BANDS
                or f.claim.quantity.range_of is not None):
            continue
        metric = next((m for m in table.metrics.values() if m.label == f.expected.metric), None)
        if metric is None or f.expected.entity is None:
            continue
        fits = {r.edition for r in table.rows(f.expected.entity, metric.id)
                if not r.status and r.number is not None and agrees(f.claim, r, table)}
        if fits:
            votes.setdefault(table.id, Counter()).update(fits)
            voters[table.id] += 1
    dated = []
    for table_id, counts in votes.items():
        ranked = counts.most_common(2)
        best, n = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if n >= ENOUGH and n > runner_up and n >= SHARE * voters[table_id]:
            dated.append((library.tables[table_id], best))
        elif voters[table_id] >= ENOUGH:
            return None  # a table whose figures fit no one edition: the article's time is unclear
    return dated[0] if len(dated) == 1 else None


def publication_day(table: Table, edition: str) -> dt.date | None:
    """The day an edition came out; for a date given to the month only, the 28th, a day it
    was surely out."""
    info = table.editions.get(edition)
    if info is None:
        return None
    try:
        return dt.date.fromisoformat(info.published)
    except ValueError:
        year, month = release_month(info.published)
        return dt.date(year, month, 28) if year else None


def grounded(finding: Finding, table: Table, edition: str) -> Finding:
    """``finding`` of the second reading, its period said to come from the article's
    figures, not from a date the article does not have."""
    title = table.editions[edition].title if edition in table.editions else edition
    # (the slot's value stays what it was — the edition, or "current on <day>" — and
    # ``by`` says where the day came from)
    grounds = tuple(
        replace(g, by="article's figures",
                note=g.note if g.note == title else f"{g.note}, the {title}")
        if g.slot == "period" and g.by == "article date" else g
        for g in finding.grounds)
    return replace(finding, grounds=grounds)

"""A table that has fallen behind its publisher cannot say what the current edition holds.

When a table's newest edition is older than one its publisher had already released by the
article's date (by the table's release cadence), a figure the article gives without a date
of its own is about an edition the tables lack. It can still be confirmed (a match is a
match), but it cannot be called wrong, outdated or someone else's: a flag would be a guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import Finding, Verdict
from ..reference.tables import Table, release_month
from . import explain

FLAGS = (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED)

DATED = ("point", "month", "span", "by", "since", "edition", "relative", "earlier", "previous", "in_month", "later")
"""Time words that tie a figure to an edition of its own ("in 2022", "last year's")."""


def missing_edition(table: Table, as_of: dt.date) -> str | None:
    """The release month ("2025-06") of the newest edition the publisher had most likely
    released by ``as_of`` when the table holds no rows of it, or None.

    A release is expected on the day of the month its edition came out a year before,
    less a week (release days drift); an edition counts as held when the table has rows of
    an edition published after the release slot before it (editions move: an autumn
    ranking released in September one year and November the next is still one edition
    a year). An edition the table declares but holds no rows of is missing too."""
    if not table.cadence or not table.editions:
        return None
    slots = sorted((y, m) for y in (as_of.year - 2, as_of.year - 1, as_of.year) for m in table.cadence)
    now = (as_of.year, as_of.month)
    held = table.editions_held()
    months = [release_month(e.published) for e in table.editions.values() if e.id in held]
    for i in range(len(slots) - 1, 0, -1):
        due, before = slots[i], slots[i - 1]
        if due > now or as_of < _expected(due, table) - RELEASE_DRIFT:
            continue
        if any(before < month <= now for month in months):
            return None
        return f"{due[0]}-{due[1]:02d}"
    return None


RELEASE_DRIFT = dt.timedelta(days=7)


def _expected(slot: tuple[int, int], table: Table) -> dt.date:
    """The day a release in ``slot`` is expected: the day of the month of the edition
    released in the same month a year before (the 1st when there is none)."""
    year, month = slot
    day = 1
    for edition in table.editions.values():
        if release_month(edition.published) == (year - 1, month):
            try:
                day = int(edition.published[8:10])
            except ValueError:
                pass
    return dt.date(year, month, min(day, 28))


def unsure_when_behind(finding: Finding, as_of: dt.date | None, tables: dict[str, Table]) -> Finding:
    """``finding``, or an ``unverifiable`` in its place when it flags an undated figure
    against a table that lacks the edition current at the article's date."""
    if as_of is None or finding.verdict not in FLAGS or finding.table is None:
        return finding
    if any(t.kind in DATED for t in finding.claim.times):
        return finding
    table = tables.get(finding.table)
    due = missing_edition(table, as_of) if table is not None else None
    if due is None:
        return finding
    held = table.editions_held()
    newest = max((e for e in table.editions.values() if e.id in held), key=lambda e: (e.published, e.id))
    message = (f"The tables' newest edition of {table.title} is the {explain.edition_name(table, newest.id).removeprefix('The ')}; "
               f"the publisher's {due} edition may already have been out at the article's date and is "
               f"not in the tables, so this figure cannot be checked against it. Check it by hand.")
    return replace(finding, verdict=Verdict.UNVERIFIABLE, expected=None, message=message,
                   suggestion=None, fix=None)


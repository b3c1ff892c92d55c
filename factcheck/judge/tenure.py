"""How long a place was held: "Fugaku held the top spot for two years", "kept first place
for three consecutive lists".

A place said "for N years / lists / editions" is a run of editions, not one; the tables'
ranks give the run. The run is the latest stretch of consecutive editions in which the
entity held that place and that began by the article's date; it is known only when the
tables hold the entity's place in every edition of it and another holder (or another
place) in the editions on either side, or the run reaches the newest edition. The stated
length is then compared: years by the publisher's cadence (two TOP500 lists a year, one
IMD ranking), lists and editions one by one; "several" and "many" mean at least three,
"a couple of" two, "a few" two to four.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import patterns
from ..extract import numbers
from ..model import Claim, Fact
from ..reference.tables import Table, release_month

HELD_FOR = patterns.compile(
    r"[^.;:,]{0,40}?\bfor\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?(?P<n>\d+|several|many|a\s+few|"
    r"a\s+couple\s+of|" + numbers.WORD_NUMBER + r")\s+"
    r"(?:consecutive\s+|straight\s+|successive\s+|previous\s+|preceding\s+|past\s+|last\s+)?"
    r"(?P<unit>years|months|lists|editions|rankings|times|terms)\b", re.I)
"""After a place: "kept Fugaku in the top spot for two years", "held first place for three
consecutive lists": the place over a span of editions, not one."""
VAGUE = {"several": (3, None), "many": (3, None), "a few": (2, 4), "a couple of": (2, 2)}


def held_for(claim: Claim):
    """The "for N years" after a place, or None."""
    q, base = claim.quantity, claim.sentence.span.start
    if q.kind != "rank":
        return None
    return HELD_FOR.match(claim.sentence.text, q.span.end - base)


def run_of(table: Table, entity: str, metric: str, place: float, as_of: dt.date | None) -> list[Fact] | None:
    """The latest run of consecutive editions (begun by ``as_of``) in which ``entity`` held
    ``place``; None when the tables cannot tell where it starts or ends."""
    order = [e.id for e in table.edition_order()]
    holds: dict[str, Fact] = {}
    other: set[str] = set()
    for f in table.rows(entity, metric):
        if f.status or f.number is None:
            continue
        (holds.__setitem__(f.edition, f) if f.number == place else other.add(f.edition))
    for f in table.rows(None, metric):  # another holder of the place: the entity did not hold it
        if not f.status and f.number == place and f.entity != entity:
            other.add(f.edition)
    cutoff = (as_of.year, as_of.month) if as_of else None
    started = [i for i, e in enumerate(order) if e in holds
               and (cutoff is None or release_month(table.editions[e].published) <= cutoff)]
    if not started:
        return None
    end = started[-1]
    start = end
    while start > 0 and order[start - 1] in holds:
        start -= 1
    if start > 0 and order[start - 1] not in other:
        return None  # the edition before the run: the tables do not say who held the place
    if end + 1 < len(order) and order[end + 1] not in other and order[end + 1] not in holds:
        if cutoff is None or release_month(table.editions[order[end + 1]].published) <= cutoff:
            return None  # the edition after it, out by the article's date: unknown holder
    return [holds[e] for e in order[start:end + 1]]


def fits(held, run: list[Fact], table: Table) -> bool | None:
    """Does the stated length fit the run? None when the unit cannot be counted."""
    unit = held.group("unit").lower()
    per_year = len(table.cadence) or 1
    if unit in ("lists", "editions", "rankings", "times", "terms"):
        length = float(len(run))
    elif unit == "years":
        length = len(run) / per_year
        if per_year > 1:  # three lists are "a year and a half": either round number fits
            said_n = _said_number(held)
            if said_n is not None and abs(length - said_n) <= 0.5:
                return True
    else:  # months
        length = len(run) * 12 / per_year
    said = " ".join(held.group("n").lower().split())
    if said in VAGUE:
        low, high = VAGUE[said]
        return length >= low and (high is None or length <= high)
    n = _said_number(held)
    return None if n is None else abs(length - n) < 1e-9


def _said_number(held) -> int | None:
    said = " ".join(held.group("n").lower().split())
    if said in VAGUE:
        return None
    return int(said) if said.isdigit() else numbers.word_value(said)


def length_words(held, run: list[Fact], table: Table) -> str:
    """The run's length in the unit the article used: "2 years", "4 lists"."""
    unit = held.group("unit").lower()
    per_year = len(table.cadence) or 1
    if unit == "years":
        n = len(run) / per_year
        return f"{n:g} year{'s' if n != 1 else ''}"
    if unit == "months":
        return f"{len(run) * 12 // per_year} months"
    return f"{len(run)} {unit if len(run) != 1 else unit.rstrip('s')}"

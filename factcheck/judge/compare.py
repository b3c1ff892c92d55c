"""How a claim's figure is compared with a table's row: the interval each allows.

A figure agrees with a row when the values its wording allows (see ``numbers``) meet the
values the row's own precision and hedge allow: "almost $7 trillion" meets a row of
"6.9 trillion"; "28th" meets only 28.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Claim, Fact
from ..extract.numbers import _interval, parse_number
from ..reference.tables import Table


BANDS = ("top", "outside top")
"""Hedges of a place given as a band of the list ("in the top 10": ``extract.membership``)."""


def fact_interval(fact: Fact, table: Table | None = None) -> tuple[float, float] | None:
    """The values a row allows: a rank or count is exact; any other figure stands for the
    interval its written precision implies (TOP500's "442" and "442.01" agree)."""
    metric = table.metrics.get(fact.metric) if table is not None else None
    return _allowed(fact.value, fact.hedge, metric is None or metric.kind in ("rank", "count"))


@lru_cache(maxsize=16384)
def _allowed(written: str, hedge: str, counted: bool) -> tuple[float, float] | None:
    """``fact_interval`` from the row's value, its hedge and whether the metric counts:
    worked out once per distinct row value (a claim is compared with many rows, and the
    same rows again by every claim about them)."""
    parsed = parse_number(written) if written else None
    if parsed is None:
        return None
    value, unit = parsed
    said: str | None = hedge.strip().lower() or None
    if said in ("nearly", "close to"):
        said = "almost"
    about = said in ("about", "around", "approximately", "roughly", "approx.")
    if about:
        # A source's "about 450,000" is its own rounding, which the written precision
        # (450,000: to the ten thousand) already expresses; no extra slack on top.
        said = None
    exact = said is None and unit <= 1 and counted and not about
    low, high = _interval(value, unit, said, exact=exact)
    return low, high


def agrees(claim: Claim, fact: Fact, table: Table) -> bool:
    interval = fact_interval(fact, table)
    if interval is None:
        return False
    q = claim.quantity
    if q.kind == "rank":
        if q.hedge in BANDS:  # "in the top 10": any place of the band
            return q.low <= interval[0] and interval[1] <= q.high
        return interval[0] <= q.value <= interval[1]
    slack = table.tolerance * abs(q.value)
    low, high = q.low - slack, q.high + slack
    if q.range_of is not None:
        return False  # ranges are compared end by end, in ``_range_agrees``
    if q.kind == "quantity" and not q.hedge and q.low < q.value < q.high and q.value > 0:
        # "148 petaflops" for 148.6: a measured value cut at its last digit, not rounded
        # (a truncation, as press copy often gives it), is the same figure.
        high = max(high, q.value + (q.high - q.low))
    if low < high and interval[0] < interval[1]:
        # Two rounded figures agree when their intervals overlap, not merely touch:
        # "1.5" (1.45–1.55) does not agree with "1.4" (1.35–1.45).
        return low < interval[1] and interval[0] < high
    return low <= interval[1] and interval[0] <= high


def _end_agrees(value: float, like_unit: float, fact: Fact) -> bool:
    interval = fact_interval(fact)
    if interval is None:
        return False
    return interval[0] - like_unit / 2 <= value <= interval[1] + like_unit / 2


def range_agrees(claim: Claim, facts: list[Fact]) -> bool:
    low_end, high_end = claim.quantity.range_of
    unit = (claim.quantity.high - claim.quantity.low - (high_end - low_end)) or 0.0
    return (any(_end_agrees(low_end, unit, f) for f in facts)
            and any(_end_agrees(high_end, unit, f) for f in facts))


def other_scale(claim: Claim, rows: list[Fact]) -> bool:
    """The figure is over a hundred times off every row: it measures something else (a
    chip's cores, not the machine's), so it is not read as a wrong value of this metric."""
    values = [abs(f.number) for f in rows if f.number]
    v = abs(claim.quantity.value)
    return bool(values) and v > 0 and all(max(v, x) / min(v, x) > 100 for x in values)


def edition_size(table: Table, fact: Fact) -> int | None:
    """How many entries the row's edition ranked (its ``out_of`` count in the same edition
    and period), if the table says."""
    metric = table.metrics.get(fact.metric)
    if not metric or not metric.out_of:
        return None
    return _sizes_by_edition(table, metric.out_of).get((fact.edition, fact.period))


def _sizes_by_edition(table: Table, count: str) -> dict[tuple[str, str], int]:
    """(edition, period) → the first plain, non-zero figure of ``count`` there: worked out
    from the count's rows once and kept with the table (a claim's rows ask again and again)."""
    key = ("sizes by edition", count)
    sizes = table._index.get(key)
    if sizes is None:
        sizes = table._index[key] = {}
        for row in table.rows(None, count):
            if not row.status and row.number:
                sizes.setdefault((row.edition, row.period), int(row.number))
    return sizes

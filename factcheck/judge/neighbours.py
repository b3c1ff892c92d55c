"""Second passes over a document's findings: what another sentence of the passage settles.

The checker judges each claim on its own; these passes run after it, over the findings
in reading order, where a figure can only be placed by its neighbours — a figure that
could be about either of a publisher's rankings, settled by another figure of its
sentence, and a bare count carried over from the sentence before.
"""

from __future__ import annotations

from ..extract import roles
from ..model import Finding, Verdict
from .match import STRENGTH_PUBLISHER, Candidate, choose_entity
from .metricwords import counted_phrase
from .verdicts import Checker


def settled_by_sentence(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """"Japan fell one place from last year's 34th to 35th" after "IMD", which issues two
    rankings: a figure that could be about either, none agreeing, is about the one that
    confirms another figure of its sentence — when exactly one of them does."""
    confirmed: dict[tuple, set[str]] = {}
    for f in findings:
        if f.verdict == Verdict.SUPPORTED and f.table:
            confirmed.setdefault(f.claim.sentence.span, set()).add(f.table)
    out = []
    for f in findings:
        tables = checker.ambiguous.get(id(f.claim))
        if tables:
            sure = confirmed.get(f.claim.sentence.span, set()) & tables
            if len(sure) == 1:
                f = checker.in_table(f.claim, as_of, next(iter(sure)))
        out.append(f)
    return out


CARRIES = (Verdict.SUPPORTED, Verdict.OUTDATED, Verdict.CONTRADICTED)


def counts_carried(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """"…202 entries, compared to America's 143. Now, China has 226, while the US has
    fallen to 114": a bare count with no noun of its own, right after a sentence of its
    paragraph whose count was tied to the table's metric by the metric's own words (and
    checked, right or wrong), counts the same thing — for an entity the table has that
    count for."""
    out: list[Finding] = []
    last: tuple[int, int, Candidate] | None = None  # (paragraph, sentence start, candidate)
    for f in findings:
        claim = f.claim
        if (last is not None and f.verdict == Verdict.UNVERIFIABLE and f.table is None
                and claim.role == roles.VALUE and claim.quantity.kind == "number"
                and claim.quantity.range_of is None and not claim.times
                and claim.sentence.paragraph == last[0] and claim.sentence.span.start >= last[1]
                and counted_phrase(claim) is None):
            c = last[2]
            chosen = choose_entity(c.table, claim, checker.library, c.metric)
            if chosen is not None and chosen[1] is not None and chosen[1].via in ("name", "demonym") \
                    and c.table.rows(chosen[0], c.metric.id):
                carried = Candidate(c.table, c.metric, chosen[0], chosen[1], STRENGTH_PUBLISHER, None)
                judged = checker.judge_as(claim, carried, as_of)
                if judged is not None:
                    f = judged
        # The count before may be right or wrong ("227 of the 500 systems are in China" when
        # the list had 228): its own words chose the metric, and that is what is carried.
        if (f.verdict in CARRIES and f.table and claim.quantity.kind == "number"
                and claim.role == roles.VALUE):
            metric_ground = next((g for g in f.grounds if g.slot == "metric"), None)
            table = checker.library.tables.get(f.table)
            metric = next((m for m in table.metrics.values() if f.expected and m.label == f.expected.metric), None) \
                if table else None
            if metric is not None and metric.kind == "count" and metric_ground is not None \
                    and metric_ground.by == "article" and any(g.slot == "source" for g in f.grounds):
                last = (claim.sentence.paragraph, claim.sentence.span.start,
                        Candidate(table, metric, f.expected.entity or "", None, STRENGTH_PUBLISHER, None))
        if last is not None and claim.sentence.paragraph != last[0]:
            last = None
        out.append(f)
    return out

"""Second passes over a document's findings: what another sentence of the passage settles.

The checker judges each claim on its own; these passes run after it, over the findings
in reading order, where a figure can only be placed by its neighbours — a figure that
could be about either of a publisher's rankings, settled by another figure of its
sentence, and a bare count carried over from the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns
from . import derived, grounds
from ..extract import roles
from ..model import Finding, Ground, Verdict
from .compare import agrees
from .match import STRENGTH_PUBLISHER, Candidate, choose_entity
from .metricwords import counted_phrase
from .verdicts import Checker


def settled_by_sentence(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """"Japan fell one place from last year's 34th to 35th" after "IMD", which issues two
    rankings: a figure that could be about either, none agreeing, is about the one that
    confirms another figure of its sentence — when exactly one of them does."""
    confirmed: dict[object, set[str]] = {}  # keyed by sentence span
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


CURRENT_BY = ("undated", "article date")
"""A partner figure whose edition no time word of its own chose: the edition the passage is about."""

OLD_PLACE = patterns.compile(r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|its\s+|a\s+)?$", re.I)
"""Words before a rank that make it the place left ("down from 29th"), not the new one."""


def changes_by_partner(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """"Japan, falling to 32nd place out of 64 …, dropping three positions" in an undated
    article: a rank change no time word places, after a rank of the same entity and table
    that the tables confirmed (its partner figure, in the same sentence or an earlier one of
    the paragraph), is the change into that figure's edition from the one before it.

    The partner counts only when its own edition was not chosen by a time word ("30th a
    year earlier" is the old place, not the new one). The change keeps its own measure when
    its words name one ("in future readiness … dropping four positions"), else takes the
    partner's. It is flagged only when the partner's figure fits one edition alone (so the
    edition is the article's, not a guess) and the change itself is grounded (see
    ``derived``); otherwise it is at most supported."""
    out: list[Finding] = []
    for i, f in enumerate(findings):
        claim = f.claim
        if (f.verdict == Verdict.UNVERIFIABLE and f.table is None and claim.role == roles.CHANGE
                and claim.quantity.kind == "number"):
            for partner in _partners(findings[:i], claim):
                if _elsewhere(claim, partner):
                    continue
                judged = _change_from(claim, partner, checker, as_of)
                if judged is not None:
                    f = judged
                    break
        out.append(f)
    return out


def _partners(before: list[Finding], claim) -> list[Finding]:
    """Confirmed current ranks before the change in its paragraph, its own sentence first,
    then the nearest."""
    found = []
    for f in reversed(before):
        c = f.claim
        if c.sentence.paragraph != claim.sentence.paragraph:
            break
        period = next((g for g in f.grounds if g.slot == "period"), None)
        own_time = period is not None and period.by not in CURRENT_BY and not (
            # "32nd …, three places down on the year before": the time words are the change's
            period.span is not None and period.span.start >= claim.quantity.span.end)
        lead = c.sentence.text[:c.quantity.span.start - c.sentence.span.start]
        if (f.verdict == Verdict.SUPPORTED and f.table and f.expected is not None and c.role == roles.VALUE
                and f.expected.unit == "rank" and f.expected.entity and period is not None and not own_time
                and not OLD_PLACE.search(lead) and c.quantity.span.end <= claim.quantity.span.start):
            found.append(f)
    same = [f for f in found if f.claim.sentence.span == claim.sentence.span]
    return same + [f for f in found if f not in same]


CLAUSE_END = patterns.compile(r"[,;:.()]|$")
OTHER_RANKING = patterns.compile(r"\b(?:rankings?|index|indices|indexes|league\s+tables?|pillars?|sub-?factors?|"
                           r"benchmarks?|surveys?|reports?)\b", re.I)
"""Words that may bring in another ranking ("in the separate talent ranking") between a
partner figure and a change, or in the change's own clause."""


def _elsewhere(claim, partner: Finding) -> bool:
    """Might the change be about another ranking than its partner's? Yes when a ranking's
    word stands between them or in the change's clause (unless the change's own sentence
    names the partner's table)."""
    named = {t for s in claim.sources for t in s.tables} if not claim.source_carried else set()
    if partner.table in named:
        return False
    text, base = claim.sentence.text, claim.sentence.span.start
    q = claim.quantity
    clause_end = CLAUSE_END.search(text[q.span.end - base:])
    start = partner.claim.quantity.span.end - base if partner.claim.sentence.span == claim.sentence.span else 0
    return bool(OTHER_RANKING.search(text[max(0, start):q.span.end - base + clause_end.start()]))


def _change_from(claim, partner: Finding, checker: Checker, as_of) -> Finding | None:
    table = checker.library.tables.get(partner.table)
    e = partner.expected
    metric = next((m for m in table.metrics.values() if m.label == e.metric), None) if table else None
    if metric is None:
        return None
    rows = [r for r in table.rows(e.entity, metric.id) if not r.status and r.number is not None]
    editions = {r.edition for r in rows if r.number == e.value and r.period == e.period}
    if len(editions) != 1:
        return None
    edition = next(iter(editions))
    alone = len({r.edition for r in rows if r.number == e.value}) == 1
    # Across sentences the change carries no measure: its own words must name one.
    own_measure = partner.claim.sentence.span != claim.sentence.span
    judged = derived.rank_change_in_edition(claim, checker.library, table.id, e.entity, edition,
                                            metric.id, may_flag=alone, own_measure=own_measure)
    if judged is None:
        return None
    found, c = judged
    title = table.editions[edition].title if edition in table.editions else edition
    period = Ground("period", "passage", partner.claim.quantity.span, title)
    return replace(found, grounds=tuple(g for g in grounds.of(claim, c, as_of) if g.slot != "period") + (period,))


def range_in_passage(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """"McKinsey says generative AI could add $4.4 trillion a year" with "$2.6 trillion to
    $4.4 trillion" (or "the lower end is $2.6 trillion") elsewhere in the passage: one end
    of the source's range quoted alone is warned about as not the central estimate — unless
    the passage writes the other end too, so the reader is given the range."""
    out: list[Finding] = []
    for f in findings:
        other = _other_end(f, checker)
        if other and any(g is not f and _gives(g.claim, other, checker) for g in findings):
            f = checker.check(replace(f.claim, range_given=True), as_of)
        out.append(f)
    return out


def _other_end(f: Finding, checker: Checker) -> list:
    """For a warning on one end of a source's range, the rows of the range's other end."""
    if f.verdict != Verdict.NEEDS_CONTEXT or not f.table or f.expected is None or not f.expected.scenario:
        return []
    table = checker.library.tables.get(f.table)
    scenario = table.scenarios.get(f.expected.scenario) if table else None
    if scenario is None or scenario.role not in ("lower", "upper"):
        return []
    metric = next((m for m in table.metrics.values() if m.label == f.expected.metric), None)
    if metric is None:
        return []
    wanted = "upper" if scenario.role == "lower" else "lower"
    return [row for row in table.rows(f.expected.entity, metric.id)
            if not row.status and str(row.period) == str(f.expected.period) and row.scenario
            and getattr(table.scenarios.get(row.scenario), "role", None) == wanted]


def _gives(claim, rows: list, checker: Checker) -> bool:
    """Does this figure of the passage state one of ``rows`` (itself, or as an end of a range)?"""
    q = claim.quantity
    if q.kind not in ("money", "percent", "number", "quantity"):
        return False
    table = checker.library.tables[rows[0].table]
    if q.range_of is not None:
        return checker.range_end_matches(claim, rows)
    return any(agrees(claim, row, table) for row in rows)

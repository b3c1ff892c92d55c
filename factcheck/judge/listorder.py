"""The order of a list after a confirmed place: "Singapore topped the list, followed by
Switzerland, Denmark, Ireland and Hong Kong".

The names after "followed by" take the places after the one the sentence gave (second,
third, … after a first place). The list is checked only where everything else is
grounded: the place before it was confirmed by the tables (so the ranking, its measure
and its edition are the article's own), every item of the list is a bare name the table
knows (a name with a figure of its own — "followed by France with 18", "Hong Kong (11th)"
— is a claim of its own, and ends the list), and the table's places are unique. A list
that does not follow the table's order is one finding on the whole list, saying which
names are out of place and what order the source gives. Names in the table's order that
skip places ("followed by Switzerland and the UAE" after a second place, the third named
elsewhere) are not settled: only a list out of order, or one naming a place at or before
the one it follows, is flagged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import patterns
from . import explain, wording
from .compare import BANDS
from .match import candidates
from .verdicts import Checker, _evidence
from ..model import Claim, Finding, Quantity, Span, Statement, Verdict

FOLLOWED_BY = patterns.compile(r",?\s+(?:and\s+)?(?:was\s+|is\s+|were\s+|are\s+)?followed\s+by\s+", re.I)

LIST_END = patterns.compile(
    r"[;:.!?()]|,\s+(?:with|while|whereas|as|which|who|where|in\s+that\s+order|respectively|rounding|according|"
    r"making|taking|leaving|completing|to\s+round|all\s+of|both|each)\b|\s+(?:in\s+that\s+order|respectively|"
    r"according\s+to|as|while|with|whereas|in\s+the\s+top|among|to\s+round|rounding)\b", re.I)

ITEM_SPLIT = patterns.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)

BARE_ITEM = patterns.compile(r"(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.'’-]*){0,4})\s*$")

REACH = 60
"""How far (in characters) "followed by" may stand after the confirmed place."""


def orders_checked(findings: list[Finding], checker: Checker, as_of) -> list[Finding]:
    """Each finding, and after a confirmed place followed by a list of names, a finding
    on the list's order."""
    out: list[Finding] = []
    for f in findings:
        out.append(f)
        if f.verdict == Verdict.SUPPORTED and f.table and f.expected is not None and "followed" in \
                f.claim.sentence.text and f.claim.quantity.hedge not in BANDS:
            listed = _list_in_every_reading(f, checker, as_of)
            if listed is not None:
                out.append(listed)
    return out


def _list_in_every_reading(f: Finding, checker: Checker, as_of) -> Finding | None:
    """The list checked in each ranking the confirmed place can be read in ("tops the
    list" is first in both of a publisher's rankings): confirmed if it fits one of them,
    flagged only if it fits none and every reading could settle it."""
    readings = [f]
    for c in candidates(f.claim, checker.library):
        if c.table.id != f.table and c.table.ranks_unique and c.metric.kind == "rank":
            other = checker.judge_as(f.claim, c, as_of)
            if other is not None and other.verdict == Verdict.SUPPORTED and other.expected is not None:
                readings.append(other)
    checked = [_list_after(r, checker) for r in readings]
    fits = [x for x in checked if x is not None and x.verdict == Verdict.SUPPORTED]
    if fits:
        return fits[0]
    if checked and all(x is not None for x in checked):
        return checked[0]
    return None


def _list_after(f: Finding, checker: Checker) -> Finding | None:
    table = checker.library.tables.get(f.table)
    if table is None or not table.ranks_unique:
        return None
    metric = next((m for m in table.metrics.values() if m.label == f.expected.metric), None)
    if metric is None or metric.kind != "rank" or f.claim.quantity.kind != "rank":
        return None
    anchor = _row(table, metric.id, f.expected.entity, f.expected.period, f.expected.value)
    if anchor is None:
        return None
    claim = f.claim
    sentence = claim.sentence
    text, base = sentence.text, sentence.span.start
    start = claim.quantity.span.end - base
    m = FOLLOWED_BY.search(text, start)
    if m is None or m.start() - start > REACH or _figure_between(claim, base + start, base + m.start()):
        return None
    names = _names(claim, text, base, m.end())
    if not names:
        return None
    place = int(anchor.number)
    stated_rows = []
    for i, (span, entity) in enumerate(names):
        row = _row(table, metric.id, entity, anchor.period, None, edition=anchor.edition)
        if row is None:
            return None  # a name without its place in that edition: the order cannot be settled
        stated_rows.append((place + 1 + i, entity, row))
    list_span = Span(base + m.end(), names[-1][0].end)
    list_text = text[m.end():names[-1][0].end - base]
    edition = explain.edition_title(table, anchor)
    wrong = [(said, entity, row) for said, entity, row in stated_rows if int(row.number) != said]
    quantity = Quantity(list_span, list_text, float(place + 1), float(place + 1), float(place + 1), "rank")
    list_claim = replace(claim, quantity=quantity, role="value")
    evidence = tuple(dict.fromkeys([_evidence(table, anchor), *(_evidence(table, row) for _, _, row in stated_rows)]))
    first = stated_rows[0]
    ranks = [int(r.number) for _, _, r in stated_rows]
    if wrong and min(ranks) > place and ranks == sorted(set(ranks)):
        # "…second, followed by Switzerland and the UAE" (4th and 5th) when the passage
        # placed the US third elsewhere: in order, with places skipped — not settled here
        return None
    if not wrong:
        message = (f"Matches the source: after {anchor.entity} ({wording.ordinal(place)}), the {edition} puts "
                   + ", ".join(f"{e} {wording.ordinal(int(r.number))}" for _, e, r in stated_rows)
                   + f" ({metric.label}).")
        return Finding(Verdict.SUPPORTED, list_claim,
                       Statement(first[1], metric.label, anchor.period, first[0], "rank"),
                       Statement(first[1], metric.label, anchor.period, first[2].number, "rank"),
                       message, None, evidence, table=table.id)
    said, entity, row = wrong[0]
    order = sorted(stated_rows, key=lambda x: x[2].number)
    message = (f"{table.title}: the list after {anchor.entity} ({wording.ordinal(place)}) puts "
               + "; ".join(f"{e} {wording.ordinal(s)}" for s, e, _ in wrong)
               + f", but the {edition} has "
               + "; ".join(f"{e} {wording.ordinal(int(r.number))}" for _, e, r in wrong)
               + f" ({metric.label}).")
    suggestion = ("Give the names in the source's order: "
                  + ", ".join(f"{e} ({wording.ordinal(int(r.number))})" for _, e, r in order) + ".")
    return Finding(Verdict.CONTRADICTED, list_claim,
                   Statement(entity, metric.label, anchor.period, said, "rank"),
                   Statement(entity, metric.label, anchor.period, row.number, "rank"),
                   message, suggestion, evidence, table=table.id)


def _row(table, metric: str, entity: str | None, period, value, edition: str | None = None):
    """The trusted row of ``entity``'s ``metric`` for that period (and edition), with
    ``value`` when given."""
    if not entity:
        return None
    for row in table.rows(entity, metric):
        if row.status or row.number is None or str(row.period) != str(period):
            continue
        if edition is not None and row.edition != edition:
            continue
        if value is not None and float(row.number) != float(value):
            continue
        return row
    return None


def _figure_between(claim: Claim, start: int, end: int) -> bool:
    """Another figure of the sentence between the confirmed place and "followed by"."""
    return bool(re.search(r"(?<!\d)(?!(?:19|20)\d\d\b)\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                          r"tenth|top)\b",
                          claim.sentence.text[start - claim.sentence.span.start:end - claim.sentence.span.start],
                          re.I))


def _names(claim: Claim, text: str, base: int, at: int) -> list[tuple[Span, str]]:
    """The list's names in order, each an entity the sentence's reading found, up to the
    first item that is not a bare name."""
    end = LIST_END.search(text, at)
    region = text[at:end.start() if end else len(text)]
    mentions = sorted((e for e in claim.entities if e.entity and e.via in ("name", "fuzzy")),
                      key=lambda e: e.span.start)
    names: list[tuple[Span, str]] = []
    pos = at
    for item in ITEM_SPLIT.split(region):
        item_start = text.index(item, pos) if item else pos
        pos = item_start + len(item)
        bare = BARE_ITEM.fullmatch(item.strip()) if item.strip() else None
        if bare is None:
            break
        inside = [e for e in mentions if base + item_start <= e.span.start and e.span.end <= base + pos]
        if len(inside) != 1:
            break
        names.append((inside[0].span, inside[0].entity))
    return names if len(names) >= 1 else []

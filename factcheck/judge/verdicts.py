"""Compare a claim with the rows of its candidate tables and give it one verdict.

The rules, in the order they are tried for each candidate (table, metric, entity):

1. rows of the stated entity in the periods the claim can mean agree → ``supported``;
   if they agree only through a non-default scenario, an alternative (disputed or restated)
   value, or loose wording ("lose" for a shortage) → ``needs_context``;
   if they agree only with an edition older than the one current at the article's date →
   ``outdated``;
2. another entity of the passage has exactly this figure, and the stated entity is known
   not to (its own row disagrees, or the table's ranks are unique) → ``misattributed``;
3. the stated entity's rows cover every period the claim can mean and all disagree (or, in
   a league table, another entity holds that rank) → ``contradicted``;
4. otherwise → ``unverifiable``.

Weak ties (see ``match``) may support a claim but never flag one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from .. import patterns
from . import derived, explain, freshness, grounds, nearfit, periods, placement, streak, tenure, wordgate, wording
from ..extract import roles
from ..extract.claims import ACHIEVED_BY_AFTER as ACHIEVED_BY, FIGURE_VERSUS_BEFORE
from ..extract.entities import UNKNOWN
from .compare import BANDS, _end_agrees as end_agrees, agrees, edition_size, other_scale, range_agrees
from ..reference.library import Library
from .match import STRENGTH_PUBLISHER, STRENGTH_WEAK, Candidate, candidates, list_wide_metrics
from .metricwords import _alias_hits as alias_hits, _metric_kind_fits as metric_kind_fits, part_of_whole, share_names_metric
from ..model import Claim, Evidence, Fact, Finding, Statement, Verdict
from ..reference.tables import Table

PREFERENCE = {
    Verdict.SUPPORTED: 0, Verdict.NEEDS_CONTEXT: 1, Verdict.OUTDATED: 2,
    Verdict.MISATTRIBUTED: 3, Verdict.CONTRADICTED: 4, Verdict.UNVERIFIABLE: 5,
}


def _evidence(table: Table, fact: Fact) -> Evidence:
    edition = table.editions.get(fact.edition)
    return Evidence(table.id, table.title, fact.publisher, fact.source_title, fact.source_url,
                    fact.published, edition.title if edition else fact.edition)


def _statement(candidate: Candidate, fact: Fact) -> Statement:
    metric = candidate.metric
    value = fact.number if fact.number is not None else fact.value
    return Statement(fact.entity, metric.label, fact.period, value, metric.unit,
                     scenario=fact.scenario or None, out_of=edition_size(candidate.table, fact))


def stated(claim: Claim, candidate: Candidate | None) -> Statement:
    q = claim.quantity
    time = next((" ".join(t.text.split()) for t in claim.times), None)
    unit = q.currency or q.unit or {"percent": "percent", "points": "percentage points", "rank": "rank"}.get(q.kind)
    value: float | list = q.value if q.range_of is None else list(q.range_of)
    return Statement(
        candidate.entity if candidate else (claim.entities[0].entity if claim.entities else None),
        candidate.metric.label if candidate else None, time, value, unit, out_of=q.out_of)


SCENARIO_NOUN = patterns.compile(r"((?:[\w'’-]+\s+){0,4}?)(?:scenario|case|projection|variant)s?\b", re.I)
SCENARIO_WORDS = ("scenario", "case", "projection", "variant")
"""Words every match of ``SCENARIO_NOUN`` holds (lower case; in ASCII text, as ``re.I`` reads them)."""
_LETTERS = patterns.compile(r"[a-z]+")
SCENARIO_FILLER = {"scenario", "case", "the", "a", "an", "of", "in", "its", "their", "growth", "demand",
                   "it", "source's", "stated", "range", "end", "estimate", "under", "for", "with"}


def _names_scenario(sentence: str, label: str) -> bool:
    """Does the sentence name this scenario ("in the low-demand scenario" for the "low
    IT-demand growth scenario")? A word of the scenario's label, other than filler, within
    the four words before "scenario" (or "case", "projection")."""
    if not wordgate.may_hold(sentence, SCENARIO_WORDS):
        return False  # no match to look at (and its search tries every place)
    own = {w for w in _LETTERS.findall(label.lower()) if w not in SCENARIO_FILLER}
    for m in SCENARIO_NOUN.finditer(sentence):
        if own & set(_LETTERS.findall(m.group(1).lower())):
            return True
    # "Scenario 1 — Low demand in IT", "the first scenario expects low demand": the label's
    # words right after the noun.
    return any(own & set(_LETTERS.findall(m.group(1).lower())) for m in SCENARIO_AFTER.finditer(sentence))


SCENARIO_AFTER = patterns.compile(
    r"\b(?:scenario|case|projection|variant)\b(?:\s*\d+)?\s*(?:[—–:-]\s*)?((?:[\w'’-]+\s+){0,3})", re.I)


RIVAL_BEFORE = patterns.compile(r"\b(?:its|their|his|her|the|a)\s+(?:nearest\s+|closest\s+|main\s+)?"
                          r"(?:rivals?|competitors?|challengers?|contenders?|runners?-up)['’]s?\s*$", re.I)
"""A figure given to an unnamed rival of the sentence's subject ("to its rival's 565")."""


# "the only system", "the only exascale machine": one of a kind (see ``Checker._only_one``).
ONLY_SYSTEM = patterns.compile(r"the\s+only\s+(?:(?P<kind>[\w-]+)\s+)?(?:system|machine|supercomputer|computer)", re.I)
# What TOP500 calls exascale: above one exaflop/s in double precision on HPL.
EXASCALE_WORDS = patterns.compile(
    r"\bexascale\b|\b(?:above|over|exceed(?:s|ed|ing)?|beyond|surpass(?:es|ed|ing)?|break(?:s|ing)?|clear(?:s|ed|ing)?|cross(?:es|ed|ing)?|past|more\s+than)\s+"
    r"(?:the\s+)?(?:one|1|a\s+single)\s+exa-?flops?(?:/s)?\b|\bexa-?flop\s+barrier\b", re.I)
ONLY_NOT_NOW = patterns.compile(
    r"\b(?:no\s+longer|not|never|was|were|had\s+been|has\s+been|used\s+to|until|till|once|formerly|previously|"
    r"former|then|became|become|becomes|would|will|could|may|might)\b|n['’]t\b", re.I)
ONLY_CLAUSE_BEFORE = patterns.compile(r"[,;:()]|\s(?:and|but|while|whereas|so)\s")
ONLY_CLAUSE_AFTER = patterns.compile(r"[,;:()]|\s(?:and|but|while|whereas|which)\s")
ONLY_QUALIFIED = patterns.compile(r"\b(?i:in|outside|of|from|among|at|built\s+by|made\s+by)\s+(?:the\s+)?[A-Z]")
_FOUR_DIGITS = patterns.compile(r"\d{4}")
_THE_BEFORE = patterns.compile(r"\b(the|The)[ \t]+$")


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """One pattern for any of ``words``, case folded (a metric's ``not_with``)."""
    return patterns.compile("|".join(re.escape(w) for w in words), re.I)


def _other_measure_unflagged(claim: Claim, c: Candidate, finding: Finding, other, row: Fact, why: str) -> Finding:
    """The contradiction ``finding`` not flagged, because the figure is the entity's value
    of ``other`` (a measure of the same unit) in ``row``'s edition, and ``why`` that
    measure may be the one meant."""
    other_c = replace(c, metric=other)
    return _unflagged(claim, c, finding, (
        f"Not flagged: {claim.quantity.text.strip()} is {wording.possessive(c.entity)} {other.label} in the "
        f"{explain.edition_title(c.table, row)} ({explain.value(other_c, row)}), and {why}. If it means the "
        f"{c.metric.label}: {finding.message}"))


PLAIN_WORD = patterns.compile(r"(?:computing\s+|processing\s+)?(?:performance|speed|power|capacity)", re.I)
"""A measure's word that any measure of speed could use ("performance", "computing
power"), not a name for one ("HPL", "Rmax", "Linpack score", "peak")."""
PEAK_WORD = patterns.compile(r"peak(?:\s+performance)?", re.I)
"""A bare "peak": the double-precision peak (Rpeak), or a peak in reduced precision, which
publishers give in the same words ("peak performance above 1,000 petaflops"). Plain only
for a figure above the double-precision peak: below it, "peak" misnames the sustained
HPL result."""


class Checker:
    """Gives every claim of a document its finding."""

    def __init__(self, library: Library):
        self.library = library
        self.ambiguous: dict[int, set[str]] = {}
        """Claims (by id) that could be about several tables, none agreeing: the tables."""
        self._as_of: dt.date | None = None
        """The article's date while one claim is checked (recorded in the findings' grounds)."""

    def check(self, claim: Claim, as_of: dt.date | None) -> Finding:
        finding = self._check(claim, as_of)
        if finding.grounds:
            return finding
        return replace(finding, grounds=grounds.of(claim, None, as_of))

    def _check(self, claim: Claim, as_of: dt.date | None) -> Finding:
        self._as_of = as_of
        if claim.role in (roles.CHANGE, roles.DIFFERENCE, roles.AGGREGATE, roles.BIGGEST_CHANGE,
                          roles.EDITION, roles.RECORD, roles.WITHIN):
            found = derived.judge(claim, self.library, as_of)
            if found is not None:
                return found
            if claim.role == roles.RECORD:
                found = self._only_one(claim, as_of) or self._streak(claim, as_of)
                if found is not None:
                    return found
            if claim.role == roles.AGGREGATE:
                # "the aggregate performance of the list was 1.65 exaflops": a total the
                # table itself keeps, named by its own words, is checked like any figure.
                found = self._check_value(claim, as_of, named_metric_only=True)
                if found.table is not None:
                    return found
            what = {roles.CHANGE: "a change between two figures", roles.DIFFERENCE: "a difference between two figures",
                    roles.AGGREGATE: "a total over many entries",
                    roles.BIGGEST_CHANGE: "a comparison of every entry's change",
                    roles.EDITION: "an edition's number", roles.RECORD: "a record or a first",
                    roles.WITHIN: "a figure within a part of the list (a region, a group)"}[claim.role]
            return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, None), None,
                           f"The claim is {what}, which the reference tables cannot settle here; check it by hand.",
                           None)
        finding = self._check_value(claim, as_of)
        if finding.verdict == Verdict.UNVERIFIABLE and claim.quantity.range_of is not None:
            # "from 122.3 to 143.5 petaflops": a figure's move between two editions
            moved = derived.from_to(claim, self.library, as_of)
            if moved is not None:
                return moved
        if finding.verdict in (Verdict.UNVERIFIABLE, Verdict.CONTRADICTED):
            finding = self._other_publisher(claim, finding, as_of) or finding
        return derived.kept(claim, finding, self.library, as_of)

    def _only_one(self, claim: Claim, as_of: dt.date | None) -> Finding | None:
        """"Frontier is still the only system above one exaflop/s on the list": a count of
        one of the kind of system a list counts as a whole (its exascale systems), checked
        as that count. Only for a plain "the only system/machine" (not "the only one in
        Europe") about the list's own measure (not a mixed-precision or other benchmark)."""
        q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
        noun = ONLY_SYSTEM.fullmatch(" ".join(q.text.split()))
        if noun is None:
            return None
        before = ONLY_CLAUSE_BEFORE.split(text[:q.span.start - base])[-1]
        if ONLY_NOT_NOW.search(before):
            return None  # "no longer the only", "was the only … for two years": not today's count
        rest = ONLY_CLAUSE_AFTER.split(text[q.span.end - base:], maxsplit=1)[0]
        words = noun.group("kind") or ""
        if EXASCALE_WORDS.search(words + " " + rest):
            words = "exascale"
        if ONLY_QUALIFIED.search(rest) or any(m.span.start >= q.span.end and m.kind != "world" and m.via != "reference"
                                               for m in claim.entities):
            return None  # "the only exascale system in Europe", "… outside the US"
        count = replace(q, kind="number", value=1.0, low=1.0, high=1.0, text=q.text)
        as_count = replace(claim, quantity=count, role=roles.VALUE)
        named = {t for src in claim.sources for t in src.tables}
        results = []
        for table in self.library.tables.values():
            if table.period_kind != "list" or not (table.id in named or table.id in claim.topic):
                continue
            wide = list_wide_metrics(table, self.library)
            ranked = next((m for m in table.metrics.values() if m.default and m.kind == "quantity"), None)
            if ranked is not None and ranked.not_with and _any_of(ranked.not_with).search(text):
                continue  # "the only system above one exaflop in mixed precision"
            for metric in table.metrics.values():
                if metric.id not in wide or metric.kind != "count" or not words or not any(
                        a.lower().startswith(words + " ") or a.lower().startswith(words + "-") for a in metric.aliases):
                    continue
                strength = STRENGTH_PUBLISHER if table.id in named and claim.source_distance <= 1 else STRENGTH_WEAK
                c = Candidate(table, metric, next(iter(table.entities_with(metric.id))), None, strength, q.span)
                judged = self._judge(as_count, c, as_of)
                if judged is not None:
                    results.append(judged[0])
        if len(results) != 1 or results[0].verdict == Verdict.UNVERIFIABLE:
            return None
        return replace(results[0], claim=claim)

    def _streak(self, claim: Claim, as_of: dt.date | None) -> Finding | None:
        """"has topped the list for the seventh straight year": the run of editions the
        tables give for the place held, against the length stated (``streak``)."""
        read = streak.judge(claim, self.library, as_of)
        if read is None or read.fits is None:
            return None
        table, run = read.table, read.run
        metric = table.metrics[read.metric]
        c = Candidate(table, metric, read.entity, None, STRENGTH_PUBLISHER, None)
        first, last = run.rows[0], run.rows[-1]
        span = explain.edition_title(table, first) if first is last else (
            f"{explain.edition_title(table, first)} to {explain.edition_title(table, last)}")
        holders = list(dict.fromkeys(f.entity for f in run.rows))
        who = read.entity if holders == [read.entity] else f"{wording.possessive(read.entity)} {wording.listed(holders)}"
        held = f"{who} held {explain.value(c, last)} ({metric.label}) in {read.length_words}: {span}"
        if read.fits:
            return self._finding(Verdict.SUPPORTED, claim, c, last, f"Matches the source: {held}.",
                                 extra=(first,) if first is not last else ())
        said = " ".join(claim.quantity.text.split())
        return self._finding(Verdict.CONTRADICTED, claim, c, last, f"{table.title}: {held}, not “{said}”.",
                             f"Give the run the source's editions show ({read.length_words}).",
                             extra=(first,) if first is not last else ())

    def _other_publisher(self, claim: Claim, finding: Finding, as_of) -> Finding | None:
        """"McKinsey expects $15.7 trillion by 2030": the sentence names one publisher, and
        that exact, specific figure is another publisher's (PwC's) for the same year, in a
        table whose publisher the passage does not name."""
        q = claim.quantity
        named = self._named_publishers_tables(claim)
        if not named or (claim.entities and claim.entities[0].via == UNKNOWN):
            return None  # (a figure of a group described, not named, is that group's)
        years = {t.start for t in claim.times if t.start is not None and t.kind in ("point", "by")}
        found = []
        for table in self.library.tables.values():
            if table.id in named or table.publisher in {self.library.tables[t].publisher for t in named}:
                continue
            if table.topic_words and table.id not in claim.paragraph_topics and table.id not in claim.opening_topics:
                continue  # the passage never names that table's topic
            for metric in table.metrics.values():
                if not metric_kind_fits(q.kind, metric, q.currency, q.unit):
                    continue
                if not share_names_metric(claim, metric):
                    continue  # "95.6 percent of the systems on the list" is no share of large models
                for row in table.rows(None, metric.id):
                    if row.status or row.number is None or not agrees(claim, row, table):
                        continue
                    if q.range_of is None and abs(q.value - row.number) > SAME_FIGURE * abs(row.number):
                        continue  # "$10.7 trillion" is not "$11 trillion", though that rounds to it
                    row_years = {int(y) for y in _FOUR_DIGITS.findall(row.period)}
                    if years and not years & row_years:
                        continue
                    found.append((table, metric, row))
        if len({t.id for t, _, _ in found}) != 1:
            return None
        table, metric, row = found[0]
        said = ", ".join(sorted({self.library.tables[t].publisher for t in named}))
        c = Candidate(table, metric, row.entity, None, 2, None)
        message = (f"{explain.value(c, row)} is {table.publisher}'s figure ({metric.label}, {row.period}, "
                   f"{explain.edition_title(table, row)}), not {said}'s.")
        return self._finding(Verdict.MISATTRIBUTED, claim, c, row, message,
                             f"Attribute the figure to {table.publisher}, or give {said}'s own figure.")

    def _named_publishers_tables(self, claim: Claim) -> set[str]:
        """The tables the sentence (or the paragraph before) names that have a measure of
        the figure's kind, when the figure may be another publisher's (``_other_publisher``):
        a plain, specific amount, share or quantity; empty otherwise. The claim's own
        tests come first: most claims stop there, before the pass over the tables."""
        q = claim.quantity
        if q.kind not in ("money", "quantity", "percent") or q.range_of is not None or claim.role != roles.VALUE:
            return set()
        named = {t for s in claim.sources if claim.source_distance <= 2 for t in s.tables}
        named = {t for t in named if any(metric_kind_fits(q.kind, m, q.currency, q.unit)
                                         for m in self.library.tables[t].metrics.values())}
        if not named or _significant_digits(q.text) < 3:
            return set()
        if part_of_whole(claim):
            return set()  # "these regions will account for $10.7 trillion of the gain": a part's figure
        return named

    def judge_as(self, claim: Claim, c: Candidate, as_of: dt.date | None) -> Finding | None:
        """The claim judged against one given reading (see ``check.Engine``)."""
        self._as_of = as_of
        result = self._judge(claim, c, as_of)
        return result[0] if result is not None else None

    def in_table(self, claim: Claim, as_of: dt.date | None, table_id: str) -> Finding:
        """The claim judged as one about ``table_id`` only (see ``check.Engine``: a figure
        that could be about several tables, in a sentence whose other figures one of them
        confirms)."""
        self._as_of = as_of
        finding = self._check_value(claim, as_of, only_table=table_id)
        if not finding.grounds:
            finding = replace(finding, grounds=grounds.of(claim, None, as_of))
        return derived.kept(claim, finding, self.library, as_of)

    def _check_value(self, claim: Claim, as_of: dt.date | None, named_metric_only: bool = False,
                     only_table: str | None = None) -> Finding:
        found = candidates(claim, self.library)
        if named_metric_only:
            found = [c for c in found if c.metric_span is not None and c.metric.kind != "rank"
                     and self._list_wide(c)]
        results = [self._judge(claim, c, as_of) for c in found]
        results = [r for r in results if r is not None]
        if not results:
            return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, None), None,
                           "No reference table covers this figure; check it by hand.", None)
        best_strength = max(r[1].strength for r in results)
        top = [r for r in results if r[1].strength == best_strength]
        named = {t for s in claim.sources for t in s.tables}
        if any(r[1].table.id in named for r in top):
            # "Fugaku, ranked 10th" in a passage about the TOP500: Green500 knows Fugaku too,
            # but the passage names the TOP500.
            top = [r for r in top if r[1].table.id in named]
        agreeing = [r for r in top if PREFERENCE[r[0].verdict] < PREFERENCE[Verdict.MISATTRIBUTED]]
        if agreeing:
            # Of several readings, one the source agrees with is the one the writer meant.
            return min(agreeing, key=lambda r: PREFERENCE[r[0].verdict])[0]
        readings = {(r[1].table.id, r[1].metric.id) for r in top}
        flagged = [r for r in top if r[0].verdict != Verdict.UNVERIFIABLE]
        if flagged and len(readings) > 1 and only_table is None:
            tables = {r[1].table.id for r in top}
            if len(tables) > 1:
                self.ambiguous[id(claim)] = tables
        if only_table is not None:
            top = [r for r in top if r[1].table.id == only_table]
            readings = {(r[1].table.id, r[1].metric.id) for r in top}
            flagged = [r for r in top if r[0].verdict != Verdict.UNVERIFIABLE]
        if not top:
            return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, None), None,
                           "No reference table covers this figure; check it by hand.", None)
        if flagged and len(readings) > 1:
            # Several equally likely tables or metrics and none agrees: not sure which the
            # figure is about, so say so rather than flag it.
            labels = sorted({f"{r[1].table.title}: {r[1].metric.label}" for r in top})
            return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, None), None,
                           "The figure could be one of several measures (" + "; ".join(labels)
                           + ") and none of them matches; check it by hand.", None,
                           tuple(e for r in flagged for e in r[0].evidence[:1]))
        chosen = min(top, key=lambda r: PREFERENCE[r[0].verdict])
        return chosen[0]

    def _list_wide(self, c: Candidate) -> bool:
        """A measure only the list as a whole has (its aggregate, its entry level)."""
        owners = c.table.entities_with(c.metric.id)
        info = self.library.entities.get(next(iter(owners))) if len(owners) == 1 else None
        return info is not None and info.kind == "world"

    # -- one candidate -------------------------------------------------------------------

    def _judge(self, claim: Claim, c: Candidate, as_of: dt.date | None):
        table = c.table
        choice = periods.choose(table, claim.times, as_of, c.metric.id, c.entity)
        if claim.times and _one_entity_per_edition(table):
            own = table.rows(c.entity, c.metric.id)
            undated = periods.choose(table, (), as_of, c.metric.id, c.entity)
            if not choice.accepted(own, table) and undated.accepted(own, table):
                # A catalogue (one paper per model): "in December 2021, DeepMind unveiled
                # GPT-3, a 280 billion parameter model" — a year that fits none of the
                # model's own papers (out by the article's date) does not change its size;
                # the model is read in its own paper.
                choice = undated
        scope = choice.accepted(table.rows(c.entity, c.metric.id), table)
        scope = self._filteredition_size(claim, c, scope)
        finding = (self._agreeing(claim, c, choice, scope)
                   or self._undisclosed(claim, c, choice, scope)
                   or self._misattributed(claim, c, choice)
                   or self._contradicted(claim, c, choice, scope)
                   or self._other_metric(claim, c, choice, scope)
                   or self._unverifiable(claim, c, choice, scope))
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.OUTDATED) and ACHIEVED_BY.match(
                claim.sentence.text, claim.quantity.span.end - claim.sentence.span.start):
            # "far above the 415.5 petaflops achieved by Fugaku": a result named as achieved
            # is a past deed, not a present value; it is true of any edition up to the
            # article's that holds it.
            past = [f for f in table.rows(c.entity, c.metric.id) if not f.status and agrees(claim, f, table)
                    and (choice.current is None or f.edition <= choice.current)]
            if past:
                return self._finding(Verdict.SUPPORTED, claim, c, past[-1],
                                     explain.message_supported(c, past[-1], claim)), c
        held = tenure.held_for(claim) if c.metric.kind == "rank" else None
        if held is not None:
            # "held the top spot for two years": a run of editions, checked as a run
            return self._tenure(claim, c, held, finding, as_of), c
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) \
                and periods.several_years(claim.times) and not scope:
            # "placed 17th, 16th, 11th and 8th in the last four editions": no single
            # edition is meant and no row covers those years together, so a row can confirm
            # the figure but not call it wrong.
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                           "The figure is said of several years or editions at once; the article ties it "
                           "to no single edition, so it can only be confirmed, not flagged. Check it by hand.",
                           None, table=c.table.id), c
        if (any(t.kind in ("earlier", "later") for t in claim.times) or choice.explicit is not None
                and choice.explicit.kind in ("earlier", "later")) and finding.verdict in (
                Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED):
            # "from 5th to 4th and now 3rd", "from 3rd to 1st in 2021" on a list out twice
            # that year: which earlier edition is unsaid, so an earlier rank can be
            # confirmed but not called wrong.
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                           "A figure from another time (an earlier rank in a sequence, \u201cback then\u201d, or "
                           "\u201cin subsequent years\u201d); the article does not say which edition, so it can only be "
                           "confirmed, not flagged. "
                           "Check it by hand.", None,
                           table=c.table.id), c
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) and choice.unheld \
                and freshness.missing_edition(table, as_of) is None:  # (a table behind as a whole: ``freshness``)
            held, now = table.editions.get(choice.current), table.editions.get(choice.unheld)
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                           f"The tables hold {wording.possessive(c.entity)} {c.metric.label} up to "
                           f"{held.title if held else choice.current}; the edition current at the article's date, "
                           f"{now.title if now else choice.unheld}, is not held, so the figure can only be "
                           "confirmed, not flagged. Check it by hand.", None, table=c.table.id), c
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) \
                and periods.year_lists_unheld(table, choice, scope):
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                           "The article gives a year, and the list comes out more than once a year; the "
                           "table does not hold this figure for every list of that year, so it can only be "
                           "confirmed, not flagged. Check it by hand.", None, table=c.table.id), c
        if finding.verdict == Verdict.OUTDATED and claim.role == "previous":
            # "a decline from 18th to 23rd": the starting figure is a past value by its
            # role, its edition only "the one before" the end figure's, which the article
            # may not place; matching an older edition is no sign it is out of date.
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                           "The figure is where a change started, a past value by its role; it matches an "
                           "edition older than the one it is checked against, and the article does not place "
                           "the change's editions for sure, so it is not flagged. Check it by hand.", None,
                           table=c.table.id), c
        twin = self._twin_named(claim, c, choice) if finding.verdict == Verdict.CONTRADICTED else None
        if twin is not None:
            return _other_measure_unflagged(claim, c, finding, *twin, "the sentence names that measure too, "
                                            "so which one it gives is unclear"), c
        sibling = self._sibling_agrees(claim, c, choice) if finding.verdict == Verdict.CONTRADICTED else None
        if sibling is not None:
            return _other_measure_unflagged(claim, c, finding, *sibling,
                                            "no word of the sentence says which measure it gives (a plain "
                                            "\u201cperformance\u201d fits either, and a \u201cpeak\u201d above the "
                                            "double-precision one is a peak in lower precision)"), c
        if finding.verdict == Verdict.CONTRADICTED and self._last_digit_off(claim, c, choice, scope):
            return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, finding.expected,
                           f"{claim.quantity.text.strip()} is one unit off the source's "
                           f"{explain.value(c, self._nearest(claim, scope))} in its last digit; "
                           "the publisher rounds the same list-wide total differently from one release to the "
                           "next, so it is not called wrong here. Check it by hand.", None,
                           finding.evidence, table=c.table.id), c
        if c.entity_mention is not None and c.entity_mention.via == "compared" and finding.verdict in (
                Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED):
            # "it measures 1.742 exaflops, well ahead of Frontier": the only name the figure
            # could go to is the one its subject is compared with; whose figure it is, unsaid.
            finding = _unflagged(claim, c, finding, (
                f"Not flagged: the sentence names {c.entity} only as what the figure's subject is compared "
                f"with, so the figure may not be {wording.possessive(c.entity)}. If it is: {finding.message}"))
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) and _in_condition(claim):
            # "If AI raises productivity 5% but labour supply drops 3%, …": a figure the
            # writer assumes, naming no source, is no one's finding to check.
            finding = _unflagged(claim, c, finding, (
                "Not flagged: the figure is assumed in a condition (\u201cif \u2026\u201d) that names no source, "
                f"not reported as a finding. If it is meant as one: {finding.message}"))
        loose_only = c.metric_span is None and bool(c.loose)
        if (c.strength <= STRENGTH_WEAK or loose_only or _subject_unclear(claim, c)) and finding.verdict in (
                Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED):
            # Tied only weakly (no source named, or only a loose word like "jobs"): the
            # figure may confirm the table, never be flagged by it.
            finding = self._weak(claim, c, finding)
        if claim.source_carried and c.table.period_kind in ("year", "horizon") and finding.verdict in (
                Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) and self._several_carried(claim, c.table):
            # "Taken together with a recent report by PwC, … the McKinsey report …. AI could
            # lead to a gross GDP growth of around 26 percent": the sentence names no source
            # and the one before named several; whose figure it is, unsaid.
            finding = _unflagged(claim, c, finding, (
                "Not flagged: the sentence names no source, and the passage before it named several; "
                f"it may not be the {c.table.title}'s figure. If it is: {finding.message}"))
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED) and not claim.paired:
            owner = self._owner_beside(claim, c, choice)
            if owner is not None:
                finding = self._owned_beside(claim, c, finding, owner)
        sister = self._sister_table_agrees(claim, c, choice, as_of) if finding.verdict == Verdict.CONTRADICTED else None
        if sister is not None and claim.quantity.hedge in BANDS:
            # "entered the top 10": a band holds many places, so fitting the publisher's other
            # ranking says more about which ranking is meant than about a mistake
            other, row = sister
            finding = _unflagged(claim, c, finding, (
                f"Not flagged: {wording.possessive(c.entity)} place fits {claim.quantity.text.strip()} in the "
                f"{explain.edition_title(other, row)}, the same publisher's other ranking, which the article may "
                f"mean. If it means this one: {finding.message}"))
            sister = None
        if sister is not None:
            # A warning, not an error: either the article means the other ranking (and names
            # the wrong one) or it gives the other ranking's place; an editor checks which.
            # (Only a contradiction still standing after every test above.)
            other, row = sister
            finding = Finding(Verdict.NEEDS_CONTEXT, claim, finding.stated, finding.expected, (
                f"{claim.quantity.text.strip()} is {wording.possessive(c.entity)} {c.metric.label} in the "
                f"{explain.edition_title(other, row)}, the same publisher's other ranking, not in this one: "
                f"{finding.message} Check which ranking the article means."),
                f"Name the {other.title}, or give this ranking's figure.", finding.evidence, table=c.table.id)
        if finding.verdict == Verdict.MISATTRIBUTED and self._uncovered(claim, c, choice):
            # Another entity of the passage has exactly this figure, and the tables have
            # none of the stated entity's for this measure: most likely the other's figure,
            # but the stated entity may have one from a source the tables lack. A warning.
            when = "at all" if not c.table.rows(c.entity, c.metric.id) else "for the edition the article means"
            finding = replace(finding, verdict=Verdict.NEEDS_CONTEXT, message=(
                f"{finding.message} The tables have no {c.metric.label} for {c.entity} {when}, so the article may "
                f"cite another source for it; check whose figure this is."))
        if finding.verdict in (Verdict.SUPPORTED, Verdict.OUTDATED):
            finding = self._placed_elsewhere(claim, c, finding) or finding
        if finding.verdict in (Verdict.CONTRADICTED, Verdict.MISATTRIBUTED, Verdict.OUTDATED):
            finding = self._near_fit(claim, c, choice, finding, as_of) or finding
        return finding, c

    def _near_fit(self, claim: Claim, c: Candidate, choice, finding: Finding, as_of) -> Finding | None:
        """A flag whose figure is true of another edition or owner the sentence names
        (``nearfit``): the reading, not the article, is most likely wrong."""
        table = c.table
        league = table.period_kind in ("edition", "list")
        checked = choice.current if league else None
        if league and checked is not None:
            row = nearfit.other_edition(claim, table, c.entity, c.metric.id, checked, as_of)
            if row is not None:
                name = explain.edition_name(table, checked).removeprefix("The ")
                return _unflagged(claim, c, finding, (
                    f"Not flagged: {claim.quantity.text.strip()} is {wording.possessive(c.entity)} "
                    f"{c.metric.label} in the {explain.edition_title(table, row)}, an edition the sentence "
                    f"also speaks of, so the figure may be that edition's. If it means the {name}: "
                    f"{finding.message}"))
        if league and checked is None:
            return None
        owner = nearfit.other_owner(claim, table, c.entity, c.metric.id, checked)
        if owner is not None:
            return self._owned_beside(claim, c, finding, owner)
        return None

    def _placed_elsewhere(self, claim: Claim, c: Candidate, finding: Finding) -> Finding | None:
        """"China's Fugaku": the figure is the system's, but the sentence puts the system
        in a country the tables do not (``placement``)."""
        system = c.entity_mention
        if system is None or system.kind != "system" or system.via != "name":
            return None
        country = placement.placing_country(claim.sentence.text, claim.sentence.span.start, claim.entities, system)
        period = finding.expected.period if finding.expected is not None else None
        held = placement.installed_in(self.library, c.entity, period) if country is not None else None
        if held is None or held[1].value == country.entity:
            return None
        table, row = held
        right = row.value
        where = replace(c, table=table, metric=table.metrics[row.metric])
        said = (f"The figure itself is right: {finding.message.removeprefix('Matches the source: ')}"
                if finding.verdict == Verdict.SUPPORTED else f"As for the figure: {finding.message}")
        message = (f"{c.entity} is {wording.possessive(right)} system, not {wording.possessive(country.entity)}: "
                   f"the {explain.edition_title(table, row)} lists it as installed in {right}. {said}")
        fix = None
        if country.via == "name":
            fix = self._entity_fix(claim, country.span, right)
            suggestion = f"Call it {wording.possessive(right)} {c.entity} (not {wording.possessive(country.entity)})."
        else:
            info = self.library.entities.get(right)
            demonym = info.demonyms[0] if info is not None and info.demonyms else None
            if demonym is not None:
                fix = (country.span.start, country.span.end, demonym)
            suggestion = f"Say it is installed in {right}, not {country.entity}."
        stated_country = Statement(c.entity, where.metric.label, None, country.entity, where.metric.unit)
        return Finding(Verdict.MISATTRIBUTED, claim, stated_country, _statement(where, row), message, suggestion,
                       (_evidence(table, row), *finding.evidence), table=table.id, fix=fix,
                       grounds=finding.grounds)

    def _tenure(self, claim: Claim, c: Candidate, held, finding: Finding, as_of: dt.date | None) -> Finding:
        table, q = c.table, claim.quantity
        run = tenure.run_of(table, c.entity, c.metric.id, q.value, as_of) if table.ranks_unique else None
        ok = tenure.fits(held, run, table) if run else None
        said = "for " + " ".join(held.string[held.start("n"):held.end("unit")].split())
        if run:
            first, last = run[0], run[-1]
            span = (f"{explain.edition_title(table, first)}" if first is last else
                    f"{explain.edition_title(table, first)} to {explain.edition_title(table, last)}")
            lists = f"{len(run)} edition{'s' if len(run) != 1 else ''}"
            held_text = f"{c.entity} was {explain.value(c, last)} ({c.metric.label}) in {lists} in a row: {span}"
        if ok:
            return self._finding(Verdict.SUPPORTED, claim, c, run[-1], f"Matches the source: {held_text}.",
                                 extra=tuple(run[:1]) if len(run) > 1 else ())
        grounded = (ok is False and c.strength > STRENGTH_WEAK and c.entity_mention is not None
                    and c.entity_mention.via in ("name", "demonym", "fuzzy"))
        if grounded:
            return self._finding(Verdict.CONTRADICTED, claim, c, run[-1],
                                 f"{table.title}: {held_text} — {tenure.length_words(held, run, table)}, "
                                 f"not “{said}”.",
                                 f"Give the length the source's editions show ({lists}).",
                                 extra=tuple(run[:1]) if len(run) > 1 else ())
        return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, None,
                       "The place is said to have been held over a span of editions "
                       f"(“{said}”); the tables cannot settle that span here, so it is not flagged. "
                       "Check it by hand.", None, table=c.table.id)

    def _twin_named(self, claim: Claim, c: Candidate, choice) -> tuple | None:
        """"a peak of 1.1 exaflops in the Linpack benchmark", "the potential to automate up
        to 70% of work activities": the figure is, in an edition the claim can mean, the
        entity's value of another measure of the same unit that the sentence names too
        (Linpack: Rmax; "potential to automate": the share of working time). Two measures
        are named and the figure is one of them: not a wrong figure, an unclear measure.
        (Ranks are left out: every measure of a league table runs 1, 2, 3 ….)"""
        if c.metric.kind == "rank" or claim.quantity.range_of is not None:
            return None
        table, sentence = c.table, claim.sentence
        # Words inside the figure ("1.1 exaflops") or inside the words that named its own
        # measure ("performance" in "peak performance") name no second measure.
        taken = [claim.quantity.span] + ([c.metric_span] if c.metric_span is not None else [])
        for other in table.metrics.values():
            if other.id == c.metric.id or other.unit != c.metric.unit or other.kind != c.metric.kind:
                continue
            rows = [f for f in table.rows(c.entity, other.id)
                    if not f.status and choice.in_scope(f) and agrees(claim, f, table)]
            if rows and any(not any(span.start < t.end and t.start < span.end for t in taken)
                            for span, _ in alias_hits(sentence.text, sentence.span.start, other.aliases)):
                return other, rows[0]
        return None

    def _sibling_agrees(self, claim: Claim, c: Candidate, choice) -> tuple | None:
        """"Fugaku's maximum performance exceeds 1,000 petaflops", "Fugaku can technically
        hit 1 exaflop": no word of the sentence names the measure, or only a plain one
        ("performance"), and the figure is the entity's value of another measure of the
        same unit in an edition the claim can mean (HPL-AI's 1.42 exaflops): which
        measure it gives is unsaid, so it is not a wrong figure."""
        if c.metric.kind == "rank" or claim.quantity.range_of is not None:
            return None
        sentence, q = claim.sentence, claim.quantity
        peak_only = False
        for span, alias in alias_hits(sentence.text, sentence.span.start, c.metric.aliases):
            if span.start < q.span.end and q.span.start < span.end or PLAIN_WORD.fullmatch(alias):
                continue
            if not PEAK_WORD.fullmatch(alias):
                return None  # "HPL", "Rmax", "Linpack score": the measure is named
            peak_only = True
        table = c.table
        found = [(other, f) for other in table.metrics.values()
                 if other.id != c.metric.id and other.unit == c.metric.unit and other.kind == c.metric.kind
                 for f in table.rows(c.entity, other.id)
                 if not f.status and f.number is not None and choice.in_scope(f) and agrees(claim, f, table)]
        if peak_only:
            found = [(other, f) for other, f in found if _above_own(table, c, f)]
        # The nearest of them ("1 exaflop": HPL-AI's 1.42, not the 0.51 of Rpeak).
        value = claim.quantity.value
        return min(found, key=lambda pair: abs(pair[1].number - value)) if found else None

    def _sister_table_agrees(self, claim: Claim, c: Candidate, choice, as_of: dt.date | None) -> tuple | None:
        """"IMD's ranking puts Slovenia 40th among 64 countries" when 40th of 64 is its place
        in IMD's other ranking that year: a place that another league table of the same
        publisher gives the entity, by the same measure and for the same period, may be that
        table's where the article names only the publisher (or no source): a mix-up of the
        two rankings, or a place the article means for the other one — a warning that says
        so, not an error. A ranking the article names outright is the one meant. The other
        table and its row."""
        table = c.table
        if c.metric.kind != "rank" or table.period_kind not in ("edition", "list") \
                or any(s.exact and table.id in s.tables and not _publisher_named(claim, s, table) for s in claim.sources):
            return None  # (a ranking named outright is the one meant: its place is checked there)
        periods = {f.period for f in choice.accepted(table.rows(c.entity, c.metric.id), table) if choice.in_scope(f)}
        for other in self.library.tables.values():
            if other.id == table.id or other.publisher != table.publisher or other.period_kind != table.period_kind \
                    or c.metric.id not in other.metrics:
                continue
            for f in other.rows(c.entity, c.metric.id):
                edition = other.editions.get(f.edition)
                if as_of is not None and edition is not None and (edition.published or "") > as_of.isoformat():
                    continue  # (an edition out only after the article: not one it can mix up)
                if f.period in periods and not f.status and agrees(claim, f, other) and (
                        claim.quantity.out_of is None or edition_size(other, f) in (claim.quantity.out_of, None)):
                    return other, f
        return None

    def _owner_beside(self, claim: Claim, c: Candidate, choice) -> str | None:
        """"Tuolumne, a smaller sibling of El Capitan, which ranked 12th": another entity
        named earlier in the same sentence (before the stated one) has exactly this figure.
        Unless a list form paired the figure with its entity, which of the two the
        sentence gives it to can't be told for sure: the earlier name may be the subject
        the figure is said of."""
        table = c.table
        text, base = claim.sentence.text, claim.sentence.span.start
        stated_at = c.entity_mention.span.start if c.entity_mention is not None else claim.sentence.span.end
        lead = LEADING_PHRASE.match(text)
        lead_end = base + lead.end() if lead else None
        for m in claim.entities:
            if m.via == "reference" or m.kind == "world" or m.entity == c.entity or m.entity not in table.entities:
                continue
            if m.span.start > stated_at:
                continue  # "Sierra ranked fourth and Sunway TaihuLight third": the stated name leads
            if lead_end is not None and m.span.end <= lead_end <= stated_at:
                continue  # "Prior to Frontier taking the top spot, Fugaku held …": no subject there
            if OWN_CLAUSE_BETWEEN.search(text, m.span.end - base, max(m.span.end, stated_at) - base):
                continue  # "HPC6 entered at No. 5, while the Alps system posted …": its own clause's subject
            if any(choice.accepts(f, table) and choice.in_scope(f) and not f.status
                   and agrees(claim, f, table) and _as_written(claim, f, table)
                   for f in table.rows(m.entity, c.metric.id)):
                return m.entity
        return None

    def _owned_beside(self, claim: Claim, c: Candidate, finding: Finding, owner: str) -> Finding:
        return _unflagged(claim, c, finding, (
            f"Not flagged: {owner}, also named in this sentence, has exactly this figure, and the "
            f"sentence may give it to {owner} rather than {c.entity}. If it is {wording.possessive(c.entity)}: "
            f"{finding.message}"))

    def _last_digit_off(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> bool:
        """A list's total (its aggregate, its entry level) one unit off in the figure's last
        written digit: TOP500 gives the sum rounded, and a later release may restate the
        previous list's sum rounded the other way (2.22 where the list's own text had
        2.23), so such a figure is neither confirmed nor called wrong."""
        q = claim.quantity
        if (c.metric.kind != "quantity" or c.table.period_kind != "list" or q.range_of is not None
                or c.metric.id not in list_wide_metrics(c.table, self.library)):
            return False
        unit = q.high - q.low
        return unit > 0 and any(f.number is not None and abs(q.value - f.number) <= unit * 1.0001
                                for f in scope if not f.status and choice.in_scope(f))

    @staticmethod
    def _nearest(claim: Claim, scope: list[Fact]) -> Fact:
        return min((f for f in scope if f.number is not None), key=lambda f: abs(claim.quantity.value - f.number))

    def _filteredition_size(self, claim: Claim, c: Candidate, rows: list[Fact]) -> list[Fact]:
        """"28th out of 63": keep the editions that ranked 63 (if any did)."""
        n = claim.quantity.out_of
        if n is None or not c.metric.out_of:
            return rows
        fitting = [f for f in rows if edition_size(c.table, f) == n]
        return fitting or rows

    def _agreeing(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> Finding | None:
        table = c.table
        if claim.quantity.range_of is not None:
            by_edition: dict[str, list[Fact]] = {}
            for f in scope:
                by_edition.setdefault(f.edition, []).append(f)
            matched = [rows for rows in by_edition.values() if self._range_fits(claim, c, rows)]
            if not matched:
                return None
            rows = matched[-1]
            ends = self._scenario_ends(c, rows)
            first = ends[0] if ends else rows[0]
            if c.loose:
                return self._needs_context(claim, c, first, list(c.loose))
            message = explain.message_supported(c, first, claim)
            if ends:
                message = (f"Matches the source's range: {explain.value(c, ends[0])} to {explain.value(c, ends[1])} "
                           f"({c.entity}'s {c.metric.label}, {first.period}, {explain.edition_title(table, first)}).")
            return self._finding(Verdict.SUPPORTED, claim, c, first, message, extra=(ends[1],) if ends else ())
        matches = [f for f in scope if agrees(claim, f, table) and self._out_of_ok(claim, c, f)]
        if not matches:
            return None
        current = [f for f in matches if choice.in_scope(f)]
        pool = current or matches
        plain = [f for f in pool if not f.status and self._scenario_ok(claim, c, f)]
        if current and plain:
            best = self._prefer_current(plain, table, claim)
            if c.loose:
                return self._needs_context(claim, c, best, list(c.loose))
            return self._finding(Verdict.SUPPORTED, claim, c, best, explain.message_supported(c, best, claim))
        if current:
            best = self._prefer_current(pool, table, claim)
            reasons = list(c.loose)
            if self._publishers_own(c, best) and self._scenario_ok(claim, c, best):
                # The primary's own publisher page gives this figure: stated by the source.
                if reasons:
                    return self._needs_context(claim, c, best, reasons)
                return self._finding(Verdict.SUPPORTED, claim, c, best, explain.message_supported(c, best, claim))
            if best.status:
                primary = self._primary_for(c, best)
                reasons.insert(0, explain.alternative_reason(c, best, primary))
            if best.scenario and not self._scenario_ok(claim, c, best):
                reasons.insert(0, explain.scenario_reason(c, best, self._central_for(c, best)))
            return self._needs_context(claim, c, best, reasons)
        # Matches only an edition older than the one current at the article's date.
        best = self._prefer_current(matches, table, claim)
        now = [f for f in table.rows(c.entity, c.metric.id) if f.edition == choice.current and not f.status]
        if not now:
            return self._finding(
                Verdict.UNVERIFIABLE, claim, c, best,
                f"The figure matches the {explain.edition_title(table, best)}, but the tables have no "
                f"{c.metric.label} for {c.entity} in the edition current at the article's date "
                f"({explain.edition_name(table, choice.current)}); check it by hand.")
        latest = self._prefer_current(now, table)
        message = (f"{explain.describe(c, best)} was the figure in the {explain.edition_title(table, best)}; the "
                   f"{explain.edition_title(table, latest)}, current at the article's date, gives "
                   f"{explain.value(c, latest)}.")
        suggestion = (f"Update to {explain.value(c, latest)} ({explain.edition_name(table, latest.edition)}), "
                      f"or say the figure is from {explain.edition_name(table, best.edition)}.")
        return self._finding(Verdict.OUTDATED, claim, c, latest, message, suggestion,
                             fix=self._value_fix(claim, c, latest), extra=(best,))

    def _entity_fix(self, claim: Claim, span, other: str) -> tuple[int, int, str]:
        """Replace the entity's name, with the "the" before it when the right entity is not
        written with one: "the United States" becomes "Japan", not "the Japan"."""
        sentence = claim.sentence
        before = sentence.text[:span.start - sentence.span.start]
        article = _THE_BEFORE.search(before)
        info = self.library.entities.get(other)
        takes_the = info is not None and any(a.lower() == f"the {other}".lower() for a in info.aliases)
        if article and not takes_the:
            return span.start - len(article.group()), span.end, other
        return span.start, span.end, other

    def _undisclosed(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> Finding | None:
        """The publisher has not disclosed the figure: any number given is unconfirmed."""
        hidden = [f for f in scope if not f.status and f.value.lower() == "undisclosed" and choice.in_scope(f)]
        if not hidden:
            return None
        row = self._prefer_current(hidden, c.table)
        message = (f"{row.publisher} has not disclosed {wording.possessive(row.entity)} {c.metric.label} "
                   f"({row.source_title}); {claim.quantity.text.strip()} is an unconfirmed figure.")
        finding = self._finding(Verdict.NEEDS_CONTEXT, claim, c, row, message,
                                "Say the figure is unconfirmed and who reported it, or drop it.")
        hedge = _reported(claim.sentence.text)
        if hedge:
            # "GPT-4 is said to have 1.76 trillion parameters", "is rumoured to be based on
            # eight models": the article already gives the figure as unconfirmed.
            return _unflagged(claim, c, finding, f"{message} The article says so (“{hedge}”).")
        if _in_quotation(claim):
            # "Semafor … ‘GPT-4 has 1 trillion parameters.’": a quoted report is its speaker's
            # word, which the article attributes.
            return _unflagged(claim, c, finding, f"{message} The article quotes it as someone else's words.")
        return finding

    def _misattributed(self, claim: Claim, c: Candidate, choice) -> Finding | None:
        table = c.table
        if claim.quantity.range_of is not None or claim.quantity.hedge in BANDS:
            return None  # (a band of places, "in the top 10", is many entities' at once)
        # In a catalogue (one publication per model) an undated figure of another model is
        # that model's own paper's, whichever paper is the stated model's.
        own_papers = choice.explicit is None and _one_entity_per_edition(table)
        for other in claim.passage_entities:
            if other == c.entity:
                continue
            rows = [f for f in table.rows(other, c.metric.id)
                    if choice.accepts(f, table) and (own_papers or choice.in_scope(f)) and not f.status
                    and agrees(claim, f, table) and _as_written(claim, f, table)
                    and self._out_of_ok(claim, c, f, strict=True)
                    and self._scenario_ok(claim, c, f)]
            for row in sorted(rows, key=lambda f: self._edition_key(table, f), reverse=True):
                if table.period_kind in ("edition", "list"):
                    own = [f for f in table.rows(c.entity, c.metric.id)
                           if f.edition == row.edition and f.period == row.period and not f.status]
                else:  # a catalogue (one edition per model): the stated entity's own rows
                    own = [f for f in table.rows(c.entity, c.metric.id)
                           if choice.accepts(f, table) and not f.status and f.number is not None]
                known_wrong = (own and not any(agrees(claim, f, table) for f in own)) or (
                    table.ranks_unique and c.metric.kind == "rank") or self._uncovered(claim, c, choice)
                if not known_wrong:
                    continue
                if RIVAL_BEFORE.search(claim.sentence.text[:claim.quantity.span.start - claim.sentence.span.start]) \
                        or _owned_by_after(claim, other):
                    # "644 petaflops to its rival's 565": the sentence itself gives the
                    # figure to another entity, and the passage names the one that holds it.
                    rival = replace(c, entity=other, entity_mention=None)
                    return self._finding(Verdict.SUPPORTED, claim, rival, row,
                                         explain.message_supported(rival, row, claim))
                stated_name = c.entity
                message = (f"In the {explain.edition_title(table, row)}, {explain.value(c, row)} "
                           f"({c.metric.label}) is {wording.possessive(other)} figure, not {wording.possessive(stated_name)}.")
                if own and own[0].edition != row.edition:  # (a catalogue: each model has its own paper)
                    message += (f" {wording.possessive(stated_name)} own figure is {explain.value(c, own[0])}, in the "
                                f"{explain.edition_title(table, own[0])}.")
                elif own:
                    message += f" {wording.possessive(stated_name)} own figure there is {explain.value(c, own[0])}."
                suggestion = f"Attribute the figure to {other} (not {stated_name})."
                fix = None
                if c.entity_mention is not None and c.entity_mention.via != "reference":
                    fix = self._entity_fix(claim, c.entity_mention.span, other)
                return self._finding(Verdict.MISATTRIBUTED, claim, c, row, message, suggestion,
                                     fix=fix)
        return None

    def _uncovered(self, claim: Claim, c: Candidate, choice) -> bool:
        """The tables have no row of the stated entity's for the measure that the claim can
        mean, and the measure is not a league table's place (an entity may simply be missing
        from a list): either none in any edition (METI forecasts Japan's shortage of IT
        workers and no one else's), or none in the editions meant and the figure is too
        precise to be anyone else's by chance ("415.5 petaflops" in June 2020, said of a
        machine not yet built)."""
        if c.metric.kind == "rank":
            return False
        rows = c.table.rows(c.entity, c.metric.id)
        if not rows:
            return True
        return _significant_digits(claim.quantity.text) >= 3 and not any(
            choice.accepts(f, c.table) and choice.in_scope(f) for f in rows)

    def _contradicted(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> Finding | None:
        table = c.table
        primary = [f for f in scope if not f.status and choice.in_scope(f)]
        needed = self._needed_editions(c, choice, claim)
        if (primary and claim.quantity.range_of is not None and len(primary) < 2
                and self.range_end_matches(claim, primary)):
            # The source states one figure ("up to 70 billion") and it is one end of the
            # article's range ("from 7 billion to 70 billion"): the other end is unsaid.
            return None
        if primary and _below_family_top(claim, primary):
            top = self._prefer_current(primary, table)
            return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, c), None,
                           f"{table.title}: the source gives only the top of {wording.possessive(c.entity)} "
                           f"{c.metric.label} ({explain.value(c, top)}); {claim.quantity.text.strip()} may be one of "
                           "its smaller members, which the tables do not list. Check it by hand.", None,
                           table=table.id)
        ends = None
        if claim.quantity.range_of is not None and primary:
            newest = self._prefer_current(primary, table)
            ends = self._scenario_ends(c, [f for f in primary if (f.edition, f.period) == (newest.edition, newest.period)])
        if ends is not None and not (needed and not needed <= {f.edition for f in primary}):
            low, high = ends
            middle = [f for f in primary if f.scenario and f not in ends and f.period == low.period
                      and self.range_end_matches(claim, [f])]
            message = (f"{table.title}: the source's range for {c.entity}'s {c.metric.label} ({low.period}, "
                       f"{explain.edition_title(table, low)}) runs from "
                       f"{explain.value(c, low)} ({explain.scenario_label(c, low)}) to {explain.value(c, high)} "
                       f"({explain.scenario_label(c, high)}), not {claim.quantity.text.strip()}.")
            if middle:
                message += (f" {explain.value(c, middle[0])} is its {explain.scenario_label(c, middle[0])}.")
            return self._finding(Verdict.CONTRADICTED, claim, c, low, message,
                                 f"Give the source's range: {explain.value(c, low)} to {explain.value(c, high)}.",
                                 extra=(high,))
        if primary:
            covered = {f.edition for f in primary}
            if needed and not needed <= covered:
                return None
            if any(agrees(claim, f, table) and self._out_of_ok(claim, c, f) for f in scope if choice.in_scope(f)):
                return None
            if c.metric.kind in ("count", "quantity") and other_scale(claim, primary):
                return None  # "48 compute cores" beside a machine of 7.6 million: another measure
            # The row to show: a league table's newest edition; in a study, the period whose
            # figure is nearest to the claim (the span, for "79 models in three years").
            closest = claim if table.period_kind not in ("edition", "list") else None
            best = self._central_for(c, self._prefer_current(primary, table, closest))
            named_year = self._named_year_behind(claim, c, choice, best)
            if named_year is not None:
                return named_year
            n_wrong = self._out_of_wrong(claim, c, best)
            message = (f"{table.title}: {explain.describe_metric(c, best)} is {explain.value(c, best)}, "
                       f"not {claim.quantity.text.strip()}.")
            if n_wrong:
                message += f" That edition ranked {n_wrong} economies."
            return self._finding(Verdict.CONTRADICTED, claim, c, best, message,
                                 f"Change “{claim.quantity.text.strip()}” to {explain.value(c, best)}.",
                                 fix=self._value_fix(claim, c, best))
        # A league table: the rank belongs to someone else in every edition the claim can mean.
        exact = {t for s in claim.sources if s.exact for t in s.tables}
        if table.ranks_unique and c.metric.kind == "rank" and needed and table.id in exact \
                and claim.quantity.hedge not in BANDS:
            # Only a table the article names outright: "the top position" in a passage about
            # the TOP500 says nothing of the Green500, which the same publisher issues.
            # The article's words must tie the rank there: the holder named in the passage, or
            # the rank given out of that edition's own size ("No. 12 out of 64"). "X was strong
            # in government efficiency (seventh)" says nothing of the country seventh in the
            # table if the article never names it; a table without X's own rank cannot tell a
            # wrong country from a wrong edition or measure, so the figure is only unverifiable.
            named = set(claim.passage_entities)
            sized = claim.quantity.out_of is not None
            holders = {}
            for f in table.rows(None, c.metric.id):
                if f.edition in needed and not f.status and agrees(claim, f, table) and f.entity != c.entity \
                        and (f.entity in named or sized and self._out_of_ok(claim, c, f, strict=True)):
                    holders[f.edition] = f
            if holders and set(holders) == needed:
                row = self._prefer_current(list(holders.values()), table)
                message = (f"The {explain.edition_title(table, row)} puts {row.entity}, not {c.entity}, at "
                           f"{explain.value(c, row)} ({c.metric.label}); the tables do not give "
                           f"{wording.possessive(c.entity)} own rank in that edition.")
                return self._finding(Verdict.CONTRADICTED, claim, c, row, message,
                                     f"Check {wording.possessive(c.entity)} rank in the {explain.edition_title(table, row)}.")
        return None

    def _named_year_behind(self, claim: Claim, c: Candidate, choice, best: Fact) -> Finding | None:
        """"Switzerland climbed to second in the 2023 ranking, of 67 economies", written the
        day the 2024 edition came out: the figure is wrong for the edition the article names
        but is exactly the current edition's. Either the figure or the year is wrong, and
        a warning names both, never a correction of the figure. Only for the edition just
        before the current one: an article that calls the ranking just out by the year of
        its data ("the 2023 ranking" for the edition of June 2024)."""
        table = c.table
        if table.period_kind not in ("edition", "list") or choice.current is None or best.edition == choice.current \
                or not any(t.kind in ("edition", "point") for t in claim.times):
            return None
        held = table.editions_held()
        order = [e.id for e in table.edition_order() if e.id in held]
        at = order.index(choice.current) if choice.current in order else 0
        if not at or order[at - 1] != best.edition:
            return None  # only the edition just before the current one: the year an article misnames
        current = [f for f in table.rows(c.entity, c.metric.id)
                   if f.edition == choice.current and not f.status and agrees(claim, f, table)
                   and self._out_of_ok(claim, c, f)]
        if not current:
            return None
        row = current[0]
        named, now = explain.edition_title(table, best), explain.edition_title(table, row)
        message = (f"“{claim.quantity.text.strip()}” is not {wording.possessive(c.entity)} {c.metric.label} in the "
                   f"{named}, which the article names ({explain.value(c, best)}), but it is exactly the "
                   f"figure of the {now}, the edition after it and current at the article's date. The figure "
                   f"or the year is wrong: check which edition the article means.")
        return self._finding(Verdict.NEEDS_CONTEXT, claim, c, row, message,
                             f"Check which edition is meant: if the {now}, correct the year the article gives.",
                             extra=(best,))

    def _scenario_ends(self, c: Candidate, rows: list[Fact]) -> tuple[Fact, Fact] | None:
        """The source's own range in these rows: its lower- and upper-scenario figures."""
        ends = {}
        for f in rows:
            scenario = c.table.scenarios.get(f.scenario) if f.scenario else None
            if scenario and scenario.role in ("lower", "upper") and not f.status:
                ends.setdefault(scenario.role, f)
        return (ends["lower"], ends["upper"]) if len(ends) == 2 else None

    def _range_fits(self, claim: Claim, c: Candidate, rows: list[Fact]) -> bool:
        """A range agrees with the source's range end for end (its low scenario with the
        claim's low end, its high with the high); without scenarios, each end with a row."""
        ends = self._scenario_ends(c, [f for f in rows if f.period == rows[0].period] if rows else rows)
        if ends is None:
            return range_agrees(claim, rows)
        low, high = claim.quantity.range_of
        unit = (claim.quantity.high - claim.quantity.low - (high - low)) or 0.0
        return end_agrees(low, unit, ends[0]) and end_agrees(high, unit, ends[1])

    def _other_metric(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> Finding | None:
        """"442 petaflops of peak performance": the article names one measure (Rpeak) and the
        figure is, in the same edition, the entity's value of another measure of the same
        unit (Rmax) while the named one differs: the figure was given the wrong measure."""
        if c.metric_span is None or claim.quantity.range_of is not None or c.loose:
            return None
        table = c.table
        for row in sorted(scope, key=lambda f: self._edition_key(table, f), reverse=True):
            if row.status or row.number is None or agrees(claim, row, table) or not choice.in_scope(row):
                continue  # an edition the claim does not mean says nothing of its measure
            for other in table.metrics.values():
                if other.id == c.metric.id or other.unit != c.metric.unit or other.kind != c.metric.kind:
                    continue
                twin = [f for f in table.rows(c.entity, other.id)
                        if (f.edition, f.period) == (row.edition, row.period) and not f.status and agrees(claim, f, table)]
                if not twin:
                    continue
                other_c = replace(c, metric=other)
                message = (f"{table.title}: {explain.value(other_c, twin[0])} is {c.entity}'s {other.label} in the "
                           f"{explain.edition_title(table, row)}, not its {c.metric.label}, which is "
                           f"{explain.value(c, row)} there.")
                return self._finding(Verdict.CONTRADICTED, claim, c, row, message,
                                     f"Call it the {other.label}, or give the {c.metric.label}: {explain.value(c, row)}.",
                                     extra=(twin[0],))
        return None

    def range_end_matches(self, claim: Claim, rows: list[Fact]) -> bool:
        q = claim.quantity
        for end in q.range_of:
            probe = Claim(replace(q, value=end, low=end, high=end, range_of=None), claim.sentence,
                          claim.entities, claim.times, claim.sources, claim.source_carried,
                          claim.passage_entities, claim.topic, claim.source_distance)
            if any(agrees(probe, f, self.library.tables[f.table]) for f in rows):
                return True
        return False

    def _unverifiable(self, claim: Claim, c: Candidate, choice, scope: list[Fact]) -> Finding:
        table = c.table
        # "has no number of parameters for GPT-4 at the time the article gives (“currently”)":
        # the article's own words, quoted, whatever their shape ("in 2023", "last year", "now")
        where = f" at the time the article gives (“{choice.explicit.text}”)" if choice.explicit else ""
        if scope:
            message = (f"The {table.title} covers {wording.possessive(c.entity)} {c.metric.label} only for some of the "
                       f"editions this claim can mean, and none of those matches; check it by hand.")
        else:
            message = (f"{table.title}: the tables have no {c.metric.label} for {c.entity}{where}; "
                       f"check it by hand.")
        return Finding(Verdict.UNVERIFIABLE, claim, stated(claim, c), None, message, None,
                       table=table.id)

    def _several_carried(self, claim: Claim, table: Table) -> bool:
        """Whether the sources carried to the claim from before its sentence are of more than
        one publisher of the table's kind (studies beside studies: "a report by PwC … the
        McKinsey report"; a publication no table holds counts as one of its own, unless a
        table is named by its title beside it). Asked of studies and forecasts only: a
        league table's entries and measures tie a figure to it more surely."""
        seen: set[str] = set()
        titled = any(s.exact for s in claim.sources)
        for i, source in enumerate(claim.sources):
            if not source.tables and not titled:
                seen.add(f"other {i}")
            seen.update(self.library.tables[t].publisher for t in source.tables if t in self.library.tables
                        and self.library.tables[t].period_kind == table.period_kind)
        return len(seen) > 1

    def _weak(self, claim: Claim, c: Candidate, finding: Finding) -> Finding:
        return _unflagged(claim, c, finding, (
            f"Not checked: the sentence does not name a source, so it may not refer to the "
            f"{c.table.title}. If it does: {finding.message}"))

    # -- helpers -------------------------------------------------------------------------

    def _needed_editions(self, c: Candidate, choice, claim: Claim) -> set[str]:
        """The editions the claim can mean (narrowed by "out of N" when given)."""
        table = c.table
        if choice.explicit is not None:
            eds = {f.edition for f in choice.accepted(table.period_samples(c.metric.id), table)}
            if table.period_kind not in ("edition", "list"):
                # A study or a catalogue: of the publications with a figure for that time,
                # those that give this entity's ("Gopher … in 2021": DeepMind's paper, not
                # every other model paper of 2021).
                eds = (eds & self._own_editions(c)) or eds
        elif choice.current is not None:
            eds = {choice.current}
            if table.period_kind not in ("edition", "list") and choice.current not in self._own_editions(c):
                # A catalogue (one paper per model) or a study: the latest publication at
                # the article's date may not give this entity's figure at all ("GPT-2 …"
                # in an article of the week GPT-3's paper came out); its own do.
                eds = self._own_editions(c, choice) or eds
        elif table.period_kind in ("edition", "list"):
            # A periodic league table: an undated claim may mean any edition.
            eds = set(table.editions) or set(table.editions_with(c.metric.id))
        else:
            # Studies and one-off publications: the ones that give this entity's figure.
            eds = {f.edition for f in table.rows(c.entity, c.metric.id)}
        n = claim.quantity.out_of
        if n is not None and c.metric.out_of:
            by_n = {e for e in eds if self._edition_size(table, c, e) == n}
            eds = by_n or eds
        return eds

    @staticmethod
    def _own_editions(c: Candidate, choice=None) -> set[str]:
        """The editions that give the stated entity's figure of the measure (out by the
        article's date, when ``choice`` is given)."""
        return {f.edition for f in c.table.rows(c.entity, c.metric.id)
                if choice is None or choice.accepts(f, c.table)}

    def _edition_size(self, table: Table, c: Candidate, edition: str) -> int | None:
        for row in table.rows(None, c.metric.out_of):
            if row.edition == edition and not row.status and row.number:
                return int(row.number)
        return None

    def _out_of_ok(self, claim: Claim, c: Candidate, fact: Fact, strict: bool = False) -> bool:
        n = claim.quantity.out_of
        if n is None or not c.metric.out_of:
            return True
        size = edition_size(c.table, fact)
        return size == n if strict else size in (n, None)

    def _out_of_wrong(self, claim: Claim, c: Candidate, fact: Fact) -> int | None:
        n = claim.quantity.out_of
        size = edition_size(c.table, fact) if c.metric.out_of else None
        return size if (n is not None and size is not None and size != n) else None

    def _scenario_ok(self, claim: Claim, c: Candidate, fact: Fact) -> bool:
        if not fact.scenario:
            return True
        table = c.table
        if fact.scenario == table.default_scenario:
            return True
        scenario = table.scenarios.get(fact.scenario)
        if scenario and scenario.role == "upper" and claim.quantity.upper_bound:
            return True
        if scenario and scenario.role in ("lower", "upper") and claim.range_given:
            return True
        return scenario is not None and (_names_scenario(claim.sentence.text, scenario.label)
                                         or bool(claim.referred) and _names_scenario(claim.referred, scenario.label))

    def _central_for(self, c: Candidate, fact: Fact) -> Fact:
        """The default-scenario row next to ``fact`` (same edition and period), if any."""
        if not c.table.default_scenario or fact.scenario == c.table.default_scenario:
            return fact
        for f in c.table.rows(fact.entity, fact.metric):
            if (f.edition, f.period, f.scenario) == (fact.edition, fact.period, c.table.default_scenario) and not f.status:
                return f
        return fact

    def _publishers_own(self, c: Candidate, fact: Fact) -> bool:
        """An alternative row that cites the very page the main row cites ("TOP500's June
        2020 list page says 148.8"; the main row's 148.6 cites that page too, read
        elsewhere) is the publisher's own figure: a claim giving it is not disputed. Only a
        restatement of the same figure, though: an alternative far from the main row (the
        37 billion parameters DeepSeek-V3 activates per token, beside its 671 billion) is
        another measure the page also gives, and a claim giving it needs its context."""
        if fact.status != "alternative":
            return False
        primary = self._primary_for(c, fact)
        return (explain.same_page(fact, primary) or _read_on_publishers_page(c.table, fact)) \
            and _restates(fact, primary)

    def _primary_for(self, c: Candidate, fact: Fact) -> Fact | None:
        for f in c.table.rows(fact.entity, fact.metric):
            if (f.edition, f.period, f.scenario) == (fact.edition, fact.period, fact.scenario) and not f.status:
                return f
        return None

    def _edition_key(self, table: Table, fact: Fact) -> tuple:
        edition = table.editions.get(fact.edition)
        return (edition.published if edition else fact.published, fact.edition, fact.period)

    def _prefer_current(self, rows: list[Fact], table: Table, claim: Claim | None = None) -> Fact:
        """The newest row; with ``claim``, the row closest to the claim's figure first
        (789,000 is the 2016 study's figure even if the 2019 study's "about 790,000" agrees)."""
        def closeness(f: Fact) -> float:
            if claim is None or f.number is None:
                return 0.0
            return -abs(f.number - claim.quantity.value) / (abs(claim.quantity.value) or 1.0)
        return max(rows, key=lambda f: (closeness(f), self._edition_key(table, f), not f.status))

    def _value_fix(self, claim: Claim, c: Candidate, fact: Fact):
        if fact.number is None or claim.quantity.hedge in BANDS:
            return None  # ("in the top 10" is not replaced by a place: the sentence needs rewording)
        q = claim.quantity
        return (q.span.start, q.span.end, wording.replacement(q, fact.number, c.metric.kind, c.metric.unit))

    def _needs_context(self, claim: Claim, c: Candidate, fact: Fact, reasons: list[str]) -> Finding:
        text = " ".join(_sentence(r) for r in reasons if r)
        message = _sentence(f"{explain.describe(c, fact)} matches the source, but") [:-1] + ": " + text
        steps = []
        if fact.scenario and not self._scenario_ok(claim, c, fact):
            step = f"say it is the source's {explain.scenario_label(c, fact)}"
            central = self._central_for(c, fact)
            if central is not fact:
                step += f" (its {explain.scenario_label(c, central)} gives {explain.value(c, central)})"
            steps.append(step)
        if fact.status:
            steps.append(f"say that {fact.publisher} gives this figure and others differ")
        if c.loose:
            steps.append(f"use the source's own terms: {c.metric.label}")
        if not steps:
            steps.append(f"give the figure with what the source attaches to it ({explain.edition_title(c.table, fact)})")
        suggestion = _sentence(", and ".join(steps))
        return self._finding(Verdict.NEEDS_CONTEXT, claim, c, fact, message, suggestion)

    def _finding(self, verdict: Verdict, claim: Claim, c: Candidate, fact: Fact, message: str,
                 suggestion: str | None = None, fix=None, extra: tuple[Fact, ...] = ()) -> Finding:
        evidence = tuple(_evidence(c.table, f) for f in (fact, *extra))
        explicit_edition = explain.edition_title(c.table, fact)
        return Finding(verdict, claim, stated(claim, c), _statement(c, fact), message, suggestion,
                       evidence, table=c.table.id, fix=fix,
                       grounds=grounds.of(claim, c, self._as_of, explicit_edition))


REPORTED = patterns.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:said|rumou?red|reported|believed|thought|speculated|alleged|estimated)\s+to"
    r"|rumou?r(?:s|ed)?|reportedly|allegedly|supposedly|purportedly|leak(?:s|ed)?|unconfirmed|speculat(?:e|ed|ion)"
    r"|hint(?:s|ed)?|(?:might|may)\s+(?:be|have))\b",
    re.I)
"""Words with which an article gives a figure as a report, not a fact: "is said to", "is
rumoured to", "reportedly", "leaked", "hinted", "might be"."""
REPORTED_GATE = wordgate.alias_gate(("said", "rumor", "rumour", "reported", "believed", "thought", "speculat",
                                     "alleged", "estimated", "supposedly", "purportedly", "leak", "unconfirmed", "hint",
                                     "might", "may"))


OWNED_BY = patterns.compile(
    r"[^.;:]{0,25}?,?\s*(?:(?:which\s+is|which\s+was|now|still)\s+)?(?:occupied|held|taken|claimed|won|secured|"
    r"owned|achieved|delivered|reached|posted|recorded|set)\s+by\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}", re.I)
"""After a place or a figure: "the first place, occupied by the Japanese Fugaku", "the 415.5
petaflops achieved by Fugaku": the figure is the name's after "by", whoever the
sentence's subject is."""


def _owned_by_after(claim: Claim, other: str) -> bool:
    base, end = claim.sentence.span.start, claim.quantity.span.end
    return any(
        m.entity == other and m.span.start >= end and OWNED_BY.fullmatch(claim.sentence.text, end - base,
                                                                          m.span.start - base)
        for m in claim.entities)


def _one_entity_per_edition(table: Table) -> bool:
    """Is every edition of ``table`` about one entity (a catalogue of models, one paper
    each), not a league table or a study of many? (Kept in the table's own index, like its
    edition order: worked out once per table.)"""
    if table.period_kind in ("edition", "list"):
        return False
    known = table._index.get("one entity per edition")
    if known is None:
        owners: dict[str, set[str]] = {}
        for f in table.rows():
            owners.setdefault(f.edition, set()).add(f.entity)
        entities = set().union(*owners.values()) if owners else set()
        known = table._index["one entity per edition"] = (
            len(owners) > 1 and len(entities) > 1 and all(len(n) == 1 for n in owners.values()))
    return known


@lru_cache(maxsize=256)
def _reported(sentence: str) -> str | None:
    """The words with which ``sentence`` gives its figures as a report, if any (searched
    once per sentence, however many of its figures ask)."""
    if not wordgate.may_hold(sentence, REPORTED_GATE):
        return None
    found = REPORTED.search(sentence)
    return found.group(0) if found else None


RESTATED = 0.10
"""How far (a share of the main row's figure) a publisher's alternative figure may be from
its main one and still restate it (TOP500's 148.8 for 148.6, METI's 790,000 for 787,000)."""


def _above_own(table: Table, c: Candidate, row: Fact) -> bool:
    """Is ``row`` (another measure's) above every value the candidate's own measure has in
    the same edition — with at least one such value to compare?"""
    own = [f.number for f in table.rows(c.entity, c.metric.id)
           if (f.edition, f.period) == (row.edition, row.period) and not f.status and f.number is not None]
    return bool(own) and all(row.number > value for value in own)


def _read_on_publishers_page(table: Table, fact: Fact) -> bool:
    """Whether a row's figure is the publisher's own later restatement: read on its own
    site (no other page it was read on) in a page published after the edition came out.
    TOP500's November 2016 page giving the November 2015 count is the publisher's word too,
    whatever the first release said; a page of the edition's own time that disagrees with
    its list (a highlights page repeating last year's efficiency) is not."""
    edition = table.editions.get(fact.edition)
    if fact.read_at or not table.publisher_hosts or edition is None or not fact.published:
        return False
    if fact.published[:7] <= (edition.published or "")[:7]:
        return False
    host = fact.source_url.split("//", 1)[-1].split("/", 1)[0].lower()
    return any(host == h or host.endswith("." + h) for h in table.publisher_hosts)


def _restates(alternative: Fact, primary: Fact) -> bool:
    if alternative.number is None or primary.number is None or not primary.number:
        return True  # (not numbers: a text value restated)
    return abs(alternative.number - primary.number) <= RESTATED * abs(primary.number)


SAME_FIGURE = 0.005
"""How far (a share of the row's figure) a figure may be from another publisher's row and
still be that publisher's very figure."""


def _publisher_named(claim: Claim, source, table) -> bool:
    """Is the source mention only the table's publisher's name ("IMD's ranking"), read as
    the table because the article is about it, rather than the table's own name?"""
    base = claim.sentence.span.start
    said = claim.sentence.text[source.span.start - base:source.span.end - base].strip().lower()
    said = said[:-2] if said.endswith(("'s", "’s")) else said
    return bool(said) and said in {name.lower() for name in table.publisher_names}


def _unflagged(claim: Claim, c: Candidate, finding: Finding, message: str) -> Finding:
    """The finding, kept for its reading and evidence but not flagged: unverifiable, with
    ``message`` saying why (and what the check would have said)."""
    return Finding(Verdict.UNVERIFIABLE, claim, finding.stated, finding.expected, message,
                   None, finding.evidence, table=c.table.id)


# "North America sees the biggest boost, while China's economy would be 14.5% larger",
# "Sierra ranked fourth and Sunway TaihuLight third": a word that starts another clause
# (or another item) between the earlier name and the stated one makes the stated one the
# subject of the figure's own clause.
OWN_CLAUSE_BETWEEN = patterns.compile(
    r"[;]|\b(?:while|whilst|whereas|but|and|against|compared\s+(?:with|to)|versus|vs)\b", re.I)

# "Prior to Frontier taking the top spot in 2022, …": a phrase that opens the sentence
# and ends at its comma; a name in it is not the subject of what follows.
LEADING_PHRASE = patterns.compile(
    r"^\s*(?:Prior\s+to|After|Before|Since|Unlike|Like|Following|Despite|While|Whilst|Although|Though|As|Until)\b[^,;]{0,150},")

PRONOUN_START = patterns.compile(
    r"^\s*(?=[IT])(?:Its?|They|Their|(?:This|These|That)(?!\s+(?:year|years|month|week|time|edition|ranking|rankings|list|report|study|"
    r"survey|index|results?)\b)|The\s+(?:system|machine|supercomputer|model|country|nation|economy|city-state|firm|company))\b")


POSSESSIVE_START = patterns.compile(r"^\s*(?:Its|Their)\b")

# "the UK's 2021 GDP of", "Fugaku's HPL score of": a possessive right before the figure's
# measure gives the figure to its owner, whatever the sentence's subject.
OWN_MEASURE = patterns.compile(
    r"^['’]s?\s+(?:(?!(?:with|for|by|in|on|to|and|from|after|than)\b)[\w/-]+\s+){1,4}"
    r"(?:of\s+|at\s+|was\s+|is\s+|stood\s+at\s+)?(?:about\s+|around\s+|some\s+)?$", re.I)

RELATIVE_CLAUSE = patterns.compile(r"^(?:\s+(?:supercomputer|system|machine|model))?,?\s+(?:which|that|who)\b[^,;]*$")


QUOTE_OPENING = patterns.compile(r"[“‘]|(?<![\w])\"")
QUOTE_CLOSING = patterns.compile(r"[”]|’(?![\w])|\"(?![\w])")


def _in_quotation(claim: Claim) -> bool:
    """Whether the figure stands inside a quotation (an opening mark before it in the
    sentence with no closing mark between, and a closing mark after it)."""
    base, text = claim.sentence.span.start, claim.sentence.text
    at, end = claim.quantity.span.start - base, claim.quantity.span.end - base
    opened = [m.end() for m in QUOTE_OPENING.finditer(text, 0, at)]
    if not opened or QUOTE_CLOSING.search(text, opened[-1], at):
        return False
    return QUOTE_CLOSING.search(text, end) is not None


# "If AI raises productivity 5%", "Assuming a 2% rise": a condition's opening word.
CONDITION_OPENING = patterns.compile(r"\b(?:[Ii]f|[Uu]nless|[Ss]uppos(?:e|ing)|[Aa]ssuming|[Ii]magine)\b")
CONDITION_BREAK = patterns.compile(r"[,;:]|\bthen\b")


def _in_condition(claim: Claim) -> bool:
    """Whether the figure stands in a condition's clause ("if …" up to its comma) that
    names no source, or anywhere in a sentence that opens with one and names no source
    (its main clause is the condition's consequence)."""
    base, text = claim.sentence.span.start, claim.sentence.text
    at = claim.quantity.span.start - base
    opened = [m.start() for m in CONDITION_OPENING.finditer(text, 0, at)]
    if not opened:
        return False
    if not text[:opened[0]].strip(" \"“‘(*-–—") and not any(base <= s.span.start < claim.sentence.span.end
                                                             for s in claim.sources):
        return True  # "If AI raises productivity 5%, GDP only rises 2%": the whole sentence assumes
    if CONDITION_BREAK.search(text, opened[-1], at):
        return False
    return not any(opened[-1] <= s.span.start - base < at for s in claim.sources)


def _below_family_top(claim: Claim, rows: list[Fact]) -> bool:
    """"Meta also trained a 34B parameter Llama 2 model": where the source gives only the
    top of a family ("up to 70 billion"), a single smaller figure (not itself said to be
    the top) may be one of the family's members, not a wrong top."""
    q = claim.quantity
    return (q.hedge != "up to" and q.range_of is None
            and all(f.hedge == "up to" and f.number is not None and q.high < f.number for f in rows))


def _subject_unclear(claim: Claim, c: Candidate) -> bool:
    """"It beat out MN-3 … with 52.23 gigaflops per watt": the sentence's subject is a
    pronoun and the entity the figure was given to stands later, as an object; whose
    figure it is can't be told for sure."""
    m = c.entity_mention
    if m is None or m.via == "reference" or m.kind == "world" or not PRONOUN_START.match(claim.sentence.text):
        return False  # a world-wide figure ("the global software industry") is no one's in particular
    base = claim.sentence.span.start
    if m.span.start < claim.quantity.span.start and POSSESSIVE_START.match(claim.sentence.text):
        return False  # "Its predecessor GPT-2 was made up of …": the name before the figure is the subject
    at = claim.quantity.span.start - base
    if FIGURE_VERSUS_BEFORE.search(claim.sentence.text, max(0, at - 40), at):
        return False  # "The country has more machines than the US: 202 versus 143": the pair says whose
    between = claim.sentence.text[m.span.end - base:claim.quantity.span.start - base]
    if OWN_MEASURE.match(between):
        return False  # "…comparable to the UK's 2021 GDP of $3.1 trillion": the possessive says whose
    if RELATIVE_CLAUSE.match(between):
        return False  # "…on Fugaku, which delivers 442 petaflops": the relative clause is Fugaku's
    return m.span.start - base > 4

_UNIT_START = patterns.compile(r"[A-Za-z%]")
_NOT_DIGIT = patterns.compile(r"\D")


def _significant_digits(text: str) -> int:
    digits = _NOT_DIGIT.sub("", _UNIT_START.split(text.replace(",", ""), maxsplit=1)[0] or text)
    return len(digits.strip("0")) if "." not in text else len(digits.lstrip("0"))


def _sentence(text: str) -> str:
    """A reason or suggestion as a sentence: capital first letter, one full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _as_written(claim, fact, table) -> bool:
    """Another entity's figure is the article's only when it is what the article wrote, to
    the article's own precision: "$6.6 trillion" is not China's rounded "$7 trillion"."""
    q = claim.quantity
    if q.kind == "rank" or fact.number is None:
        return True
    slack = table.tolerance * abs(q.value)
    return q.low - slack <= fact.number <= q.high + slack

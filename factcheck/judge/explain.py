"""The plain words of findings: how editions, values and metrics are named in messages."""

from __future__ import annotations

from . import wording
from .compare import edition_size
from .match import Candidate
from ..model import Claim, Fact
from ..reference.tables import Table


def edition_name(table: Table, edition_id: str | None) -> str:
    if edition_id is None:
        return "the current edition"
    edition = table.editions.get(edition_id)
    return edition.title if edition else f"{table.title} {edition_id}"


def edition_title(table: Table, fact: Fact) -> str:
    name = edition_name(table, fact.edition)
    return name[4:] if name.startswith("The ") else name


def value(c: Candidate, fact: Fact) -> str:
    if fact.number is None:
        return fact.value
    text = wording.figure(fact.number, c.metric.kind, c.metric.unit, hedge=fact.hedge)
    n = edition_size(c.table, fact)
    if c.metric.kind == "rank" and n:
        text += f" of {n}"
    return text


def describe_metric(c: Candidate, fact: Fact) -> str:
    parts = [f"{wording.possessive(fact.entity)} {c.metric.label}"]
    if c.table.period_kind != "edition":
        parts.append(f"for {fact.period}")
    parts.append(f"in the {edition_title(c.table, fact)}")
    if fact.scenario:
        parts.append(f"({scenario_label(c, fact)})")
    return " ".join(parts)


def describe(c: Candidate, fact: Fact) -> str:
    return f"{value(c, fact)} ({describe_metric(c, fact)})"


def message_supported(c: Candidate, fact: Fact, claim: Claim) -> str:
    return f"Matches the source: {describe(c, fact)}."


def scenario_label(c: Candidate, fact: Fact) -> str:
    scenario = c.table.scenarios.get(fact.scenario)
    label = scenario.label if scenario else (fact.scenario or "figure")
    return label if "scenario" in label or "range" in label else f"{label} scenario"


def scenario_reason(c: Candidate, fact: Fact, central: Fact) -> str:
    reason = f"it is the source's {scenario_label(c, fact)}, not its central estimate"
    if central is not fact:
        reason += f" ({value(c, central)} in the {scenario_label(c, central)})"
    return reason


def same_page(fact: Fact, primary: Fact | None) -> bool:
    """Does an alternative row cite the very page (and publisher) its trusted row cites?"""
    return primary is not None and bool(fact.source_url) and fact.source_url == primary.source_url \
        and fact.publisher == primary.publisher


def alternative_reason(c: Candidate, fact: Fact, primary: Fact | None) -> str:
    if same_page(fact, primary):
        # the same page gives both: not a dispute, another measure beside the main one
        reason = f"{fact.source_title} gives it"
        if fact.note:
            reason += f" as {fact.note.rstrip('.')}"
        return reason + f"; its main figure is {value(c, primary)}, so say which one is meant"
    reason = f"the figure comes from {fact.publisher} ({fact.source_title}), which disagrees with other sources"
    if primary is not None:
        reason += f"; {primary.publisher} gives {value(c, primary)}"
    if fact.note:
        reason += f" ({fact.note.rstrip('.')})"
    return reason

"""Turn a document into claims: each figure with its sentence, entities, times and source.

Order matters and is deliberate: sources first (so "World" in a ranking's name is not an
entity), then times (so "2030" is never a count), then entity names (so "Llama 2" is a
model, not the figure 2), then the figures themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import numbers, sentences, subjects, timex
from ..read.document import Document
from .entities import EntityFinder
from ..reference.library import Library
from ..model import Claim, EntityMention, Quantity, Sentence, SourceMention, TimeExpr
from .sources import SourceFinder

PRONOUN_SUBJECT = re.compile(r"^(?:It|Its|It’s|It's)\b")


@dataclass
class Extractors:
    """The per-library finders, built once and reused for every article."""

    entities: EntityFinder
    sources: SourceFinder

    @classmethod
    def for_library(cls, library: Library) -> "Extractors":
        return cls(EntityFinder(library), SourceFinder(library))


@dataclass(frozen=True)
class SentenceParts:
    sentence: Sentence
    sources: list[SourceMention]
    times: list[TimeExpr]
    entities: list[EntityMention]
    quantities: list[Quantity]


def analyse(document: Document, extractors: Extractors) -> list[SentenceParts]:
    parts = []
    for sentence in sentences.split(document.prose, document.heading_lines):
        text, offset = sentence.text, sentence.span.start
        found_sources = extractors.sources.find(text, offset)
        source_spans = tuple(s.span for s in found_sources)
        times = timex.find(text, offset)
        entities = extractors.entities.find(text, offset, skip=source_spans)
        skip = (*source_spans, *(t.span for t in times), *(e.span for e in entities))
        quantities = numbers.find(text, offset, skip=skip)
        parts.append(SentenceParts(sentence, found_sources, times, entities, quantities))
    return parts


def extract(document: Document, extractors: Extractors) -> list[Claim]:
    parts = analyse(document, extractors)
    named = {i: [e for e in p.entities if e.via != "reference"] for i, p in enumerate(parts)}
    subj = subjects.find([p.sentence for p in parts], named)
    claims: list[Claim] = []
    carried: tuple[SourceMention, ...] = ()
    distance = 0
    paragraph = -1
    named_before: list[str] = []
    topic = tuple(dict.fromkeys(t for p in parts if p.sentence.paragraph <= 1 or p.sentence.heading
                                for s in p.sources if s.exact for t in s.tables
                                if p.sentence.paragraph <= 2))
    for part in parts:
        if part.sentence.paragraph != paragraph:
            # A source named earlier still frames what follows, more weakly with distance
            # (see ``match``: beyond its paragraph it needs "the ranking"-style words).
            paragraph, distance = part.sentence.paragraph, (2 if distance < 2 else 3)
        part = _narrow_publishers(part, named_before)
        named_before.extend(t for s in part.sources if s.exact for t in s.tables)
        sources = tuple(part.sources) or carried
        if part.sources:
            carried, distance = tuple(part.sources), 0
        elif distance == 0:
            distance = 1
        here = 0 if part.sources else distance
        resolved = _resolve_references(part, subj, paragraph)
        times_of = _times_by_quantity(part)
        paired = _respectively(part, resolved)
        for quantity in part.quantities:
            ordered = _nearest_first(resolved, part.sentence, quantity)
            if quantity.span in paired:
                ordered = (paired[quantity.span], *(m for m in ordered if m is not paired[quantity.span]))
            claims.append(Claim(
                quantity=quantity,
                sentence=part.sentence,
                entities=ordered,
                times=times_of[quantity.span],
                sources=sources,
                source_carried=not part.sources and bool(sources),
                passage_entities=subj.passage(paragraph),
                source_distance=here if sources else 0,
                topic=topic,
            ))
    return claims


def _respectively(part: SentenceParts, mentions: list[EntityMention]) -> dict:
    """"Denmark and Ireland fell to third and fourth place, respectively": the n-th figure
    goes with the n-th entity named before the figures."""
    if not re.search(r"\brespectively\b", part.sentence.text, re.I) or len(part.quantities) < 2:
        return {}
    text, base = part.sentence.text, part.sentence.span.start
    # The list of figures the word refers to: the last run joined by commas and "and".
    run = [part.quantities[-1]]
    for q in reversed(part.quantities[:-1]):
        if re.fullmatch(r"\s*(?:,|and|, and)\s*", text[q.span.end - base:run[0].span.start - base]):
            run.insert(0, q)
        else:
            break
    if len(run) < 2:
        return {}
    earlier = [q.span.end for q in part.quantities if q.span.end <= run[0].span.start]
    floor = max(earlier, default=base)
    named = [m for m in mentions if m.via != "reference" and floor <= m.span.start and m.span.end <= run[0].span.start]
    if len(named) != len(run):
        return {}
    return {q.span: m for q, m in zip(run, named)}


def _narrow_publishers(part: SentenceParts, named_before: list[str]) -> SentenceParts:
    """"according to the same IMD ranking" after the article named IMD's digital ranking:
    a publisher shared by several tables means the one of them named last."""
    if not named_before or any(s.exact for s in part.sources):
        return part
    narrowed = []
    for source in part.sources:
        last = next((t for t in reversed(named_before) if t in source.tables), None)
        narrowed.append(SourceMention(source.span, (last,), True) if last and len(source.tables) > 1 else source)
    return SentenceParts(part.sentence, narrowed, part.times, part.entities, part.quantities)


def _resolve_references(part: SentenceParts, subj, paragraph: int) -> list[EntityMention]:
    """"the nation" → the paragraph's country; "the machine" → its supercomputer."""
    out = []
    for mention in part.entities:
        if mention.via == "reference":
            referent = subj.of_paragraph(paragraph, mention.kind)
            if referent:
                out.append(EntityMention(mention.span, referent, mention.kind, "reference"))
        else:
            out.append(mention)
    named = [m for m in out if m.via != "reference"]
    subject = subj.of_paragraph(paragraph)
    if not named and subject and PRONOUN_SUBJECT.match(part.sentence.text):
        start = part.sentence.span.start
        kind = subj.kinds.get(subject, "economy")
        out.append(EntityMention(type(part.sentence.span)(start, start + 2), subject, kind, "reference"))
    return out


def _clause_bounds(sentence: Sentence, quantity: Quantity) -> tuple[int, int]:
    """The clause around a figure: cut at ';', ' while ', ' whereas ', ' but '."""
    text, base = sentence.text, sentence.span.start
    rel = quantity.span.start - base
    cuts = [m.end() for m in re.finditer(r";|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared with\b|\bversus\b|\bvs\.?", text)]
    start = max([c for c in cuts if c <= rel], default=0)
    end = min([c for c in cuts if c > rel + (quantity.span.end - quantity.span.start)], default=len(text))
    return base + start, base + end


RELATIVE_OF_UNKNOWN = re.compile(
    r"\b(?:called|named|dubbed|known\s+as)\s+(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*,?\s+(?:which|that|who)\b[^,;]*$")


def _nearest_first(mentions: list[EntityMention], sentence: Sentence,
                   quantity: Quantity) -> tuple[EntityMention, ...]:
    """Entities ordered by how likely they are the figure's subject: in the same clause
    before the figure (nearest first), then after it, then the rest of the sentence."""
    if not mentions:
        return ()
    start, end = _clause_bounds(sentence, quantity)
    q = quantity.span

    text, base = sentence.text, sentence.span.start
    # "…a model called Code Llama, which is trained on 500 billion tokens": the figure is
    # about the unknown name the relative clause hangs on, not an entity named before it.
    relative = RELATIVE_OF_UNKNOWN.search(text[:quantity.span.start - base])
    if relative:
        cut = base + relative.start()
        mentions = [m for m in mentions if m.span.start >= cut]
        if not mentions:
            return ()

    def key(mention: EntityMention) -> tuple:
        outside = not (start <= mention.span.start < end)
        if mention.span.end <= q.start:
            return (outside, 0, q.start - mention.span.end)
        # "442 petaflops Fugaku": a name right after the figure is what the figure
        # describes; so is one right after "for"/"in" ("$3.7 trillion for North America").
        between = text[q.end - base:mention.span.start - base]
        if not outside and (len(between) <= 2 and not re.search(r"[,;:]", between)
                            or re.fullmatch(r"\s+(?:for|in)\s+(?:the\s+)?", between)):
            return (False, -1, 0)
        return (outside, 1, mention.span.start - q.end)

    return tuple(sorted(mentions, key=key))


FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
TO_BEFORE = re.compile(r"\b(?:to|at)\s+(?:the\s+)?$", re.I)


TRAJECTORY_LINK = re.compile(r"^\s*(?:,\s*)?(?:to|and\s+(?:now|then)|then|and\s+finally|before|,)\s+(?:the\s+)?$", re.I)


def _trajectory(part: SentenceParts, out: dict) -> None:
    """"from 5th to 4th and now 3rd in 2020": a path of ranks. The time belongs to the last
    one; the earlier ones are from some earlier edition, which one unsaid."""
    text, base = part.sentence.text, part.sentence.span.start
    ranks = [q for q in part.quantities if q.kind == "rank"]
    for i, first in enumerate(ranks):
        if not FROM_BEFORE.search(text[max(0, first.span.start - base - 12):first.span.start - base]):
            continue
        chain = [first]
        for nxt in ranks[i + 1:]:
            if TRAJECTORY_LINK.match(text[chain[-1].span.end - base:nxt.span.start - base]):
                chain.append(nxt)
            else:
                break
        if len(chain) < 3:
            continue  # a plain change ("from 28th to 31st") is handled as one
        last = chain[-1]
        anchor = next((t.start for t in out[last.span] if t.start), None)
        for q in chain[:-1]:
            out[q.span] = [TimeExpr(q.span, "an earlier edition", "earlier", end=anchor)]


def _times_by_quantity(part: SentenceParts) -> dict:
    """Which time expressions each figure of a sentence is about.

    A time counts for the figures of its own clause. In a change ("fell to 38th from 28th
    last year") a time right after the "from" figure is that figure's alone, and the other
    is the current value. In "from 27th to 32nd between 2020 and 2023" the span's first
    year goes with the first figure and its last year with the second.
    """
    text, base = part.sentence.text, part.sentence.span.start
    out = {}
    for q in part.quantities:
        start, end = _clause_bounds(part.sentence, q)
        out[q.span] = [t for t in part.times if start <= t.span.start < end]
    for q in part.quantities:
        before = text[max(0, q.span.start - base - 12):q.span.start - base]
        if not FROM_BEFORE.search(before):
            continue
        # A time soon after the "from" figure, with no other figure between, is its own
        # ("from 2nd, which it enjoyed last year").
        later = [o.span.start for o in part.quantities if o.span.start > q.span.end]
        reach = min([q.span.end + 40, *later])
        bound = [t for t in out[q.span] if q.span.end <= t.span.start <= reach and t.kind != "event"]
        if not bound and len(part.quantities) > 1 and not out[q.span]:
            # "fell to 31st from 28th": the "from" figure is the previous edition's.
            bound = [TimeExpr(q.span, "previous edition", "previous")]
            out[q.span] = bound
        if bound:
            for other in part.quantities:
                if other is not q:
                    out[other.span] = [t for t in out[other.span] if t not in bound]
            out[q.span] = bound
    _trajectory(part, out)
    spans = [t for t in part.times if t.kind == "span"]
    same_kind = [q for q in part.quantities if q.kind == part.quantities[0].kind] if part.quantities else []
    if len(spans) == 1 and len(part.quantities) == 2 and len(same_kind) == 2:
        first, second = part.quantities
        between = text[first.span.end - base:second.span.start - base]
        if TO_BEFORE.search(between) and FROM_BEFORE.search(text[max(0, first.span.start - base - 12):first.span.start - base]):
            span = spans[0]
            out[first.span] = [TimeExpr(span.span, span.text, "point", start=span.start, end=span.start)]
            out[second.span] = [TimeExpr(span.span, span.text, "point", start=span.end, end=span.end)]
    return {k: tuple(sorted(v, key=lambda t: t.span.start)) for k, v in out.items()}

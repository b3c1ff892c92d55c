"""Turn a document into claims: each figure with its sentence, entities, times and source.

Order matters and is deliberate: sources first (so "World" in a ranking's name is not an
entity), then times (so "2030" is never a count), then entity names (so "Llama 2" is a
model, not the figure 2), then the figures themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import numbers, sentences, subjects, timex
from .document import Document
from .entities import EntityFinder
from .library import Library
from .model import Claim, EntityMention, Quantity, Sentence, SourceMention, TimeExpr
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
    for part in parts:
        if part.sentence.paragraph != paragraph:
            # A source named in the previous paragraph still frames this one, weakly.
            paragraph, distance = part.sentence.paragraph, (2 if distance < 2 else 3)
        sources = tuple(part.sources) or (carried if distance <= 2 else ())
        if part.sources:
            carried, distance = tuple(part.sources), 0
        elif distance == 0:
            distance = 1
        here = 0 if part.sources else distance
        resolved = _resolve_references(part, subj.of_paragraph(paragraph))
        for quantity in part.quantities:
            claims.append(Claim(
                quantity=quantity,
                sentence=part.sentence,
                entities=_nearest_first(resolved, part.sentence, quantity),
                times=_nearest_times(part.times, quantity),
                sources=sources,
                source_carried=not part.sources and bool(sources),
                passage_entities=subj.passage(paragraph),
                source_distance=here if sources else 0,
            ))
    return claims


def _resolve_references(part: SentenceParts, subject: str | None) -> list[EntityMention]:
    out = []
    for mention in part.entities:
        if mention.via == "reference":
            if subject:
                out.append(EntityMention(mention.span, subject, "economy", "reference"))
        else:
            out.append(mention)
    named = [m for m in out if m.via != "reference"]
    if not named and subject and PRONOUN_SUBJECT.match(part.sentence.text):
        start = part.sentence.span.start
        out.append(EntityMention(type(part.sentence.span)(start, start + 2), subject, "economy", "reference"))
    return out


def _clause_bounds(sentence: Sentence, quantity: Quantity) -> tuple[int, int]:
    """The clause around a figure: cut at ';', ' while ', ' whereas ', ' but '."""
    text, base = sentence.text, sentence.span.start
    rel = quantity.span.start - base
    cuts = [m.end() for m in re.finditer(r";|\bwhile\b|\bwhereas\b|\bbut\b|\bcompared with\b|\bversus\b|\bvs\.?", text)]
    start = max([c for c in cuts if c <= rel], default=0)
    end = min([c for c in cuts if c > rel + (quantity.span.end - quantity.span.start)], default=len(text))
    return base + start, base + end


def _nearest_first(mentions: list[EntityMention], sentence: Sentence,
                   quantity: Quantity) -> tuple[EntityMention, ...]:
    """Entities ordered by how likely they are the figure's subject: in the same clause
    before the figure (nearest first), then after it, then the rest of the sentence."""
    if not mentions:
        return ()
    start, end = _clause_bounds(sentence, quantity)
    q = quantity.span

    def key(mention: EntityMention) -> tuple:
        outside = not (start <= mention.span.start < end)
        if mention.span.end <= q.start:
            return (outside, 0, q.start - mention.span.end)
        return (outside, 1, mention.span.start - q.end)

    return tuple(sorted(mentions, key=key))


def _nearest_times(times: list[TimeExpr], quantity: Quantity) -> tuple[TimeExpr, ...]:
    q = quantity.span
    return tuple(sorted(times, key=lambda t: min(abs(t.span.start - q.end), abs(q.start - t.span.end))))

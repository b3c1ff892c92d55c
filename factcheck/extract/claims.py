"""Turn a document into claims: each figure with its sentence, entities, times and source.

Order matters and is deliberate: sources first (so "World" in a ranking's name is not an
entity), then times (so "2030" is never a count), then entity names (so "Llama 2" is a
model, not the figure 2), then the figures themselves.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from .. import patterns
from . import brackets, folding, membership, numbers, roles, sentences, subjects, timex
from ..dataclassgen import dataclass
from ..read.document import Document
from .entities import DESCRIBED, UNKNOWN, UNKNOWN_NAME, EntityFinder
from ..reference.library import Library
from ..model import Claim, EntityMention, Quantity, Sentence, SourceMention, TimeExpr
from .sources import SourceFinder

PRONOUN_SUBJECT = patterns.compile(r"^(?:It|Its|It’s|It's)\b")
PRONOUN_AFTER_OPENING = patterns.compile(
    r"^[^,;:]{3,140},\s*(?P<it>it|It|this(?=\s+(?:was|is|has|had|became|remains)\b))\s+(?!had\s+\w+(?:ed|en|eld)\b|(?:is|was|has\s+been|'s|’s)\s+(?:\w+ed|said|known|seen|shown|clear|likely|worth|true|"
    r"possible|unlikely|expected)\b)(?=[a-z])")
""""With 180 billion parameters and trained on 3.5 trillion tokens, it beats…",
"According to the list, it delivers 1.7 exaflops…", "At 175 billion parameters, this was the
largest model": the sentence's subject is "it" (or "this" before its verb) after an
opening phrase, and a name later in the sentence ("older models such as X") is not it.
(Not an empty "it": "Seen this way, it is clear that…"; nor a past perfect, "Prior to
last June, it had held the top position", a time before one the tables cannot place.)"""
PRONOUN_WORDS = ("it ", "It ", "this ")  # as written


# "the top 10", "top-five": the size of a group the sentence talks about, not a claim.
TOP_N_BEFORE = patterns.compile(r"\b(?:top|first|last|bottom)[\s-]*$", re.I)
"""(also "the first two positions", "the last three places": a set of places from one end
of a list, never a count or a change of rank)"""

# "the two most powerful supercomputers", "its three largest markets": the size of a
# group named by a superlative, the leaders of some list, not a count of anything.
SUPERLATIVE_SET_BEFORE = patterns.compile(r"\b(?:the|its|their)\s+$", re.I)
SUPERLATIVE_SET_AFTER = patterns.compile(
    r"\s+(?:(?:most|least)\s+[a-z]|(?:fastest|largest|biggest|highest|greatest|strongest|best|"
    r"smallest|lowest|slowest|weakest|worst|leading)\b)", re.I)

# "1 quintillion (1018) calculations": a figure in brackets after another restates it.
RESTATED_BEFORE = patterns.compile(r"(?:\d|illions?|percent|%)\s*\(\s*$", re.I)


LIST_JOIN = patterns.compile(r"\s*(?:,|and|, and)\s*")
LINE = patterns.compile(r"[^\n]+")
CLAUSE_MARK = patterns.compile(r"[,;:]")
FOR_IN = patterns.compile(r"\s+(?:for|in)\s+(?:the\s+)?")
OBJECT_PLACE = patterns.compile(r"\s*(?:,\s*)?(?:in|at|from)\s+(?:the\s+)?|\s*\(\s*(?:ranked\s+|no\.\s*)?", re.I)
"""Between a rival and a place that is its own: "surpassing Switzerland in second place",
"overtook Denmark at No. 2", "displacing Ireland from second", "surpasses Japan (38th)"."""
FROM_OWNER = patterns.compile(r"\s+(?:[a-z]+\s+)?from\s+(?:the\s+)?")
"""Between a count and the name it is of: "114 from America", "30 systems from the US"."""
LIST_ITEM_END = patterns.compile(r"\s*(?:[,;.)]|and\b|or\b|$)")
POSSESSIVE_GAP = patterns.compile(r"(?:['’]s)?\s*")
DATED_PLACE_GAP = patterns.compile(
    r"(?:['’]s)?\s+(?:ranking|rank|place|placing|position|standing|spot|score|result|list|edition)\s+(?:of|at)\s+(?:the\s+)?",
    re.I)
"""Between a time and a figure that are one phrase: "improved from its 2018 ranking of 50th"."""


def _superlative_set(text: str, start: int, end: int) -> bool:
    return bool(SUPERLATIVE_SET_AFTER.match(text, end)
                and SUPERLATIVE_SET_BEFORE.search(text, max(0, start - 8), start))


def _restated(text: str, start: int, end: int) -> bool:
    return bool(RESTATED_BEFORE.search(text[:start]) and numbers.CLOSE_AFTER.match(text[end:]))


# What every match of a pattern below holds (``folding``): a sentence without any of the
# words skips the pattern. The patterns read parts of one sentence, so a word the whole
# sentence lacks is in none of them. Patterns that keep case are gated on the text as is
# (plain tuples: ``folding.Words`` are looked up in the folded text the others read).
TOP_N_WORDS = folding.Words("top", "first", "last", "bottom")
SUPERLATIVE_WORDS = folding.Words("most", "least", "est", "leading")
RESTATED_WORDS = ("(",)  # as written
RESPECTIVELY_WORDS = folding.Words("respectively")
RIVAL_WORDS = folding.Words("beat", "overt", "outpac", "edge", "displac", "unseat", "dethron", "oust", "toppl",
                            "surpass", "outrank", "replac", "leapfrog")
RELATIVE_OF_UNKNOWN_WORDS = ("called", "named", "dubbed", "known")  # as written
RELATIVE_CLAUSE_WORDS = ("which", "who")  # as written
FROM_WORDS = folding.Words("from")
BASELINE_WORDS = folding.Words("from", "than", "compared", "versus", "vs", "over", "above", "below", "since")
COMPARED_WORDS = folding.Words("compared", "versus", "vs", "against")
COMPARED_FIGURE_WORDS = folding.Words("compared", "versus", "vs", "against", "previous")
COMPARED_NAME_WORDS = folding.Words("ahead", "behind", "only", "trail", "than", "beat", "best", "outpac", "outperform",
                                    "surpass", "overtak", "between", "exceed", "outstrip", "unlike", "contrast",
                                    "contrary", "rival", "par", "comparable")
CURRENT_WORDS = folding.Words("list", "edition", "ranking")
PREVIOUS_BEFORE_WORDS = folding.Words("previous", "prior")
PREVIOUS_AFTER_WORDS = folding.Words("previous", "prior", "last")


# "sliding one notch from last year", "than a year earlier": the time is the baseline the
# change is measured from, not the period of the figures around it.
BASELINE_BEFORE = patterns.compile(r"\b(?:from|than|since|compared\s+(?:with|to)|versus|vs\.?|over|above|below)\s+(?:the\s+|its\s+)?$", re.I)
"""Before what a change is measured against: "one notch from last year", "ten notches above
last year's ranking", "gone up two positions since last year"."""


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
    """Everything extraction found in one sentence."""

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
        if found_sources and extractors.entities.could_hold(text, offset, [s.span for s in found_sources]):
            # "RIKEN's Fugaku" names the machine, not the publisher RIKEN: a name that
            # holds a source's words is the name.
            longer = [e.span for e in extractors.entities.find(text, offset)
                      if any(e.span.contains(s.span) and e.span != s.span for s in found_sources)]
            found_sources = [s for s in found_sources if not any(sp.contains(s.span) for sp in longer)]
        source_spans = tuple(s.span for s in found_sources)
        times = timex.find(text, offset)
        entities = extractors.entities.find(text, offset, skip=source_spans)
        if folding.held(folding.folded(text)) & RESPECTIVELY_WORDS.mask:
            entities = _split_joint(entities, text, offset, extractors.entities, source_spans)
        skip = (*source_spans, *(t.span for t in times), *(e.span for e in entities))
        figureless = roles.superlatives(text, offset, (*source_spans, *(e.span for e in entities)), source_spans)
        skip = (*skip, *(q.span for q in figureless))
        gates = folding.held(folding.folded(text))
        may_top = gates & TOP_N_WORDS.mask
        may_lead = gates & SUPERLATIVE_WORDS.mask
        may_restate = folding.holds_any(text, RESTATED_WORDS)
        quantities = [*figureless, *(q for q in numbers.find(text, offset, skip=skip)
                      if not (q.kind == "number" and (
                          may_top and TOP_N_BEFORE.search(text[:q.span.start - offset])
                          or may_lead and _superlative_set(text, q.span.start - offset, q.span.end - offset)
                          or may_restate and _restated(text, q.span.start - offset, q.span.end - offset))))]
        if may_top:
            # "remained in the top 10", "fell out of the top 20": a place in a band of
            # the list (``membership``), where a bare "the top 10" is no claim.
            taken = {q.span for q in quantities}
            quantities += [b for q in numbers.find(text, offset, skip=skip)
                           if q.kind == "number" and q.span not in taken
                           and (b := membership.band(text, offset, q)) is not None]
        quantities.sort(key=lambda q: q.span.start)
        parts.append(SentenceParts(sentence, found_sources, times, entities, quantities))
    return parts


JOINT = patterns.compile(r"\s+and\s+")


def _split_joint(entities: list[EntityMention], text: str, offset: int, finder: EntityFinder,
                 skip: tuple) -> list[EntityMention]:
    """"the US and China dropped to 10th and 20th, respectively": with "respectively" a
    pair the tables know as one joint entity ("China and the United States") is a list of
    two, each with its own figure; the joint name gives way to the names it joins."""
    out = []
    for mention in entities:
        words = text[mention.span.start - offset:mention.span.end - offset]
        joint = JOINT.search(words) if mention.via != "reference" else None
        if joint:
            start = mention.span.start
            parts = [m for piece, at in ((words[:joint.start()], start), (words[joint.end():], start + joint.end()))
                     for m in finder.find(piece, at, skip=skip) if m.via != "fuzzy"]
            if len(parts) == 2:
                out.extend(parts)
                continue
        out.append(mention)
    return out


def _renumbered(parts: list[SentenceParts]) -> list[SentenceParts]:
    """Paragraphs with no figure, source or name do not count: a paragraph of plain prose
    added anywhere (a standfirst, a caption) must not change how far back a source was
    named, what the first paragraph is, or what "the previous paragraph" means."""
    substantive = {p.sentence.paragraph for p in parts if p.quantities or p.sources or p.entities}
    mapping, index, seen = {}, 0, False
    for p in parts:
        raw = p.sentence.paragraph
        if raw in mapping:
            continue
        if raw in substantive:
            index += 1 if seen else 0
            seen = True
        mapping[raw] = index
    return [part if mapping[part.sentence.paragraph] == part.sentence.paragraph else
            SentenceParts(_in_paragraph(part.sentence, mapping[part.sentence.paragraph]),
                          part.sources, part.times, part.entities, part.quantities)
            for part in parts]


def _in_paragraph(sentence: Sentence, paragraph: int) -> Sentence:
    """``dataclasses.replace(sentence, paragraph=paragraph)``, built directly: ``replace``
    looks up the class's fields on every call, most of the cost of renumbering
    (``tests/extract/test_renumbered.py`` holds the two equal, field by field)."""
    return Sentence(sentence.span, sentence.text, paragraph, sentence.heading)


def extract(document: Document, extractors: Extractors, split: list[Sentence] | None = None) -> list[Claim]:
    """The document's claims; ``split``, when given, receives its sentences as split (for
    the judge's frames: see ``match.with_frames``), so they are not split twice."""
    found = analyse(document, extractors)
    if split is not None:
        split.extend(p.sentence for p in found)
    parts = _renumbered(found)
    named = {i: [e for e in p.entities if e.via != "reference"] for i, p in enumerate(parts)}
    subj = subjects.find([p.sentence for p in parts], named)

    def subj_before(paragraph_now: int, kind: str) -> str | None:
        return subj.of_paragraph(paragraph_now - 1, kind) if paragraph_now > 0 else None

    styled_here = _styled_in_text(parts)

    def styled(noun: str) -> frozenset[str]:
        return styled_here.get(noun, frozenset()) | extractors.entities.styled(noun)

    claims: list[Claim] = []
    year_before: int | None = None  # the last year the article named before the sentence
    carried: tuple[SourceMention, ...] = ()
    distance = 0
    paragraph = -1
    named_before: list[str] = []
    topic = tuple(dict.fromkeys(t for p in parts if p.sentence.paragraph <= 1 or p.sentence.heading
                                for s in p.sources if s.exact for t in s.tables
                                if p.sentence.paragraph <= 2))
    last_named: dict[str, str] = {}  # each kind's entity named last before the sentence
    kinds_here: set[str] = set()  # the kinds named in the paragraph before the sentence
    first_now: dict[str, str] = {}  # each kind's first name in the sentence (the next one's ``first_before``)
    named_at: dict[str, int] = {}  # where each entity is first named
    named_in_paragraph: dict[str, int] = {}  # where each entity is first named in the paragraph
    unknown_subject = False  # the paragraph's last subject of its own is a thing no table holds
    for part in parts:
        if part.sentence.paragraph != paragraph:
            kinds_here = set()
            named_in_paragraph = {}
            first_now = {}
            unknown_subject = False
        unknown_before = unknown_subject
        unknown_subject = _opens_on_unknown(part, unknown_subject)
        first_before, first_now = first_now, {}
        # "While Frontier is made by AMD, Aurora uses Intel parts. … it ranked second": a
        # name in a leading subordinate clause is not what the next sentence's "it" means
        # when the main clause names one of its kind.
        lead = SUBORDINATE_OPENING.match(part.sentence.text) if part.entities else None
        lead_end = part.sentence.span.start + lead.end() if lead else -1
        for e in sorted(part.entities, key=lambda e: e.span.end <= lead_end):
            if e.entity and e.via not in ("reference", UNKNOWN) and e.kind != "world":
                first_now.setdefault(e.kind, e.entity)
        earlier = dict(last_named) if part.quantities else last_named
        if part.quantities and earlier:
            # "The machine achieved 415.5 petaflops, far surpassing … Summit" opening a
            # paragraph: the one it points back to is the previous paragraph's subject,
            # not the name that paragraph happened to end on
            earlier = {kind: (name if kind in kinds_here else subj_before(part.sentence.paragraph, kind) or name)
                       for kind, name in earlier.items()}
        for e in part.entities:
            if e.entity and e.via not in ("reference", UNKNOWN) and e.kind != "world":
                last_named[e.kind] = e.entity
                kinds_here.add(e.kind)
                named_at.setdefault(e.entity, e.span.start)
                named_in_paragraph.setdefault(e.entity, e.span.start)
        if part.sentence.paragraph != paragraph:
            # A source named earlier still frames what follows, more weakly with distance
            # (see ``match``: beyond its paragraph it needs "the ranking"-style words).
            paragraph, distance = part.sentence.paragraph, (2 if distance < 2 else 3)
        part = _narrow_publishers(part, named_before, topic)
        named_before.extend(t for s in part.sources if s.exact for t in s.tables)
        named_before.extend(OTHER_TITLE_MARK + _said(part, s) for s in part.sources if not s.exact and not s.tables
                            and not any(o.exact for o in part.sources)
                            and extractors.sources.names_other_publication(
                                part.sentence.text, s.span.start - part.sentence.span.start,
                                s.span.end - part.sentence.span.start))
        sources = tuple(part.sources) or carried
        before = (carried, distance)
        year_here = year_before
        year_before = _last_year(part.times, year_before)
        if part.sources:
            carried, distance = tuple(part.sources), 0
        elif distance == 0:
            distance = 1
        here = 0 if part.sources else distance
        if not part.quantities:
            continue  # nothing below is needed for a sentence without a figure
        around = _resolve_references(part, subj, paragraph, earlier, first_before, named_at, unknown_before,
                                     named_in_paragraph, styled)
        if folding.held(folding.folded(part.sentence.text)) & ATTRIBUTIVE_NOUNS.mask:
            around = _without_attributive(part, around)
        if part.sources:
            around = _without_seat(part, around)
        if folding.held(folding.folded(part.sentence.text)) & VERSION_WORDS.mask:
            around = _without_versions(part, around)
        if year_here is not None and any(t.kind == "earlier" for t in part.times):
            part = _anaphoric_years(part, year_here)
        resolved = [m for m in around if m.via != UNKNOWN]
        figure_asides = _figure_asides(part)
        times_of = _times_by_quantity(part, figure_asides)
        respective = _respective_run(part)
        _respective_times(part, respective, times_of)
        by_name = _respectively(part, resolved, respective)
        if by_name:
            respective = {}  # the list is of names; ``Claim.respective`` is for other lists
        paired = {**_coordinated(part, resolved), **by_name, **_table_rows(part, resolved)}
        may_compare = bool(folding.held(folding.folded(part.sentence.text)) & COMPARED_NAME_WORDS.mask) or any(
            m.via == "object" for m in resolved)
        asides = _aside_of_names(figure_asides, resolved)
        appositives = _appositives(part, resolved)
        for quantity in part.quantities:
            ordered = _nearest_first(around, part.sentence, quantity)
            if ordered and (ordered[0].via == UNKNOWN and (ordered[0].span.start < quantity.span.start
                                                            or _group_after(part, quantity, ordered[0]))
                            or _owner_unknown(part, quantity, resolved)
                            or _indefinite_owner(part, quantity, resolved)
                            or _label_unknown(part, quantity, resolved)
                            or _clause_opens_on_unknown(part, quantity, resolved)
                            or _kin_owner(part, quantity)):
                # "a rack of Frontier, the Frontier Exascale Pilot, took first": the owner is
                # a thing no table holds; kept (entity empty) so that no one, not even the
                # list as a whole, is taken for it
                ordered = ordered[:1] if ordered[0].via == UNKNOWN else ()
            elif ordered:
                ordered = tuple(m for m in ordered if m.via != UNKNOWN)
                if len(ordered) > 1 and any(m.kind == "world" for m in ordered):
                    ordered = _world_as_scope(part.sentence, ordered)
                ordered = _compared_with(part.sentence, quantity, ordered)
                ordered = _own_clause_subject(part, quantity, ordered)
                if may_compare:
                    ordered = _compared_names(part, quantity, ordered)
                    ordered = _possessor_first(part, quantity, ordered)
                ordered = _versus_second(part, quantity, ordered)
                if "(" in part.sentence.text:
                    ordered = _bracket_of_compared(part, quantity, ordered)
                if may_compare:
                    ordered = _relative_of_compared(part, quantity, ordered)
                if folding.holds_any(part.sentence.text, (" by ",)):
                    ordered = _achieved_by(part, quantity, ordered, resolved)
            if ordered and ";" in part.sentence.text:
                ordered = _before_semicolon(part, quantity, ordered)
            if asides:
                ordered = _outside_asides(ordered, quantity, asides)
            if len(ordered) > 1 and folding.holds_any(part.sentence.text, RELATIONAL_MARKS):
                ordered = _relations_last(part, ordered)
            if appositives:
                ordered = _appositive_owner(appositives, quantity, ordered)
            if quantity.kind == "rank" and folding.holds_any(part.sentence.text, (" by ",)):
                ordered = _held_by(part, quantity, ordered, resolved)
            given_to = False
            if quantity.kind == "rank" and folding.holds_any(part.sentence.text, (" to ",)):
                ordered, given_to = _given_up_to(part, quantity, ordered, resolved)
            if quantity.kind == "rank" and folding.holds_any(part.sentence.text, (" by ",)):
                ordered = _pushed_by(part, quantity, ordered)
            if quantity.kind == "rank" and SHARED_TOP.match(quantity.text) and _listed_subject(part, quantity, resolved):
                ordered = ()  # "Switzerland, Singapore and Hong Kong topped the ranking": no one's first place
            if quantity.span in paired:
                own = paired[quantity.span] if isinstance(paired[quantity.span], tuple) else (paired[quantity.span],)
                ordered = (*own, *(m for m in ordered if m not in own))
            own_sources, carried_here, distance_here = sources, not part.sources and bool(sources), here if sources else 0
            if len(part.sources) and len(part.quantities) > 1:
                own_sources, carried_here, distance_here = _sources_of(part, quantity, before, own_sources,
                                                                       carried_here, distance_here)
            role = roles.find(part.sentence.text, part.sentence.span.start, quantity)
            times = times_of[quantity.span]
            if given_to and role.role == roles.PREVIOUS:
                # "it lost the top spot to Frontier": the place is the new holder's now
                role = roles.Role()
            if role.role == roles.VALUE and any(t.kind == "previous" for t in times):
                role = roles.Role(roles.PREVIOUS, 0, quantity.span)
            if role.role == roles.PREVIOUS and roles.OUT_OF_ORDINAL_BEFORE.search(
                    part.sentence.text, 0, quantity.span.start - part.sentence.span.start):
                times = ()  # "fell to 33rd out of 28th": the edition before the move's end, whatever its year
            if role.role == roles.PREVIOUS and not any(t.kind not in ("event",) for t in times):
                times = (TimeExpr(quantity.span, "previous edition", "previous"),)
            elif role.role == roles.PREVIOUS and not any(t.kind == "previous" for t in times):
                times = _before_a_later_year(quantity, times)
            claims.append(Claim(
                quantity=quantity,
                sentence=part.sentence,
                entities=ordered,
                times=times,
                sources=own_sources,
                source_carried=carried_here,
                passage_entities=subj.passage(paragraph),
                source_distance=distance_here,
                topic=topic,
                role=role.role,
                direction=role.direction,
                role_span=role.span,
                respective=respective.get(quantity.span),
                paired=quantity.span in paired,
            ))
    return claims


RUN_JOIN = patterns.compile(r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?", re.I)
NAME_JOIN = patterns.compile(
    r"^(?:['’]s?)?[^;:()\[\]]{0,60}?(?:,\s*and|,|\band)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s?\s+)?$")
LIST_LEAD = patterns.compile(r"^\s*(?:place|places|position|positions|spots?)?\s*(?:on\s+the\s+[\w\s]{0,30}?)?\s*(?:are|were|went\s+to|go\s+to|is|was|with)\s+(?:the\s+)?"
                             r"(?:[A-Z][\w.&-]*['’]s\s+)?$"
                             r"|^(?-i:\s*(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s*:\s*(?:the\s+)?)$", re.I)
"""Between a run of figures and the names they go with: "In second and third place are …",
"Coming in first and second place were IBM's Summit and Sierra" (a maker's possessive
before the first name), or a colon after the figures' noun: "the No. 1 and No. 2 machines:
the Sunway TaihuLight and Tianhe-2"."""
INVERTED_LEAD = patterns.compile(
    r"\s*(?:place|position|spot)?\s*(?:on\s+the\s+[\w\s]{0,30}?)?\s*(?:is|was|are|were|goes\s+to|went\s+to)\s+"
    r"(?:the\s+)?(?:[A-Z][\w.&-]*['’]s\s+)?")
""""At number three is Sierra", "In second place on the list was Japan's Fugaku": a rank
before its verb, the name after it is the rank's owner (the sentence is inverted)."""


GROUP_AFTER = patterns.compile(r"\s*(?:for|in|across|among)\s+(?:the\s+)?")


def _group_after(part: SentenceParts, quantity: Quantity, mention: EntityMention) -> bool:
    """"a boost of 26% for certain economies": a group described right after the figure,
    behind "for"/"in", is whose it is."""
    base = part.sentence.span.start
    return mention.kind == DESCRIBED and mention.span.start > quantity.span.end and bool(
        GROUP_AFTER.fullmatch(part.sentence.text, quantity.span.end - base, mention.span.start - base))


def _coordinated(part: SentenceParts, mentions: list[EntityMention]) -> dict:
    """"In second and third place are Japan's Fugaku and Finland's LUMI": a list of figures
    and a list of as many names of one kind, joined by "and": the n-th figure goes with the
    n-th name (of each kind that makes such a list)."""
    if not part.quantities or len(part.quantities) < 2 and part.quantities[0].kind != "rank":
        return {}  # (one rank may head a list of ordinals that are no figures: ``_ordinal_tail``)
    text, base = part.sentence.text, part.sentence.span.start
    qs = part.quantities
    run = [qs[0]]
    runs = []
    for q in qs[1:]:
        if q.kind == run[-1].kind and RUN_JOIN.fullmatch(text[run[-1].span.end - base:q.span.start - base]):
            run.append(q)
        else:
            runs.append(run)
            run = [q]
    runs.append(run)
    out: dict = {}
    named = [m for m in mentions if m.via not in ("reference", "object")]
    for run in runs:
        extra, run_end = _ordinal_tail(text, run[-1].span.end - base) if run[-1].kind == "rank" else (0, 0)
        size = len(run) + extra
        run_end = run_end + base if extra else run[-1].span.end
        if size < 2:
            continue
        after = [m for m in named if m.span.start >= run_end]
        if not after or not LIST_LEAD.match(text[run_end - base:after[0].span.start - base]):
            before = _names_just_before(part, named, run, size)
            for i, q in enumerate(run):
                if before:
                    out[q.span] = (before[i],)
            continue
        by_kind: dict[str, list[EntityMention]] = {}
        for kind in dict.fromkeys(m.kind for m in after):
            same = [m for m in after if m.kind == kind]
            chain = [same[0]]
            for m in same[1:]:
                if len(chain) == size:
                    break
                if NAME_JOIN.match(text[chain[-1].span.end - base:m.span.start - base]):
                    chain.append(m)
                else:
                    break
            if len(chain) == size:
                by_kind[kind] = chain
        for i, q in enumerate(run):
            own = tuple(chain[i] for chain in by_kind.values())
            if own:
                out[q.span] = own
    return out


ORDINAL_ITEM = patterns.compile(
    r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,3}(?:st|nd|rd|th))\b", re.I)


def _ordinal_tail(text: str, end: int) -> tuple[int, int]:
    """"Summit and Sierra taking the first and second", "X, Y and Z took the first, second
    and third": ordinals after a rank that are no figure of their own (no place noun after
    them) still make a list with it. How many follow, and where the last ends."""
    count = 0
    while end < len(text) and text[end] in " ,&a":
        m = ORDINAL_ITEM.match(text, end)
        if m is None:
            break
        count, end = count + 1, m.end()
    return count, end


NAMES_TO_RUN = patterns.compile(r"^[^,;:()]{1,70}$")
"""Between the last name of a list and the run of places it takes, in one clause: "the Summit
and Sierra machines at their national laboratories kept hold of the" (first and second place)."""


def _names_just_before(part: SentenceParts, named: list[EntityMention], run: list,
                       size: int = 0) -> list[EntityMention]:
    """"X has pushed Singapore and Hong Kong into second and third place": as many names of
    one kind, joined by "and", right before the run of figures in the same clause, each
    with its figure in order (``size`` of them: the run and any ordinals of it that are no
    figure of their own)."""
    text, base = part.sentence.text, part.sentence.span.start
    size = size or len(run)
    before = [m for m in named if m.span.end <= run[0].span.start]
    if len(before) < size:
        return []
    chain = before[-size:]
    if len({m.kind for m in chain}) != 1 or not NAMES_TO_RUN.match(text[chain[-1].span.end - base:run[0].span.start - base]):
        return []
    if not all(NAME_JOIN.match(text[a.span.end - base:b.span.start - base]) and
               not CLAUSE_MARK.search(text, a.span.end - base, b.span.start - base) or
               LIST_JOIN.fullmatch(text[a.span.end - base:b.span.start - base])
               for a, b in zip(chain, chain[1:])):
        return []
    return chain


# "26.1% of GDP ($7 trillion)": the figure in brackets restates the one before it, and
# both are one item of a list.
RESTATED_GAP = patterns.compile(r"\s*(?:of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s*)?\(\s*", re.I)
ITEM_JOIN = patterns.compile(r"\s*\)?\s*(?:,|and|, and)\s*")
# "26.1% ($7 trillion) and 14.5%": a restatement in brackets dropped as a figure of its own.
ASIDE_JOIN = patterns.compile(r"\s*\([^()]{1,40}\)\s*(?:,|and|, and)\s*")


def _respective_run(part: SentenceParts) -> dict:
    """The figures "respectively" refers to, each with its place in their list, the
    list's length and where the list starts and ends (``Claim.respective``): the
    sentence's last run of figures joined by commas and "and". A figure restated in
    brackets after another ("26.1% of GDP ($7 trillion) and 14.5% …") shares its place."""
    if len(part.quantities) < 2 or not folding.held(folding.folded(part.sentence.text)) & RESPECTIVELY_WORDS.mask \
            or not numbers.RESPECTIVELY.search(part.sentence.text):
        return {}
    text, base = part.sentence.text, part.sentence.span.start
    # "…to 10th and 20th, respectively, while Japan slid to 34th": the list before the word.
    said = base + numbers.RESPECTIVELY.search(text).start()
    before = [q for q in part.quantities if q.span.end <= said] or part.quantities
    groups = [[before[-1]]]
    for q in reversed(before[:-1]):
        gap = text[q.span.end - base:groups[0][0].span.start - base]
        if len(groups[0]) == 1 and RESTATED_GAP.fullmatch(gap) and numbers.CLOSE_AFTER.match(
                text[groups[0][0].span.end - base:]):
            groups[0].insert(0, q)
        elif LIST_JOIN.fullmatch(gap) or ASIDE_JOIN.fullmatch(gap) or (len(groups[0]) > 1 and ITEM_JOIN.fullmatch(gap)):
            groups.insert(0, [q])
        else:
            break
    if len(groups) < 2:
        return {}
    first, last = groups[0][0].span.start, groups[-1][-1].span.end
    return {q.span: (i, len(groups), first, last) for i, group in enumerate(groups) for q in group}


def _respectively(part: SentenceParts, mentions: list[EntityMention], respective: dict) -> dict:
    """"Denmark and Ireland fell to third and fourth place, respectively": the n-th figure
    goes with the n-th entity named before the figures."""
    if not respective:
        return {}
    run = [q for q in part.quantities if q.span in respective]
    size = respective[run[0].span][1]
    respective = {**respective, **_parallel_run(part, run[0], size)}
    run = [q for q in part.quantities if q.span in respective]
    earlier = [q.span.end for q in part.quantities if q.span.end <= run[0].span.start]
    floor = max(earlier, default=part.sentence.span.start)
    named = [m for m in mentions if m.via != "reference" and floor <= m.span.start and m.span.end <= run[0].span.start]
    # "Japan is just ahead of Malaysia and Kazakhstan, ranking 33rd and 34th, respectively":
    # the figures go with the names listed last.
    last = _joined_names(part, named, size) or named[-size:]
    if len(last) == size and len({m.kind for m in last}) > 1:
        # "Japan's 'Fugaku' and Finland's 'LUMI' ranked fourth and fifth respectively": the
        # names mix countries and machines; the last ones of each kind are a list each.
        chains = [same[-size:] for kind in dict.fromkeys(m.kind for m in named)
                  if len(same := [m for m in named if m.kind == kind and m.via != "object"]) >= size]
        if chains:
            return {q.span: tuple(chain[respective[q.span][0]] for chain in chains) for q in run}
    if len(last) == size:
        return {q.span: last[respective[q.span][0]] for q in run}
    # "Third and fourth place go to the LUMI and Leonardo systems from Finland and Italy
    # respectively": no list of names before, one (of each kind) after.
    chains = _name_chains(part, [m for m in mentions if m.via not in ("reference", "object")
                                 and m.span.start >= run[-1].span.end], size)
    if not chains:
        return {}
    return {q.span: tuple(chain[respective[q.span][0]] for chain in chains) for q in run}


def _joined_names(part: SentenceParts, named: list[EntityMention], size: int) -> list[EntityMention]:
    """"Denmark, Sweden and Norway all ranked ahead of Finland, coming 6th, 8th and 9th
    respectively": the last run of as many names joined only by commas and "and" is the
    list the figures go with; a name outside it (the one they are compared with) is not."""
    text, base = part.sentence.text, part.sentence.span.start
    for i in range(len(named) - size, -1, -1):
        run = named[i:i + size]
        if all(LIST_JOIN.fullmatch(text[a.span.end - base:b.span.start - base]) for a, b in zip(run, run[1:])):
            return run
    return []


def _parallel_run(part: SentenceParts, first: Quantity, size: int) -> dict:
    """"The U.S. and China fell by seven and six notches to 10th and 20th, respectively":
    a list of as many figures just before the list, in the same clause, goes with the
    same names, one by one."""
    text, base = part.sentence.text, part.sentence.span.start
    earlier = [q for q in part.quantities if q.span.end <= first.span.start][-size:]
    if len(earlier) != size or CLAUSE_MARK.search(text[earlier[-1].span.end - base:first.span.start - base]):
        return {}
    if not all(LIST_JOIN.fullmatch(text[a.span.end - base:b.span.start - base]) for a, b in zip(earlier, earlier[1:])):
        return {}
    return {q.span: (i, size, earlier[0].span.start, earlier[-1].span.end) for i, q in enumerate(earlier)}


def _name_chains(part: SentenceParts, after: list[EntityMention], size: int) -> list[list[EntityMention]]:
    """Lists of ``size`` names of one kind joined by commas and "and" ("LUMI and
    Leonardo"), the first of each kind leading its list."""
    text, base = part.sentence.text, part.sentence.span.start
    chains = []
    for kind in dict.fromkeys(m.kind for m in after):
        same = [m for m in after if m.kind == kind]
        chain = [same[0]]
        for m in same[1:]:
            if len(chain) == size or not NAME_JOIN.match(text[chain[-1].span.end - base:m.span.start - base]):
                break
            chain.append(m)
        if len(chain) == size:
            chains.append(chain)
    return chains


CELL_SPLIT = patterns.compile(r"\s*\|\s*\n?|\n")


def _table_rows(part: SentenceParts, mentions: list[EntityMention]) -> dict:
    """A table pasted as text ("Rank | Economy |" then "6th |", "Korea Rep. |", … or
    "1 | Singapore | 100.00" a line): each figure goes with the entity of its own row."""
    text, base = part.sentence.text, part.sentence.span.start
    if text.count("|") < 4 or not part.quantities:
        return {}
    named = [m for m in mentions if m.via != "reference"]
    lines = [(m.start(), m.end()) for m in LINE.finditer(text)]
    multi = [ln for ln in lines if text[ln[0]:ln[1]].strip().strip("|").count("|") >= 1]
    if len(multi) >= 2:
        rows = multi  # one row a line
    else:
        cells, pos = [], 0
        for m in CELL_SPLIT.finditer(text):
            if text[pos:m.start()].strip() and "|" in m.group(0):
                cells.append((pos, m.start()))  # a caption line without "|" is no cell
            pos = m.end()
        if text[pos:].strip() and cells:
            cells.append((pos, len(text)))
        first = next((i for i, (a, b) in enumerate(cells)
                      if any(a <= q.span.start - base < b for q in part.quantities)), None)
        width = first if first and first >= 2 else 2
        if first is None:
            return {}
        rows = [(cells[i][0], cells[min(i + width, len(cells)) - 1][1]) for i in range(first, len(cells), width)]
    out = {}
    for a, b in rows:
        # "Taiwan (Chinese Taipei)": the row's first name is its entity.
        inside = [m for m in named if a <= m.span.start - base < b][:1]
        if not inside:
            continue
        for q in part.quantities:
            if a <= q.span.start - base < b:
                out[q.span] = inside[0]
    return out


SOURCE_OF_FIGURE = patterns.compile(r"\s*(?:spot|place|position|rank|ranking)?\s*(?:on|in|of)\s+(?:the\s+)?"
                                    r"(?:latest\s+|new\s+|current\s+)?$", re.I)
"""Between a figure and the list it is on: "took the No. 10 spot on the TOP500"."""


def _sources_of(part: SentenceParts, quantity: Quantity, before: tuple, sources: tuple,
                carried: bool, distance: int) -> tuple[tuple, bool, int]:
    """"The No. 4 spot was held by Adastra, a system that took the No. 10 spot on the
    TOP500": a list named right after one figure is that figure's; the sentence's other
    figures of its kind (a second rank) keep to the sentence's other sources, else to what the passage carried before
    it (without that list), else to none."""
    text, base = part.sentence.text, part.sentence.span.start
    attached = {}
    for source in part.sources:
        owner = next((q for q in part.quantities if q.span.end <= source.span.start
                      and SOURCE_OF_FIGURE.fullmatch(text, q.span.end - base, source.span.start - base)), None)
        if owner is not None:
            attached[source] = owner
    if not attached or any(owner is quantity or owner.kind != quantity.kind for owner in attached.values()):
        # "Fugaku, which took the top spot on the TOP500 list, delivered 415.5 petaflops":
        # a figure of another kind is on the same list; only a second rank is on another
        return sources, carried, distance
    rest = tuple(s for s in part.sources if attached.get(s, quantity) is quantity)
    if rest:
        return rest, False, 0
    taken = {t for s in attached for t in s.tables}
    prior, prior_distance = before
    rest = tuple(s for s in prior if not set(s.tables) <= taken)
    return rest, bool(rest), prior_distance if rest else 0


def _narrow_publishers(part: SentenceParts, named_before: list[str],
                       topic: tuple[str, ...] = ()) -> SentenceParts:
    """"according to the same IMD ranking" after the article named IMD's digital ranking:
    a publisher shared by several tables means the one of them named last — or, before
    any is named, the one the article's opening names (its topic)."""
    if not (named_before or topic) or any(s.exact for s in part.sources):
        return part
    narrowed = []
    for source in part.sources:
        other = OTHER_TITLE_MARK + _said(part, source)
        last = next((t for t in reversed(named_before) if t in source.tables or t == other), None)
        if last == other:
            # "IMD World Talent Ranking: Cyprus in 15th place … according to IMD": the
            # publisher alone, after the article named a publication of its that no table
            # holds, still means that publication.
            narrowed.append(SourceMention(source.span, (), False))
            continue
        if last is None:
            of_topic = [t for t in topic if t in source.tables]
            last = of_topic[0] if len(of_topic) == 1 else None
        narrowed.append(SourceMention(source.span, (last,), True) if last and len(source.tables) > 1 else source)
    return SentenceParts(part.sentence, narrowed, part.times, part.entities, part.quantities)


SUBORDINATE_OPENING = patterns.compile(
    r"\s*(?:While|Whilst|Whereas|Although|Though|Unlike|Like|Where)\b[^,;]{0,120},")

def _before_semicolon(part: SentenceParts, quantity: Quantity,
                      ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"this AI model has been trained using 1.75 trillion parameters; in contrast, … GPT-3,
    which has 175 billion": a name after a semicolon that follows the figure is the next
    clause's, never the figure's owner."""
    text, base = part.sentence.text, part.sentence.span.start
    end = quantity.span.end - base
    cut = text.find(";", end)
    if cut < 0:
        return ordered
    return tuple(m for m in ordered if m.span.start - base < cut)


_ROLE_NOUNS = ("manufacturer", "maker", "chipmaker", "company", "firm", "vendor", "giant", "startup", "supplier",
               "provider", "developer", "operator", "conglomerate", "group", "lab", "laboratory", "university",
               "institute", "agency", "newspaper", "outlet", "carrier", "bank", "retailer", "start-up")
ATTRIBUTIVE_NOUNS = folding.Words(*_ROLE_NOUNS)
ATTRIBUTIVE_AFTER = patterns.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:" + "|".join(_ROLE_NOUNS) + r")s?\s+(?:the\s+)?[A-Z]")
"""After a country's name, the words that make it a modifier of another thing's name: "US
supercomputer manufacturer Cray Inc", "Chinese chipmaker SMIC"."""


def _without_attributive(part: SentenceParts, mentions: list) -> list:
    """"US supercomputer manufacturer Cray Inc ranked No. 4, with 36 installations": a
    country named as a modifier of a firm's or body's name owns none of the sentence's
    figures (the firm does, and no table holds it)."""
    text, base = part.sentence.text, part.sentence.span.start
    return [m for m in mentions if not (m.kind == "economy" and m.via in ("name", "demonym")
                                        and ATTRIBUTIVE_AFTER.match(text, m.span.end - base))]


VERSIONS_OF_BEFORE = patterns.compile(
    r"\b(?:smaller|larger|bigger|other|earlier|lighter|distilled|reduced|compact)\s+"
    r"(?:versions?|variants?|models?|sizes?|siblings?)\s+of\s+(?:the\s+)?$", re.I)
VERSION_WORDS = folding.Words("version", "variant", "model", "size", "sibling")


def _without_versions(part: SentenceParts, mentions: list) -> list:
    """"Smaller versions of PaLM, with 8 and 62 billion parameters": a name after "versions
    of" names the family, not the thing the figures are of (no table holds the versions)."""
    text, base = part.sentence.text, part.sentence.span.start
    kept = [m for m in mentions if not VERSIONS_OF_BEFORE.search(text, max(0, m.span.start - base - 40),
                                                                    m.span.start - base)]
    if len(kept) == len(mentions):
        return mentions
    gone = [m for m in mentions if m not in kept]
    return kept + [EntityMention(gone[0].span, "", UNKNOWN_NAME, UNKNOWN)]


SEAT_BEFORE = patterns.compile(r"\)?\s*,?\s+(?:(?:based|headquartered|located)\s+)?in\s+(?:the\s+)?$")


def _without_seat(part: SentenceParts, mentions: list) -> list:
    """"issued by the International Institute for Management Development (IMD) in
    Switzerland, compared to 12th last year": a country right after a publisher's name is
    where the publisher sits, never a figure's owner."""
    text, base = part.sentence.text, part.sentence.span.start
    seats = []
    for m in mentions:
        if m.kind != "economy" or m.via not in ("name", "demonym"):
            continue
        gap = SEAT_BEFORE.search(text, max(0, m.span.start - base - 40), m.span.start - base)
        if gap and any(0 <= base + gap.start() - s.span.end <= 1 for s in part.sources):
            seats.append(m)
    return [m for m in mentions if m not in seats] if seats else mentions


OTHER_TITLE_MARK = "~"
"""Marks, in the list of tables named before, a publisher named with a title of its own that
no table holds ("~imd" for "IMD World Talent Ranking")."""


def _said(part: SentenceParts, source: SourceMention) -> str:
    base = part.sentence.span.start
    return part.sentence.text[source.span.start - base:source.span.end - base].lower()


RIVAL_BEFORE = patterns.compile(
    r"\b(?:beat(?:s|ing)?(?:\s+out)?|overt(?:ook|akes?|aking)|outpac(?:ed|es|ing)|edged\s+out|edges\s+out|"
    r"displac(?:ed|es|ing)|unseat(?:ed|s|ing)?|dethron(?:ed|es|ing)|oust(?:ed|s|ing)?|toppl(?:ed|es|ing)|"
    r"surpass(?:ed|es|ing)?|outrank(?:ed|s|ing)?|replac(?:ed|es|ing)|leapfrog(?:ged|s|ging)?)\s+(?:the\s+)?"
    # ("leapfrogged Hong Kong and the US": each name of a short list is a rival)
    r"(?:[\w’'-]+\s+){0,2}(?:(?:and|,)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2})?$", re.I)


OPENING_REFERENCE = patterns.compile(r"^\W{0,2}$")


UNKNOWN_REFERENT_KINDS = ("model", "system")
"""Kinds a pointer ("the model", "the machine") may take from a paragraph about a thing no
table holds (a country pointer, "the nation", still means the paragraph's country)."""


STYLE_OF = patterns.compile(r"\b(kingdom|emirate|republic|sultanate|principality)\s+of\s+(?:the\s+)?$", re.I)
""""the kingdom of Saudi Arabia": the article's own word for what the economy is."""
STYLE_NOUN = patterns.compile(r"(kingdom|emirate|republic|city-state)", re.I)


def _styled_in_text(parts: list[SentenceParts]) -> dict[str, frozenset[str]]:
    """Economies the article itself calls a kingdom, an emirate or a republic ("the
    kingdom of Saudi Arabia"): noun → entities."""
    found: dict[str, set[str]] = {}
    for part in parts:
        if not folding.holds_any(part.sentence.text.lower(), STYLE_WORDS):
            continue
        base = part.sentence.span.start
        for e in part.entities:
            if e.entity and e.kind == "economy" and e.via == "name":
                m = STYLE_OF.search(part.sentence.text, max(0, e.span.start - base - 30), e.span.start - base)
                if m:
                    found.setdefault(m.group(1).lower(), set()).add(e.entity)
    return {k: frozenset(v) for k, v in found.items()}


STYLE_WORDS = ("kingdom", "emirate", "republic", "sultanate", "principality")


def _styled_referent(noun_text: str, referent: str | None, styled, named_at: dict[str, int] | None,
                     at: int) -> str | None:
    """"the Kingdom" after "Surpassing … Japan …": of the economies named before it, the one
    the article (or one of its names) calls a kingdom, when the paragraph's usual referent
    is not one and exactly one named economy is."""
    noun = STYLE_NOUN.search(noun_text)
    if noun is None or styled is None or named_at is None:
        return referent
    kinds = styled(noun.group(1).lower())
    if referent in kinds:
        return referent
    named = [e for e in kinds if named_at.get(e, at) < at]
    return named[0] if len(named) == 1 else referent


POSSESSIVE_END = patterns.compile(r"['’]s$")
TO_NAME = patterns.compile(r"\s+(?:[a-z][\w-]*\s+){0,4}")
"""Between "the system's" and a name: a few lower-case words ("test-and-development machine")."""


def _possessive_of_name(part: SentenceParts, mention: EntityMention, text: str, base: int) -> bool:
    """"the system's test-and-development machine Crusher": a reference in the possessive
    right before a name of its own kind qualifies that name, which owns the figure."""
    if not POSSESSIVE_END.search(text, 0, mention.span.end - base):
        return False
    return any(m.via == "name" and m.kind == mention.kind and m.span.start >= mention.span.end
               and TO_NAME.fullmatch(text, mention.span.end - base, m.span.start - base)
               for m in part.entities)


def _resolve_references(part: SentenceParts, subj, paragraph: int,
                        earlier: dict[str, str] | None = None,
                        previous: dict[str, str] | None = None,
                        named_at: dict[str, int] | None = None,
                        unknown_subject: bool = False,
                        named_in_paragraph: dict[str, int] | None = None,
                        styled=None) -> list[EntityMention]:
    """"the nation" → the paragraph's country; "the machine" → its supercomputer. A
    reference that opens its sentence points back, never forward: "The country was ranked
    27th, and now trails Malaysia, which …" is the one named last before the sentence, not
    the paragraph's name that stands later in the sentence itself."""
    out = []
    text, base = part.sentence.text, part.sentence.span.start
    for mention in part.entities:
        if mention.via == "reference" and unknown_subject and mention.kind in UNKNOWN_REFERENT_KINDS:
            # "Inspur's model is called Yuan 1.0 … the model has 245.7 billion parameters
            # (GPT-3 has 175 billion)": the paragraph is about a thing no table holds, and
            # "the model" is that thing.
            out.append(EntityMention(mention.span, "", UNKNOWN_NAME, UNKNOWN))
            continue
        if mention.via == "reference":
            referent = subj.of_paragraph(paragraph, mention.kind)
            if referent and earlier and earlier.get(mention.kind, referent) != referent \
                    and OPENING_REFERENCE.match(text[:mention.span.start - base]) \
                    and _named_only_after(part, referent, mention.span.end):
                referent = earlier[mention.kind]
            if referent and earlier and named_in_paragraph is not None and earlier.get(mention.kind, referent) != referent \
                    and named_in_paragraph.get(referent, mention.span.start) >= mention.span.start \
                    and named_in_paragraph.get(earlier[mention.kind], mention.span.start) < mention.span.start:
                # "DeepSeek-V3 … was released in December. The size of the model is 671B
                # parameters. In comparison, … GPT-4 …": the paragraph's most named model
                # comes only after "the model"; the one named before it in the paragraph is meant.
                referent = earlier[mention.kind]
            if referent and named_at is not None and named_at.get(referent, mention.span.start) >= mention.span.start:
                # "Inspur released Yuan 1.0 … The model is trained with 245.7 billion
                # parameters. This is more than GPT-3 …": the paragraph's model is named
                # only later; what "the model" points back to is a thing no table holds.
                referent = earlier.get(mention.kind) if earlier else None
                if referent is not None and named_at.get(referent, mention.span.start) >= mention.span.start:
                    referent = None
            if referent and mention.kind == "economy":
                referent = _styled_referent(text[mention.span.start - base:mention.span.end - base], referent,
                                            styled, named_at, mention.span.start)
            if referent and _possessive_of_name(part, mention, text, base):
                continue  # "the system's test machine Crusher": the name is the owner, not "the system"
            if referent:
                out.append(EntityMention(mention.span, referent, mention.kind, "reference"))
        else:
            out.append(mention)
    # "It beat out Japan's MN-3 for top place": a rival named after such a verb is the
    # object; the place is the subject's.
    if folding.held(folding.folded(text)) & RIVAL_WORDS.mask:
        out = [EntityMention(m.span, m.entity, m.kind, "object")
               if m.via not in ("reference", UNKNOWN) and RIVAL_BEFORE.search(text[max(0, m.span.start - base - 30):m.span.start - base])
               else m for m in out]
    # a description ("the supercomputer ranked second") is no name: "It" may still be the subject
    named = [m for m in out if m.via not in ("reference", "object") and m.kind != DESCRIBED]
    subject = subj.of_paragraph(paragraph)
    opening = PRONOUN_AFTER_OPENING.match(text) if subject and folding.holds_any(text, PRONOUN_WORDS) else None
    if opening and any(m.span.start < base + opening.end() for m in named):
        opening = None  # "Fugaku, the leader, it…": a name in the opening phrase is the subject
    first_figure = min((q.span.start for q in part.quantities), default=None)
    # "Its HPL score was 1.012 exaflops, making it the second machine after Frontier": a
    # name only after the figure does not stop "Its" from being the subject
    named_first = [m for m in named if first_figure is None or m.span.start < first_figure]
    if subject and (not named_first and PRONOUN_SUBJECT.match(text) or opening):
        start = base + (opening.start("it") if opening else 0)
        span = type(part.sentence.span)(start, start + (len(opening.group("it")) if opening else 2))
        if unknown_subject and not opening:
            # "Zhiyuan Lingo is the lab's largest model. … It has 2.6 billion parameters":
            # "It" is the thing the paragraph is about, which no table holds.
            out.append(EntityMention(span, "", UNKNOWN_NAME, UNKNOWN))
            return out
        # "China's best machine is the Sunway TaihuLight. It uses 10 million cores": "it"
        # may be the paragraph's country or its machine; each table takes the kind it ranks.
        # "At No. 5 is Frontera. It has an HPL result of 23.5 petaflops": the thing the
        # sentence before (in the paragraph) named first, of each kind, comes before the
        # paragraph's most named one.
        referents = [*(previous or {}).values(), subject] + [
            r for r in (subj.of_paragraph(paragraph, k) for k in sorted(set(subj.kinds.values()))) if r and r != subject]
        if named_at is not None:
            # "The world's fastest supercomputer is IBM-built. It boasts 148.6 petaflops.
            # Ranked No. 2, Sierra …": "It" points back, never to a name the paragraph
            # gives only later.
            referents = [r for r in referents if named_at.get(r, base) < base]
        for name in dict.fromkeys(referents):
            out.append(EntityMention(span, name, subj.kinds.get(name, "economy"), "reference"))
    return out


SUBJECT_OPENING = patterns.compile(
    r"^\W*(?:The\s+)?(?!(?:It|Its|This|That|These|Those|They|Their|There|In|On|At|As|By|For|With|"
    r"However|But|And|A|An|According|While|After|Before|Since|When|Now)\b)"
    r"[A-Z][\w.’'-]*(?:(?:\s+|\s*[–—-]\s*)[A-Z0-9][\w.’'-]*){0,4}(?:\s+[a-z]+)?"
    r"\s+(?:is|was|has|had|became|remains|boasts|uses|features|(?:is|was)\s+(?:called|named|dubbed|known\s+as))\s+"
    r"(?=(?:the|a|an|one)\b|[A-Z])")
"""A sentence that opens on its subject, a name or a titled thing, its verb and what it says
the thing is or has: "Zhiyuan Lingo is the lab's largest model" ("The Zhiyuan Lingo project
studies …" and "Bigger is not always better" are not matched)."""


def _before_a_later_year(quantity: Quantity, times) -> tuple:
    """"Rising from the 3rd spot, the USA tops the IMD World Digital Competitiveness Ranking
    2018": a place a move left, whose only year stands well after it (the ranking the move
    ended in), is the edition before that year's."""
    dated = [t for t in times if t.kind != "event"]
    if not dated or not all(t.kind == "point" and t.span.start > quantity.span.end + 30 for t in dated):
        return tuple(times)
    return (TimeExpr(quantity.span, f"the edition before {dated[0].text}'s", "previous", end=dated[0].start),)


NAMING_VERB = patterns.compile(r"\s(?:called|named|dubbed|known\s+as)\s+$")


def _opens_on_unknown(part: SentenceParts, before: bool) -> bool:
    """Is the paragraph's last subject of its own, after this sentence, a thing no table
    holds? A sentence opening on such a name says so; one opening on a name a table holds
    says not; any other keeps what the sentences before said."""
    m = SUBJECT_OPENING.match(part.sentence.text) if not part.sentence.heading else None
    base = part.sentence.span.start
    if m is None:
        new = INTRODUCED_THING.search(part.sentence.text) if not part.sentence.heading \
            and folding.held(folding.folded(part.sentence.text)) & INTRODUCING_WORDS.mask else None
        if new is None:
            return before
        # "Microsoft researchers introduced phi-3-mini, a new model with …": the paragraph
        # is now about the thing introduced, which may be one no table holds
        named = [e for e in part.entities if e.via != "reference" and e.span.start - base == new.start("name")]
        return not named or named[0].via == UNKNOWN
    if NAMING_VERB.search(m.group(0)):
        # "Inspur's model is called Yuan 1.0": the subject is the thing named after the verb
        after = [e for e in part.entities if e.via != "reference" and e.span.start - base == m.end()]
        return not after or after[0].via == UNKNOWN
    inside = [e for e in part.entities if e.via != "reference" and e.span.start - base < m.end()]
    if not inside:
        return True
    return inside[0].via == UNKNOWN


INTRODUCED_THING = patterns.compile(
    r"\b(?:introduced|unveiled|released|launched|announced|presented|debuted|open-sourced|rolled\s+out)\s+"
    r"(?P<name>[\w.-]+(?:[ -][\w.-]+){0,3}),\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:model|LLM|system|supercomputer|machine)\b")
INTRODUCING_WORDS = folding.Words("introduced", "unveiled", "released", "launched", "announced", "presented",
                                  "debuted", "open-sourced", "rolled")


def _named_only_after(part: SentenceParts, entity: str, end: int) -> bool:
    """Is ``entity`` named in the sentence, and only after ``end``?"""
    spans = [m.span.start for m in part.entities if m.entity == entity and m.via != "reference"]
    return bool(spans) and min(spans) >= end


# "dropped two spots after topping the list in 2022 and 2023": the years are the
# topping's, not the drop's.
CLAUSE_CUT = patterns.compile(
    # ";", "while", "whereas", "but", "compared with/to", "versus", "vs", "after/before …ing",
    # "and now/currently/today",
    # each word after a boundary (``\b``). Every choice opens with its first character and
    # looks at the boundary after it (no word character before it): the engine then
    # searches for those characters only (about 2 µs a sentence where a look-ahead for them
    # took 4, and the choices tried at every character 12).
    r";|w(?<!\ww)(?:hile\b|hereas\b)|b(?<!\wb)(?:ut\b|efore\s+(?=\w+ing\b))|c(?<!\wc)ompared\s+(?:with|to)\b"
    r"|v(?<!\wv)(?:ersus\b|s\.?)"
    # "…add $4.4 trillion a year, reaching $15.7 trillion by 2030", "…kept 7th place, with
    # plans for a successor around 2030": a trailing phrase keeps its year to itself;
    # "was ranked 27th in 2024, and now trails Malaysia, which climbed to 23rd", "was 34th
    # in 2024 and is currently 23rd": a clause set in the present by "now", "currently" or
    # "today" keeps the earlier clause's year out (";" already cuts "; today it sits 7th")
    r"|,\s+(?=(?:reaching|bringing|taking|pushing|lifting|rising\s+to|with\s+plans|with\s+an?\s+(?:goal|target|plan|aim))\b"
    r"|(?:and\s+)?(?:(?:is|are|has|have|it|they)\s+)?(?:now|currently|today)\b(?![’'-]))"
    r"|a(?<!\wa)(?:fter\s+(?=\w+ing\b)|nd\s+(?=(?:(?:is|are|has|have|it|they)\s+)?(?:now|currently|today)\b(?![’'-])))")


# "After a drop in 2023, Hong Kong recovered to 7th": an opening phrase of what came
# before keeps its year to itself, as an opening "while" clause does.
LEADING_CLAUSE = patterns.compile(r"^\s*[\"“'‘]?(?:While|Whilst|Although|Though|Whereas|Even\s+though|Even\s+as|"
                                  r"After|Following|Despite)\b[^,;]{3,200},")


REPORTED_CLAUSE = patterns.compile(
    r"\b(?:said|says|added|adds|noted|notes|stated|explained|argued|told\s+\w+)\s+(?:that\s+)?"
    r"((?:while|whilst|although|though|whereas|even\s+though)\b)[^,;]{3,200},")
REPORTED_CLAUSE_WORDS = ("said", "says", "add", "note", "stated", "explained", "argued", "told")  # as written


@lru_cache(maxsize=64)
def _clause_cuts(text: str) -> tuple[int, ...]:
    """Where the clauses of a sentence end; found once per sentence, not once per figure."""
    cuts = [m.end() for m in CLAUSE_CUT.finditer(text)]
    # "While Denmark dropped two spots after topping the list in 2022, Singapore leapt…":
    # a clause that opens the sentence with "while"/"although" ends at its comma.
    lead = LEADING_CLAUSE.match(text)
    if lead:
        cuts.append(lead.end())
    # "The minister said while Malaysia was ranked 24th in 2017, the country has kept its
    # 22nd position": so does one that opens what somebody said.
    for reported in REPORTED_CLAUSE.finditer(text) if folding.holds_any(text, REPORTED_CLAUSE_WORDS) else ():
        cuts.extend((reported.start(1), reported.end()))
    return tuple(sorted(set(cuts)))


def _clause_bounds(sentence: Sentence, quantity: Quantity) -> tuple[int, int]:
    """The clause around a figure: cut at ';', ' while ', ' whereas ', ' but '."""
    text, base = sentence.text, sentence.span.start
    rel = quantity.span.start - base
    cuts = _clause_cuts(text)
    before = bisect.bisect_right(cuts, rel)
    start = cuts[before - 1] if before else 0
    after = bisect.bisect_right(cuts, rel + (quantity.span.end - quantity.span.start))
    end = cuts[after] if after < len(cuts) else len(text)
    return base + start, base + end


RELATIVE_OF_UNKNOWN = patterns.compile(
    r"\b(?:called|named|dubbed|known\s+as)\s+(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*,?\s+(?:which|that|who)\b[^,;]*$")


RELATIVE_OF_COMPARED = patterns.compile(
    r"\b(?:than|ahead\s+of|behind|trails?|trailing|outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?)\s+"
    r"(?:the\s+|its\s+)?(?:[\w.’'-]+\s+){0,5}?[\w.’'-]+(?P<pronoun>,?\s+(?:which|that|who)\s+)[^,;:()—–\d]*$", re.I)
"""A relative clause, up to the figure, whose antecedent is what the subject is compared
with: "more powerful than the leading U.S. supercomputer which ranks third", "ahead of the
second-placed Frontier that managed"."""


def _relative_of_compared(part: SentenceParts, quantity: Quantity,
                          ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """The figure of a relative clause whose antecedent is what the subject is compared
    with is that thing's: the name the antecedent ends on, or no one's when it ends on a
    description ("the leading U.S. supercomputer which ranks third")."""
    text, base = part.sentence.text, part.sentence.span.start
    m = RELATIVE_OF_COMPARED.search(text, 0, quantity.span.start - base)
    if m is None:
        return ordered
    antecedent_end = base + m.start("pronoun")
    named = [o for o in ordered if o.via != "reference" and 0 <= antecedent_end - o.span.end <= 1]
    if named:
        return _first(EntityMention(named[0].span, named[0].entity, named[0].kind, "name"), ordered)
    return ()

RELATIVE_CLAUSE = patterns.compile(r",\s*(?:which|who)\s+[^,;:()]*$")
"""A relative clause the figure stands in, up to the figure: ", which briefly held". It
must run to the figure unbroken: in "Fugaku, which is Japan's, delivers 442 petaflops"
the figure is back in the main clause."""


RELATIVE_HEAD = patterns.compile(r"(?:,\s*|\s+)(?:which|who)\s+[^,;:()]*$")
"""A relative clause the figure stands in, with or without its comma: "…, which had",
"… Applications which had"."""
HEAD_START = patterns.compile(r"[,;:]|\s(?:and|or|like|as|then)\s(?=[^,;:]*$)")
CAPITAL_WORD = patterns.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")
NOT_A_NAME = frozenset({"The", "A", "An", "In", "On", "At", "It", "Its", "This", "That", "Then", "And", "Or"})


def _unknown_name_in(part: SentenceParts, start: int, end: int, mentions: list[EntityMention]) -> bool | None:
    """Between ``start`` and ``end`` of the sentence's text: None when a known name stands
    there; else whether a capitalised word that is no known name, time or source does."""
    base = part.sentence.span.start
    named = [(m.span.start - base, m.span.end - base) for m in mentions if m.via != "reference"]
    if any(start <= a < end for a, _ in named):
        return None
    known = named + [(t.span.start - base, t.span.end - base) for t in (*part.times, *part.sources)]
    return any(word.start() != 0 and word.group(0) not in NOT_A_NAME
               and not any(a <= word.start() < b for a, b in known)
               for word in CAPITAL_WORD.finditer(part.sentence.text, start, end))


def _label_unknown(part: SentenceParts, quantity: Quantity, mentions: list[EntityMention]) -> bool:
    """"models like Google's LaMDA (137 billion parameters)": a figure opening a bracket
    is the figure of the label before it (``brackets``); a label naming a thing the tables
    do not know leaves the figure's owner unknown (not the sentence's other names)."""
    if "(" not in part.sentence.text:
        return False
    at = brackets.label(part.sentence.text, quantity.span.start - part.sentence.span.start)
    return at is not None and bool(_unknown_name_in(part, *at, mentions))


CLAUSE_ON_NAME = patterns.compile(
    r"(?:;|,(?:\s*(?:and|but|while|whereas))?|\b(?:while|whereas))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z0-9][\w.’'-]*){0,3})\s+"
    r"(?:(?:has|had|is|was)(?:\s+(?:been\s+)?(?:trained|built|equipped)\s+(?:with|on))?|boasts|boasted|uses|used|"
    r"features|packs|contains|reached|achieved|delivers|delivered|scored|hit|came\s+in\s+at)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|some|just|only|up\s+to)\s+)?$")
"""A clause of its own that opens on its subject, its verb and then the figure: "…, and
NVIDIA's Megatron has 8.3 billion parameters", "According to its makers, Wu Dao 2.0 is
trained with 1.75 trillion parameters"."""


def _clause_opens_on_unknown(part: SentenceParts, quantity: Quantity, mentions: list[EntityMention]) -> bool:
    """"Microsoft's Turing-NLG has 17 billion, and NVIDIA's Megatron has 8.3 billion
    parameters": a clause whose subject, right before its verb and figure, is a name the
    tables do not know keeps the figure from the other clauses' names."""
    text, rel = part.sentence.text, quantity.span.start - part.sentence.span.start
    m = CLAUSE_ON_NAME.search(text, max(0, rel - 90), rel)
    return m is not None and bool(_unknown_name_in(part, m.start("name"), m.end("name"), mentions))


def _owner_unknown(part: SentenceParts, quantity: Quantity, mentions: list[EntityMention]) -> bool:
    """"Microsoft's Megatron-Turing Natural Language Generation, which had 530 billion
    parameters", "the Generalist Language Model's (GLaM) full version, which contained…":
    the figure's relative clause hangs on a name the tables do not know, so whose the figure
    is cannot be known (no other name of the sentence is its owner). The head is read back
    from the clause to the last comma, "and", "or", "like" or "as"; a capitalised word
    there that is no known name, time or source makes it unknown."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.holds_any(text, RELATIVE_CLAUSE_WORDS):
        return False
    rel = quantity.span.start - base
    hung = RELATIVE_HEAD.search(text, 0, rel)
    if not hung:
        return False
    head_end = hung.start()
    cuts = [m.end() for m in HEAD_START.finditer(text, 0, head_end)]
    head_start = cuts[-1] if cuts else 0
    # (a known name heading the clause, "Japan's new machine, which…", makes it known)
    return bool(_unknown_name_in(part, head_start, head_end, mentions))


INDEFINITE_HEAD = patterns.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:model|system|machine|supercomputer|computer|version|network)\s+"
    r"(?:capable\s+of|with|of|boasting|that\s+(?:has|had|uses|used|reaches|reached)|having|featuring|"
    r"containing|packing|sporting)\s+(?:(?:up\s+to|about|some|over|more\s+than|nearly|almost|around)\s+)?$", re.I)
INDEFINITE_WORDS = ("a ", "an ", "A ", "An ")
INDEFINITE_NOUNS = ("model", "system", "machine", "computer", "version", "network")
NAMED_AFTER = patterns.compile(r"\s*(?:[\w-]+\s+){0,2}?[\w-]*(?:\s*[,:(\u2014\u2013]\s*|\s+(?:called|named|dubbed|known\s+as)\s+)(?:the\s+)?")
DESCRIBES_BEFORE = patterns.compile(
    r"(?:\b(?:is|was|are|were|remains|became|becomes|be|been|being|as)\s+"
    r"(?:(?:just|only|simply|really|actually|essentially|now|still|reportedly|said\s+to\s+be)\s+)?|[,(\u2014\u2013:]\s*)$")


def _indefinite_owner(part: SentenceParts, quantity: Quantity, mentions: list[EntityMention]) -> bool:
    """"Google is upping the bar, delivering a model capable of 1.6 trillion parameters,
    nearly decupling GPT-3's range": the figure belongs to "a model" the sentence does not
    name; a name elsewhere in the sentence (GPT-3, compared with it) is not its owner."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.holds_any(text, INDEFINITE_WORDS) or not folding.holds_any(text, INDEFINITE_NOUNS):
        return False
    start = quantity.span.start - base
    head = INDEFINITE_HEAD.search(text, max(0, start - 80), start)
    if head is None or DESCRIBES_BEFORE.search(text, max(0, head.start() - 30), head.start()):
        return False  # "GPT-3 is a model with …", "GPT-3, a model with …": the name's
    end = quantity.span.end - base
    return not any(m.via not in ("reference", UNKNOWN) and (
        head.start() <= m.span.start - base < start
        # "a model with 175 billion parameters, GPT-3", "… parameters called GPT-3"
        or NAMED_AFTER.fullmatch(text, end, m.span.start - base)) for m in mentions)


KIN_BEFORE = patterns.compile(
    r"\b(?:its|their|his|her)\s+(?:(?:own|two|three|much|far|even)\s+)?"
    r"(?:smaller|larger|bigger|older|earlier|previous|newer|lighter|heavier|other|sister|sibling)\s+"
    r"(?:[\w-]+,?\s+){0,3}$", re.I)
KIN_AFTER = patterns.compile(
    r"[\w-]*(?:\s+[\w-]+){0,2}?\s+(?:siblings?|models?|versions?|variants?|cousins?|predecessors?|successors?"
    r"|sister\s+\w+|machines?|systems?)\b", re.I)
KIN_WORDS = ("its ", "their ", "his ", "her ", "Its ", "Their ")


def _kin_owner(part: SentenceParts, quantity: Quantity) -> bool:
    """"alongside the launch of its smaller eight- and 70-billion parameter siblings,
    Meta's Llama 3.1 405B …": a figure describing a thing's smaller (larger, older, other)
    kin — the noun after the figure says so: "siblings", "models", "versions" — is theirs,
    not the thing's ("its previous score of 0.174 Eflop/s" is its own); they are not
    named, so the owner is unknown."""
    text = part.sentence.text
    if not folding.holds_any(text, KIN_WORDS):
        return False
    start = quantity.span.start - part.sentence.span.start
    return (KIN_BEFORE.search(text, max(0, start - 70), start) is not None
            and KIN_AFTER.match(text, quantity.span.end - part.sentence.span.start) is not None)


WORLD_SCOPE_AFTER = patterns.compile(
    r"(?:['’]s)?\s+(?:(?:\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\s-]+)?"
    r"(?:largest|biggest|fastest|most|top|leading|greatest|best|highest|richest|first|No\.|number)\b", re.I)


def _world_as_scope(sentence: Sentence, ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"China, as the world's second largest economy, will see a 26 per cent boost": the
    world there is the scope of a superlative that describes another name, not a figure's
    owner. Kept last, after the sentence's other names."""
    text, base = sentence.text, sentence.span.start
    scope = [m for m in ordered if m.kind == "world" and WORLD_SCOPE_AFTER.match(text, m.span.end - base)]
    return (*(m for m in ordered if m not in scope), *scope) if scope else ordered


def _own_clause_subject(part: SentenceParts, quantity: Quantity,
                        ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"Japan storms into the list; India reduced to just two entries", "Denmark fell, while
    Ireland rose to 4th": a clause cut off from the rest ("; ", "while", "but", …) that
    names a subject of its own before the figure keeps the figure to it. The other
    clauses' names are not its owner, even when the tables know them and not it."""
    start, end = _clause_bounds(part.sentence, quantity)
    if start == part.sentence.span.start and end == part.sentence.span.end:
        return ordered  # one clause: nothing to keep out
    own = any(m.via not in ("reference", "object") and start <= m.span.start and m.span.end <= quantity.span.start
              for m in ordered)
    if not own:
        return ordered
    return tuple(m for m in ordered if start <= m.span.start < end)


SET_AGAINST = (r"(?:ahead\s+of|behind|second\s+only\s+to|trail(?:s|ed|ing)?|than|beating|besting|outpacing|"
               r"outperform(?:s|ed|ing)?|surpassing|overtaking|unlike|in\s+contrast\s+to|contrary\s+to)")
"""Words that set the names after them against the sentence's subject."""
COMPARED_NAME_BEFORE = patterns.compile(
    r"\b" + SET_AGAINST + r"\s+(?:the\s+|its\s+)?"
    r"(?:[\w’'-]+\s+){0,2}$"
    r"|\bthan\s+(?:[\w’'-]+[\s,]+){0,5}?(?:such\s+as|like|including)\s+$", re.I)
"""A name set against the subject: "well ahead of the second-placing Frontier", "fourth
behind Singapore", "second only to the US", "more text than some older models, such as
GPT-3"."""
COMPARED_LIST_BEFORE = patterns.compile(
    r"\b" + SET_AGAINST + r"\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){1,12}$")
"""A later name of a list set against the subject: "Surpassing South Korea, France, Japan,
…": each name of the list is compared, not only the first."""
LIST_CLOSED = patterns.compile(r"\b(?:and|or)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*,\s*$")
"""A list that ended before the name: "… India and France, Saudi Arabia": the name after
the list's last item and its comma is the sentence's subject."""
COMPARED_NAME_WORD = patterns.compile(
    r"\b(?:ahead\s+of|behind|second\s+only\s+to|trail(?:s|ed|ing)?|than|beating|besting|outpacing|"
    r"outperform(?:s|ed|ing)?|surpassing|overtaking|between|exceed(?:s|ed|ing)?|outstrip(?:s|ped|ping)?|"
    r"rival(?:s|led|ed|ling|ing)?|on\s+par\s+with|comparable\s+to)\b", re.I)
"""After the figure, the words that set the names after them against the subject; "between"
too: "dropped to the 38th spot, between Slovenia and Portugal" names the neighbours."""
COMPARED_RIGHT_BEFORE = patterns.compile(
    r"\b(?:ahead\s+of|behind|trail(?:s|ed|ing)?|beating|besting|outpacing)\s+(?:just\s+)?(?:the\s+)?$", re.I)
"""The comparison word right before the name ("just ahead of Thailand"), not a few words
back ("Ahead of Taiwan was the US": the US is the subject)."""
IN_PLACE_AFTER = patterns.compile(r"\s*(?:in|at|on|with)\s")
"""A compared name's figure attached by "in"/"at" ("behind Singapore in first")."""
ATTACHED_AFTER = patterns.compile(r"\s*(?:(?:in|at|on|with)\s+(?:the\s+)?|,\s*|['’]s?\s+(?:[\w-]+\s+){0,2}?|\(\s*|,?\s*(?:which|who|that)\b[^,;()]*)?")
"""What may stand between a compared name and a figure that is still its own: "behind
Singapore in first", "ahead of Australia, 22nd", "ahead of China's 28", "ahead of Frontier (second)", "behind Aurora, which posted"."""


POSSESSED_GAP = patterns.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+){1,3}?(?:of|at|was|is|stood\s+at|reached|hit)\s+"
    r"(?:(?:about|around|roughly|some|just|only|nearly|almost|over)\s+)?")


def _possessor_first(part: SentenceParts, quantity: Quantity,
                     ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"U.S. organizations released 37 LLMs, slightly surpassing China's count of 28": a
    figure that a name's possessive introduces ("X's count of N", "X's score was N") is
    X's, even when X is what the subject is compared with."""
    text, base = part.sentence.text, part.sentence.span.start
    for m in ordered:
        if m.via != "reference" and m.span.end <= quantity.span.start \
                and POSSESSED_GAP.fullmatch(text, m.span.end - base, quantity.span.start - base):
            own = EntityMention(m.span, m.entity, m.kind, "name" if m.via == "compared" else m.via)
            return (own, *(o for o in ordered if o is not m))
    return ordered


def _compared_names(part: SentenceParts, quantity: Quantity,
                    ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"it measures 1.742 exaflops, well ahead of the second-placing Frontier", "has dropped
    to fourth behind Singapore in first": a name the subject is compared with is not the
    owner of the subject's figure. It is marked ``compared`` and put last: after the figure
    always; before it too, unless the figure is attached to it ("Singapore in first")."""
    text, base = part.sentence.text, part.sentence.span.start
    q = quantity.span
    kept, compared = [], []
    for m in ordered:
        at = m.span.start - base
        if m.via == "object" and m.span.start >= q.end:
            # "has 530 billion parameters, surpassing GPT-3": the rival a verb after the
            # figure names is what the subject's figure is set against
            compared.append(EntityMention(m.span, m.entity, m.kind, "compared"))
            continue
        if m.via in ("reference", "object"):
            kept.append(m)
            continue
        if m.span.start >= q.end:
            # "fourth behind Singapore in first, Switzerland in second": the whole list after
            # the comparison word is compared
            hit = COMPARED_NAME_WORD.search(text, q.end - base, at)
        else:
            hit = COMPARED_NAME_BEFORE.search(text, max(0, at - 45), at) or COMPARED_LIST_BEFORE.search(
                text, max(0, at - 200), at)
            if hit and LIST_CLOSED.search(hit.group(0)):
                hit = None  # "Surpassing Japan, India and France, Saudi Arabia came 24th": the list ended
            attached = ATTACHED_AFTER.fullmatch(text, m.span.end - base, q.start - base) if hit else None
            if attached and (not IN_PLACE_AFTER.match(attached.group(0)) or not COMPARED_RIGHT_BEFORE.search(
                    hit.group(0)) or any(o.kind == quantity.kind and o.span.end <= base + hit.start()
                                         for o in part.quantities)):
                # "ahead of Australia, 22nd", "ahead of Frontier (second)": the compared
                # name's own figure. "fourth behind Singapore in first" too: the subject has
                # its own figure before; but "Malaysia finished just ahead of Thailand in 22nd
                # place" gives the subject's only figure
                hit = None
        if hit:
            compared.append(EntityMention(m.span, m.entity, m.kind, "compared"))
        else:
            kept.append(m)
    return (*kept, *compared) if compared else ordered


FIGURE_VERSUS_BEFORE = patterns.compile(
    r"\d[\d,.]*(?:\s*(?:%|per\s*cent|percent|million|billion|trillion|[a-z]+))?\s*"
    r"(?:versus|vs\.?|v\.|against|compared\s+(?:with|to))\s+(?:just\s+|only\s+)?$", re.I)


def _versus_second(part: SentenceParts, quantity: Quantity,
                   ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"China now has more machines than the US: 202 versus 143": the second figure of a
    pair set "versus" the first is the compared name's (the US's), never the subject's; with
    no compared name in the sentence it is no one's."""
    text, base = part.sentence.text, part.sentence.span.start
    rel = quantity.span.start - base
    if not folding.held(folding.folded(text)) & VERSUS_WORDS.mask \
            or not FIGURE_VERSUS_BEFORE.search(text, max(0, rel - 40), rel):
        return ordered
    after = [m for m in ordered if m.span.start >= quantity.span.end
             and VERSUS_OWNER_AFTER.fullmatch(text, quantity.span.end - base, m.span.start - base)]
    if after:
        return (after[0],)  # "202 systems versus 143 in the US"
    return tuple(EntityMention(m.span, m.entity, m.kind, "name") for m in ordered if m.via == "compared")


COMPARED_BRACKET_GAP = patterns.compile(r"(?:\s+[\w.’'-]+){1,4}\s*\((?:[^()]*\s)?")


def _bracket_of_compared(part: SentenceParts, quantity: Quantity,
                         ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"Mistral 7B outperforms Llama 1 to 34B (a 34 billion parameter model)": a bracket
    opened a few words after a compared name describes the thing those words name — the
    compared one, under a longer name no table holds —, never the subject: no one's figure."""
    text, base = part.sentence.text, part.sentence.span.start
    for m in ordered:
        if m.via in ("compared", "object") and m.span.end <= quantity.span.start and COMPARED_BRACKET_GAP.fullmatch(
                text, m.span.end - base, quantity.span.start - base):
            return ()
    return ordered


ACHIEVED_BY_AFTER = patterns.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:first\s+)?(?:achieved|attained|reached|posted|recorded|set|clocked|delivered|scored)"
    r"\s+by\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?")
"""After a figure, up to the name after "by": the participle that makes the figure that name's
past result ("the 415.5 petaflops achieved by Fugaku"); ``judge.verdicts`` matches its start
to keep such a figure from being called out of date."""


def _achieved_by(part: SentenceParts, quantity: Quantity, ordered, mentions):
    """"… is far above the 415.5 petaflops achieved by Fugaku": a figure a participle gives
    to a name after "by" is that name's, whoever the sentence's subject is."""
    text, base = part.sentence.text, part.sentence.span.start
    for m in mentions:
        if m.via not in ("reference", UNKNOWN) and m.span.start > quantity.span.end and ACHIEVED_BY_AFTER.fullmatch(
                text, quantity.span.end - base, m.span.start - base):
            return _first(EntityMention(m.span, m.entity, m.kind, "name"), ordered)
    return ordered


VERSUS_OWNER_AFTER = patterns.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:in|for|from|at|by)\s+(?:the\s+)?")
VERSUS_WORDS = folding.Words("versus", "vs", "v.", "against", "compared")
"""A word every match of ``FIGURE_VERSUS_BEFORE`` holds."""


THAN_THE = patterns.compile(r"\b(?:than|outperform(?:s|ed|ing)?|outpac(?:es|ed|ing)|outclass(?:es|ed|ing)|"
                            r"surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|tops?|topping)\s+(?:the|those|that)\s+(?:of\s+(?:the\s+)?)?$")
""""larger than the 7-billion-parameter models of Japan", "outperforms the 70 billion-parameter
model of Llama 2": the figure right after is the compared thing's."""


def _compared_with(sentence: Sentence, quantity: Quantity,
                   ordered: tuple[EntityMention, ...]) -> tuple[EntityMention, ...]:
    """"X is larger than the 7-billion-parameter models of Japan", "smaller than the 405
    billion parameters of Llama 3.1": a figure right after "than the" is the thing compared
    with, never the subject's own; it is the figure of a name after it, or of no one."""
    text, base = sentence.text, sentence.span.start
    rel = quantity.span.start - base
    if not THAN_THE.search(text, max(0, rel - 30), rel):
        return ordered
    return tuple(m for m in ordered if m.span.start >= quantity.span.end)


def _from_owner(text: str, base: int, quantity: Quantity, mention: EntityMention, between: str) -> bool:
    """"there are 226 Chinese machines on the list, 114 from America, and 30 from Japan": a
    count (no rank: "up to 5th from Japan's 7th" is a change) with "from" and a name that
    ends its list item is that name's figure."""
    return quantity.kind != "rank" and "from" in between and bool(FROM_OWNER.fullmatch(between)) \
        and bool(LIST_ITEM_END.match(text, mention.span.end - base))


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
    relative = RELATIVE_OF_UNKNOWN.search(text[:quantity.span.start - base]) \
        if folding.holds_any(text, RELATIVE_OF_UNKNOWN_WORDS) else None
    if relative:
        cut = base + relative.start()
        mentions = [m for m in mentions if m.span.start >= cut]
        if not mentions:
            return ()

    # "…replaces the K computer, which held the top spot in 2011": the figure of a relative
    # clause belongs to the name the clause hangs on, even a rival's.
    hung = RELATIVE_CLAUSE.search(text[:quantity.span.start - base]) \
        if folding.holds_any(text, RELATIVE_CLAUSE_WORDS) else None
    anchor = base + hung.start() if hung else None

    def key(mention: EntityMention) -> tuple:
        if anchor is not None and 0 <= anchor - mention.span.end <= 1:
            return (False, -2, 0)
        if mention.via == "object":
            if quantity.kind == "rank" and mention.span.end <= q.start and \
                    OBJECT_PLACE.fullmatch(text, mention.span.end - base, q.start - base):
                return (False, -1, 0)  # "to surpass Switzerland in second place": the rival's place
            return (True, 2, 0)  # a rival beaten or overtaken: its figure only when no one else fits
        outside = not (start <= mention.span.start < end)
        if mention.span.end <= q.start:
            return (outside, 0, q.start - mention.span.end)
        # "442 petaflops Fugaku": a name right after the figure is what the figure
        # describes; so is one right after "for"/"in" ("$3.7 trillion for North America").
        between = text[q.end - base:mention.span.start - base]
        if not outside and (len(between) <= 2 and not CLAUSE_MARK.search(between)
                            or FOR_IN.fullmatch(between) or _from_owner(text, base, quantity, mention, between)
                            or quantity.kind == "rank" and INVERTED_LEAD.fullmatch(between)):
            return (False, -1, 0)
        return (outside, 1, mention.span.start - q.end)

    return tuple(sorted(mentions, key=key))


DESCRIBED_SUBJECT = patterns.compile(r"^\s*The\s[^,;]{3,90}?,\s*((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*,\s+(?!and\b|or\b)[a-z]")
"""The subject of a sentence described before its name: "The leader of the 2022 edition,
Denmark, dropped…"; group 1 is the name."""
CURRENT_AFTER = patterns.compile(
    r"^\s*(?:on|in)\s+(?:this|the\s+(?:current|latest|newest|new))\s+(?:list|edition|ranking)\b", re.I)


PREVIOUS_BEFORE = patterns.compile(
    r"\b(?:its|their|the)\s+(?:previous|prior)\s+(?:HPL\s+)?(?:score|result|figure|mark|rank|ranking|position|place)"
    r"\s+(?:of\s+)?$", re.I)
PAST_RECORD_BEFORE = patterns.compile(
    r"\b(?:previous|prior|earlier|former|old|last)\s+(?:world\s+|efficiency\s+|performance\s+)?"
    r"(?:record|best|high|peak|top\s+score)\s+(?:of\s+|at\s+|was\s+|stood\s+at\s+)?$", re.I)
"""Before a figure that was a record: "MN-3's previous record of 29.70 GFlops/W", "its
earlier best of 21.1": a past figure, of some edition before the current one (which one,
unsaid unless named), so it may be confirmed, never called out of date."""
PAST_RECORD_WORDS = folding.Words("previous", "prior", "earlier", "former", "old", "last")
PREVIOUS_AFTER = patterns.compile(
    # ("dropped to fourth place from second on the previous list": the list is the "from"
    # figure's, never the one a "from" follows)
    r"^\s*(?:that\s+|which\s+)?(?:(?:the|this|that|it)\s+)?(?:(?!(?:from|than|against|versus)\b)\w+\s+){0,2}?"
    r"(?:on|in|from)\s+the\s+(?:previous|prior|last)\s+"
    r"(?:list|edition|ranking)\b", re.I)


TO_BEFORE = patterns.compile(r"\b(?:to|at)\s+(?:the\s+)?$", re.I)


TRAJECTORY_LINK = patterns.compile(r"^\s*(?:,\s*)?(?:to|and\s+(?:now|then)|then|and\s+finally|before|,)\s+(?:the\s+)?$", re.I)


def _trajectory(part: SentenceParts, out: dict) -> None:
    """"from 5th to 4th and now 3rd in 2020": a path of ranks. The time belongs to the last
    one; the earlier ones are from some earlier edition, which one unsaid."""
    text, base = part.sentence.text, part.sentence.span.start
    ranks = [q for q in part.quantities if q.kind == "rank"]
    if not folding.held(folding.folded(text)) & FROM_WORDS.mask:
        return  # every path starts at "from"
    for i, first in enumerate(ranks):
        if not roles.FROM_BEFORE.search(text[max(0, first.span.start - base - roles.FROM_REACH):first.span.start - base]):
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


def _segments(part: SentenceParts, out: dict) -> None:
    """"released 2 LLMs in 2020 and 11 in 2021", "25th in 2019 and 33rd last year": with
    several figures and several years in one clause, each figure takes the years that
    follow it, up to the next figure."""
    dated = [t for t in part.times if t.kind in ("point", "month", "in_month", "by")
             or t.kind == "relative" and t.years == 1 and t.offset is not None]
    if len(dated) < 2 or len(part.quantities) < 2:
        return
    qs = sorted(part.quantities, key=lambda q: q.span.start)
    held_by_later = True  # every year so far (from the end) is held by the figure it follows
    seen_owner = False
    for i in range(len(qs) - 1, -1, -1):
        q = qs[i]
        stop = qs[i + 1].span.start if i + 1 < len(qs) else part.sentence.span.end
        own = [t for t in dated if q.span.end <= t.span.start < stop]
        if own and all(t in out[q.span] for t in own):
            out[q.span] = [t for t in out[q.span] if t not in dated or t in own]
            seen_owner = True
        elif not own and seen_owner and held_by_later and dated[0].span.start >= q.span.end:
            # "rose to 25th, up from 30th in 2023 and 33rd in 2022": every year is one of
            # the later figures' own, so the first figure is of none of them (the edition
            # the passage is about).
            out[q.span] = [t for t in out[q.span] if t not in dated]
        if own and not all(t in out[q.span] for t in own):
            held_by_later = False  # a year the figure does not hold: the run is not one of pairs


TITLE_BEFORE = patterns.compile(
    r"^\s*(?:place|position|spot)?\s*(?:in|on)\s+(?:the\s+|its\s+)?(?:[A-Z][\w’'-]*\s+){1,6}?"
    r"(?:Ranking|Rankings|Index|List|Report|Survey)\s+$")
"""A year in a ranking's title after a "from" figure: "to 27th from 24th in the World
Digital Competitiveness Ranking 2018" names the edition of the change's current figure."""
TO_PARTNER = patterns.compile(
    r"\s*(?:place|position|spot)?\s*(?:,\s*)?"
    # ("from 33rd place fell to 40th": a move's verb between the pair)
    r"(?:(?:fell|dropped|slipped|slid|sank|rose|climbed|jumped|moved|went|declined|improved|advanced|"
    r"has\s+(?:fallen|dropped|slipped|risen|climbed|jumped|moved))\s+(?:down\s+|up\s+)?)?"
    r"to\s+(?:the\s+)?", re.I)


def _is_baseline(text: str, base: int, t: TimeExpr) -> bool:
    """Is ``t`` what a change is measured against ("compared to the 2021 ranking")?"""
    return t.kind in ("relative", "point", "month") and bool(
        BASELINE_BEFORE.search(text[max(0, t.span.start - base - 25):t.span.start - base]))


def _baselines(part: SentenceParts, out: dict) -> None:
    """"Japan placed 29th, sliding one notch from last year": a time after "from"/"than"
    with no figure of its own is what a change is measured against, so it is no figure's
    period — except "from last year's 30th", where it is that figure's."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.held(folding.folded(text)) & BASELINE_WORDS.mask:
        return
    for t in part.times:
        if not _is_baseline(text, base, t):
            continue
        owner = next((q for q in part.quantities
                      if 0 <= q.span.start - t.span.end <= 3
                      and POSSESSIVE_GAP.fullmatch(text[t.span.end - base:q.span.start - base])
                      or 0 <= q.span.start - t.span.end <= 30
                      and DATED_PLACE_GAP.fullmatch(text[t.span.end - base:q.span.start - base])), None)
        owner = owner or _sourced_by_edition(part, t)
        for q in part.quantities:
            if q is owner:
                out[q.span] = [t]
            else:
                out[q.span] = [x for x in out[q.span] if x is not t]


SOURCE_EDITION_GAP = patterns.compile(r"\s*,?\s*from\s+(?:the\s+|its\s+|their\s+)?", re.I)
SOURCE_EDITION_AFTER = patterns.compile(
    r"\s+(?:[A-Z][\w.-]*\s+){0,3}?(?:list|lists|edition|ranking|rankings|index|report|study|survey|yearbook)\b",
    re.I)


def _sourced_by_edition(part: SentenceParts, t: TimeExpr):
    """"its previous record of 29.70 GFlops/W from the June 2021 Green500 list", "a score
    of 71.2 from the 2022 edition": a time between "from" right after a figure and the
    name of a list or edition names the edition the figure comes from — the figure's own
    period, not a baseline (as "climbed three places from the 2022 edition" is, where
    the figure is a change: its steps' unit stands between)."""
    text, base = part.sentence.text, part.sentence.span.start
    if not SOURCE_EDITION_AFTER.match(text, t.span.end - base):
        return None
    for q in part.quantities:
        if q.span.end <= t.span.start and SOURCE_EDITION_GAP.fullmatch(text, q.span.end - base, t.span.start - base):
            before = text[max(0, q.span.start - base - roles.FROM_REACH):q.span.start - base]
            return None if roles.AMOUNT_BEFORE.search(before) or roles.FROM_BEFORE.search(before) else q
    return None


COMPARED_BEFORE = patterns.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+"
                                   r"(?:the\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+)?$", re.I)
"""Before a figure set against another: "compared with 11", "compared to America's 143"."""


def _compared(part: SentenceParts, out: dict) -> None:
    """"two models in 2020, compared with 11 in the US", "Back then, it had 202 entries,
    compared to America's 143": a figure set against an earlier one with no time of its
    own is for the same period as that one."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.held(folding.folded(text)) & COMPARED_WORDS.mask:
        return
    for i, q in enumerate(part.quantities):
        if out[q.span] or not COMPARED_BEFORE.search(text[max(0, q.span.start - base - 40):q.span.start - base]):
            continue
        earlier = [o for o in part.quantities[:i] if o.kind == q.kind]
        if earlier:
            dated = [t for t in out[earlier[-1].span] if t.kind in ("point", "month", "earlier")]
            if dated:
                out[q.span] = dated


COMPARED_FIGURE_BEFORE = patterns.compile(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.?|against"
    r"|previous\s+(?:position|place|rank|ranking|spot|standing)\s+(?:of|at))\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _compared_own_times(part: SentenceParts, out: dict) -> None:
    """"finished 28th of 63, compared to 35 in the 2019 edition, an improvement of seven
    places", "jumped seven spots from its previous position of 24th in 2022": a time right
    after the figure set against the subject's, or after its previous place (before any
    other figure), is that figure's alone; the others, the change among them, are not of it."""
    text, base = part.sentence.text, part.sentence.span.start
    if len(part.quantities) < 2 or not folding.held(folding.folded(text)) & COMPARED_FIGURE_WORDS.mask:
        return
    starts = [q.span.start for q in part.quantities]
    owner: dict = {}  # each such time → the figure it is the own time of
    for i, q in enumerate(part.quantities):
        if not COMPARED_FIGURE_BEFORE.search(text, max(0, q.span.start - base - 40), q.span.start - base):
            continue
        reach = min(q.span.end + 40, starts[i + 1] if i + 1 < len(starts) else q.span.end + 40)
        own = [t for t in out[q.span] if q.span.end <= t.span.start <= reach and t.kind != "event"]
        for t in own:
            owner[t] = q.span
        if own:
            out[q.span] = own
    if owner:
        for q in part.quantities:
            out[q.span] = [t for t in out[q.span] if owner.get(t, q.span) == q.span]


OWN_CLAUSE_WORDS = ("which", "who", "when", "it ", "they ", "ing ")  # as written
RELATIVE_SPAN = patterns.compile(r",\s*(?:which|who)\b[^,;()]*(?:,|$)")
"""A relative clause set off by commas: "Fugaku, which led the list from June 2020 to
November 2021, held on to fourth place"."""
WHEN_AFTER = patterns.compile(r"^\s*,\s*when\s+[^,;()]{0,60}$", re.I)
SPLICE = patterns.compile(r",\s+(?:it|they)\s+(?:had|has|was|were)\b")
PARTICIPLE = patterns.compile(r",\s+(?!according\b)[a-z]+ing\b")
"""A participle clause after a comma: ", having ranked 28th in 2023", ", recovering from
its previous 7th position in 2021"."""


SAME_AS_WORDS = folding.Words("consistent", "line", "level", "par", "unchanged", "same", "stuck", "steady", "flat")
SAME_AS_BEFORE = patterns.compile(
    r"\b(?:consistent\s+with|in\s+line\s+with|level\s+with|on\s+par\s+with|unchanged\s+(?:from|since|on)|"
    r"(?:the\s+)?same\s+as|stuck\s+with|steady\s+(?:from|since|on)|flat\s+(?:from|since|on))\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:(?:results?|score|figure|level|mark)s?\s+(?:from|of)\s+)?$", re.I)
"""Before a time a figure is said to equal: "stayed consistent with last year's results
with 16.0", "unchanged from 2020 at 442", "stuck with the results from last year"."""


def _same_as(part: SentenceParts, out: dict) -> None:
    """"Fugaku stayed consistent with last year's results with 16.0 petaflops": a time the
    figure is said to equal is what it is compared with, not its date; the figure is said
    of now (and then), so it is checked against the current edition."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.held(folding.folded(text)) & SAME_AS_WORDS.mask:
        return
    for t in part.times:
        if t.kind in ("point", "relative", "month") and SAME_AS_BEFORE.search(
                text, max(0, t.span.start - base - 60), t.span.start - base):
            for q in part.quantities:
                if t in out[q.span]:
                    out[q.span] = [o for o in out[q.span] if o is not t]


def _own_clauses(part: SentenceParts, out: dict) -> None:
    """A clause with a time of its own keeps it, and its figures keep to it:
    - "Denmark, which came fourth last year, took the top place": the figure of a relative
      clause that names a time takes that time; the figures outside do not (with no time
      of their own, they may be of then or now: confirmed, never flagged);
    - "its best since 2021, when it was second": a figure of a "when" clause is of the
      year the clause hangs on (a point, whatever word led the year);
    - "fell to 10th, it had been 3rd in 2019": the time of a clause spliced on after a
      comma is not the earlier figure's."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.holds_any(text, OWN_CLAUSE_WORDS) or not part.times:
        return
    baseline_words = folding.held(folding.folded(text)) & BASELINE_WORDS.mask
    for m in RELATIVE_SPAN.finditer(text):
        a, b = base + m.start(), base + m.end()
        inside = [t for t in part.times if a <= t.span.start < b and t.kind != "event"]
        if not inside:
            continue
        # How many of the clause's figures hold each of its times (counted once per clause).
        held = Counter(t for q in part.quantities if a <= q.span.start < b for t in set(out[q.span]))
        for q in part.quantities:
            if a <= q.span.start < b:
                # "Thailand, which climbed to 30th place from 33rd in 2022": a time another
                # figure of the clause holds (the change's start) is not this one's.
                own = [t for t in out[q.span] if a <= t.span.start < b]
                # Nor is a time the clause measures its change against ("lost three places
                # compared to the 2021 ranking"), which ``_baselines`` took from its figures.
                out[q.span] = own or [t for t in inside if not held[t] and not (
                    baseline_words and _is_baseline(text, base, t))]
            else:
                kept = [t for t in out[q.span] if not a <= t.span.start < b]
                if len(kept) < len(out[q.span]) and not kept:
                    # "Fugaku, which topped the list in June 2020, delivered 415.5
                    # petaflops": then or now, unsaid; any edition may confirm the
                    # figure, none may flag it.
                    kept = [TimeExpr(inside[0].span, inside[0].text, "earlier")]
                out[q.span] = kept
    for q in part.quantities:
        for t in part.times:
            if t.start and t.span.end <= q.span.start and t.kind in ("point", "since", "by", "month") \
                    and WHEN_AFTER.match(text[t.span.end - base:q.span.start - base]):
                kind = "month" if t.kind == "month" else "point"
                out[q.span] = [TimeExpr(t.span, t.text, kind, start=t.start, end=t.start, month=t.month)]
        out[q.span] = [t for t in out[q.span] if t.span.start < q.span.end
                       or not SPLICE.search(text[q.span.end - base:t.span.start - base])
                       and not _participle_own(part, q, t)]
        out[q.span] = _participle_times(part, q, out[q.span])


def _participle_times(part: SentenceParts, q, times: list) -> list:
    """"is 4th in 2018, having climbed from 9th to 5th in 2017": a figure of a participle
    clause with a time of its own keeps to that time, not the main clause's before it."""
    text, base = part.sentence.text, part.sentence.span.start
    m = None
    for m in PARTICIPLE.finditer(text, 0, q.span.start - base):
        pass
    if m is None:
        return times
    own = [t for t in times if t.span.start >= base + m.start()]
    return own if own and len(own) < len(times) else times


ASIDE_MARKS = ("(", "—", "–", "--", " - ")  # as written
ASIDE = patterns.compile(r"\((?P<p>[^()]{1,160})\)|\s(?:--|—|–|-)\s(?P<d>[^;—–]{1,160}?)\s(?:--|—|–|-)\s")
"""An aside between brackets or dashes: "Qatar — with an income of $100,000 in 2023 — was
ranked fourth", "ranked 9th (up from 12th in 2021)"."""


def _asides(part: SentenceParts, out: dict, asides: list[tuple[int, int]]) -> None:
    """A time inside an aside that holds a figure of its own (``_figure_asides``) is that
    figure's: the aside describes something else (the subject's income, an earlier rank),
    so the figures of the main clause do not take its time. ("ranked 9th (2023)": a
    bracketed year alone is no such aside, and stays the figure's edition.)"""
    for a, b in asides if part.times else ():
        inside = [t for t in part.times if a <= t.span.start < b]
        if not inside:
            continue
        for q in part.quantities:
            if not a <= q.span.start < b:
                out[q.span] = [t for t in out[q.span] if t not in inside]


RANK_NOUN_BEFORE = patterns.compile(r"\b(?:[Rr]anks?|[Pp]laces|[Ss]pots|[Pp]ositions)\s+(?:\d{1,3}\s*(?:,\s*(?:and\s+)?|and\s+|&\s*))*$")
HELD_BY_AFTER = patterns.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\d{1,3})*\s+(?:(?:are|is|were|was)\s+)?"
    r"(?:(?:held|occupied|taken|claimed|filled|won)\s+)?by\s+(?:the\s+)?", re.I)


def _framed(part: SentenceParts, quantity: Quantity, before: re.Pattern, after: re.Pattern) -> int | None:
    """Where (document offset) the words after the figure's ``after`` marker begin, when
    ``before`` ends right before the figure (within 40 characters): "are held by", "give
    up … to", "pushed down to … by". None otherwise."""
    text, base = part.sentence.text, part.sentence.span.start
    start = quantity.span.start - base
    if not before.search(text, max(0, start - 40), start):
        return None
    marker = after.match(text, quantity.span.end - base)
    return base + marker.end() if marker else None


def _held_by(part: SentenceParts, quantity: Quantity, ordered, mentions):
    """"Ranks 1, 2 and 3 are held by systems from the USA, and rank 4 by a system from
    Japan": a place given by its number is whatever the words after "by" name. A name there
    owns it; a description ("a system from Japan") leaves it without a known owner."""
    at = _framed(part, quantity, RANK_NOUN_BEFORE, HELD_BY_AFTER)
    if at is None:
        return ordered
    owner = _named_at(mentions, at)
    return _first(owner, ordered) if owner else ()


def _named_at(mentions, at: int) -> EntityMention | None:
    """The name (not a pointer back, not an unknown thing) that starts at document offset ``at``."""
    return next((m for m in mentions if m.via not in ("reference", UNKNOWN) and m.span.start == at), None)


def _first(owner: EntityMention, ordered) -> tuple:
    """``ordered`` with ``owner`` first."""
    return (owner, *(m for m in ordered if m != owner))


GAVE_UP_BEFORE = patterns.compile(
    r"\b(?:(?:give|gives|gave|given|giving)\s+up|lost|loses|lose|losing|ceded?|cedes|ceding|surrender(?:s|ed|ing)?|"
    r"relinquish(?:es|ed|ing)?|hand(?:s|ed|ing)?\s+over)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
GAVE_UP_TO = patterns.compile(r"\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?", re.I)


def _given_up_to(part: SentenceParts, quantity: Quantity, ordered, mentions):
    """"Switzerland had to give up the top position to Denmark": the place is now the
    name's after "to"; the subject held it before. Also says whether such a name was found."""
    at = _framed(part, quantity, GAVE_UP_BEFORE, GAVE_UP_TO)
    owner = _named_at(mentions, at) if at is not None else None
    return (_first(owner, ordered), True) if owner else (ordered, False)


PUSHED_BEFORE = patterns.compile(
    r"\b(?:pushed|knocked|bumped|relegated|forced|demoted|displaced|shoved|nudged|bounced|pushing|knocking|"
    r"bumping|relegating|forcing|displacing)\s+(?:[\w-]+\s+){0,2}?(?:(?:down|back)\s+)?(?:to|into)\s+"
    r"(?:the\s+)?(?:No\.\s*)?$", re.I)
PUSHED_BY_AFTER = patterns.compile(r"(?:\s+(?:place|spot|position))?\s*,?\s+by\s+", re.I)
CLAUSE_END = patterns.compile(r"[;.!?]|,\s+(?:while|but|whereas|and)\b")


def _pushed_by(part: SentenceParts, quantity: Quantity, ordered):
    """"the leader was finally pushed down to second by a new entrant also from China –
    the Sunway TaihuLight": the names after "by" are the agent that took the place above;
    the place is the subject's, so they are not its owner."""
    at = _framed(part, quantity, PUSHED_BEFORE, PUSHED_BY_AFTER)
    if at is None:
        return ordered
    base = part.sentence.span.start
    stop = CLAUSE_END.search(part.sentence.text, at - base)
    stop_at = base + stop.start() if stop else part.sentence.span.end
    return tuple(m for m in ordered if not at <= m.span.start < stop_at)


SHARED_TOP = patterns.compile(rf"(?:{numbers.TOPPED_VERBS})\b", re.I)
SUBJECT_TO_VERB = patterns.compile(r"\s*(?:(?:all|jointly|together|again|once\s+again|also)\s+)?")


def _listed_subject(part: SentenceParts, quantity: Quantity, mentions: list[EntityMention]) -> bool:
    """Is the subject of a "topped"/"led" figure a list of names ("Switzerland, Singapore
    and Hong Kong topped the latest rankings")? Then the verb places them at the top
    together, and no one of them first."""
    text, base = part.sentence.text, part.sentence.span.start
    named = [m for m in mentions if m.via not in ("reference", "object") and m.span.end <= quantity.span.start]
    if len(named) < 2 or not SUBJECT_TO_VERB.fullmatch(text, named[-1].span.end - base, quantity.span.start - base):
        return False
    return bool(LIST_JOIN.fullmatch(text, named[-2].span.end - base, named[-1].span.start - base))


def _figure_asides(part: SentenceParts) -> list[tuple[int, int]]:
    """The asides of a sentence (brackets, dashes) that hold a figure of their own, as
    document offsets: "At 175 billion parameters, this was the largest model (Microsoft's
    Turing-NLG comes second at 17 billion)"."""
    text, base = part.sentence.text, part.sentence.span.start
    if len(part.quantities) < 2 or not folding.holds_any(text, ASIDE_MARKS):
        return []
    out = []
    for m in ASIDE.finditer(text):
        group = "p" if m.group("p") is not None else "d"
        a, b = base + m.start(group), base + m.end(group)
        if any(a <= q.span.start < b for q in part.quantities) and any(
                not a <= q.span.start < b for q in part.quantities):
            out.append((a, b))
    return out


def _aside_of_names(asides: list[tuple[int, int]], mentions: list[EntityMention]) -> dict[int, tuple[int, int]]:
    """For each name inside one of ``asides`` (``_figure_asides``; by where it starts), the
    aside: found once per sentence, so each figure then costs a look-up per name, however
    many asides there are."""
    if not asides:
        return {}
    starts = [a for a, _ in asides]
    out = {}
    for m in mentions:
        if m.via == "reference":
            continue
        at = bisect.bisect_right(starts, m.span.start) - 1
        if at >= 0 and m.span.start < asides[at][1]:
            out[m.span.start] = asides[at]
    return out


def _outside_asides(ordered, quantity: Quantity, aside_of: dict[int, tuple[int, int]]):
    """A name inside an aside with a figure of its own is that figure's owner, never the
    owner of a figure outside the aside."""
    q = quantity.span.start
    return tuple(m for m in ordered if m.via == "reference" or m.span.start not in aside_of
                 or aside_of[m.span.start][0] <= q < aside_of[m.span.start][1])


RELATIONAL_MARKS = ("'s ", "’s ")
RELATIONAL_AFTER = patterns.compile(
    r"['’]s\s+(?:sibling|twin|successor|predecessor|rival|cousin|sister|partner|replacement|neighbou?r)s?\b", re.I)
"""After a name, a relation that makes the thing meant another one: "Summit's sibling, the
Sierra supercomputer", "Fugaku's successor"."""


def _relations_last(part: SentenceParts, ordered):
    """"In second place is Summit's sibling, the Sierra supercomputer": a name whose
    relation is meant ("X's sibling") does not own the figure; it goes last."""
    text, base = part.sentence.text, part.sentence.span.start
    related = [m for m in ordered if m.via != "reference"
               and RELATIONAL_AFTER.match(text, m.span.end - base)]
    if not related:
        return ordered
    return (*(m for m in ordered if m not in related), *related)


DASH_MARKS = ("—", "–", "--", " - ")


def _appositives(part: SentenceParts, mentions: list[EntityMention]) -> list[tuple[EntityMention, int, int]]:
    """The dash asides of a sentence that hang on the name right before them and name no one
    themselves, with that name, as (name, start, end) in document offsets: "far behind the
    Netherlands — the leader of its group and 5th overall among 64 economies — and Norway"."""
    text, base = part.sentence.text, part.sentence.span.start
    if not folding.holds_any(text, DASH_MARKS):
        return []
    named = [m for m in mentions if m.via not in ("reference", UNKNOWN)]
    ends = {m.span.end - base: m for m in named}
    starts = sorted(m.span.start - base for m in named)
    out = []
    for m in ASIDE.finditer(text):
        if m.group("d") is None:
            continue
        a, b = m.start("d"), m.end("d")
        owner = ends.get(m.start()) or ends.get(m.start() - 1)  # the name, then a space or not
        at = bisect.bisect_left(starts, a)  # the first name from the aside's start on
        if owner is None or at < len(starts) and starts[at] < b:
            continue
        out.append((owner, base + a, base + b))
    return out


def _appositive_owner(appositives, quantity: Quantity, ordered):
    """A figure inside one of ``appositives`` (``_appositives``, in the order they stand)
    is the figure of the name the aside hangs on, not of the sentence's subject."""
    at = bisect.bisect_right(appositives, quantity.span.start, key=lambda x: x[1]) - 1
    if at >= 0 and quantity.span.start < appositives[at][2]:
        return _first(appositives[at][0], ordered)
    return ordered


def _pair_in_series(part: SentenceParts, q) -> bool:
    """"fell from 20th to 27th in X, 29th to 31st in Y and 18th to 20th in Z": after a
    "from N to M" pair, each later "N to M" pair is a change too, its first figure the
    previous edition's."""
    text, base = part.sentence.text, part.sentence.span.start
    qs = part.quantities
    i = qs.index(q)
    if i < 2 or i + 1 >= len(qs) or not TO_PARTNER.fullmatch(text[q.span.end - base:qs[i + 1].span.start - base]):
        return False
    return any(roles.FROM_BEFORE.search(text[max(0, o.span.start - base - roles.FROM_REACH):o.span.start - base])
               and TO_PARTNER.fullmatch(text[o.span.end - base:qs[j + 1].span.start - base])
               for j, o in enumerate(qs[:i - 1]))


def _participle_own(part: SentenceParts, q, t: TimeExpr) -> bool:
    """"ranked 20th out of 67, having ranked 28th in 2023": a time after a figure of its
    own in a participle clause spliced on after a comma is that figure's, not the one
    before the comma."""
    text, base = part.sentence.text, part.sentence.span.start
    m = PARTICIPLE.search(text, q.span.end - base, t.span.start - base)
    return m is not None and any(base + m.end() <= o.span.start and o.span.end <= t.span.start
                                 for o in part.quantities)


def _change_end(start, times: list) -> TimeExpr | None:
    """"climbed from 20th to 15th in last year's edition", "rose from 9th to 5th in 2019",
    "in 2019 it rose from 9th to 5th": the one time of a "from A to B" change that is not
    A's own dates where the change ended, B; A is of the edition before that one (not the
    one before the article's). Kept in ``start`` (a year) or ``offset`` (years before the
    article's date)."""
    ends = [t for t in times if t.kind in ("point", "edition") and t.start
            or t.kind == "relative" and t.years == 1 and t.offset]
    after = [t for t in ends if t.span.start >= start.span.end]
    ends = after or ends  # "is 4th in 2018, having climbed from 9th to 5th in 2017"
    if len(ends) != 1:
        return None
    t = ends[0]
    if t.kind == "relative":
        return TimeExpr(t.span, f"the edition before {t.text}", "previous", offset=t.offset)
    return TimeExpr(t.span, f"the edition before {t.start}'s", "previous", start=t.start)


OPENING_TIME_END = patterns.compile(r"[,;:]")


# "The year 2020 saw two models. The following year, both released 30": a year named only by
# its distance from the one an earlier sentence of the paragraph named.
ANAPHORIC_YEAR = patterns.compile(
    r"^(?:the\s+(?P<next>following|next)\s+year|the\s+year\s+after|(?:that\s+)?(?P<same>same|that)\s+year"
    r"|(?P<n>a|one|two|three|four|five|six|\d)\s+years?\s+later)$", re.I)


def _last_year(times: list[TimeExpr], year: int | None) -> int | None:
    """The year a sentence names last (a year, a month, a span's end), else ``year``."""
    for t in reversed(times):
        if t.kind in ("point", "month", "span", "by", "since", "edition") and (t.end or t.start):
            return t.end or t.start
    return year


def _anaphoric_years(part: SentenceParts, year: int) -> SentenceParts:
    """The sentence with "the following year", "that same year", "two years later" read as
    the year they count from: the last one named before them in the sentence, else the
    last one the article named before the sentence (``year``: news paragraphs are often one
    sentence long)."""
    times = []
    for t in part.times:
        m = ANAPHORIC_YEAR.match(" ".join(t.text.split())) if t.kind == "earlier" else None
        if m is None:
            times.append(t)
            continue
        n = m.group("n")
        step = 1 if m.group("next") or n and n.lower() == "a" else 0 if m.group("same") else int(numbers.word_value(n))
        # ("In 2020 it was fifth and the following year third": the sentence's own year first)
        base = _last_year([e for e in part.times if e.span.end <= t.span.start], year)
        times.append(TimeExpr(t.span, t.text, "point", start=base + step, end=base + step))
    return SentenceParts(part.sentence, part.sources, times, part.entities, part.quantities)


def _opening_times(part: SentenceParts) -> list[TimeExpr]:
    """The times of a sentence's opening phrase ("In 2019,", "Back in May, a mere six
    months ago,"): the words before its first comma after a time that opens the sentence,
    with no figure among them."""
    if not part.times:
        return []
    text, base = part.sentence.text, part.sentence.span.start
    first = part.times[0]
    if first.span.start - base > 12 or not OPENING_TIME_LEAD.fullmatch(text, 0, first.span.start - base):
        return []
    cut = OPENING_TIME_END.search(text, first.span.end - base)
    if cut is None or (part.quantities and base + cut.start() > part.quantities[0].span.start):
        # "A year ago the US led with 200 systems, while China had 108": a time opening
        # the sentence with no comma of its own still frames every clause after it
        if first.kind not in UNCOMMAED_OPENING_KINDS or not first.span.start == base + OPENING_TIME_LEAD.match(text).end():
            return []
        return [first]
    phrase_end = base + cut.start()
    following = OPENING_TIME_END.search(text, cut.end())
    # "Back in May, a mere six months ago,": a second time right after still opens it
    if following is not None and any(cut.end() + base <= t.span.start < base + following.start() for t in part.times) \
            and not any(cut.end() + base <= q.span.start < base + following.start() for q in part.quantities):
        phrase_end = base + following.start()
    if any(q.span.start < phrase_end for q in part.quantities):
        return []
    return [t for t in part.times if t.span.end <= phrase_end and t.kind != "event"]


UNCOMMAED_OPENING_KINDS = ("relative", "earlier")
"""The times that frame a whole sentence from its start without a comma: "A year ago",
"Two years earlier", "Back then" (a year or month might be the first clause's alone)."""

OPENING_TIME_LEAD = patterns.compile(r"\W*(?:(?:Until|Till|As\s+of|By|Since|Even|And|But|So|In|On|At|During|Back\s+in)\s+)?")


YEAR_DASH_BEFORE = patterns.compile(r"\bin\s+(?:19|20)\d\d\s*(?:[-–—:\ufffd]|\s-)\s*(?:the\s+)?$")
"""Right before a figure: "in 2015 – the 34th", "in 2016: 47th" (a dash a page's encoding
garbled into U+FFFD, "in 2015 \ufffd the 34th", is still a dash)."""


def _year_then_figure(part: SentenceParts, out: dict) -> None:
    """"(in 2014 – the 32nd place, in 2015 – the 34th, in 2016 – the 47th)": a year with a
    dash or colon right before a figure is that figure's, and no other figure's."""
    text, base = part.sentence.text, part.sentence.span.start
    if "in " not in text:
        return
    owned = {}
    for q in part.quantities:
        m = YEAR_DASH_BEFORE.search(text, max(0, q.span.start - base - 20), q.span.start - base)
        if m:
            owned[q.span] = next((t for t in part.times if t.span.start >= base + m.start()
                                  and t.span.end <= q.span.start), None)
    if not owned:
        return
    taken = {t.span for t in owned.values() if t is not None}
    for q in part.quantities:
        if owned.get(q.span) is not None:
            out[q.span] = [owned[q.span]]
        else:
            out[q.span] = [t for t in out[q.span] if t.span not in taken]


def _times_by_quantity(part: SentenceParts, asides: list[tuple[int, int]] | None = None) -> dict:
    """Which time expressions each figure of a sentence is about.

    A time counts for the figures of its own clause. In a change ("fell to 38th from 28th
    last year") a time right after the "from" figure is that figure's alone, and the other
    is the current value. In "from 27th to 32nd between 2020 and 2023" the span's first
    year goes with the first figure and its last year with the second.
    """
    text, base = part.sentence.text, part.sentence.span.start
    words = folding.held(folding.folded(text))
    has_from = words & FROM_WORDS.mask
    out = {}
    for q in part.quantities:
        start, end = _clause_bounds(part.sentence, q)
        out[q.span] = [t for t in part.times if start <= t.span.start < end]
    opening = _opening_times(part)
    if opening:
        # "Back in May, a mere six months ago, the US topped the table with 169 systems
        # while China had 160": an opening phrase of time frames every clause after it.
        for q in part.quantities:
            if not out[q.span] and q.span.start > opening[-1].span.end:
                out[q.span] = list(opening)
    _asides(part, out, _figure_asides(part) if asides is None else asides)
    _segments(part, out)
    _year_then_figure(part, out)
    _baselines(part, out)
    _compared_own_times(part, out)
    for i, q in enumerate(part.quantities) if has_from else ():
        before = text[max(0, q.span.start - base - roles.FROM_REACH):q.span.start - base]
        if not roles.FROM_BEFORE.search(before) and not _pair_in_series(part, q):
            continue
        # A time soon after the "from" figure, with no other figure between, is its own
        # ("from 2nd, which it enjoyed last year").
        later = [o.span.start for o in part.quantities if o.span.start > q.span.end]
        reach = min([q.span.end + 40, *later])
        bound = [t for t in out[q.span] if q.span.end <= t.span.start <= reach and t.kind != "event"]
        titled = [t for t in out[q.span] if q.span.end <= t.span.start
                  and TITLE_BEFORE.search(text[q.span.end - base:t.span.start - base])]
        bound = [t for t in bound if t not in titled]
        to_partner = any(o.span.start > q.span.end and TO_PARTNER.fullmatch(text[q.span.end - base:o.span.start - base])
                         for o in part.quantities)
        # "fell to 34th from 27th place this year": the end of the move (the figure just
        # before) came first
        ended_first = i > 0 and bool(roles.TO_THEN_FROM_BEFORE.search(
            text[max(0, part.quantities[i - 1].span.start - base - 8):q.span.start - base]))
        if ended_first and bound and all(t.kind in ("point", "month") and t.start for t in bound) \
                and all(t in bound for t in out[part.quantities[i - 1].span]):
            # "climbed to number two from number three in November 2018": a date after the
            # pair may be when the move happened (the end figure's, the start one edition
            # earlier) or when the start figure was held (the end figure now): either
            # reading confirms, neither flags.
            year = bound[0].start
            out[q.span] = [TimeExpr(bound[0].span, bound[0].text, "earlier", end=year + 1)]
            out[part.quantities[i - 1].span] = [TimeExpr(bound[0].span, bound[0].text, "later", start=year - 1)]
            continue
        if bound and _season_before_now(part, q, bound, out):
            # "increased from 202 last December to 206": a change to the current figure
            # starting at a month or season before the article's starts at the edition
            # before the current one.
            for other in part.quantities:
                out[other.span] = [t for t in out[other.span] if t not in bound]
            bound = [TimeExpr(q.span, "previous edition", "previous")]
        since = [t for t in part.times if t.kind == "since" and t.span.end <= q.span.start] if to_partner else []
        if not bound and since:
            # "the change since November 2015 is that China rose from 108 to 171": the
            # "from" figure is the one of the time the change is counted from
            t = since[-1]
            bound = [TimeExpr(t.span, t.text, "month" if t.month else "point", start=t.start, end=t.start, month=t.month)]
            for other in part.quantities:
                out[other.span] = [x for x in out[other.span] if x is not t]
            out[q.span] = bound
            continue
        if not bound and len(part.quantities) > 1 and (not out[q.span] or to_partner or titled or ended_first):
            # "fell to 31st from 28th": the "from" figure is the previous edition's.
            bound = [TimeExpr(q.span, "previous edition", "previous", end=titled[0].start if titled else None)]
            ended = _change_end(q, out[q.span]) if to_partner and not titled else None
            if ended is not None:
                bound = [ended]
            out[q.span] = bound
            if titled:
                continue  # the title's year stays the other figures' edition
        if bound:
            for other in part.quantities:
                if other is not q:
                    out[other.span] = [t for t in out[other.span] if t not in bound]
            out[q.span] = bound
    _trajectory(part, out)
    _compared(part, out)
    _same_as(part, out)
    _own_clauses(part, out)
    _dated_heads(part, out)
    described = DESCRIBED_SUBJECT.match(text)
    if described:
        # "The overall leader of the 2022 edition of the ranking, Denmark, dropped to fourth
        # place": a time in the words describing the subject dates the description, not
        # the figures said of the subject after its name.
        name_at = base + described.end(1)
        named = any(m.via != "reference" and m.span.start <= name_at <= m.span.end + 1
                    and m.span.start >= base + described.start(1) for m in part.entities)
        if named:
            for q in part.quantities:
                if q.span.start > name_at:
                    out[q.span] = [t for t in out[q.span] if t.span.start > name_at]
    may_current = words & CURRENT_WORDS.mask
    may_before = words & PREVIOUS_BEFORE_WORDS.mask
    may_after = words & PREVIOUS_AFTER_WORDS.mask
    for q in part.quantities if may_current or may_before or may_after else ():
        if may_current and CURRENT_AFTER.match(text[q.span.end - base:]):
            # "to 1.194 Eflop/s on this list, … after a stagnation between June 2022 and
            # November 2022": the figure is the current list's; the clause's dates are not.
            out[q.span] = []
        elif may_before and PREVIOUS_BEFORE.search(text[max(0, q.span.start - base - 40):q.span.start - base]) or \
                may_after and PREVIOUS_AFTER.match(text[q.span.end - base:]):
            # "in comparison to its previous score of 0.174 EFlop/s", "the 7.94 EFlop/s it
            # achieved on the previous list": the edition before the current one.
            out[q.span] = [TimeExpr(q.span, "previous edition", "previous")]
    for q in part.quantities if words & PAST_RECORD_WORDS.mask else ():
        if PAST_RECORD_BEFORE.search(text, max(0, q.span.start - base - 40), q.span.start - base) \
                and not any(t.kind in ("point", "month", "span") for t in out[q.span]):
            out[q.span] = [TimeExpr(q.span, "an earlier record", "earlier")]
    spans = [t for t in part.times if t.kind == "span"]
    same_kind = [q for q in part.quantities if q.kind == part.quantities[0].kind] if part.quantities else []
    if len(spans) == 1 and len(part.quantities) == 2 and len(same_kind) == 2:
        first, second = part.quantities
        between = text[first.span.end - base:second.span.start - base]
        if TO_BEFORE.search(between) and roles.FROM_BEFORE.search(text[max(0, first.span.start - base - roles.FROM_REACH):first.span.start - base]):
            span = spans[0]
            out[first.span] = [TimeExpr(span.span, span.text, "point", start=span.start, end=span.start)]
            out[second.span] = [TimeExpr(span.span, span.text, "point", start=span.end, end=span.end)]
    for q in part.quantities:
        if len(out[q.span]) > 1:
            out[q.span] = _restated_times(text, base, out[q.span])
    return {k: tuple(sorted(v, key=lambda t: t.span.start)) for k, v in out.items()}


def _restated_times(text: str, base: int, times: list) -> list:
    """"one year ago on the June 2022 listing", "a year earlier, in 2022": a relative time
    the next words restate as a date is that date; the date alone is kept."""
    dated = [t for t in times if t.kind in ("point", "month") and t.start]
    return [t for t in times if not (t.kind == "relative" and t.offset and any(
        d.span.start >= t.span.end and RESTATED_BY_DATE.fullmatch(text, t.span.end - base, d.span.start - base)
        for d in dated))]


RESTATED_BY_DATE = patterns.compile(r"\s*,?\s*(?:on|in|at|with|during)\s+(?:the\s+)?|\s*[,(–—-]\s*(?:in\s+)?")


def _respective_times(part: SentenceParts, respective: dict, times_of: dict) -> None:
    """"ranked 19th in 2017, then 14th and 10th in 2018 and 2019, respectively": the n-th
    figure of the list "respectively" refers to takes the n-th of as many years listed
    after the figures (before the word), each its own edition."""
    if not respective:
        return
    text, base = part.sentence.text, part.sentence.span.start
    size, last = next(iter(respective.values()))[1], max(v[3] for v in respective.values())
    said = base + numbers.RESPECTIVELY.search(text).start()
    listed = [t for t in part.times if last <= t.span.start < said and t.kind in ("point", "month")]
    if len(listed) != size:
        return
    for span, (i, *_rest) in respective.items():
        times_of[span] = (listed[i],)


DATED_HEAD = patterns.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:report|edition|list|ranking|rankings|survey|study|index|yearbook)\s*$",
    re.I)
"""The words between a time and the comma of a relative clause that describes a dated
publication: "last year's report, which cited …", "the 2021 edition, which put …"."""


def _dated_heads(part: SentenceParts, out: dict) -> None:
    """"continues from last year's report, which cited a decline from 18th to 23rd": the
    figures of a relative clause on a dated publication are that edition's; a change's
    starting figure there is of some edition before it, which one unsaid (confirm only)."""
    text, base = part.sentence.text, part.sentence.span.start
    if not part.times or "which" not in text:
        return
    baseline_words = folding.held(folding.folded(text)) & BASELINE_WORDS.mask
    for m in RELATIVE_SPAN.finditer(text):
        a, b = base + m.start(), base + m.end()
        head = next((t for t in part.times if t.span.end <= a and t.kind in ("relative", "point", "edition")
                     and (t.kind != "relative" or t.years == 1 and t.offset is not None)
                     and DATED_HEAD.match(text, t.span.end - base, m.start())), None)
        if head is None or any(a <= t.span.start < b for t in part.times):
            continue  # (a clause with a time of its own keeps it: see ``_own_clauses``)
        if head.kind == "edition":
            head = TimeExpr(head.span, head.text, "point", start=head.start, end=head.end)
        for q in part.quantities:
            if not a <= q.span.start < b:
                continue
            if roles.FROM_BEFORE.search(text[max(0, q.span.start - base - roles.FROM_REACH):q.span.start - base]):
                out[q.span] = [TimeExpr(q.span, "an edition before " + head.text, "earlier", end=head.start)]
            else:
                out[q.span] = [head]


SEASON_TIME = ("last ", "this past ")
"""How a month or season before the article's opens ("last December", "this past fall")."""


def _season_before_now(part: SentenceParts, q, bound: list, out: dict) -> bool:
    """Is ``q`` a "from" figure dated only by a past month or season ("from 202 last
    December") whose "to" figure right after it has no time of its own (the current one)?"""
    if not all(t.kind == "earlier" and t.text.lower().startswith(SEASON_TIME) for t in bound):
        return False
    text, base = part.sentence.text, part.sentence.span.start
    after = [o for o in part.quantities if o.span.start > q.span.end]
    if not after:
        return False
    partner = after[0]
    gap = text[q.span.end - base:partner.span.start - base]
    return (TO_PARTNER.fullmatch(gap[gap.find(bound[-1].text) + len(bound[-1].text):]) is not None
            and not any(t.kind != "event" and t.span.start > q.span.end for t in out[partner.span]
                        if t not in bound))

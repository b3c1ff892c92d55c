"""Find the entities a sentence names: countries (with aliases and demonyms), the World,
and the named things the tables declare (systems, models), tolerant of small misspellings.

Country names are matched case-sensitively ("US" the country, not "us" the pronoun);
misspellings are caught with rapidfuzz's Damerau-Levenshtein distance on capitalised
words that no alias matched exactly. "The nation" and "the country" are marked as
references, resolved to the passage's subject in ``subjects``.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

from .. import patterns
from . import aliasfind, trie
from ..dataclassgen import dataclass
from ..reference.library import Library
from ..model import EntityMention, Span

REFERENCE = patterns.compile(
    r"\b(?:the|The)\s+(?P<noun>nation|country|economy|kingdom|Kingdom|republic|Republic|city-state|emirate|machine|"
    r"computer|system|supercomputer|model|chatbot)(?:'s|’s)?"
    r"(?!\s+(?:of|with|that|which)\b)")
DESCRIPTION = patterns.compile(
    r"\b(?:the|The)\s+(?P<mods>(?:[\w-]+['’]s\s+|[\w-]+\s+){0,3}?)"
    r"(?P<noun>economy|country|nation|city-state|superpower|machine|system|supercomputer|computer|model)\s+"
    r"(?P<rel>(?:that|which)\s+)?(?P<verb>ranked|placed|listed|came|finished|fell|dropped|slipped|slid|rose|climbed|"
    r"jumped|moved|took|held|remained|stayed|is|was|sits|sat)\b")
"""A thing described, not named, as the subject of a rank's verb: "the world's biggest
economy fell to fourth", "the city-state rose to first", "the system that ranked
second", "that of the supercomputer ranked second"."""
DESCRIPTION_NOUNS = ("economy", "country", "nation", "city-state", "superpower", "machine", "computer",
                     "system", "model")  # as written
DESCRIBING_MOD = patterns.compile(r"['’]s\s|est\s|er\s")
"""A modifier that picks one thing out rather than pointing back: "world's", "biggest",
"larger" (not "the new system", "the same machine": those point back)."""
PREPOSITION_BEFORE = patterns.compile(r"\b(?:of|than|to|with|by|from|behind|over|for)\s+$")
REFERENCE_NOUNS = ("nation", "country", "economy", "ingdom", "epublic", "city-state", "mirate", "machine", "computer",
                   "system", "model", "chatbot")
"""A word every reference holds as written ("supercomputer" holds "computer")."""
REFERENCE_KINDS = {"nation": "economy", "country": "economy", "economy": "economy", "kingdom": "economy",
                   "republic": "economy", "city-state": "economy", "emirate": "economy", "machine": "system",
                   "computer": "system", "system": "system", "supercomputer": "system", "model": "model", "chatbot": "model"}

DEMONYM_THING = patterns.compile(
    r"\s+(?:machine|system|supercomputer|computer|model)(?:['’]s)?\b(?!\s+(?:[A-Z0-9]|called|named|dubbed|known))")
"""After a country's adjective, a single machine or model it describes ("the Swiss system",
"a Chinese supercomputer"), unless its name follows ("the Chinese supercomputer Sunway
TaihuLight", "a Japanese machine called Fugaku")."""

# Capitalised words that look like a misspelt country but are ordinary words.
NOT_FUZZY = {
    "Spanish", "Jordan", "Chinese", "Indiana", "Canadas", "Chile", "Chili", "Japanese", "Iranian",
    "Korean", "German", "Germans", "Jersey", "Georgia", "Turkey", "Indian", "Asian", "Asia",
    "Africa", "Polish", "Italic", "Greece", "France", "Franco", "Swiss", "Sweden", "Swede",
    "Malta", "Oman", "Omani", "Guinea", "Niger", "Nigeria", "Iceland", "Ireland", "Island",
    "Irish", "Inland", "Finish", "Finland", "Danish", "Dutch", "Russian", "Prussia",
    "Austria", "Australia", "Austrian", "Australian", "Slovenia", "Slovakia", "Latvia",
    "Lithuania", "Estonia", "Brazil", "Britain", "British", "Britons", "Mexico", "Monaco",
    "Morocco", "Canada", "China", "Japan", "India", "Korea", "Taiwan", "Thailand", "Thai",
}


CAPITALISED = patterns.compile(r"[A-Z](?<!\w[A-Z])[a-z]{4,}\b")
"""Words checked for a misspelt name: ``\b[A-Z][a-z]{4,}\b``, with the boundary before the
capital looked at after it (no word character before it), so that the pattern opens with
the capital and is searched for capitals only."""

FUZZY_MEMO = 20_000
"""Words whose closest name is remembered (a word recurs across sentences and articles)."""


_BLANKS = patterns.compile(r"[ \t]+")
_MAYBE_BLANKS = patterns.compile(r"[ \t]*")


def _fold(text: str) -> str:
    """Every run of spaces and hyphens one space, case kept. Most names have no such run
    but single spaces: they are given back as they are, without a regex substitution
    (the finder folds every name it knows when it is made)."""
    return text if aliasfind.folds_to_itself(text) else trie.SPACE_RUN.sub(" ", text)


@dataclass(frozen=True)
class _Alias:
    """One name of an entity, and how it names it."""

    text: str
    entity: str
    kind: str
    via: str


UNKNOWN = "unknown"
"""How a mention names a thing no table holds ("Frontier TDS" when only Frontier is known):
its entity is empty; ``claims`` lets it take a figure from the names around it. Its kind
is no table's: ``UNKNOWN_NAME`` for a name, ``DESCRIBED`` for a description ("the world's
biggest economy")."""
UNKNOWN_NAME = "unknown name"
DESCRIBED = "description"

SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "&"})


def _title_spellings(name: str) -> list[str]:
    """How press copy spells a name of several words: every word capitalised ("the K
    Supercomputer"), or every word but the small ones ("Frontier Test and Development
    System"); "&" written "and" and "and" written "&" in each."""
    words = name.split(" ")
    spellings = [" ".join(w[:1].upper() + w[1:] for w in words),
                 " ".join(w if w.lower() in SMALL_WORDS else w[:1].upper() + w[1:] for w in words)]
    if "&" in words or "and" in words:
        swap = {"&": "and", "and": "&"}
        spellings += [" ".join(swap.get(w, w) for w in s.split(" ")) for s in spellings]
    return spellings


GLUED_BEFORE = patterns.compile(r"(?<![\w-])([A-Z][\w]*)-$")
NAME_GOES_ON = patterns.compile(r"[ \t]+(?:[A-Z]|\d)")


ADJECTIVE_AFTER = patterns.compile(r"-(?:based|headquartered|born|made|built|owned|backed|funded|registered|listed)\b")
""""Switzerland-based IMD", "a US-built machine": the name is part of an adjective that
describes something else, never the owner of a figure (a thing of unknown owner: ``UNKNOWN``)."""


BRACKET_OPEN = patterns.compile(r"\s*\(\s*$")
BRACKET_CLOSE = patterns.compile(r"\s*\)")


def _bracketed_qualifier(text: str, start: int, end: int, named) -> bool:
    """"Hong Kong (China)", "Taiwan (China)": a name alone in brackets right after another
    name qualifies it (IMD labels some economies so); it is not a second economy."""
    if start == 0 or text[start - 1] not in "( " or not BRACKET_CLOSE.match(text, end):
        return False
    opening = BRACKET_OPEN.search(text, max(0, start - 3), start)
    return opening is not None and any(b == opening.start() or text[b:opening.start()].strip() == ""
                                       for a, b, _ in named if b <= opening.start())


def _in_adjective(text: str, end: int) -> bool:
    return end < len(text) and text[end] == "-" and bool(ADJECTIVE_AFTER.match(text, end))


def _located_in(text: str, start: int) -> bool:
    """Does the name stand after "based in", "located in", "headquartered in"?"""
    return start >= 9 and bool(LOCATED_BEFORE.search(text, max(0, start - 30), start))


LOCATED_BEFORE = patterns.compile(r"\b(?:based|headquartered|located)\s+in\s+(?:the\s+)?$", re.I)
""""the institute, based in Switzerland": where an organisation sits, as "Switzerland-based"
says; the country is no one's subject here."""


def _glued_to_unknown(text: str, start: int, known: dict) -> bool:
    """"Megatron-Turing Natural Language Generation": a name joined by a hyphen to a
    capitalised word before it that is no name the tables know is the tail of a longer,
    unknown name, not the name itself ("US-China" keeps China: "US" is known)."""
    if start < 2 or text[start - 1] != "-":
        return False
    glued = GLUED_BEFORE.search(text, max(0, start - 40), start)
    return bool(glued) and glued.group(1) not in known


NEXT_CAPITALISED = patterns.compile(r"[ \t]+([A-Z][\w&.-]*)")
GENERIC_HEADS = frozenset({"System", "Systems", "Supercomputer", "Computer", "Machine", "Model", "Models", "Chatbot",
                           "January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December", "I"})
"""Capitalised words after a name that do not make it another name: a kind's noun ("the
Summit Supercomputer"), a month, "I"."""
LOWER_WORD = patterns.compile(r"\b[a-z]{4,}\b")


def _goes_on_unknown(text: str, end: int, starts: set[int], free) -> bool:
    """"Frontier TDS", "a rack known as the Frontier Exascale Prototype": a system's or a
    model's name followed by another capitalised word that starts no name the tables know
    is the head of a longer, unknown name (another machine), not the name itself. Not in
    a sentence written in title case ("Frontier Keeps Top Spot"), nor before a kind's noun
    or a source ("Frontier Green500 result")."""
    m = NEXT_CAPITALISED.match(text, end)
    if m is None or m.start(1) in starts or m.group(1) in GENERIC_HEADS:
        return False
    if not free(m.start(1), m.end(1)):
        return False  # a source's name: "Frontier TOP500 …" is Frontier's
    return bool(LOWER_WORD.search(text))


VERSION_AFTER = patterns.compile(
    r"(?:[ \t]+|-)v?\d{1,2}(?:\.\d{1,2})?(?![\w%]|[.,]\d)(?![ \t]*(?:[A-Za-z/]*flops?\b|[A-Za-z/]*Flop|percent|per\b|"
    r"hundred|thousand|million|billion|trillion|bn\b|[kMGTPE]?W\b|watts?\b|times\b|x\b|points?\b|places?\b|"
    r"spots?\b|positions?\b|years?\b|months?\b|days?\b|hours?\b|of\b|out\b))", re.I)


VERSION_LETTER = patterns.compile(r"(?<=[\s-])[VR](?=\d)")
"""The version letter of a model's name ("DeepSeek V3", "DeepSeek-R1")."""
SIZE_AFTER = patterns.compile(r"(?:[ \t]+|-)\d{1,4}(?:\.\d)?[BM]\b")
"""A model size glued to a name: "LLaMA-13B", "Llama 3.1 70B"."""


def _version_after(text: str, end: int) -> bool:
    """"PaLM 2, according to internal documents, is trained on …", "Gemini 1.5", "GPT-4"
    when only "GPT" is known: a system's or a model's name followed by a version number is
    another version, a thing no table holds (a version the tables hold is matched whole,
    the longest name first). Not a figure after the name ("Frontier 1.1 exaflops")."""
    return end < len(text) and text[end] in " \t-" and bool(VERSION_AFTER.match(text, end))


def _name_goes_on(text: str, end: int) -> bool:
    """"Mistral Large 2": a capitalised word followed by another capitalised word or a
    number is part of a longer name, not a misspelling of a one-word product name
    ("Mixtral"): products differ by a letter. (A country's misspelling keeps its match.)"""
    return bool(NAME_GOES_ON.match(text, end))


def _descriptions(text: str, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``text`` describes a thing with no name of its own as a rank verb's subject
    (``DESCRIPTION``): its owner is unknown, and no name elsewhere may take its figure.
    Not "the Japanese economy fell" (a name in the description ties it), nor "the new
    system ranked" (a pointer back: ``REFERENCE``); "the supercomputer ranked second" only
    after a preposition ("that of …"), where it cannot be a clause's subject."""
    if not any(noun in text for noun in DESCRIPTION_NOUNS):
        return []
    out = []
    for m in DESCRIPTION.finditer(text):
        if any(m.start() <= a < m.end("noun") for a, _ in named):
            continue
        plain = m.group("noun") in ("city-state", "superpower") or m.group("rel") \
            or DESCRIBING_MOD.search(m.group("mods"))
        if plain or m.group("verb") in ("ranked", "placed", "listed") and not m.group("mods") \
                and PREPOSITION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            out.append((m.start(), m.end("noun")))
    return out


PLURAL_DESCRIPTION = patterns.compile(
    r"\b(?:of|for|in|across|among|from|between)\s+(?:the\s+)?(?P<desc>(?:some|many|most|certain|individual|local|several|specific|"
    r"particular|developing|emerging|advanced|poorer|richer|smaller|larger|other|these|those|such|select|selected|"
    r"participating|neighbou?ring|two|three|four|five)\s+(?:[\w-]+\s+)?(?:economies|countries|nations|regions|markets|states))\b"
    r"|(?:^\W*|[,;]\s*|\b(?:that|while|and|but)\s+)(?P<subj>(?:some|many|several|certain|(?:the\s+)?(?:two|three)"
    r"|(?:the\s+)?(?:developing|emerging|advanced|developed|poorer|richer|smaller|larger|low-income|high-income|"
    r"middle-income|other))\s+(?:[\w-]+\s+)?(?:economies|countries|nations|regions|markets|states))\b", re.I)
EACH = patterns.compile(r"\beach\b", re.I)
PLURAL_NOUNS = ("economies", "countries", "nations", "regions", "markets", "states")  # as written


SECTOR_SUBJECT = patterns.compile(
    r"(?:^\W*|[,;]\s*|\b(?:while|whereas|and|but|that)\s+)(?P<sector>(?:the\s+)?"
    r"(?:banks|retailers|insurers|manufacturers|industries|sectors|companies|firms|businesses|governments|"
    r"hospitals|utilities|automakers|telecoms|carmakers|lenders))\s+"
    r"(?:are|were|will|would|could|may|might|can|stand|stood|see|saw|gain|gained|get|capture|captured)\b", re.I)
SECTOR_NOUNS = ("banks", "retailers", "insurers", "manufacturers", "industries", "sectors", "companies", "firms",
                "businesses", "governments", "hospitals", "utilities", "automakers", "telecoms", "carmakers", "lenders")


def _plural_descriptions(text: str, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"elevate the GDP of local economies by up to 26%", "a boost of 5% for developing
    countries", "some countries could gain 26%", "Developing countries will see smaller gains (less than
    6%)": a group described, not named, is whose figure it is; no one of them, and
    not the World, may take it. Not a group with a name in it ("of other Asian economies"
    keeps no name: a demonym makes it no one's either)."""
    low = text.lower()
    out = []
    if any(noun in low for noun in SECTOR_NOUNS):
        # "banks are projected to gain $200 billion to $340 billion a year": a sector as the
        # clause's subject is whose figure it is, not the economy's as a whole
        out.extend((m.start("sector"), m.end("sector")) for m in SECTOR_SUBJECT.finditer(text))
    if not any(noun in low for noun in PLURAL_NOUNS):
        return out
    for m in PLURAL_DESCRIPTION.finditer(text):
        group = "desc" if m.group("desc") else "subj"
        if EACH.search(text, m.end()):
            continue  # "the two countries released 30 models each": each one's figure
        if not any(m.start(group) <= a < m.end(group) for a, _ in named):
            out.append((m.start(group), m.end(group)))
    return out


class EntityFinder:
    """Built once per library; ``find`` runs per sentence."""

    def __init__(self, library: Library):
        aliases: list[_Alias] = []
        for info in library.entities.values():
            aliases.append(_Alias(info.name, info.name, info.kind, "name"))
            aliases.extend(_Alias(a, info.name, info.kind, "name") for a in info.aliases)
            aliases.extend(_Alias(d, info.name, info.kind, "demonym") for d in info.demonyms)
        for table in library.tables.values():
            for name, raw in table.entities.items():
                kind = raw.get("kind", table.entity_kind) if isinstance(raw, dict) else table.entity_kind
                alias_list = raw.get("aliases", []) if isinstance(raw, dict) else []
                aliases.append(_Alias(name, name, kind, "name"))
                aliases.extend(_Alias(a, name, kind, "name") for a in alias_list)
        # Models released in several sizes (the table holds the family's largest, "up to"):
        # "LLaMA-13B" after such a name is one size of it, not the family.
        self._families = frozenset(f.entity for table in library.tables.values() for f in table.facts
                                   if f.metric == "parameters" and f.hedge == "up to")
        self._by_text: dict[str, _Alias] = {}
        self._styled: dict[str, frozenset[str]] = {}
        for alias in aliases:
            self._by_text.setdefault(alias.text, alias)
            if alias.kind in ("model", "system") and VERSION_LETTER.search(alias.text):
                # "DeepSeek v3" for "DeepSeek V3": a version letter is written either way
                self._by_text.setdefault(VERSION_LETTER.sub(lambda m: m.group(0).lower(), alias.text), alias)
            lowered = alias.text[:1].upper() + alias.text[1:]
            self._by_text.setdefault(lowered, alias)
            if " " in alias.text:
                for spelling in _title_spellings(alias.text):
                    self._by_text.setdefault(spelling, alias)
        ordered = sorted(self._by_text, key=len, reverse=True)
        # Names may wrap across a line ("United\nStates"): spaces match any whitespace.
        self._by_fold = {_fold(k): v for k, v in self._by_text.items()}
        # Every name in one Aho–Corasick automaton (aliasfind), matched with the boundaries
        # of the regex ``(?<![\w.])(?:name|…)(?![\w]|\.\w)`` it replaces: building it takes
        # a millisecond where compiling that regex took about eight.
        self._names = aliasfind.AliasSet({k: k for k in self._by_fold}, rule=aliasfind.NAME) if ordered else None
        self._pattern = None
        if self._names is not None and not self._names.usable:
            self._names = None
            self._pattern = patterns.compile(
                r"(?<![\w.])(?:" + trie.pattern(ordered, flexible_space=True) + r")(?![\w]|\.\w)")
        # Names with digits ("Llama2", "GPT-4") are versions: one edit away is another
        # product ("Llama" is not "Llama2"), so they are matched exactly or not at all.
        self._fuzzy_targets = sorted({a.text for a in aliases if len(a.text) >= 5 and a.text[0].isupper()
                                      and " " not in a.text and not any(map(str.isdigit, a.text))})
        # The targets by first letter, each list in the same (sorted) order.
        self._targets_by_initial: dict[str, list[str]] = {}
        for target in self._fuzzy_targets:
            self._targets_by_initial.setdefault(target[0], []).append(target)
        self._fuzzy_memo: dict[str, _Alias | None] = {}
        self._last: tuple[str | None, tuple[list, list, list, list]] = (None, ([], [], [], []))

    def _scan(self, text: str) -> tuple[list, list, list, list]:
        """What ``find`` reads in ``text`` whatever it is told to skip: the names (start,
        end, alias), the references (start, end, kind, where a name right after the noun
        would start, or -1), the capitalised words (start, end, word) and the descriptions
        (start, end). The last text's
        are kept: a sentence with a source is read twice, with and without its spans."""
        last_text, last_scan = self._last
        if text == last_text:
            return last_scan
        if self._names is not None:
            spans = [(a, b) for a, b, _ in self._names.hits(aliasfind.folded_as_is(text))]
        else:
            spans = [m.span() for m in self._pattern.finditer(text)] if self._pattern else []
        named = []
        for start, end in spans:
            found = text[start:end]
            alias = self._by_text.get(found) or self._by_fold.get(_fold(found))
            if alias is not None:
                named.append((start, end, alias))
        references = []
        # Every reference holds its noun as written (the pattern keeps case): a sentence
        # with none of them has none.
        for m in REFERENCE.finditer(text) if any(noun in text for noun in REFERENCE_NOUNS) else ():
            after = text[m.end():]
            next_name = m.end() + len(_MAYBE_BLANKS.match(after).group(0)) if _BLANKS.match(after) else -1
            references.append((m.start(), m.end(), REFERENCE_KINDS[m.group("noun").lower()], next_name))
        capitalised = [(m.start(), m.end(), m.group(0)) for m in CAPITALISED.finditer(text)]
        plain_names = [(s, e) for s, e, a in named if a.kind != "world"]
        described = _descriptions(text, plain_names) + _plural_descriptions(text, plain_names)
        scan = (named, references, capitalised, described)
        self._last = (text, scan)  # one store: text and scan always go together
        return scan

    def could_hold(self, text: str, offset: int, spans: list[Span]) -> bool:
        """Could a mention ``find(text, offset)`` returns hold one of ``spans`` and more?
        Answered from what ``_scan`` read (each mention's span is one of those), so a
        sentence whose names hold no span is spared ``find``: a sentence naming a source is
        otherwise read for names twice, and a name holding a source's is rare."""
        for found in self._scan(text):
            for start, end, *_ in found:
                start, end = start + offset, end + offset
                for span in spans:
                    if start <= span.start and span.end <= end and (start, end) != (span.start, span.end):
                        return True
        return False

    def find(self, text: str, offset: int = 0, skip: tuple[Span, ...] = ()) -> list[EntityMention]:
        mentions: list[EntityMention] = []
        taken = [(s.start - offset, s.end - offset) for s in skip]

        def free(a: int, b: int) -> bool:
            # a plain loop: most sentences take nothing, and a generator for ``all`` cost
            # more than the test itself
            for x, y in taken:
                if a < y and x < b:
                    return False
            return True

        named, references, capitalised, described = self._scan(text)
        starts = {start for start, _, _ in named}
        for start, end, alias in named:
            if alias.kind == "world" and described and any(a <= start < b for a, b in described):
                continue  # "the world's biggest economy": the World gives way to the description
            if not free(start, end) or _glued_to_unknown(text, start, self._by_text):
                continue
            if text.startswith("$", end) and end - start <= 4:
                continue  # "US$15.7 trillion", "S$2 billion": a currency, not a country
            if _in_adjective(text, end) or _located_in(text, start):
                # "US-based systems contribute 644 petaflops": whose figure is unsaid, and
                # no other name (nor the World) takes it
                mentions.append(EntityMention(Span(start + offset, end + offset), "", UNKNOWN_NAME, UNKNOWN))
                taken.append((start, end))
                continue
            if alias.kind in ("system", "model") and (_goes_on_unknown(text, end, starts, free)
                                                       or _version_after(text, end)
                                                       or alias.entity in self._families and SIZE_AFTER.match(text, end)):
                # kept as a name no table holds: it may be the nearest owner of a figure
                mentions.append(EntityMention(Span(start + offset, end + offset), "", UNKNOWN_NAME, UNKNOWN))
                taken.append((start, end))
                continue
            if alias.via == "demonym" and alias.kind != "world":
                thing = DEMONYM_THING.match(text, end)
                if thing:
                    # "The Swiss system's performance of 19.6 petaflops pushed Titan to
                    # fourth": a machine described by its country, not the country, and not
                    # the machine named next
                    mentions.append(EntityMention(Span(start + offset, thing.end() + offset), "", DESCRIBED, UNKNOWN))
                    taken.append((start, thing.end()))
                    continue
            if _bracketed_qualifier(text, start, end, named):
                taken.append((start, end))
                continue  # "Hong Kong (China)": the bracket qualifies the name before it
            if alias.text in ("US", "U.S.") and alias.via == "demonym":
                alias = _Alias(alias.text, alias.entity, alias.kind, "name")
            mentions.append(EntityMention(Span(start + offset, end + offset), alias.entity, alias.kind, alias.via))
            taken.append((start, end))
        for start, end in described:
            if free(start, end):
                mentions.append(EntityMention(Span(start + offset, end + offset), "", DESCRIBED, UNKNOWN))
                taken.append((start, end))
        named_starts = {mention.span.start - offset for mention in mentions}
        for start, end, kind, next_name in references:
            # "the supercomputer Sierra": a name right after the noun is the thing itself,
            # not a pointer back to an earlier one.
            if next_name >= 0 and next_name in named_starts:
                continue
            if free(start, end):
                mentions.append(EntityMention(Span(start + offset, end + offset), "", kind, "reference"))
                taken.append((start, end))
        for start, end, word in capitalised:
            if word in NOT_FUZZY or word in self._by_text or not free(start, end):
                continue
            alias = self._fuzzy(word)
            if alias and not (alias.kind != "economy" and _name_goes_on(text, end)):
                mentions.append(EntityMention(Span(start + offset, end + offset), alias.entity, alias.kind, "fuzzy"))
        return sorted(mentions, key=lambda e: e.span.start)

    def styled(self, noun: str) -> frozenset[str]:
        """The economies one of whose names holds ``noun`` ("kingdom": the United Kingdom;
        "emirate": the United Arab Emirates; "republic": the Czech Republic, the Republic of
        Korea …)."""
        found = self._styled.get(noun)
        if found is None:
            found = self._styled[noun] = frozenset(
                a.entity for text, a in self._by_text.items() if a.kind == "economy" and noun in text.lower())
        return found

    def _fuzzy(self, word: str) -> _Alias | None:
        try:
            return self._fuzzy_memo[word]
        except KeyError:
            pass
        if len(self._fuzzy_memo) >= FUZZY_MEMO:
            self._fuzzy_memo.clear()
        found = self._fuzzy_memo[word] = self._closest(word)
        return found

    def _closest(self, word: str) -> _Alias | None:
        limit = 1 if len(word) < 8 else 2
        best = None
        # Only names with the word's first letter can be close; in the same order as all.
        for target in self._targets_by_initial.get(word[:1], ()):
            if abs(len(target) - len(word)) > limit:
                continue
            distance = DamerauLevenshtein.distance(word, target, score_cutoff=limit)
            if distance <= limit and (best is None or distance < best[0]):
                best = (distance, target)
        return self._by_text[best[1]] if best and best[0] > 0 else None

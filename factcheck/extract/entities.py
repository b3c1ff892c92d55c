"""Find the entities a sentence names: countries (with aliases and demonyms), the World,
and the named things the tables declare (systems, models), tolerant of small misspellings.

Country names are matched case-sensitively ("US" the country, not "us" the pronoun);
misspellings are caught with rapidfuzz's Damerau-Levenshtein distance on capitalised
words that no alias matched exactly. "The nation" and "the country" are marked as
references, resolved to the passage's subject in ``subjects``.
"""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein

from .. import patterns
from . import aliasfind, trie
from ..dataclassgen import dataclass
from ..reference.library import Library
from ..model import EntityMention, Span

REFERENCE = patterns.compile(
    r"\b(?:the|The)\s+(?P<noun>nation|country|economy|machine|computer|system|supercomputer|model|chatbot)(?:'s|’s)?"
    r"(?!\s+(?:of|with|that|which)\b)")
REFERENCE_NOUNS = ("nation", "country", "economy", "machine", "computer", "system", "model", "chatbot")
"""A word every reference holds as written ("supercomputer" holds "computer")."""
REFERENCE_KINDS = {"nation": "economy", "country": "economy", "economy": "economy", "machine": "system",
                   "computer": "system", "system": "system", "supercomputer": "system", "model": "model", "chatbot": "model"}

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


GLUED_BEFORE = patterns.compile(r"(?<![\w-])([A-Z][\w]*)-$")
NAME_GOES_ON = patterns.compile(r"[ \t]+(?:[A-Z]|\d)")


def _glued_to_unknown(text: str, start: int, known: dict) -> bool:
    """"Megatron-Turing Natural Language Generation": a name joined by a hyphen to a
    capitalised word before it that is no name the tables know is the tail of a longer,
    unknown name, not the name itself ("US-China" keeps China: "US" is known)."""
    if start < 2 or text[start - 1] != "-":
        return False
    glued = GLUED_BEFORE.search(text, max(0, start - 40), start)
    return bool(glued) and glued.group(1) not in known


def _name_goes_on(text: str, end: int) -> bool:
    """"Mistral Large 2": a capitalised word followed by another capitalised word or a
    number is part of a longer name, not a misspelling of a one-word product name
    ("Mixtral"): products differ by a letter. (A country's misspelling keeps its match.)"""
    return bool(NAME_GOES_ON.match(text, end))


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
        self._by_text: dict[str, _Alias] = {}
        for alias in aliases:
            self._by_text.setdefault(alias.text, alias)
            lowered = alias.text[:1].upper() + alias.text[1:]
            self._by_text.setdefault(lowered, alias)
            if " " in alias.text:
                # Headlines and press copy capitalise every word: "the K Supercomputer".
                titled = " ".join(w[:1].upper() + w[1:] for w in alias.text.split(" "))
                self._by_text.setdefault(titled, alias)
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
        self._last: tuple[str | None, tuple[list, list, list]] = (None, ([], [], []))

    def _scan(self, text: str) -> tuple[list, list, list]:
        """What ``find`` reads in ``text`` whatever it is told to skip: the names (start,
        end, alias), the references (start, end, kind, where a name right after the noun
        would start, or -1) and the capitalised words (start, end, word). The last text's
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
        scan = (named, references, capitalised)
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

        named, references, capitalised = self._scan(text)
        for start, end, alias in named:
            if not free(start, end) or _glued_to_unknown(text, start, self._by_text):
                continue
            if alias.text in ("US", "U.S.") and alias.via == "demonym":
                alias = _Alias(alias.text, alias.entity, alias.kind, "name")
            mentions.append(EntityMention(Span(start + offset, end + offset), alias.entity, alias.kind, alias.via))
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

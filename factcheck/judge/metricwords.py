"""Which metric of a table a figure is about, from the words around it.

The metric's own words (its aliases in the table's metadata) must stand near the figure
and not belong to another figure of the sentence; a count must count the metric's thing,
a share be a share of it; words of another measure rule out the table's default metric.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .. import patterns
from ..extract import trie
from ..extract import aliasfind
from ..extract.aliasfind import AliasSet
from ..reference.library import Library
from ..model import Claim, Span
from ..reference.tables import Metric, Table
from . import wordgate
from .wordgate import ascii_lower as _ascii_lower, lowered_holds as _may_hold
from .ledpatterns import word_led

# Words that say a figure is about some particular measure ("in terms of the agility of
# companies", "in the talent category"): when none of the table's metric words matched,
# the figure is not the table's default metric either.
# (The look-ahead for the first letters changes no match; see ``CAUSE``: half the time.)
OTHER_MEASURE = patterns.compile(
    r"(?=[icpswmad])(?:\bin terms of\b|\bcategor(?:y|ies)\b|\bpillars?\b|\bsub-?factors?\b|\bsub-?index\b|"
    r"\bindicators?\b|\bcriteri(?:on|a)\b|\bwhen it comes to\b|\bmeasure of\b|\baspects?\b|\bdimensions?\b)", re.I)

# The look-ahead for the first letters ("(?=[…])") changes no match: it lets the engine
# skip to where one can start instead of trying every word at every character (twice as
# fast; these run once per claim).
# "driven mainly by its strength in economic performance", "thanks largely to": an adverb
# may stand inside the phrase; ", with technology being the main drag": a "with … being"
# phrase gives the cause too.
CAUSE = patterns.compile(
    r"(?=[btdoamlw])\b(?:because|(?:thanks|due|owing)\s+(?:[a-z]+ly\s+)?to|driven\s+(?:[a-z]+ly\s+)?by|"
    r"as\s+a\s+result\s+of|on\s+the\s+back\s+of|on\s+the\s+strength\s+of|mainly\s+for|largely\s+for|"
    r"with\s+(?:[\w-]+\s+){1,4}?being)\b", re.I)

# "…to second place, Ireland showcased strong economic performance", "…to second place,
# as its ranking in economic performance soared": a comma and a new subject start
# another statement.
NEW_CLAUSE = patterns.compile(
    r"[;]|,\s+(?:[A-Z]|(?:and|but|while|whereas|which|who|as\s+(?:its|their|it|they|the)\s)\b"
    r"|(?:reaching|bringing|taking|pushing|lifting|rising\s+to|with\s+plans|with\s+an?\s+(?:goal|target|plan|aim))\b)")

NEXT_FIGURE = patterns.compile(r"\s(?:and|while|whereas)\s+(?=(?:the\s+|its\s+)?[a-z][^.;,]{0,60}?\b(?:was|is|were|are|at|of|reached|hit|stood)\s+[$€£¥]?\d)", re.I)

NEXT_FIGURE_WORDS = ("and", "while", "whereas")
"""Words every match of ``NEXT_FIGURE`` holds (lower case), for ``_may_hold``: most
sentences hold none of them."""

NEGATED = patterns.compile(
    r"(?=[ewoanlsb])\b(?:excluding|excludes|exclude|without|other\s+than|apart\s+from|not\s+counting|leaving\s+out|"
    r"setting\s+aside|before\s+counting)\s+(?:the\s+)?(?:effects?\s+of\s+|impact\s+of\s+|contribution\s+of\s+)?"
    r"(?:[\w-]+\s*){1,4}", re.I)

# Words every match of ``CAUSE`` and of ``NEGATED`` holds (lower case): a sentence holding
# none of them has no cause or negation to search for (``_may_hold``).
OTHER_MEASURE_WORDS = ("terms", "categor", "pillar", "factor", "index", "indicator", "criteri", "comes", "measure",
                       "aspect", "dimension")
"""Words every match of ``OTHER_MEASURE`` holds (lower case), for ``_may_hold``."""
CAUSE_WORDS = ("because", "thanks", "due", "driven", "owing", "result", "back", "strength", "mainly", "largely", "being")
NEGATION_WORDS = ("exclud", "without", "other", "apart", "counting", "leaving", "setting")


NOT_WITH_REACH = 60

CLAUSE_MARK = patterns.compile(r"[,;:]")

# How far (in characters) a metric word may stand from the figure it names, and how much
# farther than the nearest metric word another may be and still be a rival reading.
METRIC_REACH = 60
CLOSE_ENOUGH = 12
CLOSE_WORDS = 25  # a metric word this close to the figure names its measure


# Which claim figures can be compared with which metric kinds.
COMPATIBLE = {
    "rank": {"rank"},
    "percent": {"percent"},
    "points": {"percent", "quantity"},
    "money": {"money"},
    "number": {"count", "quantity"},
    "quantity": {"quantity"},
}



_fold = aliasfind.fold  # lower case, runs of spaces and hyphens one space


# Abbreviations a metric's words use that articles often spell out ("information
# technology professionals" for "IT professionals").
SPELLED_OUT = {"IT": "information technology", "AI": "artificial intelligence"}
_ABBREVIATION = patterns.compile(r"\b(" + "|".join(SPELLED_OUT) + r")\b")


def spelled_out(alias: str) -> tuple[str, ...]:
    """The alias with its abbreviations spelled out, if it has any."""
    long = _spelled_out(alias)
    return (long,) if long else ()


def _spelled_out(alias: str) -> str | None:
    for short in SPELLED_OUT:
        if short in alias:
            break
    else:
        return None  # most aliases have none: skip the substitution
    out = _ABBREVIATION.sub(lambda m: SPELLED_OUT[m.group(1)], alias)
    return out if out != alias else None


def _by_fold(aliases: tuple[str, ...]) -> dict[str, str]:
    """Folded text → the alias it is read as (an alias's own words win over another
    alias's abbreviation spelled out)."""
    by_fold = {}
    for a in aliases:
        long = _spelled_out(a)
        if long:
            by_fold.setdefault(_fold(long), a)
        by_fold[_fold(a)] = a
    return by_fold


@lru_cache(maxsize=4096)
def _aliases_pattern(aliases: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One factorised pattern for a set of aliases (and their abbreviations spelled out),
    and the folded text → alias map: for text ``aliasfind`` can't fold."""
    variants = _variants(aliases)
    pattern = patterns.compile(r"(?<![\w])(?:" + trie.pattern(variants, flags_casefold=True, flexible_space=True)
                         + r")(?![\w])", re.I)
    return pattern, _by_fold(aliases)


@lru_cache(maxsize=4096)
def _alias_set(aliases: tuple[str, ...]) -> AliasSet:
    return AliasSet(_by_fold(aliases))


def _exclusion_aliases(metric: Metric) -> tuple[str, ...]:
    return _exclusions(tuple(metric.aliases))


@lru_cache(maxsize=4096)
def _exclusions(aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for a in aliases if NEGATED.match(a))


def _alias_in(alias: str, text: str) -> bool:
    """Whether ``alias`` (or its abbreviation spelled out) stands in ``text`` as words."""
    return bool(_alias_hits(text, 0, (alias,)))


def _table_words(table: Table) -> AliasSet:
    """Every metric word of the table (own and loose aliases, abbreviations spelled out),
    built once and kept with the table."""
    words = table._index.get("metric_words")
    if words is None:
        aliases = tuple(sorted({a for m in table.metrics.values() for a in (*m.aliases, *_with_word_forms(m.loose_aliases))}))
        words = table._index["metric_words"] = _alias_set(aliases)
    return words


def _words_present(table: Table, text: str) -> frozenset[str] | None:
    """The table's metric words (folded) that stand anywhere in ``text``, even inside other
    words: a set of aliases none of which is here has no hit, so its search is skipped.
    None when the text can't be folded (every search then runs)."""
    words, found = _table_words(table), aliasfind.folded(text)
    if found is None or not words.usable:
        return None
    return frozenset(words.present(found))


def _alias_hits(text: str, offset: int, aliases, window: tuple[int, int] | None = None,
                present: frozenset[str] | None = None) -> list[tuple[Span, str]]:
    """Non-overlapping alias matches, longest first.

    ``window`` limits the scan to ``text[a:b]`` (the words look behind ``a`` as usual); a
    hit may be cut short at ``b``, so callers drop hits that end near it. ``present``: the
    words of a table's aliases found in this very ``text`` (``_words_present``), when the
    aliases are that table's."""
    aliases = tuple(sorted(set(aliases)))
    if not aliases:
        return []
    return _sorted_hits(text, offset, aliases, _alias_set(aliases), window, present)


def _sorted_hits(text: str, offset: int, aliases: tuple[str, ...], matcher: AliasSet,
                 window: tuple[int, int] | None = None, present: frozenset[str] | None = None,
                 ) -> list[tuple[Span, str]]:
    """``_alias_hits`` for aliases already sorted without repeats, given their matcher."""
    if present is not None and matcher.usable and matcher.keyset.isdisjoint(present):
        return []
    found = aliasfind.folded(text)
    if matcher.usable and found is not None:
        return [(Span(a + offset, b + offset), alias) for a, b, alias in matcher.hits(found, window)]
    pattern, by_fold = _aliases_pattern(aliases)
    matches = pattern.finditer(text, *window) if window else pattern.finditer(text)
    return [(Span(m.start() + offset, m.end() + offset), by_fold.get(_fold(m.group(0)), m.group(0)))
            for m in matches]


class _Words:
    """A set of aliases searched together: sorted once, with its matcher (whose automatons
    are built on first search)."""

    __slots__ = ("aliases", "_matcher", "keys")

    def __init__(self, aliases):
        self.aliases = tuple(sorted(set(aliases)))
        self._matcher: AliasSet | None = _alias_set(self.aliases) if self.aliases else None
        self.keys: frozenset[str] | None = (
            self._matcher.keyset if self._matcher is not None and self._matcher.usable else None)
        """The folded aliases, or None when the matcher can't fold them."""

    def absent(self, present: frozenset[str] | None) -> bool:
        """Can ``hits`` find nothing, whatever the text: no aliases, or none of them among
        the words ``present`` in it (``_words_present``)? Then a caller skips the search
        and its calls: most of a table's metrics have no word in a given sentence."""
        return self._matcher is None or (
            present is not None and self.keys is not None and self.keys.isdisjoint(present))

    def hits(self, text: str, offset: int, window: tuple[int, int] | None = None,
             present: frozenset[str] | None = None) -> list[tuple[Span, str]]:
        """What ``_alias_hits`` gives for these aliases."""
        if self._matcher is None:
            return []
        return _sorted_hits(text, offset, self.aliases, self._matcher, window, present)


# A loose word stands for its other forms too: "replaced" for "the replacement of",
# "could replace", "replacing"; "eliminate" for "eliminated", "the elimination of"; "lost"
# for "the loss of", "lose". Only verbs ("-ed", "-e") and this one irregular pair.
IRREGULAR_FORMS = {"lost": ("lose", "loses", "losing", "loss", "losses"),
                   "lose": ("lost", "loses", "losing", "loss", "losses")}


def _word_forms(word: str) -> tuple[str, ...]:
    if word in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[word]
    if len(word) < 4 or not word.isalpha() or not word.islower():
        return ()
    if word.endswith("ed"):
        base = word[:-1] if word[-3] in "cgsvz" or word[:-1].endswith(("ate", "ire", "ipe")) else word[:-2]
    elif word.endswith("e"):
        base = word
    else:
        return ()
    stem = base[:-1] if base.endswith("e") else base
    forms: tuple[str, ...] = (base, base + "s", stem + "ed" if base == stem else base + "d", stem + "ing", base + "ment", base + "ments")
    if base.endswith("ate"):
        forms += (stem + "ion",)
    return tuple(f for f in forms if f != word)


def _with_word_forms(loose: dict) -> dict:
    """``loose`` and, for each alias whose first word is a verb, the same alias with that
    word's other forms, explained alike ("wipe out": "wiped out", "wiping out")."""
    out = dict(loose)
    for alias, why in loose.items():
        first, _, rest = alias.partition(" ")
        for form in _word_forms(first):
            out.setdefault(f"{form} {rest}" if rest else form, why)
    return out


class _Reading:
    """What choosing a metric reads from a table alone, worked out once per table and kept
    with it (``_reading``): a claim is matched against the same few tables again and again,
    and only the sentence differs."""

    KEEP = 64
    """Kinds of figure, and sets of usable metrics, remembered per table (a bound: in
    practice a table sees a handful of each)."""

    def __init__(self, table: Table):
        metrics = tuple(table.metrics.values())
        self.metrics = metrics
        self.lowered = {m.id: frozenset(a.lower() for a in m.aliases) for m in metrics}
        self.words = {m.id: _Words(m.aliases) for m in metrics}
        self.loose_why = {m.id: _with_word_forms(m.loose_aliases) for m in metrics}
        self.loose = {m.id: _Words(self.loose_why[m.id]) for m in metrics}
        self.words_keys = _keys_of(self.words.values())
        self.loose_keys = _keys_of(self.loose.values())
        self.ranked_counts = frozenset(m.out_of for m in metrics if m.out_of)
        self._fitting: dict[tuple, tuple[Metric, ...]] = {}
        self._own: dict[tuple, tuple[tuple[Metric, _Words], ...]] = {}

    def fitting(self, kind: str, currency: str | None, unit: str | None) -> tuple[Metric, ...]:
        """The metrics a figure of this kind (currency, unit) can be compared with, in the
        table's order (``_metric_kind_fits``, which reads the currency only of money and
        the unit only of a quantity)."""
        key = (kind, currency if kind == "money" else None, (unit or "").lower() if kind == "quantity" else None)
        found = self._fitting.get(key)
        if found is None:
            if len(self._fitting) >= self.KEEP:
                self._fitting.clear()
            found = self._fitting[key] = tuple(
                m for m in self.metrics if _metric_kind_fits(kind, m, currency, unit))
        return found

    def own_words(self, usable: list[Metric], list_wide: frozenset[str]) -> tuple[tuple[Metric, _Words], ...]:
        """Each usable metric with the words it shares with no other usable metric (of the
        same scope, list-wide or not): a word two metrics share ("IT workers" for both the
        shortage and the workforce) tells neither apart, so it does not choose."""
        key = (tuple([m.id for m in usable]), list_wide)
        found = self._own.get(key)
        if found is None:
            owners: dict[tuple[bool, str], int] = {}
            for metric in usable:
                wide = metric.id in list_wide
                for alias in self.lowered[metric.id]:
                    owners[(wide, alias)] = owners.get((wide, alias), 0) + 1
            if len(self._own) >= self.KEEP:
                self._own.clear()
            found = self._own[key] = tuple(
                (m, _Words(a for a in m.aliases if owners[(m.id in list_wide, a.lower())] == 1)) for m in usable)
        return found


def _keys_of(sets) -> frozenset[str] | None:
    """The folded aliases of several ``_Words`` together, or None when one of them can't
    say what it holds: ``_none_in`` these keys means every one of them is ``absent``."""
    keys: set[str] = set()
    for words in sets:
        if words._matcher is None:
            continue  # no aliases: always absent
        if words.keys is None:
            return None
        keys |= words.keys
    return frozenset(keys)


def _none_in(keys: frozenset[str] | None, present: frozenset[str] | None) -> bool:
    """Is each of the ``_Words`` whose keys (``_keys_of``) are ``keys`` ``absent`` from a
    text holding ``present``? Then a caller skips the pass over them."""
    return present is not None and keys is not None and keys.isdisjoint(present)


def _reading(table: Table) -> _Reading:
    """The table's ``_Reading``, built on first use and kept with the table."""
    reading = table._index.get("metric_reading")
    if reading is None:
        reading = table._index["metric_reading"] = _Reading(table)
    return reading


def topic_pattern(table: Table) -> re.Pattern:
    """Any of the table's topic words (``Table.topic_words``) as a whole word: an
    all-capitals word ("AI") only so written, any other in any case. Built once per table."""
    pattern = table._index.get("topic_pattern")
    if pattern is None:
        alternatives = [re.escape(w) if w.upper() == w else f"(?i:{re.escape(w)})"
                        for w in sorted(table.topic_words, key=len, reverse=True)]
        pattern = table._index["topic_pattern"] = re.compile(
            r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return pattern


def _longest_alias(table: Table) -> int:
    """The length of the table's longest metric alias, computed once and kept with the table."""
    longest = table._index.get("longest_alias")
    if longest is None:
        longest = table._index["longest_alias"] = max(
            (len(a) for m in table.metrics.values() for a in m.aliases), default=0)
    return longest


def _near(text: str, offset: int, q: Span, reach: int, table: Table) -> tuple[int, int]:
    """The part of a sentence where a metric word of ``table`` at most ``reach``
    characters from the figure ``q`` can stand. Scanning only this keeps the cost per
    figure bounded however long the sentence; a word cut short at the window's end is
    farther than ``reach``. (Twice the longest alias: spaces in a name match runs of
    spaces and line breaks.)"""
    longest = 2 * _longest_alias(table) + 2
    return (max(0, q.start - offset - reach - longest),
            min(len(text), q.end - offset + reach + longest))


QUALIFIED_COUNT = patterns.compile(
    r"^[\"“”']?(?:exascale|petascale|exaflop|petaflop|new|newly|additional|more|other|extra|"
    r"top|largest|biggest|fastest|leading|major|[\w-]+-class|[\w-]+-based)\b", re.I)

COUNTED = patterns.compile(r"^[\s-]*([A-Za-z][A-Za-z-]*)")
COMPARED_COUNT = patterns.compile(r"^(?:more|fewer|less|additional|extra)\s+", re.I)
"""The comparing word before a difference's noun ("1,069,056 more cores than Fugaku")."""


def library_units(library: Library) -> frozenset[str]:
    """Units of every count or quantity metric of the library, computed once per library."""
    if "units" not in library._derived:
        library._derived["units"] = frozenset(
            metric.unit.lower() for table in library.tables.values() for metric in table.metrics.values()
            if metric.kind in ("count", "quantity") and metric.unit)
    return library._derived["units"]


def units_elsewhere(units: frozenset[str], metric: Metric) -> set[str]:
    """Units that belong to other metrics: "1 billion parameters" is not a count of models."""
    return set(units) - {metric.unit.lower(), metric.unit.lower().rstrip("s")}


def _unit_elsewhere(unit: str, metric: Metric) -> bool:
    """``unit in units_elsewhere(units, metric)`` for a unit known to be in ``units``,
    without building the set."""
    own = metric.unit.lower()
    return unit != own and unit != own.rstrip("s")


def _counted_noun(claim: Claim) -> str | None:
    """The word a count counts ("79 LLMs", "1 billion parameters"), lower case, plural."""
    if claim.quantity.kind != "number":
        return None
    end = claim.quantity.span.end - claim.sentence.span.start
    m = COUNTED.match(claim.sentence.text[end:])
    if not m:
        return None
    word = m.group(1).lower().split("-")[0]
    return word if word.endswith("s") else word + "s"


MEASURE_AFTER = patterns.compile(
    r"^\s*(?=[psifobgwir])(?:by\s+(?:a\s+)?(?:\w+\s+)?margin\s+)?(?:place\s+|position\s+|spot\s+)?"
    r"(?:(?:globally|worldwide|internationally|regionally)\s+)?(?:in|for|on)\s+(?!(?:the\s+)?(?:world|ranking|rankings|list|table|"
    r"index|league|overall|edition|survey|report|latest|new|annual|same|this|that|last|(?:19|20)\d\d)\b"
    r"|(?:a|the)\s+(?:\w+\s+)?(?:year|years|time|row)\b|\w+\s+(?:consecutive|straight|successive)\b"
    r"|(?:\w+\s+)?(?:years|months|weeks|decades|editions|lists|times)\b"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)"
    r"(?:the\s+|its\s+|terms\s+of\s+)?[\"“‘']?[a-z]", re.I)
"""A measure named right after a rank: "third in robot density", "first globally in
'foreign students'" (an adverb of where and an opening quote may come between); not a
time ("for several years", "in June", "for two editions")."""


# ("first by a wide margin in cyber security": a margin may stand between the rank and its measure)
LIST_AFTER_VERB = patterns.compile(
    r"^\s+(?:the\s+|this\s+|its\s+)?(?:[\w’'-]+\s+){0,5}?(?:list|lists|ranking|rankings|index|chart|table)\b", re.I)

# The same with room for a time between ("31st place this year in the global rankings of
# universities"): only to tell another list named after a place, never to skip one.
OTHER_LIST_AFTER_VERB = patterns.compile(
    r"^\s+(?:(?:place|spot|position)\s+)?(?:(?:this|last|that)\s+year\s+)?(?:the\s+|this\s+|its\s+)?(?:[\w’'-]+\s+){0,5}?"
    r"(?:list|lists|ranking|rankings|index|chart|table)\b", re.I)


# "In talent and capital, Hong Kong came 30th", "Among economies of over 20 million people,
# it came third", "Within Asia, it was second": an opening phrase that narrows what is
# ranked (to a part of the measure, or a group of the economies) makes the figure a rank
# in that narrower list. Only the ranking's own name, its year or edition, "overall" or
# "in the world" leave the default measure standing.
NARROWING_FRAME = patterns.compile(
    r"\s*(?:(?:But|And|Yet|Still|However|Meanwhile|Moreover|Also|Similarly|Likewise|Overall)\s*,?\s+)?"
    r"(?:In|Among|Amongst|Within|Across|On|For|As\s+for)\s+([^,;:.]{1,80}?)\s*,")

FRAME_WORD = patterns.compile(r"\b[A-Za-z][\w'’-]*")  # whole words: not the "st" of "61st"

NEUTRAL_FRAME_WORDS = frozenset("""
a an the this that its their his her our of in on for by to as at and or first second third fourth fifth sixth seventh eighth ninth tenth place places spot spots position positions
year years latest new newest recent annual current same overall general total world world's global
ranking rankings list lists index table league edition report survey study results scoreboard
addition contrast comparison fact particular short sum all turn other hand meantime case
imd swiss-based lausanne-based top monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december today
time times row running consecutive straight successive once
""".split())
"""Words an opening phrase may hold and still leave the table's default measure standing
("In this year's ranking,", "On Tuesday,", "In the overall list,")."""

WHERE_MEASURE = patterns.compile(r"\b(?:is|was|are|were)\s+where\b", re.I)
"""'Spending on research is where Hong Kong fared worst, placing 50th': the words before
"is where" name the measure the figure ranks."""


PEER_GROUP = patterns.compile(
    r"\b(?:among|amongst|within)\s+(?!(?:the\s+|all\s+(?:the\s+)?)?\d|(?:the|all)\s+(?:the\s+)?(?:economies|countries|nations)\b"
    r"|(?:economies|countries|nations)\b(?!\s+(?:with|that|which|whose|having|where|of)\b))", re.I)
"""'Within Asia it was second', 'came third among the 30-50 club', 'second among countries
with a population over 50 million': a rank among a group of the economies; 'among the 64
economies', 'among all countries' is the whole list."""

PEER_AFTER = patterns.compile(r"^(?:\s+(?:place|spot|position|overall))?\s*,?\s+(?:among|amongst|within)\b", re.I)


def _narrowed(claim: Claim) -> bool:
    """Words before the figure that narrow what it ranks ("In talent and capital,",
    "Within Asia,", "Spending on research is where"): then it is not the table's default
    measure, whose words the sentence does not give."""
    q, base = claim.quantity, claim.sentence.span.start
    text = claim.sentence.text
    before = text[:q.span.start - base]
    if "where" in before and WHERE_MEASURE.search(before):
        return True
    lowered = text.lower()
    if ("among" in lowered or "within" in lowered) and (
            PEER_GROUP.search(before) or (PEER_AFTER.match(text[q.span.end - base:])
                                          and PEER_GROUP.search(text, q.span.end - base))):
        return True
    frame = NARROWING_FRAME.match(before)
    if not frame or _frame_word(frame.group(1).split()[-1]) in LIST_WORDS:
        return False  # ("In the highly anticipated ranking,": a ranking, not a part of one)
    words = _blank(before, 0, 0)
    for s in claim.sources:  # the ranking's own name says which table, not what narrower thing
        if 0 <= s.span.start - base and s.span.end - base <= frame.end():
            words = _blank(words, max(0, s.span.start - base), s.span.end - base)
    for e in claim.entities:  # "For China, which came 21st": whose figure, not what it ranks
        if e.via != "reference" and 0 <= e.span.start - base and e.span.end - base <= frame.end():
            words = _blank(words, e.span.start - base, e.span.end - base)
    return any(len(w) > 1 and _frame_word(w) not in NEUTRAL_FRAME_WORDS  # ("'s" left of a blanked name)
               for w in FRAME_WORD.findall(words, frame.start(1), frame.end(1)))


LIST_IN = patterns.compile(r"\s+(?:(?:place|spot|position)\s+)?(?:(?:this|last|that)\s+year\s+)?(?:in|on|of)\s", re.I)
LIST_WORDS = frozenset(("list", "lists", "ranking", "rankings", "index", "chart", "table"))


def _list_after_words(claim: Claim) -> tuple[str, ...]:
    """The words that qualify a list named right after a rank ("20th in the digital list":
    "digital"), leaving out the table-neutral ones ("the", "overall", a year)."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    if q.kind != "rank":
        return ()
    m = OTHER_LIST_AFTER_VERB.match(text[q.span.end - base:])
    if not m or not LIST_IN.match(m.group(0)):
        return ()  # ("two spots after topping the list": that list is the figure's own)
    # ("12th this year in the global rankings of universities": what the list ranks, after it)
    of = LIST_OF.match(text, q.span.end - base + m.end())
    said = m.group(0) + (" " + of.group(1) if of and of.group(1).lower() not in RANKED_THINGS else "")
    return tuple(w for w in map(_frame_word, FRAME_WORD.findall(said))
                 if w not in NEUTRAL_FRAME_WORDS and w not in LIST_WORDS and w not in RANK_WORDS and not w[:1].isdigit())


RANK_WORDS = frozenset(("rank", "ranks", "ranked"))


LIST_OF = patterns.compile(r"\s+of\s+(?:the\s+)?([a-z][\w-]*)")
RANKED_THINGS = frozenset(("economies", "countries", "nations", "systems", "supercomputers", "computers", "machines",
                           "models", "most", "top", "fastest", "leading", "best"))
"""What a list of the tables' kind ranks, or a superlative before it: "the ranking of 63
economies", "the list of the most powerful supercomputers" name no other list."""


def _frame_word(word: str) -> str:
    """A word of a frame as ``NEUTRAL_FRAME_WORDS`` holds it: lower case, without a
    possessive ("year’s" → "year")."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def _other_list_after(claim: Claim, table: Table) -> bool:
    """"Luxembourg, eighth in the overall list, came only 20th in the digital list": a list
    named after the rank by a word none of the table's names holds is another list."""
    words = _prepared(claim).ask(_list_after_words, claim)
    if not words:
        return False
    names = " ".join(table.names).lower()
    return any(not re.search(r"\b" + re.escape(w) + r"\b", names) for w in words)


IN_AFTER = patterns.compile(r"\s+(?:place\s+|position\s+|spot\s+)?in\s", re.I)
"""'first position in telecoms investment' (not 'the top place for several years')."""


def _years_listed(claim: Claim) -> bool:
    """"in business agility and IT integration, 26th and 25th respectively": a list of
    figures "respectively" pairs with a list of measures none of the table's words named
    is no list of its default measure — unless the list is of years ("11th and 12th in
    2018 and 2017 respectively"): the sentence names as many years as there are figures."""
    years = {t.start for t in claim.times if t.start is not None}
    if len(years) >= claim.respective[1]:
        return True
    # "14th and 10th in 2018 and 2019, respectively": each figure took its own year.
    text, base = claim.sentence.text, claim.sentence.span.start
    after = text[claim.respective[3] - base:]
    return len(years) == 1 and len(_YEARS.findall(after[:after.lower().find("respectively")])) == claim.respective[1]


_YEARS = patterns.compile(r"\b(?:19|20)\d\d\b")


# "moved up 23 places (to 40th place) with relation to international investments", "on the
# employment scale it improved … to 20th place": a phrase that names what is ranked, in the
# figure's own clause, before or after it.
TOPIC_PHRASE = patterns.compile(
    r"\b(?:with\s+(?:relation|regard|respect)\s+to|in\s+relation\s+to|as\s+regards|regarding|when\s+it\s+comes\s+to"
    r"|in\s+terms\s+of)\s+(?:the\s+|its\s+|their\s+)?(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})"
    r"|\b(?:on|in|for|under)\s+(?:the|its|their)\s+(?P<scaled>(?:[\w'’-]+\s+){1,3})(?:scale|category|pillar|indicator"
    r"|sub-?index|sub-?factor|sub-?ranking|criterion|component|dimension)\b")
TOPIC_GATE = ("relation", "regard", "respect", "comes", "terms", "scale", "category", "pillar", "indicator", "index",
              "factor", "ranking", "criterion", "component", "dimension")
"""A word every ``TOPIC_PHRASE`` match holds ("regard" in "regards", "regarding")."""
CLAUSE_EDGE = patterns.compile(r"[,;:]|\s(?:while|whereas|but)\s", re.I)


def _topic_in_clause(claim: Claim, table: Table) -> bool:
    """A place whose own clause names what it ranks by a phrase ("with relation to X", "on
    the X scale") whose words are not the ranking's own ("in terms of digital
    competitiveness" still names the ranking)."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    if q.kind != "rank" or not wordgate.may_hold(text, TOPIC_GATE):
        return False
    at, end = q.span.start - base, q.span.end - base
    edges = [m for m in CLAUSE_EDGE.finditer(text)]
    start = max((m.end() for m in edges if m.end() <= at), default=0)
    stop = min((m.start() for m in edges if m.start() >= end), default=len(text))
    for m in TOPIC_PHRASE.finditer(text, start, stop):
        words = [_frame_word(w) for w in FRAME_WORD.findall(m.group("words") or m.group("scaled") or "")]
        if any(len(w) > 1 and w not in NEUTRAL_FRAME_WORDS and w not in LIST_WORDS and w not in _name_words(table)
               for w in words):
            return True
    return False


def _measure_after(claim: Claim) -> bool:
    """"ranks third in robot density": the rank is for some other measure, named after it."""
    return _measure_after_at(claim) is not None


def _measure_after_at(claim: Claim) -> int | None:
    """Where the measure named right after a rank begins (``_measure_after``), in the
    document's offsets, or None."""
    q = claim.quantity
    if q.kind != "rank":
        return None
    after = claim.sentence.text[q.span.end - claim.sentence.span.start:]
    named_list = LIST_AFTER_VERB.match(after)
    skipped = named_list.end() if named_list else 0
    # ("topping the rankings for Graph 500": the measure follows the list's name)
    m = MEASURE_AFTER.match(after[skipped:])  # (its "^" holds only at a string's start)
    if not m:
        return None
    named_at = q.span.end + skipped + m.end() - 1  # where the words after "in"/"for" begin
    return None if _source_named_at(claim, named_at) else named_at


def _source_named_at(claim: Claim, at: int) -> bool:
    """"35th in the IMD World Competitiveness Ranking", "No. 1 on the June 2021 TOP500 list":
    the words after "in"/"on" (at document offset ``at``) name the source itself, not
    another measure."""
    return any(at <= s.span.start <= at + 30 for s in claim.sources if not claim.source_carried)


MEASURED_RUN_BEFORE = patterns.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:place\s+)?(?:in|for|on)\s+[^;,.\d]{2,60}[;,]\s*(?:and\s+)?$")


def _in_measured_run(claim: Claim) -> bool:
    """"67th in international trade; 66th in international investment; 63rd in
    employment; 44th in prices; 56th": a bare rank closing a run of ranks each given for
    a measure named after it is one more of the run, not the overall rank."""
    if claim.quantity.kind != "rank":
        return False
    text, base = claim.sentence.text, claim.sentence.span.start
    start = claim.quantity.span.start - base
    return bool(MEASURED_RUN_BEFORE.search(text, max(0, start - 80), start))


PARTNER_RANK = patterns.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b")
CHANGE_REACH = 60


def _partner_measure_after(claim: Claim) -> bool:
    """"took the 49th place in Economic Activity moving 5 positions up": a change right
    after a rank given for a measure named after it is that measure's move too."""
    if claim.role != "change":
        return False
    text, base = claim.sentence.text, claim.sentence.span.start
    start = claim.quantity.span.start - base
    last = None
    for last in PARTNER_RANK.finditer(text, max(0, start - CHANGE_REACH), start):
        pass
    if last is None:
        return False
    m = MEASURE_AFTER.match(text[last.end():start])
    if not m:
        return False
    return not _source_named_at(claim, base + last.end() + m.end() - 1)


LEAD_WORDS = frozenset(("both", "the", "its", "their", "area", "areas", "field", "fields", "of", "category",
                        "categories", "factor", "factors", "pillar", "pillars", "overall"))
"""Words that may come between "in" and the measure's own name ("first in both technology
and knowledge", "fourth in the area of talent")."""


AMONG_OWN_PARTS = patterns.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:among|of)\s+(?:the|its|their|all)\s+(?:(?:\w+|\d+)\s+)?(?:main\s+)?"
    r"(?:categories|factors|pillars|sub-?factors|sub-?indices|areas|components|dimensions)\b", re.I)


def _among_own_parts(claim: Claim) -> bool:
    """"economic performance showed the biggest improvement among the four categories": a
    figure compared among one economy's own factors, not across the economies."""
    q, base = claim.quantity, claim.sentence.span.start
    return bool(AMONG_OWN_PARTS.match(claim.sentence.text, q.span.end - base))


NEXT_STATEMENT_FIGURE = patterns.compile(
    r"[^,;]{0,40}?\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)


def _next_statement(text: str, end: int, word_end: int) -> bool:
    """A metric word past a comma after the figure, with a figure of its own after it in
    its clause ("rose from 8th to 6th, its business efficiency climbed from 6th to 4th"),
    opens the next statement: it is that figure's measure, not this one's."""
    if "," not in text[end:word_end]:
        return False
    return bool(NEXT_STATEMENT_FIGURE.match(text, word_end))


NEXT_WORD = patterns.compile(r"[\s-]+([A-Za-z]+)")


def _name_words(table: Table) -> frozenset[str]:
    """The words of a ranking's names that say more than "world" or "ranking" ("digital",
    "competitiveness"), kept with the table."""
    found = table._index.get("name_words")
    if found is None:
        found = frozenset() if table.period_kind not in ("edition", "list") else frozenset(
            w for n in table.names for w in map(_frame_word, FRAME_WORD.findall(n))
            if w not in NEUTRAL_FRAME_WORDS and w not in LIST_WORDS and len(w) > 4)
        table._index["name_words"] = found
    return found


def _names_ranking(table: Table, metric: Metric, text: str, end: int) -> bool:
    """A metric word followed by a word of the ranking's own name that is none of the
    metric's ("digital technology competitiveness") qualifies that name: it names the
    ranking, not the measure."""
    m = NEXT_WORD.match(text, end)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _name_words(table) and not any(word in a.lower().split() for a in metric.aliases)


def _referent_metrics(referent, own_words) -> list[tuple[Metric, Span | None, tuple[str, ...]]]:
    """The one measure the sentence a figure points back to names ("… a decline under the
    economic performance pillar. There, Ireland slipped to 10th"); none when it names no
    measure of the table, or several (which one is not said)."""
    named = {}
    for metric, own in own_words:
        for span, _alias in own.hits(referent.text, referent.span.start):
            named.setdefault(metric.id, (metric, span))
    if len(named) != 1:
        return []
    metric, span = next(iter(named.values()))
    return [(metric, span, ())]


def _names_from(text: str, start: int, at: int) -> bool:
    """Whether a metric word at ``at`` is the measure named from ``start``: it stands
    there, or only ``LEAD_WORDS`` (and quotes) come before it."""
    if at < start:
        return False
    between = text[start:at]
    return all(w.lower() in LEAD_WORDS for w in FRAME_WORD.findall(between)) and not CLAUSE_MARK.search(between)


FUNCTION_WORDS = {
    "of", "in", "by", "to", "for", "from", "and", "or", "at", "on", "with", "as", "is", "are",
    "was", "were", "be", "been", "have", "has", "had", "will", "would", "could", "can", "may",
    "might", "this", "that", "these", "those", "a", "an", "the", "than", "per", "each", "over",
    "under", "since", "until", "after", "before", "while", "but", "so", "if", "when", "more",
    "less", "up", "down", "last", "this", "next", "year", "years", "in", "into",
}


# Metric words right after another figure describe that figure (the claim's own figure
# is blanked out of the text before this is asked).
OTHER_FIGURE_BEFORE = patterns.compile(
    r"(?:(?<![\w-])(?!(?:19|20)\d\d\b)(?:\d[\d,.]*\d|\d)(?:st|nd|rd|th)?|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|quarter))"
    r"\s+(?:(?!(?:and|while|whereas|but)\b)[a-z-]+\s+){0,3}$")


FIGURE_MARK = patterns.compile(r"\d|f(?:irst|ourth|ifth)|s(?:econd|ixth|eventh)|t(?:hird|enth)|eighth|ninth|half|quarter")
"""What every match of ``OTHER_FIGURE_BEFORE`` holds (a digit or an ordinal's word, as it
reads them): a search for it skips to the places where one can start, which the pattern
itself, opening with a look-behind, cannot."""


# A figure (not a year) standing on its own: "50%" in "300 million jobs could be affected,
# and 50% of the workforce could be replaced".
LONE_FIGURE = patterns.compile(r"(?<![\w.,-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:%|\s*(?:per\s*cent|percent|million|billion|trillion)\b)?")


SHARE_IN_BRACKETS_AFTER = patterns.compile(r"\s*\(\s*(?:about\s+|some\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)")
"""A share restated in brackets right after a figure ("228 (45.6 percent)"): a loose word
for shares is that share's, not the figure's."""


def _figure_between(text: str, offset: int, figure: Span, word: Span) -> bool:
    """Whether another figure stands between the claim's figure and a word of the sentence:
    "300 million jobs could be affected, and as much as 50% of the workforce could be
    replaced" — the loose word "replaced" is the second figure's, not the first's."""
    start, end = (figure.end, word.start) if word.start >= figure.end else (word.end, figure.start)
    return bool(LONE_FIGURE.search(text, max(0, start - offset), max(0, end - offset)))


def _other_figure_before(text: str, start: int, end: int) -> bool:
    """``OTHER_FIGURE_BEFORE.search(text, start, end)``, searched only when ``text[start:end]``
    holds a digit or an ordinal's word."""
    return bool(FIGURE_MARK.search(text, start, end)) and bool(OTHER_FIGURE_BEFORE.search(text, start, end))


# "climbed to 18th place from 34th last year in economic performance", "18th to 20th in
# infrastructure", "33rd against 29th in 2023": the figure and its partner of the pair
# (from … to, against) share the measure named after the second.
PAIR_TAIL = patterns.compile(
    r"(?:\s+(?:place|spot|position|places|spots|positions|notches|rungs))?\s*,?\s+(?:up\s+|down\s+)?"
    r"(?:from|to|against|versus|vs\.?|(?:as\s+)?compared\s+(?:with|to))\s+(?:last\s+year['’]s\s+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:\s+(?:place|spot|position))?(?:\s+(?:last|a|the\s+previous)\s+year|\s+in\s+(?:19|20)\d\d)?"
    r"\s+(?:in|for|on)\s+(?:the\s+|its\s+|terms\s+of\s+)?", re.I)


def _pair_tail(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]``, between the figure and a metric word after it, is only
    the figure's partner in a pair ("… from 34th last year in …")."""
    return start > end and PAIR_TAIL.fullmatch(text, end, start) is not None


JOINED_BETWEEN = patterns.compile(r"\b(?:and|while|whereas|but)\b", re.I)


def _partner_between(claim: Claim, text: str, span: Span) -> bool:
    """A change, or the "from" figure, shares the measure of its partner: the metric word
    after "to 10th in" ("rose five spots to 10th in future readiness"), or one before it in
    the same statement ("fell to 31st in knowledge from 28th", "…, down three places") — not
    one that "and" puts in an earlier statement ("third in technology and rose five")."""
    q, offset = claim.quantity, claim.sentence.span.start
    if span.start >= q.span.end or claim.role != "change":
        return True
    return not JOINED_BETWEEN.search(text, span.end - offset, q.span.start - offset)


CONTRAST = patterns.compile(r"\b(?:but|whereas|although|though|yet)\b|;", re.I)
CONTRAST_WORDS = ("but", "whereas", "though", "yet", ";")


CONTRAST_OPENING = patterns.compile(r"(?:,|;|\s[—–-]+)\s*(?:while|whereas|but)\s", re.I)
FIGURE_OPENS_CLAUSE = patterns.compile(
    r"\s*(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:could|would|will|may|might|can|should|are|is|were|was|have|has|had)\b", re.I)
"""'…, while 63% could see …': the figure is the subject of a clause of its own, whose
measure the words of the clause before it do not name."""

SHARE_OF_SHARE = patterns.compile(
    r"\d(?:%|\s*percent|\s*per\s+cent)\s+(?:of\s+[\w-]+\s+)?(?:(?:could|would|will|may|might|can|should)\s+)?"
    r"(?:[a-z]+\s+){1,2}$", re.I)


def _share_of_share(claim: Claim) -> bool:
    """"63% may have just under half of their workload automated": a share whose subject
    is another share is a share within that group, not any measure of the whole."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    if q.kind != "percent":
        return False
    before = text[max(0, q.span.start - base - 40):q.span.start - base]
    return ("%" in before or "per" in before) and bool(SHARE_OF_SHARE.search(before))


def _contrast_between(text: str, end: int, start: int) -> bool:
    """Whether a contrasting clause opens between the figure and a metric word after it
    ("rose to 34th -- but slipped in economic performance", "fifth; in knowledge"): the
    word is that clause's."""
    between = text[end:start]
    return _may_hold(_ascii_lower(between), CONTRAST_WORDS) and bool(CONTRAST.search(between))


CAUSE_BEFORE_WORD = patterns.compile(
    r"\b(?:(?:bolstered|boosted|helped|driven|supported|underpinned|fuell?ed|powered|lifted|propelled|"
    r"weighed\s+down|dragged\s+down|held\s+back|hurt|hampered)\s+by|thanks\s+to|due\s+to|because\s+of|"
    r"on\s+the\s+back\s+of|owing\s+to|amid)\b", re.I)
CAUSE_MARKS = ("by", "thanks", "due", "because", "back", "owing", "amid")


def _cause_between(text: str, end: int, start: int) -> bool:
    """Whether a cause phrase opens between the figure and a metric word after it
    ("retained its top position, bolstered by unmatched government efficiency"): the word
    names the cause, not the figure's measure."""
    between = text[end:start]
    return _may_hold(_ascii_lower(between), CAUSE_MARKS) and bool(CAUSE_BEFORE_WORD.search(between))


def _gap(a: Span, b: Span) -> int:
    return a.start - b.end if a.start >= b.end else b.start - a.end


SHARE_OF = patterns.compile(r"^\s+of\s+([^.,;:()\[\]—–\"“”]+)")
NEXT_FIGURE_PHRASE = patterns.compile(r"\s(?:and|or|while|whereas|but)\s+(?=[^\d]*\d)")


def _share_of_phrase(claim: Claim) -> str | None:
    """What a share is a share of ("7% of global GDP", "half of firms"), or None."""
    end = claim.quantity.span.end - claim.sentence.span.start
    m = SHARE_OF.match(claim.sentence.text[end:])
    if not m:
        return None
    # "63% of jobs and leave 30% unaffected": what follows "and" up to another figure is
    # that figure's.
    phrase = NEXT_FIGURE_PHRASE.split(m.group(1), maxsplit=1)[0]
    return " ".join(phrase.split()[:6])


def share_names_metric(claim: Claim, metric: Metric) -> bool:
    """A share's "of …" phrase ("95.6 percent of the systems on the list") names what it
    counts; a share of something else is not this metric. True when the figure is no
    share "of" anything."""
    if claim.quantity.kind not in ("percent", "points"):
        return True
    share_of = _share_of_phrase(claim)
    return share_of is None or any(_alias_in(a, "of " + share_of)
                                   for a in (*metric.aliases, *metric.loose_aliases))


OPENING_QUOTE = patterns.compile(r"^\s*[\"“”'‘’]")
CLOSING_QUOTE = patterns.compile(r"^(\s*[\w-]+)[\"“”'‘’](?=\s)")
PHRASE_END = patterns.compile(r"[.,;:()\[\]—–\"“”]")


def counted_phrase(claim: Claim) -> str | None:
    """The words right after a count, up to punctuation and at most six, when they start
    with a noun or adjective; None when the figure stands alone ("short of 450,000 by 2030")."""
    end = claim.quantity.span.end - claim.sentence.span.start
    own = next((m for m in claim.entities if m.via == "demonym" and m.span.start - claim.quantity.span.end in (0, 1)), None)
    if own is not None:
        # "226 Chinese supercomputers, 114 American and 30 Japanese machines": a demonym is
        # whose, not what; the thing counted is the word after it, if any.
        end = own.span.end - claim.sentence.span.start
    after = OPENING_QUOTE.sub(" ", claim.sentence.text[end:])  # 'four "exascale-class" systems'
    closing = CLOSING_QUOTE.match(after)  # …and its closing quote (``sub`` would try every place)
    if closing:
        after = closing.group(1) + after[closing.end():]
    rest = PHRASE_END.split(after, maxsplit=1)[0]
    words = rest.split()[:6]
    if not words or words[0].lower() in FUNCTION_WORDS or not words[0][:1].isalpha():
        return None
    return " ".join(words)


COMES_FROM = patterns.compile(
    r"\b(?:come|comes|coming|came|stem|stems|stemming|derive|derives|derived|arise|arises)\s+from\s+"
    r"(?:[\w-]+\s+){0,2}$", re.I)

FIGURE_AS_SUBJECT = patterns.compile(
    r"^[\s—–-]*(?:,\s*)?(?:is|are|was|were|will|would|could|may|might|should|is\s+set|are\s+set)\s+"
    r"(?:[\w-]+\s+){0,3}?$", re.I)


def _comes_from(between: str) -> bool:
    """The figure itself is what "comes from" the words that follow ("$6.6 trillion — are
    expected to come from productivity"), not some part of it ("…, most coming from")."""
    m = COMES_FROM.search(between)
    return bool(m) and bool(FIGURE_AS_SUBJECT.match(between[:m.start()] + " "))


POINTING_BACK_BEFORE = patterns.compile(r"(?:^|[^\w])(?:all|these|those|both|the)\s+$", re.I)
POINTING_BACK_AFTER = patterns.compile(r"^\s+(?:are|were|have|had|remain|remained|share|shared|of\s+them)\b", re.I)


def _pointing_back(claim: Claim) -> bool:
    """"All three are small economies": a count standing for things named before, with
    no noun of its own, counts them — not the list's size or any metric's thing."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    return q.kind == "number" and bool(
        POINTING_BACK_BEFORE.search(text[max(0, q.span.start - base - 12):q.span.start - base])
        and POINTING_BACK_AFTER.match(text[q.span.end - base:]))


CLOSING_BRACKET = patterns.compile(
    r"\s*(?:places?\s*|spots?\s*|positions?\s*)?(?:to\s+\d{1,3}(?:st|nd|rd|th)\s*)?[),;]")
"""What ends a bracketed figure: "(9th)", "(6th, +23 places)", "(up 11 places to 27th)"."""
SUB_MEASURE = patterns.compile(r"\bsub-?(?:factors?|ind(?:ex|ices|exes)|pillars?|categor(?:y|ies))\b|\bindicators?\b", re.I)
"""'the sub-indices of digital infrastructure (sixth)': a label naming a part of a
factor, not the factor."""
OPEN_BRACKET_BEFORE = patterns.compile(
    r"\(\s*(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s*[,;]\s*[+-]?$", re.I)
"""'international trade (6th, +23 places)': a figure later in a bracket that opens on
another figure is about the same thing as it."""
BRACKET_LABEL = patterns.compile(
    r"(?s:.*(?:[,;:(–—]|\band\b|\bin\b|\bits\b|\btheir\b|\bthe\b)|)\s*([^,;:()–—]{1,60}?)\s*\("
    r"\s*(?:(?:up|down)\b(?:[^()]{0,30}?\bto\b)?\s*)?(?:(?:ranked|ranking|placed|at)\s+)?$", re.I)
"""The words right before a bracket the figure opens or ends ("high-tech exports (9th",
"e-participation (up 11 places to 27th"): from the last opening word before them, so a
sentence's subject further back ("Switzerland progressed in …") is not read as part of
the label."""


def _bracket_label(claim: Claim) -> str | None:
    """The words a bracketed rank ranks ("business legislation (3rd)"), or None when the
    rank is not in brackets or a named thing stands before them ("Austria (4th)")."""
    found = _bracket_label_at(claim)
    return found[1] if found else None


def _bracket_names_measure(claim: Claim) -> bool:
    """"progressed in robot use (12th), online services (up 8 places to 19th)": a bracketed
    figure after words that name something (not the list, not a name, not the sentence's
    own opening "Taiwan jumped") is that thing's, so not the table's default measure."""
    found = _bracket_label_at(claim)
    if not found or found[0] == 0:
        return False
    return any(_frame_word(w) not in NEUTRAL_FRAME_WORDS and _frame_word(w) not in LIST_WORDS
               for w in FRAME_WORD.findall(found[1]))


def _bracket_label_at(claim: Claim) -> tuple[int, str] | None:
    """``_bracket_label`` with where the label starts in the sentence."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    if (q.kind != "rank" and claim.role != "change") or not CLOSING_BRACKET.match(text[q.span.end - base:]):
        return None
    before = text[:q.span.start - base]
    inside = OPEN_BRACKET_BEFORE.search(before) if "(" in before[-16:] else None
    if inside:
        before = before[:inside.start() + 1]  # "prices (17th, +10 places)": the bracket's label
    m = BRACKET_LABEL.match(before)
    if not m:
        return None
    label_start, label_end = base + m.start(1), base + m.end(1)
    # "Austria (4th)": a name right before the bracket is what it ranks; "Qatar's low
    # unemployment rate (ranked first)" ranks the words after the name.
    if any(label_start <= e.span.start and label_end - 1 <= e.span.end <= label_end + 1 for e in claim.entities
           if e.via != "reference"):
        return None
    return m.start(1), m.group(1)


COMPARED_BRACKET = patterns.compile(r"\bthan\b[^.;:()]{1,60}\(\s*$", re.I)
BRACKET_END = patterns.compile(r"^\s*\)")


def _words_before(claim: Claim, reach: int) -> str:
    """The ``reach`` characters of the claim's sentence right before its figure."""
    start = claim.quantity.span.start - claim.sentence.span.start
    return claim.sentence.text[max(0, start - reach):start]


def _ends_before(claim: Claim, reach: int, words: tuple[str, ...], pattern: re.Pattern) -> bool:
    """Does ``pattern`` end right before the figure, within ``reach`` characters? Tried
    only when one of ``words`` (which every match holds, in lower case) is there."""
    before = _words_before(claim, reach)
    low = before.lower()
    return any(word in low for word in words) and bool(pattern.search(before))


def _compared_bracket(claim: Claim) -> bool:
    """"a larger boost than productivity gains in 2030 ($9.1 trillion)": a figure in
    brackets right after the measure a comparison sets beside the subject may be either
    one's; it is tied to neither."""
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    before = _words_before(claim, 80)
    if "than" not in before.lower() or not BRACKET_END.match(text[q.span.end - base:]):
        return False
    return bool(COMPARED_BRACKET.search(before))


PEAK_BEFORE = patterns.compile(
    r"\b(?:maximum|max|peak)\s+(?:[a-z]+\s+)?(?:of\s+|at\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+)?$", re.I)
PEAK_WORD = patterns.compile(r"\bpeak\b", re.I)


def _peak_before(claim: Claim) -> bool:
    """"with a transient maximum of 187.7", "a peak of 200 petaflops": a figure right after
    "maximum"/"peak" is a peak value, not the sustained one."""
    return _ends_before(claim, 40, ("max", "peak"), PEAK_BEFORE)


EXCEPTED_COUNT = patterns.compile(
    r"(?:\b(?:all|every|each|any)\s+(?:[\w-]+\s+){0,2}?(?:but|except|save|bar)\s+(?:for\s+)?(?:the\s+)?(?:top\s+|largest\s+|biggest\s+)?"
    r"|\bthan\s+(?:the\s+|those\s+|that\s+)?(?:[\w'’-]+\s+){0,3}?of\s+(?:only\s+|just\s+)?)$", re.I)


def _excepted_count(claim: Claim) -> bool:
    """"larger than the GDPs of all but six countries", "every economy except the top
    three", "bigger than the economies of 180 countries": a count after "all but" leaves
    things out, and one after "than … of" is what a figure is compared with; neither counts
    a thing a table measures."""
    if claim.quantity.kind != "number":
        return False
    return _ends_before(claim, 50, ("but", "xcept", "save", "bar", "than"), EXCEPTED_COUNT)


EACH_BEFORE = patterns.compile(
    r"\beach\s+(?:[a-z-]+\s+){0,2}?(?:with|has|have|had|holding|containing|carrying|equipped\s+with)\s+$", re.I)


def _per_part(claim: Claim) -> bool:
    """"two Pods, each equipped with 3,072 TPU v4 chips": a count of each part, not of the
    whole the table measures."""
    if claim.quantity.kind not in ("number", "quantity"):
        return False
    return _ends_before(claim, 40, ("each",), EACH_BEFORE)


ACCOUNT_FOR = patterns.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|make\s+up|makes\s+up|made\s+up)\s+(?:about\s+|almost\s+|nearly\s+|roughly\s+|over\s+|some\s+)?[^.;:()]{0,30}$", re.I)
OF_TOTAL_AFTER = patterns.compile(r"^[^.;:()]{0,30}?,?\s+of\s+(?:the\s+)?\S", re.I)


def _part_of_total(claim: Claim) -> bool:
    """"these regions will account for almost 70%, or $10.7 trillion, of AI's global
    impact": what accounts for a figure of a total is a part of it; the figure is the
    part's, not the total's measure."""
    if claim.quantity.kind not in ("money", "quantity"):
        return False  # "accounting for more than 80% of the global total" is a share: a measure
    q, base, text = claim.quantity, claim.sentence.span.start, claim.sentence.text
    return (_ends_before(claim, 60, ("for", "up"), ACCOUNT_FOR)
            and bool(OF_TOTAL_AFTER.match(text[q.span.end - base:])))


SECTOR = patterns.compile(
    r"\b(?:one\s+of\s+the\s+(?:sectors|industries)|(?!(?:all|every|whole|entire|each|any|other|the|an?|this|that)\b)"
    r"[A-Za-z][\w-]*\s+(?:industry|sector))\b", re.I)


INDUSTRY = (r"(?:banking|retail|high[\s-]tech|life\s+sciences|health\s?care|pharma(?:ceuticals?)?|manufacturing|"
            r"telecom(?:munications)?|insurance|logistics|agriculture|automotive|consumer\s+packaged\s+goods|"
            r"advanced\s+electronics|semiconductors|financial\s+services|media|travel|education|energy|utilities|"
            r"public\s+sector|construction|aerospace|chemicals|transportation)")
INDUSTRY_SUBJECT = patterns.compile(
    r"(?:^\W*|\b(?:in|for|to|across|within)\s+|\bTake\s+)(?:the\s+)?" + INDUSTRY
    + r"(?:\s*(?:,|and|&)\s*(?:[\w-]+\s+){0,2}?[\w-]+)?\b(?!\s+(?:industry|sector)\b)", re.I)
INDUSTRY_WORDS = ("bank", "retail", "tech", "science", "health", "pharma", "manufactur", "telecom", "insurance",
                  "logistic", "agricultur", "automotive", "goods", "electronic", "semiconductor", "financial",
                  "media", "travel", "education", "energy", "utilities", "public", "construction", "aerospace",
                  "chemical", "transport")


def _industry_named(text: str) -> re.Match | None:
    """"Retail and consumer packaged goods also stand to gain … $400 billion to $660
    billion", "in banking, … $200 billion", "Take life sciences": an industry named as
    the sentence's subject, or behind "in"/"for", without the word "sector"."""
    low = text.lower()
    if not any(w in low for w in INDUSTRY_WORDS):
        return None
    return INDUSTRY_SUBJECT.search(text)


def _sector_subject(claim: Claim) -> Span | None:
    """"The banking industry is one of the sectors with the largest opportunities …, with
    an estimated annual value of at least $200 billion": a money figure in a sentence about
    one sector is that sector's part of the total, unless a measure of the table names the
    sector itself ("the software industry"); the span of the sector's words, or None."""
    if claim.quantity.kind != "money":
        return None
    text = claim.sentence.text
    low = text.lower()
    m = SECTOR.search(text) if "industr" in low or "sector" in low else None
    if m is None:
        m = _industry_named(text)
    if m is None:
        return None
    base = claim.sentence.span.start
    return Span(base + m.start(), base + m.end())


def part_of_whole(claim: Claim) -> bool:
    """Is the figure a part's share of a total ("account for $10.7 trillion of …", a
    sector's value)? Then no whole's measure, nor another publisher's, is meant."""
    return _part_of_total(claim) or _sector_subject(claim) is not None


BENCHMARK_AFTER = patterns.compile(
    r"^\s*(?=[oif])(?:on|in|for)\s+(?:the\s+|its\s+)?((?:[\w.-]+\s+){0,2}?[\w.-]+)\s+(?:benchmark|test|metric)\b", re.I)


def _other_benchmark_after(claim: Claim, table: Table) -> bool:
    """"9.95 Eflop/s on the HLP-MxP benchmark": a benchmark named right after the figure
    that none of the table's metric words names is some other measure (even misspelt),
    so the table's default measure is not meant."""
    q = claim.quantity
    m = BENCHMARK_AFTER.match(claim.sentence.text[q.span.end - claim.sentence.span.start:])
    if not m:
        return False
    words = m.group(1)
    return not any(_alias_in(a, words) for metric in table.metrics.values() for a in metric.aliases)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


OPENING_FRAME = patterns.compile(r"\s*(?=[fhmslibyaouwrc])(?:(?:For\s+example|For\s+instance|However|Meanwhile|Moreover|Similarly|Likewise|"
                           r"In\s+addition|By\s+contrast|In\s+contrast|Still|Yet|Also),\s*)?"
                           r"(?:On|In|For|Under|With|By|Using|As\s+(?:for|to|regards)|When\s+it\s+comes\s+to|"
                           r"Regarding|Concerning)\s[^,;:.]{0,60}?\s*,", re.I)
"""A sentence's opening phrase up to its first comma ("On the HPL-AI benchmark,", "As for
future readiness,"), after a linking word if any ("For example, in knowledge,")."""


LABEL_OPENING = patterns.compile(r"\s*[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,3}?\s*(?::|\s[—–-])\s")
"""A paragraph's leading label ("Infrastructure:", "Business efficiency –"): it names the
measure of the figures of the sentence it opens."""

PAIR_HEAD = patterns.compile(
    r"\bfrom\s+(?:the\s+|its\s+)?(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)(?:\s+(?:place|spot|position))?(?:\s+(?:in\s+(?:19|20)\d\d|last\s+year|a\s+year\s+(?:earlier|ago)))?"
    r"\s*,?\s+to\s+(?:the\s+)?$", re.I)


def _pair_start(text: str, start: int) -> int | None:
    """"from 43rd in 2022 to 42nd this year": where the pair opens (its "from"), for the
    figure that ends it; the pair is one measure, named before its start or after its end."""
    if "from" not in text[max(0, start - 60):start].lower():
        return None
    m = PAIR_HEAD.search(text, max(0, start - 60), start)
    return m.start() if m else None


def _excluded(metric: Metric, text: str) -> bool:
    # One pattern for all of a metric's excluding words (cached by the word tuple), searched
    # only when the text holds a word of each (``wordgate``): most texts hold none.
    if not metric.not_with:
        return False
    words = tuple(metric.not_with)
    return wordgate.may_hold(text, _variants_gate(words)) and bool(_aliases_pattern(words)[0].search(text))


def _inside_excluded(metric: Metric, text: str, a: int, b: int) -> bool:
    """Whether the metric's words at ``text[a:b]`` are part of words that rule the metric
    out: "infrastructure" in "technological infrastructure" (a sub-factor's name) is not the
    Infrastructure factor."""
    if not metric.not_with:
        return False
    around = text[max(0, a - NOT_WITH_REACH):b + NOT_WITH_REACH]
    if not wordgate.may_hold(around, _variants_gate(tuple(metric.not_with))):
        return False
    at = a - max(0, a - NOT_WITH_REACH)
    return any(m.start() <= at and at + (b - a) <= m.end()
               for m in _aliases_pattern(tuple(metric.not_with))[0].finditer(around))


# Another figure of the sentence (not a year, nor a name's number: "GPT-4", "Tianhe-2"):
# "41st in the talent subcategory and 54th in future readiness" — the words past it are
# that figure's.
FIGURE_BETWEEN = patterns.compile(
    r"(?<![\w.])(?<![A-Za-z]-)(?!(?:19|20)\d\d\b)\d[\d,.]*(?:st|nd|rd|th)?\b"
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)


JOINT = patterns.compile(r"[,;]|\b(?:and|while|whereas|but)\b", re.I)


AFTER_PARTNER = patterns.compile(
    r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:\s+(?:place|spot|position))?\s*,?\s+after\s+(?:placing|ranking|finishing|coming|being|sitting)\s+"
    r"(?:in\s+)?(?:the\s+)?$", re.I)
"""A figure that gives where the one before it stood: "now ranks 20th after placing 4th last
year" — one measure, named before the pair."""


def _own_stretch(text: str, start: int, end: int) -> slice:
    """The figure's surroundings where words that rule a measure out count: up to
    ``NOT_WITH_REACH`` either side, but not past another figure ("ranked 41st in the talent
    subcategory and 54th in future readiness": "talent" is the 41st's)."""
    pair_at = _pair_start(text, start)
    if pair_at is None and "after" in text[max(0, start - 40):start]:
        partner = AFTER_PARTNER.search(text, max(0, start - 60), start)
        pair_at = partner.start() if partner else None
    own = _plain_stretch(text, start, end)
    if pair_at is None:
        return own
    # "public finances went from 12th to 6th": the pair's end has its start's words
    return slice(_plain_stretch(text, pair_at, pair_at).start, own.stop)


def _plain_stretch(text: str, start: int, end: int) -> slice:
    a, b = max(0, start - NOT_WITH_REACH), min(len(text), end + NOT_WITH_REACH)
    for m in FIGURE_BETWEEN.finditer(text, a, start):
        a = m.end()
    if a > max(0, start - NOT_WITH_REACH):  # the words after that figure are its own, up to a joint
        # the first joint after it: "…to 6th, productivity and efficiency 14th" keeps the
        # "and" inside the next measure's name
        joint = JOINT.search(text, a, start)
        a = joint.end() if joint else start
    after = FIGURE_BETWEEN.search(text, end, b)
    return slice(a, after.start() if after else b)


def _every_other_excluded(fitting: tuple[Metric, ...], prep) -> bool:
    """"ranked third in domestic economy", "climbed nine places in technological
    infrastructure": words that rule out every named measure of the figure's kind (a
    sub-factor's name beside the factors) name some measure the table does not hold; the
    table's default measure is not assumed there either."""
    others = [m for m in fitting if not m.default]
    return bool(others) and all(m.not_with and prep.excludes(m) for m in others)


def _variants(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases and their abbreviations spelled out, as ``_aliases_pattern`` matches them."""
    return tuple(dict.fromkeys((*aliases, *(v for v in map(_spelled_out, aliases) if v))))


@lru_cache(maxsize=4096)
def _variants_gate(aliases: tuple[str, ...]) -> tuple[str, ...] | None:
    return wordgate.alias_gate(_variants(aliases))


# (The look-ahead holds the spaces: "\s*(?!…)" would give the spaces back and cut at the comma.)
CLAUSE_CUT = patterns.compile(r"[,;:](?!\s*(?:in terms of|when it comes to)\b)")


TERMS_AFTER = patterns.compile(r"\s*,?\s*(?:in\s+terms\s+of|when\s+it\s+comes\s+to)\b", re.I)


def _other_measure(text: str, end: int) -> bool:
    """Words of some particular measure in the figure's own clause: before it, or after it
    up to the next comma ("…from 11th to second, Ireland showed strength in this criterion"
    is the overall rank; "43rd, in terms of talent" is not)."""
    after = text[end:]
    cut = CLAUSE_CUT.search(after)
    clause = text[:end] + (after[:cut.start()] if cut else after)
    return _may_hold(_ascii_lower(clause), OTHER_MEASURE_WORDS) and bool(OTHER_MEASURE.search(clause))


def _other_measure_of(claim: Claim) -> bool:
    """``_other_measure`` of the claim's sentence as ``_prepared`` reads it, at its figure."""
    return _other_measure(_prepared(claim).text, claim.quantity.span.end - claim.sentence.span.start)


def _metric_kind_fits(claim_kind: str, metric: Metric, currency: str | None, unit: str | None = None) -> bool:
    if metric.kind not in COMPATIBLE.get(claim_kind, set()):
        return False
    if claim_kind == "quantity":
        return (unit or "").lower() == metric.unit.lower()
    if claim_kind == "points":
        return "point" in metric.unit
    if claim_kind == "percent":
        return "point" not in metric.unit
    if claim_kind == "money":
        return currency is None or metric.unit.upper() == currency
    return True


class _Prepared(NamedTuple):
    """What choose_metrics reads from the claim's sentence, the same for every table."""
    text: str
    before_negation: str
    negated_phrases: list
    near_figure: str
    framed_to: int
    counted: str | None
    gapped: bool
    change_partner: bool
    excluded: dict
    """Excluding words (a metric's ``not_with``) → whether they stand near the figure:
    several tables' metrics share them, and the search is the same for each."""
    phrase: str | None
    """``counted_phrase(claim)`` of a count (None for other figures, which never ask)."""
    once: dict
    """What a test of the claim alone gave (``_pointing_back``, …), by the test: asked
    again for each table, worked out for the first."""
    aside: tuple[int, int] | None
    """Where a relative clause between a name and the figure was blanked (sentence
    offsets): its length does not count in the distance between them."""

    def ask(self, test, claim: Claim):
        """``test(claim)``, worked out once per claim."""
        found = self.once.get(test, self)
        if found is self:
            found = self.once[test] = test(claim)
        return found

    def excludes(self, metric: Metric) -> bool:
        """``_excluded(metric, near_figure)``, searched once per set of words."""
        if not metric.not_with:
            return False
        found = self.excluded.get(metric.not_with)
        if found is None:
            found = self.excluded[metric.not_with] = _excluded(metric, self.near_figure)
        return found


RELATIVE_OPEN = patterns.compile(
    r",\s*which\b|\bthat\s+(?:is|was|are|were|has|had|[a-z]+s)\b")
"""Where a relative clause opens: "…, which largely lifted the overall ranking,", "the
knowledge section that gauges …"."""
RELATIVE_WORDS = ("which", "that")


def _relative_blanked(text: str, start: int) -> tuple[str, tuple[int, int] | None]:
    """``text`` with a relative clause that ends at the last comma before the figure blanked
    out: "In infrastructure, which largely lifted the overall ranking, it jumped to 11th",
    "In the knowledge section that gauges new technology, Korea ranked 10th": its words
    describe the phrase it hangs on, not the figure, whose measure that phrase names.
    Also where the blanked clause stands (None when nothing is blanked)."""
    last_comma = text.rfind(",", 0, start)
    opened = None
    for opened in RELATIVE_OPEN.finditer(text, 0, last_comma):
        pass
    if opened is None or ";" in text[opened.start():last_comma]:
        return text, None
    at = opened.start() + (1 if text[opened.start()] == "," else 0)
    return _blank(text, at, last_comma), (at, last_comma)


OF_BETWEEN = patterns.compile(r"\s+of\s+(?:the\s+)?", re.I)
DOUBLE_QUOTE = patterns.compile(r"[\"“”]")
POSSESSIVE_GAP = patterns.compile(r"\s*(?:['’]s)?\s*")
LIST_JOIN_END = patterns.compile(r"(?:,|\band)\s*$")
COUNTED_BEFORE = patterns.compile(r"\d[\d,.]*\s+[A-Za-z]")
FROM_END = word_led({"f": "rom"}, r"\s+(?:the\s+)?$")  # "\bfrom\s+(?:the\s+)?$", re.I

_LAST: list = [None, None]  # the last claim prepared, and what was read from it


def _prepared(claim: Claim) -> _Prepared:
    """The claim's sentence read once: a claim is matched against several tables in turn."""
    if _LAST[0] is claim:
        return _LAST[1]
    q = claim.quantity
    offset = claim.sentence.span.start
    # The figure's own words ("540 billion") are not metric words.
    text = _blank(claim.sentence.text, q.span.start - offset, q.span.end - offset)
    # 'four "exascale-class" supercomputers': quotation marks around a word of the
    # metric's name do not break the name (blanked, so offsets stay).
    if '"' in text or "“" in text or "”" in text:  # most sentences have none: no pass
        text = DOUBLE_QUOTE.sub(" ", text)
    # "rose from 11th to second because of its economic performance": words after a cause
    # explain the figure; they do not name its measure.
    lowered = _ascii_lower(text)  # (blanking below only removes words)
    cause = (CAUSE.search(text, q.span.end - offset) if _may_hold(lowered, CAUSE_WORDS) else None) \
        or NEW_CLAUSE.search(text, q.span.end - offset)
    if cause:
        text = text[:cause.start()] + " " * (len(text) - cause.start())
    # "…was 1.65 exaflops and the minimum to enter the list was 1.14 petaflops": words after
    # "and" that lead up to the next figure are that figure's.
    joined = NEXT_FIGURE.search(text, q.span.end - offset) if _may_hold(lowered, NEXT_FIGURE_WORDS) else None
    if joined:
        text = text[:joined.start()] + " " * (len(text) - joined.start())
    aside = None  # the blanked relative clause: "its Infrastructure factor, which …, dropped to 58th"
    if _may_hold(lowered, RELATIVE_WORDS) and "," in text[:q.span.start - offset]:
        text, aside = _relative_blanked(text, q.span.start - offset)
    before_negation = text
    negated_phrases = []
    for m in NEGATED.finditer(text) if _may_hold(lowered, NEGATION_WORDS) else ():
        negated_phrases.append(m.group(0))
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    # "13.4 HPCG-petaflops" rules Rmax out; "Rmax of 415 petaflops as well as topping the
    # Graph 500" does not: another measure's words count near the figure, in its clause.
    near_figure = text[_own_stretch(text, q.span.start - offset, q.span.end - offset)]
    # "On the HPL-AI benchmark, Fugaku registered 1.45 exaflops": an opening phrase sets
    # the measure for the whole sentence after it, however far the figure stands.
    opening = OPENING_FRAME.match(text) or LABEL_OPENING.match(text)
    framed_to = 0  # the end of an opening phrase that frames the figure
    if opening and opening.end() <= q.span.start - offset:
        near_figure = opening.group(0) + " " + near_figure
        framed_to = opening.end()
    counted = _counted_noun(claim)
    phrase = counted_phrase(claim) if q.kind == "number" else None
    # "the US has 134 systems, China 150": a bare figure after a counted one shares its noun.
    gapped = q.kind == "number" and phrase is None and any(
        POSSESSIVE_GAP.fullmatch(claim.sentence.text[m.span.end - offset:q.span.start - offset])
        for m in claim.entities if m.via != "reference" and m.span.end <= q.span.start) or (
        # "released 11 large models in 2020 and 30 in 2021": the second count shares the noun
        q.kind == "number" and phrase is None
        and LIST_JOIN_END.search(claim.sentence.text[:q.span.start - offset])
        and COUNTED_BEFORE.search(claim.sentence.text[:q.span.start - offset]))
    # "fell to 31st in knowledge from 28th": the "from" figure shares its partner's metric.
    change_partner = claim.role == "change" or bool(
        FROM_END.search(text[max(0, q.span.start - offset - 10):q.span.start - offset]))
    found = _Prepared(text, before_negation, negated_phrases, near_figure, framed_to, counted,
                      bool(gapped), change_partner, {}, phrase, {}, aside)
    _LAST[0], _LAST[1] = claim, found
    return found


def _one_measure_far(claim: Claim, table: Table, text: str,
                     own_words: tuple[tuple[Metric, _Words], ...], present) -> bool:
    """Whether the words before a rank name one measure of the table other than its
    default, too far from the rank to be read as its own ("The Knowledge factor reflects
    a country's capacity to learn new technologies, where Taiwan ranked 19th"): the rank
    may well be that measure's, so the default one is not grounded. Words right after
    another figure are that figure's ("5th in knowledge, and the island placed 9th"); two
    or more measures named together describe the ranking ("which weighs knowledge,
    technology and future readiness"), and name none of them for the rank."""
    q = claim.quantity
    offset = claim.sentence.span.start
    named = set()
    for metric, own in own_words:
        if metric.default or own.absent(present):
            continue
        for span, _alias in own.hits(text, offset, (0, q.span.start - offset), present):
            if span.end > q.span.start or any(span.overlaps(s.span) for s in claim.sources):
                continue
            if _names_ranking(table, metric, text, span.end - offset) \
                    or _inside_excluded(metric, text, span.start - offset, span.end - offset) \
                    or _other_figure_before(text, max(0, span.start - offset - 24), span.start - offset):
                continue
            named.add(metric.id)
    return len(named) == 1


def choose_metrics(table: Table, claim: Claim, named: bool,
                   distance: int = 0, units: frozenset[str] = frozenset(),
                   unit_tie: bool = False, list_wide: frozenset[str] = frozenset(),
                   ) -> list[tuple[Metric, Span | None, tuple[str, ...]]]:
    """The metrics the figure may be about, most likely first: the compatible metrics whose
    words appear in the sentence, nearest to the figure first; else the table's default
    metric of that kind when the table frames the sentence — for ranks, or for percentages
    and money when the sentence itself names the source — or, with ``unit_tie``, when a
    figure in the default metric's own unit ("442 petaflops") is given to a thing the table
    lists by name. A bare count needs metric words.

    ``list_wide``: ids of the table's measures of the whole list (its aggregate, its
    entry level). A word such a measure shares with a measure of one entry ("aggregate
    performance", the list's or a country's) names both; whose it is, is the entity's
    business (``match.choose_entity``)."""
    q = claim.quantity
    offset = claim.sentence.span.start
    prep = _prepared(claim)
    text, negated_phrases, framed_to = prep.text, prep.negated_phrases, prep.framed_to
    counted, gapped, change_partner = prep.counted, prep.gapped, prep.change_partner
    present = _words_present(table, text)
    negated = bool(negated_phrases)
    # "excluding the effects of generative AI, AI could deliver $11 trillion": the words
    # after "excluding" name what the figure leaves out, so they choose no metric — and
    # say the figure is some other measure.
    # A metric defined by what it leaves out ("excluding generative AI" for McKinsey's
    # other-AI value) is named by those very words.
    defined_by_exclusion = {m.id: span for m in table.metrics.values()
                            for span, _ in _alias_hits(prep.before_negation, offset, _exclusion_aliases(m))} if negated_phrases else {}
    # Words inside a source's name ("Digital Competitiveness" in the ranking's title) say
    # which table, not which metric.
    used_spans: list[Span] = [s.span for s in claim.sources if not claim.source_carried]
    reading = _reading(table)
    usable = [m for m in reading.fitting(q.kind, q.currency, q.unit)
              if not (m.not_with and prep.excludes(m))
              and not (counted and counted in units and _unit_elsewhere(counted, m)
                       and counted not in reading.lowered[m.id])
              and (not negated or m.id in defined_by_exclusion
                   or not any(_alias_in(a, n) for n in negated_phrases for a in m.aliases))]
    subject_out = [w for n in negated_phrases for w in (*table.names, *table.subject_words)
                   if _alias_in(w, n)]
    if subject_out:
        # "excluding generative AI" beside a table about generative AI: only the table's
        # measures of something else (its other-AI value) can be meant.
        usable = [m for m in usable if m.id in defined_by_exclusion
                  or not any(_alias_in(w, m.label) for w in subject_out)]
    hits: dict[str, tuple[tuple, Span]] = {}
    # (A metric's own words are some of its words: none of these here, none of those.)
    no_words = _none_in(reading.words_keys, present)
    own_words = reading.own_words(usable, list_wide) if not no_words else ()
    window = _near(text, offset, q.span, METRIC_REACH, table)
    pair_at = _pair_start(text, q.span.start - offset) if q.kind == "rank" else None
    if pair_at is not None:
        window = (max(0, window[0] - (q.span.start - offset - pair_at)), window[1])
    if framed_to:
        window = (0, window[1])  # the opening phrase's words count, however far
    aside = prep.aside if prep.aside and prep.aside[1] <= q.span.start - offset else None
    if aside:
        window = (max(0, window[0] - (aside[1] - aside[0])), window[1])

    blocked: list[Span] = []  # metric words kept from the figure as another figure's
    own_clause = bool(FIGURE_OPENS_CLAUSE.match(text, q.span.end - offset))

    def collect(borrow: bool) -> None:
        for metric, own in own_words:
            if own.absent(present):
                continue
            for span, _alias in own.hits(text, offset, window, present):
                if span.overlaps(q.span) or any(span.overlaps(s.span) for s in claim.sources):
                    continue
                if span.start >= q.span.end and _excluded(
                        metric, text[span.end - offset:span.end - offset + NOT_WITH_REACH]):
                    continue  # "five systems above one exaflop/s in mixed precision": past the words
                if _inside_excluded(metric, text, span.start - offset, span.end - offset):
                    continue  # "the sub-factor of technological infrastructure": not the factor
                if span.start >= q.span.end and _next_statement(text, q.span.end - offset, span.end - offset):
                    continue  # "rose from 8th to 6th, its business efficiency climbed from 6th": the next pair's
                if _names_ranking(table, metric, text, span.end - offset):
                    continue  # "in terms of digital technology competitiveness": the ranking's own name
                if span.start >= q.span.end and _contrast_between(text, q.span.end - offset, span.start - offset):
                    continue  # "-- jumping from 43rd to 34th -- but slipped in knowledge": another clause
                if span.start >= q.span.end and _cause_between(text, q.span.end - offset, span.start - offset):
                    continue  # "retained its top position, bolstered by … government efficiency": the cause's
                if span.end <= q.span.start and own_clause and CONTRAST_OPENING.search(
                        text, span.end - offset, q.span.start - offset):
                    continue  # "7% of jobs could go, while 63% may see…": the first clause's words
                if (not (change_partner and _partner_between(claim, text, span))
                        and not (borrow and span.end <= q.span.start)
                        and claim.respective is None  # "third and fifth in technology and knowledge"
                        and _other_figure_before(text, max(0, span.start - offset - 24), span.start - offset)
                        and not _pair_tail(text, q.span.end - offset, span.start - offset)):
                    blocked.append(span)
                    continue  # "14 provinces", "28th for knowledge": another figure's words
                gap = span.start - q.span.end if span.start >= q.span.end else q.span.start - span.end
                if pair_at is not None and span.end - offset <= pair_at:
                    gap = pair_at - (span.end - offset)  # "Infrastructure: … from 43rd to 42nd": the pair's
                if aside and span.end - offset <= aside[0]:
                    gap -= aside[1] - aside[0]  # "its Infrastructure factor, which …, dropped to 58th"
                if gap > METRIC_REACH and not span.end - offset <= framed_to:
                    continue  # "…, which adopt digital technology" far along is not the figure's metric
                key = (gap, -(span.end - span.start))
                if metric.id not in hits or key < hits[metric.id][0]:
                    hits[metric.id] = (key, span)
                used_spans.append(span)

    collect(borrow=False)
    usable_ids = {m.id for m in usable} if defined_by_exclusion else set()
    for mid, span in defined_by_exclusion.items():
        if mid in usable_ids and mid not in hits:
            hits[mid] = ((_gap(span, q.span), -(span.end - span.start)), span)
    if not hits and gapped:
        collect(borrow=True)  # only when the figure has no metric words of its own
    if not hits and claim.referent is not None:
        # "There, Ireland slipped to 10th": the measure the sentence before named.
        return _referent_metrics(claim.referent, reading.own_words(usable, list_wide))
    peak = q.kind in ("quantity", "number") and prep.ask(_peak_before, claim)
    if not hits and not peak and not named and not unit_tie:
        # No metric words of the figure's, and neither a frame nor a unit that could give
        # the default metric: every rule below could only return nothing.
        return []
    loose_hits: dict[str, list[str]] = {}
    for metric in usable if not _none_in(reading.loose_keys, present) else ():
        loose = reading.loose[metric.id]
        if loose.absent(present):
            continue
        for span, alias in loose.hits(text, offset, present=present):
            if not any(u.contains(span) for u in used_spans) \
                    and not _figure_between(text, offset, q.span, span) \
                    and not SHARE_IN_BRACKETS_AFTER.match(text, q.span.end - offset):
                loose_hits.setdefault(metric.id, []).append(reading.loose_why[metric.id][alias])
    if peak:
        # "a sustained 122.3 petaflops, with a transient maximum of 187.7": a figure called a
        # maximum or peak is the peak measure, if the table has one ("On the HPL-AI benchmark,
        # … a peak of 1.421 exaflops" rules it out there); never the default, sustained one.
        peaks = [m for m in usable if any(PEAK_WORD.search(a) for a in m.aliases)]
        if peaks:
            return [(peaks[0], hits[peaks[0].id][1] if peaks[0].id in hits else None, ())]
        hits = {mid: h for mid, h in hits.items() if not table.metrics[mid].default}
    if prep.ask(_share_of_share, claim) or prep.ask(_among_own_parts, claim) \
            or prep.ask(_compared_bracket, claim) or prep.ask(_part_of_total, claim) \
            or prep.ask(_excepted_count, claim) or prep.ask(_per_part, claim):
        return []
    sector = prep.ask(_sector_subject, claim)
    if sector is not None and not any(h[1].overlaps(sector) for h in hits.values()):
        return []  # "the banking industry … an annual value of $200 billion": a sector's part
    if q.kind in ("percent", "points"):
        share_of = prep.ask(_share_of_phrase, claim)
        if share_of is not None:
            # "half of firms" is a share of firms: only a metric named there can be meant.
            hits = {mid: h for mid, h in hits.items()
                    if any(_alias_in(a, "of " + share_of) for a in (
                        *table.metrics[mid].aliases, *table.metrics[mid].loose_aliases))}
            if not hits:
                return []
    if hits and q.kind == "number":
        # "8,699,904 combined GPU and CPU cores" counts cores; "Slingshot 11 network"
        # counts no metric's thing: when a noun follows the figure, the metric's own
        # words must be among the next few words.
        phrase = prep.phrase
        if phrase is not None:
            # "three exascale systems", "four 'exascale-class' supercomputers": a kind of
            # the thing counted; only a count of the thing itself is the metric.
            if claim.role == "difference":  # "1,069,056 more cores than Fugaku"
                phrase = COMPARED_COUNT.sub("", phrase)
            # A metric whose own words carry the kind ("exascale systems": how many of the
            # list's systems are exascale) is the count of that kind.
            qualified = bool(QUALIFIED_COUNT.match(phrase))
            bare = phrase if not qualified else ""
            hits = {mid: h for mid, h in hits.items()
                    if any(_alias_in(a, " ".join(bare.split()[:4])) for a in (
                        *table.metrics[mid].aliases, *table.metrics[mid].loose_aliases))
                    or (qualified and any(QUALIFIED_COUNT.match(a) and _alias_in(a, " ".join(phrase.split()[:4]))
                                          for a in table.metrics[mid].aliases))}
    if claim.respective is not None and hits:
        # "strong in technology and knowledge, ranking third and fifth respectively", "third
        # and fifth in technology and knowledge, respectively": the n-th figure of the list
        # is the n-th measure named before it, or else after it; when the measures named
        # are not as many as the figures, which is whose is not said.
        place, length, start, end = claim.respective
        ordered = sorted((h[1].start, h[1].end, mid) for mid, h in hits.items())
        listed = [mid for a, b, mid in ordered if b <= start]
        if len(listed) != length:
            listed = [mid for a, b, mid in ordered if a >= end]
        if len(listed) != length:
            return []
        hits = {listed[place]: hits[listed[place]]}
    if hits and all(h[1].start < q.span.start for h in hits.values()) \
            and TERMS_AFTER.match(text, q.span.end - offset):
        # "In technology, it came 66th, in terms of regulation": the words right after the
        # figure name its measure, a narrower one than the frame before it.
        return []
    if prep.ask(_pointing_back, claim):
        return []
    if hits and q.kind == "rank" and all(h[1].end <= q.span.start for h in hits.values()) \
            and IN_AFTER.match(claim.sentence.text, q.span.end - offset) and prep.ask(_measure_after, claim):
        # "the biggest gain in the technology factor, holding first position in telecoms
        # investment": a measure named right after the rank is its own; a word of the
        # table's further back names something else.
        return []
    if hits and q.kind == "rank" and claim.respective is None:
        named_at = prep.ask(_measure_after_at, claim)
        if named_at is not None:
            # "ranks third globally in regulation, a sub-factor of the technology factor":
            # the measure named right after the rank is its own; the table's words further
            # along name something else (here its parent).
            hits = {mid: h for mid, h in hits.items() if _names_from(text, named_at - offset, h[1].start - offset)}
            if not hits:
                return []
    label = prep.ask(_bracket_label, claim)
    if label is not None:
        if SUB_MEASURE.search(label):
            return []  # "the sub-indices of digital infrastructure (sixth)": a part's rank
        # "particularly its institutional framework (2nd)": a rank in brackets is the rank
        # of what stands right before them; only a metric named there can be meant.
        hits = {mid: h for mid, h in hits.items() if any(
            _alias_in(a, label) for a in table.metrics[mid].aliases)}
        if not hits:
            return []
    if len(hits) > 1:
        # "442 petaflops of peak performance": the longer phrase (Rpeak's "peak performance")
        # says more than the word inside it (Rmax's "performance").
        hits = {mid: h for mid, h in hits.items()
                if not any(o[1] != h[1] and o[1].contains(h[1]) for o in hits.values())}
    if len(hits) > 1:
        # "$11 trillion in economic value of other forms of AI": words right after "of" say
        # whose value it is, a narrower measure than the general words they complete.
        hits = {mid: h for mid, h in hits.items() if not any(
            o[1].start > h[1].end and OF_BETWEEN.fullmatch(text, h[1].end - offset, o[1].start - offset)
            for o in hits.values())}
    if len(hits) > 1:
        # "the GDP gains — $6.6 trillion — are expected to come from increased labor
        # productivity": words the figure is said to come from name which part it is.
        part_of = {mid: h for mid, h in hits.items() if h[1].start >= q.span.end and _comes_from(
            text[q.span.end - offset:h[1].start - offset])}
        if part_of:
            hits = part_of
    if hits:
        # Metric words much farther away than the nearest ones are about other figures
        # ("$6.2 trillion from productivity, and $9.1 trillion from consumption").
        nearest = min(h[0][0] for h in hits.values())
        hits = {mid: h for mid, h in hits.items() if h[0][0] <= nearest + CLOSE_ENOUGH}
        closest = sorted(hits, key=lambda mid: hits[mid][0])[:3]
        return [(table.metrics[mid], hits[mid][1], tuple(loose_hits.get(mid, ()))) for mid in closest]
    if loose_hits and named:
        metric_id = next(iter(loose_hits))
        return [(table.metrics[metric_id], None, tuple(loose_hits[metric_id]))]
    if peak or not (named and (q.kind == "rank" or (q.kind in ("percent", "money", "points", "quantity")
                                                    and distance == 0))
                    or (unit_tie and q.kind == "quantity")):
        return []  # no default metric can be meant: the tests below need not run
    # Another metric's words right by the figure ("labour productivity growth would expand
    # 1.5%") say it is that other measure, even if its kind does not fit: no default then.
    ranked_counts = reading.ranked_counts
    usable_ids = {m.id for m in usable}
    others_named = not no_words and any(
        not _other_figure_before(text, max(0, span.start - offset - 24), span.start - offset)
        and _gap(span, q.span) < CLOSE_WORDS
        and not CLAUSE_MARK.search(text[min(span.end, q.span.end) - offset:max(span.start, q.span.start) - offset])
        and not any(span.overlaps(src.span) for src in claim.sources)
        and not (q.out_of is not None and 0 <= span.start - q.span.end <= 2)  # "…of 67 economies"
        for m in reading.metrics if m.id not in usable_ids and m.kind != "text"
        # "Asian economies Singapore (fourth)": the word for what a ranking ranks is no rival
        and not (q.kind == "rank" and m.id in ranked_counts)
        if not reading.words[m.id].absent(present)
        for span, _ in reading.words[m.id].hits(text, offset, window, present))
    # "scored 50.4 in government efficiency, ranking 33rd": the sentence names a measure
    # of the table, though another figure's; the rank is not grounded as the default one.
    plain = not (q.kind == "rank" and any(b.end <= q.span.start for b in blocked)) and not others_named and not negated and not prep.ask(_other_measure_of, claim) \
        and not (q.kind == "rank" and not no_words and _one_measure_far(claim, table, text, own_words, present)) \
        and not prep.ask(_measure_after, claim) and not _other_benchmark_after(claim, table) \
        and not prep.ask(_partner_measure_after, claim) and not prep.ask(_in_measured_run, claim) \
        and not prep.ask(_narrowed, claim) and not _other_list_after(claim, table) \
        and not _topic_in_clause(claim, table) \
        and not prep.ask(_bracket_names_measure, claim) \
        and (claim.respective is None or _years_listed(claim)) \
        and not _every_other_excluded(reading.fitting(q.kind, q.currency, q.unit), prep)
    # "Goldman Sachs predicts global GDP will grow by 2.6%": no measure word, and the
    # paragraph says nothing of the table's topic (AI): the bank's other forecasts are meant.
    if plain and table.topic_words and table.id not in claim.paragraph_topics:
        plain = False
    if plain:  # (and a frame or unit allows a default, as tested above)
        return [(m, None, ()) for m in usable if m.default][:1]
    return []

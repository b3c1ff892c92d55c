"""Which tables' metric words a sentence can hold, found in one pass over the sentence.

Choosing a table's metric (``metricwords.choose_metrics``) scans the sentence for that
table's metric words; for a table tied to a claim only weakly (the claim names a country
the table has rows for) nothing else can choose a metric, so a sentence holding none of
the table's metric words gives no candidate. This index answers "which tables could have
a metric word here" for every table at once: every word of every metric alias (and of its
abbreviations spelled out) goes into one Aho–Corasick automaton, one pass over the
lower-cased sentence finds the words present, and a dictionary lookup from each word
found gives the aliases it starts. The cost grows with the sentence and the words found
in it, not with the number of tables or metrics.

The test is a necessary condition, never a sufficient one: an alias matches (case
folded, its spaces matching runs of spaces and hyphens) only where each of its words
stands in the sentence, so a table this index leaves out cannot have a metric word there.
Blanking parts of the sentence (the figure, words after a cause) only removes words.
"""

from __future__ import annotations


from ahocorasick_rs import AhoCorasick, Implementation

from ..reference.library import Library


def alias_words(alias: str) -> frozenset[str]:
    """The words an alias is matched by, lower case ("future-readiness" → future, readiness):
    its pieces between runs of spaces and hyphens (``str.split`` splits on exactly the
    characters ``\\s`` matches)."""
    return frozenset(alias.lower().replace("-", " ").split())


class MetricWordIndex:
    """Built once per library; ``tables_in`` runs per sentence."""

    def __init__(self, library: Library, variants=lambda alias: ()):
        # word → [(table id, every word of one alias)], keyed by the alias's longest word
        # (the rarest in practice), so a sentence only looks at aliases it may complete.
        by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self._by_word = by_word
        all_words: set[str] = set()
        for table in library.tables.values():
            table_id, seen = table.id, set()
            for metric in table.metrics.values():
                for alias in metric.aliases:
                    for text in (alias, *variants(alias)):
                        words = alias_words(text)
                        if not words or words in seen:
                            continue
                        seen.add(words)
                        all_words |= words
                        key = next(iter(words)) if len(words) == 1 else max(sorted(words), key=len)
                        found = by_word.get(key)
                        if found is None:
                            by_word[key] = [(table_id, words)]
                        else:
                            found.append((table_id, words))
        all_words = sorted(all_words)
        # The plain NFA: the quickest to build, and as quick as the others on a sentence.
        self._automaton = AhoCorasick(all_words, implementation=Implementation.NoncontiguousNFA) if all_words else None
        self._last: tuple[str, frozenset[str]] | None = None

    def tables_in(self, sentence: str) -> frozenset[str]:
        """Ids of the tables with an alias all of whose words stand in ``sentence``."""
        if self._last is not None and self._last[0] == sentence:
            return self._last[1]  # the claims of one sentence come one after another
        found: set[str] = set()
        if self._automaton is not None:
            present = set(self._automaton.find_matches_as_strings(sentence.lower(), overlapping=True))
            for word in present:
                for table_id, words in self._by_word.get(word, ()):
                    if table_id not in found and words <= present:
                        found.add(table_id)
        result = frozenset(found)
        self._last = (sentence, result)
        return result


def metric_word_index(library: Library, variants=lambda alias: ()) -> MetricWordIndex:
    """The library's index, built on first use and kept with the library."""
    index = library._derived.get("metric_word_index")
    if index is None:
        index = library._derived["metric_word_index"] = MetricWordIndex(library, variants)
    return index

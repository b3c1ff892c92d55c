"""Work out what a paragraph and the whole article are about.

The subject of a paragraph is the entity it names most (ties go to the first named); the
article's subject is the entity named most overall, headings counting double. They let
"the nation" resolve, and give the other entities a misattributed figure may belong to.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import field

from ..dataclassgen import dataclass
from ..model import EntityMention, Sentence


@dataclass(frozen=True)
class Subjects:
    """Who an article and each of its paragraphs are about."""

    article: str | None
    paragraphs: dict[int, str]
    paragraph_entities: dict[int, tuple[str, ...]]
    heading_entities: tuple[str, ...]
    kinds: dict[str, str] = field(default_factory=dict)
    """The kind of each entity named (economy, system, model, …)."""
    _by_kind: dict = field(default_factory=dict, repr=False, compare=False)

    def of_paragraph(self, paragraph: int, kind: str | None = None) -> str | None:
        """What "the nation" (kind economy) or "the machine" (kind system) refers to: the
        most named entity of that kind in this paragraph, else in the ones before it,
        else in the article."""
        if kind is None:
            return self.paragraphs.get(paragraph) or self.article
        paragraphs, names = self._of_kind(kind)
        at = bisect.bisect_right(paragraphs, paragraph)
        if at:
            return names[at - 1]
        return self.article if self.kinds.get(self.article) == kind else None

    def _of_kind(self, kind: str) -> tuple[list[int], list[str]]:
        """The paragraphs that name an entity of ``kind``, in order, with the most named
        one of each: looked up by bisection, so resolving every "the nation" of a long
        article does not walk back through all the paragraphs before it."""
        if kind not in self._by_kind:
            found = []
            for p in sorted(self.paragraph_entities):
                name = next((n for n in self.paragraph_entities[p] if self.kinds.get(n) == kind), None)
                if name is not None:
                    found.append((p, name))
            self._by_kind[kind] = ([p for p, _ in found], [n for _, n in found])
        return self._by_kind[kind]

    def passage(self, paragraph: int) -> tuple[str, ...]:
        """Entities of the passage, most salient first: the paragraph's, the article's
        subject, the previous paragraph's and the headings'."""
        ordered: list[str] = []
        for name in (*self.paragraph_entities.get(paragraph, ()), self.article,
                     *self.paragraph_entities.get(paragraph - 1, ()), *self.heading_entities):
            if name and name not in ordered:
                ordered.append(name)
        return tuple(ordered)


def _ranked(counter: Counter, first_seen: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(counter, key=lambda e: (-counter[e], first_seen[e])))


def find(sentences: list[Sentence], mentions: dict[int, list[EntityMention]]) -> Subjects:
    """``mentions`` maps a sentence index to its named entity mentions (no references)."""
    article: Counter = Counter()
    per_paragraph: dict[int, Counter] = {}
    first_seen: dict[str, int] = {}
    kinds: dict[str, str] = {}
    headings: list[str] = []
    for index, sentence in enumerate(sentences):
        for mention in mentions.get(index, ()):
            if mention.via == "reference" or not mention.entity or mention.kind == "world":
                continue
            first_seen.setdefault(mention.entity, mention.span.start)
            kinds.setdefault(mention.entity, mention.kind)
            article[mention.entity] += 2 if sentence.heading else 1
            if mention.via == "demonym" and mention.kind == "economy":
                # "Swiss business school IMD": an adjective, not what the paragraph is about
                # ("the Republic" later in the article is still Singapore)
                continue
            per_paragraph.setdefault(sentence.paragraph, Counter())[mention.entity] += 1
            if sentence.heading and mention.entity not in headings:
                headings.append(mention.entity)
    ranked_paragraphs = {p: _ranked(c, first_seen) for p, c in per_paragraph.items()}
    top = _ranked(article, first_seen)
    return Subjects(
        article=top[0] if top else None,
        paragraphs={p: names[0] for p, names in ranked_paragraphs.items() if names},
        paragraph_entities=ranked_paragraphs,
        heading_entities=tuple(headings),
        kinds=kinds,
    )

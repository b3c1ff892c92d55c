"""Where a named system stands: the country a sentence gives it, against the tables'.

"China's Fugaku", "the Chinese Fugaku", "Germany's JUPITER Booster": a sentence that gives
a figure of a system often says whose system it is, with a possessive or a demonym right
before the name. The TOP500 lists give every system's country of installation (a text
measure of the table), so that part of the claim can be checked as surely as the figure:
a figure that matches the system's own row, in a sentence that puts the system in the
wrong country, is still a wrong sentence.

Only the tightest forms count: the country's name with "'s", or its demonym, then at most
two lower-case words or quotation marks ("Japan's flagship Fugaku", "Germany's
"JUPITER Booster""), then the system's name. A country named anywhere else in the sentence
("Fugaku beat China's best", "China took spots 3 and 4 with …") is left alone: who owns
what is then a reading, not the article's words.
"""

from __future__ import annotations

import re

from .. import patterns
from ..model import EntityMention, Fact
from ..reference.library import Library
from ..reference.tables import Table

FEW_WORDS = r"(?:\s+(?:[a-z][\w-]*|[\"“”‘’']))?(?:\s+(?:[a-z][\w-]*|[\"“”‘’']))?\s*[\"“”‘’']?"
"""At most two lower-case words or quotation marks, then perhaps an opening quotation mark."""
GAP_AFTER_NAME = patterns.compile(r"[’']s" + FEW_WORDS)
"""Between a country's name and the system's: the possessive, then ``FEW_WORDS``."""
GAP_AFTER_DEMONYM = patterns.compile(FEW_WORDS)
"""Between a demonym ("Japanese") and the system's name: ``FEW_WORDS`` alone."""
NOT_BETWEEN = frozenset({"and", "or", "than", "of", "to", "from", "with", "by", "over", "beat", "beats", "at",
                         "in", "on", "for", "as", "but", "while", "vs", "versus"})
"""Words that would make the country qualify something else ("China's rival to Fugaku",
"Japanese and American systems")."""


def placing_country(sentence_text: str, sentence_start: int, mentions: list[EntityMention],
                    system: EntityMention) -> EntityMention | None:
    """The country mention the sentence puts right before the system's name (possessive
    or demonym), or None."""
    for mention in mentions:
        if mention.kind != "economy" or mention.via not in ("name", "demonym"):
            continue
        if mention.span.end > system.span.start:
            continue
        gap = sentence_text[mention.span.end - sentence_start:system.span.start - sentence_start]
        shape = GAP_AFTER_NAME if mention.via == "name" else GAP_AFTER_DEMONYM
        if not shape.fullmatch(gap):
            continue
        if any(w.lower() in NOT_BETWEEN for w in re.findall(r"[A-Za-z-]+", gap)):
            continue
        return mention
    return None


def installed_in(library: Library, system: str, period: str | None = None) -> tuple[Table, Fact] | None:
    """The table and row that give ``system``'s country (a text measure whose values are
    countries the library knows) — the row of ``period`` when there is one, else the
    latest — when every such row agrees; None when no table says or they differ."""
    rows = []
    for table in library.tables.values():
        text_metrics = {m.id for m in table.metrics.values() if m.kind == "text"}
        if not text_metrics:
            continue
        for fact in table.rows(system):
            info = library.entities.get(fact.value) if fact.metric in text_metrics else None
            if info is not None and info.kind == "economy" and not fact.status:
                rows.append((table, fact))
    if not rows or len({f.value for _, f in rows}) != 1:
        return None
    return max(rows, key=lambda r: (r[1].period == period, r[1].period))

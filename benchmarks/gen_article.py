"""Generate benchmark articles: about 1,000 words of prose whose figures come from the reference tables.

The article is built from the loaded library, not from a fixed text, so it keeps
exercising every table the library holds as tables are added. About a quarter of the
figures are deliberately altered, so the checker produces a mix of verdicts as it would
on a real draft. The filler sentences are written for this benchmark and carry no claims
about real data.

    python benchmarks/gen_article.py --words 1000 --seed 1 > article.txt
"""

from __future__ import annotations

import argparse
import random
import sys

from factcheck.reference.library import Library
from factcheck.model import Fact
from factcheck.reference.tables import Table
from factcheck.judge.wording import ordinal

AS_OF = "2024-07-01"
"""The date the benchmark articles are checked as of (fixed, so runs are comparable)."""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# Sentences with no checkable figure, so the claims sit in prose of a realistic density.
FILLER = (
    "Analysts say the picture is more nuanced than the headline numbers suggest.",
    "Several executives we spoke to were cautious about reading too much into one study.",
    "The methodology has changed over the years, which complicates comparisons.",
    "Officials declined to comment on the record.",
    "Critics argue that surveys of this kind reward countries with strong marketing.",
    "The findings arrive as governments race to train engineers and attract investment.",
    "Industry groups welcomed the report but called for clearer definitions.",
    "For smaller economies, the stakes are different.",
    "Much depends on how quickly companies can retrain their existing staff.",
    "None of this is settled, and the next edition may tell a different story.",
    "Universities have been slow to adjust their curricula to the new demand.",
    "Investors, for their part, seem less interested in rankings than in returns.",
    "The data also reveal a widening gap between large firms and small ones.",
    "Some economists warn that the estimates rest on optimistic assumptions.",
    "Procurement rules, not technology, are often the real bottleneck.",
    "The report's authors stress that their scenarios are not forecasts.",
    "Energy costs remain a constant worry for operators of large data centres.",
    "A spokesperson said the agency would publish more detail later this year.",
    "Still, the direction of travel is hard to miss.",
    "Whether policy can keep pace with the technology is an open question.",
)

# Sentences with figures no table covers: a real article is full of these.
LOOSE_FIGURES = (
    "The conference drew some {n:,} attendees over {d} days.",
    "A survey of {n:,} managers found that {p}% planned to raise their IT budgets.",
    "The company employs about {n:,} people across {d} offices.",
    "The ministry has set aside {d} billion yen for training programmes.",
    "Roughly {p}% of the firms surveyed said they lacked the skills they needed.",
)


def spoken_number(value: float) -> str:
    """A figure the way a reporter writes it: 789,000 / 1.2 million / 7 trillion."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:.3g}"


def time_phrase(table: Table, fact: Fact) -> str:
    period = fact.period
    if table.period_kind == "list" and len(period) == 7 and period[4] == "-":
        return f"in the {MONTHS[int(period[5:]) - 1]} {period[:4]} list"
    if table.period_kind == "edition":
        return f"in the {period} edition"
    if table.period_kind == "horizon" and period.endswith("y") and period[:-1].isdigit():
        return f"over {period[:-1]} years"
    if len(period) == 4 and period.isdigit():
        return f"by {period}" if int(period) > int(AS_OF[:4]) else f"in {period}"
    if len(period) == 9 and period[4] == "-":
        return f"between {period[:4]} and {period[5:]}"
    return ""


def _altered(value: float, kind: str, rng: random.Random) -> float:
    if kind == "rank":
        return max(1, value + rng.choice((-3, -2, -1, 1, 2, 4)))
    return value * rng.choice((0.6, 0.8, 1.25, 1.5))


def figure_text(table: Table, fact: Fact, value: float) -> str:
    metric = table.metrics[fact.metric]
    hedge = f"{fact.hedge} " if fact.hedge else ""
    if metric.kind == "rank":
        return ordinal(int(value))
    if metric.kind == "percent":
        return f"{hedge}{value:.3g}%"
    if metric.kind == "money":
        return f"{hedge}${spoken_number(value)}"
    unit = "" if fact.unit in ("", "year") else f" {fact.unit}"
    return f"{hedge}{spoken_number(value)}{unit}"


def claim_sentence(table: Table, fact: Fact, rng: random.Random) -> str:
    """One sentence stating ``fact`` (or an altered value), citing its table or publisher."""
    metric = table.metrics[fact.metric]
    value = float(fact.value)
    if rng.random() < 0.25:
        value = _altered(value, metric.kind, rng)
    figure = figure_text(table, fact, value)
    source = rng.choice(table.names or (table.title,))
    publisher = rng.choice(table.publisher_names or (table.publisher,))
    alias = rng.choice(metric.aliases) if metric.aliases else metric.label
    when = time_phrase(table, fact)
    entity = "the world" if fact.entity == "World" else fact.entity
    if metric.kind == "rank":
        forms = (
            f"{entity} ranked {figure} for {alias} {when} of the {source}.",
            f"According to the {source}, {entity} came {figure} for {alias} {when}.",
            f"{publisher} placed {entity} {figure} on {alias} {when}.",
        )
    else:
        forms = (
            f"According to {publisher}, the {alias} figure for {entity} was {figure} {when}.",
            f"The {source} puts {alias} for {entity} at {figure} {when}.",
            f"{publisher} estimates {alias} of {figure} for {entity} {when}.",
        )
    sentence = " ".join(rng.choice(forms).split())
    return sentence.replace(" .", ".")  # when the period has no phrase


def checkable_facts(library: Library) -> list[tuple[Table, Fact]]:
    pool = []
    for table in library.tables.values():
        for fact in table.facts:
            metric = table.metrics.get(fact.metric)
            if metric and metric.kind != "text" and not fact.status and fact.number is not None:
                pool.append((table, fact))
    return pool


def make_article(library: Library, words: int = 1000, seed: int = 1) -> str:
    """Roughly ``words`` words in paragraphs of 3–5 sentences; about one claim in three sentences."""
    rng = random.Random(seed)
    pool = checkable_facts(library)
    paragraphs = ["Who is winning the race for digital talent?"]
    count = len(paragraphs[0].split())
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            roll = rng.random()
            if roll < 0.45 and pool:
                sentences.append(claim_sentence(*rng.choice(pool), rng))
            elif roll < 0.55:
                template = rng.choice(LOOSE_FIGURES)
                sentences.append(template.format(n=rng.randint(200, 90000), d=rng.randint(2, 40),
                                                 p=rng.randint(5, 80)))
            else:
                sentences.append(rng.choice(FILLER))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def main(argv: list[str] | None = None) -> int:
    from factcheck.reference import library

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sys.stdout.write(make_article(library.load(), args.words, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

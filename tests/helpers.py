"""Shared test helpers: write a table folder, check a text with the engine."""

from __future__ import annotations

import csv
import datetime as dt
import json
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from factcheck.read import document
from factcheck.reference import library
from factcheck.judge.check import Engine, _analysed
from factcheck.extract.claims import extract
from factcheck.reference.tables import COLUMNS


def write_table(folder: Path, table_id: str, meta: dict, rows: list[dict], title: str = "") -> Path:
    target = folder / table_id
    target.mkdir(parents=True, exist_ok=True)
    descriptor = {
        "name": table_id,
        "title": title or table_id,
        "sources": [{"title": "test source", "path": "https://example.test/source"}],
        "resources": [{"name": "facts", "path": "facts.csv"}],
        "factcheck": meta,
    }
    (target / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    with (target / "facts.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            full = {c: "" for c in COLUMNS}
            full.update({"publisher": "Test Publisher", "source_title": "Test source",
                         "source_url": "https://example.test/source", "published": "2021-06-01"})
            full.update({k: str(v) for k, v in row.items()})
            writer.writerow(full)
    return target


GOLD_ARTICLES = Path(__file__).resolve().parent / "gold" / "articles"


@lru_cache(maxsize=1)
def shipped_engine() -> Engine:
    """One engine over the shipped library, for the tests that only read it."""
    return Engine.create(library.load())


def claims_in(name: str, text: str, as_of: dt.date = dt.date(2024, 7, 1)) -> list:
    """The claims extraction finds in ``text`` with the shipped engine."""
    doc = document.from_text(text, name, as_of=as_of)
    return extract(_analysed(doc)[0], shipped_engine().extractors)


@lru_cache(maxsize=1)
def gold_claims() -> tuple:
    """The claims of the first 40 gold articles (``tests/gold/articles``): real forms to
    draw from in property tests that compare a shortcut with its plain version."""
    return tuple(c for path in sorted(GOLD_ARTICLES.iterdir())[:40]
                 for c in claims_in(path.name, path.read_text(encoding="utf-8")))


def engine_for(*extra: Path) -> Engine:
    return Engine.create(library.load([str(p) for p in extra], use_cache=False))


def check_text(engine: Engine, text: str, as_of: str | None = None, markdown: bool = False):
    date = dt.date.fromisoformat(as_of) if as_of else None
    doc = document.from_text(text, "test.md" if markdown else "test.txt", as_of=date, markdown=markdown)
    return doc, engine.check(doc)


def verdicts(findings) -> list[tuple[str, str]]:
    return [(f.claim.quantity.text, f.verdict.value) for f in findings]


def disguised(phrases, look_alikes: dict[str, str]):
    """A hypothesis strategy: one of ``phrases`` with each character kept, upper-cased,
    lower-cased or swapped for a look-alike (``look_alikes``) — how a gate word may be written."""
    from hypothesis import strategies as st

    @st.composite
    def draw_one(draw):
        out = []
        for ch in draw(st.sampled_from(phrases)):
            how = draw(st.sampled_from(["keep", "keep", "keep", "upper", "lower", "look-alike"]))
            out.append(ch.upper() if how == "upper" else ch.lower() if how == "lower"
                       else look_alikes.get(ch, ch) if how == "look-alike" else ch)
        return "".join(out)

    return draw_one()


@contextmanager
def gates_open():
    """Every word gate of the extractors open (``factcheck/extract/folding.py``): each
    pattern is tried in every sentence, as if every sentence held every gate's words."""
    from factcheck.extract import folding

    holds_any, held = folding.holds_any, folding.held
    folding.holds_any = lambda text, words: True
    folding.held = lambda text: -1  # every bit set
    try:
        yield
    finally:
        folding.holds_any, folding.held = holds_any, held

"""Shared test helpers: write a table folder, check a text with the engine."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from factcheck.read import document
from factcheck.reference import library
from factcheck.judge.check import Engine
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
                         "source_url": "https://example.test/source", "published": "2020-01-01"})
            full.update({k: str(v) for k, v in row.items()})
            writer.writerow(full)
    return target


def engine_for(*extra: Path) -> Engine:
    return Engine.create(library.load([str(p) for p in extra], use_cache=False))


def check_text(engine: Engine, text: str, as_of: str | None = None, markdown: bool = False):
    date = dt.date.fromisoformat(as_of) if as_of else None
    doc = document.from_text(text, "test.md" if markdown else "test.txt", as_of=date, markdown=markdown)
    return doc, engine.check(doc)


def verdicts(findings) -> list[tuple[str, str]]:
    return [(f.claim.quantity.text, f.verdict.value) for f in findings]

"""Seeded-error audit on unseen real passages: does a figure the engine supports get
flagged once it is made wrong?

``flag_audit.py`` measures false alarms on unseen text, but needs a person to judge each
flag. This audit needs no judge: for every claim the engine finds **supported** in a
passage (its figure equals the table's), it writes copies of the passage with one error
seeded into that claim — the figure changed so that it is clearly wrong, or its entity
(the words that named it) replaced by another entity of the same kind — and counts how
many of those copies get an error or warning on the changed words. A miss is a grounded
claim whose wrong twin passes: the measure, edition or owner the engine found for the true
figure is not used to check the wrong one. (A supported claim is not always a true one, and
a swapped entity can hold the same figure by chance; read the misses.)

    python benchmarks/mutation_audit.py DIR [DIR ...] [--factcheck CMD] [--misses]

``DIR/index.tsv`` as for ``flag_audit.py`` (``file``, ``url``, ``published``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import factcheck_command  # noqa: E402
from flag_audit import documents, passages  # noqa: E402

FLAGS = ("error", "warning")

ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
YEAR = re.compile(r"(?:19|20)\d\d")

FALLBACK = {"economy": ("Japan", "Germany"), "system": ("Frontier", "Fugaku"),
            "model": ("GPT-3", "BLOOM")}
"""Entities to swap in when the passage names no other of the same kind (the second when
the first is the one named)."""


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def wrong_figure(text: str) -> str | None:
    """The figure's words with its first number made clearly wrong: a place moved by
    three, a decimal raised by half, a whole number by three (small) or 30% (large),
    separators and decimals kept. None when the words hold no number but a year."""
    m = ORDINAL.search(text)
    if m:
        n = int(m[1])
        new = n + 3 if n <= 60 else n - 3
        return text[:m.start()] + f"{new}{_suffix(new)}" + text[m.end():]
    for m in NUMBER.finditer(text):
        digits = m[0].replace(",", "")
        if YEAR.fullmatch(digits):
            continue
        if "." in digits:
            places = len(digits.split(".")[1])
            new = f"{float(digits) * 1.5:,.{places}f}" if "," in m[0] else f"{float(digits) * 1.5:.{places}f}"
        else:
            n = int(digits)
            value = n + 3 if n < 100 else int(n * 1.3)
            new = f"{value:,}" if "," in m[0] else str(value)
        return text[:m.start()] + new + text[m.end():]
    return None


def run(command: list[str], paths: list[Path], date: str) -> dict[str, list[dict]]:
    """Each passage's findings, by its file name."""
    return {Path(d["path"]).name: d["findings"] for d in documents(command, paths, date)}


def _entity(finding: dict) -> tuple[int, int, str, str] | None:
    """Where the article named the claim's entity, its words and its canonical name."""
    ground = (finding.get("grounds") or {}).get("entity") or {}
    span = ground.get("span")
    if ground.get("by") != "article" or not span or not ground.get("words"):
        return None
    return span["start"], span["end"], ground["words"], ground.get("value") or ""


def variants(text: str, findings: list[dict], kinds: dict[str, tuple[str, tuple[str, ...]]]
             ) -> list[tuple[str, str, int, int, str]]:
    """(kind, new text, start, end of the changed words, what changed) per seeded error.
    ``kinds``: each entity's kind and the names it goes by (canonical name and aliases)."""
    supported = [f for f in findings if f["verdict"] == "supported"]
    named = [e[3] for e in map(_entity, findings) if e and e[3] in kinds]
    out = []
    for f in supported:
        start, end = f["span"]["start"], f["span"]["end"]
        new = wrong_figure(text[start:end])
        if new:
            out.append(("figure", text[:start] + new + text[end:], start, start + len(new),
                        f"{text[start:end]!r} -> {new!r}"))
        e = _entity(f)
        if e is None:
            continue
        e_start, e_end, words, canonical = e
        kind, names = kinds.get(canonical, ("", ()))
        # Only a thing named by its name (not "Japanese", "the world"), of a kind that
        # has others like it.
        if text[e_start:e_end] != words or kind not in FALLBACK or words.lower() not in names:
            continue
        others = [n for n in named if n != canonical and kinds[n][0] == kind]
        pool = FALLBACK[kind]
        swap = others[0] if others else (pool[0] if pool[0] != canonical else pool[1])
        changed = text[:e_start] + swap + text[e_end:]
        shift = len(swap) - (e_end - e_start)
        s, t = (start + shift, end + shift) if start >= e_end else (start, end)
        out.append(("entity", changed, min(s, e_start), max(t, e_start + len(swap)),
                    f"{words!r} -> {swap!r} at {text[start:end]!r}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--factcheck", help="the factcheck command to run")
    ap.add_argument("--misses", action="store_true", help="list every seeded error not flagged")
    args = ap.parse_args(argv)
    command = [args.factcheck or factcheck_command()]
    if not args.factcheck and not Path(command[0]).exists():
        command = [sys.executable, "-m", "factcheck"]
    from factcheck.reference import library

    lib = library.load()
    kinds = {e.name: (e.kind, tuple(n.lower() for n in (e.name, *e.aliases)))
             for e in lib.entities.values()}
    for table in lib.tables.values():
        for name, info in table.entities.items():
            kinds.setdefault(name, (info.get("kind", ""), tuple(
                n.lower() for n in (name, *info.get("aliases", ())))))
    totals = {"passages": 0, "supported": 0, "figure": [0, 0], "entity": [0, 0]}
    with tempfile.TemporaryDirectory(prefix="mutation-audit-") as tmp:
        for folder in args.folders:
            for path, date in passages(folder):
                totals["passages"] += 1
                text = path.read_text(encoding="utf-8")
                findings = run(command, [path], date)[path.name]
                totals["supported"] += sum(f["verdict"] == "supported" for f in findings)
                seeded = variants(text, findings, kinds)
                if not seeded:
                    continue
                files = []
                for i, (_, new_text, *_rest) in enumerate(seeded):
                    p = Path(tmp) / f"{path.stem}.m{i}.txt"
                    p.write_text(new_text, encoding="utf-8")
                    files.append(p)
                results = run(command, files, date)
                for p, (kind, _, start, end, what) in zip(files, seeded):
                    hit = [f for f in results.get(p.name, [])
                           if f["span"]["start"] < end and start < f["span"]["end"]]
                    caught = any(f["severity"] in FLAGS for f in hit)
                    totals[kind][0] += 1
                    totals[kind][1] += caught
                    if args.misses and not caught:
                        got = ",".join(sorted({f["verdict"] for f in hit})) or "nothing"
                        print(f"{folder.name}/{path.name}\t{kind}\t{what}\t{got}")
    f_n, f_hit = totals["figure"]
    e_n, e_hit = totals["entity"]
    n, hit = f_n + e_n, f_hit + e_hit
    print(f"{totals['passages']} passages, {totals['supported']} supported claims; seeded errors "
          f"flagged: {hit} of {n} ({rate(hit, n)}); figure changed {f_hit} of {f_n} "
          f"({rate(f_hit, f_n)}), entity swapped {e_hit} of {e_n} ({rate(e_hit, e_n)})")
    return 0


def rate(hit: int, count: int) -> str:
    return f"{hit / count:.3f}" if count else "-"


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark the engine by the instructions it executes, not by the clock.

On a shared machine the time of the same warm check moves by a third from one minute to
the next (other tenants' load, frequency changes); a before/after ratio of a few per cent
is lost in it. The number of machine instructions a check executes hardly moves: this
script counts them with valgrind's callgrind for ``engine.check`` over generated
~250-word passages (``gen_article.py``), with the library loaded and the engine warm
(every passage checked once before counting, so first-use costs are not counted), for
this code and, with ``--before DIR``, for an older checkout in the same run.

Instructions are not time (a cache miss costs more than an addition), so this is the
steady companion of ``bench_check.py``'s warm figure, not a replacement: the ratio says
whether a change made the engine do less work, the clock says what that is worth.

    python benchmarks/bench_instructions.py                   # ~30 s per checkout
    python benchmarks/bench_instructions.py --before /tmp/old # an older checkout too

Needs valgrind (``apt install valgrind``); without it the script says so and stops.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# Runs under callgrind. Counting is switched on only inside functools.reduce (a C
# function whose symbol callgrind can toggle on), which runs the counted checks alone.
CHILD = r"""
import datetime as dt, functools, os, sys
sys.path.insert(0, os.environ["BENCH_DIR"])
from gen_article import AS_OF, make_article
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.read.document import from_text
lib = library.load()
engine = Engine.create(lib)
count, words = int(os.environ["BENCH_ARTICLES"]), int(os.environ["BENCH_WORDS"])
docs = [from_text(make_article(lib, words, seed), f"a{seed}.txt", as_of=dt.date.fromisoformat(AS_OF))
        for seed in range(1, count + 1)]
claims = sum(len(engine.check(d)) for d in docs)  # warm: first-use costs are not counted
functools.reduce(lambda _, d: engine.check(d), docs, None)
print(claims, sum(len(d.prose.split()) for d in docs))
"""

TOGGLE = "functools_reduce"
"""The C function of ``functools.reduce`` in CPython; counting is on only inside it."""


def count(code: Path, articles: int, words: int) -> dict:
    """Instructions of ``engine.check`` over the passages, with the code at ``code``."""
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp, "child.py")
        child.write_text(CHILD, encoding="utf-8")
        out = Path(tmp, "callgrind.out")
        env = {**os.environ, "PYTHONPATH": str(code), "BENCH_DIR": str(HERE), "PYTHONSAFEPATH": "1",
               "BENCH_ARTICLES": str(articles), "BENCH_WORDS": str(words)}
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={TOGGLE}",
             f"--callgrind-out-file={out}", sys.executable, str(child)],
            capture_output=True, text=True, env=env, cwd=tmp)
    if done.returncode != 0:
        raise SystemExit(f"bench_instructions: the check under valgrind failed: {done.stderr.strip()[-500:]}")
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found or int(found.group(1)) == 0:
        raise SystemExit(f"bench_instructions: callgrind counted nothing (is {TOGGLE} this Python's symbol?)")
    claims, total_words = (int(v) for v in done.stdout.split())
    instructions = int(found.group(1))
    return {"instructions": instructions, "per_article": instructions / articles, "claims": claims,
            "words": total_words / articles}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--words", type=int, default=250, help="words per passage")
    parser.add_argument("--before", type=Path, metavar="DIR", help="another checkout (its top folder)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions: valgrind is not installed (apt install valgrind)")
    codes = ([("before (`--before`)", args.before.resolve())] if args.before else []) + [("this code", REPO)]
    results = []
    for label, code in codes:
        print(f"counting {label} ...", file=sys.stderr, flush=True)
        results.append({"label": label, **count(code, args.articles, args.words)})
    base = results[0]["per_article"]
    print(measure.machine())
    print()
    print(f"Instructions executed by `engine.check` on {args.articles} generated passages "
          f"(~{results[-1]['words']:.0f} words, {results[-1]['claims']:,} claims), engine warm, counted by "
          f"callgrind (`benchmarks/bench_instructions.py`).")
    print()
    print(measure.table(
        ["code", "instructions per passage", "× first row"],
        [[r["label"], f"{r['per_article'] / 1e6:.1f} M", f"{r['per_article'] / base:.3f}×"] for r in results]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

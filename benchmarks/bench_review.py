"""How fast the review screen is on long articles: first paint and each move between findings.

For generated articles of about 7, 30 and 60 KB (benchmarks/gen_article.py, hard-wrapped
like a Markdown draft), in one process with the engine built once:

- the baseline: a plain check of the same file (read it, check it), as ``factcheck`` does;
- opening the review (``Session.open``: read, check, sort the findings);
- first paint: from starting the app (Textual's Pilot, ``app.run_test()``) to the first
  frame drawn with the article, the findings and the detail pane;
- a key press: ``j`` (next finding) then ``k`` (back), each timed from the key to the
  frame after it, over ``--presses`` presses; median and worst;
- an unbound key, timed the same way: what Pilot's press-and-wait costs by itself, so the
  move's own cost is the median less this.

Figures are given in ms and as ratios to the plain check of the same file.

    python benchmarks/bench_review.py                 # 7, 30 and 60 KB
    python benchmarks/bench_review.py --sizes 7 60    # chosen sizes (KB)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import measure
from gen_article import AS_OF, make_article

SIZES_KB = (7, 30, 60)
SCREEN = (120, 40)


def article_of(library, kilobytes: int) -> str:
    """Paragraphs of generated prose, hard-wrapped at 72 columns, of about ``kilobytes``."""
    paragraphs, seed = [], 1
    while sum(len(p) + 2 for p in paragraphs) < kilobytes * 1000:
        text = make_article(library, 400, seed=seed)
        paragraphs.extend(textwrap.fill(p, 72) for p in text.split("\n\n") if p.strip())
        seed += 1
    out, size = [], 0
    for p in paragraphs:
        if size >= kilobytes * 1000:
            break
        out.append(p)
        size += len(p) + 2
    return "\n\n".join(out) + "\n"


async def drive(app, presses: int) -> dict:
    started = time.perf_counter()
    async with app.run_test(size=SCREEN) as pilot:
        await pilot.pause()
        painted = time.perf_counter() - started
        idle = []
        for _ in range(max(3, presses // 4)):  # a key nothing is bound to: what Pilot itself costs
            t = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            idle.append(time.perf_counter() - t)
        times = []
        for i in range(presses):
            key = "j" if i < presses // 2 else "k"
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - t)
        selected = app.session.selected_index
        await pilot.press("q")
    return {"paint": painted, "keys": times, "idle": idle, "selected": selected}


def measure_size(kilobytes: int, engine, tmp: Path, presses: int) -> dict:
    from factcheck.judge.check import Engine  # noqa: F401  (imported with the engine)
    from factcheck.read import inputs
    from factcheck.review.app import ReviewApp
    from factcheck.review.session import Session
    from factcheck.reference import library

    path = tmp / f"article-{kilobytes}kb.md"
    path.write_text(article_of(library.load(), kilobytes), encoding="utf-8")
    as_of = dt.date.fromisoformat(AS_OF)
    checks = []
    for _ in range(3):
        t = time.perf_counter()
        findings = engine.check(inputs.load(str(path), as_of=as_of))
        checks.append(time.perf_counter() - t)
    t = time.perf_counter()
    session = Session.open(str(path), as_of=AS_OF, decisions=tmp / f"decisions-{kilobytes}.json", engine=engine)
    opened = time.perf_counter() - t
    result = asyncio.run(drive(ReviewApp(session), presses))
    return {"kb": path.stat().st_size / 1000, "claims": len(findings), "findings": len(session.items),
            "check": statistics.median(checks), "open": opened, **result}


def report(results: list[dict], presses: int) -> str:
    rows = []
    for r in results:
        check = r["check"]
        median = statistics.median(r["keys"])
        worst = max(r["keys"])
        idle = statistics.median(r["idle"])
        rows.append([f"{r['kb']:.0f} KB", r["claims"], r["findings"], measure.ms(check),
                     f"{measure.ms(r['open'])} ({r['open'] / check:.1f}×)",
                     f"{measure.ms(r['paint'])} ({r['paint'] / check:.1f}×)",
                     f"{measure.ms(median)} ({median / check:.2f}×)",
                     f"{measure.ms(worst)} ({worst / check:.2f}×)", measure.ms(idle),
                     measure.ms(max(0.0, median - idle))])
    return "\n".join([
        f"Machine: {measure.machine()}", "",
        f"Screen {SCREEN[0]}x{SCREEN[1]}, Textual's Pilot (headless); {presses} presses of j then k per article; "
        "ratios are to the plain check of the same file in the same run.", "",
        measure.table(["article", "claims", "findings listed", "plain check (baseline)", "open review (read + check)",
                       "first paint", "key press, median", "key press, worst", "unbound key (Pilot's own cost)",
                       "move's own cost (median − unbound)"], rows), ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES_KB), help="article sizes in KB")
    parser.add_argument("--presses", type=int, default=20, help="key presses timed per article")
    args = parser.parse_args(argv)
    from factcheck.judge.check import Engine
    from factcheck.reference import library

    engine = Engine.create(library.load())
    results = []
    with tempfile.TemporaryDirectory(prefix="factcheck-benchreview-") as name:
        for kilobytes in args.sizes:
            results.append(measure_size(kilobytes, engine, Path(name), args.presses))
            print(f"measured {kilobytes} KB", file=sys.stderr, flush=True)
    sys.stdout.write(report(results, args.presses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

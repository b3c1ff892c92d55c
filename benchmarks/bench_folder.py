"""Benchmark checking a folder: articles per second for 1,000 generated articles, --jobs 1 and 2.

Generates the articles (benchmarks/gen_article.py, about ``--words`` words each, a quarter
of their figures altered) into a temporary folder, then runs the real command line on
the folder in a fresh process, as CI would:

    factcheck FOLDER --as-of 2024-07-01 --format json --output report.json --no-decisions --jobs N

first with an empty result cache (every article checked), then again on the unchanged
folder (every article's findings reused). Wall time covers everything a CI step pays
for: start-up, loading the library (cache warm, as after the first run on a machine),
checking, settling and writing the report. The human report is not drawn (a machine
format written to a file draws it only with ``--report``).

Whether the machine's cores were free is measured in the same run: a CPU-bound loop run
once alone and then as N copies at once; N free cores finish N copies in the time of
one (``free cores`` = N × alone / together).

The results replace the "## Checking a folder" section of docs/benchmarks.md.

    python benchmarks/bench_folder.py                 # 1,000 articles, one run per setting
    python benchmarks/bench_folder.py --articles 100 --runs 1 --no-write
    python benchmarks/bench_folder.py --before /tmp/old   # also an older checkout, same run
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import measure
from gen_article import AS_OF, make_article

from factcheck.reference import library

DOCS = measure.HERE.parent / "docs" / "benchmarks.md"
HEADING = "## Checking a folder"
BUSY = "sum(i * i for i in range(6_000_000))"


def factcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def write_articles(folder: Path, count: int, words: int) -> int:
    lib = library.load()
    total = 0
    for seed in range(1, count + 1):
        text = make_article(lib, words, seed)
        total += len(text.split())
        (folder / f"article-{seed:04d}.md").write_text(text, encoding="utf-8")
    return total


def free_cores(n: int) -> float:
    """How many cores a CPU-bound Python program got when it ran as ``n`` processes at
    once: ``n`` × (one alone) / (``n`` together). ``n`` on an idle machine."""
    def together(k: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(k)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start
    alone = min(together(1) for _ in range(2))
    return n * alone / min(together(n) for _ in range(2))


def measure_jobs(folder: Path, jobs: int, runs: int, label: str, tmp: Path,
                 code: Path | None = None, rerun: bool = False) -> dict:
    report = tmp / f"report-{label}-{jobs}.json"
    command = factcheck_command() if code is None else [sys.executable, "-m", "factcheck"]
    argv = [*command, str(folder), "--as-of", AS_OF, "--format", "json",
            "--output", str(report), "--no-decisions", "--jobs", str(jobs)]
    env = measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / "cache"))
    if code is not None:
        env["PYTHONPATH"] = f"{code}{os.pathsep}{env['PYTHONPATH']}"
    # Warm the library cache (one article is enough); the articles were just written,
    # so the file system cache is warm already.
    first = sorted(folder.iterdir())[0]
    measure.run_child([*command, str(first), "--no-decisions", "--no-cache"], env=env)
    measure.run_child([*command, str(first), "--no-decisions"], env=env)
    times, rss, hits = [], [], []
    shared = str(tmp / f"results-{label}")
    for i in range(runs):
        # First time: an empty result cache. Re-run: the one the first-time run filled.
        env["FACTCHECK_RESULT_CACHE_DIR"] = shared if rerun else str(tmp / f"results-{label}-{jobs}-{i}")
        if rerun and i == 0:
            env["FACTCHECK_RESULT_CACHE_DIR"] = shared
            measure.run_child(argv, env=env)  # fill it
        run = measure.run_child(argv, env=env)
        if run.returncode not in (0, 1):
            raise RuntimeError(f"factcheck failed ({run.returncode}):\n{run.stderr[-2000:]}")
        times.append(run.seconds)
        rss.append(run.max_rss_mb)
        found = re.search(r"(\d+) articles? unchanged", run.stderr)
        hits.append(int(found.group(1)) if found else 0)
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    return {"label": label, "jobs": jobs, "seconds": statistics.median(times), "all": times,
            "max_rss_mb": max(rss), "claims": summary["claims"], "documents": summary["documents"],
            "reused": min(hits), "rerun": rerun}


def section(results: list[dict], count: int, words: int, runs: int, cores: dict, machine: str) -> str:
    base = {r["label"]: r["seconds"] for r in results if r["jobs"] == 1 and not r["rerun"]}
    rows = [[f"{r['label']}, `--jobs {r['jobs']}`" + (", re-run: folder unchanged" if r["rerun"] else ""),
             f"{r['seconds']:.2f} s", f"{r['documents'] / r['seconds']:,.1f}",
             f"{r['claims'] / r['seconds']:,.0f}", f"{base[r['label']] / r['seconds']:.2f}×",
             f"{r['reused']:,}", f"{r['max_rss_mb']:.0f} MB"]
            for r in results]
    claims = results[0]["claims"]
    core_text = ", ".join(f"{n} processes at once got {got:.2f} cores" for n, got in sorted(cores.items()))
    return "\n".join([
        HEADING,
        "",
        f"`python benchmarks/bench_folder.py`: {count:,} generated articles "
        f"({words:,} words on average, {claims:,} claims in all) in one folder, checked by "
        "`factcheck FOLDER --format json --output FILE --no-decisions --jobs N` in a fresh "
        f"process with the library cache warm; the median of {runs} run(s), wall time from start "
        "to exit. First-time runs start with an empty result cache (every article is checked); "
        "a re-run checks the same, unchanged folder again. The human report is not drawn (a "
        "machine format written to a file draws it only with `--report`). Speed-up is against "
        "`--jobs 1` of the same code in the same run. Peak memory is the parent process's.",
        "",
        measure.table(["", "wall time", "articles/s", "claims/s", "speed-up", "articles reused",
                       "peak memory (parent)"], rows),
        "",
        f"Machine: {machine}. Were the cores free? A CPU-bound Python loop measured in the same "
        f"run: {core_text} (2.00 would be two free cores).",
        "",
    ])


def write_section(text: str) -> None:
    """Replace the section in docs/benchmarks.md, or append it; other sections are kept."""
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1).rstrip("\n") + "\n"
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    DOCS.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=250, help="words per article (a news passage)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another checkout of factcheck (its top folder) to measure first, same run")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing docs")
    args = parser.parse_args(argv)
    measure.compile_package()
    if args.before is not None:
        import compileall
        compileall.compile_dir(str(args.before / "factcheck"), quiet=1)
    cores = {n: free_cores(n) for n in args.jobs if n > 1}
    machine = measure.machine()
    with tempfile.TemporaryDirectory(prefix="factcheck-folder-") as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "articles"
        folder.mkdir()
        total_words = write_articles(folder, args.articles, args.words)
        results = []
        plans = [("before", args.before, False)] if args.before is not None else []
        plans += [("after", None, False), ("after", None, True)]
        for label, code, rerun in plans:
            for jobs in args.jobs:
                results.append(measure_jobs(folder, jobs, args.runs, label, tmp, code, rerun))
                print(f"{label} --jobs {jobs}{' re-run' if rerun else ''}: {results[-1]['seconds']:.2f} s",
                      file=sys.stderr, flush=True)
        cores_after = {n: free_cores(n) for n in args.jobs if n > 1}
    cores = {n: min(cores[n], cores_after[n]) for n in cores}
    text = section(results, args.articles, total_words // max(1, args.articles), args.runs, cores, machine)
    if args.no_write:
        print(text)
    else:
        write_section(text)
        print(f"wrote {HEADING!r} to {os.path.relpath(DOCS)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

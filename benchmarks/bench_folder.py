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

How the cost grows with the folder is measured in the same run (``--sizes``, 100, 1,000
and 3,000 articles by default; ``--jobs 1``): the first run and a re-run of each, with
the parent's peak memory (a run that held every article's findings to the end would grow
with the folder; a streamed one stays flat), and the re-run's cost per added article,
(t(largest) − t(smallest)) / (articles added), which leaves out what every run pays once
(start-up, the library, listing the folder).

Whether the machine's cores were free is measured in the same run: a CPU-bound loop run
once alone and then as N copies at once; N free cores finish N copies in the time of
one (``free cores`` = N × alone / together).

The results replace the "## Checking a folder" section of docs/benchmarks.md.

    python benchmarks/bench_folder.py                 # 1,000 articles, one run per setting
    python benchmarks/bench_folder.py --articles 100 --runs 1 --no-write
    python benchmarks/bench_folder.py --before /tmp/old   # also an older checkout, same run
    python benchmarks/bench_folder.py --sizes 100 1000 3000 --runs 2
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


class Setting:
    """One way of running the folder: which code, how many jobs, first time or re-run."""

    def __init__(self, folder: Path, tmp: Path, label: str, jobs: int, rerun: bool, code: Path | None):
        self.label, self.jobs, self.rerun = label, jobs, rerun
        self.report = tmp / f"report-{label}-{jobs}-{int(rerun)}.json"
        command = factcheck_command() if code is None else [sys.executable, "-m", "factcheck"]
        self.argv = [*command, str(folder), "--as-of", AS_OF, "--format", "json",
                     "--output", str(self.report), "--no-decisions", "--jobs", str(jobs)]
        self.env = measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / f"cache-{label}"))
        if code is not None:  # the benchmark runs from benchmarks/, so '-m' finds DIR first
            self.env["PYTHONPATH"] = f"{code}{os.pathsep}{self.env['PYTHONPATH']}"
        self.tmp, self.shared = tmp, str(tmp / f"results-{label}-{jobs}")
        self.runs: list[measure.Run] = []
        # Warm the library cache (one article is enough) and, for a re-run, fill the
        # result cache; the articles were just written, so the file system cache is warm.
        first = sorted(folder.iterdir())[0]
        measure.run_child([*command, str(first), "--no-decisions", "--no-cache"], env=self.env)
        if rerun:
            self.env["FACTCHECK_RESULT_CACHE_DIR"] = self.shared
            measure.run_child(self.argv, env=self.env)

    def run(self, i: int) -> None:
        if not self.rerun:  # first time: an empty result cache
            self.env["FACTCHECK_RESULT_CACHE_DIR"] = str(self.tmp / f"results-{self.label}-{self.jobs}-{i}")
        run = measure.run_child(self.argv, env=self.env)
        if run.returncode not in (0, 1):
            raise RuntimeError(f"factcheck failed ({run.returncode}):\n{run.stderr[-2000:]}")
        self.runs.append(run)

    def result(self) -> dict:
        summary = json.loads(self.report.read_text(encoding="utf-8"))["summary"]
        hits = [re.search(r"(\d+) articles? unchanged", r.stderr) for r in self.runs]
        return {"label": self.label, "jobs": self.jobs, "rerun": self.rerun,
                "seconds": statistics.median(r.seconds for r in self.runs),
                "cpu": statistics.median(r.cpu_seconds for r in self.runs),
                "all": [r.seconds for r in self.runs], "max_rss_mb": max(r.max_rss_mb for r in self.runs),
                "claims": summary["claims"], "documents": summary["documents"],
                "reused": min(int(h.group(1)) if h else 0 for h in hits)}


def link_subset(folder: Path, target: Path, count: int) -> Path:
    """A folder of the first ``count`` articles (hard links: the same files, no copies)."""
    target.mkdir()
    for path in sorted(folder.iterdir())[:count]:
        os.link(path, target / path.name)
    return target


def by_size(folder: Path, tmp: Path, sizes: list[int], runs: int) -> list[dict]:
    """First run and re-run (``--jobs 1``) of folders of each size: wall time, CPU, the
    parent's peak memory. Sizes are run round-robin for the re-runs."""
    settings = []
    for size in sizes:
        sub = link_subset(folder, tmp / f"size-{size}", size)
        setting = Setting(sub, tmp, f"size{size}", 1, False, None)
        setting.run(0)  # the first run, once: it fills the result cache the re-runs use
        first = setting.runs[-1]
        setting.env["FACTCHECK_RESULT_CACHE_DIR"] = str(tmp / f"results-size{size}-1-0")
        setting.rerun, setting.runs = True, []
        settings.append((size, setting, first))
        print(f"{size} articles, first run: {first.seconds:.2f} s, {first.max_rss_mb:.0f} MB",
              file=sys.stderr, flush=True)
    for i in range(runs):
        for size, setting, _ in settings:
            setting.run(i)
            print(f"{size} articles, re-run: {setting.runs[-1].seconds:.2f} s", file=sys.stderr, flush=True)
    rows = []
    for size, setting, first in settings:
        again = setting.result()
        if again["reused"] != size:
            raise RuntimeError(f"the re-run of {size} articles reused {again['reused']}")
        rows.append({"articles": size, "first": first.seconds, "first_cpu": first.cpu_seconds,
                     "first_rss": first.max_rss_mb, "rerun": again["seconds"], "rerun_cpu": again["cpu"],
                     "rerun_rss": again["max_rss_mb"]})
    return rows


def size_section(rows: list[dict], runs: int) -> str:
    small, large = rows[0], rows[-1]
    added = large["articles"] - small["articles"]
    per = (large["rerun"] - small["rerun"]) / added if added else float("nan")
    per_cpu = (large["rerun_cpu"] - small["rerun_cpu"]) / added if added else float("nan")
    table = measure.table(
        ["articles", "first run", "peak memory (parent)", "re-run", "re-run: articles/s (whole run)",
         "re-run CPU", "peak memory (parent)"],
        [[f"{r['articles']:,}", f"{r['first']:.2f} s", f"{r['first_rss']:.0f} MB", f"{r['rerun']:.3f} s",
          f"{r['articles'] / r['rerun']:,.0f}", f"{r['rerun_cpu']:.3f} s", f"{r['rerun_rss']:.0f} MB"]
         for r in rows])
    return "\n".join([
        f"By folder size (`--jobs 1`; the first run once, the re-run the median of {runs}; "
        "the same articles, the first N of the folder):",
        "",
        table,
        "",
        f"Re-run cost per added article, from {small['articles']:,} to {large['articles']:,} articles: "
        f"{per * 1000:.3f} ms wall ({1 / per if per > 0 else float('inf'):,.0f} articles/s), "
        f"{per_cpu * 1000:.3f} ms CPU ({1 / per_cpu if per_cpu > 0 else float('inf'):,.0f} articles/s); "
        f"what every re-run pays once (start-up, the library, listing the folder) is about "
        f"{(small['rerun'] - per * small['articles']):.2f} s wall.",
        "",
    ])


def section(results: list[dict], count: int, words: int, runs: int, cores: dict, machine: str,
            sizes: str = "") -> str:
    base = {r["label"]: r["seconds"] for r in results if r["jobs"] == 1 and not r["rerun"]}
    first = next(r for r in results if r["jobs"] == 1 and not r["rerun"])
    rows = [[f"{r['label']}, `--jobs {r['jobs']}`" + (", re-run: folder unchanged" if r["rerun"] else ""),
             f"{r['seconds']:.2f} s", f"{r['documents'] / r['seconds']:,.1f}",
             f"{r['claims'] / r['seconds']:,.0f}", f"{base[r['label']] / r['seconds']:.2f}×",
             f"{r['seconds'] / first['seconds']:.2f}×", f"{r['cpu']:.2f} s",
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
        "`--jobs 1` of the same code; \"× first row\" is the wall time against the first row; "
        "the settings ran round-robin, so load from elsewhere lands on all alike. CPU time (user "
        "+ system, workers included) is steadier than wall time on a shared machine. Peak "
        "memory is the parent process's.",
        "",
        measure.table(["", "wall time", "articles/s", "claims/s", "speed-up", "× first row",
                       "CPU time (all processes)", "articles reused", "peak memory (parent)"], rows),
        "",
        *([sizes] if sizes else []),
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
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 3000],
                        help="folder sizes for the growth and memory table (none: skip it)")
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
        total_words = write_articles(folder, max([args.articles, *args.sizes]), args.words)
        main_folder = link_subset(folder, tmp / "main", args.articles)
        plans = [("before", args.before, False), ("before", args.before, True)] if args.before is not None else []
        plans += [("after", None, False), ("after", None, True)]
        settings = [Setting(main_folder, tmp, label, jobs, rerun, code)
                    for label, code, rerun in plans for jobs in args.jobs]
        for i in range(args.runs):
            for setting in settings:
                setting.run(i)
                print(f"{setting.label} --jobs {setting.jobs}{' re-run' if setting.rerun else ''}: "
                      f"{setting.runs[-1].seconds:.2f} s", file=sys.stderr, flush=True)
        results = [s.result() for s in settings]
        sizes = size_section(by_size(folder, tmp, sorted(args.sizes), args.runs), args.runs) if args.sizes else ""
        cores_after = {n: free_cores(n) for n in args.jobs if n > 1}
    cores = {n: min(cores[n], cores_after[n]) for n in cores}
    machine += ", load average at the end %.2f %.2f %.2f" % os.getloadavg()
    text = section(results, args.articles, total_words // max(1, max([args.articles, *args.sizes])), args.runs,
                   cores, machine, sizes)
    if args.no_write:
        print(text)
    else:
        write_section(text)
        print(f"wrote {HEADING!r} to {os.path.relpath(DOCS)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

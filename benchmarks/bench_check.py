"""Benchmark checking an article: cold ``factcheck article.txt`` runs, and many articles in one process.

Measures, on a generated ~1,000-word article (benchmarks/gen_article.py):

1. wall time of the whole command in a fresh process — the article new to the result
   cache (checked) and unchanged (its findings reused), library cache warm and cold —
   as ratios to the interpreter's own start-up (``python -c pass``) and to proselint
   on the same article in the same run (skipped when proselint is not installed:
   ``pip install proselint``; it is not a dependency of factcheck);
2. where that time goes: each phase of the real CLI path, timed by wrapping the
   functions ``factcheck.ci.run`` calls, and ``python -X importtime`` grouped by the
   package that pulled each module in;
3. the time per article when many articles are checked with one engine;
4. peak memory (``ru_maxrss``) of each.

    python benchmarks/bench_check.py            # about 1–2 minutes on 2 cores
    python benchmarks/bench_check.py --quick    # fewer runs and articles
    python benchmarks/bench_check.py --before /tmp/old   # also an older checkout, same run

``--before DIR`` runs a second copy of factcheck (e.g. ``git archive main | tar -x -C
/tmp/old``) beside this one, with ``PYTHONPATH=DIR``, so before and after are measured
in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import measure
from gen_article import AS_OF, make_article

TARGET_RATIO = 1.0
"""The start-up target of issue 13: a cold ``factcheck article`` no slower than proselint
(a Python prose linter: the same shape of work) on the same ~1,000-word article."""

OFF_PATH = ("pandas", "numpy", "httpx", "httpcore", "trafilatura", "textual", "lxml", "typer",
            "multiprocessing", "concurrent", "zipfile", "tempfile", "shutil", "inspect", "tomllib")
"""Packages that must not be imported when checking one local article."""

# Runs in a fresh interpreter. Wraps the functions run() calls, so the phases are those
# of the real command line path, lazy imports included where they happen.
PHASES_CHILD = r"""
import io, json, sys, time
from contextlib import redirect_stdout
t0 = time.perf_counter()
import factcheck.cli.main as cli
t1 = time.perf_counter()
import factcheck.ci.run as runmod
t2 = time.perf_counter()
from factcheck.judge.check import Engine
t2b = time.perf_counter()
from factcheck.reference import library
from factcheck.report import records
spent = {}
def timed(name, fn):
    def wrapper(*a, **k):
        start = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
    return wrapper
# Whatever of these the current code has; the report skips the rest.
for owner, attr, label in ((library, "load", "library.load"), (runmod, "plan", "run.plan"),
                           (runmod, "check", "run.check"), (runmod, "run", "run"), (runmod, "_emit", "emit"),
                           (records, "report", "records.report"), (Engine, "check", "engine.check")):
    if hasattr(owner, attr):
        setattr(owner, attr, timed(label, getattr(owner, attr)))
if hasattr(Engine, "create"):
    Engine.create = classmethod(timed("Engine.create", Engine.create.__func__))
out = io.StringIO()
with redirect_stdout(out):
    status = cli.main(sys.argv[1:])
t3 = time.perf_counter()
print(json.dumps({"import factcheck.cli.main": t1 - t0, "import factcheck.ci.run": t2 - t1,
                  "import the engine (extract, judge)": t2b - t2,
                  "main": t3 - t2b, "status": status, **spent}))
"""

# Runs in a fresh interpreter: many articles through one engine, as a batch job or the
# review would. Articles are generated before timing starts.
MANY_CHILD = r"""
import datetime as dt, json, resource, statistics, sys, time
from gen_article import AS_OF, make_article
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.read.document import from_text
count, words = int(sys.argv[1]), int(sys.argv[2])
as_of = dt.date.fromisoformat(AS_OF)
t0 = time.perf_counter()
lib = library.load()
t1 = time.perf_counter()
engine = Engine.create(lib)
t2 = time.perf_counter()
texts = [make_article(lib, words, seed) for seed in range(1, count + 1)]
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times, claims = [], 0
for i, text in enumerate(texts):
    start = time.perf_counter()
    findings = engine.check(from_text(text, f"article-{i}.txt", as_of=as_of))
    times.append(time.perf_counter() - start)
    claims += len(findings)
print(json.dumps({"load": t1 - t0, "create": t2 - t1, "times": times, "claims": claims,
                  "words": sum(len(t.split()) for t in texts),
                  "rss_before_checks_mb": rss_before / 1024,
                  "self_max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# Runs in a fresh interpreter: short passages through one engine, each round over the same
# articles; the best round's CPU time per article (the round least disturbed by other work
# on the machine). Run for this code and, with --before, the older one, in the same run.
WARM_CHILD = r"""
import datetime as dt, json, sys, time
from gen_article import AS_OF, make_article
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.read.document import from_text
count, words, rounds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
lib = library.load()
engine = Engine.create(lib)
docs = [from_text(make_article(lib, words, seed), f"a{seed}.txt", as_of=dt.date.fromisoformat(AS_OF))
        for seed in range(1, count + 1)]
for d in docs:
    engine.check(d)
best = None
for _ in range(rounds):
    start = time.process_time()
    for d in docs:
        engine.check(d)
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
print(json.dumps({"per_article": best / count, "words": sum(len(d.prose.split()) for d in docs) / count}))
"""


def warm(count: int, words: int, rounds: int, code: Path | None = None) -> dict:
    env = measure.env_with()
    if code is not None:
        env["PYTHONPATH"] = f"{code}{os.pathsep}{env['PYTHONPATH']}"
    return measure.python_child(WARM_CHILD, str(count), str(words), str(rounds), env=env)


def factcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


def proselint_command() -> list[str] | None:
    """proselint's command, or None when it is not installed (the ratio is then skipped)."""
    script = Path(sys.executable).parent / "proselint"
    if script.exists():
        return [str(script)]
    if importlib.util.find_spec("proselint") is not None:
        return [sys.executable, "-m", "proselint"]
    found = shutil.which("proselint")
    return [found] if found else None


FLOOR = "`python -c pass` (interpreter start-up, the floor)"
PROSELINT = "`proselint check article.txt` (the peer)"
MISS = "`factcheck article.txt`, new to the result cache (checked), library cache warm"
HIT = "`factcheck article.txt`, unchanged (findings reused from the result cache)"
BEFORE = "before (`--before`): `factcheck article.txt`, library cache warm"


def cold_runs(article: Path, tmp: Path, runs: int, before: Path | None = None) -> list[tuple[str, list[measure.Run]]]:
    """Each command ``runs`` times, round-robin, so a burst of load from elsewhere on the
    machine lands on all of them alike rather than on one."""
    warm = str(tmp / "cache-warm")
    cli = factcheck_command() + [str(article), "--as-of", AS_OF]
    measure.run_child(cli, env=measure.env_with(FACTCHECK_CACHE_DIR=warm))  # fill both caches
    direct = ("import sys; from factcheck.ci.run import RunOptions, run; "
              "sys.exit(run(RunOptions(paths=[sys.argv[1]], as_of=sys.argv[2])))")

    def fresh_results(i: int, kind: str) -> str:
        return str(tmp / f"results-{kind}-{i}")

    commands = [
        (FLOOR, [sys.executable, "-c", "pass"], lambda i: measure.env_with()),
        ("`python -c 'import factcheck.cli.main'` (imports only)",
         [sys.executable, "-c", "import factcheck.cli.main"], lambda i: measure.env_with()),
        (MISS, cli, lambda i: measure.env_with(FACTCHECK_CACHE_DIR=warm,
                                                FACTCHECK_RESULT_CACHE_DIR=fresh_results(i, "miss"))),
        (HIT, cli, lambda i: measure.env_with(FACTCHECK_CACHE_DIR=warm)),
        ("`factcheck article.txt`, every cache cold (empty cache folder)",
         cli, lambda i: measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / f"cache-cold-{i}"))),
        ("same check via `factcheck.ci.run.run()`, no CLI framework, new to the result cache",
         [sys.executable, "-c", direct, str(article), AS_OF],
         lambda i: measure.env_with(FACTCHECK_CACHE_DIR=warm, FACTCHECK_RESULT_CACHE_DIR=fresh_results(i, "direct"))),
    ]
    peer = proselint_command()
    if peer is not None:
        commands.insert(1, (PROSELINT, [*peer, "check", str(article)], lambda i: measure.env_with()))
    if before is not None:
        old = [sys.executable, "-m", "factcheck", str(article), "--as-of", AS_OF]
        old_env = lambda i: measure.env_with(FACTCHECK_CACHE_DIR=warm, PYTHONPATH=f"{before}{os.pathsep}{measure.HERE}",
                                              FACTCHECK_RESULT_CACHE_DIR=fresh_results(i, "before"))
        measure.run_child(old, env=old_env(-1))
        commands.insert(3, (BEFORE, old, old_env))
    results: dict[str, list[measure.Run]] = {label: [] for label, _, _ in commands}
    for i in range(runs):
        for label, argv, env in commands:
            run = measure.run_child(argv, env=env(i))
            if run.returncode not in (0, 1):
                raise RuntimeError(f"{' '.join(argv)} exited {run.returncode}:\n{run.stderr}")
            results[label].append(run)
    return list(results.items())


def phases(article: Path, tmp: Path, runs: int) -> dict[str, float]:
    """Each phase of a check of an article new to the result cache."""
    samples = [measure.python_child(PHASES_CHILD, str(article), "--as-of", AS_OF, env=measure.env_with(
        FACTCHECK_CACHE_DIR=str(tmp / "cache-warm"), FACTCHECK_RESULT_CACHE_DIR=str(tmp / f"results-phase-{i}")))
        for i in range(runs)]
    keys = [k for k in samples[0] if k not in ("status", "max_rss_mb", "process_seconds")]
    return {k: statistics.median(s[k] for s in samples) for k in keys} | {
        "process": statistics.median(s["process_seconds"] for s in samples)}


def importtime(article: Path, tmp: Path, results: str | None = None,
               code: Path | None = None) -> tuple[list[tuple[str, float, int]], list[tuple[str, float]]]:
    """(package that pulled modules in, total self time in s, module count), largest first;
    and factcheck's own modules by self time. ``results``: the result cache folder (a new
    one: the article is checked); ``code``: another checkout to import factcheck from."""
    env = measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / "cache-warm"), FACTCHECK_RESULT_CACHE_DIR=results)
    if code is not None:
        env["PYTHONPATH"] = f"{code}{os.pathsep}{env['PYTHONPATH']}"
    run = measure.run_child([sys.executable, "-X", "importtime", "-m", "factcheck", str(article), "--as-of", AS_OF],
                            env=env)
    roots = _import_tree(run.stderr)
    totals: dict[str, list[float]] = {}
    own: list[tuple[str, float]] = []
    for root in roots:
        _attribute(root, totals)
        _own_modules(root, own)
    return (sorted(((k, v[0], v[1]) for k, v in totals.items()), key=lambda r: -r[1]),
            sorted(own, key=lambda r: -r[1]))


def _own_modules(node: dict, out: list[tuple[str, float]]) -> None:
    if node["name"].startswith("factcheck"):
        out.append((node["name"], node["self"]))
    for child in node["children"]:
        _own_modules(child, out)


def _import_tree(stderr: str) -> list[dict]:
    """-X importtime prints children before their parent, nested two spaces a level:
    ``import time:   self |   cumulative |   name``."""
    pending: dict[int, list[dict]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, _cumulative, name = line.split("|", 2)
        level = (len(name) - len(name.lstrip(" ")) - 1) // 2
        node = {"name": name.strip(), "self": int(head.split(":")[1]) / 1e6,
                "children": pending.pop(level + 1, [])}
        pending.setdefault(level, []).append(node)
    return pending.get(0, [])


# Packages factcheck never imports itself: typer 0.2x imports pydantic lazily, at the top
# level, while it builds its parameter converters, so those modules belong to typer.
PULLED_BY = {"pydantic": "typer", "pydantic_core": "typer", "annotated_types": "typer",
             "typing_inspection": "typer", "typing_extensions": "typer", "click": "typer",
             "shellingham": "typer"}


def _third_party(name: str) -> str | None:
    top = name.split(".")[0]
    if top == "factcheck" or top in sys.stdlib_module_names or top.startswith("_"):
        return None
    return PULLED_BY.get(top, top)


def _attribute(node: dict, totals: dict[str, list[float]], owner: str | None = None,
               root: str | None = None) -> None:
    """Charge each module to the outermost third-party package above it (so what typer
    pulls in, pydantic included, is typer's); the rest to factcheck or to start-up."""
    owner = owner or _third_party(node["name"])
    root = root or node["name"]
    key = owner or ("factcheck modules + the stdlib they import" if root.startswith("factcheck")
                    else "interpreter start-up and `-m` (site, encodings, runpy, …)")
    entry = totals.setdefault(key, [0.0, 0])
    entry[0] += node["self"]
    entry[1] += 1
    for child in node["children"]:
        _attribute(child, totals, owner, root)


def off_path_imports(article: Path, tmp: Path) -> list[str]:
    code = ("import io, sys, contextlib\n"
            "from factcheck.cli.main import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    "
            "main(sys.argv[1:])\n"
            f"print('modules:' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] in {OFF_PATH!r})))")
    run = measure.run_child([sys.executable, "-c", code, str(article), "--as-of", AS_OF],
                            env=measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / "cache-warm")))
    lines = [line for line in run.stdout.splitlines() if line.startswith("modules:")]
    if run.returncode != 0 or not lines:  # an empty answer must not read as "none imported"
        raise RuntimeError(f"the import check failed ({run.returncode}):\n{run.stderr}")
    return [m for m in lines[-1].removeprefix("modules:").split(",") if m]


def many(count: int, words: int) -> dict:
    return measure.python_child(MANY_CHILD, str(count), str(words), env=measure.env_with())


def report(args, article_words: int, claims: int, runs, phase, import_times, off_path, batch, warm_rows, warm_met,
           import_compare=None) -> str:
    imports, own = import_times
    out = [f"Machine: {measure.machine()}", "",
           f"Article: {article_words} words, {claims} claims checked (benchmarks/gen_article.py, seed 1, "
           f"as of {AS_OF}). {args.runs} runs each, round-robin; each run is a fresh process. Ratios are "
           "of medians, to `python -c pass` and to proselint measured in the same run.", "",
           "### Cold start: one article, one process", ""]
    medians = {label: statistics.median(r.seconds for r in results) for label, results in runs}
    floor, peer = medians[FLOOR], medians.get(PROSELINT)
    rows = []
    for label, results in runs:
        s = measure.summary([r.seconds for r in results])
        rows.append([label, measure.ms(s["median"]), measure.ms(s["min"]), measure.ms(s["max"]),
                     f"{s['median'] / floor:.1f}×", f"{s['median'] / peer:.2f}×" if peer else "–",
                     f"{statistics.median(r.max_rss_mb for r in results):.0f} MB"])
    out.append(measure.table(["command", "median", "min", "max", "× `python -c pass`", "× proselint", "peak RSS"], rows))
    if peer:
        for label, what in ((MISS, "checked"), (HIT, "unchanged, from the result cache")):
            ratio = medians[label] / peer
            verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
            out += ["", f"Target: cold `factcheck article` ≤ {TARGET_RATIO:.1f}× proselint on the same article — "
                        f"{what}: **{verdict}** ({ratio:.2f}×)."]
    else:
        out += ["", "proselint is not installed (`pip install proselint`), so the ratio to it is skipped."]
    if import_compare:
        out += ["", "### Imports on the check path, before and after (`python -X importtime`, same run)", ""]
        out.append(measure.table(["run", "modules", "self time of all imports"], [
            [label, n, measure.ms(t)] for label, n, t in import_compare]))
    out += ["", "### Where a cold run's time goes (new to the result cache, library cache warm, medians)", ""]
    rows = [[k, measure.ms(phase[k])] for k in ("import factcheck.cli.main", "import factcheck.ci.run",
                                                "import the engine (extract, judge)") if k in phase]
    rows.append(["parse the arguments (argparse; typer is not imported)",
                 measure.ms(phase["main"] - phase.get("run", 0.0))])
    if "run.plan" in phase:
        rows.append(["config and paths (`run.plan`)", measure.ms(phase["run.plan"])])
    for key, label in (("library.load", "`library.load`"), ("Engine.create", "`Engine.create`"),
                       ("engine.check", "`engine.check`: claims → findings")):
        if key in phase:
            rows.append([label, measure.ms(phase[key])])
    if "engine.check" in phase and "run" in phase:
        # run.check is a generator (articles are checked as the report is written), so the
        # rest is measured against the whole of run().
        inner = sum(phase.get(k, 0.0) for k in ("run.plan", "library.load", "Engine.create", "engine.check",
                                                "emit", "records.report"))
        rows.append(["read the article, settle findings, count (rest of `run`)", measure.ms(phase["run"] - inner)])
    if "emit" in phase or "records.report" in phase:
        rows.append(["build records and write the report (plain text: stdout is not a terminal)",
                     measure.ms(phase.get("emit", 0.0) + phase.get("records.report", 0.0))])
    rows.append(["whole process (interpreter start-up and exit included)", measure.ms(phase["process"])])
    out.append(measure.table(["phase", "time"], rows))
    out += ["", "### Imports on the check path (`python -X importtime`, self time grouped by the package that pulled the module in)", ""]
    total = sum(t for _, t, _ in imports)
    rows = [[name, measure.ms(t), n] for name, t, n in imports if t >= 0.001]
    rest = [(t, n) for _, t, n in imports if t < 0.001]
    if rest:
        rows.append(["others", measure.ms(sum(t for t, _ in rest)), sum(n for _, n in rest)])
    rows.append(["all imports", measure.ms(total), sum(n for _, _, n in imports)])
    out.append(measure.table(["pulled in by", "self time", "modules"], rows))
    out += ["", "Slowest of factcheck's own modules to import (self time: defining dataclasses and "
                "compiling module-level patterns): " + ", ".join(f"`{n}` {measure.ms(t)}" for n, t in own[:6]) + ".",
            "", "Off the start-up path (" + ", ".join(OFF_PATH) + "): "
            + ("none imported." if not off_path else "**imported: " + ", ".join(off_path) + "**"), ""]
    if warm_rows:
        out += ["", "### Warm: short passages in one process, best round's CPU time (same run)", "",
                measure.table(["code", "words per passage", "per passage", "passages/s", "speed-up over before"], warm_rows),
                "", f"Target: ≥ 1,000 passages/s of ~250 words on one core — "
                + ("**met**." if warm_met else "**NOT met**."), ""]
    s = measure.summary(batch["times"])
    out += [f"### Many articles in one process ({len(batch['times'])} articles, {batch['words']:,} words, "
            f"{batch['claims']:,} claims)", ""]
    out.append(measure.table(["measure", "value"], [
        ["library.load (cache warm)", measure.ms(batch["load"])],
        ["Engine.create", measure.ms(batch["create"])],
        ["first article", measure.ms(batch["times"][0])],
        ["per article, median", measure.ms(s["median"])],
        ["per article, p95", measure.ms(s["p95"])],
        ["per article, max", measure.ms(s["max"])],
        ["all articles", f"{sum(batch['times']):.2f} s"],
        ["peak RSS before the checks / after", f"{batch['rss_before_checks_mb']:.0f} MB / {batch['self_max_rss_mb']:.0f} MB"],
    ]))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs and 50 articles instead of 15 and 200")
    parser.add_argument("--runs", type=int, help="fresh-process runs per command [15, quick 5]")
    parser.add_argument("--articles", type=int, help="articles checked in one process [200, quick 50]")
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another checkout of factcheck (its top folder) to measure beside this one")
    args = parser.parse_args(argv)
    args.runs = args.runs or (5 if args.quick else 15)
    args.articles = args.articles or (50 if args.quick else 200)
    measure.compile_package()
    from factcheck.reference import library
    from factcheck.judge.check import Engine
    from factcheck.read.document import from_text

    lib = library.load()
    text = make_article(lib, args.words, seed=1)
    claims = len(Engine.create(lib).check(from_text(text, as_of=dt.date.fromisoformat(AS_OF))))
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as name:
        tmp = Path(name)
        article = tmp / "article.txt"
        article.write_text(text, encoding="utf-8")
        if args.before is not None:
            import compileall
            compileall.compile_dir(str(args.before / "factcheck"), quiet=1)
        runs = cold_runs(article, tmp, args.runs, args.before)
        phase = phases(article, tmp, args.runs)
        imports = importtime(article, tmp, results=str(tmp / "results-importtime"))
        compare = []
        if args.before is not None:
            old = importtime(article, tmp, results=str(tmp / "results-importtime-before"), code=args.before)
            compare.append(["before (`--before`)", sum(n for *_, n in old[0]), sum(t for _, t, _ in old[0])])
        compare.append(["after: article checked", sum(n for *_, n in imports[0]), sum(t for _, t, _ in imports[0])])
        hit = importtime(article, tmp, results=str(tmp / "results-importtime"))  # the same article again
        compare.append(["after: article unchanged (result cache)", sum(n for *_, n in hit[0]), sum(t for _, t, _ in hit[0])])
        off_path = off_path_imports(article, tmp)
    batch = many(args.articles, args.words)
    # Warm throughput on ~250-word passages, this code and the older one, alternating.
    passages, rounds = (30, 3) if args.quick else (100, 5)
    results: dict[str, list[dict]] = {"after": [], "before": []}
    for _ in range(2):
        if args.before is not None:
            results["before"].append(warm(passages, 250, rounds, args.before))
        results["after"].append(warm(passages, 250, rounds))
    best = {k: min(v, key=lambda r: r["per_article"]) for k, v in results.items() if v}
    warm_rows = []
    for key, label in (("before", "before (`--before`)"), ("after", "this code")):
        if key in best:
            r = best[key]
            warm_rows.append([label, f"{r['words']:.0f}", measure.ms(r["per_article"]), f"{1 / r['per_article']:,.0f}",
                              f"{best['before']['per_article'] / r['per_article']:.2f}×" if "before" in best else "–"])
    warm_met = 1 / best["after"]["per_article"] >= 1000
    sys.stdout.write(report(args, len(text.split()), claims, runs, phase, imports, off_path, batch, warm_rows,
                            warm_met, compare))
    if args.json:
        args.json.write_text(json.dumps({
            "machine": measure.machine(), "runs": {label: [r.seconds for r in rs] for label, rs in runs},
            "rss_mb": {label: [r.max_rss_mb for r in rs] for label, rs in runs},
            "phases": phase, "imports": imports, "off_path": off_path, "many": batch}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

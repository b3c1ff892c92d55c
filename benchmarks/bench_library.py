"""Benchmark a growing reference library: loading it (cache cold and warm) and checking one article.

For each size (shipped tables only, then 1k, 10k, 100k and 1M generated facts spread
over ten tables, benchmarks/gen_library.py) it measures, each in a fresh process:

- ``library.load(extra=[folder])`` with no cache at all (parse only), with an empty
  cache folder (parse + write the JSON cache) and with a warm cache (read it back);
- ``Engine.create`` and checking the ~1,000-word benchmark article plus two sentences
  that cite a generated table (first check, then the median of the next ones);
- peak memory of the process;
- at the largest size, what other cache layouts would cost (``FORMAT_CHILD``).

    python benchmarks/bench_library.py            # up to 1M facts, a few minutes
    python benchmarks/bench_library.py --quick    # up to 100k facts
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import measure
from gen_article import AS_OF, make_article
from gen_library import claim_paragraph, expected_verdicts, generate

SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)

CHILD = r"""
import datetime as dt, json, resource, statistics, sys, time
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.read.document import from_text
folder, use_cache, article, checks = sys.argv[1], sys.argv[2] == "1", sys.argv[3], int(sys.argv[4])
start = time.perf_counter()
lib = library.load(extra=[folder] if folder else [], use_cache=use_cache)
loaded = time.perf_counter()
rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
engine = Engine.create(lib)
created = time.perf_counter()
document = from_text(open(article, encoding="utf-8").read(), "article.txt", as_of=dt.date.fromisoformat(sys.argv[5]))
times, findings = [], 0
for _ in range(checks):
    t = time.perf_counter()
    findings = len(engine.check(document))
    times.append(time.perf_counter() - t)
synthetic = {}
for finding in engine.check(document):
    if (finding.table or "").startswith("bench_synthetic_"):
        synthetic[finding.verdict.value] = synthetic.get(finding.verdict.value, 0) + 1
print(json.dumps({"load": loaded - start, "create": created - loaded, "checks": times, "findings": findings,
                  "synthetic": synthetic,
                  "facts": sum(len(t.cells) for t in lib.tables.values()), "tables": len(lib.tables),
                  "rss_loaded_mb": rss_loaded / 1024}))
"""


# Runs in a fresh interpreter: the generated folder's facts cached three ways. "facts" is
# what library.py pickled at first (Fact objects); "facts, interned" shares equal
# strings; "tuples, interned" drops the objects, which is what library.py caches since
# this experiment (Facts are built only for the tables a check touches).
FORMAT_CHILD = r"""
import csv, json, pickle, resource, sys, time
from pathlib import Path
from factcheck.model import Fact
from factcheck.reference.tables import COLUMNS, read_cells
folder, kind, action, target = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def interned(path, table_id, make):
    pool = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        where = [header.index(c) for c in COLUMNS]
        return [make(table_id, *[pool.setdefault(v, v) for v in (row[i].strip() for i in where)]) for row in reader]
start = time.perf_counter()
if action == "write":
    files = sorted(folder.glob("*/facts.csv"))
    if kind == "facts":
        data = [[Fact(f.parent.name, *row) for row in read_cells(f)[0]] for f in files]
    else:
        data = [interned(f, f.parent.name, Fact if kind == "facts, interned" else (lambda *cells: cells)) for f in files]
    parsed = time.perf_counter()
    with open(target, "wb") as out:
        pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
    print(json.dumps({"parse": parsed - start, "write": time.perf_counter() - parsed}))
else:
    with open(target, "rb") as handle:
        data = pickle.load(handle)
    print(json.dumps({"read": time.perf_counter() - start, "rows": sum(map(len, data))}))
"""
CACHE_KINDS = ("facts", "facts, interned", "tuples, interned")


def cache_formats(folder: Path, tmp: Path) -> list[dict]:
    out = []
    for i, kind in enumerate(CACHE_KINDS):
        target = tmp / f"format-{i}.pickle"
        wrote = measure.python_child(FORMAT_CHILD, str(folder), kind, "write", str(target), env=measure.env_with())
        read = measure.python_child(FORMAT_CHILD, str(folder), kind, "read", str(target), env=measure.env_with())
        out.append({"kind": kind, "parse": wrote["parse"], "write": wrote["write"], "read": read["read"],
                    "size_mb": target.stat().st_size / 2**20, "read_rss_mb": read["max_rss_mb"]})
        target.unlink()
    return out


def child(folder: str, cache: str | None, article: Path, checks: int) -> dict:
    env = measure.env_with(FACTCHECK_CACHE_DIR=cache, FACTCHECK_NO_CACHE=None if cache else "1")
    return measure.python_child(CHILD, folder, "1" if cache else "0", str(article), str(checks), AS_OF, env=env)


def measure_size(size: int, tables: int, tmp: Path, base_text: str, warm_runs: int, checks: int,
                 formats: bool = False) -> dict:
    folder = tmp / f"lib-{size}"
    started = time.perf_counter()
    if size:
        generate(folder, size, tables)
    generated = time.perf_counter() - started
    article = tmp / f"article-{size}.txt"
    # The same two cited sentences at every size: gen_library's first row does not depend on the size.
    # The shipped-only run checks them too (they come out unverifiable there), so every size
    # checks the same text and the ratios compare the same work against a bigger library.
    if not size:
        paragraph_from = tmp / "lib-paragraph"
        generate(paragraph_from, 1_000, tables)
    extra_text = claim_paragraph(folder if size else paragraph_from)
    article.write_text(base_text + extra_text, encoding="utf-8")
    extra = str(folder) if size else ""
    cache = tmp / f"cache-{size}"
    # Before timing anything: the article's sentences about the generated tables must be
    # tied to their rows (a sentence the engine can't place comes out "unverifiable",
    # with no table, and no row is ever looked up: the benchmark would time nothing).
    expected = expected_verdicts(folder) if size else {}
    if size:
        assert expected.get("supported", 0) > 0 and expected.get("contradicted", 0) > 0, expected
    verified = child(extra, str(tmp / f"cache-verify-{size}"), article, 1)["synthetic"]
    if verified != expected:
        raise SystemExit(f"+{size:,} facts: the generated claims got {verified}, expected {expected}: "
                         "they are not tied to the generated rows, so the timings would not measure lookups")
    result = {"size": size, "generate": generated,
              "csv_mb": sum(f.stat().st_size for f in folder.glob("*/facts.csv")) / 2**20 if size else 0.0}
    result["nocache"] = child(extra, None, article, 1)
    result["cold"] = child(extra, str(cache), article, 1)
    result["cache_mb"] = sum(f.stat().st_size for f in cache.glob("library-*")) / 2**20
    result["warm"] = [child(extra, str(cache), article, checks) for _ in range(warm_runs)]
    result["synthetic"] = verified
    for timed in (result["nocache"], result["cold"], *result["warm"]):
        assert timed["synthetic"] == expected, (size, timed["synthetic"], expected)
    if formats and size:
        result["formats"] = cache_formats(folder, tmp)
    return result


def report(results: list[dict], tables: int) -> str:
    out = [f"Machine: {measure.machine()}", "",
           f"Generated facts are spread over {tables} tables (benchmarks/gen_library.py) and added to the "
           f"shipped tables with `--data`; each cell is a fresh process.", "",
           "### Loading", ""]
    rows = []
    for r in results:
        warm = min(w["load"] for w in r["warm"])
        rows.append([_size(r), f"{r['csv_mb']:.1f} MB", measure.ms(r["nocache"]["load"]),
                     measure.ms(r["cold"]["load"]), f"{r['cache_mb']:.1f} MB", measure.ms(warm),
                     f"{warm / r['nocache']['load']:.2f}×",
                     f"{r['nocache']['rss_loaded_mb']:.0f} MB", f"{r['warm'][0]['rss_loaded_mb']:.0f} MB"])
    out.append(measure.table(["library", "facts.csv", "parse (no cache)", "parse + write cache",
                              "cache file", "read cache (warm)", "warm / parse", "RSS after parse", "RSS after cache read"], rows))
    out += ["", "### Checking one article against the library (cache warm)", "",
            "The article is the ~1,000-word benchmark article plus, for each generated table, one "
            "sentence giving its first row's figure and one giving three times it; before anything "
            "was timed, the benchmark asserted that these come out `supported` and `contradicted` "
            "against the generated tables (the column \"generated rows found\"). Ratios are to the "
            "shipped-only library in the same run.", ""]
    rows = []
    base = None
    for r in results:
        w = r["warm"][0]
        rest = sorted(c for x in r["warm"] for c in x["checks"][1:])
        later = rest[len(rest) // 2] if rest else w["checks"][0]
        whole = min(x["process_seconds"] for x in r["warm"])
        base = base or (later, whole)
        tied = r.get("synthetic") or {}
        rows.append([_size(r), measure.ms(w["create"]), measure.ms(w["checks"][0]),
                     measure.ms(later), f"{later / base[0]:.2f}×",
                     f"{tied.get('supported', 0)} supported, {tied.get('contradicted', 0)} contradicted" if r["size"] else "–",
                     w["findings"], f"{max(x['max_rss_mb'] for x in r['warm']):.0f} MB",
                     f"{whole:.2f} s", f"{whole / base[1]:.2f}×"])
    out.append(measure.table(["library", "Engine.create", "first check", "later checks (median)", "ratio",
                              "generated rows found", "findings", "peak RSS", "whole process", "ratio"], rows))
    for r in results:
        if "formats" in r:
            out += ["", f"### Cache layouts for the generated {r['size']:,} facts (experiment; factcheck caches 'tuples, interned')", ""]
            out.append(measure.table(["cached as", "parse CSV", "write pickle", "pickle", "read pickle", "peak RSS reading"], [
                [f["kind"], measure.ms(f["parse"]), measure.ms(f["write"]), f"{f['size_mb']:.0f} MB",
                 measure.ms(f["read"]), f"{f['read_rss_mb']:.0f} MB"] for f in r["formats"]]))
    return "\n".join(out) + "\n"


def _size(result: dict) -> str:
    facts = result["warm"][0]["facts"]
    return "shipped only" if not result["size"] else f"+{result['size']:,} ({facts:,} facts)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} instead of {SIZES}")
    parser.add_argument("--sizes", type=int, nargs="+", help="generated facts per step")
    parser.add_argument("--tables", type=int, default=10, help="tables the generated facts are spread over")
    parser.add_argument("--checks", type=int, default=12,
                        help="checks of the article per warm process (the later ones give the median: with "
                             "a few, one busy moment moves it by a fifth)")
    parser.add_argument("--no-formats", action="store_true",
                        help="skip the cache-layout experiment at the largest size")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = parser.parse_args(argv)
    measure.compile_package()
    sizes = sorted(args.sizes or (QUICK_SIZES if args.quick else SIZES))
    from factcheck.reference import library

    base_text = make_article(library.load(), 1000, seed=1)
    results = []
    with tempfile.TemporaryDirectory(prefix="factcheck-benchlib-") as name:
        tmp = Path(name)
        for size in (0, *sizes):
            results.append(measure_size(size, args.tables, tmp, base_text,
                                        warm_runs=1 if size >= 1_000_000 else 2, checks=args.checks,
                                        formats=size == sizes[-1] and not args.no_formats))
            print(f"measured {size:,}", file=sys.stderr, flush=True)
            # Free the disk as we go: 1M facts are a few hundred MB of CSV and pickle.
            for path in sorted(tmp.glob(f"*-{size}/**/*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
    sys.stdout.write(report(results, args.tables))
    if args.json:
        args.json.write_text(json.dumps({"machine": measure.machine(), "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the check on adversarial inputs: does its time grow linearly with the input?

Each shape below is text a newsroom really gets pasted into an article (a data dump, a
table, one endless comma-joined sentence) or that a careless or hostile input holds
(opening marks that never close). Each is generated at several sizes (10 KB, 100 KB and
1 MB by default) and checked by the real command line in a fresh process:

    factcheck FILE --format json --output OUT --no-decisions

with the library cache warm. For each size the table gives the wall time of the whole
process and the time of the check itself: the CPU time of ``factcheck.cli.main``, taken
inside the process after the imports (reading, checking, settling, the report written).
CPU time, unlike wall time, hardly moves when other work shares the machine, so the
ratios hold on a busy CI runner; the best of three runs is kept below 1 MB. "Per KB" is the check's time divided by the size; the ratios
divide the check's time at one size by that at the size before it. With sizes ten times
apart, a ratio near 10 is linear growth; quadratic growth would give 100. The baseline
rows (interpreter start-up, an empty article, the sample article) come from the same
run, so the figures compare across machines as ratios.

    python benchmarks/bench_adversarial.py                 # ~5 minutes on 2 cores
    python benchmarks/bench_adversarial.py --quick         # 10 KB and 100 KB only
    python benchmarks/bench_adversarial.py --sizes 10000 50000 --shapes comma-sentence dots
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import measure

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-article.md"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _wrapped(unit: str, size: int, width: int = 72) -> str:
    """``unit`` repeated, broken into lines of about ``width`` characters, no blank lines."""
    words, lines, line = _repeat(unit, size).split(" "), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)[:size]


def _backtick_runs(size: int) -> str:
    """Runs of backticks, longest first: each opens a code span nothing closes."""
    runs, total, n = [], 0, 1
    while total < size:
        runs.append("`" * n + " ")
        total += n + 1
        n += 1
    return "".join(reversed(runs))[:size]


# name -> (what it is, file suffix, generator of ``size`` characters)
SHAPES = {
    "prose": ("the sample article, repeated", ".md",
              lambda n: _repeat(SAMPLE.read_text(encoding="utf-8") + "\n", n)),
    "prose-one-line": ("the sample article on one line, repeated", ".txt",
                       lambda n: _repeat(" ".join(SAMPLE.read_text(encoding="utf-8").split()) + " ", n)),
    "no-full-stops": ("wrapped lines of figures and names, no full stop anywhere", ".txt",
                      lambda n: _wrapped("the system delivered 442 petaflops and Japan ranked 29th "
                                         "with 7% growth and more ", n)),
    "comma-sentence": ("one sentence: 'Japan ranked 29th in the IMD ranking with 7% growth, ' repeated", ".txt",
                       lambda n: _repeat("Japan ranked 29th in the IMD ranking with 7% growth, ", n)),
    "digits-ordinals": ("a dump of numbers and ordinals: '1 2nd 33 4th 5 '", ".txt",
                        lambda n: _repeat("1 2nd 33 4th 5 ", n)),
    "pasted-table": ("a Markdown table of figures", ".md",
                     lambda n: _repeat("| Japan | 29th | 7% | $4.2 trillion |\n", n)),
    "the-nation": ("short paragraphs 'The nation ranked 3rd.' naming no country", ".txt",
                   lambda n: _repeat("The nation ranked 3rd.\n\n", n)),
    "suppressions": ("an ignore comment before every sentence", ".md",
                     lambda n: _repeat("<!-- factcheck-ignore: quoted -->\nJapan ranked 29th in the IMD ranking.\n\n", n)),
    "invisible": ("figures with a zero-width space inside: '2\\u200b9th'", ".txt",
                  lambda n: _repeat("Japan ranked 2\u200b9th in the IMD ranking. ", n)),
    "unclosed-comments": ("'<!-- a ' repeated, never closed", ".md", lambda n: _repeat("<!-- a ", n)),
    "open-brackets": ("'[a ' repeated on one line", ".md", lambda n: _repeat("[a ", n)),
    "link-openers": ("'](' repeated on one line", ".md", lambda n: _repeat("]( a ", n)),
    "open-tags": ("'<a ' repeated on one line", ".md", lambda n: _repeat("<a ", n)),
    "backtick-runs": ("runs of backticks, longest first, none closed", ".md", _backtick_runs),
    "dots": ("one run of full stops", ".txt", lambda n: "." * n),
}


def factcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


# Runs in a fresh interpreter: the check timed from inside, after the imports.
TIMED_CHILD = r"""
import json, sys, time
import factcheck.cli.main as cli
import factcheck.ci.run
start = time.process_time()
status = cli.main(sys.argv[1:])
print(json.dumps({"check_seconds": time.process_time() - start, "status": status}))
"""


_RUNS = [0]


def check(path: Path, tmp: Path, env: dict) -> dict:
    """One fresh process: its wall time and peak memory, and the check's own time. Each
    run gets an empty result cache (the library cache stays warm), so the article is
    checked every time rather than its result reused from the run before."""
    out = tmp / "out.json"
    args = [str(path), "--format", "json", "--output", str(out), "--no-decisions", "--max-size", "50MB"]
    _RUNS[0] += 1
    env = {**env, "FACTCHECK_RESULT_CACHE_DIR": str(tmp / "results" / str(_RUNS[0]))}
    run = measure.run_child([sys.executable, "-c", TIMED_CHILD, *args], env=env)
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"factcheck {path.name} failed ({run.returncode}): {run.stderr.strip()}")
    timed = json.loads(run.stdout.strip().splitlines()[-1])
    if timed["status"] not in (0, 1):
        raise RuntimeError(f"factcheck {path.name} exited {timed['status']}: {run.stderr.strip()}")
    return {"seconds": run.seconds, "check_seconds": timed["check_seconds"], "max_rss_mb": run.max_rss_mb}


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["check_seconds"])


def claims_in(tmp: Path) -> int:
    return json.loads((tmp / "out.json").read_text(encoding="utf-8"))["summary"]["claims"]


def size_label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 and size % 1_000_000 == 0 else f"{size // 1000} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true", help="10 KB and 100 KB only")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each baseline and of each size below 1 MB (the fastest is kept)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else sorted(args.sizes)
    measure.compile_package()
    raw: dict = {"machine": measure.machine(), "sizes": sizes, "baselines": {}, "shapes": {}}
    with tempfile.TemporaryDirectory(prefix="factcheck-adversarial-") as folder:
        tmp = Path(folder)
        env = measure.env_with(FACTCHECK_CACHE_DIR=str(tmp / "cache"))
        empty = tmp / "empty.txt"
        empty.write_text("", encoding="utf-8")
        check(empty, tmp, env)  # fills the library cache
        def interpreter() -> dict:
            run = measure.run_child([sys.executable, "-c", "pass"], env=env)
            return {"seconds": run.seconds, "check_seconds": 0.0, "max_rss_mb": run.max_rss_mb}

        baselines = {
            "`python -c pass` (interpreter start-up)": interpreter,
            "`factcheck` on an empty article": lambda: check(empty, tmp, env),
            f"`factcheck` on the sample article ({SAMPLE.stat().st_size / 1000:.1f} KB)": lambda: check(SAMPLE, tmp, env),
        }
        for label, run in baselines.items():
            raw["baselines"][label] = min((run() for _ in range(args.runs)), key=lambda r: r["seconds"])
            print(f"{label}: {raw['baselines'][label]['seconds']:.2f} s", file=sys.stderr)
        for name in args.shapes:
            what, suffix, make = SHAPES[name]
            raw["shapes"][name] = {"what": what, "runs": []}
            for size in sizes:
                path = tmp / f"{name}{suffix}"
                path.write_text(make(size), encoding="utf-8")
                entry = best([check(path, tmp, env) for _ in range(args.runs if size < 1_000_000 else 1)])
                entry.update(size=size, bytes=path.stat().st_size, claims=claims_in(tmp))
                raw["shapes"][name]["runs"].append(entry)
                print(f"{name} {size_label(size)}: {entry['seconds']:.2f} s (check {entry['check_seconds']:.2f} s), "
                      f"{entry['max_rss_mb']:.0f} MB, {entry['claims']} claims", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    print(report(raw))


def report(raw: dict) -> str:
    sizes = raw["sizes"]
    lines = [f"Machine: {raw['machine']}", ""]
    lines.append(measure.table(["baseline", "whole process", "the check", "peak RSS"],
                               [[label, measure.ms(b["seconds"]), measure.ms(b["check_seconds"]) if b["check_seconds"] else "—",
                                 f"{b['max_rss_mb']:.0f} MB"] for label, b in raw["baselines"].items()]))
    lines.append("")
    last = size_label(sizes[-1])
    header = (["shape"] + [f"{size_label(s)}: process / check" for s in sizes] + [f"check per KB at {last}"]
              + [f"ratio {size_label(b)} / {size_label(a)}" for a, b in zip(sizes, sizes[1:])]
              + [f"peak RSS at {last}", f"claims at {last}"])
    rows = []
    for name, shape in raw["shapes"].items():
        runs = shape["runs"]
        checks = [max(r["check_seconds"], 1e-4) for r in runs]
        per_kb = checks[-1] / (runs[-1]["size"] / 1000)
        ratios = [f"{b / a:.1f}" for a, b in zip(checks, checks[1:])]
        rows.append([f"`{name}`"] + [f"{_s(r['seconds'])} / {_s(r['check_seconds'])}" for r in runs]
                    + [measure.ms(per_kb)] + ratios
                    + [f"{runs[-1]['max_rss_mb']:.0f} MB", f"{runs[-1]['claims']:,}"])
    lines.append(measure.table(header, rows))
    lines.append("")
    lines.append("Shapes: " + "; ".join(f"`{n}` — {s['what']}" for n, s in raw["shapes"].items()) + ".")
    return "\n".join(lines)


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.995 else f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    main()

"""Flag audit on unseen real passages: run factcheck on each passage of a folder at its own
date and list every error and warning it raises, so a person can judge each one.

The scorer of ``benchmarks/accuracy.py`` counts flags on 40 labelled passages; rules tuned
there can still raise false alarms on other real text. This script is the check on that:
save passages from pages the engine has never seen (other people's sentences: keep them
outside the repository), list them in ``index.tsv`` and read what the engine flags.

    python benchmarks/flag_audit.py DIR [DIR ...]
    python benchmarks/flag_audit.py DIR --right right.tsv   # flags judged right, the rest counted wrong

``DIR/index.tsv``: a header line, then one passage a line: ``file``, ``url``, ``published``
(``YYYY-MM-DD``, or ``YYYY-MM`` read as the month's last day: the page came out some day in
that month, and an earlier day would check it against a list it may already cite; anything
after a space is a note).
``right.tsv``: ``dir/file`` and the flagged figure's text, tab-separated: the flags a
person checked against the sources and found right.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import factcheck_command  # noqa: E402


def month_end(month: str) -> str:
    """``YYYY-MM`` -> the last day of that month."""
    year, mon = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(year, mon)[1]:02d}"


def passages(folder: Path):
    """(path, date) of each passage listed in the folder's index."""
    with open(folder / "index.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        date = row[2].split()[0] if len(row) > 2 and row[2].strip() else ""
        if len(date) == 7:
            date = month_end(date)
        path = folder / row[0]
        if path.exists():
            yield path, date


def flags(command: list[str], path: Path, date: str) -> list[dict]:
    cmd = [*command, str(path), "--format", "json", "--no-cache", "--no-decisions"]
    if date[:4].isdigit():
        cmd += ["--as-of", date]
    done = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
    if done.returncode not in (0, 1):
        raise SystemExit(f"flag_audit: factcheck failed on {path}: {done.stderr.strip()[-300:]}")
    try:
        documents = json.loads(done.stdout)["documents"]
    except (ValueError, KeyError):
        raise SystemExit(f"flag_audit: no JSON report from {' '.join(cmd[:3])} on {path}: "
                         f"{done.stderr.strip()[-300:]}") from None
    return [x for d in documents for x in d["findings"] if x["severity"] in ("error", "warning")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--right", type=Path, help="flags judged right: dir/file<TAB>figure a line")
    ap.add_argument("--factcheck", help="the factcheck command to run (default: the one beside this "
                    "interpreter, else `python -m factcheck`)")
    args = ap.parse_args(argv)
    command = [args.factcheck or factcheck_command()]
    if not args.factcheck and not Path(command[0]).exists():
        command = [sys.executable, "-m", "factcheck"]
    right: set[tuple[str, str]] = set()
    if args.right:
        with open(args.right, encoding="utf-8") as f:
            right = {tuple(line.rstrip("\n").split("\t")[:2]) for line in f if "\t" in line}
    count = raised = judged_right = 0
    for folder in args.folders:
        for path, date in passages(folder):
            count += 1
            key = f"{folder.name}/{path.name}"
            for x in flags(command, path, date):
                raised += 1
                ok = (key, x["text"]) in right
                judged_right += ok
                mark = "right" if ok else ("wrong" if args.right else "-")
                print(f"{key}:{x['line']}\t{x['text']!r}\t{x['verdict']}\t{mark}\t{x['message'][:160]}")
    summary = f"{count} passages, {raised} error/warning flags"
    if args.right:
        summary += f", {judged_right} judged right, {raised - judged_right} not"
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

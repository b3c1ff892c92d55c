"""Flag audit on unseen real passages: run factcheck on each passage of a folder at its own
date and list every error and warning it raises, so a person can judge each one.

The scorer of ``benchmarks/accuracy.py`` counts flags on 40 labelled passages; rules tuned
there can still raise false alarms on other real text. This script is the check on that:
save passages from pages the engine has never seen (other people's sentences: keep them
outside the repository), list them in ``index.tsv`` and read what the engine flags.

    python benchmarks/flag_audit.py DIR [DIR ...]
    python benchmarks/flag_audit.py DIR --right right.tsv   # flags judged right, the rest counted wrong

``DIR/index.tsv``: a header line, then one passage a line: ``file``, ``url``, ``published``
(``YYYY-MM-DD``, or ``YYYY-MM`` read as the month's last day and ``YYYY`` as the year's: the
page came out some day in that month or year, and an earlier day would check it against a
list it may already cite; anything after a space is a note).
``right.tsv``: ``dir/file`` and the flagged figure's text, tab-separated: the flags a
person checked against the sources and found right.
``errors.tsv`` (``--errors``): a header line, then the figures a person found stated wrongly
about something the tables hold, whether flagged or not: ``dir/file``, the figure's text,
its line, the table's fact and why. A flag on one of them counts as right too, and the
summary says how many of them were flagged (a missed error is a defect as much as a false
alarm is).
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
        if len(date) == 4:
            date = f"{date}-12"
        if len(date) == 7:
            date = month_end(date)
        path = folder / row[0]
        if path.exists():
            yield path, date


def documents(command: list[str], paths: list[Path], date: str) -> list[dict]:
    """factcheck's JSON report of ``paths`` checked at ``date``: one document each."""
    cmd = [*command, *map(str, paths), "--format", "json", "--no-cache", "--no-decisions"]
    if date[:4].isdigit():
        cmd += ["--as-of", date]
    done = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
    if done.returncode not in (0, 1):
        raise SystemExit(f"flag_audit: factcheck failed on {paths[0]}: {done.stderr.strip()[-300:]}")
    try:
        return json.loads(done.stdout)["documents"]
    except (ValueError, KeyError):
        raise SystemExit(f"flag_audit: no JSON report from {' '.join(cmd[:3])} on {paths[0]}: "
                         f"{done.stderr.strip()[-300:]}") from None


def flags(command: list[str], path: Path, date: str) -> list[dict]:
    return [x for d in documents(command, [path], date) for x in d["findings"]
            if x["severity"] in ("error", "warning")]


def read_errors(path: Path) -> dict[tuple[str, str, str], str]:
    """(``dir/file``, figure, line) -> the table's fact and why, from an errors file."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return {(row[0], row[1], row[2].strip()): " ".join(row[3:5])
            for row in rows[1:] if len(row) >= 3 and row[0].strip()}


def flagged_error(errors: dict, key: str, flag: dict) -> tuple[str, str, str] | None:
    """The listed wrong figure a flag is on: same passage and line, and one figure's text
    holds the other's ("four" and "four places")."""
    for error in errors:
        name, figure, line = error
        if (name == key and line == str(flag["line"])
                and (figure in flag["text"] or flag["text"] in figure)):
            return error
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--right", type=Path, help="flags judged right: dir/file<TAB>figure a line")
    ap.add_argument("--factcheck", help="the factcheck command to run (default: the one beside this "
                    "interpreter, else `python -m factcheck`)")
    ap.add_argument("--errors", type=Path, help="figures stated wrongly, flagged or not: "
                    "dir/file<TAB>figure<TAB>line<TAB>fact<TAB>why a line, after a header")
    args = ap.parse_args(argv)
    command = [args.factcheck or factcheck_command()]
    if not args.factcheck and not Path(command[0]).exists():
        command = [sys.executable, "-m", "factcheck"]
    right: set[tuple[str, str]] = set()
    if args.right:
        with open(args.right, encoding="utf-8") as f:
            right = {tuple(line.rstrip("\n").split("\t")[:2]) for line in f if "\t" in line}
    errors = read_errors(args.errors) if args.errors else {}
    caught: set[tuple[str, str, str]] = set()
    judged = bool(args.right or args.errors)
    count = raised = judged_right = 0
    for folder in args.folders:
        for path, date in passages(folder):
            count += 1
            key = f"{folder.name}/{path.name}"
            for x in flags(command, path, date):
                raised += 1
                error = flagged_error(errors, key, x)
                if error:
                    caught.add(error)
                ok = (key, x["text"]) in right or error is not None
                judged_right += ok
                mark = "right" if ok else ("wrong" if judged else "-")
                print(f"{key}:{x['line']}\t{x['text']!r}\t{x['verdict']}\t{mark}\t{x['message'][:160]}")
    for key, figure, line in sorted(set(errors) - caught):
        print(f"{key}:{line}\t{figure!r}\tmissed\t-\t{errors[(key, figure, line)][:160]}")
    summary = f"{count} passages, {raised} error/warning flags"
    if judged:
        summary += f", {judged_right} judged right, {raised - judged_right} not"
    if args.errors:
        summary += f"; {len(caught)} of {len(errors)} wrong figures flagged"
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

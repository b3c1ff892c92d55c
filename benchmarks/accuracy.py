"""Accuracy on real published passages: run the shared real-text scorer and write its
figures into docs/accuracy.md.

The passages and their labels live outside the repository (``../shared/eval`` beside the
checkout: other people's sentences, never copied here). When that folder is missing the
script says so and exits 0, so it can run anywhere.

    python benchmarks/accuracy.py              # score, print, rewrite the table in docs/accuracy.md
    python benchmarks/accuracy.py --no-write   # score and print only
    python benchmarks/accuracy.py --eval DIR   # another copy of the evaluation set
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- real-text figures: begin -->", "<!-- real-text figures: end -->"
TARGETS = {"precision": (">=", 0.90), "false_alarm": ("<=", 0.02), "detect": (">=", 0.60),
           "extraction": (">=", 0.90), "mut_detect": (">=", 0.75)}
MEANING = {
    "precision": "error/warning flags that sit on a real error",
    "false_alarm": "true figures flagged as an error",
    "detect": "real errors flagged (error or warning)",
    "extraction": "labelled claims that got any finding",
    "mut_detect": "seeded errors (a figure changed, or the entity swapped) flagged",
    "verdict_agree": "findings with exactly the labelled verdict",
}


def factcheck_command() -> str:
    here = Path(sys.executable).parent / "factcheck"
    return str(here) if here.exists() else (shutil.which("factcheck") or "factcheck")


def score(eval_dir: Path) -> dict:
    out = subprocess.run([sys.executable, str(eval_dir / "score.py"), factcheck_command(), "--mutate"],
                         capture_output=True, text=True, timeout=1800, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(fig: dict) -> str:
    rows = ["| figure | what it counts | value | target |", "|---|---|---|---|"]
    for key, meaning in MEANING.items():
        if key not in fig:
            continue
        op, target = TARGETS.get(key, ("", None))
        met = "" if target is None else (" ✔" if (fig[key] >= target if op == ">=" else fig[key] <= target) else " ✘")
        rows.append(f"| `{key}` | {meaning} | {fig[key]:.3f} | {op} {target if target is not None else '—'}{met} |")
    rows.append("")
    rows.append(f"{fig['cases']} passages, {fig['claims']} labelled claims, {fig['problems']} real errors, "
                f"{fig['flags']} error/warning flags, {fig.get('mutations', 0)} seeded errors; "
                f"measured {dt.date.today().isoformat()}.")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not (args.eval / "score.py").exists():
        print(f"no evaluation set at {args.eval}; nothing measured")
        return 0
    fig = score(args.eval)
    text = table(fig)
    print(text)
    if not args.no_write:
        doc = DOC.read_text(encoding="utf-8")
        if BEGIN in doc and END in doc:
            head, rest = doc.split(BEGIN, 1)
            doc = head + BEGIN + "\n" + text + "\n" + END + rest.split(END, 1)[1]
            tmp = DOC.with_suffix(".md.tmp")
            tmp.write_text(doc, encoding="utf-8")
            tmp.replace(DOC)
            print(f"written to {DOC.relative_to(ROOT)}")
        else:
            print(f"{DOC.relative_to(ROOT)} has no {BEGIN} marker; not written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

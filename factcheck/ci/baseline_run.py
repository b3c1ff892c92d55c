"""``factcheck baseline``: record every current finding in the decisions file, list stale entries.

A finding already decided keeps its decision (a reviewer's ``verified`` note is never
overwritten by a blanket ``accepted``); a new finding is recorded as ``accepted`` with
the given reason. Entries whose fingerprint no finding has any more are *stale* — the
claim was corrected or deleted — and are listed, not removed, so that a person decides.
Findings an in-article comment suppresses need no entry and get none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..report import records
from ..judge.check import fingerprint
from .decisions import Decision, Decisions, Kind, utc_now
from ..model import Severity
from .run import EXIT_ERROR, EXIT_OK, RunOptions, check_results, plan


def run_baseline(paths: list[str], decisions: str | None = None, reason: str = "",
                 who: str | None = None, as_of: str | None = None) -> int:
    options = RunOptions(paths=list(paths), as_of=as_of,
                         decisions=Path(decisions) if decisions else None)
    the_plan = plan(options)
    if not the_plan.paths:
        print("factcheck: nothing to record: include/exclude leave none of the files given", file=sys.stderr)
        return EXIT_OK
    target = the_plan.decisions
    Decisions.load(target)  # a broken decisions file is said before the articles are checked
    results = check_results(the_plan, options)
    counted: dict = {}

    def record(current: Decisions) -> None:
        # The file as it is now, read under the lock: entries another run added meanwhile stay.
        counted["added"], counted["seen"] = update(current, results, reason=reason, who=who or _user())

    existing = Decisions.update(target, record)
    seen = counted["seen"]
    stale = [d for d in existing.stale(seen) if _in_scope(d, the_plan.paths)]
    _report(target, counted["added"], len(seen), stale, results)
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def update(decisions: Decisions, results: list[records.DocumentResult], reason: str = "",
           who: str = "", at: str | None = None) -> tuple[int, set[str]]:
    """Add an ``accepted`` entry for each undecided finding; return (added, fingerprints seen)."""
    at = at or utc_now()
    added = 0
    seen: set[str] = set()
    for result in results:
        for finding in result.findings:
            if finding.severity is Severity.INFO:
                continue  # supported and unverifiable claims never fail a run: nothing to settle
            fp = fingerprint(finding)
            seen.add(fp)
            if decisions.get(fp) is not None:
                continue
            decisions.set(Decision(
                fingerprint=fp, kind=Kind.ACCEPTED, reason=reason, by=who, at=at,
                path=Path(result.path).as_posix(), claim=finding.claim.quantity.text,
                table=finding.table or "", entity=finding.stated.entity or "",
                metric=finding.stated.metric or ""))
            added += 1
    return added, seen


def _in_scope(decision: Decision, checked: tuple[str, ...]) -> bool:
    """Only call an entry stale when its article was checked (or no longer exists):
    a baseline run on one folder says nothing about the articles of another."""
    if not decision.path:
        return True
    checked_posix = {Path(p).as_posix() for p in checked}
    return decision.path in checked_posix or not Path(decision.path).exists()


def _user() -> str:
    for name in ("FACTCHECK_USER", "GIT_AUTHOR_NAME", "USER", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return ""


def _report(target: Path, added: int, seen: int, stale: list[Decision],
            results: list[records.DocumentResult]) -> None:
    print(f"{target}: {added} new finding(s) recorded as accepted; "
          f"{seen - added} already decided; {len(stale)} stale entr{'y' if len(stale) == 1 else 'ies'}.")
    for d in stale:
        where = f"{d.path}: " if d.path else ""
        what = f"“{d.claim}”" if d.claim else "(no claim recorded)"
        print(f"  stale {d.fingerprint}  {where}{what} {d.kind.value}"
              " — no finding matches it any more; remove it if the claim was corrected")
    for result in results:
        if result.error:
            print(f"factcheck: error: {result.error}", file=sys.stderr)

"""The run in one line of counts, shared by the human report and the summary line a
machine format leaves on standard error. Plain strings: drawing nothing needs no rich."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """"1 error", "2 errors", "1 claim checked"… ``many`` when the plural is not word+s."""
    if count == 1:
        return f"{count} {word}"
    if many is None:
        head, _, tail = word.partition(" ")
        many = f"{head}s" + (f" {tail}" if tail else "")
    return f"{count} {many}"


def summary_parts(report: dict) -> list[str]:
    """The run in a few counts: claims, errors, warnings, and what else there was."""
    s = report["summary"]
    verdicts = s.get("verdicts", {})
    parts = [plural(s["claims"], "claim checked"), plural(s["errors"], "error"), plural(s["warnings"], "warning")]
    for key in ("supported", "unverifiable"):
        if verdicts.get(key):
            parts.append(f"{verdicts[key]} {key}")
    if s.get("suppressed"):
        parts.append(f"{s['suppressed']} settled")
    if s.get("unreadable"):
        parts.append(f"{s['unreadable']} unreadable")
    if s.get("cached"):
        parts.append(f"{plural(s['cached'], 'article')} unchanged since checked before (results reused)")
    return parts

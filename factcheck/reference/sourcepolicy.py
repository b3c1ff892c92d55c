"""The source policy: which links a row may cite, read from ``source_policy.json``.

The lists (staging-host patterns, CDN origins, link shorteners, forums, submission
queues, copy and mirror sites) are data, shipped in ``reference_data/source_policy.json``
and extendable by a newsroom folder's own file; only what cannot be a list lives here:
a bare IP address, and whether a host belongs to a table's publisher.
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from .. import patterns
from ..dataclassgen import dataclass
from ..errors import Problem, TableError

POLICY_FILE = "source_policy.json"
LIST_RULES = ("source-staging-host", "source-cdn-origin", "source-redirect-link", "source-forum-link",
              "source-submission-queue", "source-denied-host")
"""Rules whose cases are entries of the policy file."""


@dataclass(frozen=True)
class Entry:
    """One rule of the source policy and the addresses it applies to."""

    rule: str
    reason: str
    host: str = ""
    host_pattern: re.Pattern | None = None
    url_pattern: re.Pattern | None = None
    url_prefix: str = ""

    def matches(self, url: str, host: str) -> bool:
        if self.host:
            return host_matches(host, self.host)
        if self.host_pattern is not None:
            return bool(self.host_pattern.search(host))
        if self.url_pattern is not None:
            return bool(self.url_pattern.search(url.lower()))
        return url.startswith(self.url_prefix)


@dataclass(frozen=True)
class Policy:
    """Which sources a table's rows may cite, and how early."""

    entries: tuple[Entry, ...] = ()
    embargo_days: int = 7
    """How many days before an edition's own publication date a source may be dated
    (an embargoed press release goes out before the edition is public)."""

    def merged(self, other: "Policy") -> "Policy":
        return Policy(self.entries + other.entries, max(self.embargo_days, other.embargo_days))


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def host_matches(host: str, allowed: str) -> bool:
    """A host matches itself and its subdomains: ``www.imd.org`` is on ``imd.org``."""
    allowed = allowed.lower().rstrip(".")
    return host == allowed or host.endswith("." + allowed)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def load_policy(path: Path) -> Policy:
    """Read a policy file; a missing file is an empty policy. Bad entries raise
    ``DataError`` naming the file and the entry."""
    if not path.is_file():
        return Policy()

    def fail(message: str, field: str | None = None):
        raise TableError([Problem(str(path), None, field, message, "policy-file")])

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        fail(f"not readable JSON ({exc.__class__.__name__})")
    if not isinstance(raw, dict) or not isinstance(raw.get("denied", []), list):
        fail("must be an object with a 'denied' list")
    embargo = raw.get("embargo_days", 7)
    if not isinstance(embargo, int) or isinstance(embargo, bool) or not 0 <= embargo <= 60:
        fail("must be a whole number of days from 0 to 60", "embargo_days")
    entries = []
    for index, item in enumerate(raw.get("denied", [])):
        where = f"denied[{index}]"
        if not isinstance(item, dict) or item.get("rule") not in LIST_RULES:
            fail(f"needs a 'rule', one of {', '.join(LIST_RULES)}", where)
        if not isinstance(item.get("reason"), str) or not item["reason"].strip():
            fail("needs a 'reason' saying why", where)
        kinds = [k for k in ("host", "host_pattern", "url_pattern", "url_prefix") if k in item]
        if len(kinds) != 1 or not isinstance(item[kinds[0]], str) or not item[kinds[0]]:
            fail("needs exactly one of host, host_pattern, url_pattern, url_prefix", where)
        kind, value = kinds[0], item[kinds[0]]
        try:
            pattern = patterns.compile(value) if kind.endswith("_pattern") else None
        except re.error as exc:
            fail(f"{kind} is not a valid pattern ({exc})", where)
        entries.append(Entry(
            rule=item["rule"], reason=item["reason"].strip(),
            host=value.lower() if kind == "host" else "",
            host_pattern=pattern if kind == "host_pattern" else None,
            url_pattern=pattern if kind == "url_pattern" else None,
            url_prefix=value if kind == "url_prefix" else "",
        ))
    return Policy(tuple(entries), embargo)


def link_problems(url: str, policy: Policy) -> list[tuple[str, str]]:
    """``(rule, message)`` for every way ``url`` breaks the policy's host and link rules."""
    host = host_of(url)
    found: list[tuple[str, str]] = []
    if host and is_ip(host):
        found.append(("source-bare-ip", f"{host} is a bare IP address, not a publisher's address"))
    seen: set[str] = set()
    labels = host.split(".")
    suffixes = {".".join(labels[i:]) for i in range(len(labels))}  # a host entry matches subdomains
    for entry in policy.entries:
        if entry.rule in seen:
            continue
        hit = entry.host in suffixes if entry.host else entry.matches(url, host)
        if hit:
            seen.add(entry.rule)
            found.append((entry.rule, f"{host or url} is denied: {entry.reason}"))
    return found


def on_publisher_host(url: str, hosts: tuple[str, ...]) -> bool:
    host = host_of(url)
    return any(host_matches(host, allowed) for allowed in hosts)

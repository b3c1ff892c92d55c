"""The decisions file: reviewed findings, by fingerprint, read and written in one place.

The format is documented in docs/decisions-format.md. Like detect-secrets' baseline it is
versioned, sorted and indented so that a review shows up as a small diff, and an entry is
keyed by the finding's fingerprint (``check.fingerprint``), which leaves line numbers out
because they change whenever a paragraph is added above the claim.

Reading upgrades older versions in memory (``_UPGRADES``); writing always writes
``FORMAT_VERSION``. Both ``factcheck baseline`` and the interactive review use this module.

Writers change the file with ``Decisions.update``: under a lock on the file's folder, the
file is read again, changed and written, so two writers at once (two ``factcheck
baseline`` runs in CI, a review saved meanwhile) never drop each other's entries.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, fields
from pathlib import Path

from ..dataclassgen import dataclass
from ..errors import ConfigError
from ..report.output import write_atomic

DEFAULT_PATH = Path(".factcheck/decisions.json")
FORMAT_VERSION = 1


class Kind(str, enum.Enum):
    """What a reviewer decided about a finding; every kind settles it for CI."""

    DISMISSED = "dismissed"
    """The finding is wrong (the tool misread the claim); ``reason`` says why."""
    VERIFIED = "verified"
    """Checked by hand against a source: ``note`` and ``source_url`` say how."""
    ACCEPTED = "accepted"
    """Known and left as is (for example, recorded by ``factcheck baseline``)."""


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one finding."""

    fingerprint: str
    """``check.fingerprint`` of the finding: claim text, table, entity, metric."""
    kind: Kind
    reason: str = ""
    """Why it was dismissed or accepted."""
    note: str = ""
    """For ``verified``: what the reviewer checked."""
    source_url: str = ""
    """For ``verified``: the source the reviewer checked against."""
    by: str = ""
    """Who decided."""
    at: str = ""
    """When, as ISO 8601 UTC (``2026-11-29T22:30:00Z``)."""
    path: str = ""
    """Where the finding was seen when decided; informative only, not part of the match."""
    claim: str = ""
    """The claim as written, so a reader of the file knows what the entry is about."""
    table: str = ""
    entity: str = ""
    metric: str = ""

    def as_record(self) -> dict:
        record = asdict(self)
        record["kind"] = self.kind.value
        # Empty optional fields are left out to keep the file short and its diffs small.
        return {key: value for key, value in record.items()
                if value or key in ("fingerprint", "kind")}


_FIELDS = {f.name for f in fields(Decision)}


def utc_now() -> str:
    """The current time in the form the ``at`` field uses."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Decisions:
    """A mutable collection of decisions, at most one per fingerprint."""

    def __init__(self, decisions: list[Decision] | None = None) -> None:
        self._by_fingerprint: dict[str, Decision] = {}
        for decision in decisions or []:
            self.set(decision)

    @classmethod
    def load(cls, path: Path) -> "Decisions":
        """Read a decisions file; a missing file is an empty collection."""
        path = Path(path)
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the decisions file ({exc})") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: the decisions file is not valid JSON "
                              f"(line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        data = _upgrade(data, path)
        return cls([_decision(entry, path, i) for i, entry in enumerate(data["decisions"])])

    def get(self, fingerprint: str) -> Decision | None:
        return self._by_fingerprint.get(fingerprint)

    def set(self, decision: Decision) -> None:
        """Add a decision, replacing any earlier one for the same fingerprint."""
        self._by_fingerprint[decision.fingerprint] = decision

    def remove(self, fingerprint: str) -> None:
        self._by_fingerprint.pop(fingerprint, None)

    def __iter__(self) -> Iterator[Decision]:
        return iter(sorted(self._by_fingerprint.values(), key=lambda d: d.fingerprint))

    def __len__(self) -> int:
        return len(self._by_fingerprint)

    def settles(self, finding_record: dict) -> Decision | None:
        """The decision that settles a finding (as ``records.finding_record`` builds it)."""
        return self._by_fingerprint.get(finding_record.get("fingerprint", ""))

    def stale(self, seen_fingerprints: set[str]) -> list[Decision]:
        """Decisions that match none of the findings seen: the claim was edited or removed."""
        return [d for d in self if d.fingerprint not in seen_fingerprints]

    def to_json(self) -> str:
        document = {"version": FORMAT_VERSION, "decisions": [d.as_record() for d in self]}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def update(cls, path: Path, change: Callable[["Decisions"], object]) -> "Decisions":
        """Read the file as it is now, apply ``change`` to it and write it, all under the
        folder's lock; returns what was written."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot create folder {path.parent} ({exc.strerror})") from None
        with locked(path.parent):
            current = cls.load(path)
            change(current)
            current.save(path)
        return current

    def save(self, path: Path) -> None:
        """Write the file atomically, sorted by fingerprint, creating its folder."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot create folder {path.parent} ({exc.strerror})") from None
        write_atomic(path, self.to_json())


def _decision(entry: object, path: Path, index: int) -> Decision:
    where = f"{path}: decisions[{index}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected an object")
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}")
    fingerprint = entry.get("fingerprint")
    if not isinstance(fingerprint, str) or not fingerprint:
        raise ConfigError(f"{where}: 'fingerprint' must be a non-empty string")
    try:
        kind = Kind(entry.get("kind"))
    except ValueError:
        allowed = ", ".join(k.value for k in Kind)
        raise ConfigError(f"{where}: 'kind' is {entry.get('kind')!r}, expected one of {allowed}") from None
    for key, value in entry.items():
        if key != "kind" and not isinstance(value, str):
            raise ConfigError(f"{where}: {key!r} must be a string")
    return Decision(**{**entry, "kind": kind})


def _upgrade_0(data: dict) -> dict:
    """Version 0, the draft before the format was versioned: an object mapping each
    fingerprint to ``{"decision": kind, ...}``. Version 1 is a sorted list, which diffs
    better and leaves room for file-level fields."""
    entries = []
    for fingerprint, entry in data.items():
        if not isinstance(entry, dict):
            entries.append(entry)  # reported as malformed by _decision
            continue
        entry = dict(entry)
        if "decision" in entry:
            entry["kind"] = entry.pop("decision")
        entries.append({"fingerprint": fingerprint, **entry})
    return {"version": 1, "decisions": entries}


# Each function turns version N into version N + 1; a future version 2 adds ``1: _upgrade_1``.
_UPGRADES: dict[int, Callable[[dict], dict]] = {0: _upgrade_0}


def _upgrade(data: object, path: Path) -> dict:
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the decisions file must hold a JSON object")
    if "version" in data:
        version = data["version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ConfigError(f"{path}: 'version' must be a whole number from 1, not {version!r}")
    elif "decisions" in data:
        raise ConfigError(f"{path}: the decisions file has no 'version'")
    else:
        version = 0  # the unversioned draft form
    if version > FORMAT_VERSION or (version != FORMAT_VERSION and version not in _UPGRADES):
        raise ConfigError(f"{path}: decisions file version {version} is not supported "
                          f"(this factcheck reads versions up to {FORMAT_VERSION}; upgrade factcheck)")
    while version < FORMAT_VERSION:
        data = _UPGRADES[version](data)
        version += 1
    if not isinstance(data.get("decisions"), list):
        raise ConfigError(f"{path}: 'decisions' must be a list")
    unknown = sorted(set(data) - {"version", "decisions"})
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}")
    return data


@contextlib.contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on ``folder`` (``flock`` on the folder itself, so no lock
    file is left behind); where there is no ``flock`` (Windows) writers are not serialised."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise ConfigError(f"{folder}: cannot lock the decisions folder ({exc.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock

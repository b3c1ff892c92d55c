"""The review's decision logic, apart from any screen: the findings worst first, the
selection, the actions (apply, edit, dismiss, verify, note), undo, re-check and save.

Like detect-secrets' ``audit/audit.py`` against ``audit/io.py``: the app only turns keys
into calls on a ``Session`` and draws what it holds, so the whole review can be driven
and tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import config as configs
from ..ci import decisions as decisions_module
from ..read import inputs
from ..judge.check import Engine
from ..ci.decisions import Decision, Decisions, Kind
from ..read.document import Document, parse_as_of
from ..errors import FactcheckError, InputError
from ..report.records import DocumentResult, finding_record
from .article import ArticleFile
from .merge import merge3
from .items import Action, Counts, Filter, Item, LogEntry, Recovery, Summary

__all__ = ["ActionRefused", "Action", "Counts", "Filter", "Item", "LogEntry", "Recovery", "Session", "Summary"]

REVIEWABLE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")
VERDICT_ORDER = ("contradicted", "misattributed", "outdated", "needs_context", "unverifiable", "supported")
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


class ActionRefused(FactcheckError):
    """An action that cannot be done now (no correction to apply, an empty reason…);
    the message says what to do instead."""


@dataclass(frozen=True)
class _Snapshot:
    text: str
    changes: dict
    log_length: int
    label: str


@dataclass
class Session:
    """One review of one article; every public method is one thing an editor can do."""

    file: ArticleFile
    engine: Engine
    decisions_path: Path
    as_of: dt.date | None = None
    settings: configs.PathSettings = field(default_factory=configs.PathSettings)
    """The project config's settings for this article (disabled tables and verdicts)."""
    user: str = ""
    clock: Callable[[], str] = decisions_module.utc_now
    filter: Filter = Filter.ALL
    document: Document | None = None
    text: str = ""
    original_text: str = ""
    recovery: Recovery | None = None
    saved: bool = False
    """Whether this review has been saved at least once."""
    _base: Decisions = field(default_factory=Decisions)
    _changes: dict[str, Decision | None] = field(default_factory=dict)
    _items: list[Item] = field(default_factory=list)
    _selected: str | None = None
    _undo: list[_Snapshot] = field(default_factory=list)
    _log: list[LogEntry] = field(default_factory=list)
    _started: str = ""
    _shadow_ok: bool = True
    """Whether the backup still holds the article without this review's edits (and with
    everyone else's): False once another person's edit touched the lines the review
    corrected, and then discarding is refused."""

    # --- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, article: str, as_of: str | None = None, decisions: str | Path | None = None,
             engine: Engine | None = None, user: str | None = None,
             clock: Callable[[], str] | None = None) -> "Session":
        """Read the article and the decisions file and check the article once."""
        if article == "-" or inputs.is_url(article):
            raise InputError(f"{article}: review edits a file in place; give the path of a "
                             "Markdown or plain-text article")
        if not article.lower().endswith(REVIEWABLE_SUFFIXES):
            raise InputError(f"{article}: review edits Markdown and plain-text articles "
                             f"({', '.join(REVIEWABLE_SUFFIXES)}); use 'factcheck {article}' for a report")
        # The same config as a plain ``factcheck`` run, so the review shows what CI sees.
        config = configs.discover([article])
        settings = config.for_path(article)
        if engine is None:
            from ..reference import library
            engine = Engine.create(library.load([str(d) for d in config.data]))
        session = cls(file=ArticleFile(article), engine=engine,
                      decisions_path=Path(decisions) if decisions else config.decisions,
                      as_of=parse_as_of(as_of) if as_of else settings.as_of_date(),
                      settings=settings,
                      user=_default_user() if user is None else user,
                      clock=clock or decisions_module.utc_now)
        session._base = Decisions.load(session.decisions_path)
        session.file.tidy()
        session.text = session.file.read()
        session.original_text = session.file.read_original()
        session._started = session.clock()
        if session.file.interrupted:
            session.recovery = session._recovery()
        session._check()
        return session

    def _read_journal(self) -> dict:
        """The journal, with the edit it was about to make counted if that edit reached
        the article (a kill between the two writes)."""
        journal = self.file.read_journal()
        pending = journal.get("pending")
        if isinstance(pending, dict) and pending.get("article_sha256") == self.file.digest_on_disk():
            journal = {**journal, "log": list(journal.get("log", [])) + list(pending.get("log", [])),
                       "article_sha256": pending["article_sha256"]}
        return journal

    def _recovery(self) -> Recovery:
        journal = self._read_journal()
        log = journal.get("log", [])
        if not isinstance(log, list):
            log = []
        return Recovery(started=str(journal.get("started", "")),
                        applied=sum(1 for e in log if isinstance(e, dict) and e.get("action") == Action.APPLIED.value),
                        decisions=len(journal.get("changes", {})),
                        article_edited=self.text != self.original_text)

    def resume(self) -> None:
        """Carry on with the interrupted review: its edits are in the article already;
        its unsaved decisions come back from the journal."""
        journal = self._read_journal()
        try:
            self._changes = {fp: _decision_from(rec) for fp, rec in journal.get("changes", {}).items()}
            self._log = [_entry_from(e) for e in journal.get("log", [])]
        except (TypeError, ValueError, KeyError, AttributeError):
            # A journal edited by hand or cut short: the article's edits are still kept.
            self._changes, self._log = {}, []
        self._started = str(journal.get("started") or self._started)
        self._shadow_ok = journal.get("shadow_ok", True) is not False
        self.recovery = None
        if self.text != self.original_text:
            # One step back takes the unfinished review's corrections out of the article.
            self._undo = [_Snapshot(self.original_text, {}, 0, "the unfinished review's corrections")]
        self._refresh()
        self._journal()

    def discard_interrupted(self) -> None:
        """Throw the interrupted review away: the article goes back to its backup, unless
        someone else wrote it after the review last did (then their edit would be lost)."""
        if self.file.backup_path.exists():
            journal = self._read_journal()
            ours = {journal.get("article_sha256"), self.file.backup_digest()} - {None}
            if journal.get("shadow_ok") is False or self.file.digest_on_disk() not in ours:
                raise ActionRefused(
                    f"{self.file.path} was changed by someone else after the unfinished review last "
                    f"wrote it, so putting {self.file.backup_path.name} back would lose their edits; "
                    "resume the review (r) and save it, or compare the two files by hand")
        self.file.restore()
        self.recovery = None
        self.text = self.file.read()
        self.original_text = self.text
        self._check()

    # --- what the screen shows -----------------------------------------------------

    @property
    def items(self) -> list[Item]:
        """The findings the filter admits, worst first (supported claims are not listed)."""
        return [i for i in self._items if i.verdict != "supported" and self.filter.admits(i.severity)]

    @property
    def all_items(self) -> list[Item]:
        """Every checked claim in reading order, supported ones too (for the article)."""
        return sorted(self._items, key=lambda i: i.record["span"]["start"])

    @property
    def selected(self) -> Item | None:
        visible = self.items
        for item in visible:
            if item.key == self._selected:
                return item
        return visible[0] if visible else None

    @property
    def selected_index(self) -> int | None:
        item = self.selected
        return self.items.index(item) if item else None

    def counts(self) -> Counts:
        c = {"error": 0, "warning": 0, "info": 0}
        settled = supported = 0
        for item in self._items:
            if item.verdict == "supported":
                supported += 1
            elif item.decision:
                settled += 1
            else:
                c[item.severity] += 1
        return Counts(c["error"], c["warning"], c["info"], settled, supported)

    def summary(self) -> Summary:
        done = {a: sum(1 for e in self._log if e.action is a) for a in Action}
        return Summary(done[Action.APPLIED], done[Action.DISMISSED], done[Action.VERIFIED],
                       done[Action.NOTED], self.counts().open)

    @property
    def dirty(self) -> bool:
        """Unsaved work: an edited article or a decision not yet in the decisions file."""
        return self.text != self.original_text or any(
            decision != self._base.get(fp) for fp, decision in self._changes.items())

    # --- moving --------------------------------------------------------------------

    def select(self, index: int) -> None:
        visible = self.items
        if visible:
            self._selected = visible[max(0, min(index, len(visible) - 1))].key

    def next(self) -> None:
        index = self.selected_index
        if index is not None:
            self.select(index + 1)

    def previous(self) -> None:
        index = self.selected_index
        if index is not None:
            self.select(index - 1)

    def cycle_filter(self) -> Filter:
        current = self.selected
        self.filter = self.filter.next()
        if current is not None and current in self.items:
            self._selected = current.key
        return self.filter

    # --- actions -------------------------------------------------------------------

    def edit_region(self) -> tuple[int, int, str, str]:
        """What the edit dialog lets the editor rewrite: start, end, the text there now,
        and the suggested new text (the correction, or the claim itself if there is none)."""
        item = self._require()
        fix = item.record["fix"]
        span = fix or item.record["span"]
        start, end = span["start"], span["end"]
        suggested = fix["text"] if fix else self.text[start:end]
        if item.verdict == "misattributed":
            # The entity span leaves out its determiner ("the United States" is matched as
            # "United States"), so the plain correction can read "the Japan"; offering the
            # "the" for editing lets the editor write "Japan".
            lead = re.search(r"\b[Tt]he[ \t]+$", self.text[max(0, start - 8):start])
            if lead:
                start -= len(lead.group())
                suggested = self.text[start:span["start"]] + suggested
        return start, end, self.text[start:end], suggested

    def apply(self, replacement: str | None = None) -> None:
        """Write the suggested correction (or ``replacement`` for the edit region, an
        edited one) into the article and check it again: a right correction makes the
        finding disappear."""
        item = self._require()
        fix = item.record["fix"]
        if replacement is None:
            if not fix:
                raise ActionRefused("this finding has no suggested correction; press e to write one")
            start, end, replacement = fix["start"], fix["end"], fix["text"]
        else:
            start, end, _, _ = self.edit_region()
        old = self.text[start:end]
        if replacement == old:
            raise ActionRefused("the correction is the same as the text; nothing to apply")
        if self.file.changed_on_disk():
            raise ActionRefused(f"{self.file.path} changed on disk since it was checked; "
                                "press r to re-check it first")
        self.file.check_writable()
        replacement = _with_line_endings(replacement, self.text)
        self._remember(f"apply “{replacement}” to “{old}”")
        index = self.selected_index or 0
        entry = LogEntry(Action.APPLIED, item.fingerprint, item.record["text"], f"“{old}” → “{replacement}”")
        self._write(self.text[:start] + replacement + self.text[end:], entry)
        self._log.append(entry)
        self._check()
        self._select_open_from(index)
        self._journal()

    def dismiss(self, reason: str) -> None:
        """A false alarm: the claim is right and the check misread it."""
        reason = reason.strip()
        if not reason:
            raise ActionRefused("say why the finding is wrong: a reason is required to dismiss it")
        self._decide(Kind.DISMISSED, Action.DISMISSED, reason=reason)

    def verify(self, note: str, source_url: str = "") -> None:
        """Checked by hand (the way to settle an ``unverifiable`` claim)."""
        note, source_url = note.strip(), source_url.strip()
        if not note:
            raise ActionRefused("say what was checked: a note is required to mark it verified")
        problem = url_problem(source_url)
        if problem:
            raise ActionRefused(problem)
        self._decide(Kind.VERIFIED, Action.VERIFIED, note=note, source_url=source_url)

    def add_note(self, note: str) -> None:
        """Add a note to the selected finding's decision (dismissed, verified or accepted).

        The decisions file keeps only decided findings, so an open finding's note would
        have nowhere to live: dismiss or verify it first."""
        item = self._require()
        note = note.strip()
        if not note:
            raise ActionRefused("the note is empty")
        if item.decision is None:
            raise ActionRefused("a note goes with a decision: dismiss (d) or verify (v) the finding first")
        self._remember(f"note on “{item.record['text']}”")
        joined = f"{item.decision.note}\n{note}" if item.decision.note else note
        # ``by`` and ``at`` stay those of the decision: who settled the finding, and when.
        self._changes[item.fingerprint] = replace(item.decision, note=joined)
        self._log.append(LogEntry(Action.NOTED, item.fingerprint, item.record["text"], note))
        self._refresh()
        self._journal()

    def undo(self) -> str:
        """Take back the last action (article text and decisions); returns its label."""
        if not self._undo:
            raise ActionRefused("nothing to undo")
        snapshot = self._undo.pop()
        if snapshot.text != self.text:
            if self.file.changed_on_disk():
                self._undo.append(snapshot)
                raise ActionRefused(f"{self.file.path} changed on disk; press r to re-check it first")
            self._write(snapshot.text)
        self._changes = dict(snapshot.changes)
        del self._log[snapshot.log_length:]
        self._check()
        self._journal()
        return snapshot.label

    def recheck(self) -> bool:
        """Read the article from disk and check it again. Returns True when someone had
        edited it meanwhile (the undo history is then dropped: it no longer applies)."""
        before = self.text
        self.text = self.file.read()
        edited_elsewhere = self.text != before
        if edited_elsewhere:
            self._undo.clear()
            self._follow_others(before, self.text)
        self._check()
        if edited_elsewhere:
            self._journal()
        return edited_elsewhere

    def _follow_others(self, before: str, now: str) -> None:
        """Someone else edited the article: bring their edit into the backup too, so
        that discarding takes out only this review's corrections."""
        if not self.file.backup_path.exists() or not self._shadow_ok:
            return
        merged = merge3(before, self.file.read_backup(), now)
        if merged is None:
            self._shadow_ok = False
        else:
            self.file.write_backup(merged)

    def save(self) -> None:
        """Write the decisions file (re-read first, so entries written by others since
        are kept) and drop the backup: the edited article becomes the article."""
        def merge(current: Decisions) -> None:
            for fingerprint, decision in self._changes.items():
                if decision is None:
                    current.remove(fingerprint)
                else:
                    current.set(decision)

        current = Decisions.update(self.decisions_path, merge)
        self.file.commit()
        self.saved = True
        self._base = current
        self._changes = {}
        self.original_text = self.text
        self._undo.clear()
        self._refresh()

    def close(self) -> None:
        """Quit with nothing unsaved (say, every edit undone): tidy the backup away."""
        if self.recovery is None and not self.dirty:
            self.file.commit()

    def discard(self) -> None:
        """Quit without saving: the review's corrections are taken out of the article
        (the article goes back to its original, with anyone else's edits kept), and
        the counts are those of the original again. Refused when another person's edit
        touched the lines the review corrected."""
        if self.file.backup_path.exists():
            refusal = ActionRefused(
                f"{self.file.path} was also edited by someone else during this review, in the lines "
                "the review corrected: discarding would lose their edit. Save instead (the "
                f"pre-review text stays in {self.file.backup_path.name} until then), or re-check (r) "
                "and undo the corrections by hand")
            if not self._shadow_ok:
                raise refusal
            if self.file.changed_on_disk():
                merged = merge3(self.text, self.file.read_backup(), self.file.read())
                if merged is None:
                    raise refusal
                self.file.write_backup(merged)
        self.file.restore()
        self._changes = {}
        self._undo.clear()
        self._log.clear()
        self._check()

    # --- internals -----------------------------------------------------------------

    def _require(self) -> Item:
        if self.recovery is not None:
            raise ActionRefused("resume or discard the interrupted review first")
        item = self.selected
        if item is None:
            raise ActionRefused("no finding is selected")
        return item

    def _decide(self, kind: Kind, action: Action, **fields: str) -> None:
        item = self._require()
        record = item.record
        claim = record.get("claim") or {}
        decision = Decision(fingerprint=item.fingerprint, kind=kind, by=self.user, at=self.clock(),
                            path=self._display_path(), claim=record["text"], table=record.get("table") or "",
                            entity=claim.get("entity") or "", metric=claim.get("metric") or "", **fields)
        self._remember(f"{action.value} “{record['text']}”")
        index = self.selected_index or 0
        self._changes[item.fingerprint] = decision
        self._log.append(LogEntry(action, item.fingerprint, record["text"], next(iter(fields.values()), "")))
        self._refresh()
        self._select_open_from(index + 1, fallback=index)
        self._journal()

    def _remember(self, label: str) -> None:
        self._undo.append(_Snapshot(self.text, dict(self._changes), len(self._log), label))

    def _write(self, text: str, entry: LogEntry | None = None) -> None:
        """Write the article, the journal first: it names the text about to be written
        (and the log entry that goes with it), so a kill between the two writes still
        leaves a journal that matches the article."""
        self._journal(pending=(self.file.digest_of(text), [entry] if entry else []))
        self.file.write(text)
        self.text = text

    def _check(self) -> None:
        self.document = inputs.load(str(self.file.path), as_of=self.as_of)
        self.text = self.document.text
        findings = self._reported(self.engine.check(self.document))
        records = [finding_record(self.document, f) for f in findings]
        seen: dict[str, int] = {}
        items = []
        for record in records:
            n = seen[record["fingerprint"]] = seen.get(record["fingerprint"], 0) + 1
            items.append(Item(key=f"{record['fingerprint']}#{n}", record=record))
        self._items = items
        self._refresh()

    def _reported(self, findings: list) -> list:
        """What a plain run reports before the decisions file: without disabled tables
        and verdicts and without findings silenced by a comment in the article."""
        from ..ci.run import settle  # the one definition of "reported"; run imports the CLI's stages
        result = settle(DocumentResult(str(self.file.path), self.document, findings),
                        self.settings, None, False)
        return result.findings

    def _refresh(self) -> None:
        """Attach the current decisions to the items and sort them worst first."""
        items = []
        for item in self._items:
            if item.fingerprint in self._changes:
                decision, now = self._changes[item.fingerprint], True
            else:
                decision, now = self._base.settles(item.record), False
            items.append(replace(item, decision=decision, decided_now=now and decision is not None))
        self._items = sorted(items, key=_worst_first)

    def _select_open_from(self, index: int, fallback: int | None = None) -> None:
        visible = self.items
        later = [i for i in visible[index:] if i.is_open]
        earlier = [i for i in visible[:index] if i.is_open]
        if later or earlier:
            self._selected = (later or earlier)[0].key
        elif visible:
            self.select(index if fallback is None else fallback)

    def _journal(self, pending: tuple[str, list[LogEntry]] | None = None) -> None:
        state = {
            "article": self.file.path.name,
            "started": self._started,
            "article_sha256": self.file.digest_on_disk(),
            "shadow_ok": self._shadow_ok,
            "changes": {fp: d.as_record() if d else None for fp, d in self._changes.items()},
            "log": [_entry_record(e) for e in self._log],
        }
        if pending is not None:
            state["pending"] = {"article_sha256": pending[0], "log": [_entry_record(e) for e in pending[1]]}
        self.file.write_journal(state)

    def _display_path(self) -> str:
        path = self.file.path
        try:
            return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def url_problem(url: str) -> str | None:
    """What is wrong with a source URL an editor typed (empty is fine: it is optional)."""
    url = url.strip()
    if not url:
        return None
    if not re.match(r"https?://", url, re.IGNORECASE):
        return "the source URL must start with http:// or https://"
    if re.search(r"\s", url):
        return "the source URL has a space in it: give one address"
    if re.match(r"https?://[^/?#]*@", url, re.IGNORECASE):
        return "the source URL has a user name or password in it: give the address without them"
    if not re.match(r"https?://[^/?#\s]+\.[^/?#\s]+", url, re.IGNORECASE) and \
            not re.match(r"https?://localhost\b", url, re.IGNORECASE):
        return "the source URL has no host (like https://example.org/report)"
    return None


def _worst_first(item: Item) -> tuple:
    return (-SEVERITY_RANK[item.severity], VERDICT_ORDER.index(item.verdict), item.record["span"]["start"])


def _with_line_endings(replacement: str, text: str) -> str:
    """A typed correction spanning lines gets the article's own line ending."""
    if "\n" not in replacement or "\r\n" not in text:
        return replacement
    return replacement.replace("\r\n", "\n").replace("\n", "\r\n")


def _decision_from(record: dict | None) -> Decision | None:
    if record is None:
        return None
    return Decision(**{**record, "kind": Kind(record["kind"])})


def _entry_record(entry: LogEntry) -> dict:
    return {"action": entry.action.value, "fingerprint": entry.fingerprint, "claim": entry.claim,
            "detail": entry.detail}


def _entry_from(record: dict) -> LogEntry:
    return LogEntry(Action(record["action"]), record["fingerprint"], record.get("claim", ""),
                    record.get("detail", ""))


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return ""

"""The article under review on disk: read with its encoding, written safely, backed up
until the review is saved, and recoverable if the process dies mid-review.

Every edit is written at once (temporary file, then rename: ``output.write_atomic``), so
the article on disk is always whole and always holds the latest correction. Before the
first edit the untouched original is copied to ``NAME.factcheck-backup``; a small journal
(``.NAME.factcheck-review.json``) records the decisions not yet saved and the digest of
the article as the review last wrote it. Saving removes both; discarding puts the backup
back — only if nobody else wrote the article since (``merge.merge3`` brings another
person's edits into the backup instead, or the discard is refused). If either is found
when a review starts, the last one was interrupted and can be resumed or discarded.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import time
from pathlib import Path

from ..read.document import decode
from ..errors import InputError
from ..report.output import write_atomic

BACKUP_SUFFIX = ".factcheck-backup"
JOURNAL_SUFFIX = ".factcheck-review.json"
JOURNAL_VERSION = 2
STALE_TEMP_SECONDS = 60
"""A temporary file of ours older than this was left by a killed process: removed."""
BOM = "\ufeff"


class ArticleFile:
    """One UTF-8 article file (with or without BOM, any line endings) and its backup."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        self.journal_path = self.path.with_name("." + self.path.name + JOURNAL_SUFFIX)
        self.bom = False
        self._disk_digest: str | None = None

    def read(self) -> str:
        """The text as ``document.decode`` gives it (BOM removed, line endings kept)."""
        data = self._read_bytes(self.path)
        self.bom = data.startswith(BOM.encode("utf-8"))
        self._disk_digest = _digest(data)
        return decode(data, str(self.path))

    def read_original(self) -> str:
        """The text before this review's first edit: the backup if there is one."""
        if self.backup_path.exists():
            return decode(self._read_bytes(self.backup_path), str(self.backup_path))
        return self.read()

    def read_backup(self) -> str:
        return decode(self._read_bytes(self.backup_path), str(self.backup_path))

    def write_backup(self, text: str) -> None:
        """Replace the backup (the article without this review's edits) with ``text``."""
        write_atomic(self.backup_path, text, encoding="utf-8-sig" if self.bom else "utf-8", newline="")

    def digest_on_disk(self) -> str | None:
        try:
            return _digest(self.path.read_bytes())
        except OSError:
            return None

    def backup_digest(self) -> str | None:
        try:
            return _digest(self.backup_path.read_bytes())
        except OSError:
            return None

    def digest_of(self, text: str) -> str:
        """The digest ``text`` will have once written."""
        return _digest(self._encode(text))

    def check_writable(self) -> None:
        """Refuse a file its owner may not write (``chmod a-w``): a review must not
        rewrite an article someone made read-only, even where the folder allows it."""
        try:
            mode = self.path.stat().st_mode
        except OSError as exc:
            raise InputError(f"{self.path}: cannot be read ({exc.strerror})") from None
        if not mode & stat.S_IWUSR:
            raise InputError(f"{self.path} is read-only; make it writable (chmod u+w) to apply corrections")

    def tidy(self) -> None:
        """Remove temporary files a killed review left beside the article."""
        now = time.time()
        for name in (self.path.name, self.backup_path.name, self.journal_path.name):
            for leftover in self.path.parent.glob(f".{_glob_escape(name)}.*.tmp"):
                try:
                    if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                        leftover.unlink()
                except OSError:
                    pass

    def changed_on_disk(self) -> bool:
        """Whether someone else wrote the file since this review last read or wrote it."""
        try:
            return _digest(self.path.read_bytes()) != self._disk_digest
        except OSError:
            return True

    def write(self, text: str) -> None:
        """Write the edited text, keeping the BOM and (since ``newline=""`` translates
        nothing) exactly the line endings the text carries."""
        if not self.backup_path.exists():
            self._copy_atomic(self.path, self.backup_path)
        write_atomic(self.path, text, encoding="utf-8-sig" if self.bom else "utf-8", newline="")
        self._disk_digest = _digest(self._encode(text))

    def restore(self) -> None:
        """Put the original back and forget the interrupted or discarded review."""
        if self.backup_path.exists():
            self._copy_atomic(self.backup_path, self.path)
            self.backup_path.unlink()
        self.journal_path.unlink(missing_ok=True)

    def commit(self) -> None:
        """The review is saved: the backup and journal are no longer needed."""
        self.journal_path.unlink(missing_ok=True)
        self.backup_path.unlink(missing_ok=True)

    @property
    def interrupted(self) -> bool:
        return self.backup_path.exists() or self.journal_path.exists()

    def write_journal(self, state: dict) -> None:
        text = json.dumps({"version": JOURNAL_VERSION, **state}, indent=1, ensure_ascii=False)
        write_atomic(self.journal_path, text + "\n")

    def read_journal(self) -> dict:
        """The journal of an interrupted review; unreadable or missing means empty."""
        try:
            data = json.loads(self.journal_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != JOURNAL_VERSION:
            return {}
        return data

    def _encode(self, text: str) -> bytes:
        return (BOM + text if self.bom else text).encode("utf-8")

    @staticmethod
    def _read_bytes(path: Path) -> bytes:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        try:
            return path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from None

    @staticmethod
    def _copy_atomic(source: Path, target: Path) -> None:
        """Byte-for-byte copy that never leaves half a file behind."""
        data = ArticleFile._read_bytes(source)
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, source.stat().st_mode & 0o777)
            os.replace(tmp, target)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise InputError(f"{target}: cannot write ({exc.strerror})") from None


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

"""Write files safely: to a temporary file beside the target, then rename over it, so a
reader never sees half a file and an interrupted write loses nothing.

What a person made or changed (an article edited in the review, the decisions file) is
also flushed to the disk before the rename (``durable``), so it survives a power cut. A
report is not: it is made again by running the check, and syncing a folder's 18 MB JSON
report was an eighth of a re-run's time."""

from __future__ import annotations

import codecs
import itertools
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..caches import temp_beside


BUFFER = 1 << 20
"""Pieces are gathered up to this many bytes per write (a folder's report is written one
article at a time: ~18 KB each)."""


def write_atomic(path: Path | str, text, encoding: str | None = "utf-8", newline: str | None = None,
                 durable: bool = True, keep_unchanged: bool = False) -> None:
    """Write ``text`` (a string, or an iterable of strings written as they come; with
    ``encoding=None``, bytes or an iterable of bytes, written as they are). ``durable``:
    on the disk (``fsync``) before it replaces the old file. ``keep_unchanged``: when the
    file already holds exactly these bytes, leave it as it is (see ``_unless_unchanged``)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    if keep_unchanged:
        text = _unless_unchanged(target, _as_bytes(text, encoding, newline))
        if text is None:
            return
        encoding = None
    try:
        fd, tmp = temp_beside(folder, target.name)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None
    try:
        with (os.fdopen(fd, "wb", buffering=BUFFER) if encoding is None
              else os.fdopen(fd, "w", encoding=encoding, newline=newline, buffering=BUFFER)) as handle:
            if isinstance(text, (str, bytes)):
                handle.write(text)
            else:
                for chunk in text:
                    handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:  # mkstemp makes 0600; a new report or decisions file gets the usual mode
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:  # an interrupt, or the text's maker failing half-way: no stray file
        Path(tmp).unlink(missing_ok=True)
        raise


def _as_bytes(text, encoding: str | None, newline: str | None) -> Iterator[bytes]:
    """``text`` as the bytes a file opened with this ``encoding`` and ``newline`` gets."""
    pieces = [text] if isinstance(text, (str, bytes)) else text
    if encoding is None:
        yield from pieces
        return
    encoder = codecs.getincrementalencoder(encoding)()  # a byte-order mark once, at the start
    ending = os.linesep if newline is None else newline
    wrote = False
    for piece in pieces:
        wrote = True
        yield encoder.encode(piece if ending in ("", "\n") else piece.replace("\n", ending))
    if wrote:  # as a text file: nothing written, not even a byte-order mark
        yield encoder.encode("", final=True)


def _unless_unchanged(target: Path, pieces: Iterator[bytes]) -> Iterator[bytes] | None:
    """None when ``target`` is a file that holds exactly ``pieces`` (read as they come,
    nothing written: a CI re-run that finds nothing new leaves its report, mtime and all,
    and skips writing and renaming megabytes); else the pieces to write — the part that
    matched copied from the old file, then the rest as it comes."""
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return pieces
        old = open(target, "rb", buffering=BUFFER)  # noqa: SIM115 - closed below or by the copy
    except OSError:
        return pieces
    matched = 0
    try:
        for piece in pieces:
            if old.read(len(piece)) != piece:
                return _copied(old, matched, itertools.chain([piece], pieces))
            matched += len(piece)
        if old.read(1) == b"":
            old.close()
            return None
        return _copied(old, matched, iter(()))
    except OSError:
        old.close()
        raise InputError(f"{target}: cannot read the report it would replace") from None
    except BaseException:
        old.close()
        raise


def _copied(old, size: int, rest: Iterator[bytes]) -> Iterator[bytes]:
    """The first ``size`` bytes of the open file ``old`` (closed after), then ``rest``."""
    with old:
        old.seek(0)
        while size:
            chunk = old.read(min(size, BUFFER))
            if not chunk:
                raise OSError(0, "the old file shrank while it was read")
            size -= len(chunk)
            yield chunk
    yield from rest

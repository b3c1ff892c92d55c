"""Write files safely: to a temporary file beside the target, then rename over it, so a
reader never sees half a file and an interrupted write loses nothing.

What a person made or changed (an article edited in the review, the decisions file) is
also flushed to the disk before the rename (``durable``), so it survives a power cut. A
report is not: it is made again by running the check, and syncing a folder's 18 MB JSON
report was an eighth of a re-run's time."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..caches import temp_beside


BUFFER = 1 << 20
"""Pieces are gathered up to this many bytes per write (a folder's report is written one
article at a time: ~18 KB each)."""


def write_atomic(path: Path | str, text, encoding: str | None = "utf-8", newline: str | None = None,
                 durable: bool = True) -> None:
    """Write ``text`` (a string, or an iterable of strings written as they come; with
    ``encoding=None``, bytes or an iterable of bytes, written as they are). ``durable``:
    on the disk (``fsync``) before it replaces the old file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
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

"""Turn command-line arguments into the list of articles to check.

Files, ``-`` for standard input, URLs, directories (recursing into article files) and
glob patterns; include/exclude patterns (see ``config.matches``) filter every file.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from pathlib import Path

from ..config import matches, relative_to
from .document import DEFAULT_MAX_SIZE, Document, read_path
from ..errors import InputError

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def shown(arg: str) -> str:
    """How an input is named in reports and messages: a URL's user name and password
    (which factcheck refuses to send) are never printed or stored."""
    if not is_url(arg):
        return arg
    scheme, _, rest = arg.partition("://")
    authority, slash, path = rest.partition("/")
    if "@" not in authority:
        return arg
    return f"{scheme}://***@{authority.rpartition('@')[2]}{slash}{path}"


def expand(args: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
           root: Path | None = None) -> list[str]:
    """Every article an argument names, in a stable order, without duplicates.

    ``include`` and ``exclude`` are globs matched against the path relative to ``root``
    (the config file's folder; the current folder by default) and against the file name.
    They filter files named one by one too, because CI passes the list of changed files
    and a config's ``exclude`` must hold for it.
    """
    out: list[str] = []
    for arg in args:
        if arg == "-" or is_url(arg):
            out.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            out.extend(sorted(_articles_under(path)))
        elif any(ch in arg for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise InputError(f"{arg}: no file matches this pattern")
            out.extend(m for m in matches if Path(m).is_file())
        else:
            out.append(arg)
    seen: set[str] = set()
    unique = [a for a in out if not (a in seen or seen.add(a))]
    return select(unique, include, exclude, root)


def _articles_under(folder: Path) -> list[str]:
    """The article files under ``folder``, hidden files and folders left out, named as
    ``folder / relative path`` is printed. Walked with ``os.scandir`` (a folder of
    thousands costs no path objects); like ``Path.rglob``, a linked folder is not entered."""
    base = str(folder)
    found = []
    pending = [(base, "" if base == "." else base + os.sep)]
    while pending:
        where, prefix = pending.pop()
        try:
            with os.scandir(where) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            pending.append((entry.path, prefix + entry.name + os.sep))
                        elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and entry.is_file():
                            found.append(prefix + entry.name)
                    except OSError:
                        continue
        except OSError:
            continue
    return found


def select(paths: list[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
           root: Path | None = None) -> list[str]:
    """The paths that pass include/exclude. Standard input and URLs always do, and so does
    a missing file, so that the run reports it instead of quietly skipping it."""
    if not include and not exclude:
        return list(paths)  # no path arithmetic per file when nothing filters
    return [a for a in paths if a == "-" or is_url(a) or not Path(a).exists()
            or _wanted(a, include, exclude, root)]


def _wanted(path: str, include: tuple[str, ...], exclude: tuple[str, ...], root: Path | None = None) -> bool:
    relative = relative_to(path, root or Path.cwd())
    if include and not matches(relative, include):
        return False
    return not matches(relative, exclude)


def load(arg: str, as_of: dt.date | None = None, fetch_options: dict | None = None) -> Document:
    """Read one article: a URL, an HTML file, a Markdown or plain-text file, or stdin.

    ``fetch_options`` are the reading options of the run: ``max_size`` (the largest
    article file or standard input read, in bytes) and the fetcher's keywords."""
    options = dict(fetch_options or {})
    max_size = options.pop("max_size", None) or DEFAULT_MAX_SIZE
    if is_url(arg):
        from .web import fetch_document  # httpx stays off the start-up path
        return fetch_document(arg, as_of=as_of, **options)
    if arg.lower().endswith(HTML_SUFFIXES):
        from .web import read_html_file
        return read_html_file(arg, as_of=as_of, max_size=max_size)
    return read_path(arg, as_of=as_of, max_size=max_size)

"""A local cache of fetched pages, so re-checking an article during review fetches nothing.

Pages live in ``$FACTCHECK_CACHE_DIR/pages`` (else ``$XDG_CACHE_HOME/factcheck/pages``,
else ``~/.cache/factcheck/pages``), one ``<sha256 of the URL>.json`` + ``.body`` pair each,
and are used for a day. The cache is a convenience: a file that can't be read or written
is treated as a miss, never as an error. The metadata records the body's SHA-256, so a
body damaged or cut short is fetched again rather than served, and a fetch time in the
future (a clock that was wrong, a copied cache) counts as stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from .contenttypes import ContentKind
from .fetch import Page

MAX_AGE = dt.timedelta(days=1)
CLOCK_SKEW = dt.timedelta(minutes=5)
"""A fetch time later than now by more than this is not believed."""


def default_dir() -> Path:
    root = os.environ.get("FACTCHECK_CACHE_DIR")
    if root:
        return Path(root) / "pages"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "factcheck" / "pages"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class PageCache:
    def __init__(self, directory: Path | None = None, max_age: dt.timedelta = MAX_AGE,
                 now: Callable[[], dt.datetime] = _utcnow) -> None:
        self.directory = Path(directory) if directory is not None else default_dir()
        self.max_age = max_age
        self.now = now

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.directory / f"{key}.json", self.directory / f"{key}.body"

    def get(self, url: str) -> Page | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(meta, dict) or meta.get("url") != url:
                return None
            fetched = dt.datetime.fromisoformat(meta["fetched_at"])
            age = self.now() - fetched
            if age > self.max_age or age < -CLOCK_SKEW:
                return None
            body = body_path.read_bytes()
            if meta.get("body_sha256") != hashlib.sha256(body).hexdigest():
                return None  # damaged, cut short, or written by an older version: fetch again
            charset = meta.get("charset")
            if not isinstance(meta["final_url"], str) or not (charset is None or isinstance(charset, str)):
                return None
            return Page(url=url, final_url=meta["final_url"], kind=ContentKind(meta["kind"]),
                        charset=charset, body=body, fetched_at=meta["fetched_at"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def put(self, page: Page) -> None:
        meta_path, body_path = self._paths(page.url)
        meta = {"url": page.url, "final_url": page.final_url, "kind": page.kind.value,
                "charset": page.charset, "fetched_at": page.fetched_at,
                "body_sha256": hashlib.sha256(page.body).hexdigest()}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Body first, metadata last: a reader that finds the metadata finds a whole body.
            _write(body_path, page.body)
            _write(meta_path, json.dumps(meta, indent=1).encode("utf-8"))
        except OSError:
            pass


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

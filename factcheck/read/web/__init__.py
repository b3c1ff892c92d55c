"""Articles from the web and from HTML files: fetch safely, extract the article, make a Document.

    fetch.py         one page over httpx, within the safety rules (docs/web.md)
      addresses.py   public addresses only, by literal, DNS answer or redirect
      transport.py   the default transport, which pins the checked address
      bodies.py      size caps and bounded gzip/deflate decoding
      contenttypes.py  HTML and text only; bytes to text
    pagecache.py     fetched pages kept a day on disk
    extract.py       trafilatura: body text, headline, date, canonical URL

This package is imported only when a URL or an HTML file is checked, so httpx and
trafilatura stay off the start-up path of every other run.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

from ..document import DEFAULT_MAX_SIZE, Document, from_text, read_file_bytes
from .addresses import Resolver
from .contenttypes import ContentKind, decode_html
from .extract import Article, extract
from .fetch import DEFAULT_LIMITS, FetchLimits, Page, check_url, fetch_page

__all__ = ["fetch_document", "read_html_file", "FetchLimits"]


def fetch_document(url: str, as_of: dt.date | None = None, allow_private: bool = False,
                   use_cache: bool = True, *, transport=None,
                   resolver: Resolver = socket.getaddrinfo, limits: FetchLimits = DEFAULT_LIMITS,
                   cache_dir: Path | None = None) -> Document:
    """The article at ``url``. With ``use_cache`` a page fetched in the last day is reused;
    without it the page is fetched again (and the cache refreshed)."""
    check_url(url)  # refuse ftp:, file: … before looking anywhere
    from .pagecache import PageCache
    cache = PageCache(cache_dir)
    page = cache.get(url) if use_cache else None
    if page is None:
        page = fetch_page(url, allow_private=allow_private, transport=transport, resolver=resolver,
                     limits=limits)
        cache.put(page)
    return page_document(page, as_of)


def page_document(page: Page, as_of: dt.date | None = None) -> Document:
    text = decode_html(page.body, page.url, page.charset)
    base = {"url": page.final_url, "fetched_at": page.fetched_at}
    if page.kind is ContentKind.TEXT:
        return from_text(text, page.url, as_of=as_of, metadata={
            **base, "canonical_url": None, "title": None, "date": None, "sitename": None})
    return _document(extract(text, page.url, url=page.final_url), page.url, as_of, base)


def read_html_file(path: str, as_of: dt.date | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The article in a saved HTML page (a CMS preview, a page saved from a browser)."""
    article = extract(decode_html(read_file_bytes(path, max_size), path), path)
    return _document(article, path, as_of, {"url": None})


def _document(article: Article, name: str, as_of: dt.date | None, base: dict) -> Document:
    metadata = {
        **base,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "sitename": article.sitename,
        "author": article.author,
    }
    document = from_text(article.text, name, as_of=as_of or article.date, metadata=metadata,
                         title=article.title)
    # from_text marks headings only in Markdown; the page's own headings are known here.
    return _with_headings(document, article.heading_offsets)


def _with_headings(document: Document, offsets: frozenset[int]) -> Document:
    from dataclasses import replace
    return replace(document, heading_lines=offsets)

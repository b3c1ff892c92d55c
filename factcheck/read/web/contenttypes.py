"""Which content types factcheck reads (HTML, plain text), and decoding their bytes to text."""

from __future__ import annotations

import codecs
import re
from enum import Enum

from ... import patterns
from ...errors import FetchError, InputError


class ContentKind(Enum):
    HTML = "html"
    TEXT = "text"


HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}
KNOWN_NAMES = {
    "application/pdf": "a PDF",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "application/json": "JSON",
    "application/xml": "XML data",
    "text/xml": "XML data",
    "application/rss+xml": "an RSS feed",
    "application/atom+xml": "an Atom feed",
    "application/octet-stream": "binary data",
}


def classify(content_type: str | None) -> tuple[ContentKind, str | None]:
    """The kind of page a Content-Type header announces, and its charset; else FetchError."""
    if not content_type:
        # No header: browsers sniff; we take it as HTML and let decode_html refuse binary.
        return ContentKind.HTML, None
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    charset = match.group(1) if match else None
    if mime in HTML_TYPES:
        return ContentKind.HTML, charset
    if mime in TEXT_TYPES:
        return ContentKind.TEXT, charset
    what = KNOWN_NAMES.get(mime) or _generic(mime)
    raise FetchError(f"the URL serves {what} ({mime}), not a web page; "
                     "factcheck reads HTML and plain text")


def _generic(mime: str) -> str:
    major = mime.split("/")[0]
    return {"image": "an image", "video": "a video", "audio": "audio"}.get(major, "a file")


META_CHARSET = patterns.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """Bytes of a page to text: BOM, then the HTTP charset, then ``<meta charset>``, then UTF-8.

    The order is the one the HTML standard gives for "determining the character encoding".
    """
    if data.startswith(b"%PDF-"):
        raise InputError(f"{name}: is a PDF, not an HTML page")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not an HTML page")
    meta = META_CHARSET.search(data[:4096])
    for candidate in (declared, meta.group(1).decode("ascii", "ignore") if meta else None):
        encoding = _known(candidate)
        if encoding:
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Undeclared and not UTF-8: windows-1252 is what browsers assume for such pages.
        return data.decode("cp1252", errors="replace")


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    # The HTML standard maps the label iso-8859-1 (and us-ascii) to windows-1252.
    return "cp1252" if encoding in ("latin-1", "iso8859-1", "ascii") else encoding

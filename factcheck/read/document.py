"""Read an article: decode it, find its date, and mask what is not prose.

The analysed text (``Document.prose``) has exactly the length of ``Document.text``: code,
front matter and markup are blanked with spaces (line breaks kept), so every span found in
the prose is also a span into the original text. Line and column come from precomputed
line starts, as proselint does (``LintFile.line_col_of``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class Document:
    path: str
    """How the document is named in reports (a path, ``<stdin>`` or a URL)."""
    text: str
    """The decoded text, without a BOM; spans index into this."""
    prose: str
    """Same length as ``text``, with non-prose blanked."""
    as_of: dt.date | None = None
    title: str | None = None
    metadata: dict = field(default_factory=dict)
    """Extra facts about the document (URL, extracted metadata) for the reports."""
    heading_lines: frozenset[int] = frozenset()
    """Offsets of lines that are headings (Markdown ``#`` lines, HTML headlines)."""
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (CRLF counts as one break)."""
        starts = self._line_starts or _line_starts(self.text)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
    return tuple(starts)


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without BOM; anything binary or undecodable is an input error."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_file_bytes(path: str) -> bytes:
    """The bytes of an article file, or an ``InputError`` that says plainly what is wrong."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not an article")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def read_path(path: str, as_of: dt.date | None = None, markdown: bool | None = None) -> Document:
    """Read a file, or standard input for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        data = read_file_bytes(path)
        name = path
    text = decode(data, name)
    if markdown is None:
        markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES or (path == "-" and _looks_markdown(text))
    return from_text(text, name, as_of=as_of, markdown=markdown)


def from_text(text: str, name: str = "<text>", as_of: dt.date | None = None,
              markdown: bool = False, metadata: dict | None = None,
              title: str | None = None) -> Document:
    prose, front = mask_markdown(text) if markdown else (_blank_controls(text), {})
    headings = frozenset(m.start() for m in HEADING_LINE.finditer(text)) if markdown else frozenset()
    date = as_of or _front_matter_date(front, name)
    title = title or front.get("title")
    return Document(path=name, text=text, prose=prose, as_of=date, title=title,
                    metadata=dict(metadata or {}), heading_lines=headings,
                    _line_starts=_line_starts(text))


def _looks_markdown(text: str) -> bool:
    return bool(re.search(r"^(#{1,6} |```|---\s*$)", text, re.M))


def _blank_controls(text: str) -> str:
    return text.replace("\ufeff", " ")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|(?<=\A))(?:(?: {4}|\t)[^\n]*(?:\r?\n|\Z))+")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
LINK_TARGET = re.compile(r"(?<=\])\([^)\n]*\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
EMPHASIS = re.compile(r"(\*\*|__|\*|~~)")
HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M)
HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.M)
BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>", re.M)


def mask_markdown(text: str) -> tuple[str, dict]:
    """Blank front matter, code, comments, link targets and markup characters."""
    chars = list(_blank_controls(text))
    front: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        front = _parse_front_matter(match.group(1) or "")
        _blank(chars, match.start(), match.end())
    for pattern in (FENCE, INDENTED_CODE, HTML_COMMENT, IMAGE, REF_DEFINITION):
        for m in pattern.finditer(text):
            if match and m.start() < match.end():
                continue
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    chars = list(masked)
    for pattern in (INLINE_CODE, LINK_TARGET, HTML_TAG):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    chars = list(masked)
    for pattern in (EMPHASIS, HEADING_MARK, BLOCKQUOTE):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    # Link brackets: "[text](url)" keeps "text".
    for m in re.finditer(r"\[([^\]\n]*)\]", masked):
        chars[m.start()] = " "
        chars[m.end() - 1] = " "
    return "".join(chars), front


def _parse_front_matter(block: str) -> dict:
    """Just the scalar ``key: value`` lines we need (date, title); no YAML dependency."""
    out = {}
    for line in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if m:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            out[m.group(1).lower()] = value
    return out


def _front_matter_date(front: dict, name: str) -> dt.date | None:
    raw = front.get("date") or front.get("published")
    if not raw:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if not m:
        raise InputError(f"{name}: front-matter date {raw!r} is not YYYY-MM-DD")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InputError(f"{name}: front-matter date {raw!r} is not a real date") from None


def parse_as_of(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of {value!r}: expected a date as YYYY-MM-DD") from None

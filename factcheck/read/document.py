"""Read an article: decode it, find its date, and mask what is not prose.

The analysed text (``Document.prose``) has exactly the length of ``Document.text``: code,
front matter and markup are blanked with spaces (line breaks kept), so every span found in
the prose is also a span into the original text. Line and column come from precomputed
line starts, as proselint does (``LintFile.line_col_of``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import stat
import sys
from dataclasses import field
from pathlib import Path

from .. import patterns
from ..dataclassgen import dataclass
from ..errors import InputError

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class Document:
    """An article as the engine reads it: its text, its prose and its date."""

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
    for match in NEWLINE.finditer(text):
        starts.append(match.end())
    return tuple(starts)


DEFAULT_MAX_SIZE = 5_000_000
"""The largest article read, in bytes (5 MB: a long feature is 30-60 KB). A bigger input
is refused with one line; ``--max-size`` or the config's ``max_size`` raises the limit."""

def format_size(size: int) -> str:
    if size >= 1000**2:
        return f"{size / 1000**2:.1f} MB".replace(".0 MB", " MB")
    if size >= 1000:
        return f"{size / 1000:.1f} KB".replace(".0 KB", " KB")
    return f"{size} bytes"


def _too_large(name: str, size: int | None, limit: int) -> InputError:
    what = f"is {format_size(size)}, over" if size is not None else "is over"
    return InputError(f"{name}: {what} the {format_size(limit)} limit for one article; raise it with "
                      f"--max-size (e.g. --max-size {format_size(limit * 4).replace(' ', '')}) "
                      "or max_size in the config")


def _utf16(data: bytes) -> tuple[str, str] | None:
    """(encoding, name for iconv) of UTF-16/32 bytes, by byte-order mark or by the zero
    bytes that ASCII text has in every other byte; None if neither."""
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            return name, name  # iconv reads the byte order from the mark
    sample = data[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "UTF-16", "UTF-16LE"
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "UTF-16", "UTF-16BE"
    return None


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without BOM; anything binary or undecodable is an input error."""
    wide = _utf16(data)
    if wide:
        source = "FILE" if name.startswith("<") else name
        target = "FILE.utf8" if name.startswith("<") else f"{Path(name).stem}.utf8{Path(name).suffix}"
        raise InputError(f"{name}: is {wide[0]} text, not UTF-8; convert it with: "
                         f"iconv -f {wide[1]} -t UTF-8 {source} > {target}")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: is not UTF-8 text (bad byte at offset {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def _special(mode: int) -> str | None:
    """What a file that is neither a folder nor a regular file is, in plain words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not an article file; to check what a program writes, pipe it: program | factcheck -"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not an article file"
    if stat.S_ISSOCK(mode):
        return "a socket, not an article file"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_file_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of an article file, or an ``InputError`` that says plainly what is wrong.

    Only regular files are read (a FIFO would block, a device never end), and never more
    than ``max_size`` bytes: a file that grows while being read is refused too."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not an article")
    special = _special(info.st_mode)
    if special:
        raise InputError(f"{path}: is {special}")
    if info.st_size > max_size:
        raise _too_large(path, info.st_size, max_size)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the check, opening it must
        # not wait for a writer; it changes nothing for a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            special = _special(os.fstat(handle.fileno()).st_mode)
            if special:
                raise InputError(f"{path}: is {special}")
            data = _read_bounded(handle, max_size)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if data is None:
        raise _too_large(path, None, max_size)  # it grew while being read
    return data


def _read_bounded(handle, max_size: int) -> bytes | None:
    """At most ``max_size`` bytes of ``handle``, or None if it holds more."""
    chunks, total = [], 0
    while total <= max_size:
        chunk = handle.read(min(1 << 20, max_size + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    return None


def read_stdin(max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    data = _read_bounded(sys.stdin.buffer, max_size)
    if data is None:
        raise _too_large("<stdin>", None, max_size)
    return data


def read_path(path: str, as_of: dt.date | None = None, markdown: bool | None = None,
              max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Read a file, or standard input for ``-``."""
    if path == "-":
        data = read_stdin(max_size)
        name = "<stdin>"
    else:
        data = read_file_bytes(path, max_size)
        name = path
    text = decode(data, name)
    if markdown is None:
        markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES or (path == "-" and _looks_markdown(text))
    return from_text(text, name, as_of=as_of, markdown=markdown)


def from_text(text: str, name: str = "<text>", as_of: dt.date | None = None,
              markdown: bool = False, metadata: dict | None = None,
              title: str | None = None) -> Document:
    prose, front = mask_markdown(text) if markdown else (text, {})
    headings = frozenset(m.start() for m in HEADING_LINE.finditer(text)) if markdown else frozenset()
    date = as_of or _front_matter_date(front, name)
    title = title or front.get("title")
    return Document(path=name, text=text, prose=prose, as_of=date, title=title,
                    metadata=dict(metadata or {}), heading_lines=headings,
                    _line_starts=_line_starts(text))


# -- characters that hide inside figures -------------------------------------------------------

# Invisible characters (Unicode "format" characters: zero-width space and joiners, word
# joiner, soft hyphen, byte-order mark, direction marks): pasted from web pages and CMSs
# into the middle of words and figures ("2\u200b9th"), where they cut "29th" into "2" and
# "9th". They are removed from the analysed text.
INVISIBLE = patterns.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                       "\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb]")
# Full-width ASCII ("＄２．６ trillion", typed with an East Asian input method), the
# ideographic space, full-width currency signs and the minus sign read as their plain
# forms, one character for one.
WIDE = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
        0x3000: " ", 0xFFE0: "¢", 0xFFE1: "£", 0xFFE5: "¥", 0xFFE6: "₩", 0x2212: "-",
        # The four characters a case-ignoring pattern takes for an ASCII letter ("thiſ
        # year", "trillıon") are that letter, so the words the patterns find are the
        # words the extractors look up.
        0x0130: "I", 0x0131: "i", 0x212A: "K", 0x017F: "s"}


def normalise(prose: str) -> tuple[str, list[int] | None]:
    """The text the extractors read: full-width forms and letter look-alikes made plain,
    invisible characters removed. With the text comes, when anything was removed, the original offset of each
    of its characters (plus one past the end), so that spans found in it can be put back
    on the article as written (``check.Engine`` does); None when nothing was removed and
    offsets are the same."""
    plain = prose.translate(WIDE)
    if not INVISIBLE.search(plain):
        return plain, None
    kept = [i for i, ch in enumerate(plain) if not INVISIBLE.match(ch)]
    kept.append(len(plain))
    return "".join(plain[i] for i in kept[:-1]), kept


def _looks_markdown(text: str) -> bool:
    return bool(MARKDOWN_HINT.search(text))


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


FRONT_MATTER = patterns.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
# Possessive runs: a fence line without a line break after it (the last line) would
# otherwise be retried at every shorter run of its backticks.
FENCE = patterns.compile(r"^[ \t]{0,3}(`{3,}+|~{3,}+)[^\n]*+\n.*?(^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
INDENTED_CODE = patterns.compile(r"(?:(?<=\n\n)|(?<=\A))(?:(?: {4}|\t)[^\n]*(?:\r?\n|\Z))+")
REF_DEFINITION = patterns.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
EMPHASIS = patterns.compile(r"(\*\*|__|\*|~~)")
HEADING_LINE = patterns.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M)
HEADING_MARK = patterns.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.M)
BLOCKQUOTE = patterns.compile(r"^[ \t]{0,3}>", re.M)
TAG_START = patterns.compile(r"</?[A-Za-z]")
BACKTICKS = patterns.compile(r"`+")
NEWLINE = patterns.compile(r"\r\n|\r|\n")
MARKDOWN_HINT = patterns.compile(r"^(#{1,6} |```|---\s*$)", re.M)
FRONT_MATTER_LINE = patterns.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
ISO_DATE_START = patterns.compile(r"(\d{4})-(\d{2})-(\d{2})")

# Comments, code spans, tags and links are found by the scanners below rather than by
# regular expressions such as ``<!--.*?-->`` or ``\[[^\]\n]*\]``: a regex tries every
# opening mark in turn and scans on to the closing one, so a text with many opening marks
# and no closing one ("<!--" or "[" pasted a thousand times) took time quadratic in its
# length. Each scanner passes over the text once.


class _Next:
    """Where ``char`` next occurs at or after a position (``len(text)`` if nowhere).

    A left-to-right scan asks again and again for the same character; an answer still
    ahead of the question is reused, so the scan stays linear in the text."""

    def __init__(self, text: str, char: str):
        self.text, self.char = text, char
        self.asked, self.found = 0, -1

    def __call__(self, pos: int) -> int:
        if not (self.asked <= pos <= self.found):
            found = self.text.find(self.char, pos)
            self.asked, self.found = pos, (len(self.text) if found < 0 else found)
        return self.found


def html_comments(text: str):
    """Spans of ``<!-- … -->`` comments (across lines); an unclosed one is not a comment."""
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return  # nor is any later "<!--": nothing closes after this one
        yield start, end + 3
        pos = end + 3


def _closed_on_line(text: str, opener: str, close: _Next, newline: _Next):
    """Spans from each ``opener`` to the first ``close`` character on the same line."""
    pos = 0
    while (start := text.find(opener, pos)) >= 0:
        end = min(close(start + len(opener)), newline(start + len(opener)))
        if end < len(text) and text[end] == close.char:
            yield start, end + 1
            pos = end + 1
        else:
            pos = end  # nothing closes before the line ends, for any opener up to there


def link_brackets(text: str):
    """Spans of ``[…]`` on one line (the link text's brackets)."""
    return _closed_on_line(text, "[", _Next(text, "]"), _Next(text, "\n"))


def link_targets(text: str):
    """Spans of ``(…)`` right after a ``]`` on one line (a link's target)."""
    for start, end in _closed_on_line(text, "](", _Next(text, ")"), _Next(text, "\n")):
        yield start + 1, end


def images(text: str):
    """Spans of ``![alt](target)``, each part on one line."""
    bracket, bracket_line = _Next(text, "]"), _Next(text, "\n")
    paren, paren_line = _Next(text, ")"), _Next(text, "\n")
    pos = 0
    while (start := text.find("![", pos)) >= 0:
        close = min(bracket(start + 2), bracket_line(start + 2))
        if close >= len(text) or text[close] != "]":
            pos = close
            continue
        if text.startswith("(", close + 1):
            end = min(paren(close + 2), paren_line(close + 2))
            if end < len(text) and text[end] == ")":
                yield start, end + 1
                pos = end + 1
                continue
        pos = close + 1  # every "![" before this "]" meets the same "]"


def html_tags(text: str):
    """Spans of ``<tag …>`` and ``</tag>`` on one line."""
    close, newline = _Next(text, ">"), _Next(text, "\n")
    pos = 0
    while (m := TAG_START.search(text, pos)):
        end = min(close(m.end()), newline(m.end()))
        if end < len(text) and text[end] == ">":
            yield m.start(), end + 1
            pos = end + 1
        else:
            pos = end


def inline_code(text: str):
    """Spans of inline code, as CommonMark reads them: a run of backticks up to the next
    run of exactly as many; a run that nothing closes is plain text."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        after = bisect.bisect_right(same, index)
        if after < len(same):
            closing = same[after]
            yield start, runs[closing][1]
            index = closing + 1
        else:
            index += 1


def _regex(pattern: re.Pattern):
    return lambda text: ((m.start(), m.end()) for m in pattern.finditer(text))


def code_spans(text: str):
    """Fenced and indented code blocks and inline code: where a directive or a figure is
    only an example."""
    yield from _regex(FENCE)(text)
    yield from _regex(INDENTED_CODE)(text)
    yield from inline_code(text)


def mask_markdown(text: str) -> tuple[str, dict]:
    """Blank front matter, code, comments, link targets and markup characters."""
    chars = list(text)
    front: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        front = _parse_front_matter(match.group(1) or "")
        _blank(chars, match.start(), match.end())
    for find in (_regex(FENCE), _regex(INDENTED_CODE), html_comments, images, _regex(REF_DEFINITION)):
        for start, end in find(text):
            if match and start < match.end():
                continue
            _blank(chars, start, end)
    masked = "".join(chars)
    chars = list(masked)
    for find in (inline_code, link_targets, html_tags):
        for start, end in find(masked):
            _blank(chars, start, end)
    masked = "".join(chars)
    chars = list(masked)
    for pattern in (EMPHASIS, HEADING_MARK, BLOCKQUOTE):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    # Link brackets: "[text](url)" keeps "text".
    for start, end in link_brackets(masked):
        chars[start] = " "
        chars[end - 1] = " "
    return "".join(chars), front


def _parse_front_matter(block: str) -> dict:
    """Just the scalar ``key: value`` lines we need (date, title); no YAML dependency."""
    out = {}
    for line in block.splitlines():
        m = FRONT_MATTER_LINE.match(line)
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
    m = ISO_DATE_START.match(raw)
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

"""Extract the article from an HTML page with trafilatura: body text, headline, date, canonical URL.

trafilatura finds the main text and drops navigation, ads, share buttons and comments; we
render its XML body ourselves so that the text has the layout the sentence splitter
expects: one block per paragraph, heading or list item, blocks separated by a blank
line, the headline first. A plain-text copy of the article laid out the same way gives
the same findings at the same offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

from ... import patterns
from ...dataclassgen import dataclass
from ...errors import InputError


@dataclass(frozen=True)
class Article:
    """The article found in a web page."""

    text: str
    """The article as plain text: headline, then one block per paragraph."""
    heading_offsets: frozenset[int]
    """Where headline and subheading lines start in ``text``."""
    title: str | None
    date: dt.date | None
    """The publication date the page gives (not the date it was modified)."""
    canonical_url: str | None
    sitename: str | None
    author: str | None


def extract(html: str, name: str, url: str | None = None) -> Article:
    """The article in ``html``; ``url`` (where the page was found) resolves relative links."""
    import trafilatura  # heavy (lxml, htmldate): imported only when a page is read

    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False,
            # The publication date, not the last-modified one: the claims are as of then.
            # Only from markup (meta tags, <time>, JSON-LD): the extensive search also reads
            # dates in the prose, and "in June 2020" in the text is no publication date.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura/lxml raise assorted errors on broken markup
        raise InputError(f"{name}: the page could not be parsed ({type(exc).__name__})") from None
    if found is None or found.body is None or not len(found.body):
        raise InputError(f"{name}: no article text found in the page")
    title = _clean(found.title)
    blocks = list(_blocks(found.body))
    first = found.body[0]
    if first.tag == "head" and first.get("rend") == "h1" and blocks and blocks[0][1]:
        # The article's own <h1> leads the body: the headline as printed, which beats an
        # og:title written for social media.
        title = " ".join(blocks[0][0].split())
    elif title and blocks and _same(blocks[0][0], title):
        blocks[0] = (blocks[0][0], True)  # the headline, found as a paragraph
    elif title:
        blocks.insert(0, (title, True))
    text, headings = _layout(blocks)
    if not text.strip():
        raise InputError(f"{name}: no article text found in the page")
    return Article(text=text, heading_offsets=headings, title=title, date=_date(found.date),
                   canonical_url=canonical_url(html, url) or found.url,
                   sitename=_clean(found.sitename), author=_clean(found.author))


# Cross-links that newsrooms drop between paragraphs ("Read more: <other headline>");
# trafilatura keeps them because they sit inside the article body. Other stories'
# headlines carry other stories' figures, so a paragraph that starts this way is dropped.
CROSS_LINK_LABELS = (
    "read more", "read also", "also read", "more to read", "must read", "see also",
    "related", "related article", "related articles", "related story", "related stories",
    "related coverage", "related reading", "related content", "recommended",
    "recommended reading", "you may also like", "more on this", "more on this story",
)
CROSS_LINK = patterns.compile(
    r"^(?:%s)(?:\s*[:|»>]|\s+[-–—])"  # "Read more:", "RELATED »", "See also — …"
    % "|".join(re.escape(label) for label in sorted(CROSS_LINK_LABELS, key=len, reverse=True)),
    re.I)


def _blocks(body):
    """(text, is_heading) for each block of trafilatura's XML body, in order."""
    for text, heading in _raw_blocks(body):
        for part in [text] if heading else text.split("\n\n"):
            if heading or not CROSS_LINK.match(part):
                yield part, heading


def _raw_blocks(body):
    for element in body:
        tag = element.tag
        if tag == "head":
            yield _inline(element), True
        elif tag == "list":
            for item in element.iter("item"):
                yield "- " + _inline(item), False
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_inline(cell) for cell in row.iter("cell")]
                yield "; ".join(c for c in cells if c), False
        elif tag in ("code", "graphic"):
            continue  # not prose; a Markdown article's code blocks are skipped too
        elif tag == "quote" and len(element) and all(child.tag == "p" for child in element):
            yield from ((_inline(p), False) for p in element)
        else:
            yield _inline(element), False


LINE_BREAK = "\x00"  # stands for <lb/> while the text is cleaned; never in real text


def _inline(element) -> str:
    """The text of one block, whitespace collapsed; ``<lb/>`` becomes a line break.

    trafilatura's main extraction collapses whitespace, but its fallback extractor joins
    separate page elements with a bare newline; such a newline starts a new block.
    """
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append(LINE_BREAK)
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    blocks = []
    for piece in "".join(parts).replace(LINE_BREAK + "\n", LINE_BREAK).split("\n"):
        lines = (" ".join(line.split()) for line in piece.split(LINE_BREAK))
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    return "\n\n".join(blocks)


def _layout(blocks: list[tuple[str, bool]]) -> tuple[str, frozenset[int]]:
    chunks: list[str] = []
    headings: set[int] = set()
    offset = 0
    for text, heading in blocks:
        if not text:
            continue
        if heading:
            text = " ".join(text.split())  # a heading is one line, so the splitter sees it whole
            headings.add(offset)
        chunks.append(text)
        offset += len(text) + 2
    return "\n\n".join(chunks) + "\n", frozenset(headings)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def canonical_url(html: str, base: str | None) -> str | None:
    """``<link rel="canonical" href=…>``, made absolute against ``base``."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html.encode("utf-8", "replace"))
    except Exception:  # lxml refuses some documents (empty, only a comment)
        return None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            absolute = urljoin(base, href) if base else href
            # A relative link in a saved file has nothing to resolve against.
            return absolute if absolute.startswith(("http://", "https://")) else None
    return None

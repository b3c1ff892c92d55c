"""Split prose into sentences with their spans and paragraph numbers.

Blocks are separated by blank lines; a heading, a list item or a one-line block without
final punctuation (a headline) is a sentence of its own. Inside a block, a sentence ends
at ``.``, ``!`` or ``?`` (with closing quotes) followed by a space and a capital, digit or
quote, unless the period belongs to a known abbreviation or an initial.
"""

from __future__ import annotations


from .. import patterns
from ..model import Sentence, Span

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "vs", "etc", "inc", "corp",
    "co", "ltd", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "fig", "gov", "gen", "rep", "sen", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m", "al", "cf", "ca", "op", "vol", "pp", "dept", "univ",
}

ENDING_ABBREVIATIONS = {"inc", "corp", "co", "ltd", "plc", "etc"}
"""Abbreviations that often end a sentence (a firm's name, a list)."""
OPENER_AFTER = patterns.compile(
    r"\s+[\"“‘(]?(?:It|Its|The|This|These|That|Those|They|Their|He|She|His|Her|We|Our|In|On|At|But|However|"
    r"Meanwhile|Also|According|As|After|Since|While)\b")
"""Words that open a sentence far more often than they follow "Corp." inside one."""

LONG_LINE = 100
MAX_SENTENCE = 600
"""Longest sentence, in characters, handed to the extractors. Real sentences stay
below it (the longest in 40 published passages is about 430); text without full stops
(a pasted table, a data dump, one comma-joined line) is cut into pieces of at most this
length at a clause break, so the work per figure stays bounded and a check takes time
linear in the article's length."""
LIST_ITEM = patterns.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
INLINE_BULLET = patterns.compile(r"\s+[\u2022\u25aa]\s+")
"""A bullet inside a line, between two key points run together."""
# From the start of a run of marks only, and possessive: a long run of dots ("……" in a
# pasted table) would otherwise be rescanned from each of its characters. The pattern
# opens with the first mark and looks back from it (no mark before it): the engine then
# searches for marks only (``(?<![.!?])[.!?]++`` as first written).
BOUNDARY = patterns.compile(r"[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
GLUED = patterns.compile(r"\.(?<=[a-z0-9][a-z0-9]\.)(?=[A-Z][a-z]|[A-Z]{2,}\s)")
"""A full stop with no space after it, between a lower-case word and a capitalised one
("… from last year.Of the 63 economies", "… to 124 from 144.Intel chips", "Inspur has
65.US supercomputer maker Cray"): pages that lost the space when they were
scraped or pasted. Not a decimal point, an initial ("U.S.Treasury") or a domain
("Amazon.com"); an abbreviation is still checked as for ``BOUNDARY``."""


LINES = patterns.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
ENDS_SENTENCE = patterns.compile(r"[.!?:;\"”’)]$")
ENDS_PARAGRAPH = patterns.compile(r"[.!?\"”’)]\s*$")
PARAGRAPH_OPENING = patterns.compile(r"[ \t]*[\"'“‘(\[]?[A-Z0-9]")
WORD_BEFORE_DOT = patterns.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]*)$")


def split(prose: str, heading_lines: frozenset[int] = frozenset()) -> list[Sentence]:
    """Sentences of ``prose``; ``heading_lines`` are offsets of lines known to be headings."""
    sentences: list[Sentence] = []
    paragraph = 0
    for block_start, block_end, heading in _blocks(prose, heading_lines):
        for start, end in _split_block(prose, block_start, block_end, heading):
            sentences.append(Sentence(Span(start, end), prose[start:end], paragraph, heading))
        paragraph += 1
    return sentences


def _blocks(prose: str, heading_lines: frozenset[int]):
    """Yield (start, end, is_heading) for each block of text."""
    lines = [(m.start(), m.end()) for m in LINES.finditer(prose)
             if m.end() > m.start()]
    # Text pasted from the web often has one paragraph per line and no blank lines; text
    # wrapped by hand has short lines. Long lines are taken as paragraphs of their own.
    lengths = sorted(len(prose[a:b].strip()) for a, b in lines if prose[a:b].strip())
    line_paragraphs = bool(lengths) and lengths[len(lengths) // 2] > LONG_LINE
    block: list[tuple[int, int]] = []

    def flush(forced: bool = False):
        if block:
            start, end = block[0][0], block[-1][1]
            text = prose[start:end].strip()
            headline = len(block) == 1 and not ENDS_SENTENCE.search(text) and len(text.split()) <= 20
            yield start, end, forced or headline

    for start, end in lines:
        line = prose[start:end]
        if not line.strip():
            yield from flush()
            block = []
            continue
        if start in heading_lines:
            yield from flush()
            block = [(start, end)]
            yield from flush(forced=True)
            block = []
            continue
        if LIST_ITEM.match(line):
            yield from flush()
            block = [(start, end)]
            yield from flush()
            block = []
            continue
        if line_paragraphs and block and (_unfinished_paragraph(prose, block[-1], line)
                                          or len(block) == 1 and _heading_line(prose, block[0], line)):
            yield from flush()
            block = []
        block.append((start, end))
        if line_paragraphs and ENDS_PARAGRAPH.search(line):
            yield from flush()
            block = []
    yield from flush()


def _heading_line(prose: str, last: tuple[int, int], line: str) -> bool:
    """In text with one paragraph a line, a short line without a final stop before a line
    that opens like a paragraph is a heading of its own ("For the Fourth Year in a Row, Low
    Business Efficiency Is the Most Aggravating Factor" over "Cyprus ranks 43rd …"), not
    the start of that paragraph's first sentence."""
    text = prose[last[0]:last[1]].strip()
    return bool(text) and not ENDS_SENTENCE.search(text) and len(text.split()) <= 20 \
        and bool(PARAGRAPH_OPENING.match(line))


def _unfinished_paragraph(prose: str, last: tuple[int, int], line: str) -> bool:
    """In text with one paragraph a line, a long line without a final stop ends its
    paragraph all the same when the next line opens like one (a capital, a digit, a
    quote): a page whose paragraph lost its full stop ("… the fastest supercomputer in
    the US" then "At number three is …") would otherwise run two paragraphs into one
    sentence."""
    return len(prose[last[0]:last[1]].strip()) > LONG_LINE and bool(PARAGRAPH_OPENING.match(line))


def _split_block(prose: str, start: int, end: int, heading: bool):
    text = prose[start:end]
    item = LIST_ITEM.match(text)
    offset = start + (item.end() if item else 0)
    if heading:
        yield from _trimmed(prose, offset, end)
        return
    last = offset
    cuts = [(cut, cut) for cut in _cuts(prose, offset, end)]
    if "\u2022" in text or "\u25aa" in text:
        # "US has regained the top spot • China's TaihuLight topped the list …": bullets
        # run together on one line (a web page's key points) are sentences of their own
        cuts = sorted(cuts + [(m.start(), m.end()) for m in INLINE_BULLET.finditer(prose, offset, end)])
    for cut, resume in cuts:
        if cut < last:
            continue
        yield from _trimmed(prose, last, cut)
        last = resume
    yield from _trimmed(prose, last, end)


def _cuts(prose: str, start: int, end: int) -> list[int]:
    """Where the block's sentences end, in order: after each ``BOUNDARY`` and ``GLUED``
    stop that does not close an abbreviation."""
    cuts = [m.end() for m in BOUNDARY.finditer(prose, start, end)
            if not _is_abbreviation(prose, m.start(), start)]
    glued = [m.end() for m in GLUED.finditer(prose, start, end)
             if not _is_abbreviation(prose, m.start(), start)]
    return sorted(cuts + glued) if glued else cuts


def _is_abbreviation(prose: str, dot: int, floor: int) -> bool:
    if prose[dot] != ".":
        return False
    m = WORD_BEFORE_DOT.search(prose[max(floor, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ENDING_ABBREVIATIONS and OPENER_AFTER.match(prose, dot + 1):
        return False  # "installed in-house at NVIDIA Corp. It was listed …": a firm's name ends the sentence
    if word in ABBREVIATIONS:
        return True
    # A single capital letter before the dot is an initial ("John F. Kennedy").
    return len(word) == 1 and m.group(1).isupper()


def _trimmed(prose: str, start: int, end: int):
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _clause_cut(prose, start, start + MAX_SENTENCE)
        yield from _trimmed(prose, start, cut)
        start = cut
        while start < end and prose[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _clause_cut(prose: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence before ``limit``: after the last clause mark
    (``;`` ``,`` ``:`` or a dash) of its second half, else at its last space, else at
    ``limit`` itself."""
    half = start + MAX_SENTENCE // 2
    window = prose[half:limit]
    for mark in (";", ",", ":", "\u2014", "\u2013"):
        at = window.rfind(mark + " ")
        if at >= 0:
            return half + at + 1
    at = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
    return half + at + 1 if at >= 0 else limit

"""Suppression comments inside an article, in the style prose linters use.

    <!-- factcheck-ignore: reason -->    the next sentence
    <!-- factcheck off: reason -->       from here …
    <!-- factcheck on -->                … to here (or to the end of the article)

The reason is optional and shown in reports. Like sqlfluff's ``noqa`` handling, a comment
that starts with "factcheck" but is not one of these is itself reported (a typo must not
silently suppress nothing), and each suppression remembers whether it was used so that
``--report-unused-suppressions`` can list the ones that suppressed nothing.

Directives are read from ``Document.text`` (the Markdown masking blanks comments in
``prose`` only). For an HTML file whose extracted text lost its comments, they are read
from the raw file and matched to findings by the text they cover.
"""

from __future__ import annotations

import bisect
import enum
import re
from pathlib import Path

from .. import patterns
from ..dataclassgen import dataclass
from ..read import document as documents
from ..extract import sentences
from ..read.document import Document
from ..model import Finding, Span, Verdict

COMMENT = patterns.compile(r"<!--(.*?)-->", re.S)
"""For replacing comments in a closed fragment; whole texts are scanned with
``document.html_comments``, which stays linear when a ``<!--`` is never closed."""
STARTS_DIRECTIVE = patterns.compile(r"\s*factcheck\b", re.I)
# Possessive spaces and a greedy reason (stripped by ``_reason``): a comment with a long
# run of spaces would otherwise be rescanned from each of them.
IGNORE = patterns.compile(r"\s*+factcheck-ignore\s*+(?::\s*(?P<reason>.*))?\Z", re.I | re.S)
SWITCH = patterns.compile(r"\s*+factcheck\s++(?P<switch>off|on)\s*+(?::\s*(?P<reason>.*))?\Z", re.I | re.S)
HTML_SUFFIXES = (".html", ".htm")


class DirectiveKind(str, enum.Enum):
    IGNORE = "ignore"
    OFF = "off"
    ON = "on"


@dataclass(frozen=True)
class Directive:
    """One factcheck comment read from an article."""

    kind: DirectiveKind
    reason: str
    span: Span
    """The whole comment, in the text the directive was read from."""
    line: int
    column: int
    text: str
    """The comment as written."""


@dataclass(frozen=True)
class Suppression:
    """What one directive (an ignore, or an off with its on) covers."""

    directive: Directive
    span: Span | None = None
    """The covered part of ``Document.text``, when the directives were read from it."""
    covered_text: str | None = None
    """For HTML read from the raw file: the covered text, whitespace-normalised."""

    def covers(self, finding: Finding) -> bool:
        if self.span is not None:
            return self.span.contains(finding.claim.sentence.span) or self.span.contains(finding.span)
        sentence = _normal(finding.claim.sentence.text)
        if not sentence or not self.covered_text:
            return False
        if self.directive.kind is DirectiveKind.IGNORE:
            return sentence == self.covered_text or sentence.startswith(self.covered_text) \
                or self.covered_text.startswith(sentence)
        return sentence in self.covered_text


@dataclass(frozen=True)
class Parsed:
    """The suppressions an article's comments declare, and the malformed ones."""

    suppressions: tuple[Suppression, ...]
    problems: tuple[dict, ...]
    """Malformed directives, as problem records (see ``problem``)."""


@dataclass(frozen=True)
class Applied:
    """Findings after suppressions: kept, suppressed, and suppressions left unused."""

    kept: list[Finding]
    suppressed: list[tuple[Finding, Suppression]]
    unused: list[Suppression]


def problem(kind: str, line: int, column: int, message: str, text: str) -> dict:
    """A problem record, as ``DocumentResult.problems`` holds them."""
    return {"kind": kind, "severity": "warning", "line": line, "column": column,
            "message": message, "text": text}


# -- parsing --------------------------------------------------------------------------------


def parse(document: Document) -> Parsed:
    """The suppressions of a Markdown or HTML document (plain text has none)."""
    if _has_comment(document.text):
        return _parse_text(document)
    if document.path.lower().endswith(HTML_SUFFIXES):
        raw = _read_raw(document.path)
        if raw is not None and _has_comment(raw):
            return _parse_raw_html(raw)
    return Parsed((), ())


def directives(text: str, skip: list[Span] = ()) -> tuple[list[Directive], list[dict]]:
    """Every factcheck comment of ``text`` (outside ``skip``), and the malformed ones as problems."""
    found: list[Directive] = []
    problems: list[dict] = []
    starts = documents._line_starts(text)
    inside_code = _Containment(skip)
    for start, end in documents.html_comments(text):
        body, comment = text[start + 4:end - 3], text[start:end]
        if not STARTS_DIRECTIVE.match(body):
            continue
        span = Span(start, end)
        if inside_code(span):
            continue  # a directive shown inside a code block is an example, not a directive
        line, column = _line_col(starts, start)
        ignore, switch = IGNORE.match(body), SWITCH.match(body)
        if ignore:
            found.append(Directive(DirectiveKind.IGNORE, _reason(ignore), span, line, column, comment))
        elif switch:
            kind = DirectiveKind(switch.group("switch").lower())
            found.append(Directive(kind, _reason(switch), span, line, column, comment))
        else:
            problems.append(problem(
                "malformed-suppression", line, column,
                f"Unrecognised factcheck directive {comment.strip()!r}; expected "
                "'<!-- factcheck-ignore: reason -->', '<!-- factcheck off -->' or '<!-- factcheck on -->'.",
                comment))
    return found, problems


def _has_comment(text: str) -> bool:
    return next(documents.html_comments(text), None) is not None


class _Containment:
    """Is a span inside one of ``spans``? Answered by bisection, not by trying each."""

    def __init__(self, spans):
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in ordered]
        self.reach = []  # the farthest end among the spans starting at or before each
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __call__(self, span: Span) -> bool:
        at = bisect.bisect_right(self.starts, span.start)
        return at > 0 and self.reach[at - 1] >= span.end


def _pair(found: list[Directive]) -> tuple[list[tuple[Directive, int | None]], list[dict]]:
    """Pair each ``off`` with the next ``on``: (directive, end offset or None) and problems."""
    pairs: list[tuple[Directive, int | None]] = []
    problems: list[dict] = []
    open_off: Directive | None = None
    for d in found:
        if d.kind is DirectiveKind.IGNORE:
            pairs.append((d, None))
        elif d.kind is DirectiveKind.OFF:
            if open_off is not None:
                problems.append(problem("malformed-suppression", d.line, d.column,
                                        f"'factcheck off' while already off (since line {open_off.line}).",
                                        _comment_text(d)))
                continue
            open_off = d
        else:
            if open_off is None:
                problems.append(problem("malformed-suppression", d.line, d.column,
                                        "'factcheck on' without a 'factcheck off' before it.", _comment_text(d)))
                continue
            pairs.append((open_off, d.span.start))
            open_off = None
    if open_off is not None:
        pairs.append((open_off, -1))  # off to the end of the article, as Vale does
    return pairs, problems


def _parse_text(document: Document) -> Parsed:
    text = document.text
    found, problems = directives(text, _code_spans(document))
    pairs, more = _pair(found)
    problems.extend(more)
    suppressions = []
    split = starts = None
    for d, end in pairs:
        if d.kind is DirectiveKind.IGNORE:
            if split is None:
                split = sentences.split(document.prose, document.heading_lines)
                starts = [s.span.start for s in split]
            at = bisect.bisect_left(starts, d.span.end)
            following = split[at] if at < len(split) else None
            if following is None:
                problems.append(problem("malformed-suppression", d.line, d.column,
                                        "'factcheck-ignore' with no sentence after it.", _comment_text(d)))
                continue
            suppressions.append(Suppression(d, span=following.span))
        else:
            stop = len(text) if end in (None, -1) else end
            suppressions.append(Suppression(d, span=Span(d.span.end, stop)))
    return Parsed(tuple(suppressions), tuple(_sorted(problems)))


def _code_spans(document: Document) -> list[Span]:
    if document.path.lower().endswith(HTML_SUFFIXES):
        return []
    return [Span(start, end) for start, end in documents.code_spans(document.text)]


def _parse_raw_html(raw: str) -> Parsed:
    skip = [Span(m.start(), m.end()) for m in VERBATIM_BLOCK.finditer(raw)]
    found, problems = directives(raw, skip)
    pairs, more = _pair(found)
    problems.extend(more)
    suppressions = []
    for d, end in pairs:
        stop = len(raw) if end in (None, -1) else end
        covered = _html_text(raw[d.span.end:stop])
        if d.kind is DirectiveKind.IGNORE:
            first = sentences.split(covered)
            covered = _normal(first[0].text) if first else ""
            if not covered:
                problems.append(problem("malformed-suppression", d.line, d.column,
                                        "'factcheck-ignore' with no sentence after it.", _comment_text(d)))
                continue
        suppressions.append(Suppression(d, covered_text=_normal(covered)))
    return Parsed(tuple(suppressions), tuple(_sorted(problems)))


def _html_text(fragment: str) -> str:
    """Visible text of an HTML fragment; block ends become paragraph breaks."""
    import html  # an HTML article with suppressions only: not on every start-up

    fragment = SCRIPT_OR_STYLE.sub(" ", fragment)
    fragment = COMMENT.sub(" ", fragment)
    fragment = BLOCK_TAG.sub("\n\n", fragment)
    fragment = ANY_TAG.sub("", fragment)
    return html.unescape(fragment).strip()


SCRIPT_OR_STYLE = patterns.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
BLOCK_TAG = patterns.compile(r"</?(p|div|h[1-6]|li|ul|ol|section|article|blockquote|br|tr|table)\b[^>]*>", re.I)
ANY_TAG = patterns.compile(r"<[^>]+>")
VERBATIM_BLOCK = patterns.compile(r"<(pre|code|script|style)\b.*?</\1\s*>", re.S | re.I)
SPACES = patterns.compile(r"\s+")


# -- applying -------------------------------------------------------------------------------


def apply(parsed: Parsed, findings: list[Finding]) -> Applied:
    """Split findings into kept and suppressed; list the suppressions that suppressed nothing.

    Every finding a suppression covers is moved, but only one the reader would see as a
    problem (any verdict but ``supported``) counts as a use.
    """
    kept: list[Finding] = []
    suppressed: list[tuple[Finding, Suppression]] = []
    used: set[int] = set()
    first_cover = _Covers(parsed.suppressions)
    for finding in findings:
        match = first_cover(finding)
        if match is None:
            kept.append(finding)
            continue
        suppressed.append((finding, parsed.suppressions[match]))
        if finding.verdict is not Verdict.SUPPORTED:
            used.add(match)
    unused = [s for i, s in enumerate(parsed.suppressions) if i not in used]
    return Applied(kept, suppressed, unused)


class _Covers:
    """The index of the first suppression that covers a finding, or None.

    Suppressions read from the article's own text cover spans: an ignore covers one
    sentence and an off covers up to its on, so neither the ignores nor the offs overlap
    among themselves (ignores of the same sentence share a span). A finding can then only
    be covered by the nearest span of each kind starting before it, found by bisection;
    with thousands of suppressions and findings, trying each pair was quadratic.
    Suppressions matched by text (HTML read raw) are tried one by one.
    """

    def __init__(self, suppressions: tuple[Suppression, ...]):
        self.suppressions = suppressions
        self.by_text = [i for i, s in enumerate(suppressions) if s.span is None]
        self.kinds = []
        for ignore in (True, False):
            groups: dict[tuple[int, int], list[int]] = {}
            for i, s in enumerate(suppressions):
                if s.span is not None and (s.directive.kind is DirectiveKind.IGNORE) == ignore:
                    groups.setdefault((s.span.start, s.span.end), []).append(i)
            spans = sorted(groups)
            self.kinds.append(([a for a, _ in spans], [groups[k] for k in spans]))
        self.simple = all(self._disjoint(starts, groups) for starts, groups in self.kinds)

    def _disjoint(self, starts, groups) -> bool:
        ends = [self.suppressions[g[0]].span.end for g in groups]
        return all(ends[i] <= starts[i + 1] for i in range(len(starts) - 1))

    def __call__(self, finding: Finding) -> int | None:
        if not self.simple:
            return next((i for i, s in enumerate(self.suppressions) if s.covers(finding)), None)
        candidates = list(self.by_text)
        for starts, groups in self.kinds:
            for point in (finding.span.start, finding.claim.sentence.span.start):
                at = bisect.bisect_right(starts, point)
                if at:
                    candidates.extend(groups[at - 1])
        return min((i for i in set(candidates) if self.suppressions[i].covers(finding)), default=None)


def unused_problem(suppression: Suppression) -> dict:
    d = suppression.directive
    what = "'factcheck-ignore'" if d.kind is DirectiveKind.IGNORE else "'factcheck off'"
    return problem("unused-suppression", d.line, d.column,
                   f"{what} suppressed nothing: no finding in what it covers. Remove it.", _comment_text(d))


def suppression_record(suppression: Suppression) -> dict:
    d = suppression.directive
    directive = "factcheck-ignore" if d.kind is DirectiveKind.IGNORE else "factcheck off"
    return {"kind": "comment", "directive": directive, "reason": d.reason, "line": d.line}


# -- helpers --------------------------------------------------------------------------------


def _reason(match: re.Match) -> str:
    return SPACES.sub(" ", match.group("reason") or "").strip()


def _comment_text(d: Directive) -> str:
    return d.text


def _line_col(starts: tuple[int, ...], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def _normal(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _sorted(problems: list[dict]) -> list[dict]:
    return sorted(problems, key=lambda p: (p["line"], p["column"]))


def _read_raw(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None

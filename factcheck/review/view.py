"""What the review screen shows, as rich ``Text``: the article with every checked claim
marked, the findings list, the detail pane, the key bar and the exit summary.

Plain functions of the session's records, so the look is testable without a terminal.
Every verdict has a colour *and* a symbol and text style (reverse, underline, italic), so
the marks read for colour-blind editors and on monochrome terminals.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from .items import Counts, Filter, Item, Summary
from .session import Session

# Symbol and style per verdict; the symbols match the plain report (formats/terminal.py).
MARKS = {
    "contradicted": ("✖", "bold reverse red"),
    "misattributed": ("✖", "bold reverse red"),
    "outdated": ("▲", "bold underline yellow"),
    "needs_context": ("▲", "bold underline yellow"),
    "unverifiable": ("?", "italic underline cyan"),
    "supported": ("✔", "green"),
}
# A settled finding keeps its place but shows the decision instead of the verdict.
DECISION_MARKS = {
    "dismissed": ("⊘", "dim strike"),
    "verified": ("✓", "green underline"),
    "accepted": ("≡", "dim"),
}
SEVERITY_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
SELECTED_MARK = "▶"
KEYS = (("↑↓", "move"), ("a", "apply"), ("e", "edit"), ("d", "dismiss"), ("v", "verify"),
        ("m", "note"), ("u", "undo"), ("f", "filter"), ("r", "re-check"), ("s", "save"),
        ("q", "quit"), ("?", "help"))
ORDINAL_UNITS = {"rank"}


def mark(item: Item) -> tuple[str, str]:
    if item.decision is not None:
        return DECISION_MARKS[item.decision.kind.value]
    return MARKS[item.verdict]


# --- the article -----------------------------------------------------------------------

@dataclass(frozen=True)
class ArticleView:
    text: Text
    """The article, marked and already wrapped to the width it was built for."""
    rows: dict[str, int]
    """The display row of each claim, by item key, to scroll the selection into view."""


def article(text: str, items: list[Item], selected: str | None, width: int) -> ArticleView:
    """The article with each claim preceded by its symbol and styled by verdict; the
    selected claim also gets ``▶`` and reverse video.

    Wrapped here rather than by the widget, so that the row of every claim is known."""
    layout = ArticleLayout(text, items, width)
    layout.select(selected)
    return ArticleView(Text("\n").join(layout.rows), layout.anchor_rows())


class ArticleLayout:
    """The marked article as display rows, built so that moving the selection redoes only
    the blocks holding the claims selected before and after (a long feature has hundreds
    of rows; a key press must not rewrap them all).

    A block is a run of lines that no claim crosses, so blocks wrap independently and
    the rows are those ``article`` would give for the whole text at once."""

    def __init__(self, text: str, items: list[Item], width: int) -> None:
        crlf = [m.start() for m in re.finditer("\r\n", text)]
        plain = text.replace("\r\n", "\n").replace("\r", "\n")
        # One cell per character, so the wrapping below matches what the terminal shows.
        self.plain = re.sub(r"[\t\v\f]", " ", plain)
        self.width = width

        def at(offset: int) -> int:  # CRLF shows as one line break: shift past the CRs before
            return offset - bisect_left(crlf, offset)

        marked: list[tuple[int, int, Item]] = []
        position = 0
        for item in sorted(items, key=lambda i: (i.record["span"]["start"], i.record["span"]["end"])):
            start, end = at(item.record["span"]["start"]), at(item.record["span"]["end"])
            if start < position:
                continue  # overlapping claims: the first one is marked
            marked.append((start, end, item))
            position = end
        # Blocks end at line breaks outside every claim.
        cuts, claim = [], 0
        for brk in (m.start() for m in re.finditer("\n", self.plain)):
            while claim < len(marked) and marked[claim][1] <= brk:
                claim += 1
            if claim < len(marked) and marked[claim][0] <= brk < marked[claim][1]:
                continue
            cuts.append(brk)
        bounds = list(zip([0] + [c + 1 for c in cuts], cuts + [len(self.plain)]))
        self.blocks: list[tuple[int, int, list[tuple[int, int, Item]]]] = []
        self.block_of: dict[str, int] = {}
        claim = 0
        for index, (start, end) in enumerate(bounds):
            inside_block = []
            # A claim belongs to the block it starts in; an empty one at a cut, to the block
            # the cut ends (where a whole redraw puts its mark: before the line break).
            while claim < len(marked) and (marked[claim][0] <= end or index == len(bounds) - 1):
                inside_block.append(marked[claim])
                self.block_of[marked[claim][2].key] = index
                claim += 1
            self.blocks.append((start, end, inside_block))
        self.selected: str | None = None
        self._anchors: list[dict[str, int]] = []
        self.rows: list[Text] = []
        self.first_row: list[int] = []
        for index in range(len(self.blocks)):
            rows, anchors = self._render(index)
            self.first_row.append(len(self.rows))
            self.rows.extend(rows)
            self._anchors.append(anchors)

    def select(self, key: str | None) -> tuple[int, int] | None:
        """Mark ``key`` as the selected claim; returns the first row that changed and the
        number of rows from there that did (None if nothing did)."""
        if key == self.selected:
            return None
        touched = sorted({self.block_of[k] for k in (self.selected, key) if k in self.block_of})
        self.selected = key
        if not touched:
            return None
        shift_from, changed_from, changed_to = None, None, 0
        for index in touched:
            rows, anchors = self._render(index)
            first = self.first_row[index]
            old = (self.first_row[index + 1] if index + 1 < len(self.blocks) else len(self.rows)) - first
            self.rows[first:first + old] = rows
            self._anchors[index] = anchors
            if len(rows) != old:
                for later in range(index + 1, len(self.blocks)):
                    self.first_row[later] += len(rows) - old
                shift_from = first if shift_from is None else min(shift_from, first)
            changed_from = first if changed_from is None else min(changed_from, first)
            changed_to = max(changed_to, first + len(rows))
        if shift_from is not None:
            return changed_from, len(self.rows) - changed_from
        return changed_from, changed_to - changed_from

    def row_of(self, key: str) -> int | None:
        index = self.block_of.get(key)
        if index is None or key not in self._anchors[index]:
            return None
        return self.first_row[index] + self._anchors[index][key]

    def anchor_rows(self) -> dict[str, int]:
        return {key: self.first_row[index] + row
                for index, anchors in enumerate(self._anchors) for key, row in anchors.items()}

    def _render(self, index: int) -> tuple[list[Text], dict[str, int]]:
        """The display rows of one block, and the row (within it) of each claim."""
        start, end, marked = self.blocks[index]
        plain = self.plain
        display = Text()
        anchors: dict[str, int] = {}
        position = start
        for claim_start, claim_end, item in marked:
            display.append(plain[position:claim_start])
            anchors[item.key] = len(display.plain)
            symbol, style = mark(item)
            if item.key == self.selected:
                display.append(SELECTED_MARK, style="bold reverse")
                style = f"{style} reverse"
            display.append(symbol, style=style)
            display.append(plain[claim_start:claim_end], style=style)
            position = claim_end
        display.append(plain[position:end])
        text = display.plain
        starts = row_starts(text, self.width)
        rows = []
        for number, row_start in enumerate(starts):
            row_end = starts[number + 1] if number + 1 < len(starts) else len(text)
            row = display[row_start:row_end] if marked else Text(text[row_start:row_end])
            rows.append(row[:-1] if row.plain.endswith("\n") else row)
        return rows, {k: bisect_right(starts, v) - 1 for k, v in anchors.items()}


def row_starts(plain: str, width: int) -> list[int]:
    """Where each display row starts: at line breaks, and greedily by words (by terminal
    cells, so wide characters count double); a word longer than a row is folded."""
    width = max(width, 10)
    starts: list[int] = []
    base = 0
    for line in plain.split("\n"):
        starts.append(base)
        column = 0
        for token in re.finditer(r"\S+|\s+", line):
            size = cell_len(token.group())
            if token.group().isspace():
                column += size  # trailing spaces may run past the edge, unseen
                continue
            if column and column + size > width:
                starts.append(base + token.start())
                column = 0
            if size <= width:
                column += size
                continue
            for i, char in enumerate(token.group()):
                cells = cell_len(char)
                if column and column + cells > width:
                    starts.append(base + token.start() + i)
                    column = 0
                column += cells
        base += len(line) + 1
    return starts


# --- the findings list -----------------------------------------------------------------

def counts_line(counts: Counts, filter_: Filter) -> Text:
    """The counts above the list, on two short lines: open errors and warnings, then
    the claims to check by hand and the settled findings."""
    out = Text()
    rows = (((MARKS["contradicted"][0], counts.errors, "error", "errors", "error"),
             (MARKS["outdated"][0], counts.warnings, "warning", "warnings", "warning")),
            ((MARKS["unverifiable"][0], counts.info, "to check", "to check", "info"),
             (DECISION_MARKS["verified"][0], counts.settled, "settled", "settled", "")))
    for index, row in enumerate(rows):
        if index:
            out.append("\n")
        for position, (symbol, number, one, many, severity) in enumerate(row):
            out.append("  " if position else "")
            out.append(f"{symbol} {number} {one if number == 1 else many}",
                       style=SEVERITY_STYLES.get(severity, "dim"))
    if filter_ is not Filter.ALL:
        out.append(f"\nshowing {filter_.value} only (f)", style="bold reverse")
    return out


def list_label(item: Item, width: int = 40, selected: bool = False) -> Text:
    """One line per finding: selection, mark, line number, verdict or decision, the claim.

    The selection shows as ``▶`` as well as the list's highlight colour."""
    symbol, style = mark(item)
    label = Text()
    label.append(SELECTED_MARK if selected else " ", style="bold")
    label.append(symbol, style=style)
    status = item.verdict.replace("_", " ") if item.decision is None else item.status
    label.append(f" {item.record['line']:>3} ", style="dim")
    label.append(f"{status:<13}", style=SEVERITY_STYLES[item.severity] if item.decision is None else "dim")
    label.append(f" {_one_line(item.record['text'])}")
    label.truncate(max(width, 8), overflow="ellipsis")
    return label


# --- the detail pane -------------------------------------------------------------------

def detail(item: Item | None, session: Session) -> Text:
    if item is None:
        if session.filter is Filter.ALL:
            return Text("No findings to review in this article: every claim checked is supported, "
                        "or there is no claim to check. Press q to quit.", style="dim")
        return Text(f"No {session.filter.value} findings. Press f to show the others, q to quit.", style="dim")
    r = item.record
    out = Text()
    symbol, style = MARKS[item.verdict]
    out.append(f"{symbol} {item.verdict.replace('_', ' ')}", style=SEVERITY_STYLES[item.severity])
    out.append(f"  {item.severity} · line {r['line']}, column {r['column']}\n", style="dim")
    _field(out, "Claim", f"“{_one_line(r['text'])}” — {_statement(r['claim'])}")
    if r.get("expected"):
        _field(out, "Source says", _statement(r["expected"]))
    if r.get("fix"):
        old = session.text[r["fix"]["start"]:r["fix"]["end"]]
        _field(out, "Correction", f"“{_one_line(old)}” → “{r['fix']['text']}” (a applies it, e edits it)")
        _field(out, "After", _one_line(_after_fix(session.text, r)))
    elif r.get("suggestion"):
        _field(out, "Suggestion", r["suggestion"])
    if item.decision is not None:
        _field(out, "Decision", decision_line(item), style="bold")
    elif item.verdict == "unverifiable":
        _field(out, "To do", "check it by hand, then v marks it verified (or d dismisses it)")
    _field(out, "Check", r["message"])
    if r.get("fix") and r.get("suggestion"):
        _field(out, "Suggestion", r["suggestion"])
    for evidence in r.get("evidence", [])[:2]:
        _field(out, "Source", _source(evidence))
    _field(out, "Sentence", _one_line(r["sentence"]))
    return out


def decision_line(item: Item) -> str:
    d = item.decision
    words = [d.kind.value]
    if d.by:
        words.append(f"by {d.by}")
    if d.at:
        words.append(f"at {d.at}")
    line = " ".join(words) + (" (not saved yet)" if item.decided_now else " (earlier review)")
    for label, value in (("reason", d.reason), ("note", d.note), ("source", d.source_url)):
        if value:
            line += f"; {label}: {_one_line(value)}"
    return line


def _field(out: Text, label: str, value: str, style: str = "") -> None:
    out.append(f"{label}: ", style="bold")
    out.append(f"{value}\n", style=style)


def _statement(s: dict | None) -> str:
    if not s:
        return "—"
    parts = [s.get("entity"), s.get("metric"), s.get("period")]
    if s.get("scenario"):
        parts.append(f"scenario {s['scenario']}")
    parts.append(_value(s))
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def _value(s: dict) -> str:
    value = s.get("value")
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = s.get("unit") or ""
    if unit in ORDINAL_UNITS and isinstance(value, int):
        text = ordinal(value)
        return f"{text} of {s['out_of']}" if s.get("out_of") else text
    text = f"{value:,}" if isinstance(value, (int, float)) else str(value)
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}".strip()


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _source(e: dict) -> str:
    head = " — ".join(p for p in (e.get("publisher"), e.get("source_title")) if p)
    if e.get("published"):
        head += f" ({e['published']})"
    if e.get("edition"):
        head += f"; {e['edition']}"
    if e.get("source_url"):
        head += f"\n  {e['source_url']}"
    return head


def _after_fix(text: str, record: dict) -> str:
    fix = record["fix"]
    sentence = record["sentence_span"]
    start, end = min(sentence["start"], fix["start"]), max(sentence["end"], fix["end"])
    return text[start:fix["start"]] + fix["text"] + text[fix["end"]:end]


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- keys and summary ------------------------------------------------------------------

def key_bar(width: int) -> Text:
    """The keys, packed into as few lines as the width allows (two at 80 columns)."""
    out = Text()
    column = 0
    for key, description in KEYS:
        size = cell_len(key) + 1 + len(description)
        if column and column + 2 + size > width:
            out.append("\n")
            column = 0
        elif column:
            out.append("  ")
            column += 2
        out.append(key, style="bold reverse")
        out.append(f" {description}")
        column += size
    return out


def summary_line(path: str, summary: Summary, saved: bool | None) -> str:
    """``saved`` is True (saved), False (discarded) or None (nothing to save)."""
    tail = {True: "saved", False: "discarded: the article is as it was", None: "nothing to save"}[saved]
    return f"factcheck review {path}: {summary.line()}; {tail}"

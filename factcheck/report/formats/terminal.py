"""The human report: findings grouped by severity, each with its sentence and the claim
highlighted, what the source says, the source, and the suggested fix; then a summary."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .plain import HEADINGS, MARKS, RANKS, groups, source_line, title
from .summary import plural, summary_parts  # noqa: F401  (re-exported: the summary line needs no rich)

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}


def _sentence(record: dict) -> Text:
    # A sentence wrapped in the source keeps its line breaks; shown on one indented line,
    # each becomes a space (one for one, so the claim's offsets still hold).
    sentence = re.sub(r"[\r\n\t\v\f]", " ", record["sentence"])
    base = record["sentence_span"]["start"]
    start = record["span"]["start"] - base
    end = record["span"]["end"] - base
    text = Text("    ")
    text.append(sentence[:start])
    style = "bold reverse" if record["severity"] != "info" else "bold underline"
    text.append(sentence[start:end], style=style)
    text.append(sentence[end:])
    return text


BATCH = 400
"""Lines printed at once: rich's cost is mostly per print, so one print per line made a
report of many thousands of findings take minutes."""


def _print_lines(console: Console, lines: list[Text]) -> None:
    if lines:
        console.print(Text("\n").join(lines))
        lines.clear()


def render_document(console: Console, doc: dict, show_supported: bool, min_rank: int) -> None:
    console.print(Text(title(doc), style="bold"))
    if doc.get("as_of"):
        console.print(f"  article date: {doc['as_of']}")
    if doc.get("error"):
        console.print(Text(f"  could not be checked: {doc['error']}", style="bold red"))
        return
    shown = 0
    for severity, group in groups(doc, show_supported, min_rank):
        console.print(Text(f"\n  {HEADINGS[severity]}", style=STYLES[severity]))
        lines: list[Text] = []
        for f in group:
            shown += 1
            mark = MARKS["supported"] if f["verdict"] == "supported" else MARKS[severity]
            head = Text(f"  {mark} ", style=STYLES[severity])
            head.append(f"{f['verdict']}", style=STYLES[severity])
            head.append(f"  {doc['path']}:{f['line']}:{f['column']}  “{f['text']}”")
            lines += [head, _sentence(f), Text(f"    {f['message']}")]
            if f.get("suggestion"):
                lines.append(Text("    Suggestion: ", style="bold").append(f["suggestion"], style=""))
            for ev in f.get("evidence", [])[:2]:
                lines.append(Text("    Source: ", style="dim").append(source_line(ev), style="dim"))
            if len(lines) >= BATCH:
                _print_lines(console, lines)
        _print_lines(console, lines)
    for problem in doc.get("problems", []):
        console.print(Text(f"  ! {doc['path']}:{problem.get('line', '?')}: {problem['message']}", style="yellow"))
    if not shown:
        console.print("  nothing to report")


def render(report: dict, console: Console | None = None, show_supported: bool = False,
           min_severity: str = "info") -> None:
    console = console or Console()
    min_rank = RANKS[min_severity]
    for doc in report["documents"]:
        render_document(console, doc, show_supported, min_rank)
        console.print()
    s = report["summary"]
    style = "bold red" if s["errors"] else ("bold yellow" if s["warnings"] else "bold green")
    console.print(Text(escape(", ".join(summary_parts(report))), style=style))


def console_for(stream, plain: bool = False) -> Console:
    """A console writing to ``stream``. On a terminal, rich wraps to its width; anywhere
    else (a pipe, a CI log, a file) lines are written whole, as linters do, so that
    ``grep`` and log viewers see one finding's line as one line. ``plain``: no colours
    even where the environment asks for them (a report file)."""
    if stream.isatty():
        return Console(file=stream)
    if plain:
        return Console(file=stream, soft_wrap=True, color_system=None)
    return Console(file=stream, soft_wrap=True)


def render_text(report: dict, show_supported: bool = False, min_severity: str = "info") -> str:
    """The human report as plain text (no colours, lines unwrapped), for ``--output``."""
    from . import plain
    drawn = plain.text(report, show_supported, min_severity)
    if drawn is not None:
        return drawn
    return render_with_rich(report, show_supported, min_severity)


def render_with_rich(report: dict, show_supported: bool = False, min_severity: str = "info") -> str:
    """``render_text`` as rich draws it (what ``plain`` must equal)."""
    import io
    buffer = io.StringIO()
    buffer.isatty = lambda: False  # type: ignore[method-assign]
    render(report, console_for(buffer, plain=True), show_supported, min_severity)
    return buffer.getvalue()

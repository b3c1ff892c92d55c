"""The human report without rich (``formats/plain.py``) is what rich writes off a terminal.

Every case is drawn both ways and compared character for character: the golden reports,
each ``--show`` level with and without supported claims, and records built to stress what
rich changes (control characters, markup-like and emoji-like text, wide characters).
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.report.formats import plain, terminal

GOLDEN = Path(__file__).parent.parent / "golden"
SAMPLE = Path(__file__).parent.parent.parent / "examples" / "sample-article.md"


def reports() -> list[dict]:
    out = [json.loads((GOLDEN / "ci" / "report.json").read_text(encoding="utf-8")),
           json.loads((GOLDEN / "sample-article.json").read_text(encoding="utf-8"))]
    odd = copy.deepcopy(out[0])
    doc = next(d for d in odd["documents"] if d["findings"])
    doc["title"] = "A [bold]title[/bold] :smile: with 漢字 and e\u0301"
    doc["metadata"] = {"url": "https://example.test/a?b=[1]"}
    finding = doc["findings"][0]
    finding["message"] = "Bell\x07, back\x08space, vt\x0b, ff\x0c, cr\x0d, esc \x1b[31m, nul \x00, [red]x[/red] \\[y]"
    finding["sentence"] = "Line one\r\nline\ttwo\x0bthree" + finding["sentence"][28:]
    finding["suggestion"] = "Say :thumbs_up: [link=x]here[/link]"
    finding["text"] = "“28th”"
    doc.setdefault("problems", []).append({"line": 3, "column": 1, "severity": "warning",
                                           "message": "unknown [rule] :x:"})
    odd["documents"].append({"path": "broken.md", "as_of": None, "title": None, "findings": [],
                             "error": "not UTF-8 [at byte 3]"})
    odd["documents"].append({"path": "empty.md", "as_of": "2024-01-01", "title": None, "findings": []})
    out.append(odd)
    return out


@pytest.mark.parametrize("report", reports(), ids=["ci", "sample", "odd"])
@pytest.mark.parametrize("show_supported", [False, True])
@pytest.mark.parametrize("show", ["info", "warning", "error"])
def test_plain_is_what_rich_writes(report, show_supported, show):
    drawn = plain.text(report, show_supported, show)
    assert drawn is not None
    assert drawn == terminal.render_with_rich(report, show_supported, show)


def test_reused_articles_are_counted_alike():
    report = reports()[0]
    report = {**report, "summary": {**report["summary"], "cached": 2}}
    assert plain.text(report) == terminal.render_with_rich(report)
    assert plain.text(report).rstrip().endswith("2 articles unchanged since checked before (results reused)")


@pytest.mark.parametrize("change", [
    {"title": "tab\there"},  # rich expands tabs to its columns: left to rich
    {"as_of": "[bold]2024"},  # printed as markup by rich
])
def test_what_plain_does_not_copy_is_left_to_rich(change):
    report = copy.deepcopy(reports()[0])
    next(d for d in report["documents"] if d["findings"]).update(change)
    assert plain.text(report) is None
    assert terminal.render_text(report) == terminal.render_with_rich(report)


def test_the_command_draws_without_rich_off_a_terminal(capsys, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    import sys
    for name in [m for m in sys.modules if m == "rich" or m.startswith("rich.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delitem(sys.modules, "factcheck.report.formats.terminal", raising=False)
    main([str(SAMPLE)])
    out = capsys.readouterr().out
    assert "Errors" in out and "claims checked" in out
    assert "rich" not in sys.modules


def test_colour_asked_for_goes_to_rich(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not plain.usable(io.StringIO())
    monkeypatch.delenv("FORCE_COLOR")
    assert plain.usable(io.StringIO())

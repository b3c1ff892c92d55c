"""What a person sees first: counts, wrapping, the progress bar, help, possessives, and
where the decisions file is found."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from factcheck import config
from factcheck.judge import wording
from factcheck.cli.main import main
from factcheck.report.formats import terminal
from factcheck.ci.runner import FIXED_WIDTH, path_tail, progress_columns

SAMPLE = Path(__file__).parent.parent.parent / "examples" / "sample-article.md"


@pytest.mark.parametrize("count, word, expected", [
    (1, "error", "1 error"), (2, "error", "2 errors"), (0, "warning", "0 warnings"),
    (1, "claim checked", "1 claim checked"), (3, "claim checked", "3 claims checked"),
])
def test_counts_are_pluralised(count, word, expected):
    assert terminal.plural(count, word) == expected


@pytest.mark.parametrize("name, expected", [
    ("Japan", "Japan's"), ("United States", "United States'"), ("Philippines", "Philippines'"),
    ("Fugaku", "Fugaku's"), ("GPT-4", "GPT-4's"),
])
def test_possessives(name, expected):
    assert wording.possessive(name) == expected


def test_piped_text_report_is_not_wrapped():
    out = subprocess.run([sys.executable, "-m", "factcheck", str(SAMPLE), "--as-of", "2023-12-15"],
                         capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"}, check=False).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) > 80  # long lines stay whole …
    for line in lines:  # … and every line of a finding keeps its indentation
        assert not line or line.startswith((" ", SAMPLE.name, str(SAMPLE))) or "claims checked" in line, line


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("total", [9, 1234])
def test_progress_count_stays_whole_on_a_narrow_terminal(width, total):
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, color_system=None)
    room = max(8, width - FIXED_WIDTH - 2 * len(str(total)))
    with Progress(*progress_columns(), console=console, auto_refresh=False) as bar:
        task = bar.add_task("", total=total)
        bar.update(task, advance=total - 1,
                   description=path_tail("articles/2024/a-very-long-folder-name/and-a-long-article-name.md", room))
        bar.refresh()
    last = buffer.getvalue().split("\r")[-1]
    assert f"{total - 1}/{total}" in last and "name.md" in last


@pytest.mark.parametrize("args", [["--help"], ["review", "--help"], ["baseline", "--help"], ["data", "list", "--help"]])
def test_help_shows_no_type_beside_flags(args, capsys):
    main(args)
    out = capsys.readouterr().out
    assert "--help" in out and "<bool>" not in out


def test_decisions_file_is_found_upward_to_the_repository_root(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "articles" / "2024").mkdir(parents=True)
    article = repo / "articles" / "2024" / "a.md"
    article.write_text("Japan ranked 29th.\n", encoding="utf-8")
    monkeypatch.chdir(repo / "articles")
    # none yet: it belongs at the repository root
    assert config.discover([str(article)]).decisions == repo / ".factcheck" / "decisions.json"
    (repo / ".factcheck").mkdir()
    (repo / ".factcheck" / "decisions.json").write_text("{}", encoding="utf-8")
    assert config.discover(["2024/a.md"]).decisions == repo / ".factcheck" / "decisions.json"
    # a nearer one wins
    (repo / "articles" / ".factcheck").mkdir()
    (repo / "articles" / ".factcheck" / "decisions.json").write_text("{}", encoding="utf-8")
    assert config.discover(["2024/a.md"]).decisions == repo / "articles" / ".factcheck" / "decisions.json"

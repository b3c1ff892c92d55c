"""What a check imports: the start-up path stays lean (docs/benchmarks.md, "Checking one
article"). Each run is a fresh interpreter, as an editor's or a CI job's is."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import checkargs

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "sample-article.md"

# Never needed to check an article: other commands, other inputs, or help text.
NEVER = ("multiprocessing", "concurrent.futures", "pandas", "httpx", "trafilatura", "textual",
         "typer", "rich", "zipfile", "tempfile", "shutil", "inspect", "tomllib", "html")
# Needed only when an article is actually checked, not when its result is reused.
ONLY_TO_CHECK = ("factcheck.extract.claims", "factcheck.judge.check", "factcheck.reference.library",
                 "rapidfuzz", "typing")

PROBE = """
import json, sys
from factcheck.cli.main import main
status = main(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(status)
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.json"
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FACTCHECK_NO_CACHE", None)
    env.pop("FACTCHECK_RESULT_CACHE_DIR", None)
    done = subprocess.run([sys.executable, "-c", PROBE, str(listing), *args], env=env,
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return set(json.loads(listing.read_text()))


def test_checking_and_reusing_an_article_import_only_what_they_need(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    imported(tmp_path, str(article), "--format", "json")  # fills the caches
    checked = imported(tmp_path, str(article), "--format", "json", "--as-of", "2024-01-01")
    reused = imported(tmp_path, str(article), "--format", "json", "--as-of", "2024-01-01")
    assert "factcheck.judge.check" in checked  # it was checked, not reused
    for name in NEVER:
        assert name not in checked, f"{name} imported to check an article"
        assert name not in reused, f"{name} imported to reuse an article's result"
    for name in ONLY_TO_CHECK:
        assert name not in reused, f"{name} imported to reuse an article's result"


@pytest.mark.parametrize("columns", [None, "100", "37", "0", "-3", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(monkeypatch, columns):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert checkargs._columns() == shutil.get_terminal_size().columns
    assert checkargs._Formatter("factcheck check")._width == argparse.HelpFormatter("factcheck check")._width


GC_PROBE = """
import gc, json, sys
from factcheck.cli.main import main
status = main(sys.argv[2:], own_process=True)
with open(sys.argv[1], "w") as out:
    json.dump({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}, out)
"""


def gc_state(tmp_path: Path, *args: str) -> dict:
    listing = tmp_path / "gc.json"
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FACTCHECK_RESULT_CACHE_DIR", None)
    done = subprocess.run([sys.executable, "-c", GC_PROBE, str(listing), *args], env=env,
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(listing.read_text())


def test_a_check_process_collects_garbage_once_its_engine_is_built(tmp_path):
    # The collector is off only while the long-lived objects are built; they are frozen
    # and collection is back on for the articles.
    state = gc_state(tmp_path, str(SAMPLE), "--no-cache")
    assert state["enabled"] and state["frozen"] > 0


def test_other_commands_leave_the_collector_alone(tmp_path):
    state = gc_state(tmp_path, "data", "list")
    assert state["enabled"] and state["frozen"] == 0

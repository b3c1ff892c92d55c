"""End to end: a newsroom repository (tests/golden/ci/newsroom) checked the way CI checks it.

The repository has a pyproject.toml with ``[tool.factcheck]`` (include/exclude, an
override for the archive), suppression comments, a malformed directive, an unused one,
a draft that must be excluded, and — made by the tests — a decisions file.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.ci.decisions import Decisions, Kind
from factcheck.ci.runner import terminal_progress

NEWSROOM = Path(__file__).parent.parent / "golden" / "ci" / "newsroom"


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM, target)
    monkeypatch.chdir(target)
    monkeypatch.setenv("FACTCHECK_USER", "desk")
    return target


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def report(capsys, *args: str) -> tuple[int, dict]:
    status, out, _ = run(capsys, *args, "--format", "json", "--show", "info")
    return status, json.loads(out)


def paths_of(data: dict) -> list[str]:
    return [d["path"] for d in data["documents"]]


# -- inputs -------------------------------------------------------------------------------------


def test_folders_recurse_and_config_include_exclude_apply(repo, capsys):
    status, data = report(capsys, ".")
    assert paths_of(data) == ["archive/2022-rankings.md", "articles/digital-rankings.md",
                              "articles/genai-outlook.md", "articles/notes.txt"]
    assert status == 1


def test_explicit_files_and_globs(repo, capsys):
    _, data = report(capsys, "articles/*.md", "articles/notes.txt")
    assert paths_of(data) == ["articles/digital-rankings.md", "articles/genai-outlook.md", "articles/notes.txt"]
    _, data = report(capsys, "drafts/wip.md", "articles/notes.txt")  # the config excludes drafts
    assert paths_of(data) == ["articles/notes.txt"]


def test_cli_exclude_adds_to_the_config(repo, capsys):
    _, data = report(capsys, ".", "--exclude", "*.txt")
    assert "articles/notes.txt" not in paths_of(data)


def test_a_broken_file_is_reported_and_the_run_goes_on(repo, capsys):
    (repo / "articles" / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    status, out, err = run(capsys, "articles", "--format", "json")
    data = json.loads(out)
    broken = [d for d in data["documents"] if d["path"] == "articles/broken.md"][0]
    assert "not UTF-8" in broken["error"]
    assert len(data["documents"]) == 4
    assert any(d["findings"] for d in data["documents"] if d["path"] != "articles/broken.md")
    assert status == 2
    assert "articles/broken.md" in err


def test_no_articles_is_a_usage_error(repo, capsys):
    (repo / "empty").mkdir()
    status, _, err = run(capsys, "empty")
    assert status == 2 and "no articles to check" in err


def test_files_all_excluded_by_the_config_is_not_an_error(repo, capsys):
    # A pull request that touched only the README and a draft: nothing to check.
    status, out, err = run(capsys, "README.md", "drafts/wip.md", "--format", "github")
    assert status == 0 and out == "" and "nothing to check" in err


# -- exit status, --fail-on, --show ---------------------------------------------------------------


@pytest.mark.parametrize("args, status", [
    (["articles"], 1),                                # contradicted figures: errors
    (["articles", "--fail-on", "never"], 0),
    (["articles/notes.txt"], 0),                      # only supported claims
    (["articles/notes.txt", "--fail-on", "warning"], 0),
    (["archive"], 0),                                 # the archive override: fail_on = "never"
    (["archive", "--fail-on", "error"], 1),           # the command line beats the override
    (["articles/genai-outlook.md", "--config", "missing.toml"], 2),
    (["no-such-file.md"], 2),
])
def test_exit_status(repo, capsys, args, status):
    assert run(capsys, *args)[0] == status


def test_problems_count_towards_fail_on_warning(repo, capsys):
    (repo / "p.md").write_text("<!-- factcheck ignroe -->\nNothing to check here.\n", encoding="utf-8")
    assert run(capsys, "p.md")[0] == 0  # p.md is outside include: not checked
    (repo / "articles" / "p.md").write_text("<!-- factcheck ignroe -->\nNothing to check here.\n",
                                            encoding="utf-8")
    assert run(capsys, "articles/p.md")[0] == 0
    assert run(capsys, "articles/p.md", "--fail-on", "warning")[0] == 1


def test_show_filters_output_but_not_the_gate(repo, capsys):
    status, out, _ = run(capsys, "articles", "--format", "github", "--show", "error")
    assert status == 1
    assert out and all(line.startswith("::error ") for line in out.splitlines())
    status, out, _ = run(capsys, "articles", "--format", "github", "--show", "warning")
    assert any(line.startswith("::warning ") for line in out.splitlines())


def test_output_file_gets_the_format_and_standard_error_one_line(repo, capsys):
    status, out, err = run(capsys, "articles", "--format", "sarif", "--output", "factcheck.sarif")
    assert status == 1
    assert out == ""  # the human report only when asked (--report)
    [line] = err.splitlines()
    assert "claims checked" in line and "factcheck.sarif" in line
    log = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    status, out, err = run(capsys, "articles", "--format", "sarif", "--output", "factcheck.sarif", "--report")
    assert "claims checked" in out and "Errors" in out


def test_machine_format_on_standard_output_keeps_it_clean(repo, capsys):
    status, out, err = run(capsys, "articles", "--format", "json")
    json.loads(out)  # nothing but the JSON
    [line] = err.splitlines()
    assert line.startswith("factcheck: ") and "claims checked" in line
    status, out, err = run(capsys, "articles", "--format", "json", "--report")
    json.loads(out)
    assert "Errors" in err and "claims checked" in err  # the human report, on standard error


def test_text_format_to_a_file(repo, capsys):
    status, out, err = run(capsys, "articles", "--output", "report.txt")
    assert out == "" and "report.txt" in err
    text = (repo / "report.txt").read_text(encoding="utf-8")
    assert "Errors" in text and "claims checked" in text
    assert "\x1b[" not in text  # plain text, no colour codes


def test_config_format_and_output_are_used(repo, capsys):
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'show = "warning"', 'show = "warning"\nformat = "junit"\noutput = "reports/junit.xml"'), encoding="utf-8")
    (repo / "reports").mkdir()
    status, out, err = run(capsys, "articles")
    root = ET.parse(repo / "reports" / "junit.xml").getroot()
    assert status == 1 and int(root.get("failures")) >= 2
    assert "claims checked" in err and "junit.xml" in err


# -- suppressions in a real run -------------------------------------------------------------------


def test_suppressions_and_problems_in_the_report(repo, capsys):
    _, data = report(capsys, "articles")
    doc = {d["path"]: d for d in data["documents"]}
    rankings = doc["articles/digital-rankings.md"]
    reasons = [s["suppression"]["reason"] for s in rankings["suppressed"]]
    assert reasons == ["the minister's own figure, quoted as such", "reader letters are printed as sent"]
    assert [p["kind"] for p in rankings["problems"]] == ["unused-suppression"]  # config: report unused
    assert [p["kind"] for p in doc["articles/genai-outlook.md"]["problems"]] == ["malformed-suppression"]


# -- decisions and the baseline ---------------------------------------------------------------------


def test_baseline_settles_current_findings(repo, capsys):
    status, out, _ = run(capsys, "baseline", "articles", "--reason", "reviewed before launch")
    assert status == 0 and "recorded as accepted" in out
    decisions = Decisions.load(repo / ".factcheck" / "decisions.json")
    assert len(decisions) == 2 and all(d.kind is Kind.ACCEPTED and d.by == "desk" for d in decisions)
    assert run(capsys, "articles")[0] == 0
    assert run(capsys, "articles", "--no-decisions")[0] == 1
    status, data = report(capsys, "articles")
    kinds = [s["suppression"]["kind"] for d in data["documents"] for s in d.get("suppressed", [])]
    assert kinds.count("decision") == 2


def test_a_paragraph_added_at_the_top_does_not_bring_back_a_settled_finding(repo, capsys):
    run(capsys, "baseline", "articles")
    _, before = report(capsys, "articles")
    article = repo / "articles" / "digital-rankings.md"
    text = article.read_text(encoding="utf-8")
    head, body = text.split("# Where Asia", 1)
    article.write_text(head + "An editor's note, added later, that shifts every line down.\n\n"
                       "Another new paragraph, with no figure in it.\n\n# Where Asia" + body, encoding="utf-8")
    status, after = report(capsys, "articles")
    assert status == 0

    def settled(data):
        return sorted((s["fingerprint"], s["line"]) for d in data["documents"] for s in d.get("suppressed", [])
                      if s["suppression"]["kind"] == "decision")
    assert [fp for fp, _ in settled(after)] == [fp for fp, _ in settled(before)]
    assert [line for _, line in settled(after)] != [line for _, line in settled(before)]  # they did move


def test_editing_a_claim_fails_again_and_leaves_a_stale_entry(repo, capsys):
    run(capsys, "baseline", "articles")
    article = repo / "articles" / "digital-rankings.md"
    article.write_text(article.read_text(encoding="utf-8").replace("25th place", "22nd place"), encoding="utf-8")
    status, out, _ = run(capsys, "articles", "--format", "github")
    assert status == 1 and "“22nd place out of 64”" in out
    status, out, _ = run(capsys, "baseline", "articles")
    assert status == 0 and "1 stale entry" in out and "“25th place out of 64”" in out
    assert run(capsys, "articles")[0] == 0


def test_baseline_keeps_reviewers_decisions(repo, capsys):
    run(capsys, "baseline", "articles")
    path = repo / ".factcheck" / "decisions.json"
    decisions = Decisions.load(path)
    first = next(iter(decisions))
    decisions.set(type(first)(fingerprint=first.fingerprint, kind=Kind.VERIFIED, note="called the bank"))
    decisions.save(path)
    run(capsys, "baseline", "articles")
    assert Decisions.load(path).get(first.fingerprint).kind is Kind.VERIFIED


def test_decisions_path_from_the_command_line(repo, capsys):
    run(capsys, "baseline", "articles", "--decisions", "review/settled.json")
    assert (repo / "review" / "settled.json").is_file()
    assert run(capsys, "articles")[0] == 1  # the config's decisions file does not exist
    assert run(capsys, "articles", "--decisions", "review/settled.json")[0] == 0


def test_a_broken_decisions_file_is_a_config_error(repo, capsys):
    (repo / ".factcheck").mkdir()
    (repo / ".factcheck" / "decisions.json").write_text("{oops", encoding="utf-8")
    status, _, err = run(capsys, "articles")
    assert status == 2 and "decisions.json" in err and "not valid JSON" in err


# -- config in a run ------------------------------------------------------------------------------


def test_disabled_verdicts_and_tables(repo, capsys):
    pyproject = repo / "pyproject.toml"
    original = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(original.replace('show = "warning"', 'show = "warning"\ndisable_tables = ["goldman_genai"]'),
                         encoding="utf-8")
    _, data = report(capsys, "articles/genai-outlook.md")
    assert data["documents"][0]["findings"] == []
    pyproject.write_text(original.replace('show = "warning"', 'show = "warning"\ndisable_verdicts = ["contradicted"]'),
                         encoding="utf-8")
    status, data = report(capsys, "articles")
    assert status == 0
    assert not [f for d in data["documents"] for f in d["findings"] if f["verdict"] == "contradicted"]


def test_bad_config_value_stops_the_run(repo, capsys):
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('fail_on = "error"', 'fail_on = "errors"'),
                         encoding="utf-8")
    status, _, err = run(capsys, "articles")
    assert status == 2 and "'tool.factcheck.fail_on' is 'errors'" in err and "pyproject.toml" in err


def test_archive_is_judged_at_its_override_date(repo, capsys):
    _, data = report(capsys, "archive")
    findings = data["documents"][0]["findings"]
    assert [f["verdict"] for f in findings] == ["supported", "contradicted"]
    _, data = report(capsys, "archive", "--as-of", "2023-12-31")
    assert [f["verdict"] for f in data["documents"][0]["findings"]] == ["outdated", "contradicted"]


# -- jobs and progress ------------------------------------------------------------------------------


def test_two_jobs_give_the_same_report(repo, capsys):
    for i in range(6):
        shutil.copy(repo / "articles" / "genai-outlook.md", repo / "articles" / f"copy-{i}.md")
    one = run(capsys, "articles", "--format", "json", "--jobs", "1")
    two = run(capsys, "articles", "--format", "json", "--jobs", "2")
    assert one[0] == two[0] == 1
    assert json.loads(one[1]) == json.loads(two[1])


class _Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_only_on_a_terminal():
    with terminal_progress(10, stream=_Stream(False)) as progress:
        assert progress is None
    with terminal_progress(10, stream=_Stream(True)) as progress:
        assert callable(progress)
        progress("a.md")
    with terminal_progress(1, stream=_Stream(True)) as progress:
        assert progress is None  # one article: nothing to show progress of


def test_pre_commit_hook_definition():
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((Path(__file__).parent.parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {h["id"]: h for h in hooks}["factcheck"]
    assert hook["entry"] == "factcheck check" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
    docs = (Path(__file__).parent.parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "hooks: [{id: factcheck}]" in docs


def test_concurrent_baselines_keep_every_entry(repo):
    """Four ``factcheck baseline`` runs at once on different articles, one decisions file:
    every run's entries are kept (they were lost in 3 of 10 trials before the lock)."""
    import subprocess
    import sys

    articles = []
    source = (repo / "articles" / "digital-rankings.md").read_text(encoding="utf-8")
    for n, (wrong, right) in enumerate([("4th", "4th"), ("4th", "5th"), ("4th", "6th"), ("4th", "7th")]):
        path = repo / "articles" / f"copy-{n}.md"
        path.write_text(source.replace(wrong, right, 1) + f"\nCopy {n}.\n", encoding="utf-8")
        articles.append(path)
    alone = {}
    for path in articles:  # what each run records on its own
        target = repo / f"alone-{path.stem}.json"
        subprocess.run([sys.executable, "-m", "factcheck", "baseline", str(path), "--decisions", str(target)],
                       check=True, capture_output=True, cwd=repo)
        alone[path.stem] = {d.fingerprint for d in Decisions.load(target)}
    shared = repo / ".factcheck" / "shared.json"
    runs = [subprocess.Popen([sys.executable, "-m", "factcheck", "baseline", str(path), "--decisions", str(shared)],
                             cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for path in articles]
    assert [r.wait(timeout=120) for r in runs] == [0, 0, 0, 0]
    expected = set().union(*alone.values())
    assert expected and {d.fingerprint for d in Decisions.load(shared)} == expected


def test_decisions_update_holds_the_lock_across_read_and_write(tmp_path):
    """Two writers interleaved by hand: the second waits for the first's lock, then reads
    the first's entry."""
    import threading
    import time

    from factcheck.ci.decisions import Decision

    path = tmp_path / "decisions.json"
    inside = threading.Event()

    def slow(current):
        inside.set()
        time.sleep(0.3)
        current.set(Decision("a" * 20, Kind.ACCEPTED))

    first = threading.Thread(target=lambda: Decisions.update(path, slow))
    first.start()
    inside.wait(5)
    Decisions.update(path, lambda current: current.set(Decision("b" * 20, Kind.ACCEPTED)))
    first.join()
    assert sorted(d.fingerprint for d in Decisions.load(path)) == ["a" * 20, "b" * 20]

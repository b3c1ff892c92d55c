"""The result cache: an unchanged article is not checked again, and anything that could
change its result (the text, the library, the date, factcheck itself, the settings that
drop or silence findings) makes it checked; a reused result is the same report, byte for
byte, as a fresh one.

Every test has its own empty cache folder (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ci import resultcache
from factcheck.ci.outcome import Reused
from factcheck.ci.resultcache import ResultCache, content_key
from factcheck.cli.main import main
from factcheck.reference import folders, library_cache
from factcheck.judge.check import Engine

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-article.md"


@pytest.fixture
def article(tmp_path) -> Path:
    target = tmp_path / "article.md"
    shutil.copyfile(SAMPLE, target)
    return target


@pytest.fixture
def folder() -> Path:
    return Path(os.environ["FACTCHECK_RESULT_CACHE_DIR"])


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.name != "content-keys.json")


def run(capsys, *args: str) -> tuple[int, dict, str]:
    status = main([*args, "--format", "json"])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


REUSED = "unchanged since checked before (results reused)"


def counting_checks(monkeypatch) -> list[str]:
    """Count the articles the engine really checks."""
    checked: list[str] = []
    original = Engine.check

    def check(self, doc):
        checked.append(doc.path)
        return original(self, doc)

    monkeypatch.setattr(Engine, "check", check)
    return checked


# -- end to end -----------------------------------------------------------------------------


def test_an_unchanged_article_is_not_checked_again(article, folder, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    status1, first, err1 = run(capsys, str(article))
    status2, second, err2 = run(capsys, str(article))
    assert checked == [str(article)]
    assert (status1, first) == (status2, second)  # the same report, fingerprints included
    assert first["documents"][0]["findings"]
    assert REUSED not in err1
    assert "1 article " + REUSED in err2  # the hit is counted in the summary line
    assert "cached" not in second["summary"]  # …and the machine formats don't change with it
    assert len(entries(folder)) == 1


def test_the_human_report_counts_the_hits(article, capsys):
    main([str(article)])
    capsys.readouterr()
    copy = article.with_name("copy.md")  # the same text elsewhere: the key is the content
    shutil.copyfile(article, copy)
    main([str(article), str(copy)])
    out = capsys.readouterr().out
    assert out.rstrip().splitlines()[-1].endswith("2 articles " + REUSED)


def test_a_changed_text_is_checked_again(article, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    run(capsys, str(article))
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    _, _, err = run(capsys, str(article))
    assert len(checked) == 2 and REUSED not in err


def test_another_date_is_checked_again(article, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    run(capsys, str(article), "--as-of", "2024-01-01")
    run(capsys, str(article), "--as-of", "2025-01-01")
    run(capsys, str(article), "--as-of", "2024-01-01")
    assert len(checked) == 2


def test_another_library_is_checked_again(article, tmp_path, capsys, monkeypatch):
    data = tmp_path / "newsroom-data"
    data.mkdir()
    checked = counting_checks(monkeypatch)
    run(capsys, str(article))
    run(capsys, str(article), "--data", str(data))  # one more folder: another library
    (data / "notes.txt").write_text("a file of the newsroom's data folder", encoding="utf-8")
    run(capsys, str(article), "--data", str(data))  # its content changed
    run(capsys, str(article), "--data", str(data))  # unchanged since
    assert len(checked) == 3


def test_another_factcheck_version_is_checked_again(article, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    run(capsys, str(article))
    monkeypatch.setattr(resultcache, "__version__", "99.0")
    run(capsys, str(article))
    assert len(checked) == 2


def test_no_cache_checks_every_time_and_writes_nothing(article, folder, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    run(capsys, str(article), "--no-cache")
    _, _, err = run(capsys, str(article), "--no-cache")
    assert len(checked) == 2 and REUSED not in err
    assert entries(folder) == []


def test_a_corrupt_entry_means_the_article_is_checked_again(article, folder, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    _, first, _ = run(capsys, str(article))
    [entry] = entries(folder)
    good = entry.read_text(encoding="utf-8")
    head, parts, body = good.split("\n", 2)
    broken_entries = (
        good[: len(good) // 2], good[:-1], good + "x", "", "not json", json.dumps({"format": 3}),
        head, head + "\n" + parts,  # the body is gone
        "\n".join([head, parts, body.replace('"verdict"', '"verdicT"', 1)]),  # same length, other text
        "\n".join([head, parts.replace('"info"', '"fine"', 1), body]),
        "\n".join([head.replace('"claims":', '"claims":"', 1).replace(',"errors"', '","errors"', 1), parts, body]),
        "\n".join([head.replace('"format":3', '"format":2'), parts, body]),
    )
    for broken in broken_entries:
        entry.write_text(broken, encoding="utf-8")
        status, report, err = run(capsys, str(article))
        assert report == first and REUSED not in err, broken[:80]
        assert entry.read_text(encoding="utf-8") == good  # rewritten whole
    assert len(checked) == 1 + len(broken_entries)


def test_an_entry_is_read_only_as_far_as_the_run_needs(article, folder, capsys, monkeypatch):
    """Its parts (where each item is) are read only when --show hides an item or the
    decisions file settles a finding; broken parts then mean the article is checked."""
    _, shown_fresh, _ = run(capsys, str(article), "--show", "warning", "--no-cache")
    _, first, _ = run(capsys, str(article))
    [entry] = entries(folder)
    head, parts, body = entry.read_bytes().split(b"\n", 2)
    unreadable = b"x" * len(parts)  # with a CRC that matches: written so, not damaged
    fields = json.loads(head)
    fields["crc"] = zlib.crc32(body, zlib.crc32(unreadable))
    entry.write_bytes(b"\n".join([json.dumps(fields, separators=(",", ":")).encode(), unreadable, body]))
    _, again, err = run(capsys, str(article))
    assert again == first and REUSED in err  # the body as it is: parts not read
    checked = counting_checks(monkeypatch)
    _, shown, err = run(capsys, str(article), "--show", "warning")
    assert shown == shown_fresh and REUSED not in err and len(checked) == 1


# -- keys -----------------------------------------------------------------------------------


def test_the_library_key_follows_content_not_place_or_time(tmp_path):
    one = tmp_path / "one"
    (one / "table").mkdir(parents=True)
    (one / "table" / "facts.csv").write_text("entity,value\nJapan,28\n", encoding="utf-8")
    key = content_key([one], folder=tmp_path / "cache")
    two = tmp_path / "two"
    shutil.copytree(one, two)  # a fresh checkout: another place, other modification times
    os.utime(two / "table" / "facts.csv", ns=(1, 1))
    assert content_key([two], folder=tmp_path / "cache") == key
    (two / "table" / "facts.csv").write_text("entity,value\nJapan,29\n", encoding="utf-8")  # same size
    assert content_key([two], folder=tmp_path / "cache") != key
    assert content_key([two], folder=None) == content_key([two], folder=tmp_path / "cache")
    assert content_key([one, two]) != content_key([two, one])  # --data order matters


def test_the_code_is_part_of_the_key(tmp_path, monkeypatch):
    code = tmp_path / "factcheck"
    code.mkdir()
    (code / "engine.py").write_text("RULE = 1\n", encoding="utf-8")
    monkeypatch.setattr(resultcache, "code_roots", lambda: [code])
    before = resultcache.run_key([tmp_path / "data"], None)
    (code / "engine.py").write_text("RULE = 2\n", encoding="utf-8")
    assert resultcache.run_key([tmp_path / "data"], None) != before


def test_the_article_key_has_every_part():
    base = dict(run="r", reader="markdown", data=b"Japan ranked 28th.", as_of=dt.date(2024, 1, 1),
                settings=resultcache.settings_key(set(), set(), False))
    key = resultcache.article_key(**base)
    for change in (dict(run="s"), dict(reader="text"), dict(data=b"Japan ranked 29th."),
                   dict(as_of=dt.date(2024, 1, 2)), dict(as_of=None),
                   dict(settings=resultcache.settings_key({"imd_wdcr"}, set(), False)),
                   dict(settings=resultcache.settings_key(set(), {"supported"}, False)),
                   dict(settings=resultcache.settings_key(set(), set(), True))):
        assert resultcache.article_key(**{**base, **change}) != key, change
    assert resultcache.article_key(**base) == key


# -- reused reports are the same text ------------------------------------------------------


def test_a_folder_checked_twice_gives_the_same_report_byte_for_byte(tmp_path, article, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = article.read_text(encoding="utf-8")
    for i, year in enumerate(("2021", "2022", "2023")):
        (folder / f"a{i}.md").write_text(text.replace("2023", year), encoding="utf-8")
    (folder / "plain.txt").write_text(text, encoding="utf-8")
    (folder / "settled.md").write_text(  # a suppression, a malformed one and an unused one
        "<!-- factcheck-ignore: quoted as said -->\n" + text + "\n\n<!-- factcheck-ignroe -->\n\n"
        "<!-- factcheck-ignore: nothing -->\nNo figures here.\n", encoding="utf-8")
    checked = counting_checks(monkeypatch)
    outputs = []
    for args in (["--no-cache"], [], [], ["--jobs", "2"]):
        target = tmp_path / f"report{len(outputs)}.json"
        status = main([str(folder), "--format", "json", "--output", str(target), "--report-unused", *args])
        outputs.append((status, target.read_bytes()))
    assert len(checked) == 10  # --no-cache, then the run that fills the cache
    assert all(o == outputs[0] for o in outputs), "a reused report differs from a fresh one"
    assert b'"problems"' in outputs[0][1] and b'"suppressed"' in outputs[0][1]
    err = capsys.readouterr().err
    assert err.count("5 articles " + REUSED) == 2


def test_decisions_and_show_apply_to_reused_results_as_to_fresh_ones(tmp_path, article, capsys, monkeypatch):
    decisions = tmp_path / "decisions.json"
    assert main(["baseline", str(article), "--decisions", str(decisions)]) == 0
    capsys.readouterr()
    checked = counting_checks(monkeypatch)
    for fmt in ("json", "sarif", "text"):
        for args in (["--decisions", str(decisions)], ["--show", "warning", "--no-decisions"]):
            fresh = main([str(article), "--format", fmt, "--no-cache", *args]), capsys.readouterr().out
            reused = main([str(article), "--format", fmt, *args]), capsys.readouterr().out
            assert fresh == (reused[0], reused[1].replace(", 1 article " + REUSED, ""))
    main([str(article), "--format", "json", "--decisions", str(decisions)])
    assert '"decision":"accepted"' in capsys.readouterr().out  # the decisions did settle findings
    assert len(checked) == 6 + 1  # every --no-cache run, and the first to fill the cache


def test_settings_that_change_the_result_are_part_of_the_key(tmp_path, article, capsys, monkeypatch):
    checked = counting_checks(monkeypatch)
    run(capsys, str(article))
    (tmp_path / "factcheck.toml").write_text('disable_verdicts = ["supported"]\n', encoding="utf-8")
    _, report, err = run(capsys, str(article), "--config", str(tmp_path / "factcheck.toml"))
    assert REUSED not in err and all(f["verdict"] != "supported" for f in report["documents"][0]["findings"])
    run(capsys, str(article), "--report-unused")
    assert len(checked) == 3


# -- entries ------------------------------------------------------------------------------


def entry_of_sample(tmp_path, capsys) -> tuple[ResultCache, str, dict]:
    main([str(SAMPLE), "--format", "json"])
    capsys.readouterr()
    cache = ResultCache(Path(os.environ["FACTCHECK_RESULT_CACHE_DIR"]), "run")
    [path] = entries(cache.folder)
    key = path.stem
    entry = resultcache.unpack(path.read_bytes(), key)
    assert entry is not None and entry["tally"]["claims"]
    entry["parts"] = json.loads(entry["parts"])
    return ResultCache(tmp_path, "run"), key, entry


def test_entries_come_back_equal(tmp_path, capsys):
    cache, key, entry = entry_of_sample(tmp_path, capsys)
    cache.put(key, entry)
    back = cache.get(key)
    assert {**back, "parts": json.loads(back["parts"])} == entry
    reused = Reused.read("x.md", back["tally"], back["body"], back["parts"])
    outcome = reused.outcome()
    assert outcome is not None and outcome.cached
    assert outcome.entry() == {**entry, "body": entry["body"].decode("utf-8")}
    assert outcome.data() == reused.data()
    assert outcome.text() == reused.text()
    assert [json.loads(f[-1])["fingerprint"] for f in outcome.findings] == [f[0] for f in outcome.findings]
    assert cache.get("0" * 64) is None


def test_entries_are_written_whole_or_not_at_all(tmp_path, monkeypatch, capsys):
    cache, key, entry = entry_of_sample(tmp_path, capsys)
    cache.put(key, entry)
    path = tmp_path / f"{key}.json"
    whole = path.read_bytes()

    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(folders.os, "replace", lambda a, b: (renamed.append((Path(a), Path(b))),
                                                                   real_replace(a, b)))
    cache.put(key, entry)
    [(tmp, target)] = renamed
    assert target == path and tmp.parent == path.parent and tmp.name.startswith(".")

    real_fdopen = os.fdopen

    class FailingFile:
        def __init__(self, *args, **kwargs):
            self.handle = real_fdopen(*args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError("disk full")

    monkeypatch.setattr(folders.os, "fdopen", FailingFile)
    cache.put(key, {**entry, "body": entry["body"][:10]})  # fails: the entry before it stays
    monkeypatch.undo()
    assert path.read_bytes() == whole
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file is left
    assert cache.get(key)["body"] == entry["body"]


def test_a_rerun_of_an_unchanged_folder_starts_no_process_and_no_engine(tmp_path, article, monkeypatch, capsys):
    other = article.with_name("other.md")
    other.write_text(article.read_text(encoding="utf-8").replace("2023", "2022"), encoding="utf-8")
    args = [str(article), str(other), str(tmp_path / "missing.md"), "--format", "json", "--jobs", "2"]
    first = main(args), capsys.readouterr().out

    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(Engine, "create", no_pool)
    second = main(args), capsys.readouterr()
    assert first == (second[0], second[1].out) and first[0] == 2
    assert "2 articles " + REUSED in second[1].err and "missing.md: no such file" in second[1].err


def test_an_article_changed_while_it_is_checked_is_not_kept(article, folder, capsys, monkeypatch):
    original = Engine.check

    def check(self, doc):
        article.write_text(doc.text + "\nA late edit.\n", encoding="utf-8")
        return original(self, doc)

    monkeypatch.setattr(Engine, "check", check)
    run(capsys, str(article))
    assert entries(folder) == []  # its key was made from the bytes before the edit


@settings(max_examples=40, deadline=None)
@given(size=st.integers(0, 200_000), limit=st.integers(0, 200_000))
def test_an_article_is_read_whole_or_refused_when_too_big(tmp_path_factory, size, limit):
    from factcheck.ci.run import _article_bytes
    path = tmp_path_factory.mktemp("a") / "article.md"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    assert _article_bytes(str(path), limit) == (data if size <= limit else None)


# -- a bounded folder ---------------------------------------------------------------------------


def _entry(folder: Path, n: int, age: float, now: float) -> Path:
    path = folder / f"{n:064x}.json"
    path.write_bytes(b"{}")
    os.utime(path, (now - age, now - age))
    return path


def test_pruning_removes_old_entries_and_keeps_the_newest(tmp_path, monkeypatch):
    monkeypatch.setattr(resultcache, "MAX_ENTRIES", 3)
    now = 1_900_000_000.0
    day = 24 * 3600
    old = _entry(tmp_path, 1, resultcache.MAX_AGE + day, now)
    kept = [_entry(tmp_path, 10 + i, i * 60, now) for i in range(3)]  # the three newest
    extra = [_entry(tmp_path, 20 + i, day + i, now) for i in range(2)]  # over the cap, older
    keys = tmp_path / "content-keys.json"
    keys.write_text("{}")
    stale_tmp = tmp_path / ".abc.json.1.ff.tmp"
    stale_tmp.write_bytes(b"half")
    os.utime(stale_tmp, (now - 2 * day, now - 2 * day))
    fresh_tmp = tmp_path / ".def.json.2.ee.tmp"
    fresh_tmp.write_bytes(b"being written")
    os.utime(fresh_tmp, (now - 5, now - 5))
    removed = ResultCache(tmp_path, "run").prune(now)
    assert removed == 4
    assert not old.exists() and not stale_tmp.exists() and not any(p.exists() for p in extra)
    assert all(p.exists() for p in kept) and fresh_tmp.exists() and keys.exists()


def test_pruning_runs_at_most_once_a_day(tmp_path, monkeypatch):
    monkeypatch.setattr(resultcache, "MAX_ENTRIES", 0)
    now = 1_900_000_000.0
    cache = ResultCache(tmp_path, "run")
    cache.prune(now)  # leaves a fresh stamp
    os.utime(tmp_path / resultcache.STAMP, (now, now))
    entry = _entry(tmp_path, 7, 10, now)
    assert cache.prune(now + 3600) == 0 and entry.exists()
    assert cache.prune(now + resultcache.PRUNE_EVERY + 1) == 1 and not entry.exists()


def test_a_run_that_writes_entries_prunes_the_folder(article, folder, capsys, monkeypatch):
    calls = []
    monkeypatch.setattr(ResultCache, "prune", lambda self, now=None: calls.append(self.written) or 0)
    run(capsys, str(article))
    assert calls == [1]
    run(capsys, str(article))  # everything reused: nothing written, no pruning
    assert calls == [1]

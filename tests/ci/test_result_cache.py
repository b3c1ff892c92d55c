"""The result cache: an unchanged article is not checked again, and anything that could
change its findings (the text, the library, the date, factcheck itself) makes it checked.

Every test has its own empty cache folder (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from factcheck.ci import resultcache, runner
from factcheck.ci.resultcache import ResultCache, content_key, decode, encode
from factcheck.cli.main import main
from factcheck.judge.check import Engine, fingerprint
from factcheck.read import document
from factcheck.model import Verdict
from factcheck.reference import library

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
    return sorted(p for p in folder.glob("*.json") if p.name != "keys.json")


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
    for broken in (good[: len(good) // 2], "", "not json", json.dumps({"format": 1}),
                   good.replace('"@":"Span"', '"@":"Path"'),  # a class the cache does not build
                   good.replace('"@e":"Verdict","v":"', '"@e":"Verdict","v":"x'),  # no such verdict
                   good.replace('"@":"Span","v":[', '"@":"Span","v":[1,')):  # a field too many
        entry.write_text(broken, encoding="utf-8")
        status, report, err = run(capsys, str(article))
        assert report == first and REUSED not in err
        assert json.loads(entry.read_text(encoding="utf-8"))["findings"]  # rewritten whole
    assert len(checked) == 8  # the first run and each broken entry


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


def test_the_document_key_has_every_part():
    base = dict(run="r", text="Japan ranked 28th.", prose="Japan ranked 28th.", heading_lines=frozenset(),
                as_of=dt.date(2024, 1, 1))
    key = resultcache.document_key(**base)
    for change in (dict(run="s"), dict(text="Japan ranked 29th."), dict(prose="Japan ranked 29th."),
                   dict(heading_lines=frozenset({0})), dict(as_of=dt.date(2024, 1, 2)), dict(as_of=None)):
        assert resultcache.document_key(**{**base, **change}) != key, change
    assert resultcache.document_key(**base) == key


# -- entries --------------------------------------------------------------------------------


def findings_of_sample():
    doc = document.read_path(str(SAMPLE))
    engine = Engine.create(library.load())
    return doc, engine.check(doc)


def test_findings_come_back_equal(tmp_path):
    doc, findings = findings_of_sample()
    assert findings
    assert [decode(encode(f)) for f in findings] == findings
    assert decode(encode(findings)) == tuple(findings)
    cache = ResultCache(tmp_path, "run")
    key = cache.key(doc)
    cache.put(key, findings)
    assert cache.get(key) == findings
    assert cache.get("0" * 64) is None


def test_only_the_models_records_are_built():
    with pytest.raises(KeyError):
        decode('{"@": "Path", "v": ["."]}')
    with pytest.raises(TypeError):
        encode(Path("."))
    with pytest.raises(TypeError):
        encode(Verdict.SUPPORTED.severity.__class__)  # a class, not a record


def test_entries_are_written_whole_or_not_at_all(tmp_path, monkeypatch):
    doc, findings = findings_of_sample()
    cache = ResultCache(tmp_path, "run")
    key = cache.key(doc)
    cache.put(key, findings)
    path = next(p for p in tmp_path.glob("*.json") if p.name != "keys.json")
    whole = path.read_bytes()

    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(resultcache.os, "replace", lambda a, b: (renamed.append((Path(a), Path(b))),
                                                                  real_replace(a, b)))
    cache.put(key, findings)
    [(tmp, target)] = renamed
    assert target == path and tmp.parent == path.parent and tmp.name.startswith(".")

    real_open = open

    class FailingFile:
        def __init__(self, *args, **kwargs):
            self.handle = real_open(*args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[: len(text) // 2])
            raise OSError("disk full")

    monkeypatch.setattr(resultcache, "open", FailingFile, raising=False)
    cache.put(key, findings[:1])  # fails: the entry before it stays, no temporary file is left
    monkeypatch.undo()
    assert path.read_bytes() == whole
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert cache.get(key) == findings


def test_fingerprints_of_cached_findings_need_no_engine(tmp_path):
    doc, findings = findings_of_sample()
    cache = ResultCache(tmp_path, "run")
    cache.put(cache.key(doc), findings)
    entry = json.loads(next(p for p in tmp_path.glob("*.json") if p.name != "keys.json").read_text(encoding="utf-8"))
    assert [item["fingerprint"] for item in entry["findings"]] == [fingerprint(f) for f in findings]


def test_workers_use_the_cache_too(tmp_path, article, folder):
    cache = ResultCache.open([library.shipped_data_dir()])
    jobs = [runner.Job(str(article)), runner.Job(str(article))]
    first = runner.check_jobs(jobs, [], workers=2, cache=cache)
    second = runner.check_jobs(jobs, [], workers=2, cache=cache)
    assert [r.cached for r in second] == [True, True]
    assert [r.findings for r in first] == [r.findings for r in second]


def test_a_rerun_of_an_unchanged_folder_starts_no_process(tmp_path, article, monkeypatch):
    other = article.with_name("other.md")
    other.write_text(article.read_text(encoding="utf-8").replace("2023", "2022"), encoding="utf-8")
    cache = ResultCache.open([library.shipped_data_dir()])
    jobs = [runner.Job(str(article)), runner.Job(str(other)), runner.Job(str(tmp_path / "missing.md"))]
    first = runner.check_jobs(jobs, [], workers=2, cache=cache)

    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    second = runner.check_jobs(jobs, [], workers=2, cache=cache)
    assert [r.cached for r in second] == [True, True, False]
    assert [(r.path, r.findings, r.error) for r in first] == [(r.path, r.findings, r.error) for r in second]
    assert second[2].error


def test_lists_and_tuples_come_back_as_they_were(tmp_path):
    from dataclasses import replace
    doc, findings = findings_of_sample()
    ranged = replace(findings[0], stated=replace(findings[0].stated, value=[107.0, 325.0]))
    back = decode(encode(ranged))
    assert back == ranged
    assert type(back.stated.value) is list and type(back.evidence) is tuple
    cache = ResultCache(tmp_path, "run")
    cache.put("k" * 64, [ranged])
    assert cache.get("k" * 64) == [ranged]


def test_findings_the_codec_does_not_know_are_not_kept(tmp_path):
    from dataclasses import replace
    doc, findings = findings_of_sample()
    odd = replace(findings[0], stated=replace(findings[0].stated, value={"a": 1}))
    cache = ResultCache(tmp_path, "run")
    cache.put("k" * 64, [odd])  # no error: the article is simply checked next time
    assert cache.get("k" * 64) is None

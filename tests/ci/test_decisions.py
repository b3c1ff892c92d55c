"""The decisions file: loading, saving, upgrading, and what a malformed file reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.ci.decisions import DEFAULT_PATH, FORMAT_VERSION, Decision, Decisions, Kind, utc_now
from factcheck.errors import ConfigError

HERE = Path(__file__).parent.parent / "golden" / "ci" / "decisions"


def test_missing_file_is_empty(tmp_path):
    decisions = Decisions.load(tmp_path / "nope.json")
    assert len(decisions) == 0
    assert list(decisions) == []


def test_default_path_and_version():
    assert DEFAULT_PATH == Path(".factcheck/decisions.json")
    assert FORMAT_VERSION == 1


def test_round_trip_is_byte_identical(tmp_path):
    decisions = Decisions.load(HERE / "v1.json")
    target = tmp_path / "deep" / "folder" / "decisions.json"
    decisions.save(target)  # creates the folders
    assert target.read_text(encoding="utf-8") == (HERE / "v1.json").read_text(encoding="utf-8")


def test_version_0_is_upgraded_in_memory(tmp_path):
    old = Decisions.load(HERE / "v0.json")
    new = Decisions.load(HERE / "v1.json")
    assert list(old) == list(new)
    target = tmp_path / "decisions.json"
    old.save(target)
    assert json.loads(target.read_text())["version"] == FORMAT_VERSION
    assert target.read_text() == (HERE / "v1.json").read_text()


def test_save_sorts_by_fingerprint_and_ends_with_newline(tmp_path):
    decisions = Decisions()
    for fp in ("c3", "a1", "b2"):
        decisions.set(Decision(fingerprint=fp, kind=Kind.ACCEPTED))
    target = tmp_path / "d.json"
    decisions.save(target)
    text = target.read_text()
    assert text.endswith("}\n")
    data = json.loads(text)
    assert [d["fingerprint"] for d in data["decisions"]] == ["a1", "b2", "c3"]
    assert data["decisions"][0] == {"fingerprint": "a1", "kind": "accepted"}
    assert text.startswith('{\n  "version": 1,\n  "decisions": [\n    {\n')


def test_set_replaces_and_remove_deletes():
    decisions = Decisions()
    decisions.set(Decision("fp", Kind.ACCEPTED))
    decisions.set(Decision("fp", Kind.DISMISSED, reason="misread"))
    assert len(decisions) == 1
    assert decisions.get("fp").kind is Kind.DISMISSED
    decisions.remove("fp")
    decisions.remove("fp")  # removing twice is harmless
    assert decisions.get("fp") is None
    assert len(decisions) == 0


def test_settles_by_fingerprint_of_record():
    decisions = Decisions([Decision("abc", Kind.VERIFIED, note="by phone")])
    assert decisions.settles({"fingerprint": "abc", "line": 3}).note == "by phone"
    assert decisions.settles({"fingerprint": "xyz"}) is None


def test_stale_lists_unseen_decisions_sorted():
    decisions = Decisions([Decision(fp, Kind.ACCEPTED) for fp in ("z", "a", "m")])
    assert [d.fingerprint for d in decisions.stale({"m"})] == ["a", "z"]
    assert decisions.stale({"a", "m", "z"}) == []


def test_utc_now_is_iso_utc():
    stamp = utc_now()
    assert stamp.endswith("Z") and "T" in stamp and len(stamp) == 20


@pytest.mark.parametrize("content, needle", [
    ("{not json", "not valid JSON"),
    ('[]', "must hold a JSON object"),
    ('{"version": 2, "decisions": []}', "version 2 is not supported"),
    ('{"version": "1", "decisions": []}', "'version' must be"),
    ('{"decisions": []}', "has no 'version'"),
    ('{"version": 1, "decisions": {}}', "'decisions' must be a list"),
    ('{"version": 1, "decisions": [], "extra": 1}', "unknown key 'extra'"),
    ('{"version": 1, "decisions": [{"fingerprint": "a", "kind": "ignored"}]}', "decisions[0]: 'kind' is 'ignored'"),
    ('{"version": 1, "decisions": [{"kind": "accepted"}]}', "'fingerprint' must be"),
    ('{"version": 1, "decisions": [{"fingerprint": "a", "kind": "accepted", "colour": "red"}]}',
     "unknown key 'colour'"),
    ('{"version": 1, "decisions": [{"fingerprint": "a", "kind": "accepted", "by": 3}]}', "'by' must be a string"),
    ('{"version": 1, "decisions": ["a"]}', "expected an object"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, content, needle):
    path = tmp_path / "decisions.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Decisions.load(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value)

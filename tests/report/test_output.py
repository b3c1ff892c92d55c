"""report.output.write_atomic: a whole file or the old one, never half; synced to the disk
when a person's work is in it, not when it is a report that a re-run makes again."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.report import output


@settings(max_examples=40, deadline=None)
@given(pieces=st.lists(st.binary(max_size=3000), max_size=30), text=st.text(max_size=500))
def test_what_is_written_is_the_pieces_in_order(tmp_path_factory, pieces, text):
    folder = tmp_path_factory.mktemp("w")
    output.write_atomic(folder / "r.json", iter(pieces), encoding=None, durable=False)
    assert (folder / "r.json").read_bytes() == b"".join(pieces)
    output.write_atomic(folder / "a.md", text, newline="")
    assert (folder / "a.md").read_bytes().decode("utf-8") == text
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "r.json"]  # no temporary left


@pytest.mark.parametrize("durable", [True, False])
def test_synced_only_when_durable(tmp_path, monkeypatch, durable):
    synced = []
    real = os.fsync
    monkeypatch.setattr(output.os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    output.write_atomic(tmp_path / "f.txt", "reviewed decisions\n", durable=durable)
    assert bool(synced) == durable
    assert (tmp_path / "f.txt").read_text() == "reviewed decisions\n"


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old report")

    def pieces():
        yield b"x" * (output.BUFFER + 10)  # more than one buffer's worth reached the disk
        raise RuntimeError("the report's maker failed half-way")

    with pytest.raises(RuntimeError):
        output.write_atomic(target, pieces(), encoding=None, durable=False)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        output.write_atomic(tmp_path / "no" / "r.json", "x")


# ------------------------------------------------------------ keep_unchanged: reports

_pieces = st.lists(st.binary(max_size=40), max_size=8)


@settings(max_examples=150, deadline=None)
@given(old=st.one_of(st.none(), st.binary(max_size=200)), pieces=_pieces, same=st.booleans())
def test_a_report_holds_exactly_what_was_written_and_an_unchanged_one_is_left_alone(
        tmp_path_factory, old, pieces, same):
    target = tmp_path_factory.mktemp("keep") / "report.json"
    if same:
        old = b"".join(pieces)
    if old is not None:
        target.write_bytes(old)
        before = target.stat()
    output.write_atomic(target, iter(pieces), encoding=None, durable=False, keep_unchanged=True)
    assert target.read_bytes() == b"".join(pieces)
    if old == b"".join(pieces):
        after = target.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary file left


@settings(max_examples=100, deadline=None)
@given(chunks=st.lists(st.text(alphabet="ab\né\r", max_size=12), max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       newline=st.sampled_from([None, "", "\n", "\r\n"]))
def test_text_is_kept_as_the_bytes_a_plain_write_gives(tmp_path_factory, chunks, encoding, newline):
    folder = tmp_path_factory.mktemp("text")
    output.write_atomic(folder / "plain.txt", iter(chunks), encoding=encoding, newline=newline, durable=False)
    output.write_atomic(folder / "kept.txt", iter(chunks), encoding=encoding, newline=newline, durable=False,
                 keep_unchanged=True)
    assert (folder / "kept.txt").read_bytes() == (folder / "plain.txt").read_bytes()


def test_a_report_given_as_a_directory_is_not_read(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError):
        output.write_atomic(tmp_path / "out", "{}", durable=False, keep_unchanged=True)


def test_nothing_is_written_when_the_text_fails_half_way(tmp_path):
    target = tmp_path / "report.json"
    target.write_bytes(b"old report")

    def pieces():
        yield b"old"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, pieces(), encoding=None, durable=False, keep_unchanged=True)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]

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

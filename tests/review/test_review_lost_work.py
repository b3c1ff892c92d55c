"""The review keeps every byte it did not itself change: another person's edit survives a
discard, a kill between the journal and the article leaves a true recovery count, a
read-only article is refused, a killed write leaves no temporary file behind, and undo
works after a resume."""

from __future__ import annotations

import os
import stat
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.review.article import STALE_TEMP_SECONDS
from factcheck.review.merge import merge3
from factcheck.review.session import ActionRefused, Session

from .test_review_session import (engine, interrupted_review, open_session, select, tables,  # noqa: F401
                                  workdir, write_article)

MERGES = tomllib.loads((Path(__file__).parent.parent / "cases" / "review_merge.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", MERGES, ids=[c["id"] for c in MERGES])
def test_merge_cases(case):
    assert merge3(case["base"], case["ours"], case["theirs"]) == case.get("expected")


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "e"]), max_size=8).map("".join)


@given(base=lines, other=lines)
def test_merge_with_an_unchanged_side_is_the_other_side(base, other):
    assert merge3(base, other, base) == other
    assert merge3(base, base, other) == other
    assert merge3(base, other, other) == other


# --- discard with someone else's edit ---------------------------------------------------

PARAGRAPH = "\nA paragraph another editor added meanwhile.\n"


def test_discard_keeps_a_paragraph_someone_else_added(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    session.apply()
    with (workdir / "article.md").open("a", encoding="utf-8") as handle:
        handle.write(PARAGRAPH)
    session.discard()
    assert (workdir / "article.md").read_bytes() == original + PARAGRAPH.encode()
    assert sorted(p.name for p in workdir.iterdir()) == ["article.md"]


def test_discard_after_a_recheck_keeps_their_edit_too(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    session.apply()
    with (workdir / "article.md").open("a", encoding="utf-8") as handle:
        handle.write(PARAGRAPH)
    assert session.recheck() is True
    session.discard()
    assert (workdir / "article.md").read_bytes() == original + PARAGRAPH.encode()


def test_discard_is_refused_when_their_edit_touches_the_corrected_line(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    session.apply()
    path = workdir / "article.md"
    theirs = path.read_text(encoding="utf-8").replace("Japan ranked 4th in", "Japan ranked 4th (again) in")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(ActionRefused, match="edited by someone else"):
        session.discard()
    assert path.read_text(encoding="utf-8") == theirs  # nothing lost, nothing rewritten
    assert (workdir / "article.md.factcheck-backup").exists()


def test_an_interrupted_review_is_not_discarded_over_someone_elses_edit(workdir, engine):
    interrupted_review(workdir, engine)
    path = workdir / "article.md"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(PARAGRAPH)
    edited = path.read_bytes()
    session = open_session(engine)
    with pytest.raises(ActionRefused, match="changed by someone else"):
        session.discard_interrupted()
    assert path.read_bytes() == edited


# --- kills between the journal and the article -----------------------------------------


class Killed(BaseException):
    pass


def test_a_kill_after_the_article_was_written_still_counts_the_correction(workdir, engine, monkeypatch):
    write_article(workdir)
    session = open_session(engine)

    def killed(self):
        raise Killed

    with monkeypatch.context() as patch, pytest.raises(Killed):
        patch.setattr(Session, "_check", killed)  # runs after the write, before the journal's update
        session.apply()
    again = open_session(engine)
    assert again.recovery is not None
    assert (again.recovery.applied, again.recovery.article_edited) == (1, True)
    again.resume()
    assert again.summary().applied == 1


def test_a_kill_before_the_article_was_written_counts_nothing(workdir, engine, monkeypatch):
    original = write_article(workdir)
    session = open_session(engine)

    def killed(self, text):
        raise Killed

    with monkeypatch.context() as patch, pytest.raises(Killed):
        patch.setattr("factcheck.review.article.ArticleFile.write", killed)
        session.apply()
    assert (workdir / "article.md").read_bytes() == original
    again = open_session(engine)
    assert again.recovery is not None and again.recovery.applied == 0
    again.discard_interrupted()
    assert (workdir / "article.md").read_bytes() == original


# --- read-only articles, leftovers, undo after resume -----------------------------------


def test_a_read_only_article_is_not_rewritten(workdir, engine):
    original = write_article(workdir)
    path = workdir / "article.md"
    path.chmod(0o444)
    try:
        session = open_session(engine)
        with pytest.raises(InputError, match="read-only"):
            session.apply()
        assert path.read_bytes() == original
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert not (workdir / "article.md.factcheck-backup").exists()
        assert not session.dirty
    finally:
        path.chmod(0o644)


def test_temporary_files_left_by_a_killed_write_are_removed(workdir, engine):
    write_article(workdir)
    old = workdir / ".article.md.k2j3h4.tmp"
    fresh = workdir / ".article.md.q9w8e7.tmp"
    other = workdir / ".notes.md.a1b2c3.tmp"
    for leftover in (old, fresh, other):
        leftover.write_text("half", encoding="utf-8")
    long_ago = time.time() - STALE_TEMP_SECONDS - 10
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    open_session(engine)
    assert not old.exists()
    assert fresh.exists()  # perhaps being written right now
    assert other.exists()  # another file's


def test_undo_after_resume_takes_the_unfinished_corrections_out(workdir, engine):
    original = interrupted_review(workdir, engine)
    session = open_session(engine)
    session.resume()
    label = session.undo()
    assert "unfinished review" in label
    assert (workdir / "article.md").read_bytes() == original
    assert session.summary().applied == 0


def test_the_app_says_why_it_does_not_discard(workdir, engine):
    from factcheck.review.app import ReviewApp

    from .test_review_app import run

    write_article(workdir)
    path = workdir / "article.md"

    def edit_the_same_line(app):
        path.write_text(path.read_text(encoding="utf-8").replace("ranked 4th in", "ranked 4th (sic) in"),
                        encoding="utf-8")

    app = run(ReviewApp(open_session(engine)), ["a"], edit_the_same_line, ["q"], ["d"])
    assert "Not discarded" in app.status_text and "someone else" in app.status_text
    assert "(sic)" in path.read_text(encoding="utf-8")

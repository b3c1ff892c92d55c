"""The review's decision logic, driven without a screen: order, actions, undo, save,
discard, recovery after a kill, and what a plain ``factcheck`` run sees afterwards."""

from __future__ import annotations

import json

import pytest

from factcheck.cli.main import main
from factcheck.ci.decisions import Decision, Decisions, Kind
from factcheck.errors import InputError
from factcheck.review.session import ActionRefused, Filter, Session

from ..helpers import engine_for, write_table
from ..reference.test_new_table import META, ROWS

# One finding of each kind the review handles, in reading order: contradicted (line 8),
# misattributed (10), outdated and unverifiable (12); the last sentence is supported.
ARTICLE = """---
title: Gadgets
date: 2021-06-01
---

# Gadgets in 2021

Japan ranked 9th in the Gadget Readiness Index 2021.

According to the Gadget Readiness Index, Germany came 12th for sprockets, behind Japan.

Japan is ranked 6th in the Gadget Readiness Index. Japan shipped 3,000 widgets.

Germany ranked 7th in the Gadget Readiness Index 2021.
"""
WORST_FIRST = [("contradicted", "9th"), ("misattributed", "12th"), ("outdated", "6th"), ("unverifiable", "3,000")]
WHEN = "2026-01-02T03:04:05Z"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    write_table(folder, "gadget_index", META, ROWS, title="Gadget Readiness Index")
    return folder


@pytest.fixture(scope="module")
def engine(tables):
    return engine_for(tables)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A newsroom folder: the article, and the decisions file at its default place."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    return tmp_path


def write_article(folder, text=ARTICLE, name="article.md", bom=False, crlf=False) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    (folder / name).write_bytes(data)
    return data


def open_session(engine, name="article.md", **kwargs) -> Session:
    return Session.open(name, engine=engine, user="ed", clock=lambda: WHEN, **kwargs)


def select(session: Session, text: str) -> None:
    for index, item in enumerate(session.items):
        if item.record["text"] == text:
            session.select(index)
            return
    raise AssertionError(f"no finding {text!r} in {[i.record['text'] for i in session.items]}")


def listed(session: Session) -> list[tuple[str, str]]:
    return [(i.verdict, i.record["text"]) for i in session.items]


# --- what the list shows -------------------------------------------------------------


def test_findings_are_listed_worst_first_without_supported_claims(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    assert listed(session) == WORST_FIRST
    assert session.selected.record["text"] == "9th"
    counts = session.counts()
    assert (counts.errors, counts.warnings, counts.info, counts.settled, counts.supported) == (2, 1, 1, 0, 1)
    assert [i.record["text"] for i in session.all_items] == ["9th", "12th", "6th", "3,000", "7th"]
    assert not session.dirty


def test_moving_stops_at_both_ends(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    session.previous()
    assert session.selected_index == 0
    for _ in range(10):
        session.next()
    assert session.selected.record["text"] == "3,000"


def test_the_filter_cycles_through_severities_and_keeps_the_selection_when_it_can(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    select(session, "12th")
    assert session.cycle_filter() is Filter.ERROR
    assert listed(session) == WORST_FIRST[:2]
    assert session.selected.record["text"] == "12th"
    assert session.cycle_filter() is Filter.WARNING
    assert listed(session) == [("outdated", "6th")]
    assert session.cycle_filter() is Filter.INFO
    assert listed(session) == [("unverifiable", "3,000")]
    assert session.cycle_filter() is Filter.ALL
    assert listed(session) == WORST_FIRST


def test_an_earlier_decision_settles_its_finding(workdir, engine):
    write_article(workdir)
    first = open_session(engine)
    fingerprint = first.items[2].fingerprint
    Decisions([Decision(fingerprint, Kind.DISMISSED, reason="a quote", by="ann")]).save(
        workdir / ".factcheck" / "decisions.json")
    session = open_session(engine)
    item = next(i for i in session.items if i.fingerprint == fingerprint)
    assert item.status == "dismissed" and not item.decided_now and not item.is_open
    assert session.counts().settled == 1
    assert not session.dirty


# --- applying corrections ------------------------------------------------------------


def test_apply_writes_only_the_correction_and_the_finding_disappears(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    session.apply()  # the selected, worst finding: "9th" should be "4th"
    expected = original.replace(b"Japan ranked 9th", b"Japan ranked 4th")
    assert (workdir / "article.md").read_bytes() == expected
    assert ("contradicted", "9th") not in listed(session)
    assert session.selected.record["text"] == "12th"  # the next open finding
    assert (workdir / "article.md.factcheck-backup").read_bytes() == original
    assert session.dirty and session.summary().applied == 1


@pytest.mark.parametrize("bom, crlf", [(True, False), (False, True), (True, True)])
def test_apply_keeps_the_bom_and_the_line_endings(workdir, engine, bom, crlf):
    original = write_article(workdir, bom=bom, crlf=crlf)
    session = open_session(engine)
    session.apply()
    data = (workdir / "article.md").read_bytes()
    assert data == original.replace(b"Japan ranked 9th", b"Japan ranked 4th")
    assert data.startswith(b"\xef\xbb\xbf") is bom
    assert (b"\r\n" in data) is crlf


def test_misattribution_fix_replaces_the_entity(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    select(session, "12th")
    session.apply()
    text = (workdir / "article.md").read_bytes()
    assert text == original.replace(b"Index, Germany came", b"Index, Japan came")
    assert "misattributed" not in [v for v, _ in listed(session)]


def test_edit_offers_the_determiner_with_a_misattributed_entity(workdir, engine):
    # The correction alone would read "the Japan"; the edit covers "the" so it can go.
    original = write_article(workdir, ARTICLE.replace("Germany came", "the United States came"))
    session = open_session(engine)
    select(session, "12th")
    start, end, old, suggested = session.edit_region()
    assert old == "the United States" and suggested.endswith("Japan")
    session.apply("Japan")
    assert (workdir / "article.md").read_bytes() == original.replace(
        b"Index, the United States came", b"Index, Japan came")


def test_edit_without_a_suggested_fix_rewrites_the_claim(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    select(session, "3,000")
    with pytest.raises(ActionRefused, match="no suggested correction"):
        session.apply()
    assert session.edit_region()[2:] == ("3,000", "3,000")
    with pytest.raises(ActionRefused, match="same as the text"):
        session.apply("3,000")
    session.apply("3,100")
    assert (workdir / "article.md").read_bytes() == original.replace(b"3,000", b"3,100")


def test_an_article_edited_elsewhere_must_be_rechecked_before_applying(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    edited = ARTICLE.replace("Germany ranked 7th", "Germany ranked 8th")
    (workdir / "article.md").write_text(edited, encoding="utf-8")
    with pytest.raises(ActionRefused, match="changed on disk"):
        session.apply()
    assert session.recheck() is True
    assert ("contradicted", "8th") in listed(session)
    session.apply()
    assert "Japan ranked 4th" in (workdir / "article.md").read_text(encoding="utf-8")


# --- decisions ----------------------------------------------------------------------


def test_dismiss_needs_a_reason_and_records_who_when_and_what(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    select(session, "6th")
    with pytest.raises(ActionRefused, match="reason"):
        session.dismiss("   ")
    session.dismiss(" the officials' own figure ")
    item = next(i for i in session.items if i.record["text"] == "6th")
    assert item.decision == Decision(item.fingerprint, Kind.DISMISSED, reason="the officials' own figure",
                                     by="ed", at=WHEN, path="article.md", claim="6th",
                                     table="gadget_index", entity="Japan", metric="overall rank")
    assert item.decided_now
    assert session.selected.record["text"] == "3,000"  # on to the next open finding
    assert session.counts().settled == 1 and session.summary().dismissed == 1
    assert session.dirty


def test_verify_needs_a_note_and_a_web_url_if_any(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    select(session, "3,000")
    with pytest.raises(ActionRefused, match="note"):
        session.verify("", "https://example.org")
    with pytest.raises(ActionRefused, match="http"):
        session.verify("annual report", "example.org/report")
    session.verify("annual report, p. 4", "https://example.org/report")
    item = next(i for i in session.items if i.record["text"] == "3,000")
    assert (item.decision.kind, item.decision.note, item.decision.source_url) == (
        Kind.VERIFIED, "annual report, p. 4", "https://example.org/report")


def test_a_note_goes_with_a_decision(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    select(session, "3,000")
    with pytest.raises(ActionRefused, match="dismiss .* or verify"):
        session.add_note("ask the desk")
    session.verify("press release")
    select(session, "3,000")
    session.add_note("desk agrees")
    assert session.selected.decision.note == "press release\ndesk agrees"
    assert session.summary().noted == 1


# --- undo ---------------------------------------------------------------------------


def test_undo_takes_back_corrections_and_decisions_in_turn(workdir, engine):
    original = write_article(workdir)
    session = open_session(engine)
    with pytest.raises(ActionRefused, match="nothing to undo"):
        session.undo()
    session.apply()
    select(session, "6th")
    session.dismiss("a quote")
    assert session.undo() == "dismissed “6th”"
    assert session.counts().settled == 0 and session.summary().dismissed == 0
    assert session.undo().startswith("apply “4th”")
    assert (workdir / "article.md").read_bytes() == original
    assert listed(session) == WORST_FIRST
    assert not session.dirty
    session.close()  # nothing left to save: the backup goes
    assert not (workdir / "article.md.factcheck-backup").exists()


# --- save and discard ---------------------------------------------------------------


def test_save_writes_decisions_merged_with_the_file_and_drops_the_backup(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    session.apply()
    select(session, "6th")
    session.dismiss("a quote")
    # Someone else saved a decision meanwhile; saving must keep it.
    Decisions([Decision("f" * 20, Kind.ACCEPTED, reason="known")]).save(workdir / ".factcheck" / "decisions.json")
    session.save()
    saved = Decisions.load(workdir / ".factcheck" / "decisions.json")
    assert sorted(d.kind.value for d in saved) == ["accepted", "dismissed"]
    assert not (workdir / "article.md.factcheck-backup").exists()
    assert not (workdir / ".article.md.factcheck-review.json").exists()
    assert not session.dirty


def test_after_save_a_plain_run_reports_neither_finding(workdir, engine, tables, capsys):
    write_article(workdir)
    session = open_session(engine)
    select(session, "12th")
    session.apply()
    select(session, "6th")
    session.dismiss("a quote")
    session.save()
    assert main(["article.md", "--data", str(tables), "--format", "json", "--no-cache"]) == 1
    document = json.loads(capsys.readouterr().out)["documents"][0]
    open_findings = [(f["verdict"], f["text"]) for f in document["findings"] if f["verdict"] != "supported"]
    assert open_findings == [("contradicted", "9th"), ("unverifiable", "3,000")]
    assert [(s["text"], s["suppression"]["decision"]) for s in document["suppressed"]] == [("6th", "dismissed")]


def test_discard_puts_the_original_back(workdir, engine):
    original = write_article(workdir, crlf=True)
    session = open_session(engine)
    session.apply()
    session.dismiss("a quote")
    session.discard()
    assert (workdir / "article.md").read_bytes() == original
    assert sorted(p.name for p in workdir.iterdir()) == ["article.md"]
    summary = session.summary()
    assert (summary.applied, summary.dismissed, summary.still_open) == (0, 0, 4)
    assert not session.dirty


# --- recovery after the process was killed -------------------------------------------


def interrupted_review(workdir, engine) -> bytes:
    """A review that applied a correction and dismissed a finding, then died unsaved."""
    original = write_article(workdir)
    session = open_session(engine)
    session.apply()
    select(session, "6th")
    session.dismiss("a quote")
    return original


def test_an_interrupted_review_can_be_resumed(workdir, engine):
    interrupted_review(workdir, engine)
    session = open_session(engine)
    assert session.recovery is not None
    assert (session.recovery.applied, session.recovery.decisions, session.recovery.article_edited) == (1, 1, True)
    with pytest.raises(ActionRefused, match="resume or discard"):
        session.apply()
    session.resume()
    assert session.summary().applied == 1 and session.summary().dismissed == 1
    assert session.dirty
    session.save()
    assert [d.reason for d in Decisions.load(workdir / ".factcheck" / "decisions.json")] == ["a quote"]
    assert "Japan ranked 4th" in (workdir / "article.md").read_text(encoding="utf-8")


def test_an_interrupted_review_can_be_discarded(workdir, engine):
    original = interrupted_review(workdir, engine)
    session = open_session(engine)
    session.discard_interrupted()
    assert session.recovery is None
    assert (workdir / "article.md").read_bytes() == original
    assert listed(session) == WORST_FIRST
    assert not (workdir / ".factcheck" / "decisions.json").exists()


def test_quitting_at_the_recovery_question_keeps_the_backup(workdir, engine):
    interrupted_review(workdir, engine)
    session = open_session(engine)
    session.close()
    assert (workdir / "article.md.factcheck-backup").exists()
    assert (workdir / ".article.md.factcheck-review.json").exists()


# --- what review refuses ------------------------------------------------------------


@pytest.mark.parametrize("name, message", [
    ("-", "edits a file in place"),
    ("https://example.org/story", "edits a file in place"),
    ("story.html", "Markdown and plain-text"),
    ("missing.md", "no such file"),
])
def test_review_refuses_what_it_cannot_edit(workdir, engine, name, message):
    with pytest.raises(InputError, match=message):
        open_session(engine, name=name)

"""The review screen: driven with Textual's Pilot (keys in, files out), its text helpers,
and snapshots pinning the layout at 80x24 and 100x30."""

from __future__ import annotations

import asyncio

import pytest
from rich.text import Text

from factcheck.ci.decisions import Decisions
from factcheck.review import view
from factcheck.review.app import ReviewApp, launch
from factcheck.review.screens import ChoiceScreen, FormScreen, HelpScreen

# The fixtures are shared with the session tests (engine needs tables; both need workdir).
from .test_review_session import (engine, interrupted_review, open_session, tables,  # noqa: F401
                                  workdir, write_article)


def keys_for(text: str) -> list[str]:
    """What Pilot.press needs to type ``text`` into a focused input."""
    names = {" ": "space", "'": "apostrophe", ",": "comma", ".": "full_stop", ":": "colon", "/": "slash", "@": "at"}
    return [names.get(ch, ch) for ch in text]


def run(app: ReviewApp, *steps, size=(80, 24)):
    """Press each step's keys in turn; a callable step is called with the app."""
    async def scenario():
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for step in steps:
                if callable(step):
                    step(app)
                else:
                    await pilot.press(*step)
                await pilot.pause()
            if app.is_running:
                app.status_text = status(app)
    asyncio.run(scenario())
    return app


def status(app: ReviewApp) -> str:
    """The status line while the app runs (``run`` keeps the last one as ``status_text``)."""
    return str(app.screen.query_one("#status").render())


# --- the acceptance flow -------------------------------------------------------------


def test_walk_apply_dismiss_and_save_on_quit(workdir, engine):
    original = write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = {}
    run(app,
        ["j", "j", "k"],            # walk down and back up to the misattribution
        ["a"],                      # apply its correction
        lambda a: seen.update(after_apply=[i.verdict for i in a.session.items]),
        ["d"], keys_for("a quote"), ["enter"],  # dismiss the outdated claim with a reason
        ["q"],
        lambda a: seen.update(dialog=type(a.screen)),
        ["s"])
    assert seen["after_apply"] == ["contradicted", "outdated", "unverifiable"]
    assert seen["dialog"] is ChoiceScreen
    assert app.saved is True and app.return_code in (None, 0)
    assert (workdir / "article.md").read_bytes() == original.replace(b"Index, Germany came", b"Index, Japan came")
    [decision] = Decisions.load(workdir / ".factcheck" / "decisions.json")
    assert (decision.kind.value, decision.claim, decision.reason) == ("dismissed", "6th", "a quote")
    assert not (workdir / "article.md.factcheck-backup").exists()


def test_quit_can_discard_or_keep_reviewing(workdir, engine):
    original = write_article(workdir)
    app = ReviewApp(open_session(engine))
    screens = []
    run(app, ["a"], ["q"], ["escape"], lambda a: screens.append(type(a.screen).__name__), ["q"], ["d"])
    assert screens == ["ReviewScreen"]
    assert app.saved is False
    assert (workdir / "article.md").read_bytes() == original


def test_ctrl_q_asks_too(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, ["a"], ["ctrl+q"], lambda a: seen.append(type(a.screen)), ["escape"],
        lambda a: seen.append(a.session.dirty), ["q"], ["y"])
    assert seen == [ChoiceScreen, True]
    assert app.saved is True and not app.session.dirty


def test_quit_without_changes_asks_nothing(workdir, engine):
    write_article(workdir)
    app = run(ReviewApp(open_session(engine)), ["j"], ["q"])
    assert app.saved is None and not app.is_running


def test_a_cancelled_dialog_changes_nothing(workdir, engine):
    original = write_article(workdir)
    app = ReviewApp(open_session(engine))
    run(app, ["d"], lambda a: assert_screen(a, FormScreen), keys_for("oops"), ["escape"],
        ["e"], ["escape"])
    assert not app.session.dirty
    assert (workdir / "article.md").read_bytes() == original


def assert_screen(app, kind):
    assert isinstance(app.screen, kind)


def test_verify_takes_a_note_and_a_url(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    run(app, ["end"], ["v"], keys_for("annual report"), ["enter"],
        keys_for("https://example.org/r"), ["enter"])
    item = app.session.items[-1]
    assert (item.status, item.decision.note, item.decision.source_url) == (
        "verified", "annual report", "https://example.org/r")


def test_edit_then_undo(workdir, engine):
    original = write_article(workdir)
    app = ReviewApp(open_session(engine))
    texts = []
    run(app, ["j", "e"], ["ctrl+a", "ctrl+k"], keys_for("Japan and Korea"), ["enter"],
        lambda a: texts.append((workdir / "article.md").read_bytes()), ["u"])
    assert texts == [original.replace(b"Germany came", b"Japan and Korea came")]
    assert (workdir / "article.md").read_bytes() == original
    assert app.status_text.startswith("Undone: apply “Japan and Korea”")


def test_a_refused_action_is_said_in_the_status_line(workdir, engine):
    write_article(workdir)
    app = run(ReviewApp(open_session(engine)), ["end"], ["a"])
    assert "no suggested correction" in app.status_text
    app = run(ReviewApp(open_session(engine)), ["m"])
    assert "goes with a decision" in app.status_text


def test_filter_and_help(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, ["f"], lambda a: seen.append(len(a.session.items)), ["question_mark"],
        lambda a: seen.append(type(a.screen)), ["escape"], lambda a: seen.append(type(a.screen).__name__))
    assert seen == [2, HelpScreen, "ReviewScreen"]


def test_an_interrupted_review_asks_to_resume(workdir, engine):
    interrupted_review(workdir, engine)
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, lambda a: seen.append(type(a.screen)), ["r"])
    assert seen == [ChoiceScreen]
    assert app.session.recovery is None and app.session.summary().dismissed == 1


def test_without_a_terminal_review_points_to_the_plain_report(workdir, capsys):
    write_article(workdir)
    assert launch("article.md") == 2  # pytest's standard input is not a terminal
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "factcheck article.md" in captured.err


# --- text helpers ---------------------------------------------------------------------


@pytest.mark.parametrize("plain, width, starts", [
    ("short line", 20, [0]),
    ("hello world foo bar", 10, [0, 6, 16]),
    ("one\ntwo", 10, [0, 4]),
    ("abcdefghijklmnop", 10, [0, 10]),       # a word longer than a row is folded
    ("日本語日本語日本語", 10, [0, 5]),        # wide characters take two cells
])
def test_rows_wrap_by_words_and_cells(plain, width, starts):
    assert view.row_starts(plain, width) == starts


def test_tabs_and_form_feeds_show_as_one_space_each():
    # The wrapping counts cells; a tab left in would be expanded by the terminal.
    assert view.article("a\tb\fc", [], None, 20).text.plain == "a b c"


def test_article_marks_each_claim_with_a_symbol_and_knows_its_row(workdir, engine):
    write_article(workdir, crlf=True)
    session = open_session(engine)
    shown = view.article(session.text, session.all_items, session.selected.key, 200)
    lines = shown.text.plain.split("\n")
    assert "\r" not in shown.text.plain
    assert "Japan ranked ▶✖9th in" in lines[shown.rows[session.selected.key]]
    assert "✔7th" in shown.text.plain and "?3,000" in shown.text.plain and "▲6th" in shown.text.plain
    styles = {str(span.style) for span in shown.text.spans}
    assert "bold underline yellow" in styles and "italic underline cyan" in styles


def test_the_key_bar_fits_the_width():
    for width in (80, 100, 40):
        bar = view.key_bar(width)
        assert all(len(line) <= width for line in bar.plain.split("\n"))
        assert "a apply" in bar.plain and "? help" in bar.plain


def test_values_read_as_the_article_would_write_them():
    assert view._value({"value": 28.0, "unit": "rank", "out_of": 64}) == "28th of 64"
    assert view._value({"value": 450000.0, "unit": "people"}) == "450,000 people"
    assert view._value({"value": 7.0, "unit": "percent"}) == "7%"
    assert [view.ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 112)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "112th"]


def test_the_summary_line_says_what_was_done(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    session.apply()
    assert view.summary_line("article.md", session.summary(), True) == (
        "factcheck review article.md: 1 applied, 0 dismissed, 0 verified, 3 still open; saved")


# --- snapshots ------------------------------------------------------------------------


def test_snapshot_80x24(workdir, engine, snap_compare):
    write_article(workdir)
    assert snap_compare(ReviewApp(open_session(engine)), terminal_size=(80, 24))


def test_snapshot_100x30_after_decisions(workdir, engine, snap_compare):
    write_article(workdir)
    session = open_session(engine)
    session.select(2)
    session.dismiss("a quote")
    assert snap_compare(ReviewApp(session), terminal_size=(100, 30))


def test_snapshot_help_80x24(workdir, engine, snap_compare):
    write_article(workdir)
    assert snap_compare(ReviewApp(open_session(engine)), press=["question_mark"], terminal_size=(80, 24))


def test_snapshot_quit_question_80x24(workdir, engine, snap_compare):
    write_article(workdir)
    session = open_session(engine)
    session.apply()
    assert snap_compare(ReviewApp(session), press=["q"], terminal_size=(80, 24))


def test_text_helpers_return_rich_text(workdir, engine):
    write_article(workdir)
    session = open_session(engine)
    assert isinstance(view.detail(session.selected, session), Text)
    assert "Source says: Japan · overall rank · 2021 · 4th of 42" in view.detail(session.selected, session).plain


# --- the verify dialog keeps what was typed -------------------------------------------


def _form_state(app):
    from textual.widgets import Input
    screen = app.screen
    return (type(screen).__name__,
            {i.id: i.value for i in screen.query(Input)} if isinstance(screen, FormScreen) else {},
            getattr(app.focused, "id", None),
            str(screen.query_one("#form-problem").render()) if isinstance(screen, FormScreen) else "")


def test_enter_on_an_empty_note_says_so_and_stays(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, ["end"], ["v"], ["enter"], lambda a: seen.append(_form_state(a)), ["escape"])
    name, values, focused, problem = seen[0]
    assert (name, focused) == ("FormScreen", "field-note")
    assert "required" in problem


@pytest.mark.parametrize("url, message", [
    ("example.org/report", "http:// or https://"),
    ("https://user:secret@example.org/r", "user name or password"),
])
def test_a_bad_url_is_refused_in_the_dialog_and_the_note_is_kept(workdir, engine, url, message):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, ["end"], ["v"], keys_for("annual report"), ["enter"], keys_for(url), ["enter"],
        lambda a: seen.append(_form_state(a)), ["escape"])
    name, values, focused, problem = seen[0]
    assert name == "FormScreen" and focused == "field-url"
    assert values == {"field-note": "annual report", "field-url": url}
    assert message in problem
    assert app.session.items[-1].decision is None


def test_fast_typing_with_tab_fills_each_field(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    run(app, ["end"], ["v", *keys_for("report"), "tab", *keys_for("https://example.org/r"), "enter"])
    item = app.session.items[-1]
    assert (item.decision.note, item.decision.source_url) == ("report", "https://example.org/r")


@pytest.mark.parametrize("url, problem", [
    ("", None), ("https://example.org/r", None), ("HTTP://EXAMPLE.ORG", None), ("http://localhost:8000/a", None),
    ("example.org", "http:// or https://"), ("ftp://example.org", "http:// or https://"),
    ("https://ex ample.org", "a space"), ("https://", "no host"), ("https://report", "no host"),
    ("https://user:pw@example.org/x", "user name or password"),
])
def test_source_urls_the_session_refuses(url, problem):
    from factcheck.review.session import url_problem
    found = url_problem(url)
    assert (found is None) if problem is None else (problem in found)


# --- small things seen first ----------------------------------------------------------


def _widget_text(widget) -> str:
    from textual.geometry import Region
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)))


def test_a_long_status_message_is_shown_whole_at_80_columns(workdir, engine):
    write_article(workdir)
    app = ReviewApp(open_session(engine))
    seen = []
    message = ("The article changed on disk since it was checked and nothing was applied; "
               "press r to re-check it first, then apply the correction again.")
    run(app, lambda a: a.screen.say(message, problem=True), lambda a: seen.append(_widget_text(a.screen.query_one("#status"))))
    shown = " ".join(seen[0].split())
    assert shown.endswith("apply the correction again."), shown


def test_an_article_without_findings_does_not_suggest_the_filter(workdir, engine):
    write_article(workdir, "Germany ranked 7th in the Gadget Readiness Index 2021.\n")
    app = ReviewApp(open_session(engine))
    seen = []
    run(app, lambda a: seen.append(str(view.detail(None, a.session))))
    assert "No findings to review" in seen[0] and "Press f" not in seen[0]
    app = ReviewApp(open_session(engine))
    run(app, ["f"], ["f"], lambda a: seen.append(str(view.detail(None, a.session))))  # warnings only: none
    assert "Press f to show the others" in seen[1]

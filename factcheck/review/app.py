"""The Textual front end of ``factcheck review``: keys in, session calls, redraw.

All decisions are made by ``session.Session``; this module only lays out the article, the
findings list and the detail pane, asks for reasons and notes in dialogs, and says what
happened in a status line (a line rather than pop-up toasts, so nothing covers the keys).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..errors import FactcheckError
from . import view
from .rows_pane import RowsPane
from .screens import ChoiceScreen, Field, FormScreen, HelpScreen, required
from .session import Session, url_problem


class ReviewScreen(Screen):
    """The one main screen. Nothing on it takes focus, so every key reaches these bindings
    (and a dialog's keys never do)."""

    BINDINGS = [
        Binding("down,j,n", "move(1)", "next", show=False),
        Binding("up,k,p", "move(-1)", "previous", show=False),
        Binding("home", "jump(0)", "first", show=False),
        Binding("end", "jump(-1)", "last", show=False),
        Binding("pagedown", "scroll_article(1)", show=False),
        Binding("pageup", "scroll_article(-1)", show=False),
        Binding("right_square_bracket", "scroll_detail(1)", show=False),
        Binding("left_square_bracket", "scroll_detail(-1)", show=False),
        Binding("a", "apply", "apply", show=False),
        Binding("e", "edit", "edit", show=False),
        Binding("d", "dismiss_finding", "dismiss", show=False),
        Binding("v", "verify", "verify", show=False),
        Binding("m", "note", "note", show=False),
        Binding("u,ctrl+z", "undo", "undo", show=False),
        Binding("f", "filter", "filter", show=False),
        Binding("r", "recheck", "re-check", show=False),
        Binding("s,ctrl+s", "save", "save", show=False),
        Binding("q,ctrl+c", "quit_review", "quit", show=False),
        Binding("question_mark,f1", "help", "help", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._layout: view.ArticleLayout | None = None
        self._layout_key: tuple | None = None
        self._labels: list[tuple[str, Text]] = []
        self._on_screen: dict[str, object] = {}

    @property
    def review(self) -> "ReviewApp":
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        pane = RowsPane(id="article-pane")
        pane.border_title = "Article"
        yield pane
        with Horizontal(id="bottom"):
            with Vertical(id="list-pane") as list_pane:
                list_pane.border_title = "Findings"
                yield Static(id="counts")
                findings = OptionList(id="findings")
                findings.can_focus = False
                yield findings
            detail = RowsPane(id="detail-pane")
            detail.border_title = "Detail"
            yield detail
        yield Static(id="status")
        yield Static(id="keys")

    def on_mount(self) -> None:
        self.redraw()
        recovery = self.session.recovery
        if recovery is not None:
            started = f"started {recovery.started}" if recovery.started else "started earlier"
            message = Text(f"A review of {self.session.file.path} ({started}) was not finished: "
                           f"{recovery.applied} correction(s) applied to the article, "
                           f"{recovery.decisions} decision(s) not saved.\n")
            if recovery.article_edited:
                message.append(f"The original is in {self.session.file.backup_path.name}.", style="dim")
            self.app.push_screen(ChoiceScreen("Unfinished review", message, [
                ("r", "resume it"),
                ("d", "discard it: the article goes back to its original"),
                ("escape", "quit and decide later")]), self._recovered)

    def _recovered(self, answer: str | None) -> None:
        if answer == "r":
            self.session.resume()
            self.say("Resumed the unfinished review.")
        elif answer == "d":
            try:
                self.session.discard_interrupted()
            except FactcheckError as exc:
                self.review.finish(None, interrupted=True, problem=str(exc))
                return
            self.say("Discarded the unfinished review; the article is back to its original.")
        else:
            self.review.finish(None, interrupted=True)
            return
        self.redraw()

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click in the list (the keys never select this way) moves the selection too."""
        keys = [item.key for item in self.session.items]
        if event.option_id in keys:
            self.session.select(keys.index(event.option_id))
            self.redraw()

    # --- drawing -------------------------------------------------------------------

    def redraw(self) -> None:
        session = self.session
        title = Text(" factcheck review ", style="bold reverse")
        title.append(f" {session.file.path}")
        dated = session.document.as_of if session.document else None
        if dated:
            title.append(f"  as of {dated.isoformat()}", style="dim")
        if session.dirty:
            title.append("  ● unsaved changes", style="bold yellow")
        self._show("#title", title)
        self._draw_list()
        self._draw_detail()
        self._draw_article()
        self._show("#keys", view.key_bar(max(self.size.width, 20)))

    def _moved(self, before) -> None:
        """Only the selection changed: redraw the two list lines, the detail and the two
        article blocks it touches, not the whole screen (a key press on a 60 KB article
        stays as quick as on a short one)."""
        after = self.session.selected
        if self._layout is None or before == after:
            self.redraw()
            return
        findings = self.query_one("#findings", OptionList)
        width = findings.scrollable_content_region.width or 30
        places = {key: index for index, (key, _) in enumerate(self._labels)}
        for item in (before, after):
            index = places.get(item.key) if item is not None else None
            if index is None:
                continue
            label = view.list_label(item, width, item == after)
            if label != self._labels[index][1]:
                findings.replace_option_prompt_at_index(index, label)
                self._labels[index] = (item.key, label)
        index = self.session.selected_index
        if index is not None:
            findings.highlighted = index
            findings.scroll_to_highlight()
        self._draw_detail()
        self._draw_article(selection_only=True)

    def _show(self, selector: str, content: Text) -> bool:
        """Update a line only when what it shows changed (an update costs a layout
        pass); returns whether it did."""
        if self._on_screen.get(selector) == content:
            return False
        self._on_screen[selector] = content
        self.query_one(selector, Static).update(content)
        return True

    def _draw_list(self) -> None:
        """Rebuild the list only when its entries changed; a move re-labels two lines."""
        self._show("#counts", view.counts_line(self.session.counts(), self.session.filter))
        findings = self.query_one("#findings", OptionList)
        width = findings.scrollable_content_region.width or 30
        selected = self.session.selected
        labels = [(item.key, view.list_label(item, width, item == selected)) for item in self.session.items]
        if [key for key, _ in labels] != [key for key, _ in self._labels]:
            findings.clear_options()
            findings.add_options([Option(label, id=key) for key, label in labels])
        else:
            for index, ((_, label), (_, before)) in enumerate(zip(labels, self._labels)):
                if label != before:
                    findings.replace_option_prompt_at_index(index, label)
        self._labels = labels
        index = self.session.selected_index
        if index is not None:
            findings.highlighted = index
            findings.scroll_to_highlight()

    def _draw_detail(self) -> None:
        pane = self.query_one("#detail-pane", RowsPane)
        width = pane.scrollable_content_region.width
        content = (view.detail(self.session.selected, self.session), width)
        if width <= 0 or content == self._on_screen.get("#detail"):
            return
        self._on_screen["#detail"] = content
        rows = list(content[0].wrap(self.app.console, width))
        while rows and not rows[-1].plain:
            rows.pop()
        pane.show(rows)
        pane.scroll_home(animate=False)

    def _draw_article(self, selection_only: bool = False) -> None:
        """Lay the article out again only when its text, its marks or the width changed;
        moving the selection redoes the two blocks it touches (``view.ArticleLayout``)."""
        pane = self.query_one("#article-pane", RowsPane)
        width = pane.scrollable_content_region.width
        if width <= 0:
            return
        session = self.session
        selected = session.selected
        if selection_only and self._layout is not None and self._layout.width == width:
            key = self._layout_key
        else:
            items = session.all_items
            key = (width, session.text, tuple((i.key, view.mark(i), i.record["span"]["start"],
                                               i.record["span"]["end"]) for i in items))
        if key != self._layout_key or self._layout is None:
            self._layout = view.ArticleLayout(session.text, items, width)
            self._layout_key = key
            self._layout.select(selected.key if selected else None)
            pane.show(self._layout.rows)
        else:
            changed = self._layout.select(selected.key if selected else None)
            if changed is not None:
                pane.changed(*changed)
        row = self._layout.row_of(selected.key) if selected is not None else None
        if row is not None:
            self._scroll_to_row(row)

    def _scroll_to_row(self, row: int) -> None:
        pane = self.query_one("#article-pane", RowsPane)
        height = pane.scrollable_content_region.height
        if not pane.scroll_y <= row < pane.scroll_y + height:
            pane.scroll_to(y=max(0, row - height // 3), animate=False)

    def say(self, message: str, problem: bool = False) -> None:
        # Wrapped, not cut: a refusal's reason is often its end ("... press r to re-check").
        self._show("#status", Text(message, style="bold red" if problem else "bold green"))

    def _attempt(self, action, done) -> None:
        """Run a session action and say ``done(result)``; a refused one is said instead."""
        try:
            result = action()
        except FactcheckError as exc:
            self.say(f"✖ {exc}", problem=True)
            return
        self.say(done(result))
        self.redraw()

    def _still_open(self) -> str:
        return f"{self.session.counts().open} finding(s) still open."

    # --- moving --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        before = self.session.selected
        self.session.next() if step > 0 else self.session.previous()
        self.say("")
        self._moved(before)

    def action_jump(self, index: int) -> None:
        before = self.session.selected
        self.session.select(index if index >= 0 else len(self.session.items) - 1)
        self._moved(before)

    def action_scroll_article(self, pages: int) -> None:
        pane = self.query_one("#article-pane", RowsPane)
        pane.scroll_page_down(animate=False) if pages > 0 else pane.scroll_page_up(animate=False)

    def action_scroll_detail(self, step: int) -> None:
        self.query_one("#detail-pane", RowsPane).scroll_relative(y=3 * step, animate=False)

    def action_filter(self) -> None:
        shown = self.session.cycle_filter()
        self.say(f"Showing {'all findings' if shown.value == 'all' else shown.value + ' findings only'}"
                 " (f changes the filter).")
        self.redraw()

    # --- deciding ------------------------------------------------------------------

    def _selected_or_say(self):
        item = self.session.selected
        if item is None:
            self.say("✖ No finding is selected.", problem=True)
        return item

    def action_apply(self) -> None:
        self._attempt(self.session.apply, lambda _: f"Correction applied and re-checked: {self._still_open()}")

    def action_edit(self) -> None:
        if self._selected_or_say() is None:
            return
        try:
            _, _, old, suggested = self.session.edit_region()
        except FactcheckError as exc:
            self.say(f"✖ {exc}", problem=True)
            return
        context = Text("Replaces ")
        context.append(f"“{old}”", style="bold")
        context.append(" in the article.")
        self.app.push_screen(FormScreen("Edit the correction", [Field("text", "Replace with:", suggested)],
                                        context), self._edited)

    def _edited(self, answer: dict | None) -> None:
        if answer is not None:
            self._attempt(lambda: self.session.apply(answer["text"]),
                          lambda _: f"Edited correction applied and re-checked: {self._still_open()}")

    def action_dismiss_finding(self) -> None:
        item = self._selected_or_say()
        if item is None:
            return
        self.app.push_screen(FormScreen("Dismiss as a false alarm", [
            Field("reason", "Reason (why the finding is wrong):", placeholder="e.g. the figure is a quote",
                  check=required("a reason"))],
            _about(item)), self._dismissed)

    def _dismissed(self, answer: dict | None) -> None:
        if answer is not None:
            claim = self.session.selected.record["text"]
            self._attempt(lambda: self.session.dismiss(answer["reason"]),
                          lambda _: f"Dismissed “{claim}”: {self._still_open()}")

    def action_verify(self) -> None:
        item = self._selected_or_say()
        if item is None:
            return
        self.app.push_screen(FormScreen("Verified by hand", [
            Field("note", "What did you check?", placeholder="e.g. the ministry's 2023 report, p. 12",
                  check=required("a note saying what was checked")),
            Field("url", "Source URL (optional):", placeholder="https://…", check=url_problem)],
            _about(item)), self._verified)

    def _verified(self, answer: dict | None) -> None:
        if answer is not None:
            claim = self.session.selected.record["text"]
            self._attempt(lambda: self.session.verify(answer["note"], answer["url"]),
                          lambda _: f"Marked “{claim}” verified: {self._still_open()}")

    def action_note(self) -> None:
        item = self._selected_or_say()
        if item is None:
            return
        if item.decision is None:
            self.say("✖ A note goes with a decision: dismiss (d) or verify (v) the finding first.", problem=True)
            return
        self.app.push_screen(FormScreen("Add a note", [Field("note", "Note:", check=required("the note"))],
                                        _about(item)), self._noted)

    def _noted(self, answer: dict | None) -> None:
        if answer is not None:
            self._attempt(lambda: self.session.add_note(answer["note"]), lambda _: "Note added.")

    def action_undo(self) -> None:
        self._attempt(self.session.undo, lambda label: f"Undone: {label}.")

    def action_recheck(self) -> None:
        def recheck() -> str:
            edited = self.session.recheck()
            return " The article had been edited elsewhere; undo history cleared." if edited else ""
        self._attempt(recheck, lambda note: f"Re-checked: {self._still_open()}{note}")

    def action_save(self) -> None:
        self._attempt(self.session.save,
                      lambda _: f"Saved: the article, and decisions in {_shown(self.session.decisions_path)}.")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_quit_review(self) -> None:
        if not self.session.dirty:
            self.session.close()
            self.review.finish(True if self.session.saved else None)
            return
        summary = self.session.summary()
        message = Text(f"This review has unsaved work ({summary.line()}).\n")
        message.append(f"Saving writes the decisions to {_shown(self.session.decisions_path)} and removes "
                       f"{self.session.file.backup_path.name}.", style="dim")
        self.app.push_screen(ChoiceScreen("Quit", message, [
            ("s", "save and quit"), ("d", "discard: put the article back as it was, and quit"),
            ("escape", "keep reviewing")], aliases={"y": "s"}), self._quit_answer)

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "s":
            try:
                self.session.save()
            except FactcheckError as exc:
                self.say(f"✖ Not saved: {exc}", problem=True)
                return
            self.review.finish(True)
        elif answer == "d":
            try:
                self.session.discard()
            except FactcheckError as exc:
                self.say(f"✖ Not discarded: {exc}", problem=True)
                return
            self.review.finish(False)


def _shown(path: Path) -> str:
    """A path as the editor would type it: relative to the current folder when inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _about(item) -> Text:
    record = item.record
    text = Text()
    text.append(f"{record['verdict'].replace('_', ' ')} ", style=view.SEVERITY_STYLES[record["severity"]])
    text.append(f"“{record['text']}”", style="bold")
    text.append(f" (line {record['line']})")
    return text


class ReviewApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck review"
    ENABLE_COMMAND_PALETTE = False
    # Textual's own Ctrl+Q quits at once; here it asks first, like q.
    BINDINGS = [Binding("ctrl+q", "quit_review", "quit", show=False, priority=True)]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.saved: bool | None = None
        """True when the review was saved, False when discarded, None otherwise."""
        self.interrupted = False
        self.problem = ""
        """Why the unfinished review was left as it is, when discarding it was refused."""

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.session))

    def action_quit_review(self) -> None:
        if isinstance(self.screen, ReviewScreen):
            self.screen.action_quit_review()

    def finish(self, saved: bool | None, interrupted: bool = False, problem: str = "") -> None:
        self.saved = saved
        self.interrupted = interrupted
        self.problem = problem
        self.exit()


def launch(article: str, as_of: str | None = None, decisions: str | None = None) -> int:
    """Run the review; returns the exit status (2 when there is no terminal to run in)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(f"factcheck review needs an interactive terminal; for the plain report run: "
              f"factcheck {shlex.quote(article)}", file=sys.stderr)
        return 2
    session = Session.open(article, as_of=as_of, decisions=decisions)
    app = ReviewApp(session)
    app.run()
    if app.return_code not in (None, 0):
        return 2
    if app.interrupted:
        if app.problem:
            print(f"factcheck review: {app.problem}", file=sys.stderr)
        print(f"factcheck review {article}: the unfinished review was left as it is; "
              "run the review again to resume or discard it")
        return 0
    print(view.summary_line(article, session.summary(), app.saved))
    return 0

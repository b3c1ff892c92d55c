"""The review's dialogs: a small form (dismiss, verify, note, edit), a choice between a
few keys (quit with unsaved changes, resume an interrupted review) and the help screen.

Each is a ``ModalScreen`` that dismisses with its answer, or None when cancelled (Esc).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    check: Callable[[str], str | None] | None = None
    """What is wrong with a value (a message), or None: the dialog says it and keeps the
    editor in the field, so nothing typed is lost to a refusal after the dialog closed."""


def required(what: str) -> Callable[[str], str | None]:
    return lambda value: None if value.strip() else f"{what} is required"


class FormScreen(ModalScreen[dict | None]):
    """One or two text fields; Enter moves on and, on the last field, confirms. A field
    whose value is refused keeps the focus, with the reason shown under the fields."""

    BINDINGS = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, title: str, fields: list[Field], context: Text | str = "") -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = self.form_title
            if self.context:
                yield Static(self.context, classes="context")
            for field in self.fields:
                yield Label(field.label)
                yield Input(value=field.value, placeholder=field.placeholder, id=f"field-{field.name}",
                            select_on_focus=False)
            yield Static("", id="form-problem", classes="problem")
            yield Static(Text.assemble(("Enter", "bold reverse"), " confirm   ", ("Tab", "bold reverse"),
                                       " next field   ", ("Esc", "bold reverse"), " cancel"), classes="hint")

    def _problem(self, field: Field) -> str | None:
        value = self.query_one(f"#field-{field.name}", Input).value
        return field.check(value) if field.check else None

    def _say(self, message: str) -> None:
        self.query_one("#form-problem", Static).update(Text(f"✖ {message}", style="bold red") if message else "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        position = inputs.index(event.input)
        problem = self._problem(self.fields[position])
        if problem:
            self._say(problem)
            return
        self._say("")
        if position + 1 < len(inputs):
            inputs[position + 1].focus()
            return
        for index, field in enumerate(self.fields):
            problem = self._problem(field)
            if problem:
                self._say(problem)
                inputs[index].focus()
                return
        self.dismiss({f.name: self.query_one(f"#field-{f.name}", Input).value for f in self.fields})

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """A question answered by one key; Enter picks the first choice, Esc the last."""

    def __init__(self, title: str, message: Text | str, choices: list[tuple[str, str]],
                 aliases: dict[str, str] | None = None) -> None:
        super().__init__()
        self.choice_title = title
        self.message = message
        self.choices = choices
        self.aliases = aliases or {}
        """Other keys that mean a choice (``y`` for "save" in the quit question)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = self.choice_title
            yield Static(self.message, classes="context")
            lines = Text()
            for key, label in self.choices:
                lines.append(f" {'Esc' if key == 'escape' else key} ", style="bold reverse")
                lines.append(f" {label}\n")
            yield Static(lines.rstrip() or lines, classes="choices")

    def on_key(self, event) -> None:
        keys = [key for key, _ in self.choices]
        if event.key in keys:
            answer = event.key
        elif event.key in self.aliases:
            answer = self.aliases[event.key]
        elif event.key == "enter":
            answer = keys[0]
        elif event.key == "escape":
            answer = keys[-1]
        else:
            return
        event.stop()
        self.dismiss(answer)


HELP = (
    ("Moving", (("↓ j n", "next finding"), ("↑ k p", "previous finding"), ("Home End", "first, last finding"),
                ("PgDn PgUp", "scroll the article"), ("] [", "scroll the detail pane"))),
    ("Deciding", (("a", "apply the suggested correction to the article"),
                  ("e", "edit the correction, then apply it"),
                  ("d", "dismiss as a false alarm, with a reason"),
                  ("v", "mark verified by hand: a note and, optionally, a source URL"),
                  ("m", "add a note to the finding's decision"),
                  ("u", "undo the last action (also Ctrl+Z)"))),
    ("Review", (("f", "filter: all, errors, warnings, to check"),
                ("r", "re-check the article (after editing it elsewhere)"),
                ("s", "save: the decisions file, and the article's backup is removed"),
                ("q", "quit (asks when there are unsaved changes)"), ("?", "this help"))),
)

LEGEND = (("✖", "bold reverse red", "contradicted or misattributed (error)"),
          ("▲", "bold underline yellow", "outdated or needs context (warning)"),
          ("?", "italic underline cyan", "unverifiable: check it by hand"),
          ("✔", "green", "supported by the source"),
          ("⊘", "dim strike", "dismissed"), ("✓", "green underline", "verified by hand"),
          ("▶", "bold reverse", "the selected claim"))


def help_text() -> Text:
    out = Text()
    for heading, rows in HELP:
        out.append(f"{heading}\n", style="bold underline")
        for keys, what in rows:
            out.append(f"  {keys:<10}", style="bold")
            out.append(f" {what}\n")
    out.append("Marks in the article\n", style="bold underline")
    for symbol, style, what in LEGEND:
        out.append("  ")
        out.append(symbol, style=style)
        out.append(f"  {what}\n")
    out.append("Edits are written to the article at once; the original stays in NAME.factcheck-backup "
               "until you save.", style="dim")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,enter", "close", "close", show=False),
                Binding("down,j", "scroll(1)", show=False), Binding("up,k", "scroll(-1)", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help") as dialog:
            dialog.border_title = "Keys (↓ more, Esc closes)"
            dialog.can_focus = False
            yield Static(help_text())

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, rows: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=rows, animate=False)

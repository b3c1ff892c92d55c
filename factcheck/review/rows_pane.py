"""The article and detail panes: a scrolling view that draws only the rows on screen.

A ``Static`` holding the whole marked article re-rendered every row of a 60 KB feature
on each key press (seconds), and a ``Static`` whose height changes costs the whole screen
a layout pass; this pane keeps rows already wrapped (``view.ArticleLayout``'s, or the
detail's), turns a row into terminal cells only when it is shown, and keeps each until
that row changes. Rows that fit in the pane leave its size alone, so showing the next
finding's detail costs no layout pass.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowsPane(ScrollView, can_focus=False):
    """Rows of rich ``Text`` (already wrapped), drawn on demand."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._rows: list[Text] = []
        self._strips: dict[int, tuple[Text, Strip]] = {}

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def show(self, rows: list[Text]) -> None:
        """Show these rows (the list is kept: a later ``changed`` says which were replaced)."""
        self._rows = rows
        self._strips.clear()
        self._resize()
        self.refresh()

    def changed(self, first: int, count: int) -> None:
        """Rows ``first`` to ``first + count`` of the shown list were replaced."""
        self._resize()
        on_screen = range(int(self.scroll_offset.y), int(self.scroll_offset.y) + self.scrollable_content_region.height)
        if first < on_screen.stop and first + count > on_screen.start:
            self.refresh()

    def on_resize(self) -> None:
        self._resize()

    def _resize(self) -> None:
        # Never less than the pane's own height: rows that fit leave the size as it was,
        # and a new size costs the whole screen a layout pass.
        region = self.scrollable_content_region
        self.virtual_size = Size(region.width, max(len(self._rows), region.height))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[index]
        cached = self._strips.get(index)
        if cached is None or cached[0] is not row:
            segments = list(row.render(self.app.console, end=""))
            cached = (row, Strip(segments).apply_style(self.rich_style))
            self._strips[index] = cached
        return cached[1].crop_extend(scroll_x, scroll_x + width, self.rich_style)

"""The article pane's layout (view.ArticleLayout): built once, and a move of the selection
redoes only the blocks it touches, yet the rows are always exactly those of marking and
wrapping the whole article at once (the reference below is the pane's earlier code)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from factcheck.review import view
from factcheck.review.items import Item

from .test_review_session import engine, tables, workdir  # noqa: F401  (fixtures)


def reference_article(text: str, items: list[Item], selected: str | None, width: int) -> view.ArticleView:
    crlf = [m.start() for m in re.finditer("\r\n", text)]
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    plain = re.sub(r"[\t\v\f]", " ", plain)

    def at(offset: int) -> int:
        return offset - bisect_left(crlf, offset)

    display = Text()
    anchors: dict[str, int] = {}
    position = 0
    for item in sorted(items, key=lambda i: (i.record["span"]["start"], i.record["span"]["end"])):
        start, end = at(item.record["span"]["start"]), at(item.record["span"]["end"])
        if start < position:
            continue
        display.append(plain[position:start])
        anchors[item.key] = len(display.plain)
        symbol, style = view.mark(item)
        if item.key == selected:
            display.append(view.SELECTED_MARK, style="bold reverse")
            style = f"{style} reverse"
        display.append(symbol, style=style)
        display.append(plain[start:end], style=style)
        position = end
    display.append(plain[position:])
    starts = view.row_starts(display.plain, width)
    rows = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(display.plain)
        row = display[start:end]
        rows.append(row[:-1] if row.plain.endswith("\n") else row)
    return view.ArticleView(Text("\n").join(rows), {k: bisect_right(starts, v) - 1 for k, v in anchors.items()})


VERDICTS = ("contradicted", "outdated", "unverifiable", "supported")
SEVERITY = {"contradicted": "error", "outdated": "warning", "unverifiable": "info", "supported": "info"}

words = st.sampled_from(["Japan", "ranked", "29th", "in", "2023,", "the", "index", "a",
                         "verylongwordthatneedsfolding", "\n", "\n\n", "\r\n", "\t", "  ", "漢字"])


@st.composite
def articles(draw):
    text = " ".join(draw(st.lists(words, min_size=1, max_size=60)))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 30)), max_size=8))
    items = []
    for n, (start, length) in enumerate(spans):
        verdict = draw(st.sampled_from(VERDICTS))
        end = min(len(text), start + length)
        items.append(Item(key=f"k{n}", record={"span": {"start": start, "end": end}, "verdict": verdict,
                                                 "severity": SEVERITY[verdict], "fingerprint": f"k{n}"}))
    return text, items


def _same(layout: view.ArticleLayout, text: str, items: list[Item], selected: str | None, width: int) -> None:
    expected = reference_article(text, items, selected, width)
    got = Text("\n").join(layout.rows)
    assert got.plain == expected.text.plain
    assert got.spans == expected.text.spans
    assert layout.anchor_rows() == expected.rows
    for key, row in expected.rows.items():
        assert layout.row_of(key) == row


@settings(max_examples=600, deadline=None)
@given(article=articles(), width=st.integers(5, 40), moves=st.lists(st.integers(-1, 8), max_size=6))
def test_moving_the_selection_gives_the_rows_of_a_whole_redraw(article, width, moves):
    text, items = article
    layout = view.ArticleLayout(text, items, width)
    _same(layout, text, items, None, width)
    for move in moves:
        key = f"k{move}" if move >= 0 else None
        changed = layout.select(key)
        _same(layout, text, items, key, width)
        if changed is not None:
            first, count = changed
            assert 0 <= first and first + count <= len(layout.rows)


def test_a_move_redoes_only_the_blocks_it_touches():
    paragraphs = [f"Paragraph {n} says Japan ranked {n}th in the index." for n in range(200)]
    text = "\n\n".join(paragraphs)
    items = []
    for n, paragraph in enumerate(paragraphs):
        start = text.index(paragraph) + paragraph.index(f"{n}th")
        items.append(Item(key=f"k{n}", record={"span": {"start": start, "end": start + len(f"{n}th")},
                                                 "verdict": "contradicted", "severity": "error", "fingerprint": f"k{n}"}))
    layout = view.ArticleLayout(text, items, 80)
    layout.select("k10")
    rendered = []
    original = layout._render
    layout._render = lambda index: rendered.append(index) or original(index)
    changed = layout.select("k11")
    assert sorted(rendered) == [layout.block_of["k10"], layout.block_of["k11"]]
    assert changed == (layout.first_row[layout.block_of["k10"]], 3)  # two rows and the blank between


def test_moving_in_the_app_keeps_the_layout_and_shows_a_whole_redraw(workdir, engine):
    """Driven with Pilot on a long article: j and k reuse the article's layout (no
    rewrap of the whole text), and what the pane holds is what a full redraw gives."""
    import asyncio

    from factcheck.review.app import ReviewApp

    from .test_review_session import ARTICLE, open_session, write_article

    body = ARTICLE.split("---\n", 2)[2]
    write_article(workdir, ARTICLE + body * 40)
    app = ReviewApp(open_session(engine))
    seen = []

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            layout = screen._layout
            for key in ["j", "j", "j", "k", "end", "home", "j"]:
                await pilot.press(key)
                await pilot.pause()
                session = app.session
                whole = view.article(session.text, session.all_items, session.selected.key, layout.width)
                seen.append((screen._layout is layout,
                             Text("\n").join(layout.rows).plain == whole.text.plain,
                             layout.row_of(session.selected.key) == whole.rows[session.selected.key]))
            await pilot.press("q")

    asyncio.run(scenario())
    assert seen and all(all(step) for step in seen), seen

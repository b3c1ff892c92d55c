"""``numbers._hedge_before`` finds the hedge before a figure without ``_HEDGE_BEFORE``,
which was searched for in the 30 characters before it; it must give what the pattern
gave (the first version, below, is the oracle): the same hedge and the same start."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import numbers


def hedge_before_by_pattern(text: str, start: int) -> tuple[str | None, int]:
    m = numbers._HEDGE_BEFORE.search(text[max(0, start - 30):start])
    if not m:
        return None, start
    word = m.group(1).lower()
    return numbers.HEDGES.get(word), start - (len(text[max(0, start - 30):start]) - m.start())


PIECES = [*numbers.HEDGES, "no", "just", "piano", "x", "_", "5", "(", "$", " ", "  ", "\t", "\n", "\u00a0", "\x1c",
          "\u2003", "-", ".", "AT LEAST", "Over", "ALMOST", "almoſt", "ABOUT", "İn", "\u212a", "ı", "é", "the", "of"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.sampled_from(["", " ", "  ", "\n", " \t"]),
       st.sampled_from(["7", "$7", ""]))
def test_the_hedge_before_a_figure_is_the_patterns(before, space, figure):
    text = before + space + figure
    start = len(before) + len(space)
    assert numbers._hedge_before(text, start) == hedge_before_by_pattern(text, start)

"""What a figure in brackets is the figure of: the words just before the bracket.

"models like Google's LaMDA (137 billion parameters)", "banking ($200–340 billion)",
"internet retailing (58th to 50th)": a bracket that opens on a figure, right after a short
label, gives that label's figure — not the sentence's subject's, and not the measure the
sentence is about. Extraction reads whose it is from the label; judging, which measure.
"""

from __future__ import annotations

import re

from .. import patterns

OPENS_ON_FIGURE = patterns.compile(
    r"\(\s*(?:(?:about|around|roughly|nearly|almost|over|some|up\s+to|more\s+than|less\s+than|from|~|c\.)\s*)?"
    r"(?:[^\s()]+\s*(?:to|and|or|-|\u2013|\u2192)\s*)?$", re.I)
"""Between a bracket's opening and its figure: nothing but a hedge, or the figure's
partner in a move or a pair ("(58th to 50th)")."""
CUT = patterns.compile(r"[,;:(\u2014\u2013]|\s(?:and|or|like|with|as|including|from|to|than|in|for|on|at|of|such\s+as)\s", re.I)
"""Where a label starts: after the last comma, colon, bracket, dash, list word, "than" or
preposition ("in online shopping (58th to 50th)")."""
REACH = 80
MOST_WORDS = 5
DIGIT = patterns.compile(r"\d")


def label(text: str, figure_start: int) -> tuple[int, int] | None:
    """Where, in ``text``, the label of a figure starting at ``figure_start`` stands, when
    the figure opens a bracket right after it: a few words with no figure of their own,
    back to the last comma, colon, dash or list word. None otherwise."""
    opening = OPENS_ON_FIGURE.search(text, max(0, figure_start - 16), figure_start)
    if opening is None:
        return None
    window = max(0, opening.start() - REACH)
    cuts = [m.end() for m in CUT.finditer(text, window, opening.start())]
    if not cuts and window > 0:
        return None
    start = cuts[-1] if cuts else 0
    end = len(text[:opening.start()].rstrip())
    words = text[start:end].split()
    if not words or len(words) > MOST_WORDS or DIGIT.search(text, start, end):
        return None
    return end - len(text[start:end].lstrip()), end

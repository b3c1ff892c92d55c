"""Three-way merge of an article's lines, so the review undoes only its own edits.

While a review runs, someone else may edit the same file (another editor, a sync tool).
Putting the pre-review backup back would then throw their edits away. Instead the review
keeps a *shadow* of the article without its own corrections, and brings the other
person's edits into it with ``merge3``: the changes from ``base`` to each side are taken
line by line, and where both sides changed the same lines the merge gives up (None) and
the review refuses to discard rather than guess.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def _edits(base: list[str], other: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, tuple(other[j1:j2])) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _clash(a: tuple[int, int, tuple], b: tuple[int, int, tuple]) -> bool:
    if a == b:
        return False  # the same change made on both sides
    (a1, a2, _), (b1, b2, _) = a, b
    if max(a1, b1) < min(a2, b2):
        return True  # both changed the same lines
    if a1 == a2 == b1 == b2:
        return True  # both inserted at the same place: which comes first is a guess
    if a1 == a2 and b1 < a1 < b2 or b1 == b2 and a1 < b1 < a2:
        return True  # an insertion inside lines the other side replaced
    return False


def merge3(base: str, ours: str, theirs: str) -> str | None:
    """``base`` with both sides' changes, or None when they touch the same lines."""
    if ours == base:
        return theirs
    if theirs == base or ours == theirs:
        return ours
    lines = base.splitlines(keepends=True)
    mine = _edits(lines, ours.splitlines(keepends=True))
    others = _edits(lines, theirs.splitlines(keepends=True))
    for a in mine:
        for b in others:
            if _clash(a, b):
                return None
    edits = sorted(set(mine) | set(others), key=lambda e: (e[0], e[1]))
    out: list[str] = []
    position = 0
    for start, end, replacement in edits:
        if start < position:  # pragma: no cover - ruled out by _clash
            return None
        out.extend(lines[position:start])
        out.extend(replacement)
        position = end
    out.extend(lines[position:])
    return "".join(out)

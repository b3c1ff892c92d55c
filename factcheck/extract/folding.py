"""Which words a sentence holds, in any case: a cheap test run before a costly pattern, so
that a sentence without any word every match of the pattern holds skips it.

A pattern compiled with ``re.IGNORECASE`` matches a letter in either case, and four more
characters besides: "İ" and "ı" are an "i" to it, "K" (the kelvin sign) a "k" and "ſ" (the
long s) an "s" — no other character matches an ASCII letter or digit. ``folded`` maps those
four to their letters and lower-cases the rest, so a word a pattern would find in the text
is always in the folded text; ``tests/extract/test_gates.py`` checks this against every
character there is.
"""

from __future__ import annotations

_LOOK_ALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def folded(text: str) -> str:
    """``text`` lower-cased, with the characters that a case-folding pattern takes for an
    ASCII letter turned into that letter."""
    return text.lower() if text.isascii() else text.translate(_LOOK_ALIKES).lower()


def holds_any(folded_text: str, words) -> bool:
    """Does ``folded_text`` hold one of ``words`` (lower-case ASCII)? Gates call this
    through the module, so a test can turn every gate off and compare."""
    for word in words:
        if word in folded_text:
            return True
    return False

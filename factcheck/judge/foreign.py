"""Findings on an article factcheck cannot read: one written in another language.

The extractors read English. On a German or Spanish article they still find figures,
names and publishers, but not the words around them that say what a figure measures,
whose it is and when ("bis zu", "ao ano", "hasta"), so a match or a mismatch with a table
is luck either way. Every finding on such an article is left for a person: it says the
figure was found and why it was not checked.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding, Verdict

MESSAGE = ("This article looks to be written in a language other than English, and factcheck "
           "reads English only: it found this figure but cannot tell what it claims. Check it by hand.")


def unread(finding: Finding) -> Finding:
    """``finding`` as an ``unverifiable`` that says the article's language was not read."""
    return replace(finding, verdict=Verdict.UNVERIFIABLE, expected=None, message=MESSAGE,
                   suggestion=None, fix=None)

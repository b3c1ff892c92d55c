"""A publisher's other publications: "IMD World Talent Ranking" names IMD, but no table
holds that ranking, so its figures are checked against none of IMD's tables."""

import pytest

from ..helpers import check_text, engine_for

OTHER = [
    # a titled publication right after the publisher's name, with or without "'s", a year, "latest"
    ("The IMD World Talent Ranking 2019 put Denmark second.", "2019-11-20"),
    ("IMD's latest World Talent Ranking put Denmark in 9th place.", "2019-11-20"),
    ("The IMD's recent World Talent Ranking 2024 shows Switzerland first for the fifth year in a row.", "2024-09-20"),
    # carried to the next sentence: the figures there are about the same publication
    ("The IMD World Talent Ranking was published today. Denmark came 4th.", "2019-11-20"),
    ("Switzerland heads the IMD World Talent Ranking 2019 again. Sweden is third, and the rest of the "
     "top ten includes Norway (6th) and the Netherlands (9th).", "2019-11-20"),
    ("Switzerland has led the IMD's World Talent Ranking for years. This year it topped the ranking again.", "2024-09-20"),
]

SAME = [
    # the table's own name, and the publisher's name with no other title, still reach the table
    ("In the IMD World Competitiveness Ranking 2023, Denmark came first.", "2023-06-21", "supported"),
    ("In the IMD World Competitiveness Ranking 2023, Denmark came fifth.", "2023-06-21", "contradicted"),
]


@pytest.fixture(scope="module")
def engine():
    return engine_for()


@pytest.mark.parametrize("text, as_of", OTHER)
def test_another_publication_of_the_publisher_is_never_flagged(engine, text, as_of):
    _, findings = check_text(engine, text, as_of)
    assert findings, "the figure is still read"
    assert all(f.verdict.value == "unverifiable" for f in findings), [(f.claim.quantity.text, f.verdict) for f in findings]
    assert all(f.table is None for f in findings)


@pytest.mark.parametrize("text, as_of, verdict", SAME)
def test_the_tables_own_ranking_is_still_checked(engine, text, as_of, verdict):
    _, findings = check_text(engine, text, as_of)
    assert [f.verdict.value for f in findings if f.table] == [verdict]

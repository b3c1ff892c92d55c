"""``match._tie_by_entities`` ties the tables the plain pass over every table tied.

``candidates`` ties a claim to the tables that know one of its things by name, or have
rows of them, by a pass over those tables alone; it was a pass over every table of the
library. The plain pass is kept here as the oracle: the strengths must be the same (the
order they are tied in may differ; ``candidates`` sorts its result by strength and table).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.match import STRENGTH_ENTITY, STRENGTH_WEAK, _tie_by_entities

TABLES = [f"t{i}" for i in range(8)]


def _plain(strengths: dict[str, int], knows: set[str], has_rows: set[str], tables: list[str]) -> None:
    for table_id in tables:
        if table_id in knows:
            strengths[table_id] = max(strengths.get(table_id, 0), STRENGTH_ENTITY)
        elif table_id in strengths:
            continue
        elif table_id in has_rows:
            strengths[table_id] = STRENGTH_WEAK


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(TABLES), st.integers(0, 3)),
       st.sets(st.sampled_from(TABLES)), st.sets(st.sampled_from(TABLES)))
def test_ties_are_those_of_the_pass_over_every_table(strengths, knows, has_rows):
    plain, fast = dict(strengths), dict(strengths)
    _plain(plain, knows, has_rows, TABLES)
    _tie_by_entities(fast, knows, has_rows)
    assert fast == plain

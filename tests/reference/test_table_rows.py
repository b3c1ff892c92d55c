"""Table row lookups (``rows``, ``entities_with``, ``editions_with``, ``period_samples``)
give what filtering every row in file order gives, whatever rows the table holds."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.reference import library

SHIPPED = library.load(use_cache=False)
TABLES = sorted(SHIPPED.tables)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), table_id=st.sampled_from(TABLES))
def test_lookups_equal_a_scan_of_every_row(data, table_id):
    shipped = SHIPPED.tables[table_id]
    picks = data.draw(st.lists(st.integers(0, len(shipped.cells) - 1), max_size=60))
    cells = [shipped.cells[i] for i in picks]
    table = dataclasses.replace(shipped, cells=cells, _index={})
    entities = sorted({c[0] for c in shipped.cells} | {"Nowhere"})
    metrics = sorted({c[1] for c in shipped.cells} | {"no_such_metric"})
    entity = data.draw(st.sampled_from(entities))
    metric = data.draw(st.sampled_from(metrics))
    for e, m in ((entity, metric), (entity, None), (None, metric)):
        want = [i for i, c in enumerate(cells) if (e is None or c[0] == e) and (m is None or c[1] == m)]
        got = table.rows(e, m)
        assert len(got) == len(want) and all(f is table._fact(i) for f, i in zip(got, want))
    assert table.entities_with(metric) == frozenset(c[0] for c in cells if c[1] == metric)
    assert table.editions_with(metric) == frozenset(c[3] for c in cells if c[1] == metric)
    firsts: dict = {}
    for i, c in enumerate(cells):
        if c[1] == metric:
            firsts.setdefault((c[3], c[2]), i)
    assert table.period_samples(metric) == [table._fact(i) for i in firsts.values()]

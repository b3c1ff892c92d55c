"""Shared test set-up: every test gets its own, empty result cache.

The result cache (``factcheck/ci/resultcache.py``) would otherwise carry findings from
one test to the next through the user's cache folder; a test that wants to see it at
work runs the same article twice within itself.
"""

import pytest


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_RESULT_CACHE_DIR", str(tmp_path_factory.mktemp("results")))

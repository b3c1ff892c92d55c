"""Shared test set-up: the test run keeps its caches to itself, and every test gets its
own, empty result cache.

The run's caches (the parsed library, kept patterns and config) live in a folder of their
own, made when the tests start and removed when they end: tests compile patterns from
random aliases by the thousand, and in the user's cache folder those would crowd out
the patterns a real check needs and slow every later start-up. The result cache
(``factcheck/ci/resultcache.py``) would otherwise carry findings from one test to the
next; a test that wants to see it at work runs the same article twice within itself.
"""

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis's "too slow" health check times how long examples take to generate: on a
# shared, loaded machine that is noise, and a test of behaviour must not fail on timing
# (the project measures speed with benchmarks, never with timed tests). Every other
# health check stays on; a test's own @settings adds to this profile.
settings.register_profile("factcheck", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("factcheck")

_RUN_CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
os.environ["FACTCHECK_CACHE_DIR"] = _RUN_CACHE  # before any test imports factcheck


def pytest_unconfigure(config):
    shutil.rmtree(_RUN_CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("FACTCHECK_RESULT_CACHE_DIR", str(tmp_path_factory.mktemp("results")))

"""runner.check_each: results in the order of the jobs, with ``finish`` applied where the
article was checked (in a worker process with ``workers > 1``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ci.runner import Job, check_each
from factcheck.report.records import DocumentResult

ARTICLES = sorted((Path(__file__).parent.parent / "golden" / "ci" / "newsroom" / "articles").glob("*.md"))


def summary(result: DocumentResult, job: Job) -> tuple:
    """What a worker sends back instead of the result: small, and plain data."""
    return (job.arg, result.path, result.error, sorted((f.span.start, f.verdict.value) for f in result.findings))


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_runs_on_each_result_in_order(workers):
    jobs = [Job(str(p)) for p in ARTICLES] + [Job("no-such-article.md")]
    finished = list(check_each(jobs, [], workers, finish=summary))
    plain = list(check_each(jobs, [], 1))
    assert all(isinstance(r, DocumentResult) for r in plain)
    assert finished == [summary(r, j) for r, j in zip(plain, jobs)]
    assert [f[0] for f in finished] == [j.arg for j in jobs]
    assert finished[-1][2] is not None  # the missing article: an error, not a stop
    assert any(f[3] for f in finished)  # some findings, so the comparison means something

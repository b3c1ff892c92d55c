"""kill -9 while a correction is applied: the article is always whole (the original or
the corrected text, never half of either) and the next review's recovery count says
which (issue #12: a kill 4-20 ms after apply showed "0 corrections applied")."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.review.session import Session

ARTICLE = "In November 2023, Fugaku delivered 999 petaflops on the HPL benchmark, according to the TOP500 list.\n"
CORRECTED = ARTICLE.replace("999 petaflops", "442.01 petaflops")

CHILD = r"""
import sys, time
from factcheck.judge.check import Engine
from factcheck.reference import library
from factcheck.review.session import Session
session = Session.open("article.md", engine=Engine.create(library.load(use_cache=False)), user="ed")
print("ready", flush=True)
session.apply()
print("applied", flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_during_apply_leaves_a_whole_article_and_a_true_count(tmp_path):
    rng = random.Random(12)
    env = dict(os.environ, FACTCHECK_NO_CACHE="1")
    from factcheck.judge.check import Engine
    from factcheck.reference import library
    engine = Engine.create(library.load(use_cache=False))
    outcomes = set()
    for trial in range(12):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
        child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=folder, env=env,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        text = (folder / "article.md").read_text(encoding="utf-8")
        assert text in (ARTICLE, CORRECTED), text
        cwd = Path.cwd()
        os.chdir(folder)
        try:
            session = Session.open("article.md", engine=engine, user="ed")
        finally:
            os.chdir(cwd)
        applied = session.recovery.applied if session.recovery else 0
        assert applied == (1 if text == CORRECTED else 0), (trial, text, applied)
        outcomes.add(text == CORRECTED)
    assert outcomes  # at least one trial ran to a verdict

"""The review driven for real in a terminal: tmux, keys sent one by one.

Open the sample article, move to the misattributed claim and apply its correction, go
back to the contradicted one and dismiss it with a reason, quit and save. Then the
article has the correction and nothing else changed, and a plain check reports neither
finding as open.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "sample-article.md"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, cwd: Path, command: str):
        self.socket = f"factcheck-test-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.socket]
        subprocess.run([*self.tmux, "new-session", "-d", "-s", "t", "-x", "80", "-y", "24",
                        "-c", str(cwd), command], check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", "t"], capture_output=True,
                              text=True).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", "t", *(["-l"] if literal else []), key], check=True)
            time.sleep(0.3)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def test_apply_dismiss_quit_in_a_real_terminal(tmp_path):
    article = tmp_path / "article.md"
    shutil.copyfile(SAMPLE, article)
    env_prefix = f"FACTCHECK_CACHE_DIR={tmp_path / 'cache'}"
    command = f"{env_prefix} {sys.executable} -m factcheck review article.md; echo REVIEW-EXIT=$?; sleep 60"
    before = json.loads(subprocess.run([sys.executable, "-m", "factcheck", str(article), "--format", "json"],
                                       capture_output=True, text=True, cwd=tmp_path).stdout)
    findings = before["documents"][0]["findings"]
    misattributed = next(f for f in findings if f["verdict"] == "misattributed")
    contradicted = next(f for f in findings if f["verdict"] == "contradicted")
    term = Terminal(tmp_path, command)
    try:
        term.wait_for("a apply")
        # Worst first: the two errors lead the list, in reading order.
        order = sorted((f for f in findings if f["severity"] == "error"), key=lambda f: f["span"]["start"])
        steps_down = order.index(misattributed)
        term.keys(*(["Down"] * steps_down))
        term.keys("a")
        term.wait_for("Correction applied")
        term.keys("Home")
        term.wait_for(contradicted["text"])
        term.keys("d")
        term.wait_for("Enter confirm")
        term.keys("the rank is quoted from a ministry statement", literal=True)
        term.keys("Enter")
        term.wait_for("Dismissed")
        term.keys("q")
        term.wait_for("keep reviewing")
        term.keys("Enter")
        screen = term.wait_for("REVIEW-EXIT=")
        assert "REVIEW-EXIT=0" in screen
    finally:
        term.close()

    text = article.read_text(encoding="utf-8")
    fix = misattributed["fix"]
    original = SAMPLE.read_text(encoding="utf-8")
    assert text == original[:fix["start"]] + fix["text"] + original[fix["end"]:]
    decisions = json.loads((tmp_path / ".factcheck" / "decisions.json").read_text())
    assert [d["fingerprint"] for d in decisions["decisions"]] == [contradicted["fingerprint"]]
    assert decisions["decisions"][0]["kind"] == "dismissed"

    after = subprocess.run([sys.executable, "-m", "factcheck", "article.md", "--format", "json"],
                           capture_output=True, text=True, cwd=tmp_path,
                           env=dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "cache")))
    assert after.returncode == 0, after.stderr
    report = json.loads(after.stdout)["documents"][0]
    open_fingerprints = {f["fingerprint"] for f in report["findings"] if f["severity"] == "error"}
    assert not open_fingerprints
    assert contradicted["fingerprint"] in {s["fingerprint"] for s in report["suppressed"]}

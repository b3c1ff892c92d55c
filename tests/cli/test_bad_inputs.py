"""Every bad input in tests/cases/bad_inputs.toml gets one clear line and its exit status.

No traceback, no hang, nothing on standard output. Inputs that would hang or fill memory
if the refusal failed run in a child process with a time limit.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from factcheck.cli.main import main

CASES = tomllib.loads((Path(__file__).parent.parent / "cases" / "bad_inputs.toml").read_text(encoding="utf-8"))["case"]


def _content(case: dict) -> bytes:
    if "hex" in case:
        data = bytes.fromhex(case["hex"])
    else:
        data = case["text"].encode(case.get("encoding", "utf-8"))
    return data * case.get("repeat", 1)


def _input(case: dict, folder: Path) -> str:
    make = case["make"]
    if make == "file":
        path = folder / case.get("file", "article.txt")
        path.write_bytes(_content(case))
        return str(path)
    if make == "missing":
        return str(folder / "missing.md")
    if make == "dir":
        (folder / "empty").mkdir()
        return str(folder / "empty")
    if make == "fifo":
        os.mkfifo(folder / "pipe")
        return str(folder / "pipe")
    if make == "device":
        return "/dev/zero"
    if make == "stdin":
        return "-"
    return ""


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case, tmp_path, monkeypatch, capsys):
    if case["make"] in ("fifo", "device") and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes or devices here")
    monkeypatch.chdir(tmp_path)
    if "config" in case:
        (tmp_path / "factcheck.toml").write_text(case["config"] + "\n", encoding="utf-8")
    arg = _input(case, tmp_path)
    args = [a.replace("{input}", arg) for a in case.get("args", ["{input}"])]
    if case.get("process"):
        stdin = io.BytesIO(_content(case)).getvalue() if case["make"] == "stdin" else b""
        run = subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True,
                             timeout=60, cwd=tmp_path, check=False)
        status, out, err = run.returncode, run.stdout.decode(), run.stderr.decode()
    else:
        if case["make"] == "stdin":
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_content(case))))
        status = main(args)
        out, err = capsys.readouterr()
    assert status == case["status"], err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factcheck: error: ") and case["error"] in lines[0], lines[0]
    assert out == ""
    if "absent" in case:  # never printed (a password in a URL)
        assert case["absent"] not in err


def test_a_password_in_a_url_stays_out_of_every_report(tmp_path, monkeypatch, capsys):
    """Beside a good article the refused URL is listed as unreadable, by its address
    without the user name and password, in every format."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Japan ranked 29th in the IMD World Digital Competitiveness Ranking 2023.\n",
                                   encoding="utf-8")
    for fmt in ("json", "sarif", "junit", "github", "gitlab", "text"):
        main(["https://editor:hunter2@news.example.com/story", "a.md", "--format", fmt, "--no-decisions"])
        out, err = capsys.readouterr()
        assert "hunter2" not in out + err and "editor:" not in out + err, fmt
        assert "news.example.com/story" in out + err, fmt

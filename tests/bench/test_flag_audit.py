"""The unseen-passage audit counts flags against the judged files: a flag on a listed
wrong figure is right, a listed wrong figure without a flag is a miss."""

import json
import os
import sys
from pathlib import Path

from .scripts import load


def _audit():
    return load("flag_audit")


def _fake_factcheck(tmp_path: Path, findings: dict[str, list[dict]]) -> str:
    """A stand-in for factcheck: prints the findings given for each passage's name and
    records the --as-of date it was asked for."""
    script = tmp_path / "fake_factcheck"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys, pathlib\n"
        f"found = json.loads({json.dumps(json.dumps(findings))})\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "date = sys.argv[sys.argv.index('--as-of') + 1] if '--as-of' in sys.argv else ''\n"
        "(path.parent / (path.name + '.asof')).write_text(date)\n"
        "print(json.dumps({'documents': [{'findings': found.get(path.name, [])}]}))\n",
        encoding="utf-8")
    os.chmod(script, 0o755)
    return str(script)


def _flag(text, line, verdict="contradicted", severity="error"):
    return {"text": text, "line": line, "verdict": verdict, "severity": severity, "message": "m"}


def test_flags_on_listed_errors_are_right_and_the_rest_missed(tmp_path, capsys):
    folder = tmp_path / "covered"
    folder.mkdir()
    (folder / "index.tsv").write_text(
        "file\turl\tpublished\na.txt\thttp://a\t2024-06\nb.txt\thttp://b\t2023-02-10\n", encoding="utf-8")
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (folder / "b.txt").write_text("y", encoding="utf-8")
    errors = tmp_path / "errors.tsv"
    errors.write_text("file\tfigure\tline\tfact\twhy\n"
                      "covered/a.txt\tfour\t5\tt, X, overall = 1\tup three\n"
                      "covered/b.txt\t58th\t1\tt, World, edition = 55\tnot 58th\n", encoding="utf-8")
    fake = _fake_factcheck(tmp_path, {
        "a.txt": [_flag("four places", 5), _flag("second place", 5),
                  _flag("ok", 2, "supported", "info")],
    })
    assert _audit().main([str(folder), "--errors", str(errors), "--factcheck", fake]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == ("2 passages, 2 error/warning flags, 1 judged right, 1 not; "
                       "1 of 2 wrong figures flagged")
    assert any(line.startswith("covered/a.txt:5\t'four places'\tcontradicted\tright") for line in out)
    assert any(line.startswith("covered/a.txt:5\t'second place'\tcontradicted\twrong") for line in out)
    assert any(line.startswith("covered/b.txt:1\t'58th'\tmissed") for line in out)
    # a month-only date is checked at the month's last day
    assert (folder / "a.txt.asof").read_text() == "2024-06-30"
    assert (folder / "b.txt.asof").read_text() == "2023-02-10"


def test_a_year_only_date_is_read_as_the_years_last_day(tmp_path):
    (tmp_path / "index.tsv").write_text(
        "file\turl\tpublished\nc.txt\thttp://c\t2017\nd.txt\thttp://d\t2019-02 approx\n", encoding="utf-8")
    for name in ("c.txt", "d.txt"):
        (tmp_path / name).write_text("z", encoding="utf-8")
    dates = {path.name: date for path, date in _audit().passages(tmp_path)}
    assert dates == {"c.txt": "2017-12-31", "d.txt": "2019-02-28"}

"""The command line: exit statuses, standard input, one-line errors, the JSON contract."""

import json
import os
from pathlib import Path

import pytest

from factcheck.cli.main import main

HERE = Path(__file__).parent.parent
SAMPLE = HERE.parent / "examples" / "sample-article.md"
GOLDEN = HERE / "golden" / "sample-article.json"


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_wrong_figures_exit_1(capsys):
    status, out, _ = run(capsys, str(SAMPLE))
    assert status == 1
    assert "misattributed" in out and "claims checked" in out


def test_nothing_failing_exits_0(tmp_path, capsys):
    article = tmp_path / "ok.txt"
    article.write_text("Singapore came third in the IMD World Digital Competitiveness Ranking 2023.\n")
    status, out, _ = run(capsys, str(article))
    assert status == 0
    status, _, _ = run(capsys, str(SAMPLE), "--fail-on", "never")
    assert status == 0


def test_fail_on_warning(tmp_path, capsys):
    article = tmp_path / "w.txt"
    article.write_text("According to the IMD World Digital Competitiveness Ranking, Japan is ranked 29th.\n")
    assert run(capsys, str(article), "--as-of", "2024-01-10")[0] == 0
    assert run(capsys, str(article), "--as-of", "2024-01-10", "--fail-on", "warning")[0] == 1


@pytest.mark.parametrize("args, message", [
    (["missing-file.txt"], "no such file"),
    (["--as-of", "July 2023", "README.md"], "--as-of"),
    (["--format", "yaml", "README.md"], "yaml"),
])
def test_usage_and_input_errors_exit_2_with_one_line(capsys, args, message):
    status, out, err = run(capsys, *args)
    assert status == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


def test_binary_input_exits_2(tmp_path, capsys):
    blob = tmp_path / "image.txt"
    blob.write_bytes(b"\x89PNG\x00\x00\x00\rIHDR")
    status, _, err = run(capsys, str(blob))
    assert status == 2 and "binary" in err


def test_broken_reference_data_exits_2(tmp_path, capsys):
    broken = tmp_path / "newsroom" / "bad_table"
    broken.mkdir(parents=True)
    (broken / "datapackage.json").write_text("{not json", encoding="utf-8")
    status, _, err = run(capsys, str(SAMPLE), "--data", str(tmp_path / "newsroom"))
    assert status == 2 and "not valid JSON" in err


def test_standard_input(monkeypatch, capsys):
    import io
    import sys
    text = "According to the IMD World Digital Competitiveness Ranking 2022, Japan ranked 30th.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, out, _ = run(capsys, "-", "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert report["documents"][0]["path"] == "<stdin>"
    assert report["documents"][0]["findings"][0]["verdict"] == "contradicted"


def test_json_report_matches_the_golden_file(capsys, monkeypatch):
    monkeypatch.chdir(HERE.parent)
    status, out, _ = run(capsys, "examples/sample-article.md", "--format", "json")
    assert status == 1
    report = json.loads(out)
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):  # pragma: no cover - a deliberate act
        GOLDEN.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert report == json.loads(GOLDEN.read_text(encoding="utf-8")), (
        "the JSON report changed; if on purpose, rerun with FACTCHECK_UPDATE_GOLDEN=1 and review the diff")


def test_json_report_has_the_documented_fields(capsys):
    _, out, _ = run(capsys, str(SAMPLE), "--format", "json")
    report = json.loads(out)
    assert report["schema_version"] == 1
    doc = report["documents"][0]
    assert doc["as_of"] == "2023-12-15"
    for finding in doc["findings"]:
        for key in ("verdict", "severity", "span", "line", "column", "end_line", "end_column", "text",
                    "claim", "expected", "suggestion", "message", "evidence", "fingerprint"):
            assert key in finding
        assert SAMPLE.read_text(encoding="utf-8")[finding["span"]["start"]:finding["span"]["end"]] == finding["text"]
    assert set(report["summary"]) >= {"claims", "errors", "warnings"}
    assert report["summary"]["claims"] == len(doc["findings"])


def test_output_file_is_written_whole_and_the_run_summed_up(tmp_path, capsys):
    target = tmp_path / "report.json"
    status, out, err = run(capsys, str(SAMPLE), "--format", "json", "--output", str(target))
    assert status == 1
    assert "claims checked" in err and str(target) in err
    assert json.loads(target.read_text())["schema_version"] == 1
    assert not list(tmp_path.glob(".report.json.*"))


def test_all_shows_supported_claims(capsys):
    _, without, _ = run(capsys, str(SAMPLE))
    _, with_all, _ = run(capsys, str(SAMPLE), "--all")
    assert "supported" not in without.split("claims checked")[0].replace("supported,", "")
    assert "✔ supported" in with_all


def test_fingerprints_do_not_depend_on_line_numbers(tmp_path, capsys):
    body = SAMPLE.read_text(encoding="utf-8")
    shifted = tmp_path / "shifted.md"
    head, rest = body.split("# Asia", 1)
    shifted.write_text(head + "A new paragraph at the top.\n\n# Asia" + rest, encoding="utf-8")
    _, a, _ = run(capsys, str(SAMPLE), "--format", "json")
    _, b, _ = run(capsys, str(shifted), "--format", "json")
    fa = [f["fingerprint"] for f in json.loads(a)["documents"][0]["findings"]]
    fb = [f["fingerprint"] for f in json.loads(b)["documents"][0]["findings"]]
    assert fa == fb

"""Broken reference data, as a catalogue (tests/cases/broken_data.toml): each case mutates
a good test library; the validator must name the file, line, rule and field, and a check
must refuse a library that breaks a blocking rule with one line and exit status 2."""

from __future__ import annotations

import csv
import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.reference import library, schemacheck
from factcheck.errors import DataError
from factcheck.reference.tables import COLUMNS
from factcheck.reference.validate import RULES, blocking, validate_folders

from ..helpers import write_table
from .test_new_table import META as GADGET_META, ROWS as GADGET_ROWS

SHIPPED = Path(__file__).resolve().parent.parent.parent / "reference_data"
CASES = tomllib.loads((Path(__file__).parent.parent / "cases" / "broken_data.toml").read_text(encoding="utf-8"))["case"]

SPROCKET_SOURCE = {"publisher": "Sprocket Council", "source_title": "Sprocket Outlook 2022",
                   "source_url": "https://www.sprocket.example/outlook-2022", "published": "2022-06-15"}
SPROCKET_META = {
    "publisher": "Sprocket Council",
    "names": ["Sprocket Outlook"],
    "publisher_names": ["Sprocket Council"],
    "publisher_hosts": ["sprocket.example"],
    "cadence": {"months": [6]},
    "entity_kind": "world",
    "default_entity": "World",
    "period_kind": "year",
    "editions": [{"id": "2022", "title": "Sprocket Outlook 2022", "published": "2022-06-15"}],
    "metrics": [
        {"id": "market", "label": "sprocket market size", "kind": "money", "unit": "USD", "aliases": ["sprocket market"]},
        {"id": "growth", "label": "sprocket market growth", "kind": "percent", "unit": "percent",
         "aliases": ["sprocket growth"]},
    ],
    "scenarios": [{"id": "low", "label": "slow adoption", "role": "lower"},
                  {"id": "high", "label": "fast adoption", "role": "upper"}],
    "tolerance": {"relative": 0.0},
    "examples": [
        {"text": "The Sprocket Council puts the sprocket market at $15.7 trillion in 2030.", "verdict": "supported"},
        {"text": "The Sprocket Council puts the sprocket market at $19 trillion in 2030.", "verdict": "contradicted"},
    ],
}
SPROCKET_ROWS = [
    dict(SPROCKET_SOURCE, entity="World", metric="market", period="2030", edition="2022", value="15700000000000", unit="USD"),
    dict(SPROCKET_SOURCE, entity="World", metric="growth", period="2030", edition="2022", value="14", unit="percent"),
    dict(SPROCKET_SOURCE, entity="World", metric="market", period="2030", edition="2022", scenario="low",
         value="12000000000000", unit="USD"),
]
BASE = {"gadget_index": (GADGET_META, GADGET_ROWS), "sprocket_outlook": (SPROCKET_META, SPROCKET_ROWS)}


def build_good(folder: Path) -> Path:
    for table_id, (meta, rows) in BASE.items():
        write_table(folder, table_id, meta, rows, title=table_id.replace("_", " ").title())
    return folder


def _path(text: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", text)]


def _mutate_json(doc: dict, case: dict) -> dict:
    if "json_set" in case:
        *parents, last = _path(case["json_set"])
        target = doc
        for key in parents:
            target = target[key]
        target[last] = case["json_value"]
    if "json_delete" in case:
        *parents, last = _path(case["json_delete"])
        target = doc
        for key in parents:
            target = target[key]
        del target[last]
    return doc


def build_case(folder: Path, case: dict) -> Path:
    build_good(folder)
    table = folder / case.get("table", "gadget_index")
    descriptor = table / "datapackage.json"
    facts = table / "facts.csv"
    if "json_set" in case or "json_delete" in case:
        doc = _mutate_json(json.loads(descriptor.read_text(encoding="utf-8")), case)
        descriptor.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    if "json_nested" in case:
        descriptor.write_text("[" * case["json_nested"] + "]" * case["json_nested"], encoding="utf-8")
    if "row" in case or "add_row" in case:
        with facts.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if "row" in case:
            rows[case["row"]].update({k: str(v) for k, v in case["cells"].items()})
        if "add_row" in case:
            rows.append(dict(rows[0], status="", note="", **{k: str(v) for k, v in case["add_row"].items()}))
        with facts.open("w", encoding="latin-1" if case.get("facts_bytes_latin1") else "utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    if "facts_append" in case:
        with facts.open("a", encoding="utf-8") as handle:
            handle.write(case["facts_append"])
    if "facts_raw_header" in case:
        lines = facts.read_text(encoding="utf-8").splitlines()
        facts.write_text("\n".join([case["facts_raw_header"], *lines[1:]]) + "\n", encoding="utf-8")
    if case.get("facts_folder"):
        facts.unlink()
        facts.mkdir()
    if "entities" in case:
        (folder / "entities.csv").write_text(case["entities"], encoding="utf-8")
    if "entities_latin1" in case:
        (folder / "entities.csv").write_bytes(case["entities_latin1"].encode("latin-1"))
    if "policy" in case:
        (folder / "source_policy.json").write_text(case["policy"], encoding="utf-8")
    return folder


def _matches(problem, case: dict) -> bool:
    return (problem.rule == case["rule"]
            and problem.file.endswith(case.get("file", "") or "")
            and ("line" not in case or problem.row == case["line"])
            and ("field" not in case or problem.field == case["field"])
            and case.get("message", "") in problem.message)


def test_the_good_library_breaks_no_rule(tmp_path):
    problems = validate_folders([build_good(tmp_path)], shipped=SHIPPED)
    assert problems == [], [str(p) for p in problems]
    library.load([str(tmp_path)], use_cache=False)  # and loads


def test_every_rule_is_proved_by_a_case():
    proved = {case["rule"] for case in CASES}
    untested = set(RULES) - proved - {"table-id-clash", "table-name-shared", "entity-alias-shared",
                                      "descriptor-unnamed", "descriptor-scenario", "descriptor-entity"}
    # The six left out are proved in test_data_cli.py / below (they need two tables or a
    # descriptor the schema already refuses).
    assert not untested, sorted(untested)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_validator_names_file_line_rule_and_field(tmp_path, case):
    folder = build_case(tmp_path / "data", case)
    problems = validate_folders([folder], shipped=SHIPPED)
    assert any(_matches(p, case) for p in problems), [str(p) for p in problems]
    assert all(p.rule in RULES for p in problems)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_check_refuses_data_that_breaks_a_blocking_rule(tmp_path, case, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = build_case(tmp_path / "data", case)
    if not RULES[case["rule"]][0]:
        # A source-policy or dispute problem does not stop a check; data validate fails.
        assert library.load([str(folder)]).refusal is None
        return
    article = tmp_path / "a.txt"
    article.write_text("Japan ranked 4th in the Gadget Readiness Index 2021.\n", encoding="utf-8")
    for _ in range(2):  # cold cache, then warm: the verdict is kept with the cache
        status = main([str(article), "--data", str(folder)])
        _, err = capsys.readouterr()
        assert status == 2
        assert len(err.strip().splitlines()) == 1, err
        assert case["rule"] in err and case.get("file", "") in err
        if "line" in case:
            assert f":{case['line']}: " in err
        assert "Traceback" not in err


@pytest.mark.parametrize("case", [c for c in CASES if "json_set" in c or "json_delete" in c],
                         ids=[c["id"] for c in CASES if "json_set" in c or "json_delete" in c])
def test_the_small_schema_checker_agrees_with_jsonschema(tmp_path, case):
    jsonschema = pytest.importorskip("jsonschema")
    build_good(tmp_path)
    doc = json.loads((tmp_path / case.get("table", "gadget_index") / "datapackage.json").read_text(encoding="utf-8"))
    for candidate in (doc, _mutate_json(json.loads(json.dumps(doc)), case)):
        ours = bool(schemacheck.errors(candidate))
        theirs = bool(list(jsonschema.Draft202012Validator(schemacheck.descriptor_schema()).iter_errors(candidate)))
        assert ours == theirs


def test_the_schema_is_a_valid_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schemacheck.descriptor_schema())


def test_the_shipped_descriptors_satisfy_the_schema():
    for descriptor in SHIPPED.glob("*/datapackage.json"):
        assert schemacheck.errors(json.loads(descriptor.read_text(encoding="utf-8"))) == [], descriptor


def test_a_broken_row_no_longer_gives_a_false_error(tmp_path, capsys, monkeypatch):
    """A value written in words made a check say the article's figure was wrong ("is
    fifteen, not $15.7 trillion"); now the check refuses the table instead."""
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    case = next(c for c in CASES if c["id"] == "value-a-word-false-error")
    folder = build_case(tmp_path / "data", case)
    article = tmp_path / "a.txt"
    article.write_text("The Sprocket Council puts the sprocket market at $15.7 trillion in 2030.\n", encoding="utf-8")
    assert main([str(article), "--data", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "fifteen" not in out and "sprocket_outlook/facts.csv:2: row-value [value]" in err


def test_a_policy_problem_lets_the_check_run_and_fails_data_validate(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    case = next(c for c in CASES if c["id"] == "denied-copy-site")
    folder = build_case(tmp_path / "data", case)
    article = tmp_path / "a.txt"
    article.write_text("Japan ranked 4th in the Gadget Readiness Index 2021.\n", encoding="utf-8")
    assert main([str(article), "--data", str(folder), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)["summary"]["verdicts"] == {"supported": 1}
    assert main(["data", "validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "gadget_index/facts.csv:4: source-denied-host [read_at]" in out
    assert "source-denied-host 1" in err and "none stops a check" in err


def test_descriptor_rules_beyond_the_schema(tmp_path):
    build_good(tmp_path)
    path = tmp_path / "sprocket_outlook" / "datapackage.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["factcheck"].update(names=[], publisher_names=[], default_scenario="middle", default_entity="Atlantis")
    path.write_text(json.dumps(doc), encoding="utf-8")
    rules = {p.rule for p in validate_folders([tmp_path], shipped=SHIPPED)}
    assert {"descriptor-unnamed", "descriptor-scenario", "descriptor-entity"} <= rules


def test_a_broken_shipped_library_is_refused_too(tmp_path, monkeypatch):
    """The shipped folder is validated like a --data one (here: a copy with a bad row)."""
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    copy = tmp_path / "reference_data"
    shutil.copytree(SHIPPED, copy)
    facts = copy / "pwc_ai" / "facts.csv"
    lines = facts.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",15700000000000,", ",fifteen,", 1)
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(library, "shipped_data_dir", lambda: copy)
    with pytest.raises(DataError, match=r"pwc_ai/facts.csv:2: row-value \[value\]"):
        library.load()
    assert blocking(next(p for p in validate_folders([copy]) if p.rule == "row-value"))


def test_data_audit_measures_each_table_and_writes_its_section(tmp_path, capsys):
    folder = build_case(tmp_path / "data", next(c for c in CASES if c["id"] == "denied-copy-site"))
    facts = folder / "gadget_index" / "facts.csv"
    with facts.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[5]["source_url"] = "https://news.example/gadgets"  # one primary off the publisher's host
    with facts.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    doc = tmp_path / "audit.md"
    doc.write_text("# Audit\n\nintro\n\n<!-- data-audit:begin (generated by 'factcheck data audit --write'; "
                   "do not edit by hand) -->\nold table\n<!-- data-audit:end -->\n\nnotes kept\n", encoding="utf-8")
    assert main(["data", "audit", str(folder), "--write", str(doc), "--as-of", "2026-12-05"]) == 0
    text = doc.read_text(encoding="utf-8")
    assert "old table" not in text and text.startswith("# Audit\n\nintro") and text.endswith("notes kept\n")
    # gadget_index: 9 rows, 8 primaries on example.test, 1 read_at, 1 alternative, 1 denied link
    assert "| gadget_index | 9 | 8 | 0.89 | 1 | 1 | 0 | 1 | 0 |" in text
    assert "| sprocket_outlook | 3 | 3 | 1.00 | 0 | 0 | 0 | 0 | 0 |" in text
    assert "| **all** | 12 | 11 | 0.92 | 1 | 1 | 0 | 1 | 0 |" in text
    assert "`source-denied-host`: 1" in text and "Measured 2026-12-05" in text
    capsys.readouterr()
    doc.write_text("no markers\n", encoding="utf-8")
    assert main(["data", "audit", str(folder), "--write", str(doc)]) == 2
    assert "no generated section" in capsys.readouterr().err and doc.read_text(encoding="utf-8") == "no markers\n"


def test_every_rule_is_documented():
    text = (SHIPPED.parent / "docs" / "reference-data.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in text]
    assert not missing, missing


def test_a_warm_cache_keeps_the_verdict_without_importing_the_validator(tmp_path):
    import os
    import subprocess
    import sys
    folder = build_case(tmp_path / "data", next(c for c in CASES if c["id"] == "unit-differs"))
    code = ("import sys; from factcheck.reference import library\n"
            "try:\n    library.load(sys.argv[1:])\nexcept Exception as exc:\n    print(exc)\n"
            "print('validator imported' if 'factcheck.reference.validate' in sys.modules else 'validator not imported')")
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("FACTCHECK_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code, str(folder)], env=env, capture_output=True, text=True,
                           timeout=120).stdout for _ in range(2)]
    assert "row-unit" in runs[0] and runs[0].endswith("validator imported\n")      # cold: built and judged
    assert "row-unit" in runs[1] and runs[1].endswith("validator not imported\n")  # warm: the cached verdict


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def test_the_schema_checker_agrees_with_jsonschema_on_generated_descriptors(tmp_path):
    """Property: replace any node of a good descriptor by any JSON value; both checkers
    must give the same verdict (valid or not)."""
    jsonschema = pytest.importorskip("jsonschema")
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    build_good(tmp_path)
    good = json.loads((tmp_path / "sprocket_outlook" / "datapackage.json").read_text(encoding="utf-8"))
    paths = [p for p in _paths(good) if p]
    values = st.recursive(
        st.none() | st.booleans() | st.integers(-3, 20) | st.floats(-2, 2, allow_nan=False)
        | st.sampled_from(["", "x", "rank", "2022-06-15", "2022-02-30", "example.org", "Https://x", "central",
                           "supported", "year", "a,b", " lead"]),
        lambda children: st.lists(children, max_size=3) | st.dictionaries(
            st.sampled_from(["id", "kind", "unit", "published", "title", "months", "relative", "aliases", "zz"]),
            children, max_size=3),
        max_leaves=6)
    validator = jsonschema.Draft202012Validator(schemacheck.descriptor_schema())

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(paths), values)
    def agree(path, value):
        doc = json.loads(json.dumps(good))
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert bool(schemacheck.errors(doc)) == (not validator.is_valid(doc)), (path, value)

    agree()

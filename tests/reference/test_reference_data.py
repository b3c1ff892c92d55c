"""The shipped reference data, tested as data (after codespell's test_dictionary.py)."""

import datetime as dt
from pathlib import Path

import pytest

from factcheck.read import document
from factcheck.reference import library
from factcheck.judge.check import Engine
from factcheck.reference.validate import blocking, validate_folders

ROOT = Path(__file__).resolve().parent.parent.parent / "reference_data"
LIB = library.load(use_cache=False)
ENGINE = Engine.create(LIB)


PROBLEMS = validate_folders([ROOT])


def test_shipped_tables_pass_every_blocking_rule():
    broken = [p for p in PROBLEMS if blocking(p)]
    assert not broken, "\n".join(str(p) for p in broken)


# The source-policy and dispute rules (issue #11): every shipped row cites its publisher's
# own page, reads at no denied host, and every alternative sits beside a trusted value.
def test_shipped_tables_pass_the_source_policy():
    policy = [p for p in PROBLEMS if not blocking(p)]
    assert not policy, "\n".join(str(p) for p in policy)


def test_every_row_is_sourced():
    for table in LIB.tables.values():
        for fact in table.facts:
            assert fact.source_url.startswith(("http://", "https://")), (table.id, fact)
            assert fact.publisher and fact.source_title and fact.published, (table.id, fact)


EXAMPLES = [(table.id, i, ex) for table in LIB.tables.values() for i, ex in enumerate(table.examples)]


@pytest.mark.parametrize("table_id, index, example", EXAMPLES,
                         ids=[f"{t}-{i}" for t, i, _ in EXAMPLES])
def test_table_examples_get_their_verdict(table_id, index, example):
    as_of = dt.date.fromisoformat(example["as_of"]) if example.get("as_of") else None
    doc = document.from_text(example["text"], "example.txt", as_of=as_of)
    findings = ENGINE.check(doc)
    got = [(f.claim.quantity.text, f.verdict.value, f.table) for f in findings]
    wanted = example["verdict"]
    assert any(v == wanted and t in (table_id, None) for _, v, t in got), got


@pytest.mark.parametrize("table_id", sorted(LIB.tables))
def test_every_table_has_a_supported_and_a_flagged_example(table_id):
    verdicts = {e["verdict"] for e in LIB.tables[table_id].examples}
    assert "supported" in verdicts
    assert verdicts & {"contradicted", "misattributed", "outdated", "needs_context"}


def test_validator_names_file_row_and_field(tmp_path):
    import shutil
    shutil.copytree(ROOT / "istic_llm_count", tmp_path / "istic_llm_count")
    csv_path = tmp_path / "istic_llm_count" / "facts.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[lines[0].split(",").index("published")] = "yesterday"
    lines[1] = ",".join(cells)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_folders([tmp_path])
    assert any(p.row == 2 and p.field == "published" and "facts.csv" in p.file for p in problems)

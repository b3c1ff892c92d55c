"""`factcheck data`: list, show, search and validate the reference library."""

import json
import shutil
from pathlib import Path

from factcheck.cli.main import main

from ..reference.test_new_table import META, ROWS
from ..helpers import write_table

SHIPPED = Path(__file__).resolve().parent.parent.parent / "reference_data"


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, " ".join(out.split()), err


def test_list_names_every_table_with_rows_and_coverage(capsys):
    from factcheck.reference import library
    status, out, _ = run(capsys, "data", "list")
    assert status == 0
    for table in library.load().tables.values():
        assert table.id in out
        assert str(len(table.cells)) in out  # its row count
    assert "editions" in out


def test_show_filters_rows_and_prints_their_sources(capsys):
    status, out, _ = run(capsys, "data", "show", "imd_wdcr", "--entity", "Japan", "--period", "2022",
                         "--metric", "knowledge")
    assert status == 0
    assert "1 rows" in out and "28" in out and "http" in out
    status, _, err = run(capsys, "data", "show", "no_such_table")
    assert status == 2 and "no table 'no_such_table'" in err


def test_search_finds_tables_metrics_and_entities_fuzzily(capsys):
    status, out, _ = run(capsys, "data", "search", "digital competitivness")
    assert status == 0 and "imd_wdcr" in out
    status, out, _ = run(capsys, "data", "search", "Fugaku")
    assert status == 0 and "top500" in out
    status, out, _ = run(capsys, "data", "search", "zzqxv")
    assert status == 1


def test_validate_passes_the_shipped_data_and_names_problems_elsewhere(tmp_path, capsys):
    assert run(capsys, "data", "validate")[0] == 0
    write_table(tmp_path, "gadget_index", META, ROWS)
    assert run(capsys, "data", "validate", str(tmp_path))[0] == 0
    rows = [dict(r) for r in ROWS] + [dict(ROWS[-2], value=99)]  # a rank outside 1..42
    write_table(tmp_path, "gadget_index", META, rows)
    status, out, err = run(capsys, "data", "validate", str(tmp_path))
    assert status == 1
    assert "facts.csv:" in out and "[value]" in out and "outside 1..42" in out
    assert "problem" in err


def test_a_newsroom_folder_is_checked_and_may_not_clash(tmp_path, capsys):
    shutil.copytree(SHIPPED / "istic_llm_count", tmp_path / "istic_llm_count")
    status, out, _ = run(capsys, "data", "validate", "--data", str(tmp_path))
    assert status == 1 and "clashes with a shipped table" in out
    descriptor = tmp_path / "istic_llm_count" / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["factcheck"]["overrides"] = True
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "data", "validate", "--data", str(tmp_path))[0] == 0


def test_an_alias_naming_two_entities_is_reported(tmp_path, capsys):
    meta = dict(META, entities={"Gizmo One": {"kind": "system", "aliases": ["Japan"]}})
    write_table(tmp_path, "gadget_index", meta, ROWS)
    status, out, _ = run(capsys, "data", "validate", "--data", str(tmp_path))
    assert status == 1 and "alias 'Japan' names both 'Japan'" in out

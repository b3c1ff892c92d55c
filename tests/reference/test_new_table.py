"""A new table needs no code: a table the test writes itself is matched and checked by
its metadata alone, with every verdict of the closed set."""

import pytest

from factcheck.model import Verdict

from ..helpers import check_text, engine_for, verdicts, write_table

META = {
    "publisher": "Gadget Institute",
    "names": ["Gadget Readiness Index"],
    "publisher_names": ["Gadget Institute"],
    "entity_kind": "economy",
    "period_kind": "edition",
    "ranks_unique": True,
    "editions": [
        {"id": "2020", "title": "Gadget Readiness Index 2020", "published": "2020-03-01"},
        {"id": "2021", "title": "Gadget Readiness Index 2021", "published": "2021-03-01"},
    ],
    "metrics": [
        {"id": "overall", "label": "overall rank", "kind": "rank", "unit": "rank", "out_of": "size", "default": True,
         "aliases": ["overall"]},
        {"id": "sprockets", "label": "Sprocket pillar rank", "kind": "rank", "unit": "rank", "out_of": "size",
         "aliases": ["sprocket pillar", "sprockets"]},
        {"id": "size", "label": "number of economies ranked", "kind": "count", "unit": "economies",
         "aliases": ["economies ranked"]},
    ],
    "examples": [
        {"text": "Japan ranked 4th in the Gadget Readiness Index 2021.", "verdict": "supported"},
        {"text": "Japan ranked 9th in the Gadget Readiness Index 2021.", "verdict": "contradicted"},
    ],
}
ROWS = [
    {"entity": "World", "metric": "size", "period": y, "edition": y, "value": n, "unit": "economies"}
    for y, n in (("2020", 40), ("2021", 42))
] + [
    {"entity": e, "metric": m, "period": y, "edition": y, "value": v, "unit": "rank"}
    for e, m, y, v in (
        ("Japan", "overall", "2020", 6), ("Japan", "overall", "2021", 4),
        ("Germany", "overall", "2020", 5), ("Germany", "overall", "2021", 7),
        ("Japan", "sprockets", "2021", 12), ("Germany", "sprockets", "2021", 3),
    )
] + [
    {"entity": "Japan", "metric": "overall", "period": "2021", "edition": "2021", "value": 5, "unit": "rank",
     "status": "alternative", "note": "a press report gave 5th", "publisher": "Some Paper"},
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("newsroom")
    write_table(folder, "gadget_index", META, ROWS, title="Gadget Readiness Index")
    return engine_for(folder)


@pytest.mark.parametrize("text, as_of, expected", [
    ("Japan ranked 4th in the Gadget Readiness Index 2021.", None, "supported"),
    ("Japan ranked 9th in the Gadget Readiness Index 2021.", None, "contradicted"),
    ("Japan ranked 4th out of 42 economies in the Gadget Readiness Index.", None, "supported"),
    ("According to the Gadget Readiness Index, Germany came 12th for sprockets, behind Japan.", "2021-06-01", "misattributed"),
    ("Japan is ranked 6th in the Gadget Readiness Index.", "2021-06-01", "outdated"),
    ("Japan ranked 5th in the Gadget Readiness Index 2021.", None, "needs_context"),
    ("Japan ranked 2nd for sprockets in the Gadget Readiness Index 2020.", None, "unverifiable"),
    ("Japan shipped 3,000 widgets.", None, "unverifiable"),
])
def test_verdicts_from_metadata_alone(engine, text, as_of, expected):
    _, findings = check_text(engine, text, as_of)
    assert [v for _, v in verdicts(findings)] == [expected]


def test_misattribution_names_the_right_entity_and_source(engine):
    _, [finding] = check_text(engine, "According to the Gadget Readiness Index, Germany came 12th for "
                                      "sprockets, behind Japan.", "2021-06-01")
    assert finding.verdict is Verdict.MISATTRIBUTED
    assert finding.expected.entity == "Japan"
    assert finding.expected.metric == "Sprocket pillar rank"
    assert finding.expected.out_of == 42
    assert "Japan" in finding.suggestion
    assert finding.evidence[0].edition == "Gadget Readiness Index 2021"


def test_a_contradiction_carries_the_right_value_and_a_fix(engine):
    doc, [finding] = check_text(engine, "Japan ranked 9th in the Gadget Readiness Index 2021.")
    assert finding.expected.value == 4
    fix = finding.fix
    assert doc.text[fix[0]:fix[1]] == "9th" and fix[2] == "4th"


def test_a_table_named_by_nobody_never_flags(engine):
    # Japan and a metric word, but no source named: may confirm, never contradict.
    _, findings = check_text(engine, "Japan ranked 9th for sprockets.")
    assert verdicts(findings) == [("9th", "unverifiable")]
    _, findings = check_text(engine, "Japan ranked 12th for sprockets in 2021.")
    assert verdicts(findings) == [("12th", "supported")]


def test_a_clashing_table_id_is_an_error_unless_it_overrides(tmp_path):
    from factcheck.errors import DataError
    write_table(tmp_path, "imd_wdcr", META, ROWS)
    with pytest.raises(DataError, match="clashes"):
        engine_for(tmp_path)
    write_table(tmp_path, "imd_wdcr", dict(META, overrides=True), ROWS)
    assert engine_for(tmp_path).library.tables["imd_wdcr"].title == "imd_wdcr"

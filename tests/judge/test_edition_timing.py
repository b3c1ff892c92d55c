"""Which edition an article's date can mean, when the dateline and the tables disagree with
the article's own words: an edition the article names a day before its release, and a
table that has fallen behind its publisher."""

import copy

import pytest

from ..helpers import check_text, engine_for, verdicts, write_table
from .test_edition_timing_data import META, ROWS


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timing")
    write_table(folder, "gadget_index", META, ROWS, title="Gadget Readiness Index")
    return engine_for(folder)


@pytest.fixture(scope="module")
def stale_engine(tmp_path_factory):
    """The same table without its 2022 rows: the publisher released 2022, the data desk
    has not added it yet (the edition is declared, with no rows)."""
    folder = tmp_path_factory.mktemp("stale")
    rows = [r for r in ROWS if r["edition"] != "2022"]
    write_table(folder, "gadget_index", META, rows, title="Gadget Readiness Index")
    return engine_for(folder)


@pytest.mark.parametrize("text, as_of, expected", [
    # The article names the 2022 edition the evening before its release: its figures are
    # judged against 2022, not against the 2021 edition current at the dateline.
    ("The Gadget Readiness Index 2022 is out. Japan ranks 2nd, up from 4th.", "2022-03-14",
     [("2nd", "supported"), ("4th", "supported")]),
    ("The Gadget Readiness Index 2022 is out. Japan ranks 4th.", "2022-03-14", [("4th", "outdated")]),
    # Named a year and more before its release: a forecast, not the edition; the dateline rules.
    ("The Gadget Readiness Index 2022 will follow. Japan ranks 4th.", "2021-06-01", [("4th", "supported")]),
    # Without the edition named, the dateline decides.
    ("In the Gadget Readiness Index, Japan ranks 4th.", "2022-03-14", [("4th", "supported")]),
])
def test_an_edition_the_article_names_is_out(engine, text, as_of, expected):
    _, findings = check_text(engine, text, as_of)
    assert verdicts(findings) == expected


@pytest.mark.parametrize("text, as_of, expected", [
    # After the 2022 release, with no 2022 rows: an undated figure can be confirmed by
    # nothing current and flagged by nothing — it is about an edition the tables lack.
    ("In the Gadget Readiness Index, Japan ranks 9th.", "2022-05-01", "unverifiable"),
    ("In the Gadget Readiness Index, Japan ranks 6th.", "2022-05-01", "unverifiable"),
    # A figure with its own year is still checked against that year.
    ("In the Gadget Readiness Index 2021, Japan ranked 9th.", "2022-05-01", "contradicted"),
    # Before the expected release day (a year after the last one, less a week) the table
    # is not behind: the 2021 edition is current and a wrong figure is flagged.
    ("In the Gadget Readiness Index, Japan ranks 9th.", "2022-03-01", "contradicted"),
])
def test_a_table_behind_its_publisher_never_flags_an_undated_figure(stale_engine, text, as_of, expected):
    _, findings = check_text(stale_engine, text, as_of)
    assert [v for _, v in verdicts(findings)] == [expected]


def test_the_message_says_which_edition_is_missing(stale_engine):
    _, [finding] = check_text(stale_engine, "In the Gadget Readiness Index, Japan ranks 9th.", "2022-05-01")
    assert "2022-03" in finding.message and "Gadget Readiness Index 2021" in finding.message
    assert finding.fix is None and finding.suggestion is None


def test_a_table_without_cadence_is_never_called_behind(tmp_path):
    meta = copy.deepcopy(META)
    del meta["cadence"]
    meta["editions"] = [e for e in meta["editions"] if e["id"] != "2022"]  # nor declares 2022
    write_table(tmp_path, "gadget_index", meta, [r for r in ROWS if r["edition"] != "2022"],
                title="Gadget Readiness Index")
    _, findings = check_text(engine_for(tmp_path), "In the Gadget Readiness Index, Japan ranks 9th.", "2022-05-01")
    assert [v for _, v in verdicts(findings)] == ["contradicted"]


def test_an_edition_declared_out_without_rows_is_never_flagged_against(tmp_path):
    """Without a cadence, the table's own list of editions says 2022 is out: the figure of
    the edition current at the article's date is not held, and 2021's cannot flag it."""
    meta = copy.deepcopy(META)
    del meta["cadence"]
    write_table(tmp_path, "gadget_index", meta, [r for r in ROWS if r["edition"] != "2022"],
                title="Gadget Readiness Index")
    _, findings = check_text(engine_for(tmp_path), "In the Gadget Readiness Index, Japan ranks 9th.", "2022-05-01")
    assert [v for _, v in verdicts(findings)] == ["unverifiable"]
    assert "Gadget Readiness Index 2022" in findings[0].message

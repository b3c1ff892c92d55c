"""The seeded-error audit: a figure made wrong is a different, clearly wrong figure in the
same form; an entity is swapped only for another of its kind, named by its name."""

import re

from hypothesis import given, strategies as st

from .scripts import load

AUDIT = load("mutation_audit")


def test_places_move_by_three_with_their_suffix():
    assert AUDIT.wrong_figure("29th place") == "32nd place"
    assert AUDIT.wrong_figure("the 61st list") == "the 58th list"
    assert AUDIT.wrong_figure("498th") == "495th"


def test_figures_keep_their_form_and_years_are_left_alone():
    assert AUDIT.wrong_figure("442.5 petaflops") == "663.8 petaflops"
    assert AUDIT.wrong_figure("1,102 PFlop/s") == "1,432 PFlop/s"
    assert AUDIT.wrong_figure("in 2022, 63 economies") == "in 2022, 66 economies"
    assert AUDIT.wrong_figure("in 2022") is None


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", " petaflops", " jobs"]))
def test_a_changed_figure_is_another_number(n, unit):
    text = f"{n:,}{unit}"
    new = AUDIT.wrong_figure(text)
    digits = n if not re.fullmatch(r"(?:19|20)\d\d", str(n)) else None
    if digits is None:
        assert new is None
    else:
        assert new is not None and new != text and new.endswith(unit)


def _found(verdict, start, end, words=None, value=None, wstart=0):
    grounds = {}
    if words:
        grounds["entity"] = {"by": "article", "words": words, "value": value,
                             "span": {"start": wstart, "end": wstart + len(words)}}
    return {"verdict": verdict, "span": {"start": start, "end": end}, "grounds": grounds,
            "claim": {"unit": "rank"}}


KINDS = {"Japan": ("economy", ("japan",)), "China": ("economy", ("china",)),
         "World": ("world", ("world", "the world")), "Fugaku": ("system", ("fugaku",))}


def test_entities_are_swapped_within_their_kind_only():
    text = "Japan came 29th. The world has 63. Fugaku is 1st."
    findings = [_found("supported", 11, 15, "Japan", "Japan", 0),
                _found("supported", 31, 33, "world", "World", 21),
                _found("supported", 45, 48, "Fugaku", "Fugaku", 35)]
    seeded = AUDIT.variants(text, findings, KINDS)
    swaps = [v for v in seeded if v[0] == "entity"]
    # the world is no entity of a kind with others; Japan gets a country, Fugaku a machine
    assert [v[1][:5] for v in swaps][0] in ("Germa",)
    assert any(v[1].endswith("Frontier is 1st.") for v in swaps)
    assert not any("The Japan" in v[1] or "The China" in v[1] for v in swaps)
    # every changed span covers the new words
    for kind, new_text, start, end, _ in seeded:
        assert 0 <= start < end <= len(new_text)

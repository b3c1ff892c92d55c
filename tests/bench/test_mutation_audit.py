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
    if re.fullmatch(r"(?:19|20)\d\d", str(n)):  # a year is never the figure changed
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
    swaps = {new_text for kind, new_text, *_ in seeded if kind == "entity"}
    # Japan gets a country (none other named: the first fallback), Fugaku a machine; "the
    # world" is of no kind with others like it, so it is not swapped
    assert swaps == {"Germany came 29th. The world has 63. Fugaku is 1st.",
                     "Japan came 29th. The world has 63. Frontier is 1st."}
    # every changed span lies within the new text and covers words that changed
    for kind, new_text, start, end, _ in seeded:
        assert 0 <= start < end <= len(new_text)
        assert new_text[start:end] != text[start:end] or len(new_text) != len(text)

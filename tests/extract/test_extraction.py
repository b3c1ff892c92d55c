"""Figure and time extraction, driven by the cases in tests/cases/*.toml."""

import math
import tomllib
from pathlib import Path

import pytest

from factcheck.extract import numbers, timex

CASES = Path(__file__).parent.parent / "cases"


def _cases(name):
    return tomllib.loads((CASES / name).read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", _cases("numbers.toml"), ids=lambda c: c["text"][:40])
def test_figures(case):
    text = case["text"]
    times = timex.find(text)
    found = numbers.find(text, skip=[t.span for t in times])
    assert [q.text for q in found] == [f["text"] for f in case["figures"]]
    for q, want in zip(found, case["figures"]):
        assert text[q.span.start:q.span.end] == q.text
        assert q.value == pytest.approx(want["value"], rel=1e-4)
        assert q.kind == want["kind"]
        for key in ("currency", "hedge", "out_of"):
            if key in want:
                assert getattr(q, key) == want[key], key
        if "low" in want:
            assert q.low == pytest.approx(want["low"], rel=1e-6)
        if "high" in want:
            assert q.high == pytest.approx(want["high"], rel=1e-6)
        if "range" in want:
            assert q.range_of == pytest.approx(tuple(want["range"]))


@pytest.mark.parametrize("case", _cases("times.toml"), ids=lambda c: c["text"][:40])
def test_times(case):
    found = timex.find(case["text"])
    assert [t.text for t in found] == [w["text"] for w in case["times"]]
    for t, want in zip(found, case["times"]):
        for key in ("kind", "start", "end", "month", "years"):
            if key in want:
                assert getattr(t, key) == want[key], key


def test_offsets_are_document_positions():
    text = "Japan was 29th overall."
    found = numbers.find(text, offset=100)
    assert found[0].span.start == 100 + text.index("29th")


def test_hedged_intervals_follow_their_words():
    more = numbers.find("more than 300 million")[0]
    assert more.low == 3e8 and math.isinf(more.high)
    less = numbers.find("fewer than 20 systems")[0]
    assert math.isinf(less.low) and less.high == 20

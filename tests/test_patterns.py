"""The compiled-pattern cache (factcheck.patterns): a pattern built from kept code is the
pattern ``re.compile`` makes, and any file it can't trust is ignored, never obeyed."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import patterns

pytestmark = pytest.mark.skipif(patterns._sre is None, reason="needs CPython's regular-expression engine")


def store(tmp_path):
    return patterns._Store(str(tmp_path / "patterns.bin"), patterns._header())


def saved_and_reread(tmp_path, items):
    first = store(tmp_path)
    for pattern, flags in items:
        first.compile(pattern, flags)
    first.save()
    return store(tmp_path)


# Patterns built from the constructs the extractors use: literals, classes, alternation,
# groups (named, non-capturing, atomic-free), lookarounds, backreferences, quantifiers.
ATOMS = st.sampled_from([
    r"a", r"\d", r"\w+", r"[A-Z]", r"[^\s,]", r"\b", r"\s*", r"(?:th|st)", r"[€$£]", r"é", r"ü",
    r"\.", r"%", r"(?i:rank)", r"[\u2013\u2014-]", r"\bJapan\b", r"\d{1,3}(?:,\d{3})*",
])


@st.composite
def regexes(draw):
    parts = []
    for i in range(draw(st.integers(1, 6))):
        atom = draw(ATOMS)
        wrap = draw(st.sampled_from(["", "group", "named", "ahead", "behind", "quant", "alt"]))
        if wrap == "group":
            atom = f"({atom})"
        elif wrap == "named":
            atom = f"(?P<g{i}>{atom})"
        elif wrap == "ahead":
            atom = f"(?!{atom})"
        elif wrap == "behind":
            atom = "(?<![a-z])"
        elif wrap == "quant":
            atom = f"(?:{atom}){draw(st.sampled_from(['?', '*', '+', '{2}', '{0,3}?']))}"
        elif wrap == "alt":
            atom = f"(?:{atom}|{draw(ATOMS)})"
        parts.append(atom)
    return "".join(parts)


FLAGS = st.sampled_from([0, re.I, re.M, re.S | re.I, re.X, re.A])


@settings(max_examples=60, deadline=None)
@given(items=st.lists(st.tuples(regexes(), FLAGS), min_size=1, max_size=5))
def test_a_pattern_from_kept_code_is_the_pattern_re_makes(tmp_path_factory, items):
    again = saved_and_reread(tmp_path_factory.mktemp("p"), items)
    for pattern, flags in items:
        assert (pattern, int(flags)) in again.raw  # served from the file, not recompiled
        made = again.compile(pattern, flags)
        assert made == re.compile(pattern, flags)  # equality compares the generated code
        assert made.groupindex == re.compile(pattern, flags).groupindex
        for text in ("Japan ranked 28th", "a1, b22 — é", "€5,000,000 and $3", ""):
            assert [m.span() for m in made.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


def test_the_extractors_patterns_round_trip(tmp_path):
    import factcheck.judge.check  # noqa: F401 - compiles every extractor's pattern

    wanted = [(p.pattern, p.flags) for p in _module_patterns()]
    assert len(wanted) > 100
    again = saved_and_reread(tmp_path, wanted)
    for pattern, flags in wanted:
        assert again.compile(pattern, flags) == re.compile(pattern, flags)


def _module_patterns():
    found = []
    for name, module in list(sys.modules.items()):
        if name.startswith("factcheck."):
            found.extend(v for v in vars(module).values() if isinstance(v, re.Pattern) and isinstance(v.pattern, str))
    return found


def test_a_damaged_file_is_ignored(tmp_path):
    saved_and_reread(tmp_path, [(r"\d+th", 0)])
    path = tmp_path / "patterns.bin"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    again = store(tmp_path)
    assert again.raw == {}
    assert again.compile(r"\d+th", 0) == re.compile(r"\d+th")


def test_another_interpreters_file_is_ignored(tmp_path):
    saved_and_reread(tmp_path, [(r"\d+th", 0)])
    other = patterns._Store(str(tmp_path / "patterns.bin"), b"factcheck-patterns 1 0 0 another python\n")
    assert other.raw == {}


def test_code_the_engine_refuses_falls_back_to_re_compile(tmp_path):
    # A file with a right checksum whose code is not valid engine code: the engine's own
    # validation refuses it, and the pattern is compiled as re.compile would.
    first = store(tmp_path)
    first.compile(r"(?P<n>\d+)(st|nd|rd|th)", 0)
    key, = first.raw
    record = first.get(key)
    broken = list(record)
    broken[2] = [7] * len(record[2])
    first.add(key, tuple(broken))
    first.save()
    again = store(tmp_path)
    assert again.get(key) == tuple(broken)
    assert again.compile(*key) == re.compile(*key)
    assert again.get(key) == record  # the good record replaced the refused one


def test_save_keeps_what_another_process_wrote(tmp_path):
    one, two = store(tmp_path), store(tmp_path)
    one.compile(r"first\d", 0)
    two.compile(r"second\w", re.I)
    one.save()
    two.save()
    assert set(store(tmp_path).raw) == {(r"first\d", 0), (r"second\w", int(re.I))}


def test_no_file_without_a_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    monkeypatch.setattr(patterns._Store, "_tried", False)
    monkeypatch.setattr(patterns._Store, "_instance", None)
    assert patterns._Store.current() is None
    assert patterns.compile(r"\d+", re.I) == re.compile(r"\d+", re.I)

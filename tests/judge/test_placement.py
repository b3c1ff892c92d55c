"""Which country a sentence puts a system in (``judge.placement``), and which country the
tables give it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import placement
from factcheck.model import EntityMention, Span
from factcheck.reference import library


def _mentions(text: str, country: str, via: str, system: str = "Fugaku"):
    at = text.index(country)
    sys_at = text.index(system, at + len(country))
    return ([EntityMention(Span(at, at + len(country)), "Japan", "economy", via)],
            EntityMention(Span(sys_at, sys_at + len(system)), system, "system"))


@pytest.mark.parametrize("text, country, via, placed", [
    ("Japan's Fugaku came second.", "Japan", "name", True),
    ("Japan’s flagship Fugaku came second.", "Japan", "name", True),
    ('Japan\'s new "Fugaku" came second.', "Japan", "name", True),
    ("the Japanese Fugaku came second.", "Japanese", "demonym", True),
    ("Japan's answer to Fugaku came second.", "Japan", "name", False),
    ("Japan and Fugaku came second.", "Japan", "name", False),
    ("Japan Fugaku came second.", "Japan", "name", False),  # no possessive after a name
    ("Japan's very fast new Fugaku came second.", "Japan", "name", False),  # three words between
    ("Japan's RIKEN Fugaku came second.", "Japan", "name", False),  # a capitalised word between
    ("Japanese and American Fugaku rivals.", "Japanese", "demonym", False),
])
def test_placing_country(text, country, via, placed):
    mentions, system = _mentions(text, country, via)
    got = placement.placing_country(text, 0, mentions, system)
    assert (got is not None) == placed


def test_a_country_after_the_system_places_nothing():
    text = "Fugaku, Japan's machine, came second."
    at = text.index("Japan")
    mentions = [EntityMention(Span(at, at + 5), "Japan", "economy")]
    assert placement.placing_country(text, 0, mentions, EntityMention(Span(0, 6), "Fugaku", "system")) is None


@settings(max_examples=300, deadline=None)
@given(gap=st.text(alphabet=st.sampled_from(list("ab 's’\"“-,.X")), max_size=40))
def test_any_gap_gives_a_mention_before_the_system_or_none(gap):
    text = f"Japan{gap}Fugaku"
    mentions = [EntityMention(Span(0, 5), "Japan", "economy")]
    system = EntityMention(Span(5 + len(gap), 11 + len(gap)), "Fugaku", "system")
    got = placement.placing_country(text, 0, mentions, system)
    assert got is None or (got.span.end <= system.span.start and len(gap.split()) <= 3)


def test_installed_in_reads_the_tables_country_of_a_system():
    lib = library.load()
    table, row = placement.installed_in(lib, "Fugaku")
    assert (table.id, row.value) == ("top500", "Japan")
    _, row = placement.installed_in(lib, "Fugaku", "2021-06")
    assert row.period == "2021-06"
    assert placement.installed_in(lib, "Japan") is None  # a country has no country

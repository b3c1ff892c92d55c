"""Entities, sources and the passage's subject, found in sentences."""

from factcheck.read import document
from factcheck.reference import library
from factcheck.extract.claims import Extractors, analyse, extract
from factcheck.extract.entities import EntityFinder
from factcheck.extract.sources import SourceFinder

LIB = library.load(use_cache=False)
ENTITIES = EntityFinder(LIB)
SOURCES = SourceFinder(LIB)


def names(text):
    return [(text[m.span.start:m.span.end], m.entity, m.via) for m in ENTITIES.find(text)]


def test_countries_aliases_and_demonyms():
    assert names("Japanese firms trail the U.S. and South Korea.") == [
        ("Japanese", "Japan", "demonym"), ("the U.S.", "United States", "name"), ("South Korea", "South Korea", "name")]


def test_case_matters_for_short_names():
    assert names("Let us see what the US does.") == [("the US", "United States", "name")]


def test_small_misspellings_are_tolerated_but_words_are_not_countries():
    assert names("Singapoer came third.") == [("Singapoer", "Singapore", "fuzzy")]
    assert names("Turkey sandwiches and Jordan sneakers.")[0][1] == "Turkey"
    assert names("Finish the report.") == []


def test_names_wrapped_across_lines():
    assert names("the United\nStates came fourth") == [("United\nStates", "United States", "name")]


def test_table_specific_names():
    assert [n[1] for n in names("Fugaku and Llama 2 and Fugaku-LLM")] == ["Fugaku", "Llama 2", "Fugaku-LLM"]


def test_sources_by_name_publisher_and_misspelling():
    found = SOURCES.find("According to the IMD World Digital Competitivness Ranking and METI,")
    tables = [(s.tables, s.exact) for s in found]
    assert (("imd_wdcr",), True) in tables
    assert (("meti_it_workforce",), False) in tables
    assert SOURCES.find("imd said") == []  # "IMD" is written in capitals


def test_the_nation_is_the_paragraphs_country():
    text = "Japan slipped again this year.\n\nThe nation is ranked 29th in the IMD digital ranking.\n"
    doc = document.from_text(text, "a.txt")
    [claim] = extract(doc, Extractors.for_library(LIB))
    assert claim.entities[0].entity == "Japan" and claim.entities[0].via == "reference"
    assert claim.passage_entities[0] == "Japan"


def test_world_in_a_ranking_name_is_not_an_entity():
    doc = document.from_text("The IMD World Digital Competitiveness Ranking 2022 has 63 economies.", "a.txt")
    [part] = analyse(doc, Extractors.for_library(LIB))
    assert [e.entity for e in part.entities] == []

"""Reading articles: encodings, line ends, Markdown masking, front matter, positions."""

import datetime as dt

import pytest

from factcheck.read import document
from factcheck.extract import sentences
from factcheck.errors import InputError


def test_bom_and_crlf_keep_positions(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffFirst line.\r\nJapan was 29th.\r\n".encode("utf-8"))
    doc = document.read_path(str(path))
    assert not doc.text.startswith("\ufeff")
    offset = doc.text.index("29th")
    assert doc.line_col(offset) == (2, 11)
    assert len(doc.prose) == len(doc.text)


def test_binary_and_non_utf8_are_input_errors(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="binary"):
        document.read_path(str(tmp_path / "b.txt"))
    (tmp_path / "c.txt").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        document.read_path(str(tmp_path / "c.txt"))
    with pytest.raises(InputError, match="no such file"):
        document.read_path(str(tmp_path / "missing.txt"))


def test_markdown_masks_code_front_matter_and_link_targets():
    text = ("---\ntitle: T\ndate: 2023-07-06\n---\n# Heading 7\n\nJapan was `29th` and"
            " [29th](https://x.test/29) here.\n\n```\nranked 3rd\n```\n\n    indented 5th\n")
    doc = document.from_text(text, "a.md", markdown=True)
    assert doc.as_of == dt.date(2023, 7, 6)
    assert doc.title == "T"
    assert len(doc.prose) == len(doc.text)
    assert "`29th`" not in doc.prose and "3rd" not in doc.prose and "5th" not in doc.prose
    assert "https" not in doc.prose
    assert "[29th]" not in doc.prose and " 29th " in doc.prose
    assert "date" not in doc.prose


def test_front_matter_date_must_be_real():
    with pytest.raises(InputError, match="front-matter date"):
        document.from_text("---\ndate: 2023-13-45\n---\nText.\n", "a.md", markdown=True)


def test_as_of_option_overrides_front_matter():
    doc = document.from_text("---\ndate: 2020-01-01\n---\nx\n", "a.md", markdown=True,
                             as_of=dt.date(2024, 1, 1))
    assert doc.as_of == dt.date(2024, 1, 1)


def test_sentences_split_with_spans_headlines_and_list_items():
    text = ("A headline without a stop\n\nThe U.S. was 1st. Japan was 29th, down from 28th!\n"
            "- first item 3%\n- second item\n\nDr. Smith said 5.5 is fine. It works.\n")
    doc = document.from_text(text, "a.txt")
    found = sentences.split(doc.prose)
    texts = [s.text for s in found]
    assert texts == [
        "A headline without a stop", "The U.S. was 1st.", "Japan was 29th, down from 28th!",
        "first item 3%", "second item", "Dr. Smith said 5.5 is fine.", "It works.",
    ]
    assert found[0].heading
    for s in found:
        assert text[s.span.start:s.span.end] == s.text
    assert len({s.paragraph for s in found}) == 5


def test_sentences_glued_without_a_space_are_split():
    # pages that lost the space after a full stop; not abbreviations, initials, domains
    # or a decimal point
    text = ("Korea rose four places from last year.Of the 63 economies, it was 8th. "
            "Sales rose 5.5% at Amazon.com in the U.S.Treasury data, e.g.The one. Mrs.Smith agreed.")
    found = sentences.split(document.from_text(text, "a.txt").prose)
    assert [s.text for s in found] == [
        "Korea rose four places from last year.", "Of the 63 economies, it was 8th.",
        "Sales rose 5.5% at Amazon.com in the U.S.Treasury data, e.g.The one.", "Mrs.Smith agreed.",
    ]


def test_one_paragraph_a_line_without_final_stops():
    # a page pasted one paragraph a line, where one paragraph lost its full stop; a line
    # that goes on in lower case is still the same paragraph
    long = "The second system on the list runs at a national laboratory and remains the fastest machine in the country"
    text = (long + "\nAt number three is another machine, which delivers 94.6 petaflops on the benchmark run.\n"
            + long + " and\nkeeps going on the next line, which starts in lower case for this test.\n")
    found = sentences.split(document.from_text(text, "a.txt").prose)
    assert [s.text for s in found] == [
        long, "At number three is another machine, which delivers 94.6 petaflops on the benchmark run.",
        long + " and\nkeeps going on the next line, which starts in lower case for this test.",
    ]
    assert [s.paragraph for s in found] == [0, 1, 2]


def test_markdown_heading_is_its_own_sentence():
    doc = document.from_text("# Title here\nBody text follows.\n", "a.md", markdown=True)
    found = sentences.split(doc.prose, doc.heading_lines)
    assert [s.text for s in found] == ["Title here", "Body text follows."]
    assert found[0].heading and not found[1].heading

"""The versioned JSON report (docs/json-format.md)."""

from __future__ import annotations

import json

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
LISTS = ("findings", "suppressed", "problems")
"""A document's lists, written one item at a time."""


def render(report: dict) -> str:
    return "".join(chunks(report))


def chunks(report: dict):
    """The report as pieces of text, made one by one: written as they come, a report of
    hundreds of thousands of findings is never held whole in memory. Each finding is one
    piece, encoded by json's C encoder (``JSONEncoder.iterencode`` walks the report in
    Python, one tiny piece per value: three times slower for a folder's report).

    No indentation and no spaces after separators: the report is read by programs, and
    the text is the same as ``json.dumps(report, ensure_ascii=False, separators=(",", ":"))``."""
    encode = _ENCODER.encode
    yield "{"
    for i, (key, value) in enumerate(report.items()):
        yield ("," if i else "") + encode(key) + ":"
        if key == "documents" and isinstance(value, list):
            yield "["
            for j, document in enumerate(value):
                if j:
                    yield ","
                yield from _document(document, encode)
            yield "]"
        else:
            yield encode(value)
    yield "}\n"


def _document(document: dict, encode):
    yield "{"
    for i, (key, value) in enumerate(document.items()):
        head = ("," if i else "") + encode(key) + ":"
        if key in LISTS and isinstance(value, list):
            yield head + "["
            for j, item in enumerate(value):
                yield ("," if j else "") + encode(item)
            yield "]"
        else:
            yield head + encode(value)
    yield "}"

"""The versioned JSON report (docs/json-format.md)."""

from __future__ import annotations

import json


def render(report: dict) -> str:
    return "".join(chunks(report))


def chunks(report: dict):
    """The report as pieces of text, made one by one: written as they come, a report of
    hundreds of thousands of findings is never held whole in memory (json.dumps with an
    indent builds a list of every piece first: gigabytes for a number dump). No indentation
    and no spaces after separators: the report is read by programs, and indentation made a
    report of many findings about a third bigger and slower to write and to parse."""
    yield from json.JSONEncoder(ensure_ascii=False, sort_keys=False, separators=(",", ":")).iterencode(report)
    yield "\n"

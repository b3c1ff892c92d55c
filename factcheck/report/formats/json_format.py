"""The versioned JSON report (docs/json-format.md)."""

from __future__ import annotations

import json


def render(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

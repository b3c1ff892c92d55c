"""Output formats: each a function from the run's records to text.

An explicit registry, as yamllint does for its rules: ``get(name)`` raises on an unknown
name, and nothing is found by import-time magic.
"""

from __future__ import annotations

import enum
from importlib import import_module


class Format(str, enum.Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


_MODULES = {
    Format.JSON: "json_format",
    Format.SARIF: "sarif",
    Format.GITHUB: "github",
    Format.JUNIT: "junit",
    Format.GITLAB: "gitlab",
}


def get(fmt: Format):
    """The ``render(report: dict) -> str`` function of a machine format."""
    module = import_module(f"{__name__}.{_MODULES[Format(fmt)]}")
    return module.render

"""The one exception tree of factcheck.

    FactcheckError            anything the CLI turns into one line and exit status 2
    ├── InputError            an article that can't be read (missing, binary, not UTF-8)
    ├── DataError             reference data that is broken (bad JSON, missing columns)
    │   └── TableError        a table that can't be loaded, with every ``Problem`` found
    ├── ConfigError           a bad setting in the project's config
    └── FetchError            a URL that can't or may not be fetched

Stage code raises these and never prints or exits; ``cli`` catches them once.
"""

from .dataclassgen import dataclass


class FactcheckError(Exception):
    """Base class: the message is one plain line meant for an editor."""


class InputError(FactcheckError):
    pass


class DataError(FactcheckError):
    pass


class ConfigError(FactcheckError):
    pass


class FetchError(FactcheckError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with reference data: where (file, CSV row or JSON path), which
    rule, and what. Printed as ``file:row: rule [field] message``."""

    file: str
    row: int | None
    field: str | None
    message: str
    rule: str = ""

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row is not None else "")
        rule = f" {self.rule}" if self.rule else ""
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{rule}{field} {self.message}"


class TableError(DataError):
    """A table that cannot be loaded at all; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more: run 'factcheck data validate')" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")

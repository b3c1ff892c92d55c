"""The one exception tree of factcheck.

    FactcheckError            anything the CLI turns into one line and exit status 2
    ├── InputError            an article that can't be read (missing, binary, not UTF-8)
    ├── DataError             reference data that is broken (bad JSON, missing columns)
    ├── ConfigError           a bad setting in the project's config
    └── FetchError            a URL that can't or may not be fetched

Stage code raises these and never prints or exits; ``cli`` catches them once.
"""


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

"""Project configuration: ``[tool.factcheck]`` in pyproject.toml or a factcheck.toml.

As yamllint does with ``conf/default.yaml``, the defaults ship as data
(``factcheck/defaults.toml``) and double as the list of known keys: a project's value
must have the type of the default, and a key the defaults lack is an error that names it.
The config file is found by walking up from the checked files; relative paths in it are
relative to the folder holding it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import sys
from dataclasses import field, replace
from pathlib import Path

from . import patterns
from .caches import KeptFile, cache_dir
from .dataclassgen import dataclass
from .errors import ConfigError

SIZE = patterns.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib|k|m|g)?\s*$")
SIZE_UNITS = {"b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3,
              "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def parse_size(value: str | int) -> int:
    """Bytes from ``5MB``, ``500KB``, ``2GiB`` or a plain number of bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        number, unit = float(value), "b"
    else:
        m = SIZE.match(str(value))
        if not m:
            raise ValueError(f"{value!r} is not a size (write it like 5MB, 500KB or 2000000)")
        number, unit = float(m.group(1)), (m.group(2) or "b").lower()
    size = int(number * SIZE_UNITS[unit])
    if size < 1:
        raise ValueError(f"{value!r} is not a size above zero")
    return size



CONFIG_NAMES = ("factcheck.toml", "pyproject.toml")
"""Looked for in this order in each folder, from the checked files up to the file system root."""

FAIL_ON = ("error", "warning", "never")
SHOW = ("info", "warning", "error")
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
VERDICTS = ("supported", "contradicted", "misattributed", "outdated", "needs_context", "unverifiable")
AS_OF_RULES = ("article", "today")
OVERRIDE_KEYS = ("as_of", "fail_on", "disable_tables", "disable_verdicts")
"""What an ``[[overrides]]`` entry may change besides its ``paths``."""


def defaults() -> dict:
    """The shipped defaults (factcheck/defaults.toml), read fresh each time. (Read beside
    this module rather than through importlib.resources, whose zip support pulls zipfile
    and tempfile into every start-up; the package is always installed as files.)"""
    return _parsed((Path(__file__).resolve().parent / "defaults.toml").read_text(encoding="utf-8"))


class _KeptToml(KeptFile):
    """What ``tomllib`` made of each config text read on this machine: a run whose config
    text is unchanged does not import ``tomllib`` (~3 ms of every start-up)."""

    def valid(self, value) -> bool:
        return isinstance(value, dict)

    @classmethod
    def opened(cls) -> "_KeptToml | None":
        folder = cache_dir()
        if folder is None:
            return None
        return cls(os.path.join(folder, "toml.bin"), f"factcheck-toml 1 {sys.version}\n".encode("utf-8", "replace"), 64)


def _parsed(text: str) -> dict:
    """``tomllib.loads(text)``, from the kept result when there is one (each call gets its
    own copy). Only results ``marshal`` writes whole (no TOML dates) are kept."""
    kept = _KeptToml.current()
    found = kept.get(text) if kept is not None else None
    if found is not None:
        return found
    import tomllib
    value = tomllib.loads(text)
    if kept is not None:
        kept.add(text, value)  # not kept when it holds a date or time (marshal can't write them)
    return value


@dataclass(frozen=True)
class PathSettings:
    """The settings that may differ from one article to another."""

    as_of: str = "article"
    """``article``, ``today`` or an ISO date."""
    fail_on: str = "error"
    disable_tables: frozenset[str] = frozenset()
    disable_verdicts: frozenset[str] = frozenset()

    def as_of_date(self, today: dt.date | None = None) -> dt.date | None:
        """The date to judge the article at, or None to use its own front-matter date."""
        if self.as_of == "article":
            return None
        if self.as_of == "today":
            return today or dt.date.today()
        return dt.date.fromisoformat(self.as_of)


@dataclass(frozen=True)
class Override:
    """Settings that apply only to the files matching some globs."""

    paths: tuple[str, ...]
    """Globs relative to the config folder, as in ``include``."""
    values: dict
    """Only the keys the override sets."""


@dataclass(frozen=True)
class Config:
    """A project's settings: the defaults with its config file's values applied."""

    root: Path
    """The folder relative paths are resolved from: the config file's folder, or the
    current folder when there is no config file."""
    source: Path | None = None
    """The file the settings came from, or None for the shipped defaults alone."""
    data: tuple[Path, ...] = ()
    fail_on: str = "error"
    show: str = "info"
    format: str = "text"
    output: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    decisions: Path = Path(".factcheck/decisions.json")
    as_of: str = "article"
    disable_tables: frozenset[str] = frozenset()
    disable_verdicts: frozenset[str] = frozenset()
    jobs: int = 1
    max_size: int = 5_000_000
    """The largest article read, in bytes."""
    report_unused_suppressions: bool = False
    overrides: tuple[Override, ...] = field(default_factory=tuple)

    def for_path(self, path: str) -> PathSettings:
        """The settings for one article: the project's, then every matching override in order."""
        values = {"as_of": self.as_of, "fail_on": self.fail_on,
                  "disable_tables": self.disable_tables, "disable_verdicts": self.disable_verdicts}
        relative = relative_to(path, self.root)
        for override in self.overrides:
            if matches(relative, override.paths):
                values.update(override.values)
        return PathSettings(**values)


def relative_to(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, or as given when it lies outside."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def matches(relative: str, patterns: tuple[str, ...] | frozenset[str]) -> bool:
    """Does a relative POSIX path match one of the globs?

    fnmatch rules, where ``*`` also crosses folders (so ``archive/*`` is the whole
    archive); a pattern also matches the file name alone (``*.draft.md``), and a leading
    ``**/`` may match no folder at all (``**/drafts/**`` matches ``drafts/a.md``).
    """
    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        candidates = [pattern, pattern[3:]] if pattern.startswith("**/") else [pattern]
        if any(fnmatch.fnmatchcase(relative, p) for p in candidates) or fnmatch.fnmatchcase(name, pattern):
            return True
    return False


# -- finding and reading the file ----------------------------------------------------------


def find(start_paths: list[str], cwd: Path | None = None) -> Path | None:
    """The config file for these paths: walk up from their common folder to the root.

    A pyproject.toml without a ``[tool.factcheck]`` table does not count, so a project can
    keep its settings in a factcheck.toml next to an unrelated pyproject.toml. The walk
    stops at the root of a Git repository (the folder holding ``.git``), as black's does,
    so a checkout never picks up settings from the folders it happens to sit in.
    """
    folder = _common_folder(start_paths, cwd or Path.cwd())
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or "factcheck" in _read(path).get("tool", {})):
                return path
        if (candidate / ".git").exists():
            break
    return None


def _common_folder(paths: list[str], cwd: Path) -> Path:
    folders = []
    for arg in paths:
        if arg == "-" or arg.startswith(("http://", "https://")):
            continue
        # For a glob, start from the part before the first wildcard.
        plain = Path(arg.split("*")[0].split("?")[0].split("[")[0] or ".")
        absolute = plain if plain.is_absolute() else cwd / plain
        folders.append(absolute if absolute.is_dir() else absolute.parent)
    if not folders:
        return cwd
    try:
        return Path(os.path.commonpath([str(f) for f in folders]))
    except ValueError:  # different drives on Windows
        return cwd


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None
    try:
        return _parsed(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def load(path: Path | None) -> Config:
    """Read a config file (or, for None, just the shipped defaults) and check every value."""
    if path is None:
        return build({}, Path.cwd(), None)
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    raw = _read(path)
    if path.name == "pyproject.toml":
        table = raw.get("tool", {}).get("factcheck")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.factcheck] table")
        prefix = "tool.factcheck."
    else:
        table = raw  # factcheck.toml holds the keys at its top level
        prefix = ""
    return build(table, path.parent.resolve(), path, prefix)


def discover(start_paths: list[str], explicit: Path | None = None) -> Config:
    """The config for a run: ``--config FILE`` if given, else the nearest config file.

    Without a config file, the decisions file is looked for upward too (see
    ``project_decisions``), so that a check run from a sub-folder still finds it."""
    path = explicit if explicit is not None else find(start_paths)
    config = load(path)
    if path is None:
        config = replace(config, decisions=project_decisions(start_paths))
    return config


def project_decisions(start_paths: list[str], cwd: Path | None = None) -> Path:
    """Where the decisions file is when no config file says: as git looks for ``.git``,
    in the checked files' folder and each folder above it, up to the root of the Git
    repository; when there is none yet, it belongs at that root (or, outside a
    repository, in the current folder), which is where ``baseline`` creates it."""
    cwd = cwd or Path.cwd()
    relative = Path(defaults()["decisions"])
    folder = _common_folder(start_paths, cwd)
    for candidate in (folder, *folder.parents):
        if (candidate / relative).is_file():
            return candidate / relative
        if (candidate / ".git").exists():
            return candidate / relative
    return cwd / relative


# -- checking values ----------------------------------------------------------------------


def build(table: dict, root: Path, source: Path | None, prefix: str = "") -> Config:
    where = f"{source}: " if source else ""
    known = defaults()
    values = dict(known)
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{where}unknown key '{prefix}{key}' "
                              f"(known keys: {', '.join(sorted(known))})")
        values[key] = _check(key, value, known[key], f"{where}'{prefix}{key}'")
    overrides = tuple(_override(entry, i, where, prefix) for i, entry in enumerate(values["overrides"]))
    return Config(
        root=root,
        source=source,
        data=tuple(root / p for p in values["data"]),
        fail_on=values["fail_on"],
        show=values["show"],
        format=values["format"],
        output=root / values["output"] if values["output"] else None,
        include=tuple(values["include"]),
        exclude=tuple(values["exclude"]),
        decisions=root / values["decisions"],
        as_of=values["as_of"],
        disable_tables=frozenset(values["disable_tables"]),
        disable_verdicts=frozenset(values["disable_verdicts"]),
        jobs=values["jobs"],
        max_size=parse_size(values["max_size"]),
        report_unused_suppressions=values["report_unused_suppressions"],
        overrides=overrides,
    )


CHOICES = {"fail_on": FAIL_ON, "show": SHOW, "format": FORMATS}


def _check(key: str, value, default, name: str):
    """``value`` if it has the default's type and an allowed value; else a ConfigError."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be true or false, not {value!r}")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{name} must be a whole number, not {value!r}")
        if key == "jobs" and value < 1:
            raise ConfigError(f"{name} must be at least 1, not {value!r}")
    elif key == "max_size":
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ConfigError(f"{name} must be a size such as \"5MB\", not {value!r}")
        try:
            parse_size(value)
        except ValueError as exc:
            raise ConfigError(f"{name}: {exc}") from None
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{name} must be a string, not {value!r}")
        if key in CHOICES and value not in CHOICES[key]:
            raise ConfigError(f"{name} is {value!r}; expected one of {', '.join(CHOICES[key])}")
        if key == "as_of":
            _check_as_of(value, name)
        if key == "decisions" and not value:
            raise ConfigError(f"{name} must name a file")
    elif isinstance(default, list):
        if not isinstance(value, list):
            raise ConfigError(f"{name} must be a list, not {value!r}")
        if key == "overrides":
            return value  # each entry is checked by _override
        for item in value:
            if not isinstance(item, str) or not item:
                raise ConfigError(f"{name} must be a list of non-empty strings; {item!r} is not one")
        if key == "disable_verdicts":
            for item in value:
                if item not in VERDICTS:
                    raise ConfigError(f"{name}: {item!r} is not a verdict; expected one of {', '.join(VERDICTS)}")
    return value


def _check_as_of(value: str, name: str) -> None:
    if value in AS_OF_RULES:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name} is {value!r}; expected \"article\", \"today\" or a date as YYYY-MM-DD") from None


def _override(entry, index: int, where: str, prefix: str) -> Override:
    name = f"{where}'{prefix}overrides[{index}]'"
    if not isinstance(entry, dict):
        raise ConfigError(f"{name} must be a table with 'paths' and the settings to change")
    known = defaults()
    values = {}
    for key, value in entry.items():
        if key == "paths":
            continue
        if key not in OVERRIDE_KEYS:
            raise ConfigError(f"{name}: unknown key '{key}' (an override may set "
                              f"{', '.join(OVERRIDE_KEYS)})")
        value = _check(key, value, known[key], f"{name}.{key}")
        values[key] = frozenset(value) if isinstance(value, list) else value
    paths = entry.get("paths")
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
        raise ConfigError(f"{name}.paths must be a non-empty list of globs")
    return Override(tuple(paths), values)


def _named_tables(config: Config) -> set[str]:
    named = set(config.disable_tables)
    for override in config.overrides:
        named |= set(override.values.get("disable_tables", ()))
    return named


def names_tables(config: Config) -> bool:
    """Whether the config names any table (which ``check_tables`` must then find)."""
    return bool(_named_tables(config))


def check_tables(config: Config, table_ids: set[str]) -> None:
    """A disabled table must exist, so that a typo does not silently disable nothing."""
    unknown = sorted(_named_tables(config) - table_ids)
    if unknown:
        where = f"{config.source}: " if config.source else ""
        raise ConfigError(f"{where}disable_tables names {unknown[0]!r}, which is not a table "
                          "(see 'factcheck data list')")

"""Project config: discovery, the shipped defaults, overrides, and every error naming its key."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import config
from factcheck.errors import ConfigError

ERRORS = tomllib.loads((Path(__file__).parent.parent / "golden" / "ci" / "config_errors.toml")
                       .read_text(encoding="utf-8"))["error"]


@pytest.mark.parametrize("case", ERRORS, ids=[c["says"][:40] for c in ERRORS])
def test_config_errors_name_the_file_and_the_key(tmp_path, case):
    path = tmp_path / "factcheck.toml"
    path.write_text(case["body"], encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert str(path) in str(info.value)
    assert case["says"] in str(info.value)


def test_pyproject_errors_use_the_full_key(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.factcheck]\nfail-on = "error"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'tool\.factcheck\.fail-on'"):
        config.load(path)


def test_explicit_pyproject_without_table_is_an_error(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"has no \[tool\.factcheck\] table"):
        config.load(path)


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        config.load(tmp_path / "nope.toml")


def test_defaults_ship_as_package_data_and_cover_every_field():
    defaults = config.defaults()
    fields = set(config.Config.__dataclass_fields__) - {"root", "source"}
    assert set(defaults) == fields
    built = config.build({}, Path("/project"), None)
    assert built.fail_on == "error" and built.show == "info" and built.format == "text"
    assert built.decisions == Path("/project/.factcheck/decisions.json")
    assert built.jobs == 1 and built.overrides == ()


def test_every_value_is_resolved(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text("""
data = ["tables"]
fail_on = "warning"
show = "error"
format = "sarif"
output = "out/factcheck.sarif"
include = ["articles/**"]
exclude = ["**/drafts/**"]
decisions = "review/decisions.json"
as_of = "2024-01-31"
disable_tables = ["top500"]
disable_verdicts = ["unverifiable"]
jobs = 2
report_unused_suppressions = true
""", encoding="utf-8")
    c = config.load(path)
    assert c.source == path
    assert c.data == (tmp_path / "tables",)
    assert c.output == tmp_path / "out/factcheck.sarif"
    assert c.decisions == tmp_path / "review/decisions.json"
    assert (c.fail_on, c.show, c.format, c.jobs) == ("warning", "error", "sarif", 2)
    assert c.include == ("articles/**",) and c.exclude == ("**/drafts/**",)
    assert c.disable_tables == {"top500"} and c.disable_verdicts == {"unverifiable"}
    assert c.report_unused_suppressions is True
    assert c.for_path(str(tmp_path / "a.md")).as_of_date() == dt.date(2024, 1, 31)


# -- discovery --------------------------------------------------------------------------------


def test_found_by_walking_up_from_the_checked_files(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "warning"\n', encoding="utf-8")
    deep = tmp_path / "articles" / "2024"
    deep.mkdir(parents=True)
    (deep / "a.md").write_text("x", encoding="utf-8")
    found = config.find([str(deep / "a.md")], cwd=Path("/"))
    assert found == tmp_path / "pyproject.toml"
    assert config.discover([str(deep / "a.md")]).fail_on == "warning"


def test_factcheck_toml_wins_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "warning"\n', encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    assert config.find([str(tmp_path)]) == tmp_path / "factcheck.toml"


def test_pyproject_without_factcheck_table_is_passed_over(tmp_path):
    (tmp_path / "factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    inner = tmp_path / "site"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert config.find([str(inner)]) == tmp_path / "factcheck.toml"


def test_the_walk_stops_at_the_repository_root(tmp_path):
    (tmp_path / "factcheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    repo = tmp_path / "newsroom"
    (repo / ".git").mkdir(parents=True)
    (repo / "articles").mkdir()
    assert config.find([str(repo / "articles")]) is None


def test_common_folder_of_several_paths_and_globs(tmp_path):
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    args = [str(tmp_path / "a" / "x.md"), str(tmp_path / "b" / "*.md")]
    assert config.find(args) == tmp_path / "factcheck.toml"


def test_no_config_means_defaults_rooted_at_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = config.discover(["-"])
    assert c.source is None and c.root == tmp_path
    assert c.decisions == tmp_path / ".factcheck" / "decisions.json"


# -- overrides and patterns ---------------------------------------------------------------------


def test_overrides_apply_in_order_to_matching_paths(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text("""
fail_on = "warning"
disable_verdicts = ["unverifiable"]

[[overrides]]
paths = ["archive/**"]
as_of = "article"
fail_on = "never"

[[overrides]]
paths = ["archive/2019/**"]
as_of = "2019-12-31"
disable_tables = ["top500"]
""", encoding="utf-8")
    c = config.load(path)
    plain = c.for_path(str(tmp_path / "articles" / "a.md"))
    old = c.for_path(str(tmp_path / "archive" / "2020" / "a.md"))
    older = c.for_path(str(tmp_path / "archive" / "2019" / "a.md"))
    assert (plain.fail_on, plain.as_of) == ("warning", "article")
    assert (old.fail_on, old.as_of, old.disable_tables) == ("never", "article", frozenset())
    assert (older.fail_on, older.as_of, older.disable_tables) == ("never", "2019-12-31", {"top500"})
    assert older.disable_verdicts == {"unverifiable"}  # not overridden: the project's value


@pytest.mark.parametrize("relative, patterns, expected", [
    ("archive/2020/a.md", ("archive/**",), True),
    ("archive/a.md", ("archive/*",), True),
    ("articles/a.md", ("archive/**",), False),
    ("drafts/a.md", ("**/drafts/**",), True),
    ("articles/drafts/a.md", ("**/drafts/**",), True),
    ("articles/a.draft.md", ("*.draft.md",), True),
    ("articles/a.md", ("*.draft.md",), False),
])
def test_patterns(relative, patterns, expected):
    assert config.matches(relative, patterns) is expected


def test_as_of_rules():
    assert config.PathSettings(as_of="article").as_of_date() is None
    assert config.PathSettings(as_of="today").as_of_date(today=dt.date(2030, 1, 2)) == dt.date(2030, 1, 2)
    assert config.PathSettings(as_of="2021-06-30").as_of_date() == dt.date(2021, 6, 30)


def test_unknown_disabled_table_is_an_error(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('[[overrides]]\npaths = ["a/**"]\ndisable_tables = ["no_such_table"]\n', encoding="utf-8")
    c = config.load(path)
    with pytest.raises(ConfigError, match="disable_tables names 'no_such_table'"):
        config.check_tables(c, {"top500", "imd_wdcr"})
    config.check_tables(config.build({"disable_tables": ["top500"]}, tmp_path, None), {"top500"})  # no error


# -- documentation ------------------------------------------------------------------------------

DOCS = Path(__file__).parent.parent.parent / "docs"


def test_every_config_key_is_documented():
    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    missing = [key for key in config.defaults() if f"| `{key}` |" not in text]
    assert not missing, f"config keys missing from the table in docs/ci.md: {missing}"
    for key in config.OVERRIDE_KEYS:
        assert f"`{key}`" in text


def test_every_check_option_is_documented():
    from factcheck.cli.checkargs import parser

    options = {flag for action in parser()._actions for flag in action.option_strings
               if flag.startswith("--") and flag != "--help"}
    assert "--as-of" in options and "--fail-on" in options
    docs = (DOCS / "ci.md").read_text(encoding="utf-8") + (DOCS / "usage.md").read_text(encoding="utf-8")
    missing = sorted(o for o in options if o not in docs)
    assert not missing, f"options missing from docs/ci.md and docs/usage.md: {missing}"


# ---------------------------------------------------------------- the kept parse of config text

TOML_KEYS = st.from_regex(r"[a-z][a-z0-9_-]{0,10}", fullmatch=True)
TOML_VALUES = st.recursive(
    st.one_of(st.booleans(), st.integers(-10**12, 10**12), st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20),
              st.floats(allow_nan=False, allow_infinity=False), st.dates()),
    lambda inner: st.lists(inner, max_size=4), max_leaves=8)


def _toml_text(table: dict) -> str:
    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float, dt.date)):
            return repr(v) if isinstance(v, float) else str(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)
    return "".join(f"{k} = {value(v)}\n" for k, v in table.items())


@settings(max_examples=60, deadline=None)
@given(table=st.dictionaries(TOML_KEYS, TOML_VALUES, max_size=6))
def test_kept_parse_is_what_tomllib_makes(tmp_path_factory, table):
    text = _toml_text(table)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("c")))
        monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
        for _ in range(2):  # the second time as a new process would: from the file
            monkeypatch.setattr(config._KeptToml, "_tried", False)
            monkeypatch.setattr(config._KeptToml, "_instance", None)
            first = config._parsed(text)
            assert first == tomllib.loads(text)
            first.clear()  # a caller changing its copy changes nothing kept
            assert config._parsed(text) == tomllib.loads(text)
            if config._KeptToml.current().added:
                config._KeptToml.current().save()
        kept = text in config._KeptToml.current().raw
        assert kept == (not any(isinstance(v, dt.date) or (isinstance(v, list) and _has_date(v))
                                for v in table.values()))


def _has_date(values: list) -> bool:
    return any(isinstance(v, dt.date) or (isinstance(v, list) and _has_date(v)) for v in values)


def test_invalid_toml_is_a_config_error_with_or_without_a_kept_parse(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "factcheck.toml"
    path.write_text("fail_on = \n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="not valid TOML"):
            config.load(path)

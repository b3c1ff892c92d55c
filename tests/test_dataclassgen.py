"""factcheck.dataclassgen: a class built with kept method code is the class the standard
``dataclass`` builds, and a file the store can't trust is ignored, never obeyed."""

from __future__ import annotations

import dataclasses
import keyword
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import dataclassgen

METHODS = ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__",
           "__hash__", "__setattr__", "__delattr__")


@pytest.fixture
def store_in(tmp_path, monkeypatch):
    """Point the store at a fresh cache folder; returns a function that reopens it, as a
    new process would."""
    monkeypatch.setattr(dataclassgen, "FOLDER", str(tmp_path))
    monkeypatch.setattr(dataclassgen.sys, "dont_write_bytecode", False)
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)

    def reopen():
        monkeypatch.setattr(dataclassgen._Store, "_tried", False)
        monkeypatch.setattr(dataclassgen._Store, "_instance", None)
        return dataclassgen._Store.current()

    reopen()
    return reopen


def bare(fields, defaults):
    namespace = {"__annotations__": dict(fields), "__doc__": "A record."}
    namespace.update(defaults)
    return type("Record", (), namespace)


FIELD_TYPES = st.sampled_from(["int", "str", "float", "tuple[int, ...]", "list[str] | None"])
NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda n: not keyword.iskeyword(n))
FIELDS = st.lists(st.tuples(NAMES, FIELD_TYPES),
                  min_size=0, max_size=6, unique_by=lambda f: f[0])
OPTIONS = st.fixed_dictionaries({"frozen": st.booleans(), "order": st.booleans(), "eq": st.booleans(),
                                 "slots": st.booleans(), "repr": st.booleans(), "kw_only": st.booleans()})


def same_methods(ours, theirs):
    for name in METHODS:
        a, b = ours.__dict__.get(name), theirs.__dict__.get(name)
        assert (a is None) == (b is None), name
        if a is not None and b is not None and hasattr(a, "__code__"):
            code_a = getattr(a, "__wrapped__", a).__code__
            code_b = getattr(b, "__wrapped__", b).__code__
            assert code_a == code_b, name
            assert a.__annotations__ == b.__annotations__, name


def reopened(monkeypatch):
    monkeypatch.setattr(dataclassgen._Store, "_tried", False)
    monkeypatch.setattr(dataclassgen._Store, "_instance", None)


@settings(max_examples=40, deadline=None)
@given(fields=FIELDS, options=OPTIONS, defaults=st.integers(0, 3))
def test_kept_code_builds_the_standard_class(tmp_path_factory, fields, options, defaults):
    if options["order"] and not options["eq"]:
        options["order"] = False  # the standard dataclass refuses it too
    tail = {name: None for name, _ in fields[len(fields) - min(defaults, len(fields)):]}
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(dataclassgen, "FOLDER", str(tmp_path_factory.mktemp("c")))
        monkeypatch.setattr(dataclassgen.sys, "dont_write_bytecode", False)
        monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
        reopened(monkeypatch)
        first = dataclassgen.dataclass(**options)(bare(fields, tail))
        dataclassgen._Store.current().save()
        reopened(monkeypatch)
        again = dataclassgen.dataclass(**options)(bare(fields, tail))  # from the file
        assert dataclassgen._Store.current().raw  # the file was read
    standard = dataclasses.dataclass(**options)(bare(fields, tail))
    same_methods(first, standard)
    same_methods(again, standard)
    assert [(f.name, f.type, f.default, f.kw_only) for f in dataclasses.fields(again)] == [
        (f.name, f.type, f.default, f.kw_only) for f in dataclasses.fields(standard)]


def test_behaviour_of_a_kept_class(store_in):
    def make():
        @dataclassgen.dataclass(frozen=True, order=True)
        class Rank:
            """A rank."""
            entity: str
            rank: int = 0
        return Rank

    make()
    dataclassgen._Store.current().save()
    assert store_in().raw  # a new process reads what the first one kept
    Rank = make()
    a, b = Rank("Japan", 28), Rank("China", 17)
    assert a == Rank("Japan", 28) and b < a and repr(a).endswith("Rank(entity='Japan', rank=28)")
    assert hash(a) == hash(Rank("Japan", 28))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.rank = 3
    with pytest.raises(TypeError):
        Rank()


def test_the_standard_exec_is_back_after_an_error(store_in):
    with pytest.raises(TypeError):  # a field without a default after one with a default
        @dataclassgen.dataclass
        class Broken:
            a: int = 0
            b: int
    assert not hasattr(dataclasses, "exec")


def test_a_damaged_file_is_ignored(store_in, tmp_path):
    @dataclassgen.dataclass
    class One:
        x: int
    store = dataclassgen._Store.current()
    store.save()
    path = tmp_path / next(p.name for p in tmp_path.iterdir() if p.name.startswith("factcheck-dataclasses."))
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert store_in().raw == {}


def test_no_file_when_caches_are_off(tmp_path, monkeypatch):
    monkeypatch.setattr(dataclassgen, "FOLDER", str(tmp_path))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    monkeypatch.setattr(dataclassgen._Store, "_tried", False)
    monkeypatch.setattr(dataclassgen._Store, "_instance", None)

    @dataclassgen.dataclass
    class Plain:
        x: int
    assert dataclassgen._Store.current() is None
    assert Plain(3) == Plain(3)
    assert list(tmp_path.iterdir()) == []


def test_inspect_is_imported_only_when_used(tmp_path):
    # A fresh interpreter: importing the record classes does not import inspect, a class
    # without a docstring still gets the signature the standard dataclass writes, and
    # ``import inspect`` anywhere gives the real module.
    script = """
import sys
import factcheck.model, factcheck.config
assert "inspect" not in sys.modules, "imported with dataclasses"
from factcheck.dataclassgen import dataclass
@dataclass
class Bare:
    x: int
    y: str = "a"
assert Bare.__doc__ == "Bare(x: int, y: str = 'a')", Bare.__doc__
import inspect
assert inspect.signature is not None and type(inspect).__name__ == "module"
assert sys.modules["inspect"] is inspect
"""
    import subprocess
    import sys
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the second run builds from the kept code
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_not_written_when_python_writes_no_bytecode(store_in, tmp_path, monkeypatch):
    monkeypatch.setattr(dataclassgen.sys, "dont_write_bytecode", True)

    @dataclassgen.dataclass
    class One:
        """One."""
        x: int
    dataclassgen._Store.current().save()
    assert list(tmp_path.iterdir()) == []


def test_the_code_is_kept_beside_the_package_bytecode_not_in_the_cache_folder():
    import factcheck
    package = os.path.dirname(os.path.abspath(factcheck.__file__))
    assert dataclassgen.FOLDER == os.path.join(package, "__pycache__")


def test_no_store_where_nothing_could_be_kept(tmp_path, monkeypatch):
    # No file yet and no way to write one (a read-only installation, or Python told to
    # write no bytecode): the standard dataclass, without the cost of keeping code.
    monkeypatch.setattr(dataclassgen, "FOLDER", str(tmp_path / "__pycache__"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(dataclassgen.sys, "dont_write_bytecode", True)
    reopened(monkeypatch)
    assert dataclassgen._Store.current() is None
    monkeypatch.setattr(dataclassgen.sys, "dont_write_bytecode", False)
    monkeypatch.setattr(dataclassgen.os, "access", lambda path, mode: False)
    reopened(monkeypatch)
    assert dataclassgen._Store.current() is None

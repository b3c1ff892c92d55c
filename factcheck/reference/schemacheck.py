"""A small JSON Schema checker for the table descriptor (``datapackage.schema.json``).

It understands the part of JSON Schema (draft 2020-12) that the shipped schema uses:
``type``, ``properties``, ``required``, ``additionalProperties``, ``items``, ``enum``,
``pattern``, ``minLength``, ``minItems``, ``minimum``, ``maximum``, ``uniqueItems`` and
local ``$ref`` to ``#/$defs/…``. The test suite checks it against the ``jsonschema``
library on every case of the catalogue, so the two agree on this schema; the library
itself is not imported at run time (about 0.3 s to import, against a few milliseconds
here — see docs/dependencies.md).

Errors come back as ``(path, message, unknown_key)``: ``path`` is where in the document
(``factcheck.metrics[2].aliases``), ``unknown_key`` marks a key the schema does not know
(a likely typo, reported under its own rule).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("datapackage.schema.json")

_TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}


@lru_cache(maxsize=1)
def descriptor_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _type_ok(value, name: str) -> bool:
    if name == "integer":  # as JSON Schema counts it: 3.0 is an integer
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a text" if len(value) < 40 else "a long text"
    if value is None:
        return "null"
    return "a number"


_NOUNS = {"object": "an object", "array": "a list", "string": "a text", "integer": "a whole number",
          "number": "a number", "boolean": "true or false", "null": "null"}


def _join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def errors(document, schema: dict | None = None) -> list[tuple[str, str, bool]]:
    """Every place ``document`` breaks the schema (the descriptor schema by default)."""
    root = schema if schema is not None else descriptor_schema()
    found: list[tuple[str, str, bool]] = []
    _check(document, root, root, "", found)
    return found


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        schema = root["$defs"][ref[len("#/$defs/"):]]
    return schema


def _check(value, schema: dict, root: dict, path: str, found: list) -> None:
    schema = _resolve(schema, root)
    where = path or "(the document)"
    wanted = schema.get("type")
    if wanted is not None:
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        if not any(_type_ok(value, n) for n in names):
            found.append((where, f"must be {' or '.join(_NOUNS[n] for n in names)}, not {_describe(value)}", False))
            return
    if "enum" in schema and value not in schema["enum"]:
        found.append((where, f"{value!r} is not one of {', '.join(map(str, schema['enum']))}", False))
        return
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            found.append((where, "is empty" if not value else f"is shorter than {schema['minLength']}", False))
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append((where, f"{value!r} {schema.get('patternHelp', 'has the wrong form')}", False))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append((where, f"{value} is below {schema['minimum']}", False))
        if "maximum" in schema and value > schema["maximum"]:
            found.append((where, f"{value} is above {schema['maximum']}", False))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append((where, "is empty" if not value else f"needs at least {schema['minItems']} items", False))
        if schema.get("uniqueItems"):
            seen: list = []
            for item in value:
                if item in seen:
                    found.append((where, f"repeats {item!r}", False))
                    break
                seen.append(item)
        if "items" in schema:
            for index, item in enumerate(value):
                _check(item, schema["items"], root, _join(path, index), found)
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                found.append((_join(path, key), "is missing", False))
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                _check(item, properties[key], root, _join(path, key), found)
            elif extra is False:
                found.append((_join(path, key), "is not a known key (a typo?)", True))
            elif isinstance(extra, dict):
                _check(item, extra, root, _join(path, key), found)

"""What validating the reference library costs, and that a warm check never pays it.

``library.load`` validates the library whenever it (re)builds the cache and stores the
verdict with it. Each figure below comes from a fresh process (medians of ``--repeat``):

- parse only (``library._build``) against parse + validate (``library.load`` with no
  cache): the ratio is what validation adds to a cold start;
- a warm-cache load, and whether the validator's modules were imported at all;
- importing ``jsonschema`` against importing this project's small schema checker and
  reading the schema (why the checker is not ``jsonschema``, docs/dependencies.md).

    python benchmarks/bench_validate.py              # shipped data, 10k and 100k facts
    python benchmarks/bench_validate.py --quick      # shipped data and 10k facts
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import measure
from gen_library import generate

LOAD_CHILD = r"""
import json, sys, time
from pathlib import Path
from factcheck.reference import library
folder, mode = sys.argv[1], sys.argv[2]
roots = [library.shipped_data_dir()] + ([Path(folder)] if folder else [])
start = time.perf_counter()
if mode == "parse":
    lib = library._build(roots)
elif mode == "cold":
    lib = library.load([folder] if folder else [], use_cache=False)
else:
    lib = library.load([folder] if folder else [])
took = time.perf_counter() - start
print(json.dumps({"seconds": took, "validator_imported": "factcheck.reference.validate" in sys.modules,
                  "schema_imported": "factcheck.reference.schemacheck" in sys.modules,
                  "facts": sum(len(t.cells) for t in lib.tables.values())}))
"""

IMPORT_CHILD = r"""
import json, sys, time
start = time.perf_counter()
if sys.argv[1] == "jsonschema":
    import jsonschema
    from factcheck.reference import schemacheck
    jsonschema.Draft202012Validator(schemacheck.descriptor_schema())
else:
    from factcheck.reference import schemacheck
    schemacheck.descriptor_schema()
print(json.dumps({"seconds": time.perf_counter() - start}))
"""


def median_of(code: str, args: list[str], repeat: int, env: dict) -> dict:
    runs = [measure.python_child(code, *args, env=env) for _ in range(repeat)]
    result = dict(runs[-1])
    result["seconds"] = statistics.median(r["seconds"] for r in runs)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    measure.compile_package()
    sizes = (0, 10_000) if args.quick else (0, 10_000, 100_000)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = ""
            if size:
                folder = str(generate(Path(tmp) / f"lib{size}", size))
            cache = Path(tmp) / f"cache{size}"
            env = measure.env_with(FACTCHECK_CACHE_DIR=str(cache), FACTCHECK_NO_CACHE=None)
            parse = median_of(LOAD_CHILD, [folder, "parse"], args.repeat, env)
            cold = median_of(LOAD_CHILD, [folder, "cold"], args.repeat, env)
            measure.python_child(LOAD_CHILD, folder, "warm", env=env)  # fill the cache
            warm = median_of(LOAD_CHILD, [folder, "warm"], args.repeat, env)
            rows.append([f"{cold['facts']:,}", measure.ms(parse["seconds"]), measure.ms(cold["seconds"]),
                         f"{cold['seconds'] / parse['seconds']:.1f}×", measure.ms(warm["seconds"]),
                         "yes" if warm["validator_imported"] or warm["schema_imported"] else "no"])
        env = measure.env_with()
        ours = median_of(IMPORT_CHILD, ["schemacheck"], args.repeat, env)
        theirs = median_of(IMPORT_CHILD, ["jsonschema"], args.repeat, env)
    print(f"Machine: {measure.machine()}\n")
    print(measure.table(["facts (shipped + generated)", "parse only", "parse + validate (cold)", "ratio",
                         "warm cache", "validator imported when warm?"], rows))
    print()
    print(measure.table(["schema checker", "import + read schema", "ratio to ours"], [
        ["factcheck.reference.schemacheck", measure.ms(ours["seconds"]), "1.0×"],
        ["jsonschema (Draft202012Validator)", measure.ms(theirs["seconds"]),
         f"{theirs['seconds'] / ours['seconds']:.0f}×"],
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared measuring helpers for the benchmarks: timed child processes, peak memory, Markdown tables.

Every measurement that reports memory runs in its own child process: ``ru_maxrss`` is a
high-water mark, so a process that already loaded something bigger would hide it. The
child's own figures come from ``os.wait4`` in a small launcher (see ``LAUNCHER``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    seconds: float
    """Wall time from spawn to exit."""
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0
    """User + system CPU time of the process and the children it waited for (workers)."""


# A minimal launcher between us and the measured program. On Linux a child's ru_maxrss
# keeps the high-water mark of the memory it had before exec, which for a child forked
# straight from this (larger) process would be our size, not its own; the launcher's
# floor is a bare interpreter without site (about 8 MB).
LAUNCHER = r"""
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime}")
"""


def run_child(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` to completion; its wall time (spawn to exit) and its own peak RSS."""
    with tempfile.TemporaryDirectory(prefix="factcheck-measure-") as tmp:
        result = Path(tmp) / "result"
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            subprocess.run([sys.executable, "-S", "-c", LAUNCHER, str(result), *argv], env=env,
                           stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, check=False)
        if not result.exists():
            raise RuntimeError(f"could not run {argv[0]}: {err.read_text(errors='replace')}")
        seconds, rss_kb, code, cpu = result.read_text().split()
        return Run(float(seconds), int(rss_kb) / 1024, int(code),
                   out.read_text(encoding="utf-8", errors="replace"),
                   err.read_text(encoding="utf-8", errors="replace"), float(cpu))


def python_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    run = run_child([sys.executable, "-c", code, *args], env=env)
    if run.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({run.returncode}):\n{run.stderr}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    result.setdefault("max_rss_mb", run.max_rss_mb)
    result.setdefault("process_seconds", run.seconds)
    return result


def env_with(**changes: str | None) -> dict[str, str]:
    """The environment for a measured process. Bytecode caching is always on: an ordinary
    install compiles factcheck's modules once, and a sandbox that sets
    PYTHONDONTWRITEBYTECODE would otherwise charge every run ~90 ms of compiling."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # ``python -c``/``-m`` would put the current folder first on the path: run from a
    # checkout, that is this code even when PYTHONPATH names an older one (``--before``).
    env["PYTHONSAFEPATH"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
    }


def machine() -> str:
    try:
        load = "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = "load average unknown"
    cpu = platform.processor() or platform.machine()
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, {load}, "
            f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")


def table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown table; first column left-aligned, the rest right-aligned."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def compile_package() -> None:
    """Write factcheck's bytecode once before timing, as ``pip install`` does."""
    import compileall
    import factcheck
    compileall.compile_dir(str(Path(factcheck.__file__).parent), quiet=1)

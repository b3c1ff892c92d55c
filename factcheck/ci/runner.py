"""Check a list of articles with one engine per process; one unreadable article never stops the run.

With ``jobs > 1`` the articles are spread over a process pool (checking is pure Python,
so threads would share one core). Each worker builds its own engine once, from the same
library folders — the library cache makes that cheap — and results come back in the
order of the input list, so reports do not depend on scheduling.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms) at start-up

from ..dataclassgen import dataclass
from ..read import inputs
from ..errors import FactcheckError
from ..report.records import DocumentResult

if TYPE_CHECKING:  # the engine (extraction, judging) is imported when an article needs checking
    from ..judge.check import Engine
    from ..reference import library


@dataclass(frozen=True)
class Job:
    """One article to check, with the date to judge it at (None: its own front matter)."""

    arg: str
    as_of: dt.date | None = None


class Engines:
    """The engine of this process, built the first time an article needs it: a run whose
    articles all come from the result cache never imports extraction or judging."""

    def __init__(self, data: list[str], use_cache: bool = True, engine: "Engine | None" = None,
                 lib: library.Library | None = None):
        self.data, self.use_cache, self._engine, self._lib = list(data), use_cache, engine, lib

    def get(self) -> "Engine":
        if self._engine is None:
            from ..judge.check import Engine
            from ..reference import library

            lib = self._lib or library.load(self.data, use_cache=self.use_cache)
            self._engine = Engine.create(lib)
            if not gc.isenabled():  # the CLI's start-up (cli.main.entry): all built now
                gc.freeze()
                gc.enable()
        return self._engine


def check_one(engine: "Engine | Engines", arg: str, as_of: dt.date | None = None,
              fetch_options: dict | None = None) -> DocumentResult:
    """Read one article and check it; an article that can't be read gives its error."""
    try:
        document = inputs.load(arg, as_of=as_of, fetch_options=fetch_options)
    except FactcheckError as exc:
        return DocumentResult(path=inputs.shown(arg) if arg != "-" else "<stdin>", document=None, error=str(exc))
    engine = engine.get() if isinstance(engine, Engines) else engine
    return DocumentResult(path=document.path, document=document, findings=engine.check(document))


def check_jobs(jobs: list[Job], data: list[str], workers: int = 1, fetch_options: dict | None = None,
               use_cache: bool = True, engine: "Engine | Engines | None" = None,
               progress: Callable[[str], None] | None = None) -> list[DocumentResult]:
    """Check every job, in up to ``workers`` processes; results in the order of ``jobs``."""
    return list(check_each(jobs, data, workers, fetch_options, use_cache, engine, progress))


def check_each(jobs: list[Job], data: list[str], workers: int = 1, fetch_options: dict | None = None,
               use_cache: bool = True, engine: "Engine | Engines | None" = None,
               progress: Callable[[str], None] | None = None,
               finish: "Callable[[DocumentResult, Job], object] | None" = None) -> Iterator:
    """Check every job, in up to ``workers`` processes, giving each result as it is ready
    in the order of ``jobs``: a run that writes them as they come holds none of them.

    ``finish``, when given, turns each result into what the caller wants of it, in the
    process that checked the article: a worker then sends back that (a report's text),
    not the article and its findings, so the parent neither unpickles nor settles them
    and its share of the cores goes to writing. It must be picklable where worker
    processes are spawned rather than forked (a module-level class or function).

    No process pool is started for one article or none (a re-run whose articles all
    came from the result cache sends none here)."""
    workers = max(1, min(workers, len(jobs)))
    engines = engine if isinstance(engine, Engines) else Engines(data, use_cache, engine)
    if workers == 1 or any(j.arg == "-" for j in jobs):
        # Standard input belongs to this process: read it here.
        for job in jobs:
            result = check_one(engines, job.arg, job.as_of, fetch_options)
            yield finish(result, job) if finish is not None else result
            if progress:
                progress(job.arg)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep both cores busy to the end; big enough to amortise pickling.
    chunk = max(1, min(16, len(jobs) // (workers * 4)))
    # The engine is built once, here: workers forked from this process inherit it (where
    # processes are spawned instead, each worker builds its own in _start_worker).
    engines.get()
    _WORKER["inherited"] = engines
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                 initargs=(list(data), use_cache, fetch_options, finish)) as pool:
            for job, result in zip(jobs, pool.map(_check_in_worker, jobs, chunksize=chunk)):
                yield result
                if progress:
                    progress(job.arg)
    finally:
        _WORKER.pop("inherited", None)


_WORKER: dict = {}


def _start_worker(data: list[str], use_cache: bool, fetch_options: dict | None, finish=None) -> None:
    _WORKER["engines"] = _WORKER.pop("inherited", None) or Engines(data, use_cache)
    _WORKER["fetch_options"] = fetch_options
    _WORKER["finish"] = finish


def _check_in_worker(job: Job):
    result = check_one(_WORKER["engines"], job.arg, job.as_of, _WORKER["fetch_options"])
    finish = _WORKER["finish"]
    return finish(result, job) if finish is not None else result


FIXED_WIDTH = 50
"""What the progress bar needs besides the path: the word, the bar, the count, the time."""


def progress_columns() -> tuple:
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    return (TextColumn("checking"), BarColumn(bar_width=20), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}", style="dim"))


def path_tail(path: str, room: int) -> str:
    """The end of a path that fits in ``room`` characters ("…/2024/a.md"): the count and
    time before it must stay whole (a long path pushed them off an 80-column terminal)."""
    return path if len(path) <= room else "…" + path[len(path) - room + 1:]


@contextmanager
def terminal_progress(total: int, stream=None) -> Iterator[Callable[[str], None] | None]:
    """A rich progress bar on standard error when it is a terminal; otherwise nothing.

    CI logs are not terminals, and a bar redrawn into a log is noise, so there the
    callback is None and nothing is printed.
    """
    stream = stream or sys.stderr
    if total < 2 or not stream.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=stream)
    room = max(8, console.width - FIXED_WIDTH - 2 * len(str(total)))
    with Progress(*progress_columns(), console=console, transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda arg: bar.update(task, advance=1, description=path_tail(arg, room))

"""One ``factcheck check`` run: config → inputs → engine → settle → records → formats → exit status.

"Settling" is what happens between the engine and the reports: findings of disabled
tables or verdicts are dropped, in-article suppression comments and the decisions file
move findings to ``DocumentResult.suppressed``, and malformed (or, on request, unused)
suppression comments become ``problems``. The exit status only looks at what is left.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import field, replace
from pathlib import Path
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms) at start-up

from .. import config as configs
from ..dataclassgen import dataclass
from ..report import records
from ..read import inputs
from ..reference import folders
from ..read.document import MARKDOWN_SUFFIXES, parse_as_of
from ..errors import InputError
from ..levels import Severity, Verdict
from ..report.output import write_atomic
from .outcome import Counts, Outcome, Reused, decision_record, encode
from .resultcache import ResultCache, settings_key
from .runner import Engines, Job, check_each, check_one, terminal_progress

if TYPE_CHECKING:  # imported where used: start-up loads only what checking needs
    from .decisions import Decisions

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_RANKS = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank, "never": 99}
SHOW_RANKS = {"info": Severity.INFO.rank, "warning": Severity.WARNING.rank, "error": Severity.ERROR.rank}


@dataclass
class RunOptions:
    """What the command line asked for; None means "as the config (or its default) says"."""

    paths: list[str]
    as_of: str | None = None
    fmt: str | None = None
    output: Path | None = None
    fail_on: str | None = None
    show: str | None = None
    show_all: bool = False
    data: list[str] = field(default_factory=list)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    config: Path | None = None
    decisions: Path | None = None
    no_decisions: bool = False
    report_unused: bool = False
    allow_private: bool = False
    no_cache: bool = False
    """Turn off every cache: the library's, the result cache and fetched pages."""
    save_text: Path | None = None
    max_size: int | None = None
    report: bool = False
    """Also draw the human report beside a machine format."""


@dataclass(frozen=True)
class Plan:
    """The command line and the project config merged: everything a run needs to know."""

    config: configs.Config
    paths: tuple[str, ...]
    settings: tuple[configs.PathSettings, ...]
    """One per path: the config's settings with the matching overrides applied."""
    data: tuple[str, ...]
    fmt: str
    output: Path | None
    fail_on: str | None
    """The command line's --fail-on, which beats every per-path setting; None if not given."""
    show: str
    jobs: int
    decisions: Path | None
    """None when --no-decisions."""
    report_unused: bool
    as_of: dt.date | None = None
    """The command line's --as-of date, which beats every per-path rule."""
    max_size: int = 5_000_000
    """The largest article read, in bytes."""


def plan(options: RunOptions) -> Plan:
    config = configs.discover(options.paths, options.config)
    include = options.include or config.include
    exclude = tuple(config.exclude) + tuple(options.exclude)
    found = inputs.expand(options.paths, root=config.root)
    if not found:
        raise InputError("no articles to check (no article files in the paths given)")
    # Without patterns every file is kept, and without overrides every article has the
    # project's settings: a folder of thousands then costs no path arithmetic per article.
    paths = inputs.select(found, include, exclude, root=config.root) if include or exclude else found
    decisions = None if options.no_decisions else (options.decisions or config.decisions)
    if config.overrides or not paths:
        settings = tuple(config.for_path(p) for p in paths)
    else:
        settings = (config.for_path(paths[0]),) * len(paths)
    return Plan(
        config=config,
        paths=tuple(paths),
        settings=settings,
        data=tuple(str(d) for d in config.data) + tuple(options.data),
        fmt=options.fmt or config.format,
        output=options.output or config.output,
        fail_on=options.fail_on,
        show=options.show or config.show,
        jobs=options.jobs or config.jobs,
        decisions=decisions,
        report_unused=options.report_unused or config.report_unused_suppressions,
        as_of=parse_as_of(options.as_of) if options.as_of else None,
        max_size=options.max_size or config.max_size,
    )


def check(the_plan: Plan, options: RunOptions, decisions: "Decisions | None" = None) -> Iterator[Outcome]:
    """Every article of the plan settled, in the plan's order, one at a time as it is ready:
    checked now, or taken from the result cache when it is there (see resultcache).

    The keys are made first (each article's bytes read and hashed) so that only the
    articles the cache does not have go to the engine and its process pool; an entry is
    read only when its article's turn comes, so no more than one is held at a time."""
    # The library is loaded only when an article is checked (or the config names tables
    # to check against it): a re-run whose articles all come from the result cache does
    # not need it, since each entry's key holds the library's content.
    folders.check_folders(the_plan.data)
    lib = None
    if configs.names_tables(the_plan.config):
        from ..reference import library

        lib = library.load(list(the_plan.data), use_cache=not options.no_cache)
        configs.check_tables(the_plan.config, set(lib.tables))
    jobs = [Job(p, the_plan.as_of or s.as_of_date()) for p, s in zip(the_plan.paths, the_plan.settings)]
    fetch_options = {"allow_private": options.allow_private, "use_cache": not options.no_cache,
                     "max_size": the_plan.max_size}
    roots = [folders.shipped_data_dir()] + [Path(d) for d in the_plan.data]
    cache = ResultCache.open(roots, enabled=not options.no_cache)
    engines = Engines(list(the_plan.data), not options.no_cache, lib=lib)
    keys: list[str | None] = [None] * len(jobs)
    if cache is not None and not options.save_text:  # --save-text needs the article read
        keys = [_key(cache, job, s, the_plan) for job, s in zip(jobs, the_plan.settings)]
    hits = [key is not None and cache.has(key) for key in keys]
    floor = SHOW_RANKS[the_plan.show]
    settler = Settler({job.arg: s for job, s in zip(jobs, the_plan.settings)}, the_plan.report_unused,
                      keep_document=bool(options.save_text))

    def kept(outcome: Outcome, index: int) -> Outcome:
        key = keys[index]
        if key is not None and outcome.error is None and \
                _key(cache, jobs[index], the_plan.settings[index], the_plan) == key:  # unchanged meanwhile
            cache.put(key, outcome.entry())
        return outcome

    with terminal_progress(len(jobs)) as progress:
        fresh = check_each([j for j, hit in zip(jobs, hits) if not hit], list(the_plan.data), the_plan.jobs,
                           fetch_options, use_cache=not options.no_cache, engine=engines, progress=progress,
                           finish=settler)
        for index, job in enumerate(jobs):
            if not hits[index]:
                outcome = kept(next(fresh), index)
            else:
                outcome = _reused(job.arg, cache.get(keys[index]), decisions, floor)
                if outcome is None:  # an entry that can't be used: the article is checked here
                    outcome = kept(settler(check_one(engines, job.arg, job.as_of, fetch_options), job), index)
                if progress:
                    progress(job.arg)
            yield outcome.decided(decisions)
    if cache is not None and cache.written:
        cache.prune()  # at most once a day: keeps the folder bounded (resultcache.MAX_ENTRIES)


@dataclass(frozen=True)
class Settler:
    """Settles a result where its article was checked (``runner.check_each``'s ``finish``):
    in a worker process, so that what comes back to the parent is the report's text
    (``Outcome``), not the article and its findings. The decisions file is applied by
    the parent, to fresh and reused results alike."""

    settings: dict
    """Each article argument's ``PathSettings``."""
    report_unused: bool = False
    keep_document: bool = False
    """Send the article back too (``--save-text`` writes it)."""

    def __call__(self, result: records.DocumentResult, job: Job) -> Outcome:
        outcome = Outcome.from_result(settle(result, self.settings[job.arg], None, self.report_unused))
        if not self.keep_document:
            outcome.document = None
        return outcome


def _reused(path: str, entry: dict | None, decisions, floor: int) -> "Outcome | Reused | None":
    """An entry's result, read as far as the run needs it; None if it can't be used."""
    reused = Reused.read(path, entry["tally"], entry["body"], entry["parts"]) if entry is not None else None
    if reused is None or not reused.needs_parts(decisions, floor):
        return reused
    return reused.outcome()


def check_results(the_plan: Plan, options: RunOptions) -> list[records.DocumentResult]:
    """Every article of the plan checked and settled without the decisions file, with
    its findings as the engine's records (``factcheck baseline`` records them): the
    result cache keeps JSON text, not findings, so it is not used here."""
    from ..reference import library

    lib = library.load(list(the_plan.data), use_cache=not options.no_cache)
    configs.check_tables(the_plan.config, set(lib.tables))
    jobs = [Job(p, the_plan.as_of or s.as_of_date()) for p, s in zip(the_plan.paths, the_plan.settings)]
    fetch_options = {"allow_private": options.allow_private, "use_cache": not options.no_cache,
                     "max_size": the_plan.max_size}
    engines = Engines(list(the_plan.data), not options.no_cache, lib=lib)
    with terminal_progress(len(jobs)) as progress:
        results = check_each(jobs, list(the_plan.data), the_plan.jobs, fetch_options,
                             use_cache=not options.no_cache, engine=engines, progress=progress)
        return [settle(r, s, None, the_plan.report_unused) for r, s in zip(results, the_plan.settings)]


def _article_bytes(path: str, max_size: int) -> bytes | None:
    """A regular file's bytes, or None for anything else (the check reads it again and
    says what is wrong). Opened without blocking: a FIFO put in an article's place is
    refused, not waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_size:
            return None
        chunks, total = [], 0
        while True:
            wanted = max(info.st_size + 1 - total, 65536)
            chunk = os.read(fd, wanted)
            chunks.append(chunk)
            total += len(chunk)
            if total > max_size:
                return None
            if len(chunk) < wanted:  # a regular file reads short only at its end
                return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _key(cache: ResultCache, job: Job, settings: configs.PathSettings, the_plan: Plan) -> str | None:
    """The result cache's key of an article file (None for standard input, a URL, or a
    file that can't be read: the check says why)."""
    arg = job.arg
    if arg == "-" or inputs.is_url(arg):
        return None
    data = _article_bytes(arg, the_plan.max_size)
    if data is None:
        return None
    lower = arg.lower()
    if lower.endswith(inputs.HTML_SUFFIXES):
        reader = "html:" + os.path.abspath(arg)  # the page's title and metadata: kept with its place
    else:
        reader = "markdown" if os.path.splitext(lower)[1] in MARKDOWN_SUFFIXES else "text"
    return cache.key(reader, data, job.as_of,
                     settings_key(settings.disable_tables, settings.disable_verdicts, the_plan.report_unused))


def settle(result: records.DocumentResult, settings: configs.PathSettings,
           decisions: "Decisions | None", report_unused: bool) -> records.DocumentResult:
    """Drop disabled findings, apply suppression comments, then the decisions file."""
    document = result.document
    if document is None:
        return result
    from . import suppressions  # only for an article checked now: a reused one is settled

    findings = [f for f in result.findings
                if f.verdict.value not in settings.disable_verdicts
                and (f.table or "") not in settings.disable_tables]
    parsed = suppressions.parse(document)
    applied = suppressions.apply(parsed, findings)
    suppressed = [{**records.finding_record(document, f), "suppression": suppressions.suppression_record(s)}
                  for f, s in applied.suppressed]
    problems = list(parsed.problems)
    if report_unused:
        problems.extend(suppressions.unused_problem(s) for s in applied.unused)
    kept = []
    for finding in applied.kept:
        decision = decisions.get(records.fingerprint(finding)) if decisions is not None else None
        if decision is None or finding.verdict is Verdict.SUPPORTED:
            kept.append(finding)
            continue
        suppressed.append({**records.finding_record(document, finding), "suppression": decision_record(decision)})
    suppressed.sort(key=lambda r: r["span"]["start"])
    problems.sort(key=lambda p: (p["line"], p["column"]))
    return replace(result, findings=kept, suppressed=suppressed, problems=problems)


def run(options: RunOptions) -> int:
    the_plan = plan(options)
    if not the_plan.paths:
        # CI passes the list of changed files; when the config's include/exclude leaves
        # none of them (a pull request that only touched the README), there is nothing
        # to check, which is a success, not an error.
        print("factcheck: nothing to check: include/exclude leave none of the files given", file=sys.stderr)
        return EXIT_OK
    decisions = None
    if the_plan.decisions is not None:
        from .decisions import Decisions
        decisions = Decisions.load(the_plan.decisions)
    tally = _Tally(the_plan, keep_documents=options.save_text is not None)
    outcomes = (tally.add(o) for o in check(the_plan, options, decisions))
    if the_plan.fmt == "json" and not options.report and not options.save_text:
        _stream_json(outcomes, the_plan, tally)
    else:
        kept = list(outcomes)
        if options.save_text:
            _save_text([o.document for o in kept if o.document is not None], options.save_text)
        if tally.counts.documents > tally.counts.unreadable:
            report = {"schema_version": records.SCHEMA_VERSION,
                      "documents": [json.loads(o.text()) for o in kept], "summary": tally.counts.summary()}
            _emit(report, the_plan, options, cached=tally.counts.cached)
    # else nothing could be read: the one-line errors below say it all.
    for error in tally.errors:
        print(f"factcheck: error: {error}", file=sys.stderr)
    return tally.status


class _Tally:
    """What a run must know of its articles once they are written: the counts of the
    summary, the exit status and the errors to print."""

    def __init__(self, the_plan: Plan, keep_documents: bool = False):
        self.the_plan, self.keep_documents = the_plan, keep_documents
        self.counts, self.errors, self.worst = Counts(), [], EXIT_OK
        self._settings = iter(the_plan.settings)

    def add(self, outcome: Outcome) -> Outcome:
        settings = next(self._settings)
        self.counts.add(outcome)
        if outcome.error is not None:
            self.errors.append(outcome.error)
        elif self.worst == EXIT_OK and outcome.rank() >= FAIL_RANKS[self.the_plan.fail_on or settings.fail_on]:
            self.worst = EXIT_FINDINGS
        if not self.keep_documents:
            outcome.document = None  # a folder's articles are not held to the end
        return outcome

    @property
    def status(self) -> int:
        return EXIT_ERROR if self.errors else self.worst


class _NothingRead(Exception):
    """Every article was unreadable: no report is written (the errors say it all)."""


def _stream_json(outcomes: Iterator[Outcome], the_plan: Plan, tally: _Tally) -> None:
    """The JSON report written article by article as each is settled (to ``--output``
    through a temporary file, or to standard output), the summary last: a folder's run
    holds one article at a time, whatever its size. Nothing is written when no article
    could be read (unreadable ones are held back until a readable one comes)."""
    floor = SHOW_RANKS[the_plan.show]

    def pieces(binary: bool) -> Iterator:
        held: list | None = [f'{{"schema_version":{records.SCHEMA_VERSION},"documents":[']
        first = True
        for outcome in outcomes:
            comma = "" if first else ","
            if binary:
                piece = comma.encode() + outcome.data(floor)
            else:
                piece = comma + outcome.text(floor)
            first = False
            if held is None:
                yield piece
            else:
                held.append(piece)
                if outcome.error is None:
                    yield held[0].encode() + b"".join(held[1:]) if binary else "".join(held)
                    held = None
        if held is not None:
            raise _NothingRead
        end = '],"summary":' + encode(tally.counts.summary()) + "}"
        # The file is written as bytes (kept entries are spliced in undecoded): its line
        # break is the one a text file gets.
        yield (end + os.linesep).encode() if binary else end + "\n"

    output = the_plan.output
    try:
        if output is not None:
            write_atomic(output, pieces(binary=True), encoding=None, durable=False, keep_unchanged=True)
        else:
            for piece in pieces(binary=False):
                sys.stdout.write(piece)
            sys.stdout.flush()
    except _NothingRead:
        return
    human = {"summary": {**tally.counts.summary(), "cached": tally.counts.cached}}
    _summary_line(human, f"json report written to {output}" if output is not None else None)


def shown(report: dict, show: str) -> dict:
    """The report with only what reaches ``--show``: the machine formats' view of the run."""
    floor = SHOW_RANKS[show]

    def keep(items: list[dict]) -> list[dict]:
        return [i for i in items if SHOW_RANKS[i["severity"]] >= floor]

    documents = []
    for doc in report["documents"]:
        doc = dict(doc, findings=keep(doc["findings"]))
        for key in ("suppressed", "problems"):
            if key in doc:
                doc[key] = keep(doc[key])
                if not doc[key]:
                    del doc[key]
        documents.append(doc)
    return {**report, "documents": documents}


def _emit(report: dict, the_plan: Plan, options: RunOptions, cached: int = 0) -> None:
    """Where each report goes (docs/ci.md, "Output formats"):

    - text: the human report, to standard output or to ``--output`` (plain, unwrapped);
    - a machine format: to standard output or to ``--output``;
    - the human report beside a machine format only with ``--report``: on standard error
      when standard output carries the machine format, else on standard output;
    - whenever standard output does not carry the human report, one line on standard
      error with the counts (and where the file went), for the CI log.

    The human views also count the articles whose findings came from the result cache
    (``cached``); the machine formats are the same whether they did or not. The human
    report's module (rich) is imported only when it is drawn.
    """
    fmt, output = the_plan.fmt, the_plan.output
    human = {**report, "summary": {**report["summary"], "cached": cached}} if cached else report

    def draw(stream) -> None:
        from ..report.formats import plain
        if plain.usable(stream):  # no colours, no wrapping: the text needs no rich
            drawn = plain.text(human, options.show_all, the_plan.show)
            if drawn is not None:
                stream.write(drawn)
                stream.flush()
                return
        from ..report.formats import terminal
        terminal.render(human, show_supported=options.show_all, min_severity=the_plan.show,
                        console=terminal.console_for(stream))

    if fmt == "text":
        if output is None:
            draw(sys.stdout)
            return
        from ..report.formats import plain
        drawn = plain.text(human, options.show_all, the_plan.show)
        if drawn is None:
            from ..report.formats import terminal
            drawn = terminal.render_text(human, options.show_all, the_plan.show)
        write_atomic(output, drawn, durable=False, keep_unchanged=True)
        _summary_line(human, f"report written to {output}")
        return
    text = _machine(fmt, shown(report, the_plan.show))
    if output is not None:
        write_atomic(output, text, durable=False, keep_unchanged=True)
        if options.report:
            draw(sys.stdout)
        _summary_line(human, f"{fmt} report written to {output}")
    else:
        for chunk in ([text] if isinstance(text, str) else text):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        if options.report:
            draw(sys.stderr)
        else:
            _summary_line(human)


def _machine(fmt: str, report: dict):
    """A machine format's text; JSON as pieces written as they come (see json_format.chunks)."""
    if fmt == "json":
        from ..report.formats.json_format import chunks
        return chunks(report)
    from ..report import formats
    return formats.get(fmt)(report)


def _summary_line(report: dict, where: str | None = None) -> None:
    from ..report.formats.summary import summary_parts
    line = ", ".join(summary_parts(report))
    print(f"factcheck: {line}" + (f"; {where}" if where else ""), file=sys.stderr)


def _save_text(docs: list, target: Path) -> None:
    if len(docs) != 1:
        raise InputError("--save-text needs exactly one article")
    write_atomic(target, docs[0].text, durable=False)

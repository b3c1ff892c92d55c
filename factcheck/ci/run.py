"""One ``factcheck check`` run: config → inputs → engine → settle → records → formats → exit status.

"Settling" is what happens between the engine and the reports: findings of disabled
tables or verdicts are dropped, in-article suppression comments and the decisions file
move findings to ``DocumentResult.suppressed``, and malformed (or, on request, unused)
suppression comments become ``problems``. The exit status only looks at what is left.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import config as configs
from ..report import records
from ..read import inputs
from ..reference import library
from . import suppressions
from ..read.document import parse_as_of
from ..errors import InputError
from ..model import Severity, Verdict
from ..report.output import write_atomic
from .resultcache import ResultCache
from .runner import Engines, Job, check_jobs, terminal_progress

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
    paths = inputs.select(found, include, exclude, root=config.root)
    decisions = None if options.no_decisions else (options.decisions or config.decisions)
    return Plan(
        config=config,
        paths=tuple(paths),
        settings=tuple(config.for_path(p) for p in paths),
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


def check(the_plan: Plan, options: RunOptions, decisions: "Decisions | None" = None) -> list[records.DocumentResult]:
    """Check every article of the plan (or take its findings from the result cache) and
    settle the findings."""
    lib = library.load(list(the_plan.data), use_cache=not options.no_cache)
    configs.check_tables(the_plan.config, set(lib.tables))
    jobs = [Job(p, the_plan.as_of or s.as_of_date()) for p, s in zip(the_plan.paths, the_plan.settings)]
    fetch_options = {"allow_private": options.allow_private, "use_cache": not options.no_cache,
                     "max_size": the_plan.max_size}
    roots = [library.shipped_data_dir()] + [Path(d) for d in the_plan.data]
    cache = ResultCache.open(roots, enabled=not options.no_cache)
    engines = Engines(list(the_plan.data), not options.no_cache, lib=lib)
    with terminal_progress(len(jobs)) as progress:
        results = check_jobs(jobs, list(the_plan.data), the_plan.jobs, fetch_options,
                             use_cache=not options.no_cache, engine=engines, progress=progress,
                             cache=cache)
    return [settle(r, s, decisions, the_plan.report_unused) for r, s in zip(results, the_plan.settings)]


def settle(result: records.DocumentResult, settings: configs.PathSettings,
           decisions: "Decisions | None", report_unused: bool) -> records.DocumentResult:
    """Drop disabled findings, apply suppression comments, then the decisions file."""
    document = result.document
    if document is None:
        return result
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
        suppressed.append({**records.finding_record(document, finding), "suppression": _decision_record(decision)})
    suppressed.sort(key=lambda r: r["span"]["start"])
    problems.sort(key=lambda p: (p["line"], p["column"]))
    return replace(result, findings=kept, suppressed=suppressed, problems=problems)


def _decision_record(decision) -> dict:
    record = {"kind": "decision", "decision": decision.kind.value}
    for key in ("reason", "note", "source_url", "by", "at"):
        if getattr(decision, key):
            record[key] = getattr(decision, key)
    return record


def exit_status(results: list[records.DocumentResult], the_plan: Plan) -> int:
    if any(r.error for r in results):
        return EXIT_ERROR
    for result, settings in zip(results, the_plan.settings):
        threshold = FAIL_RANKS[the_plan.fail_on or settings.fail_on]
        ranks = [f.severity.rank for f in result.findings]
        ranks += [Severity(p["severity"]).rank for p in result.problems]
        if ranks and max(ranks) >= threshold:
            return EXIT_FINDINGS
    return EXIT_OK


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
    results = check(the_plan, options, decisions)
    if options.save_text:
        _save_text(results, options.save_text)
    report = records.report(results)
    if any(r.error is None for r in results):
        _emit(report, the_plan, options, cached=sum(1 for r in results if r.cached))
    # else nothing could be read: the one-line errors below say it all.
    for result in results:
        if result.error:
            print(f"factcheck: error: {result.error}", file=sys.stderr)
    return exit_status(results, the_plan)


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
        write_atomic(output, drawn)
        _summary_line(human, f"report written to {output}")
        return
    text = _machine(fmt, shown(report, the_plan.show))
    if output is not None:
        write_atomic(output, text)
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


def _save_text(results: list[records.DocumentResult], target: Path) -> None:
    docs = [r.document for r in results if r.document is not None]
    if len(docs) != 1:
        raise InputError("--save-text needs exactly one article")
    write_atomic(target, docs[0].text)

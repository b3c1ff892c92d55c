"""Which periods and editions of a table a claim can mean.

A claim's time expression (or, without one, the article's date) picks the rows:
an explicit year picks that year (or that edition of a ranking); without one, the edition
current at the article's date; an undated article with no year may mean any edition.
"""

from __future__ import annotations

import bisect
import re
import datetime as dt
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from .. import patterns
from ..dataclassgen import dataclass
from ..model import Fact, TimeExpr
from ..reference.tables import Edition, Table


@dataclass(frozen=True)
class PeriodChoice:
    """What the claim's time says about the rows it can mean."""

    explicit: TimeExpr | None
    current: str | None
    """The edition current at the article's date, if the article is dated; a match only
    in an edition before it is ``outdated``."""
    horizon: int | None = None

    later: tuple[str, ...] = ()
    """Editions published after the article's date: it cannot mean them."""

    unheld: str | None = None
    """In a league table or list, the edition current at the article's date when the
    tables hold none of the metric's rows for it (``current`` is then the newest edition
    that has them): a figure may be confirmed there, never flagged."""

    def accepts(self, fact: Fact, table: Table) -> bool:
        if self.horizon is not None and table.period_kind == "horizon":
            if _horizon_years(fact.period) != self.horizon:
                return False
        if self.explicit is not None:
            # "the new list of 2021" in an article of June 2021 is June's list: a named
            # year does not reach an edition published after the article.
            fits = _fits(self.explicit)
            return (fits is None or fits[fact.edition if table.period_kind == "edition" else fact.period]) \
                and fact.edition not in self.later
        return fact.edition not in self.later

    def accepted(self, facts: list[Fact], table: Table) -> list[Fact]:
        """The facts ``accepts`` keeps, in order: its tests are chosen once, not per row (a
        claim looks at every row of its entity and metric), and whether a row's period fits
        the claim's time is looked up (``_fits``), not worked out again for every row."""
        later = self.later
        if self.horizon is not None and table.period_kind == "horizon":
            return [f for f in facts if self.accepts(f, table)]
        fits = _fits(self.explicit) if self.explicit is not None else None
        if fits is None:
            return [f for f in facts if f.edition not in later]
        if table.period_kind == "edition":
            return [f for f in facts if fits[f.edition] and f.edition not in later]
        return [f for f in facts if fits[f.period] and f.edition not in later]

    def in_scope(self, fact: Fact) -> bool:
        """Is the row's edition one the claim can mean at the article's date?"""
        if self.explicit is not None or self.current is None:
            return True
        return fact.edition == self.current


_HORIZON = patterns.compile(r"(\d+)\s*y(?:ears?)?")
_YEAR_MONTH = patterns.compile(r"(\d{4})-(\d{2})")
_YEAR_SPAN = patterns.compile(r"(\d{4})\s*(?:-|–|to)\s*(\d{4})")
_YEAR_ONLY = patterns.compile(r"(\d{4})")


@lru_cache(maxsize=1024)
def _horizon_years(period: str) -> int | None:
    m = _HORIZON.fullmatch(period.strip())
    return int(m.group(1)) if m else None


@lru_cache(maxsize=4096)
def _period_years(period: str) -> tuple[int, int, int | None] | None:
    """(start, end, month) of a row's period: "2022", "2020-06", "2020-2023"."""
    p = period.strip()
    m = _YEAR_MONTH.fullmatch(p)
    if m and int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(1)), int(m.group(2))
    m = _YEAR_SPAN.fullmatch(p)
    if m:
        return int(m.group(1)), int(m.group(2)), None
    m = _YEAR_ONLY.fullmatch(p)
    if m:
        return int(p), int(p), None
    return None


class _Fits(dict):
    """A row's period ("2022", or an edition's id where the table's periods are its
    editions) → whether it fits one time of a claim (``_period_matches``), worked out the
    first time a period is asked for: a claim's rows share a few periods."""

    __slots__ = ("time",)

    def __init__(self, time: TimeExpr):
        super().__init__()
        self.time = time

    def __missing__(self, period: str) -> bool:
        fits = self[period] = _period_matches(period, self.time)
        return fits


_FITS: dict[tuple, _Fits] = {}
_FITS_KEEP = 256
"""Times remembered (a bound: an article names a handful)."""


_LAST_FITS: list = [None, None]  # the last time asked for, and its periods


def _fits(time: TimeExpr) -> _Fits | None:
    """The periods that fit ``time``, looked up per row; None when every period does (a
    relative time or a horizon)."""
    if _LAST_FITS[0] is time:  # one claim's rows are asked about one after another
        return _LAST_FITS[1]
    found = None
    if time.kind not in ("relative", "horizon"):
        key = (time.kind, time.start, time.end, time.month)  # all that ``_period_matches`` reads
        found = _FITS.get(key)
        if found is None:
            if len(_FITS) >= _FITS_KEEP:
                _FITS.clear()
            found = _FITS[key] = _Fits(time)
    _LAST_FITS[0], _LAST_FITS[1] = time, found
    return found


def _period_matches(period: str, time: TimeExpr) -> bool:
    """Does a row's period (an edition's id where the table's periods are its editions)
    fit the claim's time?"""
    if time.kind in ("relative", "horizon"):
        return True
    if time.kind == "earlier":
        years = _period_years(period)
        return years is not None and (time.end is None or years[1] < time.end)
    if time.kind == "later":
        years = _period_years(period)
        return years is not None and (time.start is None or years[0] > time.start)
    years = _period_years(period)
    if years is None:
        return False
    start, end, month = years
    if time.kind == "recent":
        return end > start and time.end - 1 <= end <= time.end and time.years - 1 <= end - start <= time.years
    if time.kind == "month":
        return start == time.start and (month is None or month == time.month)
    if time.kind == "point":
        return start == end == time.start
    if time.kind == "by":
        return end == time.start
    if time.kind == "since":
        return start == time.start and end > start
    if time.kind == "span":
        return (start, end) == (time.start, time.end)
    return False


def choose(table: Table, times: tuple[TimeExpr, ...], as_of: dt.date | None,
           metric: str | None = None, entity: str | None = None) -> PeriodChoice:
    """``metric`` narrows "the current edition" to the editions that publish that metric.
    In studies and catalogues (period kinds other than ``edition`` and ``list``) it is
    narrowed further to the editions that give ``entity``'s figure: Llama 2's own model
    card, not the newest card of another model."""
    explicit = None
    horizon = None
    previous = any(t.kind == "previous" for t in times)
    later = next((t for t in times if t.kind == "later"), None)
    for time in ((later,) if later is not None else times):
        # ("fell to fifth, third and fourth in subsequent years" after "topped it in 2020":
        # the later editions, not the year named before them)
        if time.kind in ("previous", "event", "edition"):
            continue
        if time.kind == "since" and table.period_kind in ("edition", "list"):
            continue  # "top for the first time since 2011": a league table's current edition
        if time.kind in ("earlier", "later"):
            explicit = explicit or time
            continue
        if time.kind == "in_month":
            # "150th in June" in a November article: June's list of that year, the last June
            # by the article's date (a list named for a month may come out weeks before it).
            # Only a table of dated lists tells months apart; in others it says nothing.
            if table.period_kind == "list" and as_of is not None and time.month:
                year = as_of.year if time.month <= as_of.month + 1 else as_of.year - 1
                explicit = explicit or TimeExpr(time.span, time.text, "month", start=year, end=year,
                                                month=time.month)
            continue
        if time.kind == "horizon":
            horizon = horizon or time.years
        elif time.kind == "relative" and as_of is not None and (time.years or 0) > 1:
            # "79 models over the past three years" in 2023: a count over 2020-2023 (or
            # 2021-2023), never one year's.
            explicit = explicit or TimeExpr(time.span, time.text, "recent", start=as_of.year - time.years,
                                            end=as_of.year, years=time.years)
        elif time.kind == "relative" and as_of is not None and time.offset is not None and time.years == 1:
            year = as_of.year - time.offset
            explicit = explicit or TimeExpr(time.span, time.text, "point", start=year, end=year)
        elif time.kind != "relative":
            explicit = explicit or time
    current: str | None = None
    later: tuple[str, ...] = ()
    if as_of is not None and table.editions:
        found = _editions_in_order(table, metric, entity)
        # The editions come in order of publication, so those out by the article's day are
        # the first ``cut`` but the undated ones (which sort first): found by bisection,
        # not a pass over every edition per candidate.
        cut = bisect.bisect_right(found.days, as_of.isoformat())
        published = found.editions[found.undated:cut]
        later = found.ids[:found.undated] + found.ids[cut:]
        if published:
            current = published[-1].id
            before = next((t.end for t in times if t.kind == "previous" and t.end), None)
            ended = _change_ended(times, as_of)
            if previous and explicit is None and ended:
                # "climbed from 20th to 15th last year": the edition before the one the
                # change ended in.
                current, explicit, later = _edition_before(published, ended, times[0], current, later)
            elif previous and explicit is None and before and (published[-1].published or "")[:4] != str(before):
                # "from 24th in the … Ranking 2018" read when 2018's is not the current
                # edition: some edition before 2018's, which one unsaid — confirm only.
                explicit = TimeExpr(times[0].span, "an earlier edition", "earlier", end=before)
            elif previous and explicit is None and len(published) > 1:
                # "from 28th" in a change: the edition before the current one.
                current = published[-2].id
                later = later + (published[-1].id,)
            elif previous and explicit is None:
                # "jumped from eighth to fifth" when the table starts with the current
                # edition: the edition before it is not held, and the current one's row is
                # where the change ended, never where it started — nothing to check.
                current = None
                later = later + (published[-1].id,)
    unheld = None
    if current is not None and explicit is None and not previous and metric:
        # "the US has 169 supercomputers" in May 2024, when the tables hold the list's
        # country counts only up to June 2023: the current list is June 2024's, whose
        # figure is not held; an older list's may confirm the figure, not contradict it.
        unheld = _newer_unheld(table, found, current, as_of)
    named = next((t for t in times if t.kind == "edition"), None)
    if named is not None and table.editions:
        # "the 2019 study": the editions published that year; the rest cannot be meant.
        of_year, others = _editions_by_year(table).get(str(named.start), ((), ()))
        if of_year:
            if table.period_kind in ("edition", "list") and explicit is None:
                explicit = TimeExpr(named.span, named.text, "point", start=named.start, end=named.start)
            else:
                later = others
                current = of_year[-1] if explicit is None else current
    return PeriodChoice(explicit, current, horizon, later, unheld)


def _change_ended(times, as_of: dt.date) -> int | None:
    """The year a change ended in, for its start figure ("from 20th to 15th in 2017":
    2017; "… last year": the article's year less one): see ``claims._change_end``."""
    for t in times:
        if t.kind == "previous" and t.start:
            return t.start
        if t.kind == "previous" and t.offset:
            return as_of.year - t.offset
    return None


def _edition_before(published, year: int, time: TimeExpr, current, later):
    """The edition just before the one published in ``year``, as (current, explicit,
    later). With several editions that year (a list out in June and November) which one
    the change ended in is unsaid: some edition before that year, confirm only. With none
    held before it, nothing to check."""
    of_year = [i for i, e in enumerate(published) if (e.published or "")[:4] == str(year)]
    if len(of_year) != 1:
        return current, TimeExpr(time.span, "an earlier edition", "earlier", end=year), later
    i = of_year[0]
    ids = tuple(e.id for e in published)
    if i == 0:
        return None, None, later + ids
    return ids[i - 1], None, later + ids[i:]


def year_lists_unheld(table: Table, choice: PeriodChoice, scope) -> bool:
    """"Fugaku delivered 16.0 HPCG-petaflops last year": a year of a list published
    several times a year (June and November) means any of that year's lists. When the
    table holds the figure for only some of them, the others may hold the one written, so
    a row can confirm it but not call it wrong."""
    time = choice.explicit
    if time is None or time.kind != "point" or table.period_kind != "list" or not table.editions:
        return False
    of_year = [e for e in _editions_by_year(table).get(str(time.start), ((), ()))[0] if e not in choice.later]
    return len(of_year) > 1 and not set(of_year) <= {f.edition for f in scope}


def several_years(times, horizon: bool = False) -> bool:
    """Is a figure said of several past years at once ("over the last three years", "in
    the past four editions")? No single edition is meant. With ``horizon``, a span
    ahead counts too: a change "over two years" is not one edition's move (but a forecast
    "over the next decade" is a horizon table's row)."""
    kinds = ("relative", "horizon") if horizon else ("relative",)
    return any(t.kind in kinds and (t.years or 0) > 1 for t in times)


class _InOrder(NamedTuple):
    """Editions oldest first, with what ``choose`` reads of them, worked out once."""

    editions: tuple[Edition, ...]
    days: tuple[str, ...]
    """The day each was published (``published[:10]``, "" for none): sorted, as
    ``edition_order`` sorts by the full date."""
    ids: tuple[str, ...]
    undated: int
    """How many have no publication date (all at the front: "" sorts first)."""


def _editions_in_order(table: Table, metric: str | None, entity: str | None) -> _InOrder:
    """The editions that can be current for ``metric`` (and, in a study or catalogue,
    ``entity``), oldest first: kept with the table, as its rows are (one list per metric
    and entity, worked out the first time a claim asks)."""
    catalogue = entity is not None and metric and table.period_kind not in ("edition", "list")
    key = ("current_editions", metric, entity if catalogue else None)
    found = table._index.get(key)
    if found is None:
        with_metric = table.editions_with(metric) if metric else set(table.editions)
        if catalogue:
            with_metric = {f.edition for f in table.rows(entity, metric)} or with_metric
        ordered = tuple(e for e in table.edition_order() if e.id in with_metric)
        days = tuple((e.published or "")[:10] for e in ordered)
        found = table._index[key] = _InOrder(
            ordered, days, tuple(e.id for e in ordered), bisect.bisect_right(days, ""))
    return found


def _newer_unheld(table: Table, found: _InOrder, current: str, as_of: dt.date) -> str | None:
    """In a league table or list, the edition out by ``as_of`` after ``current`` (the
    newest edition with rows for the metric), if one came out: the metric's figure in the
    edition current at that day is missing from the tables."""
    if table.period_kind not in ("edition", "list"):
        return None
    every = _editions_in_order(table, None, None)
    newest = bisect.bisect_right(every.days, as_of.isoformat())
    if newest <= every.undated:
        return None
    held_day = found.days[found.ids.index(current)]
    return every.ids[newest - 1] if every.days[newest - 1] > held_day else None


def _editions_by_year(table: Table) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Year of publication ("2019") → the ids of the editions published that year and of
    all the others, each in ``edition_order``: kept with the table."""
    found = table._index.get("editions_by_year")
    if found is None:
        order = table.edition_order()
        years = dict.fromkeys(e.published[:4] for e in order)
        found = table._index["editions_by_year"] = {
            year: (tuple(e.id for e in order if e.published[:4] == year),
                   tuple(e.id for e in order if e.published[:4] != year)) for year in years}
    return found


REFERS_BACK = patterns.compile(
    r"\b(?:this|that|the\s+same|such\s+a)\s+(?:scenario|case|projection|variant)\b", re.I)
"""A sentence that refers back to a scenario named before it: "In this scenario, …"."""
NAMES_SCENARIO = patterns.compile(r"\b(?:scenario|case|projection|variant)\b", re.I)


def scenario_referred(claims, split) -> list:
    """The claims, each whose sentence refers back to a scenario ("In this scenario, there
    is a shortage of 164k") with the nearest earlier sentence of its paragraph that names
    one ("The first scenario expects low demand …") as ``Claim.referred``: which
    scenario's row the figure means is said there."""
    if not any("scenario" in c.sentence.text.lower() or " case" in c.sentence.text for c in claims):
        return claims
    referred: dict[int, str] = {}
    last: dict[int, str] = {}  # a paragraph's last sentence naming a scenario so far
    for s in split:
        if s.paragraph in last and REFERS_BACK.search(s.text):
            referred[s.span.start] = last[s.paragraph]
        if NAMES_SCENARIO.search(s.text) and not REFERS_BACK.search(s.text):
            last[s.paragraph] = s.text
    if not referred:
        return claims
    return [replace(c, referred=referred[c.sentence.span.start]) if c.sentence.span.start in referred else c
            for c in claims]


NAMED_EDITION_GRACE = dt.timedelta(days=31)
"""How long before an edition's publication an article may already name it: articles on
a ranking often carry the evening before its release (an embargo lifted in another time
zone), and a dateline is rarely exact."""

_NEAR = 12
"""Characters between a source's name and the year that names its edition ("the IMD
World Digital Competitiveness Ranking 2023", "the 2023 WDCR")."""


def as_of_named(claims, text: str, as_of: dt.date | None, tables: dict[str, Table]) -> dt.date | None:
    """The article's date, moved to an edition's publication date when the article names
    that edition beside its source ("the Gadget Index 2022", "the 2022 Gadget Index")
    although its dateline falls a little before the edition came out: the article's own
    words show the edition was out. Only editions published within
    ``NAMED_EDITION_GRACE`` of the dateline count."""
    if as_of is None:
        return None
    latest = as_of
    seen: set[tuple[int, int]] = set()
    for claim in claims:
        for mention in claim.sources:
            where = (mention.span.start, mention.span.end)
            if where in seen:
                continue
            seen.add(where)
            around = text[max(0, where[0] - _NEAR):where[0]] + " " + text[where[1]:where[1] + _NEAR]
            for year in _YEAR.findall(around):
                for table_id in mention.tables:
                    table = tables.get(table_id)
                    for edition in table.editions.values() if table is not None else ():
                        day = _day(edition.published)
                        if (day is not None and edition.id[:4] == year
                                and latest < day <= as_of + NAMED_EDITION_GRACE):
                            latest = day
    return latest


# ``(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)``, opening on "1" or "2" (which the engine skips
# to) with the look-behind after it.
_YEAR = patterns.compile(r"((?:1(?<![\d.,].)9|2(?<![\d.,].)0)\d\d)(?![\d.,]\d)")


def _day(published: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None

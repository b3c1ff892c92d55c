"""Plain records passed between the stages of the pipeline.

Stages import this module and earlier stages only; nothing here imports a stage.
Positions are character spans into the article's text (see ``document.Document``).
"""

from __future__ import annotations


from .dataclassgen import dataclass
from .levels import Severity, Verdict  # noqa: F401  (part of the shared vocabulary)


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end




@dataclass(frozen=True)
class Quantity:
    """A figure as written, with the interval of true values its wording allows."""

    span: Span
    text: str
    value: float
    """The nominal value ("almost $7 trillion" -> 7e12)."""
    low: float
    """Smallest true value the wording allows (after rounding and hedge)."""
    high: float
    """Largest true value the wording allows."""
    kind: str
    """``number``, ``percent``, ``points`` (percentage points), ``money``, ``rank``,
    ``quantity`` (a figure with a physical unit), ``ratio`` ("2.8 times"), ``duration``
    ("six months") or ``day`` (of a month: "on Nov 18"); the last three are never compared
    with a table."""
    currency: str | None = None
    hedge: str | None = None
    """The hedge word as normalised: ``almost``, ``about``, ``more than``, ``at least``, ``up to``, …"""
    out_of: int | None = None
    """For ranks: the N of "28th out of 63"."""
    out_of_span: Span | None = None
    range_of: tuple[float, float] | None = None
    """For ranges ("between 160,000 and 790,000"): the two nominal ends."""
    unit: str | None = None
    """A physical unit written with the figure, canonicalised ("PFlop/s" for "1.1 exaflops";
    the value is converted to it)."""

    @property
    def upper_bound(self) -> bool:
        """The wording presents the figure as a maximum ("up to", "as many as": hedges are
        normalised by ``numbers.HEDGES``)."""
        return self.hedge == "up to"


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: a year, a span, a horizon or a relative phrase."""

    span: Span
    text: str
    kind: str
    """``point`` (in 2022), ``by`` (by 2030), ``since``, ``span`` (2020-2023), ``month``,
    ``relative`` (last year, in the past three years), ``horizon`` (over the next decade) or
    ``previous`` (the earlier value in a change: "fell to 31st from 28th"), ``earlier`` (a
    rank on a path, "from 5th to 4th and now 3rd in 2020": some edition before ``end``), ``later``
    (some edition after ``start``, or any: "in subsequent years"), ``event`` (the
    year something began: "since the ranking began in 1989", never a figure's period), or
    ``edition`` (the year naming a study or report: "METI's 2019 study")."""
    start: int | None = None
    end: int | None = None
    month: int | None = None
    years: int | None = None
    """For ``relative`` and ``horizon``: how many years the phrase covers."""
    offset: int | None = None
    """For ``relative``: years before the article's date ("last year" = 1)."""


@dataclass(frozen=True)
class EntityMention:
    """Where a sentence names an entity, and which one."""

    span: Span
    entity: str
    """Canonical entity name (``Japan``, ``World``, ``Fugaku``)."""
    kind: str
    via: str = "name"
    """``name``, ``demonym``, ``fuzzy``, ``reference`` ("the nation") or ``unknown`` (a
    longer name no table holds, entity empty: see ``entities``)."""


@dataclass(frozen=True)
class SourceMention:
    """Where a sentence names a source, and which tables it may mean."""

    span: Span
    tables: tuple[str, ...]
    """Ids of the tables this phrase names."""
    exact: bool
    """True when the phrase names the table itself, False for a publisher shared by tables."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with the paragraph it belongs to."""

    span: Span
    text: str
    paragraph: int
    heading: bool = False


@dataclass(frozen=True)
class Claim:
    """One checkable figure in its sentence, with everything extraction found around it."""

    quantity: Quantity
    sentence: Sentence
    entities: tuple[EntityMention, ...]
    """Entity mentions of the sentence, nearest-to-the-figure first."""
    times: tuple[TimeExpr, ...]
    sources: tuple[SourceMention, ...]
    """Sources named in the sentence, or carried from earlier in the paragraph."""
    source_carried: bool
    passage_entities: tuple[str, ...]
    """Entities of the paragraph and the article, most salient first (for misattribution)."""
    topic: tuple[str, ...] = ()
    """Tables the article names outright in its headline or first paragraph: what its
    bare ranks ("Denmark took first place") are about."""
    source_distance: int = 0
    """Where the source was named: 0 this sentence, 1 earlier in the paragraph, 2 the
    previous paragraph."""
    role: str = "value"
    """What the figure is in its sentence (see ``roles``): ``value``, ``previous`` (the
    earlier value of a change: "from 28th"), ``change`` (an amount gained or lost: "climbed
    four places"), ``kept`` (a value said to be unchanged: "retained first place"),
    ``difference`` (between two entities) or ``aggregate`` (a total over many)."""
    direction: int = 0
    """For a change: +1 up (for ranks, a better place), -1 down, 0 unsaid."""
    role_span: Span | None = None
    """The article's words that give the role."""
    respective: tuple[int, int, int, int] | None = None
    """For a figure of a list that "respectively" refers to, when the list is not of the
    entities named before it ("in technology and knowledge, third and fifth respectively"):
    its place in the list (from 0), the list's length, and where the list starts and ends.
    The n-th figure goes with the n-th of as many measures named before (or after) the
    list."""
    paired: bool = False
    """The figure's entity was given by a list form ("X and Y … 3rd and 4th, respectively",
    "third and fourth place go to X and Y"), not only by nearness."""
    referred: str = ""
    """For a sentence that refers back to a scenario ("in this scenario, the shortage is
    164k"), the earlier sentence of its paragraph that names one (set by ``judge.check``;
    see ``periods.scenario_referred``)."""
    before: str = ""
    """The passage's words that frame the sentence from before it: the article's opening
    and the earlier sentences of its paragraph (set by ``judge.check`` only when the
    article names some other benchmark or list; see ``match.rival_frame``)."""
    range_given: bool = False
    """The passage writes the other end of the source's range elsewhere ("$2.6 to $4.4tn"
    a paragraph on, "the lower end of the range is $2.6 trillion"): one end quoted alone is
    then not passed off as the estimate (set by ``neighbours.range_in_passage``)."""
    paragraph_topics: tuple[str, ...] = ()
    """Ids of the tables with ``topic_words`` whose topic the sentence's paragraph names
    (set by ``match.with_topics``): a figure without the table's measure words may be its
    default measure only then."""
    opening_topics: tuple[str, ...] = ()
    """The same for the article's opening: only the tables whose topic the paragraph or
    the opening names may hold the figure at all."""
    referent: Sentence | None = None
    """The sentence before, when this one points back to a measure named there ("There,
    Ireland slipped to 10th" after one naming a pillar; "placing second in this factor"),
    set by ``match.with_frames``: its measure words, not the table's default, name the
    figure's measure."""

    @property
    def span(self) -> Span:
        return self.quantity.span


@dataclass(frozen=True)
class Fact:
    """One row of a reference table."""

    table: str
    entity: str
    metric: str
    period: str
    edition: str
    scenario: str
    value: str
    unit: str
    hedge: str
    status: str
    note: str
    publisher: str
    source_title: str
    source_url: str
    published: str
    read_at: str = ""
    """Where the figure was actually read, when that is not the primary document above
    (a transcription, a press report, a later edition quoting it); empty when read there."""
    read_at_title: str = ""
    """The outlet and title of the ``read_at`` page."""
    read_at_published: str = ""
    """The ``read_at`` page's date."""

    @property
    def number(self) -> float | None:
        try:
            return float(self.value)
        except ValueError:
            return None


@dataclass(frozen=True)
class Statement:
    """Entity, metric, period and value, as the claim says or as the source says."""

    entity: str | None
    metric: str | None
    period: str | None
    value: float | str | None
    unit: str | None
    scenario: str | None = None
    out_of: int | None = None

    def as_record(self) -> dict:
        record = {
            "entity": self.entity,
            "metric": self.metric,
            "period": self.period,
            "value": self.value,
            "unit": self.unit,
        }
        if self.scenario:
            record["scenario"] = self.scenario
        if self.out_of is not None:
            record["out_of"] = self.out_of
        return record


@dataclass(frozen=True)
class Evidence:
    """What a table says about a claim, and where it says it."""

    table: str
    table_title: str
    publisher: str
    source_title: str
    source_url: str
    published: str
    edition: str

    def as_record(self) -> dict:
        return {
            "table": self.table,
            "table_title": self.table_title,
            "edition": self.edition,
            "publisher": self.publisher,
            "source_title": self.source_title,
            "source_url": self.source_url,
            "published": self.published,
        }


@dataclass(frozen=True)
class Ground:
    """What fixed one slot of a claim's reading (entity, metric, period, role, source)."""

    slot: str
    by: str
    """``article`` (the article's own words), ``passage`` (a name earlier in the passage, for
    "the nation" or "it"), ``table default`` (the table's declared default), ``article date``
    (the edition current at the article's date) or ``undated`` (any edition)."""
    span: Span | None = None
    """The words, when the article's words grounded it."""
    note: str = ""
    """The value the slot took, in plain words."""


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim, with what the source says and what to do about it."""

    verdict: Verdict
    claim: Claim
    stated: Statement
    expected: Statement | None
    message: str
    suggestion: str | None
    evidence: tuple[Evidence, ...] = ()
    table: str | None = None
    fix: tuple[int, int, str] | None = None
    """A replacement the review can apply: put the text at ``[start, end)`` of the document."""
    grounds: tuple[Ground, ...] = ()
    """How the claim was read: for each slot, the words (or the default) that fixed it."""

    @property
    def severity(self) -> Severity:
        return self.verdict.severity

    @property
    def span(self) -> Span:
        return self.claim.span

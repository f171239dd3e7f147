"""The types that flow through the pipeline: Article -> Quantity -> Claim -> Finding -> Report.

Every stage takes and returns these plain, immutable records so a stage can run
on one article at a time (and later on a distributed engine) with no shared state.
Interval conventions are written down in docs/semantics.md.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: How a figure relates to the true value. See docs/semantics.md.
BOUNDS = ("exact", "more_than", "at_least", "less_than", "at_most", "approx", "range")

#: Verdicts of one comparison, from worst to best.
VERDICTS = ("conflict", "tension", "compatible", "different_scope")
SEVERITY_OF_VERDICT = {"conflict": "error", "tension": "warning", "compatible": "info", "different_scope": "info"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure found in text: an interval with the words that qualify it.

    ``text[start:end]`` is the surface form, qualifier and counted noun included
    when they are adjacent ("more than 260,000 people").
    """

    start: int
    end: int
    surface: str
    value: float | None  # the point figure as written (250000 for "a quarter of a million")
    low: float | None  # None: open below
    high: float | None  # None: open above
    bound: str  # one of BOUNDS
    unit: str | None = None  # normalised unit: "percent", "USD", "year", "kilometer"; None for plain counts
    noun: str | None = None  # the counted thing, singular: "person", "country", "civilian"
    dimension: str = "count"  # count | percentage | currency | duration | date | physical
    vague: bool = False  # "tens of thousands", "dozens": an order of magnitude, not a figure


@dataclass(frozen=True, slots=True)
class Article:
    """One input document and what is known about it."""

    id: str  # stable id: the file name (relative path for folders)
    path: str
    text: str  # the file's own decoded text; claim offsets index this
    source: str | None = None  # outlet
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantity plus what a comparison needs: what, where, when, says who.

    Field names are a public contract (the JSON output and other tools read them).
    """

    id: str  # "<article id>#<n>"
    article: str  # Article.id
    start: int  # offsets into Article.text
    end: int
    line: int  # 1-based
    column: int  # 1-based, in characters
    text: str  # the surface, Article.text[start:end]
    low: float | None
    high: float | None
    value: float | None
    bound: str
    unit: str | None
    noun: str | None
    kind: str | None = None  # the subject kind given by the rules ("deaths", "group_size"); None before rules run
    place: str | None = None  # places named in the sentence, "; "-joined, in order of appearance
    attribution: str | None = None  # who gives the figure, when stated ("the United Nations", "an NGO report")
    as_of: date | None = None  # the date the figure is stated for, when the text anchors it
    duplicate_of: str | None = None  # Claim.id of the first mention when this is a repeat
    sentence: str = ""  # the whole sentence, for quoting
    # What later stages compare on (also in the JSON, after the public fields):
    published: date | None = None  # of the article
    source: str | None = None  # outlet of the article
    predicate: str | None = None  # what happened to the counted thing: "killed", "fled", "under siege", "at risk of siege"
    since: date | None = None  # start of the counted window ("since February 1")
    entity: str | None = None  # named group or thing the figure belongs to ("Syria contact group", "ISSG")
    event: str | None = None  # the event the figure is about: "war", "offensive", "earthquake"
    modality: str = "asserted"  # asserted | hypothetical | quoted_forecast
    dimension: str = "count"
    vague: bool = False
    context: str = ""  # a few words either side, lowercased, for subject matching
    # The subject frame (factcheck.frames): two claims are compared only when their frames unify.
    measure: str | None = None  # what is counted: "killed", "missing", "on_board", "group_size", "money"...
    population: str | None = None  # who is counted, with its qualifiers: "people", "children", "Kenyan"
    place_root: str | None = None  # the story's country (the article's most-named country, ISO code), for blocking
    story_place: str | None = None  # the place the article is most about (its most-named place)
    story_event: str | None = None  # the incident the article is most about (its most-named event)
    part: str | None = None  # the qualifier that makes this figure a part of a total ("Kenya", "children")
    revision: str | None = None  # "earlier": the text gives it as superseded ("initially 42", "up from 42")
    frame: str | None = None  # the block key: claims are only compared within one frame

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with ISO dates, public fields first."""
        out = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.isoformat() if isinstance(v, date) else v
        return out


#: The public claim fields, in JSON order.
CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on a set of claims that speak about the same subject."""

    id: str  # stable: "F<n>" in report order
    rule: str  # rule id that grouped and judged the claims ("deaths")
    kind: str  # subject kind
    subject: str  # human name of the subject ("deaths in Syria")
    verdict: str  # one of VERDICTS
    severity: str  # error | warning | info
    claims: tuple[str, ...]  # Claim ids, in order
    message: str  # one sentence: why this verdict
    subject_id: str | None = None  # Subject.id of the subject frame the finding belongs to

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["claims"] = list(self.claims)
        return d


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject frame of a story: every figure of one measure, population, place and event.

    The unit of the report: its claims in time order make a timeline, and its verdict is the
    worst verdict of the pairs judged inside it ("compatible" when all agree, "single" when
    only one figure was given).
    """

    id: str  # "S<n>" in report order
    rule: str
    measure: str
    population: str | None
    place: str | None
    event: str | None
    claims: tuple[str, ...]  # Claim ids, earliest first
    verdict: str  # conflict | tension | compatible | single
    name: str = ""  # human name: "deaths in Palu"

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["claims"] = list(self.claims)
        return d


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that could not be read; reported, never fatal to the run."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Everything one run produced; what every output format renders."""

    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    rules: Any = None  # the RuleSet the findings were judged under: renderers describe intervals by it
    drafts: list[str] = field(default_factory=list)  # Article ids of the drafts checked (factcheck draft)

    @property
    def conflicts(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == "conflict"]

    @property
    def tensions(self) -> list[Finding]:
        return [f for f in self.findings if f.verdict == "tension"]

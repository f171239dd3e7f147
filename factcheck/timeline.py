"""Subjects as timelines: the view every human-facing rendering shares (Markdown, HTML, terminal, ``subjects``).

A Subject is one figure of a story (one measure, population, place and event) told by
several outlets over time. Here each becomes a :class:`Timeline`: its figures in time
order, each marked when it is part of a conflict or tension (or given by the text as an
earlier, superseded figure), and a verdict said in words. Identical rows (the same figure
from the same outlet on the same day, as in a wire story printed many times) fold into one
row with a count, so that a report stays short when the archive is large.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from factcheck.model import Claim, Finding, Report, Subject

__all__ = ["Entry", "Timeline", "timelines", "subjects_of", "VERDICT_ORDER", "location", "figure_label"]

#: Subject verdicts, worst first: the order of the report's sections.
VERDICT_ORDER = {"conflict": 0, "tension": 1, "compatible": 2, "single": 3}
_MARK_ORDER = {"conflict": 0, "tension": 1, "correction": 2, "earlier": 3, "": 4}
#: Claim.revision values that mark a figure: the text gives it as superseded, or as a correction of an earlier one.
_REVISION_MARKS = {"earlier": "earlier", "correction": "correction"}
_MAX = date.max


@dataclass(frozen=True)
class Entry:
    """One row of a timeline: a figure, where it is, what it means, and its mark."""

    claim: Claim  # the first of the identical figures folded into this row
    location: str  # path:line:col of that first figure
    interval: str  # the figure as an interval, in the rule's words ("> 260,000", "began in 2011")
    mark: str  # "conflict" | "tension" | "correction" | "earlier" (the text gives it as superseded) | ""
    count: int = 1  # identical figures folded into this row
    claim_ids: tuple[str, ...] = ()  # every claim folded into this row, the first one first


@dataclass(frozen=True)
class Timeline:
    """A subject with its figures in time order and its verdict in words."""

    subject: Subject
    entries: tuple[Entry, ...]
    summary: str  # "two outlets disagree on the same day: "17-nation" vs "about 20 countries""
    findings: tuple[Finding, ...] = ()  # the pairwise findings inside this subject
    rule: object = None  # the Rule that judged it (None when unknown)
    figures: int = 0  # claims in the subject, before folding
    outlets: int = 0  # distinct outlets among them

    @property
    def verdict(self) -> str:
        return self.subject.verdict


@dataclass
class _Marks:
    by_claim: dict[str, str] = field(default_factory=dict)

    def add(self, cid: str, mark: str) -> None:
        old = self.by_claim.get(cid, "")
        if _MARK_ORDER[mark] < _MARK_ORDER[old]:
            self.by_claim[cid] = mark


def location(c: Claim, paths: dict[str, str]) -> str:
    """``path:line:col`` of a claim (the article id when its path is unknown)."""
    return f"{paths.get(c.article, c.article)}:{c.line}:{c.column}"


def figure_label(c: Claim) -> str:
    """A figure as an outlet printed it, quoted."""
    return f'"{" ".join(c.text.split())}"'


def figure_note(c: Claim) -> str:
    """What else a reader needs about a figure in a timeline: that it counts only a part of the total."""
    return f"part: {' '.join(c.part.split())}" if c.part else ""


def _when(c: Claim) -> date | None:
    return c.as_of or c.published


def subjects_of(report: Report) -> list[Subject]:
    """The report's subjects; for a Report built without them (tests, the pytest plugin), subjects
    made from its findings: one per ``subject_id`` (or per rule and subject name)."""
    if report.subjects:
        return list(report.subjects)
    claims = {c.id: c for c in report.claims}
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for f in report.findings:
        if f.verdict == "different_scope":
            continue  # a pair that is not one subject
        groups[(f.subject_id or "", f.rule, f.subject)].append(f)
    out = []
    for n, ((sid, rule, name), fs) in enumerate(sorted(groups.items(), key=lambda kv: kv[0]), 1):
        ids = list(dict.fromkeys(cid for f in fs for cid in f.claims if cid in claims))
        ids.sort(key=lambda i: (_when(claims[i]) or _MAX, claims[i].published or _MAX, i))
        verdict = min((f.verdict for f in fs), key=lambda v: VERDICT_ORDER.get(v, 9))
        first = claims[ids[0]] if ids else None
        out.append(Subject(id=sid or f"S{n}", rule=rule, measure=getattr(first, "measure", None) or fs[0].kind,
                           population=getattr(first, "population", None), place=getattr(first, "place_root", None),
                           event=getattr(first, "event", None), claims=tuple(ids), verdict=verdict, name=name))
    return out


def timelines(report: Report) -> list[Timeline]:
    """Every subject as a timeline, worst verdict first (then in the report's subject order)."""
    from factcheck.compare import describe_interval

    claims = {c.id: c for c in report.claims}
    paths = {a.id: a.path for a in report.articles}
    subjects = subjects_of(report)
    by_subject = _findings_by_subject(report, subjects)
    out = []
    for pos, s in enumerate(subjects):
        fs = tuple(by_subject.get(s.id, ()))
        marks = _Marks()
        for f in fs:
            if f.verdict in ("conflict", "tension"):
                for cid in f.claims:
                    marks.add(cid, f.verdict)
        members = [claims[i] for i in s.claims if i in claims]
        for c in members:
            if c.revision in _REVISION_MARKS:
                marks.add(c.id, _REVISION_MARKS[c.revision])
        rule = None
        if report.rules is not None:
            kind = next((c.kind for c in members if c.kind), None)
            rule = report.rules.rule_for(kind or s.rule) or report.rules.rule_for(s.rule)
        entries = _fold([(c, location(c, paths), describe_interval(c, rule), marks.by_claim.get(c.id, ""))
                         for c in members])
        outlets = len({c.source or c.article for c in members})
        out.append((VERDICT_ORDER.get(s.verdict, 9), pos,
                    Timeline(subject=s, entries=entries, summary=_summary(s, members, fs, marks, claims, rule),
                             findings=fs, rule=rule, figures=len(members), outlets=outlets)))
    return [t for *_, t in sorted(out, key=lambda x: (x[0], x[1]))]


def _findings_by_subject(report: Report, subjects: list[Subject]) -> dict[str, list[Finding]]:
    """Findings per subject id: by ``subject_id``, else by the subject whose claims hold all of the finding's."""
    out: dict[str, list[Finding]] = defaultdict(list)
    holder: dict[str, str] = {}
    for s in subjects:
        for cid in s.claims:
            holder.setdefault(cid, s.id)
    known = {s.id for s in subjects}
    for f in report.findings:
        if f.verdict == "different_scope":
            continue
        sid = f.subject_id if f.subject_id in known else None
        if sid is None:
            owners = {holder.get(cid) for cid in f.claims}
            sid = owners.pop() if len(owners) == 1 else None
        if sid is not None:
            out[sid].append(f)
    return out


def _fold(rows: list[tuple[Claim, str, str, str]]) -> tuple[Entry, ...]:
    """Identical rows (same day, outlet, attribution, words, interval, mark) become one row with a count."""
    groups: dict[tuple, list[tuple[Claim, str, str, str]]] = {}
    for row in rows:
        c, _, interval, mark = row
        key = (c.as_of, c.published, c.source or c.article, c.attribution, " ".join(c.text.split()), interval, mark)
        groups.setdefault(key, []).append(row)
    return tuple(Entry(claim=g[0][0], location=g[0][1], interval=g[0][2], mark=g[0][3], count=len(g),
                       claim_ids=tuple(r[0].id for r in g)) for g in groups.values())


def _day(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _distinct_figures(cs: list[Claim], limit: int = 4) -> str:
    labels = list(dict.fromkeys(figure_label(c) for c in cs))
    more = len(labels) - limit
    text = " vs ".join(labels[:limit])
    return text + (f" (and {more} more)" if more > 0 else "")


def _count_word(n: int, word: str) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
    return f"{words.get(n, n)} {word}{'' if n == 1 else 's'}"


def _summary(s: Subject, members: list[Claim], fs: tuple[Finding, ...], marks: _Marks, claims: dict[str, Claim],
             rule) -> str:
    """The subject's verdict in one sentence a person reads at a glance."""
    outlets = list(dict.fromkeys(c.source or c.article for c in members))
    if s.verdict in ("conflict", "tension"):
        flagged = [claims[i] for i in s.claims if marks.by_claim.get(i) == s.verdict and i in claims]
        who = list(dict.fromkeys(c.source or c.article for c in flagged))
        days = {_when(c) for c in flagged}
        figures = _distinct_figures(flagged)
        if s.verdict == "tension":
            return (f"{_count_word(len(who), 'outlet')} differ on a strict reading but agree within rounding: "
                    f"{figures}")
        if len(who) == 1:
            return f"{who[0]} contradicts itself: {figures}"
        when = f" on the same day ({_day(days.pop())})" if len(days) == 1 else ""
        return f"{_count_word(len(who), 'outlet')} disagree{when}: {figures}"
    if s.verdict == "single" or len(members) <= 1:
        c = members[0] if members else None
        return (f"one figure only: {figure_label(c)} ({c.source or c.article}, {_day(_when(c))})"
                if c else "no figure")
    latest = max(members, key=lambda c: (_when(c) or date.min, c.published or date.min, c.id))
    text = (f"{_count_word(len(members), 'figure')} from {_count_word(len(outlets), 'outlet')} agree; "
            f"the latest: {figure_label(latest)} ({latest.source or latest.article}, {_day(_when(latest))})")
    if getattr(rule, "compare", None) == "cumulative":
        text += ", a total that may grow"
    return text

"""The editor's check: a draft (or several) against published articles, before publication.

Only findings that involve the draft are kept. Each one points at the draft's line
and column, quotes the published claims on the same subject with source and date,
and says what a consistent figure would be: for a total that may only grow, the
latest published figure and who gave it; for a count at one time, the figure the
published articles agree on (or that they disagree among themselves).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from factcheck.model import Article, Claim, Finding, Report, Subject

__all__ = ["check_draft", "check_drafts", "story_names", "name_counts"]

_MIN, _MAX = date.min, date.max  # sort keys for undated claims

_RANK = {"conflict": 0, "tension": 1, "compatible": 2, "different_scope": 3}


#: A name in more than this share of the archive's articles, and in more than ``COMMON_NAME_MIN`` of them, is
#: common (a country, an agency, a word that opens many sentences): sharing it does not make a draft one story
#: with an article. Rule-pack settings ``draft_common_name_share`` and ``draft_common_name_min``.
COMMON_NAME_SHARE = 0.01
COMMON_NAME_MIN = 500

Extracted = tuple  # (articles, claims, problems, names) as pipeline.extract returns them


def story_names(names: Sequence[str], counts: Mapping[str, int], total: int, rules=None) -> tuple[str, ...]:
    """The draft's names that tell its story apart: those not common in the archive; all of them when all are.

    A draft is one story with the published articles that share one of these names (``compare._story_judge``).
    ``counts`` gives, per lower-cased name, how many of the archive's ``total`` articles name it.
    """
    settings = getattr(rules, "settings", None) or {}
    share = float(settings.get("draft_common_name_share", COMMON_NAME_SHARE))
    floor = int(settings.get("draft_common_name_min", COMMON_NAME_MIN))
    limit = max(floor, share * total)
    rare = tuple(n for n in names if counts.get(n.lower(), 0) <= limit)
    return rare or tuple(names)


def name_counts(names: Mapping[str, Sequence[str]]) -> Counter:
    """Per lower-cased name, the number of articles naming it (the claims index keeps the same in its names table)."""
    return Counter(n for own in names.values() for n in {x.lower() for x in own})


def _extract_draft(draft: Article, rules) -> Extracted:
    from factcheck.pipeline import extract

    return extract([], rules=rules, extra=[draft])


def check_draft(draft: Article, against: Sequence[str], rules_dirs: Sequence[Path] = (), fail_on: str = "error",
                *, rules=None, archive=None) -> tuple[Report, int]:
    """(report of the draft's findings, exit code): 1 when a finding at or above ``fail_on`` involves the draft.

    The draft's id becomes its path (``<stdin>`` or ``--stdin-filename`` for standard input), so
    its claims are ``<path>#<n>`` and never collide with a published article's. ``rules`` is a
    loaded RuleSet (else the default pack plus ``rules_dirs``); ``archive`` an earlier
    ``pipeline.extract`` result reused instead of reading ``against`` again.
    """
    from factcheck.pipeline import extract
    from factcheck.rules import load_rules

    if fail_on not in ("error", "warning"):
        raise ValueError(f"fail_on must be 'error' or 'warning', not {fail_on!r}")
    if rules is None:
        rules = load_rules(list(rules_dirs))
    draft = dataclasses.replace(draft, id=draft.path or draft.id or "<stdin>")
    published = extract(list(against), rules=rules) if against else ([], [], [], {})
    if archive is not None:
        published = tuple(list(a) + list(b) for a, b in zip(published[:3], archive[:3])) + ({**archive[3], **published[3]},)
    mine = _extract_draft(draft, rules)
    story = story_names(mine[3].get(draft.id, ()), name_counts(published[3]), len(published[0]), rules)
    return _check(draft, mine, published, story, rules, fail_on)


def _check(draft: Article, mine: Extracted, published: Extracted, story: tuple[str, ...], rules,
           fail_on: str) -> tuple[Report, int]:
    """The draft's report: its extracted claims (``mine``) judged against ``published``, its story told by ``story``."""
    from factcheck.pipeline import judge
    from factcheck.suppress import split_suppressed

    if fail_on not in ("error", "warning"):
        raise ValueError(f"fail_on must be 'error' or 'warning', not {fail_on!r}")
    full = judge(mine[0], mine[1], mine[2], {draft.id: story}, rules, [draft], archive=published)
    draft_id = draft.id
    draft_date = draft.published
    claims = {c.id: c for c in full.claims}
    findings = _draft_findings(full.findings, claims, draft_id, rules, draft_date)
    texts = {a.id: a.text for a in full.articles if a.id == draft_id}
    kept, suppressed = split_suppressed(findings, claims, texts)
    subjects = _draft_subjects(full, claims, draft_id, kept)
    involved = {cid for f in kept + suppressed for cid in f.claims} | {cid for s in subjects for cid in s.claims}
    claims_kept = [c for c in full.claims if c.article == draft_id or c.id in involved]
    cited = {c.article for c in claims_kept} | {draft_id}
    report = Report(
        articles=[a for a in full.articles if a.id in cited],  # the draft, and the articles its findings quote
        claims=claims_kept,
        findings=kept,
        problems=full.problems,
        suppressed=suppressed,
        rules=rules,
        subjects=subjects,
        drafts=[draft_id],
    )
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    code = 1 if any(f.severity in levels for f in kept) else 0
    return report, code


def check_drafts(drafts: Sequence[Article], against: Sequence[str], rules_dirs: Sequence[Path] = (),
                 fail_on: str = "error", *, rules=None, index=None) -> tuple[Report, int]:
    """Several drafts (a pre-commit hook passes every staged file), the archive read once.

    Each draft is checked on its own against the published articles, never against the
    other drafts. One Report: the drafts' claims and findings in the order given (finding
    ids D1, D2, ... across all drafts), each published article listed once. With ``index``
    (a factcheck.index.Index of ``against``) only the claims each draft can meet are read
    from it (``Index.archive_for``), instead of extracting the archive.
    """
    from factcheck.pipeline import extract
    from factcheck.rules import load_rules

    if rules is None:
        rules = load_rules(list(rules_dirs))
    if fail_on not in ("error", "warning"):
        raise ValueError(f"fail_on must be 'error' or 'warning', not {fail_on!r}")
    archive = extract(list(against), rules=rules) if index is None else None
    counts = name_counts(archive[3]) if index is None else None
    articles: dict[str, Article] = {}
    claims: dict[str, Claim] = {}
    findings: list[Finding] = []
    suppressed: list[Finding] = []
    subjects: list[Subject] = []
    problems = list(archive[2] if index is None else index.problems)
    code = 0
    for draft in drafts:
        draft = dataclasses.replace(draft, id=draft.path or draft.id or "<stdin>")
        mine = _extract_draft(draft, rules)
        own = mine[3].get(draft.id, ())
        if index is None:
            story, part = story_names(own, counts, len(archive[0]), rules), archive
        else:
            story = story_names(own, index.name_counts(own), index.count(), rules)
            part = index.archive_for(mine[1], story, rules)
        report, one = _check(draft, mine, part, story, rules, fail_on)
        code = max(code, one)
        for a in report.articles:
            articles.setdefault(a.id, a)
        for c in report.claims:
            claims.setdefault(c.id, c)
        ids = {s.id: f"S{len(subjects) + i}" for i, s in enumerate(report.subjects, 1)}  # unique across drafts
        subjects += [dataclasses.replace(s, id=ids[s.id]) for s in report.subjects]
        findings += [dataclasses.replace(f, subject_id=ids.get(f.subject_id)) for f in report.findings]
        suppressed += [dataclasses.replace(f, subject_id=ids.get(f.subject_id)) for f in report.suppressed]
    n = 0

    def renumber(fs: list[Finding]) -> list[Finding]:
        nonlocal n
        out = []
        for f in fs:
            n += 1
            out.append(dataclasses.replace(f, id=f"D{n}"))
        return out

    draft_ids = [d.path or d.id for d in drafts]
    order = {aid: i for i, aid in enumerate(draft_ids)}
    ordered = sorted(articles.values(), key=lambda a: (order.get(a.id, len(order)),))
    return Report(articles=ordered, claims=list(claims.values()), findings=renumber(findings),
                  problems=problems, suppressed=renumber(suppressed), rules=rules, subjects=subjects,
                  drafts=draft_ids), code


def _draft_findings(findings: list[Finding], claims: dict[str, Claim], draft_id: str, rules,
                    draft_date: date | None = None) -> list[Finding]:
    """One finding per draft claim: its worst verdict, with every published claim it was judged against."""
    per_claim: dict[str, list[Finding]] = {}
    for f in findings:
        for cid in f.claims:
            c = claims.get(cid)
            if c is not None and c.article == draft_id:
                per_claim.setdefault(cid, []).append(f)
    out = []
    for cid, fs in sorted(per_claim.items(), key=lambda kv: (claims[kv[0]].start, kv[0])):
        worst = min(fs, key=lambda f: (_RANK[f.verdict], f.id))
        if worst.verdict in ("compatible", "different_scope"):
            continue  # nothing an editor must act on
        mine = claims[cid]
        published = sorted({o for f in fs if f.verdict != "different_scope" for o in f.claims if claims[o].article != draft_id},
                           key=lambda o: (claims[o].published or claims[o].as_of or _MAX, claims[o].id))
        against = _distinct([claims[o] for f in fs if f.verdict == worst.verdict for o in f.claims
                             if claims[o].article != draft_id])
        quoted = {c.id for c in against}
        latest = [c for c in latest_published([claims[o] for o in published], draft_date or mine.published)
                  if c.id not in quoted]
        rule = rules.by_id.get(worst.rule) if rules is not None else None
        msg = _message(mine, worst, against, latest, [claims[o] for o in published], rule, draft_date)
        # the finding holds the figures it is about; the latest published ones are named in its message
        # and kept in its subject's timeline
        out.append(dataclasses.replace(worst, id=f"D{len(out) + 1}", claims=(cid, *(c.id for c in against)),
                                       message=msg))
    return out


def _distinct(cs: list[Claim]) -> list[Claim]:
    """One claim per figure as printed (outlet, date, words): a wire story reprinted counts once."""
    seen: dict[tuple, Claim] = {}
    for c in sorted(cs, key=lambda c: (c.published or _MAX, c.id)):
        seen.setdefault((c.source or c.article, c.published, c.as_of, " ".join(c.text.split())), c)
    return list(seen.values())


def latest_published(published: list[Claim], until: date | None = None) -> list[Claim]:
    """The figures of the latest date among the published ones (several when outlets printed on the same day);
    with ``until`` (the draft's date), the latest up to that day when there is one."""
    dated = [c for c in published if _when(c) is not None]
    if until is not None and any(_when(c) <= until for c in dated):
        dated = [c for c in dated if _when(c) <= until]
    if not dated:
        return _distinct(published)[:1]
    last = max(_when(c) for c in dated)
    return _distinct([c for c in dated if _when(c) == last])


def _draft_subjects(full: Report, claims: dict[str, Claim], draft_id: str, kept: list[Finding]) -> list[Subject]:
    """The subjects a draft figure belongs to, each cut down to the draft's figures and the published
    figures that matter: the ones the draft conflicts with and the latest published ones."""
    verdict_of = {}
    for f in full.findings:
        if f.verdict == "different_scope":
            continue
        for cid in f.claims:
            if cid in claims and claims[cid].article == draft_id:
                old = verdict_of.get(cid)
                verdict_of[cid] = f.verdict if old is None or _RANK[f.verdict] < _RANK[old] else old
    flagged = {f.claims[0]: f for f in kept}
    out = []
    for s in full.subjects:
        mine = [cid for cid in s.claims if cid in verdict_of]
        if not mine:
            continue
        others = [claims[c] for c in s.claims if c in claims and claims[c].article != draft_id]
        until = next((claims[c].published for c in mine if claims[c].published), None)
        keep = {c.id for c in latest_published(others, until)} | set(mine)
        for cid in mine:
            if cid in flagged:
                keep |= set(flagged[cid].claims)
        worst = min((flagged[c].verdict if c in flagged else "compatible" for c in mine), key=_RANK.get)
        out.append(dataclasses.replace(s, claims=tuple(c for c in s.claims if c in keep), verdict=worst))
    return out


def _quote(c: Claim, rule=None) -> str:
    from factcheck.compare import describe_interval

    interval = describe_interval(c, rule)
    who = f", citing {c.attribution}" if c.attribution else ""
    when = c.published.isoformat() if c.published else "undated"
    return f"{c.source or c.article} ({when}{who}): \"{c.text}\"" + (f" ({interval})" if interval else "")


def _message(mine: Claim, worst: Finding, against: list[Claim], latest: list[Claim], published: list[Claim], rule,
             draft_date: date | None = None) -> str:
    """What the draft figure contradicts, the latest published figure(s), and what would be consistent."""
    verb = "contradicts" if worst.verdict == "conflict" else "is in tension with"
    head = (f"Draft line {mine.line}:{mine.column} \"{mine.text}\" {verb} "
            + "; ".join(_quote(c, rule) for c in against) + ".")
    if latest:
        head += " Latest published: " + "; ".join(_quote(c, rule) for c in latest) + "."
    tail = _consistent(published, rule, draft_date)
    return f"{head} {tail}" if tail else head


def _when(c: Claim) -> date | None:
    """The date a figure speaks for: its own anchor, else its article's publication."""
    return c.as_of or c.published


def _who(c: Claim) -> str:
    who = c.source or c.article
    return f"{who} citing {c.attribution}" if c.attribution else who


def _day(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _consistent(published: list[Claim], rule, draft_date: date | None = None) -> str:
    """What figure the draft could give without contradicting the published ones."""
    if not published:
        return ""
    if getattr(rule, "compare", None) == "cumulative":
        return _consistent_total(published, draft_date)
    lows = [c.low for c in published if c.low is not None]
    highs = [c.high for c in published if c.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        from factcheck.compare import describe_interval

        said = list(dict.fromkeys(describe_interval(c, rule) for c in published))
        return f"The published figures disagree among themselves ({' vs '.join(said)}), so check the source."
    if low is not None and high is not None:
        span = f"{_num(low)}" if low == high else f"between {_num(low)} and {_num(high)}"
        return f"A consistent figure: {span}."
    if low is not None:
        return f"A consistent figure: at least {_num(low)}."
    if high is not None:
        return f"A consistent figure: at most {_num(high)}."
    return ""


def _consistent_total(published: list[Claim], draft_date: date | None) -> str:
    """A total that only grows: not below what was already published, not above what came later."""
    earlier, later = [], []  # (not 'c not in earlier': comparing Claims field by field is quadratic in a big story)
    for c in published:
        (earlier if draft_date is None or _when(c) is None or _when(c) <= draft_date else later).append(c)
    parts = []
    if earlier:
        precise = [c for c in earlier if not c.vague] or earlier
        latest = max(precise, key=lambda c: (_when(c) or _MIN, c.low or 0, c.id))
        parts.append(f"The latest published figure is \"{latest.text}\" from {_who(latest)} ({_day(_when(latest))})")
        floors = [c for c in earlier if c.low is not None]
        if floors:
            floor = max(floors, key=lambda c: (c.low, _when(c) or _MIN, c.id))
            same = floor is latest
            parts.append(f"a total that only grows cannot be below {_num(floor.low)}"
                         + ("" if same else f" (\"{floor.text}\", {_who(floor)}, {_day(_when(floor))})"))
    ceilings = [c for c in later if c.high is not None and not c.vague]  # an order of magnitude caps nothing
    text = "; ".join(parts) + "." if parts else ""
    if ceilings:
        ceiling = min(ceilings, key=lambda c: (c.high, _when(c) or _MAX, c.id))
        given = f"{_who(ceiling)} gave \"{ceiling.text}\" later ({_day(_when(ceiling))})"
        if text:
            text += f" Nor above {_num(ceiling.high)}: {given}."
        else:
            text = f"A consistent figure: at most {_num(ceiling.high)}, since {given} and a total only grows."
    return text


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"

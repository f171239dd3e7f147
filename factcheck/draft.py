"""The editor's check: one draft against published articles, before publication.

Only findings that involve the draft are kept. Each one points at the draft's line
and column, quotes the published claims on the same subject with source and date,
and says what a consistent figure would be: for a total that may only grow, the
latest published figure and who gave it; for a count at one time, the figure the
published articles agree on (or that they disagree among themselves).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from factcheck.model import Article, Claim, Finding, Report

__all__ = ["check_draft"]

_MIN, _MAX = date.min, date.max  # sort keys for undated claims

_RANK = {"conflict": 0, "tension": 1, "compatible": 2, "different_scope": 3}


def check_draft(draft: Article, against: Sequence[str], rules=None, fail_on: str = "error",
                archive=None) -> tuple[Report, int]:
    """(report of the draft's findings, exit code): 1 when a finding at or above ``fail_on`` involves the draft."""
    from factcheck.pipeline import run
    from factcheck.rules import load_rules
    from factcheck.suppress import split_suppressed

    if rules is None:
        rules = load_rules()
    full = run(against, rules=rules, drafts=[draft], archive=archive)
    draft_id = next((a.id for a in full.articles if a.path == draft.path), draft.id)
    claims = {c.id: c for c in full.claims}
    findings = _draft_findings(full.findings, claims, draft_id, rules)
    texts = {a.id: a.text for a in full.articles if a.id == draft_id}
    kept, suppressed = split_suppressed(findings, claims, texts)
    involved = {cid for f in kept + suppressed for cid in f.claims}
    report = Report(
        articles=full.articles,
        claims=[c for c in full.claims if c.article == draft_id or c.id in involved],
        findings=kept,
        problems=full.problems,
        suppressed=suppressed,
    )
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    code = 1 if any(f.severity in levels for f in kept) else 0
    return report, code


def _draft_findings(findings: list[Finding], claims: dict[str, Claim], draft_id: str, rules) -> list[Finding]:
    """One finding per draft claim: its worst verdict, with every published claim it was judged against."""
    per_claim: dict[str, list[Finding]] = {}
    for f in findings:
        for cid in f.claims:
            c = claims.get(cid)
            if c is not None and c.article == draft_id:
                per_claim.setdefault(cid, []).append(f)
    out = []
    for n, (cid, fs) in enumerate(sorted(per_claim.items(), key=lambda kv: (claims[kv[0]].start, kv[0])), 1):
        worst = min(fs, key=lambda f: (_RANK[f.verdict], f.id))
        if worst.verdict in ("compatible", "different_scope"):
            continue  # nothing an editor must act on
        mine = claims[cid]
        published = sorted({o for f in fs if f.verdict != "different_scope" for o in f.claims if claims[o].article != draft_id},
                           key=lambda o: (claims[o].published or claims[o].as_of or _MAX, claims[o].id))
        against = [o for o in worst.claims if claims[o].article != draft_id]
        rule = rules.rule_for(worst.kind) if rules is not None else None
        msg = _message(mine, worst, [claims[o] for o in against], [claims[o] for o in published], rule)
        out.append(dataclasses.replace(worst, id=f"D{n}", claims=(cid, *published), message=msg))
    return out


def _quote(c: Claim, rule=None) -> str:
    from factcheck.compare import describe_interval

    interval = describe_interval(c, rule)
    who = f", citing {c.attribution}" if c.attribution else ""
    when = c.published.isoformat() if c.published else "undated"
    return f"{c.source or c.article} ({when}{who}): \"{c.text}\"" + (f" ({interval})" if interval else "")


def _message(mine: Claim, worst: Finding, against: list[Claim], published: list[Claim], rule) -> str:
    verb = "contradicts" if worst.verdict == "conflict" else "is in tension with"
    head = (f"Draft line {mine.line}:{mine.column} \"{mine.text}\" {verb} "
            + "; ".join(_quote(c, rule) for c in against) + ".")
    others = [c for c in published if c not in against]
    if others:
        head += " Also published: " + "; ".join(_quote(c, rule) for c in others) + "."
    return head + " " + _consistent(published, rule)


def _consistent(published: list[Claim], rule) -> str:
    if not published:
        return ""
    cumulative = bool(getattr(rule, "cumulative", False))
    if cumulative:
        latest = max(published, key=lambda c: (c.as_of or c.published or _MIN, c.id))
        return (f"A consistent figure: not below the latest published one, \"{latest.text}\" from "
                f"{latest.source or latest.article}{' citing ' + latest.attribution if latest.attribution else ''}"
                f" ({(latest.as_of or latest.published).isoformat() if (latest.as_of or latest.published) else 'undated'}).")
    lows = [c.low for c in published if c.low is not None]
    highs = [c.high for c in published if c.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low is not None and high is not None and low > high:
        return "The published figures disagree among themselves, so check the source."
    if low is not None and high is not None:
        span = f"{_num(low)}" if low == high else f"between {_num(low)} and {_num(high)}"
        return f"A consistent figure: {span}."
    if low is not None:
        return f"A consistent figure: at least {_num(low)}."
    if high is not None:
        return f"A consistent figure: at most {_num(high)}."
    return ""


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


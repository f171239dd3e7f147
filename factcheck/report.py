"""The Markdown report: what disagrees, what was checked and agrees, what was not compared and why.

Deterministic: the same Report gives the same bytes (no timestamps, stable order).
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.compare import describe_interval
from factcheck.model import Claim, Finding, Report

__all__ = ["render_markdown"]

_VERDICT_LABEL = {"conflict": "Conflict", "tension": "Tension", "compatible": "Compatible",
                  "different_scope": "Different scope"}


def _cell(text: str | None) -> str:
    s = "" if text is None else str(text)
    return " ".join(s.replace("|", "\\|").split())


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _location(c: Claim, paths: dict[str, str]) -> str:
    return f"{paths.get(c.article, c.article)}:{c.line}:{c.column}"


def _bullets(heading: str, findings: list[Finding]) -> list[str]:
    """A section listing findings one a line, by subject."""
    lines = [f"## {heading}", ""]
    for f in sorted(findings, key=lambda f: (f.subject, f.id)):
        lines.append(f"- **{_cell(f.subject)}** ({f.id}): {_cell(f.message)}")
    return lines if findings else lines + ["Nothing to report."]


def render_markdown(report: Report, title: str = "Fact-check report") -> str:
    """Markdown for a Report: summary, then per subject its conflicts and tensions as tables."""
    claims = {c.id: c for c in report.claims}
    paths = {a.id: a.path for a in report.articles}
    problems = list(report.problems)
    flagged = [f for f in report.findings if f.verdict in ("conflict", "tension")]
    compatible = [f for f in report.findings if f.verdict == "compatible"]
    scoped = [f for f in report.findings if f.verdict == "different_scope"]
    subjects = {f.subject for f in report.findings}

    out: list[str] = [f"# {title}", ""]
    summary = (f"{_plural(len(report.articles), 'article')}, {_plural(len(report.claims), 'claim')}, "
               f"{_plural(len(subjects), 'subject')}, {_plural(len(report.conflicts), 'conflict')}, "
               f"{_plural(len(report.tensions), 'tension')}")
    if problems:
        summary += f", {_plural(len(problems), 'input problem')}"
    out += [f"**Summary:** {summary}.", ""]

    if problems:
        out += ["## Input problems", ""]
        out += [f"- `{_cell(str(p))}`" for p in problems]
        out.append("")

    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for f in flagged:
        by_subject[f.subject].append(f)
    order = {"conflict": 0, "tension": 1}
    subject_order = sorted(by_subject, key=lambda s: (min(order[f.verdict] for f in by_subject[s]), s))
    if not flagged:
        out += ["No conflicts or tensions found.", ""]
    for subject in subject_order:
        fs = sorted(by_subject[subject], key=lambda f: (order[f.verdict], int(f.id[1:]) if f.id[1:].isdigit() else 0, f.id))
        out += [f"## {_cell(subject)}", ""]
        out += ["| Finding | Verdict | Source | Date | Claim | Interval | Attribution | Reason |",
                "|---|---|---|---|---|---|---|---|"]
        for f in fs:
            for i, cid in enumerate(f.claims):
                c = claims.get(cid)
                reason = _cell(f.message) if i == 0 else "″"
                head = f"{f.id}" if i == 0 else ""
                verdict = _VERDICT_LABEL[f.verdict] if i == 0 else ""
                if c is None:
                    out.append(f"| {head} | {verdict} | | | `{_cell(cid)}` | | | {reason} |")
                    continue
                rule = report.rules.by_id.get(f.rule) if report.rules is not None else None
                quote = f"\"{_cell(c.text)}\" (`{_cell(_location(c, paths))}`)"
                out.append(f"| {head} | {verdict} | {_cell(c.source or c.article)} | "
                           f"{c.published.isoformat() if c.published else ''} | {quote} | "
                           f"{_cell(describe_interval(c, rule))} | {_cell(c.attribution)} | {reason} |")
        out.append("")

    out += _bullets("Checked and consistent", compatible) + [""]
    out += _bullets("Not compared, and why", scoped)
    skipped_dup = sum(1 for c in report.claims if c.duplicate_of)
    skipped_hyp = sum(1 for c in report.claims if not c.duplicate_of and c.modality != "asserted")
    unclassified = sum(1 for c in report.claims if not c.duplicate_of and c.modality == "asserted" and c.kind is None)
    notes = []
    if skipped_dup:
        notes.append(f"{_plural(skipped_dup, 'repeated claim')} (counted once)")
    if skipped_hyp:
        notes.append(f"{_plural(skipped_hyp, 'hypothetical or forecast claim')}")
    if unclassified:
        notes.append(f"{_plural(unclassified, 'claim')} no rule applies to")
    if notes:
        out += ["", "Also left out: " + "; ".join(notes) + "."]
    if report.suppressed:
        out += ["", f"Suppressed in the text: {_plural(len(report.suppressed), 'finding')}."]
    out.append("")
    return "\n".join(out)

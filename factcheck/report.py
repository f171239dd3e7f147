"""The Markdown report: one section per subject (a figure of the story over time), worst first.

A section says its verdict in words, then gives the subject's timeline: as of, published,
source, attribution, the figure quoted with its place in the article, its interval, and a mark
for the figures in a conflict or tension (or given as an earlier, superseded figure).
Consistent subjects, figures given once and pairs not compared stay short however large the
archive: counts plus the first few, the rest in the JSON. Pairwise findings stay in the JSON.

Deterministic: the same Report gives the same bytes (no timestamps, stable order).
"""

from __future__ import annotations

from factcheck.model import Finding, Report
from factcheck.timeline import Timeline, figure_label, figure_note, timelines

__all__ = ["render_markdown", "MARK_LABEL", "VERDICT_LABEL"]

VERDICT_LABEL = {"conflict": "Conflict", "tension": "Tension", "compatible": "Consistent", "single": "One figure",
                 "different_scope": "Different scope"}
MARK_LABEL = {"conflict": "✗ conflict", "tension": "~ tension", "correction": "↓ correction", "earlier": "↺ earlier figure",
              "": ""}
#: Rows of one subject's table before the rest is left to the JSON.
MAX_ROWS = 12
#: Items of a short list (consistent subjects, pairs not compared) before "and N more".
MAX_ITEMS = 8


def timeline_row(e) -> str:
    """One figure of a subject's timeline as a Markdown table row (the report and `factcheck subjects`)."""
    c = e.claim
    where = f"`{_cell(e.location)}`" + (f" ×{e.count}" if e.count > 1 else "")
    return (f"| {c.as_of.isoformat() if c.as_of else ''} | {c.published.isoformat() if c.published else ''} | "
            f"{_cell(c.source or c.article)} | {_cell(c.attribution)} | {_cell(figure_label(c))} ({where})"
            f"{_cell(' ' + figure_note(c)) if c.part else ''} | {_cell(e.interval)} | {MARK_LABEL[e.mark]} |")


def _cell(text: str | None) -> str:
    s = "" if text is None else str(text)
    return " ".join(s.replace("|", "\\|").split())


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _timeline_table(t: Timeline) -> list[str]:
    """The subject's figures in time order, identical ones folded, at most MAX_ROWS rows."""
    lines = ["| As of | Published | Source | Attribution | Figure | Interval | Mark |",
             "|---|---|---|---|---|---|---|"]
    entries = list(t.entries)
    if len(entries) > MAX_ROWS:  # keep every marked row first, then the rest in time order
        marked = [e for e in entries if e.mark]
        keep = set(map(id, (marked + [e for e in entries if not e.mark])[:MAX_ROWS]))
        entries = [e for e in entries if id(e) in keep]
    lines += [timeline_row(e) for e in entries]
    hidden = len(t.entries) - len(entries)
    if hidden > 0:
        lines += ["", f"… and {_plural(hidden, 'more row')} (every figure is in the JSON report)."]
    return lines


def _flagged_section(t: Timeline) -> list[str]:
    s = t.subject
    pairs = sum(1 for f in t.findings if f.verdict == s.verdict)
    ids = ", ".join([f.id for f in t.findings if f.verdict == s.verdict][:3])
    more = ", …" if pairs > 3 else ""
    head = [f"## {VERDICT_LABEL[s.verdict]}: {_cell(s.name or s.measure)} ({s.id})", "",
            f"**{_cell(t.summary[0].upper() + t.summary[1:])}.** "
            f"{_plural(t.figures, 'figure')} from {_plural(t.outlets, 'outlet')}; "
            f"{_plural(pairs, 'pair')} in {s.verdict} ({ids}{more}).", ""]
    return head + _timeline_table(t) + [""]


def _short_list(heading: str, items: list[str], empty: str) -> list[str]:
    lines = [f"## {heading}", ""]
    if not items:
        return lines + [empty, ""]
    lines += items[:MAX_ITEMS]
    if len(items) > MAX_ITEMS:
        lines.append(f"- … and {len(items) - MAX_ITEMS} more (in the JSON report).")
    return lines + [""]


def _not_compared(findings: list[Finding]) -> list[str]:
    return [f"- **{_cell(f.subject)}** ({f.id}): {_cell(f.message)}" for f in sorted(findings, key=lambda f: (f.subject, _num_id(f.id)))]


def _num_id(fid: str) -> tuple[int, str]:
    digits = fid.lstrip("FDS")
    return (int(digits) if digits.isdigit() else 0, fid)


def _left_out(report: Report) -> list[str]:
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
    out = ["Also left out: " + "; ".join(notes) + "."] if notes else []
    if report.suppressed:
        out.append(f"Suppressed in the text: {_plural(len(report.suppressed), 'finding')}.")
    return out


def summary_line(report: Report, ts: list[Timeline]) -> str:
    """'5 articles, 47 claims, 15 subjects (1 in conflict, 1 in tension, 1 consistent, 12 with one figure)'."""
    n = {v: sum(1 for t in ts if t.verdict == v) for v in ("conflict", "tension", "compatible", "single")}
    text = (f"{_plural(len(report.articles), 'article')}, {_plural(len(report.claims), 'claim')}, "
            f"{_plural(len(ts), 'subject')} ({n['conflict']} in conflict, {n['tension']} in tension, "
            f"{n['compatible']} consistent, {n['single']} with one figure); "
            f"{_plural(len(report.conflicts), 'conflict')}, {_plural(len(report.tensions), 'tension')} between pairs")
    if report.problems:
        text += f", {_plural(len(report.problems), 'input problem')}"
    return text


def render_markdown(report: Report, title: str = "Fact-check report") -> str:
    """Markdown for a Report: summary, then one section per subject in conflict or tension, then the short lists."""
    ts = timelines(report)
    out: list[str] = [f"# {title}", "", f"**Summary:** {summary_line(report, ts)}.", ""]
    if report.problems:
        out += ["## Input problems", ""] + [f"- `{_cell(str(p))}`" for p in report.problems] + [""]
    out += draft_section(report)
    flagged = [t for t in ts if t.verdict in ("conflict", "tension")]
    if not flagged:
        out += ["No conflicts or tensions found.", ""]
    for t in flagged:
        out += _flagged_section(t)
    consistent = [f"- **{_cell(t.subject.name or t.subject.measure)}** ({t.subject.id}): {_cell(t.summary)}."
                  for t in ts if t.verdict == "compatible"]
    out += _short_list(f"Checked and consistent ({len(consistent)})", consistent, "Nothing to report.")
    single = [t for t in ts if t.verdict == "single"]
    if single:
        names = [f"{_cell(t.subject.name or t.subject.measure)} ({t.subject.id})" for t in single]
        cap = 3 * MAX_ITEMS  # names on one line: a longer list costs one line, not many
        shown = "; ".join(names[:cap]) + (f"; … and {len(names) - cap} more (in the JSON report)" if len(names) > cap else "")
        out += [f"## Figures given once ({len(single)})", "", shown + ".", ""]
    scoped = [f for f in report.findings if f.verdict == "different_scope"]
    out += _short_list(f"Not compared, and why ({len(scoped)})", _not_compared(scoped), "Nothing to report.")
    out += _left_out(report)
    if out[-1] != "":
        out.append("")
    return "\n".join(out)


def draft_rows(report: Report) -> list[tuple[str, str]]:
    """(verdict, sentence) per draft figure that was compared: what it contradicts, or the latest
    published figures it agrees with. In the draft's order."""
    from factcheck.draft import latest_published

    drafts = set(report.drafts)
    claims = {c.id: c for c in report.claims}
    flagged = {f.claims[0]: f for f in report.findings if f.verdict in ("conflict", "tension")}
    rows: dict[str, tuple[str, str]] = {cid: (f.verdict, f.message) for cid, f in flagged.items()}
    for t in timelines(report):
        members = [claims[i] for i in t.subject.claims if i in claims]
        published = [c for c in members if c.article not in drafts]
        for c in members:
            if c.article not in drafts or c.id in rows or c.id in {f.claims[0] for f in report.suppressed}:
                continue
            latest = "; ".join(f"{figure_label(p)} ({p.source or p.article}, "
                               f"{(p.as_of or p.published).isoformat() if (p.as_of or p.published) else 'undated'})"
                               for p in latest_published(published, c.published))
            grows = ", a total that may grow" if getattr(t.rule, "compare", None) == "cumulative" else ""
            rows[c.id] = ("compatible", f"Draft line {c.line}:{c.column} {figure_label(c)} agrees with the latest "
                                        f"published {latest}{grows}.")
    order = {c.id: (c.article, c.start) for c in report.claims}
    return [rows[cid] for cid in sorted(rows, key=lambda i: (order.get(i, ("", 0)), i))]


def draft_section(report: Report) -> list[str]:
    """For a draft check: what was checked in the draft and with what result, good news included."""
    if not report.drafts:
        return []
    rows = draft_rows(report)
    n = {v: sum(1 for r, _ in rows if r == v) for v in ("conflict", "tension", "compatible")}
    lines = ["## The draft, checked", "",
             f"{_plural(len(rows), 'figure')} checked against the published articles: {n['conflict']} contradict "
             f"them, {n['tension']} in tension, {n['compatible']} agree.", ""]
    lines += [f"- {_SIGN[v]} {_cell(text)}" for v, text in rows]
    return lines + [""]


_SIGN = {"conflict": "✗", "tension": "~", "compatible": "✓"}

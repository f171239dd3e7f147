"""``factcheck subjects``: every subject of a story with its whole timeline, for a person who wants
all the figures at a glance (Markdown), or for another program (JSON, CSV: one row per figure).

Unlike the report, nothing is cut: every subject, every figure (identical figures still fold
into one row with a count and their claim ids). Deterministic: same Report, same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from factcheck.model import Report
from factcheck.report import VERDICT_LABEL, _cell, summary_line, timeline_row
from factcheck.timeline import Timeline, timelines

__all__ = ["render_subjects", "subjects_dict", "SUBJECT_FORMATS", "CSV_COLUMNS"]

SUBJECT_FORMATS = ("markdown", "json", "csv")
CSV_COLUMNS = ("subject_id", "subject", "rule", "verdict", "as_of", "published", "source", "attribution", "figure",
               "interval", "location", "mark", "count", "claims", "part")


def _rows(t: Timeline) -> list[dict[str, Any]]:
    out = []
    for e in t.entries:
        c = e.claim
        out.append({"subject_id": t.subject.id, "subject": t.subject.name or t.subject.measure, "rule": t.subject.rule,
                    "verdict": t.verdict, "as_of": c.as_of.isoformat() if c.as_of else None,
                    "published": c.published.isoformat() if c.published else None, "source": c.source or c.article,
                    "attribution": c.attribution, "figure": " ".join(c.text.split()), "interval": e.interval,
                    "location": e.location, "mark": e.mark or None, "count": e.count, "claims": list(e.claim_ids),
                    "part": c.part})
    return out


def subjects_dict(report: Report) -> dict[str, Any]:
    """The JSON object: each subject (the report JSON's fields) with its verdict in words and its timeline."""
    out = []
    for t in timelines(report):
        d = t.subject.to_dict()
        d["summary"] = t.summary
        d["timeline"] = [{k: v for k, v in r.items() if k not in ("subject_id", "subject", "rule", "verdict")}
                         for r in _rows(t)]
        out.append(d)
    return {"subjects": out,
            "problems": [{"path": p.path, "line": p.line, "message": p.message} for p in report.problems]}


def _markdown(report: Report) -> str:
    ts = timelines(report)
    out = ["# Subjects", "", f"**Summary:** {summary_line(report, ts)}.", ""]
    for t in ts:
        s = t.subject
        out += [f"## {_cell(s.name or s.measure)} ({s.id}): {VERDICT_LABEL[s.verdict]}", "",
                f"{_cell(t.summary[0].upper() + t.summary[1:])}.", "",
                "| As of | Published | Source | Attribution | Figure | Interval | Mark |", "|---|---|---|---|---|---|---|"]
        out += [timeline_row(e) for e in t.entries]
        out.append("")
    if not ts:
        out += ["No subjects: no figure any rule applies to.", ""]
    return "\n".join(out)


def render_subjects(report: Report, fmt: str = "markdown") -> str:
    """Every subject with its timeline in ``fmt``."""
    if fmt == "markdown":
        return _markdown(report)
    if fmt == "json":
        return json.dumps(subjects_dict(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for t in timelines(report):
            for r in _rows(t):
                writer.writerow({**{k: ("" if v is None else v) for k, v in r.items()}, "claims": " ".join(r["claims"])})
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(SUBJECT_FORMATS)})")

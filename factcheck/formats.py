"""Output formats: one Report, many renderings (ruff-style ``--format``).

- ``markdown``: the human report (factcheck.report);
- ``json``: the extraction contract plus findings (field names are public, keep them);
- ``line``: ``path:line:col: severity rule message``, one finding a line, for editors and grep;
- ``github``: workflow-command annotations (``::error file=…,line=…,col=…::…``);
- ``sarif``: SARIF 2.1.0 for code-scanning tools;
- ``html``: the human report as one self-contained page with a timeline chart per subject (factcheck.html_report).
``extract`` renders the claims table alone as csv, json or markdown.
Every rendering is deterministic: same Report, same bytes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck.model import Claim, Finding, Report

__all__ = ["render", "render_claims", "report_dict", "claim_dict", "finding_location", "sarif_uri",
           "FORMATS", "CLAIM_FORMATS"]

FORMATS = ("markdown", "json", "line", "github", "sarif", "html")
CLAIM_FORMATS = ("csv", "json", "markdown")
#: Columns left out of the csv and markdown tables: long, and in the json.
_WIDE = ("sentence", "context")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _number(v: Any) -> Any:
    """17.0 -> 17 (still a JSON number); NaN and infinities (not JSON) -> None."""
    if isinstance(v, float):
        if not math.isfinite(v):
            return None
        if v.is_integer() and abs(v) < 2**53:
            return int(v)
    return v


def claim_dict(c: Claim) -> dict[str, Any]:
    """One claim as JSON: every Claim field in declaration order (public ones first), ISO dates."""
    return {k: _number(v) for k, v in c.to_dict().items()}


def report_dict(report: Report, with_findings: bool = True) -> dict[str, Any]:
    """The JSON object: articles, claims (all Claim fields), findings, suppressed, problems."""
    out: dict[str, Any] = {
        "articles": [{"id": a.id, "path": a.path, "source": a.source,
                      "published": a.published.isoformat() if a.published else None, "title": a.title}
                     for a in report.articles],
        "claims": [claim_dict(c) for c in report.claims],
    }
    if with_findings:
        out["findings"] = [f.to_dict() for f in report.findings]
        out["suppressed"] = [f.to_dict() for f in report.suppressed]
    out["problems"] = [{"path": p.path, "line": p.line, "message": p.message} for p in report.problems]
    if with_findings:
        out["subjects"] = [s.to_dict() for s in report.subjects]
    return out


def render_claims(report: Report, fmt: str = "csv") -> str:
    """The claims table for ``factcheck extract``."""
    if fmt == "json":
        return _dump(report_dict(report, with_findings=False))
    import pandas as pd

    from factcheck.model import CLAIM_FIELDS

    if fmt not in CLAIM_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(CLAIM_FORMATS)})")
    cols = [c for c in CLAIM_FIELDS if c not in _WIDE]
    rows = [{k: v for k, v in claim_dict(c).items() if k in cols} for c in report.claims]
    # object dtype: a column of whole numbers with gaps stays "17", not "17.0"
    frame = pd.DataFrame(rows, columns=cols, dtype=object)
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    cells = pd.DataFrame([{k: _md_cell(v) for k, v in row.items()} for row in rows], columns=cols, dtype=object)
    return cells.to_markdown(index=False) + "\n"


def _md_cell(v: Any) -> Any:
    """A Markdown table cell: text on one line with pipes escaped, None empty, numbers as they are."""
    if v is None:
        return ""
    if isinstance(v, str):
        return " ".join(v.split()).replace("|", "\\|")
    return v


def render(report: Report, fmt: str = "markdown", draft_article: str | None = None) -> str:
    """A whole report in ``fmt``; ``draft_article`` makes locations point into the draft."""
    if fmt == "markdown":
        from factcheck.report import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from factcheck.html_report import render_html

        return render_html(report)
    if fmt == "json":
        return _dump(report_dict(report))
    claims = {c.id: c for c in report.claims}
    paths = {a.id: a.path for a in report.articles}
    if fmt == "line":
        return "".join(_line(f, claims, paths, draft_article) for f in _reportable(report))
    if fmt == "github":
        return "".join(_github(f, claims, paths, draft_article) for f in _reportable(report))
    if fmt == "sarif":
        return _dump(_sarif(report, claims, paths, draft_article))
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def _reportable(report: Report) -> list[Finding]:
    """Findings worth a line or an annotation: errors and warnings."""
    return [f for f in report.findings if f.severity in ("error", "warning")]


def finding_location(f: Finding, claims: dict[str, Claim], draft_article: str | None = None) -> Claim | None:
    """The claim a finding points at: the draft's when checking a draft, else the first."""
    members = [claims[i] for i in f.claims if i in claims]
    if draft_article is not None:
        for c in members:
            if c.article == draft_article:
                return c
    return members[0] if members else None


def _end(c: Claim) -> tuple[int, int]:
    """End line and column (1-based, exclusive column) of a claim's surface."""
    lines = c.text.split("\n")
    if len(lines) == 1:
        return c.line, c.column + len(c.text)
    return c.line + len(lines) - 1, len(lines[-1]) + 1


def _line(f: Finding, claims, paths, draft_article) -> str:
    c = finding_location(f, claims, draft_article)
    where = f"{paths.get(c.article, c.article)}:{c.line}:{c.column}" if c else "-:0:0"
    return f"{where}: {f.severity} {f.rule} {_one_line(f.message)}\n"


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _gh_escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_prop(s: str) -> str:
    return _gh_escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _github(f: Finding, claims, paths, draft_article) -> str:
    c = finding_location(f, claims, draft_article)
    level = "error" if f.severity == "error" else "warning"
    props = []
    if c:
        end_line, end_col = _end(c)
        props += [f"file={_gh_escape_prop(paths.get(c.article, c.article))}", f"line={c.line}", f"col={c.column}"]
        if end_line == c.line:
            props.append(f"endColumn={end_col}")
    props.append(f"title={_gh_escape_prop('factcheck ' + f.rule)}")
    return f"::{level} {','.join(props)}::{_gh_escape_data(f.message)}\n"


def _region(c: Claim) -> dict[str, int]:
    end_line, end_col = _end(c)
    return {"startLine": c.line, "startColumn": c.column, "endLine": end_line, "endColumn": end_col,
            "charOffset": c.start, "charLength": c.end - c.start}


def sarif_uri(path: str, base: Path | None = None) -> str:
    """An artifact URI: relative (forward slashes, percent-encoded) under ``base`` (default: the
    working directory), as code-scanning services want; a file: URI elsewhere."""
    p = Path(path)
    if not p.is_absolute():
        return quote(p.as_posix())
    root = (base or Path.cwd()).resolve()
    try:
        return quote(p.resolve().relative_to(root).as_posix())
    except ValueError:
        return p.resolve().as_uri()


def _physical(c: Claim, paths) -> dict[str, Any]:
    return {"artifactLocation": {"uri": sarif_uri(paths.get(c.article, c.article))}, "region": _region(c)}


def _related_text(c: Claim, outlets: dict) -> str:
    """'AFP (2016-02-11): "17-nation"': who published the other figure, and when."""
    source, published = outlets.get(c.article, (None, None))
    when = c.published or published
    return f"{c.source or source or c.article} ({when.isoformat() if when else 'undated'}): \"{c.text}\""


def _sarif(report: Report, claims, paths, draft_article) -> dict[str, Any]:
    from factcheck import __version__

    findings = _reportable(report)
    outlets = {a.id: (a.source, a.published) for a in report.articles}
    rule_ids = sorted({f.rule for f in findings})
    rules = [{"id": f"factcheck/{r}", "name": r,
              "shortDescription": {"text": next(f.subject for f in findings if f.rule == r)},
              "defaultConfiguration": {"level": "error"}} for r in rule_ids]
    index = {r: i for i, r in enumerate(rule_ids)}
    results = []
    for f in findings:
        loc = finding_location(f, claims, draft_article)
        result: dict[str, Any] = {
            "ruleId": f"factcheck/{f.rule}",
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVEL.get(f.severity, "note"),
            "message": {"text": f.message},
            "partialFingerprints": {"factcheck/v1": f"{f.rule}:{':'.join(f.claims)}"},
            "properties": {"verdict": f.verdict, "subject": f.subject, "kind": f.kind, "findingId": f.id},
        }
        if loc is not None:
            result["locations"] = [{"physicalLocation": _physical(loc, paths)}]
            related = [claims[i] for i in f.claims if i in claims and claims[i] is not loc]
            if related:
                result["relatedLocations"] = [
                    {"id": n, "physicalLocation": _physical(c, paths),
                     "message": {"text": _related_text(c, outlets)}}
                    for n, c in enumerate(related, 1)]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if report.problems:  # files that could not be read: tool notifications, not results
        notes = []
        for p in report.problems:
            where: dict[str, Any] = {"artifactLocation": {"uri": sarif_uri(p.path)}}
            if p.line:
                where["region"] = {"startLine": p.line}
            notes.append({"level": "error", "message": {"text": p.message}, "locations": [{"physicalLocation": where}]})
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}]
    return {"$schema": _SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

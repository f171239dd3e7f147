"""Output formats: one Report, many renderings (ruff-style ``--format``).

- ``markdown``: the human report (factcheck.report);
- ``json``: the extraction contract plus findings (field names are public, keep them);
- ``line``: ``path:line:col: severity rule message``, one finding a line, for editors and grep;
- ``github``: workflow-command annotations (``::error file=…,line=…,col=…::…``);
- ``sarif``: SARIF 2.1.0 for code-scanning tools.
``extract`` renders the claims table alone as csv, json or markdown.
Every rendering is deterministic: same Report, same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Claim, Finding, Report

__all__ = ["render", "render_claims", "report_dict", "finding_location", "FORMATS", "CLAIM_FORMATS"]

FORMATS = ("markdown", "json", "line", "github", "sarif")
CLAIM_FORMATS = ("csv", "json", "markdown")
#: Columns left out of the csv and markdown tables: long, and in the json.
_WIDE = ("sentence", "context")
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def report_dict(report: Report, with_findings: bool = True) -> dict[str, Any]:
    """The JSON object: articles, claims (all Claim fields), findings, suppressed, problems."""
    out: dict[str, Any] = {
        "articles": [{"id": a.id, "path": a.path, "source": a.source,
                      "published": a.published.isoformat() if a.published else None, "title": a.title}
                     for a in report.articles],
        "claims": [c.to_dict() for c in report.claims],
    }
    if with_findings:
        out["findings"] = [f.to_dict() for f in report.findings]
        out["suppressed"] = [f.to_dict() for f in report.suppressed]
    out["problems"] = [{"path": p.path, "line": p.line, "message": p.message} for p in report.problems]
    return out


def render_claims(report: Report, fmt: str = "csv") -> str:
    """The claims table for ``factcheck extract``."""
    if fmt == "json":
        return _dump(report_dict(report, with_findings=False))
    import pandas as pd

    from factcheck.model import CLAIM_FIELDS

    cols = [c for c in CLAIM_FIELDS if c not in _WIDE]
    frame = pd.DataFrame([{k: v for k, v in c.to_dict().items() if k in cols} for c in report.claims], columns=cols)
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    if fmt == "markdown":
        return frame.to_markdown(index=False) + "\n"
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(CLAIM_FORMATS)})")


def render(report: Report, fmt: str = "markdown", draft_article: str | None = None) -> str:
    """A whole report in ``fmt``; ``draft_article`` makes locations point into the draft."""
    if fmt == "markdown":
        from factcheck.report import render_markdown

        return render_markdown(report)
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


def _physical(c: Claim, paths) -> dict[str, Any]:
    return {"artifactLocation": {"uri": paths.get(c.article, c.article)}, "region": _region(c)}


def _sarif(report: Report, claims, paths, draft_article) -> dict[str, Any]:
    from factcheck import __version__

    findings = _reportable(report)
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
                     "message": {"text": f"{c.source or c.article} ({c.published.isoformat() if c.published else 'undated'}): \"{c.text}\""}}
                    for n, c in enumerate(related, 1)]
        results.append(result)
    return {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "informationUri": "https://example.invalid/factcheck",
                                "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }

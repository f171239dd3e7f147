"""Output formats hold the same findings; SARIF validates against the published 2.1.0 schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from factcheck.formats import render, render_claims
from factcheck.pipeline import run

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_report():
    return run([str(Path(__file__).resolve().parent.parent / "seeds")])


def _reportable(report):
    return [f for f in report.findings if f.severity in ("error", "warning")]


def test_sarif_is_valid_and_holds_every_error_and_warning(seed_report):
    doc = json.loads(render(seed_report, "sarif"))
    jsonschema.validate(doc, SCHEMA)
    results = doc["runs"][0]["results"]
    assert [r["properties"]["findingId"] for r in results] == [f.id for f in _reportable(seed_report)]
    rule_ids = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert all(r["ruleId"] in rule_ids and r["ruleId"].startswith("factcheck/") for r in results)
    assert {r["level"] for r in results} <= {"error", "warning"}


def test_sarif_regions_point_at_the_claims(seed_report):
    claims = {c.id: c for c in seed_report.claims}
    doc = json.loads(render(seed_report, "sarif"))
    for result, finding in zip(doc["runs"][0]["results"], _reportable(seed_report)):
        first = claims[finding.claims[0]]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (first.line, first.column)
        assert region["endColumn"] - region["startColumn"] == len(first.text)
        assert len(result["relatedLocations"]) == len(finding.claims) - 1


def test_line_and_github_hold_the_same_findings(seed_report):
    lines = render(seed_report, "line").splitlines()
    gh = render(seed_report, "github").splitlines()
    expected = _reportable(seed_report)
    assert len(lines) == len(gh) == len(expected) >= 2
    for line, annotation, f in zip(lines, gh, expected):
        m = re.match(r"^(.+):(\d+):(\d+): (error|warning) (\S+) (.+)$", line)
        assert m and m.group(4) == f.severity and m.group(5) == f.rule
        g = re.match(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),", annotation)
        assert g and g.group(1) == f.severity and (g.group(2), g.group(3), g.group(4)) == (m.group(1), m.group(2), m.group(3))


def test_github_escapes_workflow_command_characters():
    from factcheck.formats import _gh_escape_data, _gh_escape_prop

    assert _gh_escape_data("50%\nnext") == "50%25%0Anext"
    assert _gh_escape_prop("a,b:c") == "a%2Cb%3Ac"


def test_json_has_the_public_fields(seed_report):
    doc = json.loads(render(seed_report, "json"))
    assert set(doc) == {"articles", "claims", "findings", "suppressed", "problems"}
    assert set(doc["articles"][0]) == {"id", "path", "source", "published", "title"}
    public = ["id", "article", "start", "end", "line", "column", "text", "low", "high", "value", "bound", "unit",
              "noun", "kind", "place", "attribution", "as_of", "duplicate_of", "sentence"]
    assert list(doc["claims"][0])[:len(public)] == public
    assert set(doc["findings"][0]) == {"id", "rule", "kind", "subject", "verdict", "severity", "claims", "message"}
    severities = {f["verdict"]: f["severity"] for f in doc["findings"]}
    assert severities.get("conflict") == "error" and severities.get("tension") == "warning"


def test_json_offsets_index_the_files(seed_report):
    doc = json.loads(render(seed_report, "json"))
    paths = {a["id"]: a["path"] for a in doc["articles"]}
    for c in doc["claims"][:20]:
        text = Path(paths[c["article"]]).read_text(encoding="utf-8")
        assert text[c["start"]:c["end"]] == c["text"]


def test_renderings_are_deterministic(seed_report):
    again = run([str(Path(__file__).resolve().parent.parent / "seeds")])
    for fmt in ("markdown", "json", "line", "github", "sarif"):
        assert render(seed_report, fmt) == render(again, fmt)


def test_claims_csv_has_one_row_per_claim(seed_report):
    out = render_claims(seed_report, "csv")
    rows = out.strip().split("\n")
    assert rows[0].startswith("id,article,start,end,line,column,text,low,high,value,bound")
    assert len(rows) == len(seed_report.claims) + 1
    md = render_claims(seed_report, "markdown")
    assert md.count("\n") == len(seed_report.claims) + 2


def test_unknown_format_is_refused(seed_report):
    with pytest.raises(ValueError, match="unknown format"):
        render(seed_report, "xml")

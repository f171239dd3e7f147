"""Output formats hold the same findings; SARIF validates against the published 2.1.0 schema."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from factcheck.formats import render, render_claims
from factcheck.model import Article, Claim, Finding, InputProblem, Report
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
    assert set(doc) == {"articles", "claims", "findings", "suppressed", "problems", "subjects"}
    assert set(doc["articles"][0]) == {"id", "path", "source", "published", "title"}
    public = ["id", "article", "start", "end", "line", "column", "text", "low", "high", "value", "bound", "unit",
              "noun", "kind", "place", "attribution", "as_of", "duplicate_of", "sentence"]
    assert list(doc["claims"][0])[:len(public)] == public
    assert set(doc["findings"][0]) == {"id", "rule", "kind", "subject", "verdict", "severity", "claims", "message",
                                       "subject_id"}
    subject_ids = {s["id"] for s in doc["subjects"]}
    assert all(f["subject_id"] in subject_ids for f in doc["findings"] if f["verdict"] != "different_scope")
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


# ---------------------------------------------------------------- hand-made reports

DRAFT_TEXT = "Intro line.\nMinisters of the 20-nation group met in Zürich.\n"
PUB_TEXT = "x\ny\nThe 17-nation group, 50% of them, met.\n"


def _claim(cid, article, text, line, column, start, value, **kw):
    base = dict(id=cid, article=article, start=start, end=start + len(text), line=line, column=column, text=text,
                low=float(value), high=float(value), value=float(value), bound="exact", unit=None, noun="nation",
                sentence="s", context="c")
    base.update(kw)
    return Claim(**base)


@pytest.fixture
def handmade(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pub dir").mkdir()
    (tmp_path / "pub dir" / "p,1.md").write_text(PUB_TEXT, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT_TEXT, encoding="utf-8")
    articles = [Article(id="draft.md", path="draft.md", text=DRAFT_TEXT, source="Our Paper"),
                Article(id="p1", path=str(tmp_path / "pub dir" / "p,1.md"), text="", source="Wire: Ünïcode",
                        published=date(2016, 2, 11), title="Talks")]
    d = _claim("draft.md#1", "draft.md", "20-nation", 2, 17, 28, 20)
    p = _claim("p1#1", "p1", "17-nation", 3, 5, 8, 17, published=date(2016, 2, 11), as_of=date(2016, 2, 10))
    half = _claim("p1#2", "p1", "50%", 3, 21, 24, 50.5, unit="percent", noun=None, dimension="percentage",
                  low=None, high=None)
    findings = [
        Finding(id="F1", rule="group_size", kind="group_size", subject="size of the group", verdict="conflict",
                severity="error", claims=("p1#1", "draft.md#1"), message="17 vs 20: 100% wrong,\nsee"),
        Finding(id="F2", rule="deaths", kind="deaths", subject="deaths", verdict="compatible", severity="info",
                claims=("p1#1",), message="fine"),
    ]
    return Report(articles=articles, claims=[d, p, half], findings=findings,
                  problems=[InputProblem("bad.txt", "empty file: no article text", 3)],
                  suppressed=[dataclasses.replace(findings[0], id="S1")])



def test_json_contract_on_a_handmade_report(handmade):
    out = render(handmade, "json")
    assert out.endswith("}\n") and "Ünïcode" in out and "Zürich" not in out  # sentence not text; ensure_ascii off
    doc = json.loads(out)
    assert list(doc) == ["articles", "claims", "findings", "suppressed", "problems", "subjects"]
    assert doc["articles"][1] == {"id": "p1", "path": handmade.articles[1].path, "source": "Wire: Ünïcode",
                                  "published": "2016-02-11", "title": "Talks"}
    p = doc["claims"][1]
    assert p["as_of"] == "2016-02-10" and p["published"] == "2016-02-11"
    assert type(p["value"]) is int and p["value"] == 17  # 17.0 printed as 17
    assert doc["claims"][2]["value"] == 50.5 and doc["claims"][2]["low"] is None
    assert doc["findings"][0]["claims"] == ["p1#1", "draft.md#1"]
    assert doc["suppressed"][0]["id"] == "S1"
    assert doc["problems"] == [{"path": "bad.txt", "line": 3, "message": "empty file: no article text"}]


def test_extract_json_leaves_out_findings(handmade):
    doc = json.loads(render_claims(handmade, "json"))
    assert list(doc) == ["articles", "claims", "problems"]
    assert [c["id"] for c in doc["claims"]] == ["draft.md#1", "p1#1", "p1#2"]


def test_claims_csv_keeps_whole_numbers_and_drops_wide_columns(handmade):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(render_claims(handmade, "csv"))))
    assert [r["value"] for r in rows] == ["20", "17", "50.5"]
    assert rows[2]["low"] == "" and rows[1]["as_of"] == "2016-02-10"
    assert "sentence" not in rows[0] and "context" not in rows[0]


def test_claims_markdown_escapes_pipes_and_newlines(handmade):
    odd = dataclasses.replace(handmade.claims[0], text="20 | 21\nnations")
    md = render_claims(Report(articles=handmade.articles, claims=[odd]), "markdown")
    assert "20 \\| 21 nations" in md and md.count("\n") == 3
    with pytest.raises(ValueError, match="unknown format"):
        render_claims(handmade, "xml")


def test_line_format_skips_info_and_points_at_the_first_or_draft_claim(handmade):
    out = render(handmade, "line")
    assert out.count("\n") == 1  # the info finding is left out
    assert out.startswith(f"{handmade.articles[1].path}:3:5: error group_size 17 vs 20: 100% wrong, see")
    drafted = render(handmade, "line", draft_article="draft.md")
    assert drafted.startswith("draft.md:2:17: error group_size ")


def test_github_annotation_escapes_properties_and_data(handmade):
    out = render(handmade, "github")
    assert out.count("\n") == 1
    assert out.startswith("::error file=") and "pub dir/p%2C1.md,line=3,col=5,endColumn=14," in out
    assert ",title=factcheck group_size::17 vs 20: 100%25 wrong,%0Asee\n" in out
    warn = dataclasses.replace(handmade.findings[0], severity="warning", verdict="tension")
    assert render(Report(handmade.articles, handmade.claims, [warn]), "github").startswith("::warning ")


def test_sarif_handmade_is_valid_with_relative_uris_and_related_locations(handmade):
    doc = json.loads(render(handmade, "sarif", draft_article="draft.md"))
    jsonschema.validate(doc, SCHEMA)
    run_ = doc["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == ["factcheck/group_size"]
    (result,) = run_["results"]
    assert result["level"] == "error" and result["message"]["text"].startswith("17 vs 20")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "draft.md"
    assert loc["region"] == {"startLine": 2, "startColumn": 17, "endLine": 2, "endColumn": 26,
                             "charOffset": 28, "charLength": 9}
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "pub%20dir/p%2C1.md"
    assert "Wire: Ünïcode (2016-02-11)" in related["message"]["text"]


def test_sarif_region_of_a_claim_across_lines(handmade):
    two = dataclasses.replace(handmade.claims[0], text="20-\nnation", end=handmade.claims[0].start + 10)
    f = dataclasses.replace(handmade.findings[0], claims=("draft.md#1",))
    doc = json.loads(render(Report(handmade.articles, [two], [f]), "sarif"))
    region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (2, 3, 7)


def test_sarif_uri_outside_the_working_directory_is_a_file_uri(tmp_path, monkeypatch):
    from factcheck.formats import sarif_uri

    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert sarif_uri(str(tmp_path / "here" / "a b.md")) == "a%20b.md"
    assert sarif_uri(str(tmp_path / "elsewhere.md")).startswith("file:///")
    assert sarif_uri("<stdin>") == "%3Cstdin%3E"


def test_empty_report_renders_in_every_format():
    empty = Report(articles=[], claims=[])
    for fmt in ("line", "github"):
        assert render(empty, fmt) == ""
    doc = json.loads(render(empty, "sarif"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["runs"][0]["results"] == [] and doc["runs"][0]["tool"]["driver"]["rules"] == []
    assert json.loads(render(empty, "json"))["claims"] == []
    assert render_claims(empty, "csv").startswith("id,article,")


def test_the_schema_copy_is_sarif_2_1_0_and_really_validates(handmade):
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    doc = json.loads(render(handmade, "sarif"))
    doc["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    doc = json.loads(render(handmade, "sarif"))
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0  # 1-based
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_sarif_reports_unreadable_files_as_tool_notifications(handmade):
    doc = json.loads(render(handmade, "sarif"))
    jsonschema.validate(doc, SCHEMA)
    (invocation,) = doc["runs"][0]["invocations"]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "empty file: no article text"
    assert note["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "bad.txt"},
                                                        "region": {"startLine": 3}}
    clean = json.loads(render(Report(handmade.articles, handmade.claims, handmade.findings), "sarif"))
    assert "invocations" not in clean["runs"][0]


def test_html_is_a_report_format_with_the_markdown_verdicts(seed_report):
    from factcheck.formats import FORMATS

    assert "html" in FORMATS
    page = render(seed_report, "html")
    assert page.startswith("<!DOCTYPE html>") and page == render(seed_report, "html")
    for s in seed_report.subjects:
        if s.verdict in ("conflict", "tension"):
            assert f'id="{s.id}" data-verdict="{s.verdict}"' in page


def test_draft_json_gains_subjects_and_keeps_its_findings_shape(tmp_path):
    from factcheck.draft import check_draft
    from factcheck.load import load_article

    path = tmp_path / "draft.md"
    path.write_text("---\nsource: Our Paper\npublished: 2016-02-12\n---\nMinisters of the 20-nation Syria contact group met.\n",
                    encoding="utf-8")
    (draft,) = list(load_article(path))
    report, code = check_draft(draft, ["seeds"])
    doc = json.loads(render(report, "json"))
    assert code == 1 and list(doc) == ["articles", "claims", "findings", "suppressed", "problems", "subjects"]
    (f,) = doc["findings"]
    assert set(f) == {"id", "rule", "kind", "subject", "verdict", "severity", "claims", "message", "subject_id"}
    (s,) = [s for s in doc["subjects"] if s["id"] == f["subject_id"]]
    assert set(f["claims"]) <= set(s["claims"]) and s["verdict"] == "conflict"

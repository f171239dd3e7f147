"""Inline suppression comments in a draft."""

from __future__ import annotations

from factcheck.model import Claim, Finding
from factcheck.suppress import ignored_lines, split_suppressed


def test_ignore_lines():
    text = "a\nb <!-- factcheck: ignore -->\nc <!-- factcheck: ignore=deaths, group_size -->\n"
    assert ignored_lines(text) == {2: None, 3: frozenset({"deaths", "group_size"})}


def _claim(cid, article, line):
    return Claim(id=cid, article=article, start=0, end=1, line=line, column=1, text="x", low=1, high=1, value=1,
                 bound="exact", unit=None, noun="person")


def _finding(fid, rule, *claims):
    return Finding(id=fid, rule=rule, kind=rule, subject=rule, verdict="conflict", severity="error",
                   claims=claims, message="m")


def test_split_suppressed_by_line_and_rule():
    claims = {c.id: c for c in [_claim("d#1", "d", 2), _claim("d#2", "d", 3), _claim("p#1", "p", 2)]}
    text = "x\nfigure <!-- factcheck: ignore -->\nother <!-- factcheck: ignore=deaths -->\n"
    findings = [_finding("F1", "group_size", "d#1", "p#1"), _finding("F2", "group_size", "d#2", "p#1"),
                _finding("F3", "deaths", "d#2", "p#1")]
    kept, suppressed = split_suppressed(findings, claims, {"d": text})
    assert [f.id for f in kept] == ["F2"]
    assert [f.id for f in suppressed] == ["F1", "F3"]


def test_comments_in_published_articles_are_not_read():
    claims = {c.id: c for c in [_claim("d#1", "d", 1), _claim("p#1", "p", 1)]}
    kept, suppressed = split_suppressed([_finding("F1", "deaths", "d#1", "p#1")], claims,
                                        {"d": "no comment here\n"})
    assert kept and not suppressed


def test_rule_list_matches_rule_or_kind_and_other_rules_stay():
    claims = {"d#1": _claim("d#1", "d", 1)}
    text = "fig <!-- factcheck: ignore=wounded,  group_size -->\n"
    f_kind = Finding(id="F1", rule="syria_deaths", kind="deaths", subject="s", verdict="conflict", severity="error",
                     claims=("d#1",), message="m")
    kept, suppressed = split_suppressed([f_kind, _finding("F2", "group_size", "d#1"), _finding("F3", "deaths", "d#1")],
                                        claims, {"d": text})
    assert [f.id for f in kept] == ["F1", "F3"] and [f.id for f in suppressed] == ["F2"]
    text2 = "fig <!-- factcheck: ignore=deaths -->\n"
    kept, suppressed = split_suppressed([f_kind], claims, {"d": text2})
    assert suppressed == [f_kind]


def test_a_figure_across_two_lines_is_silenced_from_either():
    c = Claim(id="d#1", article="d", start=0, end=10, line=1, column=1, text="20-\nnation", low=20, high=20,
              value=20, bound="exact", unit=None, noun="nation")
    kept, suppressed = split_suppressed([_finding("F1", "group_size", "d#1")], {"d#1": c},
                                        {"d": "20-\nnation <!-- factcheck: ignore -->\n"})
    assert not kept and len(suppressed) == 1


def test_comments_that_are_not_ignore_directives_do_nothing():
    assert ignored_lines("<!-- factcheck ignore -->\n<!-- ignore -->\n<!--factcheck:IGNORE-->\n") == {3: None}
    assert ignored_lines("a <!-- factcheck: ignore=deaths --> b <!-- factcheck: ignore -->") == {1: None}


# ---------------------------------------------------------------- the draft check, end to end
import dataclasses  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AFP = "001_3cab5c4bd9d3191d.txt"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """AFP alone: "the 17-nation Syria contact group", "More than 260,000 people have been killed"."""
    folder = tmp_path_factory.mktemp("published")
    (folder / AFP).write_bytes((SEEDS / AFP).read_bytes())
    (folder / "sources.yaml").write_text(f"{AFP}:\n  source: AFP\n  published: 2016-02-11\n", encoding="utf-8")
    return str(folder)


def _draft(text, path="drafts/today.md"):
    from factcheck.load import load_article

    (article,) = list(load_article(Path(path), text=text))
    return article


def _check(text, against, **kw):
    from factcheck.draft import check_draft

    return check_draft(_draft(text, **{k: kw.pop(k) for k in ("path",) if k in kw}), against, **kw)


GROUP = "Ministers of the 20-nation Syria contact group met.\n"
DEATHS = "---\npublished: 2016-02-12\n---\nThe war in Syria has killed 250,000 people since it began.\n"


def test_draft_conflict_points_at_the_draft_and_quotes_the_published_figure(archive):
    report, code = _check("# Munich\n\n" + GROUP, [archive])
    assert code == 1
    (f,) = report.findings
    assert f.verdict == "conflict" and f.claims[0] == "drafts/today.md#1"
    assert f.message.startswith('Draft line 3:18 "20-nation" contradicts AFP (2016-02-11): "17-nation"')
    assert f.message.endswith("A consistent figure: 17.")
    draft_claims = [c for c in report.claims if c.article == "drafts/today.md"]
    assert [(c.line, c.column, c.text) for c in draft_claims] == [(3, 18, "20-nation")]


def test_cumulative_total_names_the_latest_published_figure_and_its_source(archive):
    report, code = _check(DEATHS, [archive])
    (f,) = report.findings
    assert f.rule == "deaths" and f.severity == "warning" and code == 0  # fail_on=error
    assert "The latest published figure is \"More than 260" in f.message and "from AFP (2016-02-11)" in f.message
    assert "cannot be below 260,000" in f.message
    assert _check(DEATHS, [archive], fail_on="warning")[1] == 1


def test_a_figure_published_after_the_draft_date_is_a_ceiling_not_a_floor():
    # dated before every seed: NPR's later "a quarter of a million" (225,000-275,000) caps a growing total
    early = DEATHS.replace("2016-02-12", "2016-01-01").replace("250,000", "300,000")
    report, _ = _check(early, [str(SEEDS)])
    (f,) = report.findings
    assert "The latest published figure" not in f.message  # nothing was published before 2016-01-01
    assert f.message.endswith('A consistent figure: at most 275,000, since NPR (via WOSU) gave '
                              '"a quarter of a million people" later (2016-02-11) and a total only grows.')


def test_suppression_in_the_draft_moves_the_finding_and_clears_the_exit_code(archive):
    silenced = GROUP.replace("met.", "met. <!-- factcheck: ignore=group_size -->")
    report, code = _check(silenced, [archive])
    assert code == 0 and report.findings == [] and [f.rule for f in report.suppressed] == ["group_size"]
    other = GROUP.replace("met.", "met. <!-- factcheck: ignore=deaths -->")
    report, code = _check(other, [archive])
    assert code == 1 and [f.rule for f in report.findings] == ["group_size"] and report.suppressed == []


def test_only_findings_involving_the_draft_are_kept():
    # the seeds disagree among themselves (17-nation vs about 20 countries); a draft on another subject is clean
    report, code = _check("The weather in Munich was mild, 12 degrees.\n", [str(SEEDS)])
    assert code == 0 and report.findings == []
    assert [a.id for a in report.articles] == ["drafts/today.md"]  # published articles only when quoted
    drafted = {c.id for c in report.claims if c.article == "drafts/today.md"}
    assert all(any(cid in drafted for cid in f.claims) for f in report.suppressed + report.findings)


def test_draft_id_is_its_path_and_stdin_is_named(archive):
    report, _ = _check(GROUP, [archive], path="<stdin>")
    assert report.findings[0].claims[0] == "<stdin>#1"
    from factcheck.draft import check_draft

    same_stem = dataclasses.replace(_draft(GROUP, path=f"drafts/{AFP}"))
    report, code = check_draft(same_stem, [archive])
    assert code == 1 and report.findings[0].claims[0] == f"drafts/{AFP}#1"  # no clash with the published stem


def test_bad_fail_on_is_refused(archive):
    with pytest.raises(ValueError, match="fail_on"):
        _check(GROUP, [archive], fail_on="info")


def test_several_drafts_share_one_archive_and_number_findings_across(archive):
    from factcheck.draft import check_drafts

    drafts = [_draft(GROUP, path="a.md"), _draft("The 17-nation Syria contact group met in Munich.\n", path="b.md"),
              _draft(GROUP.replace("20", "21").replace("met.", "met. <!-- factcheck: ignore -->"), path="c.md")]
    report, code = check_drafts(drafts, [archive])
    assert code == 1
    assert [(f.id, f.claims[0]) for f in report.findings] == [("D1", "a.md#1")]
    assert [(f.id, f.claims[0]) for f in report.suppressed] == [("D2", "c.md#1")]
    assert [a.id for a in report.articles][:3] == ["a.md", "b.md", "c.md"] and len(report.articles) == 4
    assert len({c.id for c in report.claims}) == len(report.claims)
    clean, code = check_drafts(drafts[1:2], [archive])
    assert code == 0 and clean.findings == []

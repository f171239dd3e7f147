"""The Markdown report: structure, tables, determinism."""

from __future__ import annotations

from datetime import date

from factcheck.model import Article, Claim, Finding, InputProblem, Report
from factcheck.report import render_markdown


def claim(cid, art, text, **kw):
    base = dict(id=cid, article=art, start=0, end=len(text), line=3, column=7, text=text, low=None, high=None,
                value=None, bound="exact", unit=None, noun="person", kind="deaths", published=date(2016, 2, 11),
                source=f"Outlet {art}")
    base.update(kw)
    return Claim(**base)


def sample() -> Report:
    arts = [Article(id="a", path="news/a.txt", text="", source="Outlet a", published=date(2016, 2, 11)),
            Article(id="b", path="news/b.txt", text="", source="Outlet b", published=date(2016, 2, 11))]
    c1 = claim("a#1", "a", "More than 260,000 people", value=260_000, low=260_000, bound="more_than",
               attribution="observers")
    c2 = claim("b#1", "b", "a quarter of a million people", value=250_000, low=225_000, high=275_000, bound="approx")
    c3 = claim("a#2", "a", "17-nation", value=17, low=17, high=17, kind="group_size", noun="nation")
    c4 = claim("b#2", "b", "about 20 countries", value=20, low=18, high=22, bound="approx", kind="group_size", noun="country")
    c5 = claim("b#3", "b", "at least 500 people", value=500, low=500, bound="at_least")
    c6 = claim("b#4", "b", "some 300,000 people", duplicate_of="b#9", value=3e5, low=2.7e5, high=3.3e5, bound="approx")
    findings = [
        Finding("F1", "group_size", "group_size", "size of a group", "conflict", "error", ("a#2", "b#2"),
                'Outlet a (2016-02-11) says "17-nation" but Outlet b (2016-02-11) says "about 20 countries" (18–22): a group\'s size cannot be both.'),
        Finding("F2", "deaths", "deaths", "deaths in Syria", "tension", "warning", ("a#1", "b#1"), "they differ | a bit."),
        Finding("F3", "deaths", "deaths", "deaths in Syria", "compatible", "info", ("a#1", "b#1"), "2 figures agree."),
        Finding("F4", "deaths", "deaths", "deaths", "different_scope", "info", ("a#1", "b#3"),
                "not compared: different time windows: whole conflict vs since 2016-02-01."),
    ]
    return Report(articles=arts, claims=[c1, c2, c3, c4, c5, c6], findings=findings,
                  problems=[InputProblem("news/c.txt", "not UTF-8 text", 2)])


def test_summary_and_sections():
    md = render_markdown(sample())
    lines = md.splitlines()
    assert lines[0] == "# Fact-check report"
    assert "**Summary:** 2 articles, 6 claims, 3 subjects, 1 conflict, 1 tension, 1 input problem." in md
    assert "`news/c.txt:2: not UTF-8 text`" in md
    assert md.index("## size of a group") < md.index("## deaths in Syria") < md.index("## Checked and consistent") \
        < md.index("## Not compared, and why")
    assert "- **deaths in Syria** (F3): 2 figures agree." in md
    assert "whole conflict vs since 2016-02-01" in md
    assert "1 repeated claim (counted once)" in md


def test_table_rows_quote_claims_with_location_interval_and_attribution():
    md = render_markdown(sample())
    assert "| Finding | Verdict | Source | Date | Claim | Interval | Attribution | Reason |" in md
    row = next(l for l in md.splitlines() if "More than 260,000 people" in l and l.startswith("| F2"))
    assert '"More than 260,000 people" (`news/a.txt:3:7`)' in row
    assert "| > 260,000 |" in row and "| observers |" in row and "they differ \\| a bit." in row
    assert "| = 17 |" in md and "| 18–22 |" in md and "| 225,000–275,000 |" in md


def test_deterministic_bytes():
    assert render_markdown(sample()).encode() == render_markdown(sample()).encode()


def test_empty_report():
    md = render_markdown(Report(articles=[], claims=[]))
    assert "0 articles, 0 claims, 0 subjects, 0 conflicts, 0 tensions." in md
    assert "No conflicts or tensions found." in md


def test_seed_report_renders():
    from factcheck.pipeline import run

    md = render_markdown(run(["seeds"]))
    assert "17-nation" in md and "about 20 countries" in md and "## Not compared, and why" in md
    assert md == render_markdown(run(["seeds"]))


def test_start_date_conflicts_show_start_dates_in_the_table(tmp_path):
    from factcheck.pipeline import run
    from factcheck.report import render_markdown

    for name, published, body in (("a.md", "2016-02-11", "The ten-year civil war in Syria goes on, officials in Damascus said."),
                                  ("b.md", "2016-02-12", "The civil war in Syria broke out in 2011, officials in Damascus said.")):
        (tmp_path / name).write_text(f"---\nsource: {name}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    report = run([str(tmp_path)])
    assert report.rules is not None and [f.verdict for f in report.conflicts] == ["conflict"]
    table = render_markdown(report).split("## Checked")[0]
    assert "began in 2011" in table and "| began 2005-" in table

"""The Markdown report: one section per subject (a timeline), short lists, size at scale, determinism."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from factcheck.model import Article, Claim, Finding, InputProblem, Report, Subject
from factcheck.report import render_markdown
from factcheck.timeline import subjects_of, timelines


def claim(cid, art, text, **kw):
    base = dict(id=cid, article=art, start=0, end=len(text), line=3, column=7, text=text, low=None, high=None,
                value=None, bound="exact", unit=None, noun="person", kind="deaths", published=date(2016, 2, 11),
                source=f"Outlet {art}")
    base.update(kw)
    return Claim(**base)


def sample(with_subjects: bool = True) -> Report:
    arts = [Article(id="a", path="news/a.txt", text="", source="Outlet a", published=date(2016, 2, 11)),
            Article(id="b", path="news/b.txt", text="", source="Outlet b", published=date(2016, 2, 11))]
    c1 = claim("a#1", "a", "More than 260,000 people", value=260_000, low=260_000, bound="more_than",
               attribution="observers")
    c2 = claim("b#1", "b", "a quarter of a million people", value=250_000, low=225_000, high=275_000, bound="approx")
    c3 = claim("a#2", "a", "17-nation", value=17, low=17, high=17, kind="group_size", noun="nation")
    c4 = claim("b#2", "b", "about 20 countries", value=20, low=18, high=22, bound="approx", kind="group_size", noun="country")
    c5 = claim("b#3", "b", "at least 500 people", value=500, low=500, bound="at_least")
    c6 = claim("b#4", "b", "some 300,000 people", duplicate_of="b#9", value=3e5, low=2.7e5, high=3.3e5, bound="approx")
    c7 = claim("a#3", "a", "initially 42", value=42, low=42, high=42, revision="earlier", published=date(2016, 2, 10))
    findings = [
        Finding("F1", "group_size", "group_size", "size of a group", "conflict", "error", ("a#2", "b#2"),
                'Outlet a (2016-02-11) says "17-nation" but Outlet b (2016-02-11) says "about 20 countries" (18–22): a group\'s size cannot be both.',
                subject_id="S1"),
        Finding("F2", "deaths", "deaths", "deaths in Syria", "tension", "warning", ("a#1", "b#1"), "they differ | a bit.",
                subject_id="S2"),
        Finding("F3", "deaths", "deaths", "deaths in Syria", "compatible", "info", ("a#1", "b#1"), "2 figures agree.",
                subject_id="S2"),
        Finding("F4", "deaths", "deaths", "deaths", "different_scope", "info", ("a#1", "b#3"),
                "not compared: different time windows: whole conflict vs since 2016-02-01."),
    ]
    subjects = [Subject("S1", "group_size", "group_size", "country", "SY", "talks", ("a#2", "b#2"), "conflict",
                        "size of a group"),
                Subject("S2", "deaths", "deaths", "person", "SY", "war", ("a#3", "a#1", "b#1"), "tension", "deaths in Syria"),
                Subject("S3", "deaths", "deaths", "person", "SY", "offensive", ("b#3",), "single", "deaths in Aleppo")]
    return Report(articles=arts, claims=[c1, c2, c3, c4, c5, c6, c7], findings=findings,
                  problems=[InputProblem("news/c.txt", "not UTF-8 text", 2)], subjects=subjects if with_subjects else [])


def test_summary_and_sections_in_order_of_severity():
    md = render_markdown(sample())
    lines = md.splitlines()
    assert lines[0] == "# Fact-check report"
    assert ("**Summary:** 2 articles, 7 claims, 3 subjects (1 in conflict, 1 in tension, 0 consistent, "
            "1 with one figure); 1 conflict, 1 tension between pairs, 1 input problem.") in md
    assert "`news/c.txt:2: not UTF-8 text`" in md
    assert md.index("## Conflict: size of a group (S1)") < md.index("## Tension: deaths in Syria (S2)") \
        < md.index("## Checked and consistent (0)") < md.index("## Figures given once (1)") \
        < md.index("## Not compared, and why (1)")
    assert "deaths in Aleppo (S3)." in md
    assert "whole conflict vs since 2016-02-01" in md
    assert "1 repeated claim (counted once)" in md


def test_verdict_line_in_words_then_a_timeline_with_marks():
    md = render_markdown(sample())
    conflict = md.split("## Conflict: size of a group (S1)")[1].split("## ")[0]
    assert '**Two outlets disagree on the same day (2016-02-11): "17-nation" vs "about 20 countries".**' in conflict
    assert "1 pair in conflict (F1)" in conflict
    assert "| As of | Published | Source | Attribution | Figure | Interval | Mark |" in conflict
    row = next(line for line in conflict.splitlines() if "17-nation" in line and line.startswith("|"))
    assert "(`news/a.txt:3:7`)" in row and "| = 17 |" in row and row.endswith("| ✗ conflict |")
    tension = md.split("## Tension: deaths in Syria (S2)")[1].split("## ")[0]
    rows = [line for line in tension.splitlines() if line.startswith("| ") and "Outlet" in line]
    # time order: the earlier figure (published the day before) comes first and is marked as superseded
    assert "initially 42" in rows[0] and rows[0].endswith("| ↺ earlier figure |")
    assert "| observers |" in rows[1] and rows[1].endswith("| ~ tension |") and "| > 260,000 |" in rows[1]


def test_corrections_and_parts_are_marked():
    import dataclasses

    report = sample()
    report.claims[:] = [dataclasses.replace(c, revision="correction") if c.id == "b#1" else
                        dataclasses.replace(c, part="children") if c.id == "a#3" else c for c in report.claims]
    report.findings[:] = [f for f in report.findings if f.verdict != "tension"]
    report.subjects[1] = dataclasses.replace(report.subjects[1], verdict="compatible")
    t = next(t for t in timelines(report) if t.subject.id == "S2")
    assert {e.claim.id: e.mark for e in t.entries} == {"a#3": "earlier", "a#1": "", "b#1": "correction"}
    from factcheck.subject_formats import render_subjects

    md = render_subjects(report)
    assert "| ↓ correction |" in md and "part: children" in md


def test_report_without_subjects_derives_them_from_findings():
    """The pytest plugin and older callers build Reports with findings only: sections still come out."""
    report = sample(with_subjects=False)
    assert [s.name for s in subjects_of(report)] == ["size of a group", "deaths in Syria"]
    md = render_markdown(report)
    assert "## Conflict: size of a group" in md and "## Tension: deaths in Syria" in md


def test_identical_figures_fold_into_one_row_with_a_count():
    report = sample()
    extra = [dataclasses.replace(c, id=f"{c.id}x{k}", article=f"{c.article}{k}") for k in range(5)
             for c in report.claims if c.id in ("a#2", "b#2")]
    s1 = dataclasses.replace(report.subjects[0], claims=report.subjects[0].claims + tuple(c.id for c in extra))
    more = Finding("F9", "group_size", "group_size", "size of a group", "conflict", "error", tuple(c.id for c in extra),
                   "they disagree", subject_id="S1")
    report = dataclasses.replace(report, claims=report.claims + extra, subjects=[s1, *report.subjects[1:]],
                                 findings=report.findings + [more])
    t = timelines(report)[0]
    assert [e.count for e in t.entries] == [6, 6] and t.figures == 12
    assert "×6) | = 17 |" in render_markdown(report)


def test_deterministic_bytes():
    assert render_markdown(sample()).encode() == render_markdown(sample()).encode()


def test_empty_report():
    md = render_markdown(Report(articles=[], claims=[]))
    assert "0 articles, 0 claims, 0 subjects" in md
    assert "No conflicts or tensions found." in md


@pytest.fixture(scope="module")
def seed_report():
    from factcheck.pipeline import run

    return run(["seeds"])


def test_seed_report_is_short_and_says_the_same_verdicts(seed_report):
    md = render_markdown(seed_report)
    assert len(md.splitlines()) < 80
    assert "17-nation" in md and "about 20 countries" in md and "## Not compared, and why" in md
    for s in seed_report.subjects:  # every subject is named with its verdict's section
        if s.verdict in ("conflict", "tension"):
            assert f"## {s.verdict.capitalize()}: {s.name} ({s.id})" in md
        else:
            assert f"({s.id})" in md
    for f in seed_report.findings:  # every pairwise conflict or tension is cited by id
        if f.verdict in ("conflict", "tension"):
            assert f.id in md
    assert md == render_markdown(seed_report)


def copies(report: Report, n: int) -> Report:
    """``n`` copies of a report, as a run over an archive holding ``n`` copies of the same articles would give."""
    arts, claims, findings, members = [], [], [], {s.id: [] for s in report.subjects}
    for k in range(n):
        rid = lambda cid: f"c{k}/{cid}"  # noqa: E731
        arts += [dataclasses.replace(a, id=f"c{k}/{a.id}", path=f"copy{k}/{a.path}") for a in report.articles]
        claims += [dataclasses.replace(c, id=rid(c.id), article=f"c{k}/{c.article}") for c in report.claims]
        findings += [dataclasses.replace(f, id=f"F{len(findings) + i + 1}", claims=tuple(map(rid, f.claims)))
                     for i, f in enumerate(report.findings)]
        for s in report.subjects:
            members[s.id] += [rid(c) for c in s.claims]
    subjects = [dataclasses.replace(s, claims=tuple(members[s.id])) for s in report.subjects]
    return dataclasses.replace(report, articles=arts, claims=claims, findings=findings, subjects=subjects)


def test_300_copies_of_the_seeds_stay_under_200_kb_and_name_every_conflicting_subject(seed_report):
    big = copies(seed_report, 300)
    md = render_markdown(big)
    assert len(md.encode()) < 200_000
    flagged = [s for s in big.subjects if s.verdict in ("conflict", "tension")]
    assert flagged
    for s in flagged:
        assert f"## {s.verdict.capitalize()}: {s.name} ({s.id})" in md
        assert f"{len(s.claims)} figures" in md
    assert "×300" in md


def test_start_date_conflicts_show_start_dates_in_the_table(tmp_path):
    from factcheck.pipeline import run

    for name, published, body in (("a.md", "2016-02-11", "The ten-year civil war in Syria goes on, officials in Damascus said."),
                                  ("b.md", "2016-02-12", "The civil war in Syria broke out in 2011, officials in Damascus said.")):
        (tmp_path / name).write_text(f"---\nsource: {name}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    report = run([str(tmp_path)])
    assert report.rules is not None and [f.verdict for f in report.conflicts] == ["conflict"]
    table = render_markdown(report).split("## Checked")[0]
    assert "began in 2011" in table and "| began 2005-" in table

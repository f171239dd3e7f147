"""The draft report: what was checked, the published figures it agrees with, and only the figures that matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.draft import check_draft, latest_published
from factcheck.load import load_article
from factcheck.report import render_markdown

ARCHIVE = {"a": ("2016-01-05", "200,000"), "b": ("2016-02-01", "250,000"), "c": ("2016-02-10", "260,000")}


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, (day, figure) in ARCHIVE.items():
        (folder / f"{name}.md").write_text(
            f"---\nsource: Outlet {name}\npublished: {day}\n---\nThe war in Syria has killed {figure} people since it "
            "began in 2011, a monitoring group said.\n", encoding="utf-8")
    return str(folder)


def _draft(tmp_path: Path, sentence: str):
    path = tmp_path / "draft.md"
    path.write_text(f"---\nsource: Our Paper\npublished: 2016-02-12\n---\n{sentence}\n", encoding="utf-8")
    (article,) = list(load_article(path))
    return article


def test_agreeing_draft_names_the_figures_checked_and_the_published_figures_they_agree_with(tmp_path, archive):
    report, code = check_draft(_draft(tmp_path, "The war in Syria has killed at least 260,000 people since it began in 2011."),
                               [archive])
    assert code == 0 and report.findings == []
    md = render_markdown(report)
    section = md.split("## The draft, checked")[1].split("\n## ")[0]
    assert "2 figures checked against the published articles: 0 contradict them, 0 in tension, 2 agree." in section
    assert ('✓ Draft line 5:29 "at least 260,000 people" agrees with the latest published "260,000 people" '
            "(Outlet c, 2016-02-10), a total that may grow.") in section
    assert '"began in 2011"' in section
    assert "Outlet a" not in md and "Outlet b" not in md  # earlier figures are not what the draft is checked against


def test_contradicting_draft_names_only_the_relevant_published_figures(tmp_path, archive):
    # 255,000 sits below the latest published 260,000 (Outlet c) of a total that only grows, and above the
    # earlier 200,000 and 250,000: only Outlet c matters
    report, code = check_draft(_draft(tmp_path, "The war in Syria has killed 255,000 people since it began in 2011."),
                               [archive], fail_on="warning")
    (f,) = [f for f in report.findings if f.rule == "deaths"]
    assert code == 1 and f.verdict in ("conflict", "tension") and f.claims[0].endswith("draft.md#1")
    assert "Outlet c" in f.message and '"260,000 people"' in f.message
    assert "Outlet a" not in f.message and "Outlet b" not in f.message
    claims = {c.id: c for c in report.claims}
    assert [claims[c].source for c in f.claims] == ["Our Paper", "Outlet c"]
    assert f.message in render_markdown(report)


def test_draft_report_subjects_hold_the_draft_and_the_latest_published_figure(tmp_path, archive):
    report, _ = check_draft(_draft(tmp_path, "The war in Syria has killed at least 260,000 people since it began in 2011."),
                            [archive])
    claims = {c.id: c for c in report.claims}
    deaths = next(s for s in report.subjects if s.rule == "deaths")
    assert sorted(claims[c].source for c in deaths.claims) == ["Our Paper", "Outlet c"]
    assert deaths.verdict == "compatible" and report.drafts == [str(tmp_path / "draft.md")]


def test_latest_published_keeps_every_outlet_of_the_last_day_up_to_the_draft(tmp_path):
    from datetime import date

    from tests.test_report import claim

    a = claim("a#1", "a", "17-nation", published=date(2016, 2, 11))
    b = claim("b#1", "b", "about 20 countries", published=date(2016, 2, 11))
    later = claim("c#1", "c", "19 countries", published=date(2017, 1, 1))
    assert latest_published([later, a, b], date(2016, 2, 12)) == [a, b]
    assert latest_published([later, a, b]) == [later]
    assert latest_published([later], date(2016, 2, 12)) == [later]  # nothing before the draft: the latest there is

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

"""The pytest plugin, run in a scratch newsroom repository with pytester."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# numpy (under pandas) cannot be imported twice in one process: load the pipeline before
# pytester runs the inner sessions in this process, so they reuse it.
import factcheck.compare  # noqa: F401
import factcheck.pipeline  # noqa: F401
import factcheck.report  # noqa: F401
import pandas  # noqa: F401

pytest_plugins = ["pytester"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONTRADICTS = "---\nsource: Our Paper\npublished: 2016-02-12\n---\nMinisters of the 20-nation Syria contact group met.\n"
AGREES = ("---\nsource: Our Paper\npublished: 2016-02-12\n---\n"
          "More than 260,000 people have been killed since the conflict began in 2011.\n")


@pytest.fixture
def newsroom(pytester):
    shutil.copytree(SEEDS, pytester.path / "published")
    pytester.makeini("[pytest]\nfactcheck_archive = published\n")
    (pytester.path / "drafts").mkdir()
    (pytester.path / "drafts" / "bad.md").write_text(CONTRADICTS, encoding="utf-8")
    (pytester.path / "drafts" / "good.md").write_text(AGREES, encoding="utf-8")
    return pytester


def test_expectations_file_fails_on_a_conflict_with_a_readable_message(newsroom):
    (newsroom.path / "drafts" / "bad.factcheck.yaml").write_text("article: bad.md\nexpect: no_conflicts\n")
    result = newsroom.runpytest("drafts")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*conflict(s) with the archive*", "*17-nation*"])


def test_expectations_file_passes_when_consistent_and_claims_are_found(newsroom):
    (newsroom.path / "drafts" / "good.factcheck.yaml").write_text(
        "article: good.md\nexpect: no_conflicts\nclaims:\n  - text: More than 260,000 people\n"
        "    value: 260000\n    bound: more_than\n    noun: person\n")
    result = newsroom.runpytest("drafts")
    result.assert_outcomes(passed=1)


def test_missing_expected_claim_is_reported_with_its_line(newsroom):
    (newsroom.path / "drafts" / "good.factcheck.yaml").write_text(
        "article: good.md\nclaims:\n  - text: people\n    value: 300000\n")
    result = newsroom.runpytest("drafts")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*line 3: no claim matches*300000*"])


def test_malformed_expectations_is_a_collection_error_naming_file_and_line(newsroom):
    (newsroom.path / "drafts" / "x.factcheck.yaml").write_text("article: good.md\nexpekt: no_conflicts\n")
    result = newsroom.runpytest("drafts")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*x.factcheck.yaml:2: unknown key 'expekt'*"])


def test_fixtures_and_assertion_helper(newsroom):
    newsroom.makepyfile(test_articles=f'''
from factcheck.pytest_plugin import assert_no_conflicts

def test_archive(factcheck_archive):
    assert len(factcheck_archive.articles) == 5
    assert any(c.text == "17-nation" for c in factcheck_archive.claims)

def test_agrees(factcheck):
    result = factcheck({AGREES!r})
    assert result.conflicts == []
    assert_no_conflicts(result)
    assert result.to_dict() == factcheck({AGREES!r}).to_dict()

def test_contradicts(factcheck):
    assert_no_conflicts(factcheck({CONTRADICTS!r}))
''')
    result = newsroom.runpytest("test_articles.py")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*factcheck found conflicts*", "*17-nation*"])

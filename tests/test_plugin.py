"""The pytest plugin, run inside throw-away pytest sessions (pytester).

The archive is one published seed article (AFP: "the 17-nation Syria contact group").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# pytester runs the inner sessions in this process and forgets the modules they imported;
# numpy and friends cannot be imported twice, so they are imported here, once.
import factcheck.claims  # noqa: F401
import factcheck.compare  # noqa: F401
import factcheck.draft  # noqa: F401
import factcheck.pipeline  # noqa: F401
import factcheck.report  # noqa: F401
import factcheck.rules  # noqa: F401
import pandas  # noqa: F401

pytest_plugins = ["pytester"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AFP = "001_3cab5c4bd9d3191d.txt"
SOURCES = f"{AFP}:\n  source: AFP\n  published: 2016-02-11\n"
BAD = "Ministers of the 20-nation Syria contact group met.\n"
GOOD = "Ministers of the 17-nation Syria contact group met in Munich.\n"


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    """A newsroom repo: published/ holds the archive, the ini option points at it."""
    published = pytester.mkdir("published")
    (published / AFP).write_bytes((SEEDS / AFP).read_bytes())
    (published / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    drafts = pytester.mkdir("drafts")
    (drafts / "bad.md").write_text(BAD, encoding="utf-8")
    (drafts / "good.md").write_text(GOOD, encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_archive = published\n")
    return pytester


def test_fixture_finds_the_conflict_and_the_helper_fails_with_markdown(newsroom):
    newsroom.makepyfile(test_articles="""
        from pathlib import Path
        from factcheck.pytest_plugin import assert_no_conflicts

        def test_bad_text(factcheck):
            result = factcheck("Ministers of the 20-nation Syria contact group met.\\n")
            assert [c.text for c in result.claims] == ["20-nation"]
            assert len(result.conflicts) == 1 and result.exit_code == 1
            assert_no_conflicts(result)

        def test_good_file(factcheck):
            result = factcheck(Path("drafts/good.md"))
            assert [c.value for c in result.claims] == [17]
            assert result.findings == [] and result.exit_code == 0
            assert_no_conflicts(result)
    """)
    res = newsroom.runpytest()
    res.assert_outcomes(passed=1, failed=1)
    out = res.stdout.str()
    assert "factcheck found 1 conflict(s)" in out
    assert '"17-nation"' in out and "AFP" in out  # the Markdown quotes the published figure
    assert "test_bad_text" in out and "test_good_file FAILED" not in out


def test_archive_fixture_is_extracted_once_per_session(newsroom):
    newsroom.makepyfile(test_archive="""
        seen = []

        def test_one(factcheck_archive):
            seen.append(factcheck_archive)
            assert [a.source for a in factcheck_archive.articles] == ["AFP"]
            assert any(c.text == "17-nation" for c in factcheck_archive.claims)
            assert factcheck_archive.findings == []

        def test_two(factcheck_archive):
            assert seen and seen[0] is factcheck_archive
    """)
    newsroom.runpytest().assert_outcomes(passed=2)


def test_to_dict_is_deterministic_and_free_of_machine_paths(newsroom):
    newsroom.makepyfile(test_snap="""
        import json
        from pathlib import Path

        def test_snapshot(factcheck):
            a = factcheck(Path("drafts/bad.md").resolve()).to_dict()
            b = factcheck(Path("drafts/bad.md")).to_dict()
            assert a == b
            Path("snap.json").write_text(json.dumps(a, indent=2, ensure_ascii=False), encoding="utf-8")
    """)
    newsroom.runpytest().assert_outcomes(passed=1)
    snap = json.loads((newsroom.path / "snap.json").read_text(encoding="utf-8"))
    assert snap["article"] == "drafts/bad.md"
    assert str(newsroom.path) not in json.dumps(snap)
    assert [c["id"] for c in snap["claims"]] == ["drafts/bad.md#1"]
    assert snap["findings"][0]["verdict"] == "conflict" and snap["findings"][0]["claims"][0] == "drafts/bad.md#1"
    assert any(c["text"] == "17-nation" for c in snap["published"])
    assert "context" not in snap["claims"][0]


def test_archive_comes_from_tool_factcheck_when_the_ini_option_is_unset(pytester):
    published = pytester.mkdir("published")
    (published / AFP).write_bytes((SEEDS / AFP).read_bytes())
    pytester.makepyprojecttoml('[tool.factcheck]\narchive = ["published"]\n')
    pytester.makepyfile(test_cfg="""
        def test_cfg(factcheck, factcheck_archive):
            assert len(factcheck_archive.articles) == 1
            assert factcheck("Ministers of the 20-nation Syria contact group met.\\n").conflicts
    """)
    pytester.runpytest().assert_outcomes(passed=1)


def test_missing_archive_is_a_usage_error(pytester):
    pytester.makeini("[pytest]\nfactcheck_archive = nowhere\n")
    pytester.makepyfile(test_x="def test_x(factcheck):\n    pass\n")
    res = pytester.runpytest()
    assert res.ret != 0
    assert "nowhere" in res.stdout.str() + res.stderr.str()


def test_an_archive_article_is_not_checked_against_itself(newsroom):
    newsroom.makepyfile(test_self=f"""
        from pathlib import Path

        def test_self(factcheck):
            result = factcheck(Path("published/{AFP}"))
            assert result.claims and result.findings == []
    """)
    newsroom.runpytest().assert_outcomes(passed=1)


# ---------------------------------------------------------------- *.factcheck.yaml items
def test_expectation_files_pass_and_fail_readably(newsroom):
    (newsroom.path / "drafts" / "good.factcheck.yaml").write_text(
        "article: good.md\nexpect: no_conflicts\nclaims:\n  - {text: 17-nation, value: 17, noun: nation}\n",
        encoding="utf-8")
    (newsroom.path / "drafts" / "bad.factcheck.yaml").write_text(
        "article: bad.md\nexpect: no_conflicts\nclaims:\n  - {text: 17-nation, value: 17}\n", encoding="utf-8")
    res = newsroom.runpytest("-v")
    res.assert_outcomes(passed=1, failed=1)
    out = res.stdout.str()
    assert "good.factcheck.yaml::good.md PASSED" in out
    assert "1 conflict(s) with the archive" in out and '"17-nation"' in out
    assert "line 4: no claim matches {'text': '17-nation', 'value': 17}" in out
    assert 'found: "20-nation" (20 nation)' in out
    assert "Traceback" not in out and "def runtest" not in out  # repr_failure, not a stack


def test_expected_claims_alone_need_no_archive(pytester):
    pytester.makefile(".md", story="The 17-nation group met. Some 4.5 million people have fled.\n")
    pytester.makefile(".factcheck.yaml", story="article: story.md\nclaims:\n"
                      "  - {text: 17-nation, value: 17, noun: nation}\n  - {value: 4500000, noun: person}\n")
    pytester.runpytest().assert_outcomes(passed=1)


@pytest.mark.parametrize("content, where, words", [
    ("article: a.md\nexpect: no_conflicts\nexpekt: x\n", ":3:", "unknown key 'expekt'"),
    ("article: a.md\nexpect: maybe\n", ":2:", "'expect' must be no_conflicts"),
    ("article: a.md\nexpect: [no_conflicts\n", ":2:", "not valid YAML"),
    ("article: a.md\nclaims:\n  - {text: x}\n  - {value: seventeen}\n", ":4:", "claim 'value' must be a number"),
    ("article: a.md\nclaims:\n  - {txt: x}\n", ":3:", "unknown claim key 'txt'"),
    ("article: missing.md\nexpect: no_conflicts\n", ":1:", "article not found: missing.md"),
    ("- article: a.md\n", ":1:", "expected a mapping"),
    ("article: a.md\n", ":1:", "nothing to check"),
])
def test_malformed_expectations_are_collection_errors_naming_file_and_line(pytester, content, where, words):
    pytester.makefile(".md", a="The 17-nation group met.\n")
    pytester.makefile(".factcheck.yaml", broken=content)
    res = pytester.runpytest()
    out = res.stdout.str()
    assert res.ret == pytest.ExitCode.INTERRUPTED  # collection error stops the run
    assert f"broken.factcheck.yaml{where}" in out and words in out


def test_bad_house_rules_named_in_tool_factcheck_are_a_usage_error(pytester):
    bad = SEEDS.parent / "tests" / "data" / "rules_bad"
    pytester.makepyprojecttoml(f'[tool.factcheck]\nrules = ["{bad.as_posix()}"]\n')
    pytester.makepyfile(test_r="def test_r(factcheck):\n    factcheck('The 17-nation group met.')\n")
    res = pytester.runpytest()
    assert res.ret != 0
    assert "factcheck rules:" in res.stdout.str() + res.stderr.str()

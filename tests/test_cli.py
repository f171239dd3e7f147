"""The command line end to end: exit codes, formats, drafts from files and stdin, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
BAD_DRAFT = "---\nsource: Our Paper\npublished: 2016-02-12\n---\n# Munich\n\nMinisters of the 20-nation Syria contact group met.\n"
GOOD_DRAFT = ("---\nsource: Our Paper\npublished: 2016-02-12\n---\n"
              "More than 260,000 people have been killed since the conflict began in 2011.\n")


def fc(*args, stdin=None, cwd=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "bad.md").write_text(BAD_DRAFT, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD_DRAFT, encoding="utf-8")
    return tmp_path


def test_report_on_the_seeds_finds_the_group_conflict_and_exits_1():
    r = fc("report", SEEDS)
    assert r.returncode == 1, r.stderr
    assert "17-nation" in r.stdout and "about 20 countries" in r.stdout and "Conflict" in r.stdout
    assert fc("report", SEEDS, "--exit-zero").returncode == 0


def test_report_is_byte_for_byte_deterministic(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    assert fc("report", SEEDS, "-o", str(a)).returncode == 1
    assert fc("report", SEEDS, "-o", str(b)).returncode == 1
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 500


def test_draft_contradicting_the_seeds_fails_pointing_at_its_line(drafts):
    r = fc("draft", str(drafts / "bad.md"), "--against", SEEDS, "--format", "line")
    assert r.returncode == 1, r.stderr
    line = r.stdout.strip().splitlines()[0]
    assert line.startswith(f"{drafts / 'bad.md'}:7:")
    assert '"17-nation"' in line and "AFP" in line and '"about 20 countries"' in line and "NPR" in line


def test_consistent_draft_passes(drafts):
    r = fc("draft", str(drafts / "good.md"), "--against", SEEDS, "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(r.stdout)
    assert not [f for f in doc["findings"] if f["severity"] == "error"]


def test_stdin_gives_the_same_findings(drafts):
    from_file = fc("draft", str(drafts / "bad.md"), "--against", SEEDS, "--format", "json")
    from_stdin = fc("draft", "-", "--stdin-filename", str(drafts / "bad.md"), "--against", SEEDS, "--format", "json",
                    stdin=BAD_DRAFT)
    assert from_stdin.returncode == from_file.returncode == 1
    msgs = lambda r: [(f["rule"], f["verdict"], f["message"]) for f in json.loads(r.stdout)["findings"]]  # noqa: E731
    assert msgs(from_stdin) == msgs(from_file)


@pytest.mark.parametrize("fmt", ["line", "github", "sarif", "json", "markdown"])
def test_every_format_carries_the_draft_conflict(drafts, fmt):
    r = fc("draft", str(drafts / "bad.md"), "--against", SEEDS, "--format", fmt)
    assert r.returncode == 1
    assert "17-nation" in r.stdout


def test_fail_on_warning_and_suppression(tmp_path):
    warn = "---\npublished: 2016-02-12\n---\nThe war in Syria has killed 250,000 people since it began.\n"
    (tmp_path / "w.md").write_text(warn, encoding="utf-8")
    assert fc("draft", str(tmp_path / "w.md"), "--against", SEEDS).returncode == 0
    r = fc("draft", str(tmp_path / "w.md"), "--against", SEEDS, "--fail-on", "warning", "--format", "json")
    assert r.returncode == 1 and json.loads(r.stdout)["findings"][0]["severity"] == "warning"
    silenced = warn.replace("began.", "began. <!-- factcheck: ignore -->")
    (tmp_path / "w.md").write_text(silenced, encoding="utf-8")
    r = fc("draft", str(tmp_path / "w.md"), "--against", SEEDS, "--fail-on", "warning", "--format", "json")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["findings"] == [] and len(doc["suppressed"]) == 1


def test_missing_archive_is_a_usage_error(drafts):
    r = fc("draft", str(drafts / "bad.md"), "--against", str(drafts / "nowhere"))
    assert r.returncode == 2 and "nowhere" in r.stderr and r.stdout == ""


def test_broken_article_is_named_and_the_rest_still_reported(tmp_path):
    for name in os.listdir(SEEDS):
        (tmp_path / name).write_bytes((Path(SEEDS) / name).read_bytes())
    (tmp_path / "zz_broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    r = fc("report", str(tmp_path), "--format", "json")
    assert r.returncode == 2
    assert "zz_broken.txt" in r.stderr
    doc = json.loads(r.stdout)
    assert len(doc["articles"]) == 5 and any(f["verdict"] == "conflict" for f in doc["findings"])
    assert doc["problems"][0]["path"].endswith("zz_broken.txt")


def test_bad_config_exits_2_with_file_and_line(tmp_path):
    (tmp_path / "factcheck.toml").write_text('format = "json"\nfail_when = "error"\n')
    r = fc("report", SEEDS, cwd=tmp_path)
    assert r.returncode == 2 and f"{tmp_path / 'factcheck.toml'}:2" in r.stderr


def test_bad_rules_exit_2_with_position(tmp_path):
    (tmp_path / "house.yaml").write_text("rules:\n  - id: x\n    subject: s\n    message: m\n    level: eror\n")
    r = fc("report", SEEDS, "--rules", str(tmp_path))
    assert r.returncode == 2 and "house.yaml:5:" in r.stderr


def test_config_archive_and_format_are_used(tmp_path):
    (tmp_path / "pyproject.toml").write_text(f'[tool.factcheck]\narchive = ["{SEEDS}"]\nformat = "line"\n')
    r = fc("report", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout.count(": error ") == 1
    assert fc("report", "--isolated", cwd=tmp_path).returncode == 2


def test_extract_formats():
    csv = fc("extract", SEEDS)
    assert csv.returncode == 0 and csv.stdout.startswith("id,article,start")
    doc = json.loads(fc("extract", SEEDS, "--format", "json").stdout)
    assert set(doc) == {"articles", "claims", "problems"}
    quarter = [c for c in doc["claims"] if c["text"] == "a quarter of a million people"][0]
    assert quarter["value"] == 250000 and quarter["kind"] == "deaths" and quarter["published"] == "2016-02-11"


def test_usage_errors_exit_2():
    assert fc("report", SEEDS, "--format", "xml").returncode == 2
    assert fc("frobnicate").returncode == 2


def test_pre_commit_style_call_checks_each_staged_draft(drafts):
    # pre-commit appends the staged files after the hook's args
    ok = fc("draft", "--against", SEEDS, "--format", "line", str(drafts / "good.md"))
    assert ok.returncode == 0 and ok.stdout == ""
    both = fc("draft", "--against", SEEDS, "--format", "line", str(drafts / "good.md"), str(drafts / "bad.md"))
    assert both.returncode == 1
    assert [line.split(":")[0] for line in both.stdout.splitlines()] == [str(drafts / "bad.md")]


def test_pre_commit_hooks_file_declares_the_hook():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "factcheck-draft")
    assert hook["language"] == "python" and set(hook["types_or"]) == {"markdown", "text"}
    assert hook["entry"] == "factcheck draft"


def test_short_draft_with_an_extra_capitalised_word_is_still_checked(tmp_path):
    (tmp_path / "intro.md").write_text("Intro.\n\nMinisters of the 20-nation Syria contact group met.\n", encoding="utf-8")
    r = fc("draft", str(tmp_path / "intro.md"), "--against", SEEDS, "--format", "line")
    assert r.returncode == 1 and ":3:" in r.stdout and "17-nation" in r.stdout

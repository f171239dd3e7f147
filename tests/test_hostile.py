"""The hostile-input table of issue 9, one test per row, end to end through the command line.

Each bad file sits beside a good article. Every test asserts the exit code, that the
message names the bad file (and line), that no traceback is printed, and that the good
article is still reported. Times are measured by benchmarks/hostile.py, not here: the
subprocess timeout only stops a hang from stalling the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = ("---\nsource: Good Paper\npublished: 2016-02-11\n---\n"
        "More than 260,000 people have been killed in Syria since the war began, the observatory said.\n")
BAD_BODY = "At least 250,000 people have been killed in Syria since the war began.\n"


def fc(*args, cwd: Path, stdin: bytes | None = None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True, cwd=cwd,
                          env=env, timeout=120)


def folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    arts = tmp_path / "arts"
    arts.mkdir(exist_ok=True)
    (arts / "good.md").write_text(GOOD, encoding="utf-8")
    for name, data in files.items():
        p = arts / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return arts


def report(arts: Path, *extra: str):
    return fc("report", str(arts), "--format", "json", "--isolated", *extra, cwd=arts.parent)


def check(r, code: int, *needles: str, good: bool = True) -> str:
    """Exit code, no traceback, every needle in stderr, the good article in the report; returns stderr."""
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert r.returncode == code, err
    for n in needles:
        assert n in err, (n, err)
    if good:
        doc = json.loads(r.stdout)
        assert "good" in [a["id"] for a in doc["articles"]], doc["articles"]
        assert any(c["article"] == "good" and c["low"] == 260000 for c in doc["claims"])
    return err


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize("value, reason", [("2024-02-30", "day is out of range"), ("2016-13-45", "month must be in"),
                                           ("2024-02-11 25:61:00", "not a real date")])
def test_impossible_date_in_front_matter(tmp_path, value, reason):
    arts = folder(tmp_path, {"bad.md": f"---\nsource: X\npublished: {value}\n---\n{BAD_BODY}"})
    check(report(arts), 2, "bad.md:3:", value, reason)


def test_impossible_date_in_sources_yaml_names_its_line(tmp_path):
    arts = folder(tmp_path, {"bad.md": BAD_BODY, "sources.yaml": "bad.md:\n  source: X\n  published: 2016-13-45\n"})
    err = check(report(arts), 2, "sources.yaml:3:", "2016-13-45", "month must be in 1..12")
    assert "bad.md" in err


def test_ambiguous_numeric_date_is_refused_without_date_order(tmp_path):
    arts = folder(tmp_path, {"bad.md": f"---\npublished: 04/03/2024\n---\n{BAD_BODY}"})
    check(report(arts), 2, "bad.md:2:", "ambiguous date", "date_order")
    r = report(arts, "--date-order", "DMY")
    check(r, 0)
    assert [a["published"] for a in json.loads(r.stdout)["articles"] if a["id"] == "bad"] == ["2024-03-04"]


# ---------------------------------------------------------------- YAML alias bombs
def _bomb(indent: str = "") -> str:
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{indent}{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_front_matter(tmp_path):
    arts = folder(tmp_path, {"bad.md": f"---\ntitle: T\n{_bomb()}---\n{BAD_BODY}"})
    check(report(arts), 2, "bad.md:", "alias bomb")


def test_alias_bomb_in_sources_yaml(tmp_path):
    arts = folder(tmp_path, {"bad.md": BAD_BODY, "sources.yaml": _bomb()})
    check(report(arts), 2, "sources.yaml:", "alias bomb")


def test_alias_bomb_in_a_rule_file(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text(_bomb(), encoding="utf-8")
    arts = folder(tmp_path, {})
    check(report(arts, "--rules", str(rules)), 2, "bomb.yaml:", "alias bomb", good=False)


# ---------------------------------------------------------------- figures
HUGE = "1" + "0" * 309


def test_figure_of_1e309_in_report_is_kept_as_text(tmp_path):
    arts = folder(tmp_path, {"bad.md": f"At least {HUGE} people have been killed in Syria.\n{BAD_BODY}"})
    r = report(arts)
    check(r, 0, "bad.md:1: warning:", "310 digits")
    assert not [c for c in json.loads(r.stdout)["claims"] if c["article"] == "bad" and c["low"] and c["low"] > 1e15]


def test_figure_of_1e309_in_a_draft(tmp_path):
    arts = folder(tmp_path, {})
    draft = tmp_path / "draft.md"
    draft.write_text(f"---\npublished: 2016-02-12\n---\nMore than {HUGE} people have been killed in Syria.\n", "utf-8")
    r = fc("draft", str(draft), "--against", str(arts), "--format", "json", "--isolated", cwd=tmp_path)
    check(r, 0, "draft.md:4: warning:", "310 digits", good=False)


def test_100000_numbers_in_one_sentence(tmp_path):
    arts = folder(tmp_path, {"bad.md": " ".join(str(i) for i in range(100_000)) + " people were counted.\n" + BAD_BODY})
    check(report(arts), 0, "bad.md:1: warning:", "more than 100 figures in one sentence")


def test_sentence_of_200000_characters_without_full_stop(tmp_path):
    words = " ".join(["the", "siege", "went", "on", "and"] * 40_000)
    arts = folder(tmp_path, {"bad.md": f"{words} 250,000 people died\n{BAD_BODY}"})
    check(report(arts), 0, "bad.md:1: warning:", "a sentence longer than 2,000 characters", "read in windows")


def test_5mb_line_without_punctuation(tmp_path):
    line = " ".join(["word"] * 1_000_000)
    arts = folder(tmp_path, {"bad.md": f"{line}\n{BAD_BODY}"})
    check(report(arts), 0, "bad.md:1: warning:", "read in windows")


# ---------------------------------------------------------------- folders and configuration
def test_folders_nested_1000_deep(tmp_path):
    arts = folder(tmp_path, {})
    deep = arts
    for _ in range(1000):
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "deep.md").write_text(BAD_BODY, encoding="utf-8")
    try:
        check(report(arts), 2, f"{arts.as_posix()}: folders nested more than 64 levels deep")
    finally:  # shutil.rmtree (pytest's clean-up) recurses once per level: take the tree down from the bottom
        (deep / "deep.md").unlink()
        while deep != arts:
            os.rmdir(deep)
            deep = deep.parent


def test_archive_of_the_whole_file_system(tmp_path):
    arts = folder(tmp_path, {})
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\narchive = ["/", "arts"]\n', encoding="utf-8")
    r = fc("report", "--format", "json", cwd=tmp_path)
    check(r, 2, "/: refusing to search the whole file system")


def test_tool_is_not_a_table_above_the_working_folder(tmp_path):
    arts = folder(tmp_path, {})
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    for command in (["report", str(arts), "--format", "json"], ["extract", str(arts), "--format", "json"]):
        r = fc(*command, cwd=sub)
        assert "Traceback" not in r.stderr.decode() and r.returncode == 0, r.stderr.decode()
    check(fc("report", str(arts), "--format", "json", cwd=sub), 0)
    r = fc("report", str(arts), "--config", str(tmp_path / "pyproject.toml"), cwd=sub)
    check(r, 2, "pyproject.toml:1: 'tool' must be a table", good=False)


@pytest.mark.parametrize("line, needle", [('archive = "/"', "'archive' must be a list"),
                                          ("date-order = 5", "'date-order' must be one of DMY, MDY, YMD"),
                                          ('rules = ["a\\u0000b"]', "'rules' must be a list"),
                                          ("fail-on = [1]", "'fail-on' must be 'error' or 'warning'")])
def test_config_type_error(tmp_path, line, needle):
    folder(tmp_path, {})
    (tmp_path / "pyproject.toml").write_text(f"[tool.factcheck]\n{line}\n", encoding="utf-8")
    check(fc("report", "arts", cwd=tmp_path), 2, "pyproject.toml:2: ", needle, good=False)


# ---------------------------------------------------------------- rules
def test_20mb_rule_file_is_refused(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    one = "  - id: r{}\n    message: m\n    level: info\n    nouns: [thing]\n"
    with open(rules / "big.yaml", "w", encoding="utf-8") as f:
        f.write("rules:\n")
        f.writelines(one.format(i) for i in range(350_000))
    assert (rules / "big.yaml").stat().st_size > 20_000_000
    check(report(folder(tmp_path, {}), "--rules", str(rules)), 2, "big.yaml:1:1:", "refused", good=False)


@pytest.mark.parametrize("when", ["value > 4000000**4000000", "value > 2 ** value", "((10**64)**64)**64 > 1"])
def test_unbounded_when_is_refused_at_load(tmp_path, when):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(f"rules:\n  - id: big\n    message: m\n    level: info\n    when: '{when}'\n", "utf-8")
    check(report(folder(tmp_path, {}), "--rules", str(rules)), 2, "r.yaml:5:", "when", good=False)


# ---------------------------------------------------------------- what used to be dropped silently
def test_unclosed_front_matter_is_warned(tmp_path):
    arts = folder(tmp_path, {"bad.md": f"---\nsource: X\n{BAD_BODY}"})
    check(report(arts), 0, "bad.md:1: warning:", "never closed")


def test_nul_byte_after_8kb_is_a_binary_file(tmp_path):
    body = (BAD_BODY * 200).encode() + b"\x00tail\n"
    assert body.index(b"\x00") > 8192
    arts = folder(tmp_path, {"bad.md": body})
    check(report(arts), 2, "bad.md:201:", "NUL")


@pytest.mark.parametrize("line", ["Subscribe to learn why 400,000 people have been killed in Syria.",
                                  "© AFP: 400,000 people have been killed in Syria."])
def test_furniture_line_with_a_figure_is_warned(tmp_path, line):
    arts = folder(tmp_path, {"bad.md": f"{BAD_BODY}{line}\n"})
    check(report(arts), 0, "bad.md:2: warning:", "page furniture", "400,000 people")


def test_empty_standard_input_to_draft(tmp_path):
    arts = folder(tmp_path, {})
    r = fc("draft", "-", "--stdin-filename", "story.md", "--against", str(arts), "--isolated", cwd=tmp_path, stdin=b"")
    check(r, 2, "story.md: empty", good=False)


def test_large_article_shows_progress(tmp_path):
    para = "The siege went on and the talks stalled again in Geneva, officials said on the day. "
    body = (para * 12 + "\n\n") * 2_200  # 2.2 MB, no figures: read to the end
    arts = folder(tmp_path, {"big.md": body})
    err = check(report(arts), 0, "factcheck: reading", "big.md", "90% read")
    assert err.count("% read") >= 5


@pytest.mark.parametrize("how", ["unreadable", "not searchable"])
def test_unreadable_subfolder_exit_code(tmp_path, monkeypatch, capsys, how):
    """Run in-process: as root no folder is unreadable, so os.scandir is made to refuse the way the OS would."""
    from factcheck.cli import main

    arts = folder(tmp_path, {"locked/x.md": BAD_BODY})
    real = os.scandir

    class Refusing:
        def __init__(self, path):
            self.entries = list(real(path))

        def __enter__(self):
            return iter([_Unstatable(e) for e in self.entries])

        def __exit__(self, *exc):
            return False

    def scandir(path):
        if str(path).endswith("locked"):
            if how == "unreadable":
                raise PermissionError(13, "Permission denied")
            return Refusing(path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["report", str(arts), "--format", "json", "--isolated"])
    out, err = capsys.readouterr()
    assert code == 2 and f"{(arts / 'locked').as_posix()}: " in err and "Traceback" not in err
    assert "good" in [a["id"] for a in json.loads(out)["articles"]]


class _Unstatable:
    """A directory entry whose type cannot be read (a folder with read but no search permission)."""

    def __init__(self, entry):
        self.name, self.path = entry.name, entry.path

    def is_dir(self, follow_symlinks=True):
        raise PermissionError(13, "Permission denied")

    is_file = is_dir

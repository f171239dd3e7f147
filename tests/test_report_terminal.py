"""In a terminal: colours only on a terminal without NO_COLOR; a progress bar on stderr for many files; `subjects`."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.terminal import PROGRESS_MIN_FILES, expand_paths, paint, wants_colour, with_progress

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color():
    assert wants_colour(_Tty(), environ={})
    assert not wants_colour(_Tty(), environ={"NO_COLOR": "1"})
    assert not wants_colour(_Tty(), environ={"TERM": "dumb"})
    assert not wants_colour(io.StringIO(), environ={})


def test_paint_colours_verdicts_and_keeps_the_text():
    text = "## Conflict: size of a group (S1)\n| x | ✗ conflict |\n- ✓ Draft line 1:1 agrees\n~ tension\n"
    painted = paint(text)
    assert "\x1b[1;31mConflict\x1b[0m" in painted and "\x1b[33m~ tension\x1b[0m" in painted and "\x1b[32m✓" in painted
    assert __import__("re").sub(r"\x1b\[[0-9;]*m", "", painted) == text


def _run_on_a_terminal(*args: str, env: dict | None = None) -> str:
    """Run factcheck with standard output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=follower, stderr=subprocess.DEVNULL,
                            cwd=ROOT, env={**os.environ, **(env or {})})
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_report_on_a_terminal_is_coloured_unless_no_color():
    env = {k: "" for k in ("NO_COLOR",)}
    coloured = _run_on_a_terminal("report", SEEDS, "--exit-zero", env={**env, "TERM": "xterm"})
    assert "\x1b[1;31mConflict\x1b[0m" in coloured
    plain = _run_on_a_terminal("report", SEEDS, "--exit-zero", env={"NO_COLOR": "1", "TERM": "xterm"})
    assert "Conflict: size of a group" in plain and "\x1b[" not in plain


def test_report_to_a_pipe_has_no_escape_codes():
    r = subprocess.run([sys.executable, "-m", "factcheck", "report", SEEDS, "--exit-zero"], capture_output=True,
                       text=True, cwd=ROOT, env={**os.environ, "NO_COLOR": ""}, timeout=120)
    assert "Conflict" in r.stdout and "\x1b[" not in r.stdout + r.stderr


def _archive(tmp_path: Path, n: int) -> Path:
    for k in range(n):
        (tmp_path / f"a{k:03}.md").write_text(f"---\nsource: Outlet {k}\npublished: 2016-02-11\n---\n"
                                              f"The war has killed {1000 + k} people.\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("9 people\n", encoding="utf-8")
    return tmp_path


def test_progress_bar_on_a_terminal_for_many_files_reads_the_same_articles(tmp_path):
    from factcheck.pipeline import extract

    folder = str(_archive(tmp_path, PROGRESS_MIN_FILES))
    stream = _Tty()
    tracked = list(with_progress([folder], stream=stream, force=True))
    assert tracked == expand_paths([folder]) and len(tracked) == PROGRESS_MIN_FILES
    assert "Reading articles" in stream.getvalue()
    by_folder, by_file = extract([folder])[0], extract(tracked)[0]
    assert [(a.id, a.path, a.source) for a in by_folder] == [(a.id, a.path, a.source) for a in by_file]


def test_no_progress_bar_when_quiet_few_files_or_not_a_terminal(tmp_path):
    folder = str(_archive(tmp_path, PROGRESS_MIN_FILES))
    assert with_progress([folder], quiet=True, stream=_Tty(), force=True) == [folder]
    assert with_progress([folder], stream=io.StringIO()) == [folder]
    assert with_progress([SEEDS], stream=_Tty(), force=True) == [SEEDS]  # five files: quick
    assert expand_paths([str(tmp_path / "empty")]) == [str(tmp_path / "empty")]  # the loader still reports it


@pytest.fixture(scope="module")
def subjects_json():
    r = subprocess.run([sys.executable, "-m", "factcheck", "subjects", SEEDS, "--format", "json"], capture_output=True,
                       text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_subjects_command_json_lists_every_subject_with_its_timeline(subjects_json):
    from factcheck.pipeline import run

    report = run([SEEDS])
    assert [s["id"] for s in subjects_json["subjects"]][:2] == ["S1", "S2"]
    assert {s["id"] for s in subjects_json["subjects"]} == {s.id for s in report.subjects}
    s1 = subjects_json["subjects"][0]
    assert s1["verdict"] == "conflict" and "disagree" in s1["summary"]
    assert [e["figure"] for e in s1["timeline"]] == ["17-nation", "about 20 countries"]
    assert all(e["mark"] == "conflict" and "seeds/0" in e["location"] for e in s1["timeline"])
    assert sum(len(e["claims"]) for s in subjects_json["subjects"] for e in s["timeline"]) == \
        sum(len(s.claims) for s in report.subjects)


def test_subjects_command_csv_and_markdown_agree_with_the_json(subjects_json):
    def fc(fmt):
        return subprocess.run([sys.executable, "-m", "factcheck", "subjects", SEEDS, "--format", fmt],
                              capture_output=True, text=True, cwd=ROOT, timeout=120).stdout

    rows = list(csv.DictReader(io.StringIO(fc("csv"))))
    assert len(rows) == sum(len(s["timeline"]) for s in subjects_json["subjects"])
    assert rows[0]["subject_id"] == "S1" and rows[0]["figure"] == "17-nation" and rows[0]["mark"] == "conflict"
    md = fc("markdown")
    for s in subjects_json["subjects"]:
        assert f"({s['id']}):" in md

"""The HTML report: self-contained, one chart per subject with two or more figures, rendered in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.html_report import chart_spec, render_html
from factcheck.timeline import timelines
from tests.test_report import copies, sample

#: Flags for a headless Chromium that may not touch the network (every host name resolves to nothing).
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=15000")


def _chromium() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium); the browser test must run in CI")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def _dump_dom(page: Path, tmp_path: Path) -> str:
    run = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_page_is_self_contained_and_deterministic():
    page = render_html(sample())
    assert page == render_html(sample())
    markup = re.sub(r"<script([^>]*)>.*?</script>", r"<script\1></script>", page, flags=re.S)  # tags, not JS text
    assert markup.count("<script") == page.count("<script") >= 2
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", markup)  # nothing loaded from anywhere
    assert "cdn." not in page and "vegaEmbed" in page and "<style>" in page
    assert '<meta name="viewport"' in page and "@media print" in page


def test_one_chart_per_subject_with_two_figures_and_links_to_the_article():
    report = sample()
    page = render_html(report)
    charted = [t.subject.id for t in timelines(report) if len(t.entries) >= 2]
    assert charted == ["S1", "S2"]
    assert re.findall(r'data-subject="(S\d+)"', page) == charted  # S3 has one figure: no chart
    assert '<a class="loc" href="news/a.txt#L3">news/a.txt:3:7</a>' in page
    assert '<tr class="mark-conflict">' in page and "✗ conflict" in page


def test_chart_spec_marks_conflicts_and_quotes_the_sentence():
    t = timelines(sample())[0]
    spec = chart_spec(t)
    rows = spec["datasets"][next(iter(spec["datasets"]))] if "datasets" in spec else spec["data"]["values"]
    assert {r["figure"] for r in rows} == {"17-nation", "about 20 countries"}
    assert {r["mark"] for r in rows} == {"conflict"} and all(r["sentence"] for r in rows)
    tooltips = {tip["field"] for layer in spec["layer"] for tip in layer["encoding"].get("tooltip", [])}
    assert {"sentence", "figure", "source", "where"} <= tooltips
    assert "$schema" not in spec


def test_script_text_cannot_close_its_tag():
    report = sample()
    report.claims[2] = type(report.claims[2])(**{**{f: getattr(report.claims[2], f) for f in report.claims[2].__slots__},
                                                 "sentence": "a </script><b>bold</b> sentence"})
    page = render_html(report)
    assert "</script><b>" not in page


def test_300_copies_stay_small_apart_from_the_library():
    from factcheck.pipeline import run

    big = copies(run(["seeds"]), 300)
    page = render_html(big)
    library = max(re.findall(r"<script>(.*?)</script>", page, flags=re.S), key=len)
    assert len(page.encode()) - len(library.encode()) < 200_000


def test_seeds_render_in_headless_chromium_without_network(tmp_path):
    from factcheck.pipeline import run

    report = run(["seeds"])
    page = tmp_path / "seeds.html"
    page.write_text(render_html(report), encoding="utf-8")
    dom = _dump_dom(page, tmp_path)
    charts = re.findall(r'<div class="chart[^"]*"[^>]*data-subject="(S\d+)"[^>]*>', dom)
    expected = [t.subject.id for t in timelines(report) if chart_spec(t) is not None]
    assert charts == expected and len(charts) >= 2
    rendered = re.findall(r'<div class="chart[^"]*"[^>]*data-rendered="yes"', dom)
    assert len(rendered) == len(charts), re.findall(r'data-error="[^"]*"', dom)
    assert dom.count("<svg") >= len(charts)
    conflict_points = re.findall(r'<g class="mark-symbol role-mark flagged_marks"[^>]*>(.*?)</g>', dom, flags=re.S)
    assert any('mark: conflict' in g and "17-nation" in g for g in conflict_points)
    assert json.loads(re.search(r'<script type="application/json" id="spec-S1">(.*?)</script>', dom, re.S).group(1))


def test_figures_two_orders_of_magnitude_apart_get_a_log_axis():
    import dataclasses

    report = sample()
    linear = chart_spec(timelines(report)[0])
    assert all(layer["encoding"]["y"].get("scale", {}).get("type") != "log" for layer in linear["layer"])
    far = [dataclasses.replace(c, value=300_000, low=300_000, high=300_000) if c.id == "b#2" else c for c in report.claims]
    spec = chart_spec(timelines(dataclasses.replace(report, claims=far))[0])
    assert any(layer["encoding"]["y"].get("scale", {}).get("type") == "log" for layer in spec["layer"])

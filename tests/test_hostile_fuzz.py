"""The fuzz targets in the normal test run: a few seconds of atheris each, and hypothesis properties.

Longer runs: ``python fuzz/run.py TARGET -max_total_time=3600`` (see fuzz/README.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fuzz"))

from targets import load_target, quantities_target, rules_target  # noqa: E402

SECONDS = int(os.environ.get("FACTCHECK_FUZZ_SECONDS", "3"))


@pytest.mark.parametrize("target", ["load", "quantities", "rules"])
def test_atheris_short_run_finds_no_crash(target, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "corpus" / target, corpus)
    r = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), target, str(corpus),
                        f"-max_total_time={SECONDS}", "-timeout=10"], capture_output=True, text=True, cwd=tmp_path,
                       timeout=SECONDS + 120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Done" in r.stderr and "runs in" in r.stderr
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*"))


_NEWS = st.sampled_from(["---\n", "published: ", "2024-02-30", "04/03/2024", "&a [*a]", "*a", "\n", " ", "people ",
                         "killed ", "1" + "0" * 20, "260,000 ", "Subscribe ", "© ", "<p>", "</p>", "<script>", "&amp;",
                         ". ", "Mr. ", "\x00", "\r", "million ", "more than ", "\u2028", "title: "])
_TEXTISH = st.one_of(st.binary(max_size=400), st.lists(_NEWS, max_size=60).map(lambda p: "".join(p).encode("utf-8")))
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_TEXTISH)
def test_loader_never_raises(data):
    load_target(data)


@_SETTINGS
@given(st.one_of(st.text(max_size=300), st.lists(_NEWS, max_size=60).map("".join)))
def test_quantity_parser_never_raises(text):
    quantities_target(text.encode("utf-8", errors="surrogatepass"))


_YAML = st.sampled_from(["rules:\n", "  - id: r\n", "    message: m\n", "    level: info\n", "    when: ", "value ** 99",
                         "&x ", "*x", "[", "]", "{", "}", "    patterns: ['(a']\n", "    extends: r\n", "2024-02-30",
                         "aliases:\n", "  a: [b]\n", "settings:\n", "  min_shared_names: x\n", "\n", ": ", "- "])


@_SETTINGS
@given(st.one_of(st.binary(max_size=300), st.lists(_YAML, max_size=40).map(lambda p: "".join(p).encode())))
def test_rule_loader_raises_only_rule_errors(data):
    rules_target(data)


@pytest.mark.parametrize("found", sorted((ROOT / "tests" / "data" / "fuzz").glob("*")), ids=lambda p: p.name)
def test_fuzz_findings_stay_fixed(found):
    """Inputs the fuzzer reported (crash or timeout), replayed through their target (the file name says which)."""
    target = {"load": load_target, "quantities": quantities_target, "rules": rules_target}[found.name.split("-")[0]]
    target(found.read_bytes())

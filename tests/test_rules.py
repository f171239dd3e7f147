"""Rule loading, validation errors with positions, and classification."""

from __future__ import annotations

import dataclasses
import importlib.resources
import shutil
import time
from pathlib import Path

import pytest

from factcheck.model import Claim
from factcheck.rules import RuleError, load_rules

BAD = Path(__file__).parent / "data" / "rules_bad"


def mk(**kw) -> Claim:
    base = dict(id="a#1", article="a", start=0, end=1, line=1, column=1, text="x", low=None, high=None,
                value=None, bound="exact", unit=None, noun="person")
    if "value" in kw and "low" not in kw and kw.get("bound", "exact") == "exact":
        kw.setdefault("low", kw["value"])
        kw.setdefault("high", kw["value"])
    base.update(kw)
    return Claim(**base)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_pack_is_shipped_as_package_data():
    names = sorted(e.name for e in importlib.resources.files("factcheck.rulepack").iterdir() if e.name.endswith(".yaml"))
    assert "casualties.yaml" in names and "syria.yaml" in names


def test_default_pack_loads_and_has_messages_and_levels(rules):
    ids = {r.id for r in rules}
    assert {"deaths", "wounded", "displaced", "fled", "refugees", "besieged", "missing", "arrested", "group_size",
            "delegates", "airstrikes", "money", "population_share", "war_duration"} <= ids
    for r in rules:
        assert r.message and r.level in ("error", "warning", "info")


@pytest.mark.parametrize("kw, kind", [
    (dict(value=500, predicate="killed"), "deaths"),
    (dict(value=500, predicate=None, context="the death toll rose to 500 on monday"), "deaths"),
    (dict(value=500, noun="syrian", predicate="killed"), "deaths"),
    (dict(value=500, noun="civilian", predicate="wounded"), "wounded"),
    (dict(value=500, predicate="displaced"), "displaced"),
    (dict(value=500, predicate="fled"), "fled"),
    (dict(value=500, predicate="under siege"), "besieged"),
    (dict(value=500, predicate="at risk of siege"), "besieged"),
    (dict(value=5, predicate="missing"), "missing"),
    (dict(value=5, predicate="arrested"), "arrested"),
    (dict(value=17, noun="nation", predicate="member", entity="ISSG"), "group_size"),
    (dict(value=100, noun="delegate", predicate="member"), "delegates"),
    (dict(value=300, noun="airstrike"), "airstrikes"),
    (dict(value=3e9, noun=None, unit="USD", dimension="currency"), "money"),
    (dict(value=50, noun=None, unit="percent", dimension="percentage", context="50 percent of the population"),
     "population_share"),
    (dict(value=4, unit="year", noun="war", event="war", dimension="duration"), "war_duration"),
    (dict(value=2011, unit="year", noun="war", event="war", dimension="date", predicate="began"), "war_duration"),
    (dict(value=2, unit="day", noun="talk", event="talks", dimension="duration"), None),
    (dict(value=7, noun="village"), None),
])
def test_classify(rules, kw, kind):
    c = rules.classify(mk(**kw))
    assert c.kind == kind


def test_classify_prefers_extracted_predicate_over_context_patterns(rules):
    c = mk(value=2e6, noun=None, predicate="displaced", context="has claimed hundreds of thousands of lives and displaced millions")
    assert rules.classify(c).kind == "displaced"


def test_classify_is_pure_and_resets_kind(rules):
    c = mk(value=7, noun="village", kind="deaths")
    out = rules.classify(c)
    assert out.kind is None and c.kind == "deaths"
    same = mk(value=5, predicate="killed")
    assert rules.classify(same) == dataclasses.replace(same, kind="deaths")


def test_classify_is_fast(rules):
    claims = [mk(id=f"a#{i}", value=i, predicate=("killed", "fled", None)[i % 3], context="some words here") for i in range(3000)]
    t = time.perf_counter()
    for c in claims:
        rules.classify(c)
    assert time.perf_counter() - t < 2.0


def test_aliases_normalise_entities(rules):
    assert rules.canonical("17-nation Syria contact group") == "ISSG"
    assert rules.canonical("International Syria Support Group") == "ISSG"
    assert rules.canonical("Arab League") == "Arab League"


# ---------------------------------------------------------------- user rules
def write(d: Path, name: str, text: str) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_rule_with_same_id_overrides(tmp_path):
    write(tmp_path, "mine.yaml", """
rules:
  - id: deaths
    message: my own deaths rule
    level: warning
    predicates: [killed]
    compare: interval
""")
    rs = load_rules([tmp_path])
    r = rs.by_id["deaths"]
    assert r.message == "my own deaths rule" and r.level == "warning" and r.compare == "interval"
    assert len([x for x in rs if x.id == "deaths"]) == 1


def test_extends_inherits_fields(tmp_path):
    write(tmp_path, "mine.yaml", """
rules:
  - id: quake_deaths
    extends: deaths
    kind: quake_deaths
    events: [earthquake]
    priority: 10
    tolerance: {exact: 0.1}
""")
    rs = load_rules([tmp_path])
    r = rs.by_id["quake_deaths"]
    base = rs.by_id["deaths"]
    assert r.message == base.message and r.level == base.level and r.compare == "cumulative"
    assert r.noun_class == base.noun_class and r.tol("exact") == 0.1
    assert rs.classify(mk(value=9, predicate="killed", event="earthquake")).kind == "quake_deaths"
    assert rs.classify(mk(value=9, predicate="killed", event="war")).kind == "deaths"


def test_extends_without_kind_keeps_the_parent_kind(tmp_path):
    write(tmp_path, "mine.yaml", "rules:\n  - id: deaths2\n    extends: deaths\n    priority: 5\n    tolerance: {exact: 0.2}\n")
    rs = load_rules([tmp_path])
    assert rs.by_id["deaths2"].kind == "deaths"
    assert rs.rule_for("deaths").id == "deaths"


def test_user_aliases_and_when(tmp_path):
    write(tmp_path, "story.yaml", """
aliases:
  NATO: [North Atlantic Treaty Organization, the alliance]
rules:
  - id: big_tolls
    message: big tolls
    level: info
    priority: 50
    predicates: [killed]
    when: "value >= 1000 and bound != 'at_most'"
""")
    rs = load_rules([tmp_path])
    assert rs.canonical("north atlantic treaty organization") == "NATO"
    assert rs.classify(mk(value=5000, predicate="killed")).kind == "big_tolls"
    assert rs.classify(mk(value=5000, bound="at_most", predicate="killed")).kind == "deaths"
    assert rs.classify(mk(value=50, predicate="killed")).kind == "deaths"
    assert rs.classify(mk(value=None, predicate="killed")).kind == "deaths"  # a failing condition is no match


def test_missing_user_dir_files_are_fine(tmp_path):
    assert len(load_rules([tmp_path])) == len(load_rules())


# ---------------------------------------------------------------- malformed rules
@pytest.mark.parametrize("name, line, col, words", [
    ("unknown_key.yaml", 7, 5, ["unknown key 'tolerence'", "expected one of:", "tolerance"]),
    ("wrong_type.yaml", 6, 15, ["priority", "integer"]),
    ("bad_enum.yaml", 5, 12, ["'fatal'", "level", "error", "warning", "info"]),
    ("bad_regex.yaml", 7, 9, ["bad regular expression", "re2"]),
    ("backreference.yaml", 6, 22, ["bad regular expression"]),
    ("bad_when.yaml", 6, 11, ["bad 'when' expression", "unknown name 'valeu'"]),
    ("when_syntax.yaml", 6, 11, ["bad 'when' expression"]),
    ("syntax.yaml", 6, 1, ["YAML syntax error"]),
    ("duplicate_id.yaml", 8, 9, ["duplicate rule id 'twice'", "first defined at"]),
    ("duplicate_key.yaml", 6, 5, ["duplicate key 'level'"]),
    ("bad_scope.yaml", 6, 20, ["'weather'", "scope"]),
    ("bad_tolerance_key.yaml", 6, 17, ["unknown key 'exactly'", "exact"]),
    ("negative_tolerance.yaml", 6, 24, ["tolerance cannot be negative"]),
    ("unknown_top.yaml", 1, 1, ["unknown key 'rule'", "expected one of: rules, aliases"]),
    ("bad_extends.yaml", 5, 14, ["'extends: nothing_like_this'", "no rule with that id"]),
    ("no_message.yaml", 3, 5, ["needs 'message'"]),
    ("zero_apart_by.yaml", 6, 15, ["apart_by", "greater than 0"]),
])
def test_malformed_rules_name_file_line_column(tmp_path, name, line, col, words):
    d = tmp_path / "r"
    d.mkdir()
    shutil.copy(BAD / name, d / name)
    with pytest.raises(RuleError) as ei:
        load_rules([d])
    msg = str(ei.value)
    assert msg.startswith(f"{d / name}:{line}:{col}: "), msg
    for w in words:
        assert w in msg, msg
    assert (ei.value.line, ei.value.column) == (line, col)


def test_every_bad_fixture_is_tested():
    tested = {"unknown_key.yaml", "wrong_type.yaml", "bad_enum.yaml", "bad_regex.yaml", "backreference.yaml",
              "bad_when.yaml", "when_syntax.yaml", "syntax.yaml", "duplicate_id.yaml", "duplicate_key.yaml",
              "bad_scope.yaml", "bad_tolerance_key.yaml", "negative_tolerance.yaml", "unknown_top.yaml",
              "bad_extends.yaml", "no_message.yaml", "zero_apart_by.yaml"}
    assert {p.name for p in BAD.glob("*.yaml")} == tested

"""Judging a block works out per-claim facts once (compare._PerClaim), sorts findings on claim ranks and pauses
the cyclic collector: none of it may change a verdict, a message or an order."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import compare
from factcheck.compare import _id_key, _pair_message, compare_claims, compare_pair, scope_reasons
from factcheck.frames import assign, subject_name
from factcheck.model import VERDICTS, Claim
from factcheck.pipeline import ArticleTable
from factcheck.rules import load_rules

RULES = load_rules([])


def _claim(i: int, article: str, value: int, bound: str, place: str | None, noun: str, day: int) -> Claim:
    lo = hi = float(value)
    if bound in ("more_than", "at_least"):
        hi = None
    elif bound == "approx":
        lo, hi = value * 0.9, value * 1.1
    return Claim(id=f"{article}#{i}", article=article, start=i, end=i + 1, line=1, column=i + 1, text=f"{value} {noun}",
                 value=float(value), low=lo, high=hi, bound=bound, unit=None, noun=noun, kind="deaths",
                 predicate="killed", place=place, event="war", published=date(2016, 1, day), source=f"Outlet {article}",
                 sentence=f"{value} {noun} were killed ({article}, {i}).")


_claims = st.lists(
    st.tuples(st.sampled_from("abcdef"), st.integers(1, 400_000),
              st.sampled_from(["exact", "approx", "more_than", "at_least"]),
              st.sampled_from([None, "Syria", "Aleppo", "Syria; Iraq"]), st.sampled_from(["people", "children"]),
              st.integers(1, 28)),
    min_size=2, max_size=14)


def _judged(claims: list[Claim]) -> tuple[list[Claim], compare._Judged]:
    live = [assign(c, RULES) for c in claims]
    group = sorted(live, key=compare.claim_sort_key)
    out = compare._Judged()
    compare._judge_block(group, RULES.rule_for("deaths"), RULES, lambda a, b: True, frozenset(), out)
    return group, out


@settings(max_examples=150, deadline=None)
@given(_claims)
def test_the_memo_answers_as_the_public_functions_do(rows):
    claims = [_claim(i, *row) for i, row in enumerate(rows)]
    group, judged = _judged(claims)
    rule = RULES.rule_for("deaths")
    by_id = {c.id: c for c in group}
    for a, b, verdict in judged.compared:
        assert scope_reasons(a, b, rule, RULES) == []
        assert compare_pair(a, b, rule)[0] == verdict
    for verdict, _, subject, ids, message, _ in judged.raw:
        a, b = (by_id[x] for x in ids)
        assert subject == subject_name(rule, (a, b))
        assert message == _pair_message(a, b, rule, verdict, compare_pair(a, b, rule)[1])
    for (_, reasons), g in judged.scope_groups.items():
        for a, b in g["pairs"]:
            expected = scope_reasons(a, b, rule, RULES)
            # a block adds its own reasons to a pair's frame: a part its article gives beside a total, or two
            # figures too far apart to count one thing (compare.own_parts, compare._far_apart)
            assert list(reasons) == expected or (not expected and len(reasons) == 1 and (
                "its own article gives" in reasons[0] or "times the other" in reasons[0]
                or "in different words" in reasons[0])), (reasons, expected)


@settings(max_examples=60, deadline=None)
@given(_claims)
def test_findings_keep_the_order_of_their_claim_id_keys(rows):
    claims = [_claim(i, *row) for i, row in enumerate(rows)]
    table = ArticleTable([(a, f"{a}.md", f"Outlet {a}", None, None, ("Syria",), False) for a in "abcdef"])
    findings = compare_claims(claims, RULES, table)
    order = {v: i for i, v in enumerate(VERDICTS)}
    old_key = [(order[f.verdict], f.subject, f.rule, [_id_key(x) for x in f.claims], f.message) for f in findings]
    assert old_key == sorted(old_key)
    assert [f.id for f in findings] == [f"F{n}" for n in range(1, len(findings) + 1)]


def test_the_collector_is_left_as_it_was(monkeypatch):
    claims = [_claim(0, "a", 5, "exact", "Syria", "people", 1), _claim(1, "b", 900, "exact", "Syria", "people", 2)]
    assert gc.isenabled()
    assert compare_claims(claims, RULES)
    assert gc.isenabled()
    gc.disable()
    try:
        compare_claims(claims, RULES)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def boom(*a):
        assert not gc.isenabled()  # paused while judging
        raise RuntimeError("boom")

    monkeypatch.setattr(compare, "_compare_claims", boom)
    with pytest.raises(RuntimeError):
        compare_claims(claims, RULES)
    assert gc.isenabled()

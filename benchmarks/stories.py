"""Verdicts on real multi-outlet stories, scored against hand-made gold (benchmarks/stories/).

Each story folder holds articles (Markdown with front matter) and ``gold.yaml``: every
figure about the story (exact quote, measure, scope, interval, as of) and the pairs that
matter with their verdicts. The checker runs over each story alone and over all stories
together; a finding's claims are joined to gold claims by their place in the text.

Printed per story and in total:
- conflict recall: gold conflict pairs joined by a conflict or tension finding;
- flag precision: conflict/tension findings that join a gold conflict pair, over all
  conflict/tension findings (every claim is a gold claim or one the gold leaves out);
- false alarms: gold compatible/different_scope pairs joined by a conflict or tension;
- flags across stories: conflict/tension findings joining two stories in the run of all.

Run: ``python benchmarks/stories.py [--split dev|heldout|all] [--show] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent / "stories"
FLAGS = ("conflict", "tension")


@dataclass
class Story:
    name: str
    split: str
    folder: Path
    gold: dict
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # article file -> (start, end, gold id)


def _body_start(text: str) -> int:
    """Offset just past the YAML front matter (quotes are looked up in the body, not the title)."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            return end + 4
    return 0


def _span(text: str, quote: str, near: str | None) -> tuple[int, int] | None:
    body = _body_start(text)
    if near:
        at = text.find(near, body)
        at = at if at >= 0 else text.find(near)
        if at < 0:
            return None
        inner = text.find(quote, at, at + len(near))
        return (inner, inner + len(quote)) if inner >= 0 else None
    at = text.find(quote, body)
    if at < 0:
        at = text.find(quote)  # a headline figure (the front matter's title)
    return (at, at + len(quote)) if at >= 0 else None


def load_story(folder: Path) -> Story:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    story = Story(folder.name, gold.get("split", folder.parent.name), folder, gold)
    for g in gold.get("claims") or []:
        text = (folder / g["article"]).read_text(encoding="utf-8")
        span = _span(text, str(g["quote"]), g.get("near"))
        if span is None:
            print(f"warning: {folder.name}/{g['article']}: quote {g['quote']!r} not found", file=sys.stderr)
            continue
        story.spans.setdefault(g["article"], []).append((span[0], span[1], g["id"]))
    return story


def stories(split: str) -> list[Story]:
    splits = ("dev", "heldout") if split == "all" else (split,)
    out = []
    for s in splits:
        base = ROOT / s
        if base.is_dir():
            out += [load_story(d) for d in sorted(base.iterdir()) if (d / "gold.yaml").is_file()]
    return out


def run_checker(paths: list[Path]):
    from factcheck import compare
    from factcheck.pipeline import run

    compare.TRACE = {}  # what the judge made of every pair it met, for the missed pairs' notes
    return run([str(p) for p in paths])


def join(report, story_of_article: dict[str, Story]) -> dict[str, tuple[str, str | None]]:
    """Claim id -> (story name, gold id or None): each claim joined to the gold claim its text overlaps."""
    out: dict[str, tuple[str, str | None]] = {}
    path_of = {a.id: Path(a.path) for a in report.articles}
    for c in report.claims:
        path = path_of.get(c.article)
        story = story_of_article.get(c.article)
        if path is None or story is None:
            continue
        gold_id = None
        for s, e, gid in story.spans.get(path.name, ()):
            if c.start < e and s < c.end:
                gold_id = gid
                break
        out[c.id] = (story.name, gold_id)
    return out


def gold_sets(report, joined: dict) -> dict[str, frozenset[str]]:
    """Claim id -> the gold ids it stands for: its own, and those of its repeats (a headline repeating the lead)."""
    out: dict[str, set[str]] = {cid: {g} if g else set() for cid, (_, g) in joined.items()}
    for c in report.claims:
        if c.duplicate_of and c.duplicate_of in out and joined.get(c.id, (None, None))[1]:
            out[c.duplicate_of].add(joined[c.id][1])
    return {k: frozenset(v) for k, v in out.items()}


def _pairs(story: Story, verdicts: tuple[str, ...]) -> set[frozenset[str]]:
    return {frozenset((p["a"], p["b"])) for p in story.gold.get("pairs") or [] if p["verdict"] in verdicts}


def score(report, group: list[Story]) -> dict:
    """Per story and total: recall, precision, false alarms, flags across stories."""
    story_of_article: dict[str, Story] = {}
    for a in report.articles:
        for s in group:
            if Path(a.path).resolve().parent == s.folder.resolve():
                story_of_article[a.id] = s
    joined = join(report, story_of_article)
    claims = {c.id: c for c in report.claims}
    gsets = gold_sets(report, joined)
    per: dict[str, dict] = defaultdict(lambda: {"flags": 0, "true_flags": 0, "false": [], "hit": set()})
    given = _findings_by_pair(report)
    across = 0
    for f in report.findings:
        if f.verdict not in FLAGS:
            continue
        ends = [joined.get(cid, ("?", None)) for cid in f.claims]
        names = {n for n, _ in ends}
        if len(names) > 1:
            across += 1
            if os.environ.get("STORIES_SHOW_ACROSS"):
                print("ACROSS", sorted(names), f.message[:300], file=sys.stderr)
            continue
        name = names.pop()
        rec = per[name]
        rec["flags"] += 1
        story = next(s for s in group if s.name == name)
        ids = frozenset(g for _, g in ends if g)
        sets = [gsets.get(cid, frozenset()) for cid in f.claims]
        hits = {frozenset((x, y)) for x in sets[0] for y in sets[-1] if x != y} & _pairs(story, ("conflict",))
        if len(f.claims) == 2 and hits:
            rec["true_flags"] += 1
            rec["hit"].update(hits)
        else:
            rec["false"].append((f, ids))
    rows = {}
    for s in group:
        rec = per[s.name]
        gold_conflicts = _pairs(s, ("conflict",))
        others = _pairs(s, ("compatible", "different_scope"))
        false_alarms = {ids for _, ids in rec["false"] if ids in others}
        rows[s.name] = {"gold_conflicts": len(gold_conflicts), "found": len(rec["hit"]), "flags": rec["flags"],
                        "true_flags": rec["true_flags"], "other_pairs": len(others), "false_alarms": len(false_alarms),
                        "missed": sorted(sorted(p) for p in gold_conflicts - rec["hit"]),
                        "why_missed": {" ".join(sorted(p)): _why(p, joined, claims) + _given(p, joined, given)
                                       for p in sorted(gold_conflicts - rec["hit"], key=sorted)},  # same bytes each run
                        "false_flags": [(f.message, sorted(ids)) for f, ids in rec["false"]]}
    return {"stories": rows, "across": across}


def _why(pair, joined: dict, claims: dict) -> str:
    """What the checker made of each side of a missed pair (for --show)."""
    out = []
    for gid in sorted(pair):
        mine = [claims[cid] for cid, (_, g) in joined.items() if g == gid]
        if not mine:
            out.append(f"{gid}: not extracted")
            continue
        c = mine[0]
        out.append(f"{gid}: {c.text!r} kind={c.kind} pop={getattr(c, 'population', None)} place={c.place} event={c.event} "
                   f"as_of={c.as_of} dup={bool(c.duplicate_of)} mod={c.modality} rev={getattr(c, 'revision', None)}"
                   + (f" ctx=[{c.context}]" if c.kind is None else ""))
    return " || ".join(out) + _verdict_note(pair, joined, claims)


def _findings_by_pair(report) -> dict[frozenset[str], tuple[str, str]]:
    """Claim-id pair -> (verdict, note) of what the judge made of it, for --show."""
    from factcheck import compare

    return {k: (v.split(":")[0], v) for k, v in (compare.TRACE or {}).items()}


def _given(pair, joined: dict, given: dict) -> str:
    """The verdict the checker actually gave a missed pair (any claims standing for its two sides)."""
    sides = [[cid for cid, (_, g) in joined.items() if g == gid] for gid in sorted(pair)]
    for a in sides[0]:
        for b in sides[-1]:
            if frozenset((a, b)) in given:
                verdict, message = given[frozenset((a, b))]
                return f" => judged {message[:160]}"
    return " => never paired"


def _verdict_note(pair, joined: dict, claims: dict) -> str:
    """Why the checker did not flag a pair whose two sides it did read with one kind."""
    from factcheck.compare import compare_pair, scope_reasons
    from factcheck.rules import load_rules

    sides = [[claims[cid] for cid, (_, g) in joined.items() if g == gid] for gid in sorted(pair)]
    if not all(sides) or sides[0][0].kind is None or sides[0][0].kind != sides[1][0].kind:
        return ""
    rules = _RULES.setdefault("r", load_rules())
    a, b = sides[0][0], sides[1][0]
    rule = rules.rule_for(a.kind)
    return f" => scope={scope_reasons(a, b, rule, rules)} verdict={compare_pair(a, b, rule)[0]}"


_RULES: dict = {}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def totals(rows: dict) -> dict:
    t = {k: sum(r[k] for r in rows.values()) for k in ("gold_conflicts", "found", "flags", "true_flags", "other_pairs",
                                                       "false_alarms")}
    t["recall"] = _ratio(t["found"], t["gold_conflicts"])
    t["precision"] = _ratio(t["true_flags"], t["flags"])
    t["false_alarm_rate"] = _ratio(t["false_alarms"], t["other_pairs"])
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("--show", action="store_true", help="print misses and false flags")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    group = stories(args.split)
    if not group:
        print(f"no stories under {ROOT}/{args.split}", file=sys.stderr)
        return 2
    alone: dict[str, dict] = {}
    for s in group:
        alone.update(score(run_checker([s.folder]), [s])["stories"])
    together = score(run_checker([s.folder for s in group]), group)
    result = {"split": args.split, "alone": alone, "alone_total": totals(alone),
              "together_total": totals(together["stories"]), "flags_across_stories": together["across"]}
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return 0
    _print(result, args.show)
    return 0


def _print(result: dict, show: bool) -> None:
    print(f"{'story':45} {'recall':>12} {'precision':>12} {'false alarms':>14}")
    for name, r in result["alone"].items():
        rec = f"{r['found']}/{r['gold_conflicts']}"
        pre = f"{r['true_flags']}/{r['flags']}"
        fa = f"{r['false_alarms']}/{r['other_pairs']}"
        print(f"{name:45} {rec:>12} {pre:>12} {fa:>14}")
        if show:
            for p, why in r["why_missed"].items():
                print(f"    MISSED {p}: {why}")
            for msg, ids in r["false_flags"]:
                print(f"    FALSE {ids} {msg[:300]}")
    for label in ("alone_total", "together_total"):
        t = result[label]
        print(f"{label:45} recall {t['recall']}  precision {t['precision']}  "
              f"false alarms {t['false_alarms']}/{t['other_pairs']} ({t['false_alarm_rate']})")
    print(f"flags across stories (all together): {result['flags_across_stories']}")


if __name__ == "__main__":
    sys.exit(main())

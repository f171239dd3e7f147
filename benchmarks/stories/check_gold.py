"""Check the hand-made gold files of the real-story corpus against their articles.

Every claim's `quote` (or `near`, when given, which must contain `quote`) must occur exactly
once in its article's title plus body (the other front-matter fields are not searched); every pair must name existing claims; fields must have the allowed
forms. Run: python benchmarks/stories/check_gold.py [story_dir ...] (default: all stories).
Exit code 1 and one line per problem when anything is wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

MEASURES = {"killed", "injured", "missing", "rescued", "survivors", "on_board", "displaced",
            "evacuated", "arrested", "homes_destroyed", "affected", "money", "duration",
            "distance", "magnitude", "group_size", "share"}
BOUNDS = {"exact", "more_than", "at_least", "less_than", "at_most", "approx", "range"}
VERDICTS = {"conflict", "compatible", "different_scope"}


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path}: no front matter")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    for key in ("source", "published", "url", "title"):
        if not meta.get(key):
            raise ValueError(f"{path}: front matter lacks {key}")
    return f"{meta['title']}\n{body}"


def check_claim(story: Path, claim: dict, problems: list[str]) -> None:
    where = f"{story.name}:{claim.get('id')}"
    article = story / str(claim.get("article"))
    if not article.is_file():
        problems.append(f"{where}: no article {article.name}")
        return
    text = body_of(article)
    quote, near = claim["quote"], claim.get("near")
    if near is not None and quote not in near:
        problems.append(f"{where}: quote {quote!r} not inside near {near!r}")
    probe = near if near is not None else quote
    if text.count(probe) != 1:
        problems.append(f"{where}: {probe!r} occurs {text.count(probe)} times in {article.name}")
    measure = str(claim.get("measure"))
    if measure not in MEASURES and not measure.startswith("other:"):
        problems.append(f"{where}: measure {measure!r}")
    if claim.get("bound") not in BOUNDS:
        problems.append(f"{where}: bound {claim.get('bound')!r}")
    low, high = claim["interval"]
    if low is not None and high is not None and low > high:
        problems.append(f"{where}: interval {low} > {high}")
    if claim.get("update") not in (None, "earlier"):
        problems.append(f"{where}: update {claim.get('update')!r}")


def check_story(story: Path) -> list[str]:
    problems: list[str] = []
    gold = yaml.safe_load((story / "gold.yaml").read_text(encoding="utf-8"))
    ids = [c["id"] for c in gold["claims"]]
    if len(ids) != len(set(ids)):
        problems.append(f"{story.name}: duplicate claim ids")
    for claim in gold["claims"]:
        check_claim(story, claim, problems)
        if claim.get("part_of") is not None and claim["part_of"] not in ids:
            problems.append(f"{story.name}:{claim['id']}: part_of {claim['part_of']} unknown")
    seen = set()
    for pair in gold["pairs"]:
        key = frozenset((pair["a"], pair["b"]))
        if pair["a"] not in ids or pair["b"] not in ids or pair["a"] == pair["b"]:
            problems.append(f"{story.name}: bad pair {pair}")
        if key in seen:
            problems.append(f"{story.name}: pair listed twice {pair}")
        seen.add(key)
        if pair["verdict"] not in VERDICTS:
            problems.append(f"{story.name}: verdict {pair['verdict']!r}")
    articles = sorted(p.name for p in story.glob("[0-9][0-9]_*.md"))
    used = {c["article"] for c in gold["claims"]}
    for name in articles:
        if name not in used:
            problems.append(f"{story.name}: article {name} has no claims")
    return problems


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent
    stories = [Path(a) for a in argv] or sorted(p.parent for p in root.glob("*/*/gold.yaml"))
    problems = [p for s in stories for p in check_story(s)]
    for line in problems:
        print(line)
    print(f"{len(stories)} stories, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

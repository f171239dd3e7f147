"""Accuracy of factcheck.extract_quantities and quantulum3 on the annotated news corpus.

    python benchmarks/accuracy.py            # Markdown table
    python benchmarks/accuracy.py --json     # the same figures as JSON
    python benchmarks/accuracy.py --misses factcheck   # per-sentence misses of one system
    python benchmarks/accuracy.py --corpus PATH.yaml   # only this corpus (repeatable)

Corpora: tests/data/news_quantities.yaml (written for the project) and, when present,
tests/data/news_quantities_real.yaml (real sentences, each with a `section`). Figures are given
for each corpus as a whole and per category (the item's `section`, else the corpus heading).

Scoring is the one in tests/test_quantities_corpus.py (CQE/NewsQuant style: value F1,
value+unit F1, value+bound F1 (same bound, and a range's high end), bound accuracy on
value-matched quantities).

quantulum3 adapter: value = its value; a range ("between 10 and 20", which quantulum3 gives
as the mean with an uncertainty) becomes low = value - uncertainty, high = value + uncertainty,
bound "range"; everything else is "exact" (quantulum3 has no bounds). Its unit is unit.name
(the entity name when the unit is unnamed), with 'dimensionless' as no unit (so counted nouns
never match), currencies mapped to ISO codes and 'percentage' to 'percent'.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_scoring():
    spec = importlib.util.spec_from_file_location("corpus_scoring", ROOT / "tests" / "test_quantities_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_scoring"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


S = load_scoring()

QUANTULUM_UNITS = {
    "dimensionless": None, "unk": None, "percentage": "percent", "dollar": "USD", "united states dollar": "USD",
    "euro": "EUR", "pound sterling": "GBP", "hong kong dollar": "HKD", "japanese yen": "JPY",
    "tonne": "metric ton", "degree celsius": "degree Celsius", "degree fahrenheit": "degree Fahrenheit",
}


def quantulum_extract(text: str):
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        name = q.unit.name if q.unit.name else q.unit.entity.name
        unit = QUANTULUM_UNITS.get(str(name).lower(), name)
        start, end = q.span
        value, low, high, bound = q.value, q.value, q.value, "exact"
        if q.uncertainty:
            low, high, bound = q.value - q.uncertainty, q.value + q.uncertainty, "range"
            value = low
        out.append(S.Pred(start, end, q.surface, value, low, high, bound, unit, None))
    return out


SYSTEMS = {"factcheck": S.factcheck_extract, "quantulum3": quantulum_extract}


DEFAULT_CORPORA = [ROOT / "tests" / "data" / "news_quantities.yaml", ROOT / "tests" / "data" / "news_quantities_real.yaml"]


def run(items, systems=SYSTEMS):
    """{system: (summary, Scores)} on items, timed after a warm-up call."""
    results = {}
    for name, fn in systems.items():
        for warm in (items[0].text, "The bridge spans 1.6 km and cost $3.5 billion."):
            fn(warm)  # warm up: quantulum3 loads its classifier; factcheck imports quantulum3/pint lazily
        t0 = time.perf_counter()
        scores = S.score(items, fn)
        summary = scores.summary()
        summary["seconds"] = time.perf_counter() - t0
        results[name] = (summary, scores)
    return results


def per_category(items, systems=SYSTEMS) -> dict:
    """{category: {system: summary}}, categories in corpus order."""
    out = {}
    for category in dict.fromkeys(i.category for i in items):
        subset = [i for i in items if i.category == category]
        out[category] = {name: S.score(subset, fn).summary() for name, fn in systems.items()}
    return out


def table(rows_by_label: dict) -> str:
    from tabulate import tabulate

    rows = []
    for label, by_system in rows_by_label.items():
        for name, s in by_system.items():
            rows.append([label, name, s["gold"], s["predicted"], f"{s['value_F1']:.3f}", f"{s['value_unit_F1']:.3f}",
                         f"{s['value_bound_F1']:.3f}", f"{s['value_P']:.3f}", f"{s['value_R']:.3f}",
                         f"{s['bound_accuracy']:.3f}", s["negatives_clean"]])
    return tabulate(rows, headers=["category", "system", "gold", "predicted", "value F1", "v+unit F1", "v+bound F1",
                                   "value P", "value R", "bound acc", "negatives clean"], tablefmt="github")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown tables")
    ap.add_argument("--corpus", action="append", type=Path, help="corpus YAML (default: both project corpora)")
    ap.add_argument("--misses", choices=sorted(SYSTEMS), help="also print the per-sentence misses of this system")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    corpora = args.corpus or [p for p in DEFAULT_CORPORA if p.exists()]
    report = {}
    for path in corpora:
        items = S.load_corpus(path)
        results = run(items)
        report[path.name] = {"sentences": len(items), "overall": {k: v[0] for k, v in results.items()},
                             "categories": per_category(items)}
        if not args.json:
            print(f"## {path.name}: {len(items)} sentences, {results['factcheck'][0]['gold']} gold quantities\n")
            print(table({"ALL": report[path.name]["overall"], **report[path.name]["categories"]}))
            print("\n" + " ".join(f"{k}: {v[0]['seconds']:.2f} s" for k, v in results.items()) + "\n")
        if args.misses:
            print(f"### misses of {args.misses} on {path.name}\n")
            print("\n\n".join(results[args.misses][1].misses) + "\n")
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

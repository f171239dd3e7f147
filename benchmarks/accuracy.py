"""Accuracy of factcheck.extract_quantities and quantulum3 on the annotated news corpus.

    python benchmarks/accuracy.py            # Markdown table
    python benchmarks/accuracy.py --json     # the same figures as JSON
    python benchmarks/accuracy.py --misses factcheck   # per-sentence misses of one system

Scoring is the one in tests/test_quantities_corpus.py (CQE/NewsQuant style: value F1,
value+unit F1, bound accuracy on value-matched quantities).

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


def run(systems=SYSTEMS):
    items = S.load_corpus()
    results = {}
    for name, fn in systems.items():
        for warm in (items[0].text, "The bridge spans 1.6 km and cost $3.5 billion."):
            fn(warm)  # warm up: quantulum3 loads its classifier; factcheck imports quantulum3/pint lazily
        t0 = time.perf_counter()
        scores = S.score(items, fn)
        summary = scores.summary()
        summary["seconds"] = time.perf_counter() - t0
        results[name] = (summary, scores)
    return items, results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    ap.add_argument("--misses", choices=sorted(SYSTEMS), help="also print the per-sentence misses of this system")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    items, results = run()
    if args.json:
        print(json.dumps({"sentences": len(items), **{k: v[0] for k, v in results.items()}}, indent=2))
    else:
        from tabulate import tabulate

        rows = []
        for name, (s, _) in results.items():
            rows.append([name, f"{s['value_P']:.3f}", f"{s['value_R']:.3f}", f"{s['value_F1']:.3f}",
                         f"{s['value_unit_P']:.3f}", f"{s['value_unit_R']:.3f}", f"{s['value_unit_F1']:.3f}",
                         f"{s['bound_accuracy']:.3f}", f"{s['range_high_accuracy']:.3f}", s["negatives_clean"],
                         s["predicted"], f"{s['seconds']:.2f}"])
        print(f"News quantity corpus: {len(items)} sentences, {results['factcheck'][0]['gold']} gold quantities\n")
        print(tabulate(rows, headers=["system", "value P", "value R", "value F1", "v+unit P", "v+unit R",
                                      "v+unit F1", "bound acc", "range high acc", "negatives clean",
                                      "predicted", "time s"], tablefmt="github"))
    if args.misses:
        print("\n\n".join(results[args.misses][1].misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

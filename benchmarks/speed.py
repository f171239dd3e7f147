"""Throughput of factcheck.extract_quantities against quantulum3.parser.parse, same texts, same run.

    python benchmarks/speed.py                 # Markdown tables
    python benchmarks/speed.py --json          # JSON
    python benchmarks/speed.py --size 50000    # smaller generated corpus (bytes), for a quick look
    SPEED_SENTENCES=more.yaml python benchmarks/speed.py   # add an annotated corpus to the sentences

Corpora: (a) the seed articles in seeds/*.txt, one call per article; (b) a generated corpus of
about 200 KB (seeded, so identical from run to run) made by shuffling and recombining seed
sentences with templated news sentences full of figures, cut into ~6 KB "articles", one call each;
(c) "sentences": every sentence of the annotated corpora (tests/data/news_quantities*.yaml), one
call per sentence, the per-sentence figure the issue asks for.

Each system runs in its own subprocess (so neither pays for the other's imports): one warm-up
call, then the best of --repeat timed passes, then one more pass under tracemalloc for the peak
Python allocation; ru_maxrss is the subprocess's peak resident set. Import time is the wall time of
`python -c "import factcheck; factcheck.extract_quantities('x')"` (and the quantulum3 equivalent),
best of 5, with bare interpreter start-up shown for reference. `factcheck --help` is timed the
same way when the console script exists.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PY = sys.executable

#: a unit outside factcheck's table, so that its lazy quantulum3 path is loaded before timing
WARM_UP = "The reservoir holds 40 cubic leagues of water and the bridge spans 1.6 km."

IMPORT_SNIPPETS = {
    "python": "pass",
    "factcheck": "import factcheck; factcheck.extract_quantities('x')",
    "quantulum3": "from quantulum3 import parser; parser.parse('x')",
}


# ---------------------------------------------------------------- corpora
def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n+")

_TEMPLATES = [
    "{q} {n} {people} were killed in {place} on {day}, {source} said.",
    "The {org} said {q} {n} {people} had fled {place} since {month} {dd}.",
    "Officials in {place} put the death toll at {n}, up from {n2} a day earlier.",
    "The economy grew {pct}% in the {ord} quarter, while inflation eased to {pct2} percent.",
    "The company reported revenue of ${money} billion, {q} {pct} percent more than a year ago.",
    "Donors pledged {money} million euros to help {n} {people} in {place}.",
    "The {k}-nation group will meet in {place} for {k2}-day talks on {day}.",
    "A magnitude {mag} earthquake struck {km} km north of {place} at {hh}:{mm} local time.",
    "Winds of up to {mph} mph and {mm} mm of rain hit {place}.",
    "Between {n} and {n2} {people} gathered in {place}, police said.",
    "{vague} of {people} marched through {place} on {day}.",
    "The {yy}-year-old war has killed {q} {n} {people}, according to {source}.",
    "Turnout was {pct}%, and the ruling party won {seats} of {seats2} seats.",
    "{team} beat {team2} {g}-{g2} on {day} in front of {n} fans.",
    "The ship carried {n} tonnes of grain and {n2} passengers.",
    "In {year}, {q} {n} {people} were displaced, the {org} said.",
    "Half a million {people} need aid, and a quarter of a million are cut off, the {org} said.",
]
_FILL = {
    "q": ["more than", "at least", "about", "nearly", "some", "up to", "fewer than", "an estimated", "", "", ""],
    "people": ["people", "civilians", "refugees", "children", "soldiers", "fighters", "migrants", "residents"],
    "place": ["Aleppo", "Homs", "Idlib", "Mosul", "Kabul", "Gaza", "Donetsk", "Khartoum", "Tigray", "Darfur"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "source": ["the UN", "a monitoring group", "state media", "the health ministry", "activists"],
    "org": ["UN refugee agency", "World Food Programme", "Red Cross", "interior ministry", "IMF"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August"],
    "vague": ["Dozens", "Hundreds", "Thousands", "Tens of thousands", "Hundreds of thousands"],
    "team": ["Arsenal", "Chelsea", "Liverpool", "Barcelona", "Juventus", "Bayern"],
    "ord": ["first", "second", "third", "fourth"],
}


def _fill(rng: random.Random, template: str) -> str:
    def pick(name: str) -> str:
        base = name.rstrip("0123456789") or name
        if base in _FILL:
            return rng.choice(_FILL[base])
        return {
            "n": lambda: rng.choice([f"{rng.randint(2, 999)}", f"{rng.randint(1000, 999_999):,}",
                                     f"{rng.randint(1, 99) / 10:g} million", f"{rng.randint(1000, 99_999)}"]),
            "pct": lambda: f"{rng.randint(1, 999) / 10:g}",
            "money": lambda: f"{rng.randint(1, 500) / 10:g}",
            "k": lambda: str(rng.randint(2, 40)),
            "mag": lambda: f"{rng.randint(40, 89) / 10:g}",
            "km": lambda: str(rng.randint(5, 300)),
            "mph": lambda: str(rng.randint(40, 180)),
            "mm": lambda: f"{rng.randint(0, 59):02d}",
            "hh": lambda: str(rng.randint(0, 23)),
            "dd": lambda: str(rng.randint(1, 28)),
            "yy": lambda: str(rng.randint(2, 12)),
            "year": lambda: str(rng.randint(1990, 2024)),
            "seats": lambda: str(rng.randint(50, 450)),
            "g": lambda: str(rng.randint(0, 5)),
        }[base]()

    text = re.sub(r"\{(\w+)\}", lambda m: pick(m.group(1)), template)
    return re.sub(r"\s+", " ", text).strip()


def generated_texts(size: int = 200_000, seed: int = 20240611, article_size: int = 6_000) -> list[str]:
    rng = random.Random(seed)
    sentences = [s.strip() for t in seed_texts() for s in _SENT.split(t) if len(s.strip()) > 20]
    articles, current, total = [], [], 0
    while total < size:
        if rng.random() < 0.5 and sentences:
            a, b = rng.choice(sentences), rng.choice(sentences)
            s = a if rng.random() < 0.7 else a.rstrip(".") + ", and " + b[:1].lower() + b[1:]
        else:
            s = _fill(rng, rng.choice(_TEMPLATES))
        current.append(s)
        total += len(s) + 1
        if sum(len(x) + 1 for x in current) >= article_size:
            articles.append(" ".join(current) if rng.random() < 0.5 else "\n\n".join(current))
            current = []
    if current:
        articles.append(" ".join(current))
    return articles


def sentence_texts() -> list[str]:
    import yaml

    out = []
    extra = [Path(p) for p in os.environ.get("SPEED_SENTENCES", "").split(os.pathsep) if p]
    for path in sorted((ROOT / "tests" / "data").glob("news_quantities*.yaml")) + extra:
        out += [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]]
    return out


def corpus_texts(corpus: str, size: int) -> list[str]:
    return {"seeds": seed_texts, "sentences": sentence_texts}.get(corpus, lambda: generated_texts(size))()


# ---------------------------------------------------------------- worker (one system, one corpus)
def _parser(system: str):
    if system == "factcheck":
        from factcheck import extract_quantities

        return extract_quantities
    from quantulum3 import parser

    return parser.parse


def worker(system: str, corpus: str, size: int, repeat: int) -> dict:
    import tracemalloc
    import warnings

    warnings.filterwarnings("ignore")
    texts = corpus_texts(corpus, size)
    parse = _parser(system)
    t0 = time.perf_counter()
    parse(texts[0])  # warm-up: lazy imports, classifier load, caches
    first_call = time.perf_counter() - t0
    parse(WARM_UP)  # both warm: factcheck's rare quantulum3 path loaded too
    best, found = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = sum(len(parse(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    for t in texts:
        parse(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    chars = sum(len(t) for t in texts)
    return {"system": system, "corpus": corpus, "texts": len(texts), "chars": chars, "quantities": found,
            "first_call_s": first_call, "total_s": best, "per_call_ms": best / len(texts) * 1000,
            "chars_per_s": chars / best if best else float("inf"),
            "tracemalloc_peak_mb": peak / 2**20,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_worker(system: str, corpus: str, size: int, repeat: int) -> dict:
    out = subprocess.run([PY, __file__, "--worker", system, "--corpus", corpus, "--size", str(size),
                          "--repeat", str(repeat)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        return {"system": system, "corpus": corpus, "error": (out.stderr or out.stdout).strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- start-up times
def best_wall(cmd: list[str], n: int = 5) -> float | None:
    best = None
    for _ in range(n):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        dt = time.perf_counter() - t0
        if r.returncode != 0:
            return None
        best = dt if best is None else min(best, dt)
    return best


def startup_times() -> dict:
    out = {f"import_{k}_s": best_wall([PY, "-W", "ignore", "-c", v]) for k, v in IMPORT_SNIPPETS.items()}
    script = Path(PY).parent / "factcheck"
    cli = str(script) if script.exists() else shutil.which("factcheck")
    out["factcheck_help_s"] = best_wall([cli, "--help"]) if cli else None
    if out["factcheck_help_s"] is None:  # console script missing or failing: try the module
        out["factcheck_help_module_s"] = best_wall([PY, "-m", "factcheck.cli", "--help"])
    return out


# ---------------------------------------------------------------- report
def _f(x, fmt="{:.3f}"):
    return "n/a" if x is None else fmt.format(x)


def markdown(results: dict) -> str:
    lines = ["## Start-up (wall time, best of 5)", "", "| what | seconds |", "|---|---|"]
    for k, v in results["startup"].items():
        lines.append(f"| {k.removesuffix('_s').replace('_', ' ')} | {_f(v)} |")
    lines += ["", "## Throughput (warm, best of repeats)", "",
              "| corpus | system | texts | chars | quantities | first call s | total s | per call ms | chars/s "
              "| tracemalloc peak MB | max RSS MB |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results["runs"]:
        if "error" in r:
            lines.append(f"| {r['corpus']} | {r['system']} | error: {' '.join(r['error'])} |||||||||")
            continue
        lines.append(f"| {r['corpus']} | {r['system']} | {r['texts']} | {r['chars']:,} | {r['quantities']} | "
                     f"{r['first_call_s']:.3f} | {r['total_s']:.3f} | {r['per_call_ms']:.1f} | "
                     f"{r['chars_per_s']:,.0f} | {r['tracemalloc_peak_mb']:.1f} | {r['maxrss_mb']:.0f} |")
    lines += ["", "| corpus | factcheck speed-up over quantulum3 (chars/s ratio; per call for sentences) |", "|---|---|"]
    for corpus, ratio in results["ratios"].items():
        lines.append(f"| {corpus} | {_f(ratio, '{:.2f}x')} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--size", type=int, default=200_000, help="generated corpus size in characters (default 200000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per corpus; the best counts (default 3)")
    ap.add_argument("--worker", choices=("factcheck", "quantulum3"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", choices=("seeds", "generated", "sentences"), default="seeds", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.size, args.repeat)))
        return 0
    runs, ratios = [], {}
    for corpus in ("sentences", "seeds", "generated"):
        by_system = {}
        for system in ("factcheck", "quantulum3"):
            r = run_worker(system, corpus, args.size, args.repeat if corpus != "generated" else max(1, args.repeat - 2))
            runs.append(r)
            by_system[system] = r
        try:
            ratios[corpus] = by_system["factcheck"]["chars_per_s"] / by_system["quantulum3"]["chars_per_s"]
        except KeyError:
            ratios[corpus] = None
    results = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "startup": startup_times(),
               "runs": runs, "ratios": ratios}
    print(json.dumps(results, indent=2) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Accuracy of extract_quantities on a hand-annotated set of news sentences.

The corpus is tests/data/news_quantities.yaml (conventions at its top). Scoring follows
CQE/NewsQuant (Almasian et al. 2023): a predicted quantity matches a gold one in the same
sentence when the values agree (relative 1e-6); value+unit also needs the unit, or for a
count the counted noun, to agree (case-insensitive, singular, British/US spelling folded).
Each gold and each predicted quantity is matched at most once.

The scoring helpers here are also used by benchmarks/accuracy.py, which prints the same
scores for factcheck and for quantulum3.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

CORPUS = Path(__file__).resolve().parent / "data" / "news_quantities.yaml"
BOUNDS = ("exact", "more_than", "at_least", "less_than", "at_most", "approx", "range")

VALUE_F1_MIN = 0.95
VALUE_UNIT_F1_MIN = 0.95
VALUE_BOUND_F1_MIN = 0.95
BOUND_ACCURACY_MIN = 0.95


# ---------------------------------------------------------------- data
@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    bound: str
    high: float | None = None
    vague: bool = False


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    surface: str
    value: float | None
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None
    noun: str | None = None


@dataclass
class Item:
    text: str
    gold: list[Gold]
    category: str = "all"  # the item's `section`, else the corpus's "# ---- name" heading above it


def _headings(source: str) -> list[str]:
    """The "# ------ name" heading above each top-level item, in order ("all" before any heading)."""
    out, current = [], "all"
    for line in source.splitlines():
        heading = re.match(r"#\s*-{4,}\s*(.+)$", line)
        if heading:
            current = heading.group(1).strip()
        elif line.startswith("- text:"):
            out.append(current)
    return out


def load_corpus(path: Path = CORPUS) -> list[Item]:
    source = path.read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    headings = _headings(source)
    items = []
    for n, raw in enumerate(data["items"]):
        text = raw["text"]
        used: list[tuple[int, int]] = []
        gold = []
        for q in raw.get("quantities") or []:
            start = _find_free(text, q["surface"], used)
            used.append((start, start + len(q["surface"])))
            gold.append(Gold(start, start + len(q["surface"]), q["surface"], float(q["value"]),
                             q.get("unit"), q["bound"],
                             None if q.get("high") is None else float(q["high"]), bool(q.get("vague", False))))
        category = raw.get("section") or (headings[n] if n < len(headings) else "all")
        items.append(Item(text, gold, category))
    return items


def _find_free(text: str, surface: str, used: list[tuple[int, int]]) -> int:
    start = text.find(surface)
    while start >= 0 and any(start < e and s < start + len(surface) for s, e in used):
        start = text.find(surface, start + 1)
    if start < 0:
        raise ValueError(f"surface {surface!r} not in {text!r}")
    return start


# ---------------------------------------------------------------- units
_IRREGULAR = {"people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
              "gunmen": "gunman", "feet": "foot", "teeth": "tooth", "mice": "mouse", "staff": "staff",
              "crew": "crew", "aircraft": "aircraft", "celsius": "celsius", "fahrenheit": "fahrenheit",
              "series": "series", "species": "species", "news": "news", "status": "status", "bus": "bus",
              "usd": "usd", "gbp": "gbp", "hkd": "hkd", "mph": "mile per hour", "kmh": "kilometer per hour",
              "tonne": "metric ton", "tonnes": "metric ton", "percentage": "percent", "per cent": "percent",
              "pct": "percent", "%": "percent"}
_SPELLING = (("metre", "meter"), ("litre", "liter"), ("kilometers", "kilometer"))


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ch|sh|x|ss)es$", word):
        return word[:-2]
    if word.endswith("s") and len(word) > 3 and not re.search(r"(ss|us|is)$", word):
        return word[:-1]
    return word


def norm_unit(unit: str | None) -> str | None:
    """Lowercase, '_'/'-' as spaces, US spelling, every word singular; None for no unit."""
    if unit is None:
        return None
    u = str(unit).strip().lower().replace("_", " ").replace("-", " ")
    u = re.sub(r"\s+", " ", u)
    if not u or u in ("dimensionless", "-", "none", "unk"):
        return None
    if u in _IRREGULAR:
        return _IRREGULAR[u]
    for british, us in _SPELLING:
        u = u.replace(british, us)
    return " ".join(_IRREGULAR.get(w, singular(w)) for w in u.split())


def unit_matches(gold: Gold, pred: Pred) -> bool:
    g = norm_unit(gold.unit)
    unit, noun = norm_unit(pred.unit), norm_unit(pred.noun)
    if g is None:
        return unit is None and noun is None
    if g in (unit, noun):
        return True
    # a count's noun may carry modifiers ("police officer" for gold "officer"): compare heads
    return noun is not None and noun.split()[-1] == g.split()[-1]


def values_match(gold: float, pred: float | None) -> bool:
    if pred is None or isinstance(pred, bool):
        return False
    try:
        pred = float(pred)
    except (TypeError, ValueError):
        return False
    return math.isclose(gold, pred, rel_tol=1e-6, abs_tol=1e-9)


def bound_matches(gold: Gold, pred: Pred) -> bool:
    """Same bound, and for a range the same high end."""
    if pred.bound != gold.bound:
        return False
    return gold.high is None or (pred.high is not None and values_match(gold.high, pred.high))


# ---------------------------------------------------------------- scoring
def _overlap(g: Gold, p: Pred) -> bool:
    return g.start < p.end and p.start < g.end


def match(gold: list[Gold], preds: list[Pred], need_unit: bool, need_bound: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: value must agree (and unit, if need_unit; bound and a range's
    high end, if need_bound); overlapping spans and agreeing units are preferred, then the nearest."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if not values_match(g.value, p.value):
                continue
            if need_bound and not bound_matches(g, p):
                continue
            um = unit_matches(g, p)
            if need_unit and not um:
                continue
            pairs.append((not _overlap(g, p), not um, abs(g.start - p.start), gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for *_, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def f1(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    n_gold: int = 0
    n_pred: int = 0
    tp_value: int = 0
    tp_value_unit: int = 0
    tp_value_bound: int = 0
    bound_ok: int = 0
    interval_ok: int = 0
    interval_n: int = 0
    negatives: int = 0
    negatives_clean: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def value(self):
        return f1(self.tp_value, self.n_gold, self.n_pred)

    @property
    def value_unit(self):
        return f1(self.tp_value_unit, self.n_gold, self.n_pred)

    @property
    def value_bound(self):
        return f1(self.tp_value_bound, self.n_gold, self.n_pred)

    @property
    def bound_accuracy(self) -> float:
        return self.bound_ok / self.tp_value if self.tp_value else 0.0

    def summary(self) -> dict:
        vp, vr, vf = self.value
        up, ur, uf = self.value_unit
        bp, br, bf = self.value_bound
        return {"gold": self.n_gold, "predicted": self.n_pred,
                "value_P": vp, "value_R": vr, "value_F1": vf,
                "value_unit_P": up, "value_unit_R": ur, "value_unit_F1": uf,
                "value_bound_P": bp, "value_bound_R": br, "value_bound_F1": bf,
                "bound_accuracy": self.bound_accuracy,
                "range_high_accuracy": self.interval_ok / self.interval_n if self.interval_n else 1.0,
                "negatives_clean": f"{self.negatives_clean}/{self.negatives}",
                "crashes": self.errors}


def _fmt_pred(p: Pred) -> str:
    what = p.unit or p.noun
    return f"{p.surface!r}={p.value:g} {what or '-'} {p.bound}" if p.value is not None else repr(p.surface)


def _fmt_gold(g: Gold) -> str:
    return f"{g.surface!r}={g.value:g} {g.unit or '-'} {g.bound}"


def score(items: Iterable[Item], extract: Callable[[str], list[Pred]]) -> Scores:
    s = Scores()
    for item in items:
        try:
            preds = extract(item.text)
        except Exception as exc:  # noqa: BLE001 - a crash counts as no prediction, and is reported
            s.errors += 1
            s.misses.append(f"CRASH {item.text!r}: {type(exc).__name__}: {exc}")
            preds = []
        s.n_gold += len(item.gold)
        s.n_pred += len(preds)
        if not item.gold:
            s.negatives += 1
            s.negatives_clean += not preds
        vm = match(item.gold, preds, need_unit=False)
        um = match(item.gold, preds, need_unit=True)
        s.tp_value += len(vm)
        s.tp_value_unit += len(um)
        s.tp_value_bound += len(match(item.gold, preds, need_unit=False, need_bound=True))
        notes = []
        for gi, pi in vm:
            g, p = item.gold[gi], preds[pi]
            if p.bound == g.bound:
                s.bound_ok += 1
            else:
                notes.append(f"  bound: gold {_fmt_gold(g)} | got {_fmt_pred(p)}")
            if g.high is not None:
                s.interval_n += 1
                if p.high is not None and values_match(g.high, p.high):
                    s.interval_ok += 1
                else:
                    notes.append(f"  high:  gold {_fmt_gold(g)}..{g.high:g} | got high={p.high}")
        unit_pairs = {gi for gi, _ in um}
        for gi, pi in vm:
            if gi not in unit_pairs:
                notes.append(f"  unit:  gold {_fmt_gold(item.gold[gi])} | got {_fmt_pred(preds[pi])}")
        matched_g = {gi for gi, _ in vm}
        matched_p = {pi for _, pi in vm}
        for gi, g in enumerate(item.gold):
            if gi not in matched_g:
                notes.append(f"  MISS:  {_fmt_gold(g)}")
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                notes.append(f"  EXTRA: {_fmt_pred(p)}")
        if notes:
            s.misses.append(item.text + "\n" + "\n".join(notes))
    return s


# ---------------------------------------------------------------- adapters
def factcheck_extract(text: str) -> list[Pred]:
    from factcheck import extract_quantities

    return [Pred(q.start, q.end, q.surface, q.value, q.low, q.high, q.bound, q.unit, q.noun)
            for q in extract_quantities(text)]


# ---------------------------------------------------------------- tests
def test_corpus_is_well_formed():
    raw = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["items"]
    assert len(raw) >= 150
    assert sum(1 for r in raw if not r["quantities"]) >= 10, "needs sentences with no quantity"
    items = load_corpus()
    for item in items:
        for g in item.gold:
            assert item.text[g.start:g.end] == g.surface
            assert g.bound in BOUNDS, g
            if g.bound == "range":
                assert g.high is not None and g.high > g.value, g
    texts = [i.text for i in items]
    assert len(texts) == len(set(texts)), "duplicate sentences"


def test_scoring_helpers():
    assert norm_unit("Kilometres") == "kilometer"
    assert norm_unit("degree_Celsius") == "degree celsius"
    assert norm_unit("people") == "person"
    assert norm_unit("gunmen") == "gunman"
    assert norm_unit("families") == "family"
    assert norm_unit("dimensionless") is None
    g = Gold(0, 5, "x", 2.0, "officer", "exact")
    assert unit_matches(g, Pred(0, 5, "x", 2.0, noun="police officer"))
    assert not unit_matches(g, Pred(0, 5, "x", 2.0, unit="kilometer"))
    assert f1(0, 0, 0) == (1.0, 1.0, 1.0)
    r = Gold(0, 5, "x", 10.0, None, "range", high=20.0)
    assert bound_matches(r, Pred(0, 5, "x", 10.0, 10.0, 20.0, "range"))
    assert not bound_matches(r, Pred(0, 5, "x", 10.0, 10.0, 30.0, "range"))
    assert not bound_matches(g, Pred(0, 5, "x", 2.0, bound="approx"))


def test_categories_come_from_headings():
    items = load_corpus()
    assert items[0].category == "conflict / casualties"
    assert "no quantities" in {i.category for i in items}


def test_factcheck_scores_on_news_corpus():
    s = score(load_corpus(), factcheck_extract)
    summ = s.summary()
    report = "\n".join(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in summ.items())
    problems = []
    if summ["value_F1"] < VALUE_F1_MIN:
        problems.append(f"value F1 {summ['value_F1']:.3f} < {VALUE_F1_MIN}")
    if summ["value_unit_F1"] < VALUE_UNIT_F1_MIN:
        problems.append(f"value+unit F1 {summ['value_unit_F1']:.3f} < {VALUE_UNIT_F1_MIN}")
    if summ["value_bound_F1"] < VALUE_BOUND_F1_MIN:
        problems.append(f"value+bound F1 {summ['value_bound_F1']:.3f} < {VALUE_BOUND_F1_MIN}")
    if s.bound_accuracy < BOUND_ACCURACY_MIN:
        problems.append(f"bound accuracy {s.bound_accuracy:.3f} < {BOUND_ACCURACY_MIN}")
    if s.errors:
        problems.append(f"{s.errors} sentences crashed the parser")
    if problems:
        print(report)
        print("\n\n".join(s.misses))
    assert not problems, "; ".join(problems) + "\n" + report + "\n\n" + "\n\n".join(s.misses)

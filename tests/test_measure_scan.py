"""The indexed scan behind ``measures.nearest`` (issue 9, speed): the same matches as ``Pattern.finditer`` and the same
nearest label as the plain scan it replaced, on real news sentences (and on case and Unicode variants of them),
at random figure positions and clause windows, for every pattern list extraction uses."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import claims, measures
from factcheck.measures import PREDICATES, clause_bounds, nearest, openings, pattern_spans, spans_of_each

DATA = Path(__file__).parent / "data"


def _sentences() -> list[str]:
    out = []
    for name in ("news_quantities_real.yaml", "news_quantities.yaml"):
        doc = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
        out += [item["text"] for item in doc["items"]]
    return out


SENTENCES = _sentences()
LISTS = [PREDICATES, claims._EVENTS, claims._INCIDENTS]
#: Every compiled pattern of the modules that read a sentence: the index must agree with finditer on each.
MODULE_PATTERNS = sorted({v for mod in (measures, claims) for v in vars(mod).values() if isinstance(v, re.Pattern)}
                         | {p for lst in LISTS for _, p in lst}, key=lambda p: (p.pattern, p.flags))


def reference_nearest(text, start, end, patterns, lo=0, hi=None):
    """``nearest`` as it was before the index: every pattern scanned over the whole window."""
    hi = len(text) if hi is None else hi
    best, best_dist = None, None
    masked = []
    for label, pat in patterns:
        for m in pat.finditer(text, lo, hi):
            if any(m.start() < e and s < m.end() for s, e in masked):
                continue
            masked.append((m.start(), m.end()))
            if start <= m.start() < end or start < m.end() <= end:
                dist = 0.0
            elif m.start() >= end:
                dist = float(m.start() - end)
            else:
                dist = (start - m.end()) * 1.5
            if best_dist is None or dist < best_dist:
                best, best_dist = label, dist
    return best


def reference_clause_bounds(sentence, start, end):
    lo, hi = 0, len(sentence)
    for m in measures._CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start and m.end() > lo:
            lo = m.end()
        elif m.start() >= end and m.start() < hi:
            hi = m.start()
            break
    return lo, hi


#: What news text holds that a lowercase ASCII index could get wrong: characters that match an ASCII letter when
#: case is ignored (long s, dotless i, Kelvin sign), one that lowercases to two characters (dotted I), final sigma.
_ODD = ["ſ", "ı", "İ", "\u212a", "Σ", "é", "-", "’", "\u00a0", "KILLED", "Dead", "-nation", "un", "x"]


@st.composite
def texts(draw):
    text = draw(st.sampled_from(SENTENCES))
    how = draw(st.sampled_from(["as is", "upper", "swapcase", "title", "odd", "glued"]))
    if how == "upper":
        text = text.upper()
    elif how == "swapcase":
        text = text.swapcase()
    elif how == "title":
        text = text.title()
    elif how == "odd":
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(_ODD)) + text[at:]
    elif how == "glued":
        text = text.replace(" ", draw(st.sampled_from(["", "-", "_", "  "])), draw(st.integers(1, 5)))
    return text


@st.composite
def queries(draw):
    text = draw(texts())
    n = len(text)
    start = draw(st.integers(0, n))
    end = draw(st.integers(start, min(n, start + 20)))
    if draw(st.booleans()):
        lo, hi = clause_bounds(text, start, end)  # the windows nearest is asked about
    else:
        lo = draw(st.integers(0, n))
        hi = draw(st.integers(lo, n))
    return text, start, end, lo, hi


@st.composite
def pattern_lists(draw):
    base = draw(st.sampled_from(LISTS))
    if draw(st.booleans()):
        return base
    picked = draw(st.lists(st.sampled_from(range(len(base))), min_size=1, max_size=len(base), unique=True))
    return [base[i] for i in picked]  # a subset in another order: masking and ties depend on the order


@settings(max_examples=600, deadline=None)
@given(queries(), pattern_lists())
@example(("5 people were killed in Syria.", 0, 1, 0, 30), PREDICATES)
@example(("Dead or missing: 12; ſurvived 3, KILLED 4 in the ſiege of Aleppo.", 17, 19, 0, 60), PREDICATES)
@example(("İn the city of 40,000 inhabitants, 12 were killed", 15, 21, 0, 49), PREDICATES)
def test_nearest_gives_the_label_the_plain_scan_gives(query, patterns):
    text, start, end, lo, hi = query
    assert nearest(text, start, end, patterns, lo, hi) == reference_nearest(text, start, end, patterns, lo, hi)
    if (lo, hi) == (0, len(text)):
        assert nearest(text, start, end, patterns) == reference_nearest(text, start, end, patterns)


@settings(max_examples=400, deadline=None)
@given(queries(), st.sampled_from(MODULE_PATTERNS))
@example(("the 12-nation group", 0, 0, 0, 19), measures.PREDICATES[-1][1])
@example(("unaccounted for, accounted for", 0, 0, 0, 30), measures.PREDICATES[4][1])
@example(("were buried as the rubble fell", 0, 0, 0, 11), measures.PREDICATES[7][1])  # the window cuts "as"
def test_indexed_spans_are_finditers(query, pat):
    text, _, _, lo, hi = query
    assert pattern_spans(pat, text, lo, hi) == [m.span() for m in pat.finditer(text, lo, hi)]


@settings(max_examples=300, deadline=None)
@given(texts(), pattern_lists())
def test_spans_of_each_pattern_are_finditers(text, patterns):
    assert spans_of_each(patterns, text) == [[m.span() for m in pat.finditer(text)] for _, pat in patterns]


@settings(max_examples=300, deadline=None)
@given(texts(), st.data())
def test_clause_bounds_are_the_scans(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert clause_bounds(text, start, end) == reference_clause_bounds(text, start, end)


def test_indexed_spans_are_finditers_on_every_sentence_and_pattern():
    """Every module pattern on every sentence (and its upper- and swapped-case copy), clause by clause."""
    for text in SENTENCES[::4]:
        for variant in (text, text.upper(), text.swapcase()):
            windows = {(0, len(variant))} | {clause_bounds(variant, m.start(), m.end())
                                            for m in re.finditer(r"\d+", variant)}
            for pat in MODULE_PATTERNS:
                for lo, hi in windows:
                    assert pattern_spans(pat, variant, lo, hi) == [m.span() for m in pat.finditer(variant, lo, hi)], \
                        (pat.pattern, variant, lo, hi)


def test_openings_cover_every_match_of_made_up_patterns():
    """Openings of patterns built from the constructs the reader follows, checked against texts that match them."""
    cases = {r"\b(?:deaths?|killed) (?:or|and) missing\b": ["Death or missing", "KILLED and missing"],
             r"(?<!un)\baccounted for\b": ["accounted for"],
             r"\b(?:a{2}b|(?:ab){2,}c)\b": ["aab", "ababc", "abababc"],
             r"\b(?:-nation|members?)\b": ["12-nation", "MEMBERS"],
             r"\b[a-c]x+y": ["cxxxy", "Axy"]}
    for source, samples in cases.items():
        pat = re.compile(source, re.I)
        heads = openings(pat)
        assert heads is not None, source
        for sample in samples:
            found = list(pat.finditer(sample))
            assert found, (source, sample)
            for m in found:
                assert sample[m.start():m.start() + measures._OPENING].lower() in heads, (source, sample)


def test_patterns_it_cannot_read_are_scanned_everywhere():
    for source in (r"\d+ killed", r"(?:\w+ly )?killed", r"\bx(?:a?){3}", r"\bab", r"killed\b", r"(?=\bk)killed"):
        pat = re.compile(source, re.I)
        assert openings(pat) is None, source
        text = "Smartly killed 12, x killed; ab"
        assert pattern_spans(pat, text, 0, len(text)) == [m.span() for m in pat.finditer(text)]
    assert openings(re.compile(r"\bkilled", re.I | re.ASCII)) is None  # \b of ASCII words is not the index's

"""Property tests for extract_quantities: number formats round-trip, no input crashes it,
every result is a well-formed interval, and qualifier words give their bounds.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from factcheck import extract_quantities

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEMPLATE = "Officials said {n} people were evacuated."
SEPARATORS = {"comma": ",", "space": " ", "thin space": "\u2009", "narrow no-break space": "\u202f",
              "no-break space": "\u00a0"}


# ---------------------------------------------------------------- number writers
def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int, use_and: bool = True) -> str:
    """English words for 0 <= n < 10**6, British "and" optional, no commas ("two hundred and five")."""
    assert 0 <= n < 1_000_000

    def below_1000(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        parts = []
        if hundreds:
            parts.append(f"{_ONES[hundreds]} hundred")
        if rest:
            if hundreds and use_and:
                parts.append("and")
            parts.append(_ONES[rest] if rest < 20 else _TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
        return " ".join(parts)

    if n == 0:
        return "zero"
    thousands, rest = divmod(n, 1000)
    out = []
    if thousands:
        out.append(below_1000(thousands) + " thousand")
    if rest:
        if thousands and rest < 100 and use_and:
            out.append("and")
        out.append(below_1000(rest))
    return " ".join(out)


def scaled(n: int) -> list[str]:
    """'1.9 million', '2 billion', '12 thousand' forms of n (at most two decimals)."""
    out = []
    for scale, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale and n % (scale // 100) == 0:
            figure = f"{n / scale:.2f}".rstrip("0").rstrip(".")
            out.append(f"{figure} {word}")
    return out


def test_number_writers():
    assert words(0) == "zero"
    assert words(21) == "twenty-one"
    assert words(150_000) == "one hundred and fifty thousand"
    assert words(1_234) == "one thousand two hundred and thirty-four"
    assert words(1_005) == "one thousand and five"
    assert words(999_999, use_and=False) == "nine hundred ninety-nine thousand nine hundred ninety-nine"
    assert scaled(1_900_000) == ["1.9 million", "1900 thousand"]
    assert scaled(2_000_000_000)[0] == "2 billion"
    assert scaled(12_000) == ["12 thousand"]
    assert grouped(1_234_567, "\u2009") == "1\u2009234\u2009567"


def values_in(text: str) -> list[float]:
    return [q.value for q in extract_quantities(text)]


def assert_round_trip(written: str, n: int):
    text = TEMPLATE.format(n=written)
    qs = extract_quantities(text)
    got = [(q.surface, q.value) for q in qs]
    assert len(qs) == 1 and qs[0].value is not None and math.isclose(qs[0].value, n, rel_tol=1e-9), (text, got)


# ---------------------------------------------------------------- (a) formats round-trip
integers = st.integers(min_value=0, max_value=10**9)


@SETTINGS
@given(integers)
@example(0)
@example(260_000)
@example(10**9)
def test_plain_digits_round_trip(n):
    assert_round_trip(str(n), n)


@SETTINGS
@given(integers, st.sampled_from(sorted(SEPARATORS)))
@example(260_000, "space")
@example(1_234_567, "thin space")
def test_grouped_digits_round_trip(n, sep_name):
    assert_round_trip(grouped(n, SEPARATORS[sep_name]), n)


scalable = st.one_of(
    st.integers(1, 10**6).map(lambda k: k * 1_000),  # 1 thousand .. 1 billion
    st.integers(100, 100_000).map(lambda k: k * 10_000),  # 1.00 million .. 1 billion, 2 decimals
    st.integers(1, 1_000).map(lambda k: k * 1_000_000),
)


@SETTINGS
@given(scalable, st.data())
@example(1_900_000, None)
@example(2_000_000_000 // 2, None)
@example(12_000, None)
def test_scale_words_round_trip(n, data):
    forms = scaled(n)
    assume(forms)
    form = forms[0] if data is None else data.draw(st.sampled_from(forms))
    assert_round_trip(form, n)


@SETTINGS
@given(st.integers(0, 999).filter(lambda n: n != 1), st.booleans())  # "one people" is not English
@example(12, True)
@example(101, True)
def test_spelled_numbers_below_1000_round_trip(n, use_and):
    assert_round_trip(words(n, use_and), n)


@SETTINGS
@given(st.integers(0, 999_999).filter(lambda n: n != 1), st.booleans())
@example(150_000, True)
@example(1_005, True)
def test_spelled_numbers_round_trip(n, use_and):
    assert_round_trip(words(n, use_and), n)


# ---------------------------------------------------------------- (b) never crashes, well-formed results
def check_well_formed(text: str):
    qs = extract_quantities(text)
    assert isinstance(qs, list)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text), (text, q)
        assert text[q.start:q.end] == q.surface, (text, q)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, (text, q)
        if q.value is not None:
            if q.low is not None:
                assert q.low <= q.value, (text, q)
            if q.high is not None:
                assert q.value <= q.high, (text, q)
        for x in (q.value, q.low, q.high):
            assert x is None or math.isfinite(x), (text, q)
        assert q.bound in ("exact", "more_than", "at_least", "less_than", "at_most", "approx", "range"), q


@SETTINGS
@given(st.text(max_size=300))
@example("")
@example("0:00")
@example("\u2009\u202f1\u202f000\u00a0000")
@example("$" * 50 + "1" * 50)
def test_arbitrary_text_never_crashes(text):
    check_well_formed(text)


_TOKENS = ["more than", "at least", "about", "up to", "nearly", "between", "and", "to", "-", "–", "some",
           "fewer than", "under", "over", "as many as", "an estimated", "a quarter of a", "half a", "dozens of",
           "tens of thousands of", "hundreds of", "a dozen", "two", "twenty-one", "hundred", "thousand", "million",
           "billion", "bn", "m", "k", "%", "percent", "per cent", "$", "€", "£", "HK$", "US$", "people", "civilians",
           "km", "mph", "km/h", "tonnes", "degrees Celsius", "-year-old", "-day", "-nation", "years", "days",
           "in 2011", "on Feb. 25,", "7:30PM", "0:00", "3-1", ",", ".", "(", ")", "\"", "'", "\n", "\u2009", "\u00a0",
           "minus", "−", "+", "/", "per", "a", "the", "of"]
numbers = st.one_of(st.integers(-10**12, 10**12).map(str),
                    st.floats(0, 1e12, allow_nan=False).map(lambda x: f"{x:.2f}"),
                    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
                    st.integers(0, 10**6).map(lambda n: grouped(n, " ")))
news_like = st.lists(st.one_of(st.sampled_from(_TOKENS), numbers), max_size=25).map(" ".join)


@SETTINGS
@given(news_like)
@example("between 10 and 20 people")
@example("more than tens of thousands of people")
@example("a quarter of a million $")
def test_news_like_text_never_crashes(text):
    check_well_formed(text)


# ---------------------------------------------------------------- (c) qualifiers give bounds
figures = st.one_of(st.integers(2, 10**7), st.integers(1, 999).map(lambda k: k * 1000))


def only_quantity(text: str):
    qs = extract_quantities(text)
    assert len(qs) == 1, (text, [(q.surface, q.value, q.bound) for q in qs])
    return qs[0]


def written(n: int) -> str:
    return f"{n:,}"


@SETTINGS
@given(figures, st.sampled_from(["more than", "More than", "over", "in excess of"]))
def test_more_than(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert (q.bound, q.low, q.high, q.noun) == ("more_than", n, None, "person"), q


@SETTINGS
@given(figures, st.sampled_from(["at least", "At least", "no fewer than"]))
def test_at_least(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert (q.bound, q.low, q.high) == ("at_least", n, None), q


@SETTINGS
@given(figures, st.sampled_from(["about", "around", "some", "roughly", "approximately"]))
def test_about(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert q.bound == "approx" and q.value == n, q
    assert q.low is not None and q.high is not None and q.low < n < q.high, q


@SETTINGS
@given(figures, st.sampled_from(["nearly", "almost"]))
def test_nearly(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert q.bound == "approx" and q.value == n and q.high == n and q.low is not None and q.low < n, q


@SETTINGS
@given(figures, st.sampled_from(["up to", "Up to", "at most", "as many as", "no more than"]))
def test_up_to(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert (q.bound, q.low, q.high) == ("at_most", None, n), q


@SETTINGS
@given(figures, st.sampled_from(["less than", "fewer than", "under"]))
def test_less_than(n, qualifier):
    q = only_quantity(f"Officials said {qualifier} {written(n)} people were evacuated.")
    assert (q.bound, q.low, q.high) == ("less_than", None, n), q


@SETTINGS
@given(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from(["between {a} and {b}", "{a}-{b}", "from {a} to {b}"]))
def test_ranges(a, d, pattern):
    b = a + d
    q = only_quantity("Officials said " + pattern.format(a=written(a), b=written(b)) + " people were evacuated.")
    assert (q.bound, q.low, q.high, q.value) == ("range", a, b, a), q


@SETTINGS
@given(figures, figures, st.sampled_from(["at least", "more than", "about"]),
       st.sampled_from(["in Malawi", "on Sunday.", "."]), st.sampled_from(["have died", "were injured"]))
def test_a_gapped_figure_shares_the_qualifier_it_borrows_words_from(n, m, qualifier, tail, verb):
    """'At least 53 people have died in Mozambique and 225 in Malawi': the second figure borrows the first's noun,
    verb and qualifier. With a verb of its own ('and 14 were wounded') it keeps its own exact reading."""
    gapped = extract_quantities(f"{qualifier.capitalize()} {written(n)} people {verb} in Mozambique and "
                                f"{written(m)} {tail}")
    own = extract_quantities(f"{qualifier.capitalize()} {written(n)} people {verb} and {written(m)} were wounded.")
    assert len(gapped) == 2 and len(own) == 2, (gapped, own)
    assert gapped[1].bound == gapped[0].bound != "exact" and gapped[1].value == m, gapped
    assert own[1].bound == "exact" and (own[1].low, own[1].high) == (m, m), own


@SETTINGS
@given(figures, st.sampled_from(["tops", "topped", "surpassed", "crosses"]))
def test_a_toll_that_tops_a_figure_is_beyond_it(n, verb):
    q = only_quantity(f"The death toll {verb} {written(n)}, officials said.")
    assert (q.bound, q.low, q.high) == ("more_than", n, None), q

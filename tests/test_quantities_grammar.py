"""One test group per module of factcheck.grammar, then the forms end to end through
extract_quantities, then hypothesis properties for fractions, currencies and ranges.

Example sentences are written for these tests (wire-service style), not taken from any corpus.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import extract_quantities
from factcheck.grammar import currencies, fractions, nonquantities, qualifiers, ranges, scales, units
from factcheck.grammar.digits import exponent_value, parse_number
from factcheck.grammar.words import words_value

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only(text: str):
    qs = extract_quantities(text)
    assert len(qs) == 1, (text, qs)
    return qs[0]


def readings(text: str) -> list[tuple]:
    return [(q.value, q.high if q.bound == "range" else None, q.bound, q.unit or q.noun) for q in extract_quantities(text)]


# ---------------------------------------------------------------- words, scales, digits
def test_words_value():
    assert words_value("twenty-five") == 25
    assert words_value("two hundred and five thousand") == 205_000
    assert words_value("seven") == 7
    assert words_value("seven apples") is None


def test_scale_factor():
    assert scales.scale_factor("million") == 1e6
    assert scales.scale_factor("bn") == 1e9
    assert scales.scale_factor("crores") == 1e7
    assert scales.scale_factor("B") == 1e9
    assert scales.scale_factor("people") is None
    assert scales.vague_range("tens of  thousands") == (20_000, 99_999)


def test_parse_number_and_exponent():
    assert parse_number("1.9 million") == 1_900_000
    assert parse_number("260\u2009000") == 260_000
    assert parse_number("3m") == 3_000_000
    assert parse_number("3 apples") is None
    assert math.isclose(exponent_value(1.99, "−30"), 1.99e-30)
    assert exponent_value(1.0, "999") is None


# ---------------------------------------------------------------- fractions
def test_fraction_values():
    assert fractions.fraction_value("two-thirds") == pytest.approx(2 / 3)
    assert fractions.share_percent("a third") == 33.33
    assert fractions.share_percent("three quarters") == 75
    assert fractions.ratio_percent("one", "five") == 20
    assert fractions.ratio_percent("nine", "10", "out of") == 90
    assert fractions.ratio_percent("34", "42", "out of") is None  # two counts, not a share
    assert fractions.ratio_percent("5", "2") is None
    assert fractions.ratio_percent("1", "2020") is None


@pytest.mark.parametrize("text, value", [
    ("Two-thirds of the residents left.", 66.67), ("A third of the population is under 15.", 33.33),
    ("Half of all homes lost power.", 50), ("Three in four voters backed it.", 75),
    ("One in five children is affected.", 20), ("Nine out of 10 doctors agreed.", 90),
    ("The plan cut emissions by a third.", 33.33), ("Nearly two-thirds of firms hired.", 66.67),
])
def test_shares_are_percentages(text, value):
    q = extract_quantities(text)[0]
    assert (q.value, q.unit, q.dimension) == (value, "percent", "percentage")


def test_fraction_of_a_scale_stays_a_count():
    q = only("A quarter of a million people fled.")
    assert (q.value, q.bound, q.noun) == (250_000, "approx", "person")
    assert readings("in the first half of 2023") == []


# ---------------------------------------------------------------- ranges
def test_join_kind():
    t = "prices between 10 and 20"
    assert ranges.join_kind(t, t.index("10"), " and ", 10, 20) == "range"
    t = "revenue rose from 10 to 20"
    assert ranges.join_kind(t, t.index("10"), " to ", 10, 20) == "two"
    t = "Arsenal won 3-1"
    assert ranges.join_kind(t, t.index("3"), "-", 3, 1) is None
    assert ranges.shared_scale(10, 20e6, 1e6) == 10e6
    assert ranges.shared_scale(500, 1.2e6, 1e6) == 500e6 or ranges.shared_scale(500, 1.2e6, 1e6) == 500


@pytest.mark.parametrize("text, expected", [
    ("It will take between seven and 10 years.", [(7, 10, "range", "year")]),
    ("The bill is 33-35 billion euros.", [(33e9, 35e9, "range", "EUR")]),
    ("Growth of 5% to 10% is forecast.", [(5, 10, "range", "percent")]),
    ("It costs from $10 to $15 billion.", [(10e9, 15e9, "range", "USD")]),
    ("Staff work 40 to 50 hours a week.", [(40, 50, "range", "hour")]),
    ("Economy rose from 21 mpg to 23.", [(21, None, "exact", "mile per gallon"), (23, None, "exact", "mile per gallon")]),
    ("Revenue fell 3% to $24.16 billion.", [(3, None, "exact", "percent"), (24.16e9, None, "exact", "USD")]),
    ("Labour won 34 out of 42 seats.", [(34, None, "exact", "seat"), (42, None, "exact", "seat")]),
    ("Arsenal beat Chelsea 3-1 on Sunday.", []),
])
def test_ranges_and_changes(text, expected):
    assert readings(text) == expected


# ---------------------------------------------------------------- currencies
@pytest.mark.parametrize("text, value, code", [
    ("US$4.2m", 4.2e6, "USD"), ("$US55,931,000", 55_931_000, "USD"), ("A$82 million", 82e6, "AUD"),
    ("AUD1.5m", 1.5e6, "AUD"), ("£6m", 6e6, "GBP"), ("€3bn", 3e9, "EUR"), ("RM2.70", 2.7, "MYR"),
    ("118.5p", 118.5, "GBX"), ("Rs 40 crore", 4e8, "INR"), ("$NZ805.3 million", 805.3e6, "NZD"),
    ("50 cents", 0.5, "USD"), ("1.71¢", 0.0171, "USD"), ("10 million Australian dollars", 1e7, "AUD"),
    ("2.3bn pounds", 2.3e9, "GBP"),
])
def test_money_forms(text, value, code):
    q = only(f"The deal is worth {text} in total.")
    assert (q.value, q.unit, q.dimension) == (pytest.approx(value), code, "currency")


def test_currency_tables():
    assert currencies.currency_of_prefix("A$") == "AUD"
    assert currencies.currency_of_prefix("Rs.") == "INR"
    assert currencies.currency_of_word("euros") == "EUR"
    assert currencies.currency_of_word("USD") == "USD"
    assert currencies.currency_of_word("try") is None  # only capitals are codes
    assert all(len(c) == 3 and c.isupper() for c in currencies.ISO_CODES)
    assert currencies.local_dollar("ARQ (ASX: ARQ) lost $10 million") == "AUD"
    assert currencies.local_dollar("It lost $10 million") is None


def test_local_dollar_and_weight_pounds():
    assert [q.unit for q in extract_quantities("Profit was A$5 million; costs were $2 million.")] == ["AUD", "AUD"]
    assert only("She lost 29.8 pounds in a year.").unit == "pound"
    assert only("Shares rose 1.38pc on Friday.").unit == "percent"
    assert only("The planet has 8 B people.").value == 8e9


# ---------------------------------------------------------------- units
@pytest.mark.parametrize("text, name", [
    ("3.2GHz", "gigahertz"), ("250 hp", "horsepower"), ("30 mpg", "mile per gallon"), ("7,000 rpm", "revolution per minute"),
    ("5,000mAh", "milliampere hour"), ("12 ppb", "part per billion"), ("10 µm", "micrometer"),
    ("300 pound-feet", "pound force foot"), ("260 lb.-ft.", "pound force foot"), ("120 km/h", "kilometer per hour"),
    ("1.2 million barrels per day", "barrel per day"), ("185 MPH", "mile per hour"), ("-15C", "degree Celsius"),
])
def test_unit_table(text, name):
    q = only(f"The model reaches {text} in tests.")
    assert q.unit == name


def test_read_unit_needs_glue_for_one_letter_symbols():
    assert units.read_unit("5g signal", 1) == ("gram", 2)
    assert units.read_unit("5 g", 1) is None
    assert units.read_unit("5G network", 1) is None


def test_physical_forms_without_quantulum():
    assert only("Its mass is 1.99×10−30 kilograms.").value == pytest.approx(1.99e-30)
    q = only("Nights fall to minus-130 degrees Fahrenheit.")
    assert (q.value, q.unit) == (-130, "degree Fahrenheit")
    assert readings("It runs on a 5G network.") == []


# ---------------------------------------------------------------- qualifiers
def test_qualifier_interval():
    assert qualifiers.qualifier_interval("more than", 10) == ("more_than", 10, None)
    assert qualifiers.qualifier_interval("up to", 10) == ("at_most", None, 10)
    assert qualifiers.qualifier_interval("within", 8) == ("at_most", None, 8)
    bound, low, high = qualifiers.qualifier_interval("nearly", 100)
    assert (bound, high) == ("approx", 100) and low == pytest.approx(90)


def test_conversion_in_brackets_keeps_the_bound():
    qs = extract_quantities("The fire burned more than 3,000 acres (1,214 hectares).")
    assert [(q.bound, q.unit) for q in qs] == [("more_than", "acre"), ("more_than", "hectare")]


def test_or_more_forms():
    assert only("They scored 100 runs or more.").bound == "at_least"
    assert only("It drew a £3 billion-plus bid.").bound == "at_least"
    q = only("Adults aged 65 and older were asked.")
    assert (q.bound, q.unit) == ("at_least", "year")


# ---------------------------------------------------------------- numbers that are not amounts
@pytest.mark.parametrize("text", [
    "The S&P 500 closed higher.", "The FTSE 100 index slipped.", "She lives at 9 E 71st St in New York.",
    "The abbey was built in A.D. 1260.", "It has a six-speed gearbox and a four-cylinder engine.",
    "Jane Doe, 25, said she would stay.", "The suspect, who was 14 at the time, was detained.",
    "The Redmi Note 8 series will launch soon.", "It is priced at Rs. 6,XXX for now.",
])
def test_not_quantities(text):
    assert extract_quantities(text) == []


def test_nonquantity_predicates():
    t = "at 10 Downing Street"
    assert nonquantities.is_address(t, t.index("10") + 2)
    t = "in 44 BC"
    assert nonquantities.is_era_year(t, t.index("44"), t.index("44") + 2)
    assert nonquantities.is_attribute("cylinder") and not nonquantities.is_attribute("nation")
    t = "Jane Doe, 25, said"
    assert nonquantities.is_age_after_name(t, t.index("25"), t.index("25") + 2, 25)
    assert not nonquantities.is_age_after_name(t, t.index("25"), t.index("25") + 2, 250)
    t = "the Nikkei 225 rose"
    assert nonquantities.is_index_or_product(t, t.index("225"))


# ---------------------------------------------------------------- properties
_NUMERATOR_WORDS = {1: ["a", "one"], 2: ["two"], 3: ["three"], 4: ["four"], 5: ["five"], 6: ["six"], 7: ["seven"],
                    8: ["eight"], 9: ["nine"]}
_DENOMINATOR_WORDS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"),
                      6: ("sixth", "sixths"), 7: ("seventh", "sevenths"), 8: ("eighth", "eighths"),
                      9: ("ninth", "ninths"), 10: ("tenth", "tenths")}


@st.composite
def fraction_phrases(draw):
    d = draw(st.integers(2, 10))
    n = draw(st.integers(1, d - 1))
    num = draw(st.sampled_from(_NUMERATOR_WORDS[n]))
    den = _DENOMINATOR_WORDS[d][0 if n == 1 else 1]
    sep = draw(st.sampled_from(["-", " "]))
    if d == 2 and n == 1:
        words = draw(st.sampled_from(["half", "one-half", "a half"]))
    else:
        words = f"{num}{sep}{den}"
    words = draw(st.sampled_from([words, words.capitalize()]))
    return words, round(100 * n / d, 2)


@SETTINGS
@given(fraction_phrases(), st.sampled_from(["the residents", "all homes", "its budget", "those polled"]))
@example(("two-thirds", 66.67), "the residents")
@example(("a third", 33.33), "the population")
def test_every_fraction_word_parses_back_to_itself(phrase, whole):
    words, percent = phrase
    if words.lower() == "a half":
        return  # "a half of" is not English news usage
    qs = extract_quantities(f"Officials said {words} of {whole} were affected.")
    assert [(q.value, q.unit) for q in qs] == [(percent, "percent")], (words, qs)


_CURRENCY_FORMS = {
    "USD": ["${a}", "US${a}", "US$ {a}", "$US{a}", "USD {a}", "USD{a}", "{a} US dollars", "{a} dollars"],
    "EUR": ["€{a}", "€ {a}", "EUR {a}", "{a} euros", "{a} EUR"],
    "GBP": ["£{a}", "GBP {a}", "{a} sterling"],
    "AUD": ["A${a}", "AU${a}", "AUD{a}", "AUD {a}", "{a} Australian dollars"],
    "INR": ["Rs {a}", "Rs. {a}", "₹{a}", "₹ {a}", "INR {a}", "{a} rupees"],
    "JPY": ["¥{a}", "{a} yen", "JPY {a}"],
    "MYR": ["RM{a}", "{a} ringgit"],
    "HKD": ["HK${a}", "{a} Hong Kong dollars"],
    "CAD": ["C${a}", "CAD {a}", "{a} Canadian dollars"],
}
_SCALE_FORMS = [("", 1), (" million", 1e6), ("m", 1e6), (" billion", 1e9), ("bn", 1e9), (" thousand", 1e3)]


@SETTINGS
@given(st.sampled_from(sorted(_CURRENCY_FORMS)), st.data(), st.integers(1, 99_999), st.sampled_from(_SCALE_FORMS))
@example("AUD", None, 15, ("m", 1e6))
def test_every_currency_form_parses_back_to_itself(code, data, cents, scale):
    form = _CURRENCY_FORMS[code][1] if data is None else data.draw(st.sampled_from(_CURRENCY_FORMS[code]))
    amount = cents / 100
    written = f"{amount:.2f}".rstrip("0").rstrip(".") if scale[1] > 1 else f"{amount:,.2f}"
    text = "The company said it had paid " + form.format(a=written + scale[0]) + " for the site."
    qs = extract_quantities(text)
    assert len(qs) == 1, (text, qs)
    assert (qs[0].unit, qs[0].dimension) == (code, "currency"), (text, qs)
    assert math.isclose(qs[0].value, round(amount, 2) * scale[1], rel_tol=1e-9), (text, qs)


@SETTINGS
@given(st.integers(0, 10**6), st.integers(0, 10**6),
       st.sampled_from(["between {a} and {b} people", "{a}-{b} people", "{a} to {b} people", "from ${a} to ${b}",
                        "{a}% to {b}%", "between {a} and {b} million euros", "{a}–{b} km"]))
@example(7, 10, "between {a} and {b} people")
@example(10, 7, "{a}-{b} people")
def test_a_range_is_never_reversed(a, b, pattern):
    text = "Officials said " + pattern.format(a=f"{a:,}", b=f"{b:,}") + " were involved."
    qs = extract_quantities(text)
    for q in qs:
        if q.bound == "range":
            assert q.low is not None and q.high is not None and q.low < q.high, (text, q)
            assert q.low <= q.value <= q.high, (text, q)
    if a < b:
        ranged = [q for q in qs if q.bound == "range"]
        assert len(ranged) == 1, (text, qs)
        assert ranged[0].high / ranged[0].low == pytest.approx(b / a) if a else ranged[0].low == 0


@SETTINGS
@given(st.lists(st.sampled_from(list("0123456789 .,-–$€£%/×x^−pcmbkMBAUDRs¢()") + [
    " one ", " in ", " of ", " out ", " third", " half ", " to ", " and ", " between ", " from ", " minus", "-fold",
    " per cent", " a ", "-speed ", " people"]), max_size=40).map("".join))
def test_no_crash_on_figure_soup(text):
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.surface
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, (text, q)


def test_one_as_a_count_and_as_a_pronoun():
    assert readings("He had one assist in the match.") == [(1, None, "exact", "assist")]
    assert readings("It is one of the largest ports.") == []
    assert readings("She said one would not do.") == []

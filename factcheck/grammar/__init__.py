"""The number grammar, one small module per form of figure news writes.

    words       spelled numbers ("twenty-five", "two hundred and five")
    scales      scale words and suffixes ("million", "bn", "m", "crore"), vague numerals ("tens of thousands")
    digits      digit strings ("260,000", "1 234", "1.99×10−30") and parse_number()
    fractions   fractions and ratios of a whole ("two-thirds of", "one in five"): percentages
    ranges      "between 7 and 10", "33-35 billion", "from $10 to $15 billion"
    currencies  money prefixes and suffixes normalised to ISO 4217 ("A$", "AUD", "RM", "118.5p")
    qualifiers  "more than", "about", "up to": the bound of a figure
    units       physical and news units written after a figure ("GHz", "mpg", "pound-feet")
    nouns       the counted noun after a figure ("12 villagers")
    nonquantities  numbers that are not amounts: dates, names, addresses, eras, attributes, ages

factcheck.quantities ties them together; adding a form touches its module and, when the
form has a new shape of its own, one alternative of the core pattern there.
"""

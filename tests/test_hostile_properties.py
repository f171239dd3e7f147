"""Properties of the bounding code: windows, dates, YAML caps and page placement, on generated input."""

from __future__ import annotations

from datetime import date

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import limits
from factcheck.html import place_paragraphs
from factcheck.load import body_spans, parse_date
from factcheck.safeyaml import YAMLLimitError, load

_PIECES = st.sampled_from(["word ", "the ", "1 ", "250,000 ", "people ", ". ", "Mr. ", "? ", "\n", "  ", "one ",
                           "1" * 20 + " ", "million ", "A. ", "x" * 50, "\u2028", "\r"])
_TEXT = st.lists(_PIECES, max_size=3000).map("".join)


@settings(max_examples=80, deadline=None)
@given(_TEXT)
def test_windows_are_bounded_ordered_and_inside_their_paragraph(text):
    for p_start, p_end in body_spans(text):
        last = p_start
        figures = 0
        for s, e in limits.bounded_sentences(text, p_start, p_end):
            assert last <= s < e <= p_end
            assert e - s <= limits.MAX_SENTENCE_CHARS
            assert not limits._HUGE_NUMERAL.search(text, s, e)
            figures += sum(1 for _ in limits._FIGURE_LIKE.finditer(text, s, e))
            last = e
        sentences = 1 + sum(text.count(x, p_start, p_end) for x in (". ", "? ", "! "))
        assert figures <= limits.MAX_FIGURES_PER_SENTENCE * sentences


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}", fullmatch=True),
                 st.from_regex(r"\d{4}-\d{1,2}-\d{1,2}", fullmatch=True), st.integers(), st.dates()),
       st.sampled_from([None, "DMY", "MDY", "YMD"]))
def test_parse_date_gives_a_date_or_a_reason_never_an_exception(value, order):
    parsed, why = parse_date(value, order)
    assert (parsed is None) != (why is None)
    assert parsed is None or isinstance(parsed, date)


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.one_of(st.none(), st.integers(), st.text(max_size=10)),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
                    max_leaves=30))
def test_safe_yaml_reads_back_what_plain_yaml_writes(data):
    text = yaml.safe_dump(data)
    try:
        assert load(text, 1 << 20) == yaml.safe_load(text)
    except YAMLLimitError as e:  # only the nesting cap can refuse plain data this small
        assert "nested" in e.message


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "\n", " ", "&amp;", "<script>x</script>",
                                 "More than 5 people", " died.", "<b>", "</b>", "&#10;", "<br>"]), max_size=80).map("".join))
def test_placed_page_text_keeps_every_offset_and_line(source):
    paragraphs = "\n".join(p for p in ("More than 5 people died.", "More than 5 people") if p in source)
    masked, _ = place_paragraphs(source, paragraphs)
    assert len(masked) == len(source)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [i for i, ch in enumerate(source) if ch == "\n"]

"""Tests for hcc_kg.extract.normalize: clean text that still maps to original offsets."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hcc_kg.extract.normalize import DASHES, MappedText, flatten, from_pieces, normalize, without_glued_footnotes

# Characters a rewrite may turn into something else: whitespace of any kind, hyphen, dashes, full-width
# punctuation (read as ASCII), a range's tilde and the "&" that opens an HTML character reference.
REWRITABLE = set(" \t\r\n\f\v\u00a0\u2009\u202f-~\u301c&") | set(DASHES) | {chr(c) for c in range(0xFF01, 0xFF5F)}
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def unescaped(text: str) -> str:
    """``text`` with each character reference read as its character, but for an invalid one or a control character."""
    def one(match: re.Match) -> str:
        char = html.unescape(match.group())
        readable = "\ufffd" not in char and not any(unicodedata.category(c) == "Cc" for c in char)
        return char if readable else match.group()
    return ENTITY.sub(one, text)


def read_back(original: str, mapped: MappedText, start: int, end: int) -> str:
    s, e = mapped.original_span(start, end)
    return original[s:e]


# --- examples ---------------------------------------------------------------------------

def test_full_width_punctuation_reads_as_ascii_and_maps_back():
    text = "median OS\uff1a14.2 months\uff08P\uff1c0.01\uff09\uff1bORR 21%"
    m = normalize(text)
    assert m.text == "median OS: 14.2 months (P<0.01); ORR 21%"
    i = m.text.index("(P<0.01)")
    assert read_back(text, m, i, i + 8) == "\uff08P\uff1c0.01\uff09"


def test_a_tilde_between_numbers_is_a_range():
    assert normalize("HR 0.72 (95%CI 0.61~0.83), 5 \u301c 10 mg").text == "HR 0.72 (95%CI 0.61-0.83), 5-10 mg"
    assert normalize("ORR: ~ 17% and ~20 patients").text == "ORR: ~ 17% and ~20 patients"  # "about", not a range


def test_sentences_and_brackets_glued_to_words_get_their_space_back():
    text = "versus TACE alone.Methods Overall,96 patients entered the A group(n=64)or the B group(n=32).Results OS"
    assert normalize(text).text == ("versus TACE alone. Methods Overall,96 patients entered the A group (n=64) or the "
                                    "B group (n=32). Results OS")
    kept = "BRAF p.Val600Glu, U.S.Food, www.Example.org, PD-(L)1, 4-(trifluoromethyl)phenyl, e.g.Tablets"
    assert normalize(kept).text == kept


def test_soft_hyphen_line_break_is_joined_and_maps_back_to_the_broken_word():
    text = "we gave pembrolizu-\nmab daily"
    m = normalize(text)
    assert "pembrolizumab" in m.text
    assert "-" not in m.text
    i = m.text.index("pembrolizumab")
    assert read_back(text, m, i, i + len("pembrolizumab")) == "pembrolizu-\nmab"


def test_soft_hyphen_with_spaces_and_several_breaks_is_joined():
    text = "sora- \n\n  fenib"
    assert normalize(text).text == "sorafenib"


def test_breaks_a_pdf_copy_left_as_spaces_are_joined_where_a_text_has_several():
    text = "the kinase ac- tivities of invented recep- tors in patho- genic, first- and second-line"
    m = normalize(text)
    assert m.text == "the kinase activities of invented receptors in pathogenic, first- and second-line"
    i = m.text.index("activities")
    assert read_back(text, m, i, i + len("activities")) == "ac- tivities"


def test_statistics_written_out_for_screen_readers_read_as_printed():
    text = ("A made-up share of 41.2 percent with a 90 percent confidence interval of 33.1 to 49.0 percent; a pretend "
            "median of 6.4 months with a 95 percent confidence interval of 5.2 to 7.9 months; an invented ratio of 0.66 "
            "with a 95 percent confidence interval of 0.48 to 0.91, so 34 per cent fewer events")
    m = normalize(text)
    assert m.text == ("A made-up share of 41.2% (90% CI 33.1-49.0%); a pretend median of 6.4 months (95% CI 5.2-7.9 months); "
                      "an invented ratio of 0.66 (95% CI 0.48-0.91), so 34% fewer events")
    i = m.text.index("(95% CI 0.48")  # the rewritten interval and the comma after it map back to the words written
    assert read_back(text, m, i, i + len("(95% CI 0.48-0.91),")) == "with a 95 percent confidence interval of 0.48 to 0.91,"


def test_a_percent_word_after_no_number_is_left_as_written():
    assert normalize("the percent of patients").text == "the percent of patients"


def test_one_hyphen_before_a_space_is_left_as_written():
    assert normalize("a made-up small- molecule drug").text == "a made-up small- molecule drug"


def test_hard_hyphen_before_uppercase_is_kept_and_break_dropped():
    text = "high PD-\nL1 expression"
    m = normalize(text)
    assert "PD-L1" in m.text
    i = m.text.index("PD-L1")
    assert read_back(text, m, i, i + 5) == "PD-\nL1"


def test_hard_hyphen_before_digit_is_kept():
    assert normalize("VEGFR-\n2 signalling").text == "VEGFR-2 signalling"


def test_unicode_dashes_become_ascii_hyphen_one_to_one():
    for dash in DASHES:
        text = f"0.55{dash}0.87"
        m = normalize(text)
        assert m.text == "0.55-0.87", repr(dash)
        i = m.text.index("-")
        assert m.offsets[i] == text.index(dash)


@pytest.mark.parametrize("text, expected", [
    ("Zelumab\u2014an invented antibody\u2014was given", "Zelumab,an invented antibody,was given"),
    ("Zelumab \u2013 an invented antibody \u2013 was given", "Zelumab , an invented antibody , was given"),
    ("Zelumab \u2014 a toy agent", "Zelumab , a toy agent"),
    # after a closing bracket: "X (CODE)\u2014a T inhibitor\u2014"
    ("zelumab (ZL-01)\u2014a toy antibody\u2014was given", "zelumab (ZL-01),a toy antibody,was given"),
    ("zelumab (brand: Zelvo) \u2014 a toy antibody", "zelumab (brand: Zelvo) , a toy antibody"),  # spaced, an em dash
    # ranges and joined words keep their dash
    ("VEGFR1\u20133 and 0.52 \u2013 0.85", "VEGFR1-3 and 0.52 - 0.85"),
    ("anti\u2013PD-1 and 2019\u20142021", "anti-PD-1 and 2019-2021"),
    ("(HR 0.6) \u2013 and", "(HR 0.6) - and"),
    # a hyphen typed for a dash, spaced, between words: a glossary's "Term - definition"
    ("Zelumab - An invented antibody", "Zelumab , An invented antibody"),
    ("doses of 10 - 20 mg and PD-1 - 2 sites", "doses of 10 - 20 mg and PD-1 - 2 sites"),
])
def test_a_dash_that_sets_off_an_aside_reads_as_a_comma_one_to_one(text, expected):
    m = normalize(text)
    assert m.text == expected
    assert len(m.text) == len(text) and m.offsets[:-1] == tuple(range(len(text)))


@pytest.mark.parametrize("text", [
    "sora\u00adfenib, a VEGFR inhibitor",       # a soft hyphen a web page left inside a word
    "sorafenib\u200b, a VEGFR\u2060 inhibitor",  # zero-width space, word joiner
    "\ufeffsorafenib, a VEGFR inhibitor",        # a byte order mark
    "sorafenib,\u202fa\u2009VEGFR\u3000inhibitor",  # narrow no-break, thin and ideographic spaces
])
def test_invisible_characters_go_and_every_kind_of_space_is_a_space(text):
    m = normalize(text)
    assert m.text == "sorafenib, a VEGFR inhibitor"
    assert read_back(text, m, 0, 9).replace("\u00ad", "").lstrip("\ufeff") == "sorafenib"


def test_inline_formatting_tags_go_and_the_words_they_format_keep_their_offsets():
    text = "<b><i>Results:</i></b> zorbanib (<i>n</i> = 38)<br>felotinib"
    m = normalize(text)
    assert m.text == "Results: zorbanib (n = 38) felotinib"
    i = m.text.index("zorbanib")
    assert read_back(text, m, i, i + 8) == "zorbanib"
    assert normalize("a <table> row and x<y>z").text == "a <table> row and x<y>z"  # other markup is not read here


def test_html_character_references_in_plain_text_read_as_their_characters():
    text = "A &amp; B in patients aged &#8805;65 or &ge;70 &#x3b1; &bogus; &#0;"
    m = normalize(text)
    assert m.text == "A & B in patients aged \u226565 or \u226570 \u03b1 &bogus; &#0;"
    i = m.text.index("B")
    assert read_back(text, m, i, i + 1) == "B"


def test_runs_of_spaces_and_tabs_fold_to_one_space_but_newlines_stay():
    text = "a \t\u00a0 b\nc"
    m = normalize(text)
    assert m.text == "a b\nc"
    assert m.offsets[m.text.index("b")] == text.index("b")
    assert m.offsets[m.text.index("c")] == text.index("c")


def test_crlf_line_end_keeps_a_newline():
    text = "first line\r\nsecond line"
    m = normalize(text)
    assert "\n" in m.text
    assert "\r" not in m.text
    assert m.offsets[m.text.index("second")] == text.index("second")


def test_base_shifts_every_offset():
    text = "cabo-\nzantinib"
    base = 1000
    plain, shifted = normalize(text), normalize(text, base=base)
    assert plain.text == shifted.text
    assert [o + base for o in plain.offsets] == list(shifted.offsets)


def test_identity_offsets_and_end_sentinel():
    m = MappedText.identity("abc", base=5)
    assert m.offsets == (5, 6, 7, 8)
    assert m.original_span(0, 3) == (5, 8)


def test_original_span_of_empty_range_is_empty():
    text = "tiva-\nzanib"
    m = normalize(text)
    s, e = m.original_span(2, 2)
    assert s == e


def test_slice_keeps_mapping_to_the_original():
    text = "before  the PD-\nL1 gene"
    m = normalize(text)
    i = m.text.index("PD-L1")
    part = m.slice(i, i + 5)
    assert part.text == "PD-L1"
    assert len(part.offsets) == len(part.text) + 1
    s, e = part.original_span(0, len(part.text))
    assert text[s:e] == "PD-\nL1"


def test_flatten_turns_newlines_into_single_spaces():
    text = "one line \n\n next line"
    m = flatten(normalize(text))
    assert m.text == "one line next line"
    i = m.text.index("next")
    assert m.offsets[i] == text.index("next")


def test_from_pieces_joins_non_contiguous_ranges():
    text = "AAA skip this BBB"
    a, b = text.index("AAA"), text.index("BBB")
    m = from_pieces([(a, "AAA "), (b, "BBB")])
    assert m.text == "AAA BBB"
    assert m.offsets[m.text.index("BBB")] == b
    assert m.offsets[-1] == len(text)
    assert from_pieces([]).text == ""


def test_sub_with_callable_and_different_length_maps_to_match_start():
    m = MappedText.identity("x12y")
    out = m.sub(re.compile(r"\d+"), lambda match: "#")
    assert out.text == "x#y"
    assert out.offsets == (0, 1, 3, 4)


# --- properties -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["a", "Z", "x", "1", " ", "  ", "\t", "\n", "\r\n", "\r", "-", "-\n", "- \n ", "\u2013", "\u2014",
     "\u2212", "\u00a0", "\f", "PD", "L1", "mab", "q.", ",", "(", "é", "\u00df",
     "\u00ad", "\u200b", "\u2009", "\u202f", "&amp;", "&#8805;", "&"])
texts = st.one_of(
    st.text(max_size=60),
    st.lists(_PIECES, max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("pembrolizu-\nmab and PD-\nL1 at 0.55\u20130.87")
@example("a\u2013\r\n\tb")
@example("-\n-\n-")
def test_every_normalized_char_comes_from_the_same_or_a_rewritten_char(text):
    m = normalize(text)
    assert len(m.offsets) == len(m.text) + 1
    for i, ch in enumerate(m.text):
        o = m.offsets[i]
        assert 0 <= o < len(text)
        assert text[o] == ch or text[o] in REWRITABLE or ch == " ", (i, ch, text[o])  # a space may be put back
    assert list(m.offsets) == sorted(m.offsets)
    assert m.offsets[-1] <= len(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_original_span_of_any_range_lies_inside_the_original(text, data):
    m = normalize(text)
    start = data.draw(st.integers(0, len(m.text)))
    end = data.draw(st.integers(start, len(m.text)))
    s, e = m.original_span(start, end)
    assert 0 <= s <= e <= len(text)
    if end > start:
        # Rewrites only drop or replace whitespace, dashes, invisible characters and character references, and drop
        # reference digits: the word characters agree, but for digits the original has in addition.
        original, clean = re.sub(r"\W", "", unescaped(text[s:e])), re.sub(r"\W", "", m.text[start:end])
        assert _dropped_only_digits(original, clean), (original, clean)


def _dropped_only_digits(original: str, clean: str) -> bool:
    """``clean`` is ``original`` with some digits taken out."""
    rest = iter(original)
    for ch in clean:
        for other in rest:
            if other == ch:
                break
            if not other.isdigit():
                return False
        else:
            return False
    return all(ch.isdigit() for ch in rest)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_flatten_removes_every_newline_and_keeps_offsets_ordered(text):
    flat = flatten(normalize(text))
    assert "\n" not in flat.text
    assert list(flat.offsets) == sorted(flat.offsets)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcxyz", min_size=1, max_size=8), st.text(alphabet="abcxyz", min_size=1, max_size=8),
       st.sampled_from(["-\n", "- \n", "-\r\n", "-\n  ", "\u2010\n"]))
def test_lowercase_word_split_by_hyphen_and_break_is_rejoined(left, right, brk):
    text = f"{left}{brk}{right}"
    m = normalize(text)
    assert m.text == left + right
    assert m.original_span(0, len(m.text)) == (0, len(text))


@pytest.mark.parametrize("text, expected", [
    ("an antibody,5 was given", "an antibody, was given"),
    ("carcinoma (HCC).1 The trial", "carcinoma (HCC). The trial"),
    ("versus placebo;12 however", "versus placebo; however"),
    ("at the end of the note.3", "at the end of the note."),
    ("months (95% CI, 8.1-9.9).1,2 In comparison", "months (95% CI, 8.1-9.9). In comparison"),  # a list of references
    ("was invented.1-3 The trial", "was invented. The trial"),
    # values and lists are no footnotes: a digit before the stop, or no word after the number
    ("HR 0.78, 95% CI", "HR 0.78, 95% CI"), ("FGFR1,2,3 and 4", "FGFR1,2,3 and 4"), ("ratio 2:1 to A", "ratio 2:1 to A"),
    ("doses of 1.5 mg", "doses of 1.5 mg"), ("grades 3,4 events", "grades 3,4 events"),
])
def test_reference_numbers_after_punctuation_are_dropped_and_offsets_still_map(text, expected):
    mapped = normalize(text)
    assert mapped.text == expected
    for i, ch in enumerate(mapped.text):
        assert text[mapped.offsets[i]] == ch


def test_glued_reference_numbers_are_dropped_only_from_names():
    names = {"zorbanib": "zorbanib", "os": "os", "vegfr2": "kdr", "pd1": "pd1"}
    mapped = without_glued_footnotes(MappedText.identity("Zorbanib1 beat OS2 on VEGFR2 and PD1 in LOTUS4"),
                                     lambda s: names.get(s.lower()))
    assert mapped.text == "Zorbanib beat OS on VEGFR2 and PD1 in LOTUS4"
    assert mapped.original_span(mapped.text.index("OS"), mapped.text.index("OS") + 2) == (15, 17)


@pytest.mark.parametrize("text, expected", [
    ("Twelve-month OS rates", "12-month OS rates"),
    ("at two years, and three-year PFS", "at 2 years, and 3-year PFS"),
    ("a thirty-six month rate", "a 36 month rate"),
    # a number word with no time unit after it stays a word
    ("one patient in two arms", "one patient in two arms"),
    ("two of the years", "two of the years"),
])
def test_a_time_point_spelled_out_reads_as_digits(text, expected):
    assert normalize(text).text == expected


def test_the_digits_of_a_spelled_time_point_point_back_to_its_word():
    text = "OS at two years"
    mapped = normalize(text)
    start = mapped.text.index("2")
    assert mapped.original_span(start, start + 1) == (text.index("two"), text.index("two") + 1)
    assert mapped.original_span(start + 2, start + 7) == (text.index("years"), len(text))


def test_a_dose_glued_to_its_drugs_name_is_parted_from_it():
    assert normalize("given zorbanib250 mg daily or felotinib 1.5 mg").text == "given zorbanib 250 mg daily or felotinib 1.5 mg"
    assert normalize("the CD20 and VEGFR1 genes, 10mg").text == "the CD20 and VEGFR1 genes, 10mg"  # no name glued


@pytest.mark.parametrize("text, expected", [
    ("the investigator?s choice", "the investigator's choice"),
    ("it didn\ufffdt respond", "it didn't respond"),
    ("Did it respond? Surely it? stays", "Did it respond? Surely it? stays"),  # a question mark ends a question
])
def test_an_apostrophe_lost_in_encoding_reads_again(text, expected):
    mapped = normalize(text)
    assert mapped.text == expected
    assert len(mapped.offsets) == len(mapped.text) + 1


def test_a_reference_number_glued_to_a_lower_case_word_at_a_line_end_is_dropped():
    mapped = normalize("38% vs 24% with the comparator arm1\nIn HCC1\nwith 4 mg in cohort 2\n")
    assert mapped.text == "38% vs 24% with the comparator arm\nIn HCC1\nwith 4 mg in cohort 2\n"
    assert mapped.original_span(0, 34) == (0, 34)


@pytest.mark.parametrize("text, expected", [
    ("a made-up growth factor ZGF) receptor", "a made-up growth factor (ZGF) receptor"),  # the bracket never opened
    ("a made-up growth factor (ZGF) receptor", "a made-up growth factor (ZGF) receptor"),  # opened: left as it is
    ("arms A) and B) were pretend", "arms A) and B) were pretend"),  # an item's letter, no abbreviation after a name
    ("toy cells (clone ZK7) grew) fast", "toy cells (clone ZK7) grew) fast"),  # only an abbreviation before the bracket
])
def test_an_abbreviation_whose_opening_bracket_is_missing_gets_it_back(text, expected):
    mapped = normalize(text)
    assert mapped.text == expected
    at = expected.find("(ZGF")
    if at >= 0 and "(ZGF" not in text:  # the inserted bracket stands where the abbreviation starts
        assert mapped.original_span(at, at + 4) == (text.find("ZGF"), text.find("ZGF") + 3)

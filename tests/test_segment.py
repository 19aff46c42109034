"""Tests for hcc_kg.extract.segment: table blocks, prose, sections and sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_kg.extract.segment import Block, blocks, sentences

# A paragraph interrupted by a table: the converter put the table between "patients with"
# and "advanced disease", and marks the return of body text with a single leading space.
INTERRUPTED = (
    "Systemic options\n"
    "In this invented paragraph a small molecule was given to a group of patients with\n"
    "Table 4 Made-up response rates\n"
    "Drug A 12 per cent\n"
    "Drug B 9 per cent\n"
    " advanced disease, and the dose was lowered twice. Toxicity stayed mild.\n"
    "Immune therapy\n"
    "The antibody arm was smaller than the other arm in this made-up example.\n"
)


def prose_of(text: str) -> list[Block]:
    return [b for b in blocks(text) if b.kind == "prose"]


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in sentences(text, prose_of(text))]


# --- blocks -----------------------------------------------------------------------------

def test_blocks_cover_the_text_in_order_without_gaps():
    found = blocks(INTERRUPTED)
    assert found[0].start == 0 and found[-1].end == len(INTERRUPTED)
    for a, b in zip(found, found[1:]):
        assert a.end == b.start


def test_caption_starts_a_table_block_that_ends_at_the_body_resume_line():
    found = blocks(INTERRUPTED)
    tables = [b for b in found if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.label == "Table 4"
    assert table.start == INTERRUPTED.index("Table 4")
    assert table.end == INTERRUPTED.index(" advanced disease")
    assert "Drug B" in INTERRUPTED[table.start:table.end]


def test_two_space_line_does_not_resume_body_but_next_caption_ends_a_table():
    text = ("Table 1 First made-up table\nrow one\n  indented cell\n"
            "Table 2 Second made-up table\nrow two\n resumed body text.\n")
    found = blocks(text)
    assert [(b.kind, b.label) for b in found] == [("table", "Table 1"), ("table", "Table 2"), ("prose", "")]
    assert found[0].end == text.index("Table 2")
    assert "indented cell" in text[found[0].start:found[0].end]
    assert found[1].end == text.index(" resumed")


def test_table_running_to_the_end_of_the_text():
    text = "Some prose line.\nTable 7 Last table\nrow\nrow"
    found = blocks(text)
    assert found[-1] == Block("table", text.index("Table 7"), len(text), "Table 7")


def test_caption_must_start_the_line():
    text = "As shown in Table 2 the rates differ.\n"
    assert [b.kind for b in blocks(text)] == ["prose"]


def test_markdown_rows_form_a_table_block():
    text = "Intro line.\n| drug | target |\n|---|---|\n| foo | bar |\nProse again here.\n"
    found = blocks(text)
    assert [(b.kind, b.label) for b in found] == [("prose", ""), ("table", "markdown"), ("prose", "")]
    md = found[1]
    assert (md.start, md.end) == (text.index("| drug"), text.index("Prose again"))


def test_text_without_tables_is_one_prose_block():
    text = "Only prose.\nMore prose.\n"
    assert blocks(text) == [Block("prose", 0, len(text))]
    assert blocks("") == []


# --- sentences and sections ---------------------------------------------------------------

def test_sentence_interrupted_by_table_continues_after_it():
    sents = sentences(INTERRUPTED, prose_of(INTERRUPTED))
    first = sents[0]
    assert first.text == ("In this invented paragraph a small molecule was given to a group of patients with "
                          "advanced disease, and the dose was lowered twice.")
    assert "Drug A" not in " ".join(s.text for s in sents)
    # The evidence span starts at the first word and ends after "twice." in the original.
    s, e = first.mapped.original_span(0, len(first.text))
    assert s == INTERRUPTED.index("In this invented")
    assert e == INTERRUPTED.index("twice.") + len("twice.")
    # Every character of the flattened sentence comes from outside the table block.
    table = next(b for b in blocks(INTERRUPTED) if b.kind == "table")
    assert all(not table.start <= o < table.end for o in first.mapped.offsets[:-1])


def test_headings_become_sections_with_their_offsets():
    sents = sentences(INTERRUPTED, prose_of(INTERRUPTED))
    by_text = {s.text: s for s in sents}
    assert by_text["Toxicity stayed mild."].section == "Systemic options"
    assert by_text["Toxicity stayed mild."].section_start == INTERRUPTED.index("Systemic options")
    last = sents[-1]
    assert last.text.startswith("The antibody arm")
    assert last.section == "Immune therapy"
    assert last.section_start == INTERRUPTED.index("Immune therapy")
    assert all(s.text not in ("Systemic options", "Immune therapy") for s in sents)


def test_a_headline_that_states_something_is_read_as_a_sentence_and_names_its_section():
    text = "Agency Approves Foonib for Pretend Cancer\n\nThe invented label follows. It is short.\n"
    sents = sentences(text, prose_of(text))
    assert [s.text for s in sents] == ["Agency Approves Foonib for Pretend Cancer", "The invented label follows.",
                                       "It is short."]
    assert {s.section for s in sents} == {"Agency Approves Foonib for Pretend Cancer"}
    assert sents[0].mapped.offsets[0] == 0


def test_text_before_any_heading_has_empty_section():
    text = ("this paragraph starts in lower case so it is no heading, and it goes on\n"
            "to a second line. It ends here.\n")
    sents = sentences(text, prose_of(text))
    assert [s.text for s in sents][-1] == "It ends here."
    assert [s.section for s in sents] == ["", ""]
    assert sents[0].section_start == -1


def test_line_after_an_unfinished_line_is_not_a_heading():
    text = ("Heading one\n"
            "A long line of made-up prose that does not end with a stop and goes on to\n"
            "Short tail line\n"
            "which keeps going here.\n")
    sents = sentences(text, prose_of(text))
    assert [s.section for s in sents] == ["Heading one"]
    assert "Short tail line" in sents[0].text


def test_abbreviations_and_decimals_do_not_end_sentences():
    text = ("Notes\nWe saw it in vitro, e.g. in two lines, at 0.55 of baseline (see Fig. 3) and more. "
            "Then a second sentence [4] ends. Finally a third one!\n")
    assert sentence_texts(text) == [
        "We saw it in vitro, e.g. in two lines, at 0.55 of baseline (see Fig. 3) and more.",
        "Then a second sentence [4] ends.",
        "Finally a third one!",
    ]


def test_word_ending_like_an_abbreviation_still_ends_a_sentence():
    text = "Outcomes\nThe new drug improved overall survival. Nivolumab was then tried in a small group.\n"
    assert sentence_texts(text) == [
        "The new drug improved overall survival.",
        "Nivolumab was then tried in a small group.",
    ]


def test_et_al_does_not_end_a_sentence():
    text = "Outcomes\nAs Smith et al. Reported in a made-up study, rates fell. Then they rose.\n"
    assert sentence_texts(text) == ["As Smith et al. Reported in a made-up study, rates fell.",
                                    "Then they rose."]


def test_a_line_running_on_under_a_heading_is_prose_not_a_second_heading():
    text = ("Zorbatinib\nZorbatinib is an oral inhibitor that blocks the activity of\nKDR, FLT4 and MET. "
            "It was well tolerated.\n")
    sents = sentences(text, blocks(text))
    assert [s.text for s in sents] == ["Zorbatinib is an oral inhibitor that blocks the activity of KDR, FLT4 and MET.",
                                       "It was well tolerated."]
    assert {s.section for s in sents} == {"Zorbatinib"}


def test_country_and_company_abbreviations_do_not_end_a_sentence():
    text = ("News\nThe U.S. Food and Drug Administration cleared zorbamab, made by Acme Co. Ltd. in Ohio. "
            "The U.K. regulator followed.\n")
    assert sentence_texts(text) == [
        "The U.S. Food and Drug Administration cleared zorbamab, made by Acme Co. Ltd. in Ohio.",
        "The U.K. regulator followed.",
    ]


def test_figure_caption_lines_are_dropped():
    text = ("Results\nThe first paragraph of invented prose ends right here now.\n"
            "Figure 2 A caption that must not become a sentence\n"
            "Another paragraph of invented prose follows the picture here.\n")
    texts = sentence_texts(text)
    assert not any("caption" in t for t in texts)
    assert texts == ["The first paragraph of invented prose ends right here now.",
                     "Another paragraph of invented prose follows the picture here."]


def test_windows_line_endings_flatten_to_one_space():
    text = ("Results\r\nA long first line of made-up prose that keeps going beyond sixty chars\r\n"
            "and then ends on this line.\r\n")
    [sent] = sentences(text, prose_of(text))
    assert sent.text == ("A long first line of made-up prose that keeps going beyond sixty chars "
                         "and then ends on this line.")
    s, e = sent.mapped.original_span(0, len(sent.text))
    assert text[s:e].endswith("ends on this line.")


# --- properties ---------------------------------------------------------------------------

LINES = st.sampled_from([
    "Heading", "Table 3 Caption", "row cell 1", " resumed prose.", "  two spaces", "| a | b |",
    "plain prose line that is not short at all, it keeps going on and on.", "Ends here.", "", "Figure 1 Pic",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_blocks_partition_and_sentences_stay_in_prose(lines, eol):
    text = eol.join(lines)
    found = blocks(text)
    pos = 0
    for b in found:
        assert b.start == pos and b.end > b.start
        pos = b.end
    assert pos == len(text)
    prose = [b for b in found if b.kind == "prose"]
    for sent in sentences(text, prose):
        assert sent.text and sent.text == sent.text.strip() and "\n" not in sent.text
        for o in sent.mapped.offsets[:-1]:
            assert any(b.start <= o < b.end for b in prose)


def test_a_line_continued_in_lower_case_below_is_not_a_heading():
    text = ("Heading one\n"
            "A finished sentence of invented prose.\n"
            "The joined thing that wraps and\n"
            "\n"
            "continues here in lower case.\n")
    sents = sentences(text, prose_of(text))
    assert [s.section for s in sents] == ["Heading one", "Heading one"]
    assert sents[-1].text == "The joined thing that wraps and continues here in lower case."


def test_a_title_standing_alone_is_its_own_sentence_and_a_field_line_is_no_heading():
    text = ("An invented agent for an invented disease (ZEPHYR): a randomised, double-blind, phase 3 trial\n\n"
            "Summary\n\nBackground\nWe tested it. It worked.\nNCT ID: NCT01234567\nRegistered late.\n")
    found = sentences(text, prose_of(text))
    assert found[0].text.endswith("phase 3 trial") and found[1].section == "Background"
    assert any("NCT01234567" in s.text for s in found)


def test_a_blank_line_after_a_finished_sentence_ends_the_paragraph():
    text = "Foonib was given to no one. It is invented.\n\nfoonib tablets were not made either.\n"
    assert [s.text for s in sentences(text, prose_of(text))] == [
        "Foonib was given to no one.", "It is invented.", "foonib tablets were not made either."]


def test_a_blank_line_inside_an_unfinished_sentence_does_not_end_it():
    text = "Invented title\n\nIt is invented. Foonib was given to\n\nno one at all.\n"
    assert [s.text for s in sentences(text, prose_of(text))] == ["It is invented.", "Foonib was given to no one at all."]


def test_a_lower_case_headword_after_a_blank_line_heads_its_entry():
    text = "Invented dictionary\n\nfoonib tosylate\nAn imaginary kinase inhibitor. It is made up.\n\nbarmab\nA toy antibody.\n"
    sents = sentences(text, prose_of(text))
    assert [(s.text, s.section) for s in sents][1:] == [
        ("An imaginary kinase inhibitor.", "foonib tosylate"), ("It is made up.", "foonib tosylate"),
        ("A toy antibody.", "barmab")]


def test_a_longer_line_standing_alone_between_blank_lines_is_a_heading():
    heading = "Invented regulator decisions taken after earlier committee opinions on made-up drugs"
    text = f"It is invented.\n\n{heading}\n\nFollowing an opinion, foonib was authorised.\n"
    sents = sentences(text, prose_of(text))
    assert [(s.text, s.section) for s in sents] == [("It is invented.", ""),
                                                     ("Following an opinion, foonib was authorised.", heading)]


def _split_prose(text: str) -> list[str]:
    return [s.text for s in sentences(text, [b for b in blocks(text) if b.kind == "prose"])]


@pytest.mark.parametrize("text, expected", [
    # a quotation opens the next sentence, and a closing quote stays with the sentence it ends
    ('The agency cleared Zorvatinib. “It is a big day,” said Dr. Amsel. Sales begin in May.',
     ["The agency cleared Zorvatinib.", "“It is a big day,” said Dr. Amsel.", "Sales begin in May."]),
    ('Investigators called the data “clear.” The board agreed.', ["Investigators called the data “clear.”", "The board agreed."]),
    ("The study was stopped early. 'We expected more,' the sponsor wrote.",
     ["The study was stopped early.", "'We expected more,' the sponsor wrote."]),
    # a month's abbreviation before its day or year is no sentence end; before a word it may be
    ("It was approved on Feb. 3, 2022 in Canada. Launch followed.", ["It was approved on Feb. 3, 2022 in Canada.", "Launch followed."]),
    ("Filing was accepted in Sept. 2023 by the agency.", ["Filing was accepted in Sept. 2023 by the agency."]),
    # an abbreviation opening a sentence, whatever its case
    ("Approx. 250 people enrolled. Vs. placebo, survival improved.", ["Approx. 250 people enrolled.", "Vs. placebo, survival improved."]),
    # an abbreviation whose capitals follow a small letter opens a sentence; a word in small letters does not
    ("Median OS was 14.0 months. mPFS was 5.2 months. iRECIST was used.",
     ["Median OS was 14.0 months.", "mPFS was 5.2 months.", "iRECIST was used."]),
    ("It was given at 3 mg/kg. once a week.", ["It was given at 3 mg/kg. once a week."]),
    # a person's middle initial is no sentence end; a group's letter ending a sentence is
    ("As Maria T. Olsen, MD, noted, the data held. It was final.", ["As Maria T. Olsen, MD, noted, the data held.", "It was final."]),
    ("Patients entered arm B. Median OS was longer.", ["Patients entered arm B.", "Median OS was longer."]),
    # a short parenthesis closing soon after holds a citation, not a sentence end
    ("The trial (J. Hepatol. 2021) was negative. A second one followed.",
     ["The trial (J. Hepatol. 2021) was negative.", "A second one followed."]),
    # ... so does a square bracket, with a parenthesis inside it
    ("Patients got zorbanib [200 mg intravenous (i.v.) Q3W] and felotinib. Doses held.",
     ["Patients got zorbanib [200 mg intravenous (i.v.) Q3W] and felotinib.", "Doses held."]),
    # a parenthesis that closed before the period does not hold the next sentence
    ("Costs rose (see the notes.) The drug was approved.", ["Costs rose (see the notes.)", "The drug was approved."]),
    # an unclosed parenthesis far from any closing one does not swallow the next sentence
    ("One arm (the control was stopped. " + "Another long sentence follows here without any bracket at all. " * 2
     + "Then (a) closes.", None),
])
def test_sentence_ends_around_quotes_months_abbreviations_and_asides(text, expected):
    found = _split_prose(text)
    if expected is None:
        assert found[0] == "One arm (the control was stopped." and len(found) == 4
    else:
        assert found == expected


def test_field_lines_are_statements_of_their_own_and_a_blank_line_ends_the_last():
    text = ("Invented profile\n\nDrug class: kinase inhibitor\nTargets: A1, B2\n"
            "Approval status: granted by a pretend agency in 2021\n\nThe drug is taken daily. It is pretend.\n")
    assert _split_prose(text) == ["Drug class: kinase inhibitor", "Targets: A1, B2",
                                      "Approval status: granted by a pretend agency in 2021",
                                      "The drug is taken daily.", "It is pretend."]


def test_a_field_value_may_wrap_onto_the_next_line():
    text = "Mechanism of action: an invented inhibitor of A1 and\nB2 kinases in pretend cells.\nMore text follows."
    assert _split_prose(text) == ["Mechanism of action: an invented inhibitor of A1 and B2 kinases in pretend cells.",
                                  "More text follows."]


def test_a_web_address_line_is_no_prose_and_the_headline_below_it_is_still_the_title():
    text = ("https://news.example.org/agency-approves-foonib-plus-barmab-for-pretend-cancer\n"
            "Agency Approves Foonib Plus Barmab for Pretend Cancer\n\nThe invented label follows.\n")
    sents = sentences(text, prose_of(text))
    assert [s.text for s in sents] == ["Agency Approves Foonib Plus Barmab for Pretend Cancer", "The invented label follows."]
    assert sents[0].section == "Agency Approves Foonib Plus Barmab for Pretend Cancer"


def test_a_web_address_line_ends_the_paragraph_above_it():
    text = "The invented summary runs on without a stop\nwww.example.org/notes/item-7\nA second pretend statement.\n"
    assert _split_prose(text) == ["The invented summary runs on without a stop", "A second pretend statement."]


def test_a_line_holding_only_a_web_address_gives_no_sentence():
    text = "https://example.org/zorbanib-plus-quorimab-versus-felotinib\nAn invented title\n\nOne made-up sentence.\n"
    sents = sentences(text, prose_of(text))
    assert [s.text for s in sents] == ["One made-up sentence."] and sents[0].section == "An invented title"



@pytest.mark.parametrize("line", ["- Source: https://example.org/agency-approves-foonib-plus-barmab",
                                  "Source: www.example.org/foonib-plus-barmab", "* URL: https://example.org/x-y",
                                  "Retrieved from https://example.org/foonib"])
def test_a_labelled_web_address_below_a_title_is_no_prose_either(line):
    text = f"Agency Approves Foonib Plus Barmab for Pretend Cancer\n{line}\n\nThe invented label follows.\n"
    sents = sentences(text, prose_of(text))
    assert [s.text for s in sents] == ["Agency Approves Foonib Plus Barmab for Pretend Cancer", "The invented label follows."]


def test_a_line_standing_alone_without_a_stop_is_a_statement_of_its_own():
    # a press release's subheading between blank lines, then its dateline paragraph
    text = ("Invented headline about a made-up drug\n\n"
            "Foonib is the only approved first-line therapy for this invented disease\n\n"
            "ATLANTIS, Nowhere I 1 May 2031 I A company said the agency approved foonib. It was pleased.\n")
    assert sentence_texts(text)[:2] == [
        "Foonib is the only approved first-line therapy for this invented disease",
        "ATLANTIS, Nowhere I 1 May 2031 I A company said the agency approved foonib."]
    # a line left unfinished (an article at its end, a small letter below) still runs on
    for cut in ("In this invented study the patients who received the\n\nDrug did better.\n",
                "In this invented study the patients who received it\n\nand then the drug did better.\n"):
        assert len(sentence_texts("Made-up title line\n\n" + cut)) == 1



def test_a_short_line_below_a_line_standing_alone_heads_its_section():
    text = ("Review\n\n"
            "A long made-up subtitle about several invented treatments and the many open questions they leave for later work\n\n"
            "ABSTRACT\n\n"
            "Since an invented approval, many drugs were tried.\n")
    assert sentence_texts(text)[-1] == "Since an invented approval, many drugs were tried."


def test_a_title_line_above_a_structured_abstracts_first_section_is_its_own_sentence():
    text = ("FOO-12 in invented patients: a made-up analysis\nBackground: In FOO-12, foonib was tried.\n"
            "Methods: Nothing was done.\n")
    assert sentence_texts(text)[:2] == ["FOO-12 in invented patients: a made-up analysis",
                                        "Background: In FOO-12, foonib was tried."]


def test_a_bulleted_line_after_a_finished_one_is_a_sentence_of_its_own():
    text = ("Zorbatinib profile\n\nZorbatinib is an invented kinase inhibitor.\n- Status list:\n"
            "- Given with a partner in the first invented setting.\n- Given alone in the second invented setting.\n")
    assert sentence_texts(text)[-3:] == ["Zorbatinib is an invented kinase inhibitor.",
                                         "- Status list: Given with a partner in the first invented setting.",
                                         "- Given alone in the second invented setting."]


def test_a_sentence_ends_after_the_citations_in_a_row_that_follow_its_stop():
    text = ("An invented profile\n\nZorbanib is approved for an invented cancer (since 2015).[5][6]\n"
            "The drug is also approved for a second invented cancer.[8][9] It is taken by mouth.\n")
    found = sentence_texts(text)
    assert len(found) == 3 and found[1].startswith("The drug")


def test_a_one_line_item_closed_by_its_citations_is_finished():
    text = ("Zorbatinib profile\n\nApproved uses\n- First invented cancer: Zorbatinib combined with a partner was approved "
            "in 2020 for first-line use 1, 2\nSecond invented cancer (SIC):\n- Unresectable SIC: Zorbatinib alone was "
            "approved in 2022 3\n- It is also taken by mouth\n  twice daily 4\n")
    found = sentence_texts(text)
    assert found[-3].endswith("for first-line use 1, 2")
    assert found[-2].startswith("Second invented cancer (SIC):") and found[-2].endswith("approved in 2022 3")
    # an item running over two lines stays one
    assert found[-1] == "- It is also taken by mouth twice daily 4"


@pytest.mark.parametrize("text, expected", [
    ("It shrank.6, 19 Median survival was long.", ["It shrank.", "Median survival was long."]),
    ("It shrank (a lot).12 The end came.", ["It shrank (a lot).", "The end came."]),
    ("Survival was 12.6 Months long.", ["Survival was 12.6 Months long."]),  # a decimal, no citation
])
def test_citation_numbers_printed_right_after_a_stop_end_the_sentence(text, expected):
    assert _split_prose(text) == expected

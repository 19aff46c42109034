"""Tests for indications coordinated in one approval sentence, each with its own regimen and line
(hcc_kg.extract.approval_conjuncts), on invented sentences: another cancer's approval never takes the
HCC approval's agent or line."""

from __future__ import annotations

from test_approvals import REGIMEN, facts

from hcc_kg.keys import regimen_key


def test_a_partner_set_off_before_the_second_indication_joins_that_indication_only():
    body = ("In this invented note, foonib is approved in Japan for advanced lung cancer and, in combination "
            "with barmab, for first-line unresectable HCC.")
    assert facts(body) == {(REGIMEN, "hcc", "mhlw", "first_line"), ("foonib", "lung_cancer", "mhlw", None)}


def test_alone_for_one_indication_and_with_a_partner_for_the_other():
    body = "In this made-up story, the FDA approved foonib alone for melanoma and with barmab for HCC."
    assert facts(body) == {("foonib", "melanoma", "fda", None), (REGIMEN, "hcc", "fda", None)}


def test_monotherapy_for_one_indication_and_a_partner_for_the_other_named_in_brackets_or_not_at_all():
    body = ("In this invented notice, the EC authorised foonib for adults with HCC as monotherapy and for adults "
            "with lung cancer in combination with chemotherapy (barmab plus quxmab).")
    assert facts(body) == {("foonib", "hcc", "ec", None),
                           (regimen_key(["barmab", "foonib", "quxmab"]), "lung_cancer", "ec", None)}
    unnamed = ("In this invented notice, the EC authorised foonib for adults with lung cancer as monotherapy and for "
               "adults with HCC in combination with chemotherapy.")  # which drugs join foonib for HCC is not said
    assert facts(unnamed) == {("foonib", "lung_cancer", "ec", None)}
    anaphor = ("In this invented note, foonib plus barmab showed benefit. The FDA approved the combination for HCC "
               "and as monotherapy for melanoma.")  # the combination named before names no first drug
    assert facts(anaphor) == {(REGIMEN, "hcc", "fda", None)}


def test_it_with_a_partner_is_the_subjects_regimen_and_a_second_approval_of_it_is_the_subject_alone():
    body = ("Foonib was first approved in the US for melanoma. The following year it was approved in the US in "
            "combination with barmab for lung cancer, and most recently approved for first-line HCC.")
    assert facts(body, heading="Foonib: an invented drug profile") >= {
        (REGIMEN, "lung_cancer", "fda", None), ("foonib", "hcc", "fda", "first_line")}
    assert not {f for f in facts(body, heading="Foonib: an invented drug profile") if f[0] == "barmab"}


def test_a_second_subject_approved_after_a_comma_and_is_a_statement_of_its_own():
    body = ("In this invented note, foonib plus barmab has been approved in Japan for lung cancer, and foonib "
            "has been approved for HCC.")
    assert facts(body) == {(REGIMEN, "lung_cancer", "mhlw", None), ("foonib", "hcc", "mhlw", None)}


def test_a_line_stated_for_hcc_is_not_lent_to_another_cancers_approval():
    body = "In this invented note, the NMPA approved foonib for lung cancer, with barmab approved for second-line HCC."
    assert facts(body) == {("foonib", "lung_cancer", "nmpa", None), ("barmab", "hcc", "nmpa", "second_line")}


def test_coordinated_indications_of_one_regimen_share_it():
    body = "In this invented note, the FDA approved foonib in combination with barmab for HCC and for melanoma."
    assert facts(body) == {(REGIMEN, "hcc", "fda", None), (REGIMEN, "melanoma", "fda", None)}


def test_a_line_stated_for_hcc_is_lent_to_its_general_name_only():
    heading = "Invented news: FDA approves foonib for liver cancer"
    body = "The FDA approved foonib for second-line treatment of adults with HCC, with barmab approved for melanoma."
    assert facts(body, heading) == {("foonib", "liver_cancer", "fda", "second_line"),
                                    ("foonib", "hcc", "fda", "second_line"), ("barmab", "melanoma", "fda", None)}


def test_a_fronted_clause_opening_a_quotation_is_its_own_statement():
    body = ("“Following the approval of foonib for lung cancer earlier this year in China, the approval in HCC "
            "gives hope to patients after sorafenib,” said an invented spokesperson.")
    assert facts(body) == {("foonib", "lung_cancer", "nmpa", None), ("foonib", "hcc", "nmpa", "second_line")}


def test_prefixes_sharing_one_head_word_are_all_prior_therapies():
    body = ("In this invented note, foonib is approved in the US for melanoma in patients previously treated "
            "with barmab-, quxmab-, and sorafenib-based therapy.")
    assert facts(body) == {("foonib", "melanoma", "fda", "second_line")}



def test_a_subject_before_its_coordinated_indications_takes_each_ones_partner():
    body = "In this made-up story, foonib, alone for melanoma and with barmab for HCC, is approved in Japan."
    assert facts(body) == {(REGIMEN, "hcc", "mhlw", None)}


def test_a_partner_set_off_by_commas_before_the_second_indication():
    body = "In this made-up story, the FDA approved foonib for HCC and, with barmab, for melanoma."
    assert facts(body) == {("foonib", "hcc", "fda", None), (REGIMEN, "melanoma", "fda", None)}


def test_a_partner_after_the_second_indication_does_not_join_the_first():
    body = "In this made-up story, the FDA approved foonib for HCC and for melanoma in combination with barmab."
    assert facts(body) == {("foonib", "hcc", "fda", None), (REGIMEN, "melanoma", "fda", None)}


def test_a_contrast_naming_further_agents_with_their_own_line_is_part_of_the_approved_class():
    body = ("In invented patients with advanced HCC, FDA-approved systemic agents include foonib and barmab in the "
            "first line setting, while regorafenib, ramucirumab (in patients with AFP > 400 ng/mL) and nivolumab are "
            "reserved for patients who progressed on sorafenib.")
    assert facts(body) == {("foonib", "hcc", "fda", "first_line"), ("barmab", "hcc", "fda", "first_line"),
                           ("regorafenib", "hcc", "fda", "second_line"), ("ramucirumab", "hcc", "fda", "second_line"),
                           ("nivolumab", "hcc", "fda", "second_line")}


def test_a_hedged_or_untested_contrast_lends_no_approval():
    hedged = ("In invented patients with HCC, FDA approved first-line agents include foonib and barmab, whereas "
              "regorafenib might be reserved for patients who progressed on sorafenib.")
    tested = ("In invented patients with HCC, the FDA approved foonib and barmab as first-line therapy, while "
              "regorafenib is being tested in patients who progressed on sorafenib.")
    for body in (hedged, tested):
        assert facts(body) == {("foonib", "hcc", "fda", "first_line"), ("barmab", "hcc", "fda", "first_line")}


def test_a_contrast_after_a_pending_step_is_no_approval():
    body = ("In invented patients with HCC, the FDA accepted applications for foonib and barmab in the first line "
            "setting, while regorafenib is reserved for patients who progressed on sorafenib.")
    assert facts(body) == set()


def test_a_partner_after_two_coordinated_diseases_is_never_approved_by_itself():
    body = ("In this invented note, the Japanese regulator approved foonib as monotherapy for unresectable HCC and "
            "advanced lung cancer in combination with chemotherapy (barmab plus quxmab).")
    assert not {f for f in facts(body) if f[0] != "foonib"}

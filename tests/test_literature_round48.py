"""Shapes of the forty-eighth round (invented sentences and trials, the packaged vocabulary and lexicon).  Mechanisms: a
drug introduced by its class and target and named afterwards ("an antibody against T, designated X"; "The antibody,
termed X, ..." opening the next sentence); a code given in brackets after a compound's systematic name is a drug's
name, even of one digit; "X prevents A from binding B" says not which of the two X acts on; "type I TGF-beta
receptor" is TGFBR1.  Results: the rates of a later time point with their endpoint left out ("and the 24-month rates
were ..."); doses in international units per body surface randomised with their counts are cohorts.  Trials: a name
of a numbered family whose member ends in letters ("ALPHA 7QX" beside "ALPHA 031"); "NAME demonstrated the potential
of A" tested A.  Approvals: "1L" and "2L" are lines; "demonstrated the potential of A" hedges no approval; a subject
and its participle after a clause with its own verb ("A prolonged survival ... and B approved by the agency") is the
only agent approved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import arm_agents, read, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document

ACTIONS = ("inhibits", "isAntibodyAgainst", "activates")


def _pairs(text: str, vocabulary, finder) -> set[tuple[str, str]]:
    """The asserted drug -> target facts of an invented paragraph under a heading."""
    found = extract_document(Document.from_text("d1", f"Invented notes\n\n{text}\n"), vocabulary, finder)
    return {(a.subject, a.object) for a in found if a.predicate in ACTIONS and a.is_fact}


@pytest.mark.parametrize("text", [
    "In pretend mice we raised a chimeric antibody against GPC3, designated codrituzumab, that slowed tumour growth.",
    "A humanised antibody against the N-terminal region of GPC3 was made in this imagined work. The antibody, termed "
    "codrituzumab, bound hepatoma cells.",
])
def test_a_drug_introduced_by_its_class_and_named_afterwards_acts_on_the_target(text, vocabulary, finder):
    # (before, the class phrase named no drug and the drug's name no target)
    assert ("codrituzumab", "gpc3") in _pairs(text, vocabulary, finder)


def test_an_introduced_drug_never_named_gives_no_fact(vocabulary, finder):
    text = "We raised an antibody against GPC3 in pretend mice. Codrituzumab was then given to other mice."
    assert ("codrituzumab", "gpc3") not in _pairs(text, vocabulary, finder)


def test_a_one_digit_code_after_a_systematic_name_is_a_drug(vocabulary, finder):
    # (before, a code of one digit was no drug's form, so what it was said to bind was nobody's target)
    text = ("We made a new small molecule, diethyl 3-(4-methoxyphenyl)propanoate (QZ-4), in an invented screen. "
            "QZ-4 bound the SH2 domain of STAT3 in pretend cells.")
    assert ("qz_4", "stat3") in _pairs(text, vocabulary, finder)


def test_a_one_digit_code_after_an_ordinary_word_stays_no_drug(vocabulary, finder):
    text = "Cells from the tumour (QZ-4) lost STAT3 in this invented assay."
    assert not {pair for pair in _pairs(text, vocabulary, finder) if pair[0] == "qz_4"}


@pytest.mark.parametrize("text, expected", [
    # the ones kept from acting may be the receptor's ligands: which one the drug binds is not said
    ("In a made-up note, tislelizumab keeps PD-L1 and PD-L2 from switching T cells off; it prevents PD-L1 and PD-L2 "
     "from engaging the receptor.", set()),
    ("Durvalumab binds PD-L1, preventing it from engaging its receptor in this invented note.", {("durvalumab", "cd274")}),
])
def test_what_a_drug_prevents_from_acting_is_not_said_to_be_its_target(text, expected, vocabulary, finder):
    assert {p for p in _pairs(text, vocabulary, finder) if p[1] in {"cd274", "pdcd1lg2"}} == expected


def test_the_type_i_receptor_written_type_first_is_tgfbr1(vocabulary, finder):
    text = "Galunisertib blocks the type I TGF-beta receptor kinase in this pretend summary."
    assert _pairs(text, vocabulary, finder) == {("galunisertib", "tgfbr1")}


TWO_ARMS = ("In the phase 3 OMEGA-12 trial, 300 patients were randomised to tislelizumab (n = 151) or sorafenib (n = 149). ")


def test_a_later_time_point_s_rates_without_their_endpoint_are_the_same_endpoint_s(vocabulary, finder):
    # (before, only the first time point's rates were read)
    text = TWO_ARMS + ("The 6-month PFS rates were 52% (95% CI, 44%-60%) vs 41% (95% CI, 33%-49%), respectively, and "
                       "the 9-month rates were 37% (95% CI, 29%-45%) vs 26% (95% CI, 19%-34%), respectively.")
    read_values = {v for v in values(read(text, vocabulary, finder)) if v[1] == "pfs"}
    assert read_values == {("tislelizumab", "pfs", Decimal("52")), ("sorafenib", "pfs", Decimal("41")),
                           ("tislelizumab", "pfs", Decimal("37")), ("sorafenib", "pfs", Decimal("26"))}


def test_a_rate_named_for_another_endpoint_after_the_time_point_is_not_elided(vocabulary, finder):
    text = TWO_ARMS + ("The 6-month PFS rates were 52% vs 41%, respectively, and the 9-month rates of local control "
                       "were 70% vs 62%.")
    assert {v for v in values(read(text, vocabulary, finder)) if v[2] in {Decimal("70"), Decimal("62")}} == set()


def test_doses_in_international_units_with_their_counts_are_cohorts(vocabulary, finder):
    # (before, a dose in IU per square metre was no randomised alternative: the counts were no cohort's size)
    text = ("In this randomised phase 2 trial, patients were assigned to lenvatinib 90 IU/m2 (n = 41) or 180 IU/m2 "
            "(n = 43). Median PFS was 2.9 months in the 90 IU/m2 group and 3.6 months in the 180 IU/m2 group.")
    found = read(text, vocabulary, finder)
    cohorts = {a.subject: a.object for a in found if a.predicate == "armCohort"}
    assert {cohorts[a.subject]: int(a.object) for a in found if a.predicate == "armSize"} == {"90 iu/m2": 41,
                                                                                             "180 iu/m2": 43}


def test_schedules_written_in_words_randomised_are_one_agent_s_single_arm(vocabulary, finder):
    # (a guard: the pair of schedules is now written with the schedule the cohorts use, number words included)
    text = ("In this randomised phase 2 trial, 120 patients were assigned to tislelizumab every two weeks or every "
            "three weeks. The objective response rate was 13.3% and median OS was 11.2 months.")
    assert values(read(text, vocabulary, finder)) == {("tislelizumab", "orr", Decimal("13.3")),
                                                      ("tislelizumab", "os", Decimal("11.2"))}


def test_a_family_member_whose_name_ends_in_letters_names_the_family(vocabulary, finder):
    # (before, a family was only read from a name ending in two digits or more, so the numbered sibling was no trial)
    text = ("The phase 3 ALPHA 7QX trial compared durvalumab with sorafenib in untreated HCC. ALPHA 031 had "
            "demonstrated the potential of durvalumab in patients given sorafenib before.")
    found = read(text, vocabulary, finder)
    trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
    assert "trial__alpha031" in trials
    assert ("trial__alpha031", "durvalumab") in {(a.subject, a.object.split("__")[-1]) for a in found
                                                 if a.predicate == "hasArm"}


def _approval_lines(text: str, vocabulary, finder) -> dict[str, str | None]:
    found = extract_document(Document.from_text("d1", f"Hepatocellular carcinoma notes\n\n{text}\n"), vocabulary, finder)
    return {a.subject: dict(a.context).get("line") for a in found if a.predicate == "approvedFor" and a.is_fact}


@pytest.mark.parametrize("text, expected", [
    ("In this invented abstract, lenvatinib is approved as 1L therapy for aHCC.", {"lenvatinib": "first_line"}),
    ("In this invented abstract, ramucirumab is approved as 2L therapy for aHCC.", {"ramucirumab": "second_line"}),
])
def test_an_abstract_s_short_forms_of_the_line_are_lines(text, expected, vocabulary, finder):
    assert _approval_lines(text, vocabulary, finder) == expected


def test_the_potential_a_trial_demonstrated_hedges_no_approval(vocabulary, finder):
    # (before, "potential" made the approval it led to a hedged one)
    text = ("The imagined BETA-20 study demonstrated the potential of cabozantinib after sorafenib and so earned it an "
            "FDA approval for HCC.")
    assert "cabozantinib" in _approval_lines(text, vocabulary, finder)


def test_a_participle_subject_after_a_clause_with_its_own_verb_is_the_only_one_approved(vocabulary, finder):
    # (before, the first clause's drugs were approved too)
    text = ("In this invented recap, cabozantinib extended survival after sorafenib in trials and ramucirumab approved "
            "by FDA for HCC patients with high AFP.")
    assert set(_approval_lines(text, vocabulary, finder)) == {"ramucirumab"}


def test_subjects_listed_before_the_participle_are_all_approved(vocabulary, finder):
    text = "In advanced HCC, regorafenib and pembrolizumab approved by FDA as options after first-line."
    assert set(_approval_lines(text, vocabulary, finder)) == {"regorafenib", "pembrolizumab"}


def test_the_corresponding_value_in_the_next_clause_is_the_other_arm_s(vocabulary, finder):
    # (before, a clause naming the other arm's value as "the corresponding value" gave nobody's)
    text = TWO_ARMS + ("Median OS was 17.4 months in the tislelizumab arm; the corresponding value in the sorafenib "
                       "arm was 14.2 months.")
    assert {v for v in values(read(text, vocabulary, finder)) if v[1] == "os"} == {
        ("tislelizumab", "os", Decimal("17.4")), ("sorafenib", "os", Decimal("14.2"))}


def test_a_phase_range_names_the_whole_trial_not_one_part(vocabulary, finder):
    # (before, "in the phase 2-3 NAME study" read as its phase 2 part, whose counts are no arm's size)
    text = ("In the phase 2-3 KAPPA-40 study, patients were allocated 2:1 to camrelizumab plus rivoceranib (n = 270) or "
            "sorafenib (n = 135). Median OS was 19.8 versus 12.6 months.")
    assert sizes(read(text, vocabulary, finder)) == {("regimen__camrelizumab__rivoceranib", 270), ("sorafenib", 135)}


def test_a_form_and_brand_between_a_regimen_s_parts_keep_it_one(vocabulary, finder):
    # (before, "A injection (Brand) in combination with B" parted A from B)
    text = ("Frontline toripalimab injection (Loqtorzi) in combination with bevacizumab improved survival versus "
            "sorafenib in the phase 3 LAMBDA-8 trial.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__bevacizumab__toripalimab", "sorafenib"}


def test_transcatheter_arterial_infusion_is_the_infusion_procedure(vocabulary, finder):
    # (before, the procedure had no such name: the arm was its drug's alone)
    text = ("This invented phase 1 study of combination chemotherapy using lenvatinib and transcatheter arterial "
            "infusion of oxaliplatin enrolled 24 patients. The median PFS was 6.1 months.")
    assert arm_agents(read(text, vocabulary, finder)) == {
        "regimen__hepatic_arterial_infusion_chemotherapy__lenvatinib__oxaliplatin"}


@pytest.mark.parametrize("text, expected", [
    ("In this invented report, patients received CAR-GPC3 T cells after lymphodepletion.", ("car_gpc3_t_cells", "gpc3")),
    ("The pretend study infused GPC3-specific CAR-T cells into twelve patients.", ("car_gpc3_t_cells", "gpc3")),
    ("Autologous AFP-targeted TCR-T cells were given in this imagined trial.", ("tcr_afp_t_cells", "afp")),
    # the name says what the cells bind, whatever the clause says they did
    ("CAR-GPC3 T cells did not expand in two of the pretend patients.", ("car_gpc3_t_cells", "gpc3")),
])
def test_t_cells_named_by_receptor_and_target_act_on_the_target(text, expected, vocabulary, finder):
    # (before, such cells were no product: their target was read of no drug)
    assert expected in _pairs(text, vocabulary, finder)


def test_cells_named_with_a_product_s_name_stay_that_product_s(vocabulary, finder):
    text = "Zorbaleucel, a GPC3-specific CAR-T cell product, was infused once in this invented note."
    assert {pair for pair in _pairs(text, vocabulary, finder) if pair[1] == "gpc3"} == {("zorbaleucel", "gpc3")}


def test_one_product_whichever_way_the_cells_are_written(vocabulary, finder):
    text = ("In this imagined study, CAR-GPC3 T-cell therapy was given once. GPC3-CAR T cells expanded in most of the "
            "pretend patients.")
    found = extract_document(Document.from_text("d1", f"Invented notes\n\n{text}\n"), vocabulary, finder)
    assert {a.subject for a in found if a.predicate == "recognisedAs"} == {"car_gpc3_t_cells"}


def test_a_code_typed_as_a_t_cell_therapy_is_a_drug_and_its_treatment_the_trial_s_arm(vocabulary, finder):
    # (before, "T-cell therapy" typed no code, nor a modifier glued to a bracketed abbreviation; and the treatment with
    # a drug a result followed from gave the named trial no arm)
    text = ("Therapy with QRX-404, a gene-modified hepatitis C virus (HCV)-directed T-cell therapy, produced tumour "
            "shrinkage in an invented phase 1 trial (NCT09990777). All 21 patients with advanced HCC who received one "
            "infusion of QRX-404 were followed for a year.")
    found = read(text, vocabulary, finder)
    assert arm_agents(found) == {"qrx_404"}
    assert {n for _, n in sizes(found)} == {21}


@pytest.mark.parametrize("text, expected", [
    ("Among 58 enrolled patients, the objective response rate was 24.1% in this pretend study.", 58),
    ("All 58 patients who received the study drug had at least one scan in this pretend study.", 58),
    ("All 6 patients who received the higher dose had fever in this pretend study.", None),
])
def test_everyone_counted_as_enrolled_or_all_who_received(text, expected):
    from hcc_kg.extract.enrolment import enrolled
    assert enrolled(text) == expected


def test_patients_with_a_characteristic_the_trial_randomised_are_everyone(vocabulary, finder):
    # (before, "patients with PVTT" was a subgroup even as the randomisation's subject: the arms' counts were lost)
    text = ("Patients with PVTT were randomized to receive sorafenib plus radiotherapy (n = 40) or sorafenib alone "
            "(n = 41) in this invented trial. Median OS was 12.2 versus 9.1 months.")
    assert {n for _, n in sizes(read(text, vocabulary, finder))} == {40, 41}


def test_a_randomised_trial_said_to_be_under_way_leaves_the_report_single_arm(vocabulary, finder):
    # (before, the ongoing trial's "randomized" made the document a randomised one: the own study's values were lost)
    text = ("This invented phase 1 study of regorafenib plus nivolumab enrolled 30 patients. Median OS and PFS came to "
            "11.4 and 4.2 months, respectively. A randomized phase 2 trial of regorafenib versus regorafenib plus "
            "nivolumab is currently underway.")
    assert values(read(text, vocabulary, finder)) == {
        ("regimen__nivolumab__regorafenib", "os", Decimal("11.4")), ("regimen__nivolumab__regorafenib", "pfs", Decimal("4.2"))}


def test_the_count_the_enrolled_patients_are_named_by(vocabulary, finder):
    from hcc_kg.extract.enrolment import enrolled
    assert enrolled("The toxicities seen by the 30 enrolled patients were mild in this pretend study.") == 30


def test_approved_classes_predicated_in_the_plural_approve_each_subject(vocabulary, finder):
    # (before, only "X is an/the approved ..." was predicated: the plural, with no article, approved no one)
    text = "In this invented background, cabozantinib and ramucirumab are approved second-line agents for HCC."
    assert _approval_lines(text, vocabulary, finder) == {"cabozantinib": "second_line", "ramucirumab": "second_line"}


def test_drugs_said_to_be_approved_in_other_cancers_are_not_approved_here(vocabulary, finder):
    text = "Many kinase inhibitors are approved agents in other cancers, but only a few help in HCC, as this pretend note says."
    assert _approval_lines(text, vocabulary, finder) == {}


def test_two_drugs_set_against_each_other_are_no_regimen_for_a_slash(vocabulary, finder):
    # (before, "after A/B" elsewhere made "A and B are approved ..." one regimen's approval)
    text = ("Cabozantinib versus ramucirumab after sorafenib: an invented comparison. Cabozantinib and ramucirumab are "
            "approved second-line agents for HCC. After stopping cabozantinib/ramucirumab, 20 patients had no further "
            "therapy.")
    assert set(_approval_lines(text, vocabulary, finder)) == {"cabozantinib", "ramucirumab"}

"""Shapes of the fiftieth round (invented sentences, the packaged vocabulary and lexicon).  Mechanisms: target
families kinase profiles name as families (the TAM receptors, the Aurora kinases, the BET proteins, the BCL-2
family), INN stems of bromodomain (-bresib) and LSD1 (-demstat) inhibitors, "we identified X as an inhibitor of T"
(the drug as the object of a verb of finding, its class after "as"), "X abolished T activity"; a code named as the
means of an inhibition ("inhibition of T using CODE") is a drug; a family word right before one protein describes it
("the chemokine receptor T"); "inhibition of the <description> (T) using X"; development codes of plerixafor,
fexagratinib and ramucirumab (vocabulary); a bare "A, anti-T" followed by more items and "or" is a list, no
appositive.  Trials: a regimen's second part described by up to four words before its class noun
("A in combination with the engineered fully human antibody B"), so a later "the combo" is that regimen; two
values set against each other where the one arm known is named after the second ("X months, against Y months for
those on B") give B the second; a part of the patients counted before a survival time ("in 16 (12% of 130)
patients ..., achieving a median OS of X") is a subgroup; one agent's doses each labelled ("B at 2 mg (cohort 1) or
4 mg (cohort 2)") make cohorts of the regimen's arm; "68% of patients given A were alive, as were 55%
of those given B" and "68% in the A arm and 55% in the B arm were alive" are each arm's survival rate; a single arm's
rates at time points each with its own unit ("at 2 years and 6 months were X% and Y%, respectively"); "received
autologous X" gives X; "compared with A alone and (with) C", "compared with a control arm of C" name every arm after
the cue (and "compared with A alone and C" is no "compare A and C"); "A alone and A plus B" are two arms; "13 patients
were included in the A group"; a sentence naming two trials in clauses of their own gives each trial its own clause
("A was first tested in NAME-1, and it then beat B in NAME-2": B is no arm of NAME-1); "surveillance alone", "simple
surveillance" and "observation alone" name an adjuvant trial's control arm (vocabulary); procedures with or without
each other ("resection with or without transplantation") are no arms.  Approvals:
"after one prior systemic therapy" is a second-line indication; "it is indicated, in combination with B, for D" is
a label's indication; "it" after a sentence naming no drug is still the drug named before, and after a section
heading the heading's drug."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import action_pairs, approved_lines, arm_agents, arms, read, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document



@pytest.mark.parametrize("text, pair", [
    ("In a pretend screen merestinib blocked MET and the TAM receptor tyrosine kinases.", ("merestinib", "tam_family")),
    ("Zanzalintinib, the invented summary says, is an inhibitor of VEGFR, MET and TAM kinases.",
     ("zanzalintinib", "tam_family")),
    ("In imagined cells alisertib acted as an inhibitor of Aurora kinases.", ("alisertib", "aurora_kinase_family")),
    ("Navitoclax blocked BCL-2 family proteins in the made-up cells.", ("navitoclax", "bcl2_family")),
    ("Birabresib binds BET proteins in this pretend assay.", ("birabresib", "bet_family")),
])
def test_target_families_named_as_families(text, pair, vocabulary, finder):
    # (before, the family was no target: an unknown list item, or "BCL-2 family" read as BCL2 itself)
    facts, _ = action_pairs(text, vocabulary, finder)
    assert pair in facts


def test_a_list_with_a_family_keeps_its_other_members(vocabulary, finder):
    # (before, "TAM receptors" was no target and the whole list was dropped, VEGFR2 with it)
    facts, _ = action_pairs("Sitravatinib, a spectrum-selective kinase inhibitor targeting TAM receptors and VEGFR2, "
                         "was paired with an invented antibody.", vocabulary, finder)
    assert {("sitravatinib", "tam_family"), ("sitravatinib", "kdr")} <= facts


def test_tumour_associated_macrophages_are_no_tam_receptors(vocabulary, finder):
    facts, _ = action_pairs("In the pretend model, sorafenib reduced TAMs and inhibited VEGFR2.", vocabulary, finder)
    assert facts == {("sorafenib", "kdr")}


@pytest.mark.parametrize("text, pair", [
    ("Molibresib is a BET inhibitor tested in invented organoids.", ("molibresib", "bet_family")),
    ("Zorbademstat is an LSD1 inhibitor in this made-up note.", ("zorbademstat", "kdm1a")),
])
def test_new_inn_stems_name_drugs(text, pair, vocabulary, finder):
    # (before, neither name had a stem the reader knew, so no drug stood before the class)
    facts, _ = action_pairs(text, vocabulary, finder)
    assert pair in facts


@pytest.mark.parametrize("text", [
    "We identified navitoclax as an inhibitor of BCL-XL in invented senescent cells.",
    "A pretend screen characterised navitoclax as a BCL-XL inhibitor.",
])
def test_the_drug_found_to_be_an_inhibitor(text, vocabulary, finder):
    # (before, "as" after the drug was no copula: only the passive "was identified as" was read)
    facts, _ = action_pairs(text, vocabulary, finder)
    assert ("navitoclax", "bcl2l1") in facts


def test_a_proposed_class_is_no_finding(vocabulary, finder):
    facts, _ = action_pairs("We proposed navitoclax as an inhibitor of BCL-XL worth testing.", vocabulary, finder)
    assert ("navitoclax", "bcl2l1") not in facts


def test_abolished_activity_is_inhibition(vocabulary, finder):
    # (before, "abolished" was no verb of inhibition)
    facts, _ = action_pairs("In the invented lines trametinib abolished MEK activity within an hour.", vocabulary, finder)
    assert ("trametinib", "mek_family") in facts


def _lines(text: str, vocabulary, finder) -> dict[str, str | None]:
    return approved_lines(read(text, vocabulary, finder))


def test_after_one_prior_therapy_is_second_line(vocabulary, finder):
    # (before, "after one prior" was no second-line cue: the approval had no line)
    text = "In this invented notice, the FDA approved zorbatinib for advanced HCC after one prior systemic therapy."
    assert _lines(text, vocabulary, finder) == {"zorbatinib": "second_line"}


def test_after_first_line_therapy_stays_second_line(vocabulary, finder):
    text = "In this invented notice, the FDA approved zorbatinib for advanced HCC after first-line therapy."
    assert _lines(text, vocabulary, finder) == {"zorbatinib": "second_line"}


def test_a_first_line_approval_keeps_its_line(vocabulary, finder):
    text = "In this invented notice, the FDA approved zorbatinib for HCC in patients with no prior systemic therapy."
    assert _lines(text, vocabulary, finder) == {"zorbatinib": "first_line"}


def test_a_described_second_part_still_joins_the_regimen(vocabulary, finder):
    # (before, four words between "with the" and the drug broke the regimen, so "the combo" stood for nothing)
    text = ("An invented agency cleared nivolumab in combination with the engineered fully human antibody ipilimumab "
            "for liver cancer. The clearance rests on the pretend ZETA-9 trial. Median OS reached 21.4 months with the "
            "combo versus 18.2 months with sorafenib.")
    assert values(read(text, vocabulary, finder)) >= {("regimen__ipilimumab__nivolumab", "os", Decimal("21.4")),
                                                      ("sorafenib", "os", Decimal("18.2"))}


def test_the_one_arm_named_after_the_second_value_holds_it(vocabulary, finder):
    # (before, sorafenib, the one arm known, took the first value, the unresolved group's)
    text = ("The pretend ZETA-5 trial reported longer survival for the doublet. Those on the doublet had a median OS "
            "of 19.9 months, against 16.1 months for those treated with sorafenib.")
    assert values(read(text, vocabulary, finder)) == {("sorafenib", "os", Decimal("16.1"))}


def test_a_single_arm_value_stays_the_arms(vocabulary, finder):
    text = "In the invented single-arm ZETA-8 study of lenvatinib, the median OS was 13.2 months."
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "os", Decimal("13.2"))}


def test_a_counted_part_of_the_patients_is_a_subgroup(vocabulary, finder):
    # (before, the downstaged patients' median OS was read as the whole arm's)
    text = ("In the made-up ZETA-4 trial, 200 patients were randomly assigned to lenvatinib or sorafenib. Median OS "
            "was 13.9 months for lenvatinib and 8.2 months for sorafenib. Downstaging occurred in 16 (12.3% of 100) "
            "patients receiving lenvatinib, who went on to achieve a median OS of 20.8 months.")
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "os", Decimal("13.9")),
                                                      ("sorafenib", "os", Decimal("8.2"))}


def test_a_response_rate_counted_of_everyone_is_kept(vocabulary, finder):
    text = ("In the invented single-arm ZETA-3 study, 12 of 40 patients receiving lenvatinib responded, "
            "an objective response rate of 30%.")
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "orr", Decimal("30"))}


def _cohort_values(facts) -> set[tuple[str, str, Decimal]]:
    cohort = {a.subject: a.object for a in facts if a.predicate == "armCohort"}
    return {(cohort[a.subject], a.object, a.attribute_values("value")[0]) for a in facts
            if a.predicate == "hasMeasurement" and a.subject in cohort}


def test_labelled_doses_of_one_agent_are_cohorts(vocabulary, finder):
    # (before, the labels followed doses, not agents: no cohort was read and no value placed)
    text = ("In the invented ZETA-2 phase 2 study, patients were given sintilimab 200 mg and bevacizumab at 7.5 mg/kg "
            "(cohort 1) or 15 mg/kg (cohort 2). ORRs were 27.5% in cohort 1 and 12.5% in cohort 2.")
    assert _cohort_values(read(text, vocabulary, finder)) == {("cohort 1", "orr", Decimal("27.5")),
                                                             ("cohort 2", "orr", Decimal("12.5"))}


@pytest.mark.parametrize("text", [
    "The made-up ZETA-1 trial randomised 400 patients to lenvatinib or sorafenib. At 12 months, 68% of patients "
    "given lenvatinib were alive, as were 55% of those given sorafenib.",
    "The made-up ZETA-1 trial randomised 400 patients to lenvatinib or sorafenib. At 12 months, 68% of patients in "
    "the lenvatinib arm and 55% in the sorafenib arm were alive.",
])
def test_shares_alive_are_each_arms_survival_rate(text, vocabulary, finder):
    # (before, "as were" and the outcome after both shares were not read)
    assert values(read(text, vocabulary, finder)) == {("lenvatinib", "os", Decimal("68")),
                                                      ("sorafenib", "os", Decimal("55"))}


def _approvals(text: str, vocabulary, finder) -> dict[str, str | None]:
    """The lines of the approvals a text with its own heading asserts."""
    return approved_lines(extract_document(Document.from_text("d1", text), vocabulary, finder))


def test_an_indication_with_its_partner_set_off_by_commas(vocabulary, finder):
    # (before, "indicated," was no label's indication)
    text = ("Invented notes\n\nAtezolizumab is a monoclonal antibody to PD-L1 in this made-up page. It is also "
            "indicated, in combination with bevacizumab, to treat unresectable HCC as first-line therapy.\n")
    assert _approvals(text, vocabulary, finder) == {"regimen__atezolizumab__bevacizumab": "first_line"}


def test_it_after_a_sentence_naming_no_drug_is_the_drug_before(vocabulary, finder):
    # (before, a sentence naming no drug between made "it" stand for nothing)
    text = ("Invented class page\n\nPembrolizumab is an antibody that binds PD-1 in this made-up page. Binding of the "
            "ligands to the receptor dampens pretend T cells. It is indicated for HCC after sorafenib.\n")
    assert _approvals(text, vocabulary, finder) == {"pembrolizumab": "second_line"}


def test_it_under_a_heading_is_the_headings_drug(vocabulary, finder):
    text = ("Invented class page\n\nPembrolizumab is an antibody that binds PD-1 in this made-up page.\n\n"
            "Atezolizumab (Brandname)\n\nAn antibody to PD-L1, in this invented entry. It is also indicated, in "
            "combination with bevacizumab, to treat unresectable HCC as first-line therapy.\n")
    assert _approvals(text, vocabulary, finder) == {"regimen__atezolizumab__bevacizumab": "first_line"}


def test_it_under_a_heading_naming_no_drug_stands_for_none(vocabulary, finder):
    text = ("Invented class page\n\nPembrolizumab is an antibody that binds PD-1 in this made-up page.\n\n"
            "Other options\n\nThe ligands are made by pretend cells. It is indicated for unresectable HCC.\n")
    assert _approvals(text, vocabulary, finder) == {}


def test_rates_at_time_points_each_with_its_unit(vocabulary, finder):
    # (before, a list of time points had to share one unit)
    text = ("In a pretend phase I study, 21 adults with advanced HCC received lenvatinib. The survival rates at 2 years "
            "and 6 months were 18.5% and 61.0%, respectively.")
    facts = read(text, vocabulary, finder)
    rates = {(dict(a.context)["timepoint"], a.attribute_values("value")[0]) for a in facts if a.predicate == "hasMeasurement"}
    assert rates == {("2-year", Decimal("18.5")), ("6-month", Decimal("61.0"))}


def test_a_list_of_time_points_with_fewer_rates_gives_none(vocabulary, finder):
    text = ("In a pretend phase I study, 21 adults with advanced HCC received lenvatinib. Survival was assessed at 2 years "
            "and 6 months; the 2-year survival rate was 18.5%.")
    facts = read(text, vocabulary, finder)
    assert {a.attribute_values("value")[0] for a in facts if a.predicate == "hasMeasurement"} == {Decimal("18.5")}


def test_autologous_cells_received_are_the_arm(vocabulary, finder):
    # (before, "autologous" between the verb and the cells hid the arm)
    text = ("In a made-up phase I study, adults with advanced HCC received autologous CAR-GPC3 T cells after "
            "conditioning. A total of 9 patients were treated.")
    assert arm_agents(read(text, vocabulary, finder)) == {"car_gpc3_t_cells"}


@pytest.mark.parametrize("text", [
    "In the pretend ZETA-7 trial, nivolumab plus ipilimumab was given versus a comparator group receiving nivolumab "
    "alone and a control group given lenvatinib.",
    "The pretend ZETA-7 trial compared nivolumab plus ipilimumab with nivolumab alone and with lenvatinib.",
    "The pretend ZETA-7 trial tested nivolumab plus ipilimumab, compared with nivolumab alone and lenvatinib.",
])
def test_every_arm_after_the_comparison_cue(text, vocabulary, finder):
    # (before, the second arm after the cue was dropped, or the first arm before it)
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__ipilimumab__nivolumab", "nivolumab", "lenvatinib"}


def test_a_control_arm_named_by_its_role(vocabulary, finder):
    # (before, "a control arm of" hid the comparator)
    text = "The pretend ZETA-7 trial tested nivolumab plus ipilimumab, compared with a control arm of lenvatinib."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__ipilimumab__nivolumab", "lenvatinib"}


def test_compared_with_a_pair_is_still_one_arm(vocabulary, finder):
    text = "The pretend ZETA-7 trial tested lenvatinib, compared with atezolizumab plus bevacizumab."
    assert arm_agents(read(text, vocabulary, finder)) == {"lenvatinib", "regimen__atezolizumab__bevacizumab"}


def test_it_after_two_sentences_naming_no_drug_stands_for_none(vocabulary, finder):
    text = ("Invented class page\n\nPembrolizumab binds PD-1 in this made-up page. Other classes were tried in pretend "
            "mice. Immunotherapy changed the invented field. It is indicated for HCC after sorafenib.\n")
    assert _approvals(text, vocabulary, finder) == {}


def test_it_after_a_plain_paragraph_break_is_the_drug_before(vocabulary, finder):
    text = ("Invented class page\n\nPembrolizumab binds PD-1 in this made-up page.\n\nIt is indicated for HCC "
            "after sorafenib.\n")
    assert _approvals(text, vocabulary, finder) == {"pembrolizumab": "second_line"}


def test_a_code_named_as_the_means_of_an_inhibition_is_a_drug(vocabulary, finder):
    # (before, a code with no class noun beside it was no drug)
    facts, _ = action_pairs("In pretend mice, inhibition of CXCR4 using ZX-4821 slowed tumour growth.", vocabulary, finder)
    assert facts == {("zx_4821", "cxcr4")}


def test_a_code_used_for_something_else_is_no_drug(vocabulary, finder):
    facts, _ = action_pairs("In pretend mice, growth was measured with ZX-4821 counts and CXCR4 staining.",
                            vocabulary, finder)
    assert facts == set()


def test_a_family_word_before_one_protein_describes_it(vocabulary, finder):
    # (before, the chemokine receptor family was a second target)
    facts, _ = action_pairs("In an invented assay, plerixafor blocked the chemokine receptor CXCR4.", vocabulary, finder)
    assert facts == {("plerixafor", "cxcr4")}


def test_a_family_listed_with_a_protein_is_still_a_target(vocabulary, finder):
    facts, _ = action_pairs("In an invented assay, sorafenib blocked the VEGFR family and KIT.", vocabulary, finder)
    assert facts == {("sorafenib", "vegfr_family"), ("sorafenib", "c_kit")}


def test_a_targets_symbol_bracketed_after_a_description(vocabulary, finder):
    # (before, only a target right after "inhibition of" was read)
    text = "Inhibition of the stromal factor receptor (CXCR4) using plerixafor shrank the pretend tumours."
    facts, _ = action_pairs(text, vocabulary, finder)
    assert facts == {("plerixafor", "cxcr4")}


@pytest.mark.parametrize("code, drug", [("AMD3100", "plerixafor"), ("AZD4547", "fexagratinib"),
                                        ("LY3009806", "ramucirumab")])
def test_development_codes_name_their_drugs(code, drug, vocabulary, finder):
    facts = read(f"In the invented ZETA-6 study, patients received {code}.", vocabulary, finder)
    assert drug in arm_agents(facts)


def test_an_agent_alone_and_its_regimen_are_two_arms(vocabulary, finder):
    # (before, "A alone and A plus B" named no arm)
    text = ("The pretend ZETA-3 phase 2 study tested nivolumab alone and nivolumab plus ipilimumab. In all, 12 patients "
            "were enrolled in the nivolumab alone group and 15 patients in the nivolumab plus ipilimumab group.")
    facts = read(text, vocabulary, finder)
    assert arm_agents(facts) == {"nivolumab", "regimen__ipilimumab__nivolumab"}
    assert sizes(facts) == {("nivolumab", 12), ("regimen__ipilimumab__nivolumab", 15)}


def test_it_after_sentences_saying_it_is_the_drug_before(vocabulary, finder):
    # (before, a sentence naming no drug, even one whose subject is "it", made the next "it" stand for nothing)
    text = ("Invented class page\n\nPembrolizumab is an antibody in this made-up page. It binds PD-1 on pretend T "
            "cells. It is indicated for HCC after sorafenib.\n")
    assert _approvals(text, vocabulary, finder) == {"pembrolizumab": "second_line"}


@pytest.mark.parametrize("text", [
    "Lenvatinib was first tried in the pretend phase Ib ZETA-1 study, and it was then shown superior to sorafenib in "
    "the phase III ZETA-2 trial.",
    "The phase III ZETA-2 trial showed lenvatinib was superior to sorafenib, after the pretend phase Ib ZETA-1 study "
    "had shown activity.",
])
def test_each_trial_is_read_in_its_own_clause(text, vocabulary, finder):
    # (before, sorafenib became an arm of the phase Ib study named in the other clause)
    facts = read(text, vocabulary, finder)
    assert ("trial__zeta1", "arm__zeta1__sorafenib") not in arms(facts)


def test_two_trials_named_in_one_clause_share_it(vocabulary, finder):
    text = "In the pretend ZETA-1 and ZETA-2 trials, lenvatinib was compared with sorafenib."
    facts = read(text, vocabulary, finder)
    assert {("trial__zeta1", "arm__zeta1__sorafenib"), ("trial__zeta2", "arm__zeta2__sorafenib")} <= arms(facts)


@pytest.mark.parametrize("control", ["surveillance alone", "simple surveillance", "observation alone"])
def test_surveillance_named_plainly_is_the_control_arm(control, vocabulary, finder):
    # (before, only "routine surveillance" named the control arm of an adjuvant trial)
    text = f"In the pretend ZETA-50 trial, adjuvant sorafenib was compared with {control} after resection."
    assert arm_agents(read(text, vocabulary, finder)) == {"sorafenib", "active_surveillance"}


def test_procedures_with_or_without_each_other_are_no_arms(vocabulary, finder):
    # (before, "resection with or without transplantation" in a background clause gave the drug trial two arms)
    text = ("The pretend ZETA-9 trial enrolled 30 patients. Although liver transplantation with or without "
            "surgical resection cures some invented patients, few qualify.")
    assert not {"surgical_resection", "regimen__liver_transplantation__surgical_resection"} & arm_agents(
        read(text, vocabulary, finder))


def test_a_drug_with_or_without_a_procedure_is_two_arms(vocabulary, finder):
    text = "The pretend ZETA-9 trial tested lenvatinib with or without TACE."
    assert arm_agents(read(text, vocabulary, finder)) == {"lenvatinib", "regimen__lenvatinib__tace"}


@pytest.mark.parametrize("text", [
    "Pretend mice were given cabozantinib, anti-PD1, both drugs together, or vehicle.",
    "Pretend mice received cabozantinib, anti-PD-1 antibody, or both.",
])
def test_a_bare_anti_target_item_of_a_list_is_no_appositive(text, vocabulary, finder):
    # (before, "A, anti-T, ..." read "anti-T" as A's appositive: A was made an anti-PD-1 drug)
    facts, _ = action_pairs(text, vocabulary, finder)
    assert ("cabozantinib", "pdcd1") not in facts


def test_a_bare_anti_target_appositive_still_reads(vocabulary, finder):
    facts, _ = action_pairs("Ramucirumab, anti-VEGFR2, was given to pretend mice.", vocabulary, finder)
    assert facts == {("ramucirumab", "kdr")}

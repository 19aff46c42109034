"""Shapes of the forty-sixth round (invented sentences and trials, the packaged vocabulary and lexicon).  Arms: "A with
B" joins two drugs into one regimen wherever no pairing verb governs the first ("A with B cut the risk of death versus
B alone"; before, only after "taking"/"received" did it), while "comparing A with B" and "A with B-refractory
disease" stay apart.  Drug -> target (invented drugs, the test vocabulary of test_mechanisms): a verb that lists a
class's members ("T inhibitors include X and Y", "Examples of T inhibitors are X") names each member's target.  Trials:
a trial introduced as testing "the combination" tested the one combination the sentences before named; "disease
worsening or death" is progression-free survival's event; "TACE (drug in brackets) plus A or placebo" gives TACE
(with what it delivers) to the placebo arm too.  Vocabulary: development codes and brand spellings that
news writes (CM-4307 for donafenib, Tuo Yi for toripalimab)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_mechanisms import facts
from trial_facts import arm_agents, sizes, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document


def _arms(text: str, vocabulary, finder) -> set[str]:
    return arm_agents(extract_document(Document.from_text("d1", text), vocabulary, finder))


@pytest.mark.parametrize("sentence", [
    "In the phase 3 ROWAN-4 study, tislelizumab with regorafenib cut the risk of death by 27% compared with "
    "regorafenib on its own (HR 0.73; 95% CI 0.58-0.92).",
    "Tislelizumab with regorafenib, tested in the phase 3 ROWAN-4 study, lengthened survival over regorafenib "
    "monotherapy (HR 0.73; 95% CI 0.58-0.92).",
    "Compared with regorafenib alone, tislelizumab with regorafenib lengthened survival in the phase 3 ROWAN-4 "
    "study (HR 0.73; 95% CI 0.58-0.92).",
])
def test_a_with_b_as_what_a_trial_compared_is_one_regimen(sentence, vocabulary, finder):
    # (before, "with" joined two drugs only after a verb of receiving; the combination's arm was lost)
    text = f"Second-line news\n\n{sentence}\n"
    assert _arms(text, vocabulary, finder) == {"regimen__regorafenib__tislelizumab", "regorafenib"}


@pytest.mark.parametrize("sentence, expected", [
    # a pairing verb governs the first drug: two arms compared (guard)
    ("The phase 3 ROWAN-5 study compared tislelizumab with regorafenib in 512 patients (HR 0.81; 95% CI "
     "0.66-0.99).", {"tislelizumab", "regorafenib"}),
    ("The phase 3 ROWAN-5 study compared the activity of tislelizumab with regorafenib in 512 patients (HR 0.81; "
     "95% CI 0.66-0.99).", {"tislelizumab", "regorafenib"}),
])
def test_a_with_b_after_a_pairing_verb_stays_two_arms(sentence, expected, vocabulary, finder):
    text = f"Second-line news\n\n{sentence}\n"
    assert _arms(text, vocabulary, finder) == expected


@pytest.mark.parametrize("body, expected", [
    ("MET inhibitors now in trials include foonib and barfenib.", {("foonib", "met"), ("barfenib", "met")}),
    ("Examples of VEGFR2 inhibitors are foonib and barfenib.", {("foonib", "kdr"), ("barfenib", "kdr")}),
    ("Approved FGFR4 blockers, which include foonib, are few.", {("foonib", "fgfr4")}),
])
def test_a_verb_listing_a_class_s_members_names_their_target(body, expected):
    # (before, only "such as", "including" and their kind handed the class on to its members)
    assert facts(body) == expected


@pytest.mark.parametrize("body", [
    "MET inhibitors include none of the drugs tested here, foonib among them.",  # no member right after the verb
    "Side effects of MET inhibitors include rash, and foonib caused none.",
])
def test_a_listing_verb_with_no_member_after_it_names_nothing(body):
    assert not facts(body)


@pytest.mark.parametrize("trial", [
    "ROWAN-9, a phase 2 study assessing the doublet in 64 people",
    "the phase 2 ROWAN-9 study of the combination in 64 people",
])
def test_a_trial_testing_the_combination_named_before_has_that_combination_as_its_arm(trial, vocabulary, finder):
    # (before, "the combination" was read only in sentences of results, not in the one that introduced the trial)
    text = ("Letter from the agency\n\nThe agency turned down a request to clear tislelizumab in combination with "
            f"regorafenib for untreated liver cancer.\n\nIts case leaned on {trial}. The confirmed response rate was "
            "27%.\n")
    assert _arms(text, vocabulary, finder) == {"regimen__regorafenib__tislelizumab"}


def test_disease_worsening_or_death_is_progression_free_survival(vocabulary, finder):
    # (before, "death" in "the risk of disease worsening or death" made the second ratio one of overall survival)
    text = ("Sponsor update\n\nIn the phase 3 ROWAN-6 study, tislelizumab in combination with regorafenib lowered "
            "the risk of death by 21% (HR 0.79; 95% CI 0.64-0.97) and the risk of disease worsening or death by 33% "
            "(HR 0.67; 95% CI 0.55-0.82) compared with regorafenib alone.\n")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    ratios = {(a.object, str(a.attribute_values("hazard_ratio")[0])) for a in facts if a.predicate == "hasEffectEstimate"}
    assert ratios == {("os", "0.79"), ("pfs", "0.67")}


@pytest.mark.parametrize("name, key", [("CM-4307", "donafenib"), ("Tuo Yi", "toripalimab")])
def test_names_news_writes_for_a_drug_ground_to_it(name, key, finder):
    # (before, the development code made a drug of its own and the brand written in two words was no drug)
    assert finder.lookup(name) == key


def test_placebo_after_a_procedure_with_its_drugs_in_brackets_keeps_the_procedure(vocabulary, finder):
    # (before, the bracketed drug hid the procedure backbone and the placebo arm was read as placebo alone)
    text = ("Invented design\n\nIn the phase 2 ROWAN-7 study, 120 patients were assigned 1:1 to TACE (idarubicin 10 mg) "
            "plus regorafenib 120 mg daily or placebo.\n")
    assert _arms(text, vocabulary, finder) == {"regimen__idarubicin__regorafenib__tace", "regimen__idarubicin__tace"}


def _read(text: str, vocabulary, finder):
    return extract_document(Document.from_text("d1", text), vocabulary, finder)


def test_a_narrowed_endpoint_and_a_covariate_adjusted_ratio_are_not_the_trial_s(vocabulary, finder):
    # (before, the symptomatic PFS gave the arms second PFS values and the adjusted ratio a second OS ratio)
    text = ("Invented report\n\nIn the phase 3 ROWAN-8 trial, 240 patients were randomly assigned to regorafenib "
            "(n = 120) or placebo (n = 120). Median overall survival was 10.6 months with regorafenib vs 7.3 months with "
            "placebo (HR = 0.70, 95% CI = 0.52-0.94). In an analysis adjusting for baseline AFP, the result held "
            "(HR = 0.68, 95% CI = 0.50-0.92). Median symptomatic progression-free survival was 6.6 vs 4.0 months.\n")
    facts = _read(text, vocabulary, finder)
    assert values(facts) == {("regorafenib", "os", Decimal("10.6")), ("placebo", "os", Decimal("7.3"))}
    assert {str(a.attribute_values("hazard_ratio")[0]) for a in facts if a.predicate == "hasEffectEstimate"} == {"0.70"}


def test_a_regimen_hyphened_to_a_procedure_keeps_it_where_the_document_defines_the_regimen(vocabulary, finder):
    # (before, the document's own "FOLFOX (...)" definition read "FOLFOX-HAIC" as the drugs without the procedure)
    text = ("Invented report\n\nHAIC of FOLFOX (oxaliplatin, leucovorin and fluorouracil; FOLFOX-HAIC) was tested in "
            "a phase 3 trial. There, 210 people were allocated at random to FOLFOX-HAIC (n = 105) or TACE (n = 105).\n")
    regimen = "regimen__fluorouracil__hepatic_arterial_infusion_chemotherapy__leucovorin__oxaliplatin"
    assert sizes(_read(text, vocabulary, finder)) == {(regimen, 105), ("tace", 105)}


@pytest.mark.parametrize("given", ["neoadjuvant RT followed by resection (n = 40) or resection alone (n = 41)",
                                   "TACE followed by radiotherapy (n = 40) or TACE alone (n = 41)"])
def test_radiotherapy_and_its_abbreviation_and_an_arm_offered_alone_after_a_sequence(given, vocabulary, finder):
    # (before, "RT" could not be defined, "radiotherapy" named nothing, and "followed by" swallowed the other arm)
    text = (f"Invented report\n\nConformal radiotherapy (RT) was studied. In a randomized trial, 81 patients were "
            f"randomly assigned to receive {given}.\n")
    arms = {agent for agent, _ in sizes(_read(text, vocabulary, finder))}
    assert len(arms) == 2 and any("external_beam_radiotherapy" in a for a in arms)


@pytest.mark.parametrize("sentence", [
    "The 6-, 12-, and 24-month survival rates were 88.0%, 71.5%, and 44.2% vs 79.3%, 52.6%, and 23.9%, respectively.",
    "The survival rates for the regorafenib group at 6, 12, and 24 months were 88.0%, 71.5%, and 44.2%, respectively, "
    "compared with 79.3%, 52.6%, and 23.9% in the other group.",
])
def test_two_runs_of_rates_compared_are_the_two_arms(sentence, vocabulary, finder):
    # (before, neither shape gave any rate: no pair per time point, and the second run's arm went unnamed)
    text = ("Invented report\n\nIn a phase 2 trial, 120 patients were randomly assigned to receive regorafenib "
            f"(n = 60) or placebo (n = 60). {sentence}\n")
    found = {(a, v) for a, _, v in values(_read(text, vocabulary, finder))}
    assert found == {("regorafenib", Decimal(x)) for x in ("88.0", "71.5", "44.2")} \
        | {("placebo", Decimal(x)) for x in ("79.3", "52.6", "23.9")}


def test_pairs_of_rates_on_two_criteria_are_both_read(vocabulary, finder):
    # (before, only "per", "by" and their kind named the second criterion, and its pair was dropped)
    text = ("Invented report\n\nIn the phase 3 ROWAN-3 trial, 300 patients were randomly assigned to regorafenib "
            "(n = 150) or placebo (n = 150). Response rates were 28% vs 9% on RECIST v1.1 and 41% vs 15% on modified "
            "RECIST.\n")
    found = {(a, v) for a, e, v in values(_read(text, vocabulary, finder)) if e == "orr"}
    assert found == {("regorafenib", Decimal("28")), ("placebo", Decimal("9")),
                     ("regorafenib", Decimal("41")), ("placebo", Decimal("15"))}


ROWS_TABLE = """Table 2. Invented trials of second-line agents

Trial (year) Design Patients Setting Agents OS, median PFS, median Response rate
ROWAN-1 (2020) [4] III 402 Child-Pugh A Regorafenib vs. placebo 11.1 mo for regorafenib vs. 8.2 mo for placebo (HR: 0.71; p = 0.002) 3.4 mo for regorafenib vs. 1.9 mo for placebo 12% for regorafenib and 4% for placebo
ROWAN-2 (2021) [5] III 311 Child-Pugh A Tislelizumab vs. regorafenib 9.5 mo for regorafenib vs. 12.3 mo for tislelizumab 2.2 mo vs. 2.4 mo 14% vs 5%
"""


def test_a_row_s_values_follow_the_headers_order_of_endpoints(vocabulary, finder):
    # (before, a row under headers naming two time-to-event endpoints gave no value: which column was whose?)
    found = values(_read(ROWS_TABLE, vocabulary, finder))
    assert {("regorafenib", "os", Decimal("11.1")), ("placebo", "os", Decimal("8.2")),
            ("regorafenib", "pfs", Decimal("3.4")), ("placebo", "pfs", Decimal("1.9")),
            ("regorafenib", "orr", Decimal("12")), ("placebo", "orr", Decimal("4"))} <= found
    # a pair whose first label names the second arm is read the other way round
    assert {("tislelizumab", "os", Decimal("12.3")), ("regorafenib", "os", Decimal("9.5")),
            ("tislelizumab", "pfs", Decimal("2.2")), ("regorafenib", "orr", Decimal("5"))} <= found


def test_a_row_with_values_missing_for_an_endpoint_gives_none_in_order(vocabulary, finder):
    # guard: two pairs under three endpoints cannot be placed
    table = ROWS_TABLE.replace(" 14% vs 5%", "")
    found = values(_read(table, vocabulary, finder))
    assert not any(agent == "tislelizumab" for agent, _, _ in found)


GLUED_TABLE = """Table 3 Invented randomised trials of second-line agents
Ref.DesignPatients, nOverall survival, mo
Lee et al[12] (ROWAN-11 trial)Regorafenib vs placebo402 vs 198Regorafenib: 9.7 Placebo: 6.9
Park et al[13] (ROWAN-12 trial)Tislelizumab vs regorafenib288 vs 290Tislelizumab: 11.8 Regorafenib: 10.0
"""


def test_a_glued_row_s_labelled_values_and_compared_sizes(vocabulary, finder):
    # (before, the glued header named no endpoint, and neither the labelled values nor the sizes were read)
    facts = _read(GLUED_TABLE, vocabulary, finder)
    assert values(facts) == {("regorafenib", "os", Decimal("9.7")), ("placebo", "os", Decimal("6.9")),
                             ("tislelizumab", "os", Decimal("11.8")), ("regorafenib", "os", Decimal("10.0"))}
    assert sizes(facts) == {("regorafenib", 402), ("placebo", 198), ("tislelizumab", 288), ("regorafenib", 290)}


def test_a_label_naming_no_arm_leaves_the_row_s_labelled_values_unread(vocabulary, finder):
    # guard: "Sorafenib: 6.9" names neither arm of ROWAN-11
    table = GLUED_TABLE.replace("Placebo: 6.9", "Sorafenib: 6.9")
    assert not any(agent == "placebo" for agent, _, _ in values(_read(table, vocabulary, finder)))


def test_a_row_s_pair_whose_first_median_was_not_estimable_gives_the_second(vocabulary, finder):
    # (before, "NE vs 12.1", glued to the phase's numeral, was no pair and the comparator's median was lost)
    table = ("Table 4 Invented first-line trials\nTrial (n)ArmsPhaseMedian OS (months)Hazard ratio\n"
             "ROWAN-21[3] (n = 300)Tislelizumab vs RegorafenibPhase IIINE vs 12.1HR 0.61 (95%CI: 0.45-0.82)\n"
             "ROWAN-22[4] (n = 280)Regorafenib vs PlaceboPhase III10.4 vs 7.7HR 0.69 (95%CI: 0.51-0.90)\n")
    found = values(_read(table, vocabulary, finder))
    assert ("regorafenib", "os", Decimal("12.1")) in found and not any(a == "tislelizumab" for a, _, _ in found)


FOOTNOTED_TABLE = """Table 5. Invented randomized trials of TACE ± regorafenib in intermediate HCC.

Trial Patients and design Primary end point Results
ROWAN-31 (double blind), Kim et al. (7) Rgf n=120 (160 mg daily) vs. Plb n=118 TTP Negative
ROWAN-32 (open label), Cho et al. (8) Rgf n=95 (120 mg daily) vs. Plb n=97 PFS Positive

Rgf, regorafenib; Plb, placebo; TACE, transarterial chemoembolization; TTP, time to progression; PFS, progression-free survival
"""


def test_a_footnote_s_abbreviations_and_a_caption_s_backbone_give_each_row_its_arms_and_counts(vocabulary, finder):
    # (before, "Rgf" and "Plb" named nothing, the counts between the arms hid the comparison, and TACE was no arm's)
    facts = _read(FOOTNOTED_TABLE, vocabulary, finder)
    assert sizes(facts) == {("regimen__regorafenib__tace", 120), ("tace", 118), ("regimen__regorafenib__tace", 95),
                            ("tace", 97)}
    # the footnote itself is no row: no trial is named after an abbreviation it explains
    assert not any(a.subject.startswith("trial__") and a.subject not in ("trial__rowan31", "trial__rowan32")
                   for a in facts if a.predicate == "isClinicalTrial")


def test_a_line_of_prose_with_semicolons_is_no_footnote_of_abbreviations():
    from hcc_kg.extract.abbreviations import glossary_items
    assert glossary_items("Rgf, regorafenib; Plb, placebo; TTP, time to progression") != []
    assert glossary_items("Patients were old; some, not all, had cirrhosis; others had none, or had hepatitis.") == []


def test_a_futility_analysis_s_ratio_is_not_the_trial_s_result(vocabulary, finder):
    # (before, the stopping rule's interim estimate was kept as a second ratio of the same endpoint)
    text = ("Invented report\n\nIn the phase 3 ROWAN-41 trial, 300 patients were randomly assigned to regorafenib "
            "(n = 150) or placebo (n = 150). The primary endpoint was progression-free survival. A planned futility "
            "analysis gave a hazard ratio (HR) of 1.04 (P = .71), and the trial stopped. At the final analysis, "
            "progression-free survival was 5.1 vs 4.9 months (HR = 0.97).\n")
    facts = _read(text, vocabulary, finder)
    assert {str(a.attribute_values("hazard_ratio")[0]) for a in facts if a.predicate == "hasEffectEstimate"} == {"0.97"}


@pytest.mark.parametrize("trial", ["ROWAN-51, a randomised, double-blind trial,",
                                   "ROWAN-51, a randomised trial of tislelizumab,"])  # (the headline's arm in full)
def test_arms_told_one_sentence_each_with_their_patients(trial, vocabulary, finder):
    # (before, a trial whose randomisation no sentence listed got no arm from such sentences)
    text = (f"Liver cancer news\n\n{trial} enrolled 298 people with unresectable "
            "liver cancer.\n\nAfter 19 months of follow-up, the median PFS reached 8.8 months for the 150 patients "
            "randomly assigned to receive tislelizumab plus regorafenib. That set against a median PFS of 6.1 months for the 148 "
            "patients who instead received regorafenib with placebo, a hazard ratio of 0.74.\n")
    facts = _read(text, vocabulary, finder)
    assert sizes(facts) == {("regimen__regorafenib__tislelizumab", 150), ("regorafenib", 148)}
    assert values(facts) == {("regimen__regorafenib__tislelizumab", "pfs", Decimal("8.8")),
                             ("regorafenib", "pfs", Decimal("6.1"))}


@pytest.mark.parametrize("given", ["lenvatinib plus up to 18 months of the ICI tislelizumab",
                                   "lenvatinib plus 30 cycles of tislelizumab"])
def test_a_second_part_given_for_a_while_or_named_by_its_class_stays_in_the_regimen(given, vocabulary, finder):
    # (before, the duration and the class "ICI" between the parts split them into two agents)
    text = f"Invented report\n\nIn the single-arm phase 2 ROWAN-61 study, 45 patients received {given}.\n"
    assert _arms(text, vocabulary, finder) == {"regimen__lenvatinib__tislelizumab"}


@pytest.mark.parametrize("body, expected", [
    ("Regulators cleared two MET drugs in 2020: Acme Pharma Inc.'s Foonix and Beta & Co.'s barfenib.",
     {("foonib", "met"), ("barfenib", "met")}),
    ("Three MET agents were tested: foonib, barfenib and quxumab.",
     {("foonib", "met"), ("barfenib", "met"), ("quxumab", "met")}),
    # guard: the count and the list disagree, so the weak head "drugs" names nothing
    ("Regulators cleared three MET drugs in 2020: foonib and barfenib.", set()),
])
def test_a_counted_class_names_the_target_of_as_many_drugs_listed_after_its_colon(body, expected):
    # (before, "drugs" and "agents" were too weak a head to hand the class on, and a maker's name broke the list)
    assert facts(body) == expected

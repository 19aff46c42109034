"""Shapes read from news items, abstracts and profiles (invented sentences, packaged vocabulary and lexicon): an
appositive's approval under no main-clause hedge, a label's "intended for patients", a run of rates after the arm
it is said of, a headline's one-drug trial completed by the body's comparison, a hazard ratio whose label names a
subgroup, a scale's sub-score that is no trial, a regimen's acronym, a title-case symbol beside a gene word, and a
brand bracket that also names a maker."""

from __future__ import annotations

from mechanism_facts import asserted_pairs
from trial_facts import arms, read

from hcc_kg.extract import extract_document
from hcc_kg.extract.arm_references import DRUG_ANAPHOR_RE
from hcc_kg.extract.trial_names import trial_names
from hcc_kg.model import Document


def approvals(text: str, vocabulary, finder) -> set[tuple]:
    return {(a.subject, a.context_value("agency"), a.context_value("line"), a.evidence[0].certainty)
            for a in read(text, vocabulary, finder) if a.predicate == "approvedFor" and a.evidence[0].polarity == "positive"}


def test_an_appositive_approval_is_not_under_the_main_clause_hedge(vocabulary, finder):
    text = ("We asked whether a new agent might add to regorafenib, a multikinase inhibitor approved as "
            "second-line treatment for HCC in this made-up note.")
    assert approvals(text, vocabulary, finder) == {("regorafenib", None, "second_line", "asserted")}


def test_a_second_predicate_of_the_appositive_neither_hedges_it_nor_lends_it_a_line(vocabulary, finder):
    text = ("In this made-up note we paired a new agent with regorafenib, a multikinase inhibitor approved as "
            "second-line treatment for HCC and currently under study as first-line therapy with other drugs.")
    assert approvals(text, vocabulary, finder) == {("regorafenib", None, "second_line", "asserted")}


def test_their_combination_after_a_sentence_opening_with_the_pair(vocabulary, finder):
    text = ("Nivolumab and ipilimumab are antibodies in this made-up note. Their combination, given every three "
            "weeks, has been approved by the FDA for HCC.")
    assert approvals(text, vocabulary, finder) == {("regimen__ipilimumab__nivolumab", "fda", None, "asserted")}
    text = ("Nivolumab and ipilimumab are antibodies in this made-up note. The drug has been approved by the FDA "
            "for HCC.")  # (a pair is no one drug)
    assert approvals(text, vocabulary, finder) == set()


def test_a_hedge_inside_the_appositive_still_hedges_it(vocabulary, finder):
    text = "Regorafenib, a kinase inhibitor that may be approved as second-line treatment for HCC, was used here."
    assert approvals(text, vocabulary, finder) == {("regorafenib", None, "second_line", "hedged")}


def test_a_product_intended_for_patients_is_its_indication_not_an_intention(vocabulary, finder):
    text = ("An invented firm received approval from the FDA for its cabozantinib capsules intended for patients with "
            "HCC who were previously treated with sorafenib.")
    assert approvals(text, vocabulary, finder) == {("cabozantinib", "fda", "second_line", "asserted")}


def test_a_run_of_rates_said_of_the_arm_named_before_it(vocabulary, finder):
    text = ("In the phase 3 ZEPHYR-5 trial, lenvatinib plus pembrolizumab was compared with sorafenib. Looking at "
            "landmarks, the 12- and 24-month OS rates for the combination arm reached 61% (90% CI 55-67) and 41%, "
            "versus 52% and 30% for the control arm.")
    rates = {("combination" if "regimen" in a.subject else a.subject.rsplit("__", 1)[-1], a.context_value("timepoint"),
              dict(a.attributes)["value"]) for a in read(text, vocabulary, finder) if a.predicate == "hasMeasurement"}
    assert {(arm, point, str(value)) for arm, point, value in rates} == {
        ("combination", "12-month", "61"), ("combination", "24-month", "41"),
        ("sorafenib", "12-month", "52"), ("sorafenib", "24-month", "30")}


def test_a_headline_trial_of_one_drug_takes_the_body_comparison_of_its_combination(vocabulary, finder):
    text = ("Invented Firm Reports Phase 3 ZEPHYR-312 Trial of Cabozantinib in Combination with a Checkpoint Inhibitor\n\n"
            "The firm reported results of ZEPHYR-312, a phase 3 trial evaluating cabozantinib in combination with "
            "atezolizumab versus sorafenib in patients with advanced HCC.")
    assert arms(read(text, vocabulary, finder)) == {
        ("trial__zephyr312", "arm__zephyr312__regimen__atezolizumab__cabozantinib"),
        ("trial__zephyr312", "arm__zephyr312__sorafenib")}


def test_a_hazard_ratio_whose_label_names_a_subgroup_is_not_the_trials(vocabulary, finder):
    text = ("In the phase 3 ZEPHYR-5 trial, lenvatinib was compared with sorafenib. OS hazard ratios (95% CI) in "
            "participants who had a rash versus those who did not were 0.70 (0.50-0.90) for lenvatinib and 1.10 "
            "(0.80-1.50) for sorafenib.")
    assert not [a for a in read(text, vocabulary, finder) if a.predicate == "hasEffectEstimate"]


def test_a_scale_with_its_sub_score_beside_the_word_trial_is_no_trial():
    text = "In this made-up note, patients were chosen by trial criteria (ECOG-PS 0–1, Child-Pugh A)."
    assert [n.name for n in trial_names(text, lambda name: False)] == []
    assert [n.name for n in trial_names("In the made-up ZEPHYR-2 trial, 50 patients took part.", lambda name: False)] \
        == ["ZEPHYR-2"]


def test_a_regimen_acronym_reads_as_its_drugs_where_the_document_names_them(vocabulary, finder):
    text = ("Tremelimumab plus durvalumab was studied in this made-up note. In the phase 3 ZEPHYR-7 trial, STRIDE "
            "improved OS versus sorafenib.")
    assert ("trial__zephyr7", "arm__zephyr7__regimen__durvalumab__tremelimumab") in arms(read(text, vocabulary, finder))


def test_a_title_case_symbol_counts_only_beside_a_gene_word(vocabulary, finder):
    assert asserted_pairs("In this made-up note, tepotinib is a selective Met inhibitor.", vocabulary, finder) \
        == {("tepotinib", "c_met")}
    facts = read("Met with the board, the invented firm agreed to go on.", vocabulary, finder)
    assert "c_met" not in {a.subject for a in facts}


def test_a_brand_bracket_that_also_names_a_maker_is_the_drug_s(vocabulary, finder):
    body = ("Sorafenib (Nexavar, BAY 43-9006, an invented maker's full company name) is a drug designed to target RAF "
            "in this made-up note.")
    assert asserted_pairs(body, vocabulary, finder) == {("sorafenib", "raf_family")}


def test_the_treatment_in_a_news_item_is_the_one_drug_it_has_named_so_far(vocabulary, finder):
    text = ("Invented Firm's Lenvatinib Wins a Made-up Approval\n\nThe approval rests on a phase 3 study called Zephyr, "
            "which showed that the treatment worked better than placebo. Sorafenib was the patients' earlier therapy.")
    facts = extract_document(Document.from_text("d1", text), vocabulary, finder)
    assert arms(facts) == {("trial__zephyr", "arm__zephyr__lenvatinib"), ("trial__zephyr", "arm__zephyr__placebo")}
    # "the treatment" names the drug only as the subject of its verb, not in "the treatment of D" or "the treatment arm"
    found = [m.group(0) for m in DRUG_ANAPHOR_RE.finditer(
        "It changed the treatment of the disease; the treatment arm grew; the treatment worked; the drug failed.")]
    assert found == ["the treatment", "the drug"]

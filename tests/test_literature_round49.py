"""Shapes of the forty-ninth round (invented sentences, the packaged vocabulary and lexicon).  Mechanisms in the
wording of laboratory abstracts: a second verb phrase whose own verb denies ("X inhibits A and spares B") leaves the
first object a fact; "blockade of T using X" and "inhibition of T via X" name X's action as "by X" and "with X" do;
"X-mediated inhibition of T" puts the drug before its nominal; "As an antagonist of T, X ..." fronts the subject's
role; "X showed similar (comparable, stronger) inhibition of T" is X's own inhibition of T; "T inhibition with siRNA
and pharmacologically with X" names X the second means; laboratory codes of sapanisertib (vocabulary).  Trials: the
treatment groups of a study of animals are no trial; a sponsor's protocol number names a trial ("the phase Ib GO30140
study"); "the prior standard of care, B" is B; "A plus B and C versus D" compares A+B+C with D; "versus dual placebo"
leaves the procedure given with the drugs to the placebo arm; a maker's name before the last drug of a list; a bullet
opening a sentence is no word of it; "concurrent TACE and B", "A with a single dose of B" and
"A before and after B" are one regimen; a subset some other measure was taken in frames no results.  Approvals: "we review the drugs approved for D, focusing on X" approves no X; "for
D1 and D2 in patients who failed prior therapy" gives the line to D2 alone; a drug patients "cannot tolerate" is a
prior therapy; a licence granted and a registration on Australia's register are approvals; places listed after a
regulator's name are regulators too."""

from __future__ import annotations

from decimal import Decimal

import pytest

from trial_facts import action_pairs, arm_agents, read, values
from hcc_kg.extract import extract_document
from hcc_kg.model import Document



def test_a_second_verb_that_denies_leaves_the_first_object_a_fact(vocabulary, finder):
    # (before, "spares" governed the whole clause, so FGFR4 was withheld with FGFR1-3)
    facts, withheld = action_pairs("In this pretend assay roblitinib reversibly inhibits FGFR4 and spares FGFR1-3.",
                                vocabulary, finder)
    assert ("roblitinib", "fgfr4") in facts
    assert {("roblitinib", "fgfr1"), ("roblitinib", "fgfr2"), ("roblitinib", "fgfr3")} <= withheld


@pytest.mark.parametrize("text", [
    "In imagined mice roblitinib blocks FGFR4 and lacks activity on FGFR1.",
    "In imagined mice roblitinib blocks FGFR4 and fails to bind FGFR1.",
])
def test_the_denying_verb_still_negates_its_own_object(text, vocabulary, finder):
    facts, withheld = action_pairs(text, vocabulary, finder)
    assert ("roblitinib", "fgfr4") in facts
    assert ("roblitinib", "fgfr1") not in facts


@pytest.mark.parametrize("text, pair", [
    ("Pharmacological blockade of AXL using bemcentinib restored the pretend cells' response.", ("bemcentinib", "axl")),
    ("Inhibition of MET via capmatinib slowed the invented xenografts.", ("capmatinib", "c_met")),
    ("Regorafenib-mediated inhibition of TIE2 thinned the made-up vessels.", ("regorafenib", "tek")),
    ("Sorafenib-mediated blockade of the BRAF kinase was seen in pretend cells.", ("sorafenib", "braf")),
])
def test_the_means_of_a_nominal_acts_on_its_object(text, pair, vocabulary, finder):
    # (before, only "by" and "with" named the means, and "X-mediated" needed the target before the nominal)
    assert pair in action_pairs(text, vocabulary, finder)[0]


def test_a_nominal_used_on_the_drug_is_no_action_of_it(vocabulary, finder):
    text = "Resistance to sorafenib-mediated cell death rose after knockdown of MET in the invented cells."
    assert ("sorafenib", "c_met") not in action_pairs(text, vocabulary, finder)[0]


def test_a_fronted_role_names_the_subjects_action(vocabulary, finder):
    # (before, only "A selective inhibitor of T, X ..." was read; "As an inhibitor of T, X ..." was not)
    text = "As an inhibitor of MET, capmatinib reduced the migration of pretend hepatoma cells."
    assert ("capmatinib", "c_met") in action_pairs(text, vocabulary, finder)[0]


@pytest.mark.parametrize("adjective", ["similar", "comparable", "stronger"])
def test_an_inhibition_set_against_another_drug_is_the_subjects_own(adjective, vocabulary, finder):
    # (before, an adjective comparing two drugs kept the nominal from naming the subject's action)
    text = f"In the made-up kinase panel donafenib showed {adjective} inhibition of BRAF and VEGFR2."
    assert {("donafenib", "braf"), ("donafenib", "kdr")} <= action_pairs(text, vocabulary, finder)[0]


def test_a_second_means_after_one_that_is_no_drug_acts_on_the_target(vocabulary, finder):
    text = "AXL inhibition with small interfering RNA and pharmacologically with bemcentinib slowed made-up cells."
    assert ("bemcentinib", "axl") in action_pairs(text, vocabulary, finder)[0]


def test_a_laboratory_code_names_its_drug(vocabulary, finder):
    # (before, the code was a drug of its own, not the INN the vocabulary grounds)
    text = "Pretend hepatoma cells were exposed to the pan-mTOR inhibitor MLN0128 for two days."
    assert ("sapanisertib", "mtor") in action_pairs(text, vocabulary, finder)[0]


def test_the_groups_animals_were_assigned_to_are_no_trial(vocabulary, finder):
    # (before, the allocation of rats made a randomised trial of the three groups)
    text = ("Invented abstract. After implantation of hepatoma cells, rats were randomly allocated to everolimus, "
            "sorafenib, or both. Tumour volumes fell by 40% with the pair versus 20% with sorafenib.")
    assert not any(a.predicate == "hasArm" for a in read(text, vocabulary, finder))


def test_patients_assigned_beside_animals_keep_their_trial(vocabulary, finder):
    text = ("Invented abstract. Mice were randomized to everolimus or vehicle. In a phase 2 study, 60 patients were "
            "randomly assigned to everolimus or sorafenib.")
    assert arm_agents(read(text, vocabulary, finder)) >= {"everolimus", "sorafenib"}


def test_a_sponsors_protocol_number_names_the_trial(vocabulary, finder):
    # (before, the trial was named after its regimen)
    facts = read("In a made-up review, atezolizumab plus bevacizumab was first tested in the phase Ib XY12345 study.",
                 vocabulary, finder)
    assert any(a.predicate == "isClinicalTrial" and a.subject == "trial__xy12345" for a in facts)


def test_a_described_standard_of_care_is_the_comparator(vocabulary, finder):
    # (before, "prior" between the article and "standard of care" hid sorafenib)
    text = ("In an imagined summary, atezolizumab plus bevacizumab was superior to the previous standard of care, "
            "sorafenib, according to the made-up ZETA-150 trial.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__atezolizumab__bevacizumab", "sorafenib"}


def test_and_after_a_combination_adds_a_part_to_it(vocabulary, finder):
    # (before, only the drug after "and" was compared)
    text = "In the pretend ZETA-6 trial, sorafenib plus lenvatinib and pembrolizumab was compared with sorafenib alone."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__lenvatinib__pembrolizumab__sorafenib", "sorafenib"}


def test_a_drug_alone_after_a_combination_is_an_arm_of_its_own(vocabulary, finder):
    text = "In the pretend ZETA-7 trial, sorafenib plus lenvatinib and pembrolizumab alone were each compared with placebo."
    assert "regimen__lenvatinib__pembrolizumab__sorafenib" not in arm_agents(read(text, vocabulary, finder))


def test_a_dual_placebo_leaves_the_procedure_to_its_arm(vocabulary, finder):
    # (before, the placebo arm had no TACE)
    text = ("Made-up title: chemoembolisation with sorafenib plus regorafenib versus dual placebo in pretend "
            "intermediate-stage HCC (ZETA-12): a randomised, phase 3 study.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__regorafenib__sorafenib__tace", "tace"}


def test_a_plain_placebo_is_left_as_written(vocabulary, finder):
    text = "In the invented ZETA-13 trial, lenvatinib plus TACE was compared with placebo."
    assert "placebo" in arm_agents(read(text, vocabulary, finder))


def test_a_makers_name_before_the_last_drug_of_a_list(vocabulary, finder):
    # (before, the possessive cut the list: bevacizumab alone was compared)
    text = ("The invented ZETA-4 trial investigated durvalumab plus TACE and Maker's bevacizumab versus TACE alone. "
            "Median PFS was 15.0 months versus 8.2 months.")
    assert values(read(text, vocabulary, finder)) >= {("regimen__bevacizumab__durvalumab__tace", "pfs", Decimal("15.0")),
                                                       ("tace", "pfs", Decimal("8.2"))}


def test_a_bullet_opening_a_sentence_is_no_word_of_it(vocabulary, finder):
    # (before, "• At 24 months, ..." was not read as the time point of the rates)
    text = ("In the pretend ZETA-2 trial, progression-free survival improved with sorafenib plus pembrolizumab vs sorafenib plus placebo "
            "(median 12.2 vs 9.1 months; HR 0.71).\n\n  • At 18 months, overall survival rates were 61% vs 52% "
            "(HR 0.85).")
    found = read(text, vocabulary, finder)
    rates = {(a.attribute_values("value")[0], dict(a.context).get("timepoint")) for a in found
             if a.predicate == "hasMeasurement" and a.object == "os"}
    assert rates == {(Decimal("61"), "18-month"), (Decimal("52"), "18-month")}


def _approvals(text: str, vocabulary, finder) -> dict[tuple[str, str], str | None]:
    """(agent, disease) -> line of the approvals an invented paragraph asserts."""
    return {(a.subject, a.object): dict(a.context).get("line") for a in read(text, vocabulary, finder)
            if a.predicate == "approvedFor" and a.is_fact}


def test_a_drug_named_beside_an_approved_class_is_not_approved(vocabulary, finder):
    # (before, cabozantinib was approved by the class's participle)
    text = "Herein, we summarize the drugs approved for advanced HCC, mainly focusing on the efficacy of cabozantinib."
    assert not _approvals(text, vocabulary, finder)


@pytest.mark.parametrize("text", [
    "In this invented digest, the drugs approved for advanced HCC include sorafenib and lenvatinib.",
    "In this invented digest, drugs approved for HCC are sorafenib and lenvatinib.",
])
def test_the_members_of_an_approved_class_listed_are_approved(text, vocabulary, finder):
    assert {agent for agent, _ in _approvals(text, vocabulary, finder)} == {"sorafenib", "lenvatinib"}


def test_patients_named_after_the_last_disease_give_it_the_line(vocabulary, finder):
    # (before, HCC took the second line of the renal cell carcinoma indication)
    text = ("In the EU, this invented note says, sorafenib is approved to treat hepatocellular carcinoma and renal cell "
            "carcinoma in adults previously treated with interferon.")
    assert _approvals(text, vocabulary, finder) == {("sorafenib", "hcc"): None,
                                                    ("sorafenib", "renal_cell_carcinoma"): "second_line"}


def test_a_disease_set_beside_the_first_is_no_second_indication(vocabulary, finder):
    text = ("In this invented notice, sorafenib has been approved to treat adults with hepatocellular carcinoma, the "
            "commonest type of liver cancer, who have not had previous systemic treatment.")
    assert _approvals(text, vocabulary, finder).get(("sorafenib", "hcc")) == "first_line"


@pytest.mark.parametrize("text, pairs", [
    ("In the made-up panel derazantinib has potent FGFR1-3 kinase inhibitory activity.",
     {("derazantinib", "fgfr1"), ("derazantinib", "fgfr2"), ("derazantinib", "fgfr3")}),
    ("Derazantinib shows strong anti-FGFR activity in the invented assay.", {("derazantinib", "fgfr_family")}),
    ("Derazantinib, an oral inhibitor with potent pan-FGFR activity, slowed pretend tumours.",
     {("derazantinib", "fgfr_family")}),
])
def test_an_activity_named_after_the_target_is_the_drugs_action(text, pairs, vocabulary, finder):
    # (before, an activity noun after the target named no action of the drug)
    assert pairs <= action_pairs(text, vocabulary, finder)[0]


def test_the_targets_own_activity_is_no_action_of_the_drug(vocabulary, finder):
    text = "Derazantinib, an oral inhibitor studied in cells with high FGFR2 activity, slowed pretend tumours."
    assert ("derazantinib", "fgfr2") not in action_pairs(text, vocabulary, finder)[0]


def _agencies(text: str, vocabulary, finder) -> set[tuple[str, str]]:
    """(agent, agency) of the approvals an invented paragraph asserts."""
    return {(a.subject, dict(a.context).get("agency")) for a in read(text, vocabulary, finder)
            if a.predicate == "approvedFor" and a.is_fact}


@pytest.mark.parametrize("text, expected", [
    # (before, a licence granted and Australia's register were no approval words)
    ("In this pretend notice, the MHRA has granted a licence to cabozantinib for adults with HCC after sorafenib.",
     {("cabozantinib", "mhra")}),
    ("In this pretend notice, the TGA registered regorafenib for patients with HCC previously given sorafenib.",
     {("regorafenib", "tga")}),
    ("In Australia, cabozantinib was registered on the ARTG for HCC after sorafenib, says this invented note.",
     {("cabozantinib", "tga")}),
])
def test_a_licence_or_a_registration_is_an_approval(text, expected, vocabulary, finder):
    assert _agencies(text, vocabulary, finder) == expected


def test_a_registered_trial_is_no_approval(vocabulary, finder):
    text = "The made-up trial of lenvatinib in HCC was registered at ClinicalTrials.gov (NCT01234567)."
    assert not _agencies(text, vocabulary, finder)


def test_places_listed_after_a_regulator_are_regulators_too(vocabulary, finder):
    # (before, only the FDA approved: the places after its name were not read)
    text = "In this invented recap, lenvatinib received approval from the US FDA, EU and Japan for unresectable HCC."
    assert _agencies(text, vocabulary, finder) == {("lenvatinib", "fda"), ("lenvatinib", "ec"), ("lenvatinib", "mhlw")}


@pytest.mark.parametrize("text, arm", [
    # (before, "and" after "concurrent" parted the two; "combining A with B" was read so already)
    ("Invented abstract. The aim of this single-arm phase II study was to evaluate concurrent conventional TACE and "
     "sorafenib in unresectable HCC. Forty patients were treated. The median TTP was 6.2 months.",
     "regimen__sorafenib__tace"),
    ("Invented abstract. This phase II study evaluated combining metronomic capecitabine with sorafenib in advanced "
     "HCC. Thirty patients were treated. Median PFS was 3.1 months.", "regimen__capecitabine__sorafenib"),
])
def test_drugs_given_concurrently_or_combined_are_one_arm(text, arm, vocabulary, finder):
    assert arm_agents(read(text, vocabulary, finder)) == {arm}


@pytest.mark.parametrize("regimen", ["the combination of sintilimab with a single dose of ipilimumab",
                                     "sintilimab plus a single priming dose of ipilimumab"])
def test_a_part_given_once_is_still_a_part(regimen, vocabulary, finder):
    # (before, the dose words parted the regimen: tremelimumab alone was compared)
    text = f"In the pretend ZETA-20 trial, {regimen} improved survival compared to sorafenib."
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__ipilimumab__sintilimab", "sorafenib"}


def test_a_drug_before_and_after_a_procedure_is_given_with_it(vocabulary, finder):
    text = ("This made-up phase II trial tests toripalimab before and after stereotactic body radiotherapy in adults "
            "with liver cancer. Twenty patients were enrolled. The ORR was 30%.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__stereotactic_body_radiotherapy__toripalimab"}


def test_a_subset_another_measure_was_taken_in_frames_no_results(vocabulary, finder):
    # (before, the subset held the next sentence's values as a subgroup's: the study reported nothing)
    text = ("Purpose: to test ramucirumab in invented patients. Adults received ramucirumab every two weeks. The primary "
            "endpoint was PFS. Results: Thirty patients received ramucirumab. Plasma biomarkers were measured in a subset "
            "of patients. Median PFS was 3.9 months.")
    assert values(read(text, vocabulary, finder)) == {("ramucirumab", "pfs", Decimal("3.9"))}


def test_a_subgroup_announced_still_frames_its_results(vocabulary, finder):
    text = ("Purpose: to test ramucirumab in invented patients. Adults received ramucirumab every two weeks. The primary "
            "endpoint was PFS. Results: Thirty patients received ramucirumab; median PFS was 3.9 months. A subgroup "
            "analysis of patients with high AFP followed. Median PFS was 5.2 months.")
    assert ("ramucirumab", "pfs", Decimal("5.2")) not in values(read(text, vocabulary, finder))


def test_a_drug_patients_cannot_tolerate_is_a_prior_therapy(vocabulary, finder):
    # (before, sorafenib was approved, or joined to ipilimumab as a regimen)
    text = ("Nivolumab is approved in HCC in combination with ipilimumab for patients who progressed with or cannot "
            "tolerate sorafenib, says this invented note.")
    assert _approvals(text, vocabulary, finder) == {("regimen__ipilimumab__nivolumab", "hcc"): "second_line"}


def test_the_authors_study_in_a_news_item_is_the_trial_it_names(vocabulary, finder):
    # (before, "... and colleagues conducted a randomized study" opened a second, unnamed trial)
    text = ("Sorafenib plus pembrolizumab beat sorafenib alone on response in the invented ZETA-9 trial. Doe and "
            "colleagues conducted a randomised phase 2 study at 30 pretend centres.")
    trials = {a.subject: dict(a.attributes) for a in read(text, vocabulary, finder) if a.predicate == "isClinicalTrial"}
    assert list(trials) == ["trial__zeta9"] and trials["trial__zeta9"].get("phase") == "II"


@pytest.mark.parametrize("place, agency", [("Taiwan", "tfda"), ("Singapore", "hsa_singapore"), ("India", "cdsco"),
                                           ("Brazil", "anvisa")])
def test_more_places_name_their_regulators(place, agency, vocabulary, finder):
    # (before, these places named no regulator: the approval had none)
    text = f"In this invented digest, lenvatinib is approved in {place} for untreated, advanced HCC in adults."
    assert _agencies(text, vocabulary, finder) == {("lenvatinib", agency)}


def test_a_t_cell_product_named_by_its_target_acts_on_it(vocabulary, finder):
    # (before, "T cell product" was no head noun of a drug's class)
    text = "ZX204, a GPC3-targeting engineered T cell product, slowed pretend xenografts."
    assert ("zx204", "gpc3") in action_pairs(text, vocabulary, finder)[0]


def test_palbociclibs_code_names_palbociclib(vocabulary, finder):
    text = "This invented phase 2 trial tests PD-0332991, an inhibitor of CDK4 and CDK6, in pretend patients."
    assert {("palbociclib", "cdk4"), ("palbociclib", "cdk6")} <= action_pairs(text, vocabulary, finder)[0]


def test_drugs_given_with_an_option_or_placebo_are_every_arms_backbone(vocabulary, finder):
    # (before, "comparing A and B with X or placebo" compared A with B)
    text = ("In untreated pretend patients, the made-up ZETA-30 trial is comparing durvalumab and lenvatinib with "
            "tremelimumab or placebo.")
    assert arm_agents(read(text, vocabulary, finder)) == {"regimen__durvalumab__lenvatinib__tremelimumab",
                                                          "regimen__durvalumab__lenvatinib"}


def test_patients_counted_as_randomised_declare_the_documents_own_trial(vocabulary, finder):
    # (before, a randomisation with no arms and no design word opened no trial: the title's comparison was lost)
    text = ("Stereotactic Body Radiotherapy Followed by Lenvatinib Versus Lenvatinib Alone in Pretend Liver Cancer\n\n"
            "A total of 150 eligible patients were randomly assigned. Median overall survival was 10.1 months with "
            "lenvatinib alone and 13.2 months with the combination therapy.")
    found = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert values(found) == {("lenvatinib", "os", Decimal("10.1")),
                             ("regimen__lenvatinib__stereotactic_body_radiotherapy", "os", Decimal("13.2"))}


def test_values_of_the_full_analysis_set_are_the_trials_in_a_subgroup_report(vocabulary, finder):
    # (before, a title calling the report a subgroup analysis kept every value out, the full analysis set's too)
    text = ("Pretend comparison of lenvatinib and sorafenib: subgroup analysis of an open-label, randomised phase 3 "
            "trial\n\nPatients were randomised to lenvatinib or sorafenib. Twelve-month survival rates in the full "
            "analysis set were 55.1% with lenvatinib and 49.0% with sorafenib.")
    found = extract_document(Document.from_text("d1", text + "\n"), vocabulary, finder)
    assert values(found) == {("lenvatinib", "os", Decimal("55.1")), ("sorafenib", "os", Decimal("49.0"))}

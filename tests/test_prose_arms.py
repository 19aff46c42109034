"""Arms, arm sizes and comparisons in invented sentences."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.arm_comparisons import compared_arms
from hcc_kg.extract.alternative_arms import received_alternatives
from hcc_kg.extract.prose_arms import agents, counted_list, randomised_arms
from hcc_kg.extract.received_arm import received_agent
from hcc_kg.extract.prose_sizes import arm_sizes, counted_arms
from hcc_kg.keys import agent_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",)),
                    Entity("tace", "TACE", ("Procedure",))])
FINDER = MentionFinder(VOCAB)


def sentence(text: str):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return doc, doc.sentences[0]


def keys(found) -> list[str]:
    return [a.key for a in found]


def test_glued_combinations_are_one_agent():
    doc, sent = sentence("We gave quorimab-felotinib, quorimab/zorbanib, quorimab plus TACE and zorbanib.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "felotinib"]), agent_key(["quorimab", "zorbanib"]),
                                       agent_key(["quorimab", "tace"]), "zorbanib"]


@pytest.mark.parametrize("text", [
    "A single priming dose of quorimab added to zorbanib was compared with felotinib.",
    "In this invented trial, quorimab was added to zorbanib and compared with felotinib.",
])
def test_a_drug_added_to_another_is_given_with_it(text):
    doc, sent = sentence(text)
    assert keys(agents(doc, sent))[0] == agent_key(["quorimab", "zorbanib"])


@pytest.mark.parametrize("text", [
    "Quorimab given in combination with zorbanib lengthened survival versus felotinib in this made-up trial.",
    "Quorimab (QM-77), an invented checkpoint antibody, administered in combination with zorbanib (Zorba), a pretend "
    "kinase inhibitor, did better than felotinib.",
    "Quorimab, used in combination with zorbanib, was compared with felotinib.",
])
def test_a_drug_given_in_combination_with_another_is_one_regimen(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


def test_an_aside_in_parentheses_does_not_part_a_regimen():
    doc, sent = sentence("We compared quorimab (an invented antibody) plus zorbanib (a made-up TKI) versus felotinib.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


@pytest.mark.parametrize("text", [
    "We tested quorimab, a humanized, made-up, bispecific antibody plus zorbanib in this invented study.",
    "We tested quorimab, an invented antibody, plus zorbanib in this pretend study.",
])
def test_an_apposition_of_coordinated_adjectives_does_not_part_a_regimen(text):
    doc, sent = sentence(text)
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"])]


def test_an_apposition_with_no_head_noun_before_the_glue_parts_the_drugs():
    doc, sent = sentence("We tested quorimab, a humanized, made-up version plus zorbanib in this invented study.")
    assert keys(agents(doc, sent)) == ["quorimab", "zorbanib"]


@pytest.mark.parametrize("text, expected", [
    ("We compared quorimab plus felotinib, a made-up zorbanib copy, versus zorbanib.",
     [agent_key(["quorimab", "felotinib"]), "zorbanib"]),
    ("We compared zorbanib, the invented standard, versus quorimab plus felotinib.",
     ["zorbanib", agent_key(["quorimab", "felotinib"])]),
])
def test_a_drug_named_in_an_appositive_is_no_compared_arm(text, expected):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == expected


def test_as_opposed_to_compares_two_arms():
    doc, sent = sentence("In this invented trial, zorbanib as opposed to felotinib prolonged survival.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]


def test_placebo_added_to_a_drug_is_the_drug_arm():
    doc, sent = sentence("Patients were randomized 1:1 to quorimab/zorbanib or zorbanib/placebo.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


def test_doses_between_combined_drugs_stay_one_arm():
    doc, sent = sentence("Patients were randomly assigned (1:1) to receive either quorimab 200 mg every 2 weeks plus "
                         "felotinib 250 mg once daily or zorbanib 400 mg twice daily (8 mg or 12 mg by weight).")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]


@pytest.mark.parametrize("text", [
    "In the invented trial 300 adults received quorimab at 300 mg every 3 weeks plus zorbanib; 150 received felotinib.",
    "Quorimab 15 mg/kg plus zorbanib was compared with felotinib in a pretend study.",
])
def test_a_dose_before_the_glue_parts_no_regimen(text):
    doc, sent = sentence(text)
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


@pytest.mark.parametrize("text", [
    "The pretend phase 3 trial is comparing the invented oncolytic agent quorimab followed by zorbanib with zorbanib alone.",
    "This made-up study compares quorimab followed by zorbanib with zorbanib.",
])
def test_a_drug_followed_by_another_is_one_arm_given_in_turn_and_the_first_arms_class_may_lead(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


@pytest.mark.parametrize("text", [
    "The combination of the invented kinase inhibitor zorbanib and quorimab was compared with felotinib in this pretend trial.",
    "The combination of zorbanib and the quorimab biosimilar quorimab was compared with felotinib in this pretend trial.",
])
def test_a_combination_whose_parts_are_described_or_named_as_a_copy_is_one_arm(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["zorbanib", "quorimab"]), "felotinib"]


def test_a_part_described_by_its_class_after_plus_stays_in_the_regimen():
    doc, sent = sentence("A combination of quorimab (Quora) plus the experimental drug zorbanib, both invented, improved "
                         "survival compared to patients who received only felotinib (Felo).")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


def test_a_regimen_hyphenated_as_one_modifier_is_one_arm():
    doc, sent = sentence("Median OS was 22.0 months in the quorimab-plus-zorbanib arm versus 19.0 months in the "
                         "zorbanib-plus-placebo arm in this pretend trial.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


@pytest.mark.parametrize("state", ["TACE-naive", "TACE-unsuitable", "felotinib-refractory", "felotinib-intolerant"])
def test_a_drug_or_procedure_naming_the_patients_state_is_no_arm(state):
    doc, sent = sentence(f"This invented single-arm study enrolled {state} patients, who received zorbanib.")
    assert keys(agents(doc, sent)) == ["zorbanib"]


def test_sizes_in_each_shape():
    doc, sent = sentence("We randomized 700 patients (zorbanib arm, n = 350; felotinib arm, n = 1,350).")
    assert arm_sizes(doc, sent) == {"zorbanib": 350, "felotinib": 1350}
    doc, sent = sentence("Patients received zorbanib at 10 mg (n = 301) or placebo (n = 150).")
    assert arm_sizes(doc, sent) == {"zorbanib": 301, "placebo": 150}
    doc, sent = sentence("The population included 320 patients in the zorbanib group and 160 in the placebo group.")
    assert arm_sizes(doc, sent) == {"zorbanib": 320, "placebo": 160}  # the second count follows the first's shape


def test_a_responder_fraction_is_not_an_arm_size():
    doc, sent = sentence("With zorbanib the response rate was 12% (n = 30/250).")
    assert arm_sizes(doc, sent) == {}


def test_comparisons():
    doc, sent = sentence("Quorimab plus felotinib versus zorbanib in advanced disease.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]
    doc, sent = sentence("Zorbanib improved survival (13.1 months) compared to felotinib (12.0 months).")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Zorbanib prolonged survival relative to felotinib in the invented trial.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Zorbanib was given; felotinib was compared with nothing.")
    assert compared_arms(doc, sent) == []


@pytest.mark.parametrize("noun", ["superiority against", "superiority versus", "superiority over"])
def test_superiority_against_an_arm_compares(noun):
    doc, sent = sentence(f"Quorimab, an antibody against an invented receptor, showed survival {noun} placebo here.")
    assert keys(compared_arms(doc, sent)) == ["quorimab", "placebo"]


def test_randomised_as_a_design_word_lists_no_arms():
    doc, sent = sentence("Zorbanib for patients who progressed on felotinib (ORCHID): a randomised, double-blind, "
                         "placebo-controlled, phase 3 trial of quorimab.")
    assert randomised_arms(doc, sent) == []


def test_sizes_inside_the_arms_own_parenthesis_and_after_a_comma():
    doc, sent = sentence("Patients were randomized to zorbanib (10 mg daily; n = 371) or placebo (n = 372).")
    assert arm_sizes(doc, sent) == {"zorbanib": 371, "placebo": 372}
    doc, sent = sentence("In all, 668 patients were randomized (zorbanib, 334; felotinib, 330).")
    assert arm_sizes(doc, sent) == {"zorbanib": 334, "felotinib": 330}
    doc, sent = sentence("They received zorbanib (10 mg daily; 371 participants) or felotinib (5 mg; 372 participants).")
    assert arm_sizes(doc, sent) == {"zorbanib": 371, "felotinib": 372}


def test_counts_randomised_to_each_arm():
    doc, sent = sentence("Of 800 screened, 573 were randomised (379 to zorbanib and 194 to placebo).")
    assert arm_sizes(doc, sent) == {"zorbanib": 379, "placebo": 194}
    doc, sent = sentence("The trial randomized 573 patients to zorbanib or placebo.")
    assert arm_sizes(doc, sent) == {}


@pytest.mark.parametrize("text", [
    "Treatment tested: quorimab plus zorbanib or zorbanib alone vs felotinib.",
    # "and" parts two arms when the one after it is given alone
    "The trial evaluated quorimab plus zorbanib (a named regimen) and zorbanib monotherapy compared to felotinib.",
])
def test_an_or_list_before_versus_gives_every_arm(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib", "felotinib"]


def test_and_before_a_drug_not_given_alone_parts_no_arms():
    doc, sent = sentence("The trial evaluated quorimab plus felotinib and zorbanib compared to placebo.")
    assert len(compared_arms(doc, sent)) < 3


def test_registry_labels_name_the_arms():
    doc, sent = sentence("Arms: Experimental: zorbanib 10 mg daily; Placebo Comparator: placebo once daily.")
    from hcc_kg.extract.alternative_arms import labelled_arms
    assert keys(labelled_arms(doc, sent)) == ["zorbanib", "placebo"]
    doc, sent = sentence("Experimental arm: zorbanib only.")
    assert labelled_arms(doc, sent) == []


def test_a_parenthetical_gloss_is_not_the_compared_arm():
    doc, sent = sentence("Quorimab plus felotinib (a zorbanib analogue) vs placebo was tested.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "placebo"]


def test_assigned_or_allocated_to_arms_with_bare_counts():
    doc, sent = sentence("In all, 300 patients were allocated to zorbanib (150) or felotinib (148).")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "felotinib"]
    assert arm_sizes(doc, sent) == {"zorbanib": 150, "felotinib": 148}
    doc, sent = sentence("Patients were assigned in a 2:1 ratio to receive zorbanib or placebo.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "placebo"]
    doc, sent = sentence("The assigned dose of zorbanib and felotinib was lowered.")
    assert randomised_arms(doc, sent) == []


def test_the_verb_compared_with_its_two_objects():
    doc, sent = sentence("The ORCHID-9 study compared zorbanib (10 mg) with felotinib in adults.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("We compared outcomes of zorbanib and of felotinib users.")
    assert compared_arms(doc, sent) == []


def test_compare_the_efficacy_of_one_regimen_against_another():
    doc, sent = sentence("The trial set out to compare the efficacy and safety of quorimab plus zorbanib against "
                         "zorbanib monotherapy in untreated disease.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


def test_counts_receiving_each_arm():
    doc, sent = sentence("The study enrolled 610 patients, with 305 receiving quorimab plus zorbanib and 300 receiving "
                         "zorbanib plus placebo.")
    assert arm_sizes(doc, sent) == {agent_key(["quorimab", "zorbanib"]): 305, "zorbanib": 300}


def test_combination_of_two_drugs_joined_by_and_or_around_an_apposition():
    doc, sent = sentence("Combination therapy with quorimab and zorbanib outlasted felotinib.")
    assert keys(agents(doc, sent))[0] == agent_key(["quorimab", "zorbanib"])
    doc, sent = sentence("The combination of quorimab, a checkpoint antibody, plus zorbanib, a kinase inhibitor, was tested.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"])]
    doc, sent = sentence("Patients given quorimab and zorbanib were counted.")  # no "combination": two agents
    assert keys(agents(doc, sent)) == ["quorimab", "zorbanib"]


def test_a_backbone_after_the_randomised_list_joins_every_arm():
    doc, sent = sentence("Patients were randomly assigned to receive quorimab 8 mg/kg or placebo on days 1 and 15, "
                         "plus zorbanib 80 mg daily.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]


def test_the_randomised_list_ends_with_its_clause():
    doc, sent = sentence("Patients were randomly assigned to the zorbanib or placebo group at a 2:1 ratio and were "
                         "treated with oral zorbanib or placebo until progression.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "placebo"]


def test_a_registry_allocation_field_lists_no_arms():
    doc, sent = sentence("Allocation: Randomized; Masking: None Interventions Drug: zorbanib Drug: felotinib Drug: quorimab")
    assert randomised_arms(doc, sent) == []


def test_with_or_without_gives_the_combination_and_the_drug_alone():
    doc, sent = sentence("Study of quorimab with or without zorbanib versus chemotherapy in bladder cancer")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "quorimab"]


def test_patients_received_two_dosed_drugs_as_one_regimen():
    from hcc_kg.extract.received_arm import received_agent
    from hcc_kg.extract.enrolment import enrolled
    doc, sent = sentence("Patients with uHCC received zorbanib (12 mg or 8 mg by weight) orally daily and quorimab "
                         "200 mg on day 1 of each cycle.")
    assert received_agent(doc, sent) == agent_key(["quorimab", "zorbanib"])
    doc, sent = sentence("Patients received zorbanib or felotinib by choice.")
    assert received_agent(doc, sent) is None
    assert enrolled("Number of Patients Enrolled 58") == 58


@pytest.mark.parametrize("text", [
    "Eligible patients underwent the triple combination therapy of zorbanib, quorimab, plus felotinib.",
    "Patients underwent combination treatment with zorbanib, quorimab plus felotinib.",
])
def test_patients_underwent_the_combination_therapy_of_its_drugs(text):
    from hcc_kg.extract.received_arm import received_agent
    doc, sent = sentence(text)
    assert received_agent(doc, sent) == agent_key(["felotinib", "quorimab", "zorbanib"])


@pytest.mark.parametrize("text", [
    "We enrolled 30 patients with resectable disease to receive two cycles of neoadjuvant zorbanib followed by TACE.",
    "Eligible patients were enrolled to receive quorimab plus zorbanib followed by TACE in this invented study.",
])
def test_patients_to_receive_drugs_followed_by_a_procedure_received_the_drugs(text):
    from hcc_kg.extract.received_arm import received_agent
    doc, sent = sentence(text)
    assert received_agent(doc, sent) == ("zorbanib" if "quorimab" not in text else agent_key(["quorimab", "zorbanib"]))

def test_placebo_with_a_backbone_makes_the_backbone_every_arms():
    doc, sent = sentence("Patients were randomized 1:1 to receive quorimab or placebo in combination with zorbanib plus "
                         "felotinib for up to 8 cycles, followed by quorimab or placebo monotherapy until progression.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib", "felotinib"]),
                                                agent_key(["zorbanib", "felotinib"])]


def test_a_maintenance_phase_is_part_of_the_arm_before_it():
    doc, sent = sentence("Patients were randomized to one of the following: quorimab plus zorbanib for four doses, "
                         "followed by quorimab every 2 weeks; quorimab every 2 weeks plus placebo; or zorbanib plus placebo.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "quorimab", "zorbanib"]


def test_a_bare_ratio_before_to_still_randomises():
    doc, sent = sentence("In all, 90 patients were assigned 2:1 to zorbanib or placebo.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "placebo"]


def test_a_colon_count_in_a_parenthesis_of_arms():
    doc, sent = sentence("In all, 400 patients were randomized (zorbanib: 200; felotinib: 199).")
    assert arm_sizes(doc, sent) == {"zorbanib": 200, "felotinib": 199}


def test_sizes_given_respectively_follow_the_arms_in_order():
    doc, sent = sentence("Patients were randomly assigned to zorbanib or placebo (n = 410 and 205, respectively).")
    assert arm_sizes(doc, sent) == {"zorbanib": 410, "placebo": 205}


def test_a_count_in_the_trial_is_no_arm():
    doc, sent = sentence("There were 80 patients in the zorbanib study and 40 in the felotinib study.")
    assert arm_sizes(doc, sent) == {}


def test_a_ratio_of_three_arms_before_to_opens_the_list():
    doc, sent = sentence("Patients were assigned 1:1:1 to quorimab plus felotinib, felotinib monotherapy, or zorbanib.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "felotinib", "zorbanib"]


def test_alternatives_given_either_or_are_the_arms():
    doc, sent = sentence("Patients received either zorbanib (cohort 1) or felotinib (cohort 2).")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Patients received zorbanib after felotinib.")  # no alternatives: no list of arms
    assert randomised_arms(doc, sent) == []


def test_counts_assigned_to_each_arms_group():
    doc, sent = sentence("Of the 821 patients, 412 were assigned to the zorbanib group and 409 to the felotinib group.")
    assert keys(counted_arms(doc, sent)) == ["zorbanib", "felotinib"]
    assert arm_sizes(doc, sent) == {"zorbanib": 412, "felotinib": 409}
    doc, sent = sentence("Of the 821 patients, 412 were assigned to the zorbanib trial and 409 to the felotinib trial.")
    assert counted_arms(doc, sent) == []  # "to the A trial" names no arm


def test_a_parenthesis_listing_each_arm_with_its_count():
    for listed, counts in (("zorbanib, 412; felotinib, 409", (412, 409)), ("zorbanib: 250 patients; felotinib: 251 patients",
                                                                            (250, 251))):
        doc, sent = sentence(f"The study enrolled 821 patients ({listed}).")
        assert keys(counted_list(doc, sent)) == ["zorbanib", "felotinib"]
        assert arm_sizes(doc, sent) == dict(zip(["zorbanib", "felotinib"], counts))
    doc, sent = sentence("Responses were seen (zorbanib, 12%; felotinib, 9%).")  # percentages are no counts
    assert counted_list(doc, sent) == []


def test_a_comparative_than_compares_the_arms():
    doc, sent = sentence("Zorbanib was associated with significantly longer survival than felotinib (12.1 vs 10.3 months).")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Patients given zorbanib had a higher response rate than those receiving felotinib.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("More than 40 patients received zorbanib after felotinib.")  # "more than" compares no arms
    assert compared_arms(doc, sent) == []


def test_the_alternatives_patients_received_are_the_arms():
    doc, sent = sentence("Patients received zorbanib 400 mg twice daily or felotinib.")
    assert keys(received_alternatives(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Patients previously treated with zorbanib or felotinib were given quorimab.")
    assert received_alternatives(doc, sent) == []  # prior therapies are no arms
    doc, sent = sentence("Patients received zorbanib; felotinib or quorimab followed at progression.")
    assert received_alternatives(doc, sent) == []


def test_lettered_arm_labels_name_the_arms():
    from hcc_kg.extract.alternative_arms import labelled_arms
    doc, sent = sentence("Arm A: zorbanib (n = 478) Arm B: felotinib (n = 476)")
    assert keys(labelled_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence("Median OS was 13.6 months (arm A) with zorbanib and 12.3 months with felotinib.")
    assert labelled_arms(doc, sent) == []  # a label without its colon lists no arm


def test_the_next_count_with_its_verb_left_out():
    doc, sent = sentence("Of 489 randomised patients, 326 received quorimab-felotinib and 163 zorbanib.")
    assert arm_sizes(doc, sent) == {agent_key(["quorimab", "felotinib"]): 326, "zorbanib": 163}
    assert keys(counted_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]


def test_the_agent_given_as_the_subject_of_a_passive():
    from hcc_kg.extract.received_arm import received_agent
    for text in ("Quorimab 20 mg/kg was given IV every 3 weeks until progression.",
                 "Methods: Zorbanib was administered at 5 mg orally once daily."):
        doc, sent = sentence(text)
        assert received_agent(doc, sent) in {"quorimab", "zorbanib"}, text
    doc, sent = sentence("After progression on zorbanib, quorimab was given.")  # the subject is not the agent
    assert received_agent(doc, sent) is None


def test_and_after_plus_goes_on_with_the_regimen():
    doc, sent = sentence("We compared quorimab plus zorbanib and felotinib with placebo plus zorbanib and felotinib.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib", "felotinib"]),
                                              agent_key(["zorbanib", "felotinib"])]
    doc, sent = sentence("We gave quorimab plus zorbanib and felotinib plus TACE.")  # two regimens
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), agent_key(["felotinib", "tace"])]


def test_the_combination_of_one_drug_with_another():
    doc, sent = sentence("Patients received the combination of quorimab with zorbanib.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"])]


def test_a_randomised_list_ends_where_a_clause_of_its_own_begins():
    doc, sent = sentence("Of 546 randomized (zorbanib n=274; quorimab n=272), 88% had undergone TACE.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "quorimab"]


def test_a_guide_for_patients_counts_people_who_took_each_treatment():
    doc, sent = sentence("In a large trial, 351 people took quorimab and zorbanib and 174 took an older tablet called "
                         "felotinib.")
    assert arm_sizes(doc, sent) == {agent_key(["quorimab", "zorbanib"]): 351, "felotinib": 174}


def test_a_nominal_comparison_non_inferiority_to():
    doc, sent = sentence("ZETA-3 showed that zorbanib met its endpoint by confirmation of non-inferiority to felotinib.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]


def test_improved_over_compares_while_over_a_duration_does_not():
    doc, sent = sentence("Quorimab plus zorbanib did not improve OS over zorbanib alone in the ZETA-4 trial.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]
    doc, sent = sentence("Quorimab was infused over 30 minutes before zorbanib.")
    assert compared_arms(doc, sent) == []


# --- a name repeated in an aside; a dose before the drug; "the combination of A and standard B" -------

VOCAB_BRANDS = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorvia", "ZX-101")),
                           Entity("felotinib", "felotinib", ("SmallMolecule",)),
                           Entity("placebo", "placebo", ("Placebo",))])


def branded(text: str):
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB_BRANDS, MentionFinder(VOCAB_BRANDS))
    return doc, doc.sentences[0]


def test_an_aside_naming_the_drug_again_does_not_part_its_regimen():
    for text in ("Oral zorbanib (ZX-101) plus felotinib was compared with placebo plus felotinib.",
                 "Zorbanib (Zorvia, Invented Pharma) in combination with felotinib was compared with placebo.",
                 "Zorbanib [ZX-101] plus felotinib versus placebo."):
        doc, sent = branded(text)
        assert keys(agents(doc, sent))[0] == agent_key(["zorbanib", "felotinib"]), text
    doc, sent = branded("Zorbanib (felotinib was not given) plus placebo versus felotinib.")
    assert agent_key(["zorbanib", "felotinib"]) not in keys(agents(doc, sent))  # another drug in the aside is no repeat


def test_patients_received_a_dose_before_the_drug():
    from hcc_kg.extract.received_arm import received_agent
    for text in ("Patients received 240mg/body zorbanib every 2 weeks.", "Patients received 400 mg of zorbanib daily.",
                 "All patients were treated with oral 10 mg/kg zorbanib."):
        doc, sent = sentence(text)
        assert received_agent(doc, sent) == "zorbanib", text
    doc, sent = sentence("Patients received 12 cycles before zorbanib was started.")
    assert received_agent(doc, sent) is None


def test_the_combination_of_a_drug_and_a_described_backbone_compared_to_the_backbone_alone():
    doc, sent = sentence("A two-arm study comparing the combination of quorimab and standard first-line zorbanib "
                         "therapy to zorbanib alone.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "zorbanib"]
    doc, sent = sentence("The study compared the combination of quorimab with felotinib to zorbanib.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "felotinib"]), "zorbanib"]
    doc, sent = sentence("The combination of quorimab and, in a second step, zorbanib was tested.")
    assert agent_key(["quorimab", "zorbanib"]) not in keys(agents(doc, sent))  # a clause between parts no regimen


def test_a_comparator_named_after_its_role():
    doc, sent = sentence("Zorbanib showed non-inferior OS when compared with the standard of care, felotinib, in 900 "
                         "patients.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]


def test_a_far_subject_is_compared_when_it_is_the_only_agent_before_the_cue():
    far = ("Zorbanib significantly improved progression-free survival in adults with an unresectable, invented, "
           "slowly growing tumour of the made-up gland after local therapy had failed, compared with felotinib.")
    doc, sent = sentence(far)
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]
    doc, sent = sentence(far.replace("after local therapy", "where quorimab therapy"))
    assert compared_arms(doc, sent) == [] or keys(compared_arms(doc, sent))[0] != "zorbanib"  # a nearer agent breaks it


@pytest.mark.parametrize("text", [
    "Zorbanib after prior felotinib improved OS compared with placebo.",
    "In patients who had progressed on or were intolerant to felotinib, zorbanib was compared with placebo.",
    "Adjuvant zorbanib following felotinib-based therapy improved survival compared to placebo.",
])
def test_what_patients_had_before_is_no_compared_arm(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "placebo"]


@pytest.mark.parametrize("text", [
    "Adjuvant therapy with quorimab plus the anti-VEGF zorbanib reduced recurrence compared with placebo.",
    "Quorimab along with zorbanib reduced recurrence compared with placebo.",
    "Quorimab plus the monoclonal antibody zorbanib reduced recurrence compared with placebo.",
])
def test_a_described_or_accompanying_part_stays_in_the_regimen(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "placebo"]


CARE_VOCAB = Vocabulary([*VOCAB, Entity("best_supportive_care", "best supportive care", ("Procedure",), synonyms=("BSC",))])


@pytest.mark.parametrize("text", [
    "Patients were randomly assigned 2:1 to zorbanib 10 mg daily (n=300) or placebo (n=150), and all received best supportive care.",
    "Patients were randomized to zorbanib or placebo, with all patients receiving BSC.",
    "Participants were randomised 1:1 to zorbanib or placebo, and both groups also received best supportive care.",
    "Patients were randomly assigned to zorbanib (n = 80) or placebo (n = 40), while each arm was given BSC.",
])
def test_care_every_arm_gets_after_the_list_is_no_arm(text):
    doc = AnalysedDocument(Document.from_text("d", text), CARE_VOCAB, MentionFinder(CARE_VOCAB))
    assert keys(randomised_arms(doc, doc.sentences[0])) == ["zorbanib", "placebo"]


def test_care_alone_as_an_arm_is_still_listed():
    text = "Patients were randomly assigned to zorbanib or best supportive care alone, and were followed every 6 weeks."
    doc = AnalysedDocument(Document.from_text("d", text), CARE_VOCAB, MentionFinder(CARE_VOCAB))
    assert keys(randomised_arms(doc, doc.sentences[0])) == ["zorbanib", "best_supportive_care"]


@pytest.mark.parametrize("text, expected", [
    ("Patients in the intent-to-treat arm who received a 600 mg dose of zorbanib twice daily had an ORR of 43%.", "zorbanib"),
    ("Participants in the expansion cohort received 200 mg of quorimab every 3 weeks.", "quorimab"),
    ("Patients received a 400 mg daily dose of felotinib.", "felotinib"),
    # who the patients are, not what the trial gave them
    ("Patients who received zorbanib before enrolment were excluded.", None),
    ("Patients in the intent-to-treat arm who received prior zorbanib were excluded.", None),
])
def test_patients_in_an_arm_who_received_a_dose_of_an_agent(text, expected):
    from hcc_kg.extract.received_arm import received_agent
    doc, sent = sentence(text)
    assert received_agent(doc, sent) == expected


@pytest.mark.parametrize("text", [
    "Patients were randomized to receive quorimab plus zorbanib every 3 weeks for 4 cycles, then quorimab monotherapy, "
    "or felotinib daily.",
    "Patients were randomized to quorimab plus zorbanib for 4 doses, then quorimab every 2 weeks; or felotinib daily.",
])
def test_the_maintenance_phase_after_then_is_no_arm(text):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomized 1:1:1 to quorimab plus zorbanib with TACE (n=204), quorimab plus TACE (n=207), or TACE "
     "monotherapy (n=205).", [agent_key(["quorimab", "tace", "zorbanib"]), agent_key(["quorimab", "tace"]), "tace"]),
    ("Patients were randomized to zorbanib with TACE or placebo with TACE.", [agent_key(["tace", "zorbanib"]), "tace"]),
])
def test_a_procedure_given_with_drugs_is_part_of_their_arm(text, expected):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == expected


def test_comparing_a_drug_with_a_procedure_keeps_them_apart():
    doc, sent = sentence("The study is comparing zorbanib with TACE in intermediate disease.")
    assert keys(agents(doc, sent)) == ["zorbanib", "tace"]
    doc, sent = sentence("Zorbanib with TACE improved PFS.")
    assert keys(agents(doc, sent)) == [agent_key(["tace", "zorbanib"])]
    assert sizes_of("Patients received quorimab plus zorbanib with TACE (n=204) or TACE alone (n=205).") == {
        agent_key(["quorimab", "tace", "zorbanib"]): 204, "tace": 205}


def sizes_of(text: str) -> dict:
    doc, sent = sentence(text)
    return arm_sizes(doc, sent)


@pytest.mark.parametrize("tail", ["in conjunction with best supportive care", "in addition to best supportive care",
                                  "on a background of BSC"])
def test_care_every_arm_gets_after_a_comma_is_no_arm(tail):
    text = f"Patients were randomly assigned in a two to one ratio to receive zorbanib 10 mg (n=272) or placebo (n=138), {tail}."
    doc = AnalysedDocument(Document.from_text("d", text), CARE_VOCAB, MentionFinder(CARE_VOCAB))
    assert keys(randomised_arms(doc, doc.sentences[0])) == ["zorbanib", "placebo"]


@pytest.mark.parametrize("cue", ["with or without", "with/without", "±"])
def test_a_regimen_with_or_without_an_add_on_is_two_arms(cue):
    doc, sent = sentence(f"Patients were randomly assigned (2:1) to receive quorimab (3 mg/kg, every 2 weeks) and "
                         f"zorbanib (10 mg, daily) {cue} TACE [a planned 30 Gy dose].")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib", "tace"]),
                                                agent_key(["quorimab", "zorbanib"])]


@pytest.mark.parametrize("join", ["in combination with", "with", "plus"])
def test_a_regimen_alone_or_with_an_add_on_is_two_arms_in_that_order(join):
    doc, sent = sentence(f"Patients were randomized to receive zorbanib alone (Arm Z, n = 169) or {join} TACE on demand "
                         "(Arm C, n = 170).")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", agent_key(["zorbanib", "tace"])]


def test_a_drug_following_a_procedure_joins_its_arm():
    doc, sent = sentence("Patients were randomized 1:1 to felotinib or TACE followed by felotinib, stratified by stage.")
    assert keys(randomised_arms(doc, sent)) == ["felotinib", agent_key(["tace", "felotinib"])]
    # ... while a drug's maintenance phase stays no arm of its own
    doc, sent = sentence("Patients were randomized to quorimab plus zorbanib for 4 doses, followed by quorimab, or felotinib.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


def test_a_new_drug_given_in_turn_joins_its_arm():
    # "A followed by B": one arm giving both drugs, one after the other
    doc, sent = sentence("Adults were randomised (3:1) to receive either quorimab 8 mg/kg intravenously followed by zorbanib "
                         "5 mg/kg on the same day, every 2 weeks, or felotinib twice daily.")
    assert keys(randomised_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]
    # ... but not a drug offered as a choice after the first phase
    doc, sent = sentence("Patients were randomized to quorimab for 4 doses followed by zorbanib or felotinib.")
    assert agent_key(["quorimab", "zorbanib"]) not in keys(randomised_arms(doc, sent))


def test_patients_described_by_their_prior_treatment_were_administered_the_arm():
    doc, sent = sentence("Patients with cancer after prior systemic treatment(s) were administered quorimab "
                         "(5 mg/kg, every 3 weeks) plus zorbanib (10 or 20 mg; daily) in a made-up escalation.")
    assert received_agent(doc, sent) == agent_key(["quorimab", "zorbanib"])
    doc, sent = sentence("Participants were administered felotinib 40 mg once daily.")
    assert received_agent(doc, sent) == "felotinib"


@pytest.mark.parametrize("which", ["dual", "matching"])
def test_a_placebo_described_by_its_kind_is_still_the_compared_arm(which):
    doc, sent = sentence(f"A made-up phase 3 trial evaluating quorimab plus zorbanib in combination with TACE versus "
                         f"{which} placebo plus TACE enrolled adults.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib", "tace"]), "tace"]


@pytest.mark.parametrize("text", [
    "Patients were randomly assigned to zorbanib plus arterial infusion of quorimab, felotinib, and TACE or to zorbanib alone.",
    "Patients were randomly assigned to zorbanib plus arterial infusion of quorimab, felotinib and TACE or to zorbanib alone.",
])
def test_a_comma_list_closed_by_and_is_one_arm_among_alternatives(text):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == [agent_key(["zorbanib", "quorimab", "felotinib", "tace"]), "zorbanib"]


def test_alternatives_listed_with_commas_stay_apart():
    doc, sent = sentence("Patients were randomly assigned to zorbanib, felotinib, or quorimab.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "felotinib", "quorimab"]


@pytest.mark.parametrize("text", [
    "Zorbanib Plus Arterial Infusion of Quorimab, Felotinib, and TACE vs Zorbanib Alone in Invented Disease",
    "Zorbanib plus arterial infusion of quorimab, felotinib and TACE versus zorbanib alone was tested.",
])
def test_a_list_closed_by_and_before_versus_is_one_arm_with_what_delivers_it(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["zorbanib", "quorimab", "felotinib", "tace"]), "zorbanib"]


def test_alternatives_listed_before_versus_stay_apart():
    doc, sent = sentence("Zorbanib, quorimab or felotinib versus TACE was tested.")
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "quorimab", "felotinib", "tace"]


@pytest.mark.parametrize("text", [
    "Patients with advanced HCC who progressed on felotinib received zorbanib 200 mg every 3 weeks.",
    "Adults with confirmed liver cancer who experienced progression after or intolerance to felotinib treatment "
    "received zorbanib 200 mg every 3 weeks.",
    "Patients who had failed felotinib were treated with zorbanib.",
])
def test_the_earlier_therapy_in_who_the_patients_are_is_not_what_they_received(text):
    """A who-clause naming the therapy before ("who progressed on B") describes the patients; the agent they
    received is the trial's (no arm was read: two agents, or a subject the reading did not know)."""
    doc, sent = sentence(text)
    assert received_agent(doc, sent) == "zorbanib"


def test_a_drug_after_received_is_given_even_after_a_prior_therapy_cue():
    doc, sent = sentence("Patients who progressed on felotinib received zorbanib plus quorimab.")
    assert received_agent(doc, sent) == agent_key(["quorimab", "zorbanib"])


def test_a_regulators_control_number_labels_no_arm():
    from hcc_kg.extract.alternative_arms import labelled_arms
    doc, sent = sentence("File ID: XY-1 Control #: 123456 Notice of a decision: this notice concerns zorbanib, Control "
                         "Number 123456, for patients who progressed on felotinib.")
    assert labelled_arms(doc, sent) == []
    doc, sent = sentence("Arms: Experimental: zorbanib daily; Control: felotinib twice daily.")
    assert keys(labelled_arms(doc, sent)) == ["zorbanib", "felotinib"]


def test_a_combinations_parts_may_each_carry_an_aside():
    doc, sent = sentence("The combination of quorimab (Quora) and zorbanib (Zorba) extended survival compared with felotinib.")
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


@pytest.mark.parametrize("text", [
    "In the comparator arm, 80% of patients were treated with zorbanib and 20% were treated with felotinib.",
    "Of the control group, 70% received zorbanib and 30% felotinib.",
])
def test_shares_of_one_arm_treated_with_different_drugs_are_no_combination(text):
    doc, sent = sentence(text)
    assert received_agent(doc, sent) is None  # a mixed arm: neither one drug nor the two together


BRANDS = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("Zorbix",)),
                     Entity("quorimab", "quorimab", ("MonoclonalAntibody",), ("Quorimax",)),
                     Entity("felotinib", "felotinib", ("SmallMolecule",))])


@pytest.mark.parametrize("text", [
    "Patients got dual immunotherapy treatment with Quorimax, or quorimab, and Zorbix, or zorbanib, in the study.",
    "Patients got doublet therapy with quorimab and zorbanib in the study.",
])
def test_a_dual_therapy_with_each_drug_named_again_after_or_is_one_regimen(text):
    doc = AnalysedDocument(Document.from_text("d", text), BRANDS, MentionFinder(BRANDS))
    assert keys(agents(doc, doc.sentences[0])) == [agent_key(["quorimab", "zorbanib"])]


def test_two_drugs_offered_as_alternatives_stay_two():
    doc = AnalysedDocument(Document.from_text("d", "Patients got zorbanib, or felotinib, as chosen."), BRANDS,
                           MentionFinder(BRANDS))
    assert keys(agents(doc, doc.sentences[0])) == ["zorbanib", "felotinib"]


def test_a_drugs_code_inside_a_sponsors_study_number_is_no_arm():
    coded = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",), ("ZB123",)),
                        Entity("felotinib", "felotinib", ("SmallMolecule",))])
    text = "The phase 3 trial (ACME-ZB123-III-02) of felotinib met its primary endpoint."
    doc = AnalysedDocument(Document.from_text("d", text), coded, MentionFinder(coded))
    assert keys(agents(doc, doc.sentences[0])) == ["felotinib"]


def test_a_partner_set_off_by_commas_and_described_first_joins_the_regimen():
    doc, sent = sentence("The filing covers quorimab, combined with the small-molecule targeted therapy zorbanib, as a "
                         "first-line treatment.")
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"])]


@pytest.mark.parametrize("text, expected", [
    ("In the invented trial, 120 and 118 patients were randomly assigned to the zorbanib and felotinib arms, "
     "respectively.", ["zorbanib", "felotinib"]),
    ("Made-up patients were randomised to the quorimab plus zorbanib and zorbanib plus placebo groups.",
     [agent_key(["quorimab", "zorbanib"]), "zorbanib"]),
    # without a plural head, "and" in one segment still joins one arm's drugs
    ("Made-up patients were randomised to zorbanib and quorimab or felotinib.",
     [agent_key(["quorimab", "zorbanib"]), "felotinib"]),
])
def test_agents_before_a_plural_head_are_as_many_arms(text, expected):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == expected


def test_a_clause_of_its_own_after_a_semicolon_ends_the_randomisation_list():
    doc, sent = sentence("Invented patients were randomised to zorbanib or felotinib; 120 and 118 patients were "
                         "assigned to the zorbanib and felotinib arms, respectively.")
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "felotinib"]


@pytest.mark.parametrize("text", [
    "Invented patients were randomised to zorbanib or placebo after felotinib.",
    "Invented patients were randomised to zorbanib or placebo after progression on felotinib.",
    "Invented patients were randomised to zorbanib or placebo, following intolerance to felotinib.",
])
def test_the_drug_patients_had_before_the_randomisation_is_no_arms_drug(text):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == ["zorbanib", "placebo"]


def test_a_sentences_agents_are_read_once_and_handed_out_as_fresh_lists(monkeypatch):
    import hcc_kg.extract.prose_arms as prose_arms
    doc, sent = sentence("Patients were randomized to quorimab plus zorbanib or felotinib in this invented trial.")
    calls = []
    real = prose_arms._agents
    monkeypatch.setattr(prose_arms, "_agents", lambda *args: calls.append(args) or real(*args))
    first = agents(doc, sent)
    first.clear()  # a caller's list is its own
    assert keys(agents(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"] and len(calls) == 1
    assert agents(doc, sent, 0, 20) == [] and len(calls) == 2  # another span of the sentence is read on its own


@pytest.mark.parametrize("text", [
    "Acme started a phase 3 trial to test quorimab plus zorbanib against felotinib.",
    "The trial tested a combination of quorimab and zorbanib against felotinib in untreated HCC.",
    "The trial pitted the combination of quorimab and Maker AG's zorbanib against felotinib.",
])
def test_a_verb_of_testing_with_against_compares_two_arms(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "felotinib"]


@pytest.mark.parametrize("text", [
    "Quorimab is an antibody against zorbanib-resistant cells, tested in felotinib-treated mice.",
    "Quorimab was active against HCC cells, and zorbanib was tested with felotinib.",
])
def test_against_without_a_verb_of_testing_before_both_agents_compares_nothing(text):
    doc, sent = sentence(text)
    assert compared_arms(doc, sent) == []


@pytest.mark.parametrize("text", [
    "Comparison of efficacy between quorimab combined with zorbanib and quorimab alone in invented patients.",
    "This study compared the clinical efficacy and safety of quorimab combined with zorbanib and quorimab alone.",
])
def test_a_comparison_of_efficacy_between_two_arms(text):
    doc, sent = sentence(text)
    assert keys(compared_arms(doc, sent)) == [agent_key(["quorimab", "zorbanib"]), "quorimab"]


@pytest.mark.parametrize("text, expected", [
    # counts in arms named without an article
    ("In all, 300 pts were randomized to zorbanib or placebo (201 in zorbanib arm and 99 in placebo arm).",
     {"zorbanib": 201, "placebo": 99}),
    # the size after a sequence is the sequence's, not its last drug's
    ("Patients were randomized to zorbanib (n=74) vs. TACE followed by zorbanib (n=77).",
     {"zorbanib": 74, agent_key(["tace", "zorbanib"]): 77}),
])
def test_sizes_of_arms_named_bare_or_as_a_sequence(text, expected):
    doc, sent = sentence(text)
    assert arm_sizes(doc, sent) == expected


def test_a_quoted_claim_of_superiority_still_names_the_compared_arm():
    doc, sent = sentence('Zorbanib failed to show that "it was either superior or non-inferior" to felotinib in adults.')
    assert keys(compared_arms(doc, sent)) == ["zorbanib", "felotinib"]


@pytest.mark.parametrize("text", [
    "Patients previously treated with felotinib received zorbanib in two cohorts.",
    "Pts naive to or previously treated with felotinib received zorbanib in two cohorts.",
])
def test_patients_described_by_their_earlier_therapy_received_the_arms_agent(text):
    doc, sent = sentence(text)
    assert received_agent(doc, sent) == "zorbanib"


@pytest.mark.parametrize("text, expected", [
    # the arms in the bracket after the trials the patients were randomised in
    ("Invented patients were randomized in ZEPHYR and ZEPHYR-2 (zorbanib 8 mg/kg or placebo, biweekly).",
     ["zorbanib", "placebo"]),
    # a bracket of something else (no alternatives in it) lists no arms
    ("Invented patients were randomized in ZEPHYR (a made-up study of zorbanib) with care.", []),
])
def test_arms_in_the_bracket_of_the_trials_randomised_in(text, expected):
    doc, sent = sentence(text)
    assert keys(randomised_arms(doc, sent)) == expected


@pytest.mark.parametrize("text", [
    "The primary endpoint, TACE-PFS, was longer when zorbanib was added to TACE than with TACE alone.",
    "Median TACE-progression-free survival favoured zorbanib plus TACE over TACE alone.",
])
def test_an_agent_hyphened_to_an_endpoint_is_part_of_the_endpoint_not_an_arm(text):
    vocab = Vocabulary([*VOCAB.entities.values(), Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",))])
    doc = AnalysedDocument(Document.from_text("d", text), vocab, MentionFinder(vocab))
    assert keys(agents(doc, doc.sentences[0])) == [agent_key(["zorbanib", "tace"]), "tace"]

"""Trial names, registry numbers and phases in invented sentences."""

from __future__ import annotations

import pytest

from hcc_kg.extract.trial_names import aliases, phase_of, trial_names
from hcc_kg.extract.trials import trial_key

ENTITIES = {"PD-1", "CTLA-4", "IL-6", "FGFR1", "ZKR2", "zorbanib", "felotinib", "quorimab", "Zorbanib"}


def names(text: str, confirmed=frozenset()) -> list[str]:
    return [n.name for n in trial_names(text, lambda s: s in ENTITIES, confirmed, trial_key)]


@pytest.mark.parametrize("text, expected", [
    ("In the phase 3 ORCHID-7 study, patients were treated.", ["ORCHID-7"]),
    ("The randomized TideMark 4QX trial enrolled adults.", ["TideMark 4QX"]),
    ("Results of the Foxglove 118 trial were reported.", ["Foxglove 118"]),
    ("The phase 2 study KESTREL-305 examined zorbanib.", ["KESTREL-305"]),
    ("A prior analysis (Study 512) found a benefit.", ["Study 512"]),
    ("The LUMEN88 trial randomly assigned 600 patients.", ["LUMEN88"]),
    ("This trial (NCT01234567) is ongoing.", ["NCT01234567"]),
    ("The phase 3 HARBOR-2 trial used a non\u2011breaking hyphen in HARBOR\u20112.".replace("\u2011", "-"),
     ["HARBOR-2", "HARBOR-2"]),
    ("the ALDER trial compared zorbanib with placebo", ["ALDER"]),
    # an all-capital word, a capitalised one and a number; a capitalised word glued to its number; two capitals
    ("In the phase 3 HERON Lung 210 trial, adults were treated.", ["HERON Lung 210"]),
    ("a randomised trial (HERON Renal 31) of 500 adults", ["HERON Renal 31"]),
    ("The HARBOR-Ovary05 study met its endpoint.", ["HARBOR-Ovary05"]),
    ("In the phase 3 QX-417 trial, zorbanib was compared with placebo.", ["QX-417"]),
    ("The global QX-417 clinical trial compared zorbanib to placebo.", ["QX-417"]),
    ("the ZKR Gastric Study (TERN) trial, a phase 3 study", ["TERN"]),
    # a registry number a few words on is a trial word too
    ("Efficacy was evaluated in KESTREL-2 (registry identifier NCT01234567), which enrolled adults.",
     ["KESTREL-2", "NCT01234567"]),
    # a trial named after an earlier one with a letter after a hyphen
    ("The single-arm study, the HERONS-Z trial, gave zorbanib with embolisation.", ["HERONS-Z"]),
    # a list of names only after the studies it names
    ("The studies reviewed include NCT01234567, KESTREL, HARBOR and the LUMEN trial.",
     ["NCT01234567", "KESTREL", "HARBOR", "LUMEN"]),
    # a name right after the trial word, set off by commas or before a lower-case word
    ("Acme reported results from a phase 3 clinical trial, KESTREL, evaluating zorbanib.", ["KESTREL"]),
    ("Results of the phase 3 study HARBOR were positive.", ["HARBOR"]),
    # a name an endpoint was measured in, no trial word near
    ("Median PFS in KESTREL-3 was 6.1 months with zorbanib and 3.9 months with placebo, Acme said.", ["KESTREL-3"]),
    # five capitals or more, a hyphen and a two- or three-digit number: a trial by its shape alone
    ("Zorbanib showed durable activity in adults with HCC in KESTREL-224.", ["KESTREL-224"]),
    # the acronym's words spelled out in brackets between the name and the trial word
    ("The HERON (Hepatic Evaluation of zoRbanib in Older patieNts) trial was a phase 3 study.", ["HERON"]),
    # a sponsor's title-case name right after a capitalised phase
    ("Data came from the multicenter, placebo-controlled Phase III Zenith trial in adults.", ["Zenith"]),
    # a cooperative group slashed before the trial's own name
    ("From 2014, the Phase III XYZ/ABCD 2201 trial accrued 190 adults.", ["XYZ/ABCD 2201"]),
])
def test_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Blocking PD-1 and CTLA-4 raised IL-6 levels in the study.",
    "Tumours were assessed per RECIST 1.1 in this trial.",
    "Patients with COVID-19 were excluded from the study.",
    "FGFR1 amplification was common in the trial population.",
    "Zorbanib was given Q3W in the trial.",
    "Data were presented at ASCO 2024 after the trial ended.",
    "The ZKR2 inhibitor was studied in a phase 2 trial.",
    "HCC Patients 100 were treated in the trial.",
    "In the trial, IL-6 and PD-1 rose in 12 patients.",
    "Zorbanib, a fully human IgG4 mAb, was evaluated in a phase 1/2 study.",
    "The studies reviewed include ECOG scores, KESTREL adults and the RECIST criteria in this invented review.",
    "PHASE 3 TRIAL RESULTS ARE IN for zorbanib.",  # a heading in capitals
    "The trial, FGFR1, was open.",  # a name of the vocabulary's (a target) is none
    "Zorbanib (ZORBAX-1210) was well tolerated by adults.",  # a code's four digits: no trial by shape
    "Data came from the randomised Phase III Pivotal trial in adults.",  # a word shaped like an adjective
])
def test_not_names(text):
    assert names(text) == []


def test_a_name_far_from_any_trial_word_needs_confirmation():
    text = "Overall, ORCHID-7 showed a favourable profile."
    assert names(text) == []
    assert names(text, frozenset({trial_key("ORCHID-7")})) == ["ORCHID-7"]


def test_spellings_share_a_key():
    assert trial_key("TideMark-040") == trial_key("Tidemark 040") == trial_key("TIDEMARK040")


def test_aliases_slash_and_parenthesis():
    for text in ("the phase 3 trial (Study 512/ALDER) enrolled", "results from ALDER (Study 512) showed",
                 "the ORCHID-7 study (NCT01234567) enrolled"):
        found = trial_names(text, lambda s: False, frozenset(), trial_key)
        assert len(aliases(text, found)) == 1, text


def test_a_registry_pages_heading_gives_its_one_name_and_its_identifier_as_one_trial():
    from test_abstracts import facts
    found = facts("A Study of Zorbanib Versus Placebo in Invented HCC (ORCHID-12)\nClinicalTrials.gov ID NCT01234567\n"
                  "The purpose of this made-up study is to compare zorbanib with placebo.")
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__orchid12"}
    text = "Results from ORCHID-7 and ALDER-2 were shown; registration number NCT01234567."
    assert aliases(text, trial_names(text, lambda s: False, frozenset(), trial_key)) == []  # two names: whose number?


def test_a_registry_records_number_field_names_its_one_unnamed_trial():
    from test_abstracts import facts
    record = ("Clinical Trial Results:\nA Phase III, Randomised Study of Zorbanib Compared With Placebo in Invented HCC\n"
              "Summary\n|\nUS NCT number |\nNCT01234567 | ||\nSponsors\n|\n")
    found = facts(record)
    assert {a.subject for a in found if a.predicate == "isClinicalTrial"} == {"trial__nct01234567"}
    # a number in prose names what the prose says it names, not by this rule; two numbers: whose is not told
    two = record.replace("Sponsors", "Other number |\nNCT07654321 |\nSponsors")
    assert {a.subject for a in facts(two) if a.predicate == "isClinicalTrial"} != {"trial__nct01234567"}


def test_a_sponsors_code_holding_a_drugs_code_is_one_name_and_its_acronym_the_preferred_alias():
    from hcc_kg.extract.analysis import AnalysedDocument
    from hcc_kg.extract.mentions import MentionFinder
    from hcc_kg.extract.trial_name_index import name_index, names_in
    from hcc_kg.model import Document
    from hcc_kg.vocab import load_vocabulary

    vocabulary = load_vocabulary()  # the packaged one: "AK105" is a drug's code in it
    text = "A note\n\nThe filing is based on data from the phase 3 HERON/ALTN-AK105-III-02 study, versus sorafenib."
    doc = AnalysedDocument(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))
    index = name_index(doc)
    assert [n.name for n in names_in(doc, doc.sentences[-1], index.confirmed)] == ["HERON", "ALTN-AK105-III-02"]
    assert index.key("ALTN-AK105-III-02") == index.key("HERON") == trial_key("HERON")


@pytest.mark.parametrize("text, phase", [
    ("a phase 3 trial", "III"), ("a phase III study", "III"), ("a phase 1b trial", "Ib"),
    ("a phase 2/3 study", "II/III"), ("Phase I/II development", "I/II"), ("no phase here", None),
])
def test_phase(text, phase):
    assert phase_of(text) == phase


@pytest.mark.parametrize("text", [
    "RESULTS OF A PHASE 3 TRIAL of zorbanib",
    "A LAG-3 inhibitor was tested in a phase 1 trial.",
    "Patients with TIM-3 expression entered the study.",
    "The GRADE 3 events in the trial were rare.",
    "In all, 812 pts (61% ECOG 0, 40% ALBI 2) were randomized in the trial.",
    "Toxicity was graded by CTCAE 5 in this randomized study.",
    # a number with its unit: a dose or a measure
    "In this randomized study, the invented arm receives radiotherapy (95% PTV 36-40 Gy/6-8 Gy) and zorbanib.",
    "In this randomized study, patients with AFP 400 ng/mL or more were stratified.",
])
def test_structure_words_and_targets_are_not_names(text):
    assert names(text) == []


def test_hyphenated_capital_name_before_trial_word():
    assert names("the phase 3 BRISK-FL study of zorbanib") == ["BRISK-FL"]


def test_a_journal_titles_acronym_before_the_design():
    text = "Zorbanib for patients with liver cancer who progressed on felotinib (ZEPHYR): a randomised, phase 3 trial"
    assert [n.name for n in trial_names(text, lambda s: False)] == ["ZEPHYR"]


def test_a_congress_abstract_number_is_no_trial():
    assert [n.name for n in trial_names("LBA-3 ZETA-7: results of the phase 3 ZETA-7 trial", lambda s: False)] == ["ZETA-7", "ZETA-7"]


def test_phase_with_a_hyphen_and_a_registry_label_alias():
    assert phase_of("a randomized phase II-III trial") == "II/III"
    text = "The phase 3 ZETA-7 trial (ClinicalTrials.gov Identifier: NCT01234567) enrolled adults."
    names = trial_names(text, lambda s: False)
    assert [(a.name, b.name) for a, b in aliases(text, names)] == [("ZETA-7", "NCT01234567")]


def test_an_acronym_in_parentheses_after_the_trial_word():
    assert [n.name for n in trial_names("In this open-label phase 3 trial (PELICAN), adults were enrolled.",
                                        lambda s: False)] == ["PELICAN"]
    assert trial_names("In this trial (RECIST), tumours were measured.", lambda s: s == "RECIST") == []


def test_an_acronym_spelled_out_before_it():
    text = "by the Zorbanib Liver Assessment Randomized Protocol (ZLARP) Investigators"
    assert [n.name for n in trial_names(text, lambda s: False)] == ["ZLARP"]
    assert trial_names("the Eastern Cooperative Oncology Group (ECOG) score", lambda s: False) == []


def test_a_name_an_analysis_or_a_study_verb_confirms():
    assert [n.name for n in trial_names("Subgroup analysis of ZENITH-402", lambda s: False)] == ["ZENITH-402"]
    assert [n.name for n in trial_names("ZENITH-402 investigated quorimab in liver cancer.", lambda s: False)] == ["ZENITH-402"]
    assert [n.name for n in trial_names("for the ZENITH-402 Investigators", lambda s: False)] == ["ZENITH-402"]
    assert trial_names("ZENITH-402 expression rose.", lambda s: False) == []


def test_a_name_the_vocabulary_also_knows_as_a_gene_is_a_trial_where_framed_as_one():
    gene = lambda s: s == "ZENITH-4"  # noqa: E731
    assert [n.name for n in trial_names("The phase III ZENITH-4 study enrolled 600 patients.", gene)] == ["ZENITH-4"]
    assert [n.name for n in trial_names("ZENITH-4 evaluated quorimab in biliary cancer.", gene)] == ["ZENITH-4"]
    assert trial_names("ZENITH-4 is expressed in testis, as the trial showed.", gene) == []


@pytest.mark.parametrize("text, expected", [
    ("MAGNOLIA randomized adults to zorbanib or placebo.", ["MAGNOLIA"]),
    ("The cohort of SEQUOIA enrolled 200 adults.", ["SEQUOIA"]),
    ("Magnolia randomized adults to zorbanib.", []),  # an ordinary capitalised word is no acronym
    ("Adults were given zorbanib; MAGNOLIA was the name of the ward.", []),
])
def test_a_capitalised_word_that_randomises_or_enrols_is_a_trial(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Investigators reported results from PRISMA-LIV, a single-arm phase 2 study of zorbanib.", ["PRISMA-LIV"]),
    ("The approval rests on AURORA-LIV, a 612-patient phase 3 study that pitted the pairing against placebo.",
     ["AURORA-LIV"]),
    ("Enrolment opened for LEAPER (NCT01234567), a planned phase 3 trial.", ["LEAPER", "NCT01234567"]),
    ("Patients were seen at ESMO, a large meeting.", []),  # an apposition that is no trial
    ("Data came from ESMO, the meeting where the study was first shown.", []),  # ... a clause, no description
])
def test_a_name_before_its_description_in_apposition(text, expected):
    assert names(text) == expected


def test_a_name_heading_a_title_about_a_trial():
    assert names("SENTINEL-ADJ: adjuvant zorbanib versus observation, interim analysis of a randomized phase 3 "
                 "trial") == ["SENTINEL-ADJ"]
    assert names("WARNING: zorbanib is not for use in pregnancy.") == []
    assert names("METHODS: In this phase 3 trial, adults were randomized.") == []  # a section label


def test_two_names_before_one_plural_trial_word():
    assert names("Support came from the HERON and EGRET phase 3 trials.") == ["HERON", "EGRET"]


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomized in the Q-TRACK trial.", ["Q-TRACK"]),  # one letter and a hyphen open the name
    ("Data from the pivotal W-SPRING (NCT01234567) trial were reviewed.", ["W-SPRING", "NCT01234567"]),
    ("In Z-MARLIN, a single-arm phase 2 study, adults received zorbanib.", ["Z-MARLIN"]),
    ("The Phase III OWL-PX 5 (C99123) trial compared zorbanib with placebo.", ["OWL-PX 5"]),  # a two-letter second word
])
def test_names_with_a_letter_prefix_or_a_short_second_word(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "No drug matched it since sorafenib was approved for HCC 10 years ago in a randomized trial.",
    "In the trial, RCC 12 patients and ECOG 3 cases were excluded.".replace("ECOG 3 cases", "MELD 3 cases"),
    "In the trial, survival in NSCLC 24 months after resection was recorded.",
])
def test_a_number_counting_something_after_a_disease_is_no_trial(text):
    assert names(text) == []



def test_a_name_confirmed_elsewhere_or_glued_to_its_number_keeps_its_patients():
    assert names("Among ORCHID-7 patients in the trial, 40% responded.") == ["ORCHID-7"]
    text = "Among Foxglove 118 patients in the trial, 40% responded."
    assert names(text) == []
    assert names(text, frozenset({trial_key("Foxglove 118")})) == ["Foxglove 118"]


def test_a_number_after_a_hyphen_is_another_trial_not_a_footnote():
    confirmed = frozenset({trial_key("KESTREL"), trial_key("LEAP-002")})
    assert names("In KESTREL-2 trial results, OS was longer.", confirmed) == ["KESTREL-2"]
    assert names("In the LEAP-0025 trial, OS was longer.", confirmed) == ["LEAP-002"]  # a footnote glued to a number


@pytest.mark.parametrize("text, expected", [
    # mixed case with three capitals or more, before a trial word or after a phase
    ("In the randomized phase 3 ZorbIDEx trial, PFS improved.", ["ZorbIDEx"]),
    ("These are the final outcomes from the phase 2 KER4CLIMB study of 600 adults.", ["KER4CLIMB"]),
    # the subject described as a trial, with or without its registry number in brackets
    ("HALCYON is a randomized, double-blind phase 3 trial of zorbanib versus placebo.", ["HALCYON"]),
    ("HALCYON (NCT01234567) was an open-label study in 300 adults.", ["HALCYON", "NCT01234567"]),
    # a journal's funding line: "NAME ClinicalTrials.gov number, NCT..."
    ("(Funded by Acme; HALCYON ClinicalTrials.gov number, NCT01234567.)", ["HALCYON", "NCT01234567"]),
])
def test_more_shapes_of_acronym_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "The Lorbrena study group met.",  # one capital: a brand
    "The McDonald study was small.",  # two: a person
    "Overall, ZKR2 is a protein studied in a phase 2 trial.",  # an entity
    "This is the first randomized trial of its kind.",
])
def test_words_that_are_no_acronym_names(text):
    assert names(text) == []


def test_a_mixed_case_name_confirmed_once_counts_again():
    assert names("In total, ZorbIDEx randomized 187 adults.", frozenset({trial_key("ZorbIDEx")})) == ["ZorbIDEx"]


def test_a_funding_line_name_and_its_number_are_aliases():
    text = "(Funded by Acme; HALCYON ClinicalTrials.gov number, NCT01234567.)"
    pairs = aliases(text, trial_names(text, lambda s: False))
    assert [(a.name, b.name) for a, b in pairs] == [("HALCYON", "NCT01234567")]


@pytest.mark.parametrize("text, confirmed, expected", [
    ("The confirmatory phase 3 KRYSTAL-12 trial compares zorbanib with felotinib.", "KRYSTAL-1", ["KRYSTAL-12"]),
    ("Results of ORCHID-23 were reported after ORCHID-2 enrolled.", "ORCHID-2", ["ORCHID-23", "ORCHID-2"]),
    ("In the EMBER-34 study, OS was longer.", "EMBER-3", ["EMBER-34"]),
    # a reference number glued to a three-digit or zero-led number is still a footnote
    ("In the LEAP-0025 trial, OS was longer.", "LEAP-002", ["LEAP-002"]),
    ("Results of IMbrave1507 were reported.", "IMbrave150", ["IMbrave150"]),
])
def test_a_short_trial_number_grown_by_a_digit_is_another_trial_of_the_series(text, confirmed, expected):
    assert names(text, frozenset({trial_key(confirmed)})) == expected


@pytest.mark.parametrize("text, expected", [
    ("The trial, known as HALCYON, met its primary endpoint.", ["HALCYON"]),
    ("A phase 3 study called ZorbIDEx compared zorbanib with placebo.", ["ZorbIDEx"]),
    ("The study, dubbed TIDEMARK, enrolled 300 adults.", ["TIDEMARK"]),
    # after a naming verb a word in title case names the trial too
    ("The trial, known as the Tidal study, enrolled adults.", ["Tidal"]),
    ("The approval rests on a phase 3 study called Tidal that compared zorbanib with felotinib.", ["Tidal"]),
    ("The pivotal trial, dubbed Kestrel-2, enrolled 600 adults.", ["Kestrel-2"]),
    ("Acme ran a phase 2 trial, which was named \"Heron\", in 80 adults.", ["Heron"]),
    ("The study (NCT01234567), also known as Osprey, met its primary endpoint.", ["NCT01234567", "Osprey"]),
    ("The phase 3 trial - dubbed Plover - enrolled adults.", ["Plover"]),
    ("The phase 3 trial (called Plover) enrolled adults.", ["Plover"]),
])
def test_a_name_the_trial_is_known_as(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "A drug called Zorbex was compared with felotinib in a phase 3 trial.",  # a naming verb after no trial word
    "The study called for larger trials of zorbanib.",  # another sense of the verb
    "The study named Phase 3 results as its basis.",  # a design word
    "The study, known as PD-1, enrolled adults.",  # a known entity
    "Those enrolled in the study were called Participants in the report.",  # no trial word right before
])
def test_a_naming_verb_that_names_no_trial(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    # an acronym heading a title whose colon opens the trial's description
    ("ZEPHYR: a Phase III, Randomized, Double-blind, Placebo-controlled Trial of Zorbanib Plus Felotinib", ["ZEPHYR"]),
    ("Kestrel: an open-label phase 2 study of zorbanib in liver cancer", []),  # one capital: a word, not a name
    ("TideMarQ: A randomized study of zorbanib", ["TideMarQ"]),
    # a section label before the same words is no name
    ("BACKGROUND: a randomized phase 3 trial of zorbanib was run.", []),
    ("Results: a phase 2 study of zorbanib enrolled 40 adults.", []),
    ("METHODS: the open-label trial enrolled adults.", []),
])
def test_a_titles_acronym_before_a_colon_and_a_trial_description(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    # what patients receive, or a drug's code after what it is, is a drug, not a trial
    "Adults were randomly assigned to receive either ZORFOX4 (n = 184) or felotinib (n = 187) in the trial.",
    "In this phase 3 trial, zorbanib plus QXT510 was compared with felotinib.",
    "Zorbanib combined with a felotinib biosimilar (QXT510) versus placebo: a randomized phase 3 trial",
    "The trial tested an anti-PD-1 antibody (QXT-310) versus placebo.",
    # a code followed by the drugs it stands for is a regimen's short form
    "This phase 3 trial asked whether ZORFOX4 (infusional zorbanib, felotinib, and quorimab) prolongs survival.",
])
def test_a_drugs_or_regimens_code_is_not_a_trial(text):
    assert names(text) == []


def test_a_name_followed_by_its_comparison_is_still_a_trial():
    assert names("In the phase 3 ZETA-4 (zorbanib versus felotinib) trial, adults were treated.") == ["ZETA-4"]


@pytest.mark.parametrize("text, expected", [
    ("Two phase 3 trials (AXON-HCC [NCT01234567] and JET-LIV [NCT07654321]) are under way.",
     ["AXON-HCC", "NCT01234567", "JET-LIV", "NCT07654321"]),
    ("Approval rests on the phase 2 Zorbanib-2003 (NCT01234567) study.", ["Zorbanib-2003", "NCT01234567"]),
    ("Blocking PD-1 (NCT01234567 enrolled adults) was studied.", ["NCT01234567"]),  # an entity is no name
    ("METHODS (NCT01234567): adults were treated in the trial.", ["NCT01234567"]),  # nor a section label
])
def test_a_code_right_before_its_registry_number_is_the_trials_name(text, expected):
    assert names(text) == expected


def test_names_given_side_by_side_are_coordinated():
    from hcc_kg.extract.trial_names import coordinated

    text = "based on the phase 3 ZETA-1 (QX-139) and the phase 2 Japanese OMEGA-2003 (NCT01234567) trials"
    found = [n for n in trial_names(text, lambda s: False) if n.kind != "nct"]
    assert [n.name for n in found] == ["ZETA-1", "OMEGA-2003"] and coordinated(text, *found)
    later = "ZETA-1 improved survival; unlike OMEGA-2003 trial results, it was well tolerated"
    found = [n for n in trial_names(later, lambda s: False) if n.kind != "nct"]
    assert not coordinated(later, *found)


@pytest.mark.parametrize("text, expected", [
    ("In the randomised phase 3 study ZQR-1210-III-310, patients got zorbanib or felotinib.", ["ZQR-1210-III-310"]),
    ("The phase 3 trial XY1003-305 compared zorbanib with felotinib.", ["XY1003-305"]),
    ("Study QRS-B417-301 randomly assigned adults to zorbanib or felotinib.", ["QRS-B417-301"]),
    # a two-digit study number after a Roman phase: one name, not the drug's code and "II-07"
    ("The filing rests on the WXYZ-QR208-II-07 study, an open-label phase II trial of zorbanib.", ["WXYZ-QR208-II-07"]),
])
def test_a_sponsor_s_study_number_is_named_whole(text, expected):
    assert names(text) == expected
    # ... while the same shape given to patients is a drug, no study
    assert names(text.replace(expected[0], "felotinib") + " Patients received XY1003-305 daily.") == []


def test_a_name_styled_with_a_space_before_its_hyphen():
    # a sponsor's styling of its trial names: the space before the hyphen is no break in the name
    assert names("It rests on the open-label TideMark -7QX trial, which showed a benefit.") == ["TideMark -7QX"]
    assert names("The filing was based on the phase 1/2 TideMark -041 study of zorbanib.") == ["TideMark -041"]
    assert trial_key("TideMark -7QX") == trial_key("TideMark 7QX")


def test_a_cooperative_groups_protocol_number_with_its_year():
    found = [n.name for n in trial_names("Zorbanib with or without felotinib: a randomised phase II trial (ZAKK 61/09).",
                                         lambda s: False)]
    assert found == ["ZAKK 61/09"]
    assert [n.name for n in trial_names("Patients with ECOG 0/1 entered the phase 2 trial.", lambda s: False)] != ["ECOG 0/1"]


@pytest.mark.parametrize("text, expected", [
    ("The committee based its opinion on results from the Zenith Phase 3 trial, and results from the Borealis "
     "Phase 3 trial.", ["Zenith", "Borealis"]),
    ("The invented approval is supported by the Zenith Phase III study.", ["Zenith"]),
    # words shaped like adjectives, a drug's name, or no decision's basis: no name
    ("The approval was based on results from the Global Phase 3 trial.", []),
    ("The approval was based on results from the Japanese Phase 3 study.", []),
    ("The approval was based on results from the Zorbanib Phase 3 trial.", []),
    ("In the Zenith Phase 3 trial, adults were treated.", []),
])
def test_a_title_case_name_before_a_capitalised_phase_as_a_decisions_basis(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The approval rests on the ZENITH phase 3 pivotal trial of zorbanib.", ["ZENITH"]),
    ("Data came from the ZENITH phase III global randomized study.", ["ZENITH"]),
])
def test_an_all_capital_name_before_its_phase_and_design_words(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Approval rests on the ZENITH, MAGNOLIA and SEQUOIA-2 phase 3 trials.", ["ZENITH", "MAGNOLIA", "SEQUOIA-2"]),
    ("Data came from the ZENITH and SEQUOIA-2 Phase III studies.", ["ZENITH", "SEQUOIA-2"]),
    ("Data came from ZENITH, MAGNOLIA, and SEQUOIA-2 clinical trials.", ["ZENITH", "MAGNOLIA", "SEQUOIA-2"]),
])
def test_names_listed_before_one_plural_trial_word_are_each_a_trial(text, expected):
    gene = lambda s: s == "SEQUOIA-2"  # noqa: E731  (the vocabulary also knows it, as TOPAZ1 is a gene)
    assert [n.name for n in trial_names(text, gene)] == expected
    assert [n.name for n in trial_names("ZENITH, MAGNOLIA and SEQUOIA-2 were the wards.", gene)] == []


@pytest.mark.parametrize("text, expected", [
    ("In a phase Ib-II study (ZENITH-Liver) reported last year, zorbanib improved responses.", ["ZENITH-Liver"]),
    ("Early data from the QRS-HCC trial showed a longer time to failure.", ["QRS-HCC"]),
    ("Results of the phase 3b XYZ-035/QRS-HCC trial (NCT01234567) were presented.", ["XYZ-035", "QRS-HCC", "NCT01234567"]),
    # a preposition or quantifier opening a count is no name, even beside "study"
    ("Among 150 study patients, 102 received zorbanib and 48 received felotinib.", []),
    ("Overall 120 study participants were treated.", []),
])
def test_a_cohort_word_after_a_hyphen_a_short_acronym_before_trial_and_no_count_opener(text, expected):
    assert [n.name for n in trial_names(text, lambda s: False)] == expected


@pytest.mark.parametrize("text, phase", [("a phase Ib-II study", "Ib/II"), ("a phase 1b/2 trial", "Ib/II"),
                                         ("a phase 2b/3 trial", "IIb/III"), ("a phase 1b trial", "Ib")])
def test_a_sub_phase_belongs_to_the_first_part(text, phase):
    assert phase_of(text) == phase


def test_a_code_right_before_patients_is_a_class_of_patients_unless_confirmed():
    text = "A subgroup analysis of CPB7 patients showed a better 12-month OS (44% vs. 18%)."
    assert [n.name for n in trial_names(text, lambda s: False)] == []
    assert [n.name for n in trial_names(text, lambda s: False, confirmed=frozenset({"CPB7"}))] == ["CPB7"]

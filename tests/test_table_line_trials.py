"""Tests for hcc_kg.extract.table_line_trials: a table pasted as text, one trial per line naming the trial and
its comparison, cell borders lost (invented trials, drugs, meetings and numbers)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.table_line_trials import table_line_trials
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line",)),
])
TABLE = ("An invented editorial.\n\nTable 2.\n\nPhase III trials of an invented disease\n\n"
         "Setting Comparison Trial Outcome Meeting\n"
         "First line 1 Zorbanib vs. felotinib ORCA-12 Negative WXYZ 2019 J Invented Med 2020\n"
         "2 Zorbanib ± quorimab KESTREL Positive WXYZ 2021\n"
         "Second line 3 Quorimab 200 mg + zorbanib vs placebo PETREL 7 Ongoing\n"
         "4 Felotinib vs. placebo Negative WXYZ 2018\n"
         "5 Zorbanib vs. felotinib ORCA-12 FALCON-3 Negative\n\nNotes: invented.\n")


def trials(text: str = TABLE) -> dict[str, tuple[set[str], dict]]:
    doc = AnalysedDocument(Document.from_text("t", text), VOCAB, MentionFinder(VOCAB))
    found = list(table_line_trials(doc))
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    out = {a.subject: (set(), dict(a.attributes)) for a in found if a.predicate == "isClinicalTrial"}
    for a in found:
        if a.predicate == "hasArm":
            out[a.subject][0].add(arm_of[a.object])
        if a.predicate == "forLineOfTherapy":
            out[a.subject][1]["line"] = a.object
    return out


def test_each_line_naming_a_trial_and_a_comparison_is_that_trial_with_its_arms():
    found = trials()
    assert found["trial__orca12"] == ({"zorbanib", "felotinib"}, {"trial_name": "ORCA-12", "phase": "III", "line": "first_line"})
    assert found["trial__kestrel"][0] == {"zorbanib", "regimen__quorimab__zorbanib"}  # "A ± B": A alone, A with B
    assert found["trial__petrel7"] == ({"regimen__quorimab__zorbanib", "placebo"},
                                       {"trial_name": "PETREL 7", "phase": "III", "line": "second_line"})


def test_a_meeting_with_its_year_and_a_line_naming_two_trials_or_none_give_no_trial():
    assert set(trials()) == {"trial__orca12", "trial__kestrel", "trial__petrel7"}  # not "WXYZ", not line 5's two names


def test_prose_outside_a_table_is_not_read_as_a_row():
    assert trials("An invented editorial.\n\nThe ORCA-12 study compared zorbanib vs. felotinib in adults.\n") == {}


def test_rows_the_segmenter_left_outside_the_table_are_its_rows():
    text = ("An invented review.\n\nTable 1. Invented phase III trials\n\nTrial Arms Overall survival HR\n"
            " KESTREL-301 [4] Zorbanib vs. felotinib Overall (400) 0.80 (0.60-0.99)\n"
            " RATIONALE-77 [5] Quorimab vs. felotinib Overall (300) 0.90 (0.70-1.10)\n")
    assert set(trials(text)) == {"trial__kestrel301", "trial__rationale77"}


def test_cells_pasted_with_no_space_between_them_are_still_read():
    text = ("An invented review.\n\nTable 1 Invented phase III trials\n\nTrial\nDrugs\nLevel of evidence\n"
            "KESTREL[3] (n = 410)Zorbanib vs placeboPhase III9.9 vs 7.1HR 0.70\n"
            "PETREL-2[4] (n = 300)Quorimab + Zorbanib vs FelotinibPhase IIINE vs 12.0HR 0.60\n"
            "OSPREY (NCT01234567)IIIZorbanib vs felotinibAdults with invented disease\n")
    found = trials(text)
    assert set(found) == {"trial__kestrel", "trial__petrel2", "trial__osprey"}
    assert found["trial__petrel2"][0] == {"regimen__quorimab__zorbanib", "felotinib"}



def test_a_rows_hazard_ratio_and_value_pairs_are_of_the_one_endpoint_of_their_kind_the_headers_name():
    vocab = Vocabulary([*VOCAB, Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                        Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
    text = ("An invented review.\n\nTable 1 Invented phase III trials\n\nTrial\nDrugs\nAbsolute OS (mo)\nORR\n"
            "KESTREL[3] (n = 410)Zorbanib vs placeboPhase III9.9 vs 7.1HR 0.70 (95%CI: 0.55-0.89)12% vs 3%\n"
            "PETREL-2[4] (n = 300)Quorimab vs zorbanib vs FelotinibPhase III12.9 vs 12.0 vs 11.1HR 0.91\n")
    doc = AnalysedDocument(Document.from_text("t", text), vocab, MentionFinder(vocab))
    ratios = [(a.subject, a.object, a.attribute_values("hazard_ratio")[0], a.context_value("comparator"))
              for a in table_line_trials(doc) if a.predicate == "hasEffectEstimate"]
    assert ratios == [("trial__kestrel", "os", Decimal("0.70"), "arm__kestrel__placebo")]  # (three arms: whose is it?)
    values = {(a.subject, a.object, a.attribute_values("value")[0]) for a in table_line_trials(doc)
              if a.predicate == "hasMeasurement"}
    assert values == {("arm__kestrel__zorbanib", "os", Decimal("9.9")), ("arm__kestrel__placebo", "os", Decimal("7.1")),
                      ("arm__kestrel__zorbanib", "orr", Decimal("12")), ("arm__kestrel__placebo", "orr", Decimal("3"))}


def test_pairs_of_a_rate_each_after_its_response_criterion_are_all_that_rates_values():
    vocab = Vocabulary([*VOCAB, Entity("orr", "objective response rate", ("EndpointType",), ("ORR",))])
    text = ("An invented review.\n\nTable 1 Invented phase III trials\n\nTrial\nDrugs\nORR\n"
            "KESTREL[3] (n = 410)Zorbanib vs placebo Phase III RECIST 1.1, 21% vs 8%; mRECIST, 30.5% vs 9.5%\n"
            "PETREL[4] (n = 300)Quorimab vs placeboPhase III17% vs 4% at week 12, 22% vs 6% at week 24\n")
    doc = AnalysedDocument(Document.from_text("t", text), vocab, MentionFinder(vocab))
    values = {(a.subject, a.attribute_values("value")[0]) for a in table_line_trials(doc) if a.predicate == "hasMeasurement"}
    assert values == {("arm__kestrel__zorbanib", Decimal("21")), ("arm__kestrel__placebo", Decimal("8")),
                      ("arm__kestrel__zorbanib", Decimal("30.5")), ("arm__kestrel__placebo", Decimal("9.5"))}
    # (PETREL: two pairs with no criterion before each: which is the column's cannot be told)


GLUED = ("An invented review.\n\nTable 1 Phase III trials of an invented disease\n"
         "Target populationDesignTrial nameResultPresentation\n"
         "AdvancedFirst line1 Zorbanib vs FelotinibORCA-12NegativeWXYZ 2011JIM 2013[6]\n"
         "2 Zorbanib +/- QuorimabKESTRELNegativeWXYZ 2012\n"
         "3 Felotinib vs PlaceboCheckRun-459Ongoing\n"
         "4 Quorimab vs PlaceboS-WIFTNegativeWXYZ 2015\n\nNotes: invented.\n")


def test_names_glued_to_the_comparison_and_the_next_cell_are_read_apart():
    found = trials(GLUED)
    assert {k: v[0] for k, v in found.items()} == {
        "trial__orca12": {"zorbanib", "felotinib"},
        "trial__kestrel": {"zorbanib", "regimen__quorimab__zorbanib"},  # "+/-": with and without
        "trial__checkrun459": {"felotinib", "placebo"},  # a name in two capitalised parts stays whole
        "trial__swift": {"quorimab", "placebo"},  # a letter, a hyphen and capitals ("S-WIFT")
    }


GLUED_TO_NUMBERS = ("An invented review.\n\nTable 3 Invented checkpoint trials\nStudy name\nRegimen\nLine of therapy\nNo. of patients\n"
                    "TOPAZ-7[12]Quorimab vs Zorbanib1st line412\n"
                    "HERON[14,15]Felotinib vs Placebo2nd line300\n\nNotes: invented.\n")


def test_an_agent_or_the_word_line_glued_to_the_number_of_the_next_cell_is_read_apart_from_it():
    lines = {"first_line": ("1st line",), "second_line": ("2nd line",)}  # the ordinals, as the vocabulary spells them
    vocab = Vocabulary([Entity(e.key, e.label, e.types, e.synonyms + lines.get(e.key, ())) for e in VOCAB.entities.values()])
    found = list(table_line_trials(AnalysedDocument(Document.from_text("t", GLUED_TO_NUMBERS), vocab, MentionFinder(vocab))))
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    assert {(a.subject, arm_of[a.object]) for a in found if a.predicate == "hasArm"} == {
        ("trial__topaz7", "quorimab"), ("trial__topaz7", "zorbanib"),  # "Zorbanib1st": not one word
        ("trial__heron", "felotinib"), ("trial__heron", "placebo")}
    assert {(a.subject, a.object) for a in found if a.predicate == "forLineOfTherapy"} == {
        ("trial__topaz7", "first_line"), ("trial__heron", "second_line")}  # "line412": the line, then the patients


DRUG_ROWS = ("An invented review.\n\nTable 1. Invented trials of the second line\n\n"
             "Drug Target Registry number (name) Phase Patients Population Overall survival Result Ref\n"
             "Kinase inhibitors\n"
             "   Zorbanib KIT inhibitor NCT01234567 (ORCA-4) III 395 Prior felotinib 9.4 vs. 8.2 mo (P=0.33) Negative (36)\n"
             "   Felotinib + quorimab MET inhibitor NCT01234568 (KESTREL) III 565 Prior zorbanib 9.2 vs. 7.6 mo Negative (39)\n"
             "NCT01234569 (KESTREL-2) III 292 High AFP with prior zorbanib 8.5 vs. 7.3 mo (P=0.02) Positive (40)\n"
             "   Quorimab checkpoint inhibitor NCT01234570 I/II 40 Prior zorbanib 13.2 mo Promising (43)\n"
             "   Zorbanib KIT inhibitor I 96 Solid tumours Recruiting NCT01234571\n\nNotes: invented.\n")


def test_a_row_opening_with_its_drug_is_that_drugs_arm_of_the_trial_it_names():
    vocab = Vocabulary([*VOCAB.entities.values(), Entity("os", "overall survival", ("EndpointType",), ("OS",))])
    found = list(table_line_trials(AnalysedDocument(Document.from_text("t", DRUG_ROWS), vocab, MentionFinder(vocab))))
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    assert {(a.subject, arm_of[a.object]) for a in found if a.predicate == "hasArm"} == {
        ("trial__orca4", "zorbanib"), ("trial__kestrel", "regimen__felotinib__quorimab"),
        ("trial__kestrel2", "regimen__felotinib__quorimab"),  # the row under it: the drug's cell spans both
        ("trial__nct01234570", "quorimab")}  # named by its registry number only (a registry's row with a status: not here)
    values = {(a.subject, a.attribute_values("value")[0]) for a in found if a.predicate == "hasMeasurement"}
    assert values == {("arm__orca4__zorbanib", Decimal("9.4")), ("arm__kestrel__regimen__felotinib__quorimab", Decimal("9.2")),
                      ("arm__kestrel2__regimen__felotinib__quorimab", Decimal("8.5")), ("arm__nct01234570__quorimab", Decimal("13.2"))}


def test_a_row_naming_two_trials_is_the_one_in_brackets_after_its_registry_number():
    text = ("An invented review.\n\nTable 4. Invented trials\n\n"
            "Drug Target Registry Phase Patients Notes\n"
            "Quorimab PD-1 NCT01234567 (ORCA-301) III 400 second line Earlier phase II data (ORCA-22)\n\nNotes: invented.\n")
    found = trials(text)
    assert set(found) == {"trial__orca301"}
    # the phase the line names is the other trial's: not the row's
    assert found["trial__orca301"] == ({"quorimab"}, {"trial_name": "ORCA-301", "nct_id": "NCT01234567",
                                                      "line": "second_line"})


def test_a_line_of_therapy_named_by_a_heading_above_the_row_has_evidence_reaching_back_to_it():
    doc = AnalysedDocument(Document.from_text("t", TABLE), VOCAB, MentionFinder(VOCAB))
    lines = [a for a in table_line_trials(doc) if a.predicate == "forLineOfTherapy"]
    assert lines
    for fact in lines:
        (ev,) = fact.evidence
        spanned = TABLE[ev.start:ev.end].lower()
        assert fact.object.replace("_", " ") in spanned  # "second line" from the "Second line" heading cell

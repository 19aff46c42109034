"""Shapes read from review tables (invented rows, packaged vocabulary and lexicon): a glued table's target cell with an
item the vocabulary does not know, its trial's name glued after a target and chosen by the registry number after it;
a misprint that looks like a gene's alias."""

from __future__ import annotations

from trial_facts import read


def targets(facts, predicate: str = "inhibits") -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in facts if f.predicate == predicate and f.is_fact}


def trials(facts) -> set[str]:
    return {f.subject for f in facts if f.predicate == "isClinicalTrial"}


GLUED_TABLE = ("Table 3 Invented summary of agents for hepatocellular carcinoma\n"
               "Drug\nPharmacological target\nTrial (NCT)\nTreatment arm\nControl arm\n"
               "First-line\n"
               "CabozantinibKIT 1-2, MET, AXLZENITH (NCT01234567)Cabozantinib (60 mg daily)Placebo\n"
               "RegorafenibFGFR 1-2, PDGX, RET and KITORBIT (NCT07654321)Regorafenib (160 mg daily)Placebo\n"
               "Second-line\n"
               "RamucirumabVEGFRKESTREL-2 (NCT01112222)Ramucirumab 8 mg/kgPlacebo\n"
               "NivolumabPD-1CheckMate-777 (NCT03334444)Nivolumab (240 mg)Sorafenib\n"
               "Durvalumab plus tremelimumabPD-L1, CTLA-4HARRIER (NCT05556666)COMBO: Tremelimumab plus durvalumabSorafenib\n")


def test_a_glued_rows_target_cell_reads_past_an_item_the_vocabulary_does_not_know(vocabulary, finder):
    facts = read(GLUED_TABLE, vocabulary, finder)
    # "KIT 1-2": a range after a name that takes none is skipped; "PDGX": a misspelt symbol, skipped, not read
    assert targets(facts) == {("cabozantinib", "c_kit"), ("cabozantinib", "c_met"), ("cabozantinib", "axl"),
                              ("regorafenib", "fgfr1"), ("regorafenib", "fgfr2"), ("regorafenib", "ret"),
                              ("regorafenib", "c_kit")}
    assert targets(facts, "isAntibodyAgainst") == {("ramucirumab", "vegfr_family"), ("nivolumab", "pdcd1")}


def test_a_glued_rows_trial_is_the_name_after_the_targets_and_before_its_registry_number(vocabulary, finder):
    facts = read(GLUED_TABLE, vocabulary, finder)
    # "VEGFRKESTREL-2": the target's name glued to the trial's, which carries a number; "PDGX, RET": an item of the
    # target list, no trial; "HARRIER (NCT...)" over the arm's label "COMBO:"
    assert trials(facts) == {"trial__zenith", "trial__orbit", "trial__kestrel2", "trial__checkmate777",
                             "trial__harrier"}


def test_a_name_glued_after_a_words_plural_or_an_isotype_is_no_trial(vocabulary, finder):
    text = ("Table 2 Invented characteristics of systemic drugs\n"
            "DrugDoseFamilyMolecular targetReference\n"
            "First-line drugs\n"
            "Lenvatinib12 mg/dayInhibitors of TKRsVEGFR, FGFR 1-4[12]\n"
            "Second-line drugs\n"
            "Ramucirumab8 mg/kgHuman monoclonal antibody (IgG1)VEGFR-2[14]\n")
    assert not trials(read(text, vocabulary, finder))


def test_a_misprinted_checkpoint_name_is_not_a_transporters_alias(vocabulary, finder):
    text = ("Table 1. Invented agents\n"
            "Drug | Class | Target | Approval |\n"
            "---|---|---|---|\n"
            "Ipilimumab | ICI | CTL1-4 | 2020 |\n")
    assert not targets(read(text, vocabulary, finder), "isAntibodyAgainst")

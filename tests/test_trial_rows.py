"""Tests for hcc_kg.extract.trial_rows: a review's table of trials, one row per trial opening with its name
and registry number, the comparator's regimen on the line below (invented trials, drugs and numbers)."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.comparators import CHOICE_NAME
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.trial_rows import trial_table_rows
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("quorimab", "quorimab", ("MonoclonalAntibody",)), Entity("placebo", "placebo", ("Placebo",)),
    Entity("tpc", "treatment of physician's choice", ("Procedure",), (CHOICE_NAME,)),
    Entity("first_line", "first-line", ("LineOfTherapy",)),
])
TABLE = ("Intro line of an invented review.\n\nTable 3.\n\nInvented Phase III Trials for First-Line Disease\n\n"
         "Trial Name [Reference] Number Phase Study Regimens Planned Sample Size Status Primary Endpoints\n"
         "ZETA-301a [12] NCT01234567 III Quorimab 200 mg iv q3w 610 Active, not recruiting OS ORR, PFS\n"
         "Felotinib (800 mg/day)\n"
         "ORCA-002 [14] NCT07654321 III Quorimab 200 mg iv q3w plus Zorbanib (12 mg/day) 720 Recruiting PFS, OS ORR\n"
         "Zorbanib plus a matching-placebo\n"
         "Kestrel 9QX NCT05555555 III Quorimab 1 mg/kg q3w followed by Quorimab 480 mg q4w 1000 Recruiting OS ORR\n"
         "Felotinib (800 mg/day) or Zorbanib (12 mg/day or 8 mg/day)\n\nNotes: invented footnotes.\n")


def arms() -> dict[str, set[str]]:
    doc = AnalysedDocument(Document.from_text("t", TABLE), VOCAB, MentionFinder(VOCAB))
    found = list(trial_table_rows(doc))
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    out: dict[str, set[str]] = {a.subject: set() for a in found if a.predicate == "isClinicalTrial"}
    for a in found:
        if a.predicate == "hasArm":
            out[a.subject].add(arm_of[a.object])
    lines = {a.subject for a in found if a.predicate == "forLineOfTherapy" and a.object == "first_line"}
    assert lines == set(out)
    return out


def test_each_row_is_a_trial_whose_arms_are_its_regimen_cells():
    assert arms() == {
        "trial__zeta301": {"quorimab", "felotinib"},  # the footnote letter is no part of the name
        "trial__orca002": {"regimen__quorimab__zorbanib", "zorbanib"},  # placebo given with a drug is its arm
        "trial__kestrel9qx": {"quorimab", "tpc"},  # "followed by" the same drug; "A or B" a choice
    }


def test_no_regimen_has_a_placebo_as_a_part():
    doc = AnalysedDocument(Document.from_text("t", TABLE), VOCAB, MentionFinder(VOCAB))
    parts = {a.object for a in trial_table_rows(doc) if a.predicate == "hasComponent"}
    assert parts == {"quorimab", "zorbanib"}

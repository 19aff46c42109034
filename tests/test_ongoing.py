"""Ongoing-trial table rows → registered trials with one combination arm (invented rows)."""

from __future__ import annotations

import re

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.ongoing import ongoing_trial_tables
from hcc_kg.extract.trials import trial_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("zorafenib", "zorafenib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("quxmab", "quxmab", ("MonoclonalAntibody",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("glorp", "glorp disease", ("Disease",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line",)),
])
TABLE = (
    "Opening remarks.\n"
    "Table 5 Invented registered studies\n"
    "\n"
    "Kinase drug Antibody Phase Size Population Status Registry\n"
    "\n"
    "Foonib Barmab I/II 44 Advanced HCC in second line Recruiting NCT01111111\n"
    "\n"
    "Foonib/zorafenib Quxmab III 210 Unresectable HCC after prior\n"
    "foonib exposure\n"
    "\n"
    "Active, not\n"
    "recruiting NCT02222222\n"
    "\n"
    "Barmab + Quxmab II 12 Glorp disease Not yet recruiting NCT03333333\n"
    "\n"
    "Mysterion Barmab II 9 HCC Recruiting NCT04444444\n"
    " body text resumes after the invented table.\n"
    "Foonib Barmab II 5 HCC Recruiting NCT05555555 in prose is not a row.\n"
)


def extracted(text: str = TABLE):
    doc = AnalysedDocument(Document.from_text("t", text), VOCAB, MentionFinder(VOCAB))
    return list(ongoing_trial_tables(doc))


def by(assertions, predicate, subject=None):
    return [a for a in assertions if a.predicate == predicate and (subject is None or a.subject == subject)]


def test_one_trial_per_row_keyed_by_nct_with_phase_status_and_enrolment():
    trials = by(extracted(), "isClinicalTrial")
    assert [a.subject for a in trials] == [trial_key("NCT01111111"), trial_key("NCT02222222"),
                                          trial_key("NCT03333333")]
    attrs = [dict(a.attributes) for a in trials]
    assert attrs[0] == {"nct_id": "NCT01111111", "phase": "I/II", "status": "Recruiting", "enrolment": 44}
    assert attrs[1]["status"] == "Active, not recruiting"  # wrapped over two lines, whitespace collapsed
    assert attrs[1]["phase"] == "III" and attrs[1]["enrolment"] == 210
    assert attrs[2]["status"] == "Not yet recruiting"  # not just "Recruiting"


def test_row_with_an_unknown_drug_and_prose_are_not_rows():
    subjects = {a.subject for a in extracted()}
    assert trial_key("NCT04444444") not in subjects
    assert trial_key("NCT05555555") not in subjects


def test_the_single_arm_is_the_regimen_of_every_drug_in_the_row():
    found = extracted()
    trial = trial_key("NCT02222222")
    (arm,) = [a.object for a in by(found, "hasArm", trial)]
    (agent,) = [a.object for a in by(found, "armIntervention", arm)]
    assert agent == "regimen__foonib__quxmab__zorafenib"  # the drug in the setting text is not an arm drug
    assert {a.object for a in by(found, "hasComponent", agent)} == {"foonib", "quxmab", "zorafenib"}
    assert [a.object for a in by(found, "testsIntervention", trial)] == [agent]
    (plus_arm,) = [a.object for a in by(found, "hasArm", trial_key("NCT03333333"))]
    assert [a.object for a in by(found, "armIntervention", plus_arm)] == ["regimen__barmab__quxmab"]


def test_setting_keeps_only_diseases_and_stated_lines():
    found = extracted()
    first, second, third = (trial_key(n) for n in ("NCT01111111", "NCT02222222", "NCT03333333"))
    assert [a.object for a in by(found, "studiesCondition", first)] == ["hcc"]
    assert [a.object for a in by(found, "forLineOfTherapy", first)] == ["second_line"]
    assert by(found, "forLineOfTherapy", second) == []
    assert [a.object for a in by(found, "studiesCondition", third)] == ["glorp"]


def test_evidence_is_the_whole_row_and_reads_back_the_numbers():
    for a in by(extracted(), "isClinicalTrial"):
        (ev,) = a.evidence
        span = TABLE[ev.start:ev.end]
        attrs = dict(a.attributes)
        assert span.endswith(attrs["nct_id"]) and str(attrs["enrolment"]) in span
        assert ev.extractor == "table-ongoing-trials"


@pytest.mark.slow
def test_real_corpus_every_printed_nct_number_becomes_one_trial(corpus_dir):
    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.report import Report
    from hcc_kg.vocab import load_vocabulary

    vocabulary = load_vocabulary()
    finder = MentionFinder(vocabulary)
    documents = read_corpus(corpus_dir, Report())
    checked = 0
    for document in documents:
        doc = AnalysedDocument(document, vocabulary, finder)
        found = list(ongoing_trial_tables(doc))
        for a in found:
            for ev in a.evidence:
                assert ev.doc_id == document.doc_id and 0 <= ev.start < ev.end <= len(document.text)
        if not document.name.startswith("000_"):
            continue
        printed = set()
        for block in doc.blocks:
            if block.label in ("Table 2", "Table 3"):
                printed |= set(re.findall(r"NCT\d{8}", document.text[block.start:block.end]))
        trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
        assert printed and trials == {trial_key(n) for n in printed}
        for a in found:
            if a.predicate == "isClinicalTrial":
                span = document.text[a.evidence[0].start:a.evidence[0].end]
                assert str(dict(a.attributes)["enrolment"]) in span
        checked += 1
    assert checked == 1


POPULATION_TABLE = (
    "Table 9 More invented registered studies\n"
    "\n"
    "Foonib Barmab I 20 Advanced HCC in patients\n"
    "with glorp disease\n"
    "\n"
    "Recruiting NCT06666666\n"
    "\n"
    "Barmab II 30 Patients with glorp disease Recruiting NCT07777777\n"
)


def test_a_disease_that_describes_the_enrolled_population_is_not_the_studied_condition():
    found = extracted(POPULATION_TABLE)
    with_population, only_population = trial_key("NCT06666666"), trial_key("NCT07777777")
    assert [a.object for a in by(found, "studiesCondition", with_population)] == ["hcc"]
    # with no disease before the cue, the disease after it is what the trial studies
    assert [a.object for a in by(found, "studiesCondition", only_population)] == ["glorp"]

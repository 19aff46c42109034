"""Tests for hcc_kg.extract.tables: approval tables read row by row (invented table)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.extract.tables import approval_tables
from hcc_kg.keys import regimen_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("sorafenib", "sorafenib", ("SmallMolecule",)),
    Entity("regorafenib", "regorafenib", ("SmallMolecule",)),
    Entity("atezolizumab", "atezolizumab", ("MonoclonalAntibody",)),
    Entity("bevacizumab", "bevacizumab", ("MonoclonalAntibody",)),
    Entity("ramucirumab", "ramucirumab", ("MonoclonalAntibody",)),
    Entity("flt1", "FLT1", ("Protein",), ("VEGFR1",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
    Entity("flt4", "FLT4", ("Protein",), ("VEGFR3",)),
    Entity("met", "MET", ("Protein", "Kinase"), ("c-MET",)),
    Entity("raf", "RAF", ("ProteinFamily",)),
    Entity("pdl1", "PD-L1", ("Protein",)),
    Entity("vegfa", "VEGF-A", ("Protein",), ("VEGF",)),
    Entity("afp", "AFP", ("Protein", "Biomarker"), ("alpha-fetoprotein",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
    Entity("fda", "FDA", ("RegulatoryAgency",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("First-line",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("Second-line",)),
])
FINDER = MentionFinder(VOCAB)

TEXT = (
    "Approved agents\n"
    "The list below gathers the made-up agents of this test document together with\n"
    "Table 9 Drugs approved for HCC by FDA\n"
    "Agent Mechanism Indication\n"
    "First-line\n"
    "Foonib Targeting RAF, VEGFR1-3 As monotherapy in patients with\n"
    "unresectable disease\n"
    "Atezolizumab + bevacizumab Targeting PD-L1 + VEGF As combination therapy for\n"
    "patients without prior systemic therapy\n"
    "Second-line\n"
    "Regorafenib\n"
    "Ramucirumab\n"
    "Targeting KDR, MET\n"
    "Targeting VEGFR2\n"
    "As monotherapy in sorafenib-experienced patients\n"
    "As monotherapy in patients with AFP of 400 ng/ml or higher\n"
    " the uses we invented for them, so nothing here is real.\n"
)


def read(text: str = TEXT) -> list:
    doc = AnalysedDocument(Document.from_text("t1", text), VOCAB, FINDER)
    return list(approval_tables(doc))


def approvals_by_subject(found) -> dict:
    out = {}
    for a in found:
        if a.predicate == "approvedFor":
            assert a.subject not in out, a.subject
            out[a.subject] = a
    return out


def mechanism_triples(found) -> set[tuple]:
    return {(a.subject, a.predicate, a.object) for a in found
            if a.predicate in ("inhibits", "isAntibodyAgainst", "modulatesPathway")}


REGIMEN = regimen_key(["atezolizumab", "bevacizumab"])


def test_table_block_ends_at_the_body_resume_line():
    doc = AnalysedDocument(Document.from_text("t1", TEXT), VOCAB, FINDER)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.start == TEXT.index("Table 9")
    assert table.end == TEXT.index(" the uses we invented")
    assert doc.sentences[0].text.endswith("together with the uses we invented for them, so nothing here is real.")


def test_one_approval_per_agent_with_agency_line_and_disease():
    approvals = approvals_by_subject(read())
    assert set(approvals) == {"foonib", REGIMEN, "regorafenib", "ramucirumab"}
    for a in approvals.values():
        assert a.object == "hcc"
        assert a.context_value("agency") == "fda"
    assert approvals["foonib"].context_value("line") == "first_line"
    assert approvals[REGIMEN].context_value("line") == "first_line"
    assert approvals["regorafenib"].context_value("line") == "second_line"
    assert approvals["ramucirumab"].context_value("line") == "second_line"


def test_single_row_attributes():
    a = approvals_by_subject(read())["foonib"]
    assert a.attributes == (("therapy_mode", "monotherapy"),)
    [ev] = a.evidence
    assert ev.extractor == "table-approval"
    assert TEXT[ev.start:ev.end].startswith("Foonib Targeting")
    assert "unresectable disease" in TEXT[ev.start:ev.end]


def test_regimen_row_attributes_and_components():
    found = read()
    a = approvals_by_subject(found)[REGIMEN]
    assert set(a.attributes) == {("therapy_mode", "combination therapy"), ("prior_systemic_therapy", False)}
    components = {(x.subject, x.object) for x in found if x.predicate == "hasComponent"}
    assert components == {(REGIMEN, "atezolizumab"), (REGIMEN, "bevacizumab")}


def test_stacked_rows_pair_agents_with_their_own_cells():
    approvals = approvals_by_subject(read())
    rego, ramu = approvals["regorafenib"], approvals["ramucirumab"]
    assert set(rego.attributes) == {("therapy_mode", "monotherapy"), ("prior_therapy", "sorafenib")}
    assert set(ramu.attributes) == {
        ("therapy_mode", "monotherapy"),
        ("biomarker", "afp"),
        ("biomarker_comparator", ">="),
        ("biomarker_threshold", Decimal("400")),
        ("biomarker_unit", "ng/mL"),
    }


def test_mechanisms_follow_modality_and_regimen_parts():
    assert mechanism_triples(read()) == {
        ("foonib", "inhibits", "raf"),
        ("foonib", "inhibits", "flt1"),
        ("foonib", "inhibits", "kdr"),
        ("foonib", "inhibits", "flt4"),
        # Each part of "PD-L1 + VEGF" belongs to the component in the same position.
        ("atezolizumab", "isAntibodyAgainst", "pdl1"),
        ("bevacizumab", "isAntibodyAgainst", "vegfa"),
        ("regorafenib", "inhibits", "kdr"),
        ("regorafenib", "inhibits", "met"),
        ("ramucirumab", "isAntibodyAgainst", "kdr"),
    }


def test_mechanism_evidence_starts_at_the_drug_and_ends_at_the_target():
    found = [a for a in read() if a.predicate in ("inhibits", "isAntibodyAgainst")]
    assert found
    for a in found:
        [ev] = a.evidence
        assert ev.extractor == "table-mechanism"
        mentions = FINDER.find(normalize(TEXT[ev.start:ev.end]))
        assert (mentions[0].start, mentions[0].key) == (0, a.subject)
        assert mentions[-1].end == ev.end - ev.start
        assert a.object in {m.key for m in mentions if m.end == ev.end - ev.start}


def test_caption_without_agency_lists_approvals_granted_by_no_one_named():
    # (the agent | mechanism | indication cells are read only under an agency's caption; the rows then by
    # approved_rows: each row's opening agent, in its heading's line)
    text = TEXT.replace("Table 9 Drugs approved for HCC by FDA", "Table 9 Drugs approved for HCC")
    found = [(a.subject, a.object, a.context) for a in read(text) if a.predicate == "approvedFor"]
    assert ("foonib", "hcc", (("line", "first_line"),)) in found
    assert all(dict(context).get("agency") is None for _, _, context in found)


def test_caption_without_approval_word_is_not_an_approval_table():
    text = TEXT.replace("Table 9 Drugs approved for HCC by FDA", "Table 9 Drugs studied for HCC by FDA")
    assert read(text) == []


def test_rows_before_any_line_heading_give_mechanisms_and_an_approval_in_no_line():
    text = ("Table 2 Agents approved by FDA for HCC\n"
            "Foonib Targeting MET As monotherapy in adults\n"
            " and so the body text resumes at this point.\n")
    found = read(text)
    assert [(a.subject, a.predicate, a.object, a.context) for a in found] == [
        ("foonib", "inhibits", "met", ()), ("foonib", "approvedFor", "hcc", (("agency", "fda"),))]


def test_prose_outside_tables_is_ignored():
    text = ("Notes\nIn this invented paragraph foonib, first-line, FDA approved, targeting MET, "
            "is only prose and never a table row.\n")
    assert read(text) == []


def test_regimen_wrapped_over_two_lines_is_joined():
    text = ("Table 3 Agents approved by FDA for HCC\n"
            "First-line\n"
            "Atezolizumab +\n"
            "bevacizumab Targeting PD-L1 + VEGF As combination therapy\n"
            " and so the body text resumes at this point.\n")
    found = read(text)
    approvals = approvals_by_subject(found)
    assert set(approvals) == {REGIMEN}
    assert approvals[REGIMEN].attribute_values("therapy_mode") == ["combination therapy"]
    assert ("bevacizumab", "isAntibodyAgainst", "vegfa") in mechanism_triples(found)


@pytest.mark.parametrize("wrapped, mode", [("As combination\ntherapy with a second agent", "combination therapy"),
                                           ("As mono-\ntherapy in adults", "monotherapy")])
def test_therapy_mode_wrapped_over_a_line_end(wrapped, mode):
    text = ("Table 3 Agents approved by FDA for HCC\n"
            "First-line\n"
            f"Foonib Targeting MET {wrapped}\n"
            " and so the body text resumes at this point.\n")
    approvals = approvals_by_subject(read(text))
    assert approvals["foonib"].attribute_values("therapy_mode") == [mode]

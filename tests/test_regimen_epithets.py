"""A two-drug regimen named by the classes of its drugs (invented sentences, packaged vocabulary and lexicon)."""

from __future__ import annotations

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.regimen_epithets import regimen_epithet_statements
from hcc_kg.model import Document

CAM_RIV = {("camrelizumab", "pdcd1"), ("rivoceranib", "vegfr_family")}


def pairs(text: str, vocabulary, finder) -> set[tuple[str, str]]:
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{text}\n"), vocabulary, finder)
    return {(a.subject, a.object) for a in regimen_epithet_statements(doc)
            if (a.evidence[0].polarity, a.evidence[0].certainty) == ("positive", "asserted")}


@pytest.mark.parametrize("text, expected", [
    # named before, then by its classes: each class to the one drug whose kind can bear it
    ("The made-up agency turned down camrelizumab plus rivoceranib. It was a second refusal for the PD-1 inhibitor "
     "and VEGFR inhibitor combination.", CAM_RIV),
    # ... whichever order the regimen was written in
    ("The made-up agency turned down rivoceranib plus camrelizumab. It was a second refusal for the PD-1 inhibitor "
     "and VEGFR inhibitor combination.", CAM_RIV),
    ("The made-up agency looked at the combination therapy of camrelizumab and rivoceranib. It was a second refusal "
     "for the PD-1 inhibitor and VEGFR inhibitor combination.", CAM_RIV),
    # named right after the classes: in the order written
    ("In this made-up note, the anti-PD-L1 and anti-VEGF combination of atezolizumab and bevacizumab is the standard.",
     {("atezolizumab", "cd274"), ("bevacizumab", "vegfa")}),
    # two antibodies named before: which bears which class is not said
    ("The made-up agency cleared atezolizumab plus bevacizumab. The anti-PD-L1 and anti-VEGF combination is standard.",
     set()),
    # two drugs compared, not given together, are no regimen to name back
    ("In this made-up note camrelizumab and lenvatinib were compared. The PD-1 inhibitor and VEGFR inhibitor "
     "combination was not tested.", set()),
    # a slash may name one dual agent's targets: no pair of classes
    ("In this made-up note, the PD-1/PD-L1 inhibitor combination of atezolizumab and bevacizumab is standard.", set()),
])
def test_regimen_named_by_the_classes_of_its_drugs(text, expected, vocabulary, finder):
    assert pairs(text, vocabulary, finder) == expected

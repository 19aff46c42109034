"""A drug no vocabulary holds, recognised by a dose right after its code name (extract/novel.py, name_cues.DOSED),
and read as a trial's arm, never as a trial's name (invented codes, drugs and numbers)."""

from __future__ import annotations

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.novel import recognise_text
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary


def labels(text: str) -> dict[str, tuple[str, ...]]:
    return {r.label: r.types for r in recognise_text(text, Vocabulary([]))}


@pytest.mark.parametrize("text, name", [
    ("Adults were randomized 2:1 to QX-PEG 30 18 mg/m2 versus placebo weekly.", "QX-PEG 30"),
    ("Patients received ZQR-123 200 mg twice daily until progression.", "ZQR-123"),
    ("XYZ-9 at 10 mg/kg was given every 3 weeks.", "XYZ-9"),
    ("Adults took QRT-4410 at a dose of 5 mg once daily.", "QRT-4410"),
    ("Adults were given QRT-4410 (400 mg) daily.", "QRT-4410"),
])
def test_a_code_name_before_its_dose_is_a_drug(text, name):
    assert labels(text) == {name: ("Drug",)}


@pytest.mark.parametrize("text", [
    "Patients at LEVEL 2 10 mg/kg had no toxicity.",  # a dose level
    "The dose 200 mg was chosen.",  # a word, not a code
    "About ECOG 1 200 mg patients were seen.",  # a score, then a dose
    "In the ZX-301 trial, ZX-301 200 mg was given.",  # the document's trial name
    "The QX-PEG 30 kit was stored at 4 C.",  # no dose
])
def test_no_dose_or_no_code_types_no_drug(text):
    assert labels(text) == {}


@pytest.mark.parametrize("code", ["QX-PEG 30", "ZRX-PEG 30"])  # the second has a trial name's shape ("ABC-DEF 30")
def test_a_dosed_code_is_an_arm_and_its_number_no_value(code):
    text = (f"A phase 3 study in liver cancer\n\nIn this phase 3 trial, adults were randomized 2:1 to {code} 18 mg/m2 "
            f"versus placebo weekly. Median overall survival was 7.8 months for {code} versus 7.4 for placebo.\n")
    vocabulary = Vocabulary([Entity("placebo", "placebo", ("Placebo",)),
                             Entity("os", "overall survival", ("EndpointType",), ("OS",))])
    found = extract_document(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))  # codes recognised first
    arms = {a.object for a in found if a.predicate == "armIntervention"}
    names = {dict(a.attributes).get("trial_name") for a in found if a.predicate == "isClinicalTrial"}
    values = {(a.subject.rsplit("__", 1)[-1], str(dict(a.attributes)["value"])) for a in found if a.predicate == "hasMeasurement"}
    key = code.lower().replace("-", "_").replace(" ", "_")
    assert arms == {key, "placebo"} and code not in names
    assert values == {(key, "7.8"), ("placebo", "7.4")}


def test_the_number_ending_a_known_drugs_name_is_no_value():
    vocabulary = Vocabulary([Entity("zorbase", "ZB-PEG 40", ("Drug",)), Entity("placebo", "placebo", ("Placebo",)),
                             Entity("os", "overall survival", ("EndpointType",), ("OS",))])
    text = ("A phase 3 study in liver cancer\n\nAdults were randomized to ZB-PEG 40 or placebo. "
            "Median overall survival was 9.1 months for ZB-PEG 40 versus 6.3 months for placebo.\n")
    found = extract_document(Document.from_text("d", text), vocabulary, MentionFinder(vocabulary))
    values = {(a.subject.rsplit("__", 1)[-1], str(dict(a.attributes)["value"])) for a in found if a.predicate == "hasMeasurement"}
    assert values == {("zorbase", "9.1"), ("placebo", "6.3")}

"""Markdown comparison-table rows → trials, arms, arm sizes and measurements (invented rows)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.markdown_trials import markdown_trial_tables, parse_efficacy
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
    Entity("zedcel", "zedcel", ("CellTherapy",), ("Zedcel Cells",)),
    Entity("occlusion", "arterial occlusion", ("Procedure",), ("Occlusion", "AOX")),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("first line",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("second line",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "mOS")),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS", "mPFS")),
])
TABLE = (
    "Some prose before.\n"
    "Figure 9| Arm tested | Comparator | Sizes | Results | Source |\n"
    "|---|---|---|---|---|\n"
    "| Foonib plus barmab | Zorafenib | 120 vs. 60 | OS (at 6 months): 51.0% vs. 40.5% | ( |\n"
    "| Quxmab monotherapy | Barmab vs. Zorafenib | 90 vs. 91 vs.92 | mOS: 11.25 vs. 10.5 vs.9.75 months | ( |\n"
    "| Zedcel Cells plus Occlusion | AOX | 30 vs.31 | mPFS: 4.4 vs 3.3 months | ( |\n"
    "| Barmab plus quxmab | / | 75 | OS (at 6 months): 80.5% (First line group) vs. 60.25% (Second line group) | ( |\n"
    "| Quxmab plus barmab | Foonib/Zorafenib | 50 vs. 25 | PFS: 2.5 vs. 1.5 months | ( |\n"
    "| Foonib plus zorafenib | Foonib plus placebo | 40 vs. 41 | PFS: 7.5 vs. 6.0 months | ( |\n"
    "| Unknownium | Zorafenib | 10 vs. 10 | OS: 1.0 vs. 2.0 months | ( |\n"
    "More prose after.\n"
)
DATA_ROWS = 6  # the last row names no known agent


def extracted(text: str = TABLE, doc_id: str = "t"):
    doc = AnalysedDocument(Document.from_text(doc_id, text), VOCAB, MentionFinder(VOCAB))
    return list(markdown_trial_tables(doc))


def by(assertions, predicate, subject=None):
    return [a for a in assertions if a.predicate == predicate and (subject is None or a.subject == subject)]


def arms_of(found, trial):
    interventions = {a.subject: a.object for a in by(found, "armIntervention")}
    return [(arm.object, interventions[arm.object]) for arm in by(found, "hasArm", trial)]


def measurements(found, arm):
    return {(m.object, m.context): dict(m.attributes) for m in by(found, "hasMeasurement", arm)}


def test_efficacy_cells_parse_endpoint_timepoint_values_and_unit():
    (c,) = parse_efficacy("mOS: 11.25 vs. 10.5 vs.9.75 months")
    assert (c.endpoint, c.timepoint, [v.text for v in c.values], c.unit) == ("mOS", "", ["11.25", "10.5", "9.75"],
                                                                           "months")
    (c,) = parse_efficacy("OS (at 6 months): 80.5% (First line group) vs. 60.25% (Second line group)")
    assert [(v.text, v.note) for v in c.values] == [("80.5", "First line group"), ("60.25", "Second line group")]


def test_one_trial_per_data_row_keyed_by_the_comparison():
    trials = by(extracted(), "isClinicalTrial")
    assert len(trials) == DATA_ROWS
    first = trial_key("md:regimen__barmab__foonib:vs:zorafenib")
    assert trials[0].subject == first
    assert dict(trials[0].attributes) == {"trial_name": "barmab + foonib vs zorafenib"}
    assert by(extracted(), "testsIntervention", first)[0].object == "regimen__barmab__foonib"


def test_two_arm_row_sizes_and_rates_at_a_timepoint():
    found = extracted()
    trial = trial_key("md:regimen__barmab__foonib:vs:zorafenib")
    (exp, exp_agent), (ctl, ctl_agent) = arms_of(found, trial)
    assert (exp_agent, ctl_agent) == ("regimen__barmab__foonib", "zorafenib")
    assert {a.object for a in by(found, "hasComponent", exp_agent)} == {"barmab", "foonib"}
    assert [a.object for a in by(found, "armSize", exp)] == [120]
    assert [a.object for a in by(found, "armSize", ctl)] == [60]
    m = measurements(found, exp)[("os", (("timepoint", "6-month"),))]
    assert m == {"value": Decimal("51.0"), "value_text": "51.0", "unit": "%"}
    assert measurements(found, ctl)[("os", (("timepoint", "6-month"),))]["value_text"] == "40.5"


def test_three_arm_row_with_two_controls():
    found = extracted()
    trial = trial_key("md:quxmab:vs:barmab:vs:zorafenib")
    arms = arms_of(found, trial)
    assert [agent for _, agent in arms] == ["quxmab", "barmab", "zorafenib"]
    assert [by(found, "armSize", arm)[0].object for arm, _ in arms] == [90, 91, 92]
    values = [measurements(found, arm)[("os", (("timepoint", ""),))] for arm, _ in arms]
    assert [v["value"] for v in values] == [Decimal("11.25"), Decimal("10.5"), Decimal("9.75")]
    assert {v["unit"] for v in values} == {"months"}
    (t,) = by(found, "isClinicalTrial", trial)
    assert dict(t.attributes)["trial_name"] == "quxmab vs barmab vs zorafenib"


def test_cell_therapy_and_procedures_are_arm_agents():
    found = extracted()
    trial = trial_key("md:regimen__occlusion__zedcel:vs:occlusion")
    assert [agent for _, agent in arms_of(found, trial)] == ["regimen__occlusion__zedcel", "occlusion"]
    (exp, _), _ = arms_of(found, trial)
    assert measurements(found, exp)[("pfs", (("timepoint", ""),))]["value_text"] == "4.4"


def test_single_arm_row_with_values_per_line_of_therapy():
    found = extracted()
    trial = trial_key("md:regimen__barmab__quxmab:vs:none")
    ((arm, agent),) = arms_of(found, trial)
    assert [a.object for a in by(found, "armSize", arm)] == [75]
    got = measurements(found, arm)
    assert got[("os", (("timepoint", "6-month"), ("setting_line", "first_line")))]["value_text"] == "80.5"
    assert got[("os", (("timepoint", "6-month"), ("setting_line", "second_line")))]["value"] == Decimal("60.25")
    assert {a.object for a in by(found, "forLineOfTherapy", trial)} == {"first_line", "second_line"}
    (t,) = by(found, "isClinicalTrial", trial)
    assert dict(t.attributes)["trial_name"] == "barmab + quxmab"


def test_alternative_control_takes_the_first_drug_and_placebo_add_on_is_dropped():
    found = extracted()
    alternative = trial_key("md:regimen__barmab__quxmab:vs:foonib")
    assert [agent for _, agent in arms_of(found, alternative)] == ["regimen__barmab__quxmab", "foonib"]
    add_on = trial_key("md:regimen__foonib__zorafenib:vs:foonib")
    assert [agent for _, agent in arms_of(found, add_on)] == ["regimen__foonib__zorafenib", "foonib"]


def test_the_same_comparison_in_two_documents_is_one_trial():
    one = {a.subject for a in by(extracted(TABLE, "a"), "isClinicalTrial")}
    two = {a.subject for a in by(extracted(TABLE.replace("Foonib plus barmab", "Barmab plus foonib"), "b"),
                                 "isClinicalTrial")}
    assert one == two


def test_every_value_text_reads_back_from_its_row_evidence():
    found = extracted()
    for m in by(found, "hasMeasurement"):
        (ev,) = m.evidence
        span = TABLE[ev.start:ev.end]
        assert span.startswith("|") and span.endswith("|")
        assert dict(m.attributes)["value_text"] in span
    for a in by(found, "armSize"):
        assert str(a.object) in TABLE[a.evidence[0].start:a.evidence[0].end]


def test_the_ongoing_extractor_ignores_markdown_rows():
    doc = AnalysedDocument(Document.from_text("t", TABLE), VOCAB, MentionFinder(VOCAB))
    assert list(ongoing_trial_tables(doc)) == []


@pytest.mark.slow
def test_real_corpus_one_trial_per_markdown_data_row(corpus_dir):
    import re

    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.report import Report
    from hcc_kg.vocab import load_vocabulary

    vocabulary = load_vocabulary()
    finder = MentionFinder(vocabulary)
    checked = 0
    for document in read_corpus(corpus_dir, Report()):
        doc = AnalysedDocument(document, vocabulary, finder)
        found = list(markdown_trial_tables(doc))
        for a in found:
            if a.predicate == "hasMeasurement":
                ev = a.evidence[0]
                assert dict(a.attributes)["value_text"] in document.text[ev.start:ev.end]
        if not document.name.startswith("002_"):
            continue
        rows = [line for line in document.text.splitlines()
                if line.startswith("|") and not re.fullmatch(r"[|\s:-]+", line)]
        trials = {a.subject for a in found if a.predicate == "isClinicalTrial"}
        assert rows and len(trials) == len(rows)
        checked += 1
    assert checked == 1

"""One node for a trial that one document names with its registry number and another cites by the number alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_kg.assemble.trial_identity import rename_trials, trial_renames
from hcc_kg.model import Assertion
from hcc_kg.pipeline import Settings, load_settings_vocabulary, read
from hcc_kg.report import Report


def trial(key: str, *numbers: str, name: str | None = None) -> Assertion:
    attributes = tuple(("nct_id", n) for n in numbers) + ((("trial_name", name),) if name else ())
    return Assertion(key, "isClinicalTrial", "ClinicalTrial", attributes=attributes)


def test_a_number_only_trial_joins_the_trial_named_with_that_number():
    renames, doubts = trial_renames([trial("trial__orbit1", "NCT01234567", name="ORBIT-1"),
                                     trial("trial__nct01234567", "NCT01234567")])
    assert renames == {"trial__nct01234567": "trial__orbit1"} and doubts == []


def test_nothing_joins_when_no_document_cites_the_number_alone():
    assert trial_renames([trial("trial__orbit1", "NCT01234567")]) == ({}, [])


def test_a_name_stated_with_two_numbers_joins_nothing():
    renames, doubts = trial_renames([trial("trial__orbit1", "NCT01234567"), trial("trial__orbit1", "NCT07654321"),
                                     trial("trial__nct01234567", "NCT01234567")])
    assert renames == {} and "trial__orbit1" in doubts[0]


def test_a_number_stated_with_two_names_joins_neither():
    renames, doubts = trial_renames([trial("trial__orbit1", "NCT01234567"), trial("trial__zen2", "NCT01234567"),
                                     trial("trial__nct01234567", "NCT01234567")])
    assert renames == {} and "trial__nct01234567" in doubts[0]


def test_trials_known_by_their_arms_are_never_joined():
    renames, _ = trial_renames([trial("trial__mdavssorafenib", "NCT01234567"),
                                trial("trial__nct01234567", "NCT01234567")])
    assert renames == {}


def test_renaming_reaches_subjects_objects_context_attributes_and_arm_keys():
    estimate = Assertion("trial__nct01234567", "hasEffectEstimate", "os",
                         context=(("experimental", "arm__nct01234567__regimen__a__b"),
                                  ("comparator", "arm__nct01234567__sorafenib")))
    approval = Assertion("lenvatinib", "approvedFor", "hcc", attributes=(("supporting_trial", "trial__nct01234567"),))
    other = Assertion("arm__nct07654321__a", "armSize", 10)
    out = rename_trials([estimate, approval, other], {"trial__nct01234567": "trial__orbit1"})
    assert out[0].subject == "trial__orbit1"
    assert dict(out[0].context) == {"experimental": "arm__orbit1__regimen__a__b", "comparator": "arm__orbit1__sorafenib"}
    assert out[1].attribute_values("supporting_trial") == ["trial__orbit1"]
    assert out[2] is other and out[0].key() != estimate.key()


NAMED = ("Zenith results\n\nThe phase 3 ZENITH-7 trial (NCT09876543) randomly assigned 300 patients with "
         "unresectable hepatocellular carcinoma to lenvatinib or sorafenib.\n")
CITED = ("Registry update\n\nIn the randomised phase 3 trial NCT09876543, lenvatinib (n = 150) was compared "
         "with sorafenib (n = 150); median overall survival was 14.1 months versus 11.0 months.\n")


@pytest.fixture
def two_papers(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(NAMED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CITED, encoding="utf-8")
    return tmp_path


def test_a_build_files_the_cited_trials_results_under_the_named_trial(two_papers):
    settings, report = Settings(corpus=two_papers, out=None), Report()
    reading = read(settings, load_settings_vocabulary(settings), report)
    subjects = {a.subject for a in reading.facts}
    assert "trial__nct09876543" not in subjects and "arm__nct09876543__lenvatinib" not in subjects
    sizes = {(a.subject, a.object) for a in reading.facts if a.predicate == "armSize"}
    assert sizes == {("arm__zenith7__lenvatinib", 150), ("arm__zenith7__sorafenib", 150)}
    arms = [a for a in reading.facts if a.predicate == "hasArm" and a.subject == "trial__zenith7"]
    assert len(arms) == 2 and all(len({e.doc_id for e in a.evidence}) == 2 for a in arms)  # read in both papers
    assert [p.code for p in report.problems if p.code.startswith("trial-")] == ["trial-joined"]


def test_editing_the_number_in_one_paper_parts_the_trials(two_papers):
    (two_papers / "a.txt").write_text(NAMED.replace("NCT09876543", "NCT09876544"), encoding="utf-8")
    settings = Settings(corpus=two_papers, out=None)
    reading = read(settings, load_settings_vocabulary(settings), Report())
    assert {"trial__zenith7", "trial__nct09876543"} <= {a.subject for a in reading.facts}

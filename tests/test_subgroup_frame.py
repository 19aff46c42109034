"""A document framed as a subgroup's report (extract/subgroup_frame.py): its values are not the trial's.

Invented texts.  Each shape of the frame withholds the results that follow it; a whole trial analysed again, a review
mentioning a subgroup analysis in passing, a trial run in one region and a second trial the frame does not name keep
theirs.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hcc_kg.extract.abstracts import prose_trials
from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.subgroup_frame import BODY, EARLY, LEAD, TITLE, frame_shape, names_a_part
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("zorbanib", "zorbanib", ("SmallMolecule",)),
    Entity("felotinib", "felotinib", ("SmallMolecule",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "mOS", "median overall survival")),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS", "mPFS")),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
])
FINDER = MentionFinder(VOCAB)

DESIGN = "In ZETA-12, patients were randomized 2:1 to zorbanib or felotinib. "
RESULTS = ("A total of 150 patients were randomized (zorbanib, n = 100; felotinib, n = 50). Median OS was 15.2 months "
           "with zorbanib versus 11.0 months with felotinib (HR 0.70; 95% CI 0.50-0.95). ORR was 30% versus 12%.")


def facts(text: str) -> list:
    return list(prose_trials(AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)))


def results(found) -> dict:
    """What the trials' arms measured and their sizes and ratios, by (kind, trial, arm or endpoint)."""
    out: dict = {}
    for a in found:
        if a.predicate == "hasMeasurement":
            out[("value", a.subject.split("__")[1], a.subject.split("__", 2)[-1], a.object)] = a.attribute_values("value")[0]
        elif a.predicate == "armSize":
            out[("size", a.subject.split("__")[1], a.subject.split("__", 2)[-1])] = a.object
        elif a.predicate == "hasEffectEstimate":
            out[("hr", a.subject.split("__")[1], a.object)] = a.attribute_values("hazard_ratio")[0]
    return out


def whole_trial(zorbanib: str, felotinib: str, hr: str) -> dict:
    """The results expected of ZETA-12 as a whole: each arm's median OS and the hazard ratio."""
    return {("value", "zeta12", "zorbanib", "os"): Decimal(zorbanib), ("value", "zeta12", "felotinib", "os"): Decimal(felotinib),
            ("hr", "zeta12", "os"): Decimal(hr)}


def trial_arms(found, key: str) -> list:
    arm_of = {a.subject: a.object for a in found if a.predicate == "armIntervention"}
    return [arm_of[a.object] for a in found if a.predicate == "hasArm" and a.subject == key]


FRAMED = {
    "a subgroup analysis in the title": "ZETA-12 subgroup analysis: zorbanib in Asian patients with liver cancer\n",
    "a subpopulation named after the trial": "ZETA-12: outcomes in the Japanese subpopulation\n",
    "a subset analysis in the title": "Zorbanib versus felotinib in the phase 3 ZETA-12 trial: an analysis of the Korean subset\n",
    "a region's cohort in a sentence about the report": "In the phase 3 ZETA-12 trial, zorbanib was compared with "
    "felotinib. Here the Korean cohort of ZETA-12 is described. ",
    "a post hoc analysis of patients with a characteristic": "The phase 3 ZETA-12 trial compared zorbanib with felotinib. "
    "Our exploratory analysis kept only ZETA-12 patients without viral hepatitis. ",
    "a post hoc analysis by a baseline characteristic": "In ZETA-12, zorbanib was compared with felotinib. Here we "
    "report a post hoc analysis by baseline AFP. ",
    "outcomes analysed by a characteristic": "The phase 3 ZETA-12 trial compared zorbanib with felotinib. Efficacy was "
    "compared by prior therapy in this report. ",
    "the patients enrolled in a region as the analysed population": "The phase 3 ZETA-12 trial compared zorbanib with "
    "felotinib. The present analysis is limited to participants enrolled in Asia. ",
    "a subgroup analysis whose title names no trial": "Zorbanib in Asian patients with liver cancer: a subgroup "
    "analysis\n\n",
    "the subgroup's census early in a news item": "Zorbanib extends survival in Korean patients\nThe Korean subset of "
    "the ZETA-12 trial comprised 150 patients. ",
}


@pytest.mark.parametrize("opening", FRAMED.values(), ids=FRAMED.keys())
def test_a_document_framed_as_a_subgroups_report_gives_the_trial_no_values(opening):
    found = facts(opening + DESIGN + RESULTS)
    assert trial_arms(found, "trial__zeta12") == ["zorbanib", "felotinib"]  # the trial and its arms are still read
    assert results(found) == {}


NOT_FRAMED = {
    "an updated analysis": "Updated overall survival: an exploratory analysis of the phase 3 ZETA-12 trial\n",
    "a final analysis": "Final overall survival: a post hoc analysis of ZETA-12 at the last data cut-off\n",
    "a long-term follow-up": "Long-term follow-up: a retrospective analysis of the phase 3 ZETA-12 trial\nSurvival "
    "is given in an exploratory analysis after 4 years of follow-up. ",
    "an exploratory analysis of the whole trial after more follow-up": "Five-year survival in ZETA-12: an updated "
    "exploratory analysis of the ZETA-12 trial\n",
    "a trial run in one region": "Zorbanib versus felotinib in Korean patients with liver cancer (ZETA-12): a "
    "randomised phase 3 study\nAll 40 centres of this study were in Korea. ",
    "exploratory analyses among a whole trial's others": "The phase 3 ZETA-12 trial compared zorbanib with felotinib. "
    "Exploratory analyses by baseline AFP and in patients with viral hepatitis are also reported. ",
    "an exploratory analysis the whole trial's report also ran": "The phase 3 ZETA-12 trial compared zorbanib with "
    "felotinib. This study also ran an exploratory analysis of patients with viral hepatitis. ",
    "a subgroup analysis mentioned in passing": "Zorbanib for liver cancer: a review\nThe phase 3 ZETA-12 trial "
    "compared zorbanib with felotinib. Benefit looked larger for Korean patients in a subgroup analysis of ZETA-12. ",
}


@pytest.mark.parametrize("opening", NOT_FRAMED.values(), ids=NOT_FRAMED.keys())
def test_a_whole_trial_analysed_again_keeps_its_values(opening):
    got = results(facts(opening + DESIGN + RESULTS))
    assert got[("value", "zeta12", "zorbanib", "os")] == Decimal("15.2")
    assert got[("hr", "zeta12", "os")] == Decimal("0.70")
    assert got[("size", "zeta12", "felotinib")] == 50


def test_a_structured_abstracts_background_recalls_the_whole_trial():
    found = facts("Zorbanib in the phase 3 ZETA-12 trial: an analysis of the Korean subset\n\n"
                  "Background: In ZETA-12, zorbanib was non-inferior to felotinib for OS in the whole population "
                  "(median 13.0 vs 12.0 months; HR 0.90, 95% CI 0.78-1.05).\nMethods: The analysis kept "
                  "participants enrolled in Korea.\nResults: Among the 900 patients of the overall population, 150 were "
                  "Korean (zorbanib, n = 70; felotinib, n = 80). Median OS was 18.0 versus 16.0 months.")
    assert results(found) == whole_trial("13.0", "12.0", "0.90")


def test_the_frame_withholds_only_the_trial_it_names():
    found = facts("In the phase 3 ZETA-15 trial, patients were randomized to zorbanib or placebo; median OS was 10.0 "
                  "versus 8.0 months. This post hoc analysis of the ZETA-12 trial evaluated patients with non-viral "
                  "disease. " + DESIGN + RESULTS)
    got = results(found)
    assert got[("value", "zeta15", "zorbanib", "os")] == Decimal("10.0")
    assert not [k for k in got if k[1] == "zeta12"]


def test_results_read_before_the_frame_are_the_whole_trials():
    found = facts("In the phase 3 ZETA-12 trial, patients were randomized 2:1 to zorbanib or felotinib; median OS was "
                  "14.0 versus 12.0 months (HR 0.85). This subgroup analysis evaluated patients aged 75 years or older. "
                  "Median OS was 11.0 versus 9.0 months.")
    assert results(found) == whole_trial("14.0", "12.0", "0.85")


@pytest.mark.parametrize("text,position,shape", [
    ("ZETA-12: outcomes in the Japanese subpopulation", TITLE, "regional-part"),
    ("A subanalysis of ZETA-12 by depth of response", TITLE, "part-analysis"),
    ("ZETA-12: a post hoc responder analysis of later treatment", TITLE, "part-analysis"),
    ("An exploratory analysis of the ZETA-12 randomised trial", TITLE, "post-hoc-of-trial"),
    ("Findings are presented for the subset of patients from Korea.", BODY, "regional-part"),
    ("ZETA-12 Korea extension cohort: zorbanib versus felotinib", TITLE, "regional-part"),
    ("In an analysis of Korean patients enrolled in ZETA-12, zorbanib cut the risk of death", LEAD, "regional-patients"),
    ("Zorbanib in Korean patients from the global phase 3 ZETA-12 trial", TITLE, "regional-patients"),
    ("Only the population randomised in Korea was analysed.", BODY, "enrolled-in-region"),
    ("The Korean subset of the ZETA-12 trial included 80 patients.", EARLY, "census"),
])
def test_each_shape_of_the_frame(text, position, shape):
    assert frame_shape(text, position) == shape


@pytest.mark.parametrize("text,position", [
    ("An exploratory analysis of the ZETA-12 randomised trial showed a consistent benefit.", BODY),
    ("The Korean subset of the ZETA-12 trial included 80 patients.", BODY),
    ("Patients enrolled in Korea were randomized to zorbanib or felotinib.", LEAD),
    ("Survival was updated in a further exploratory analysis, also by baseline AFP.", LEAD),
    ("Zorbanib in Japanese patients with liver cancer: a phase 2 study", TITLE),
    ("This phase 2 study enrolled an Asian cohort of 60 patients.", LEAD),
    ("Zorbanib in Korean patients with liver cancer (ZETA-12): a randomised phase 3 trial", TITLE),
    ("An updated analysis of Korean patients in the ZETA-12 trial", TITLE),
    ("A retrospective analysis of outcomes after zorbanib in routine care", TITLE),
])
def test_what_frames_nothing(text, position):
    assert frame_shape(text, position) is None


def test_a_sentence_on_the_whole_population_that_counts_a_part_is_the_parts():
    assert names_a_part("Among the 900 patients of the overall population, 150 were Korean")
    assert not names_a_part("In the intention-to-treat population, median OS was 13.0 months")


def test_a_title_line_above_its_background_frames_the_document_and_keeps_the_background():
    found = facts("ZETA-12 in Korean patients: a subgroup analysis\nBackground: In ZETA-12, zorbanib was non-inferior "
                  "to felotinib for OS (median 13.0 vs 12.0 months; HR 0.90).\nMethods: Patients were randomized to "
                  "zorbanib or felotinib.\nResults: Median OS was 18.0 versus 16.0 months (HR 0.85).")
    assert results(found) == whole_trial("13.0", "12.0", "0.90")

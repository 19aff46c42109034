"""Two-arm results stated in prose (invented paragraphs and an invented trial table)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.comparisons import HR_RE, stated_comparisons, tabled_trials
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.arm_facts import arm_key
from hcc_kg.extract.trials import trial_key
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("zorafenib", "zorafenib", ("SmallMolecule",)),
    Entity("barmab", "barmab", ("MonoclonalAntibody",)),
    Entity("placebo", "placebo", ("Placebo",)),
    Entity("first_line", "first-line", ("LineOfTherapy",), ("First",)),
    Entity("second_line", "second-line", ("LineOfTherapy",), ("Second",)),
    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
    Entity("os", "overall survival", ("EndpointType",), ("OS", "mOS")),
    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS", "mPFS")),
])

# The segmenter reads a captioned table until the body resumes, so the table goes last.
TABLE = (
    "\nTable 1 Completed trials\n"
    "2019 ALPHA-1 First Foonib Zorafenib OS: 11.5 vs. 9.5 (0.80; 0.70-0.95)\n"
    "2020 BETA-2 Second Foonib Placebo OS: 8.0 vs. 7.0 (0.90; 0.75-1.10)\n"
    "2021 GAMMA-3 Second Barmab None ORR: 12%\n"
    "\n"
)


def doc(text: str) -> AnalysedDocument:
    return AnalysedDocument(Document.from_text("d", text), VOCAB, MentionFinder(VOCAB))


def facts(text: str):
    return list(stated_comparisons(doc(text)))


def measured(text: str) -> dict:
    return {(a.subject, a.object, a.context_value("timepoint")): dict(a.attributes)
            for a in facts(text) if a.predicate == "hasMeasurement"}


def hazard_ratios(text: str) -> dict:
    return {(a.subject, a.object): dict(a.attributes) for a in facts(text) if a.predicate == "hasEffectEstimate"}


NAMED = (
    "Introduction\n"
    "Some words come first here.\n"
    "\n"
    "Foonib plus barmab\n"
    "The pair was compared with zorafenib in the phase III DeltaStudy-150 trial. The OS rates at\n"
    "6 months of the combination group and the zorafenib group were 71.5 and 60.25%, respectively.\n"
    "The pair lowered the risk of death by a third (HR: 0.66, P = 0.0012). The mPFS was 7.5 months\n"
    "and 5.5 months in the respective groups, and the risk of progression or death fell (HR: 0.70, P < 0.001).\n"
)


def test_respectively_assigns_values_to_the_groups_in_the_order_named():
    trial = trial_key("DeltaStudy-150")
    got = measured(NAMED)
    regimen_arm, comparator_arm = arm_key(trial, "regimen__barmab__foonib"), arm_key(trial, "zorafenib")
    assert got[(regimen_arm, "os", "6-month")]["value"] == Decimal("71.5")
    assert got[(comparator_arm, "os", "6-month")]["value_text"] == "60.25"
    assert got[(comparator_arm, "os", "6-month")]["unit"] == "%"  # one "%" printed for both values


def test_respective_groups_reuse_the_previous_sentences_groups():
    trial = trial_key("DeltaStudy-150")
    got = measured(NAMED)
    assert got[(arm_key(trial, "regimen__barmab__foonib"), "pfs", "")]["value_text"] == "7.5"
    assert got[(arm_key(trial, "zorafenib"), "pfs", "")]["unit"] == "months"


def test_hazard_ratios_take_their_endpoint_from_the_event_and_keep_the_p_value():
    got = hazard_ratios(NAMED)
    trial = trial_key("DeltaStudy-150")
    assert got[(trial, "os")]["hazard_ratio"] == Decimal("0.66")
    assert (got[(trial, "os")]["p_value"], got[(trial, "os")]["p_value_comparator"]) == (Decimal("0.0012"), "=")
    assert (got[(trial, "pfs")]["p_value_text"], got[(trial, "pfs")]["p_value_comparator"]) == ("0.001", "<")


def test_a_named_study_is_a_trial_with_its_printed_name():
    trials = [a for a in facts(NAMED) if a.predicate == "isClinicalTrial"]
    assert {dict(a.attributes)["trial_name"] for a in trials} == {"DeltaStudy-150"}


def test_every_value_is_inside_its_evidence_span():
    for a in facts(NAMED):
        span = NAMED[a.evidence[0].start:a.evidence[0].end]
        assert "DeltaStudy-150" in span
        for name in ("value_text", "hazard_ratio_text", "p_value_text"):
            if name in dict(a.attributes):
                assert dict(a.attributes)[name] in span


UNNAMED = (
    "Foonib\n"
    "In a randomized phase III trial the role of foonib was compared with zorafenib as a first-line\n"
    "therapy. In this study, the mOS in the foonib and zorafenib groups was 11.5 months and 9.75 months,\n"
    "respectively. PFS was longer in the foonib group (PFS: 6.5 months vs. 4.0 months; ORR: 20.5% vs. 8%).\n"
    "The study results of a later sequential analysis gave a mOS of 30.0 months in the foonib group and\n"
    "20.0 months in the zorafenib group.\n"
) + TABLE


def test_an_unnamed_study_links_to_the_one_table_row_with_the_same_comparison():
    got = measured(UNNAMED)
    trial = trial_key("ALPHA-1")
    assert got[(arm_key(trial, "foonib"), "os", "")]["value_text"] == "11.5"
    assert got[(arm_key(trial, "zorafenib"), "os", "")]["value_text"] == "9.75"
    assert got[(arm_key(trial, "foonib"), "pfs", "")]["value_text"] == "6.5"
    assert got[(arm_key(trial, "zorafenib"), "orr", "")]["value_text"] == "8"
    assert all(a.evidence[0].extractor.endswith("/table-link") for a in facts(UNNAMED))


def test_another_study_mentioned_later_ends_the_context():
    assert all(v["value_text"] not in ("30.0", "20.0") for v in measured(UNNAMED).values())


def test_an_ambiguous_unnamed_study_links_to_nothing():
    text = ("Foonib\nA randomized phase III trial of foonib was run (mOS: 8.0 months vs 7.0 months).\n"
            + TABLE.replace("Zorafenib OS", "Placebo OS"))
    assert measured(text) == {}
    one_row = "".join(line for line in text.splitlines(keepends=True) if "BETA-2" not in line)
    assert measured(one_row)[(arm_key(trial_key("ALPHA-1"), "placebo"), "os", "")]["value_text"] == "7.0"


def test_change_to_and_from_phrasing_and_values_in_named_groups():
    text = (
        "Foonib\n"
        "A phase 3 study of foonib in the second-line setting was compared with a placebo.\n"
        "Foonib increased the mPFS to 5.25 months from 1.75 months in the placebo group. The ORR was\n"
        "4.5% in the foonib group and 0.5% in the placebo group.\n"
    ) + TABLE
    got = measured(text)
    trial = trial_key("BETA-2")
    assert got[(arm_key(trial, "foonib"), "pfs", "")]["value_text"] == "5.25"
    assert got[(arm_key(trial, "placebo"), "pfs", "")]["value_text"] == "1.75"
    assert got[(arm_key(trial, "placebo"), "orr", "")]["value_text"] == "0.5"


def test_subgroup_results_are_not_the_trials_overall_result():
    text = NAMED + "Asian patients in the pair group had an OS HR of 0.5 (95% CI 0.3, 0.8, P = 0.01).\n"
    assert all(v["hazard_ratio_text"] != "0.5" for v in hazard_ratios(text).values())


def test_no_study_no_result():
    text = "Foonib\nFoonib increased the mOS to 9.5 months from 7.5 months in patients.\n"
    assert facts(text) == []


def test_tabled_trials_reads_rows_with_line_and_control():
    rows = {r.trial: r for r in tabled_trials(doc(TABLE))}
    assert rows[trial_key("ALPHA-1")].control == "zorafenib"
    assert rows[trial_key("BETA-2")].line == "second_line"
    assert rows[trial_key("GAMMA-3")].control is None


def test_hazard_ratio_pattern_reads_ci_and_p_value():
    m = next(HR_RE.finditer("with an HR of 0.548 (95% CI 0.374, 0.804, P = 0.0009)"))
    assert (m.group("hr"), m.group("lo"), m.group("hi"), m.group("cmp"), m.group("p")) == \
        ("0.548", "0.374", "0.804", "=", "0.0009")

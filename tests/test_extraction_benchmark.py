"""The extraction scorer (benchmarks/extraction.py) on invented gold and invented assertions.

Nothing here reads ../shared/literature: drugs, targets and trials are made up.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from extraction import gold_items, match_trials, score, system_items, system_view  # noqa: E402
from gold_io import Canon, GoldDocument, split_of, timepoint  # noqa: E402

from hcc_kg.model import Assertion, Document, Evidence  # noqa: E402
from hcc_kg.vocab import Entity, Vocabulary  # noqa: E402

DOC = "004_zorbatinib_trial.txt"


@pytest.fixture
def canon() -> Canon:
    return Canon(Vocabulary([
        Entity("zorbatinib", "zorbatinib", ("Drug",), ("ZB-12",)),
        Entity("quellimab", "quellimab", ("Drug",)),
        Entity("sorafenib", "sorafenib", ("Drug",)),
        Entity("placebo", "placebo", ("Placebo",)),
        Entity("kx1", "KX1", ("Protein",), ("kinase X1",)),
        Entity("kx2", "KX2", ("Protein",)),
        Entity("kx_family", "KX", ("ProteinFamily",), (), ("kx1", "kx2")),
        Entity("lgd", "LGD", ("Protein",)),
        Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC",)),
        Entity("nsclc", "non-small cell lung cancer", ("Disease",)),
        Entity("liver_cancer", "liver cancer", ("Disease",)),
        Entity("fda", "FDA", ("RegulatoryAgency",)),
        Entity("first_line", "first-line", ("LineOfTherapy",)),
    ]))


GOLD = GoldDocument.from_dict({
    "document": DOC,
    "drug_targets": [{"drug": "zorbatinib", "target": "KX1"}, {"drug": "zorbatinib", "target": "KX2"}],
    "trials": [{
        "name": "ZEPHYR-7", "nct": None,
        "arms": [{"agent": ["zorbatinib", "quellimab"], "n": 210}, {"agent": ["sorafenib"], "n": 205}],
        "measurements": [
            {"agent": ["zorbatinib", "quellimab"], "endpoint": "os", "value": 19.0, "timepoint": ""},
            {"agent": ["sorafenib"], "endpoint": "os", "value": 14.2, "timepoint": "12-month"}],
        "hazard_ratios": [{"endpoint": "os", "hr": 0.71, "ci_level": 95, "ci_lower": 0.55, "ci_upper": 0.9}],
    }],
    "approvals": [{"agent": ["zorbatinib", "quellimab"], "agency": "fda", "line": "first_line", "disease": "hcc"}],
    "must_not_assert": [{"type": "drug_target", "drug": "zorbatinib", "target": "LGD"},
                        {"type": "approval", "agent": ["quellimab"], "disease": "hcc"}],
})


def ev(polarity: str = "positive", certainty: str = "asserted") -> tuple[Evidence, ...]:
    return (Evidence("d4", 0, 10, "test", polarity, certainty),)


def perfect_facts() -> list[Assertion]:
    combo, trial = "regimen__quellimab__zorbatinib", "trial__zephyr7"
    arm_a, arm_b = f"arm__zephyr7__{combo}", "arm__zephyr7__sorafenib"
    return [
        Assertion("zorbatinib", "inhibits", "kx1", evidence=ev()),
        Assertion("zorbatinib", "inhibits", "kx2", evidence=ev()),
        Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), (("trial_name", "Zephyr 7"),), ev()),
        Assertion(trial, "hasArm", arm_a, evidence=ev()),
        Assertion(trial, "hasArm", arm_b, evidence=ev()),
        Assertion(arm_a, "armIntervention", combo, evidence=ev()),
        Assertion(arm_b, "armIntervention", "sorafenib", evidence=ev()),
        Assertion(arm_a, "armSize", 210, evidence=ev()),
        Assertion(arm_b, "armSize", 205, evidence=ev()),
        Assertion(arm_a, "hasMeasurement", "os", (("timepoint", ""),), (("value", Decimal("19")),), ev()),
        Assertion(arm_b, "hasMeasurement", "os", (("timepoint", "12 months"),), (("value", Decimal("14.2")),), ev()),
        Assertion(trial, "hasEffectEstimate", "os", (("experimental", arm_a), ("comparator", arm_b)),
                  (("hazard_ratio", Decimal("0.71")), ("ci_lower", Decimal("0.55")), ("ci_upper", Decimal("0.90"))),
                  ev()),
        Assertion(combo, "approvedFor", "hcc", (("agency", "fda"), ("line", "first_line")), evidence=ev()),
    ]


def run(facts: list[Assertion], canon: Canon) -> dict:
    return score([GOLD], facts, [Document("d4", DOC, "invented", "0")], canon)


def test_split_follows_the_document_number():
    assert split_of("030_x.txt") == "heldout" and split_of("031_x.txt") == "dev"
    with pytest.raises(ValueError):
        GoldDocument.from_dict({"document": "030_x.txt", "split": "dev"})


def test_timepoints_are_normalised():
    assert timepoint("24 months") == timepoint("24-month") == "24-month"
    assert timepoint("2-year") == timepoint("2 years") == timepoint("24-month")  # a year is 12 months
    assert timepoint("18-month") != timepoint("1-year")


def test_a_perfect_system_scores_one_everywhere(canon):
    result = run(perfect_facts(), canon)
    for kind, tally in result["totals"].items():
        assert (tally.precision, tally.recall) == (1.0, 1.0), kind
    assert result["asserted_negatives"] == []


def test_a_missing_hazard_ratio_lowers_recall_only(canon):
    facts = [a for a in perfect_facts() if a.predicate != "hasEffectEstimate"]
    totals = run(facts, canon)["totals"]
    assert totals["hazard_ratio"].recall == 0.0 and totals["hazard_ratio"].system == 0
    assert totals["measurement"].recall == 1.0


def test_a_wrong_ci_keeps_the_hr_but_loses_hr_with_ci(canon):
    facts = [a for a in perfect_facts() if a.predicate != "hasEffectEstimate"]
    facts.append(Assertion("trial__zephyr7", "hasEffectEstimate", "os", (),
                           (("hazard_ratio", Decimal("0.71")), ("ci_lower", Decimal("0.5")),
                            ("ci_upper", Decimal("0.9"))), ev()))
    totals = run(facts, canon)["totals"]
    assert totals["hazard_ratio"].tp_gold == 1 and totals["hr_with_ci"].tp_gold == 0
    assert totals["hr_with_ci"].precision == 0.0


def test_an_asserted_negative_is_counted_and_named(canon):
    facts = perfect_facts() + [Assertion("zorbatinib", "inhibits", "lgd", evidence=ev()),
                               Assertion("quellimab", "approvedFor", "hcc", (("agency", "fda"), ("line", "first_line")),
                                         evidence=ev())]
    result = run(facts, canon)
    assert len(result["asserted_negatives"]) == 2
    assert "target=LGD" in result["asserted_negatives"][0]
    assert result["totals"]["drug_target"].precision == pytest.approx(2 / 3)


def test_withheld_readings_are_not_facts_of_the_document(canon):
    facts = perfect_facts() + [Assertion("zorbatinib", "inhibits", "lgd", evidence=ev("negative"))]
    assert run(facts, canon)["asserted_negatives"] == []


def test_family_target_is_wrong_strictly_but_right_leniently(canon):
    facts = [a for a in perfect_facts() if a.predicate != "inhibits"]
    facts.append(Assertion("zorbatinib", "inhibits", "kx_family", evidence=ev()))
    totals = run(facts, canon)["totals"]
    assert totals["drug_target"].tp_gold == 0
    assert totals["drug_target_lenient"].recall == 1.0 and totals["drug_target_lenient"].precision == 1.0


def test_unnamed_trial_matches_by_its_arms(canon):
    gold = GoldDocument.from_dict({"document": DOC, "trials": [
        {"name": None, "nct": None, "arms": [{"agent": ["zorbatinib", "quellimab"], "n": 210},
                                             {"agent": ["sorafenib"], "n": 205}]}]})
    facts = perfect_facts()
    view = system_view(facts, {a.object: a.subject for a in facts if a.predicate == "hasArm"})
    agent_of = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    trials = match_trials(gold, view, canon, agent_of)
    assert list(trials.values()) == ["gold0:unnamed"]
    trial_of = {a.object: a.subject for a in facts if a.predicate == "hasArm"}
    assert gold_items(gold, canon)["arm_size"] == system_items(view, canon, trials, trial_of, agent_of)["arm_size"]


def test_a_trial_named_by_two_names_matches_a_system_trial_holding_both(canon):
    def matched(gold_name: str, system_names: tuple[str, ...]) -> list[str]:
        gold = GoldDocument.from_dict({"document": DOC, "trials": [{"name": gold_name, "nct": None, "arms": []}]})
        names = tuple(("trial_name", n) for n in system_names)
        facts = [Assertion("trial__zephyr7", "isClinicalTrial", "ClinicalTrial", (), names, ev())]
        return list(match_trials(gold, system_view(facts, {}), canon, {}).values())

    assert matched("ZEPHYR-7/ORCA-2", ("ZEPHYR-7", "ORCA-2")) == ["gold0:zephyr7orca2"]
    assert matched("ZEPHYR-7/ORCA-2", ("ZEPHYR-7",)) == []  # one of the two names is another trial's, perhaps


def test_a_gold_choice_arm_listing_its_options_is_the_physicians_choice_arm():
    canon = Canon(Vocabulary([
        Entity("zorbatinib", "zorbatinib", ("Drug",)), Entity("quellimab", "quellimab", ("Drug",)),
        Entity("sorafenib", "sorafenib", ("Drug",)),
        Entity("physicians_choice", "treatment of physician's choice", ("Procedure",)),
    ]))
    gold = GoldDocument.from_dict({"document": DOC, "trials": [{
        "name": "ZEPHYR-7", "nct": None,
        "arms": [{"agent": ["zorbatinib"], "n": None}, {"agent": ["quellimab", "sorafenib"], "n": 98, "choice": True}],
        "measurements": [{"agent": ["quellimab", "sorafenib"], "endpoint": "os", "value": 9.1, "timepoint": ""}]}]})
    items = gold_items(gold, canon)
    choice = frozenset({"physicians_choice"})
    assert (("gold0:zephyr7", choice) in items["arm"] and ("gold0:zephyr7", choice, 98) in items["arm_size"]
            and ("gold0:zephyr7", choice, "os", "", Decimal("9.1")) in items["measurement"])


def test_other_disease_approvals_are_not_scored(canon):
    facts = perfect_facts() + [Assertion("quellimab", "approvedFor", "nsclc", (("agency", "fda"),), evidence=ev())]
    result = run(facts, canon)
    assert result["totals"]["approval"].precision == 1.0 and result["other_disease_approvals"] == 1


def test_placebo_beside_a_drug_does_not_change_the_agent_set(canon):
    assert canon.agents(["zorbatinib", "placebo"]) == canon.agents(["zorbatinib"])
    assert canon.agents(["placebo"]) == frozenset({"placebo"})
    assert canon.agents(["regimen__placebo__zorbatinib"], system=True) == frozenset({"zorbatinib"})


def test_names_resolve_by_synonym_or_fall_back_to_labels(canon):
    assert canon.name("kinase X1") == "kx1" and canon.name("ZB 12") == "zorbatinib"
    assert canon.name("Wobbleumab") == "wobbleumab" and "Wobbleumab" in canon.unresolved
    assert canon.agency("Japan") == "mhlw" and canon.agency("fda", system=True) == "fda"


def test_values_of_an_endpoint_the_gold_does_not_curate_are_not_scored(canon):
    arm_a, trial = "arm__zephyr7__regimen__quellimab__zorbatinib", "trial__zephyr7"
    out_of_scope = [Assertion(arm_a, "hasMeasurement", "rfs", (("timepoint", ""),), (("value", Decimal("30")),), ev()),
                    Assertion(trial, "hasEffectEstimate", "rfs", (), (("hazard_ratio", Decimal("0.6")),), ev())]
    totals = run(perfect_facts() + out_of_scope, canon)["totals"]
    assert (totals["measurement"].precision, totals["hazard_ratio"].precision) == (1.0, 1.0)
    in_scope = [Assertion(arm_a, "hasMeasurement", "pfs", (("timepoint", ""),), (("value", Decimal("30")),), ev())]
    assert run(perfect_facts() + in_scope, canon)["totals"]["measurement"].precision < 1.0


def test_scoring_another_folder_leaves_the_committed_results_alone(tmp_path, monkeypatch, capsys):
    import extraction

    (tmp_path / "results").mkdir()
    committed = tmp_path / "results" / "extraction.md"
    committed.write_text("the literature's own scores\n")
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir(), gold.mkdir()
    (texts / "001_invented.txt").write_text("Invented note: sorafenib blocks nothing here.\n")
    (gold / "001.yaml").write_text("document: 001_invented.txt\nsplit: dev\ndrug_targets: []\n")
    monkeypatch.setattr(extraction, "ROOT", tmp_path)
    extraction.main(["--literature", str(texts), "--gold", str(gold)])
    assert "Extraction benchmark" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == ["extraction.md"]
    assert committed.read_text() == "the literature's own scores\n"


def test_an_approval_for_liver_cancer_is_wrong_strictly_but_right_leniently(canon):
    facts = [a for a in perfect_facts() if a.predicate != "approvedFor"]
    facts.append(Assertion("regimen__quellimab__zorbatinib", "approvedFor", "liver_cancer",
                           (("agency", "fda"), ("line", "first_line")), evidence=ev()))
    totals = run(facts, canon)["totals"]
    assert totals["approval"].tp_gold == 0 and totals["approval"].system == 0
    assert totals["approval_lenient"].recall == 1.0 and totals["approval_lenient"].precision == 1.0


def test_a_gold_regimens_name_is_its_drugs_as_the_system_reads_them(canon):
    # FOLFOX4 is a name of the packaged regimen list; the system writes the regimen as its components
    assert canon.agents(["quellimab", "FOLFOX4"]) == canon.agents(["regimen__fluorouracil__leucovorin__oxaliplatin__quellimab"],
                                                               system=True)

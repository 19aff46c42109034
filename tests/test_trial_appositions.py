"""Trials named each in brackets after the drug it tested (invented drugs, trials and numbers)."""

from __future__ import annotations

from decimal import Decimal

from test_abstracts import facts


def read(text: str) -> tuple[dict[str, set[str]], dict[str, tuple[Decimal, str, str]]]:
    """(trial -> arm agents, trial -> (hazard ratio, experimental, comparator))."""
    arms: dict[str, set[str]] = {}
    ratios = {}
    for a in facts("A made-up review\n\n" + text):
        if a.predicate == "hasArm":
            arms.setdefault(a.subject.removeprefix("trial__"), set()).add(a.object.split("__", 2)[-1])
        elif a.predicate == "hasEffectEstimate":
            pair = tuple(a.context_value(k).split("__", 2)[-1] for k in ("experimental", "comparator"))
            ratios[a.subject.removeprefix("trial__")] = (a.attribute_values("hazard_ratio")[0], *pair)
    return arms, ratios


def test_each_trial_named_after_its_drug_tested_that_drug_against_the_shared_comparator():
    arms, ratios = read("After first-line therapy, zorbanib (TOPAZ-2 trial) and quorimab (the phase 3 GARNET study) "
                        "improved OS compared with placebo, with hazard ratios of 0.81 and 0.69, respectively.")
    assert arms == {"topaz2": {"zorbanib", "placebo"}, "garnet": {"quorimab", "placebo"}}
    assert ratios == {"topaz2": (Decimal("0.81"), "zorbanib", "placebo"),
                      "garnet": (Decimal("0.69"), "quorimab", "placebo")}


def test_three_trials_and_a_remark_before_the_name_in_the_bracket():
    arms, ratios = read("Felotinib (OPAL trial), zorbanib (for patients with high AFP; TOPAZ-2 trial) and quorimab "
                        "(GARNET trial) each extended OS versus placebo.")
    assert arms == {"opal": {"felotinib", "placebo"}, "topaz2": {"zorbanib", "placebo"},
                    "garnet": {"quorimab", "placebo"}}
    assert ratios == {}


def test_one_trial_named_after_its_drug_is_read_as_any_other_sentence():
    arms, _ = read("Zorbanib (the phase 3 TOPAZ-2 trial) was noninferior to felotinib.")
    assert arms == {"topaz2": {"zorbanib", "felotinib"}}

"""benchmarks/mutation.py: edits of one printed number or name, on an invented abstract, and how
an edit's outcome is judged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import mutation  # noqa: E402

ABSTRACT = ("Invented phase 3 result\n\n"
            "Lenvatinib is an oral inhibitor of FGFR4. In the phase 3 ZEPHYR-9 trial, 410 patients were "
            "randomly assigned to lenvatinib (n = 205) or placebo (n = 205). Median overall survival was "
            "14.2 months with lenvatinib and 10.3 months with placebo (hazard ratio 0.72; 95% CI 0.58-0.89).\n")
NOTICE = ("Invented notice\n\nIn May 2031, cabozantinib was approved in Japan as a first-line treatment for patients "
          "with unresectable hepatocellular carcinoma.\n")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutation")
    (folder / "001_invented.txt").write_text(ABSTRACT, encoding="utf-8")
    (folder / "002_invented.txt").write_text(NOTICE, encoding="utf-8")
    return mutation.run(folder, dev_only=True, limit=None, show=5)


def test_every_number_and_name_edit_changes_exactly_its_facts(outcome):
    tally = outcome["tally"]
    assert tally["number"].get("exact", 0) >= 5, outcome  # two medians, two arm sizes, the HR and its bounds
    assert set(tally["number"]) == {"exact"}, outcome["examples"]
    assert tally["target"] == {"exact": 1}, outcome["examples"]
    assert tally["agency"] == {"exact": 1} and tally["line"] == {"exact": 1}, outcome["examples"]
    assert tally["negation"] == {"withdrawn": 1}, outcome["examples"]  # "is not an oral inhibitor of FGFR4"


def test_a_document_numbered_by_three_is_left_out_with_dev_only(tmp_path):
    (tmp_path / "003_invented.txt").write_text(ABSTRACT, encoding="utf-8")
    assert all(not counts for counts in mutation.run(tmp_path, True, None, 0)["tally"].values())


FACT = ("arm__x__a", "hasMeasurement", "os", (("timepoint", ""),), (("value_text", "14.2"),))


def _with(value: str) -> tuple:
    return FACT[:4] + ((("value_text", value),),)


@pytest.mark.parametrize("before, after, verdict", [
    ({FACT}, {_with("14.5")}, "exact"),
    ({FACT}, set(), "lost"),
    ({FACT}, {FACT}, "unchanged"),
    ({FACT}, {_with("14.5"), ("arm__x__a", "armSize", "99", (), ())}, "leaky"),
    ({FACT}, {FACT[:3] + ((("reading", "a"),),) + FACT[4:], _with("14.5")}, "restated"),  # both values read now
])
def test_judge(before, after, verdict):
    edit = mutation.Edit("number", "d", "14.2", "14.5", 0)
    assert mutation.judge(edit, before, after) == verdict


TARGET = ("lenvatinib", "inhibits", "fgfr4", (), ())


@pytest.mark.parametrize("after, verdict", [
    (set(), "withdrawn"),
    ({TARGET}, "restated"),
    ({FACT}, "leaky"),  # something else appeared
])
def test_judge_negation(after, verdict):
    assert mutation.judge_negation({TARGET}, {TARGET}, after) == verdict


def test_a_replacement_name_keeps_the_capital_of_the_name_it_replaces():
    from hcc_kg.extract.mentions import MentionFinder
    from hcc_kg.pipeline import Settings, load_settings_vocabulary

    vocabulary = load_settings_vocabulary(Settings(corpus=Path(".")))
    facts = mutation._facts_with_evidence("d1", ABSTRACT, vocabulary, MentionFinder(vocabulary))
    edits = mutation.name_edits("d1", ABSTRACT, facts, vocabulary, "drug")
    assert [(e.old, e.new) for e in edits] == [("Lenvatinib", "Nintedanib")]  # it starts a sentence

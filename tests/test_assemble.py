"""Tests for hcc_kg.assemble.merge: merge by key, pool evidence, report conflicting values."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hcc_kg.assemble.merge import SINGLE_VALUED, assemble
from hcc_kg.model import Assertion, Evidence

CONTEXT = (("agency", "fda"), ("line", "first_line"))


def approval(subject="foonib", attributes=(), doc="d1", start=0, context=CONTEXT):
    return Assertion(subject, "approvedFor", "hcc", context, tuple(attributes), (Evidence(doc, start, start + 5, "t"),))


def test_same_fact_from_two_documents_merges_with_both_evidence():
    merged, conflicts = assemble([approval(doc="d1"), approval(doc="d2")])
    assert len(merged) == 1
    assert {e.doc_id for e in merged[0].evidence} == {"d1", "d2"}
    assert conflicts == []


def test_different_context_stays_separate():
    second = approval(context=(("agency", "fda"), ("line", "second_line")))
    merged, _ = assemble([approval(), second])
    assert len(merged) == 2


def test_same_single_value_twice_is_not_a_conflict():
    a = approval(attributes=[("therapy_mode", "monotherapy")], doc="d1")
    b = approval(attributes=[("therapy_mode", "monotherapy")], doc="d2")
    merged, conflicts = assemble([a, b])
    assert conflicts == []
    assert merged[0].attribute_values("therapy_mode") == ["monotherapy"]


def test_conflicting_single_valued_attribute_keeps_both_values_with_their_sources():
    a = approval(attributes=[("biomarker_threshold", Decimal("400"))], doc="d1", start=10)
    b = approval(attributes=[("biomarker_threshold", Decimal("200"))], doc="d2", start=20)
    c = approval(attributes=[("biomarker_threshold", Decimal("400"))], doc="d3", start=30)
    merged, conflicts = assemble([a, b, c])
    assert len(merged) == 1
    assert sorted(merged[0].attribute_values("biomarker_threshold")) == [Decimal("200"), Decimal("400")]
    [conflict] = conflicts
    assert conflict.attribute == "biomarker_threshold"
    assert conflict.assertion_key == a.key()
    assert (conflict.subject, conflict.predicate, conflict.object) == ("foonib", "approvedFor", "hcc")
    sources = {value: {e.doc_id for e in ev} for value, ev in conflict.values}
    assert sources == {Decimal("200"): {"d2"}, Decimal("400"): {"d1", "d3"}}
    data = conflict.to_json()
    assert data["attribute"] == "biomarker_threshold"
    assert {v["value"] for v in data["values"]} == {"200", "400"}


def test_multi_valued_attribute_with_two_values_is_not_a_conflict():
    assert "prior_therapy" not in SINGLE_VALUED
    a = approval(attributes=[("prior_therapy", "sorafenib")], doc="d1")
    b = approval(attributes=[("prior_therapy", "lenvatinib")], doc="d2")
    merged, conflicts = assemble([a, b])
    assert conflicts == []
    assert sorted(merged[0].attribute_values("prior_therapy")) == ["lenvatinib", "sorafenib"]


def test_every_single_valued_attribute_is_checked():
    for name in sorted(SINGLE_VALUED):
        _, conflicts = assemble([approval(attributes=[(name, "a")]), approval(attributes=[(name, "b")], doc="d2")])
        assert [c.attribute for c in conflicts] == [name]


def test_empty_input():
    assert assemble([]) == ([], [])


# --- properties ---------------------------------------------------------------------------

facts = st.builds(
    lambda subject, obj, mode, doc, start: Assertion(
        subject, "approvedFor", obj, CONTEXT,
        (("therapy_mode", mode),) if mode else (), (Evidence(doc, start, start + 3, "t"),)),
    st.sampled_from(["a", "b"]), st.sampled_from(["hcc", "crc"]),
    st.sampled_from([None, "monotherapy", "combination therapy"]),
    st.sampled_from(["d1", "d2", "d3"]), st.integers(0, 50),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(facts, max_size=12), st.randoms(use_true_random=False))
def test_assemble_is_order_independent_and_loses_no_evidence(items, rnd):
    merged, conflicts = assemble(items)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    merged2, conflicts2 = assemble(shuffled)
    assert [a.key() for a in merged] == [a.key() for a in merged2]
    assert [a.evidence for a in merged] == [a.evidence for a in merged2]
    assert [c.to_json() for c in conflicts] == [c.to_json() for c in conflicts2]
    # One merged assertion per distinct key, holding all evidence read for that key.
    assert len({a.key() for a in merged}) == len(merged) == len({a.key() for a in items})
    for m in merged:
        expected = {e for a in items if a.key() == m.key() for e in a.evidence}
        assert set(m.evidence) == expected
        modes = {v for a in items if a.key() == m.key() for v in a.attribute_values("therapy_mode")}
        flagged = [c for c in conflicts if c.assertion_key == m.key()]
        assert bool(flagged) == (len(modes) > 1)


def _trial(trial: str, doc: str, values: dict[str, str], timepoint: str = "12-month") -> list[Assertion]:
    """A two-arm trial whose arms give ``values`` (agent -> printed OS rate) in document ``doc``."""
    ev = (Evidence(doc, 0, 10, "t"),)
    out = []
    for agent, value in values.items():
        arm = f"arm__{trial}__{agent}"
        out += [Assertion(trial, "hasArm", arm, evidence=ev), Assertion(arm, "armIntervention", agent, evidence=ev),
                Assertion(arm, "hasMeasurement", "os", (("timepoint", timepoint),),
                          (("value", Decimal(value)), ("unit", "%")), ev)]
    return out


def test_same_comparison_in_two_documents_with_different_values_is_a_conflict():
    named = _trial("trial__zeta1", "d1", {"foonib": "60.5", "zorafenib": "50.5"})
    described = _trial("trial__mdfoonibvszorafenib", "d2", {"foonib": "60.5", "zorafenib": "55.0"})
    _, conflicts = assemble(named + described)
    assert [(c.kind, c.subject, sorted(str(v) for v, _ in c.values)) for c in conflicts] == \
        [("same-comparison", "zorafenib", ["50.5", "55.0"])]
    assert {ev.doc_id for _, evs in conflicts[0].values for ev in evs} == {"d1", "d2"}


def test_two_named_trials_of_the_same_agents_are_different_trials_not_a_conflict():
    _, conflicts = assemble(_trial("trial__zeta1", "d1", {"foonib": "60.5", "zorafenib": "50.5"})
                            + _trial("trial__zeta2", "d2", {"foonib": "61.0", "zorafenib": "52.0"}))
    assert conflicts == []


def test_same_comparison_at_another_timepoint_is_not_a_conflict():
    _, conflicts = assemble(_trial("trial__zeta1", "d1", {"foonib": "60.5", "zorafenib": "50.5"})
                            + _trial("trial__mdfoonibvszorafenib", "d2", {"foonib": "40.0", "zorafenib": "30.0"},
                                     timepoint="24-month"))
    assert conflicts == []


def test_a_withheld_readings_attributes_stay_off_the_fact():
    """A date read in a hedged sentence ("application accepted in May") must not land on the
    approval another sentence asserts."""
    from hcc_kg.assemble.merge import split_readings, withhold

    context = (("agency", "fda"), ("line", "first_line"))
    asserted = Assertion("x", "approvedFor", "hcc", context, (("approval_date", "June 2030"),),
                         (Evidence("d1", 0, 9, "t"),))
    hedged = Assertion("x", "approvedFor", "hcc", context, (("approval_date", "May 2030"),),
                       (Evidence("d2", 0, 9, "t", certainty="hedged"),))
    assertive, others = split_readings([asserted, hedged])
    facts, _ = assemble(assertive)
    withheld, conflicts = withhold(facts, others)
    assert [a.attribute_values("approval_date") for a in facts] == [["June 2030"]]
    assert withheld == [] and [c.kind for c in conflicts] == ["polarity"]


def test_an_assertions_key_is_worked_out_once_and_never_goes_stale():
    from dataclasses import replace

    from hcc_kg.model import Assertion
    first = Assertion("x", "inhibits", "y")
    assert first.key() == first.key() == Assertion("x", "inhibits", "y").key()
    assert replace(first, object="z").key() == Assertion("x", "inhibits", "z").key() != first.key()
    assert first == Assertion("x", "inhibits", "y")  # the remembered key is no part of equality


def test_assembly_runs_with_the_collector_paused(monkeypatch):
    import gc

    from hcc_kg.assemble import merge
    from hcc_kg.model import Assertion
    seen = []
    original = merge._assemble
    monkeypatch.setattr(merge, "_assemble", lambda a: (seen.append(gc.isenabled()), original(a))[1])
    merged, _ = merge.assemble([Assertion("x", "inhibits", "y"), Assertion("x", "inhibits", "y")])
    assert len(merged) == 1 and seen == [False] and gc.isenabled()


def test_conflicts_come_in_one_order_whatever_order_the_facts_come_in():
    """Assembly merges the groups in the order they were read and sorts once at the end, so the
    conflicts (a fact's own, and a comparison's) must not depend on the order of their input."""
    from hcc_kg.assemble.merge import comparison_conflicts

    def both_timepoints(trial: str, doc: str, at_12: dict, at_24: dict) -> list[Assertion]:
        return _trial(trial, doc, at_12) + _trial(trial, doc, at_24, timepoint="24-month")

    readings = (both_timepoints("trial__zeta1", "d1", {"foonib": "60.5", "zorafenib": "50.5"},
                                {"foonib": "70.5", "zorafenib": "40.5"})
                + both_timepoints("trial__mdfoonibvszorafenib", "d2", {"foonib": "60.5", "zorafenib": "55.0"},
                                  {"foonib": "70.5", "zorafenib": "45.0"})
                + [Assertion("x", "hasMeasurement", "os", (), (("value", Decimal(v)),), (Evidence(d, 0, 5, "t"),))
                   for v, d in (("1.5", "d1"), ("2.5", "d2"))])
    merged, conflicts = assemble(readings)
    as_json = [c.to_json() for c in conflicts]
    assert sorted(c["kind"] for c in as_json) == ["same-comparison", "same-comparison", "same-fact"]
    for order in (readings[::-1], readings[1::2] + readings[::2]):
        again, again_conflicts = assemble(order)
        assert again == merged and [c.to_json() for c in again_conflicts] == as_json
    assert [c.to_json() for c in comparison_conflicts(merged[::-1])] == [c.to_json() for c in comparison_conflicts(merged)]

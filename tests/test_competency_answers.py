"""The competency questions test_competency.py does not check, each against a derivation of
its own from the build's assertions, the vocabulary and the corpus text (never from the graph).

Each question is asked with the defaults its file's header states.  A graph that loses or
invents an answer fails here, even where the stores agree with each other.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from hcc_kg.query.backends import BackendSettings, Runner, open_backend
from hcc_kg.vocab import RESOURCE_NS

from competency_facts import LIBRARY, Facts, default, iri, stated
from readback import names_any

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def answers(built):
    turtle = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    runner = Runner(open_backend("oxigraph", BackendSettings(graph=turtle)))
    return {"oxigraph": {q.name: runner.run(q) for q in LIBRARY.all()}}


@pytest.fixture(scope="module")
def facts(built):
    return Facts(built)


def test_agents_acting_on_the_default_target(answers, facts):
    hits = facts.with_members(facts.key_named(default("agents_acting_on_target", "target")))
    expected = {(iri(d), facts.vocabulary[t].label) for d, t in facts.acts if t in hits}
    rows = answers["oxigraph"]["agents_acting_on_target"].rows
    assert {(r["drug"], r["hit_label"]) for r in rows} == expected and expected
    regimens = facts.objects("hasComponent")
    for drug in {d for d, _ in expected}:
        containing = {r for r, parts in regimens.items() if drug[len(RESOURCE_NS):] in parts}
        assert len({r["regimen_label"] for r in rows if r["drug"] == drug} - {None}) == len(containing), drug


def test_approvals_that_require_the_default_prior_therapy(answers, facts):
    prior = facts.key_named(default("approvals_after_prior_therapy", "prior"))
    expected = set()
    for a in facts.by_predicate["approvedFor"]:
        if prior in a.attribute_values("prior_therapy"):
            line = a.context_value("line")
            expected.add((iri(a.subject), facts.vocabulary[line].label if line else None))
            assert any(names_any(facts.texts[e.doc_id][e.start:e.end], facts.vocabulary[prior].names())
                       for e in a.evidence), a  # the approval's own text names the prior therapy
    rows = answers["oxigraph"]["approvals_after_prior_therapy"].rows
    assert {(r["agent"], r["line_label"]) for r in rows} == expected and expected


def test_approvals_with_their_supporting_trials(answers, facts):
    texts = facts.texts
    expected = set()
    for a in facts.by_predicate["approvedFor"]:
        for trial in a.attribute_values("supporting_trial"):
            expected.add((iri(a.subject), iri(str(trial))))
            names = [n for t in facts.by_predicate["isClinicalTrial"] if t.subject == trial
                     for n in t.attribute_values("trial_name") + t.attribute_values("nct_id")]
            # the approval's sentence, or the next one, names the trial (as the text spells it)
            assert any(str(n) in texts[e.doc_id][e.start:e.end + 400] for e in a.evidence for n in names), (a, names)
    rows = answers["oxigraph"]["approvals_with_supporting_trials"].rows
    assert {(r["agent"], r["trial"]) for r in rows} == expected and expected


def test_approved_antibodies(answers, facts):
    antibody = ("MonoclonalAntibody", "BispecificAntibody")
    expected = {(iri(part), iri(agent)) for agent in facts.approved() for part in facts.with_components(agent)
                if facts.has_type(part, *antibody)}
    rows = answers["oxigraph"]["approved_antibodies"].rows
    assert {(r["antibody"], r["approved_agent"]) for r in rows} == expected and expected


def _outcomes_of_arms(facts, arms) -> set[tuple[str, object]]:
    """(arm, value) for every measurement of the arms, (arm, None) for an arm without one."""
    measured = defaultdict(list)
    for m in facts.by_predicate["hasMeasurement"]:
        measured[m.subject].append(m)
    found = set()
    for arm in arms:
        for m in measured.get(arm, []):
            assert stated(facts, m, "value_text"), m  # the value stands in each span it was read from
        found |= {(arm, m.attribute_values("value")[0]) for m in measured.get(arm, [])} or {(arm, None)}
    return found


def test_arm_outcomes_of_the_default_trial(answers, facts):
    trial = facts.trial_named(default("arm_outcomes_of_trial", "trial"))
    expected = {(iri(arm), value) for arm, value in _outcomes_of_arms(facts, facts.objects("hasArm")[trial])}
    rows = answers["oxigraph"]["arm_outcomes_of_trial"].rows
    assert {(r["arm"], r["value"]) for r in rows} == expected and expected


def test_arms_with_a_median_above_the_default(answers, facts):
    endpoint = facts.key_named(default("arms_with_median_above", "endpoint"))
    floor = Decimal(default("arms_with_median_above", "min_months"))
    expected = {(iri(m.subject), m.attribute_values("value")[0]) for m in facts.by_predicate["hasMeasurement"]
                if m.object == endpoint and m.attribute_values("unit") == ["months"]
                and m.attribute_values("value")[0] > floor and stated(facts, m, "value_text")}
    rows = answers["oxigraph"]["arms_with_median_above"].rows
    assert {(r["arm"], r["months"]) for r in rows} == expected and expected


def test_identifiers_of_the_default_drug(answers, facts, corpus_dir):
    from hcc_kg.pipeline import Settings, load_settings_vocabulary

    vocabulary = load_settings_vocabulary(Settings(corpus=corpus_dir))  # the hand vocabulary and the lexicon
    key = facts.key_named(default("drug_identifiers", "drug"))
    entity = vocabulary[key]
    expected = ({("identifier", x) for x in entity.xrefs}
                | {("exact match", x) for x in vocabulary.xref_iris(key)}
                | {("synonym", x) for x in entity.synonyms if x != entity.label})
    rows = answers["oxigraph"]["drug_identifiers"].rows
    assert {(r["kind"], str(r["value"])) for r in rows} == expected and expected


def test_evidence_spans_per_document_and_rule(answers, facts):
    spans = defaultdict(set)
    for a in facts.assertions:
        for e in a.evidence:
            spans[(e.doc_id, e.extractor)].add((e.start, e.end))
    rows = answers["oxigraph"]["evidence_per_document"].rows
    assert {(r["document"], r["extractor"], r["spans"]) for r in rows} == \
        {(doc, rule, len(found)) for (doc, rule), found in spans.items()}
    assert all(r["facts"] >= 1 for r in rows)  # every span supports a fact


def test_hazard_ratios_of_the_default_agent(answers, facts):
    agent = facts.key_named(default("hazard_ratios_of_agent", "agent"))
    given = facts.objects("armIntervention")
    expected = set()
    for e in facts.by_predicate["hasEffectEstimate"]:
        if agent in given.get(str(e.context_value("experimental")), ()):
            assert stated(facts, e, "hazard_ratio_text"), e
            low, high = e.attribute_values("ci_lower") or [None], e.attribute_values("ci_upper") or [None]
            expected.add((iri(e.subject), e.attribute_values("hazard_ratio")[0], low[0], high[0]))
    rows = answers["oxigraph"]["hazard_ratios_of_agent"].rows
    assert {(r["trial"], r["hazard_ratio"], r["ci_lower"], r["ci_upper"]) for r in rows} == expected and expected


def test_measurements_per_endpoint(answers, facts):
    trial_of = {arm: trial for trial, arm in facts.pairs("hasArm")}
    counts = defaultdict(lambda: (set(), set(), set(), set()))
    for m in facts.by_predicate["hasMeasurement"]:
        if m.subject in trial_of:
            measurements, arms, trials, _ = counts[m.object]
            measurements.add(m.key()), arms.add(m.subject), trials.add(trial_of[m.subject])
    for e in facts.by_predicate["hasEffectEstimate"]:
        counts[e.object][3].add(e.key())
    expected = {(iri(ep), *(len(c) for c in found)) for ep, found in counts.items()}
    rows = answers["oxigraph"]["measurements_per_endpoint"].rows
    assert {(r["endpoint"], r["measurements"], r["arms"], r["trials"], r["hazard_ratios"]) for r in rows} == expected


def test_multikinase_inhibitors(answers, facts):
    kinases = defaultdict(set)
    for drug, target in facts.acts:
        if facts.has_type(drug, "SmallMolecule") and facts.has_type(target, "Kinase"):
            kinases[drug].add(target)
    expected = {(iri(d), len(ks)) for d, ks in kinases.items() if len(ks) >= 2}
    rows = answers["oxigraph"]["multikinase_inhibitors"].rows
    assert {(r["drug"], r["kinases"]) for r in rows} == expected and expected


def _participants(facts, pathway: str) -> set[str]:
    return {p for p, o in facts.pairs("participatesIn") if o == pathway}


def test_chain_from_the_default_pathway(answers, facts):
    pathway = facts.key_named(default("pathway_chain", "pathway"))
    targets = {t for p in _participants(facts, pathway) for t in facts.with_members(p)}
    expected = set()
    for drug, target in facts.acts:
        if target in targets:
            trials = facts.arms_giving(drug)
            expected |= {(iri(target), iri(drug), iri(t)) for t in trials} or {(iri(target), iri(drug), None)}
    rows = answers["oxigraph"]["pathway_chain"].rows
    assert {(r["target"], r["drug"], r["trial"]) for r in rows if r["drug"]} == expected and expected


def test_participants_of_the_default_pathway(answers, facts):
    pathway = facts.key_named(default("pathway_participants", "pathway"))
    in_graph = facts.nodes()
    expected = {(iri(t), facts.vocabulary[p].label) for p in _participants(facts, pathway)
                for t in facts.with_members(p) if t in in_graph}
    rows = answers["oxigraph"]["pathway_participants"].rows
    assert {(r["target"], r["via_label"]) for r in rows} == expected and expected


def test_registered_trials_of_the_default_agent(answers, facts):
    agent = facts.key_named(default("registered_trials_of_agent", "agent"))
    giving = facts.arms_giving(agent)
    expected = set()
    for a in facts.by_predicate["isClinicalTrial"]:
        if a.subject in giving and a.attribute_values("nct_id"):
            assert stated(facts, a, "nct_id"), a
            expected |= {(iri(a.subject), nct) for nct in a.attribute_values("nct_id")}
    rows = answers["oxigraph"]["registered_trials_of_agent"].rows
    assert {(r["trial"], r["nct"]) for r in rows} == expected and expected


def test_trials_of_the_default_drug_with_outcomes(answers, facts):
    drug = facts.key_named(default("trials_of_drug_with_outcomes", "drug"))
    arms = facts.objects("hasArm")
    expected = {(iri(trial), value) for trial in facts.arms_giving(drug)
                for _, value in _outcomes_of_arms(facts, arms[trial])}
    rows = answers["oxigraph"]["trials_of_drug_with_outcomes"].rows
    assert {(r["trial"], r["value"]) for r in rows} == expected and expected


def test_trials_and_arms_per_agent(answers, facts):
    trial_of = {arm: trial for trial, arm in facts.pairs("hasArm")}
    given = facts.objects("armIntervention")
    found = defaultdict(lambda: (set(), set()))
    for arm, trial in trial_of.items():
        for agent in {part for i in given.get(arm, ()) for part in facts.with_components(i)}:
            if not facts.has_type(agent, "Placebo"):
                found[agent][0].add(trial), found[agent][1].add(arm)
    expected = {(iri(agent), len(trials), len(arms)) for agent, (trials, arms) in found.items()}
    rows = answers["oxigraph"]["trials_per_agent"].rows
    assert {(r["agent"], r["trials"], r["arms"]) for r in rows} == expected and expected

"""Every competency question on the shipped corpus: the stores agree, and the answers are right.

Expected answers are derived here from the build's own assertions (what the extractors read,
before OWL, RDF and SPARQL), the vocabulary file, and the corpus text at the evidence spans;
never from the graph through the same SPARQL, never typed in.  The questions not checked
here are checked in test_competency_answers.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest

from hcc_kg.query.backends import BackendSettings, OxigraphBackend, RdflibBackend, Runner, open_backend
from hcc_kg.query.remote import RemoteBackend, load_turtle
from hcc_kg.vocab import ONTOLOGY_NS, RESOURCE_NS

from competency_facts import ACTS_ON, LIBRARY, Facts, iri
from readback import missing, names_any
from servers import REMOTE_STORES

pytestmark = pytest.mark.slow
NAMES = LIBRARY.names()
PARAMETRIZED = [n for n in NAMES if LIBRARY.get(n).params]


# --- the build, its stores, and every answer ------------------------------------------------

@pytest.fixture(scope="module")
def turtle(built):
    return next(p for p in built.outputs if p.name == "hcc_kg.ttl")


@pytest.fixture(scope="module")
def runners(turtle):
    return {name: Runner(open_backend(name, BackendSettings(graph=turtle))) for name in ("oxigraph", "rdflib")}


@pytest.fixture(scope="module")
def answers(runners):
    return {store: {q.name: runner.run(q) for q in LIBRARY.all()} for store, runner in runners.items()}


def ask(runners, name: str, **params):
    return runners["oxigraph"].run(LIBRARY.get(name), params)


@pytest.mark.parametrize("name", NAMES)
def test_every_question_has_the_same_nonempty_answer_on_rdflib_and_pyoxigraph(answers, name):
    oxigraph, rdflib = answers["oxigraph"][name], answers["rdflib"][name]
    assert oxigraph.rows, f"{name} answers nothing with its default parameters"
    assert oxigraph.variables == rdflib.variables
    assert oxigraph.answer_set() == rdflib.answer_set()


@pytest.mark.parametrize("name", PARAMETRIZED)
def test_values_blocks_bind_like_native_bindings(runners, answers, name):
    """The remote path (a VALUES block) asks the same as initBindings and substitutions."""
    query = LIBRARY.get(name)
    bindings = runners["oxigraph"].bindings(query)
    for store, backend in (("oxigraph", OxigraphBackend(runners["oxigraph"].backend.store, binding="values")),
                           ("rdflib", RdflibBackend(runners["rdflib"].backend.graph, binding="values"))):
        assert backend.select(query.text, bindings).answer_set() == answers[store][name].answer_set(), store


# --- the same answers from real triple stores -----------------------------------------------

@pytest.fixture(scope="module", params=sorted(REMOTE_STORES))
def remote(request, turtle):
    """A store loaded with the build; a graph of its own where the store works with named graphs."""
    store = request.getfixturevalue(REMOTE_STORES[request.param])
    graph = f"{store.graph_iri}/competency" if store.graph_iri else None
    load_turtle(store.graph_store_url, turtle, graph, store.auth)
    return store, graph, Runner(RemoteBackend(store.sparql_url, graph, store.auth))


@pytest.mark.parametrize("name", NAMES)
def test_every_question_has_the_same_answer_on_the_servers(remote, answers, name):
    _, _, runner = remote
    assert runner.run(LIBRARY.get(name)).answer_set() == answers["oxigraph"][name].answer_set()


def test_loading_the_export_twice_leaves_the_triple_count(remote, turtle, runners):
    store, graph, runner = remote
    once = runner.count_triples()
    load_turtle(store.graph_store_url, turtle, graph, store.auth)
    assert runner.count_triples() == once == runners["oxigraph"].count_triples()


# --- answers checked against the sources ----------------------------------------------------

@pytest.fixture(scope="module")
def facts(built):
    return Facts(built)


@pytest.fixture(scope="module")
def texts(built):
    """Each document's text as read, by the id evidence records use."""
    return {d.doc_id: d.text for d in built.documents}


@pytest.mark.parametrize("family_a, family_b", [("VEGFR", "FGFR"), ("PD-1", "CTLA-4"), ("VEGFR", "PDGFR")])
def test_approved_agents_hitting_two_families(runners, facts, family_a, family_b):
    acts = facts.acts
    groups = [facts.with_members(facts.key_named(f)) for f in (family_a, family_b)]
    expected = {iri(agent) for agent in facts.approved()
                if all(any((d, t) in acts for d in facts.with_components(agent) for t in group) for group in groups)}
    found = set(ask(runners, "approved_agents_hitting_two_families", family_a=family_a, family_b=family_b).column("agent"))
    assert found == expected
    if (family_a, family_b) == ("VEGFR", "FGFR"):
        assert expected


@pytest.mark.parametrize("threshold", ["0.8", "0.7", "1"])
def test_hazard_ratios_below_a_threshold(runners, facts, threshold):
    endpoint = facts.key_named(LIBRARY.get("hazard_ratios_below").defaults()["endpoint"])  # the header's default
    expected = {(iri(a.subject), a.attribute_values("hazard_ratio")[0]) for a in facts.by_predicate["hasEffectEstimate"]
                if a.object == endpoint and a.attribute_values("hazard_ratio")
                and a.attribute_values("hazard_ratio")[0] < Decimal(threshold)}
    rows = ask(runners, "hazard_ratios_below", threshold=threshold).rows
    assert {(r["trial"], r["hazard_ratio"]) for r in rows} == expected
    assert expected


def test_hazard_ratios_whose_interval_crosses_one(answers, facts):
    expected = set()
    for a in facts.by_predicate["hasEffectEstimate"]:
        low, high = a.attribute_values("ci_lower"), a.attribute_values("ci_upper")
        if low and high and low[0] <= 1 <= high[0]:
            expected.add((iri(a.subject), a.attribute_values("hazard_ratio")[0]))
    rows = answers["oxigraph"]["hazard_ratios_not_significant"].rows
    assert {(r["trial"], r["hazard_ratio"]) for r in rows} == expected


def _span(texts, row) -> str:
    """The document text at an answer row's evidence span."""
    return texts[row["document"]][row["start"]:row["end"]]


def test_evidence_of_every_drug_target_fact_is_its_spans_and_names_them(runners, facts, texts):
    checked = 0
    for predicate in ACTS_ON:
        for a in facts.by_predicate[predicate]:
            rows = ask(runners, "evidence_for_fact", subject=f"hccr:{a.subject}", predicate=f"hcc:{predicate}",
                       object=f"hccr:{a.object}").rows
            assert {(r["document"], r["start"], r["end"]) for r in rows} == {(e.doc_id, e.start, e.end) for e in a.evidence}
            drug, target = (facts.names(k) for k in (a.subject, a.object))
            for r in rows:  # the drug, the target and the relation's cue, all in the span
                assert not missing(_span(texts, r), drug, target, predicate), r
                checked += 1
    assert checked > 20


def test_evidence_for_the_default_fact_reads_back(answers, facts, texts):
    rows = answers["oxigraph"]["evidence_for_fact"].rows
    fact = LIBRARY.get("evidence_for_fact").defaults()  # the fact the header names
    drug, target = (facts.vocabulary[facts.key_named(fact[end])].names() for end in ("subject", "object"))
    predicate = fact["predicate"].split(":")[-1]
    assert rows
    for r in rows:  # the drug, the target and the relation's cue, all in the span
        assert not missing(_span(texts, r), drug, target, predicate), r


@pytest.mark.parametrize("trial", ["REFLECT", "SHARP", "RESORCE"])
def test_hazard_ratio_evidence_states_the_printed_value(runners, texts, trial):
    rows = ask(runners, "evidence_for_hazard_ratios", trial=trial).rows
    assert rows
    for r in rows:
        assert r["value_text"] in _span(texts, r)


def test_chain_rows_point_at_spans_that_state_the_hazard_ratio(answers, texts):
    rows = answers["oxigraph"]["chain_to_hazard_ratio_evidence"].rows
    for r in rows:
        assert str(r["hazard_ratio"]) in _span(texts, r), r


def test_conflicting_values_are_the_builds_conflicts(answers, built):
    expected = {(iri(c.subject), frozenset(Decimal(str(v)) for v, _ in c.values)) for c in built.conflicts
                if c.predicate == "hasMeasurement" and c.attribute == "value" and getattr(c, "kind", "same-fact") == "same-fact"}
    found = defaultdict(set)
    for r in answers["oxigraph"]["conflicting_measurements"].rows:
        found[r["arm"]] |= {r["value_a"], r["value_b"]}
    assert {(arm, frozenset(values)) for arm, values in found.items()} == expected


@pytest.mark.parametrize("comparator, line", [("sorafenib", "first-line"), ("placebo", "second-line")])
def test_agents_tested_against_a_comparator(runners, facts, comparator, line):
    control, line_key = facts.key_named(comparator), facts.key_named(line)
    arms, given = facts.objects("hasArm"), facts.objects("armIntervention")
    expected = set()
    for trial in {t for t, o in facts.pairs("forLineOfTherapy") if o == line_key}:
        agents = {agent for arm in arms.get(trial, ()) for agent in given.get(arm, ())}
        if control in agents:
            expected |= {(iri(a), iri(trial)) for a in agents if a != control and not facts.has_type(a, "Placebo")}
    rows = ask(runners, "tested_against_comparator", comparator=comparator, line=line).rows
    assert {(r["agent"], r["trial"]) for r in rows} == expected
    assert expected


def test_largest_trials(answers, facts):
    sizes = defaultdict(int)
    arms = facts.objects("hasArm")
    for arm, size in facts.pairs("armSize"):
        trial = next(t for t, members in arms.items() if arm in members)
        sizes[trial] += size
    for a in facts.by_predicate["isClinicalTrial"]:
        if a.attribute_values("enrolment"):
            sizes[a.subject] = a.attribute_values("enrolment")[0]
    expected = {(iri(t), n) for t, n in sizes.items() if n >= 500}
    assert {(r["trial"], r["patients"]) for r in answers["oxigraph"]["largest_trials"].rows} == expected


def test_first_line_approvals(answers, facts):
    expected = {iri(a.subject) for a in facts.by_predicate["approvedFor"] if a.context_value("line") == "first_line"}
    assert set(answers["oxigraph"]["approvals_for_line"].column("agent")) == expected


def test_biomarker_restricted_approvals(answers, facts):
    expected = {(iri(a.subject), iri(a.attribute_values("biomarker")[0]), a.attribute_values("biomarker_threshold")[0])
                for a in facts.by_predicate["approvedFor"] if a.attribute_values("biomarker")}
    rows = answers["oxigraph"]["biomarker_restricted_approvals"].rows
    assert {(r["agent"], r["biomarker"], r["threshold"]) for r in rows} == expected


def test_checkpoints_of_approved_inhibitors(answers, facts):
    approved = facts.approved()
    expected = {(iri(drug), iri(target)) for drug, target in facts.blocks
                if facts.has_type(target, "ImmuneCheckpoint")
                and any(drug in facts.with_components(agent) for agent in approved)}
    rows = answers["oxigraph"]["checkpoints_of_approved_inhibitors"].rows
    assert {(r["inhibitor"], r["checkpoint"]) for r in rows} == expected


@pytest.mark.parametrize("inhibitor", ["nivolumab", "pembrolizumab", "atezolizumab"])
def test_ongoing_trials_combining_a_tki_with_a_checkpoint_inhibitor(runners, facts, inhibitor):
    status = {a.subject: a.attribute_values("status")[0] for a in facts.by_predicate["isClinicalTrial"]
              if a.attribute_values("status")}
    arms, given, components = facts.objects("hasArm"), facts.objects("armIntervention"), facts.objects("hasComponent")
    checkpoint = any(facts.has_type(t, "ImmuneCheckpoint") for d, t in facts.acts if d == inhibitor)
    expected = set()
    for trial, state in status.items():
        if state.lower() in ("completed", "terminated", "withdrawn") or not checkpoint:
            continue
        for regimen in {g for arm in arms.get(trial, ()) for g in given.get(arm, ())}:
            parts = components.get(regimen, set())
            if inhibitor in parts:
                expected |= {(iri(trial), facts.vocabulary[t].label) for t in parts
                             if facts.has_type(t, "TyrosineKinaseInhibitor")}
    rows = ask(runners, "ongoing_tki_checkpoint_combinations", checkpoint_inhibitor=inhibitor).rows
    assert {(r["trial"], r["tki_label"]) for r in rows} == expected
    # and the same answer read straight from the registry-table rows of the text
    from_text = {(row["nct"], tki.label) for row in ongoing_rows(facts.texts) if checkpoint
                 and row["status"].lower() not in ("completed", "terminated", "withdrawn")
                 and names_any(row["agents"], facts.vocabulary[inhibitor].names())
                 for tki in facts.vocabulary if tki.has_type("TyrosineKinaseInhibitor")
                 and names_any(row["agents"], tki.names())}
    assert {(r["nct"], r["tki_label"]) for r in rows} == from_text


# A registry-table row: agents, phase, enrolment, condition (may wrap), status, NCT number.
ONGOING_ROW = re.compile(r"^(?P<agents>[^\n]+?)\s+(?:I{1,3}|I/II|II/III)\s+\d+\s[\s\S]{0,400}?"
                         r"\b(?P<status>Recruiting|Active, not recruiting|Not yet recruiting|Enrolling by invitation|"
                         r"Suspended|Completed|Terminated|Withdrawn)\s+(?P<nct>NCT\d{8})\b", re.MULTILINE)


def ongoing_rows(texts: dict[str, str]) -> list[re.Match]:
    return [m for text in texts.values() for m in ONGOING_ROW.finditer(text)]


def test_the_text_reading_of_registry_rows_finds_the_graphs_ongoing_combinations(answers, facts):
    """The regular expression above is not vacuous: it reads every trial the default question names."""
    rows = answers["oxigraph"]["ongoing_tki_checkpoint_combinations"].rows
    assert rows and {r["nct"] for r in rows} <= {m["nct"] for m in ongoing_rows(facts.texts)}


def test_targets_shared_by_two_drugs(answers, facts):
    acts = facts.acts
    expected = {iri(t) for d, t in acts if d == "sorafenib" and ("lenvatinib", t) in acts}
    assert set(answers["oxigraph"]["shared_targets"].column("target")) == expected
    assert expected


@pytest.mark.parametrize("drug", ["sorafenib", "regorafenib", "lenvatinib"])
def test_pathways_a_drug_reaches_through_its_targets(runners, facts, drug):
    pathways_of = facts.objects("participatesIn")
    expected = set()
    for d, target in facts.acts:
        if d == drug:
            for participant in (target, *facts.vocabulary.families_of(target)):
                expected |= {(iri(p), iri(target)) for p in pathways_of.get(participant, ())}
    rows = ask(runners, "pathways_of_drug", drug=drug).rows
    assert {(r["pathway"], r["target"]) for r in rows} == expected


def test_regimen_components(answers, facts):
    expected = {(iri(r), iri(c)) for r, c in facts.pairs("hasComponent")}
    rows = answers["oxigraph"]["regimens_and_components"].rows
    assert {(r["regimen"], r["component"]) for r in rows} == expected
    approved = facts.approved()
    assert {r["regimen"] for r in rows if r["regimen_status"] == "approved"} == {iri(r) for r, _ in facts.pairs("hasComponent") if r in approved}


def test_trials_by_phase_and_their_nct_numbers(runners, facts):
    for phase in ("III", "II"):
        expected = {(iri(a.subject), a.attribute_values("nct_id")[0]) for a in facts.by_predicate["isClinicalTrial"]
                    if a.attribute_values("phase") == [phase]}
        rows = ask(runners, "trials_by_phase", phase=phase).rows
        assert {(r["trial"], r["nct"]) for r in rows} == expected and expected


def test_inferred_members_are_never_stated_types(answers, facts):
    rows = answers["oxigraph"]["inferred_class_members"].rows
    stated = {k for k in facts.vocabulary.entities if facts.has_type(k, "AntiAngiogenicAgent")}
    assert rows and not stated & {r["member"][len(RESOURCE_NS):] for r in rows}
    assert all(r["class"] == ONTOLOGY_NS + "AntiAngiogenicAgent" for r in rows)

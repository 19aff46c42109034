"""The build's assertions, indexed for the competency tests' independent derivations.

Expected answers come from what the extractors read (before OWL, RDF and SPARQL), the
vocabulary file, and the corpus text at the evidence spans, never from the graph.
"""

from __future__ import annotations

from collections import defaultdict

from hcc_kg.query.library import QueryLibrary
from hcc_kg.vocab import RESOURCE_NS, load_vocabulary, name_key

from conftest import REPO
from readback import entity_names, recognised_names, stated_acts

LIBRARY = QueryLibrary.load(REPO / "ontology" / "queries")
ACTS_ON = ("inhibits", "isAntibodyAgainst", "activates")


def iri(key: str) -> str:
    return RESOURCE_NS + key


class Facts:
    """The build's assertions, indexed for the independent derivations of expected answers.

    Drug-target facts count only where a plain re-reading of their evidence span agrees
    (:func:`readback.stated_acts`): both ends and the relation's cue stand in the text.
    """

    def __init__(self, built):
        self.by_predicate = defaultdict(list)
        for a in built.assertions:
            self.by_predicate[a.predicate].append(a)
        self.vocabulary = load_vocabulary()
        self.texts = {d.doc_id: d.text for d in built.documents}
        named = self.recognised = recognised_names(built.recognised)  # drugs its documents named, no vocabulary holds
        self.acts = stated_acts(built.assertions, self.texts, self.vocabulary, recognised=named)
        # what the defined class ImmuneCheckpointInhibitor reads (an agonist's activation is not)
        self.blocks = stated_acts(built.assertions, self.texts, self.vocabulary, ("inhibits", "isAntibodyAgainst"),
                                  recognised=named)
        self.assertions = built.assertions

    def names(self, key: str) -> list[str]:
        """A key's names: the vocabulary's, else those the documents gave it."""
        return entity_names(self.vocabulary, self.recognised, key)

    def pairs(self, *predicates) -> set[tuple[str, object]]:
        return {(a.subject, a.object) for p in predicates for a in self.by_predicate[p]}

    def objects(self, predicate: str) -> dict[str, set]:
        out = defaultdict(set)
        for s, o in self.pairs(predicate):
            out[s].add(o)
        return out

    def key_named(self, name: str) -> str:
        keys = [e.key for e in self.vocabulary if name_key(name) in {name_key(n) for n in e.names()}]
        assert len(keys) == 1, (name, keys)
        return keys[0]

    def with_members(self, key: str) -> set[str]:
        return {key, *self.vocabulary.members_of(key)}

    def has_type(self, key: str, *kinds: str) -> bool:
        return key in self.vocabulary and self.vocabulary[key].has_type(*kinds)

    def approved(self) -> set[str]:
        return {a.subject for a in self.by_predicate["approvedFor"]}

    def with_components(self, agent: str) -> set[str]:
        return {agent} | self.objects("hasComponent").get(agent, set())

    def trial_named(self, name: str) -> str:
        """The trial whose stated name or NCT number is ``name``."""
        def names(a) -> set[str]:
            return {name_key(str(v)) for v in a.attribute_values("trial_name") + a.attribute_values("nct_id")}

        keys = {a.subject for a in self.by_predicate["isClinicalTrial"] if name_key(name) in names(a)}
        assert len(keys) == 1, (name, keys)
        return keys.pop()

    def arms_giving(self, agent: str) -> dict[str, set[str]]:
        """Trial → its arms whose intervention is ``agent`` or a regimen containing it."""
        given, found = self.objects("armIntervention"), defaultdict(set)
        for trial, arm in self.pairs("hasArm"):
            if any(agent in self.with_components(i) for i in given.get(arm, ())):
                found[trial].add(arm)
        return found

    def nodes(self) -> set[str]:
        """Every vocabulary entity the graph holds: named by a fact, or a family of one."""
        named = {str(x) for a in self.assertions
                 for x in (a.subject, a.object, *(v for _, v in a.context), *(v for _, v in a.attributes))
                 if isinstance(x, str) and x in self.vocabulary}
        return named | {f for k in named for f in self.vocabulary.families_of(k)}


def default(name: str, param: str) -> str:
    """A question's default parameter, from its file's header."""
    return LIBRARY.get(name).defaults()[param]


def stated(facts, a, text_attribute: str) -> bool:
    """Does every evidence span of ``a`` print the value it carries (whitespace folded)?"""
    printed = [str(v) for v in a.attribute_values(text_attribute)]
    spans = [" ".join(facts.texts[e.doc_id][e.start:e.end].split()) for e in a.evidence]
    return bool(printed) and all(any(v in span for v in printed) for span in spans)


"""Assertions → OWL individuals and property values, each fact annotated with its evidence.

Every triple created for an assertion gets an ``hcc:hasEvidence`` annotation (an
owl:Axiom reification) pointing at Evidence individuals (document, start, end, rule).
Family membership comes from the vocabulary and is marked as such.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable

import owlready2

from ..errors import VocabularyError
from ..ids import OBO_IN_OWL
from ..keys import derived_key, is_regimen_key, regimen_components
from ..model import Assertion, Document, Evidence
from ..report import Report
from ..vocab import Vocabulary, slug
from .load import resource_namespace

SKOS = "http://www.w3.org/2004/02/skos/core#"
BINARY = ("inhibits", "isAntibodyAgainst", "modulatesPathway", "participatesIn", "hasComponent", "mentionedIn",
          "forLineOfTherapy", "testsIntervention", "hasArm", "armIntervention", "studiesCondition")
#: Predicates whose object is a literal value, stored as the data property of the same name.
LITERAL = ("armSize",)
#: Node-key prefixes of individuals that are not vocabulary entities, and their classes.
MINTED = {"trial__": "ClinicalTrial", "arm__": "TrialArm"}
VOCABULARY_SOURCE = "vocabulary"


@dataclass
class Populated:
    """The populated World and what the later stages need to know about it."""

    world: owlready2.World
    onto: owlready2.Ontology
    individuals: dict[str, owlready2.Thing] = field(default_factory=dict)


class Populator:
    def __init__(self, world: owlready2.World, onto: owlready2.Ontology, vocabulary: Vocabulary,
                 documents: Iterable[Document], report: Report):
        self.result = Populated(world, onto)
        self.onto = onto
        self.ns = resource_namespace(onto)
        self.vocabulary = vocabulary
        self.documents = {d.doc_id: d for d in documents}
        self.report = report
        self._owner: dict[str, owlready2.Thing] = {}  # measurement -> its arm, hazard ratio -> its trial
        self._written: set[tuple] = set()  # (s, p, o, d) of every fact written by _fact
        self._annotations: dict[tuple, dict[str, list]] = {}  # fact -> annotation property -> values
        with onto:
            skos = onto.get_namespace(SKOS)
            self.exact_match = type("exactMatch", (owlready2.AnnotationProperty,), {"namespace": skos})
            self.alt_label = type("altLabel", (owlready2.AnnotationProperty,), {"namespace": skos})
            # OBO tools read synonyms from oboInOwl, SKOS tools from skos:altLabel: both are written
            self.exact_synonym = type("hasExactSynonym", (owlready2.AnnotationProperty,),
                                      {"namespace": onto.get_namespace(OBO_IN_OWL)})

    # -- nodes ---------------------------------------------------------------------------------
    def cls(self, name: str):
        found = self.onto[name]
        if found is None:
            raise VocabularyError(f"ontology has no class or property {name!r}")
        return found

    def node(self, key: str) -> owlready2.Thing:
        if key in self.result.individuals:
            return self.result.individuals[key]
        if key in self.vocabulary:
            entity = self.vocabulary[key]
            ind = self._new(key, [self.cls(t) for t in entity.types], entity.label)
            ind.identifier = list(entity.xrefs)
            self._link_iris(ind, self.exact_match, self.vocabulary.xref_iris(key))
            self.alt_label[ind] = self.exact_synonym[ind] = [s for s in entity.synonyms if s != entity.label]
            for family in self.vocabulary.direct_families(key):
                self._vocabulary_fact(ind, "isMemberOf", self.node(family))
        elif is_regimen_key(key):
            parts = regimen_components(key)
            label = " + ".join(self.vocabulary[p].label if p in self.vocabulary else p for p in parts)
            ind = self._new(key, [self.cls("Regimen")], label)
        elif key.startswith("doc__"):
            ind = self._document(key)
        elif key.startswith(tuple(MINTED)):
            prefix = next(p for p in MINTED if key.startswith(p))
            ind = self._new(key, [self.cls(MINTED[prefix])], key[len(prefix):].replace("__", " "))
        else:
            raise VocabularyError(f"no vocabulary entity {key!r}")
        return ind

    def _link_iris(self, ind: owlready2.Thing, prop, iris: list[str]) -> None:
        """``ind prop <iri>`` for each IRI: an IRI object, not a string (owlready2 would write a literal)."""
        world = self.result.world
        for iri in iris:
            self.onto._add_obj_triple_spo(ind.storid, prop.storid, world._abbreviate(iri))

    def _new(self, key: str, classes: list, label: str) -> owlready2.Thing:
        ind = classes[0](key, namespace=self.ns)
        for extra in classes[1:]:
            if extra not in ind.is_a:
                ind.is_a.append(extra)
        ind.label = [label]
        self.result.individuals[key] = ind
        return ind

    def _document(self, key: str) -> owlready2.Thing:
        doc = self.documents[key[len("doc__"):]]
        ind = self._new(key, [self.cls("SourceDocument")], doc.name)
        ind.documentId = doc.doc_id  # functional properties take a single value
        ind.sha256 = doc.sha256
        return ind

    def evidence(self, ev: Evidence) -> owlready2.Thing:
        digest = hashlib.sha1(f"{ev.doc_id}|{ev.start}|{ev.end}|{ev.extractor}".encode()).hexdigest()[:16]
        key = f"evidence__{digest}"
        if key not in self.result.individuals:
            ind = self._new(key, [self.cls("Evidence")], f"{ev.doc_id}:{ev.start}-{ev.end}")
            ind.fromDocument = [self.node(f"doc__{ev.doc_id}")]
            ind.startOffset, ind.endOffset, ind.extractor = ev.start, ev.end, ev.extractor
        return self.result.individuals[key]

    # -- facts ---------------------------------------------------------------------------------
    def _fact(self, subject, prop_name: str, value, evidence: Iterable[Evidence]) -> tuple:
        """Write one fact straight into the quadstore; its annotations wait for :meth:`flush`.

        owlready2's list API reloads a value list and looks up the fact's axiom node with two
        SPARQL queries on every write; writing the triple directly and remembering what was
        written keeps each fact to one insert.  A cached value list is dropped, so a later
        read sees the store.  Returns the fact's key ``(s, p, o, datatype)``.
        """
        prop = self.cls(prop_name)
        o, d = self.onto._to_rdf(value)
        fact = (subject.storid, prop.storid, o, d)
        inverse = prop.inverse_property if d is None else None
        seen_as_inverse = inverse is not None and (o, inverse.storid, subject.storid, None) in self._written
        if fact not in self._written and not seen_as_inverse:
            self._written.add(fact)
            if d is None:
                self.onto._add_obj_triple_spo(subject.storid, prop.storid, o)
            else:
                self.onto._add_data_triple_spod(subject.storid, prop.storid, o, d)
            subject.__dict__.pop(prop.python_name, None)
            if inverse is not None and hasattr(value, "__dict__"):
                value.__dict__.pop(inverse.python_name, None)
        evidence_individuals = [self.evidence(e) for e in evidence]
        if evidence_individuals:  # the latest evidence list for a fact replaces an earlier one
            self._annotations.setdefault(fact, {})["hasEvidence"] = [e.storid for e in evidence_individuals]
        return fact

    def _vocabulary_fact(self, subject, prop_name: str, value) -> None:
        fact = self._fact(subject, prop_name, value, ())
        self._annotations.setdefault(fact, {})["assertionStatus"] = [self.onto._to_rdf(VOCABULARY_SOURCE)]

    def flush(self) -> None:
        """Write every fact's annotations as one ``owl:Axiom`` node, as owlready2 would."""
        world, onto = self.result.world, self.onto
        for (s, p, o, d), by_property in self._annotations.items():
            axiom = world.new_blank_node()
            onto._add_obj_triple_spo(axiom, owlready2.rdf_type, owlready2.owl_axiom)
            onto._add_obj_triple_spo(axiom, owlready2.owl_annotatedsource, s)
            onto._add_obj_triple_spo(axiom, owlready2.owl_annotatedproperty, p)
            if d is None:
                onto._add_obj_triple_spo(axiom, owlready2.owl_annotatedtarget, o)
            else:
                onto._add_data_triple_spod(axiom, owlready2.owl_annotatedtarget, o, d)
            for name, values in by_property.items():
                prop = self.cls(name).storid
                for value in values:
                    if isinstance(value, tuple):
                        onto._add_data_triple_spod(axiom, prop, *value)
                    else:
                        onto._add_obj_triple_spo(axiom, prop, value)
        self._annotations.clear()

    def add(self, assertion: Assertion) -> None:
        subject = self.node(assertion.subject)
        if assertion.predicate in BINARY:
            obj_key = assertion.object if assertion.predicate != "mentionedIn" else f"doc__{assertion.object}"
            self._fact(subject, assertion.predicate, self.node(str(obj_key)), assertion.evidence)
        elif assertion.predicate in LITERAL:
            self._fact(subject, assertion.predicate, assertion.object, assertion.evidence)
        elif assertion.predicate == "approvedFor":
            self._approval(subject, assertion)
        elif assertion.predicate == "isClinicalTrial":
            self._trial(subject, assertion)
        elif assertion.predicate == "hasMeasurement":
            self._measurement(subject, assertion)
        elif assertion.predicate == "hasEffectEstimate":
            self._effect_estimate(subject, assertion)
        else:
            self.report.add("warning", "unknown-predicate", f"{assertion.predicate!r} is not modelled; skipped")

    def _approval(self, agent, a: Assertion) -> None:
        ev = a.evidence
        line = a.context_value("line")  # absent when the text states no line for the approval
        approval = self._new(derived_key("approval", a.key()), [self.cls("RegulatoryApproval")],
                             f"{agent.label[0]} approval ({a.context_value('agency')}, {line or 'line not stated'})")
        self._fact(approval, "approvalOf", agent, ev)
        self._fact(approval, "approvedFor", self.node(str(a.object)), ev)
        self._fact(approval, "grantedBy", self.node(str(a.context_value("agency"))), ev)
        if line:
            self._fact(approval, "forLineOfTherapy", self.node(str(line)), ev)
        self._values(approval, a, (("approval_type", "approvalType"), ("approval_date", "approvalDate"),
                                   ("approval_year_month", "approvalYearMonth"), ("year", "year")))
        for mode in a.attribute_values("therapy_mode"):
            self._fact(approval, "therapyMode", str(mode), ev)
        for prior in a.attribute_values("prior_therapy"):
            self._fact(approval, "requiresPriorTherapy", self.node(str(prior)), ev)
        if False in a.attribute_values("prior_systemic_therapy"):
            self._fact(approval, "treatmentNaive", True, ev)
        for biomarker in a.attribute_values("biomarker"):
            self._criterion(approval, a, str(biomarker))

    def _trial(self, trial, a: Assertion) -> None:
        names = [str(v) for v in a.attribute_values("trial_name") + a.attribute_values("nct_id")]
        if names:
            trial.label = [sorted(names)[0]]
        for prop, attribute in (("trialName", "trial_name"), ("nctId", "nct_id"), ("year", "year"),
                                ("phase", "phase"), ("status", "status"), ("enrolment", "enrolment"),
                                ("primaryEndpointMet", "primary_endpoint_met")):
            for value in a.attribute_values(attribute):
                self._fact(trial, prop, value, a.evidence)

    def _values(self, node, a: Assertion, mapping: tuple[tuple[str, str], ...]) -> None:
        for attribute, prop in mapping:
            for value in a.attribute_values(attribute):
                self._fact(node, prop, value, a.evidence)

    def _measurement(self, arm, a: Assertion) -> None:
        endpoint = self.node(str(a.object))
        timepoint = str(a.context_value("timepoint") or "")
        node = self._new(derived_key("measurement", a.key()), [self.cls("OutcomeMeasurement")], "")
        self._owner[node.name] = arm
        self._fact(arm, "hasMeasurement", node, a.evidence)
        self._fact(node, "measuresEndpoint", endpoint, a.evidence)
        if timepoint:
            self._fact(node, "timepoint", timepoint, a.evidence)
        setting = a.context_value("setting_line")  # a value for one treatment-line subgroup of the arm
        if setting:
            self._fact(node, "forLineOfTherapy", self.node(str(setting)), a.evidence)
        self._values(node, a, (("value", "value"), ("value_text", "valueText"), ("unit", "unit")))

    def _effect_estimate(self, trial, a: Assertion) -> None:
        endpoint = self.node(str(a.object))
        node = self._new(derived_key("hazard_ratio", a.key()), [self.cls("HazardRatio")], "")
        self._owner[node.name] = trial
        self._fact(trial, "hasEffectEstimate", node, a.evidence)
        self._fact(node, "measuresEndpoint", endpoint, a.evidence)
        self._fact(node, "experimentalArm", self.node(str(a.context_value("experimental"))), a.evidence)
        self._fact(node, "comparatorArm", self.node(str(a.context_value("comparator"))), a.evidence)
        self._values(node, a, (("hazard_ratio", "value"), ("hazard_ratio_text", "valueText"),
                               ("ci_lower", "ciLower"), ("ci_upper", "ciUpper"), ("ci_level", "ciLevel"),
                               ("p_value", "pValue"), ("p_value_comparator", "pValueComparator")))

    def label_trial_parts(self) -> None:
        """Name arms, measurements and hazard ratios once every trial has its name.

        Assertions arrive in key order, so an arm can be created before its trial is named.
        """
        def label(ind) -> str:
            return ind.label[0] if ind.label else ind.name

        for ind in list(self.result.individuals.values()):
            if self.cls("TrialArm") in ind.is_a and ind.armOf:
                agents = " + ".join(sorted(label(a) for a in ind.armIntervention))
                ind.label = [f"{label(ind.armOf[0])}: {agents} arm"]
        for ind in list(self.result.individuals.values()):
            if self.cls("OutcomeMeasurement") in ind.is_a:
                when = "".join(f" at {t}" for t in ind.timepoint)
                lines = "".join(f", {label(x)}" for x in ind.forLineOfTherapy)
                ind.label = [f"{label(ind.measuresEndpoint[0])}{when}{lines} ({label(self._owner[ind.name])})"]
            elif self.cls("HazardRatio") in ind.is_a:
                ind.label = [f"{label(ind.measuresEndpoint[0])} hazard ratio ({label(self._owner[ind.name])})"]

    def _criterion(self, approval, a: Assertion, biomarker: str) -> None:
        ev = a.evidence
        key = derived_key("criterion", f"{a.key()}_{slug(biomarker)}")
        criterion = self._new(key, [self.cls("BiomarkerCriterion")], f"{self.vocabulary[biomarker].label} criterion")
        self._fact(approval, "hasBiomarkerCriterion", criterion, ev)
        self._fact(criterion, "criterionBiomarker", self.node(biomarker), ev)
        for attribute, prop in (("biomarker_comparator", "comparator"), ("biomarker_threshold", "thresholdValue"),
                                ("biomarker_unit", "unit")):
            for value in a.attribute_values(attribute):
                self._fact(criterion, prop, value, ev)


def populate(world: owlready2.World, onto: owlready2.Ontology, assertions: Iterable[Assertion],
             vocabulary: Vocabulary, documents: Iterable[Document], report: Report) -> Populated:
    """Create every individual and fact inside ``onto`` (within ``world``)."""
    populator = Populator(world, onto, vocabulary, documents, report)
    with onto:
        for assertion in assertions:
            populator.add(assertion)
        populator.flush()
        populator.label_trial_parts()
        unique_labels(populator.result.individuals.values(), onto, (populator.alt_label, populator.exact_synonym))
    return populator.result


def _label_key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _class_name(ind) -> str:
    """The label of the individual's nearest named class whose label is not its own ("drug class term")."""
    own = _label_key(ind.label[0]) if ind.label else ""
    todo = list(ind.is_a)
    while todo:
        cls = todo.pop(0)
        text = str(cls.label[0]) if getattr(cls, "label", None) else ""
        if text and _label_key(text) != own:
            return text[0].lower() + text[1:] if text[1:2].islower() else text
        todo.extend(c for c in getattr(cls, "is_a", ()) if isinstance(c, owlready2.ThingClass))
    return ""


def unique_labels(individuals: Iterable, onto: owlready2.Ontology, synonym_properties: tuple) -> None:
    """Give every individual a label no class and no other individual has (an OBO convention).

    A clash is resolved by qualifying with the class ("monoclonal antibody (drug class
    term)"), then, among individuals of one class, by the value they carry, then by their
    key; a step is used only where it tells the clashing entities apart.  The former label
    stays a synonym, so lookups by the name the text used still find the individual.
    """
    individuals = list(individuals)
    class_keys = {_label_key(c.label[0]) for c in onto.classes() if c.label}
    steps = (_class_name, lambda ind: " ".join(map(str, [*ind.valueText, *ind.unit])), lambda ind: ind.name)
    for step in steps:
        groups: dict[str, list] = {}
        for ind in individuals:
            if ind.label:
                groups.setdefault(_label_key(ind.label[0]), []).append(ind)
        for key, group in groups.items():
            qualifiers = [step(ind) for ind in group]
            if key in class_keys or (len(group) > 1 and len(set(qualifiers)) > 1):
                for ind, qualifier in zip(group, qualifiers):
                    if qualifier:
                        _relabel(ind, f"{ind.label[0]} ({qualifier})", synonym_properties)


def _relabel(ind, label: str, synonym_properties: tuple) -> None:
    old = str(ind.label[0])
    ind.label = [label]
    for prop in synonym_properties:
        if old not in prop[ind]:
            prop[ind] = [*prop[ind], old]

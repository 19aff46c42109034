"""Assertions → individuals and facts (an :class:`~hcc_kg.owl.abox.ABox`), each fact annotated
with its evidence.

Every fact made from an assertion gets an ``hcc:hasEvidence`` annotation (an owl:Axiom
reification) pointing at Evidence individuals (document, start, end, rule).  Family
membership comes from the vocabulary and is marked as such.  Nothing is written through
owlready2: the ontology (a World holding the TBox only) is read for names, inverses and
class labels, and the ABox becomes triples in bulk (:meth:`ABox.triples`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

import owlready2

from ..errors import VocabularyError
from ..keys import derived_key, is_regimen_key, regimen_components
from ..model import Assertion, Document, Evidence
from ..report import Report
from ..gc_control import gc_paused
from ..vocab import Vocabulary, slug
from . import labels
from .abox import ABox, Individual, Schema
from .tbox import tbox_triples
from .terms import Terms

BINARY = ("inhibits", "isAntibodyAgainst", "activates", "modulatesPathway", "participatesIn", "hasComponent", "mentionedIn",
          "forLineOfTherapy", "testsIntervention", "hasArm", "armIntervention", "studiesCondition")
#: Predicates whose object is a literal value, stored as the data property of the same name.
LITERAL = ("armSize", "armCohort")
#: Node-key prefixes of individuals that are not vocabulary entities, and their classes.
MINTED = {"trial__": "ClinicalTrial", "arm__": "TrialArm"}
VOCABULARY_SOURCE = "vocabulary"


@dataclass(frozen=True)
class Populated:
    """The ABox and the TBox World it was checked against (the reasoner's input)."""

    world: owlready2.World
    onto: owlready2.Ontology
    abox: ABox
    tbox: list  # the TBox's triples (N-Triples terms), as owlready2 holds them

    @property
    def individuals(self) -> dict[str, Individual]:
        return self.abox.individuals


class Populator:
    """Turns assertions, one at a time, into the ABox's individuals and annotated facts."""

    def __init__(self, abox: ABox, vocabulary: Vocabulary, documents: Iterable[Document], report: Report):
        self.abox, self.schema, self.terms = abox, abox.schema, abox.terms
        self.vocabulary = vocabulary
        self.documents = {d.doc_id: d for d in documents}
        self.report = report
        self.index = labels.Index(self.schema)  # what labelling reads: arm of, endpoint, timepoint ...
        self._owner: dict[str, str] = {}  # measurement -> its arm, hazard ratio -> its trial
        self._evidence: dict[tuple, Individual] = {}

    # -- nodes ---------------------------------------------------------------------------------
    def node(self, key: str) -> Individual:
        found = self.abox.individuals.get(key)
        if found is not None:
            return found
        if key in self.vocabulary:
            entity = self.vocabulary[key]
            ind = self._new(key, list(entity.types), entity.label)
            identifier, iri = self.schema.term("identifier"), self.terms.iri
            ind.data += [(identifier, self.terms.literal(x)) for x in entity.xrefs]
            ind.data += [(self.terms.intern("<http://www.w3.org/2004/02/skos/core#exactMatch>"), iri(x))
                         for x in self.vocabulary.xref_iris(key)]
            ind.synonyms = [s for s in entity.synonyms if s != entity.label]
            for family in self.vocabulary.direct_families(key):
                self._vocabulary_fact(ind, "isMemberOf", self.node(family))
        elif is_regimen_key(key):
            parts = regimen_components(key)
            label = " + ".join(self.vocabulary[p].label if p in self.vocabulary else p for p in parts)
            ind = self._new(key, ["Regimen"], label)
        elif key.startswith("doc__"):
            ind = self._document(key)
        elif key.startswith(tuple(MINTED)):
            prefix = next(p for p in MINTED if key.startswith(p))
            ind = self._new(key, [MINTED[prefix]], key[len(prefix):].replace("__", " "))
        else:
            raise VocabularyError(f"no vocabulary entity {key!r}")
        return ind

    def _new(self, key: str, classes: list[str], label: str) -> Individual:
        return self.abox.new(key, classes, label)

    def _document(self, key: str) -> Individual:
        doc = self.documents[key[len("doc__"):]]
        ind = self._new(key, ["SourceDocument"], doc.name)
        ind.data += [(self.schema.term("documentId"), self.terms.literal(doc.doc_id)),
                     (self.schema.term("sha256"), self.terms.literal(doc.sha256))]
        return ind

    def evidence(self, ev: Evidence) -> Individual:
        span = (ev.doc_id, ev.start, ev.end, ev.extractor)  # one record per span and rule, however many facts
        found = self._evidence.get(span)
        if found is None:
            digest = hashlib.sha1(f"{ev.doc_id}|{ev.start}|{ev.end}|{ev.extractor}".encode()).hexdigest()[:16]
            key = f"evidence__{digest}"
            found = self._new(key, ["Evidence"], f"{ev.doc_id}:{ev.start}-{ev.end}")
            term, literal = self.schema.term, self.terms.literal
            found.data += [(term("fromDocument"), self.node(f"doc__{ev.doc_id}").iri),
                           (term("startOffset"), literal(ev.start)), (term("endOffset"), literal(ev.end)),
                           (term("extractor"), literal(ev.extractor))]
            self._evidence[span] = found
        return found

    # -- facts ---------------------------------------------------------------------------------
    def _fact(self, subject: Individual, prop_name: str, value, evidence: Iterable[Evidence]) -> tuple:
        """Record one fact; the latest non-empty evidence list for a fact replaces an earlier one."""
        p = self.schema.term(prop_name)
        o = value.iri if isinstance(value, Individual) else self.terms.raw_literal(value)
        fact = self.abox.fact(subject.iri, p, o)
        self.index.add(subject, prop_name, value)
        evidence_individuals = [self.evidence(e).iri for e in evidence]
        if evidence_individuals:
            self.abox.annotate(fact, self.schema.term("hasEvidence"), evidence_individuals)
        return fact

    def _vocabulary_fact(self, subject: Individual, prop_name: str, value: Individual) -> None:
        fact = self._fact(subject, prop_name, value, ())
        self.abox.annotate(fact, self.schema.term("assertionStatus"), [self.terms.literal(VOCABULARY_SOURCE)])

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

    def _approval(self, agent: Individual, a: Assertion) -> None:
        ev = a.evidence
        line = a.context_value("line")  # absent when the text states no line for the approval
        agency = a.context_value("agency")  # absent when the text names no agency ("approved in 2018")
        approval = self._new(derived_key("approval", a.key()), ["RegulatoryApproval"],
                             f"{agent.label} approval ({agency or 'agency not stated'}, {line or 'line not stated'})")
        self._fact(approval, "approvalOf", agent, ev)
        self._fact(approval, "approvedFor", self.node(str(a.object)), ev)
        if agency:
            self._fact(approval, "grantedBy", self.node(str(agency)), ev)
        if line:
            self._fact(approval, "forLineOfTherapy", self.node(str(line)), ev)
        self._values(approval, a, (("approval_type", "approvalType"), ("approval_date", "approvalDate"),
                                   ("approval_year_month", "approvalYearMonth"), ("year", "year")))
        for mode in a.attribute_values("therapy_mode"):
            self._fact(approval, "therapyMode", str(mode), ev)
        for prior in a.attribute_values("prior_therapy"):
            self._fact(approval, "requiresPriorTherapy", self.node(str(prior)), ev)
        for trial in a.attribute_values("supporting_trial"):  # "approved on the basis of the NAME trial"
            self._fact(approval, "supportedByTrial", self.node(str(trial)), ev)
        if False in a.attribute_values("prior_systemic_therapy"):
            self._fact(approval, "treatmentNaive", True, ev)
        for biomarker in a.attribute_values("biomarker"):
            self._criterion(approval, a, str(biomarker))

    def _trial(self, trial: Individual, a: Assertion) -> None:
        names = [str(v) for v in a.attribute_values("trial_name") + a.attribute_values("nct_id")]
        if names:
            trial.label = sorted(names)[0]
        for prop, attribute in (("trialName", "trial_name"), ("nctId", "nct_id"), ("year", "year"),
                                ("phase", "phase"), ("status", "status"), ("enrolment", "enrolment"),
                                ("primaryEndpointMet", "primary_endpoint_met")):
            for value in a.attribute_values(attribute):
                self._fact(trial, prop, value, a.evidence)

    def _values(self, node: Individual, a: Assertion, mapping: tuple[tuple[str, str], ...]) -> None:
        for attribute, prop in mapping:
            for value in a.attribute_values(attribute):
                self._fact(node, prop, value, a.evidence)

    def _measurement(self, arm: Individual, a: Assertion) -> None:
        endpoint = self.node(str(a.object))
        timepoint = str(a.context_value("timepoint") or "")
        node = self._new(derived_key("measurement", a.key()), ["OutcomeMeasurement"], "")
        self._owner[node.key] = arm.key
        self._fact(arm, "hasMeasurement", node, a.evidence)
        self._fact(node, "measuresEndpoint", endpoint, a.evidence)
        if timepoint:
            self._fact(node, "timepoint", timepoint, a.evidence)
        setting = a.context_value("setting_line")  # a value for one treatment-line subgroup of the arm
        if setting:
            self._fact(node, "forLineOfTherapy", self.node(str(setting)), a.evidence)
        self._values(node, a, (("value", "value"), ("value_text", "valueText"), ("unit", "unit")))
        self._population(node, a)

    def _effect_estimate(self, trial: Individual, a: Assertion) -> None:
        endpoint = self.node(str(a.object))
        node = self._new(derived_key("hazard_ratio", a.key()), ["HazardRatio"], "")
        self._owner[node.key] = trial.key
        self._fact(trial, "hasEffectEstimate", node, a.evidence)
        self._fact(node, "measuresEndpoint", endpoint, a.evidence)
        self._fact(node, "experimentalArm", self.node(str(a.context_value("experimental"))), a.evidence)
        self._fact(node, "comparatorArm", self.node(str(a.context_value("comparator"))), a.evidence)
        self._values(node, a, (("hazard_ratio", "value"), ("hazard_ratio_text", "valueText"),
                               ("ci_lower", "ciLower"), ("ci_upper", "ciUpper"), ("ci_level", "ciLevel"),
                               ("p_value", "pValue"), ("p_value_comparator", "pValueComparator")))
        self._population(node, a)

    def _population(self, node: Individual, a: Assertion) -> None:
        """The analysis population of a result the source gives for two populations side by side."""
        if population := a.context_value("analysis_population"):
            self._fact(node, "analysisPopulation", str(population), a.evidence)

    def _criterion(self, approval: Individual, a: Assertion, biomarker: str) -> None:
        ev = a.evidence
        key = derived_key("criterion", f"{a.key()}_{slug(biomarker)}")
        criterion = self._new(key, ["BiomarkerCriterion"], f"{self.vocabulary[biomarker].label} criterion")
        self._fact(approval, "hasBiomarkerCriterion", criterion, ev)
        self._fact(criterion, "criterionBiomarker", self.node(biomarker), ev)
        for attribute, prop in (("biomarker_comparator", "comparator"), ("biomarker_threshold", "thresholdValue"),
                                ("biomarker_unit", "unit")):
            for value in a.attribute_values(attribute):
                self._fact(criterion, prop, value, ev)


def populate(world: owlready2.World, onto: owlready2.Ontology, assertions: Iterable[Assertion],
             vocabulary: Vocabulary, documents: Iterable[Document], report: Report) -> Populated:
    """Every individual and fact of ``assertions``, checked against the TBox in ``onto``.

    ``world`` holds the ontology only and is not changed.
    """
    populated = empty(world, onto)
    # millions of individuals, tuples and strings, none in a cycle: a full collection would walk
    # them all again and again, about half of this stage's time at 10,000 documents
    with gc_paused():
        populator = Populator(populated.abox, vocabulary, documents, report)
        for assertion in assertions:
            populator.add(assertion)
        labels.label_trial_parts(populated.abox, populator.index, populator._owner)
        labels.unique_labels(populated.abox, populator.index)
        del populator  # its indexes are freed here, not later while the collector runs
    return populated


def empty(world: owlready2.World, onto: owlready2.Ontology) -> Populated:
    """An empty ABox over the TBox in ``world`` (which holds the ontology only)."""
    tbox = tbox_triples(world)
    return Populated(world, onto, ABox(Schema.of(onto, tbox, Terms())), tbox)

"""Stage 3b, after assembly: the naming assertions extraction made (names no vocabulary held,
code names of known drugs, abbreviations a document defines) leave the facts, extend the
vocabulary the graph is built with, and fill the build report's per-document sections.

Abbreviations stay in the document that defines them: they never extend the vocabulary.
"""

from __future__ import annotations

from dataclasses import replace

from ..extract.novel import ABBREVIATION, MODALITIES, NAMING_PREDICATES, RECOGNISED, SYNONYM, reconcile
from ..model import Assertion, Document
from ..vocab import Entity, Vocabulary


def split_naming(assertions: list[Assertion]) -> tuple[list[Assertion], list[Assertion]]:
    """(naming assertions, all others), each in its given order."""
    naming = [a for a in assertions if a.predicate in NAMING_PREDICATES]
    return naming, [a for a in assertions if a.predicate not in NAMING_PREDICATES]


def extend_vocabulary(vocabulary: Vocabulary, naming: list[Assertion], report=None) -> Vocabulary:
    """The vocabulary plus one entity per recognised key (types from every document that
    named it: where documents disagree on the modality, the most of them win) and the
    code names read for its own drugs."""
    by_key: dict[str, list[Assertion]] = {}
    for assertion in (a for a in naming if a.predicate != ABBREVIATION):  # abbreviations stay in their document
        by_key.setdefault(assertion.subject, []).append(assertion)
    entities = []
    for key, group in sorted(by_key.items()):
        synonyms = tuple(sorted({str(v) for a in group for v in a.attribute_values("synonym")}))
        if key in vocabulary:
            base = vocabulary[key]
            spoken = tuple(str(a.object) for a in group if a.predicate == SYNONYM)
            entities.append(replace(base, synonyms=tuple(dict.fromkeys(base.synonyms + tuple(sorted(spoken))))))
            continue
        per_doc: dict[str, set[str]] = {}
        for a in group:
            per_doc.setdefault(str(a.context_value("document")), set()).add(str(a.object))
        types = reconcile([(tuple(sorted(t)), True) for _, t in sorted(per_doc.items())])
        if report is not None and len([m for m in MODALITIES if any(m in t for t in per_doc.values())]) > 1:
            report.add("warning", "recognised-type-conflict", f"{key}: documents type it differently "
                       f"({'; '.join(f'{d}: {sorted(t)}' for d, t in sorted(per_doc.items()))}); kept {list(types)}")
        label = min(str(v) for a in group for v in a.attribute_values("label"))
        entities.append(Entity(key, label, types, tuple(s for s in synonyms if s != label)))
    return vocabulary.extended(Vocabulary(entities, source="recognised")) if entities else vocabulary


def document_sections(documents: list[Document], facts: list[Assertion],
                      naming: list[Assertion]) -> dict[str, dict]:
    """Per document: how many facts were read from it and the names recognised in it
    without an identifier (with their types and the cues that typed them)."""
    counts = {d.doc_id: 0 for d in documents}
    for fact in facts:
        for doc_id in {e.doc_id for e in fact.evidence}:
            counts[doc_id] = counts.get(doc_id, 0) + 1
    names: dict[tuple[str, str], dict] = {}
    abbreviations: dict[str, list[dict]] = {}
    for a in naming:
        if a.predicate == ABBREVIATION:
            entry = {"key": a.subject, "short": str(a.object)}
            abbreviations.setdefault(str(a.context_value("document")), []).append(entry)
            continue
        doc_id = str(a.context_value("document"))
        entry = names.setdefault((doc_id, a.subject), {
            "key": a.subject, "name": min(str(v) for v in a.attribute_values("label")), "types": [],
            "cues": sorted({str(v) for v in a.attribute_values("cue")}),
            "synonyms": sorted({str(v) for v in a.attribute_values("synonym")})})
        if a.predicate == RECOGNISED:
            entry["types"] = sorted(set(entry["types"]) | {str(a.object)})
    sections = {}
    for d in documents:
        mine = [v for (doc_id, _), v in sorted(names.items()) if doc_id == d.doc_id]
        sections[d.doc_id] = {"facts": counts[d.doc_id], "unidentified": [v for v in mine if v["types"]],
                              "synonyms_read": [{"key": v["key"], "synonyms": v["synonyms"]}
                                                for v in mine if not v["types"]]}
        if d.doc_id in abbreviations:  # only where a document defines some: other reports stay as they were
            sections[d.doc_id]["abbreviations_read"] = sorted(abbreviations[d.doc_id], key=lambda x: x["short"])
    return sections

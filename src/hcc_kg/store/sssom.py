"""The ontology's SKOS mappings (to RO, NCIt, ChEBI, OBI, STATO, Biolink…) as an SSSOM TSV.

The file ``ontology/hcc_kg.sssom.tsv`` is generated from ``ontology/hcc_kg.ttl`` by
``scripts/update_sssom.py`` through :func:`sssom_tsv`, so the two cannot drift: a test
regenerates it and compares.  One row per ``skos:*Match`` statement whose subject is an
ontology term; CURIEs come from the one converter (:mod:`hcc_kg.ids`) and the file's
``curie_map`` lists exactly the prefixes the rows use.  Every mapping was chosen by hand
when the ontology was written (ontology/README.md says how), hence
``semapv:ManualMappingCuration``.
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib import OWL, RDFS
from rdflib.namespace import SKOS

from .. import ids
from ..errors import ConfigError

MAPPING_PREDICATES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "mapping_justification")
JUSTIFICATION = "semapv:ManualMappingCuration"
SEMAPV = "https://w3id.org/semapv/vocab/"
MAPPING_SET_ID = ids.ONTOLOGY_IRI + "/hcc_kg.sssom.tsv"
DCTERMS_LICENSE = rdflib.URIRef("http://purl.org/dc/terms/license")


def mapping_rows(ontology: rdflib.Graph) -> list[dict[str, str]]:
    """One row per SKOS mapping of an ontology term, sorted."""
    rows = []
    for name in MAPPING_PREDICATES:
        for subject, target in ontology.subject_objects(SKOS[name]):
            if not str(subject).startswith(ids.ONTOLOGY_NS):
                continue
            if not isinstance(target, rdflib.URIRef):
                raise ConfigError(f"{subject} skos:{name} {target!r}: a mapping target must be an IRI")
            label = ontology.value(subject, RDFS.label)
            rows.append({"subject_id": _curie(subject), "subject_label": str(label or ""),
                         "predicate_id": f"skos:{name}", "object_id": _curie(target),
                         "mapping_justification": JUSTIFICATION})
    return sorted(rows, key=lambda r: tuple(r[c] for c in COLUMNS))


def _curie(iri: rdflib.URIRef) -> str:
    curie = ids.compress(str(iri))
    if curie is None:
        raise ConfigError(f"no prefix for mapping target {iri}; add it with scripts/update_prefixes.py")
    return curie


def _metadata(ontology: rdflib.Graph, rows: list[dict[str, str]]) -> list[str]:
    """The YAML header lines (without ``#``): curie_map, set id, version, licence."""
    onto = rdflib.URIRef(ids.ONTOLOGY_IRI)
    version = ontology.value(onto, OWL.versionInfo)
    licence = ontology.value(onto, DCTERMS_LICENSE)
    if version is None or licence is None:
        raise ConfigError("the ontology needs owl:versionInfo and dcterms:license for its SSSOM file")
    used = {r[c].partition(":")[0] for r in rows for c in ("subject_id", "predicate_id", "object_id")}
    prefix_map = ids.converter().prefix_map
    curie_map = {p: prefix_map[p] for p in sorted(used)} | {"semapv": SEMAPV}
    lines = ["curie_map:"] + [f"  {p}: {uri}" for p, uri in sorted(curie_map.items())]
    return lines + [f"mapping_set_id: {MAPPING_SET_ID}", f"mapping_set_version: {version}",
                    f"license: {licence}", f"subject_source: {ids.ONTOLOGY_IRI}"]


def sssom_tsv(ontology_path: Path | str) -> str:
    """The SSSOM TSV text for the ontology file at ``ontology_path``."""
    ontology = rdflib.Graph().parse(str(ontology_path), format="turtle")
    rows = mapping_rows(ontology)
    header = "".join(f"#{line}\n" for line in _metadata(ontology, rows))
    body = ["\t".join(COLUMNS)] + ["\t".join(r[c] for c in COLUMNS) for r in rows]
    return header + "\n".join(body) + "\n"

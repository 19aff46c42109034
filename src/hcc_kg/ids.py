"""Identifiers: the one converter between CURIEs and IRIs, built on ``curies``.

Two sources make one converter:

* :data:`GRAPH_NAMESPACES`: the namespaces our own files bind (the project's ``hcc``/
  ``hccr``, W3C vocabularies, ``obo`` for OBO terms without a prefix of their own,
  Biolink).  Their URI forms are fixed by their owners;
* ``data/prefixes.yaml``: external identifier prefixes, generated from bioregistry by
  ``scripts/update_prefixes.py`` (loading all of bioregistry takes seconds).  The URI
  form chosen there is the *identifier* IRI, not a web page: the OBO PURL for OBO
  ontologies (``http://purl.obolibrary.org/obo/CHEBI_…``), identifiers.org where MIRIAM
  registers the prefix, the bioregistry.io resolver otherwise.

Compression picks the longest matching URI prefix, so a ChEBI PURL compresses to
``CHEBI:`` and an IAO PURL (no prefix of its own here) to ``obo:``.

>>> expand("CHEBI:85994")
'http://purl.obolibrary.org/obo/CHEBI_85994'
>>> expand("hgnc:6307")
'https://identifiers.org/hgnc:6307'
>>> compress("https://w3id.org/hcc-kg/resource/sorafenib"), compress("http://purl.obolibrary.org/obo/UBERON_1")
('hccr:sorafenib', 'obo:UBERON_1')
>>> expand("ncit:C61948") == expand("NCIT:C61948")   # the lower-case spelling is a synonym
True
>>> compress("http://example.org/x") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import curies
import yaml

from .errors import ConfigError

#: The project's IRI bases (see README, "Identifiers": w3id.org redirect).
ONTOLOGY_IRI = "https://w3id.org/hcc-kg/ontology"
ONTOLOGY_NS = ONTOLOGY_IRI + "#"
RESOURCE_NS = "https://w3id.org/hcc-kg/resource/"

#: Namespaces our graphs and queries bind, prefix -> URI prefix.
GRAPH_NAMESPACES: dict[str, str] = {
    "hcc": ONTOLOGY_NS, "hccr": RESOURCE_NS,
    "owl": "http://www.w3.org/2002/07/owl#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "obo": "http://purl.obolibrary.org/obo/",
    "dcterms": "http://purl.org/dc/terms/", "biolink": "https://w3id.org/biolink/vocab/",
    "oboInOwl": "http://www.geneontology.org/formats/oboInOwl#",   # OBO tools' synonyms
}
OBO_IN_OWL = GRAPH_NAMESPACES["oboInOwl"]


def prefix_file() -> Path:
    """The packaged ``data/prefixes.yaml`` (external identifier prefixes and their URI forms)."""
    return Path(str(resources.files("hcc_kg") / "data" / "prefixes.yaml"))


def external_prefix_map(path: Path | str | None = None) -> dict[str, str]:
    """The external identifier prefixes (``data/prefixes.yaml`` by default), prefix -> URI prefix."""
    path = Path(path) if path else prefix_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read prefix map {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"prefix map {path} must map prefixes to URI prefixes")
    return {str(k): str(v) for k, v in data.items()}


def build_converter(external: dict[str, str]) -> curies.Converter:
    """Our namespaces chained with ``external`` (ours win a clash of prefixes).

    Each external prefix also answers to its lower-case spelling (bioregistry writes
    ``NCIT``, the vocabulary ``ncit``); compression always gives the file's spelling.
    """
    ours = GRAPH_NAMESPACES
    records = [curies.Record(prefix=prefix, uri_prefix=uri, prefix_synonyms=sorted({prefix.lower()} - {prefix}))
               for prefix, uri in sorted(external.items())]
    return curies.chain([curies.Converter.from_prefix_map(ours), curies.Converter(records)])


@lru_cache(maxsize=4)
def converter(path: str | None = None) -> curies.Converter:
    """The converter (cached per file: it is immutable and read on every export)."""
    return build_converter(external_prefix_map(path))


def expand(curie: str) -> str:
    """The IRI of ``curie``; ConfigError when its prefix is unknown."""
    iri = converter().expand(curie)
    if iri is None:
        raise ConfigError(f"cannot expand CURIE {curie!r}: unknown prefix")
    return iri


def compress(iri: str) -> str | None:
    """The CURIE of ``iri`` under the longest matching URI prefix, or None."""
    return converter().compress(str(iri))


def compress_or_keep(iri: str) -> str:
    """The CURIE of ``iri`` when one exists, else the IRI itself.

    >>> compress_or_keep("http://example.org/x")
    'http://example.org/x'
    """
    return compress(iri) or str(iri)


def standard_curie(curie: str) -> str:
    """``curie`` with its prefix in the spelling the prefix map uses (``chebi:1`` -> ``CHEBI:1``).

    >>> standard_curie("chebi:15365"), standard_curie("nope:1")
    ('CHEBI:15365', 'nope:1')
    """
    prefix, sep, local = curie.partition(":")
    if not sep:
        return curie
    for known in converter().prefix_map:
        if known.lower() == prefix.lower():
            return f"{known}:{local}"
    return curie

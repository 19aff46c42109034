"""Stage 5: the reasoned ABox → triples with evidence and inferred marks.

:func:`abox_triples` streams them (N-Triples terms) into the build's store
(:mod:`hcc_kg.store.oxigraph`); :func:`build_graph` gives the same graph as an rdflib Graph,
for small graphs and tests.

The ontology (TBox) comes from its Turtle file as authored, so its blank-node structure
is stable; individuals and facts come from the ABox (:mod:`hcc_kg.owl.abox`).  Annotated
facts are reified as ``owl:Axiom`` nodes with IRIs derived from the fact they annotate, so
two builds of the same corpus give identical files.  Every triple the reasoner added gets
an axiom with ``hcc:assertionStatus "inferred"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import rdflib

from ..owl.abox import inferred_triples
from ..owl.populate import Populated
from ..owl.reason import Reasoned
from ..gc_control import gc_paused
from ..ids import GRAPH_NAMESPACES
from ..vocab import ONTOLOGY_NS, RESOURCE_NS

HCC = rdflib.Namespace(ONTOLOGY_NS)
HCCR = rdflib.Namespace(RESOURCE_NS)
#: The namespaces our files bind: the one list in hcc_kg.ids, as rdflib Namespaces.
PREFIXES = {prefix: rdflib.Namespace(ns) for prefix, ns in GRAPH_NAMESPACES.items()}
def namespace_splitter(prefixes=None) -> Callable[[str], tuple[str, str] | None]:
    """A function splitting an IRI into (prefix, local name) under its longest matching
    namespace in ``prefixes`` (default :data:`PREFIXES`), or giving None.

    This is for *writing* our files (which prefixes a Turtle or JSON-LD file declares is
    the caller's choice); converting identifiers between CURIE and IRI is hcc_kg.ids.

    >>> split = namespace_splitter()
    >>> split("https://w3id.org/hcc-kg/ontology#Drug"), split("http://example.org/x")
    (('hcc', 'Drug'), None)
    """
    spaces = sorted(((str(ns), p) for p, ns in (PREFIXES if prefixes is None else prefixes).items()),
                    key=lambda space: (-len(space[0]), space[1]))

    def split(iri: str) -> tuple[str, str] | None:
        for ns, prefix in spaces:
            if iri.startswith(ns):
                return prefix, iri[len(ns):]
        return None
    return split


def new_graph() -> rdflib.Graph:
    """An empty rdflib graph with the project's prefixes bound."""
    graph = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


def ontology_graph(path: Path | str) -> rdflib.Graph:
    """The ontology's Turtle file read into a new rdflib graph."""
    graph = new_graph()
    graph.parse(path, format="turtle")
    return graph


INFERRED = "inferred"  # the assertionStatus of what the reasoner added


def abox_triples(reasoned: Reasoned) -> Iterator[tuple[str, str, str]]:
    """The individuals, their facts and evidence axioms, then what the reasoner added with its
    marks, as N-Triples terms (a triple may repeat: the store keeps one)."""
    yield from reasoned.populated.abox.triples()
    yield from marked_inferences(reasoned.populated, reasoned.inferred)


def marked_inferences(populated: Populated, inferred: Iterable[tuple[str, str, str]]) -> Iterator[tuple[str, str, str]]:
    """The second part of :func:`abox_triples`, which alone needs the reasoner: what it added
    (``inferred``, :attr:`hcc_kg.owl.reason.Reasoned.inferred`), each with its inferred mark."""
    return inferred_triples(sorted(inferred), populated.abox.schema, INFERRED)


def abox_graph(reasoned: Reasoned) -> rdflib.Graph:
    """Individuals, their facts, evidence annotations and inferred marks, as an rdflib Graph."""
    out = new_graph()
    _add_abox(reasoned, out)
    return out


def _add_abox(reasoned: Reasoned, out: rdflib.Graph) -> None:
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in abox_triples(reasoned))
    out.parse(data=data, format="nt")


def build_graph(reasoned: Reasoned, ontology_path: Path | str) -> rdflib.Graph:
    """Ontology + individuals + evidence, ready to serialise."""
    graph = ontology_graph(ontology_path)
    with gc_paused():
        _add_abox(reasoned, graph)  # straight into the ontology graph: no second copy to merge
    return graph

"""Load the Turtle ontology into a fresh, explicit owlready2 World.

owlready2 cannot parse Turtle, so the file goes through rdflib to N-Triples in memory.

A build never touches the network, and owlready2 fetches every ``owl:imports`` target from
the web as it loads.  An ontology that imports anything is therefore refused with a
ConfigError naming the imports: merge them into the file instead (e.g. ``robot merge``),
so what a build reads is exactly the file given.
"""

from __future__ import annotations

import io
from decimal import Decimal
from importlib import resources
from pathlib import Path

import owlready2
import rdflib

from ..errors import ConfigError
from ..vocab import ONTOLOGY_IRI, RESOURCE_NS

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def default_ontology_path() -> Path:
    """The packaged ontology (in a checkout, data/hcc_kg.ttl links to ontology/hcc_kg.ttl)."""
    return Path(str(resources.files("hcc_kg") / "data" / "hcc_kg.ttl"))


def _declare_decimal() -> None:
    # Numbers keep their printed precision ("0.550"); owlready2 has no Decimal mapping by default.
    owlready2.declare_datatype(Decimal, XSD_DECIMAL, Decimal, str)


def load_ontology(path: Path | str | None = None) -> tuple[owlready2.World, owlready2.Ontology]:
    """A new World holding the ontology; the caller owns (and may discard) the World."""
    path = Path(path) if path else default_ontology_path()
    try:
        graph = rdflib.Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ConfigError(f"cannot parse ontology {path}: {exc}") from exc
    refuse_imports(graph, path)
    _declare_decimal()
    world = owlready2.World()
    data = graph.serialize(format="nt", encoding="utf-8")
    onto = world.get_ontology(ONTOLOGY_IRI).load(fileobj=io.BytesIO(data), format="ntriples")
    return world, onto


def refuse_imports(graph: rdflib.Graph, path: Path) -> None:
    """A ConfigError if ``graph`` has ``owl:imports``: loading them would fetch URLs mid-build."""
    imports = sorted({str(o) for o in graph.objects(None, rdflib.OWL.imports)})
    if imports:
        shown = ", ".join(f"<{iri}>" for iri in imports[:5]) + (" …" if len(imports) > 5 else "")
        raise ConfigError(f"ontology {path} imports {shown}; a build never fetches anything: merge the "
                          "imported ontology into the file (e.g. `robot merge`) and remove owl:imports")


def resource_namespace(onto: owlready2.Ontology) -> owlready2.Namespace:
    """The namespace of the project's individuals (``hccr:``) inside ``onto``'s world."""
    return onto.get_namespace(RESOURCE_NS)

"""The TBox as the reasoner reads it: the ontology's triples, blank nodes named canonically.

owlready2 holds the ontology (and only the ontology: the ABox never enters it); its
N-Triples writer gives the triples, and :func:`canonical_blank_nodes` makes their text
independent of how the parser happened to number blank nodes, so HermiT's input (and the
key of its cached result) is the same for the same ontology in every build.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from collections import defaultdict
from typing import Iterable

import owlready2

from .summary import Triple


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def tbox_triples(world: owlready2.World) -> list[Triple]:
    """The triples of ``world`` (holding the ontology only), blank nodes named canonically."""
    return canonical_blank_nodes(world_triples(world))


def world_triples(world: owlready2.World) -> list[Triple]:
    """Every triple of ``world`` (the ontology: the ABox is never loaded into owlready2) as
    N-Triples term strings, through owlready2's public N-Triples writer.

    Lines end at ``\n`` only (a literal may hold U+2028).
    """
    out: list[Triple] = []
    terms: dict[str, str] = {}
    with tempfile.TemporaryFile() as dump:
        world.save(dump, format="ntriples")
        dump.seek(0)
        for line in io.TextIOWrapper(dump, encoding="utf-8", newline="\n"):
            line = line.rstrip()
            if line:
                s, p, o = line[:-1].rstrip().split(" ", 2)
                out.append((terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o)))
    return out


def canonical_blank_nodes(triples: Iterable[Triple]) -> list[Triple]:
    """``triples`` sorted, their blank nodes named by content and place: the same ontology gives
    the same text however its parser numbered them (the reasoner's input, and its cache key).

    OWL's RDF mapping writes class expressions and lists as trees of blank nodes; a node's
    name is a hash of its subtree, made distinct by the name of what points at it (so two
    alike restrictions stay two nodes).

    >>> one = canonical_blank_nodes([("_:7", "<urn:p>", "<urn:a>"), ("<urn:c>", "<urn:q>", "_:7")])
    >>> one == canonical_blank_nodes([("<urn:c>", "<urn:q>", "_:b1"), ("_:b1", "<urn:p>", "<urn:a>")])
    True
    """
    triples = list(triples)
    children: dict[str, list[tuple[str, str]]] = defaultdict(list)
    parents: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, p, o in triples:
        if s.startswith("_:"):
            children[s].append((p, o))
        if o.startswith("_:"):
            parents[o].append((s, p))
    content: dict[str, str] = {}

    def digest(node: str, seen: frozenset = frozenset()) -> str:
        if node not in content:
            if node in seen:  # a cycle (not OWL's mapping): the node's own label breaks it
                return node
            inner = sorted(f"{p} {digest(o, seen | {node}) if o.startswith('_:') else o}" for p, o in children[node])
            content[node] = _digest("\n".join(inner))
        return content[node]

    names: dict[str, str] = {}

    def name(node: str, seen: frozenset = frozenset()) -> str:
        if node not in names:
            places = sorted(f"{name(s, seen | {node}) if s.startswith('_:') and s not in seen else s} {p}"
                            for s, p in parents[node])
            names[node] = f"_:c{_digest(digest(node) + '|'.join(places))[:16]}"
        return names[node]

    blanks = sorted({n for t in triples for n in (t[0], t[2]) if n.startswith("_:")})
    renamed = {n: name(n) for n in blanks}
    counts: dict[str, int] = defaultdict(int)
    for n in blanks:  # alike nodes in alike places (interchangeable): numbered apart
        counts[renamed[n]] += 1
        if counts[renamed[n]] > 1:
            renamed[n] += f"x{counts[renamed[n]]}"
    return sorted((renamed.get(s, s), p, renamed.get(o, o)) for s, p, o in triples)



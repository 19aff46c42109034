"""Structure-derived blank-node labels: rdflib's canonical labels, worked out quickly.

:func:`rdflib.compare.to_canonical_graph` names every blank node ``cb<hex>`` by colour
refinement: all blank nodes start with one colour, every term next to one is a colour of
its own, and colours are split, one "splitter" colour at a time, by which predicate links
each node to the splitter's nodes; a colour's hex is the sum of the SHA-256 of every
``(direction, predicate, splitter)`` item it collected.  When refinement alone leaves every
blank node alone in its colour (always, for the ontology's restrictions and lists) those
sums are the labels.  rdflib finds each split by asking the graph about every (node,
splitter node) pair, a quarter of a second for the shipped ontology's 111 blank nodes; here
a splitter only visits its own edges, and colours it does not touch are left as they are.

The steps and their order are rdflib's (it matters: a colour's label depends on which
splitters reached it before refinement stopped), so the labels are rdflib's, byte for byte,
and the exports keep their skolem IRIs.  Whatever refinement cannot finish (symmetric
structures, which rdflib individuates by search), or any tie this code does not model, is
handed to rdflib whole: :func:`canonical_triples` always gives rdflib's answer.

>>> from rdflib import BNode, Literal, URIRef
>>> p = URIRef("urn:p")
>>> labelled = canonical_triples([(URIRef("urn:a"), p, BNode("x")), (BNode("x"), p, Literal("1"))])
>>> sorted(str(o) for _, _, o in labelled)[1].startswith("cb")
True
"""

from __future__ import annotations

from collections import defaultdict
from hashlib import sha256
from typing import Iterable

import rdflib
from rdflib import BNode
from rdflib.compare import to_canonical_graph

Triple = tuple  # (subject, predicate, object) rdflib terms

__all__ = ["canonical_labels", "canonical_triples"]


def canonical_triples(triples: Iterable[Triple]) -> list[Triple]:
    """``triples`` (deduplicated) with every blank node renamed as rdflib's
    :func:`~rdflib.compare.to_canonical_graph` names it."""
    unique = list(dict.fromkeys(triples))
    labels = canonical_labels(unique)
    if labels is None:  # refinement does not finish: rdflib's search decides
        graph = rdflib.Graph()
        graph.addN((s, p, o, graph) for s, p, o in unique)
        return list(to_canonical_graph(graph))
    return [tuple(BNode(labels[n]) if type(n) is BNode else n for n in t) for t in unique] if labels else unique


def canonical_labels(triples: list[Triple]) -> dict[BNode, str] | None:
    """Each blank node's canonical label (``cb…``), or None when colour refinement alone
    does not single every blank node out (then only rdflib's search can name them).

    ``triples`` must hold no duplicates (an rdflib Graph's triples, say); those without a
    blank node play no part.
    """
    edges = _Edges.of(triples)
    if edges is None:
        return None
    return _Refinement(edges).labels()


class _Colour:
    """Nodes that refinement has not told apart yet; ``value`` is rdflib's colour hash as an
    int (the sum of its items' digests), ``hash`` as rdflib spells it (an IRI or literal
    keeps its own N3 spelling)."""

    __slots__ = ("nodes", "value", "hash", "key")

    def __init__(self, nodes: list, value: int, spelling: str | None = None) -> None:
        self.nodes, self.value = nodes, value
        self.hash = spelling if spelling is not None else "%x" % value
        self.key = (len(nodes), self.hash)


class _Edges:
    """The blank-node triples as adjacency: per term, its blank-node neighbours by predicate."""

    def __init__(self) -> None:
        self.out: dict = defaultdict(list)  # term -> [(predicate N3, blank object)]
        self.into: dict = defaultdict(list)  # term -> [(predicate N3, blank subject)]
        self.blanks: dict = {}  # blank node -> None, in first-seen order
        self.others: dict = {}  # every other term of a blank-node triple -> its N3

    @classmethod
    def of(cls, triples: list[Triple]) -> "_Edges | None":
        edges = cls()
        for s, p, o in triples:
            s_blank, o_blank = type(s) is BNode, type(o) is BNode
            if isinstance(p, BNode) or (s_blank is not isinstance(s, BNode)) or (o_blank is not isinstance(o, BNode)):
                return None  # a blank predicate or a BNode subclass: not modelled here
            if not (s_blank or o_blank):
                continue
            predicate = p.n3()
            for term, blank in ((s, s_blank), (p, False), (o, o_blank)):
                if blank:
                    edges.blanks.setdefault(term)
                elif term not in edges.others:
                    edges.others[term] = term.n3()
            if o_blank:
                edges.out[s].append((predicate, o))
            if s_blank:
                edges.into[o].append((predicate, s))
        if len(set(edges.others.values())) != len(edges.others):
            return None  # two terms with one spelling: rdflib's order between them is its set's
        return edges


class _Refinement:
    """rdflib's ``_TripleCanonicalizer._refine`` on the initial colouring, step for step."""

    def __init__(self, edges: _Edges) -> None:
        self.edges = edges
        self._digests: dict[str, int] = {}

    def _digest(self, item: str) -> int:
        found = self._digests.get(item)
        if found is None:
            found = self._digests[item] = int.from_bytes(sha256(item.encode("utf8")).digest(), "big")
        return found

    def labels(self) -> dict[BNode, str] | None:
        blanks = list(self.edges.blanks)
        if not blanks:
            return {}
        first = _Colour(blanks, 0)
        singles = [_Colour([term], 0, spelling) for term, spelling in self.edges.others.items()]
        # rdflib sorts the splitters by (size, hash), largest first, and pops from the end
        sequence = sorted([first, *singles], key=lambda c: c.key, reverse=True)
        colouring = [first]  # the blank nodes' colours, in rdflib's list order
        colour_of = dict.fromkeys(blanks, first)
        crowded = int(len(blanks) > 1)  # colours of more than one node
        while sequence and crowded:
            splitter = sequence.pop()
            deltas = self._deltas(splitter)
            touched = {id(colour_of[n]): colour_of[n] for n in deltas}
            if not touched:
                continue
            replaced: dict[int, list[_Colour]] = {}
            for colour in [c for c in colouring if id(c) in touched]:
                parts = self._split(colour, deltas)
                if parts is None:
                    continue
                replaced[id(colour)] = parts
                crowded += sum(len(p.nodes) > 1 for p in parts) - (len(colour.nodes) > 1)
                for part in parts:
                    for node in part.nodes:
                        colour_of[node] = part
                sequence = _resequenced(sequence, colour, parts)
            if replaced:
                colouring = [part for c in colouring for part in replaced.get(id(c), (c,))]
        if crowded:
            return None
        labels = {c.nodes[0]: "cb" + c.hash for c in colouring}
        if len(set(labels.values())) != len(labels):
            return None  # colliding sums: rdflib merges them and searches
        return labels

    def _deltas(self, splitter: _Colour) -> dict:
        """Per blank node next to ``splitter``, the sum of the digests it gains from it."""
        deltas: dict = defaultdict(int)
        spelling, digest = splitter.hash, self._digest
        for node in splitter.nodes:
            for predicate, blank in self.edges.out.get(node, ()):  # (node, p, blank): blank gains (W, p, 3)
                deltas[blank] += digest(f"{spelling} {predicate} 3")
            for predicate, blank in self.edges.into.get(node, ()):  # (blank, p, node): blank gains (1, p, W)
                deltas[blank] += digest(f"1 {predicate} {spelling}")
        return deltas

    @staticmethod
    def _split(colour: _Colour, deltas: dict) -> list[_Colour] | None:
        """``colour`` split by what its nodes gained, largest part first (None: unchanged)."""
        groups: dict[int, list] = {}
        for node in colour.nodes:
            groups.setdefault(deltas.get(node, 0), []).append(node)
        if len(groups) == 1 and 0 in groups:
            return None
        parts = [_Colour(nodes, colour.value + gained) for gained, nodes in groups.items()]
        return sorted(parts, key=lambda c: c.key, reverse=True)


def _resequenced(sequence: list[_Colour], colour: _Colour, parts: list[_Colour]) -> list[_Colour]:
    """rdflib's update: a waiting splitter is replaced by its parts; otherwise every part but
    the largest joins the front of the queue (popped last)."""
    for i, waiting in enumerate(sequence):
        if waiting is colour:
            return sequence[:i] + parts + sequence[i + 1:]
    return parts[1:] + sequence

"""The source passage behind a fact, with the span it was read from marked.

A fact is named either by its key (the ``key`` of a line of ``assertions.jsonl``) or by
words: ``SUBJECT PREDICATE OBJECT`` ("lenvatinib inhibits FGFR1"), where the predicate is
one of the graph's relation names and each side is resolved like any name on the command
line (label, synonym or key, ignoring case and hyphens).  Offsets come from the graph's
provenance (or ``assertions.jsonl``); the text comes from the corpus folder, read now and
checked against the document hashes the graph recorded.

>>> p = Passage("d1", "doc.txt", "before ", "the span", " after", 7, 15, "rule")
>>> marked(p, ansi=False)
'before [[the span]] after'
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import QueryError
from .paths import resolve
from .suggest import closest, hint

#: Characters of context shown on each side of a span, cut back to a sentence or line boundary.
CONTEXT = 280
FACT_KEY = re.compile(r"^[0-9a-f]{16}$")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


@dataclass(frozen=True)
class Passage:
    """One evidence span read back from its document: the span, a little context either side, and its offsets."""

    doc: str
    name: str
    before: str
    span: str
    after: str
    start: int
    end: int
    extractor: str


@dataclass(frozen=True)
class Fact:
    """A fact of the graph (subject, predicate, object labels) with the evidence records that support it."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[dict, ...]

    @property
    def title(self) -> str:
        return f"{self.subject} {self.predicate} {self.object}"


def fact_from_words(G: nx.MultiDiGraph, text: str) -> Fact:
    """``SUBJECT PREDICATE OBJECT`` → the edge's evidence (both directions of an inverse pair)."""
    words = text.split()
    predicates = {k for _, _, k in G.edges(keys=True)}
    lowered = {p.lower(): p for p in predicates}
    at = [i for i, w in enumerate(words) if w.lower() in lowered and 0 < i < len(words) - 1]
    if not at:
        guess = closest(" ".join(words[1:-1]) or text, {p: p for p in predicates})
        raise QueryError(f"name a fact as SUBJECT PREDICATE OBJECT (a relation of the graph such as inhibits), "
                         f"or by its key from assertions.jsonl, not {text!r}" + hint(guess))
    predicate = lowered[words[at[0]].lower()]
    subject, obj = resolve(G, " ".join(words[: at[0]])), resolve(G, " ".join(words[at[0] + 1:]))
    evidence = [e for _, v, k, d in G.out_edges(subject, keys=True, data=True) if v == obj and k == predicate
                for e in d.get("evidence", [])]
    if not G.has_edge(subject, obj, predicate):
        found = sorted({k for _, v, k in G.out_edges(subject, keys=True) if v == obj})
        raise QueryError(f"the graph has no fact {subject} {predicate} {obj}"
                         + (f"; it has {', '.join(found)}" if found else ""))
    label = lambda n: str(G.nodes[n].get("label", n))  # noqa: E731 - shown, not matched
    return Fact(label(subject), predicate, label(obj), tuple(sorted({json.dumps(e, sort_keys=True): e for e in evidence}.values(),
                                                      key=lambda e: (e["doc"], e["start"], e["end"]))))


def fact_from_key(key: str, assertions: Path) -> Fact:
    """The assertion with ``key`` in ``assertions`` (assertions.jsonl)."""
    if not assertions.is_file():
        raise QueryError(f"a fact key needs {assertions} (written by `hcc-kg build` beside the graph)")
    with assertions.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("key") == key:
                return Fact(record["subject"], record["predicate"], str(record["object"]), tuple(record["evidence"]))
    raise QueryError(f"no assertion with key {key} in {assertions}")


def _cut_before(text: str) -> str:
    """The tail of ``text`` after its last sentence boundary (or the last CONTEXT characters)."""
    tail = text[-CONTEXT:]
    cuts = [m.end() for m in _BOUNDARY.finditer(tail)]
    return tail[cuts[-1]:] if cuts else tail


def _cut_after(text: str) -> str:
    head = text[:CONTEXT]
    match = _BOUNDARY.search(head)
    return head[: match.start() + 1].rstrip() if match else head


def passages(fact: Fact, documents: dict[str, tuple[str, str]]) -> list[Passage]:
    """Each evidence record of ``fact`` as a passage; ``documents`` maps id → (name, text)."""
    found = []
    for e in fact.evidence:
        if e["doc"] not in documents:
            continue
        name, text = documents[e["doc"]]
        start, end = int(e["start"]), int(e["end"])
        span = text[start:end]  # a span's own edge characters decide whether a sentence ends there
        before = _cut_before(text[:start] + span[:1])[:-1] if span else _cut_before(text[:start])
        after = _cut_after(span[-1:] + text[end:])[1:] if span else _cut_after(text[end:])
        found.append(Passage(e["doc"], name, before, span, after, start, end, e["extractor"]))
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def marked(p: Passage, ansi: bool) -> str:
    """The passage on one line, its span between ``[[ ]]`` (reverse video on a terminal)."""
    span = f"\033[7m{_squash(p.span)}\033[0m" if ansi else f"[[{_squash(p.span)}]]"
    return (_squash(p.before) + span + _squash(p.after)).strip()


def terminal_lines(fact: Fact, found: list[Passage], ansi: bool = False) -> list[str]:
    """A fact and its passages as terminal lines; ``ansi`` highlights the spans. Says how many spans were not found."""
    lines = [f"{fact.title}: {len(fact.evidence)} evidence span(s)"]
    for p in found:
        lines += [f"  {p.name} [{p.start}–{p.end}] {p.extractor}", f"    {marked(p, ansi)}"]
    missing = len(fact.evidence) - len(found)
    if missing:
        lines.append(f"  ({missing} span(s) in documents not in this corpus, or changed since the build)")
    return lines


def html_page(fact: Fact, found: list[Passage]) -> str:
    """A self-contained page: each passage with its span in ``<mark>`` (no scripts, no network)."""
    items = "".join(
        f'<section class="passage"><h2>{html.escape(p.name)} <small>[{p.start}–{p.end}] '
        f'{html.escape(p.extractor)}</small></h2><p>{html.escape(p.before)}<mark>{html.escape(p.span)}</mark>'
        f'{html.escape(p.after)}</p></section>' for p in found)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(fact.title)}</title>'
            f'<link rel="icon" href="data:,"><style>body{{font-family:sans-serif;margin:16px;max-width:60em}}'
            f'p{{white-space:pre-wrap;line-height:1.5}}mark{{background:#ffe066;padding:1px 2px}}'
            f'h2{{font-size:14px;margin-bottom:2px}}small{{color:#868e96;font-weight:normal}}</style></head><body>'
            f'<h1 style="font-size:18px">{html.escape(fact.title)}</h1>'
            f'<p class="note">{len(found)} of {len(fact.evidence)} evidence span(s) shown; quoted from the corpus '
            f'(keep this page local).</p>{items}</body></html>\n')


def read_documents(corpus: Path, expected_sha: dict[str, str]) -> dict[str, tuple[str, str]]:
    """id → (file name, text) for the corpus documents whose hash matches the graph's record."""
    from ..read.corpus import read_corpus
    from ..report import Report

    return {d.doc_id: (d.name, d.text) for d in read_corpus(corpus, Report())
            if expected_sha.get(d.doc_id, d.sha256) == d.sha256}

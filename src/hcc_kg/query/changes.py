"""What changed between two builds: facts added, removed, changed, withheld, re-evidenced.

A build writes its facts to ``assertions.jsonl`` and the statements it did not assert
(negated, hedged, planned) to ``withheld.jsonl``, each line keyed by the fact's stable key
(:meth:`hcc_kg.model.Assertion.key`: subject, predicate, object and context, not evidence or
attributes). Comparing two builds by key tells a curator exactly which facts an edited,
added or removed document moved, and where each was read (``build_report.json`` names the
documents):

>>> old = {"k1": Fact("k1", "asserted", "a", "inhibits", "t1", (), (("n", 1),), (("d", 0, 9),))}
>>> new = {"k1": Fact("k1", "asserted", "a", "inhibits", "t1", (), (("n", 2),), (("d", 0, 9),)),
...        "k2": Fact("k2", "withheld", "a", "inhibits", "t2", (), (), (("d", 20, 30),))}
>>> [(c.kind, c.key) for c in compare_facts(old, new)]
[('changed', 'k1'), ('withheld', 'k2')]
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import GraphError

ASSERTED, WITHHELD = "asserted", "withheld"
FILES = {ASSERTED: "assertions.jsonl", WITHHELD: "withheld.jsonl"}
#: change kinds, in the order a listing shows them
KINDS = ("added", "removed", "changed", "withheld", "asserted", "evidence")
MENTION = "mentionedIn"  # where a name occurs: many per document, hidden unless asked for
REPORT = "build_report.json"  # names the documents
#: a previous build larger than this is not kept for comparing (its facts in memory would cost
#: gigabytes at millions of facts; `hcc-kg diff` compares any two builds on request)
PREVIOUS_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Fact:
    """One line of a build's assertion file, as compared: identity, status, values, evidence spans."""

    key: str
    status: str  # ASSERTED or WITHHELD
    subject: str
    predicate: str
    object: str
    context: tuple[tuple[str, str], ...]
    attributes: tuple[tuple[str, object], ...]
    evidence: tuple[tuple[str, int, int], ...]  # (document name, start, end)

    def label(self) -> str:
        """The fact as one line: ``subject predicate object [context]``."""
        context = " ".join(f"{k}={v}" for k, v in self.context if v not in ("", None))
        return f"{self.subject} {self.predicate} {self.object}" + (f" [{context}]" if context else "")


@dataclass(frozen=True)
class Change:
    """One fact that differs between two builds (``before`` or ``after`` is None when absent)."""

    kind: str  # one of KINDS
    key: str
    before: Fact | None
    after: Fact | None

    @property
    def fact(self) -> Fact:
        return self.after if self.after is not None else self.before  # type: ignore[return-value]

    def attribute_changes(self) -> list[tuple[str, object, object]]:
        """(name, before, after) of each attribute that differs; a name given several values
        (a fact resting on two trials) compares them all, as a tuple."""
        old = _by_name(self.before.attributes) if self.before else {}
        new = _by_name(self.after.attributes) if self.after else {}
        return [(name, old.get(name), new.get(name)) for name in sorted(old.keys() | new.keys())
                if old.get(name) != new.get(name)]


def _by_name(attributes: tuple[tuple[str, object], ...]) -> dict[str, object]:
    """Each attribute name's value, or its values as a tuple when it has several."""
    grouped: dict[str, list[object]] = {}
    for name, value in attributes:
        grouped.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else tuple(values) for name, values in grouped.items()}


def _value(value: object) -> object:
    """A JSON value as compared and shown: ``{"decimal": "4.2"}`` is ``4.2``, lists are tuples."""
    if isinstance(value, dict) and set(value) == {"decimal"}:
        return value["decimal"]
    if isinstance(value, list):
        return tuple(_value(v) for v in value)
    return value


def _fact(line: str, status: str, where: str, names: dict[str, str]) -> Fact:
    """A line as a fact whose documents are named by ``names`` (id -> file name): a document's
    id is a hash of its text, so an edited document would otherwise move every fact read in it."""
    try:
        data = json.loads(line)
        subject, predicate, obj = str(data["subject"]), str(data["predicate"]), str(_value(data["object"]))
        key = data["key"]
        if predicate == MENTION:  # its object is the document: the same name in the same file is the same fact
            obj = names.get(obj, obj)
            key = f"{MENTION}:{subject}:{obj}"
        return Fact(key, status, subject, predicate, obj,
                    tuple((str(k), str(_value(v))) for k, v in data.get("context", [])),
                    # as a sorted set: a fact read once keeps its reader's order, one read twice is sorted
                    tuple(sorted({(str(k), _value(v)) for k, v in data.get("attributes", [])}, key=repr)),
                    tuple((names.get(str(e["doc"]), str(e["doc"])), int(e["start"]), int(e["end"]))
                          for e in data.get("evidence", [])))
    except (ValueError, KeyError, TypeError) as exc:
        raise GraphError(f"{where}: not a fact of an assertion file ({exc.__class__.__name__}: {exc})") from None


def read_facts(build: Path, names: dict[str, str] | None = None) -> dict[str, Fact]:
    """Every fact of a built folder (``assertions.jsonl`` and ``withheld.jsonl``) by key, its
    evidence in the documents ``names`` gives (default: the build's own names); GraphError if the
    folder holds no build or a line is malformed."""
    names = document_names(build) if names is None else names
    if not (build / FILES[ASSERTED]).is_file():
        raise GraphError(f"{build} holds no build (no {FILES[ASSERTED]}): give a folder `hcc-kg build --out` wrote")
    facts: dict[str, Fact] = {}
    for status, name in FILES.items():
        path = build / name
        if not path.is_file():
            continue  # builds before withheld.jsonl existed
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GraphError(f"cannot read {path}: {exc}") from exc
        for number, line in enumerate(lines, 1):
            if line.strip():
                fact = _fact(line, status, f"{path}:{number}", names)
                facts.setdefault(fact.key, fact)  # a key is asserted or withheld, never both
    return facts


def document_names(build: Path) -> dict[str, str]:
    """Document id -> file name, from the build's ``build_report.json`` (empty if it has none)."""
    try:
        report = json.loads((build / REPORT).read_text(encoding="utf-8"))
        return {str(d["id"]): str(d["name"]) for d in report.get("documents", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _kind(before: Fact | None, after: Fact | None) -> str | None:
    if after is None:
        return "removed"
    if before is None:
        return "added" if after.status == ASSERTED else WITHHELD
    if before.status != after.status:
        return WITHHELD if after.status == WITHHELD else ASSERTED
    if before.attributes != after.attributes:
        return "changed"
    return "evidence" if set(before.evidence) != set(after.evidence) else None


def compare_facts(old: dict[str, Fact], new: dict[str, Fact]) -> list[Change]:
    """Every fact whose presence, status, attributes or evidence differs, by kind then fact."""
    changes = []
    for key in old.keys() | new.keys():
        kind = _kind(old.get(key), new.get(key))
        if kind is not None:
            changes.append(Change(kind, key, old.get(key), new.get(key)))
    return sorted(changes, key=lambda c: (KINDS.index(c.kind), c.fact.label(), c.key))


@dataclass(frozen=True)
class BuildChanges:
    """The changes from one build folder to another (evidence given by document name)."""

    changes: tuple[Change, ...]

    def counts(self, mentions: bool = False) -> dict[str, int]:
        """Changes per kind (every kind listed, zeros included); ``mentionedIn`` facts only if ``mentions``."""
        found = Counter(c.kind for c in self.shown(mentions))
        return {kind: found[kind] for kind in KINDS}

    def shown(self, mentions: bool = False) -> Iterator[Change]:
        """The changes to list: ``mentionedIn`` facts only if ``mentions``."""
        return (c for c in self.changes if mentions or c.fact.predicate != MENTION)

    @staticmethod
    def where(spans: Iterable[tuple[str, int, int]]) -> str:
        """Evidence spans as ``name@start-end``, comma-separated."""
        return ", ".join(f"{doc}@{start}-{end}" for doc, start, end in sorted(spans))

    def to_json(self, mentions: bool = False) -> dict:
        """Counts and the listed changes, each with its fact, attribute changes and evidence."""
        return {"counts": self.counts(mentions),
                "changes": [{"kind": c.kind, "key": c.key, "subject": c.fact.subject, "predicate": c.fact.predicate,
                             "object": c.fact.object, "context": dict(c.fact.context),
                             "attributes": [{"name": n, "before": b, "after": a} for n, b, a in c.attribute_changes()],
                             "evidence_before": self.where(c.before.evidence) if c.before else None,
                             "evidence_after": self.where(c.after.evidence) if c.after else None}
                            for c in self.shown(mentions)]}


def compare_builds(old: Path, new: Path) -> BuildChanges:
    """The changes from the build in folder ``old`` to the one in ``new``."""
    return BuildChanges(tuple(compare_facts(read_facts(old), read_facts(new))))


def describe(change: Change, changes: BuildChanges) -> str:
    """One change as text: a sign, the fact, and what differs or where it was read."""
    sign = {"added": "+", "removed": "-", "changed": "~", "withheld": "!", "asserted": "+", "evidence": "="}[change.kind]
    line = f"{sign} {change.kind:<8} {change.fact.label()}"
    if change.kind == "changed":
        line += "  " + "; ".join(f"{n}: {b} -> {a}" for n, b, a in change.attribute_changes())
    if change.after is not None:
        line += f"  ({changes.where(change.after.evidence)})"
    elif change.before is not None:
        line += f"  (was {changes.where(change.before.evidence)})"
    return line


@contextmanager
def previous_build(out: Path, max_bytes: int = PREVIOUS_MAX_BYTES) -> Iterator[Path | None]:
    """A copy, taken on entry, of the files :func:`compare_builds` reads from the build in
    ``out`` (None: there is none, or its facts are over ``max_bytes``); removed on exit.

    >>> with previous_build(Path("/nonexistent")) as before:
    ...     before is None
    True
    """
    facts = out / FILES[ASSERTED]
    try:
        size = facts.stat().st_size
    except OSError:
        size = None
    if size is None or size > max_bytes:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="hcc-kg-previous-") as folder:
        copy = Path(folder)
        try:
            for name in (*FILES.values(), REPORT):
                if (out / name).is_file():
                    shutil.copyfile(out / name, copy / name)
        except OSError:
            yield None  # unreadable: nothing to compare with, and the build goes on
            return
        yield copy

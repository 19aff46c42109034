"""Altered copies: change one thing a document states and check that exactly the facts that rest on
it change (rule 1 of the brief, measured over many edits instead of a few).

    .venv/bin/python benchmarks/mutation.py ../shared/literature --dev-only
    .venv/bin/python benchmarks/mutation.py /path/to/texts --show 5

Six kinds of edit, each made inside one fact's evidence span of one document:

* **number**: a printed value the fact carries (a median, a rate, a hazard ratio or a bound of its
  interval, an arm's size) gets its last digit changed.  Expected: the facts that carried the old
  number now carry the new one, and nothing else changes.
* **target**: the name of a drug -> target fact's target is replaced by a target the document
  never names.  Expected: those facts now name the new target, nothing else changes.
* **drug**: likewise for the drug's name.
* **negation**: the evidence's one verb ("inhibits" -> "does not inhibit") or copula ("is a" ->
  "is not a") is negated.  Expected: the drug -> target facts it stated are withdrawn, nothing else
  changes.
* **agency** and **line**: in an approval's evidence, "in <place>" becomes a place the document never
  names ("in Japan" -> "in Canada"), or "first-line" becomes "second-line" (and back).  Expected:
  those approvals now hold the new regulator or line.

An edit is *exact* when the facts removed are the ones that held the old value (or name) and the
facts added are the same facts with the new one; *leaky* when something else changed as well; *restated* when
the old number is printed elsewhere too, so both are now read; *lost* when the fact disappeared without a replacement.  A benchmark, not a test: it asserts nothing.
Documents whose number is divisible by 3 are the literature's held-out split: ``--dev-only``
leaves them out (and always should, when tuning).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NUMERIC = ("value_text", "hazard_ratio_text", "ci_lower", "ci_upper")  # and an armSize fact's object
TARGET_PREDICATES = ("inhibits", "isAntibodyAgainst", "activates")  # as benchmarks/extraction.py scores them
# Replacement names, as real text writes them; the first one the document never names is used.
TARGET_NAMES = ("AXL", "FGFR3", "MET", "KIT", "RET", "TIE2", "CSF1R", "DDR2")
DRUG_NAMES = {"inhibits": ("nintedanib", "axitinib", "pazopanib", "vandetanib", "tivozanib", "dovitinib"),
              "isAntibodyAgainst": ("olaratumab", "naxitamab", "margetuximab", "dinutuximab")}  # the same modality


@dataclass(frozen=True)
class Edit:
    kind: str
    doc: str
    old: str
    new: str
    at: int
    old_key: str = ""  # a context edit: the value the facts held (e.g. "fda") and should hold now
    new_key: str = ""


def read_facts(doc_id: str, text: str, vocabulary, finder) -> set[tuple]:
    """The document's asserted facts, as the build's reading stage leaves them, without evidence."""
    from hcc_kg.assemble.merge import assemble, split_readings, withhold
    from hcc_kg.assemble.naming import split_naming
    from hcc_kg.extract import extract_document
    from hcc_kg.model import Document

    raw = extract_document(Document.from_text(doc_id, text), vocabulary, finder)
    assertive, others = split_readings(raw)
    merged, _ = assemble(assertive)
    _, facts = split_naming(merged)
    withheld, _ = withhold(facts, others)
    held = {w.key() for w in withheld}
    return {_identity(a) for a in facts if a.predicate != "mentionedIn" and a.key() not in held}


def _identity(a) -> tuple:
    # attributes as a sorted set: a fact read once keeps its reader's order, one read twice is sorted
    return (a.subject, a.predicate, str(a.object), a.context, tuple(sorted(set(a.attributes), key=repr)))


def _facts_with_evidence(doc_id: str, text: str, vocabulary, finder) -> list:
    from hcc_kg.assemble.merge import assemble, split_readings
    from hcc_kg.extract import extract_document
    from hcc_kg.model import Document

    assertive, _ = split_readings(extract_document(Document.from_text(doc_id, text), vocabulary, finder))
    return [a for a in assemble(assertive)[0] if a.predicate != "mentionedIn"]


def number_edits(doc: str, text: str, facts) -> list[Edit]:
    out = []
    for fact in facts:
        numbers = [str(v) for k, v in fact.attributes if k in NUMERIC]
        if fact.predicate == "armSize":
            numbers.append(str(fact.object))
        for printed in numbers:
            if not re.fullmatch(r"\d+(?:\.\d+)?", printed):
                continue
            for ev in fact.evidence[:1]:
                spots = [m.start() for m in re.finditer(rf"(?<![\d.]){re.escape(printed)}(?![\d]|\.\d)", text[ev.start:ev.end])]
                if len(spots) == 1:
                    last = str((int(printed[-1]) + 3) % 10)
                    out.append(Edit("number", doc, printed, printed[:-1] + last, ev.start + spots[0]))
    return out


def name_edits(doc: str, text: str, facts, vocabulary, kind: str) -> list[Edit]:
    out = []
    for fact in facts:
        if fact.predicate not in TARGET_PREDICATES or not fact.evidence:
            continue
        choices = TARGET_NAMES if kind == "target" else DRUG_NAMES[fact.predicate]
        spare = next((n for n in choices if n.casefold() not in text.casefold()), None)
        if spare is None:
            continue
        key = str(fact.object) if kind == "target" else fact.subject
        entity = vocabulary.entities.get(key)
        if entity is None:
            continue
        ev = fact.evidence[0]
        spots = _name_spots(text[ev.start:ev.end], entity.names())
        if len(spots) == 1:  # named once in the span: with a second name (an abbreviation) one edit is not the fact
            (start, name), = spots
            if re.match(r"(?:[/\u2010-\u2013-]|,\s*)?\d", text[ev.start + start + len(name):]):
                continue  # a series ("CDK4/6", "FGFR1-3" with any dash, "FGFR1, 2 and 3"): the edit would change its other members too
            # "Lenvatinib is ..." becomes "Pazopanib is ...": a lower-case name would start no sentence
            written = spare[:1].upper() + spare[1:] if name[:1].isupper() and spare[:1].islower() else spare
            out.append(Edit(kind, doc, name, written, ev.start + start))
    return out


def _name_spots(span: str, names) -> list[tuple[int, str]]:
    """Where the names occur in ``span``, longest first, without overlaps."""
    taken: list[tuple[int, str]] = []
    for name in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", span, re.IGNORECASE):
            if not any(s <= m.start() < s + len(n) or m.start() <= s < m.end() for s, n in taken):
                taken.append((m.start(), span[m.start():m.end()]))
    return taken


def _carries(fact: tuple, edit: Edit, word: str) -> bool:
    """Whether a fact holds ``word``: as a value (a number edit) or as a node's name (a name edit)."""
    subject, _, obj, context, attributes = fact
    if edit.old_key:  # a context edit: the word is the context value's key
        key = edit.old_key if word == edit.old else edit.new_key
        return key in (str(v) for _, v in context)
    if edit.kind == "number":
        return obj == word or any(str(v) == word for _, v in context + attributes)
    squeeze = lambda s: re.sub(r"[^0-9a-z]", "", str(s).casefold())
    parts = {squeeze(part) for node in (subject, obj) for part in [node, *str(node).split("__")]}  # a regimen's drugs
    return squeeze(word) in parts


# Approval context edits: a place (its regulator) or a line of therapy, as the text writes them.
PLACES = {"the United States": "fda", "the US": "fda", "the USA": "fda", "the U.S.": "fda", "Europe": "ec",
          "the EU": "ec", "the European Union": "ec", "China": "nmpa", "Japan": "mhlw"}
SPARE_PLACES = (("Canada", "health_canada"), ("Australia", "tga"), ("Switzerland", "swissmedic"))
LINES = {"first-line": ("first_line", "second-line", "second_line"), "second-line": ("second_line", "first-line", "first_line")}


def context_edits(doc: str, text: str, facts) -> list[Edit]:
    """In each approval's evidence: "in <place>" becomes a place the document never names, and a
    line of therapy the other line."""
    out = []
    spare = next(((n, k) for n, k in SPARE_PLACES if n.casefold() not in text.casefold()), None)
    for fact in facts:
        if fact.predicate != "approvedFor" or not fact.evidence:
            continue
        context, ev = dict(fact.context), fact.evidence[0]
        span = text[ev.start:ev.end]
        for place, key in PLACES.items():
            spots = [m.start() for m in re.finditer(rf"\bin {re.escape(place)}(?![\w.])", span)]
            if spare and context.get("agency") == key and len(spots) == 1:
                out.append(Edit("agency", doc, place, spare[0], ev.start + spots[0] + 3, key, spare[1]))
        for line, (key, other, other_key) in LINES.items():
            spots = [m.start() for m in re.finditer(rf"(?<![\w-]){line}(?![\w-])", span, re.IGNORECASE)]
            if context.get("line") == key and len(spots) == 1 and other not in span.casefold():
                out.append(Edit("line", doc, span[spots[0]:spots[0] + len(line)], other, ev.start + spots[0], key, other_key))
    return out


# A statement turned negative: "inhibits" -> "does not inhibit", "is a ... inhibitor" -> "is not a ...".
NEGATIONS = ((r"\b(inhibit|block|target|bind|antagoni[sz]e|suppress)s\b", r"does not \1"),
             (r"\b(is|was)\s+(an?|the)\b", r"\1 not \2"))


def negation_edits(doc: str, text: str, facts) -> list[Edit]:
    """Each drug -> target fact's evidence with its one verb (or copula) negated."""
    out = []
    for fact in facts:
        if fact.predicate not in TARGET_PREDICATES or not fact.evidence:
            continue
        ev = fact.evidence[0]
        span = text[ev.start:ev.end]
        for pattern, negated in NEGATIONS:
            spots = list(re.finditer(pattern, span))
            if len(spots) == 1:
                m = spots[0]
                out.append(Edit("negation", doc, m.group(0), m.expand(negated), ev.start + m.start(), "", ""))
                break
    return out


def judge_negation(fact_keys: set[tuple], before: set[tuple], after: set[tuple]) -> str:
    """A negated statement: its facts go, nothing else changes ("withdrawn"); or another sentence
    still states them ("restated"); anything else changing is "leaky"."""
    removed, added = before - after, after - before
    if added or not removed <= fact_keys:
        return "leaky"
    return "withdrawn" if removed else "restated"


def judge(edit: Edit, before: set[tuple], after: set[tuple]) -> str:
    removed, added = before - after, after - before
    if not removed and not added:
        return "unchanged"
    if not removed or any(_carries(f, edit, edit.old) for f in added):
        return "restated"  # the document states the old value (or name) elsewhere too: now it states both
    if not added:
        return "lost"
    exact = len(removed) == len(added) and all(_carries(f, edit, edit.new) for f in added)
    if edit.kind == "number":
        exact = exact and all(_carries(f, edit, edit.old) for f in removed)
    return "exact" if exact else "leaky"


def run(folder: Path, dev_only: bool, limit: int | None, show: int) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    from hcc_kg.extract.mentions import MentionFinder
    from hcc_kg.pipeline import Settings, load_settings_vocabulary

    vocabulary = load_settings_vocabulary(Settings(corpus=folder, out=None))
    finder = MentionFinder(vocabulary)
    tally: dict[str, Counter] = {k: Counter() for k in ("number", "target", "drug", "agency", "line", "negation")}
    examples: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        if dev_only and path.name[:3].isdigit() and int(path.name[:3]) % 3 == 0:
            continue
        text = path.read_text(encoding="utf-8")
        facts = _facts_with_evidence(path.stem, text, vocabulary, finder)
        before = read_facts(path.stem, text, vocabulary, finder)
        edits = number_edits(path.name, text, facts)
        edits += name_edits(path.name, text, facts, vocabulary, "target") + name_edits(path.name, text, facts, vocabulary, "drug")
        edits += context_edits(path.name, text, facts) + negation_edits(path.name, text, facts)
        stated = {_identity(f) for f in facts if f.predicate in TARGET_PREDICATES}
        seen = set()
        for edit in edits[:limit] if limit else edits:
            if (edit.at, edit.kind) in seen:
                continue
            seen.add((edit.at, edit.kind))
            changed = text[:edit.at] + edit.new + text[edit.at + len(edit.old):]
            after = read_facts(path.stem, changed, vocabulary, finder)
            verdict = judge_negation(stated, before, after) if edit.kind == "negation" else judge(edit, before, after)
            tally[edit.kind][verdict] += 1
            if verdict not in ("exact", "withdrawn") and len(examples) < show:
                examples.append(f"{verdict}: {edit.doc} @{edit.at} {edit.old!r} -> {edit.new!r}\n"
                                f"   removed {sorted(before - after)[:3]}\n   added {sorted(after - before)[:3]}")
    return {"tally": {k: dict(v) for k, v in tally.items()}, "examples": examples}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    p.add_argument("--dev-only", action="store_true", help="leave out documents numbered by a multiple of 3")
    p.add_argument("--limit", type=int, default=None, help="edits per document")
    p.add_argument("--show", type=int, default=10, help="how many non-exact edits to print")
    args = p.parse_args(argv)
    result = run(args.folder, args.dev_only, args.limit, args.show)
    for kind, counts in result["tally"].items():
        total = sum(counts.values())
        print(f"{kind:7} {total:4} edits: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("\n".join(result["examples"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

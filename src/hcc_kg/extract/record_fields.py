"""Drug records: what a profile's labelled fields say a drug acts on.

A drug profile or registry card is not prose: it is a run of labelled fields under the
drug's name ("Target: T1, T2", "Mechanism of action: T inhibitor").  The record's drug is
the one a "Drug:"/"Name:" field names, else the one its heading or title names.  Two kinds
of field are read (invented examples):

- a target field ("Target(s): A, B and C", "Molecular target: A") lists what the drug acts
  on, and nothing else may stand in its value;
- a mechanism field ("Mechanism of action: selective A inhibitor", "MoA: inhibits A and B")
  is read as a noun phrase in apposition to the drug, or a verb phrase with the drug as its
  subject, by the shape rules of :mod:`.mechanisms`;
- a field whose value opens with a capitalised verb, with or without its colon ("Pharmacodynamics
  Inhibits A, B and C", a table row flattened into prose; "Mode of action: Blocks T"), is a verb
  phrase whose subject is the drug the heading or title names.

Every field is read here and only here, so that a fact a field states has one evidence record.

The value of a field runs to the next label or the end of the sentence.  Polarity and
certainty are read from the value's own words, as for any reading.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Assertion, Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .mechanisms import drug_appositive, drug_cue_target, reading_assertion
from .shape_reading import Reading
from .registry import EXTRACTORS
from .sentences import DRUG
from .subjects import defined_drug, titled_drug
from .targets import Unit, target_lists, units

# A label: a capitalised word, up to three lower-case ones and a colon ("Molecular target:",
# "Mechanism of action:"); "RAF Indication:" is the last item of a value, then a label.
LABEL = re.compile(r"(?:^|(?<=[\s.;]))(?P<label>[A-Z][A-Za-z()/-]*(?:\s+[a-z()/-][A-Za-z()/-]*){0,3})\s*:\s+")
TARGET_LABEL = re.compile(r"(?:(?:molecular|primary|biological|drug|known)\s+)?targets?(?:\s*\(s\))?", re.IGNORECASE)
MECHANISM_LABEL = re.compile(r"mechanism(?:\s+of\s+action)?|MoA|mode\s+of\s+action|action", re.IGNORECASE)
NAME_LABEL = re.compile(r"drug(?:\s+name)?|(?:generic\s+)?name|INN|compound|agent", re.IGNORECASE)
# A field label then a value opening with a verb, the colon optional: "Pharmacodynamics Inhibits A, B and C".
VERB_FIELD = re.compile(r"(?:^|(?<=\s))(?:Pharmacodynamics|Mechanism of action|Mode of action|Pharmacology|Action|MoA)"
                        r"\s*:?\s+(?=(?:Inhibits|Blocks|Targets|Binds|Antagoni[sz]es|(?:Selectively|Potently|Irreversibly) "
                        r"(?:inhibits|blocks|targets|binds))\b)")
# What may stand between the targets of a target field: list glue, brackets, a closing stop.
LIST_ONLY = re.compile(r"[\s,;/.()]*(?:(?:and|or)\b[\s,;/.()]*)*")


def fields(text: str) -> list[tuple[str, int, int]]:
    """(label, value start, value end) of each labelled field in a sentence, in order.

    >>> text = "Target: A, B Mechanism of action: A inhibitor"
    >>> [(label, text[s:e]) for label, s, e in fields(text)]
    [('Target', 'A, B '), ('Mechanism of action', 'A inhibitor')]
    """
    found = list(LABEL.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.group("label"), m.end(), end) for m, end in zip(found, ends)]


def _kind(label: str) -> str | None:
    """What a field's label says its value is: "target", "mechanism", "name" (the record's drug), or None."""
    for kind, pattern in (("target", TARGET_LABEL), ("mechanism", MECHANISM_LABEL), ("name", NAME_LABEL)):
        if pattern.fullmatch(label):
            return kind
    return None


def _record_drug(doc: AnalysedDocument, index: int, labelled: list[tuple[str, int, int]]) -> Mention | None:
    """The drug a "Drug:"/"Name:" field of this sentence or of the record's fields before it names
    ("Drug: X." then "Class: C." then "Target: T."), else the one the heading or title names."""
    named = _named_drug(doc.sentences[index], labelled, doc)
    before = index - 1
    # the record: the fields just before, the first one included even when a sentence goes on after it
    while named is None and before >= 0 and (found := fields(doc.sentences[before].text)):
        named = _named_drug(doc.sentences[before], [(_kind(label), s, e) for label, s, e in found], doc)
        before -= 1
    return named or defined_drug(doc, index)


def _named_drug(sent: AnalysedSentence, labelled: list[tuple[str | None, int, int]], doc: AnalysedDocument) -> Mention | None:
    for kind, start, end in labelled:
        drugs = [m for m in doc.keys_of_type(sent.mentions, *DRUG) if start <= sent.local(m)[0] < end]
        if kind == "name" and len({m.key for m in drugs}) == 1:
            return drugs[0]
    return None


def _target_field(doc: AnalysedDocument, sent: AnalysedSentence, found: list[Unit], drug: Unit,
                  start: int, end: int) -> Iterator[Reading]:
    text = sent.text
    targets = [u for u in found if u.kind == "object" and start <= u.start and u.end <= end]
    last = _last_target_before_label(doc, sent, targets, start, end)
    targets += [last] if last else []
    lists = target_lists(text, targets)
    rest = text[start:end]
    for tlist in reversed(lists):
        rest = rest[:tlist.start - start] + " " * (tlist.end - tlist.start) + rest[tlist.end - start:]
    if not lists or not LIST_ONLY.fullmatch(rest):
        return
    for unit in targets:
        for key in unit.keys:
            yield Reading(drug, unit, key, "drug-record-field", start, unit.end)


def _last_target_before_label(doc: AnalysedDocument, sent: AnalysedSentence, targets: list[Unit],
                              start: int, end: int) -> Unit | None:
    """The value's last target when the next label's word was taken for its modifier ("AXL Status:")."""
    for mention in sent.mentions:
        m_start, m_end = sent.local(mention)
        unread = not any(u.start <= m_start < u.end for u in targets)
        if start <= m_start and unread and not sent.text[m_end:end].strip() and doc.vocabulary.is_target(mention.key):
            return Unit("object", (mention.key,), m_start, m_end, mention)
    return None


def _mechanism_field(text: str, found: list[Unit], drug: Unit, start: int, end: int) -> Iterator[Reading]:
    inside = [u for u in found if start <= u.start and u.end <= end and u.kind != "drug"]
    colon = text.rfind(":", 0, start)
    # "X: a T inhibitor" (the colon is the appositive's comma) / "X inhibits T" (the subject stands before the space)
    for at, shape in ((colon, drug_appositive), (colon + 1, drug_cue_target)):
        subject = Unit("drug", drug.keys, at, at, drug.mention)
        yield from shape(text, [subject, *inside], target_lists(text, inside))


def _readings(doc: AnalysedDocument, sent: AnalysedSentence, drug: Mention,
              labelled: list[tuple[str, int, int]]) -> Iterator[Reading]:
    found = units(doc, sent)
    subject = Unit("drug", (drug.key,), 0, 0, drug)
    for kind, start, end in labelled:
        if kind == "target":
            yield from _target_field(doc, sent, found, subject, start, end)
        elif kind == "mechanism":
            yield from _mechanism_field(sent.text, found, subject, start, end)


def verb_fields(text: str) -> list[tuple[int, int]]:
    """(subject slot, value end) of each field whose value opens with a verb: the drug stands before the
    space (so that an adverb opening the value reads as the verb's: "Selectively inhibits").

    >>> text = "Route Oral Pharmacodynamics Inhibits A and B"
    >>> [(text[at:at + 9], end) for at, end in verb_fields(text)]
    [(' Inhibits', 44)]
    """
    found = list(VERB_FIELD.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.end() - 1, end) for m, end in zip(found, ends)]


def _verb_field_readings(doc: AnalysedDocument, sent: AnalysedSentence, drug: Mention,
                         slots: list[tuple[int, int]]) -> Iterator[Reading]:
    found = units(doc, sent)
    for at, end in slots:
        inside = [u for u in found if at <= u.start and u.end <= end and u.kind != "drug"]
        subject = Unit("drug", (drug.key,), at, at, drug)
        yield from drug_cue_target(sent.text, [subject, *inside], target_lists(sent.text, inside))


@EXTRACTORS.register("record-mechanism")
def record_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Drug acts on target, read from a drug record's target and mechanism fields."""
    for index, sent in enumerate(doc.sentences):
        labelled = [(kind, start, end) for label, start, end in fields(sent.text) if (kind := _kind(label))]
        slots = verb_fields(sent.text)
        drug = _record_drug(doc, index, labelled) if any(kind in ("target", "mechanism") for kind, _, _ in labelled) \
            else None
        seen, read = set(), set()
        for found in _readings(doc, sent, drug, labelled) if drug is not None else ():
            if (found.key, found.shape) not in seen:
                seen.add((found.key, found.shape))
                read.add((found.drug.keys[0], found.key))
                yield reading_assertion(doc, sent, found)
        field_drug = titled_drug(doc, index) if slots else None
        for found in _verb_field_readings(doc, sent, field_drug, slots) if field_drug is not None else ():
            if (found.drug.keys[0], found.key) not in read:  # a labelled field's verb already read above
                read.add((found.drug.keys[0], found.key))
                yield reading_assertion(doc, sent, found)

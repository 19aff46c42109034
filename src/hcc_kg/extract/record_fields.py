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
- a line with no subject under a lead that names one drug, as in a key-points box or a bulleted
  profile ("Zorbatinib: key points" above "Inhibits several RTKs, including MET and AXL" or
  "• Selective inhibitor of T"), is a verb or noun phrase whose subject is that drug
  (:func:`.discourse_drugs.lead_drug`).

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
from .discourse_drugs import NO_LEAD, defined_drug, lead_drug, lead_names_no_drug, lines_above, titled_drug
from .subjects import MODIFIER
from .target_lists import target_lists
from .targets import Unit, units

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
# A line that opens, after any bullet mark, with a verb or a noun phrase and names no subject: "Inhibits A and B",
# "• Selective inhibitor of T", "Anti-T monoclonal antibody".  Without a mark it opens with a capital.
BULLET_MARK = r"[•·▪◦‣*–—-]\s*"
LINE_VERB = (r"(?:(?:selectively|potently|irreversibly|reversibly|also)\s+)?"
             r"(?P<verb>inhibits|blocks|targets|binds|antagoni[sz]es)\b")
LINE_NOUN = rf"(?:an?\s+)?(?:{MODIFIER}\s+){{0,4}}?(?:inhibitor|blocker|(?:ant)?agonist|antibody|TKI|MKI)s?\b"
SUBJECTLESS_LINE = re.compile(rf"\s*(?P<mark>{BULLET_MARK})?(?P<opening>{LINE_VERB}|{LINE_NOUN})", re.IGNORECASE)
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
    return named or defined_drug(doc, index) or _drug_just_named(doc, index)


def _drug_just_named(doc: AnalysedDocument, index: int) -> Mention | None:
    """A drugless field right after a sentence naming one drug speaks of it ("X is a potent TKI." then
    "Mechanism of action: selectively targeting A and B")."""
    if index == 0 or doc.keys_of_type(doc.sentences[index].mentions, *DRUG):
        return None
    drugs = doc.keys_of_type(doc.sentences[index - 1].mentions, *DRUG)
    return drugs[0] if len({m.key for m in drugs}) == 1 else None


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


def subjectless_line(line: str) -> re.Match | None:
    """The opening of a line that names no subject ("Inhibits T", "• inhibitor of T"), or None.

    >>> [bool(subjectless_line(line)) for line in ("Inhibits A and B", "• inhibits A", "inhibits A", "It inhibits A")]
    [True, True, False, False]
    """
    found = SUBJECTLESS_LINE.match(line)
    return found if found and (found.group("mark") or found.group("opening")[0].isupper()) else None


def _is_item(line: str) -> bool:
    """A line of a list: a bullet mark opens it, or it names no subject."""
    return bool(re.match(rf"\s*{BULLET_MARK}\S", line)) or subjectless_line(line) is not None


def _line_starts(sent: AnalysedSentence, original: str) -> list[int]:
    """Where a line of the document starts inside the sentence (0 when the sentence opens a line)."""
    offsets = sent.sentence.mapped.offsets
    first = not original[original.rfind("\n", 0, offsets[0]) + 1:offsets[0]].strip(" \t")
    return [0] * first + [m.end() for m in re.finditer(r" (?=\S)", sent.text)
                          if "\n" in original[offsets[m.start()]:offsets[m.end()]]]


def _subjectless_lines(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[int, int, int, Mention]]:
    """(line start, subject slot, line end, the lead's drug) of each line of the sentence that names no subject.

    A line inside the sentence follows its lead or another line with no stop between; a line opening the
    sentence needs a bullet mark, or the lead or another list line right above it (wrapped prose has neither).
    """
    text, original = sent.text, doc.document.text
    starts = _line_starts(sent, original)
    out = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        opening = subjectless_line(text[start:end])
        if opening is None:
            continue
        offset = sent.sentence.mapped.offsets[start]
        if start == 0 and not opening.group("mark") and not _follows_lead_or_item(original, offset):
            continue
        drug = lead_drug(doc, offset, _is_item)
        if drug is None and opening.group("mark") and lead_names_no_drug(doc, offset, _is_item):
            drug = titled_drug(doc, doc.sentence_at(offset))  # a profile's item under a heading of its own: "Uses"
        # the subject stands before the verb, after an adverb ("Selectively inhibits"), or before the noun phrase
        slot = start + (opening.start("verb") if opening.group("verb") else opening.start("opening"))
        if drug is not None:
            out.append((start, slot, end, drug))
    return out


def _follows_lead_or_item(original: str, offset: int) -> bool:
    """The nearest line with text above the one at ``offset`` is a list line, or a lead (no stop at its end).
    (Read line by line upwards: copying the text above would cost the whole document at every line.)"""
    above = lines_above(original, original.rfind("\n", 0, offset) + 1)
    line = next((line for _, line in above if line.strip()), "")
    return bool(line) and (_is_item(line) or NO_LEAD.search(line) is None)


def _line_readings(doc: AnalysedDocument, sent: AnalysedSentence) -> Iterator[tuple[Reading, tuple[int, int]]]:
    """What each subjectless line says its lead's drug acts on, read as "X inhibits ..." or "X: an inhibitor of ...",
    with the line's span (the statement's own clause)."""
    lines = _subjectless_lines(doc, sent)
    found = units(doc, sent) if lines else []
    for start, at, end, drug in lines:
        inside = [u for u in found if at <= u.start and u.end <= end]
        if any(u.kind == "drug" for u in inside):
            continue  # the line names a drug of its own: whose statement it is, is not for the lead to say
        subject = Unit("drug", (drug.key,), at, at, drug)
        text = sent.text[:end]
        lists = target_lists(text, inside)
        for shape in (drug_cue_target, drug_appositive):
            for found_reading in shape(text, [subject, *inside], lists):
                yield found_reading, (start, end)


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
        for found, line in _line_readings(doc, sent):
            if (found.drug.keys[0], found.key) not in read:
                read.add((found.drug.keys[0], found.key))
                yield reading_assertion(doc, sent, found, within=line)

"""A drug page's list of the uses a regulator approved: "FDA-approved indications include: 1. Renal cell carcinoma
(RCC): ... 2. Hepatocellular carcinoma (HCC): First-line treatment ...", numbered or bulleted, on one line or one
item per line.

Each item opens with its disease and a colon.  The item's disease is approved for the page's drug (the one drug
the document names before the list, else the one its title names) by the agency the label names ("FDA-approved",
"EMA-approved"; none when the label names none), in the line of therapy the item names when it names one.  An item
naming another drug "in combination with" the page's drug approves the combination (a drug the patients had before,
"after B", is none); one naming another drug any other way, or put with a negation ("not approved"), is left unread,
as is a list whose page has no one drug.

>>> [m.group("number") for m in ITEM_RE.finditer("include: 1. Thyroid cancer: x 2. Liver cancer (HCC): y")]
['1', '2']
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..keys import agent_key
from ..model import Assertion
from .analysis import AnalysedDocument
from .approval_lines import line_words
from .discourse_drugs import titled_drug
from .received_cues import had_before
from .registry import EXTRACTORS
from .sentences import DRUG

NAME = "approved-indication-list"
#: The list's label: "FDA-approved indications include:", "Approved indications:", "EMA approved uses are:".
LABEL_RE = re.compile(r"(?:\b(?P<agency>[A-Z][\w.]{1,10})[- ])?\b(?i:approved\s+(?:indications?|uses))"
                      r"(?:\s+(?i:include|includes|are))?\s*:")
#: An item's marker: a number with a stop or a bracket, or a bullet, then the item's disease.
ITEM_RE = re.compile(r"(?:^|(?<=\s))(?:(?P<number>\d{1,2})[.)]|[-•*])\s+(?=[A-Z])", re.MULTILINE)
#: The list ends at a blank line or at a heading-like line after it.
LIST_END_RE = re.compile(r"\n\s*\n|\n(?=[A-Z][^\n.:]{0,40}\n)")
# An item that takes the approval back ("not approved", "withdrawn"); not the patients' history ("not previously treated").
NEGATION_RE = re.compile(r"\bnot\s+(?:yet\s+)?(?:approved|authori[sz]ed|indicated)\b|\bno\s+longer\b|\bwithdrawn\b|\brevoked\b",
                         re.IGNORECASE)
COMBINED_RE = re.compile(r"\b(?:in\s+combination\s+with|combined\s+with|plus)\b", re.IGNORECASE)
MAX_LIST = 2000  # characters a list may run for


@EXTRACTORS.register(NAME)
def approved_indication_lists(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Each approved indication a drug page's list gives."""
    text = doc.document.text
    for label in LABEL_RE.finditer(text):
        drug = _page_drug(doc, label.start())
        if drug is None:
            continue
        agency = _agency(doc, label)
        end = _list_end(text, label.end())
        items = list(ITEM_RE.finditer(text, label.end(), end))
        for item, following in zip(items, [*items[1:], None]):
            yield from _item(doc, drug, agency, item.end(), following.start() if following else end)


def _page_drug(doc: AnalysedDocument, before: int) -> str | None:
    """The one drug the document names before ``before``, else the one its title names."""
    named = {m.key for m in doc.keys_of_type(doc.mentions_in(0, before), *DRUG)}
    if len(named) == 1:
        return named.pop()
    if named or not doc.sentences:
        return None
    titled = titled_drug(doc, max(0, doc.sentence_at(before)))
    return titled.key if titled else None


def _agency(doc: AnalysedDocument, label: re.Match) -> str | None:
    """The regulator the label's first word names ("FDA-approved")."""
    if label.group("agency") is None:
        return None
    key = doc.finder.lookup(label.group("agency"))
    return key if key is not None and doc.vocabulary[key].has_type("RegulatoryAgency") else None


def _list_end(text: str, start: int) -> int:
    ends = LIST_END_RE.search(text, start, start + MAX_LIST)
    return ends.start() if ends else min(len(text), start + MAX_LIST)


def _item(doc: AnalysedDocument, drug: str, agency: str | None, start: int, end: int) -> Iterator[Assertion]:
    """The approval one item states: its disease before the colon, its line, its partner drugs."""
    text = doc.document.text
    colon = text.find(":", start, end)
    if colon < 0 or NEGATION_RE.search(text, start, end):
        return
    mentions = doc.mentions_in(start, end)
    diseases = [m for m in mentions if m.end <= colon and doc.vocabulary[m.key].has_type("Disease")]
    if len({m.key for m in diseases}) != 1:
        return
    partners = [m for m in mentions if m.start > colon and doc.vocabulary[m.key].has_type(*DRUG) and m.key != drug
                and not had_before(text, m.start)]  # ("after sorafenib": what the patients had before)
    if partners and not COMBINED_RE.search(text, colon, partners[0].start):
        return
    keys = sorted({drug, *(m.key for m in partners)})
    agent = agent_key(keys)
    lines = line_words(text[colon:end])
    context = ((("agency", agency),) if agency else ()) + ((("line", next(iter(lines))),) if len(lines) == 1 else ())
    evidence = doc.evidence(start, end, NAME)
    if agent != drug:
        yield from (Assertion(agent, "hasComponent", key, evidence=(evidence,)) for key in keys)
    yield Assertion(agent, "approvedFor", diseases[0].key, context, (), (evidence,))


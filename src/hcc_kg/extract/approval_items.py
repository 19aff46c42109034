"""Approvals listed as items under a status lead, as drug profiles write them (:mod:`.approvals`).

A profile lists a drug's approvals as lines with no subject under a lead that names the regulator
(invented example)::

    - Agency Approval Status (oncology indications):
    - Approved in combination with Y for D1 after prior chemotherapy.
    - Approved as monotherapy for D2 in patients previously treated with X.

Each item opening with the approval word ("Approved", "Authorised") and naming no subject speaks of the
document's drug (the one its title or section heading names, else the one it names most often); a drug
the item names after "in combination with" is that drug's partner, never approved alone
(:mod:`.approval_conjuncts`).  The regulator is the one the status lead names (the item's own words
first); an item below a lead that names none has no agency.  Cue words and layout only: which drug,
disease, line and regulator come from the text.
"""

from __future__ import annotations

import re
from collections import Counter

from .analysis import AnalysedDocument
from .approval_cues import APPROVAL_CUE, STEP_CUE
from .jurisdictions import Jurisdictions
from .record_fields import BULLET_MARK
from .sentences import DRUG
from .discourse_drugs import titled_drug

# "- Approved as monotherapy for D", "• Authorised in combination with Y for D", a monograph's "Indicated for D"
# under the drug's heading; also after the lead the first item shares a sentence with ("Approval status: - Approved
# for D").
ITEM_OPENING = re.compile(rf"^\s*(?:{BULLET_MARK})?(?:[^:.;]{{1,80}}:\s*(?:{BULLET_MARK})?)?"
                          r"(?:(?:also|fully|conditionally|initially|later|subsequently)\s+)?"
                          r"(?:approved|authori[sz]ed|indicated)\s+(?:as|for|in|with|by|under|on|since)\b", re.IGNORECASE)
# The lead of a list of approvals: "Agency Approval Status (...):", "Regulatory status:", "Approved indications:".
STATUS_LEAD = re.compile(r"\b(?:(?:approval|regulatory|authori[sz]ation|marketing|licen[cs]ing)\s+(?:status|history)|"
                         r"approved\s+(?:indications?|uses?)|regulatory\s+approvals?|approvals?)\b[^:]{0,60}:", re.IGNORECASE)
ITEM_LINE = re.compile(rf"^\s*{BULLET_MARK}\S")
MAX_ITEMS = 12


def is_item(text: str) -> bool:
    """Does a sentence open as a subjectless approval item ("- Approved as monotherapy for D ...")?

    >>> is_item("- Approved as monotherapy for D in adults."), is_item("X was approved for D.")
    (True, False)
    >>> is_item("- Agency approval status: - Approved in combination with Y for D.")
    True
    """
    return ITEM_OPENING.match(text) is not None


def document_drug(doc: AnalysedDocument, index: int) -> str | None:
    """The drug a profile's items speak of: the one the title or the sentence's section heading names, else
    the one the document names most often (None on a tie)."""
    titled = titled_drug(doc, index)
    if titled is not None:
        return titled.key
    counts = Counter(m.key for sent in doc.sentences for m in doc.keys_of_type(sent.mentions, *DRUG))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def lead_agency(doc: AnalysedDocument, index: int, places: Jurisdictions) -> str | None:
    """The one regulator named by the status lead above the item at ``index`` (the items between it and the
    lead all items too), None when there is no such lead or it names none or several."""
    for back in range(index, max(-1, index - MAX_ITEMS), -1):
        text = doc.sentences[back].text
        lead = STATUS_LEAD.search(text)
        if lead:
            named = {m.key for m in doc.keys_of_type(doc.sentences[back].mentions, "RegulatoryAgency")
                     if doc.sentences[back].local(m)[0] < lead.end()}
            named |= {r for at, _, r in places.regulators_in(text[:lead.end()]) if r in doc.vocabulary}
            return named.pop() if len(named) == 1 else None
        if not (ITEM_LINE.match(text) and is_item(text)):
            return None
    return None


# A label's indication ("X is indicated for D", "Indicated for D") states an approval only where no regulatory step
# is pending: in a committee's opinion ("adopted a positive opinion ... the new indication will be as follows: X is
# indicated for D") it is the wording proposed, not yet granted.
INDICATION_CUE = re.compile(r"\bindicated\b", re.IGNORECASE)


def label_only(text: str) -> bool:
    """Is a label's "indicated" the sentence's only approval cue?"""
    found = list(APPROVAL_CUE.finditer(text))
    return bool(found) and all(INDICATION_CUE.fullmatch(m.group(0)) for m in found)


def told_indications(sentences: list, cued: list[int]) -> list[int]:
    """The cued sentences without a label's indication that gives the indication of the approval (or step) the
    sentence before tells of ("The notice authorises the following indication: ... X is indicated for D")."""
    told = set(cued)
    return [i for i in cued if not (label_only(sentences[i].text) and i - 1 in told)]


def proposed_indication(doc: AnalysedDocument, span: tuple[int, int]) -> bool:
    """Is the approval read at ``span`` only a label's "indicated", in a document that tells of a step short of
    an approval?"""
    if not doc.once("a regulatory step told", lambda: any(STEP_CUE.search(s.text) for s in doc.sentences)):
        return False  # (read once per document: a review holds hundreds of sentences and dozens of approvals)
    for sent in doc.sentences:
        start, end = sent.sentence.mapped.original_span(0, len(sent.text))
        if start <= span[0] < end:
            return label_only(sent.text)
    return False

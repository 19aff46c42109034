"""Document-level completion of the approvals :mod:`.approvals` reads sentence by sentence: a line the
sentence did not state, a restatement for one drug of a combination told before, the regulator whose
decision a summary reports, and a later clause that undoes an approval.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..keys import is_regimen_key, regimen_components
from .analysis import AnalysedDocument
from .approval_basis import RESTATING
from .approval_cues import DECISION_AFTER, DECISION_BEFORE
from .approval_frame import Frame

if TYPE_CHECKING:  # (approvals imports this module)
    from .approvals import Reading


def resolve_line(reading: "Reading", readings: list["Reading"], frame: Frame, main_disease: str | None) -> str | None:
    """A line the sentence did not state: from the document's other asserted readings of the same
    approval (same agency and disease; same agent, or "the drug"), else, for an approval in the
    document's own disease, from its heading (when by the heading's regulator: "X approved in China for
    second-line HCC ... already approved for HCC in the US" lends the US approval no line); only when unambiguous."""
    if reading.line:
        return reading.line
    told = {r.line for r in readings if r.line and r.asserted and r.agency == reading.agency
            and (r.agent == reading.agent or (r.agent is None and not reading.told_before
                                              and _referent(r, readings) in (reading.agent, None)))
            and r.disease in (reading.disease, None)}
    if len(told) == 1:
        return told.pop()
    by_heading = frame.regulator is None or reading.agency == frame.regulator
    return frame.lines[0] if len(frame.lines) == 1 and reading.disease == main_disease and by_heading else None


def _referent(anaphoric: "Reading", readings: list["Reading"]) -> str | None:
    """The agent an approval told without one ("This approval was based on ...", "the drug") is of: the nearest
    approval with an agent before it, else the first after it; it lends its line to that agent's approval only
    ("... in people previously treated with B. The approval of A comes after those of C and D": not C's nor D's)."""
    named = [r for r in readings if r.agent is not None]
    before = [r for r in named if r.span[0] < anaphoric.span[0]]
    if before:
        return max(before, key=lambda r: r.span[0]).agent
    after = [r for r in named if r.span[0] > anaphoric.span[0]]
    return min(after, key=lambda r: r.span[0]).agent if after else None


# "The marketing approval of A for D is based on ...": the approval told before, named again.
THE_APPROVAL_OF = re.compile(r"^\W*The\s+(?:[\w-]+\s+){0,2}?approval\s+of\b", re.IGNORECASE)


def restated_for_a_component(doc: AnalysedDocument, reading: "Reading", readings: list["Reading"]) -> bool:
    """A sentence restating an approval told before of a combination, for one of its drugs ("The agency
    approved A plus B. It is the first nod for A."): that combination's approval, not one of A alone."""
    text = doc.document.text[reading.span[0]:reading.span[1]]
    if is_regimen_key(reading.agent or "") or not (RESTATING.match(text) or THE_APPROVAL_OF.match(text)):
        return False
    return any(r.asserted and r.span[0] < reading.span[0] and is_regimen_key(r.agent or "") and reading.agency in (r.agency, None)
               and r.disease == reading.disease and reading.agent in regimen_components(r.agent) for r in readings)


# "X was approved for HCC, but the indication was withdrawn in 2024": a later clause undoes the approval.
WITHDRAWN_LATER = re.compile(r"\b(?:withdr[ae]wn?|withdrawal|revoked|rescinded|no longer (?:approved|authori[sz]ed))\b",
                             re.IGNORECASE)


def decision_maker(doc: AnalysedDocument) -> str | None:
    """The regulator whose decision the document reports (a decision summary, an assessment report):
    the only one it names, named as the decision's maker ("Health Canada's decision"); else None."""
    named = [(sent, m) for sent in doc.sentences for m in doc.keys_of_type(sent.mentions, "RegulatoryAgency")]
    if len({m.key for _, m in named}) != 1:
        return None
    for sent, m in named:
        start, end = sent.local(m)
        if DECISION_AFTER.match(sent.text[end:]) or DECISION_BEFORE.search(sent.text[:start]):
            return m.key
    return None


DATE_ATTRIBUTES = ("approval_date", "approval_year_month", "year")


def without_notice_date(reading: "Reading", readings: list["Reading"], frame: Frame) -> tuple[tuple[str, object], ...]:
    """The reading's attributes, without the notice's date (its dateline, "January 2023, Vol 13") where another
    reading of the same approval states the approval's own ("On October 21, 2022, the FDA approved A"): a notice
    is dated when it is published, not when the approval was granted, and the graph keeps one date."""
    own = dict(reading.attributes).get("approval_date")
    if frame.dateline is None or own != frame.dateline.text:
        return reading.attributes
    stated = {dict(r.attributes).get("approval_date") for r in readings if r is not reading and r.asserted
              and (r.agent, r.agency, r.disease) == (reading.agent, reading.agency, reading.disease)}
    if not stated - {None, own}:
        return reading.attributes
    return tuple((k, v) for k, v in reading.attributes if k not in DATE_ATTRIBUTES)

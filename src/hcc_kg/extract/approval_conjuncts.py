"""Indications coordinated in one approval sentence, each with its own regimen (:mod:`.approvals`).

"X is approved for D1 and, in combination with Y, for D2", "X, alone for D1 and with Y for D2", "X was
authorised for D1 as monotherapy and for D2 in combination with Y": :mod:`.approval_clauses` cuts the
sentence before each coordinated indication, and the part that follows a clause stating the approval (a
*conjunct*) is read under that clause's approval word, with its own disease, line and regimen:

* a drug the part names as a partner ("in combination with Y", "plus Y", "with chemotherapy (Y plus Z)")
  joins the approved subject for that indication only; so does one in a clause whose subject is no drug
  name ("it was approved in combination with Y": the drug "it" names, with Y), never standing for it;
* "as monotherapy" / "alone" in the part takes the subject's first-named drug by itself;
* a partner the part names by no drug ("in combination with chemotherapy") leaves the regimen unknown:
  no approval is read for that indication (a missed approval costs less than a wrong one);
* a subject named before its coordinated indications ("X, alone for D1 and with Y for D2, is approved")
  takes the partner of the indication it is read with;
* each indication keeps its own line: a line is not lent between the parts of one coordination, nor from
  a clause about another disease (:func:`other_indication`).

Which drug is whose comes from the text; only cue words live here.
"""

from __future__ import annotations

import re

from ..keys import agent_key, is_regimen_key, regimen_components
from ..model import Mention
from .analysis import AnalysedSentence
from .approval_clauses import Clause
from .approval_cues import MONOTHERAPY
from .approval_indications import GENERAL_NAME_OF

# "in combination with Y", "plus the antibody Y", "with chemotherapy (Y plus Z)": Y is added to the subject.
# ("A plus B and C": C is no partner, "and" ends the words after "plus"; but "A in combination with B and C": both are)
PARTNER_BEFORE = re.compile(r"(?:(?:\bin\s+combination\s+with|\bcombined\s+with|\btogether\s+with)\s+"
                            r"(?:(?:the|its|an?)\s+)?(?:[\w-]+\s+){0,3}?|"
                            r"(?:\bplus|\+)\s+(?:(?:the|its|an?)\s+)?(?:(?!(?:and|or)\b)[\w-]+\s+){0,3}?)(?:\(\s*)?$", re.IGNORECASE)
# "... alone for D1 and with Y for D2": a coordinated indication opening with its partner.
WITH_OPENING = re.compile(r"^\s*with\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
PARTNER_CUE = re.compile(r"\b(?:(?:in\s+combination|combined|together)\s+with|with\s+the\s+addition\s+of)\b",
                         re.IGNORECASE)
# The opening of a coordinated indication, once the clause cutter has taken its "and".
CONJUNCT = re.compile(r"^\s*(?:for\s|(?:in\s+combination|combined|together)\s+with\b|with\s|"
                      r"as\s+(?:a\s+)?monotherapy\b|alone\b)", re.IGNORECASE)
ALONE = re.compile(r"\balone\b", re.IGNORECASE)

# "Approved first-line agents include A and B, while C and D are reserved for patients who progressed on A":
# a contrast after an approval names further agents of the approved class, each kept for a use of its own.
CONTRAST_BEFORE = re.compile(r"(?:^|[\s,])(?:while|whereas)\s+$", re.IGNORECASE)
RESERVED_USE = re.compile(r"\b(?:is|are)\s+(?:(?:now|only|instead|currently)\s+)?(?:reserved|indicated)\s+(?:for|in|as)\b",
                          re.IGNORECASE)

Agent = tuple[str, tuple[Mention, ...], str]


def is_conjunct(clause: Clause) -> bool:
    """Does the clause open as an indication coordinated with the clause before ("for D2 ...",
    "in combination with Y, for D2", "as monotherapy for D2")?"""
    return bool(CONJUNCT.match(clause.text))


def contrast_use(text: str, clause: Clause) -> re.Match | None:
    """The "are reserved for" of a clause set against the one before by "while" / "whereas" (a use of
    the agents it names: the rest of an approved class, :func:`is_conjunct`'s contrastive kin).

    >>> text = "approved agents include A in first line, while B is reserved for pretreated patients"
    >>> at = text.index("B is")
    >>> bool(contrast_use(text, Clause(at, len(text), text[at:])))
    True
    """
    return RESERVED_USE.search(clause.text) if CONTRAST_BEFORE.search(text[:clause.start]) else None


def partner_roles(sent: AnalysedSentence, clause: Clause, agents: tuple[Agent, ...]) -> tuple[Agent, ...]:
    """The clause's agents, those it adds to the subject ("in combination with Y" before any approved
    agent of the clause) given the role "partner"; after an approved agent, one the agent readers did not join
    to it ("A as monotherapy for D1 and D2 in combination with chemotherapy (Y plus Z)"), the role "reference":
    a partner is never approved by itself."""
    out: list[Agent] = []
    for key, group, role in agents:
        before = sent.text[clause.start:sent.local(group[0])[0]]
        partner = PARTNER_BEFORE.search(before) or (WITH_OPENING.match(before) and is_conjunct(clause))
        if role == "agent" and partner:
            role = "reference" if any(r == "agent" for _, _, r in out) else "partner"
        out.append((key, group, role))
    return tuple(out)


def with_partners(keys: list[str | None], agents: tuple[Agent, ...], own: tuple[Agent, ...],
                  clause: Clause, conjunct: bool) -> list[str | None]:
    """The approved agents of a clause: its subject's ``keys`` (``agents``: the groups they were read
    from), each joined by the clause's own partners; in a conjunct, its subject's first drug for "as
    monotherapy", and none at all for a partner named by no drug."""
    partners = [m.key for _, group, role in own if role == "partner" for m in group]
    if conjunct and (MONOTHERAPY.search(clause.text) or ALONE.search(clause.text)) and not partners:
        firsts = [group[0].key for key, group, role in agents if role == "agent" and key in keys]
        # ... a regimen reached by an anaphor ("the combination") names no first drug: nothing is read
        return list(dict.fromkeys(firsts)) or [k for k in keys if k and not is_regimen_key(k)] or [None]
    if conjunct and not partners and PARTNER_CUE.search(clause.text):
        return [None]  # "... and for D2 in combination with chemotherapy": which drugs is not said
    if not partners:
        return keys
    return [agent_key([*(regimen_components(k) if is_regimen_key(k) else [k]), *partners]) if k else None for k in keys]


def other_indication(diseases: tuple[str, ...], lender: tuple[str, ...], lender_unknown: bool = False) -> bool:
    """Does a clause lending its line name diseases none of which is the borrowing clause's, or only a disease the
    vocabulary lacks (``lender_unknown``: "Used off label for GIST ... resistant to imatinib")? (A line stated for one
    indication is not another disease's.)"""
    if not diseases:
        return False
    return not _general(diseases) & _general(lender) if lender else lender_unknown


def _general(diseases: tuple[str, ...]) -> set[str]:
    """The diseases by their general names ("liver cancer" stands for HCC)."""
    return {GENERAL_NAME_OF.get(k, k) for k in diseases}

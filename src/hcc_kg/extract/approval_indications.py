"""An approval's indication: the diseases a clause names as it, and the line "this indication" has.

Split from :mod:`.approvals`, which reads the rest of an approval (agent, agency, line, status).
"""

from __future__ import annotations

import re

from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_agents import agent_roles
from .approval_clauses import Clause
from .approval_frame import Frame
from .approval_agencies import LIST_GLUE as ITEM_GLUE, OTHER_PATIENTS
from .approval_cues import APPROVAL_CUE, DISEASE_NOUN, STEP_CUE
from .approval_lines import line_words
from .sentences import LIST_GLUE, _between

CLASSIFIER_BEFORE = re.compile(r"\b(?:form|type|kind|subtype)s?\s+of\s+(?:the\s+)?(?:primary\s+)?$", re.IGNORECASE)
DISEASE_CONTEXT_AFTER = re.compile(r"^[\s-]*(?:related|associated|induced|positive|infected|infection)\b",
                                   re.IGNORECASE)


def inside(sent: AnalysedSentence, mention: Mention, clause: Clause) -> bool:
    """Does the mention lie within the clause?"""
    start, end = sent.local(mention)
    return clause.start <= start and end <= clause.end


def in_clause(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, *types: str) -> list[Mention]:
    """The mentions of ``types`` inside the clause."""
    return [m for m in doc.keys_of_type(sent.mentions, *types) if inside(sent, m, clause)]


def clause_diseases(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause) -> tuple[list[str], bool]:
    """The clause's indication: its first disease (not "X-related") and those listed with it;
    and whether the clause names a disease the vocabulary does not know."""
    found = _after_the_cue(sent, clause, _indication_mentions(doc, sent, clause))
    unknown = _unknown_disease_at(doc, sent, clause)
    if not found or (unknown is not None and unknown[0] < sent.local(found[0])[0]
                     and not ANOTHER_INDICATION.search(sent.text[unknown[0]:sent.local(found[0])[0]])
                     and not LISTED_WITH.fullmatch(sent.text, unknown[1], sent.local(found[0])[0])):
        # "X, approved for thyroid cancer, entered HCC trials": the indication is the disease named first
        # (not in "approved for gastric cancer and, with Y, for HCC": a second indication of its own)
        # (nor in "for Hodgkin lymphoma, HCC and ...", "for several cancers, including HCC": listed with it)
        return [], unknown is not None
    keys = [found[0].key]
    for left, right in zip(found, found[1:]):
        if not (LIST_GLUE.match(_between(sent, left, right)) or OTHER_PATIENTS_GLUE.match(_between(sent, left, right))):
            break
        keys.append(right.key)
    return list(dict.fromkeys(keys)), False


def _after_the_cue(sent: AnalysedSentence, clause: Clause, found: list) -> list:
    """The diseases named "for" after the approval word when others come before it ("sells the breast cancer drug B,
    and A, approved this year for melanoma": melanoma), else all of them."""
    cue = APPROVAL_CUE.search(clause.text)
    if cue is None:
        return found
    at = clause.start + cue.end()
    after = [m for m in found if sent.local(m)[0] >= at]
    if after and len(after) < len(found) and re.search(r"\bfor\b", sent.text[at:sent.local(after[0])[0]]):
        return after
    return found


# "for patients with A and those with (unresectable) B": a second indication by its patients.
OTHER_PATIENTS_GLUE = re.compile(rf"^\s*,?\s+and\s+{OTHER_PATIENTS}\s+(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE)


def _indication_mentions(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause) -> list:
    """The clause's diseases that can be an indication: not "X-related", and (when another is named)
    not one a classifier only describes ("the most common form of liver cancer, ... HCC")."""
    found = [m for m in in_clause(doc, sent, clause, "Disease")
             if not DISEASE_CONTEXT_AFTER.match(sent.text[sent.local(m)[1]:])]
    specific = [m for m in found if not CLASSIFIER_BEFORE.search(sent.text[:sent.local(m)[0]])]
    return specific or found


def coordinated_diseases(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause, listed: tuple[str, ...],
                         own_lines: dict[str, str | None]) -> tuple[str, ...]:
    """The diseases of a clause that coordinates indications, each with its own line ("approval for
    first-line A and conditional approval for pretreated B"): those listed first, and each other
    indication's disease (``own_lines``: disease -> its part's line)."""
    others = [m.key for m in _indication_mentions(doc, sent, clause) if m.key in own_lines]
    return tuple(dict.fromkeys([*listed, *others]))


ANOTHER_INDICATION = re.compile(rf"\bfor\b|{APPROVAL_CUE.pattern}", re.IGNORECASE)
# Between a disease the vocabulary does not know and a known one listed with it or included in it: a list's glue or
# "including", then only words that say which stage of the disease ("and unresectable HCC"); any other word may start
# a clause of its own ("approved for thyroid cancer, entered HCC trials").
_STAGE = (r"(?:advanced|unresectable|metastatic|recurrent|relapsed|refractory|locally|locoregional|inoperable|early|"
          r"intermediate|late|previously|treated|untreated|pretreated|stage\s+[IV\dABC]+|classical|classic|adult|pediatric|paediatric)")
LISTED_WITH = re.compile(rf"{ITEM_GLUE.pattern}(?:(?:including|such\s+as|notably|e\.g\.,?)\s+)?"
                         rf"(?:{_STAGE}[\s,-]+(?:(?:and|or)\s+)?){{0,3}}", re.IGNORECASE)


def _unknown_disease_at(doc: AnalysedDocument, sent: AnalysedSentence, clause: Clause) -> tuple[int, int] | None:
    """Where the clause, after its approval word, first names a disease the vocabulary does not know
    (a disease noun outside every known disease's mention): its noun's start and end, or None."""
    known = [sent.local(m) for m in in_clause(doc, sent, clause, "Disease")]
    cue = APPROVAL_CUE.search(clause.text) or STEP_CUE.search(clause.text)
    for m in DISEASE_NOUN.finditer(clause.text, cue.end() if cue else 0):
        at = clause.start + m.start()
        if not any(start <= at < end for start, end in known):
            return at, clause.start + m.end()
    return None


# "approved for this indication": the indication the document states for the agent ("X is indicated for ...").
THIS_INDICATION = re.compile(r"\b(?:this|that|the same)\s+indication\b", re.IGNORECASE)
INDICATED = re.compile(r"\bindicated\s+(?:for|as|in)\b", re.IGNORECASE)


def indicated_lines(doc: AnalysedDocument, frame: Frame) -> dict[str, set[str]]:
    """The lines of therapy the document's label wording gives each agent ("X is indicated for the
    first-line treatment of ...")."""
    out: dict[str, set[str]] = {}
    for sent in doc.sentences:
        if INDICATED.search(sent.text):
            lines = line_words(sent.text)
            for key, _, role in agent_roles(doc, sent, frame.regimens):
                if role == "agent":
                    out.setdefault(key, set()).update(lines)
    return out


def line_of_this_indication(doc: AnalysedDocument, agent: str | None, span: tuple[int, int], frame: Frame) -> str | None:
    """The line of an approval "for this indication" (at ``span``): the one line the document's label
    wording gives the agent, else None."""
    if not THIS_INDICATION.search(doc.document.text[span[0]:span[1]]):
        return None
    lines = indicated_lines(doc, frame).get(agent or "", set())
    return next(iter(lines)) if len(lines) == 1 else None


# The general name news and notices give the specific disease they report on ("also approved for liver cancer"
# in a notice of an HCC approval): vocabulary, the general disease -> its specific one.
GENERAL_NAME_OF = {"liver_cancer": "hcc"}


def specific_disease(agent: str | None, agency: str | None, disease: str | None, readings: list) -> str | None:
    """An approval of X "for liver cancer" by an agency, in a document that states X's approval for HCC by
    another agency, is an HCC approval (the notice names the indication once in full, then by its general
    name: "approved in China for HCC ... also approved for liver cancer in Japan"); else the disease stays as
    stated: by the same agency, or by none, the general name restates the approval already read."""
    specific = GENERAL_NAME_OF.get(disease or "")
    if not specific or agency is None:
        return disease
    same_drug = [r for r in readings if r.asserted and r.agent == agent and r.disease == specific]
    return specific if same_drug and all(r.agency != agency for r in same_drug) else disease

"""Whom a sentence's mechanism statements speak of when no drug stands first: a pronoun or a definite noun
("It", "This drug", "The antibody"), a definition ("A ..." under a drug's heading), a sentence of a drug's
entry with no subject ("Inhibits T", "Selective inhibitor of T" under the drug's heading), "Both" (the two drugs
the sentence before names) or "These agents" (the two to five it names).
"""

from __future__ import annotations

import re

from ..model import Mention
from .analysis import AnalysedDocument
from .sentences import ANTIBODY_TYPES, DRUG
from .discourse_drugs import defined_drug, discourse_drug
from .subjects import PRONOUN_START, defining_start

# "X and Y were compared. Both bind T": the two drugs the sentence before names, each the subject (not "Both arms").
BOTH_START = re.compile(r"^\s*(?P<np>Both|The\s+two|These\s+two)(?:\s+(?:drugs|agents|antibodies|compounds|inhibitors|TKIs))?"
                        r"(?!\s+(?:arms?|groups?|patients|trials?|studies|cohorts?|regimens?|doses?|of)\b)(?=\s)", re.IGNORECASE)
# "... several agents, including X and Y. These agents block T": the drugs the sentence before names, each the subject
# (a plural noun of drugs is needed: "These bind T" may speak of anything).
THESE_START = re.compile(r"^\s*(?:These|Those|Such)\s+(?:[\w-]+\s+)?(?:drugs|agents|antibodies|compounds|inhibitors|TKIs|MKIs|medicines)"
                         r"(?=\s)", re.IGNORECASE)
# "The antibody binds T": the noun says which kind of drug it stands for; a drug of another kind is not its antecedent.
KIND_OF_NOUN = ((re.compile(r"\b(?:antibod(?:y|ies)|mAbs?)\b", re.IGNORECASE), ANTIBODY_TYPES),
                (re.compile(r"\b(?:TKIs?|MKIs?|small[- ]molecules?)\b", re.IGNORECASE), ("SmallMolecule",)))


def _drugs_before(doc: AnalysedDocument, index: int, most: int = 2) -> list[Mention]:
    """The two (or up to ``most``) drugs the sentence before names (one mention each), or none when it names another
    number."""
    if index == 0:
        return []
    named = {m.key: m for m in reversed(doc.keys_of_type(doc.sentences[index - 1].mentions, *DRUG))}
    return list(named.values()) if 2 <= len(named) <= most else []


def _fits(doc: AnalysedDocument, noun: str, drug: Mention) -> bool:
    """The antecedent is of the kind the definite noun names ("the antibody" is no small molecule)."""
    return all(doc.vocabulary[drug.key].has_type(*types) for pattern, types in KIND_OF_NOUN if pattern.search(noun))


def sentence_subjects(doc: AnalysedDocument, index: int) -> list[Mention | None]:
    """The drugs a sentence's opening anaphor stands for ([None] when it opens with none)."""
    text = doc.sentences[index].text
    pronoun = PRONOUN_START.match(text)
    drug = discourse_drug(doc, index) if pronoun else defined_drug(doc, index) if defining_start(text) else None
    if pronoun and drug is not None and not _fits(doc, pronoun.group("np"), drug):
        drug = None
    both = BOTH_START.match(text)
    # "Both X and Y target T" names its own subjects; "Both bind T" stands for the two named before
    named = both and any(m.start <= 1 for m in doc.keys_of_type(doc.finder.find_text(text[both.end():]), *DRUG))
    these = THESE_START.match(text)
    listed = _drugs_before(doc, index, most=5) if these else []
    # ("these antibodies" stands for the drugs before only when each is one)
    return (_drugs_before(doc, index) if both and not named else []) \
        or (listed if these and all(_fits(doc, these.group(), m) for m in listed) else []) or [drug]

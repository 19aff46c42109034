"""Receptors a fusion protein is built from, which it carries rather than acts on.

"X is a fusion protein of an anti-PD-L1 antibody fused with the extracellular domain of TGF-beta receptor II":
the receptor's domain is a part of X, a trap for the receptor's ligands; X does not act on that receptor, even
where a title calls X "anti-PD-L1/TGF-betaRII".  A sentence naming one drug and saying it is fused with (or
comprises, contains) the extracellular or ligand-binding domain of a target makes that target a part of the
drug in that document (:func:`drug_parts`); the mechanism readers then assert no action of the drug on it.
"""

from __future__ import annotations

import re

from .analysis import AnalysedDocument
from .sentences import DRUG

#: "fused (to|with) the extracellular domain of T", "comprising the ligand-binding domains of T", "T extracellular
#: domain", "the ECD of T": up to the target's name.
PART_CUE = re.compile(r"\b(?:(?:extracellular|ligand[- ]binding)\s+domains?|ECDs?)\s+(?:of\s+(?:the\s+)?(?:human\s+)?)?$"
                      r"|\b(?:fused|linked|conjugated)\s+(?:to|with)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
DOMAIN_AFTER = re.compile(r"[\s)]*(?:extracellular|ligand[- ]binding)\s+domains?\b", re.IGNORECASE)
# ... but "fused to a T trap" names what the part binds, a ligand the drug then acts on: no part.
TRAP_AFTER = re.compile(r"[\s)]*(?:ligand\s+)?traps?\b", re.IGNORECASE)
FUSION_WORD = re.compile(r"\bfus(?:ed|ion)\b|\btrap\b", re.IGNORECASE)


def drug_parts(doc: AnalysedDocument) -> dict[str, frozenset[str]]:
    """{drug: targets it is built from} for the document's fusion proteins.

    >>> PART_CUE.search("fused with the extracellular domain of ") is not None
    True
    """
    parts: dict[str, set[str]] = {}
    for sent in doc.sentences:
        drugs = {m.key for m in doc.keys_of_type(sent.mentions, *DRUG)}
        if len(drugs) != 1 or not FUSION_WORD.search(sent.text):
            continue
        for m in sent.mentions:
            if not doc.vocabulary.is_target(m.key):
                continue
            start, end = sent.local(m)
            if (PART_CUE.search(sent.text, max(0, start - 60), start) or DOMAIN_AFTER.match(sent.text, end)) \
                    and not TRAP_AFTER.match(sent.text, end):
                parts.setdefault(next(iter(drugs)), set()).add(m.key)
    return {drug: frozenset(keys) for drug, keys in parts.items()}

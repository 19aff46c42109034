"""A target named as a modifier or as the seat of an effect, not as what a drug acts on.

"MET-amplified tumours", "PD-L1 expression", "AKT (Ser473) phosphorylation" use the target's name to
say something about tumours or signalling; "targets activating EGFR mutations" still names the target
(an altered form a cue governs).  Split from :mod:`.targets`, which reads the units of a sentence.
"""

from __future__ import annotations

import re

# The nouns of an effect on a target rather than the target itself: after it ("A phosphorylation", "B
# expression": a modifier, below) or before it (mechanism_cues.DOWNSTREAM_OF: "phosphorylation of A").
EFFECT = r"(?:phosphorylation|activation|expression|levels?|secretion|production|release|transcription|up-?regulation|induction|" \
         r"(?:nuclear\s+)?translocation|(?:complex\s+)?formation)"  # "blocking IKK complex formation", "translocation of p65"
# The residue an effect sits on may stand between the target and the effect's noun: "AKT (Ser473)
# phosphorylation", "ERK1/2 (Thr202/Tyr204) phosphorylation", "STAT3 Tyr705 phosphorylation".
RESIDUE = (r"(?:\(\s*(?:p-?)?(?:Ser|Thr|Tyr|[STY])\d+(?:\s*/\s*(?:Ser|Thr|Tyr|[STY])?\d+)*\s*\)[\s-]*"
           r"|(?:Ser|Thr|Tyr)\d+(?:/(?:Ser|Thr|Tyr)?\d+)*\s+)?")
# A target used as a modifier ("MET-amplified tumours", "PD-L1 expression") is not acted on.
AS_MODIFIER = re.compile(rf"^[\s-]*{RESIDUE}(?:{EFFECT}|amplifi\w*|positiv\w*|negativ\w*|high|low|mutant|mutat\w*|expressing|"
                         r"overexpress(?:ion|ing)|driven|dependent|induced|mediated|stimulated|associated|related|rearrange\w*|fusions?|alter\w*|status|"
                         r"signature|score|staining|[+]|gene|polymorphism\w*|variants?|copy|"
                         r"up-?regulat\w*|down-?regulat\w*|"
                         r"mRNA|phosphorylat\w*|like|ligands?)\b",  # "programmed cell death-1 ligand 1" names the ligand
                         re.IGNORECASE)
# "targets activating EGFR mutations", "inhibits RET fusions": an altered form of the target that a cue governs is
# still the target ("patients with EGFR mutations", "tumours with KRAS mutations" name no target).
# "PDGFRA activation loop mutants", "KIT exon 11 mutations": where the alteration sits may come first.
#: The nouns of a target's altered forms, wherever they stand (after it here, before it in mechanism_cues).
ALTERATION = r"(?:mutations?|mutants?|fusions?|amplifications?|alterations?|rearrangements?)"
ALTERED_FORM = re.compile(r"^[\s-]*(?:(?:activation[\s-]+loop|kinase[\s-]+domain|juxtamembrane|gatekeeper|exon\s*\d+)\s+)?"
                          rf"{ALTERATION}\b",
                          re.IGNORECASE)
CUE_BEFORE_FORM = re.compile(r"\b(?:inhibit(?:s|ed|ing)?|target(?:s|ed|ing)?|block(?:s|ed|ing)?|against|"
                             r"(?:inhibitors?|TKIs?|MKIs?|blockers?|(?:ant)?agonists?)\s+of)\s+"
                             r"(?:(?!(?:with|in|from|of|for|by|harbou?ring|carrying|bearing|tumou?rs?|patients?|cells?|"
                             r"cancers?|disease)\b)[\w.-]+,?\s+){0,6}$", re.IGNORECASE)
GENE_AFTER = re.compile(r"^[\s-]*genes?\b", re.IGNORECASE)
PRODUCT_BEFORE = re.compile(r"\bproteins?\s+(?:made|encoded|produced|coded|expressed)\s+(?:by|from)\s+(?:(?:an?|the)\s+)?"
                            r"(?:(?!(?:in|of|with|for|by|patients?|cells?|tumou?rs?)\b)[\w-]+,?\s+){0,6}$", re.IGNORECASE)


def governed_altered_form(text: str, start: int, end: int) -> bool:
    """"targets EGFR mutations and MET amplifications": a cue governs the altered target; "blocks the
    protein made by the ALK gene": the gene's product is the target."""
    if GENE_AFTER.match(text[end:]) and PRODUCT_BEFORE.search(text[max(0, start - 120):start]):
        return True
    return bool(ALTERED_FORM.match(text[end:]) and CUE_BEFORE_FORM.search(text[max(0, start - 120):start]))

"""When a procedure and a drug named side by side are one arm: a procedure given with drugs ("A plus
B with TACE") and the drug a procedure delivers ("A plus arterial infusion chemotherapy with B",
"TACE with B"); a comparison of the two ("comparing TACE with B") keeps them apart; and the procedure placebo
stands beside ("TACE plus A or placebo": TACE is the placebo arm's too).

Split from :mod:`.prose_arms`, whose agent reader asks these while it glues mentions into regimens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .comparators import is_procedure
from .regimen_glue import DOSE_GAP, GLUE_RE
from .sentences import DRUG

if TYPE_CHECKING:
    from .prose_arms import Agent

# A comparison's verb before "A with B": "comparing A with TACE", "A was compared to ... A with B".
COMPARING_RE = re.compile(r"\b(?:compar\w*|versus|vs\.?|than|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def with_procedure(doc: AnalysedDocument, text: str, group: list[tuple[Mention, int, int]],
                   item: tuple[Mention, int, int]) -> bool:
    """ "A plus B with TACE", "A with chemotherapy": a procedure given with drugs is part of their arm ("comparing A
    with TACE" compares them; care given with a drug is read by :func:`glued_to_care`)."""
    return re.fullmatch(r"\s+with\s+", text[group[-1][2]:item[1]]) is not None \
        and is_procedure(doc, item[0].key) \
        and not any(doc.vocabulary[m.key].has_type("Procedure", "Placebo") for m, _, _ in group) \
        and not COMPARING_RE.search(text, max(0, group[0][1] - 40), group[0][1])


#: "HAIC with B", "HAIC using the B regimen", "arterial infusion of B": what joins a procedure to the drugs it delivers.
_DELIVERING = re.compile(r"\s+(?:with|using|of)\s+(?:the\s+|a\s+)?(?:modified\s+)?")


def delivered_by(doc: AnalysedDocument, text: str, group: list[tuple[Mention, int, int]],
                 item: tuple[Mention, int, int]) -> bool:
    """ "A plus arterial infusion chemotherapy with B", "TACE with B", "HAIC using B": the drug a procedure delivers
    is part of its arm, not an arm of its own ("comparing TACE with B" compares them)."""
    last = group[-1][0].key
    return _DELIVERING.fullmatch(text[group[-1][2]:item[1]]) is not None \
        and is_procedure(doc, last) \
        and doc.vocabulary[item[0].key].has_type(*DRUG) \
        and not COMPARING_RE.search(text, max(0, group[0][1] - 40), group[0][1])


# Between a regimen's last drug and "or placebo": that drug's dose and schedule only ("A 400 mg twice daily or
# placebo").
PLACEBO_ALTERNATIVE = re.compile(rf"{DOSE_GAP}\s*,?\s+or\s+(?:(?:a\s+)?match(?:ed|ing)\s+)?")


def procedures_before_placebo(doc: AnalysedDocument, sent: AnalysedSentence, regimen: Agent,
                              last: Agent) -> tuple[str, ...] | None:
    """The procedures of "TACE plus A or placebo" when placebo follows that regimen's only drug A right away (a
    placebo for two drugs, "A plus B or placebo", may stand for both: no reading); None otherwise."""
    if last.components != ("placebo",) or not PLACEBO_ALTERNATIVE.fullmatch(sent.text, regimen.end, last.start):
        return None
    parts = [m for m in sent.mentions if regimen.start <= sent.local(m)[0] < regimen.end
             and doc.vocabulary[m.key].has_type(*DRUG, "Procedure", "Placebo")]
    delivered = _delivered_in_brackets(doc, sent, parts)  # "TACE (epirubicin 50 mg) plus A or placebo": TACE's, both arms'
    named = [m for m in parts if m not in delivered]
    if len(named) < 2 or not GLUE_RE.match(sent.text[sent.local(named[-2])[1]:sent.local(named[-1])[0]]):
        return None
    before = tuple(dict.fromkeys(m.key for m in named[:-1] if m.key != named[-1].key))
    if not before or not all(is_procedure(doc, k) for k in before) or is_procedure(doc, named[-1].key):
        return None
    return before + tuple(dict.fromkeys(m.key for m in delivered if m.key not in before))


def _delivered_in_brackets(doc: AnalysedDocument, sent: AnalysedSentence, parts: list[Mention]) -> list[Mention]:
    """The mentions in a parenthesis right after a procedure ("TACE (150 mg epirubicin)"): what the procedure
    delivers."""
    out = []
    for m in parts:
        if not is_procedure(doc, m.key):
            continue
        opened = re.match(r"\s*\(([^()]*)\)", sent.text[sent.local(m)[1]:])
        if opened:
            start, end = sent.local(m)[1] + opened.start(1), sent.local(m)[1] + opened.end(1)
            out += [p for p in parts if start <= sent.local(p)[0] and sent.local(p)[1] <= end]
    return out

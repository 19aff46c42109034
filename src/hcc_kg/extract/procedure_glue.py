"""When a procedure and a drug named side by side are one arm: a procedure given with drugs ("A plus
B with TACE") and the drug a procedure delivers ("A plus arterial infusion chemotherapy with B",
"TACE with B"); a comparison of the two ("comparing TACE with B") keeps them apart.

Split from :mod:`.prose_arms`, whose agent reader asks these while it glues mentions into regimens.
"""

from __future__ import annotations

import re

from ..model import Mention
from .analysis import AnalysedDocument
from .comparators import is_procedure
from .sentences import DRUG

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

"""Several endpoints named together, then one run of values per arm, each run followed by its arm: "The ORR
and DCR were 41% and 70% in the A group, and 22% and 51% in the B group", "median PFS and OS were 5.0 and
12.1 months with A and 3.1 and 9.4 months with B".

The per-endpoint reader (:mod:`prose_values`) reads such a sentence one endpoint at a time and so gives
the second endpoint the first run; read here, each value goes to the endpoint at its place in the run.
Split from prose_values to keep each module short.
"""

from __future__ import annotations

from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import decimal_text
from .prose_arm_mentions import arm_mentions
from .prose_endpoints import Anchor, clause_of
from .prose_numbers import masked_text, unparenthesised, value_tokens
from .prose_subgroups import is_subgroup
from .prose_values import AFTER_GAP_RE, ENDPOINT_LIST_GAP_RE, PROPORTION_ENDPOINTS, ArmValue, anchors


def endpoint_runs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """Each arm's values of endpoints listed together, one run per arm in the endpoints' order ([] unless
    two or more runs, each of one value per endpoint and of the endpoint's kind, each names its own arm)."""
    if len(arms) < 2:
        return []
    named = anchors(doc, sent)
    for i in range(len(named) - 1):
        listed = _listed(sent.text, named, i)
        if len(listed) >= 2:
            return _runs(doc, sent, arms, listed)
    return []


def _listed(text: str, named: list[Anchor], i: int) -> list[Anchor]:
    """The endpoints listed as one subject from ``named[i]`` on: "ORR and DCR", "PFS, OS and ORR"."""
    listed = [named[i]]
    for anchor in named[i + 1:]:
        if not ENDPOINT_LIST_GAP_RE.fullmatch(text[listed[-1].end:anchor.start]):
            break
        listed.append(anchor)
    return listed if len({a.endpoint for a in listed}) == len(listed) else []


def _runs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: list[Anchor]) -> list[ArmValue]:
    text, n = sent.text, len(listed)
    _, c_end = clause_of(text, listed[-1].end)
    tokens = value_tokens(masked_text(text), listed[-1].end, c_end)
    if len(tokens) < 2 * n or len(tokens) % n or is_subgroup(text, listed[0].start):
        return []
    mentions = arm_mentions(doc, sent, arms)
    out: list[ArmValue] = []
    owners: list[str] = []
    for k in range(0, len(tokens), n):
        run = tokens[k:k + n]
        owner = next((a.key for a in mentions if run[-1][1] <= a.start
                      and AFTER_GAP_RE.match(unparenthesised(text[run[-1][1]:a.start]))), None)
        kinds = all((anchor.endpoint in PROPORTION_ENDPOINTS) == (t[3] == "%") for anchor, t in zip(listed, run))
        inside = any(run[0][1] <= a.start < run[-1][0] for a in mentions)  # "47% in A and 20% in B": no run
        if owner is None or owner in owners or not kinds or inside:
            return []
        owners.append(owner)
        out += [ArmValue(owner, anchor.endpoint, "", Decimal(decimal_text(t[2])), decimal_text(t[2]), t[3])
                for anchor, t in zip(listed, run)]
    return out

"""Several endpoints named together, then one run of values per arm, each run followed by its arm: "The ORR
and DCR were 41% and 70% in the A group, and 22% and 51% in the B group", "median PFS and OS were 5.0 and
12.1 months with A and 3.1 and 9.4 months with B"; or one group of values per endpoint, each group in the order
the arms were named: "OS and TTP were longer with A than with B (14.1 vs. 7.0 months and 4.4 vs. 2.7 months)".

The per-endpoint reader (:mod:`prose_values`) reads such a sentence one endpoint at a time and so gives
the second endpoint the first run; read here, each value goes to the endpoint at its place in the run.
Split from prose_values to keep each module short.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .analysis import AnalysedDocument, AnalysedSentence
from .effects import decimal_text
from .prose_arm_mentions import arm_mentions
from .prose_endpoints import Anchor, clause_of
from .prose_numbers import masked_text, unparenthesised, value_tokens
from .prose_subgroups import is_subgroup
from .prose_values import ENDPOINT_LIST_GAP_RE, PROPORTION_ENDPOINTS, ArmValue, anchors
from .value_owners import AFTER_GAP_RE


def endpoint_runs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """Each arm's values of endpoints listed together, one run per arm in the endpoints' order ([] unless
    two or more runs, each of one value per endpoint and of the endpoint's kind, each names its own arm)."""
    if len(set(arms)) == 1:
        return _one_arms_run(doc, sent, arms[0])
    if len(arms) < 2:
        return []
    named = anchors(doc, sent)
    for i in range(len(named) - 1):
        listed = _listed(sent.text, named, i)
        if len(listed) >= 2:
            return _runs(doc, sent, arms, listed) or _pairs(doc, sent, arms, listed)
        listed = _each_with_its_value(sent.text, named, i)
        if len(listed) >= 2:
            return _runs(doc, sent, arms, listed, listed[0].end)
    return []


# The run's values are the endpoints' in order: "were 3.7 and 7.8 months, respectively".
RESPECTIVELY_RE = re.compile(r"[\s,]*respectively\b", re.IGNORECASE)


def _one_arms_run(doc: AnalysedDocument, sent: AnalysedSentence, arm: str) -> list[ArmValue]:
    """A single-arm trial's values of endpoints listed together, one value each, "respectively": "The median PFS and OS
    were 3.7 and 7.8 months, respectively" ([] unless one value per endpoint, each of its endpoint's kind)."""
    named = anchors(doc, sent)
    for i in range(len(named) - 1):
        listed = _listed(sent.text, named, i)
        if len(listed) < 2 or is_subgroup(sent.text, listed[0].start):
            continue
        _, c_end = clause_of(sent.text, listed[-1].end)
        tokens = value_tokens(masked_text(sent.text), listed[-1].end, c_end)
        if len(tokens) != len(listed) or not RESPECTIVELY_RE.match(sent.text, tokens[-1][1]) \
                or any((anchor.endpoint in PROPORTION_ENDPOINTS) != (t[3] == "%") or not t[3]
                       for anchor, t in zip(listed, tokens)):
            return []
        return [ArmValue(arm, anchor.endpoint, "", Decimal(decimal_text(t[2])), decimal_text(t[2]), t[3])
                for anchor, t in zip(listed, tokens)]
    return []


# "ORR was 61% and DCR was 85% in the A group, compared to 31% and 60% in the B group": each endpoint with its first
# value, then the next endpoint, the first run ending in its arm and the others following it.
_WITH_VALUE = r"\s+(?:was|were|of|reached|:)\s+\d+(?:\.\d+)?\s*(?:%|months?|mo\b)?"
EACH_VALUE_GAP_RE = re.compile(_WITH_VALUE + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
LAST_VALUE_RE = re.compile(_WITH_VALUE, re.IGNORECASE)


def _each_with_its_value(text: str, named: list[Anchor], i: int) -> list[Anchor]:
    """The endpoints from ``named[i]`` on each followed by its value, joined by "and" or commas (see above)."""
    listed = [named[i]]
    for anchor in named[i + 1:]:
        if not EACH_VALUE_GAP_RE.fullmatch(text, listed[-1].end, anchor.start):
            break
        listed.append(anchor)
    ok = len({a.endpoint for a in listed}) == len(listed) and LAST_VALUE_RE.match(text, listed[-1].end)
    return listed if ok else []


def _listed(text: str, named: list[Anchor], i: int) -> list[Anchor]:
    """The endpoints listed as one subject from ``named[i]`` on: "ORR and DCR", "PFS, OS and ORR"."""
    listed, end = [named[i]], named[i].end
    for anchor in named[i + 1:]:
        if anchor.endpoint == listed[-1].endpoint and re.fullmatch(r"\s*\(\s*", text[end:anchor.start]):
            close = re.match(r"\s*\)", text[anchor.end:])  # "overall survival (OS)": the name's short form
            end = anchor.end + (close.end() if close else 0)
            continue
        if not ENDPOINT_LIST_GAP_RE.fullmatch(text[end:anchor.start]):
            break
        listed.append(anchor)
        end = anchor.end
    return listed if len({a.endpoint for a in listed}) == len(listed) else []


def _runs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: list[Anchor],
          start: int | None = None) -> list[ArmValue]:
    """One run of values per arm, from ``start`` (the end of the endpoints listed, unless the first run is interleaved
    with them) to the clause's end."""
    text, n = sent.text, len(listed)
    _, c_end = clause_of(text, listed[-1].end)
    tokens = value_tokens(masked_text(text), listed[-1].end if start is None else start, c_end)
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


# Within one endpoint's group, the arms' values are compared: "14.1 vs. 7.0", "14.1 versus 7.0"; between groups a
# comma, semicolon or "and" beside masked p-values ("#"); the arms named between endpoints and values.
# (a unit's abbreviation point may end a value: "7.4 mo. vs. 3.7 mo., 8.9 mo. ...")
_VERSUS_GAP = re.compile(r"\.?\s*(?:vs?\.?|versus)\s*", re.IGNORECASE)
_GROUP_GAP = re.compile(r"\.?[\s,;#=]*(?:\band\b)?[\s,;#=]*")
# ... not when a comparison comes before the arms ("compared with B, A gave ..."): which value is whose is then reversed
# ... or the one arm named is the one the values favour, the other arm's value second.
FAVOURED_RE = re.compile(r"\bfavou?r(?:ed|s|ing)?\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARED_FIRST = re.compile(r"\bcompared\b|\bthan\b", re.IGNORECASE)


# Between the endpoints and the other arm after them: "... rates than (did) the B group".
THAN_OTHER_RE = re.compile(r"\s+(?:rates?\s+|times?\s+)?than\s+(?:did\s+|those\s+(?:of|in)\s+)?(?:the\s+)?$", re.IGNORECASE)
# Between the subject arm and the endpoints: "the A group had higher", "A showed better" (no clause between).
SUBJECT_GAP_RE = re.compile(r"(?:\s+(?:group|arm|cohort))?\s+(?:had|has|showed|exhibited|achieved|yielded|produced|gave|"
                            r"demonstrated)\s+(?:(?:significantly|markedly|numerically|slightly)\s+)?(?:higher|better|"
                            r"greater|longer|lower|shorter|improved)\s+", re.IGNORECASE)


def _compared_subject(text: str, named: list, listed: list[Anchor], mentions: list) -> str | None:
    """The arm that is the subject of a comparison whose other arm follows the endpoints: "The A group had higher E1 and
    E2 than the B group (...)" gives A (None for any other shape)."""
    if len({a.key for a in mentions}) != 1 or not THAN_OTHER_RE.search(text, listed[-1].end, mentions[0].start):
        return None
    before = [a for a in named if a.end <= listed[0].start]
    if not before or before[-1].key == mentions[0].key or not SUBJECT_GAP_RE.fullmatch(text, before[-1].end, listed[0].start):
        return None
    return before[-1].key


def _pairs(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], listed: list[Anchor]) -> list[ArmValue]:
    """Each endpoint's group of values compared between the arms named before them, in that order ([] unless
    each group holds one value per arm, joined by "vs", and of its endpoint's kind)."""
    text, masked, n = sent.text, masked_text(sent.text), len(listed)
    _, c_end = clause_of(text, listed[-1].end)
    tokens = value_tokens(masked, listed[-1].end, c_end)
    if not tokens or is_subgroup(text, listed[0].start):
        return []
    named = arm_mentions(doc, sent, arms)
    mentions = [a for a in named if listed[-1].end <= a.start and a.end <= tokens[0][0]]
    order = list(dict.fromkeys(a.key for a in mentions))
    subject = _compared_subject(text, named, listed, mentions)
    if len(order) == 1 and len(set(arms)) == 2 and FAVOURED_RE.search(text, listed[-1].end, mentions[0].start):
        order.append(next(a for a in arms if a != order[0]))  # "... all favored A, 7.1 vs. 3.2 months": A's, then the other's
    elif subject is not None:
        order = [subject, order[0]]  # "A had higher E1 and E2 than B (1 vs. 2; 3 vs. 4)": the subject's values first
    k = len(order)
    if k < 2 or len(tokens) != n * k or (subject is None and _COMPARED_FIRST.search(text, listed[-1].end, mentions[0].start)):
        return []
    out: list[ArmValue] = []
    for j, anchor in enumerate(listed):
        group = tokens[j * k:(j + 1) * k]
        unit = group[-1][3]  # printed once, after the group's last value: "14.1 vs. 7.0 months"
        if any(not _VERSUS_GAP.fullmatch(masked, a[1], b[0]) for a, b in zip(group, group[1:])) \
                or (j and not _GROUP_GAP.fullmatch(masked, tokens[j * k - 1][1], group[0][0])):
            return []
        if (anchor.endpoint in PROPORTION_ENDPOINTS) != (unit == "%"):
            continue  # a group printed in a unit its endpoint cannot have ("24.1 mo. vs. 9.2 mo." for a response rate):
            # that group is left out; the others hold their places
        out += [ArmValue(owner, anchor.endpoint, "", Decimal(decimal_text(t[2])), decimal_text(t[2]), t[3] or unit)
                for owner, t in zip(order, group)]
    return out

"""The hazard ratios a sentence gives a trial in context: each with its endpoint and its pair of arms.

Split from :mod:`.slot_reading`, which reads the rest of a sentence into the trial's slot.
"""

from __future__ import annotations

import re
from typing import Iterator

from .analysis import AnalysedDocument, AnalysedSentence
from .arm_comparisons import compared_arms, than_pairs
from .effects import HazardRatio, parse_hazard_ratios
from .prose_aligner import aligned_ratio_endpoint
from .prose_arm_mentions import arm_mentions, slot_arm
from .prose_arms import agents
from .prose_endpoints import hazard_ratio_endpoint, names_other_survival, of_unnamed_endpoint
from .prose_subgroups import ratio_of_subgroup
from .sentences import DRUG
from .trial_slots import Slot

# What a hazard ratio's label holds besides the arms when it names no endpoint: "for A versus B".
ARMS_ONLY_LABEL_RE = re.compile(r"(?:\s|\b(?:for|with|in|the|versus|vs|compared|to|and|arms?|groups?)\b|[.,])*", re.IGNORECASE)


def ratios_read(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot,
            previous: str | None = None) -> Iterator[tuple[HazardRatio, str, tuple[str, str]]]:
    """Hazard ratios with their endpoint and arms; a bare ratio in a sentence naming no endpoint continues the
    one the sentence before it named ("Median OS was ... . B was non-inferior to C (HR 0.89)")."""
    for hr in parse_hazard_ratios(sent.text):
        if ratio_of_subgroup(sent.text, hr) or of_unnamed_endpoint(doc, sent, hr.start):
            continue
        endpoint = aligned_ratio_endpoint(doc, sent, slot.arms, hr.start, hr.label_end) \
            or hazard_ratio_endpoint(doc, sent, hr.label, hr.start, hr.label_end) \
            or (previous if _arms_only(doc, sent, hr, slot) and not names_other_survival(sent.text, hr.start) else None)
        pair = pair_of(doc, sent, hr, slot)
        if endpoint is not None and pair is not None:
            yield hr, endpoint, pair


def _arms_only(doc: AnalysedDocument, sent: AnalysedSentence, hr: HazardRatio, slot: Slot) -> bool:
    """Does the ratio's label name nothing but the arms ("HR 0.8", "the HR for A versus B")?  A label naming
    something else ("the HR for recurrence") is no continuation of the endpoint named before."""
    start = hr.start + sent.text[hr.start:hr.end].find(hr.label) if hr.label else hr.end
    label = list(sent.text[start:start + len(hr.label)])
    for a in arm_mentions(doc, sent, slot.arms):
        if start <= a.start and a.end <= start + len(hr.label):
            label[a.start - start:a.end - start] = " " * (a.end - a.start)
    return bool(ARMS_ONLY_LABEL_RE.fullmatch("".join(label)))


def pair_of(doc: AnalysedDocument, sent: AnalysedSentence, hr: HazardRatio, slot: Slot) -> tuple[str, str] | None:
    """(experimental, comparator): as the label orders them, else the trial's first two arms; in a trial of
    more arms, the two the sentence compares ("For A versus C, the HR ...", "B was non-inferior to C (HR ...)")."""
    start = hr.start + sent.text[hr.start:hr.end].find(hr.label) if hr.label else hr.end
    in_label = [a.key for a in arm_mentions(doc, sent, slot.arms) if start <= a.start and a.end <= start + len(hr.label)]
    if len(set(in_label)) == 2:
        return in_label[0], in_label[1]
    if len(slot.arms) > 2:
        # the comparison stated last before the ratio: "longer with A than with C (HR 0.39) and longer with B than with C (HR 0.65)"
        before = [pair for end, pair in than_pairs(sent.text, agents(doc, sent)) if end <= hr.start]
        compared = [slot_arm(doc, a.key, slot.arms) for a in (before[-1] if before else compared_arms(doc, sent))]
        if len(compared) == 2 and None not in compared:
            return compared[0], compared[1]  # type: ignore[return-value]
        # no comparison word, but the values of exactly two arms before the ratio ("6.8 months in the A group and 4.2
        # months in the C group (HR 0.63)"): those two, in the trial's order (its experimental arms first)
        valued = {a.key for a in arm_mentions(doc, sent, slot.arms) if a.end <= hr.start}
        if len(valued) != 2 or not valued <= set(slot.arms):
            return None
        first, second = sorted(valued, key=slot.arms.index)
        return first, second
    if len(slot.arms) != 2:
        return None
    # ("... in OTHER, C plus D reduced the risk of death compared with B (HR 0.78)" after a trial of A versus B: the
    # ratio is of an experimental arm this trial does not have, and is not its)
    compared = [a for a in compared_arms(doc, sent) if a.end <= hr.start]
    foreign = len(compared) == 2 and slot_arm(doc, compared[0].key, slot.arms) is None and all(
        c in doc.vocabulary and doc.vocabulary[c].has_type(*DRUG) for c in compared[0].components)
    return None if foreign else (slot.arms[0], slot.arms[1])

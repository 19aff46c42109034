"""Which unnamed trial a sentence naming a new trial names: one randomising the same arms, the one in context when
the sentence refers to it ("In this phase 3 trial (NAME), ..."), tells whom it took in ("The NAME trial enrolled 395
patients") or gives its arms in full ("In the NAME trial, 402 were randomized to A or placebo"), or the trial a
title opened when the next sentence names it.

Split from :mod:`.abstracts`, which calls :func:`named_slot` when a sentence names a trial it has not read yet.
"""

from __future__ import annotations

import re

from ..keys import agent_components
from .abstract_cues import DEMONSTRATIVE_RE, THE_TRIAL_RE, UNNAMED_RE
from .analysis import AnalysedDocument, AnalysedSentence
from .own_study import single_arm_tested
from .sentences import DRUG, evidence_span
from .slot_reading import stated_arms
from .trial_name_shapes import DESCRIBED_AS_TRIAL
from .trial_names import TrialName, phase_of
from .trial_slots import Slot, Slots


def named_slot(doc: AnalysedDocument, sent: AnalysedSentence, slots: Slots, context: str | None,
                name: TrialName) -> str | None:
    """The unnamed trial a sentence naming a new trial names: one randomising the same arms, or the one
    in context when the sentence refers to it ("In this phase 3 trial (NAME), ...")."""
    phrase = UNNAMED_RE.search(sent.text)
    arms = {a.key for a in stated_arms(doc, sent)} or (single_arm_tested(doc, sent, phrase) if phrase else set())
    referring = (phrase is not None and bool(DEMONSTRATIVE_RE.search(sent.text[:phrase.start()]))) \
        or THE_TRIAL_RE.match(sent.text) is not None  # "The trial, known as NAME, met ..."
    phase = phase_of(phrase.group()) if phrase else None
    # the name described as a trial ("NAME is a single-arm, phase 2 trial", trial_names.DESCRIBED_AS_TRIAL) after a
    # title's "...: a phase 2 study": that one; so is any sentence naming a trial of the phase of a study the title
    # names unnamed ("..., Phase 3 Study Shows")
    defining = phrase is not None and phase is not None and re.match(DESCRIBED_AS_TRIAL, sent.text[name.end:]) is not None
    title = evidence_span(doc.sentences[0]) if doc.sentences else None
    for key, slot in slots.unnamed():
        if key == context and slot.named_at[:1] == [title] and _names_the_titled_trial(doc, sent, slot):
            return key
        if not slot.arms or phase not in (None, slot.phase):
            continue
        if (key == context or (context is None and sum(1 for _, other in slots.unnamed() if other.arms) == 1)) \
                and _enrolment_by_name(doc, sent, name):
            # "... conducted a phase 3 trial comparing A versus B. The NAME trial enrolled 395 patients." (a remark
            # between them may have ended the context: the document's one unnamed trial with arms, then)
            return key
        if key == context and arms > set(slot.arms) and not slot.prior and _opens_by_name(sent.text, name) \
                and len(slots) == 1:
            # "A phase 3 study of A failed. In the NAME trial, 402 were randomized to A or placebo": its arms in full
            slot.arms = [a.key for a in stated_arms(doc, sent)]
            slot.arms_at.append(evidence_span(sent))
            return key
        named_by_title = phrase is not None and phase is not None and slot.named_at[:1] == [title]
        if (arms and arms == set(slot.arms)) or ((referring or (defining or named_by_title) and slot.phase == phase)
                                                  and key == context):
            return key
    return None


# A sentence opening with a trial's name, then telling whom it took in: "The NAME trial enrolled 395 patients", "The
# NAME study, conducted in 12 countries, recruited ...".
ENROLMENT_AFTER_NAME_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:phase\s*\S+\s+)?(?:trial|study)\b)?,?(?:\s+[^.;]{0,60}?,)?\s+"
                                     r"(?:\w+\s+)?(?:enrolled|included|recruited|randomi[sz]ed|involved|accrued|took\s+in)\b",
                                     re.IGNORECASE)


# A sentence opening on a trial's name: "In the NAME trial, ...", "The NAME phase 3 study randomized ...".
OPENS_BY_NAME_RE = re.compile(r"\W*(?:In\s+)?the\s+$", re.IGNORECASE)
NAME_THEN_TRIAL_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:phase\s*\S+\s+)?(?:trial|study)\b", re.IGNORECASE)


def _opens_by_name(text: str, name: TrialName) -> bool:
    """Does the sentence open on the trial's name ("In the NAME trial, ...")?"""
    return OPENS_BY_NAME_RE.fullmatch(text[:name.start]) is not None and NAME_THEN_TRIAL_RE.match(text, name.end) is not None


def _enrolment_by_name(doc: AnalysedDocument, sent: AnalysedSentence, name: TrialName) -> bool:
    """Does the sentence open with the name and tell whom the trial took in, naming no drug?  It names the unnamed
    trial in context, which the sentence before introduced ("a phase 3 trial comparing A versus B")."""
    return re.fullmatch(r"\W*(?:the\s+)?", sent.text[:name.start], re.IGNORECASE) is not None \
        and ENROLMENT_AFTER_NAME_RE.match(sent.text, name.end) is not None and not doc.keys_of_type(sent.mentions, *DRUG)


def _names_the_titled_trial(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> bool:
    """The sentence right after a title that opened an unnamed trial ("A Improves Survival: Results of a Phase 3 Trial"),
    naming a trial and reporting on the title's experimental drug and no other ("The NAME trial demonstrated that A
    prolonged survival"): the title's trial, named ("The NAME trial established B as the standard", B the title's
    comparator, is another trial)."""
    if len(doc.sentences) < 2 or doc.sentences[1] is not sent:
        return False
    drugs = {m.key for m in doc.keys_of_type(sent.mentions, *DRUG)}
    titled = [m.key for m in doc.keys_of_type(doc.sentences[0].mentions, *DRUG)]  # (its arms may be read later)
    parts = {c for arm in slot.arms for c in (arm, *agent_components(arm))} | set(titled)
    first = set(agent_components(slot.arms[0])) if slot.arms else set(titled[:1])
    return bool(drugs) and bool(first) and drugs <= parts and first <= drugs

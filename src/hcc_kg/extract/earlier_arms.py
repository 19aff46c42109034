"""Sentences about a trial already read, which the trial reader (:mod:`.abstracts`) would otherwise take for another:

- one naming no trial but the arms of a trial read earlier, while another trial is in context (a news item or
  abstract that mentions a second trial in passing, "as in NAME-2, where C gave ...", then goes back to the first
  one's arms); without this, the arms and values would go to the trial named last;
- one describing an unnamed trial at the phase of the trial in context, or at the phase that one is part of, naming
  only drugs of its arms ("A phase I study evaluated the combination with B" after a title's "phase Ib study of A
  with B"): the trial told in part, not a second trial of B alone;
- one referring to "the phase III study" or "this study" once a passing remark ended the context: the document's
  one (named) trial again (:func:`sole_named`, :func:`sole_trial`);
- one naming another trial only as what an action of the trial in context rested on ("Recruitment to one arm ceased
  after a planned analysis of Study 22 showed ..."): the other trial is recorded, the context stays
  (:func:`recalled_in_passing`).
"""

from __future__ import annotations

from ..keys import agent_components
from .abstract_cues import part_of_phase
from .analysis import AnalysedDocument, AnalysedSentence
from .other_studies import OTHER_STUDY_RE, RECALLED_TRIAL_RE
from .prose_arms import agents
from .sentences import evidence_span
from .prose_arm_mentions import slot_arm
from .slot_reading import assigned_arms
from .trial_names import TrialName
from .trial_slots import NameIndex, Slot


def arms_of_earlier(doc: AnalysedDocument, sent: AnalysedSentence, slots: dict[str, Slot],
                    context: str | None) -> str | None:
    """The trial read earlier whose arms a sentence naming no trial is about, when the trial in context has
    other arms ("NAME-1 randomised A or B ... as in NAME-2, in which C gave ...; the ORR was 30% with A and
    11% with B" is NAME-1's again), or when a remark on other trials ended the context ("Two other trials missed
    their goals. OS was 21.2 months with A and 19.0 with B").  Two agents or more, every one an arm of that trial
    and of no other, none of the trial in context; a randomisation is left to the reading by arms
    (``unnamed_trials.by_arms``)."""
    current = slots.get(context) if context else None
    if not slots or (current is not None and len(slots) < 2) or (current is None and OTHER_STUDY_RE.search(sent.text)):
        return None
    named = {a.key for a in agents(doc, sent)}
    if len(named) < 2 or assigned_arms(doc, sent):
        return None
    if current is not None:
        # its arms, or while none is known the agents of the sentences that named it ("NAME-2, in which C gave ...")
        own = current.arms or [a.key for s in doc.sentences if evidence_span(s) in current.named_at for a in agents(doc, s)]
        if not own or any(slot_arm(doc, agent, own) is not None for agent in named):
            return None
    fitting = [key for key, slot in slots.items() if slot is not current and len(slot.arms) >= 2 and not slot.prior
               and all(slot_arm(doc, agent, slot.arms) is not None for agent in named)]
    return fitting[0] if len(fitting) == 1 else None


def told_in_part(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], current: Slot | None,
                 phase: str | None) -> bool:
    """"A phase I study evaluated the combination with B" after a title's "phase Ib study of A with B": the trial in
    context told in part, at its phase or the one it is part of, naming only drugs of its arms."""
    if current is None or not current.arms or current.prior or phase is None or not (
            part_of_phase(phase, current.phase, combined=False)
            or (current.phase is not None and part_of_phase(current.phase, phase, combined=False))):
        return False
    told = {c for a in (arms or [a.key for a in agents(doc, sent)]) for c in agent_components(a)}
    return bool(told) and told <= {c for a in current.arms for c in agent_components(a)}


def sole_named(slots: dict[str, Slot], phase: str | None) -> str | None:
    """The document's one named trial (not a background's), when no other is named and its phase fits."""
    named = [key for key, slot in slots.items() if slot.names and not slot.prior]
    if len(named) != 1 or len([slot for slot in slots.values() if slot.names]) != 1:
        return None
    return named[0] if phase is None or slots[named[0]].phase in (None, phase) else None


def sole_trial(slots: dict[str, Slot], phase: str | None) -> str | None:
    """The document's one trial, named or not, its phase fitting ("this phase II study" after "... Clinical Trials")."""
    only = next(iter(slots.items())) if len(slots) == 1 else None
    return only[0] if only and not only[1].prior and phase in (None, only[1].phase) else None


def recalled_in_passing(sent: AnalysedSentence, names: list[TrialName], index: NameIndex, slots: dict[str, Slot],
                        context: str | None) -> bool:
    """Does the sentence name trials only as what an action of the named trial in context rested on ("after a planned
    analysis of Study 22 showed ...")?  If so, each is recorded as named here, and the context stays."""
    if not names or context is None or not slots[context].names \
            or not all(RECALLED_TRIAL_RE.search(sent.text, max(0, n.start - 60), n.start) for n in names):
        return False
    for name in names:
        other = slots.setdefault(index.key(name.name), Slot())
        other.names.append(name)
        other.named_at.append(evidence_span(sent))
        other.sections.add("other")
    return True

"""An unnamed trial a sentence describes ("a randomised phase 3 trial of A versus B", "we conducted a phase 2
study"): the trial in context told again, in part or in full, one read before with the same arms, or a new one;
and what the sentence introducing a trial states of its arms and line.

Split from :mod:`.abstracts`, which keeps one trial in context sentence by sentence and calls these.
"""

from __future__ import annotations

import re

from ..keys import agent_components
from .arm_references import combination_read
from .abstract_cues import DEMONSTRATIVE_RE, PLACEBO_CONTROLLED_RE, TITLE_SUBJECT_RE, part_of_phase
from .tested_agents import agent_tested
from .analysis import AnalysedDocument, AnalysedSentence
from .earlier_arms import sole_named, sole_trial, told_in_part
from .named_trial_arms import placebo_key
from .combined_arms import combining_study
from .own_study import combination_study, single_arm_pair
from .prose_arm_mentions import add_on_design, slot_arm
from .prose_arms import SENTENCE_OPENING_RE, Agent, agents
from .received_cues import had_before
from .sentences import evidence_span
from .slot_reading import SINGLE_ARM_RE, stated_arms
from .trial_names import phase_of
from .trial_slots import Slot, Span, restated, spelled_out, told_in_short


# A phase of the trial in context, said to be a part of it: "the phase 3 portion of the study".
PORTION_OF_RE = re.compile(r"\b(?:portion|part|segment|stage|component)\s+of\s+(?:the|this)\s+(?:study|trial)\b", re.IGNORECASE)


def unnamed_trial(doc: AnalysedDocument, sent: AnalysedSentence, phrase: re.Match, arms: list[str],
                  slots: dict[str, Slot], context: str | None) -> str | None:
    """The trial a design phrase ("a randomised phase 3 trial", "this phase 2 study") names: the one in context
    (restated, in part or in full), the named one of its phase, one with the same arms, or a new one."""
    phase = phase_of(phrase.group())
    referring = bool(DEMONSTRATIVE_RE.search(sent.text[:phrase.start()]))
    if context is None and referring:
        # "In this phase III trial, ..." after a passing remark on other studies ended the context: the document's
        # one named trial again (else its one trial), not a new one
        context = sole_named(slots, phase) or sole_trial(slots, phase)
    current = slots.get(context) if context else None
    same_phase = current is not None and phase is not None and part_of_phase(phase, current.phase, combined=False)
    if current is not None and phase is not None and part_of_phase(phase, current.phase) \
            and PORTION_OF_RE.search(sent.text, phrase.start(), phrase.end() + 40):
        current.named_at.append(evidence_span(sent))  # "the phase 3 portion of the study": the phase 2/3 trial in context
        return context
    if arms and (referring or same_phase) and current is not None and restated(current, arms, phase):
        # "This phase 3 trial randomised to B or A followed by B": the title's "A vs B" in full; so too "to compare
        # A plus either B or C in a randomised phase 3 trial" after a title naming the phase 3 NAME trial
        current.arms = list(arms)
        current.arms_at.append(evidence_span(sent))
        return context
    if arms and referring and current is not None and current.arms and not current.prior and phase in (None, current.phase) \
            and not {c for a in arms for c in agent_components(a)} & {c for a in current.arms for c in agent_components(a)}:
        # "this phase 3 study of patients after A (n=900) or B (n=214)": the trial in context; A and B are who its patients are
        current.named_at.append(evidence_span(sent))
        return context
    if told_in_part(doc, sent, arms, current, phase):
        current.named_at.append(evidence_span(sent))  # type: ignore[union-attr]
        return context
    if arms:
        key = by_arms(arms, slots, context, phase, evidence_span(sent), doc=doc)
        establish(doc, sent, slots[key])
        return key
    if referring and phase is not None and current is not None and current.phase not in (None, phase) \
            and (named := [k for k, slot in slots.items() if slot.names and slot.phase == phase]):
        # "The aim of this phase 3 study ..." after a phase 2 study mentioned in passing: the named trial again
        slots[named[0]].named_at.append(evidence_span(sent))
        return named[0]
    if current is not None and (referring or (phase is not None and part_of_phase(phase, current.phase, combined=False))):
        if referring and current.phase is None:
            current.phase = phase  # "This phase 3 trial recruited ...": the phase of the trial in context, not stated before
        current.named_at.append(evidence_span(sent))
        return context
    own = current is not None and current.phase is None and not current.prior
    registered_only = own and all(n.kind == "nct" for n in current.names) and (  # type: ignore[union-attr]
        WE_CONDUCTED_RE.search(sent.text, 0, phrase.start()) or WAS_CONDUCTED_RE.match(sent.text, phrase.end()))
    news_of_named = own and bool(current.names) and sum(1 for slot in slots.values() if slot.names) == 1 \
        and AUTHORS_CONDUCTED_RE.search(sent.text, 0, phrase.start()) is not None  # type: ignore[union-attr]
    if registered_only or news_of_named:
        # a title's "Randomized dose-finding trial of A", then "we conducted a randomized phase 2 dose-finding trial":
        # the document's own trial, described in full (so too a registry page's, named by its number only: "The
        # investigators design a phase 2 study of A")
        current.phase = phase
        current.named_at.append(evidence_span(sent))
        if not current.arms:
            establish(doc, sent, current)
        return context
    return opened(doc, sent, slots, phase)


def adopt_background_name(slots: dict[str, Slot]) -> None:
    """The one trial a structured abstract's background names, with the very arms and phase of the unnamed trial its
    methods then describe ("Background: The phase 3 NAME trial compared A with B. Methods: In this phase 3 study, ...
    to A or B"), is that trial: the unnamed one takes its name, and it is no earlier trial.  Nothing changes when
    another trial is named, or when the arms or phases differ (a background's trial of A versus placebo is an earlier one).

    >>> slots = {"name": Slot(names=["NAME"], phase="III", arms=["a", "b"], sections={"background"}),
    ...          "unnamed#1": Slot(phase="III", arms=["b", "a"], sections={"other"})}
    >>> adopt_background_name(slots); list(slots), slots["unnamed#1"].names
    (['unnamed#1'], ['NAME'])
    """
    named = [key for key, slot in slots.items() if slot.names]
    if len(named) != 1 or not (background := slots[named[0]]).prior or len(background.arms) < 2 or background.phase is None:
        return
    same = [slot for slot in slots.values() if not slot.names and not slot.prior and set(slot.arms) == set(background.arms)
            and slot.phase is not None and part_of_phase(slot.phase, background.phase, combined=False)]
    if len(same) != 1:
        return
    own = same[0]
    own.names, own.named_at = list(background.names), background.named_at + own.named_at
    slots.pop(named[0])


# The authors' own trial: "we conducted a randomized phase 2 trial", "we performed an open-label study", "the
# investigators design a phase 2 study".
WE_CONDUCTED_RE = re.compile(r"\b(?:we|the\s+(?:investigators|researchers|authors))\s+(?:\w+\s+)?"
                             r"(?:conducted|performed|undertook|carried\s+out|initiated|ran|design(?:ed)?)\s+(?:an?\s+)?$",
                             re.IGNORECASE)
# ... or by a news item of the one trial it names: "Name (University) and colleagues conducted a randomized phase 1b-2
# study" describes that trial, whose phase it gives.
AUTHORS_CONDUCTED_RE = re.compile(r"\band\s+(?:his\s+|her\s+|their\s+)?(?:colleagues|co-?workers|co-?authors|co-?investigators)\s+"
                                  r"(?:\w+\s+)?(?:conducted|performed|undertook|carried\s+out|ran|led)\s+(?:an?\s+)?$",
                                  re.IGNORECASE)
# ... said in the passive: "An open-label phase 2 study was performed in 40 patients"
WAS_CONDUCTED_RE = re.compile(r"\s+(?:was|has\s+been)\s+(?:\w+\s+)?(?:conducted|performed|undertaken|carried\s+out|initiated)\b",
                              re.IGNORECASE)


def opened(doc: AnalysedDocument, sent: AnalysedSentence, slots: dict[str, Slot], phase: str | None) -> str:
    """A new unnamed trial the sentence introduces (never the one in context), with what it states of its arms."""
    key = f"unnamed#{len(slots)}"
    slots[key] = Slot(phase=phase, named_at=[evidence_span(sent)])
    establish(doc, sent, slots[key])
    return key


def by_arms(arms: list[str], slots: dict[str, Slot], context: str | None, phase: str | None, span: Span,
            randomising: bool = False, doc: AnalysedDocument | None = None) -> str:
    """The trial with these arms; else the trial in context (or the first) while it has no arms.  A
    randomisation read while a named trial without arms is in context is that trial's, even when a
    comparison mentioned in passing ("improved OS compared with placebo in a phase 2 study") had the same arms."""
    current = slots.get(context) if context else None
    if randomising and current is not None and current.names and not current.prior \
            and (not current.arms or restated(current, arms, phase)):
        # the named trial's randomisation: its first arms, or in full those a title or aim gave in part
        # ("NAME: ... trial of A plus B" then "randomly assigned to A plus either B or placebo")
        current.arms = list(arms)
        current.arms_at.append(span)
        return context  # type: ignore[return-value]
    if current is not None and arms and set(current.arms) == set(arms):
        return context  # type: ignore[return-value]  # the trial in context, not an earlier one with its arms
    for key, slot in slots.items():
        if set(slot.arms) == set(arms) and not _other_phase(phase, slot):
            return key  # (a phase 2 trial of the same arms a background recalls is an earlier one)
    if current is not None and len(arms) <= 4 and spelled_out(current, arms, phase):
        current.arms = list(arms)  # the arms given again with what each is made of in full
        current.arms_at.append(span)
        return context  # type: ignore[return-value]
    if randomising and current is not None and len(arms) <= 4 and told_in_short(current, arms, phase):
        # "(A plus TACE, n = 104; A alone, n = 106)" after "to A plus TACE (B 10 mg and lipiodol) or A alone": the arms
        # named again for short, each within the one it was given in full: the short names are the arms (what the full
        # ones add is what a procedure was given with)
        current.arms = list(arms)
        current.arms_at.append(span)
        return context  # type: ignore[return-value]
    if randomising and current is not None and set(arms) < set(current.arms) and phase in (None, current.phase):
        return context  # type: ignore[return-value]  # "OS in all patients assigned to A or B": two of its three arms
    if doc is not None and current is not None and add_on_design(current.arms) \
            and len({slot_arm(doc, arm, current.arms) for arm in arms} - {None}) == len(arms) == 2:
        return context  # type: ignore[return-value]  # the add-on arms named by what sets them apart
    current = slots.get(context) if context else None
    if current is not None and len(current.arms) == 1 and (None in (phase, current.phase) or phase == current.phase) \
            and any(current.arms[0] in agent_components(arm) for arm in arms):
        current.arms, current.phase = list(arms), current.phase or phase  # "NAME evaluated B plus chemotherapy", then the randomisation: B's arm in full
        current.arms_at.append(span)
        return context  # type: ignore[return-value]
    if current is not None and current.arms and set(current.arms) < set(arms) and phase in (None, current.phase):
        current.arms = list(arms)  # the randomisation lists the arms a comparison gave in part
        current.arms_at.append(span)
        return context  # type: ignore[return-value]
    for key in filter(None, (context, next(iter(slots), None))):
        slot = slots[key]
        # ... or while it has part of them ("Efficacy of A ...: a placebo-controlled trial", then "randomised to A or placebo")
        if (not slot.arms or set(slot.arms) < set(arms)) and not slot.prior and phase in (None, slot.phase or phase):
            slot.arms, slot.phase = list(arms), slot.phase or phase
            slot.arms_at.append(span)
            return key
    key = f"unnamed#{len(slots)}"
    slots[key] = Slot(phase=phase, arms=list(arms), named_at=[span], arms_at=[span])
    return key


def _other_phase(phase: str | None, slot: Slot) -> bool:
    """Are both phases known and neither a part of the other ("II" and "III"; not "Ib" and "I", "II" and "II/III")?"""
    return None not in (phase, slot.phase) and not part_of_phase(phase, slot.phase) \
        and not part_of_phase(slot.phase, phase)  # type: ignore[arg-type]


# A trial said to be placebo-controlled: "the placebo-controlled NAME study", "a randomised, placebo-controlled phase 3 trial".
PLACEBO_TRIAL_RE = re.compile(rf"{PLACEBO_CONTROLLED_RE.pattern}\s+(?:[\w-]+,?\s+){{0,4}}?(?:trial|study)\b", re.IGNORECASE)


def establish(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> None:
    """Arms and line of therapy from a sentence that introduces the trial."""
    # (not the line of the therapy the patients had before: "after progression on first-line B")
    lines = {m.key for m in doc.keys_of_type(sent.mentions, "LineOfTherapy") if not had_before(sent.text, sent.local(m)[0])}
    if len(lines) == 1:
        slot.lines |= lines
    if len(slot.arms) == 1 and PLACEBO_TRIAL_RE.search(sent.text) and (placebo := placebo_key(doc)) is not None \
            and placebo not in slot.arms and not any(doc.vocabulary[c].has_type("Procedure")
                                                     for c in agent_components(slot.arms[0]) if c in doc.vocabulary):
        slot.arms.append(placebo)  # "A missed its endpoint in a phase 3 study. The placebo-controlled NAME study ..."
        slot.arms_at.append(evidence_span(sent))
    if slot.arms:
        return
    if not agents(doc, sent):  # (no drug named here: "the combination (n = 9) of A plus B" spells its own out)
        sent = combination_read(doc, sent, [])  # "the NAME trial evaluated the combination": the one named before
    arms = stated_arms(doc, sent)
    if not arms and (combined := combination_study(doc, sent)):  # "NAME, a combination study with B" of the title's A
        slot.arms, slot.ongoing = [combined], True
        slot.arms_at.append(evidence_span(sent))
        return
    if not arms and (combined := combining_study(doc, sent)):  # "the NAME study combining A with B"
        slot.arms = [combined]
        slot.arms_at.append(evidence_span(sent))
        return
    named = [a for a in agents(doc, sent) if not doc.vocabulary[a.components[0]].has_type("Placebo")
             and not had_before(sent.text, a.start)]
    if not arms and (pair := single_arm_pair(doc, sent, named)):
        arms, slot.single_arm = pair, True  # "a single-arm study of A and B": both, given together
    if not arms and len({a.key for a in named}) == 1:
        if SINGLE_ARM_RE.search(sent.text):
            arms, slot.single_arm = named[:1], True
        elif (tested := next((a for a in named if agent_tested(sent.text, a.start, a.end)), None)) is not None:
            arms = [tested]  # "a trial evaluating A", "A was evaluated in ...": one arm known, the others unnamed
            if PLACEBO_CONTROLLED_RE.search(sent.text[:tested.start]) and (placebo := placebo_key(doc)) is not None:
                arms.append(Agent(placebo, 0, 0, (placebo,)))  # "the placebo-controlled phase III trial of A": A v placebo
        elif SENTENCE_OPENING_RE.fullmatch(sent.text[:named[0].start]) and TITLE_SUBJECT_RE.match(sent.text, named[0].end):
            arms = named[:1]  # "A in patients with X: a phase II trial": the title's subject is what was tested
    if arms:
        slot.arms = [a.key for a in arms]
        slot.arms_at.append(evidence_span(sent))

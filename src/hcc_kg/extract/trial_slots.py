"""One trial as one document describes it (a :class:`Slot` filled while reading), and the
facts it yields once the document is read: the trial, its arms and their sizes, per-arm
values and hazard ratios.  Split from :mod:`abstracts`, which decides which trial each
sentence is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import permutations
from typing import Iterator

from ..keys import agent_components, comparison_trial_key, is_regimen_key, regimen_components, regimens_holding
from ..model import Assertion, Evidence
from .analysis import AnalysedDocument, AnalysedSentence
from .effects import HazardRatio
from .markdown_trials import comparison_name
from .prose_values import ArmValue
from .trial_name_shapes import DESCRIBED_AS_TRIAL, LIST_AFTER_PLURAL
from .trial_names import TrialName, families, of_family
from .arm_facts import arm_facts, arm_key, cohort_arm_key, measurement
from .cohort_arms import sharing, shown
from .trials import name_attribute, trial_key

EXTRACTOR = "prose-trial"
Span = tuple[int, int]


@dataclass
class Slot:
    """What one document says about one trial (built while reading that document only)."""

    names: list[TrialName] = field(default_factory=list)
    phase: str | None = None
    arms: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    lines: set[str] = field(default_factory=set)
    primary: set[str] = field(default_factory=set)
    last_endpoint: str | None = None  # named last in the sentences read so far ("Rates at 12 months were ...")
    just_named: str | None = None  # named last in the sentence just read, None when it named none
    labels: dict[str, str] = field(default_factory=dict)  # "arm a" -> the agent "arm A (A plus B)" defined
    single_arm: bool = False  # the text says so; a trial with one arm known is not single-arm
    verdicts: list[tuple[bool, frozenset[str], bool]] = field(default_factory=list)  # (met, endpoints, explicit)
    named_at: list[Span] = field(default_factory=list)
    arms_at: list[Span] = field(default_factory=list)
    values: list[tuple[ArmValue, Span]] = field(default_factory=list)
    ratios: list[tuple[HazardRatio, str, tuple[str, str], Span]] = field(default_factory=list)
    pending: list[AnalysedSentence] = field(default_factory=list)  # read before the arms were known
    said_single: bool = False  # "a single-arm study", whether or not its agent was named yet
    enrolled: int | None = None  # patients enrolled, the arm's size once the trial is known to be single-arm
    part_analysis: bool = False  # a subgroup / post hoc analysis: its numbers are not the trial's ...
    whole_trial: set[Span] = field(default_factory=set)  # ... except those stated of the whole (ITT) population
    sizes_at: dict[str, Span] = field(default_factory=dict)  # where each arm's size was read
    projected: set[Span] = field(default_factory=set)  # sentences projecting results (a design's assumptions)
    sections: set[str] = field(default_factory=set)  # where a structured abstract names it: "background", "other"
    rate_run: tuple[str, tuple[str, ...], str] | None = None  # (endpoint, time points, arm): one arm's rates just read
    each: tuple[int, Span] | None = None  # "40 cases in each group", read before the groups were listed
    ongoing: bool = False  # introduced as running ("X is conducting a phase 3 trial of A"): nothing reported yet
    listed: list[str] = field(default_factory=list)  # the arms as listed when one agent is listed twice, at two doses
    subgroup: tuple[bool, int] = (False, -1)  # in a run of sentences after a subgroup analysis was announced (its section)
    # cohorts given the same agents, told apart by a label (:mod:`.cohort_arms`): each one's size and values, and
    # the cohorts as last named together (values listed "respectively" follow that order)
    cohorts: dict[str, str] = field(default_factory=dict)  # label -> agent
    cohort_sizes: dict[str, tuple[int, Span]] = field(default_factory=dict)
    cohort_values: list[tuple[ArmValue, Span]] = field(default_factory=list)
    cohort_order: list[str] = field(default_factory=list)

    def rename_arm(self, old: str, new: str) -> None:
        """Call the arm read as ``old`` ``new`` from here on, with what was read of it (its size, values, ratios)."""
        self.arms = [new if arm == old else arm for arm in self.arms]
        self.listed = [new if arm == old else arm for arm in self.listed]
        self.cohorts = {label: new if arm == old else arm for label, arm in self.cohorts.items()}
        for table in (self.sizes, self.sizes_at):
            if old in table and new not in table:
                table[new] = table.pop(old)
        self.values = [(replace(v, agent=new) if v.agent == old else v, span) for v, span in self.values]
        self.ratios = [(hr, endpoint, tuple(new if arm == old else arm for arm in pair), span)
                       for hr, endpoint, pair, span in self.ratios]

    @property
    def cohort_arms(self) -> dict[str, str]:
        """The cohorts that are arms: {label: agent} of the agents given to two cohorts or more (an agent the trial
        gives inside a regimen, "A and B at 2 mg (cohort 1) or 4 mg (cohort 2)", stands for that arm)."""
        return {label: _holding(agent, self.arms) for label, agent in sharing(self.cohorts).items()}

    @property
    def prior(self) -> bool:
        """Named only in a structured abstract's background: a trial before the one the document reports."""
        return self.sections == {"background"}


def _holding(agent: str, arms: list[str]) -> str:
    """The arm ``agent`` is given in: itself, else the one regimen arm it is a part of (else itself).

    >>> _holding("b", ["regimen__a__b", "c"]), _holding("c", ["regimen__a__b", "c"]), _holding("d", ["c"])
    ('regimen__a__b', 'c', 'd')
    """
    if agent in arms:
        return agent
    holders = regimens_holding(agent, arms)
    return holders[0] if len(holders) == 1 else agent


@dataclass(frozen=True)
class NameIndex:
    """Every spelling of each trial the document names, grouped by the aliases it gives."""

    preferred: dict[str, str]  # trial_key(any spelling) -> key of the group's preferred name

    @cached_property
    def confirmed(self) -> frozenset[str]:
        """Every spelling's key, made once: made per sentence, it was quadratic in the names."""
        return frozenset(self.preferred)

    def key(self, name: str) -> str:
        return self.preferred.get(trial_key(name), trial_key(name))



def primary_met(slot: Slot) -> bool | None:
    """The verdict on the primary endpoint, when the document states exactly one."""
    found = {met for met, endpoints, explicit in slot.verdicts if explicit or endpoints & slot.primary}
    return found.pop() if len(found) == 1 else None


def emit(doc: AnalysedDocument, slot: Slot, index: NameIndex) -> Iterator[Assertion]:
    """The facts one document states about one trial: the trial, its arms, sizes, values and HRs."""
    if not slot.arms:
        if not slot.prior and any(n.kind == "nct" or framed_as_trial(doc.document.text, n.name)
                                  or in_named_family(trial_key(n.name), index.confirmed) for n in slot.names):
            yield _named_only(doc, slot, index)
        return
    if slot.single_arm and slot.enrolled:
        slot.sizes.setdefault(slot.arms[0], slot.enrolled)
    trial = slot_trial_key(slot, index)
    ev = slot_evidence(doc, slot.named_at or slot.arms_at)
    attributes: list[tuple[str, object]] = []
    for name in dict.fromkeys(n.name for n in slot.names):
        attributes.append(name_attribute(name))
    if not slot.names:  # known by what it compares, named so as the comparison tables name theirs
        attributes.append(("trial_name", comparison_name(doc, slot.arms)))
    if slot.phase:
        attributes.append(("phase", slot.phase))
    if (met := primary_met(slot)) is not None:
        attributes.append(("primary_endpoint_met", met))
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), tuple(attributes), ev)
    arm_ev = slot_evidence(doc, slot.arms_at or slot.named_at)
    cohorts = slot.cohort_arms
    read = {label: cohorts[label] for label in [*slot.cohort_sizes, *(v.agent for v, _ in slot.cohort_values)]
            if cohorts.get(label) in slot.arms}
    for agent in slot.arms:
        for label in sorted(label for label, owner in read.items() if owner == agent):
            size = slot.cohort_sizes.get(label)
            yield from arm_facts(trial, agent, arm_ev, regimen_components(agent) if is_regimen_key(agent) else (),
                                 size[0] if size and _whole(slot, size[1]) else None, shown(label))
        if agent in read.values() and not any(v.agent == agent for v, _ in slot.values) \
                and not any(agent in pair for _, _, pair, _ in slot.ratios):
            continue  # its cohorts are its arms (one that has values or a hazard ratio of its own is kept too)
        # a subgroup's counts are not the arm's size
        size = slot.sizes[agent] if agent in slot.sizes and _whole(slot, slot.sizes_at.get(agent)) else None
        yield from arm_facts(trial, agent, arm_ev, regimen_components(agent) if is_regimen_key(agent) else (), size)
    if slot.arms[0] not in doc.vocabulary or not doc.vocabulary[slot.arms[0]].has_type("Placebo"):
        yield Assertion(trial, "testsIntervention", slot.arms[0], evidence=arm_ev)
    for line in slot.lines:
        yield Assertion(trial, "forLineOfTherapy", line, evidence=ev)
    for value, span in slot.values:
        if not _whole(slot, span):
            continue  # the numbers describe a subgroup or a post hoc cut, not the trial's result
        yield measurement(arm_key(trial, value.agent), value.endpoint, value.timepoint, value.text, value.unit,
                          slot_evidence(doc, [span], span in slot.projected), value=value.value,
                          context=population_context(value.population))
    for value, span in slot.cohort_values:
        if value.agent in read and _whole(slot, span):
            yield measurement(cohort_arm_key(trial, read[value.agent], shown(value.agent)), value.endpoint, "", value.text,
                              value.unit, slot_evidence(doc, [span], span in slot.projected), value=value.value)
    for hr, endpoint, (experimental, comparator), span in slot.ratios:
        if not _whole(slot, span):
            continue
        context = (("experimental", arm_key(trial, experimental)), ("comparator", arm_key(trial, comparator)),
                   ("timepoint", ""), *population_context(hr.population))
        yield Assertion(trial, "hasEffectEstimate", endpoint, context, hr_attributes(hr),
                        slot_evidence(doc, [span], span in slot.projected))


# Other names listed after it before the plural trial word: "NAME, OTHER-2 and THIRD phase 3 trials".
LISTED_BEFORE = r"(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w-]*){0,3}"
# ... or listed after the plural trial word, set off by a colon, a dash (any, as the document wrote it) or a bracket:
# "three phase 3 studies: OTHER, NAME and THIRD-1" (trial_name_shapes.STUDIES_LISTED_RE).
LISTED_AFTER = (rf"\b(?:trials|studies){LIST_AFTER_PLURAL}"
                r"(?:(?:the\s+)?[A-Z][\w-]*(?:,\s+(?:and\s+)?|\s+and\s+)){0,4}(?:the\s+)?")


def in_named_family(key: str, confirmed: frozenset[str]) -> bool:
    """Is the trial a numbered member of a family another of the document's trials belongs to ("KEYNOTE-224" beside
    "KEYNOTE-240"): a trial as its siblings are, though the text frames it as none."""
    return of_family(key, families(confirmed - {key}))


def framed_as_trial(text: str, name: str) -> bool:
    """Does the text call the name a trial somewhere: "NAME trial", "the phase 3 NAME study", "a trial (NAME)",
    "NAME, a phase 3 trial in adults", "NAME is an open-label study", "a later study, NAME, showed"?

    >>> framed_as_trial("results of the phase 3 ZETA-2 study", "ZETA-2"), framed_as_trial("cells (ZETA-2)", "ZETA-2")
    (True, False)
    >>> framed_as_trial("the findings of ZETA, a phase 3 trial in adults", "ZETA"), framed_as_trial("ZETA, a gene", "ZETA")
    (True, False)
    >>> framed_as_trial("after an analysis of Study 31 showed no benefit", "Study 31")
    True
    >>> framed_as_trial("A later study, ZETA-240, missed its endpoints", "ZETA-240")
    True
    >>> framed_as_trial("two phase 3 studies (ZETA and ETA-2)", "ETA-2"), framed_as_trial("two genes: ZETA and ETA", "ETA")
    (True, False)
    """
    if re.fullmatch(r"(?i:study)\s+\S+", name):
        return True  # "Study 22": a sponsor's study number names a study by itself
    n = re.escape(name)
    return re.search(rf"\b{n}{LISTED_BEFORE}\s+(?:phase\s+\w+\s+)?(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b|\b{n}{DESCRIBED_AS_TRIAL}|"
                     rf"\bphase\s*(?:III|II|IV|I|[1-4])[ab]?(?:/(?:III|II|I|[1-4]))?\s+{n}\b|"
                     rf"\b(?:trial|study)\s*\(\s*{n}\b|\b(?:trial|study),\s+{n}\s*,|{LISTED_AFTER}{n}\b|"
                     # "the pivotal trial NAME defines ...": the trial word in lower case or capitalised, not a heading's
                     rf"\b(?-i:[Tt]rial|[Ss]tudy)\s+{n}\b", text, re.IGNORECASE) is not None


def _named_only(doc: AnalysedDocument, slot: Slot, index: NameIndex) -> Assertion:
    """A trial the text names without stating its arms ("approved on the basis of NAME"): its name and phase."""
    attributes: list[tuple[str, object]] = [name_attribute(name) for name in dict.fromkeys(n.name for n in slot.names)]
    if slot.phase:
        attributes.append(("phase", slot.phase))
    return Assertion(slot_trial_key(slot, index), "isClinicalTrial", "ClinicalTrial", (), tuple(attributes),
                     slot_evidence(doc, slot.named_at))


def part_analysis(slot: Slot, before: list[Span]) -> None:
    """Mark the trial as analysed in part from here on: what the document read before (at ``before``) stays the
    whole trial's, as do the values read so far."""
    slot.part_analysis = True
    slot.whole_trial |= set(before) | {at for _, at in slot.values} | {r[3] for r in slot.ratios} \
        | set(slot.sizes_at.values())


def _whole(slot: Slot, span: Span | None) -> bool:
    """Is what was read at ``span`` the whole trial's: always, unless the document analyses a part of the
    trial and the sentence does not speak of the whole (intention-to-treat) population?"""
    return not slot.part_analysis or span in slot.whole_trial


def slot_trial_key(slot: Slot, index: NameIndex) -> str:
    """A slot's trial key: from its first name (an NCT number only when no other), else from its arms."""
    names = [n for n in slot.names if n.kind != "nct"] or slot.names
    return index.key(names[0].name) if names else comparison_trial_key(slot.arms)


def slot_evidence(doc: AnalysedDocument, spans: list[Span], projected: bool = False) -> tuple[Evidence, ...]:
    """Evidence for the spans; a projected result ("designed to detect a hazard ratio of 0.75") is hedged."""
    certainty = "hedged" if projected else "asserted"
    return tuple(replace(doc.evidence(s, e, EXTRACTOR), certainty=certainty) for s, e in dict.fromkeys(spans))


def population_context(population: str) -> tuple[tuple[str, str], ...]:
    """The context naming the analysis population a result was read for, when the text gives two side by side."""
    return (("analysis_population", population),) if population else ()


def hr_attributes(hr: HazardRatio) -> tuple[tuple[str, object], ...]:
    """A hazard ratio's attributes: value, CI and p-value, each with its printed text."""
    out: list[tuple[str, object]] = [("hazard_ratio", hr.value), ("hazard_ratio_text", hr.text)]
    if hr.ci_lower is not None:
        out += [("ci_lower", hr.ci_lower), ("ci_upper", hr.ci_upper), ("ci_text", hr.ci_text)]
        if hr.ci_level is not None:
            out.append(("ci_level", hr.ci_level))
    if hr.p_value is not None:
        out += [("p_value", hr.p_value.value), ("p_value_text", hr.p_value.text),
                ("p_value_comparator", hr.p_value.comparator)]
    return tuple(out)


def restated(slot: Slot, arms: list[str], phase: str | None) -> bool:
    """Does "this phase 3 trial randomised patients to B or A followed by B" restate, in full, the arms a
    named trial in context was first given in part (a title's "A vs B alone")?  As many arms, one shared."""
    return bool(slot.names) and not slot.prior and phase in (None, slot.phase) and len(slot.arms) == len(arms) >= 2 \
        and bool(set(slot.arms) & set(arms)) and set(slot.arms) != set(arms)


def spelled_out(slot: Slot, arms: list[str], phase: str | None) -> bool:
    """Does a sentence give the trial's arms again, each with the components it had and more ("A plus
    HAIC versus A" in a title, then "A plus HAIC of B and C, or A alone" in the randomisation)?  As many
    arms, paired one to one, each old arm's components within its new one's.

    >>> slot = Slot(arms=["regimen__a__haic", "a"])
    >>> spelled_out(slot, ["regimen__a__b__haic", "a"], None), spelled_out(slot, ["regimen__b__haic", "a"], None)
    (True, False)
    """
    return _restated_within(slot, arms, phase) and _paired_within(slot.arms, arms)


def told_in_short(slot: Slot, arms: list[str], phase: str | None) -> bool:
    """Does a sentence give the trial's arms again for short, each within the one it was given in full ("A plus TACE
    (B 10 mg and lipiodol) or A alone", then "A plus TACE, n = 104; A alone, n = 106")?  :func:`spelled_out` the other
    way round.

    >>> told_in_short(Slot(arms=["regimen__a__b__tace", "a"]), ["regimen__a__tace", "a"], None)
    True
    """
    return _restated_within(slot, arms, phase) and _paired_within(arms, slot.arms)


def _restated_within(slot: Slot, arms: list[str], phase: str | None) -> bool:
    """As many arms as the trial's, another set of them, in a trial no background recalls, its phase fitting."""
    return not slot.prior and phase in (None, slot.phase) and len(slot.arms) == len(arms) and set(slot.arms) != set(arms)


def _paired_within(inner: list[str], outer: list[str]) -> bool:
    """Can the ``inner`` arms be paired one to one with the ``outer`` ones, each inner arm's components within its
    outer arm's?"""
    components = [set(agent_components(arm)) for arm in outer]
    return any(all(set(agent_components(arm)) <= components[i] for arm, i in zip(inner, order))
               for order in permutations(range(len(outer))))


class Slots(dict):
    """The document's trials by key (a dict), remembering which were stored without a name.

    A sentence naming a new trial looks for the unnamed trial it names (:func:`.named_slots.named_slot`);
    scanning every trial for each such sentence was quadratic in the trials a document names.
    A slot stored without a name is recorded in insertion order, so :meth:`unnamed` gives the
    unnamed slots in the order a scan of the dict would (a name, once given, is never taken away).
    """

    def __init__(self) -> None:
        super().__init__()
        self._unnamed: dict[str, None] = {}  # keys stored without a name, in the dict's order

    def __setitem__(self, key: str, slot: Slot) -> None:
        if key in self and key not in self._unnamed and not slot.names:
            # overwriting a named slot in place keeps its place in the dict: record it there too
            self._unnamed = {k: None for k in self if k in self._unnamed or k == key}
        super().__setitem__(key, slot)
        if not slot.names:
            self._unnamed[key] = None

    def setdefault(self, key: str, default: Slot) -> Slot:  # dict's own would not call __setitem__
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key: str, *default: Slot) -> Slot:  # a key stored again later goes to the end
        self._unnamed.pop(key, None)
        return super().pop(key, *default)

    def unnamed(self) -> list[tuple[str, Slot]]:
        """The slots with no name, in the dict's order; slots named or removed since are forgotten."""
        found = []
        for key in list(self._unnamed):
            slot = self.get(key)
            if slot is None or slot.names:
                del self._unnamed[key]
            else:
                found.append((key, slot))
        return found


def arms_in_full(arms: list[str], stated: list[str]) -> list[tuple[str, str]]:
    """Where a sentence states the trial's arms again, the same but for one drug now given with its partners ("A vs
    C", then "A plus B vs C"): that arm, and the regimen it is."""
    if len(arms) < 2 or len(set(stated)) != len(arms):
        return []
    new = [s for s in stated if s not in arms]
    old = [a for a in arms if a not in stated]
    if len(new) == 1 == len(old) and is_regimen_key(new[0]) and old[0] in regimen_components(new[0]):
        others = {part for arm in arms if arm != old[0] for part in (regimen_components(arm) if is_regimen_key(arm) else (arm,))}
        if not others & set(regimen_components(new[0])):  # (no other arm's drug taken into it)
            return [(old[0], new[0])]
    return []

"""What one sentence says about the trial in context: its arms, their sizes, per-arm values,
hazard ratios and the verdict on the primary endpoint, added to the trial's :class:`Slot`.

Split from :mod:`abstracts`, which decides which trial each sentence is about.  Results
are read only once the trial's arms are known: sentences read before are kept and read
when the document ends (:func:`read_pending`).

A sentence that projects rather than reports ("is designed to detect a hazard ratio of
0.75", "assuming a median OS of 12 months", "will improve OS from 12 to 16 months") states
no result: its numbers are kept as hedged readings (withheld from the graph), not facts.

"The combination" (the doublet, the pairing) is read as the trial's one arm of several drugs
(:func:`combination_read`); in a trial of three arms or more, a hazard ratio is between the two
arms its sentence compares ("For A versus C, the HR ..."); a randomisation naming one known agent
among its alternatives ("to A or active surveillance") gives the trial that arm; in a subgroup
analysis, what a sentence states of the whole (intention-to-treat) population is the trial's.
A trial a notice or news item names with a result but not its design ("the approval is based on
NAME, in which A showed ...", "data from NAME demonstrated an OS benefit compared with B") takes
the arm the text says it tested, and the comparator named after it (:func:`named_arms`).
"""

from __future__ import annotations

import re

from ..keys import agent_components, is_regimen_key, regimen_components, regimens_holding
from .analysis import AnalysedDocument, AnalysedSentence
from .effects import parse_hazard_ratios
from .other_studies import concedes_earlier_evidence
from .arm_groups import another_group, grouped_arms, labelled_contents, lettered_arms, listed_cohorts, sized_groups
from .arm_references import DRUG_ANAPHOR_RE, combination_read, drug_read, epithet_read, labels_defined, labels_read
from .arm_comparisons import compared_arms
from .alternative_arms import labelled_arms, received_alternatives, sized_alternatives
from .combined_arms import control_stated
from .cohort_arms import cohort_labels, cohorts_counted, cohorts_read
from .schedule_cohorts import doses_randomised
from .prose_arms import RANDOMISED_RE, TO_RE, Agent, agents, counted_list, randomised_arms
from .received_arm import received_agent
from .enrolment import TOTAL_RE, enrolled
from .prose_sizes import arm_sizes, counted_arms, counted_groups, each_arm_count, role_sizes, sizes_in_arm_order
from .prose_endpoint_runs import endpoint_runs
from .prose_ratio_lists import listed_ratios
from .prose_endpoints import ADJUSTED_ANALYSIS_RE, TREATED_POPULATION_RE, anchors
from .prose_arm_mentions import arm_mentions, compared_back, slot_arm
from .slot_ratios import pair_of, ratios_read
from .prose_subgroups import continues_subgroup, ratio_of_subgroup, subgroup_list_item
from .subgroup_frame import names_a_part
from .subgroup_runs import subgroup_run
from .prose_aligner import aligned_values
from .prose_values import ArmValue, arm_values, subject_values, valued_agents
from .prose_shares import shared_agents
from .prose_rates import responder_shares, timepoint_rates
from .told_arms import add_told_arm
from .rate_runs import respective_rates
from .named_trial_arms import drug_so_far, named_arms, sole_drug, whole_regimen
from .sentences import evidence_span
from .trial_slots import Slot, arms_in_full
from .verdicts import primary_verdicts
from .abstract_cues import about_the_disease, counts_a_phase_part, projects

# "single-arm" is the trial's design before a trial word ("a single-arm, open-label phase 2 study"); "withdrew
# its indication as a single agent", "approvals granted on single-arm data" say nothing of this trial.
SINGLE_ARM_RE = re.compile(r"\bsingle[- ](?:arm|agent)\b,?\s+(?:(?!(?:after|before|the|an?|of|in|for|from|on|with|to|by)\b)"
                           r"[\w/-]+,?\s+){0,4}?(?:study|trial|cohort|design|phase)\b|"
                           # "... assessed 81 patients in an open, single arm."
                           r"\b(?:in|as)\s+(?:an?\s+)?(?:open(?:-label)?,?\s+)?single[- ]arm\s*(?:[.;)]|$)|"
                           r"\bnon-?randomi[sz]ed\b|\bnon-?comparative\b", re.IGNORECASE)
PRIMARY_ENDPOINTS_RE = re.compile(r"\bprimary\s+end\s*-?\s*points?\b[^.;]*", re.IGNORECASE)
# A sentence about the whole trial population, read even in a subgroup analysis: "In the overall
# intention-to-treat population, median OS was ...", "Of the 512 randomised patients (257 A, 255 B), ...".
# ... or its full analysis set, as a trial names the population of its main analysis ("rates ... (FAS) were ...").
WHOLE_TRIAL_RE = re.compile(r"\bintention[- ]to[- ]treat\b|\bITT\b|\boverall\s+(?:study\s+|trial\s+)?population\b|"
                            r"\bfull\s+analysis\s+set\b|\b(?-i:FAS)\b|"
                            r"\b(?:all|of\s+the)\s+\d[\d,]*\s+(?:randomi[sz]ed|enrolled)\b", re.IGNORECASE)

COMPARED_SUBJECT_RE = re.compile(r"\s+(?:was|were)\s+compared\s+(?:with|to|against)\b", re.IGNORECASE)

#: Readers of the arms patients were assigned to, first that finds any wins: counted one by one
#: ("300 received A and 150 received B"), counted then given by label ("comparing two arms, the A arm (B plus A)
#: and the placebo arm (B plus placebo)"), randomised ("randomly assigned to A or B"), labelled (a
#: registry's "Experimental: A"), alternatives each with its size ("A (n = 9) or B (n = 8)"), or a
#: parenthesis listing each arm with its count ("494 patients (A, 247; B, 247)"), or the alternatives
#: patients received ("Patients received A or B"); groups named by their agents ("randomly divided into
#: the A group and the B group", "the A arm (n = 40) and the B arm (n = 38)") or lettered by what they
#: were given ("patients in group A were treated with A, ...") (arm_groups); or arms each counted after their naming
#: ("the A arm included 300 patients and the B arm 298", "A was given to 300 patients and B to 298").
ASSIGNED_ARMS = (counted_arms, grouped_arms, labelled_contents, randomised_arms, labelled_arms, lettered_arms,
                 sized_alternatives, sized_groups, listed_cohorts, counted_list, received_alternatives, counted_groups)


def assigned_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms the sentence assigns patients to (:data:`ASSIGNED_ARMS`), [] when none."""
    return next((arms for read in ASSIGNED_ARMS if (arms := read(doc, sent))), [])


def sized_listing(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """The agents the sentence lists each with a size of its own ("A (n=75), B (n=104), A (n=84)"), in order, an agent
    listed twice (at two doses) twice."""
    return [a.key for a in agents(doc, sent) if re.match(r"\s*\(\s*n\s*=\s*\d", sent.text[a.end:], re.IGNORECASE)]


def stated_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms a sentence assigns patients to (:data:`ASSIGNED_ARMS`), else compares ("A versus B")."""
    return assigned_arms(doc, sent) or compared_arms(doc, sent)


def _combination_of_part(agent: str, arms: list[str], sized: dict[str, int]) -> str | None:
    """The combination arm a count after its last drug belongs to, when dosing parted the drugs ("A at 200 mg
    plus B at 250 mg (n = 272)"): the one arm holding the drug, a combination, none of whose other drugs
    got a count of its own; None otherwise."""
    if is_regimen_key(agent):
        return None
    holding = regimens_holding(agent, arms)
    if len(holding) != 1 or any(other in sized for other in regimen_components(holding[0]) if other != agent):
        return None
    return holding[0]


def _arms_read(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> AnalysedSentence:
    """The sentence with the trial's arm labels, "the combination", "the drug" and "the T inhibitor" read as the drugs
    they stand for."""
    # ("the drug" in a news item that names other drugs only later is the one it named so far; looked for only where
    # a sentence says "the drug": it reads the sentences before)
    sole = sole_drug(doc) or (drug_so_far(doc, sent) if DRUG_ANAPHOR_RE.search(sent.text) else None)
    # (a cohort's label is no alias of its agents: read by cohorts_read)
    aliases = {label: agent for label, agent in slot.labels.items() if label not in slot.cohort_arms}
    sent = drug_read(doc, labels_read(doc, epithet_read(doc, sent), aliases), slot.arms, sole)
    return combination_read(doc, sent, slot.arms)


def read_sentence(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, randomised: bool = True,
                  background: bool = False) -> None:
    """Add what the sentence says about the trial to its slot (results wait until its arms are known;
    those a structured abstract's background states before then are earlier results, not read)."""
    defined = labels_defined(doc, sent)
    slot.labels.update(defined)
    slot.cohorts.update(cohort_labels(defined, sent.text))  # "A 3 mg/kg plus B (cohort A) or A 10 mg/kg plus B (cohort B)"
    control = control_stated(doc, sent)  # (before "the control arm" is read as the arm it may stand for)
    group = another_group(doc, sent, slot.arms)  # (before its label, just defined, is read as its agent)
    sent = _arms_read(doc, sent, slot)
    span = evidence_span(sent)
    given = received_agent(doc, sent) if len(slot.arms) <= 1 else None
    if not slot.arms and given \
            and not (randomised and given in doc.vocabulary and doc.vocabulary[given].has_type("Procedure")):
        # a procedure patients were given in a randomised trial is its comparator, not its first arm
        slot.arms, slot.single_arm = [given], not randomised
        slot.arms_at.append(span)
    elif len(slot.arms) == 1 and not randomised and given and is_regimen_key(given) \
            and slot.arms[0] in regimen_components(given):
        slot.rename_arm(slot.arms[0], given)  # a title's "A after B: a single-arm study", then "received B followed
        slot.arms_at.append(span)             # by A": the one arm in full
    if randomised:
        add_told_arm(doc, sent, slot, span)  # "... for the 210 patients randomly assigned to receive A"
    if not slot.arms and (known := _one_alternative_known(doc, sent)):
        slot.arms = [known]  # "randomized to A or active surveillance": one arm known, the other no agent
        slot.arms_at.append(span)
    if control is not None and len(slot.arms) == 1 and control not in slot.arms:
        slot.arms.append(control)  # "The control arm consisted of B and a placebo"
        slot.arms_at.append(span)
    elif group is not None:  # "The monotherapy group (n = 19) received A" beside the title's A plus B
        slot.arms.append(group.key)
        slot.arms_at.append(span)
        if len(slot.arms) == 2:  # a second group: no single arm (whatever "non-randomised" said)
            slot.said_single = slot.single_arm = False
    assigned = [a.key for a in assigned_arms(doc, sent)]
    stated = assigned or ([a.key for a in compared_arms(doc, sent)] if not concedes_earlier_evidence(sent.text) else [])
    if _care_was_the_comparator(doc, sent, slot, stated):
        slot.arms_at.append(span)
    if not stated and len(slot.arms) < 2 and not slot.said_single:
        # "median OS was 16.6 months for A and 15.0 months for B" in a trial whose arms were not listed (in a trial
        # said to be randomised); "A gave ... . In comparison, ... with B" in any
        # ... or in a phase 3 trial, which compares arms though the text may not say so
        stated = ((valued_agents(doc, sent) or shared_agents(doc, sent)) if randomised or slot.phase == "III" else []) \
            or compared_back(doc, sent)
    if len(slot.arms) == 1 and slot.arms[0] not in stated and len(set(stated)) >= 2 \
            and (whole := regimens_holding(slot.arms[0], stated)):
        slot.rename_arm(slot.arms[0], whole[0])  # a headline's "trial of A (with a class)", then "A plus B versus C"
    for old, new in arms_in_full(slot.arms, stated):
        slot.rename_arm(old, new)  # a headline's "A combo vs C", then "A/B vs C": the arm was A plus B all along
    adds = (len(slot.arms) < 2 and (not slot.arms or slot.arms[0] in stated)) or set(slot.arms) < set(stated)
    if stated and adds and not (slot.single_arm and slot.said_single):
        # (a trial the text calls single-arm gains no arm from a comparison with outside patients: "A versus
        # historical controls given B")  # a first or fuller statement of the arms ("A plus B or A alone vs C")
        slot.arms = list(dict.fromkeys([*slot.arms, *stated])) if len(slot.arms) < 2 else stated
        slot.arms_at.append(span)
    if assigned and len(listed := sized_listing(doc, sent)) > len(set(listed)) and set(listed) == set(slot.arms):
        slot.listed = listed  # "to T300+D (N=75), D (N=104), T (N=69), T75+D (N=84)": values may follow this list
    cohorts_counted(doc, sent, slot, span)  # "6 and 46 received 100 and 200 mg of A, respectively", "18 in dose escalation ..."
    if WHOLE_TRIAL_RE.search(sent.text) and not names_a_part(sent.text):  # not "of the 900 overall, 120 Korean"
        slot.whole_trial.add(span)
    sized = _read_sizes(doc, sent, slot, span)
    if not sized and len(slot.arms) >= 2 and not counts_a_phase_part(sent.text, slot.phase):
        sized = _one_arm_counted(doc, sent, slot.arms)  # "Twelve patients received A plus B": that arm's patients
        for arm, size in sized.items():
            if arm not in slot.sizes:
                slot.sizes[arm], slot.sizes_at[arm] = size, span
    # ("The analysis set included 328 and 331 patients, respectively": in the arms' order)
    respective = sizes_in_arm_order(sent.text, slot.arms) if not sized and not agents(doc, sent) else {}
    for arm, size in {**respective, **(role_sizes(sent.text, slot.arms) if sized or not counts_a_phase_part(sent.text, slot.phase) else {})}.items():  # "165 patients in the control arm", "the control arm (n = 333)"
        if arm not in slot.sizes:
            slot.sizes[arm], slot.sizes_at[arm] = size, span
    if not sized and not (slot.arms and arm_mentions(doc, sent, slot.arms)) and (each := each_arm_count(sent.text)) is not None:
        slot.each = (each, span)  # "150 patients were assigned to each group": every arm of the trial in context,
    if slot.each is not None and len(slot.arms) >= 2:  # ... listed then or later ("... 40 cases in each group. Group A ...")
        for arm in slot.arms:
            if arm not in slot.sizes:
                slot.sizes[arm], slot.sizes_at[arm] = slot.each
        slot.each = None
    count = enrolled(sent.text) if not counts_a_phase_part(sent.text, slot.phase) else None
    # ("First, six patients were enrolled ... A total of 34 patients were enrolled": the total is the arm's)
    if count is not None and (slot.enrolled is None or (TOTAL_RE.search(sent.text) and count > slot.enrolled)):
        slot.enrolled = count
    slot.said_single = slot.said_single or bool(SINGLE_ARM_RE.search(sent.text))
    if slot.said_single and not randomised and len(slot.arms) == 2 and not slot.values:
        slot.arms = _added_arm(slot.arms)
    slot.single_arm = slot.single_arm or (slot.said_single and len(slot.arms) == 1)
    if m := PRIMARY_ENDPOINTS_RE.search(sent.text):
        slot.primary |= {a.key for a in doc.keys_of_type(sent.mentions, "EndpointType")
                         if m.start() <= sent.local(a)[0] < m.end()}
    _verdict(doc, sent, slot)
    named = anchors(doc, sent)
    of_subgroup, slot.subgroup = subgroup_run(slot.subgroup, sent.text, sent.sentence.section_start, bool(assigned))
    # (of_subgroup: "A subgroup analysis of X showed ... . OS: 6.9 versus 4.3 months": the subgroup's numbers, not read)
    of_cohorts = bool(slot.arms) and cohorts_read(doc, sent, slot, span)  # what it gives is its cohorts'
    if not of_subgroup and not of_cohorts and (len(slot.arms) >= 2 or slot.single_arm):
        _results(doc, sent, slot, slot.just_named)
    elif not of_subgroup and not of_cohorts and not background:
        slot.pending.append(sent)
    slot.just_named = named[-1].endpoint if named else None
    slot.last_endpoint = slot.just_named or slot.last_endpoint


def _one_arm_counted(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> dict[str, int]:
    """{arm: N} for "N patients received A" (or "were treated with A") naming one of the trial's arms and no other agent."""
    given = received_agent(doc, sent)
    # "707 patients received A or placebo": another of the trial's arms named too (placebo, which the reading of the
    # one agent given leaves aside) makes the count the trial's
    if given not in arms or {a.key for a in agents(doc, sent)} & set(arms) - {given}:
        return {}
    count = enrolled(sent.text)
    return {given: count} if count is not None else {}


def _care_was_the_comparator(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, assigned: list[str]) -> bool:
    """An arm read as care every arm receives is the arm the assignment names beside it: after "A cut the risk of
    death compared with best supportive care", "randomized to best supportive care plus either A or placebo" (or
    "A plus BSC compared with placebo plus BSC") makes the placebo arm of what was read as best supportive care's (its
    values and ratios go with it)."""
    if len(assigned) < 2 or len(slot.arms) != len(assigned):
        return False
    replaced = [arm for arm in slot.arms if arm not in assigned]
    new = [arm for arm in assigned if arm not in slot.arms]
    if len(replaced) != 1 or len(new) != 1 or replaced[0] not in doc.vocabulary \
            or not doc.vocabulary[replaced[0]].has_type("Procedure") \
            or replaced[0] not in {m.key for m in doc.keys_of_type(sent.mentions, "Procedure")}:
        return False
    slot.rename_arm(replaced[0], new[0])
    return True


# "assigned to local ablation or palliative cohorts" (by a test, not at random) sorts patients into the trial's
# parts: no arm, even when one part is named after a procedure; a randomisation inside a part gives the arms.
SORTED_INTO_COHORTS_RE = re.compile(r"(?![^.;]*\brandom)[^.;]{0,80}?\bcohorts\b", re.IGNORECASE)


def _added_arm(arms: list[str]) -> list[str]:
    """The arms of a study said to be single-arm whose aim added A to B ("to assess adding A to B", read as A plus B
    and B alone): only A plus B; B alone, a part of it, was nobody's treatment.  Other arms are kept."""
    parts = {arm: set(agent_components(arm)) for arm in arms}
    big, small = sorted(arms, key=lambda arm: len(parts[arm]), reverse=True)
    return [big] if parts[small] < parts[big] else arms


# When patients were randomised, between the cue and its "to": "randomly assigned between May 2016 and November 2017 to".
PERIOD_RE = re.compile(r"\s+(?:between|from)\s+(?:\w+\s+){0,2}?\d{4}\s+(?:and|to|through)\s+(?:\w+\s+){0,2}?\d{4}\b")


def _after_period(text: str, at: int) -> int:
    period = PERIOD_RE.match(text, at)
    return period.end() if period else at


def _one_alternative_known(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The one agent a randomisation names among its alternatives ("randomized 1:1 to A 200 mg or active
    surveillance"), or the subject of a comparison with what is no arm's agent ("A was compared with the
    investigator's choice of B or C"); None when it names none or several."""
    subject = next((a for a in agents(doc, sent) if COMPARED_SUBJECT_RE.match(sent.text, a.end)), None)
    if subject is not None and not compared_arms(doc, sent):
        return subject.key
    to = next(filter(None, (TO_RE.search(sent.text, cue.end(), _after_period(sent.text, cue.end()) + 40)
                            for cue in RANDOMISED_RE.finditer(sent.text))), None)
    if to is None or not re.search(r"\bor\b", sent.text[to.end():]) or SORTED_INTO_COHORTS_RE.match(sent.text, to.end()):
        return None
    named = {a.key for a in agents(doc, sent, to.end()) if not doc.vocabulary[a.components[0]].has_type("Placebo")}
    return named.pop() if len(named) == 1 else None


def _read_sizes(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, span: tuple[int, int]) -> dict[str, int]:
    """The sizes the sentence gives the trial's arms (recorded where none was), and all it gives any agent."""
    # (counts the sentence gave the agent's cohorts are no count of the agent's arm as a whole)
    cohorts = any(at == span for _, at in slot.cohort_sizes.values())
    sized = arm_sizes(doc, sent) if not counts_a_phase_part(sent.text, slot.phase) and not cohorts else {}
    for agent, size in sized.items():
        arm = slot_arm(doc, agent, slot.arms) or _combination_of_part(agent, slot.arms, sized)
        if arm is not None and arm not in slot.sizes:
            slot.sizes[arm], slot.sizes_at[arm] = size, span
    return sized


def read_pending(doc: AnalysedDocument, slot: Slot, randomised: bool) -> None:
    """Results stated before the arms were ("A cut the risk of death ...; 573 patients were randomised to ...")."""
    if len(slot.arms) == 1 and (not randomised or (sole_drug(doc) == slot.arms[0] and doses_randomised(doc))):
        # one agent, and nothing in the document is randomised or compared, or only its doses or schedules are
        slot.single_arm = True
    if not slot.arms and slot.said_single and (slot.names or slot.enrolled) \
            and (sole := sole_drug(doc) or whole_regimen(doc)) is not None:
        # "approval based on the single-arm NAME trial of 81 patients": the one drug the document names (a
        # trial only mentioned, "based in part on a single-arm study", neither named nor counted, is left alone)
        slot.arms, slot.single_arm = [sole], True
        slot.arms_at.extend(slot.named_at[:1])
    if not slot.arms and slot.names and (named := named_arms(doc, slot)) is not None:
        slot.arms = named[0]
        slot.arms_at.append(named[1])
        if slot.prior:  # "A was efficacious in the NAME trial" in a background: NAME tested A, and that is all the
            return      # document says of it (the patients and results below are the document's own study's)
        # "The approval of A is based on NAME" in a text comparing nothing: NAME's one arm, read as a single-arm trial's
        slot.single_arm = len(slot.arms) == 1 and not randomised
    if len(slot.arms) >= 2 or slot.single_arm:
        for sent in slot.pending:  # read now that the arms are known (and the sizes given before them)
            _read_sizes(doc, sent, slot, evidence_span(sent))
            _results(doc, _arms_read(doc, sent, slot), slot)
    slot.pending.clear()


def read_lead(doc: AnalysedDocument, sentences: list[AnalysedSentence], slot: Slot) -> None:
    """Results a text states before it names any trial ("Major finding: A improved OS (HR 0.73) ... Study details:
    the phase 2 NAME study ..."): the one named trial's, once its arms are known; its arms are not read from them.
    An unnamed trial takes only those naming each of its arms and no other drug ("1. The median OS for A was 16.4
    months and for B 14.7 months" before "This study evaluated A compared with B"): a lead naming other drugs may
    be an earlier study's."""
    if len(slot.arms) >= 2 or slot.single_arm:
        for sent in sentences:
            if slot.names or _names_only_its_arms(doc, sent, slot):
                _results(doc, _arms_read(doc, sent, slot), slot)


def _names_only_its_arms(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> bool:
    named = {a.key for a in arm_mentions(doc, sent, slot.arms)}
    drugs = {a.key for a in agents(doc, sent)}
    return named == set(slot.arms) and drugs <= {c for arm in slot.arms for c in (arm, *agent_components(arm))}


def _results(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot, previous: str | None = None) -> None:
    """Values and hazard ratios; ``previous`` is the endpoint the sentence before named (None when out of order)."""
    span = evidence_span(sent)
    adjusted = ADJUSTED_ANALYSIS_RE.search(sent.text)
    if adjusted is None and len(slot.arms) >= 2:
        adjusted = TREATED_POPULATION_RE.search(sent.text)
    if adjusted is not None and (adjusted.start() <= _first_result(doc, sent) or _qualifies_first_endpoint(doc, sent, adjusted)):
        return  # the sentence reports the adjusted analysis only ("By IPW, PFS was ...", "PFS by IPW was ...")
    if projects(sent.text):
        slot.projected.add(span)
    if concedes_earlier_evidence(sent.text) or continues_subgroup(doc, sent) or subgroup_list_item(doc, sent):
        return  # "Although A has been shown to improve OS (6.5 months), ...": what was known before, no result here;
        # "OS: 6.9 vs 4.3 months" after "A planned analysis of patients with X ...": a subgroup's
    if about_the_disease(sent.text) and not agents(doc, sent):
        return  # "the 5-year survival rate of patients with HCC in the country is 14%": no arm's result
    # "ORR and DCR were 41% and 70% in A, and ... in B"; "patients given A had a median OS of 11 months, while those
    # given B had one of 8 months"
    runs = endpoint_runs(doc, sent, slot.arms) or subject_values(doc, sent, slot.arms)
    runs += [v for v in aligned_values(doc, sent, slot.arms, listed=True) if v.endpoint not in {r.endpoint for r in runs}]
    covered = {v.endpoint for v in runs}
    read_before = len(slot.values)
    slot.values.extend((v, span) for v in [*(v for v in arm_values(doc, sent, slot.arms) if v.endpoint not in covered), *runs])
    rates = timepoint_rates(doc, sent, slot.arms, slot.last_endpoint) or respective_rates(doc, sent, slot.arms, slot.rate_run)
    slot.values.extend((v, span) for v in rates)
    slot.rate_run = _one_arms_run(rates)
    slot.values.extend((v, span) for v in responder_shares(doc, sent, slot.arms))
    if not runs and not rates and len(slot.values) == read_before:  # no shape reader read a value: the clause aligned whole
        slot.values.extend((v, span) for v in aligned_values(doc, sent, slot.listed or slot.arms))
    read = [(hr, endpoint) for hr, endpoint in listed_ratios(doc, sent)
            if not ratio_of_subgroup(sent.text, hr)]
    within = (read[0][0].start, read[-1][0].end) if read else (0, 0)  # "HR 0.72 [...] and 0.65 [...], respectively"
    listed = [(hr, endpoint) for hr, endpoint in read if endpoint is not None]  # (a list's estimate of no known endpoint)
    slot.ratios.extend((hr, endpoint, pair, span) for hr, endpoint, pair in ratios_read(doc, sent, slot, previous)
                       if (adjusted is None or hr.start < adjusted.start())  # "...; adjusted for crossover, HR 0.49"
                       and not within[0] <= hr.start < within[1])
    slot.ratios.extend((hr, endpoint, pair, span) for hr, endpoint in listed
                       if (pair := pair_of(doc, sent, hr, slot)) is not None and (adjusted is None or hr.start < adjusted.start()))


def _one_arms_run(rates: list[ArmValue]) -> tuple[str, tuple[str, ...], str] | None:
    """(endpoint, time points, arm) of rates at several time points all of one arm and endpoint, else None."""
    if len(rates) < 2 or len({(v.agent, v.endpoint) for v in rates}) != 1:
        return None
    return rates[0].endpoint, tuple(v.timepoint for v in rates), rates[0].agent


def _first_result(doc: AnalysedDocument, sent: AnalysedSentence) -> int:
    """Where the sentence's first endpoint or hazard ratio stands (its length when it has none)."""
    return min([a.start for a in anchors(doc, sent)] + [hr.start for hr in parse_hazard_ratios(sent.text)] + [len(sent.text)])


def _qualifies_first_endpoint(doc: AnalysedDocument, sent: AnalysedSentence, cue: re.Match) -> bool:
    """Does the cue qualify the sentence's first endpoint, before any number ("PFS by IPW was 9.2 months")?"""
    named = anchors(doc, sent)
    first = min(named, key=lambda a: a.start) if named else None
    return first is not None and 0 <= cue.start() - first.end <= 40 and not re.search(r"\d", sent.text[first.end:cue.start()])


def _verdict(doc: AnalysedDocument, sent: AnalysedSentence, slot: Slot) -> None:
    endpoints = frozenset(m.key for m in doc.keys_of_type(sent.mentions, "EndpointType"))
    slot.verdicts.extend((met, endpoints, explicit) for met, explicit in primary_verdicts(sent.text))

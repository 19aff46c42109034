"""Trial results as abstracts, notices and news write them: no tables, no section per agent.

The document is read sentence by sentence with one trial in context:

- a sentence naming a trial ("the phase 3 ZETA-12 study", "NCT01234567", aliases such as
  "Study 88/ZETA") makes it the context; a registration sentence ("The trial is
  registered ... NCT...") gives the trial in context its number;
- an unnamed trial ("a randomised phase 3 trial of A versus B") is the trial in context
  when it says "this/the" or has its phase, else a new one, keyed at the end by its arms
  (keys.comparison_trial_key) so the same comparison merges across documents; a trial in
  a phase other than the one in context ("in a phase 1b study, ...") is another trial;
- a randomisation statement with arms re-opens the trial with those arms (or the
  document's first trial while it has none); other studies ("previous studies", "trials")
  end the context;
- a trial a structured abstract names only in its background ("Background: A improved
  survival in NAME. Methods: In this phase 3 trial, ...") is an earlier one: it takes no arms
  from a later randomisation, and what the background says before its arms are known is not read.

Within the context (read by slot_reading): arms (prose_arms), arm sizes (prose_sizes), per-arm
values (prose_values, prose_numbers, prose_rates), hazard ratios (effects) linked to their
endpoint and to the arms (experimental = first named, or the order "with A as compared with
B" gives), and whether the primary endpoint was met
(``primary_endpoint_met``: False for "did not meet"/"not statistically significant"/"no
improvement" in a sentence about a primary endpoint or prespecified criteria, True for
"met its primary endpoint"/"meeting the significance criterion").  Negative trials keep
their numbers: these are the text's positive statements of what was measured.  A trial
is emitted only once it has an arm; results stated before its arms are read once they are
known.  A title that is only a name ("ZETA-7" on a trial card) is the first context; a bare
"NCT ID: NCT..." field names the trial in context.  "Patients received A" gives a trial its
one arm, the only one when nothing in the document is randomised or compared (a randomised
trial still to come, "a phase 3 trial versus B is planned", does not count).  A "subgroup /
post hoc analysis" (a document framed as a subgroup's report, :mod:`.subgroup_frame`, :mod:`.framed_trials`) keeps
the trial's design but not its numbers.
Documents whose tables give trials (reviews) are left to the table extractors and
comparisons.py, which read their prose with the tables' help; a registry page's
"Status | Completed |" rows and a paper's table of baseline characteristics give none.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Assertion
from .abstract_cues import (ANY_RANDOMISED_RE, AUTHORS_AIM_RE, BACKGROUND_SECTIONS, ONGOING_RE,
                            PHASE_REACH, PLANNED_RE, PRESENT_REPORT_RE, RANDOM_DIVISION_RE,
                            REGISTRATION_RE, SECTION_RE, STUDY_SUBJECT_RE, TESTING_LEAD_RE, THE_STUDY_RE,
                            THIS_STUDY_RE, THIS_TRIAL_RE, UNNAMED_RE, counted_study,
                            is_animal_study, is_observational, main_trial_first, named_observational, recalled_phases)
from .other_studies import EARLIER_RE, OTHER_STUDY_RE, SEPARATE_RE, SHOWN_BEFORE_RE, remarks_on_other_studies
from .analysis import AnalysedDocument, AnalysedSentence
from .registry import EXTRACTORS
from .registry_fields import intervention_field
from .sentences import evidence_span
from .framed_trials import Framing
from .combined_arms import combining_study
from .own_study import combination_study, own_study, separate_studies, studies_counted, treated_sole_drug
from .earlier_arms import arms_of_earlier, recalled_in_passing, sole_trial
from .prose_arm_mentions import slot_arm
from .slot_reading import assigned_arms, read_lead, read_pending, read_sentence, stated_arms
from .trial_names import TrialName, coordinated, listed_phase, phase_of, record_number
from .trial_appositions import appositions, read_appositions, read_framed
from .trial_clauses import own_clause
from .trial_slots import EXTRACTOR, NameIndex, Slot, Slots, emit
from .trial_name_index import document_title, name_index, names_in, title_trial_key
from .unnamed_trials import adopt_background_name, by_arms, establish, opened, unnamed_trial
from .named_slots import named_slot


@EXTRACTORS.register(EXTRACTOR)
def prose_trials(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials read from prose: names, arms, sizes, values and hazard ratios, slot by slot (skipped where trial tables exist)."""
    if _has_trial_tables(doc):
        return  # a document with trial tables is read by the table extractors and comparisons
    index = name_index(doc)
    slots = Slots()
    context = _title_context(doc, index, slots)
    randomised = _randomises(doc)
    background, before = False, None
    lead: list[AnalysedSentence] = []  # read before any trial was in context: a news item's summary
    compared_in: set[str | None] = set()  # the trials in context where the document randomises or compares
    framing = Framing(doc)
    for i, sent in enumerate(doc.sentences):
        opens = _opens_heading(doc, i)
        section = SECTION_RE.match(sent.text) or (_heading_section(sent) if opens else None)
        if section or opens:  # (a heading of other words ends a background too: "2.2 Trials")
            in_background = section is not None and _is_background(section)
            leaving = background and not in_background
            before = context if in_background and not background else before
            background = in_background
            if leaving and (context is None or slots[context].prior):
                # "Methods: This phase 3 trial ...": not the trial the background named, but the one the
                # title named before it, if any ("NAME: a phase 2 study ... Background: ... in OTHER ...");
                # so too when the background ended the context ("... shown potential in retrospective studies")
                context = before if before is not None and not slots[before].prior else None
        known = set(slots)
        # "A (NAME-1 trial) and B (NAME-2 trial) improved OS ...": each trial its own drug, read before the context
        # would give every trial named the sentence's arms
        names = names_in(doc, sent, index.confirmed)
        apposed = read_appositions(doc, sent, appositions(doc, sent, names, index), slots) \
            or read_framed(doc, sent, names, index, slots)
        context = _context(doc, sent, names, index, slots, context, background)
        if context is not None and context not in known and not slots[context].names and ONGOING_RE.search(sent.text):
            slots[context].ongoing = True  # an unnamed trial introduced as running
        framing.read(doc, i, sent, index, slots, context, background)
        if context is not None and not slots[context].names:  # ("This phase 2 study was designed ..." is the report's own)
            recalled = _recalls(sent.text, background)
            slots[context].sections.add("background" if recalled else "other")
        elif context is not None and background and not names and PRESENT_REPORT_RE.search(sent.text):
            slots[context].sections.add("other")  # "Background: ... in NAME. This exploratory analysis reports ...": NAME's
        if _randomising(sent.text):
            compared_in.add(context)
        if context is not None and not apposed:
            if not names and not slots[context].arms and STUDY_SUBJECT_RE.match(sent.text) \
                    and (combined := combining_study(doc, sent)):
                slots[context].arms = [combined]  # "The study evaluated A plus B": what the trial in context tested
                slots[context].arms_at.append(evidence_span(sent))
            # (a sentence naming another trial in a clause of its own is read for this one in its own clause)
            read_sentence(doc, own_clause(sent, names, index.key, context), slots[context], randomised, background)
        elif not slots and not background and not OTHER_STUDY_RE.search(sent.text):
            lead.append(sent)
    adopt_background_name(slots)  # "Background: The phase 3 NAME trial compared A with B. Methods: In this phase 3 study"
    if not slots and (own := own_study(doc, lead)) is not None:
        slots["unnamed#0"] = own  # no trial opened, but the document declares a study design of its own
    if len(slots) == 1 and (record := record_number(doc.document.text)) is not None:
        _numbered_by_record(next(iter(slots.values())), record)
    if len(slots) == 1 and set((only := next(iter(slots.values()))).arms) < set((field := intervention_field(doc))[0]):
        only.arms, only.arms_at = field[0], [*only.arms_at, field[1]]  # a registry card's "Intervention" field, in full
    texts = [s.text for s in doc.sentences]
    observational, animals = is_observational(texts), is_animal_study(texts)
    recalled = recalled_phases(texts, phase_of)
    counted = studies_counted(texts)
    for slot in slots.values():
        if observational and (not slot.names or named_observational(texts, [n.name for n in slot.names], slot.phase)):
            continue  # a retrospective or real-world comparison of patients is no trial with arms, named or not
        if animals and not slot.names:
            continue  # nor are the treatment groups of a laboratory study of animals
        if (slot.prior or _recalled(slot, slots, recalled)) and not slot.names:
            continue  # an earlier study a structured abstract's background recalls unnamed ("A improved OS in a phase 2 study"),
            # or one the document's own study confirms or follows ("this phase 3 study was to confirm the phase 2 trial")
        if not slot.arms and len(slots) == 1 and slot.names and (drug := treated_sole_drug(doc)):
            slot.arms, slot.single_arm = [drug], True  # the one drug the document's trial treated its patients with
        read_pending(doc, slot, randomised and not _compared_elsewhere(slot, slots, compared_in))  # (its results too)
        if slot.ongoing and not (slot.names or slot.values or slot.ratios or slot.sizes):
            continue  # "X is conducting a phase 3 trial of A and B": a trial under way, nothing of it reported
        if len(slots) == 1:
            read_lead(doc, lead, slot)
        for study in separate_studies(counted, slot):  # "Two phase II studies evaluated A and A plus B": one each
            yield from emit(doc, study, index)


def _numbered_by_record(slot: Slot, record: re.Match) -> None:
    """A registry's page of one trial gives its number as a field ("US NCT number | NCT..."): the one trial the
    document reads, named by no number yet, is the one registered (a name its title or prose gives stays)."""
    if not any(n.kind == "nct" for n in slot.names):
        slot.names.append(TrialName(record.group("nct"), 0, len(record.group("nct")), "nct"))
        slot.named_at.append((record.start("nct"), record.end("nct")))


def _randomises(doc: AnalysedDocument) -> bool:
    """Does the document randomise (a trial still planned does not), outside what a structured abstract's background
    recalls of earlier trials ("Background: A improved OS over placebo in NAME. Methods: In this phase 2 study,
    patients received B" reports a single-arm study)?"""
    background = False
    for sent in doc.sentences:
        if section := SECTION_RE.match(sent.text):
            background = _is_background(section)
        recalled = _recalls(sent.text, background)
        if _randomising(sent.text) and not recalled:
            return True
    return False


def _randomising(text: str) -> bool:
    """Does the sentence randomise (a trial still planned, "will be randomised", or one said to be under way, "a
    randomised phase 2 trial of A versus B is ongoing", does not: the report's own study is not it)?"""
    return bool(ANY_RANDOMISED_RE.search(text)) and not PLANNED_RE.search(text) and not ONGOING_RE.search(text)


def _recalls(text: str, background: bool) -> bool:
    """Does a sentence recall an earlier study: one in a structured abstract's background that does not speak of this
    study or report ("This phase 2 study was designed ...", "Here we report ...")?"""
    return background and not (THIS_STUDY_RE.search(text) or PRESENT_REPORT_RE.search(text))


def _recalled(slot: Slot, slots: dict[str, Slot], recalled: set[str]) -> bool:
    """Is the slot an earlier study of a phase the document's own study confirms or follows, another trial of
    another phase being read beside it (the document's own)?"""
    return slot.phase in recalled and any(other is not slot and other.phase not in (None, slot.phase) for other in slots.values())


def _compared_elsewhere(slot: Slot, slots: dict[str, Slot], compared_in: set[str | None]) -> bool:
    """Does the document compare arms only while other named trials are in context ("NAME-1 showed an ORR of
    43% ... The phase 3 NAME-12 trial compares A with B")?  Then the named trial is no randomised one."""
    return bool(slot.names) and bool(compared_in) and all(
        key is not None and key in slots and slots[key] is not slot and slots[key].names for key in compared_in)


def _heading_section(sent: AnalysedSentence) -> re.Match | None:
    """The structured abstract's section a heading line of its own names ("Methods" above the sentence), as
    SECTION_RE reads one written inline ("Methods: ...")."""
    heading = sent.sentence.section.strip()
    found = SECTION_RE.match(f"{heading}:")
    return found if found and found.end() == len(heading) + 1 else None


def _opens_heading(doc: AnalysedDocument, i: int) -> bool:
    """Is the sentence the first under a heading line of its own?"""
    sent = doc.sentences[i]
    return bool(sent.sentence.section.strip()) and (
        i == 0 or doc.sentences[i - 1].sentence.section_start != sent.sentence.section_start)


def _is_background(section: re.Match) -> bool:
    return (section.group("label") or section.group("caps")).lower().split()[0] in BACKGROUND_SECTIONS  # "background & aims"


# The readers of tables that give trials (:data:`.registry.EXTRACTORS`' names).
TABLE_TRIAL_READERS = ("table-trials", "table-trial-rows", "arm-row-tables", "cell-column-tables",
                       "table-flattened-rows", "table-line-trials", "table-markdown-trials")


def _has_trial_tables(doc: AnalysedDocument) -> bool:
    """Has the document a table its table readers read a trial from?  A page's "Status | Completed |" rows (a
    registry entry) are a table, and so is a paper's table of baseline characteristics, but neither gives a trial:
    the document's prose is read here."""
    if not any(block.kind == "table" for block in doc.blocks):
        return False
    return any(a.predicate == "isClinicalTrial" for name in TABLE_TRIAL_READERS for a in EXTRACTORS.read(name, doc))


def _title_context(doc: AnalysedDocument, index: NameIndex, slots: dict[str, Slot]) -> str | None:
    """A trial named by a heading alone is the context from the start (its sentences never name it)."""
    title = document_title(doc)
    if title is None or not doc.sentences or not title_trial_key(doc) \
            or doc.sentences[0].text.strip().startswith(title[0]):
        return None  # read as a sentence, the title sets the context itself
    key = index.key(title[0])
    slots[key] = Slot(names=[TrialName(title[0], 0, len(title[0]))], named_at=[title[1]])
    return key


def _context(doc: AnalysedDocument, sent: AnalysedSentence, names: list[TrialName], index: NameIndex,
             slots: dict[str, Slot], context: str | None, background: bool = False) -> str | None:
    """The trial the sentence is about (its ``names`` first), opened or named here if need be; None when none."""
    if context is not None and not background and slots[context].sections == {"background"} and slots[context].names \
            and THIS_STUDY_RE.search(sent.text) and all(n.kind == "nct" for n in names):
        # "Background: A improved OS in NAME. Methods: ... in this phase 2 trial (NCT...)": another trial (an unnamed
        # one the background opens, "we conducted a trial of A", is the one the methods describe)
        context = None
    span = evidence_span(sent)
    # ... or a bare "NCT ID: NCT..." field opening the sentence, or a number in brackets after the randomisation of
    # a named trial that has none yet ("were randomly assigned to A or B (NCT...)")
    registration = REGISTRATION_RE.search(sent.text) or (names and names[0].start <= 20) or THIS_TRIAL_RE.match(sent.text) or (
        names and context is not None and sent.text[:names[0].start].rstrip().endswith("(")
        and slots[context].names and not any(n.kind == "nct" for n in slots[context].names))
    if context is None and names and all(n.kind == "nct" for n in names) and REGISTRATION_RE.search(sent.text) \
            and (only := sole_trial(slots, None)) is not None and not any(n.kind == "nct" for n in slots[only].names):
        context = only  # "Trial registration number NCT..." closing an abstract after a remark on "further studies"
    same_arms = context is not None and (not slots[context].arms or all(
        slot_arm(doc, a.key, slots[context].arms) is not None for a in stated_arms(doc, sent)))
    if names and all(n.kind == "nct" for n in names) and registration and context is not None and same_arms:
        slots[context].names.extend(names)
        slots[context].named_at.append(span)
        slots[context].phase = slots[context].phase or _phase_near(sent.text, names)  # "NCT... is a phase I trial"
        return context
    if recalled_in_passing(sent, names, index, slots, context):
        return context  # "Recruitment to one arm ceased after a planned analysis of Study 22 showed ..."
    if names:
        names = main_trial_first(sent.text, names)
        key = index.key(names[0].name)
        if key not in slots and (named := named_slot(doc, sent, slots, context, names[0])):
            slots[key] = slots.pop(named)  # "In this phase 3 trial (NAME), ..." names the trial read so far
        slot = slots.setdefault(key, Slot())
        slot.names.extend(n for n in names if index.key(n.name) == key)
        slot.named_at.append(span)
        slot.sections.add("background" if background and not (PRESENT_REPORT_RE.search(sent.text)
                                                               or AUTHORS_AIM_RE.search(sent.text)) else "other")
        if len({index.key(n.name) for n in names if n.kind != "nct"}) <= 1:
            slot.phase = slot.phase or _phase_near(sent.text, names)
        slot.phase = slot.phase or listed_phase(sent.text, names[0])  # "NAME and OTHER phase 3 trials"
        establish(doc, own_clause(sent, names, index.key, key), slot)
        _other_trials(doc, sent, names, index, slots, key, background)
        return key
    if (back := arms_of_earlier(doc, sent, slots, context)) is not None:
        return back
    unnamed = UNNAMED_RE.search(sent.text)
    arms = [a.key for a in stated_arms(doc, sent)]
    if unnamed and (EARLIER_RE.search(sent.text[max(0, unnamed.start() - 30):unnamed.start()])
                    or SHOWN_BEFORE_RE.search(sent.text[:unnamed.start()])):
        return None  # "a previous phase 1b study", "has shown activity in a phase 2 study": another trial, not the document's
    if unnamed and SEPARATE_RE.search(sent.text[max(0, unnamed.start() - 30):unnamed.start()]):
        return opened(doc, sent, slots, phase_of(unnamed.group()))  # "a separate phase 3 study ... comparing A to B"
    if unnamed:
        return unnamed_trial(doc, sent, unnamed, arms, slots, context)
    if assigned_arms(doc, sent):
        return by_arms(arms, slots, context, None, span, randomising=True, doc=doc)
    if context is None and not slots and not background and RANDOM_DIVISION_RE.search(sent.text):
        slots["unnamed#0"] = Slot(named_at=[span])  # "were divided into 3 groups by random number table": the
        return "unnamed#0"                           # document's own trial, its groups listed next
    if context is None and not slots and not background and not index.confirmed \
            and (TESTING_LEAD_RE.match(sent.text) or counted_study(sent.text)):
        # "In clinical testing, A improved OS ...", "results of a study of 602 patients": a notice's or a news item's
        # one unnamed trial, when the document names none
        slots["unnamed#0"] = Slot(named_at=[span])
        establish(doc, sent, slots["unnamed#0"])
        return "unnamed#0"
    if context is None and not slots and not background and not index.confirmed and (arm := combination_study(doc, sent)):
        # "A combination study with B is underway": a trial of the graph's only once something of it is reported
        slots["unnamed#0"] = Slot(arms=[arm], named_at=[span], arms_at=[span], ongoing=True)
        return "unnamed#0"
    if context is None and THIS_STUDY_RE.search(sent.text) and (only := sole_trial(slots, None)) is not None:
        return only  # "Twenty patients were enrolled in this study" after a remark on other studies ended the context
    if context is None and THE_STUDY_RE.search(sent.text) and (only := sole_trial(slots, None)) is not None \
            and not slots[only].arms and len(arms) >= 2:
        return only  # "In the study just ended, A was tested against B": the arms of the one trial opened, still armless
    if remarks_on_other_studies(sent.text):
        return None
    return context


# A relative clause telling what the trial named showed: "the phase 3 NAME trial, which showed that A ... versus B".
RESULT_CLAUSE_RE = re.compile(r"(?:\s+(?:trial|study))?\s*,\s*(?:which|that)\s+(?:showed|demonstrated|established|found)\s+that\b",
                              re.IGNORECASE)


def _other_trials(doc: AnalysedDocument, sent: AnalysedSentence, names: list[TrialName], index: NameIndex,
                  slots: dict[str, Slot], key: str, background: bool) -> None:
    """The other trials a sentence names beside the one it is about ("based on NAME-1 and the phase 2 NAME-2
    trials"): each by its name and phase, and given the sentence's arms when the two are named side by side."""
    seen, before = {key}, None
    for other in names:  # a registry number listed beside other names is a trial of its own unless it is an alias
        other_key = index.key(other.name)
        if other_key not in seen:
            seen.add(other_key)
            slot = slots.setdefault(other_key, Slot())
            slot.names.extend(n for n in names if index.key(n.name) == other_key)
            slot.named_at.append(evidence_span(sent))
            slot.sections.add("background" if background else "other")
            slot.phase = slot.phase or phase_of(sent.text[max(0, other.start - 30):other.start]) or listed_phase(sent.text, other)
            if (before is not None and other.kind != "nct" and coordinated(sent.text, before, other)) \
                    or (other.kind != "nct" and RESULT_CLAUSE_RE.match(sent.text, other.end)):
                # ... or "the NAME trial, which showed that A improved OS versus B": its arms
                establish(doc, own_clause(sent, names, index.key, other_key), slot)
        before = other if other.kind != "nct" else before


def _phase_near(text: str, names: list) -> str | None:
    """The phase stated beside the name; a phase far off in a long sentence is another trial's
    ("... showed activity in a phase 1b trial")."""
    return phase_of(text[max(0, names[0].start - PHASE_REACH):names[-1].end + PHASE_REACH])

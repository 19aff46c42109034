"""Trial arms stated in prose: who was randomised to what, and how many (who was compared with whom:
:mod:`.arm_comparisons`).

Shapes read (invented examples):

- "randomly assigned (2:1) to receive zorbanib 10 mg daily (n = 300) or placebo (n = 150)",
  "randomized 1:1 to A/B or A/placebo", three arms "to A plus B and C, A plus C, or C alone";
- "A versus B", "A plus B vs C", "A as compared with B", "A (...) compared to B", "non-inferiority to B";
- counts naming the arms: "(A, 247; B, 247)" (those before each agent, "342 were randomised to A
  and 168 to B", and the sizes themselves are read by prose_sizes);
- the one agent patients were given: "patients received A", "A 20 mg/kg was given every 3 weeks".

An agent is a drug, a procedure (chemotherapy, best supportive care, the investigator's choice: see
comparators.py) or placebo; drugs glued by "plus", "+", "combined with",
"/" or "-" ("A-B", "A/B") form one regimen (keys.agent_key), as do "the combination of A with
B" and "placebo plus A and B"; placebo added to a drug ("A plus placebo", "A/placebo") is that
drug's arm, and so is care every arm gets ("A plus best supportive care", "placebo plus BSC", "to A or B,
and all received BSC"): care is an arm's agent only when it is all the arm gets ("BSC alone"); a procedure
given with drugs is part of their arm ("A plus B with TACE").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..keys import agent_key
from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .arm_lists import joined_and_lists
from .arm_options import either_arms, optional_arms, sequenced
from .comparators import (CHOICE_NAME, arm_parts, choice_spans, comparator_mentions, compared_choice, glued_to_care,
                          is_care, without_describing_care)
from .procedure_glue import delivered_by, procedures_before_placebo, with_procedure
from .regimen_glue import REPEAT_ASIDE_RE, REPEAT_COPY_RE, REPEAT_OR_RE, glued
from .sentences import DRUG, MASS_UNIT
from .trial_name_shapes import SPONSOR_STUDY_RE

ARM_TYPES = (*DRUG, "Procedure", "Placebo")
# What may follow a name so that it names no arm: a design's adjective ("a placebo-controlled trial of A") or the
# patients' state ("TACE-naive", "sorafenib-refractory", "TACE-unsuitable patients").
NOT_AN_ARM_AFTER_RE = re.compile(r"-?\s?(?:controlled|matched)\b|-(?:na[iï]ve|unsuitable|refractory|ineligible|experienced|"
                                 r"pretreated|resistant|intolerant|eligible|failed|failure)\b", re.IGNORECASE)
# ... nor care a therapy aims to better or become: "intended to improve the standard of care", "the new standard of care"
CARE_AS_AIM_RE = re.compile(r"\b(?:improv\w*|replac\w*|becom\w*|chang\w*|redefin\w*|establish\w*)\s+"
                            r"(?:(?:on|upon)\s+)?(?:the|a|as)?\s*(?:new\s+|current\s+)?$", re.IGNORECASE)
# ... nor does a time named after it: "on post-ablation day 14", "the pre-TACE scan"
TIME_PREFIX_RE = re.compile(r"\b(?:post|pre|peri)-$", re.IGNORECASE)
# ... nor the class of a combination whose parts follow: "combination chemotherapy using A and B" gives A and B
CLASS_OF_PARTS_RE = re.compile(r"\bcombination\s+$", re.IGNORECASE)
PARTS_AFTER_RE = re.compile(r"\s+(?:using|with|of|consisting\s+of|comprising)\b", re.IGNORECASE)
# What opens a list of the arms patients went to: a randomisation, an assignment "to", or alternatives
# given "either ... or" ("patients received either A or B").
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]ed|randomi[sz]ation|randomly\s+assigned|randomi[sz]e|"
                           r"(?:assigned|allocated)(?=\s+(?:\([^)]*\)\s+|\d+(?::\d+)+\s+)?(?:in\s+a\s+[\d:]+\s+ratio\s+)?to\b)|"
                           r"(?:receive[sd]?|receiving|given|treated\s+with|got|took)(?=\s+either\b))\b", re.IGNORECASE)
TO_RE = re.compile(r"\bto\s+(?:receive\s+)?(?:either\s+)?(?:treatment\s+with\s+)?", re.IGNORECASE)
# "randomized in NAME and NAME-2 (A or B, biweekly)": the trials named, then their arms in a bracket
IN_TRIAL_BRACKET_RE = re.compile(r"\s+(?:in|into)\s+(?:the\s+)?[^(),.;]{1,60}?\s*\((?=[^()]*\b(?:or|versus|vs\.?)\s)", re.IGNORECASE)
SEPARATOR_RE = re.compile(r",\s*(?:or\s+|and\s+)?|;\s*|\s+or\s+|\s+versus\s+|\s+vs\.?\s+", re.IGNORECASE)
# "a randomised, double-blind, phase 3 trial": the word describes the design, it lists no arms.
# (not across what lists arms: "received either A or B in the study" is no adjective)
ADJECTIVAL_RE = re.compile(r"^(?:[\s,]+(?:(?!(?:either|or|versus|vs|in)\b)[\w/-]+|\(\w+\)))*?[\s,]+(?:clinical\s+)?"
                           r"(?:trials?|stud(?:y|ies))\b", re.IGNORECASE)
# A plural head after agents listed with "and": each is an arm of its own ("the A and B arms").
# ... as "respectively" does: "478 and 476 patients were randomized to A and B, respectively" (two arms, no combination)
PLURAL_ARMS_RE = re.compile(r"\s+(?:arms|groups|cohorts)\b|\s*,?\s*respectively\b", re.IGNORECASE)
SIZE_RE = re.compile(r"\bn\s*=\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?![\d/])", re.IGNORECASE)
# "in the A group": a count "in the" names an arm only when the agent's group follows ("in the A trial" does not).
GROUP_AFTER_RE = re.compile(r"^[\s-]*(?:(?:only|alone|monotherapy)\s+)?(?:(?:treatment|therapy)\s+)?(?:group|arm|cohort)\b",
                            re.IGNORECASE)  # "in the A (only) treatment group"
# What follows an arm's agent in a parenthesised list of counts: "A, 247", "A arm: n = 335", "A 338 patients".
# A parenthesis of parts, and the colon form parted by commas: "(A: 247, B: 247)".
COUNTED_GROUP_RE = re.compile(r"\(([^()]*(?:[;,]|\band\b)[^()]*)\)")
COLON_COUNTS_RE = re.compile(r":\s*\d[\d]*\s*(?:patients|participants|pts)?\s*,")
LISTED_COUNT_RE = re.compile(r"\s*(?:arm|group)?\s*[,:]?\s*\[?\s*(?:n\s*=\s*)?\d[\d,]*\s*\]?\s*(?:patients|participants|pts)?\s*",
                             re.IGNORECASE)
# "(A [n=478] and B [n=476])": each arm's count in square brackets, the parts joined by "and" or commas.
SQUARE_COUNT_RE = re.compile(r"\[\s*n\s*=\s*\d[\d,]*\s*\]", re.IGNORECASE)
# What may open a sentence before its subject: a section's label at most ("Methods: A was given ...").
SENTENCE_OPENING_RE = re.compile(r"\W*(?:[A-Za-z]+:\s*)?", re.IGNORECASE)
BACKBONE_RE = re.compile(r"^\s*(?:(?:both|each|all)\s+(?:(?:given|administered|received)\s+)?)?"
                         # ... "(n=138), in conjunction with best supportive care", "in addition to C", "on a background of C"
                         r"(?:plus|in\s+combination\s+with|combined\s+with|with|in\s+conjunction\s+with|in\s+addition\s+to|"
                         r"on\s+(?:a\s+)?background(?:\s+of)?|alongside|along\s+with|together\s+with)\s+$", re.IGNORECASE)
# A registry field ("Allocation: Randomized;") says how, not to what.
FIELD_VALUE_RE = re.compile(r"\b(?:allocation|design|model)\s*:\s*$", re.IGNORECASE)
# Where the list of arms ends: "... to A or B group at a 2:1 ratio and were treated with ...".
# ... or at a clause of its own: "Of 546 randomized (A n=274; B n=272), 88% had undergone resection".
# ... or at what every patient got besides: "to A (n=362) or B (n=184), and all received C", "..., with both
# groups receiving C", "...; all patients were given C" (care every arm gets is no arm).
LIST_END_RE = re.compile(r"\s+and\s+(?:were|was|are|received|then)\b|\s+(?:until|stratified|according)\b|"
                         # "to A or placebo after (progression on) B": who the patients are, not a drug of the arms
                         r",?\s+(?:after|following)\s+(?!(?:\d|a\s|an\s|one\s|two\s|three\s|four\s|the\s+first\b))|"
                         # "; 120 and 118 patients were assigned to ...": a clause of its own after a semicolon
                         r";\s*(?=[^;()]*?\b(?:were|was|are|is|had|have|has|received)\b)|"
                         r",?\s+(?:and|with|while)\s+(?:(?:all|both|each)\s+(?:of\s+(?:the\s+|them\s+)?)?(?:(?:patients|participants|"
                         r"subjects|arms?|groups?|cohorts?)\s+)?|everyone\s+)(?:also\s+)?(?:were\s+|was\s+)?(?:received?|receiving|"
                         r"given|getting|got|had)\b|"
                         r",\s+\d[\d.]*\s*%?\s+(?:of\s+\w+\s+)?(?:had|has|have|were|was|underwent)\b", re.IGNORECASE)
# "A plus B for 4 doses, followed by A every 2 weeks; ...", "A plus B for 4 cycles, then A monotherapy, or C": the
# maintenance phase of the arm before, no arm of its own ("followed by A or placebo" continues each arm).
FOLLOWED_BY_RE = re.compile(r",?\s+(?:followed\s+by|then)\b(?:[^;,()]|\([^()]*\))*", re.IGNORECASE)
# ... which ends where another arm is offered: after the arm's count ("A followed by B (n = 50) or C (n = 50)"), or
# before an agent offered alone ("A followed by B or B alone"; not "followed by A or placebo monotherapy", the
# maintenance phase's own choice).
COUNT_THEN_OR_RE = re.compile(rf"\(\s*{SIZE_RE.pattern}\s*\)(?P<cut>)\s*,?\s+or\s+", re.IGNORECASE)
ALONE_OPTION_RE = re.compile(r",?\s+or\s+(?!placebo\b)(?=(?:[^,;()]|\([^()]*\)){0,60}?\balone\b)", re.IGNORECASE)


def _phase_end(text: str, phase: re.Match) -> int:
    """Where a "followed by" phase of one arm ends: before another arm is offered, else where its match ends."""
    cuts = [m.start("cut") for m in COUNT_THEN_OR_RE.finditer(text, phase.start(), phase.end())]
    cuts += [m.start() for m in ALONE_OPTION_RE.finditer(text, phase.start(), phase.end())]
    return min(cuts, default=phase.end())


@dataclass(frozen=True)
class Agent:
    """An arm's intervention as named in one sentence (local offsets)."""

    key: str
    start: int
    end: int
    components: tuple[str, ...]


def _is_arm_type(doc: AnalysedDocument, mention: Mention) -> bool:
    return doc.vocabulary[mention.key].has_type(*ARM_TYPES)


def _names_an_endpoint(doc: AnalysedDocument, sent: AnalysedSentence, end: int) -> bool:
    """Is the agent ending at ``end`` hyphened to an endpoint's name ("TACE-PFS", "TACE-progression-free survival"):
    a part of what the endpoint counts, no arm?"""
    return sent.text[end:end + 1] == "-" and any(sent.local(m)[0] == end + 1 for m in doc.keys_of_type(sent.mentions, "EndpointType"))


def _agent(doc: AnalysedDocument, group: list[tuple[Mention, int, int]]) -> Agent:
    parts = arm_parts(doc, (m.key for m, _, _ in group))
    return Agent(agent_key(parts), group[0][1], group[-1][2], parts)


def agents(doc: AnalysedDocument, sent: AnalysedSentence, start: int = 0, end: int | None = None) -> list[Agent]:
    """Arm agents named in ``sent.text[start:end]``, glued combinations as one (read once per document: every trial
    reader asks for them, hundreds of times a document)."""
    end = len(sent.text) if end is None else end
    return list(doc.once(("agents", sent, start, end), lambda: tuple(_agents(doc, sent, start, end))))


def _agents(doc: AnalysedDocument, sent: AnalysedSentence, start: int, end: int) -> list[Agent]:
    located = [(m, *sent.local(m)) for m in sent.mentions if _is_arm_type(doc, m)]
    # "a placebo-controlled trial of A", "TACE-naive patients": a design or a state, no arm
    located = [x for x in located if x[1] >= start and x[2] <= end and not NOT_AN_ARM_AFTER_RE.match(sent.text, x[2])
               and not TIME_PREFIX_RE.search(sent.text, max(0, x[1] - 6), x[1])
               and not (is_care(doc, x[0].key) and CARE_AS_AIM_RE.search(sent.text, max(0, x[1] - 40), x[1]))
               and not (CLASS_OF_PARTS_RE.search(sent.text, max(0, x[1] - 14), x[1]) and PARTS_AFTER_RE.match(sent.text, x[2])
                        and doc.vocabulary[x[0].key].has_type("Procedure"))
               and not _names_an_endpoint(doc, sent, x[2])]
    # "the phase 3 trial (ABC-XY123-III-02)": a drug's code inside a sponsor's study number names the study, no arm
    studies = [m.span() for m in SPONSOR_STUDY_RE.finditer(sent.text)]
    located = [x for x in located if not any(s <= x[1] and x[2] <= e and (s, e) != (x[1], x[2]) for s, e in studies)]
    located = comparator_mentions(doc, sent, located, start, end)  # "investigator's choice of chemotherapy", ...
    out: list[Agent] = []
    group: list[tuple[Mention, int, int]] = []
    for item in located:
        if group and item[0].key == group[-1][0].key and REPEAT_ASIDE_RE.fullmatch(sent.text[group[-1][2]:item[1]]):
            # "A (brand or code of A, company) plus B": the aside names A again; "BRAND® (A injection) plus B": what
            # follows is read after A
            if sent.text[group[-1][2]:group[-1][2] + 1] in ("®", "™"):
                close = re.match(r"[^()]*\)", sent.text[item[2]:])  # ... up to the bracket's close
                group[-1] = (group[-1][0], group[-1][1], item[2] + (close.end() if close else 0))
            elif close := re.match(r"\s*[)\]]", sent.text[item[2]:]):
                # "Brand (A), B and C": the aside closed right after A is the agent's, so the list goes on after it
                group[-1] = (group[-1][0], group[-1][1], item[2] + close.end())
            continue
        if group and item[0].key == group[-1][0].key and REPEAT_COPY_RE.fullmatch(sent.text[group[-1][2]:item[1]]):
            group[-1] = (group[-1][0], group[-1][1], item[2])  # "the B biosimilar CODE": B once
            continue
        if group and item[0].key == group[-1][0].key and REPEAT_OR_RE.fullmatch(sent.text[group[-1][2]:item[1]]) \
                and sent.text[item[2]:item[2] + 1] == ",":
            # "Brand, or A, and B": A named again, set off by commas; what follows is read after the closing one
            group[-1] = (group[-1][0], group[-1][1], item[2] + 1)
            continue
        if group and (item[1] == group[-1][1] or (glued(sent.text, group, item[1], item[2])
                                                   and item[0].key not in {m.key for m, _, _ in group})  # (A twice: two arms)
                      or glued_to_care(doc, sent.text, group[-1], item) or with_procedure(doc, sent.text, group, item)
                      or delivered_by(doc, sent.text, group, item)):
            if item[1] != group[-1][1]:
                group.append(item)
            continue
        if group:
            out.append(_agent(doc, group))
        group = [item]
    if group:
        out.append(_agent(doc, group))
    return out


def _top_level_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` between separators that lie outside parentheses."""
    depth, cuts, pos = 0, [], start
    for i in range(start, end):
        ch = text[i]
        depth += ch in "([" 
        depth -= ch in ")]" and depth > 0
        if depth == 0 and i >= pos and (m := SEPARATOR_RE.match(text, i)) and m.end() <= end:
            cuts.append((pos, i))
            pos = m.end()
    cuts.append((pos, end))
    return [c for c in cuts if c[1] > c[0]]


# A segment opening on a dose: "A at 12 mg for those of 60 kg or more or 8 mg for those under 60 kg plus B".
DOSE_FIRST_RE = re.compile(rf"\s*\d+(?:\.\d+)?\s*{MASS_UNIT}\b", re.IGNORECASE)


def _dose_alternatives_joined(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``segments`` joined where one opens on a dose: the dose is an alternative of the drug before it, on its arm."""
    out: list[tuple[int, int]] = []
    for seg in segments:
        if out and DOSE_FIRST_RE.match(text, seg[0]):
            out[-1] = (out[-1][0], seg[1])
        else:
            out.append(seg)
    return out


def _unsplit(segments: list[tuple[int, int]], whole: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``segments`` joined again where a cut between two lies inside one of the ``whole`` spans."""
    out: list[tuple[int, int]] = []
    for seg in segments:
        if out and any(s <= out[-1][1] and seg[0] < e for s, e in whole):
            out[-1] = (out[-1][0], seg[1])
        else:
            out.append(seg)
    return out


def _sentence_choices(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The choices the whole sentence shows ("or A or B in the control arm": what the choice is compared with may lie
    outside the piece of the sentence an arm reader looks at)."""
    chosen = doc.finder.lookup(CHOICE_NAME)
    return [a for a in agents(doc, sent) if a.key == chosen]


def _choices_with_options(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[int, int]]:
    """Where each choice lies with the options it lists, named ("investigator's choice of A or B") or not ("or A or
    B in the control arm"): a list of arms is not to be cut at its "or"."""
    return [*choice_spans(doc, sent), *((a.start, a.end) for a in _sentence_choices(doc, sent))]


def _segment_agents(doc: AnalysedDocument, sent: AnalysedSentence, start: int, end: int) -> list[Agent]:
    """The agents of ``sent.text[start:end]``, a choice the whole sentence shows read as one arm."""
    choices = [c for c in _sentence_choices(doc, sent) if start <= c.start and c.end <= end]
    ratios = [m.span() for m in RATIO_BRACKET_RE.finditer(sent.text, start, end)]  # "(2:1 A:B)" names the arms again
    found = [a for a in agents(doc, sent, start, end) if not any(c.start <= a.start and a.end <= c.end for c in choices)
             and not any(s <= a.start < e for s, e in ratios)]
    return sorted([*found, *choices], key=lambda a: a.start)


# A randomisation's ratio in brackets, with the arms it weighs: "(2:1 A:placebo)", "(1:1, A vs B)".
RATIO_BRACKET_RE = re.compile(r"\(\s*\d+\s*:\s*\d+(?:\s*:\s*\d+)?(?!\d)[^()]*\)")


def randomised_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms a randomisation statement lists, in order ([] when the sentence has none)."""
    cue = next((c for c in RANDOMISED_RE.finditer(sent.text) if not _adjectival(sent.text, c.end())
                and not FIELD_VALUE_RE.search(sent.text[max(0, c.start() - 30):c.start()])
                and not compared_choice(sent.text, c.end())), None)
    if cue is None:
        return []
    start = cue.end()
    bracket = IN_TRIAL_BRACKET_RE.match(sent.text, start)
    closed = sent.text.find(")", bracket.end()) if bracket else -1
    if (to := TO_RE.search(sent.text, start)) and agents(doc, sent, to.end(), to.end() + 40):
        start, bracket = to.end(), None
    elif bracket and closed > 0 and agents(doc, sent, bracket.end(), closed):
        start = bracket.end()  # "randomized in NAME (A 8 mg/kg or B, biweekly)": the arms in the trial's bracket
    else:
        bracket = None
    arms: list[Agent] = []
    stop = LIST_END_RE.search(sent.text, start)
    maintenance = [(m.start(), _phase_end(sent.text, m)) for m in FOLLOWED_BY_RE.finditer(sent.text, start)]
    end = min(stop.start() if stop else len(sent.text), closed if bracket else len(sent.text))
    if options := optional_arms(doc, sent, agents(doc, sent, start, end), start, end):
        return options  # "to A and B with or without C": A plus B plus C, and A plus B
    if shared := either_arms(doc, sent, agents(doc, sent, start, end), end):
        return distinct_arms(shared)  # "to A plus either B or C": A plus B, and A plus C
    # a regimen described between its parts ("A, a multikinase inhibitor, plus B") is not cut at its commas
    regimens = [(a.start, a.end) for a in agents(doc, sent, start, end) if len(a.components) > 1]
    segments = _unsplit(_top_level_segments(sent.text, start, end), _choices_with_options(doc, sent) + regimens)
    segments = _dose_alternatives_joined(sent.text, segments)
    for s, e in joined_and_lists(sent.text, segments):
        found = sequenced(doc, _segment_agents(doc, sent, s, e), maintenance, sent.text)
        if arms and found and BACKBONE_RE.match(sent.text[s:found[0].start]):  # "..., plus C": every arm gets C
            shared = tuple(p for a in found for p in a.components)
            arms = [with_parts(doc, arm, shared) for arm in arms]
            continue
        restated = next((g for g in COUNTED_GROUP_RE.finditer(sent.text, s, e) if _counted_parts(doc, sent, g)), None)
        if restated and found and found[0].end <= restated.start():  # "to A or B (A, n = 5; B, n = 6)": the arms
            found = [a for a in found if a.end <= restated.start()]   # restated with their counts are no regimen
        inner = re.match(r"\s*\(([^()]*;[^()]*)\)", sent.text[s:e])
        if len(found) > 1 and inner:  # "(A arm, n = 5; B arm, n = 6)"
            base = s + inner.start(1)
            for a, b in _top_level_segments(sent.text, base, base + len(inner.group(1))):
                arms.extend(_merge(doc, agents(doc, sent, a, b)))
        elif len(found) > 1 and PLURAL_ARMS_RE.match(sent.text, found[-1].end):
            arms.extend(found)  # "to the A and B arms": a plural head names as many arms
        else:
            arms.extend(_merge(doc, found))
    return distinct_arms(_placebo_backbone(doc, sent, without_describing_care(doc, sent.text, arms), start))


def counted_list(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """"enrolled 494 patients (A, 247; B, 247)", "(A arm, n = 335; B arm, n = 334)", "(A: 247, B: 247)": a
    parenthesis listing each arm with its count names the arms ([] unless every part of it is one agent and a count)."""
    return next((arms for group in COUNTED_GROUP_RE.finditer(sent.text) if (arms := _counted_parts(doc, sent, group))), [])


def _counted_parts(doc: AnalysedDocument, sent: AnalysedSentence, group: re.Match) -> list[Agent]:
    """The arms of a parenthesis whose every part (parted by semicolons, else by commas after "A: N", or by commas
    and "and" between counts in square brackets, "A [n=478] and B [n=476]") is one agent and its count, in order; []
    otherwise."""
    inner = group.group(1)
    squared = len(SQUARE_COUNT_RE.findall(inner)) >= 2
    if ";" not in inner and not COLON_COUNTS_RE.search(inner) and not squared:
        return []
    arms = []
    parting = r";" if ";" in inner else r",\s*(?:and\s+)?|\s+and\s+" if squared else r","
    cuts = [0, *(x for m in re.finditer(parting, inner) for x in m.span()), len(inner)]
    for part_start, part_end in zip(cuts[::2], cuts[1::2]):
        start, end = group.start(1) + part_start, group.start(1) + part_end
        found = agents(doc, sent, start, end)
        if len(found) != 1 or not LISTED_COUNT_RE.fullmatch(sent.text[found[0].end:end]) \
                or sent.text[start:found[0].start].strip():
            return []
        arms.append(found[0])
    return distinct_arms(arms) if len(arms) >= 2 else []


def with_parts(doc: AnalysedDocument, arm: Agent, parts: tuple[str, ...]) -> Agent:
    """The arm with the backbone every arm gets; placebo plus a drug is that drug's arm."""
    whole = arm_parts(doc, {*arm.components, *parts})
    return Agent(agent_key(whole), arm.start, arm.end, whole)


def _adjectival(text: str, end: int) -> bool:
    """Does "randomised" at ``end`` describe a trial ("randomised, open-label phase 3 trial") without a "to"?"""
    design = ADJECTIVAL_RE.match(text[end:end + 100])
    return bool(design) and not re.search(r"\bto\b", design.group())


def _merge(doc: AnalysedDocument, found: list[Agent]) -> list[Agent]:
    """One segment of a randomisation list names one arm ("A 10 mg daily plus B 5 mg"); placebo given
    with a drug is that drug's arm ("A every 2 weeks plus placebo")."""
    if not found:
        return []
    parts = arm_parts(doc, {p for a in found for p in a.components})
    return [Agent(agent_key(parts), found[0].start, found[-1].end, parts)]


def _placebo_backbone(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[Agent], start: int) -> list[Agent]:
    """"to A or placebo in combination with C": placebo plus C in the last arm makes C every arm's backbone; "to
    TACE plus A or placebo": a placebo stands for a drug, never for a procedure, so TACE is the placebo arm's too."""
    if len(arms) < 2:
        return arms
    last = arms[-1]
    if (procedures := procedures_before_placebo(doc, sent, arms[-2], last)) is not None:
        return arms[:-1] + [with_parts(doc, last, procedures)]
    named = [m for m in sent.mentions if sent.local(m)[0] >= start and doc.vocabulary[m.key].has_type("Placebo")]
    with_placebo = any(last.start - 1 <= sent.local(m)[0] <= last.end for m in named)
    shared = set(last.components)
    if not with_placebo or any(shared & set(a.components) for a in arms[:-1]):
        return arms
    return [with_parts(doc, a, tuple(shared)) for a in arms[:-1]] + [last]


def distinct_arms(arms: list[Agent]) -> list[Agent]:
    """The arms, each agent once, in order; [] unless two or more (a list of one arm names no comparison)."""
    seen: set[str] = set()
    out = []
    for arm in arms:
        if arm.key not in seen:
            seen.add(arm.key)
            out.append(arm)
    return out if len(out) >= 2 else []


def unbracketed(text: str) -> str:
    """The text with its innermost parentheses blanked (one space each): what is said beside them.

    >>> unbracketed("A (5.6 vs 3.7 months) vs B")
    'A   vs B'
    """
    return re.sub(r"\([^()]*\)", " ", text)


def count_value(m: re.Match) -> int:
    """The count a match's ``n`` group prints ("1,171" is 1171)."""
    return int(m.group("n").replace(",", ""))

"""Per-arm results in one sentence of prose: which endpoint, which value, which arm.

Which endpoints the sentence names, prose_endpoints decides; which numbers are values, and in
which unit, prose_numbers.  Each endpoint takes the first
values after it in its clause, one per arm; each value goes to the arm named right after
it ("14.6 months in the A group", "13% for B"), else to the arm named just before it
("for A was 8.9%"), else, with "respectively", to the arms in the order the sentence names
them, else to the trial's arms in order (experimental first; with three arms or more only when
the values are one per arm).  A clause about a subgroup ("among Asian patients", "in hepatitis
C-infected patients", "in those with non-viral disease", "in patients with vascular invasion")
is skipped, and so is a single-arm trial's value "in the X group" that is not its arm; "among
responders" restricts no duration of response, "among those treated with A" names A's arm and "among
104 enrolled patients" everyone.  A list of the arms read as one regimen ("the A plus B and C arms")
(which arms a sentence names: prose_arm_mentions) is parted back into the trial's arms, endpoints listed
together ("the median PFS and OS were X and Y months, respectively") take one value each, and one arm's
readings by two criteria ("46% per mRECIST and 36% per RECIST v1.1") are both its values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..keys import agent_components
from .analysis import AnalysedDocument, AnalysedSentence
from .analysis_sets import parallel_brackets, population_at
from .arm_options import GIVEN_ALONE_RE  # "A alone": no regimen with A in it
from .effects import decimal_text
from .normalize import NUMBER_WORDS
from .prose_arm_mentions import arm_mentions, compared_before
from .prose_arms import Agent, agents
from .prose_cohorts import cohort_values, other_group, several, unnamed_subgroup_cohorts
from .prose_criteria import per_criterion, second_criterion_pair
from .prose_endpoints import FOLLOW_UP_RE, Anchor, anchors, clause_of, follow_up_between
from .population_values import parallel_values
from .prose_labels import labelled_values
from .prose_quoted import historical
from .received_cues import had_before
from .prose_subgroups import (OVERALL_AFTER_RE, PART_AFTER_RE, RESPONDER_ENDPOINTS, RESPONDERS_RE, SUBGROUP_RE, chooses_a_group,
                              responder_groups, subgroup_after, subgroup_start)
from .prose_numbers import (CYCLES_LASTING, TIMEPOINT_LIST_RE, UNREACHED_RE, bare_tokens, bracketed, masked_names, masked_text,
                           overflowing, unit_named, unreached, unreached_first, value_tokens)
from .value_arms import respective_arms
from .value_owners import changed_agents, compared_second, criteria_owner, other_agents_value, owner_gap, strangers_values, value_owners

RISK_OF_RE = re.compile(r"\brisks?\s+of\s+$", re.IGNORECASE)
TIMEPOINT_RE = re.compile(r"\b(?:at\s+(?P<n>\d+)\s*(?P<u>month|week|year|mo(?=s?\b))s?|(?P<n2>\d+)-(?P<u2>month|week|year|mo\b)|"
                          # ... or the time treatment cycles took: "the PFS rate after 6 cycles (12 weeks) was 40%"
                          rf"{CYCLES_LASTING}(?P<n3>\d+)\s*(?P<u3>month|week)s?)\b", re.IGNORECASE)
# A share of its own between a value and a later time point: the time point is that share's.
OTHER_SHARE_RE = re.compile(r"(?<![\w.#])\d+(?:\.\d+)?\s*%")
OPENING_TIMEPOINT_RE = re.compile(r"\s*(?:at|after)\s+(?P<n>\d+)\s*(?P<u>month|week|year|mo)s?\s*,", re.IGNORECASE)
# "The 33-month OS rates", "the 1-year progression-free survival rate", "1 year overall survival was": the time
# point before the endpoint.
LEAD_TIMEPOINT_RE = re.compile(r"\b(?P<n2>\d+)[-\s](?P<u2>month|week|year|mo)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# What may open a clause continuing the previous one's result with the other arm: "; with B, ...", "; B, ...", "; the
# corresponding value in the B arm was ...".
CONTINUATION_LEAD_RE = re.compile(r"\s*(?:the\s+(?:corresponding|respective|equivalent)\s+(?:figure|value|rate|median|estimate)\s+"
                                  r"(?:was\s+)?(?=(?:with|for|in|among)\s))?"
                                  r"(?:(?:with|for|in|among)\s+)?(?:the\s+)?(?:(?:patients|those)\s+(?:treated\s+with|"
                                  r"receiving|given)\s+)?", re.IGNORECASE)
# Between endpoints listed as one subject: "the median PFS and OS", "ORR, DCR and median DoR".
# ("the 1-year OS rate and 1-year RFS rate": each rate with its time point)
ENDPOINT_LIST_GAP_RE = re.compile(r"\s*(?:rates?\s+)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:median\s+)?"
                                  r"(?:\d+[-\s](?:month|week|year|mo)\s+)?", re.IGNORECASE)
# Other patients counted between an outcome and a share ("1 patient had a PR, 10 patients had stable disease (31%)"):
# the share is theirs, not the outcome's.
OTHER_PATIENTS_RE = re.compile(rf"\b(?:\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+(?:patients?|participants?|pts)\s+"
                               r"(?:had|achieved|experienced|showed)\b", re.IGNORECASE)
# A part of the patients counted before a survival time: "occurred in 16 (12% of 130) patients ..., who achieved a median
# OS of X", "14 of 120 patients were resected, with a median OS of X" (a response rate is counted so of everyone).
COUNTED_PART_RE = re.compile(r"\b\d+\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s+of\s+(?:the\s+)?\d+\s*\)|of\s+(?:the\s+)?\d+)\s+"
                             r"(?:patients|participants|subjects|pts)\b", re.IGNORECASE)
# One value said of every arm: "In both arms, TTP was 2.8 months", "median PFS was 3.7 months in each group".
EVERY_ARM_RE = re.compile(r"\b(?:in|for|across)\s+(?:both|each\s+of\s+the\s+two|the\s+two)\s+(?:treatment\s+)?"
                          r"(?:arms|groups|cohorts)\b|\b(?:in|for)\s+each\s+(?:treatment\s+)?(?:arm|group)\b", re.IGNORECASE)
# A time-to-event endpoint given as a percentage is a rate at some time point.
TIME_TO_EVENT = frozenset({"os", "pfs", "ttp", "rfs", "dor"})
# A proportion of patients is a percentage, never a duration: "the ORR was 26%, and the median DoR
# was 16.6 months" gives the response rate no months.
PROPORTION_ENDPOINTS = frozenset({"orr", "dcr", "partial_response", "pcr"})
# "8 (14%) achieved a partial response, 19 (33%) had stable disease": a count's percentage belongs to
# the outcome its own verb names, not to an endpoint named before it.
COUNT_OWNED_RE = re.compile(r"^\s*\)\s*(?:patients?\s+|participants?\s+)?(?:had|achieved|experienced|showed|developed|"
                            r"attained|were|died)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ArmValue:
    """One arm's value of one endpoint, as printed and as a number."""

    agent: str
    endpoint: str
    timepoint: str
    value: Decimal
    text: str
    unit: str
    population: str = ""  # the analysis population, when the text gives another's beside it (:mod:`.analysis_sets`)


def arm_values(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """Values per arm of a trial whose arm agents are ``arms`` (experimental first)."""
    masked, texts = masked_names(sent), [s.text for s in doc.sentences]
    brackets = parallel_brackets(sent.text)  # two analysis populations' results side by side, if any
    found: list[ArmValue] = []
    # none inside "(6% complete response, ...)", nor the outcome choosing a subgroup ("patients who achieved disease control")
    points = [p for p in anchors(doc, sent) if masked[p.start] != "#" and not chooses_a_group(sent.text, p.start)]
    named = arm_mentions(doc, sent, arms)
    # endpoints listed together take one value each: one arm's, or, in a trial of more naming none of them
    # ("Median PFS and OS in all patients were 5.2 and 11.5 months, respectively"), no arm's
    listed = _respective(sent.text, masked, points) if len(arms) == 1 or not named else {}
    found += [ArmValue(arms[0], points[i].endpoint, when, Decimal(decimal_text(t[2])), decimal_text(t[2]), t[3])
              for i, (t, when) in listed.items() if len(arms) == 1 and t[2]]  # (a median not reached is no value)
    starts, ends, shares = [p.start for p in points], [p.end for p in points], [p.endpoint in PROPORTION_ENDPOINTS for p in points]
    labels = [labelled_values(masked, starts, ends, i, clause_of(sent.text, p.start)[0], shares[i], sent.text)
              for i, p in enumerate(points)]
    for i, anchor in enumerate(points):
        if i in listed:
            continue
        # "a reduction in the risk of death ... at 22%": the risk's reduction, no arm's value; but times are the
        # outcome's medians ("reduced the risk of death by 30% (median 16.8 versus 13.3 months)")
        risk = RISK_OF_RE.search(sent.text, max(0, anchor.start - 12), anchor.start) is not None
        c_start, c_end = clause_of(sent.text, anchor.start)
        stop = min([p.start for p in points[i + 1:]] + [c_end])
        stop = subgroup_start(sent.text, masked, anchor.end, stop) or stop  # "... and in patients who X (28% vs 12%)"
        found_tokens = value_tokens(masked, anchor.end, stop)
        labelled = labels[i]  # "6.9 vs 2.8 months for PFS": the values before it
        if labelled is not None and len(arms) == 1 and len(labelled) > 1:
            continue  # "30% and 12% ORRs by X and Y", "6.9 vs 2.8 months for PFS": several values, none the one arm's alone
        if labelled is not None:
            found_tokens = labelled
        elif i + 1 < len(points) and points[i + 1].start < c_end and labels[i + 1] is not None:
            continue  # the values after this endpoint are the next one's ("... for OS")
        if unit := unit_named(masked, anchor.end, stop):  # "Median OS in months (95% CI): 13.6 (12.1, 14.9) ..."
            found_tokens = bare_tokens(masked, anchor.end, stop, unit)
        fitting = bracketed(sent.text, _fitting(sent.text, anchor.endpoint, found_tokens))
        if (len(arms) > 1 and overflowing(sent.text, fitting, len(arms))) or unreached_first(sent.text, anchor.end, fitting):
            continue  # more values listed than the trial has arms, or "OS was not reached, and TTR was 1.4": none placed
        if len(arms) > 1 and i and ENDPOINT_LIST_GAP_RE.fullmatch(sent.text, points[i - 1].end, anchor.start) \
                and len(fitting) > len(arms):
            continue  # "the ORR and DCR were 40% vs 10% and 80% vs 50%": a group per endpoint listed (prose_aligner's)
        criteria = per_criterion(sent.text, fitting)
        tokens = [t for t in criteria or fitting[:len(arms)] if not historical(sent.text, t)]
        if len(arms) == 1 and not criteria and (second := compared_second(sent.text, fitting, named, arms[0], c_start)):
            tokens = second  # "X months, against Y months for those on B": B, the one arm known, holds Y
        if len(arms) == 1 and len(fitting) >= 2 and all(PART_AFTER_RE.match(sent.text, t[1]) for t in fitting[:2]):
            # "7.3 months in Part A and 16.8 months in Part B": the parts' values, not the one arm's; unless the whole
            # trial's follows them ("..., and 9.0 months overall")
            tokens = [t for t in fitting[2:] if OVERALL_AFTER_RE.match(sent.text, t[1])][:1]
            if not tokens:
                continue
        if len(arms) >= 2 and len(tokens) == 1 and (held := unreached(sent.text, anchor.end, tokens[0])) is not None:
            tokens = [held, tokens[0]]  # "not reached vs 9.1 months, respectively": the first arm holds no value
        if len(tokens) == 1 and len(arms) >= 2 and stop == c_end:
            tokens += _continued(sent.text, masked, anchor.endpoint, named, c_end, points[i + 1:], tokens[0][3])
        if risk and any(t[3] == "%" or not t[3] for t in tokens):
            continue
        lead = sent.text[c_start:tokens[0][0]] if tokens else ""
        if anchor.endpoint in RESPONDER_ENDPOINTS:  # "among responders, the median DoR was ...": its own population
            lead = RESPONDERS_RE.sub(" ", lead)
        if not tokens or SUBGROUP_RE.search(lead) or follow_up_between(sent.text, anchor.end, tokens[0][0]) \
                or OTHER_PATIENTS_RE.search(sent.text, anchor.end, tokens[0][0]) \
                or (anchor.endpoint in TIME_TO_EVENT and COUNTED_PART_RE.search(lead)) \
                or (labelled is not None and FOLLOW_UP_RE.search(lead)) \
                or subgroup_after(sent.text, masked, tokens[-1][1], stop) \
                or responder_groups(sent.text, c_start, stop, anchor.endpoint) \
                or (tokens[0][3] == "%" and TIMEPOINT_LIST_RE.search(sent.text, c_start, tokens[0][0])):
            # "... among patients with X"; rates at several time points are prose_rates' to read
            continue
        if not criteria and (stray := strangers_values(sent.text, tokens, _strangers(doc, sent, arms, named))):
            tokens = [t for t in tokens if t not in stray]  # "20.1% for A plus B compared to 17% for A alone"
            if not tokens:
                continue
        if len(arms) == 1 and len(tokens) == 1 and not criteria \
                and other_agents_value(sent.text, tokens[0], arms[0], _others(doc, sent, arms, named), named, c_start):
            continue  # "B plus A gave a median OS of 37.9 months" in a trial read with A alone: B plus A's, not A's
        owners = criteria_owner(sent.text, tokens, named, arms, c_start) if criteria \
            else value_owners(sent.text, tokens, named, arms, c_start)
        if owners is None and not named and not criteria and len(tokens) == 2 < len(arms):
            owners = compared_before(doc, sent, arms)  # "A improved OS over C. Median OS was X versus Y months"
        if owners is None and not named and not criteria and len(tokens) == 1 and len(arms) == 2 \
                and EVERY_ARM_RE.search(sent.text, c_start, c_end):
            tokens, owners = tokens * 2, list(arms)  # "In both arms, TTP was 2.8 months": each arm's value
        if owners is None:
            continue
        if len(arms) == 1 and not criteria and (cohorts := cohort_values(sent.text, fitting, c_start, c_end, texts)):
            if unnamed_subgroup_cohorts(sent.text[c_start:c_end], texts):
                continue  # "X and Y in both cohorts, respectively", the cohorts first-line and second-line: subgroups
            tokens, owners = cohorts, [arms[0]] * len(cohorts)  # "X and Y in the low-dose and high-dose cohorts": the arm's
        elif len(arms) == 1 and not criteria and (several(sent.text, value_tokens(masked, anchor.end, stop), anchor.start, stop)
                                                  or other_group(sent.text, tokens[-1][1], named)):
            # "20% and 14% in the X and Y groups", "16.9 months in the X group": no one arm's value ("respectively" only
            # up to the next endpoint: "median PFS was 19.7 months, with PFS rates of 68% and 45% at ..., respectively")
            continue
        when = _timepoint(sent.text, _named_from(sent.text, points, i), _before_next(sent.text, stop, c_end),
                          masked, tokens[-1][1]) if tokens[0][3] == "%" else ""
        if tokens[0][3] == "%" and not when and anchor.endpoint in TIME_TO_EVENT:
            continue  # "the PFS at 6M was 36%": a survival rate at a time point not read is no median
        if len(arms) == 2 and not criteria and (second := second_criterion_pair(sent.text, c_start, fitting, tokens)):
            tokens, owners = tokens + second, owners + owners  # "21% vs 9% per RECIST 1.1 and 30% vs 12% per mRECIST"
        for (s, e, num, unit), agent, population in [*((t, a, population_at(brackets, t[0])) for t, a in zip(tokens, owners)),
                                                     *parallel_values(brackets, masked, tokens, owners)]:
            if num:  # a median not reached is no value
                found.append(ArmValue(agent, anchor.endpoint, when, Decimal(decimal_text(num)), decimal_text(num), unit,
                                      population))
    return found


def _outside_arms(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], named: list[Agent]) -> list[Agent]:
    """The agents the sentence names that are none of the trial's arms (nor inside a mention of one)."""
    return [a for a in agents(doc, sent) if a.key not in arms and not any(n.start < a.end and a.start < n.end for n in named)]


def _others(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], named: list[Agent]) -> list[Agent]:
    """The agents the sentence names that are none of the trial's arms nor what its patients had before."""
    return [a for a in _outside_arms(doc, sent, arms, named) if not had_before(sent.text, a.start)]


def _strangers(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], named: list[Agent]) -> tuple[Agent, ...]:
    """The agents the sentence names as given alone that are none of the trial's arms but a part of one ("A alone"
    in a trial read with A plus B and a control arm only): a value named for it is no other arm's."""
    parts = [set(agent_components(arm)) for arm in arms]
    return tuple(a for a in _outside_arms(doc, sent, arms, named)
                 if any(set(a.components) < p for p in parts) and GIVEN_ALONE_RE.match(sent.text, a.end))


def _respective(text: str, masked: str, points: list[Anchor]) -> dict[int, tuple[tuple, str]]:
    """One arm's values of endpoints listed together: "the median PFS and OS were 7.6 and 17.6 months(,
    respectively)", "the 1-year OS rate and 1-year RFS rate were 97.8% and 48.9%" (anchor index -> (value, its time
    point); {} unless each listed endpoint gets one value of its kind).  A median "not reached" in the list holds its
    endpoint's place with no number ("PFS and OS were 28.3 months and not reached")."""
    for i in range(len(points)):
        j = i
        while j + 1 < len(points) and ENDPOINT_LIST_GAP_RE.fullmatch(text[points[j].end:points[j + 1].start]):
            j += 1
        _, c_end = clause_of(text, points[j].end)
        found = with_unreached(text, points[j].end, c_end, value_tokens(masked, points[j].end, c_end))
        # without "respectively", only as many values as endpoints: "median PFS and OS were 7.2 and 20.1 months"
        if j == i or not (re.search(r"\brespectively\b", text[points[j].end:c_end], re.IGNORECASE)
                          or len(found) == j - i + 1):
            continue
        tokens = found[:j - i + 1]
        # ("the 1-year OS and RFS rates": the first one's time point is every one's)
        when = [_listed_time(text, points[i + k], t, points[i]) for k, t in enumerate(tokens)]
        if len(tokens) == j - i + 1 and None not in when and not SUBGROUP_RE.search(text[:points[i].start]):
            return {i + k: (t, w) for k, (t, w) in enumerate(zip(tokens, when))}
    return {}


def with_unreached(text: str, start: int, end: int, tokens: list) -> list:
    """The value tokens of text[start:end] outside brackets (a bracket holds an interval or a count, however printed),
    with a placeholder (no number, no unit) where a median is said to be not reached, in order.

    >>> text = "PFS and OS were 28.3 months (90% Cl; 21.3, 31.0) and not reached (NR-NR)."
    >>> [t[2] for t in with_unreached(text, 0, len(text), value_tokens(masked_text(text), 0, len(text)))]
    ['28.3', '']
    """
    def outside(at: int) -> bool:
        return text.count("(", start, at) == text.count(")", start, at)
    held = [(m.start(), m.end(), "", "") for m in UNREACHED_RE.finditer(text, start, end) if outside(m.start())]
    return sorted([*(t for t in tokens if outside(t[0])), *held]) if held else tokens


def _listed_time(text: str, point: Anchor, token: tuple, first: Anchor) -> str | None:
    """The time point of a listed endpoint's value ("" for a median or a rate), a survival rate's own ("the 1-year OS
    rate") or the list's first one's; None when the value is not of the endpoint's kind (a rate in months, a survival
    rate at no time)."""
    if point.endpoint in PROPORTION_ENDPOINTS or token[3] != "%":
        return "" if (point.endpoint in PROPORTION_ENDPOINTS) == (token[3] == "%") else None
    lead = LEAD_TIMEPOINT_RE.search(text, max(0, point.start - 30), point.start) \
        or LEAD_TIMEPOINT_RE.search(text, max(0, first.start - 30), first.start)
    return _point(lead.group("n2"), lead.group("u2")) if lead else None


def _continued(text: str, masked: str, endpoint: str, named: list[Agent], c_end: int, later: list[Anchor], unit: str):
    """The other arm's value in the next clause when that clause opens with the arm and names no endpoint
    of its own: "19.2 months with A; with B, it was 13.4 months", "A, 19.2 months; B, 13.4 months"."""
    if not text.startswith(";", c_end):
        return []
    n_start, n_end = clause_of(text, c_end + 1)
    first = next((a for a in named if n_start <= a.start < n_end), None)
    if first is None or any(p.start < n_end for p in later) or not CONTINUATION_LEAD_RE.fullmatch(text[n_start:first.start]):
        return []
    more = _fitting(text, endpoint, value_tokens(masked, first.end, n_end))[:1]
    return more if more and more[0][3] == unit else []


def valued_agents(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """Two agents each named right after its own value of one endpoint, in one unit: "median OS was
    16.6 months for A and 15.0 months for B" names the arms of a trial that did not list them ([] otherwise); so do
    agents named "respectively" after their values (:func:`.value_arms.respective_arms`)."""
    named = agents(doc, sent)
    masked = masked_names(sent)
    for anchor in anchors(doc, sent):
        _, c_end = clause_of(sent.text, anchor.start)
        tokens = value_tokens(masked, anchor.end, c_end)[:2]
        if len(tokens) != 2 or tokens[0][3] != tokens[1][3]:
            continue
        owners = [_named_after(sent.text, token, named, stop) for token, stop in zip(tokens, (tokens[1][0], c_end))]
        if owners[0] is not None and owners[1] is not None and owners[0].key != owners[1].key:
            return [owners[0].key, owners[1].key]
        if changed := changed_agents(sent.text, tokens, named, clause_of(sent.text, anchor.start)[0], c_end):
            return changed  # "A extended median OS to 12.9 months from 9.0 months with B"
    found = _subject_pair(doc, sent, named, masked)
    # ... or the values first: "5.6 and 3.7 months for A and B, respectively"
    return [agent.key for agent, _ in found[1]] if found else [a.key for a in respective_arms(sent.text, named)]


# Between an agent and the value it is the subject of: no clause break, no other value.
SUBJECT_GAP_RE = re.compile(r"^[^;\d]*$")


def _subject_pair(doc: AnalysedDocument, sent: AnalysedSentence, named: list, masked: str) -> tuple[Anchor, list] | None:
    """(the endpoint's anchor, [(agent, value token)] * 2) where two agents are each the subject of their own value of
    one endpoint, the second in a clause of its own: "patients who took A had a median OS of 11.3 months, while those
    given B had one of 7.6 months", "A's median OS of 18.0 months outpaced B's 12.9 months"; None otherwise."""
    for anchor in anchors(doc, sent)[:1]:
        tokens = _fitting(sent.text, anchor.endpoint, value_tokens(masked, anchor.end, len(sent.text)))[:2]
        if len(tokens) != 2 or tokens[0][3] != tokens[1][3] or any(historical(sent.text, t) for t in tokens) \
                or (anchor.endpoint in TIME_TO_EVENT) == (tokens[0][3] == "%"):
            continue  # (a median of a time to an event, a share of a proportion: a rate wants its time point)
        c_start, _ = clause_of(sent.text, anchor.start)
        stretches = [(c_start, tokens[0][0]), (tokens[0][1], tokens[1][0])]
        # (an agent right after the first value in a way that owns it, "9.0 months with B", is no second subject)
        owners = [[a for a in named if start <= a.start and a.end <= end and SUBJECT_GAP_RE.match(sent.text[a.end:end])
                   and not (start == tokens[0][1] and owner_gap(sent.text[start:a.start]))]
                  for start, end in stretches]
        keys = [{a.key for a in found} for found in owners]
        if all(len(k) == 1 for k in keys) and keys[0] != keys[1]:
            return anchor, [(owners[0][0], tokens[0]), (owners[1][0], tokens[1])]
    return None


def subject_values(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> list[ArmValue]:
    """The two arms' values of one endpoint where each arm is its value's subject (:func:`_subject_pair`)."""
    found = _subject_pair(doc, sent, arm_mentions(doc, sent, arms), masked_names(sent)) if len(arms) == 2 else None
    if found is None:
        return []
    anchor, pairs = found
    return [ArmValue(agent.key, anchor.endpoint, "", Decimal(decimal_text(token[2])), decimal_text(token[2]), token[3])
            for agent, token in pairs]


def _named_after(text: str, token, named: list[Agent], stop: int) -> Agent | None:
    """The agent named right after a value ("16.6 months for A"), before ``stop``."""
    return next((a for a in named if token[1] <= a.start < stop and owner_gap(text[token[1]:a.start])), None)


def _fitting(text: str, endpoint: str, tokens):
    """The values that can be the endpoint's: no durations for a proportion, none past a count's own outcome."""
    out = []
    for token in tokens:
        if re.search(r"\d\s*\(\s*$", text[max(0, token[0] - 8):token[0]]) and COUNT_OWNED_RE.match(text[token[1]:]):
            break
        if endpoint in PROPORTION_ENDPOINTS and token[3] != "%":
            continue
        out.append(token)
    return out


def _before_next(text: str, stop: int, c_end: int) -> int:
    """Where a value's time point may be read up to: the clause's end, or the time point leading the next endpoint
    ("ORR, 14.7%; 6-month OS rate, 74.4%": the 6 months are the OS rate's)."""
    if stop < c_end and (lead := LEAD_TIMEPOINT_RE.search(text, max(0, stop - 30), stop)):
        return lead.start()
    return c_end


def _named_from(text: str, points: list[Anchor], i: int) -> int:
    """Where the endpoint's name starts, its abbreviation's full name included ("survival (PFS)")."""
    start = points[i].start
    while i > 0 and points[i - 1].endpoint == points[i].endpoint and re.fullmatch(r"\s*[(\[]\s*", text[points[i - 1].end:start]):
        i -= 1
        start = points[i].start
    return start


def _timepoint(text: str, start: int, end: int, masked: str, after: int) -> str:
    """The time point of the value(s) ending at ``after``; one stated after another share is that share's
    ("responses (13%), and 65% were progression free at 6 months": the 6 months are not the 13%'s)."""
    if lead := LEAD_TIMEPOINT_RE.search(text, max(0, start - 30), start):
        return _point(lead.group('n2'), lead.group('u2'))
    c_start, _ = clause_of(text, start)
    if opening := OPENING_TIMEPOINT_RE.match(text, c_start):  # "At 12 months, the OS rate was 67% ..."
        return _point(opening.group('n'), opening.group('u'))
    m = TIMEPOINT_RE.search(text, start, end)
    if m is None or OTHER_SHARE_RE.search(masked, after, max(after, m.start())):
        return ""
    return _point(m.group('n') or m.group('n2') or m.group('n3'), m.group('u') or m.group('u2') or m.group('u3'))


def _point(number: str, unit: str) -> str:
    """A time point's key: "12-month" (abstracts print months "mo": "the 12-mo OS rate")."""
    unit = unit.lower()
    return f"{number}-{'month' if unit == 'mo' else unit}"

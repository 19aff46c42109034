"""Two-arm trial results stated in prose: per-arm values, hazard ratios and p-values.

A paragraph names or describes a study, then reports its results over a few sentences:

- "... in the X and Y groups was A months and B months, respectively" (and "were A and B%")
- "... in the respective groups" (the groups of the previous such sentence)
- "(PFS: A months vs. B months; ORR: C% vs. D%)", or "(A% vs. B%)" after an endpoint
- "increased the PFS to A months from B months", "A% in the X group and B% in the Y group"
- "(HR: 0.58, P = 0.0006)", "HR of 0.55 (95% CI 0.37, 0.80, P = 0.0009)"

The study is the one named most recently in the section ("the IMbrave150 trial"); an
unnamed one ("a randomized phase III trial") is the document's tabled trial with the same
experimental agent (the section's heading), the same comparator and line when the text
states them, and a control arm when it says randomized: linked only when exactly one row
fits.  Another study mentioned later ("the study results of ...") ends the context, and a
sentence about a subgroup ("Asian patients") is skipped, because its values are not the
trial's overall result.

>>> [m.group("hr") for m in HR_RE.finditer("risk of death (HR: 0.58, P = 0.0006)")]
['0.58']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable, Iterator

from ..model import Assertion, Evidence
from .analysis import AnalysedDocument, AnalysedSentence
from .registry import EXTRACTORS
from .results import STUDY_RE, _heading_agent
from .sentences import DRUG, evidence_span
from .arm_facts import arm_facts, arm_key, measurement
from .trials import completed_trial_tables, trial_key

EXTRACTOR = "sentence-comparison"
ENDPOINT = r"(?P<ep>\bm?OS|\bm?PFS|\bORRs?|\bDCR|\bTTP)\b(?:\s+rates?)?"


def _number(name: str) -> str:
    return rf"(?P<{name}>\d+(?:\.\d+)?)\s*(?P<{name}_unit>%|months?\b)?"


RESPECTIVELY_RE = re.compile(ENDPOINT + r"(?P<mid>[^.;()]*?)\b(?:was|were)\s+" + _number("a") + r"\s+and\s+"
                             + _number("b") + r",?\s+(?P<tail>respectively|in the respective groups)")
PAREN_RE = re.compile(r"\((?P<body>[^()]*?\d[^()]*?\bvs\b\.?[^()]*?)\)")
CLAUSE_RE = re.compile(rf"^\s*(?:{ENDPOINT}\s*:\s*)?" + _number("a") + r"\s*vs\b\.?\s*" + _number("b") + r"\s*$")
TO_FROM_RE = re.compile(ENDPOINT + r"\s+to\s+" + _number("a") + r"\s+from\s+" + _number("b"))
IN_GROUPS_RE = re.compile(_number("a") + r"\s+in the (?P<ga>[\w-]+) group,?\s+and\s+" + _number("b")
                          + r"\s+in the (?P<gb>[\w-]+) group")
ENDPOINT_RE = re.compile(ENDPOINT)
HR_RE = re.compile(r"\bHR\b(?:\s*:|\s+of)?\s*(?P<hr>\d*\.\d+)\s*(?:\(\s*95%\s*CI:?\s*(?P<lo>\d*\.\d+)\s*(?:,|-|to)\s*"
                   r"(?P<hi>\d*\.\d+)\s*)?(?:,\s*)?(?:\bP\s*(?P<cmp><=|>=|[=<>])\s*(?P<p>\d*\.\d+))?", re.IGNORECASE)
GROUP_RE = re.compile(r"\b(?P<a>[\w-]+)\s+(?:and\s+(?:the\s+)?(?P<b>[\w-]+)\s+)?groups?\b")
TIMEPOINT_RE = re.compile(r"\bat\s+(?P<n>\d+)\s+(?P<unit>month|week|year)s?\b")
UNNAMED_STUDY_RE = re.compile(r"\b(?:phase\s*(?:III|II|I|[123])\b|randomi[sz]ed|noninferiority|controlled)"
                              r"[^.;]*?\b(?:trial|study)\b", re.IGNORECASE)
RANDOMISED_RE = re.compile(r"\b(?:randomi[sz]ed|controlled|noninferiority|compared)\b", re.IGNORECASE)
# "this study" refers back to the current study; any other study or trial starts a new topic.
OTHER_STUDY_RE = re.compile(r"(?<!this )(?<!that )(?<!same )\b(?:study|studies|trial|trials|analysis)\b",
                            re.IGNORECASE)
SUBGROUP_RE = re.compile(r"\b(?:Asian|Chinese|Japanese|Korean|western|subgroups?|AFP)\b", re.IGNORECASE)
COMPARATOR_CUE = re.compile(r"(?:compared (?:with|to)|versus|vs\.?|against)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
#: Phrases that name the event a hazard ratio counts, when no endpoint abbreviation does.
HR_EVENT_CUES = (("progression or death", "PFS"), ("death", "OS"))
COMBINATION_WORDS = frozenset({"combination", "experimental", "treatment"})


@dataclass(frozen=True)
class Study:
    """The study a paragraph speaks of: its trial key, experimental and comparator agents, and where it was named."""

    trial: str
    experimental: str
    comparator: str | None
    sentence: int
    name: str | None = None  # as printed, when the text names the study
    groups: tuple[str, ...] = ()  # arms' agents named by the last "X and Y groups"
    linked_by_table: bool = False


@dataclass(frozen=True)
class TabledTrial:
    """A completed-trial table row: trial, line of therapy, experimental and control agents."""

    trial: str
    line: str | None
    experimental: str
    control: str | None


def tabled_trials(doc: AnalysedDocument) -> list[TabledTrial]:
    """The document's completed-trial table rows, as (trial, line, experimental, control)."""
    facts = list(completed_trial_tables(doc))
    arms = {a.object: None for a in facts if a.predicate == "hasArm"}
    agents = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    out = []
    for tested in (a for a in facts if a.predicate == "testsIntervention"):
        trial = tested.subject
        line = next((a.object for a in facts if a.subject == trial and a.predicate == "forLineOfTherapy"), None)
        others = [agents[a.object] for a in facts if a.subject == trial and a.predicate == "hasArm"
                  and a.object in arms and agents.get(a.object) != tested.object]
        out.append(TabledTrial(trial, line, str(tested.object), str(others[0]) if others else None))
    return out


@EXTRACTORS.register(EXTRACTOR)
def stated_comparisons(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Results stated in prose about a study named nearby ("X improved OS versus Y"), per section."""
    study: Study | None = None
    section = None
    table = None
    for index, sent in enumerate(doc.sentences):
        if sent.sentence.section_start != section:
            section, study = sent.sentence.section_start, None
        if (named := STUDY_RE.search(sent.text)) or UNNAMED_STUDY_RE.search(sent.text):
            table = table if table is not None else tabled_trials(doc)
            study = _study(doc, index, named.group("name") if named else None, table)
        elif study is not None and OTHER_STUDY_RE.search(sent.text):
            study = None
        if study is None or SUBGROUP_RE.search(sent.text):
            continue
        study = replace(study, groups=_groups(doc, sent, study) or study.groups)
        yield from _results(doc, index, study)


def _study(doc: AnalysedDocument, index: int, name: str | None, table: list[TabledTrial]) -> Study | None:
    sent = doc.sentences[index]
    experimental = _heading_agent(doc, index)
    if experimental is None:
        return None
    comparator = _comparator(doc, sent)
    if name is not None:
        trial = trial_key(name)
        row = next((r for r in table if r.trial == trial), None)
        return Study(trial, experimental, comparator or (row.control if row else None), index, name)
    lines = {m.key for m in doc.keys_of_type(sent.mentions, "LineOfTherapy")}
    fits = [r for r in table if r.experimental == experimental
            and (comparator is None or r.control == comparator)
            and (len(lines) != 1 or r.line in lines)
            and (r.control is not None or not RANDOMISED_RE.search(sent.text))]
    if len(fits) != 1:
        return None
    return Study(fits[0].trial, experimental, fits[0].control, index, linked_by_table=True)


def _comparator(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    for mention in doc.keys_of_type(sent.mentions, *DRUG, "Placebo"):
        if COMPARATOR_CUE.search(sent.text[:sent.local(mention)[0]]):
            return mention.key
    return None


def _group_agent(doc: AnalysedDocument, word: str, study: Study) -> str | None:
    """The arm agent a group word names, if it is one of the study's arms."""
    if word.lower() in COMBINATION_WORDS:
        return study.experimental
    key = doc.finder.lookup(word)
    return key if key in (study.experimental, study.comparator) else None


def _groups(doc: AnalysedDocument, sent: AnalysedSentence, study: Study) -> tuple[str, ...]:
    found = [_group_agent(doc, word, study) for m in GROUP_RE.finditer(sent.text)
             for word in (m.group("a"), m.group("b")) if word]
    return tuple(a for a in found if a is not None)


def _results(doc: AnalysedDocument, index: int, study: Study) -> Iterator[Assertion]:
    sent = doc.sentences[index]
    start = min(evidence_span(doc.sentences[study.sentence])[0], evidence_span(sent)[0])
    extractor = EXTRACTOR + ("/table-link" if study.linked_by_table else "")
    ev = (doc.evidence(start, evidence_span(sent)[1], extractor),)
    values = list(_pairs(doc, sent.text, study))
    hazard_ratios = [(hr, _hr_endpoint(doc, sent.text[:hr.start()])) for hr in HR_RE.finditer(sent.text)]
    hazard_ratios = [(hr, ep) for hr, ep in hazard_ratios if ep is not None and study.comparator is not None]
    if study.name and (values or hazard_ratios):
        yield Assertion(study.trial, "isClinicalTrial", "ClinicalTrial", (), (("trial_name", study.name),), ev)
    for endpoint, timepoint, (a, b) in values:
        for agent, value in ((study.experimental, a), (study.comparator, b)):
            yield from _measurement(study, agent, endpoint, timepoint, value, ev)
    for hr, endpoint in hazard_ratios:
        yield _hazard_ratio(study, endpoint, hr, ev)


Value = tuple[str, str]  # printed number, unit


def _pairs(doc: AnalysedDocument, text: str, study: Study) -> Iterator[tuple[str, str, tuple[Value, Value]]]:
    """(endpoint, timepoint, (experimental value, comparator value)) stated in one sentence."""
    for m in RESPECTIVELY_RE.finditer(text):
        groups = _groups_in(doc, m.group("mid"), study) or (study.groups if "respective" in m.group("tail") else ())
        timepoint = TIMEPOINT_RE.search(m.group("mid"))
        tp = f"{timepoint.group('n')}-{timepoint.group('unit')}" if timepoint else ""
        yield from _ordered(doc, m.group("ep"), tp, groups, study, _both(m, "a", "b"))
    for paren in PAREN_RE.finditer(text):
        before = text[:paren.start()]
        groups = _groups_in(doc, before, study)
        for clause in paren.group("body").split(";"):
            if c := CLAUSE_RE.match(clause):
                ep = c.group("ep") or _last_endpoint(before)
                yield from _ordered(doc, ep, "", groups if len(groups) == 2 else (), study, _both(c, "a", "b"))
    for m in TO_FROM_RE.finditer(text):
        yield from _ordered(doc, m.group("ep"), "", (), study, _both(m, "a", "b"))
    for m in IN_GROUPS_RE.finditer(text):
        groups = tuple(_group_agent(doc, m.group(g), study) for g in ("ga", "gb"))
        if None not in groups:
            yield from _ordered(doc, _last_endpoint(text[:m.start()]), "", groups, study, _both(m, "a", "b"))


def _groups_in(doc: AnalysedDocument, text: str, study: Study) -> tuple[str, ...]:
    found = [_group_agent(doc, w, study) for g in GROUP_RE.finditer(text) for w in (g.group("a"), g.group("b")) if w]
    return tuple(a for a in found if a is not None)


def _both(m: re.Match, a: str, b: str) -> tuple[Value, Value]:
    """Two printed values; a unit printed once ("67.2 and 54.6%") applies to both."""
    unit = m.group(f"{a}_unit") or m.group(f"{b}_unit")
    return (m.group(a), m.group(f"{a}_unit") or unit), (m.group(b), m.group(f"{b}_unit") or unit)


def _ordered(doc, ep: str | None, timepoint: str, groups: tuple[str, ...], study: Study, values):
    """Values in the study's (experimental, comparator) order; groups, when named, give the order."""
    endpoint = doc.finder.lookup(ep.rstrip("s")) if ep else None
    if endpoint is None or not doc.vocabulary[endpoint].has_type("EndpointType") or study.comparator is None:
        return
    if groups and (len(groups) != 2 or set(groups) != {study.experimental, study.comparator}):
        return
    if groups and groups[0] == study.comparator:
        values = (values[1], values[0])
    yield endpoint, timepoint, values


def _last_endpoint(text: str) -> str | None:
    found = list(ENDPOINT_RE.finditer(text))
    return found[-1].group("ep") if found else None


def _measurement(study: Study, agent: str | None, endpoint: str, timepoint: str, value: Value,
                 ev: tuple[Evidence, ...]) -> Iterator[Assertion]:
    number, unit = value
    if agent is None or unit is None:
        return
    yield from arm_facts(study.trial, agent, ev)
    yield measurement(arm_key(study.trial, agent), endpoint, timepoint, number, "%" if unit == "%" else "months", ev)


def _hr_endpoint(doc: AnalysedDocument, before: str) -> str | None:
    named = _last_endpoint(before)
    if named is None:
        named = next((ep for cue, ep in HR_EVENT_CUES if cue in before.lower()), None)
    return doc.finder.lookup(named) if named else None


def _hazard_ratio(study: Study, endpoint: str, hr: re.Match, ev: tuple[Evidence, ...]) -> Assertion:
    attributes: list[tuple[str, object]] = [("hazard_ratio", Decimal(hr.group("hr"))),
                                            ("hazard_ratio_text", hr.group("hr"))]
    if hr.group("lo"):
        attributes += [("ci_lower", Decimal(hr.group("lo"))), ("ci_upper", Decimal(hr.group("hi"))),
                       ("ci_text", f"{hr.group('lo')}-{hr.group('hi')}")]
    if hr.group("p"):
        attributes += [("p_value", Decimal(hr.group("p"))), ("p_value_text", hr.group("p")),
                       ("p_value_comparator", hr.group("cmp"))]
    context = (("experimental", arm_key(study.trial, study.experimental)),
               ("comparator", arm_key(study.trial, study.comparator)), ("timepoint", ""))
    return Assertion(study.trial, "hasEffectEstimate", endpoint, context, tuple(attributes), ev)

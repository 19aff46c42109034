"""The cue patterns of :mod:`hcc_kg.extract.abstracts`: how an abstract names its design,
refers back to its trial, divides its text into sections, and marks another study, a planned
one or an observational study (a report of a part of the trial is :mod:`.subgroup_frame`'s).  Grammar only: no drug or trial name.
"""

from __future__ import annotations

import re
from typing import Callable

from .trial_names import phase_of

_PHASE = r"phase\s*(?:III|II|I|IV|[1-4])[ab]?(?:\s*/\s*(?:phase\s*)?(?:III|II|I|IV|[1-4]))?"
# A design phrase a few words long: "a randomised, double-blind, phase 3 trial" (not "noninferiority OS
# boundaries were not met for A and the study").
UNNAMED_RE = re.compile(rf"\b(?:{_PHASE}|randomi[sz]ed|(?:placebo[- ])?controlled|non-?inferiority|open[- ]?label|"
                        r"pilot|single[- ]arm|dose[- ](?:finding|escalation)|first[- ]in[- ]human|"
                        r"double[- ]blind)\b(?:[\s,]+[^\s.;]+){0,6}?[\s,]+(?:clinical\s+)?(?:trial|study)\b(?!-)|"
                        # "a prospective multicenter trial of A" (a prospective "study" may be a cohort's: no trial)
                        r"\bprospective\b(?:[\s,]+[^\s.;]+){0,4}?[\s,]+(?:clinical\s+)?trial\b(?!-)", re.IGNORECASE)
# ... "this multicenter, open-label phase 3 trial": a few design words may stand between "this" and the phase
# ... or "the" and design words: "In the multicenter open-label trial" (not "the first randomised trial")
_DESIGN_ADJECTIVE = (r"(?:multi-?cent(?:er|re)|multinational|international|global|prospective|pivotal|"
                     r"single-cent(?:er|re))")
DEMONSTRATIVE_RE = re.compile(r"(?:\b(?:this|the|that|same)\s+$|\bthis\s+(?:[\w-]+,?\s+){1,3}$|"
                              rf"\bthe\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,3}}$|^\W*(?:\w+:\s*)?(?:This|That)\b|"
                              # ... or the trial in context described: "The study is a double-blind, randomized trial"
                              r"^\W*(?:The|This)\s+(?:study|trial)\s+(?:is|was)\s+an?\s+$|"
                              # ... or the results just told: "These data, now from a double-blind study of 600 patients"
                              r"\b(?:these|the)\s+(?:data|results|findings),?\s+(?:[\w-]+\s+){0,2}?from\s+an?\s+$)",
                              re.IGNORECASE)
THE_TRIAL_RE = re.compile(r"\W*(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:trial|study)\s*,?\s+(?:known\s+as|called|named|dubbed)\b",
                          re.IGNORECASE)
# A sentence opening on the testing it reports, no design word said: "In clinical testing, A improved ...", "In the
# trial, ...", "During a clinical study, ..." (one trial: "In clinical trials, ..." sums up several).
TESTING_LEAD_RE = re.compile(r"^\W*(?:In|During)\s+(?:(?:the|a|an|its|their)\s+)?(?:(?:pivotal|clinical|key|main|"
                             r"registration(?:al)?|large|international|global)\s+){0,2}(?:trial|study|testing)\b(?!-)|"
                             # ... or "(At the interim analysis,) the trial showed longer OS with A than with B"
                             r"^\W*(?:[A-Z][^,;]{0,60},\s+)?the\s+(?:(?:pivotal|clinical|key|main|"
                             r"registration(?:al)?)\s+)?(?:trial|study)\s+(?:showed|demonstrated|found|met)\b")
# ... or a news item's study counted by its patients: "a multinational study of 602 patients", "the trial, which
# enrolled 300 adults" (one study, so not "studies of ...").
COUNTED_STUDY_RE = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\s*,?\s+(?:of|involving|in|with|including|"
                              r"(?:which|that)\s+(?:enrolled|included|involved)|enrolling)\s+(?:more\s+than\s+|nearly\s+|about\s+|"
                              r"almost\s+|some\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:patients|people|adults|participants|men|women)\b",
                              re.IGNORECASE)
OTHER_STUDY_WORD_RE = re.compile(r"\b(?:previous|prior|earlier|another|other|separate|retrospective)\b", re.IGNORECASE)


def counted_study(text: str) -> bool:
    """Does the sentence count the patients of a study it introduces ("a multinational study of 602 patients"), not of
    an earlier one ("a previous study of 40 patients")?

    >>> counted_study("Results of a multinational study of 602 patients were shown."), counted_study("A previous study of 40 patients.")
    (True, False)
    """
    study = COUNTED_STUDY_RE.search(text)
    return study is not None and OTHER_STUDY_WORD_RE.search(study.group()) is None


def part_of_phase(phase: str, trial_phase: str | None, combined: bool = True) -> bool:
    """Is ``phase`` the trial's phase or a part of it: "Ib" (its expansion) of a phase "I" trial, or (``combined``)
    "II" of a phase "I/II" one?  (A "phase 2 study" named beside a phase 2/3 trial may be an earlier one: a sentence
    opens it as a part of the trial only by its letter.)

    >>> part_of_phase("Ib", "I"), part_of_phase("II", "I/II"), part_of_phase("II", "I/II", combined=False)
    (True, True, False)
    >>> part_of_phase("III", "III"), part_of_phase("II", "I")
    (True, False)
    """
    if trial_phase is None:
        return False
    return phase == trial_phase or (phase[-1] in "ab" and phase[:-1] == trial_phase) \
        or (combined and phase in trial_phase.split("/"))


# A sentence about one phase of the trial: "74 patients were treated in the phase I", "In phase 2, 30 patients ...".
# (not a phase range naming the whole trial: "in the phase 2-3 NAME study")
PHASE_SCOPE_RE = re.compile(r"\b(?:in|during)\s+(?:the\s+)?(?P<phase>phase\s*(?:III|II|IV|I|[1-4])[ab]?)\b"
                            r"(?!\s*(?:/|[-–]\s*(?:III|II|IV|I|[1-4])\b))", re.IGNORECASE)


def counts_a_phase_part(text: str, trial_phase: str | None) -> bool:
    """Does the sentence speak of one part of the trial's phases ("in the phase I" of a phase I/II trial, "in phase Ib"
    of a phase I one)?  Its counts are that part's, not an arm's size.

    >>> counts_a_phase_part("Seventy patients were treated in the phase I with A.", "I/II")
    True
    >>> counts_a_phase_part("Seventy patients were treated in the phase I with A.", "I")
    False

    The last part of a multi-phase trial, where the sentence counts its arms ("per arm", "randomised"), is where
    the arms are compared: those counts are theirs.

    >>> counts_a_phase_part("In phase 2 (n = 90, 45 patients per arm), A beat B.", "Ib/II")
    False
    >>> counts_a_phase_part("In phase III, after random assignment, 90 took A and 45 B.", "II/III")
    False
    >>> counts_a_phase_part("In phase 2, 40 patients received A.", "Ib/II"), counts_a_phase_part("In phase 1b, 27 took A.", "Ib/II")
    (True, True)
    >>> counts_a_phase_part("For dose escalation, 25 patients received 140 to 900 mg A.", "I")
    True
    """
    return DOSE_PART_RE.search(text) is not None or trial_phase is not None and any(
        (phase := phase_of(m.group("phase"))) is not None and phase != trial_phase and part_of_phase(phase, trial_phase)
        and not (_last_part(phase, trial_phase) and ARMS_COUNTED_RE.search(text))
        for m in PHASE_SCOPE_RE.finditer(text))


# ... or of its dose-finding part: "For dose escalation, 25 patients received 140 to 900 mg A".
DOSE_PART_RE = re.compile(r"\b(?:for|in|during)\s+(?:the\s+)?dose[- ]escalation\b", re.IGNORECASE)


# The sentence counts the compared arms themselves: "45 patients per arm", "randomised to", "in each arm".
ARMS_COUNTED_RE = re.compile(r"\b(?:per|each)\s+(?:arm|group)\b|\brandomi[sz]ed\b|\brandomly\s+assigned\b|"
                             r"\brandomi[sz]ation\b|\brandom\s+(?:assignment|allocation)\b", re.IGNORECASE)  # "after 2:1 random assignment"


def _last_part(phase: str, trial_phase: str) -> bool:
    """Is ``phase`` the last of a multi-phase trial's parts ("II" of "Ib/II")?"""
    parts = trial_phase.split("/")
    return len(parts) > 1 and phase.rstrip("ab") == parts[-1].rstrip("ab")


# "This study aimed to assess A (Clinical trial: NCT...)": the number of the trial in context.
# ... or anywhere in the sentence: "Twenty patients were enrolled in this study", "in the present trial".
THIS_STUDY_RE = re.compile(r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\b", re.IGNORECASE)
# ... or "the study", one trial (not "the studies", "the other study").
THE_STUDY_RE = re.compile(r"\bthe\s+(?!other\b|previous\b|earlier\b|prior\b)(?:[\w-]+\s+){0,2}?(?:trial|study)\b(?!-)", re.IGNORECASE)
# A sentence whose subject is the trial in context: "The study evaluated ...", "This phase 3 trial tested ...".
STUDY_SUBJECT_RE = re.compile(r"\W*(?:The|This|That)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\s+(?!of\b|in\b|and\b|was\b|is\b)[a-z]+")
THIS_TRIAL_RE = re.compile(r"\W*(?:\w+:\s*)?(?:This|That)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\b")
# A division into groups by chance that lists no groups yet: "randomly divided into two groups", "divided into
# 3 groups by random number table".
RANDOM_DIVISION_RE = re.compile(r"\b(?:randomly\s+(?:divided|assigned|allocated)\s+into\s+(?:\w+\s+)?groups\b|"
                                r"(?:divided|assigned|allocated)\s+into\s+(?:\w+\s+)?groups\s+(?:by|using|with|according\s+to)\s+"
                                r"(?:an?\s+|the\s+)?random)", re.IGNORECASE)
# A registration, or a registry page's identifier field ("ClinicalTrials.gov Identifier: NCT...")
REGISTRATION_RE = re.compile(r"\bregist(?:ered|ration|ry)\b|\bclinicaltrials\.gov\b|\bidentifier\b", re.IGNORECASE)
# A title opening with the agent studied, the design after a colon: "A (CODE) in patients with X: a phase II trial";
# or, for a design that compares nothing, "A for advanced HCC: a phase II study" (a randomised one names its
# other arm later, in the sentence that randomises).  A title split over two lines has lost its colon: the design
# then opens the next line with a capital article ("A in the treatment of HCC / A Phase II trial").
TITLE_SUBJECT_RE = re.compile(r"(?:\s*\([^()]*\))?(?:\s+(?:regimen|combination|therapy|treatment))?"
                              r"\s+(?:as\s+[\w\s-]{1,40}?\s+)?(?:in\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:patients|adults|participants|subjects)\b[^:;.]*:\s|"
                              r"(?:in|for)\s+[^:;.]{0,80}?(?:carcinomas?|cancers?|HCC|tumou?rs?)\b"
                              r"(?:[^:;.]*:\s|\s+(?=(?-i:An?)\s+(?:[\w/-]+,?\s+){0,4}?(?:trial|study)\b))"
                              r"(?![^.]*\b(?:randomi[sz]\w*|controlled|versus|vs)\b))", re.IGNORECASE)
# ("placebocontrolled": a hyphen a PDF line break swallowed)
PLACEBO_CONTROLLED_RE = re.compile(r"\bplacebo[- ]?controlled\b", re.IGNORECASE)
# Randomisation, unless denied: "lacking randomization", "a non-randomized study", "without randomisation" (also how
# own_study reads it).
RANDOMI_SED = r"(?<!lack of )(?<!absence of )(?<!without )(?<!non-)(?<!\bnon)(?<!\bnot )\brandomi[sz]"
ANY_RANDOMISED_RE = re.compile(rf"{RANDOMI_SED}|"
                               r"\brandomly\b|\bversus\b|\bvs\b|\bplacebo\b|\bcompared\b|"
                               r"\b(?:assigned|allocated)\s+to\b", re.IGNORECASE)
# A trial still to come ("A randomised phase 3 trial vs B is planned", "plans to discuss a randomized design")
# does not make the document's trial a randomised one.
PLANNED_RE = re.compile(r"\b(?:is|are)\s+planned\b|\bplan(?:s|ned)?\s+to\b|\b(?:to|will)\s+be\s+(?:initiated|conducted|"
                        r"launched|started)\b", re.IGNORECASE)
# A trial introduced as running, not reported: "X is conducting a phase 3 trial of A", "a phase 3 study of A is
# ongoing", "is currently enrolling", "an ongoing phase 3 trial is evaluating A"; unnamed and with nothing read of it
# later, it is no trial of the graph's.
ONGOING_RE = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:conducting|running|carrying\s+out|undertaking|"
                        r"recruiting|enrolling|sponsoring|initiating|launching)\b|"
                        r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:being\s+(?:conducted|run|carried\s+out)|under\s?way|"
                        r"ongoing)\b|"
                        # "an ongoing global, phase 3 trial is evaluating A": the trial is described as running
                        r"\b(?:an?|the)\s+ongoing\b[^.;:]{0,40}?\b(?:trial|study)\b|"
                        r"\b(?:trial|study)\s+(?:is|are)\s+(?:currently\s+|now\s+)?"
                        r"(?:evaluating|investigating|testing|assessing|comparing|exploring)\b",
                        re.IGNORECASE)
# A structured abstract's section labels: trials its background names are other trials ("Background:
# A improved survival in NAME. Methods: In this phase 3 trial, we randomly assigned ...").
# (a meeting abstract's number may stand before its first label: "4012 Background:", "LBA3 Background:")
SECTION_RE = re.compile(r"^\W*(?:(?-i:(?:LBA|TPS)?\d{1,5}[A-Z]?)\s+(?=\w+\s*:))?(?:(?P<label>background(?:\s*(?:&|and)\s*aims?)?|introduction|context|purpose|rationale|objectives?|aims?|methods?|"
                        r"(?:patients|materials)\s+and\s+methods|design|results|findings|conclusions?|interpretation)\s*:|"
                        r"(?-i:(?P<caps>BACKGROUND|INTRODUCTION|METHODS|RESULTS|FINDINGS|CONCLUSIONS?)\b))", re.IGNORECASE)
BACKGROUND_SECTIONS = frozenset({"background", "introduction", "context", "rationale"})
# A background sentence saying what this report gives of the trial it names ("Outcomes were assessed in NAME
# with a minimum follow-up of 5 years", "Here we report the final analysis of NAME", "This analysis of NAME ..."):
# that trial is the one reported, not an earlier one ("results were previously reported" is an earlier report).
PRESENT_REPORT_RE = re.compile(r"\b(?:we|here(?:in)?)\s+(?:\w+\s+)?(?:report|present|describe)\b|"
                               # ... or the authors' own study, which the background closes with: "We conducted a trial of A"
                               r"\bwe\s+(?:\w+\s+)?(?:conducted|performed|undertook|initiated|designed)\s+(?:an?|this)\b|"
                               # ... "this (exploratory) analysis"
                               r"\b(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,2}?(?:report|analysis|update)\b|"
                               r"\b(?:outcomes|results|data|endpoints|analys[ie]s)\b[^.;]{0,60}?\b(?:were|are|is)\s+(?:assessed|"
                               r"evaluated|analy[sz]ed|reported|updated|presented|described)\b(?!\s+(?:previously|earlier|before|elsewhere))",
                               re.IGNORECASE)
# The authors' aim, said of a trial the sentence names: "We assessed A versus B in NAME", "we aimed to compare A with
# B (NAME)" (not "we previously showed ...": no adverb but these).  Said of no trial by name, it may follow an
# earlier study the background recalls ("In a phase 2 trial, A was active. We aimed to compare A with B").
AUTHORS_AIM_RE = re.compile(r"\bwe\s+(?:(?:therefore|thus|hence|now|here|then|prospectively)\s+)?"
                            r"(?:(?:aimed|sought|set\s+out|intended)\s+to\s+)?"
                            r"(?:assess|evaluat|compar|investigat|test|examin|explor)\w*\b", re.IGNORECASE)
PHASE_REACH = 80
# A study that observed treated patients rather than assigning treatment: the document's own study so
# described ("this retrospective study", "our real-world cohort") ...
OWN_OBSERVATIONAL_RE = re.compile(r"\b(this|our|the\s+present)\s+(?:[\w-]+,?\s+){0,3}?(?:retrospective|real-world|"
                                  r"observational|case-control|population-based)\b", re.IGNORECASE)
# ... or observational data anywhere ("retrospective data", "a real-world cohort", "propensity score"), unless the
# document's own study is a prospective or interventional one: such a trial may compare its patients with
# "retrospective historical data" of another treatment and stays a trial.
OBSERVATIONAL_DATA_RE = re.compile(r"\b(?:retrospective|real-world|observational)\s+(?:[\w-]+\s+)?(?:study|analysis|data|"
                                   r"cohort)\b|\bpropensity[- ]score\b|"
                                   # "the use of X in real-world practice", "real-world evidence"
                                   r"\breal[- ]world\s+(?:clinical\s+)?(?:practice|settings?|evidence|experience)\b|"
                                   # "patients ... were retrospectively reviewed", "records were analysed retrospectively",
                                   # "we retrospectively examined the outcomes"
                                   r"\bretrospectively\s+(?:reviewed|analy[sz]ed|collected|enrolled|evaluated|included|"
                                   r"identified|studied|examined|assessed|investigated|compared)\b|\b(?:reviewed|analy[sz]ed|collected|evaluated)\s+retrospectively\b",
                                   re.IGNORECASE)
# "This prospective, phase II, single-arm study", "our randomised trial": design words only between the two ("this
# retrospective analysis of the phase 3 trial" is no prospective study of its own).
_DESIGN_WORD = r"(?!of\b|analys|retrospective|real-world|observational)[\w-]+"
OWN_INTERVENTIONAL_RE = re.compile(rf"\b(?:this|our|the\s+present)\s+(?:{_DESIGN_WORD},?\s+){{0,4}}?"
                                   rf"(?:prospective|{_PHASE}|single[- ]arm|randomi[sz]ed)\b"
                                   rf"(?:,?\s+{_DESIGN_WORD}){{0,5}}?,?\s+(?:clinical\s+)?(?:trial|study)\b", re.IGNORECASE)


def is_observational(sentences: list[str]) -> bool:
    """Does the document report an observational study rather than a trial that assigned treatment?

    >>> is_observational(["This retrospective study compared A and B."])
    True
    >>> is_observational(["This prospective, phase II, single-arm study enrolled 40 patients.",
    ...                   "PFS was compared with retrospective historical data of B."])
    False
    >>> is_observational(["PFS was compared with retrospective historical data of B."])
    True
    >>> is_observational(["This retrospective analysis of the phase 3 NAME trial compared A with B."])
    True
    >>> is_observational(["A was active in our retrospective study.", "This phase II, single-arm trial enrolled 36."])
    False
    """
    own = [m for s in sentences if (m := OWN_OBSERVATIONAL_RE.search(s))]
    interventional = any(OWN_INTERVENTIONAL_RE.search(s) for s in sentences)
    # ("our retrospective study suggested ...; this phase II trial ...": "our" may be the group's earlier study)
    if any(m.group(1).lower() != "our" or not interventional for m in own):
        return True
    return any(OBSERVATIONAL_DATA_RE.search(s) for s in sentences) and not interventional


# A study of animals: its animals assigned to treatment ("rats were randomly allocated to A, B or both", "tumour-bearing
# mice were divided into four groups"), and no patient enrolled or assigned anywhere in the document.
ANIMALS_ASSIGNED_RE = re.compile(r"\b(?:mice|rats|animals|rabbits|hamsters|zebrafish|xenografts?)\b[^.;]{0,60}?\b(?:were|was)\s+"
                                 r"(?:\w+ly\s+)?(?:randomi[sz]ed|allocated|assigned|divided|grouped|distributed)\b", re.IGNORECASE)
PATIENTS_ASSIGNED_RE = re.compile(r"\b(?:patients?|participants?|subjects?|volunteers?)\b[^.;]{0,80}?\b(?:were|was)\s+"
                                  r"(?:\w+ly\s+)?(?:randomi[sz]ed|allocated|assigned|enrolled|included|recruited|treated)\b"
                                  r"|\b(?:enrolled|recruited)\b", re.IGNORECASE)


def is_animal_study(sentences: list[str]) -> bool:
    """Does the document assign animals, not patients, to its treatments (a laboratory study, no clinical trial)?

    >>> is_animal_study(["Rats were randomly allocated to A, B or both.", "Survival was longest with both."])
    True
    >>> is_animal_study(["Mice were randomized to A or B.", "In a phase 1 study, 20 patients were treated with A."])
    False
    """
    return any(ANIMALS_ASSIGNED_RE.search(s) for s in sentences) and not any(PATIENTS_ASSIGNED_RE.search(s) for s in sentences)


# A named study the text calls observational where it names it (or in the next sentence's "This ... study"):
# "NAME is a prospective, observational study", "The NAME study ... in real-world practice".
OBSERVED_STUDY_RE = re.compile(r"\b(?:observational|real[- ]world|non-?interventional|registry)\b", re.IGNORECASE)
NEXT_ABOUT_IT_RE = re.compile(r"^\W*(?:This|The|It)\b")


def named_observational(sentences: list[str], names: list[str], phase: str | None) -> bool:
    """Is a named study of an observational document itself observational: called so where it is named (or by the
    next sentence's "This ... study"), never called a trial and given no phase?

    >>> named_observational(["The ZETA study followed 500 patients in real-world practice."], ["ZETA"], None)
    True
    >>> named_observational(["The ZETA trial results matched real-world data."], ["ZETA"], None)
    False
    >>> named_observational(["We report the global ZETA observational trial in real-world practice."], ["ZETA"], None)
    True
    """
    if phase is not None or not names:
        return False
    # ("the REFINE observational trial" is not called a trial: called observational)
    if any(re.search(rf"{re.escape(name)}\W+(?:(?!observational|non-interventional)\w+\W+)?(?:trial|phase)\b", s, re.IGNORECASE)
           for s in sentences for name in names):
        return False
    for i, text in enumerate(sentences):
        if any(name in text for name in names):
            after = sentences[i + 1] if i + 1 < len(sentences) and NEXT_ABOUT_IT_RE.match(sentences[i + 1]) else ""
            if OBSERVED_STUDY_RE.search(text) or OWN_OBSERVATIONAL_RE.search(after):
                return True
    return False


# The study the present one confirms or follows, named by its phase: "the aim of this phase 3 study was to confirm
# the findings of the earlier phase 2 trial", "following the earlier phase II study".
RECALLED_PHASE_RE = re.compile(rf"\b(?:confirm\w*|validat\w*|replicat\w*|follow(?:s|ed|ing)?|buil(?:t|ds?|ding)\s+on|"
                               rf"extend\w*|previous|prior|earlier|preceding)\b[^.;]{{0,60}}?\b(?P<phase>{_PHASE})\s+"
                               r"(?:clinical\s+)?(?:trial|study)\b", re.IGNORECASE)
OWN_PHASE_RE = re.compile(rf"\b(?:this|our|the\s+present|the\s+current)\s+(?:[\w-]+,?\s+){{0,3}}?(?P<phase>{_PHASE})\b",
                          re.IGNORECASE)


def recalled_phases(sentences: list[str], phase: Callable[[str], str | None]) -> set[str]:
    """The phases of earlier studies the document says its own study confirms or follows, less its own study's
    phase (``phase`` reads a phase phrase as "II", "III", ...).

    >>> from hcc_kg.extract.trial_names import phase_of
    >>> recalled_phases(["A improved OS in a randomised phase 2 study.",
    ...                  "The aim of this phase 3 study was to confirm the findings of the earlier phase 2 trial."], phase_of)
    {'II'}
    >>> recalled_phases(["This phase 2 study followed patients for 12 months."], phase_of)
    set()
    """
    recalled = {phase(m.group("phase")) for s in sentences for m in RECALLED_PHASE_RE.finditer(s)}
    own = {phase(m.group("phase")) for s in sentences for m in OWN_PHASE_RE.finditer(s)}
    return {p for p in recalled - own if p}


# A sentence about the design's assumptions or what a trial will show, not about what it showed
# (cue words of a projection: a power calculation, an assumption, a hypothesis, an effect in the
# future tense, a success threshold: "considered promising if its ORR exceeded 35%").  A bare "will" is no
# cue: "results will be presented" follows reported results.  "with an expected response rate of 15%": the design's.
PROJECTION_RE = re.compile(r"\b(?:designed\s+to|powered\s+to|to\s+detect|assum(?:e|es|ed|ing|ptions?)|hypothesi[sz](?:e|es|ed|is)|"
                           r"sample\s+size|expected\s+(?:to|(?:[\w-]+\s+){0,3}?(?:rates?|medians?)\b)|\d+\s*%\s+power|power\s*(?:of\s*|=\s*)?\d+\s*%|"
                           r"(?:were|was|are|is)\s+(?:necessary|needed|required)\s+to|"
                           r"(?:will|would)\s+(?:\w+\s+){0,2}?(?:improve|prolong|"
                           r"reduce|extend|increase|show|demonstrate|achieve)\w*|(?:considered|deemed)\s+(?:\w+\s+)?(?:promising|"
                           r"active|positive|successful)\s+if|if\s+(?:\w+\s+){0,4}?(?:exceed|surpass)\w*)\b", re.IGNORECASE)


def projects(text: str) -> bool:
    """Does the sentence project a result rather than report one?

    >>> projects("The trial was designed to detect a hazard ratio of 0.75 with 90% power.")
    True
    >>> projects("In all, 50 patients were needed to improve median PFS from 2 to 4.5 months, power 80%.")
    True
    >>> projects("Median OS was 12.1 versus 9.8 months (HR 0.75).")
    False
    """
    return PROJECTION_RE.search(text) is not None


# A sentence of the disease's statistics, not of a trial: "account for half of the new cases and deaths",
# "the 5-year survival rate for patients with HCC in the country is only 14%", "HCC is the third leading cause".
EPIDEMIOLOGY_RE = re.compile(r"\b(?:incidence|prevalence|new\s+cases|cases\s+and\s+deaths|deaths\s+(?:due\s+to|from)|"
                             r"leading\s+cause|(?:most|third|fourth|fifth|sixth)\s+(?:most\s+)?common|worldwide|globally|"
                             r"global\s+(?:numbers|burden)|(?:survival|mortality)\s+rate\s+(?:for|of|among)\s+(?:all\s+)?"
                             r"(?:patients|people|those)\s+with\s+\w+\s+in\s+(?-i:[A-Z])\w+)", re.IGNORECASE)


def about_the_disease(text: str) -> bool:
    """Does the sentence state the disease's statistics (incidence, deaths, a country's survival rate) rather than
    a trial's results?

    >>> about_the_disease("The 5-year survival rate for patients with HCC in Freedonia is only 14%.")
    True
    >>> about_the_disease("The 5-year survival rate was 14% with A.")
    False
    """
    return EPIDEMIOLOGY_RE.search(text) is not None


# "Following the results of the X trial, which ..., the Y trial was ...": a trial named in a fronted phrase is a
# prior one; the sentence is about the trial its main clause names.
FRONTED_PRIOR_RE = re.compile(r"^\W*(?:following|after|based\s+on|building\s+on|in\s+light\s+of|given)\b[^;]{0,80}$",
                              re.IGNORECASE)


def main_trial_first(text: str, names: list) -> list:
    """The trial names with the one the main clause is about first: a name in a fronted phrase moves last.

    >>> from hcc_kg.extract.trial_names import TrialName
    >>> text = "Following the results of the X-1 trial, which failed, the Y-2 trial was run."
    >>> [n.name for n in main_trial_first(text, [TrialName("X-1", 29, 32), TrialName("Y-2", 58, 61)])]
    ['Y-2', 'X-1']
    """
    named = [n for n in names if n.kind != "nct"]
    if len(named) < 2 or named[0].name == named[1].name or not FRONTED_PRIOR_RE.match(text[:named[0].start]) \
            or "," not in text[named[0].end:named[1].start]:
        return names
    return [n for n in names if n is not named[0]] + [named[0]]

"""Trial names, registry numbers and phases in running prose: a pure reader.

A trial name is an acronym-like word and a number: "KEYNOTE-394", "CheckMate 9DW",
"IMbrave150", "LEAP-002", "Study 304", "DESTINY-Breast04", "JAVELIN Bladder 100", "EV-301"
(hyphens of any kind have become "-" upstream).
Words that look like that but name something else (PD-1, CTLA-4, FGFR1, IL-6) are the
vocabulary's entities: the caller passes ``is_entity`` to rule them out.  A version
("RECIST 1.1"), a year ("ASCO 2024") or a dosing code ("Q3W", one letter) is not a name.
The shape must also stand near a trial word (trial, study, phase, randomized) or in a
sentence that compares agents; a name confirmed once counts everywhere in the document.
An all-capital word without digits is a name only right before "trial"/"study" ("the
REFLECT trial") or as the alias of a confirmed name ("REFLECT (Study 304)").

>>> [n.name for n in trial_names("In the phase 3 KEYNOTE-394 trial, PD-1 ...", lambda s: s == "PD-1")]
['KEYNOTE-394']
>>> phase_of("a randomised phase 2/3 study"), phase_of("phase 1b"), phase_of("Phase III")
('II/III', 'Ib', 'III')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .trial_name_counts import COUNT_OPENERS, counted

_WORD = r"(?:[A-Z]{3,}[a-z]*|[A-Z]{2}[a-z]+|[A-Z][a-z]+[A-Z][A-Za-z]*|Study)"
# ... a cooperative group's five-digit protocol number stands apart from its word: "CALGB 80802".
# ... or a number and its year after a slash, as a cooperative group numbers its protocols: "SAKK 77/08".
_NUMBER = r"(?P<num>\d{1,4}(?:[A-Z]{1,3}|/\d{2}(?!\d))?|(?<=[- ])\d{5})"
# ... its hyphen may follow a space, as a sponsor styles its names ("CheckMate -9DW", "CheckMate -040").
# ... also "DESTINY-Breast04" (a capitalised word glued to its number), "JAVELIN Bladder 100" (an all-capital
# word, a capitalised one and a number), "EV-301" (two capitals and three digits).
NAME_RE = re.compile(rf"\b(?P<name>(?:{_WORD}(?:-(?:{_WORD}|[A-Z]{{2}}|[A-Z][a-z]{{2,}}(?=\d)))?(?P<sep> -|[- ]?){_NUMBER}|"
                     r"(?P<plain>[A-Z][a-z]{3,}|[A-Z]{2}(?=-))(?P<psep>[- ])(?P<pnum>\d{3})|"
                     r"[A-Z]{4,} [A-Z][a-z]{2,}(?P<msep> )(?P<mnum>\d{2,3}))"
                     r"(?:-[A-Z])?)(?![\w%]|[.,]\d)")
# What a disease or a target follows ("patients with COVID-19", "antibodies against CD-20"), or what
# follows a target ("LAG-3 inhibitor", "TIM-3 expression"), a trial does not.
# ... nor what patients receive ("to receive either CODE (n = 184) or B", "A plus CODE"), nor a drug's
# code in brackets after what it is ("a bevacizumab biosimilar (CODE)", "an anti-PD-1 antibody (CODE)").
NOT_A_TRIAL_BEFORE = re.compile(r"\b(?:with|against|anti|targeting|blocking|inhibiting|plus|either|receiv(?:e|ed|ing))[\s-]*$|"
                                r"\b(?:biosimilars?|antibod(?:y|ies)|inhibitors?|agents?|drugs?|compounds?|molecules?)\s*\(\s*$",
                                re.IGNORECASE)
NOT_A_TRIAL_AFTER = re.compile(r"^[\s-]*(?:inhibit|antibod|expression|positiv|negativ|blockade|receptor|ligand|"
                               r"pathway|signal|gene|mutation|protein|infection|pandemic|vaccin)", re.IGNORECASE)
# Words that describe a trial's structure, not name one ("PHASE 3", "STAGE 2", "GRADE 3", "Study 2" is kept).
# An antibody's isotype ("IgG4", "IgG1κ") has the shape of a name and a number, and names no trial.
ISOTYPE_RE = re.compile(r"Ig[GAMDE]\d?[a-zκλ]?")
STRUCTURE_WORDS = frozenset({"PHASE", "TRIAL", "ARM", "ARMS", "COHORT", "PART", "GRADE", "STAGE", "CYCLE", "DAY",
                             "WEEK", "MONTH", "YEAR", "VERSION", "TABLE", "FIGURE", "DOSE", "LEVEL", "STEP", "LINE",
                             # a congress abstract's number ("LBA-3", "Abstract 982P"), not a trial
                             "LBA", "ABSTRACT", "ABSTR", "POSTER"})
# An all-capital name may open with one letter and a hyphen: "S-TRAC", "L-MIND".
# ... and may carry a word after a hyphen, naming a platform trial's cohort: "MORPHEUS-Liver" ("PD-L1" is the vocabulary's).
_CAPS_NAME = r"(?:[A-Z]-)?[A-Z]{4,}(?:-[A-Z]{2,}|-[A-Z][a-z]{2,}(?![\w-]))?"
# ... or be written in mixed case with three capitals or more, ending in a letter ("ClarIDHy", "HER2CLIMB"); a word
# with one or two ("Lorbrena", "McDonald") is a brand or a person, one ending in digits a code ("AMG510", "NCT0...").
_MIXED_NAME = r"(?=(?:[a-z\d]*[A-Z]){3})[A-Z][A-Za-z\d]{2,}[A-Za-z]"
_NAME_WORD = rf"(?:{_CAPS_NAME}|{_MIXED_NAME})"
# (case-blind, so any word is tried: :func:`name_like` keeps the name-shaped ones)
# ... a design word or two may stand between the phase and the trial word: "the ACRONYM phase 3 pivotal trial".
_DESIGN_WORDS = (r"(?:(?:pivotal|global|registrational|confirmatory|randomi[sz]ed|multicent(?:er|re)|multinational|"
                 r"open-label|double-blind|placebo-controlled)\s+){0,2}")
# (right before the trial word, three capitals and a hyphenated acronym too: "the ABC-HCC trial"; or one letter after
# the hyphen, a trial named after an earlier one: "the ZORBAS-L trial")
BARE_NAME_RE = re.compile(r"\b(?P<name>(?:[A-Z]-)?[A-Z][A-Z\d]{3,}(?:-[A-Z]{2,}|(?-i:-[A-Z]))?|(?-i:[A-Z]{3}-[A-Z]{3,}))\s+"
                          rf"(?:(?:phase\s+\w+\s+)?{_DESIGN_WORDS}(?:clinical\s+)?(?:trial|study)\b)", re.IGNORECASE)
# ... or a capitalised word a press release sets between "the" and a capitalised phase, as the basis of a decision:
# "based on results from the Zenith Phase 3 trial" (the name of a sponsor's trial in title case); not a word shaped
# like an adjective ("the Global Phase 3 trial", "the Japanese Phase 3 study", "the Pivotal Phase 3 trial").
TITLED_NAME_RE = re.compile(r"\b(?:(?:results?|data|findings|evidence)\s+(?:from|of|in)|based\s+(?:\w+\s+){0,2}?on|"
                            r"supported\s+by)\s+the\s+(?P<name>[A-Z][a-z]{3,})\s+Phase\s+(?:III|II|I|[1-3])[ab]?\s+"
                            r"(?:[Cc]linical\s+)?(?:[Tt]rial|[Ss]tudy)\b")
ADJECTIVE_ENDING_RE = re.compile(r"(?:an|ese|ish|ch|al|ed|ory|ive|ic|ing|ary|ar|ous|ent|ant|ble|ful|er|est|st|ly)$")
# ... and two such names or more before one plural trial word: "the ACRONYM and OTHERNAME phase 3 trials", "ACRONYM,
# OTHERNAME and THIRD-1 Phase III trials" (a name in the list may carry its number).
_LISTED_NAME = rf"{_CAPS_NAME}(?:-\d{{1,4}})?(?![\w-])"
LISTED_NAME_RE = re.compile(_LISTED_NAME)
PHASE_RIGHT_AFTER_RE = re.compile(r"\s+phase\s*(?:III|II|IV|I|[1-4])[ab]?\b", re.IGNORECASE)
COORDINATED_NAMES_RE = re.compile(rf"\b(?P<first>{_LISTED_NAME}(?:,\s+{_LISTED_NAME})*),?\s+and\s+(?:the\s+)?(?P<name>{_LISTED_NAME})"
                                  r"\s+(?:(?i:phase)\s+\w+\s+)?(?:clinical\s+)?(?i:trials|studies)\b")
# ... or a list of names only, after the trials or studies it names: "Covered studies include NCT..., ACRONYM,
# OTHERNAME and the THIRD trial" (every item a name, so that no other capitalised word is taken for one).
_ITEM = rf"(?:the\s+)?(?:{_LISTED_NAME}|NCT\d{{8}})(?:\s+(?i:trial|study))?"
STUDIES_LISTED_RE = re.compile(rf"\b(?i:studies|trials)(?:\s+[a-z]+){{0,2}}?\s+(?i:include|included|including|such\s+as|were|are)\s+"
                               rf"(?P<list>{_ITEM}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_ITEM}){{1,8}})(?=\s*[.;:)]|\s*$)")
# ... or as the subject of what only a trial does: "ACRONYM randomised patients to ...", "ACRONYM enrolled 500 adults".
SUBJECT_NAME_RE = re.compile(rf"(?:^|[.;:]\s+|\b(?:In|in|of|from)\s+)(?P<name>{_NAME_WORD})\s+"
                             r"(?:randomi[sz]ed|randomly\s+assigned|enrolled|recruited|allocated)\b")
# ... or named before its description in apposition: "ACRONYM, a single-arm phase 2 study of A", "ACRONYM
# (NCT...), a planned 460-patient phase 3 trial".
# The words between are the trial's description, no clause ("ASCO, the meeting where the study ..." is none).
_DESCRIBING = r"(?:(?!(?:where|which|that|who|whose|was|were|is|are|been|used|in|of|at|for|from|by|with|on|to|and|or)\b)[\w/-]+,?\s+)"
APPOSITIVE_NAME_RE = re.compile(rf"\b(?P<name>{_NAME_WORD})(?:\s*\([^()]*\))?,\s+(?:an?|the)\s+"
                                rf"{_DESCRIBING}{{0,8}}?(?:clinical\s+)?(?:trial|study)\b")
#: What follows a name the text describes as a trial, in apposition or as the subject: ", a phase 3 trial",
#: " (NCT...), an open-label study", " is a randomised trial" (for a name found by other means).
DESCRIBED_AS_TRIAL = (rf"(?:\s*\([^()]*\))?(?:,\s+|\s+(?:is|was)\s+)(?:an?|the)\s+{_DESCRIBING}{{0,8}}?"
                      r"(?:clinical\s+)?(?:trial|study)\b")
# ... or as the subject the sentence describes as a trial: "ACRONYM is a randomised phase 3 trial of A versus B",
# "ACRONYM (NCT...) was an open-label study".
IS_A_TRIAL_RE = re.compile(rf"(?:^|[.;:]\s+)(?P<name>{_NAME_WORD})(?:\s*\([^()]*\))?\s+(?:is|was)\s+(?:an?|the)\s+"
                           rf"{_DESCRIBING}{{0,8}}?(?:clinical\s+)?(?:trial|study)\b")
# ... or named after the trial word: "the trial, known as ACRONYM, met ...", "a phase 3 study called ACRONYM", "the
# study (NCT...), which was dubbed Zeta", "the trial (called Zeta)", "a trial - dubbed Zeta -": after a naming verb
# any capitalised word is the name, in any case ("a study called Zeta"; a word in title case is otherwise too risky
# to take for a name), in quotes or not.
KNOWN_AS_RE = re.compile(rf"\b(?i:trial|study)(?:\s*\([^()]*\))?(?:\s*[,(—–]\s*|\s+-\s+|\s+)(?:(?i:which|that)\s+(?i:is|was)\s+)?"
                         r"(?i:(?:also\s+)?known\s+as|called|named|dubbed|nicknamed)\s+(?:the\s+)?[\"“']?"
                         rf"(?P<name>(?:{_NAME_WORD}|[A-Z][a-z]{{2,}})(?:[- ]?\d{{1,4}})?)\b(?!-)")
# ... or heading a title: "ACRONYM-X: adjuvant A versus B ... of a randomized phase 3 trial" (hyphenated: a
# capital word before a colon is rather a section label, "METHODS: In this trial ...").
TITLE_LEAD_RE = re.compile(r"^(?P<name>[A-Z]{3,}-[A-Z][A-Z\d]+)\s*:\s+(?=[^.;]*\b(?:trial|study)\b)")
# ... or any acronym, when what follows the colon describes a trial: "ACRONYM: a phase III, randomized,
# placebo-controlled trial of A plus B" (a section label is followed by a sentence, "METHODS: In this trial").
TITLE_ARTICLE_RE = re.compile(rf"^(?P<name>{_NAME_WORD})\s*:\s+(?:an?|the)\s+{_DESCRIBING}{{0,8}}?(?:clinical\s+)?(?:trial|study)\b",
                              re.IGNORECASE)
# A structured abstract's or a page's section labels are no trial names.
SECTION_LABELS = frozenset({"BACKGROUND", "INTRODUCTION", "CONTEXT", "PURPOSE", "RATIONALE", "OBJECTIVE", "OBJECTIVES",
                            "AIM", "AIMS", "METHODS", "DESIGN", "SETTING", "RESULTS", "FINDINGS", "CONCLUSION",
                            "CONCLUSIONS", "INTERPRETATION", "IMPORTANCE", "SUMMARY", "ABSTRACT", "UPDATE", "FUNDING"})
# A journal title's acronym: "Drug A for disease (ACRONYM): a randomised, phase 3 trial".
TITLE_NAME_RE = re.compile(r"\((?P<name>(?!NCT\d)[A-Z][A-Z\d-]{3,})\)\s*:\s*(?:an?\s+)?[^.;:()]{0,120}?\b(?:trial|study)\b",
                           re.IGNORECASE)
# ... and the acronym right after the trial word: "an open-label phase 3 trial (PELICAN)".
AFTER_TRIAL_NAME_RE = re.compile(rf"\b(?i:trial|study)\s*\((?P<name>(?!NCT\d)(?:{_CAPS_NAME}(?=\))|[A-Z][A-Z\d-]{{3,}}))\)")
# ... and an acronym after its spelled-out name: "Sorafenib HCC Assessment Randomized Protocol (SHARP)".
SPELLED_RE = re.compile(r"(?P<words>(?:\b[A-Z][\w-]*\s+(?:(?:of|in|for|and|the|with)\s+)?){2,12})\((?P<name>[A-Z]{3,}[A-Z\d-]*)\)")
SPELLED_TRIAL_WORD = re.compile(r"\b(?:Trial|Study|Protocol|Randomi[sz]ed|Assessment)\b")
# A whole capital word ("KSCC" in "KSCC1902" is none), with its one-letter opening ("S-TRAC").
CAPS_RE = re.compile(rf"(?<![\w-])(?:(?:[A-Z]-)?[A-Z]{{4,}}|{_MIXED_NAME})(?!\w)")
NCT_RE = re.compile(r"\bNCT\d{8}\b")
# ... and any capitalised code right before its registry number in brackets: "JET-HCC [NCT...]", "AXON-7 (NCT...)",
# "Zorbanib-2003 (NCT...)" (a sponsor's study number).
REGISTERED_NAME_RE = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Z\d]{2,}(?:-[A-Z\d]{2,})*|[A-Z][a-z]{3,}-\d{3,4})\s*[(\[]\s*NCT\d{8}\b")
# A sponsor's study number: a drug's company code, an optional phase in Roman numerals or digits and the study's own
# number ("ABC-1234-III-310", "XY1003-305", "ABC-A317-301"); the code without the study number names the drug.
# A two-digit study number comes after a phase in Roman numerals ("ABCD-XY123-III-02"): read whole, not as
# the drug's code and a second name "III-02".
SPONSOR_STUDY_RE = re.compile(r"(?<![\w-])(?P<name>[A-Z]{1,5}-?[A-Z]{0,3}\d{2,6}"
                              r"(?:(?:-(?:IV|I{1,3}|[1-4])[ab]?)?-\d{3}|-(?:IV|I{1,3})[ab]?-\d{2}))(?![\w-])")
TRIAL_CUE = re.compile(r"\b(?:trials?|stud(?:y|ies)|phase|NCT\d+|randomi[sz]\w*)\b", re.IGNORECASE)
# What only a study is or does: "subgroup analysis of KEYNOTE-240", "KEYNOTE-240 investigated ...",
# "5-year follow-up from CheckMate 040", "cohort 2 of ...".  Read for full-shaped names only; a drug
# "showed" things too, so that verb is no cue.
STUDY_CONTEXT_CUE = re.compile(r"\b(?:analys[ie]s\s+(?:of|from)|follow-?up\s+(?:of|from)|(?:results|data)\s+(?:of|from)|"
                               # "outcomes were assessed in NAME", "A was evaluated in NAME"
                               r"(?:assessed|evaluated|investigated|examined|studied|tested)\s+in(?:\s+the)?|"
                               r"cohorts?\s+\w+\s+of)\s+$|^\s+(?:investigated|evaluated|enrolled|assessed|randomi[sz]ed|"
                               r"compared|(?:did|does)\s+not\s+meet|"
                               r"(?:investigators|study\s+group|collaborative\s+group|trial\s+group)\b)", re.IGNORECASE)
COMPARISON_CUE = re.compile(r"\b(?:versus|vs\.?|v\.|compar(?:ed|ing|es)|randomi[sz]\w*|randomly)\b", re.IGNORECASE)
PHASE_RE = re.compile(r"\bphase\s*(?P<a>III|II|I|IV|[1-4])(?P<sub>[ab])?(?:\s*[/-]\s*(?:phase\s*)?(?P<b>III|II|I|IV|[1-4]))?\b",
                      re.IGNORECASE)
# "A/B", "A (B)", "A, also known as B", "A (ClinicalTrials.gov identifier: NCT...)".
# ... and "A ClinicalTrials.gov number, NCT..." (a journal's funding line names the trial so).
ALIAS_GLUE = re.compile(r"^\s*(?:(?:trial|study)\s*)?(?:/|[(\[](?:\s*ClinicalTrials\.gov(?:\s+(?:identifier|number|ID))?\s*[:,]?)?"
                        r"|,\s*(?:also known as|or)\s|ClinicalTrials\.gov\s+(?:identifier|number|ID)\s*[:,]?)\s*$", re.IGNORECASE)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
WINDOW = 60


@dataclass(frozen=True)
class TrialName:
    """A trial's name or NCT number in a sentence, with its offsets and kind."""

    name: str
    start: int  # offsets in the sentence text
    end: int
    kind: str = "name"  # "name" or "nct" ("plain" while a capitalised word awaits its trial word)


def name_like(word: str) -> bool:
    """Is a word shaped like a trial's acronym: all capitals ("REFLECT", "S-TRAC") or mixed case with three
    capitals or more ("ClarIDHy", "HER2CLIMB")?

    >>> name_like("ClarIDHy"), name_like("HER2CLIMB"), name_like("REFLECT"), name_like("Lorbrena"), name_like("pivotal")
    (True, True, True, False, False)
    """
    return bool(re.fullmatch(_CAPS_NAME, word) or re.fullmatch(_MIXED_NAME, word))


def phase_of(text: str) -> str | None:
    """The first trial phase named, in Roman numerals ("III", "I/II", "Ib")."""
    m = PHASE_RE.search(text)
    if m is None:
        return None
    roman = [_ROMAN.get(p, p.upper()) for p in (m.group("a"), m.group("b")) if p]
    roman[0] += (m.group("sub") or "").lower()  # "phase Ib/II": the sub-phase is the first part's
    return "/".join(roman)


def _shaped(text: str, is_entity: Callable[[str], bool]) -> Iterable[TrialName]:
    for m in NAME_RE.finditer(text):
        name, number = m.group("name"), m.group("num") or m.group("pnum") or m.group("mnum")
        sep = m.group("sep") or m.group("psep") or m.group("msep")
        if sep == " " and re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # "ASCO 2024": a meeting's year
        if (is_entity(name) and not _framed_as_trial(text, m.start(), m.end())) \
                or NOT_A_TRIAL_BEFORE.search(text[:m.start()]) or NOT_A_TRIAL_AFTER.match(text[m.end():]):
            continue
        if re.split(r"[- ]?\d", name, maxsplit=1)[0].upper() in STRUCTURE_WORDS or _spells_out_drugs(text, m.end(), is_entity):
            continue
        # A capitalised plain word ("Checkmate 040") needs a trial word right beside it.
        kind = "plain" if m.group("plain") else "name"
        if kind == "plain" and name.split()[0].split("-")[0] in COUNT_OPENERS:
            continue
        yield TrialName(name, m.start("name"), m.end("name"), kind)
    for m in NCT_RE.finditer(text):
        yield TrialName(m.group(), m.start(), m.end(), "nct")


_BRACKET_RE = re.compile(r"\s*\(([^()]{3,150})\)")


def listed_phase(text: str, name: TrialName) -> str | None:
    """The phase a list of names ending in a plural trial word gives each of them ("NAME, OTHER and THIRD-1 phase 3
    trials": "III" for each), or the phase right after the name ("NAME Phase III trial"); None when neither.

    >>> text = "the ZETA and OMEGA-2 Phase III trials and the DELTA phase 2 trial"
    >>> [listed_phase(text, TrialName(n, text.index(n), text.index(n) + len(n))) for n in ("ZETA", "OMEGA-2", "DELTA")]
    ['III', 'III', 'II']
    """
    if phase := PHASE_RIGHT_AFTER_RE.match(text, name.end):
        return phase_of(phase.group())
    return next((phase_of(m.group()) for m in COORDINATED_NAMES_RE.finditer(text) if m.start() <= name.start < m.end()), None)


def _spells_out_drugs(text: str, end: int, is_entity: Callable[[str], bool]) -> bool:
    """Is a code followed by the drugs it stands for, "CODE (infusional A, B, and C)": a regimen's short
    form, not a trial ("NAME (A versus B)" is a trial's comparison)?

    >>> _spells_out_drugs("XYZ4 (oral foo, bar and baz)", 4, lambda w: w in {"foo", "bar", "baz"})
    True
    >>> _spells_out_drugs("ZETA-4 (foo versus bar)", 6, lambda w: w in {"foo", "bar"})
    False
    """
    bracket = _BRACKET_RE.match(text, end)
    if bracket is None or COMPARISON_CUE.search(bracket.group(1)):
        return False
    items = [item for item in re.split(r",|\band\b|/|\+|\bplus\b", bracket.group(1)) if item.strip()]
    return len(items) >= 2 and all(any(is_entity(w) for w in re.findall(r"[\w-]+", item)) for item in items)


def _framed_as_trial(text: str, start: int, end: int) -> bool:
    """Is a word the vocabulary also knows (a gene "TOPAZ1") framed as a trial here: "the phase III
    TOPAZ-1 study", "TOPAZ-1 trial"?"""
    return bool(re.match(r"\s*(?:phase\s+\w+\s+)?(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b", text[end:], re.IGNORECASE)
                or STUDY_CONTEXT_CUE.match(text[end:end + 30])
                or re.search(r"\bphase\s*(?:III|II|IV|[1-4])[ab]?\s+$", text[:start], re.IGNORECASE))


def _near_cue(text: str, name: TrialName) -> bool:
    if name.kind == "nct" or name.name.startswith("Study"):
        return True
    width = WINDOW if name.kind == "name" else 12
    window = text[max(0, name.start - width):name.start] + " " + text[name.end:name.end + width]
    if re.match(r"\s+(?:clinical\s+)?(?:trial|study)\b", text[name.end:], re.IGNORECASE):
        return True  # "the EV-301 clinical trial"
    if name.kind == "name" and (STUDY_CONTEXT_CUE.search(text[max(0, name.start - 30):name.start])
                                or STUDY_CONTEXT_CUE.match(text[name.end:name.end + 30])):
        return True
    return bool(TRIAL_CUE.search(window)) or (name.kind == "name" and bool(COMPARISON_CUE.search(text)))


def trial_names(text: str, is_entity: Callable[[str], bool], confirmed: frozenset[str] = frozenset(),
                key: Callable[[str], str] = str) -> list[TrialName]:
    """Trial names in one sentence, in order; ``confirmed`` holds keys already known as names."""
    found = [TrialName(n.name, n.start, n.end, "name" if n.kind == "plain" else n.kind)
             for n in _shaped(text, is_entity) if key(n.name) in confirmed or (_near_cue(text, n) and not counted(text, n.name, n.end))]
    for m in [*TITLE_NAME_RE.finditer(text), *AFTER_TRIAL_NAME_RE.finditer(text)]:
        if (re.fullmatch(r"[A-Z][A-Z\d-]{3,}", m.group("name")) or name_like(m.group("name"))) and not is_entity(m.group("name")) \
                and m.group("name").split("-")[0] not in STRUCTURE_WORDS:
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in SPONSOR_STUDY_RE.finditer(text):
        study = TrialName(m.group("name"), m.start("name"), m.end("name"))
        if not is_entity(study.name) and not NOT_A_TRIAL_BEFORE.search(text[:study.start]) and _near_cue(text, study):
            found = [n for n in found if not (study.start <= n.start and n.end <= study.end)] + [study]  # not its drug's code
    for m in SPELLED_RE.finditer(text):
        if _spells(m.group("words"), m.group("name")) and not is_entity(m.group("name")):
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in REGISTERED_NAME_RE.finditer(text):
        name = m.group("name")
        if not is_entity(name) and name.split("-")[0] not in STRUCTURE_WORDS | SECTION_LABELS and not name.startswith("NCT") \
                and not any(n.start <= m.start() < n.end for n in found):
            found.append(TrialName(name, m.start("name"), m.end("name")))
    for m in [*BARE_NAME_RE.finditer(text), *SUBJECT_NAME_RE.finditer(text), *APPOSITIVE_NAME_RE.finditer(text),
              *IS_A_TRIAL_RE.finditer(text), *TITLE_LEAD_RE.finditer(text), *KNOWN_AS_RE.finditer(text),
              *TITLE_ARTICLE_RE.finditer(text)]:
        named = m.re is KNOWN_AS_RE  # what a naming verb names is a name in any case ("a study called Zeta")
        named = named or (m.re is BARE_NAME_RE
                          and re.fullmatch(r"[A-Z]{3}-[A-Z]{3,}|[A-Z]{4,}-[A-Z]", m.group("name")) is not None)
        if (named or name_like(m.group("name"))) and not is_entity(m.group("name")) \
                and re.split(r"[- ]?\d", m.group("name"), maxsplit=1)[0].upper() not in STRUCTURE_WORDS | SECTION_LABELS:
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in TITLED_NAME_RE.finditer(text):
        name = m.group("name")
        if not ADJECTIVE_ENDING_RE.search(name) and not is_entity(name) and name.upper() not in STRUCTURE_WORDS | SECTION_LABELS:
            found.append(TrialName(name, m.start("name"), m.end("name")))
    for m in CAPS_RE.finditer(text):  # a capitalised name already confirmed in this document
        if key(m.group()) in confirmed and not any(n.start <= m.start() < n.end for n in found):
            found.append(TrialName(m.group(), m.start(), m.end()))
    for m in STUDIES_LISTED_RE.finditer(text):
        found += _listed([(n.group(), m.start("list") + n.start()) for n in LISTED_NAME_RE.finditer(m.group("list"))],
                         is_entity)
    for m in COORDINATED_NAMES_RE.finditer(text):
        listed = [(n.group(), m.start("first") + n.start()) for n in LISTED_NAME_RE.finditer(m.group("first"))]
        found += _listed([*listed, (m.group("name"), m.start("name"))], is_entity)
    found = [n for n in found if not ISOTYPE_RE.fullmatch(n.name)]  # "a fully human IgG4 mAb ... was evaluated in ..."
    found = [_without_footnote(n, confirmed, key) for n in _with_aliases(text, found, is_entity)]
    # a name cut short inside a longer one ("ALTN" of "ALTN-AK105-III-02", cut at its drug's code) is no name of its own
    found = [n for n in found if not any(o.start <= n.start and n.end <= o.end and o.end - o.start > n.end - n.start
                                         for o in found)]
    return sorted(set(found), key=lambda n: (n.start, n.end))


def _listed(names: list[tuple[str, int]], is_entity: Callable[[str], bool]) -> list[TrialName]:
    """The (name, start) items of a list of names that are neither an entity's name nor a word of a trial's structure."""
    return [TrialName(name, at, at + len(name)) for name, at in names
            if not is_entity(name) and name.split("-")[0] not in STRUCTURE_WORDS]


def footnoted(name_key: str, confirmed: Iterable[str]) -> str | None:
    """The confirmed name a key is with a reference number glued on ("LEAP-0025" after "LEAP-002"), else None.

    Only the key's own prefixes are looked up (a footnote is one or two digits), the longer
    first: scanning every confirmed name for every key was quadratic in a document naming
    thousands of trials.

    >>> footnoted("leap0025", ["leap002"])
    'leap002'
    >>> footnoted("leap0025", {"leap00", "leap002"}), footnoted("leap002", {"leap002"})
    ('leap002', None)

    A short number grown by a digit is another trial of the series, no footnote: numbers of three
    digits or a leading zero ("002", "150") are what a reference number gets glued to.

    >>> footnoted("krystal12", {"krystal1"}), footnoted("fresco2", {"fresco"})
    (None, None)
    """
    for cut in (1, 2):
        base = name_key[:-cut]
        number = base[len(base.rstrip("0123456789")):]
        if name_key[-cut:].isdigit() and base in confirmed and (len(number) >= 3 or number.startswith("0")):
            return base
    return None


def _without_footnote(name: TrialName, confirmed: frozenset[str], key: Callable[[str], str]) -> TrialName:
    if name.kind == "nct" or (base := footnoted(key(name.name), confirmed)) is None:
        return name
    cut = len(key(name.name)) - len(base)
    if not name.name[:-cut][-1:].isdigit():
        return name  # "FRESCO-2" beside "FRESCO": another trial (a footnote is glued to a number, "LEAP-0025")
    return TrialName(name.name[:-cut], name.start, name.end - cut, name.kind)


def _spells(words: str, acronym: str) -> bool:
    """Do the capitalised words spell the acronym (its letters their initials, in order, first and
    last included) and name a trial ("... Randomized Protocol")?"""
    initials = [w[0].upper() for w in words.split() if w[0].isupper()]
    letters = [c for c in acronym if c.isalpha()]
    if not SPELLED_TRIAL_WORD.search(words) or not initials or letters[0] != initials[0] or letters[-1] != initials[-1]:
        return False
    rest = iter(initials[1:-1])
    return all(c in rest for c in letters[1:-1])


def _with_aliases(text: str, found: list[TrialName], is_entity: Callable[[str], bool]) -> list[TrialName]:
    """ "Study 304/REFLECT", "REFLECT (Study 304)": an all-capital word glued to a name is one too."""
    out = list(found)
    for name in found:
        for m in CAPS_RE.finditer(text):
            gap = text[m.end():name.start] if m.end() <= name.start else text[name.end:m.start()]
            if ALIAS_GLUE.match(gap) and not is_entity(m.group()) and m.start() != name.start \
                    and m.group().upper() not in STRUCTURE_WORDS | SECTION_LABELS:
                out.append(TrialName(m.group(), m.start(), m.end()))
    return out


# Between two trials named side by side: "A [NCT...] and B [NCT...]", "the phase 3 A (CODE) and the phase 2 B trials".
# ... each perhaps with its trial word and whom it enrolled: "the A study of a European population and the B study".
COORDINATED_GAP = re.compile(r"^\s*(?:[(\[][^()\[\]]{1,40}[)\]]\s*)?(?:(?:trial|study)(?:\s+(?:of|in)\s+[^()\[\];,.]{1,60}?)?\s+)?"
                             r"(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?"
                             r"(?:phase\s*(?:III|II|IV|I|[1-4])[ab]?\s+)?(?:[A-Z][a-z]+\s+)?$", re.IGNORECASE)


def coordinated(text: str, first: TrialName, second: TrialName) -> bool:
    """Are two names given side by side as two trials ("A [NCT...] and B [NCT...]")?

    >>> text = "two trials (ZETA-1 [NCT01234567] and the phase 2 Japanese ETA-2 [NCT07654321])"
    >>> first, second = text.index("ZETA-1"), text.index("ETA-2 ")
    >>> coordinated(text, TrialName("ZETA-1", first, first + 6), TrialName("ETA-2", second, second + 5))
    True
    >>> text = "two studies (the ZETA-1 study of a European population and the ETA-2 study of a Japanese one)"
    >>> first, second = text.index("ZETA-1"), text.index("ETA-2 ")
    >>> coordinated(text, TrialName("ZETA-1", first, first + 6), TrialName("ETA-2", second, second + 5))
    True
    """
    return COORDINATED_GAP.match(text[first.end:second.start]) is not None


def aliases(text: str, names: list[TrialName]) -> list[tuple[TrialName, TrialName]]:
    """Pairs of names the text gives as one trial's: "A/B", "A (B)", "A (NCT...)"."""
    pairs = []
    for left, right in zip(names, names[1:]):
        if ALIAS_GLUE.match(text[left.end:right.start]):
            pairs.append((left, right))
    return pairs


def title_name(title: str, sentences: list[str], is_entity: Callable[[str], bool],
               key: Callable[[str], str] = str) -> str | None:
    """A title that is only a trial-shaped name names the trial of a text that compares or describes one.

    >>> title_name("ZETA-7", ["Zorbanib vs placebo: OS 9 vs 7 months."], lambda s: False)
    'ZETA-7'
    >>> title_name("IL-6", ["IL-6 levels vs baseline."], lambda s: s == "IL-6") is None
    True
    """
    if not any(TRIAL_CUE.search(s) or COMPARISON_CUE.search(s) for s in sentences):
        return None
    found = trial_names(title, is_entity, frozenset({key(title)}), key)
    return title if [n.name for n in found] == [title] else None

"""The shapes of a trial's name in prose, as patterns (read by :mod:`.trial_names`): an acronym-like word and a
number ("KEYNOTE-394", "IMbrave150"), an all-capital word before "trial" or described as one ("the REFLECT trial",
"NAME, a phase 3 study"), a name in a title or an aside, a registry number, and what may stand between a name and
its aliases.  Split from :mod:`.trial_names` to keep each module short.
"""

from __future__ import annotations

import re

# The trial word after a name, what the trial studies perhaps between: "NAME-1 study", "NAME-012 liver cancer trial",
# "the EV-301 Clinical Trial".
TRIAL_WORD_AFTER = r"\s+(?:(?i:clinical)\s+|[a-z][\w-]*\s+){0,3}(?i:trial|study)\b"
_WORD = r"(?:[A-Z]{3,}[a-z]*|[A-Z]{2}[a-z]+|[A-Z][a-z]+[A-Z][A-Za-z]*|Study)"
# ... a cooperative group's five-digit protocol number stands apart from its word: "CALGB 80802".
# ... or a number and its year after a slash, as a cooperative group numbers its protocols: "SAKK 77/08".
_NUMBER = r"(?P<num>\d{1,4}(?:[A-Z]{1,3}|/\d{2}(?!\d))?|(?<=[- ])\d{5})"
# ... its hyphen may follow a space, as a sponsor styles its names ("CheckMate -9DW", "CheckMate -040").
# ... also "DESTINY-Breast04" (a capitalised word glued to its number), "JAVELIN Bladder 100" (an all-capital
# word, a capitalised one and a number), "EV-301" (two capitals and three digits).
NAME_RE = re.compile(rf"\b(?P<name>(?:{_WORD}(?:-(?:{_WORD}|[A-Z]{{2}}|[A-Z][a-z]{{2,}}(?=\d)))?(?P<sep> -|[- ]?){_NUMBER}|"
                     # ("Emerald-1 study": a short number after a hyphen, when the trial word follows)
                     r"(?P<plain>[A-Z][a-z]{3,}|[A-Z]{2}(?=-))(?P<psep>[- ])"
                     rf"(?P<pnum>\d{{3}}|(?<=-)\d{{1,2}}(?={TRIAL_WORD_AFTER}))|"
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
                               r"pathway|signal|gene|mutation|protein|infection|pandemic|vaccin)|"
                               # a number with its unit, perhaps a range's end first: a dose or a measure ("PTV 36-40 Gy")
                               r"^(?:\s*-\s*\d[\d.]*)?\s*(?:Gy|mg|mcg|µg|g|kg|mL|L|cm|mm|ng|IU|U|mmol|µmol)(?:/[\w²]+)*\b",
                               re.IGNORECASE)
# Words that describe a trial's structure, not name one ("PHASE 3", "STAGE 2", "GRADE 3", "Study 2" is kept).
# An antibody's isotype ("IgG4", "IgG1κ") has the shape of a name and a number, and names no trial.
ISOTYPE_RE = re.compile(r"Ig[GAMDE]\d?[a-zκλ]?")
# A score, a scale or a staging system with its grade ("65% ECOG 0", "CTCAE 5", "ALBI 2"): no trial either.
SCALE_WORDS = frozenset({"ECOG", "BCLC", "RECIST", "MRECIST", "CTCAE", "ALBI", "MELD", "AJCC", "TNM", "KPS", "NYHA", "CHILD",
                         "LIRADS"})
STRUCTURE_WORDS = frozenset({"PHASE", "TRIAL", "ARM", "ARMS", "COHORT", "PART", "GRADE", "STAGE", "CYCLE", "DAY",
                             "WEEK", "MONTH", "YEAR", "VERSION", "TABLE", "FIGURE", "DOSE", "LEVEL", "STEP", "LINE",
                             # a congress abstract's number ("LBA-3", "Abstract 982P"), not a trial
                             "LBA", "ABSTRACT", "ABSTR", "POSTER",
                             # a comparison printed in capitals ("10.2 VS 8 months"); a phase abbreviated ("PIII ongoing")
                             "VS", "PI", "PII", "PIII", "PIV"}) | SCALE_WORDS
# An all-capital name may open with one letter and a hyphen: "S-TRAC", "L-MIND".
# ... and may carry a word after a hyphen, naming a platform trial's cohort: "MORPHEUS-Liver" ("PD-L1" is the vocabulary's),
# or one capital, naming a trial after an earlier one: "ZORBAS-L".
_CAPS_NAME = r"(?:[A-Z]-)?[A-Z]{4,}(?:-[A-Z]{2,}|-[A-Z][a-z]{2,}(?![\w-])|-[A-Z](?![\w-]))?"
# ... or be written in mixed case with three capitals or more, ending in a letter ("ClarIDHy", "HER2CLIMB"); a word
# with one or two ("Lorbrena", "McDonald") is a brand or a person, one ending in digits a code ("AMG510", "NCT0...").
_MIXED_NAME = r"(?=(?:[a-z\d]*[A-Z]){3})[A-Z][A-Za-z\d]{2,}[A-Za-z]"
_NAME_WORD = rf"(?:{_CAPS_NAME}|{_MIXED_NAME})"
# (case-blind, so any word is tried: :func:`name_like` keeps the name-shaped ones)
# ... a design word or two may stand between the phase and the trial word: "the ACRONYM phase 3 pivotal trial".
_DESIGN_WORDS = (r"(?:(?:pivotal|global|registrational|confirmatory|randomi[sz]ed|multicent(?:er|re)|multinational|"
                 r"open-label|double-blind|placebo-controlled)\s+){0,2}")
# (right before the trial word, three capitals and a hyphenated acronym too: "the ABC-HCC trial"; or one letter after
# the hyphen, a trial named after an earlier one: "the ZORBAS-L trial"; or the acronym's words spelled out in brackets
# between, "the ZETA (Zorbanib Evaluated in a Trial of Adults) trial")
BARE_NAME_RE = re.compile(r"\b(?P<name>(?:[A-Z]-)?[A-Z][A-Z\d]{3,}(?:-[A-Z]{2,}|(?-i:-[A-Z]))?|(?-i:[A-Z]{3}-[A-Z]{3,}))\s+"
                          r"(?:\((?-i:[A-Z])[^()\d]{2,200}\s[^()\d]{1,200}\)\s+)?"
                          rf"(?:(?:phase\s+\w+\s+)?{_DESIGN_WORDS}(?:clinical\s+)?(?:trial|study)\b)", re.IGNORECASE)
# ... or a capitalised word a press release sets between "the" and a capitalised phase, as the basis of a decision:
# "based on results from the Zenith Phase 3 trial" (the name of a sponsor's trial in title case); not a word shaped
# like an adjective ("the Global Phase 3 trial", "the Japanese Phase 3 study", "the Pivotal Phase 3 trial").
TITLED_NAME_RE = re.compile(r"\b(?:(?:results?|data|findings|evidence)\s+(?:from|of|in)|based\s+(?:\w+\s+){0,2}?on|"
                            r"supported\s+by)\s+the\s+(?P<name>[A-Z][a-z]{3,})\s+Phase\s+(?:III|II|I|[1-3])[ab]?\s+"
                            r"(?:[Cc]linical\s+)?(?:[Tt]rial|[Ss]tudy)\b")
# ... or right after the capitalised phase: "from the placebo-controlled Phase III Zenith trial".
TITLED_AFTER_PHASE_RE = re.compile(r"\bthe\s+(?:[\w,-]+\s+){0,5}?Phase\s+(?:III|II|I|[1-3])[ab]?\s+(?P<name>[A-Z][a-z]{3,})\s+"
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
# ... or set after the plural by a dash (read as " ,", or as the document wrote it), a colon or a bracket: "three phase 3
# studies - ACRONYM, OTHERNAME and THIRD-1", "two trials (ACRONYM and OTHERNAME)", "the studies, namely ACRONYM and
# OTHERNAME" (also how trial_slots.framed_as_trial finds a name so listed).
LIST_AFTER_PLURAL = r"\s*(?:[:(]|\s[-,\u2013\u2014]|,\s+(?i:namely|including|such\s+as))\s*"
STUDIES_LISTED_RE = re.compile(rf"\b(?i:studies|trials)(?:(?:\s+[a-z]+){{0,2}}?\s+(?i:include|included|including|such\s+as|were|are|namely)\s+|"
                               rf"{LIST_AFTER_PLURAL})"
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
#: " (NCT...), an open-label study", " is a randomised trial", " is open-label phase II study" (for a name found by
#: other means).
DESCRIBED_AS_TRIAL = (rf"(?:\s*\([^()]*\))?(?:,\s+(?:an?|the)\s+|\s+(?:is|was)\s+(?:(?:an?|the)\s+)?){_DESCRIBING}{{0,8}}?"
                      r"(?:clinical\s+)?(?:trial|study)\b")
# ... or as the subject the sentence describes as a trial: "ACRONYM is a randomised phase 3 trial of A versus B",
# "ACRONYM (NCT...) was an open-label study" (the article may be left out: "ACRONYM is multicenter, phase II study").
IS_A_TRIAL_RE = re.compile(rf"(?:^|[.;:]\s+)(?P<name>{_NAME_WORD})(?:\s*\([^()]*\))?\s+(?:is|was)\s+(?:(?:an?|the)\s+)?"
                           rf"{_DESCRIBING}{{0,8}}?(?:clinical\s+)?(?:trial|study)\b")
# ... or named after the trial word: "the trial, known as ACRONYM, met ...", "a phase 3 study called ACRONYM", "the
# study (NCT...), which was dubbed Zeta", "the trial (called Zeta)", "a trial - dubbed Zeta -": after a naming verb
# any capitalised word is the name, in any case ("a study called Zeta"; a word in title case is otherwise too risky
# to take for a name), in quotes or not.
KNOWN_AS_RE = re.compile(rf"\b(?i:trial|study)(?:\s*\([^()]*\))?(?:\s*[,(—–]\s*|\s+-\s+|\s+)(?:(?i:which|that)\s+(?i:is|was)\s+)?"
                         r"(?i:(?:also\s+)?known\s+as|called|named|dubbed|nicknamed)\s+(?:the\s+)?[\"“']?"
                         rf"(?P<name>(?:{_NAME_WORD}|[A-Z][a-z]{{2,}})(?:[- ]?\d{{1,4}})?)\b(?!-)")
# ... or a long name in title case after the naming verb, its acronym in brackets ("a phase 3 study, known as Drug A and
# Drug B Randomized Trial Protocol for the Treatment of D (ACRONYM)"): the acronym, whether or not it spells the words.
KNOWN_AS_LONG_RE = re.compile(r"\b(?i:trial|study)\b(?:[^.;()]|\([^()]*\)){0,80}?"
                              r"(?i:(?:also\s+)?known\s+as|called|named|dubbed)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w-]*\s+(?:(?:of|in|for|and|the|with|to|on|versus|vs)\s+){0,2}){2,20}"
                              r"\((?P<name>[A-Z][A-Z0-9-]{2,})\)")
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
# ... or closing a title that is the trial's description, headed by the trial word: "A trial looking at A and B for
# advanced liver cancer (ACRONYM)", "The study of A in D (ACRONYM)", a registry's "Study of A in Subjects With D (HCC)
# Who ... (ACRONYM)" (the whole line: a name in prose needs its cue).
TRIAL_PHRASE_NAME_RE = re.compile(r"^(?:(?:an?|the)\s+(?:[\w-]+\s+){0,4}?|(?-i:(?=[A-Z]))(?:[\w-]+\s+){0,3}?)(?:trial|study)\b"
                                  r"(?:[^.;:()]|\([^()]*\)){0,160}?\((?P<name>(?!NCT\d)[A-Z][A-Z\d-]{3,})\)\s*$", re.IGNORECASE)
# ... and the acronym right after the trial word: "an open-label phase 3 trial (PELICAN)".
# ... or right after the trial word in prose, set off by commas or before the verb it is the subject of: "a phase 3
# clinical trial, ACRONYM, evaluating A", "the phase 3 trial ACRONYM showed" (the trial word in lower case or
# capitalised: a heading in capitals, "PHASE 3 TRIAL RESULTS", names nothing).
_NAMED_TRIAL_VERB = (r"(?:was|were|is|are|has|had|did|showed|shows|met|missed|demonstrated|evaluated|enrolled|compared|"
                     r"randomi[sz]ed|found|reported|included|investigated|tested|assessed|achieved|failed)\b")
# ... any verb in the present or past ("the pivotal trial ACRONYM defines"), or a preposition that goes on with the
# trial's noun phrase ("in the phase 3 trial ACRONYM against A", "the trial ACRONYM of A versus B").
_AFTER_NAMED_TRIAL = rf"(?:{_NAMED_TRIAL_VERB}|[a-z]{{3,}}(?:s|ed)\b|(?:against|versus|vs|comparing|of|in|with|for)\b)"
TRIAL_THEN_NAME_RE = re.compile(rf"\b(?:[Tt]rial|[Ss]tudy)(?=,\s+{_CAPS_NAME},|\s+{_CAPS_NAME}\s+{_AFTER_NAMED_TRIAL})"
                                rf",?\s+(?P<name>{_CAPS_NAME})")
AFTER_TRIAL_NAME_RE = re.compile(rf"\b(?i:trial|study)\s*\((?P<name>(?!NCT\d)(?:{_CAPS_NAME}(?=\))|[A-Z][A-Z\d-]{{3,}}))\)")
# ... and an acronym after its spelled-out name: "Sorafenib HCC Assessment Randomized Protocol (SHARP)".
SPELLED_RE = re.compile(r"(?P<words>(?:\b[A-Z][\w-]*\s+(?:(?:of|in|for|and|the|with)\s+)?){2,12})"
                        r"[(\[](?P<name>[A-Z]{3,}[A-Z\d-]*)[)\]]")  # (or in square brackets: "Protocol [SHARP]")
SPELLED_TRIAL_WORD = re.compile(r"\b(?:Trial|Study|Protocol|Randomi[sz]ed|Assessment)\b")
# A whole capital word ("KSCC" in "KSCC1902" is none), with its one-letter opening ("S-TRAC").
CAPS_RE = re.compile(rf"(?<![\w-])(?:(?:[A-Z]-)?[A-Z]{{4,}}|{_MIXED_NAME})(?!\w)")
NCT_RE = re.compile(r"\bNCT\d{8}\b")
# ... and the numbers of the other primary registries Asian trials are registered in: China's ("ChiCTR2100012345",
# "ChiCTR-IPR-17012345") and Japan's ("jRCT2031200123", "UMIN000012345"), each a trial's registry number as NCT's is.
OTHER_REGISTRY_RE = re.compile(r"\b(?:ChiCTR(?:-[A-Z]{2,4}-)?\d{8,10}|jRCT\d{10}|UMIN\d{9})\b")
# ... and any capitalised code right before its registry number in brackets: "JET-HCC [NCT...]", "AXON-7 (NCT...)",
# "Zorbanib-2003 (NCT...)" (a sponsor's study number).
REGISTERED_NAME_RE = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Z\d]{2,}(?:-[A-Z\d]{2,})*|[A-Z][a-z]{3,}-\d{3,4})\s*[(\[]\s*NCT\d{8}\b")
# A sponsor's study number: a drug's company code, an optional phase in Roman numerals or digits and the study's own
# number ("ABC-1234-III-310", "XY1003-305", "ABC-A317-301"); the code without the study number names the drug.
# A two-digit study number comes after a phase in Roman numerals ("ABCD-XY123-III-02"): read whole, not as
# the drug's code and a second name "III-02".
SPONSOR_STUDY_RE = re.compile(r"(?<![\w-])(?P<name>[A-Z]{1,5}-?[A-Z]{0,3}\d{2,6}"
                              r"(?:(?:-(?:IV|I{1,3}|[1-4])[ab]?)?-\d{3}|-(?:IV|I{1,3})[ab]?-\d{2}))(?![\w-])")
# ... or a sponsor's protocol number, two capitals and five digits, before the trial word: "the phase Ib GO30140 study".
PROTOCOL_NAME_RE = re.compile(rf"(?<![\w-])(?P<name>[A-Z]{{2}}\d{{5}})\s+{_DESIGN_WORDS}(?:clinical\s+)?(?i:trial|study)\b")
TRIAL_CUE = re.compile(r"\b(?:trials?|stud(?:y|ies)|phase|NCT\d+|randomi[sz]\w*)\b", re.IGNORECASE)
# What only a study is or does: "subgroup analysis of KEYNOTE-240", "KEYNOTE-240 investigated ...",
# "5-year follow-up from CheckMate 040", "cohort 2 of ...".  Read for full-shaped names only; a drug
# "showed" things too, so that verb is no cue.
STUDY_CONTEXT_CUE = re.compile(r"\b(?:analys[ie]s\s+(?:of|from)|follow-?up\s+(?:of|from)|(?:results|data)\s+(?:of|from)|"
                               # "outcomes were assessed in NAME", "A was evaluated in NAME"
                               r"(?:assessed|evaluated|investigated|examined|studied|tested)\s+in(?:\s+the)?|"
                               # "Median PFS in NAME was ...": an endpoint measured in it
                               r"(?:survival|OS|PFS|TTP|ORR|DCR|response\s+rate)\s+(?:\([A-Z]{2,4}\)\s+)?in(?:\s+the)?|"
                               r"cohorts?\s+\w+\s+of)\s+$|^\s+(?:investigated|evaluated|enrolled|assessed|randomi[sz]ed|"
                               r"compared|(?:did|does)\s+not\s+meet|"
                               r"(?:investigators|study\s+group|collaborative\s+group|trial\s+group)\b)", re.IGNORECASE)
COMPARISON_CUE = re.compile(r"\b(?:versus|vs\.?|v\.|compar(?:ed|ing|es)|randomi[sz]\w*|randomly)\b", re.IGNORECASE)
PHASE_RE = re.compile(r"\bphase\s*(?P<a>III|II|I|IV|[1-4])(?P<sub>[ab])?(?:\s*[/-]\s*(?:phase\s*)?(?P<b>III|II|I|IV|[1-4]))?\b",
                      re.IGNORECASE)
# "A/B", "A (B)", "A, (NCT...)" (a stray comma), "A, also known as B", "A (ClinicalTrials.gov identifier: NCT...)".
# ... and "A ClinicalTrials.gov number, NCT..." (a journal's funding line names the trial so).
ALIAS_GLUE = re.compile(r"^\s*(?:(?:trial|study)\s*)?(?:/|,?\s*[(\[](?:\s*ClinicalTrials\.gov(?:\s+(?:identifier|number|ID))?\s*[:,]?)?"
                        r"|,\s*(?:also known as|or)\s|ClinicalTrials\.gov\s+(?:identifier|number|ID)\s*[:,]?)\s*$", re.IGNORECASE)

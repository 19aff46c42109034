"""Cue words of approval statements: the approval verb, regulatory steps that are not
approvals, refusals and the kind of approval (the phrases that name a line of therapy are :mod:`.approval_lines`).

Only cue words live here (vocabulary of English); which drug was approved for what is read
from the text by :mod:`approvals`.
"""

from __future__ import annotations

import re

from .approval_lines import FIRST_LINE, NO_PRIOR_SYSTEMIC, SECOND_LINE, masked
from .epistemics import MONTH_PREPOSITIONS, NOT_HEDGE, reading

# The approval verb or noun, and the names some regulators give their approval (Health Canada's Notice
# of Compliance, the NMPA's registration certificate) and news-style "nod" / "green light" / "go-ahead" /
# "blessing" / "OK'd" / "greenlit" / "signed off on" / "clears X for" (a regulator "gave its blessing for X",
# "won a full FDA go-ahead"), and a label's "is indicated for".
# A label change is an approval of the new indication: "expanded the indication of X to include HCC",
# "extended the label for X to HCC", "granted an extension of indication for X", "a label update".
APPROVAL_CUE = re.compile(r"\b(?:approv\w*|authori[sz]\w*|notices? of compliance|registration certificates?|"
                          r"green[- ]?light(?:s|ed)?|green[- ]?lit|nods?|go-ahead|OK'?(?:e)?d|okayed|"
                          r"sign(?:s|ed|ing)?\s+off\s+on|rubber[- ]?stamp(?:s|ed|ing)?|thumbs[- ]up|"
                          # "China clears X for frontline HCC" (a drug cleared FOR a use; not "cleared the way")
                          r"clear(?:s|ed)(?!\s+the\s+way)(?=\s+(?:[\w'.-]+\s+){0,5}?for\b)|"
                          # a regulator's "blessing" is given or won ("gave its blessing for X"), not "a mixed blessing"
                          r"(?:g[ai]ve[sn]?|giving|receiv\w*|w[io]ns?|obtain\w*)\s+(?:[\w.'-]+\s+){0,3}?blessing|"
                          # a new indication received or granted is an approval of it: "X received a new indication from
                          # the FDA for D", "X gains an additional indication in Europe"
                          r"(?:receiv|gain|w[io]n|obtain|secur|earn|grant)\w*\s+(?:[\w.'-]+\s+){0,3}?(?:new|additional|further)\s+"
                          r"indications?|"
                          # a licence granted or received: "the MHRA has granted a licence to X for D"
                          r"(?:grant|receiv|gain|award|issu|obtain)\w*\s+(?:[\w.'-]+\s+){0,3}?licen[cs]es?\b|"
                          # Australia's register: "the TGA registered X for D", "X was registered on the ARTG for D"
                          r"(?:(?<=\bTGA\s)|(?<=Administration\s))registered|registered\s+(?:on|in)\s+the\s+(?:ARTG|"
                          r"Australian\s+Register)|"
                          r"(?:expand|extend|broaden|widen)(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+(?:'s)?\s+){0,2}?"
                          r"(?:indications?|label(?:l?ing)?s?)|(?:extension|expansion)s?\s+of\s+(?:the\s+|its\s+)?"
                          r"(?:[\w-]+\s+)?(?:indications?|labels?)|label\s+(?:expansions?|extensions?|updates?)|"
                          # a label's indication is what the drug is approved for: "X is indicated for the treatment of
                          # D", "Indicated for D" (a monograph's entry); "also indicated for use alone ... to treat D";
                          # "is indicated, in combination with B, for D"
                          r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\balso\s)|(?<=\bnow\s)|(?<=^)|(?<=\.\s))[Ii]ndicated"
                          r"(?=,?\s+(?:[^.;:]{0,80}?\s)?(?:for|to\s+treat)\s))\b",
                          re.IGNORECASE)
# Health-technology assessment bodies: they recommend paying for a licensed drug; they license none.
HTA_BODY = (r"(?-i:NICE)|National\s+Institute\s+for\s+Health\s+and\s+Care\s+Excellence|Scottish\s+Medicines\s+Consortium|"
            r"(?-i:SMC|CADTH|pCODR|G-BA|IQWiG|PBAC|AWMSG)|Canada's\s+Drug\s+Agency|"
            r"Pharmaceutical\s+Benefits\s+Advisory\s+Committee")
# Regulatory steps short of an approval: the statement is not (yet) an approval.
STEP_CUE = re.compile(
    r"\b(?:accept(?:ed|s|ing|ance)|priority review|under review|(?:re)?submi(?:t|ts|tted|tting|ssion)|"
    r"filed|filing|appl(?:y|ies|ied|ying)\s+for|"
    # "applied to the ministry (MHLW) for marketing approval of X": asked of a regulator, not granted
    r"appl(?:y|ies|ied|ying)\s+to\s+[^.;]{1,80}?\s+for\s+(?:[\w-]+\s+){0,3}?(?:approval|authori[sz]ation|licen[cs]e)|"
    r"s?BLA|s?NDA|MAA|IND|Investigational New Drug|breakthrough therapy|orphan drug|"
    # the application spelled out, and its validation: "validated the marketing authorisation application"
    r"(?:new drug|biologics? licen[cs]e|marketing authori[sz]ation|supplemental)\s+(?:\w+\s+)?applications?|"
    r"applications?\s+for\s+(?:\w+\s+)?(?:marketing\s+)?(?:approval|authori[sz]ation|licen[cs]e)|valid(?:ated|ates|ation)|"
    # an application to extend a licence, and approval sought: "the application ... to extend the marketing
    # authorisation of X", "applied to expand the label", "now seeks approval for X"
    r"applications?\s+(?:[^;]{0,80}?\s)?to\s+(?:extend|expand|broaden|widen)\b|appl(?:y|ies|ied|ying)\s+to\s+(?:extend|expand)\b|"
    r"(?:seek(?:s|ing)?|sought)\s+(?:[\w-]+\s+){0,3}?(?:approval|authori[sz]ation|licen[cs]e)\b|"
    r"fast[- ]track|designations?|designated|recommend(?:s|ing|ation)?|"
    r"recommended (?:by|for|approval|granting|that)|positive opinion|"
    # "recommended an extension of indication", "recommended the approval of X"
    r"recommended\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:extensions?|expansions?|approval|authori[sz]ation|"
    r"changes?|variations?|indications?)|"
    # a go-ahead or green light to test the drug is no approval: "the go-ahead for a phase 3 trial of X",
    # "the green light to start testing X"
    r"(?:go-ahead|green[- ]?light|blessing|nod|clear(?:s|ed)|thumbs[- ]up)\s+(?:(?:for|to)\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:trials?|stud(?:y|ies)|testing)|"
    r"(?:go-ahead|green[- ]?light|blessing|nod)\s+to\s+"
    r"(?:start|begin|initiate|launch|conduct|run|test|proceed|enrol)|"
    # paying for a drug, not licensing it: "approved the inclusion of X in the NHI system", "approved funding for X"
    r"approv\w*\s+(?:of\s+)?(?:the\s+)?(?:inclusion|listing|addition|funding|coverage|reimbursement)\b|"
    # a study approved, not a drug: "approved the phase 3 trial protocol of X", "approval of the study
    # protocol", "the study of X was approved by the ethics committee", "approved ... to proceed to phase 3"
    r"approv\w*\s+(?:of\s+)?(?:the|a|an|its|their)\s+"
    r"(?:(?!(?:based|basis|on|after|following|from|in|with)\b)[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|protocols?)\b|"
    r"(?:trials?|stud(?:y|ies)|protocols?)\s+(?:of|for|in)\s+(?:[\w-]+\s+){0,5}?(?:was|were|has been|had been)\s+approved|"
    # leave to run a study is no approval of its drugs: "approval from the agency to commence a phase 2 study of X",
    # "authorisation to initiate a trial", "clinical trial approval", "the clinical trial application for X"
    r"(?:approv\w*|authori[sz]\w*|clearance|permission|consent)\s+(?:[^.;]{0,80}?\s)?to\s+"
    r"(?:start|begin|commence|initiate|launch|conduct|run|carry\s+out|proceed\s+with|test)\b|"
    r"clinical\s+(?:trials?|stud(?:y|ies))\s+(?:approvals?|applications?|authori[sz]ations?|permits?)|"
    r"ethics\s+committees?|institutional\s+review\s+boards?|review\s+boards?|IRBs?|"
    # a notice that a filing qualifies for a conditional pathway ("the submission qualifies to be considered
    # for authorisation", a "Qualifying Notice") asks for more before any authorisation
    r"qualifying\s+notices?|qualif(?:y|ies|ied)\s+(?:to\s+be\s+considered|for\s+(?:[\w/-]+\s+){0,3}?"
    r"(?:approval|authori[sz]ation|review|consideration))|"
    r"to\s+(?:proceed|advance|move)\s+(?:to|into)\s+(?:a\s+)?phase|"
    # a health-technology assessor's "approval" is a recommendation to pay for the drug, not a licence:
    # "receives NICE approval", "approved by the Scottish Medicines Consortium"
    rf"(?:{HTA_BODY})(?:'s)?\s+(?:[\w-]+\s+)?(?:approv\w*|backing|nod|endorsement|go-ahead)|"
    rf"approv\w*\s+(?:[\w-]+\s+){{0,3}}?(?:by|from)\s+(?:the\s+)?(?:{HTA_BODY}))\b",
    re.IGNORECASE)
# A disease head noun the vocabulary may not know: then the indication is not ours to default.
# ... also written as one word with its tissue: "adenocarcinoma", "mesothelioma", "glioblastoma", "neuroblastoma".
DISEASE_NOUN = re.compile(r"\b(?:cancers?|\w*carcinomas?|\w*lymphomas?|leuk(?:a)?emias?|myelomas?|melanomas?|"
                          r"\w*sarcomas?|\w*blastomas?|mesotheliomas?|\w*gliomas?|tumou?rs?|neoplasms?|malignanc\w+|"
                          # "approvals of X for other indications": a disease, unnamed and not the document's
                          r"(?<=other\s)(?:indications?|diseases?|uses?))\b",
                          re.IGNORECASE)
# "explains Health Canada's decision", "the decision of the EMA": the document reports this regulator's decision.
DECISION_AFTER = re.compile(r"^(?:'|’)s?\s+(?:(?:final|regulatory|review)\s+)?(?:decision|conclusion|assessment)\b", re.IGNORECASE)
DECISION_BEFORE = re.compile(r"\b(?:decision|conclusion|assessment)\s+(?:of|by|from)\s+(?:the\s+)?$", re.IGNORECASE)
# Prospective or tentative wording around an approval; asking for one is not having it ("sought FDA approval
# for X", "requested approval of X").
PROSPECTIVE = re.compile(
    r"\b(?:will|would|could|may|might|should|expected|anticipated|pending|planned|plans? to|seek\w*|sought|"
    r"request(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}?(?:approval|authori[sz]ation)|"
    r"intend\w*|potential(?:ly)?|nearing|being developed|under development|in development|"
    # "designed ... in order to expand the indications of X": the purpose of a study, not an approval
    r"in\s+order\s+to|so\s+as\s+to|aim(?:s|ed)?\s+to|designed\s+to|"
    # "if approved by the Commission, X will ...", "once authorised", "subject to approval": a condition, not an event
    # ... but "until/once X was approved" tells when it happened
    r"(?:if|unless|whether)\s+(?:[\w-]+\s+){0,2}?(?:approved|authori[sz]ed)|"
    r"(?:once|until)\s+(?:(?!(?:was|were|had)\b)[\w-]+\s+){0,2}?(?:approved|authori[sz]ed)|"
    r"subject\s+to\s+(?:[\w-]+\s+){0,2}?(?:approval|authori[sz]ation)|"
    # "advancing X toward regulatory approval": on the way to one
    r"towards?\s+(?:[\w-]+\s+){0,2}?(?:approval|authori[sz]ation)|"
    # "before any approval decision", "ahead of its approval", "awaiting authorisation"
    r"(?:before|ahead of|prior to|awaiting)\s+(?:any\s+|its\s+|an?\s+|the\s+)?(?:[\w-]+\s+)?(?:approval|authori[sz]ation)|"
    # "the deadline for a final decision on the drug's approval", "a ruling on its authorisation": still to come
    r"(?:decision|deadline|verdict|ruling|date)\s+(?:on|for|regarding|about)\s+(?:[\w'’-]+\s+){0,4}?(?:approval|authori[sz]ation))\b",
    re.IGNORECASE)
REFUSAL = re.compile(
    r"\b(?:not|never|no longer)\s+(?:yet\s+|been\s+|be\s+)*(?:(?-i:[A-Z]{2,5})[\s-]+)?(?:approv|authori[sz]|grant)\w*|"
    r"\b(?:declin\w*|reject\w*|refus\w*|withdr[ae]w\w*|revok\w*|revers(?:ed|al|es)|rescind\w*|"
    r"complete response letter)\b|"
    r"\blos(?:es|t|ing|e)\s+(?:its\s+|the\s+|an?\s+|\w+'s\s+)?(?:[\w-]+\s+){0,2}(?:approval|indication|authori[sz]ation)|"
    r"\bfail\w* to (?:gain|win|receive|obtain|secure|maintain|keep|retain)\b|\bnon-?approv\w*", re.IGNORECASE)
KIND_CUES = (("accelerated", re.compile(r"\baccelerated\b", re.IGNORECASE)),
             ("conditional", re.compile(r"\bconditional(?:ly)?\b|\bwith conditions\b|\bNOC/c\b", re.IGNORECASE)),
             ("full", re.compile(r"\b(?:marketing authori[sz]ation|(?:full|regular)(?:\s+[A-Z]\w*)?\s+approval)\b",
                                 re.IGNORECASE)))
# A kind of approval the drug had before this one: "full approval, converting its earlier accelerated approval", "the
# conditional approval was converted to a regular one".
SUPERSEDED_KIND = re.compile(r"\b(?:earlier|previous|prior|initial|original|former)\s+(?:accelerated|conditional)\b|"
                             r"\bconvert\w*\s+(?:(?:its|the|an?|their)\s+)?(?:[\w-]+\s+){0,2}?(?:accelerated|conditional)\b|"
                             r"\b(?:accelerated|conditional)\s+(?:approval|authori[sz]ation)\s+(?:was|has\s+been|is)\s+"
                             r"(?:now\s+)?converted\b", re.IGNORECASE)
MONOTHERAPY = re.compile(r"\b(?:as (?:a )?single[- ]agent|monotherapy)\b", re.IGNORECASE)
COMBINATION = re.compile(r"\b(?:in combination with|combination therapy)\b", re.IGNORECASE)
# "liver cancer that can't be surgically removed": a negation describing the disease, not the statement.
DISEASE_DESCRIPTION = re.compile(r"\b(?:can ?not|can't|cannot|could not|couldn't)\s+be\s+(?:\w+ly\s+)?"
                                 r"(?:removed|resected|operated(?: on)?|cured|treated (?:surgically|locally))\b",
                                 re.IGNORECASE)
# "approved the supplemental New Drug Application (sNDA)": the filing approved is no pending step.
# ... but an approved clinical trial application lets a study start, no drug be marketed.
APPROVED_FILING = re.compile(r"(?<=approved )(?:the|a|an|its|their)\s+(?!(?:[\w-]+\s+){0,3}?clinical\s+(?:trials?|stud(?:y|ies))\s)(?:[\w-]+\s+){0,4}?"
                             r"(?:applications?|s?NDAs?|s?BLAs?|MAAs?)\b(?:\s*\([^)]*\))?", re.IGNORECASE)
# "approved as a possible first-line treatment": the adjective says what the drug is for, not that the
# approval is uncertain.
APPROVED_AS_OPTION = re.compile(r"\bas\s+an?\s+(?:possible|potential)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:treatments?|therap(?:y|ies)|options?|alternatives?|choices?)\b", re.IGNORECASE)
# "tablets intended for patients with D who ...": the product's indication, as labels word it, not an intention.
INTENDED_USE = re.compile(r"\bintended\s+for\s+(?:use\s+(?:in|by)\s+|the\s+treatment\s+of\s+)?(?:adult\s+)?"
                          r"(?:patients|adults|people|children|the\s+treatment)\b", re.IGNORECASE)
# A month next to a number or after a preposition: "May 2020", "29 May", "in May" are dates, not the verb "may".
DATE_TEXT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,4}\b|"
                       r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
                       rf"\b(?i:{'|'.join(re.escape(w) for w in MONTH_PREPOSITIONS)})\s*May\b(?!\.?\s+\d)")  # ("In May, ...")


def approval_kind(text: str) -> str | None:
    """ "accelerated", "conditional" or "full" (a marketing authorisation), as the text says.

    >>> approval_kind("granted a conditional marketing authorisation"), approval_kind("approved")
    ('conditional', None)
    >>> approval_kind("granted full approval, converting its earlier accelerated approval")
    'full'
    """
    text = SUPERSEDED_KIND.sub(" ", text)
    return next((name for name, cue in KIND_CUES if cue.search(text)), None)


def attributive(text: str, cue_start: int) -> bool:
    """Is the cue a hyphenated adjective ("FDA-approved options")?"""
    return cue_start > 0 and text[cue_start - 1] == "-"


def status(text: str, cue: tuple[int, int]) -> tuple[str, str]:
    """(polarity, certainty) of the approval statement whose cue lies at ``cue`` in clause ``text``:
    this module's regulatory-step and refusal cues, and the shared negation/hedge reading.

    >>> status("X was approved by the agency", (6, 14))
    ('positive', 'asserted')
    >>> status("the agency accepted the sBLA for X", (11, 19))[1]
    'hedged'
    >>> status("X was not approved", (10, 18))[0], status("Not yet FDA approved for general use", (12, 20))[0]
    ('negative', 'negative')
    >>> status("approved in May 2020 for patients with no prior systemic therapy", (0, 8))
    ('positive', 'asserted')
    """
    # "... might improve X, a kinase inhibitor approved as second-line therapy": the appositive's participle is
    # its own statement, under none of the main clause's words
    start, end = appositive_span(text, cue)
    plain = masked(text, FIRST_LINE, NO_PRIOR_SYSTEMIC, SECOND_LINE, DATE_TEXT, DISEASE_DESCRIPTION, APPROVED_FILING,
                   APPROVED_AS_OPTION, INTENDED_USE)[start:end]
    polarity = "negative" if REFUSAL.search(plain) else "positive"
    certainty = "hedged" if STEP_CUE.search(plain) or PROSPECTIVE.search(NOT_HEDGE.sub(" ", plain)) else "asserted"
    # "the FDA-approved options of X": an attributive approval is presupposed; the clause's
    # verb ("it appears to beat ...") does not hedge it.
    if not attributive(text, cue[0]):
        shared = reading(plain, cue[0] - start, cue[1] - start)
        polarity = "negative" if "negative" in (polarity, shared[0]) else polarity
        certainty = "hedged" if "hedged" in (certainty, shared[1]) else certainty
    return polarity, certainty


# The verbs that predicate a class of the subject: "X is / remains / represents the only approved ...".
COPULA = r"(?:is|are|was|were|remains?|became|has become|represent(?:s|ed|ing)?|constitut(?:es|ed|ing))"
# "X is the only approved first-line treatment", "Y remains an approved option": the approved class is
# predicated of the subject, so the subject is approved (no agency named: none is guessed).
# ... also in the plural, with no article: "A and B are approved second-line therapies for D".
APPROVED_PREDICATE = re.compile(rf"\b{COPULA}\s+(?:also\s+|now\s+|still\s+)?"
                                r"(?:(?:an?|the)\s+(?:(?:only|sole|first|single)\s+)?|(?<=are\s)|(?<=were\s)|(?<=remain\s)|"
                                r"(?<=both\s))$", re.IGNORECASE)


# "X (ABBR), the first approved TKI for HCC, ...": the same class said of the drug in apposition.
APPOSED_CLASS = r",\s*(?:(?:also|now|still)\s+)?(?:an?|the)\s+(?:(?:only|sole|first|single)\s+)?$"
APPROVED_APPOSITIVE = re.compile(rf"(?<=[\w)®™])\s*{APPOSED_CLASS}", re.IGNORECASE)
# ... or the participle after such a phrase's class noun: "X, a multi-kinase inhibitor approved as first-line therapy for D"
APPOSED_NOUN_PHRASE = (r",\s*(?:(?:also|now|still)\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                       r"(?:agent|drug|therapy|treatment|option|medicine|inhibitor|antibody|blocker|antagonist|TKI|MKI|mAb|"
                       r"regimen|combination)\s+$")
APPROVED_AFTER_APPOSITIVE = re.compile(rf"(?<=[\w)®™])\s*{APPOSED_NOUN_PHRASE}", re.IGNORECASE)
PARTICIPLE_USE = re.compile(r"\s+(?:as|for|in|to\s+treat)\b", re.IGNORECASE)


def predicated(text: str, cue_start: int) -> bool:
    """Is the cue "approved" before a noun said of the subject before it ("X is the only approved ...",
    "X, the first approved TKI for D")?

    >>> predicated("X is the only approved first-line option", 14), predicated("the approved options", 4)
    (True, False)
    >>> predicated("Y beat X, the first approved drug", 20)
    True
    """
    return APPROVED_PREDICATE.search(text[:cue_start]) is not None or apposed(text, cue_start)


def apposed(text: str, cue_start: int) -> bool:
    """Is the cue "approved" before a class noun, in a noun phrase set off after a name ("X, the first
    approved drug for D"; not "..., the approval of X")?

    >>> apposed("Y beat X, the first approved TKI", 20), apposed("In May, the approval of X", 12)
    (True, False)
    """
    return _approved_between(text, cue_start, APPROVED_APPOSITIVE, APPROVED_BEFORE_NOUN)


def apposed_participle(text: str, cue_start: int) -> bool:
    """Is the cue "approved" a participle after the class noun of such a phrase ("A with X, a kinase inhibitor
    approved as first-line therapy")?  (Whether a name stands before the comma is the caller's to check.)

    >>> apposed_participle("A with X, a kinase inhibitor approved as first-line therapy", 29)
    True
    >>> apposed_participle("X, the drug was approved for D", 16), apposed_participle("Y beat X, the first approved TKI", 20)
    (False, False)
    """
    return _approved_between(text, cue_start, APPROVED_AFTER_APPOSITIVE, PARTICIPLE_USE)


# Where an appositive's participle phrase ends: its closing comma, or a second predicate joined to it ("approved as
# second-line therapy and now under study as first-line therapy": the study is no hedge on the approval).
APPOSITIVE_END = re.compile(r",|\s+and\s+(?=(?:is\s+|are\s+)?(?:now|currently|also|still|being|under)\b)", re.IGNORECASE)


def appositive_span(text: str, cue: tuple[int, int]) -> tuple[int, int]:
    """The span of the appositive whose participle the cue is (its comma to its end), else the whole clause."""
    if not apposed_participle(text, cue[0]):
        return 0, len(text)
    ends = APPOSITIVE_END.search(text, cue[1])
    return APPROVED_AFTER_APPOSITIVE.search(text[:cue[0]]).start(), ends.start() if ends else len(text)


def _approved_between(text: str, cue_start: int, before: re.Pattern, after: re.Pattern) -> bool:
    """Is the cue the word "approved", with ``before`` ending right before it and ``after`` matching right after?"""
    end = cue_start + len("approved")
    return text[cue_start:end].lower() == "approved" and after.match(text, end) is not None \
        and before.search(text[:cue_start]) is not None


# "approved agents such as X", "the first approved systemic therapy": "approved" before its noun names a class.
APPROVED_BEFORE_NOUN = re.compile(r"\s+(?:(?!(?:as|for|in|by|to|with|on|at|since|under|after|and|or)\b)[\w-]+\s+){0,2}"
                                  r"(?:agents?|drugs?|therap(?:y|ies)|treatments?|options?|medicines?|"
                                  r"regimens?|inhibitors?|antibod(?:y|ies)|indications?|products?|"
                                  # a class by its abbreviation: "the first approved TKI for HCC"
                                  r"(?-i:TKIs?|ICIs?|mAbs?))\b", re.IGNORECASE)


def unstated_agency(text: str, cue: re.Match, agent_starts: list[int], said_of_name: bool = False) -> tuple[None, ...]:
    """"X was approved in 2018 for HCC": an approval verb said of the agent, no agency anywhere.
    Not an attributive "approved" ("FDA-approved", "the approved agents"), which names a class,
    unless the class is said of a drug: predicated ("X is the only approved therapy") or the drug's
    name set right after the class noun ("the newly approved first-line drug X"; ``agent_starts``:
    where the clause's agents begin; ``said_of_name``: the class stands in apposition to a name before the clause).

    >>> named, plain = "the newly approved drug foonib was given", "the approved drugs were given"
    >>> unstated_agency(named, APPROVAL_CUE.search(named), [24]), unstated_agency(plain, APPROVAL_CUE.search(plain), [])
    ((None,), ())
    >>> after = "the only approved first-line therapy for HCC is foonib"
    >>> unstated_agency(after, APPROVAL_CUE.search(after), [48])
    (None,)
    """
    if not APPROVAL_CUE.match(text, cue.start()) or attributive(text, cue.start()):
        return ()
    noun = APPROVED_BEFORE_NOUN.match(text, cue.end()) if cue.group(0).lower() == "approved" else None
    if noun is None or predicated(text, cue.start()) or said_of_name:
        return (None,)
    first = min((at for at in agent_starts if at >= noun.end()), default=None)
    return (None,) if first is not None and (not text[noun.end():first].strip()
                                            or PREDICATE_AFTER.fullmatch(text, noun.end(), first)) else ()


# ... or the class first, the name after the verb: "the only approved first-line therapy for D is (the T inhibitor) X",
# "approved first-line agents for D include A and B".
PREDICATE_AFTER = re.compile(rf"(?:\s+(?:for|in)\s+[^,;.()]{{1,80}}?)?\s+(?:{COPULA}|include[sd]?|comprise[sd]?)\s+"
                             r"(?:the\s+)?(?:[\w-]+\s+){0,3}?", re.IGNORECASE)


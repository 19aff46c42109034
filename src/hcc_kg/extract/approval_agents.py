"""Who an approval statement is about: the agents of a sentence, a combination made one regimen,
each with its role (approved agent, prior therapy, comparator).

"A/B", "A plus B", "A with B", "the combination of A and B", "Brand (generic) in combination with
Brand (generic)", "A ... when used in combination with B", "A in combination with its drug B", "A, used
with B,", "A [aside] plus B [aside]" name ONE regimen; "previously treated with X", "after trying X", "when X has already been used", "post-X",
"X-intolerant" make X a prior therapy; "versus X" a comparator.  Only cue words and grammar shapes
live here; which drug is which comes from the text.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..keys import agent_key, is_regimen_key, regimen_components
from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_clauses import INDICATION_CONJUNCT
from .approval_lines import CANNOT_TOLERATE
from .comparators import VERDICT_IN_TO
from .sentences import COMBINATION_GLUE, COMBINATION_NOUN, COMBINATION_OF, DRUG, LIST_GLUE, _between, agents_in

# "treated with [the multikinase inhibitor] X", "after trying X": up to four plain words may stand between
# the cue and the drug, but never a preposition or an approval word (the chain would reach the approved drug).
_PLAIN_WORD = (r"(?:(?!(?:for|with|and|or|to|in|by|as|of|versus|vs|than|against|over|compar\w*|trials?|stud(?:y|ies)|"
               r"approv\w*|authori\w*|indicat\w*)\b)[\w-]+\s+)")
COMPARATOR_BEFORE = re.compile(r"(?:over|than|versus|vs\.?|against|compar\w*(?:\s+[^\s,;]+){0,3}\s+(?:with|to)|"
                               rf"superior to|inferior to|{VERDICT_IN_TO})\s+"  # ("superior OS and PFS to X")
                               # ... chosen by the investigator: "versus investigator's choice of X or Y"
                               r"(?:(?:the\s+)?(?:investigator|physician|clinician)['’]?s?['’]?\s+choice\s+of\s+)?"
                               # ... a class named before its drugs in brackets: "versus TKI monotherapy (X or Y)"
                               rf"(?:{_PLAIN_WORD}{{1,4}}\(\s*)?"
                               # ... its role named first: "compared with the standard of care, X" ("standard care — X")
                               r"(?:(?:the\s+)?(?:current\s+)?(?:standard(?:[\s-]+of[\s-]+care)?|standard\s+(?:care|treatment|therapy)|"
                               r"control(?:\s+(?:arm|drug))?|active\s+comparator|reference\s+(?:drug|treatment))\s*[,—–:]\s*)?"
                               # ... or its maker named first: "versus Acme's X"
                               r"(?:[A-Z][\w&.-]*['’]s\s+)?$",
                               re.IGNORECASE)
PRIOR_THERAPY_BEFORE = re.compile(r"(?:received|receiving|treated with|treated\s+(?:before|previously|earlier)\s+with|after|following|"
                                  r"(?:prior|previous|initial|earlier|first[- ]line)\s+(?:systemic\s+)?"
                                  r"(?:treatment|therapy) with|"
                                  r"progress\w* (?:on|after|during|with)|pretreated with|refractory to|resistant to|"
                                  # "whose tumours grew on X", "disease that worsened after X", "relapsed after X"
                                  r"(?:grew|grown|growing|worsen\w*|got worse|relaps\w*|recurr\w*|spread)\s+"
                                  r"(?:on|after|during|despite|following)|"
                                  r"intolerant (?:to|of)|failure (?:of|on)|failing|failed|responding to|response to|"
                                  # "who cannot tolerate X", "intolerance to X"
                                  rf"{CANNOT_TOLERATE}|intolerance\s+(?:to|of)|"
                                  # "who had X before", "who have had prior X", "previously given X", "prior X"
                                  r"who\s+(?:had|ha(?:ve|s)\s+had|were\s+given|had\s+been\s+given)|previously\s+given|"
                                  r"(?:prior|previous)(?!\s+to\b))"
                                  # "... stopped responding to a similar targeted therapy, X": a description in apposition
                                  r"\s+(?:(?:an?|the|another|their|its)\s+(?:[\w-]+\s+){0,3}(?:therapy|treatment|drug|agent|"
                                  r"medicine|inhibitor|TKI|antibody),\s+)?"
                                  rf"{_PLAIN_WORD}{{0,4}}"
                                  # ... the first of prefixes sharing one head word: "treated with A-, B- and C-based"
                                  r"(?:\w+-\s*,?\s+(?:(?:and|or)\s+)?){0,3}(?:[A-Z][\w&.-]*'s\s+)?$", re.IGNORECASE)
# "in the post-sorafenib setting", "post sorafenib HCC": the drug is the one given before.
PRIOR_PREFIX = re.compile(r"\bpost[-\s]?$", re.IGNORECASE)
PRIOR_THERAPY_AFTER = re.compile(r"^-?(?:experienced|resistant|refractory|pretreated|intolerant)|"
                                 r"^[\s)]*(?:has|have|had)\s+(?:already\s+|previously\s+)?been\s+"
                                 r"(?:used|given|administered|tried|received)", re.IGNORECASE)
# "who had not received X", "with no prior X": X was not given before, so it is neither an agent nor an earlier line.
NEVER_GIVEN_BEFORE = re.compile(r"\b(?:not|no|never|without)\s+(?:(?:yet|previously|prior|previous|received|receiving|"
                                r"been|had|treated|treatment|therapy|with|any)\s+){0,4}$", re.IGNORECASE)
SLASH_GLUE = re.compile(r"^\s*[/-]\s*$")  # "A/B", "A-B"
COMBINATION_AFTER = re.compile(rf"^\s*(?:,\s*)?(?:(?:as|in)\s+(?:an?\s+)?)?{COMBINATION_NOUN}\b", re.IGNORECASE)
# "X, a derivative of Y,": Y is named to say what X is, not as an agent of the statement.
REFERENCE_BEFORE = re.compile(r"\b(?:derivative|analog(?:ue)?|biosimilar|version|salt|metabolite|prodrug|isomer|"
                              r"enantiomer|successor)\s+of\s+(?:the\s+)?$|\b(?:unlike|like|in contrast to|similar to)\s+$|"
                              # "the first drug since X to be approved": X marks the time ("since X was approved" is X's)
                              r"\bsince\s+$", re.IGNORECASE)
WITH_GLUE = re.compile(r"^\s+(?:together\s+)?with\s+$", re.IGNORECASE)
# "A, used with B, as first-line treatment": a use with B set off by commas names one regimen.
USED_WITH_GLUE = re.compile(r"^[\s),]*(?:when\s+)?(?:used|given|administered|taken)\s+(?:together\s+)?with\s*$",
                            re.IGNORECASE)
COMPARED_BEFORE = re.compile(r"\bcompar\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
# "A (a), a VEGF inhibitor, and B", "the combination of A, an immunotherapy drug, with B": an apposition describing A
# does not part it from B.
APPOSITIVE = re.compile(r"^\s*\)?\s*,\s+(?:an?|the)\s+(?:[^,;()]|\([^)]*\))*,(?=\s*(?:and|with|plus)\s+$)")
# "Tecentriq (atezolizumab)": a brand and its generic are one agent named twice; so is a labelled aside
# naming it again ("Brand® (trade name: Brand®, generic name: drug)").
# ... also after a few words describing it: "its A PD-1 inhibitor (Brand)".
_DESCRIBING_WORD = r"(?!alone\b|monotherapy\b|or\b|and\b|plus\b|with\b)(?:[\w–-]+|\([\w –-]{1,12}\))"
BRACKET_REPEAT = re.compile(rf"^[®™]?\s*(?:(?:{_DESCRIBING_WORD}\s+){{0,6}}[(\[]\s*(?:[\w -]{{1,30}}:\s*)?|"
                            r"[,;]\s*[\w -]{1,30}:\s*)$")
# "X ... when used in combination with Y": the partner joins the approved agent however far apart.
DISTANT_PARTNER = re.compile(r"\b(?:in combination with|combined with)"
                             r"(?:\s+(?:another|an?|the)\s+[^,;()]{0,60},)?\s*$", re.IGNORECASE)
# "A in combination with its drug B", "A plus the anti-VEGF antibody B", "A combined with Roche's B": the
# partner introduced by a determiner and up to four describing words is still A's partner.
# ... or by a bare class noun phrase: "A in combination with anti-PD-L1 antibody B", "A plus PD-1 inhibitor B".
DESCRIBED_PARTNER = re.compile(r"^[\s),]*(?:(?:for use|when used|used|given|administered)\s+)?"
                               r"(?:\+|plus|combined with|in combination with|together with)\s+"
                               rf"(?:(?:its|their|his|her|the|an?|[A-Z][\w&.-]*'s)\s+{_PLAIN_WORD}{{0,4}}|"
                               rf"{_PLAIN_WORD}{{0,3}}(?:antibody|inhibitor|blocker|TKI|immunotherapy|drug|agent|"
                               r"medicine)\s+)$",
                               re.IGNORECASE)
# "a priming dose of A added to B", "A given as an add-on to B": A joins B's regimen.
ADDED_TO = re.compile(r"^[\s),]*(?:(?:is|was|were|being|when)\s+)?"
                      r"(?:added(?:\s+on)?\s+to|(?:given\s+)?as\s+an?\s+add-on\s+to)\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
# "A, alone or in combination with B, is approved": two agents, A by itself and A with B (never B alone).
ALONE_OR_WITH = re.compile(r"^[\s,]*(?:either\s+)?(?:alone|by itself|as (?:a\s+)?(?:monotherapy|single[- ]agent))\s+"
                           r"or\s+(?:in combination with|combined with|with|plus)\s+$", re.IGNORECASE)
NOT_ONE_REGIMEN = re.compile(r";|\b(?:versus|vs|compared|than|alone|monotherapy|after|following|previously)\b|"
                             r"\bor\s+(?:in combination|combined)\b", re.IGNORECASE)
# "A is approved for D1 and, in combination with B, for D2", "A for D1 and for D2 in combination with B": B joins
# A for D2 only (approval_clauses cuts the sentence there).
COORDINATED_INDICATION = re.compile(INDICATION_CONJUNCT, re.IGNORECASE)


# "after X was approved", "following X's ... approval": X is the subject of the clause "after" opens, not a prior therapy.
APPROVED_SUBJECT_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:was|were|is|has been|had been)\s+(?:\w+\s+)?"
                                    r"(?:approv|authori[sz]|licens|granted)|(?:received|gained|won|obtained)\s+(?:\w+\s+){0,2}"
                                    r"(?:approval|authori[sz]ation))", re.IGNORECASE)


# "patients treated with X experienced a 22% reduction ...": X is a trial arm's treatment, not a prior therapy.
ARM_TREATED_BEFORE = re.compile(r"\b(?:patients|participants|those|people)\s+(?:who\s+were\s+)?treated\s+with\s+$", re.IGNORECASE)
ARM_RESULT_AFTER = re.compile(r"^[\s)]*(?:experienced|had|showed|achieved|lived|survived|saw|derived|gained)\b", re.IGNORECASE)


def _role(sent: AnalysedSentence, group: tuple[Mention, ...]) -> str:
    """"prior" (treated with X, X-experienced), "arm" (patients treated with X experienced ...), "reference"
    (a derivative of X, unlike X), "comparator" (versus X), or "agent"."""
    start, end = sent.local(group[0])[0], sent.local(group[-1])[1]
    before = sent.text[max(0, start - 80):start]
    if APPROVED_SUBJECT_AFTER.match(sent.text[end:end + 80]):
        return "agent"
    if ARM_TREATED_BEFORE.search(before) and ARM_RESULT_AFTER.match(sent.text[end:end + 40]):
        return "arm"
    if NEVER_GIVEN_BEFORE.search(before):
        return "reference"
    if PRIOR_THERAPY_BEFORE.search(before) or PRIOR_PREFIX.search(before) or PRIOR_THERAPY_AFTER.match(sent.text[end:end + 40]):
        return "prior"
    if REFERENCE_BEFORE.search(before):
        return "reference"
    return "comparator" if COMPARATOR_BEFORE.search(before) else "agent"


def _joined(sent: AnalysedSentence, left: tuple[Mention, ...], right: tuple[Mention, ...],
            known: frozenset[str] = frozenset()) -> bool:
    """Do two adjacent agents name one combination: "A/B", "A with B", "the combination of A and B",
    "the A and B combination", "A ... in combination with B"?"""
    gap = _core(APPOSITIVE.sub("", _between(sent, left[-1], right[0]), count=1))
    start, end = sent.local(left[0])[0], sent.local(right[-1])[1]
    before, after = sent.text[max(0, start - 30):start], sent.text[end:end + 20]
    if SLASH_GLUE.match(gap) or COMBINATION_GLUE.match(gap) or DESCRIBED_PARTNER.match(gap) or ADDED_TO.match(gap) \
            or USED_WITH_GLUE.match(gap):
        return True
    if WITH_GLUE.match(gap):
        return not COMPARED_BEFORE.search(before)
    if DISTANT_PARTNER.search(gap) and len(gap) < 160 and not NOT_ONE_REGIMEN.search(gap) \
            and not _coordinated_between(sent, left, right):
        return True
    if gap.strip().lower() == "and" and agent_key(m.key for m in left + right) in known \
            and not re.match(r"\s*,\s+(?:an?|the)\s", after):
        # "A and B" where the document names A with B as one combination (not "A, a TKI, and B, an antibody,":
        # each described on its own, two agents)
        return True
    if gap.strip() == ",":  # "the A, B combo": a comma joins only when the combination noun follows
        return bool(re.match(rf"\s*{COMBINATION_NOUN}\b", after, re.IGNORECASE))
    return gap.strip().lower() == "and" and bool(COMBINATION_OF.search(before) or COMBINATION_AFTER.match(after))


def _coordinated_between(sent: AnalysedSentence, left: tuple[Mention, ...], right: tuple[Mention, ...]) -> bool:
    """Does a second indication with its own regimen begin between two agents ("A for D1 and, in combination
    with B, for D2")?  Read on the words between them and those after (the cue looks ahead to its "for")."""
    start, end = sent.local(left[-1])[1], sent.local(right[0])[0]
    found = COORDINATED_INDICATION.search(sent.text[start:end + 120])
    return found is not None and found.start() < end - start


def _core(gap: str) -> str:
    """The words between two agents without the rest of a bracket the left one opened ("sintilimab
    injection) plus"), without an aside in brackets ("(Brand; Company)") and without a brand the
    vocabulary does not know before the right one's generic ("plus BYVASDA (bevacizumab"): what
    joins the two agents.

    >>> _core(" injection) in combination with BYVASDA (")
    ' in combination with '
    >>> _core(" (Brandix; Acme) tablets, in combination with ")
    ' tablets, in combination with '
    >>> _core(" [anti-T ligand (anti-TL)] plus ")
    ' plus '
    """
    gap = re.sub(r"^[^()]*\)", "", gap)
    gap = re.sub(r"\s*\([^()]*\)", "", gap)  # an aside no agent is named in: "A (Brand; Company) tablets, with B"
    gap = re.sub(r"\s*\[[^\[\]]*\]", "", gap)  # a square-bracketed aside: "A [anti-PD-L1] plus B"
    return re.sub(r"(?:\s+[A-Z][A-Za-z0-9-]*[®™]?)?\s*\(\s*$", " ", gap)


def _aside_repeat(sent: AnalysedSentence, left: tuple[Mention, ...], right: tuple[Mention, ...]) -> bool:
    """Does ``right`` lie inside the span of the regimen ``left``, naming only its drugs again?"""
    return sent.local(left[0])[0] < sent.local(right[0])[0] and sent.local(right[-1])[1] <= sent.local(left[-1])[1] \
        and {m.key for m in right} <= {m.key for m in left}


def _repeats(sent: AnalysedSentence, left: tuple[Mention, ...], right: tuple[Mention, ...]) -> bool:
    """Does ``right`` open with the agent ``left`` ends with, in brackets ("Tecentriq (atezolizumab)")?"""
    return left[-1].key == right[0].key and bool(BRACKET_REPEAT.match(_between(sent, left[-1], right[0])))


def combined(doc: AnalysedDocument, sent: AnalysedSentence,
              known: frozenset[str] = frozenset()) -> list[tuple[str, tuple[Mention, ...]]]:
    """Agents of the sentence, a combination made one regimen (see :func:`_joined`); ``known`` holds
    the regimens the document names elsewhere."""
    merged: list[tuple[Mention, ...]] = []
    for _, group in agents_in(doc, sent):
        if merged and _aside_repeat(sent, merged[-1], tuple(group)):
            continue  # "A (Brand, Company) in combination with B": the brand in the aside is A again
        if merged and ALONE_OR_WITH.match(_core(_between(sent, merged[-1][-1], group[0]))):
            merged.append(merged[-1] + tuple(group))  # A stays an agent of its own; A with B is the second
            continue
        if merged and (_repeats(sent, merged[-1], tuple(group)) or _joined(sent, merged[-1], tuple(group), known)):
            merged[-1] = merged[-1] + tuple(group)
        else:
            merged.append(tuple(group))
    return [(agent_key(m.key for m in group), group) for group in merged]


# "It is given together with B", "The treatment is to be used alongside B": the drug named before is combined with B.
PRONOUN_WITH = re.compile(
    r"^\s*(?:It|(?:The|This)\s+(?:drug|medicine|treatment|therapy|antibody|agent|product|approval))\s+"
    r"(?:is|was|will\s+be|can\s+be|may\s+be|should\s+be|must\s+be|(?:is|was)\s+(?:meant\s+)?to\s+be|(?:is|was)\s+for\s+use)\s+"
    r"(?:(?:usually|always|only|also|often)\s+)?(?:(?:used|given|administered|taken|combined)\s+)?"
    r"(?:together\s+with|in\s+combination\s+with|alongside|with)\s+$", re.IGNORECASE)


# Two drugs set against each other: "A versus B", "A vs. B", "A or B" (alternatives, not parts of one regimen).
SET_AGAINST = re.compile(r"^\s*(?:versus|vs\.?|or)\s+$", re.IGNORECASE)


def _alternatives(doc: AnalysedDocument) -> set[frozenset[str]]:
    """Pairs of drugs the document (its title or a sentence) sets against each other ("Nivolumab Versus Regorafenib"):
    a slash between them elsewhere ("after A/B") names either, not a combination."""
    text = doc.document.text
    named = ([doc.mentions_in(doc.title[1], doc.title[2])] if doc.title else []) + [s.mentions for s in doc.sentences]
    out: set[frozenset[str]] = set()
    for mentions in named:
        drugs = [m for m in mentions if doc.vocabulary[m.key].has_type(*DRUG)]
        out |= {frozenset((a.key, b.key)) for a, b in zip(drugs, drugs[1:])
                if a.key != b.key and SET_AGAINST.match(text[a.end:b.start])}
    return out


def document_regimens(doc: AnalysedDocument) -> frozenset[str]:
    """The combinations the document names as such anywhere ("A plus B", "A in combination with B",
    "A is ... . It is given together with B"); not two drugs it sets against each other ("A versus B") and joins
    only by a slash ("after A/B": either)."""
    found: set[str] = set(_title_regimens(doc))
    previous: str | None = None  # the drug named last before the sentence read
    for sent in doc.sentences:
        groups = combined(doc, sent)
        found |= {key for key, group in groups if len({m.key for m in group}) > 1
                  and not (frozenset(m.key for m in group) in doc.once("drugs set against", lambda: _alternatives(doc))
                           and all(SLASH_GLUE.match(_between(sent, a, b)) for a, b in zip(group, group[1:])))}
        if groups and previous and PRONOUN_WITH.match(sent.text[:sent.local(groups[0][1][0])[0]]):
            found.add(agent_key([previous, *(m.key for m in groups[0][1])]))
        previous = groups[-1][1][-1].key if groups else previous
    return frozenset(found)


def _title_regimens(doc: AnalysedDocument) -> Iterator[str]:
    """The combination a headline names ("A Plus B Approved to Treat D", "A + B: ..."), drugs glued by "plus", "+",
    "with" or "combined with" (a title is no sentence: the sentence readers never see it)."""
    if doc.title is None:
        return
    text = doc.document.text
    drugs = [m for m in doc.mentions_in(doc.title[1], doc.title[2]) if doc.vocabulary[m.key].has_type(*DRUG)]
    for left, right in zip(drugs, drugs[1:]):
        if left.key != right.key and COMBINATION_GLUE.match(text[left.end:right.start]):
            yield agent_key([left.key, right.key])


# "Tyvyt combo", "the A combination": one drug named for a combination it belongs to.
ONE_DRUGS_COMBINATION = re.compile(r"[®™]?\s*(?:combo|combination)(?:\s+(?:therapy|regimen))?\b(?!\s+(?:with|of)\b)",
                                   re.IGNORECASE)


def agent_roles(doc: AnalysedDocument, sent: AnalysedSentence,
                known: frozenset[str] = frozenset()) -> list[tuple[str, tuple[Mention, ...], str]]:
    """Each agent with its role; a role carries along a coordinated list ("after A or B") and to a
    repeat of the same agent in brackets ("Nexavar (sorafenib)")."""
    out: list[tuple[str, tuple[Mention, ...], str]] = []
    for key, group in combined(doc, sent, known):
        role = _role(sent, group)
        end = sent.local(group[-1])[1]
        if not is_regimen_key(key) and ONE_DRUGS_COMBINATION.match(sent.text, end):
            # "the A combo was approved": the one combination with A the document names, else no agent of its own
            combos = [k for k in known if key in regimen_components(k)]
            key, role = (combos[0], role) if len(combos) == 1 else (key, "reference")
        subject = APPROVED_SUBJECT_AFTER.match(sent.text[end:end + 80]) is not None  # "since X was approved"
        if out and role == "agent" and out[-1][2] != "agent" and not subject:
            gap = _between(sent, out[-1][1][-1], group[0])
            # "sorafenib (sold as Nexavar)" is still prior; so is a list of prefixes ("A-, B- and C-based")
            # ... "treated with A-, B-, and C-based": prefixes sharing one head word, a list all the same
            if LIST_GLUE.match(gap.removeprefix("-")) or key == out[-1][0]:
                role = out[-1][2]
        out.append((key, group, role))
    return out

"""Which drug a cue speaks of: the grammar between a drug and the words that say what it acts on.

:func:`subject_before` walks left from a cue ("inhibits", "inhibitor of", "activity against")
to the drug that is its subject: past a copula and a noun phrase ("X is an oral TKI that
inhibits"), an appositive ("X, a humanized antibody that binds"), adverbs and auxiliaries
("X has also been shown to inhibit"), a by-gerund ("X acts by blocking"), a relative clause
("Y, which inhibits"), a pronoun ("it", "the drug") and a coordinated subject ("A, B and C
are inhibitors of"). A drug governed by a preposition ("superior to Y") is no subject, unless
it names the agent ("treatment with X inhibited T"). Patterns are shapes of English, never names.
"""

from __future__ import annotations

import re

from .approval_clauses import FRONTED_SUBORDINATE
from .targets import Unit

# Words that cannot modify a head noun: they start a phrase or a clause of their own.
STOP = (r"(?:and|or|nor|but|of|with|without|between|in|for|to|by|from|than|versus|vs|plus|over|under|across|among|"
        r"within|via|per|through|following|despite|whereas|while|then|if|that|which|who|whom|is|are|was|"
        r"were|be|been|has|have|had|the|a|an|its|their|not|such|as|including|on|after|before|during|into|at|"
        # "X, unlike T inhibitors, ...": a contrast, no modifier of a class X belongs to
        r"unlike)")
MODIFIER = rf"(?!{STOP}\b)[\w®™+]+(?:-[\w®™+]+)*"

# A possessive determiner naming the drug's owner: "X, Acme's investigational T inhibitor" ("Acme'" after an s).
OWNER = r"(?:(?-i:[A-Z])[\w&.-]*\s+){0,2}(?-i:[A-Z])[\w&.-]*(?:'s?|’s?)\s+"

# Between a drug and a verb cue: what may stand between a subject and its verb.
ADVERB = (r"(?:also|further|directly|potently|selectively|specifically|strongly|reversibly|irreversibly|"
          r"competitively|primarily|mainly|mostly|only|both|not|n't|never|does|did|do|has|have|had|been|"
          r"was|is|were|are|be|may|might|could|can|cannot|will|would|to|fail(?:s|ed)?|unable|able|"
          r"appears?|seems?|shown|reported|known|found|thought|designed|developed|expected|lacks?|lacked|"
          # "X is believed to inhibit T": the hedge verbs of a raising construction (epistemics marks them hedged)
          r"believed|hypothesi[sz]ed|suggested|proposed|presumed|postulated|speculated|predicted|assumed|supposed|"
          r"shows?|showed|exhibits?|exhibited|exerts?|exerted|demonstrates?|demonstrated|retains?|no|potent|little|weak|"
          r"strong|any|significant|instead|likewise|similarly|therefore|thus|in turn|"
          r"the (?:capability|ability|capacity) (?:of|to)|\w+ly)")
# "X injection is a T inhibitor": a dosage form after the name is still the drug; so is a copy of it
# ("a Y biosimilar (anti-T antibody)").
DOSAGE_FORM = r"(?:\s+(?:injection|tablets?|capsules?|for\s+injection|oral\s+solution|infusion|biosimilars?))?"
# "X treatment inhibited T": the drug as given is still the drug.
AS_GIVEN = r"(?:\s+(?:treatment|therapy|monotherapy|administration|exposure))?"
# "tremelimumab-actl": the four-letter suffix US biologics carry is still the drug's name.
BIOLOGIC_SUFFIX = r"(?:-(?!(?:free|like|only|type|rich|loss|dose|naive|fast)\b)[a-z]{4}(?![\w-]))?"
# "the X antibody binds T", "the X molecule degrades T": the drug named with its own class noun is still the drug.
AS_NAMED = r"(?:\s+(?:antibody|mAb|molecule|compound|conjugate|ADC|degrader|PROTAC)(?![\w-]))?"
# "X (Brand, CODE-1; Maker Inc, City, ST) is ...": after the drug's last alias in its bracket, the maker
# set off by a semicolon is still inside the bracket about the drug.
MAKER_IN_BRACKET = r"(?:\s*;[^;()\[\]]{1,80}?)?"
# "X [Brand (China); Other Brand (global)] is ...": a square bracket of brand names, each with its market.
BRAND_BRACKET = r"(?:\s*\[(?:[^\[\]()]|\([^()]*\)){1,120}\])?"
BRACKETS = rf"{BIOLOGIC_SUFFIX}{DOSAGE_FORM}{AS_GIVEN}{AS_NAMED}(?:{MAKER_IN_BRACKET}\s*[)\]])?(?:\s*\([^()]*\))?{BRAND_BRACKET}"
ASIDE = r"(?:\s*,[^,;]{1,90},)?"
# "X, ABC-0123456, an inhibitor of T": the drug's code name set off by commas before its appositive.
CODE_ASIDE = r"(?:\s*,\s*(?!NCT\d)(?-i:[A-Z]{1,5}-?\d{3,}[A-Za-z]?)(?=\s*,))?"
COPULA = (r"(?:is|was|are|were|remains|(?:acts?|serves?|functions?|works?|acted|served|functioned|worked) as|"
          r"(?:is|was|has been|have been|is being|was being|are being)\s+(?:\w+ly\s+)?(?:developed|designed|evaluated|"
          r"investigated|studied|described|characteri[sz]ed|approved|used|known|found|identified|classified)\s+as)")
NP_WORDS = r"(?:[^;()]|\([^()]*\)){0,80}?"
DRUG_HEAD = r"(?:antibod(?:y|ies)|mAbs?|inhibitors?|agents?|drugs?|molecules?|compounds?|TKIs?|blockers?|ADCs?|conjugates?|engagers?)"
COPULA_NP = (rf"(?:\s+{COPULA}(?:\s+not)?\s+(?:(?:an?|the|another|one)\s+{NP_WORDS}|{NP_WORDS}\b{DRUG_HEAD}\b{NP_WORDS})"
             # "X, a humanized antibody that binds T", "X: an oral agent which inhibits T"
             rf"|\s*[,:—]\s*(?:(?:an?|the|another|one)\s+)?{NP_WORDS}(?=\s*,?\s*(?:which|that)\b))?")
RELATIVE = r"(?:\s*,?\s*(?:which|that|who)\b)?"
# "X potently and selectively inhibits T": adverbs may be coordinated
# "X or its active metabolites M-2 and M-5 inhibited T": the drug with what the body makes of it.
METABOLITES = (r"(?:\s+(?:or|and)\s+(?:its|their)\s+(?:[\w-]+\s+){0,4}?metabolites?"
               r"(?:\s+\(?[\w-]+(?:\s*(?:,|and)\s*[\w-]+)*\)?)?)?")
# "X's inhibition of T": the possessive names the agent of the nominal.
POSSESSIVE = r"(?:['’]s)?"
VERB_GAP = re.compile(rf"^{BRACKETS}{POSSESSIVE}{ASIDE}{METABOLITES}{COPULA_NP}{RELATIVE}(?:\s*,?\s+(?:(?:and|or)\s+)?{ADVERB})*\s*$",
                      re.IGNORECASE)
# "X demonstrated a potent and selective profile against T": an activity noun after a verb of having.
ACTIVITY_CUE = re.compile(r"(?:inhibitory )?(?:activity|potency|profile|selectivity|specificity|inhibition)\b|"
                          r"(?:high |strong )?affinity\b|binding specificity\b", re.IGNORECASE)
# "X is a TKI with a wide range of kinase inhibition": a copula and its noun phrase may come before "with".
ACTIVITY_GAP = re.compile(rf"^{BRACKETS}{ASIDE}(?:(?:\s+(?:is|was|are|were)|\s*,)\s+(?:an?|the)\s+[^;:,()]{{1,60}}?(?=\s+with\b))?"
                          rf"(?:\s+(?:also|further|only|not|potently|\w+ly))*\s+(?:has|have|had|shows?|"
                          r"showed|shown|exhibits?|exhibited|demonstrates?|demonstrated|displays?|displayed|possesses|exerts?|exerted|"
                          # "X is characterized by its potent inhibitory activity against T": the same, passive
                          r"retains?|retained|with|(?:is|are|was|were)\s+characteri[sz]ed\s+by)"
                          r"(?:,?\s+(?:an?|and|or|[\w-]+))*?\s*$", re.IGNORECASE)
# "X has marked effects on tumours by inhibiting T": a by-gerund takes the clause's subject.
GERUND_GAP = re.compile(r"^[^;]{0,160}\b(?:by|through|via)\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # "by irreversibly inhibiting"
# "X (i.e., a T inhibitor)": a parenthesis may say what X is after "i.e." or "namely" (never "e.g.": an example).
THAT_IS = r"(?:\s*(?:i\.\s?e\.|namely),?)?"
# "X is a receptor tyrosine kinase (RTK) inhibitor targeting T": a class word's own symbol in brackets, all
# capitals but for a plural "s", inside the noun phrase.
CLASS_SYMBOL = r"(?:\s+\((?-i:[A-Z]{2,5}s?)\))?"
# "X, its selective T inhibitor": the maker's own drug, said by a pronoun (a news item's "the company ... its").
MAKERS = r"(?:its|their|our)\s+"
# "X (Z; anti-T)": the short name the text gives X, then what X is.
DEFINED_AS = r"(?:\s*(?-i:[A-Z][\w-]{0,9})\s*;)?"
# "X belongs to a class of cancer drugs known as T inhibitors", "X is part of the group of medicines called ...": the
# class X is a member of, named after what its members are called.
MEMBER_OF = r"(?:(?:belongs?|belonged)\s+to|(?:is|are|was|were)\s+(?:part|a\s+member|members)\s+of)"
CLASS_CALLED = (r"(?:class|group|family|category)\s+of\s+(?:[\w-]+\s+){0,3}?(?:drugs|medicines|medications|agents|therapies|"
                r"treatments|compounds)\s+(?:known\s+as|called|termed)")
# Between a drug and a noun cue or an appositive: "X, an oral", "X is a", "X (a", "X for".
NOUN_GAP = re.compile(rf"^{BRACKETS}{CODE_ASIDE}{ASIDE}\s*(?:,|\({DEFINED_AS}{THAT_IS}|\[|—|:|\s{COPULA}(?:\s+(?:not|also|thus|therefore|itself|both))?|\sfor"
                      rf"|\s{MEMBER_OF}"
                      rf"|,?\s+(?:which|that)\s+{COPULA})"  # "X, which is a", "X, which acts as a"
                      rf"\s*(?:(?:one|two|several|each) of (?:the\s+)?|among (?:the\s+)?)?"  # "X is among 17 inhibitors of T"
                      rf"\s*(?:(?:an?|the|another|one|first|second|novel|new)\s+|{OWNER}|{MAKERS})?"
                      rf"(?:(?:{MODIFIER}{CLASS_SYMBOL},?|(?:comprised|composed|consisting|made up|combination|mixture) of(?: an?)?|(?:type|kind|class|member)s? of(?: the)?|{CLASS_CALLED})"
                      r"\s+(?:(?:and|or)\s+)?){0,8}"
                      # "X is a novel TKI, which is a potent inhibitor of T": the second noun phrase says the same;
                      # so does a coordinated one, "X is an antiangiogenic inhibitor and (is) the only inhibitor of T"
                      rf"(?:(?:(?:which|that)\s+(?:is|acts\s+as|serves\s+as)|and(?:\s+is)?)\s+(?:an?|the)\s+"
                      rf"(?:{MODIFIER}\s+){{0,4}})?"
                      # "X, a poly(ADP-ribose) polymerase (PARP) inhibitor": a full name the vocabulary lacks, then
                      # the symbol; "X, an oral small molecule (a T inhibitor)": a noun phrase, then its mechanism
                      rf"(?:[^,;:()]{{1,50}}(?:\([\w-]+\)[^,;:()]{{0,30}})?\(\s*"
                      rf"|\(\s*(?:an?|the)\s+(?:{MODIFIER}\s+){{0,4}})?"
                      r"(?:pan-)?$",
                      re.IGNORECASE)
# A definition with its subject in the title: "Sunitinib\n\nDefinition: An inhibitor of A and B".
DEFINITION_START = re.compile(r"^\s*(?:[A-Z][\w /-]{0,30}:\s*)?(?=(?:An?)\s)")
DEFINITION_GAP = re.compile(rf"^\s*(?:An?)\s+(?:{MODIFIER},?\s+(?:(?:and|or)\s+)?){{0,8}}(?:pan-)?$", re.IGNORECASE)
# A drug's entry under its own heading, its sentences without a subject (drug monographs, formularies): a verb
# ("Inhibits T and U"), a bare noun phrase ("Selective inhibitor of T", "Multikinase inhibitor that targets T") or
# "Classified as a T inhibitor"; it ends where the subject would stand (the heading's drug: :func:`defined_drug`).
SUBJECTLESS_START = re.compile(
    r"^\s*(?:(?:Pharmacologically\s+)?[Cc]lassified\s+as\s+(?=an?\s)|"
    r"(?=(?:(?:Potently|Selectively|Reversibly|Irreversibly|Specifically|Also)(?:\s+and\s+\w+ly)?\s+)?"
    r"(?i:inhibits|targets|blocks|binds|antagoni[sz]es|is\s+an?)\s|"
    # (one drug's noun phrase: "Tyrosine kinase inhibitors of T are used" speaks of a class)
    r"(?-i:[A-Z])[\w/-]*(?:\s+[\w/-]+){0,6}?\s+(?:inhibitor|(?:ant)?agonist|antibody|blocker)\s+(?:that|of|against|targeting)\s))")
# A line or a field value that opens with its noun phrase, no article, no subject ("Inhibitor of A and B",
# "Selective T inhibitor" under a drug's lead line): a capital starts it (checked by the caller).
BARE_HEAD_GAP = re.compile(rf"^\s*(?:{MODIFIER},?\s+(?:(?:and|or)\s+)?){{0,8}}(?:pan-)?$", re.IGNORECASE)


# "We identified X as an inhibitor of T", "studies have characterised X as a T antagonist": the drug as the object
# of a verb of finding, its class after "as" (a verb of guessing, "proposed X as", is left to the hedged readings).
FOUND_AS_VERB = re.compile(r"\b(?:identif(?:y|ies|ied)|characteri[sz]e[sd]?|describe[sd]?|establish(?:es|ed)?|discover(?:s|ed)?|"
                           r"validate[sd]?|confirm(?:s|ed)?|repurpose[sd]?|classif(?:y|ies|ied)|define[sd]?|reveal(?:s|ed)?)"
                           r"\s+(?:(?:the|this)\s+(?:drug|agent|compound|molecule)\s+)?$", re.IGNORECASE)
FOUND_AS_GAP = re.compile(r"^\s+as(?=\s+(?:an?|the|one|another)\s)", re.IGNORECASE)


def is_appositive_gap(text: str, drug: Unit, end: int) -> bool:
    """The words from a drug to a noun cue or a target make an appositive; a title's drug heads its definition.
    After a verb of finding, "as" stands for the copula ("identified X as an inhibitor of T").

    >>> bool(FOUND_AS_VERB.search("We identified ")), bool(FOUND_AS_VERB.search("We proposed "))
    (True, False)
    """
    gap = text[drug.end:end]
    found_as = FOUND_AS_GAP.match(gap)
    if found_as and FOUND_AS_VERB.search(text[:drug.start]):
        gap = " is" + gap[found_as.end():]
    defined = re.match(r"\s*;\s*", gap)
    if defined and (re.search(r"\w\s*\(\s*$", text[:drug.start])
                    or text.count("(", drug.start, drug.end) > text.count(")", drug.start, drug.end)):
        gap = " (" + gap[defined.end():]  # "X (Z; anti-T)": Z, the short form defined in X's bracket, is X glossed
    if text[drug.start:drug.end].endswith(",") and not NOUN_GAP.match(gap):
        gap = "," + gap  # "X, CODE, an inhibitor of T": the merged alias took the appositive's comma
    # "The study drug, X, is a T inhibitor": X set off by commas after a noun is the subject of "is"
    comma = re.match(r"\s*,(?=\s+(?:is|was)\s)", gap)
    set_off = comma is not None and re.search(r"[^\W\d_]\s*,\s*$", text[:drug.start]) is not None
    zero_width = drug.start == drug.end
    bare_head = zero_width and text[drug.end:].lstrip()[:1].isupper() and BARE_HEAD_GAP.match(gap)
    return bool(NOUN_GAP.match(gap[comma.end():] if set_off else gap)
                or (zero_width and DEFINITION_GAP.match(gap)) or bare_head)


# "it" / "this drug" as the subject stands for the nearest drug named before it.
# ... patient leaflets say "this medicine": a drug's kind too
PRONOUN = re.compile(r"\b(?:it|this (?:small[- ]molecule|(?:bispecific |monoclonal )?(?:drug|agent|compound|antibody|inhibitor|molecule)|"
                     r"TKI|MKI|mAb|medicine|medication)|the (?:drug|agent|compound|antibody|inhibitor|TKI|MKI|mAb|medicine|medication))\b",
                     re.IGNORECASE)
# "Developed by a company in Japan, this small molecule is ...": a participle fronted before the subject.
FRONTED_PARTICIPLE = (r"(?:(?:Originally\s+|First\s+)?(?:Developed|Designed|Discovered|Approved|Marketed|Licensed|Engineered|"
                      r"Produced|Given|Administered|Known)\b[^;:.]{0,160}?,\s*)")
# "In addition to A and B it also inhibits C": the targets X shares with the next clause, fronted (comma or none).
FRONTED_ADDITION = r"(?:(?:In addition to|Besides|Apart from|Aside from)\s[^;:.()]{1,100}?,?\s+(?=[Ii]t\s))"
# "Besides, studies in vivo reported that the drug can inhibit T": what the drug does, told as a finding.
REPORTED_THAT = r"(?:[^;:.()]{0,100}?\b(?:reported|showed|shown|found|demonstrated|suggested|indicated|revealed)\s+that\s+)"
PRONOUN_START = re.compile(r"^\s*(?:(?:Moreover|Furthermore|In addition|Additionally|Importantly|Notably|Also),\s*"
                           rf"|{FRONTED_PARTICIPLE}|{FRONTED_ADDITION}|{REPORTED_THAT})?"
                           r"(?P<np>[Ii]t|[Ii]ts(?=\s+(?:\w+\s+)?(?:targets?|mechanism|mode)\b)|"  # "Its targets include T"
                           r"[Tt]his (?:small[- ]molecule|(?:bispecific |monoclonal )?(?:drug|agent|compound|antibody|inhibitor|molecule)|"
                           r"TKI|MKI|mAb|medicine|medication)|"
                           # "The antibody binds T": a definite noun of a drug's kind (checked against the antecedent's)
                           r"[Tt]he (?:drug|agent|compound|antibody|TKI|MKI|mAb|medicine|medication))\b")

# "Y, which inhibits T" speaks of Y even when Y is governed by a preposition ("superior to Y, which").
# A comparison set inside the clause ("which, unlike Y, inhibits T") leaves Y out of it.
COMPARISON_ASIDE = r"(?:\s*,?\s*(?:unlike|like|as with|similar to|in contrast to)\s+[^,;()]{1,40}?\s*,?)?"


# The definition's noun phrase as the subject of its own verb: "A pan-T inhibitor decreased tumour growth" brings in
# another agent, it defines none ("A T inhibitor used for D", "A T inhibitor that ...", "An agent approved for D" do).
_PARTICIPLES = (r"used|approved|indicated|designed|developed|given|administered|taken|marketed|derived|based|licensed|made|"
                r"produced|known|sold|directed|targeted|engineered|raised")
SUBJECT_OF_VERB = re.compile(rf"^[^.;:()]{{0,80}}?\b{DRUG_HEAD}\s+(?:(?:was|were|has|have|had|is|are)\b|"
                             rf"(?!(?:{_PARTICIPLES})\b)[a-z]+ed\s+"
                             r"(?!(?:for|to|in|by|as|with|from|of|on|at|against|under)\b))",
                             re.IGNORECASE)


def defining_start(text: str) -> re.Match | None:
    """A definition's "A ..." or an entry's subjectless opening: where the heading's drug stands in for the subject.

    >>> bool(defining_start("A kinase inhibitor used for liver cancer.")), bool(defining_start("A pan-T inhibitor decreased growth."))
    (True, False)
    """
    found = DEFINITION_START.match(text)
    if found is not None and SUBJECT_OF_VERB.match(text, found.end()):
        found = None
    return found or SUBJECTLESS_START.match(text)


# Before the verb of a sentence whose subject is left out (a zero-width drug stands for it): its adverbs
# ("Selectively inhibits T"), or a noun phrase and its relative pronoun ("Multikinase inhibitor that targets T",
# "A potent agent which blocks T").
ENTRY_GAP = re.compile(rf"^(?:\s*(?:(?:an?|the)\s+)?(?:{MODIFIER}\s+){{0,8}}?{DRUG_HEAD}\s*,?\s+(?:which|that))?"
                       rf"(?:\s*(?:and\s+)?{ADVERB})*\s*$", re.IGNORECASE)
RELATIVE_GAP = re.compile(rf"^{BRACKETS}(?:\s*,\s*(?:an?|the|another|one)\s+{NP_WORDS})?\s*,?\s*(?:which|that|who)"
                          rf"{COMPARISON_ASIDE}(?:\s+{ADVERB})*"
                          # "Y, which slows growth by blocking T": the relative clause's means
                          r"(?:\s+[^;,()]{1,80}?\s(?:by|through|via))?\s*$", re.IGNORECASE)

# "X, in contrast to Y, which blocks A, targets T": a comparison set off by commas between a subject and its verb
# (with Y's own relative clause inside it) leaves the verb to X.
COMPARISON_THEN_VERB = re.compile(rf"^{BRACKETS}\s*,\s*(?:in contrast (?:to|with)|unlike|as opposed to|compared (?:with|to)|"
                                  rf"similar to|like|as with)\s+[^;()]{{1,120}}?,(?:\s+(?:more|less|most))?(?:\s+{ADVERB})*\s*$", re.IGNORECASE)

CLAUSE_BREAK = re.compile(r"[;.]\s|\b(?:in combination with|combined with|together with|plus|added to|but(?!\s+not\b)|whereas|"
                          r"while|although|however|compared (?:with|to)|versus|vs)\b", re.IGNORECASE)
# A drug governed by a preposition is not the subject ("a derivative of Y, is an inhibitor of T").
PREPOSITION_BEFORE = re.compile(r"\b(?:of|with|to|than|versus|vs\.?|over|after|from|by|on|for|like|unlike|"
                                r"including|such as|but not|and not|rather than|instead of)\s*$", re.IGNORECASE)

MAX_SUBJECT_GAP = 220
# "its inhibition of T": the drug's action as a noun ("by blocking its binding to L" speaks of the target's binding)
OWN_ACTION_NOUN = r"(?:[a-z-]+\s+(?:and\s+[a-z-]+\s+)?)?(?:inhibition|blockade|antagonism|neutrali[sz]ation) of"
OWN_ACTION = re.compile(OWN_ACTION_NOUN, re.IGNORECASE)
# "a deuterated derivative of Y that inhibits T": a noun for a drug made from Y heads the phrase, and a restrictive
# clause (no comma) speaks of it, not of Y ("an analogue of Y, which inhibits T" is left to Y).
DERIVED_FROM = re.compile(r"\b(?:derivative|analog(?:ue)?|version|variant|modification|prodrug|successor|"
                          r"homolog(?:ue)?|congener|enantiomer|isomer)s?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
RESTRICTIVE = re.compile(r"^\s+(?:that|which)\b", re.IGNORECASE)
# "A and B, both anti-T antibodies," / "A and B - antibodies that block T": an appositive in the plural
# speaks of every drug of the list before it.
PLURAL_APPOSITIVE = re.compile(r"[\s)]*(?:,|\((?=\s*(?:both|all|each)\b))\s*(?:both|all|each|(?:the\s+)?(?:two|three|four)\b|(?:[\w-]+\s+){0,3}(?:antibodies|inhibitors|agents|drugs|"
                               r"blockers|(?:ant)?agonists|TKIs|mAbs|molecules|compounds)\b)", re.IGNORECASE)
# "X, an antibody designed to block T": the appositive's purpose clause.
PURPOSE_BEFORE = re.compile(r"\b(?:designed|engineered|developed|intended|able|shown|known|made)\s+to\s+(?:(?:\w+ly|both)\s+)*$",
                            re.IGNORECASE)
PARENTHESIS = re.compile(r"\([^()]*\)")
POSTNOMINAL = re.compile(r"(?:highly |very |equally )?(?:potent|active|selective)\b", re.IGNORECASE)

# "X reduced ERK activity and additionally inhibited T", "X inhibited A and was also potent against B":
# coordinated predicates share their subject.  The first predicate starts with a word of its own
# (not "and", which would coordinate subjects) and holds no clause break (checked by the caller).
COORDINATED_PREDICATE = re.compile(rf"^{BRACKETS}(?P<aside>{ASIDE})\s+(?!(?:and|or|nor|but|which|that)\b)[a-z](?:[^;:.()]|\([^()]*\)){{0,140}}?"
                                   rf",?\s+and\s+(?:{ADVERB}\s+)*$", re.IGNORECASE)


def _coordinated_predicate(text: str, found: list[Unit], drug: Unit, cue: re.Match) -> bool:
    """Is the cue's verb coordinated with an earlier predicate of ``drug``, no other drug between?"""
    match = COORDINATED_PREDICATE.match(text[drug.end:cue.start()])
    if match is None:
        return False
    after_aside = drug.end + match.end("aside")
    return not any(u.kind == "drug" and after_aside <= u.start < cue.start() for u in found)

# "Treatment with X inhibited T", "Administration of X blocks T": the drug is the agent of the clause.
AGENT_NOUN_BEFORE = re.compile(r"(?:^|[,;:]\s*)(?:(?:the|an?)\s+)?(?:\w+\s+)?(?:treatment|therapy|incubation|exposure|"
                               r"administration|pre-?treatment)\s+(?:with|of|by)\s*$"
                               # "the antibody moiety of X binds T": a part of the drug acts for it
                               r"|\b(?:moiety|component|portion|arm|part)\s+of\s*$"
                               # "the mechanism of action of X targets T": the drug's mechanism speaks for it
                               r"|^\s*(?:the\s+)?(?:(?:primary|main)\s+)?(?:mechanism|mode)s?\s+of\s+action\s+of\s*$", re.IGNORECASE)


# "X inhibits angiogenesis by targeting T": the means clause after the first object has X as subject.
MEANS_AFTER_OBJECT = re.compile(r"^[\s)]*(?:[^;:,.()]{0,40}\s)?(?:by|through|via)\s+$", re.IGNORECASE)


# "Differentiation was blocked by X through targeting T": a means right after a passive's agent is the agent's.
MEANS_RIGHT_AFTER = re.compile(r"^\s*,?\s*(?:by|through|via)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
PASSIVE_AGENT_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\s+by\s+$", re.IGNORECASE)


def _means_after_object(text: str, last_object: Unit, cue: re.Match, verb: bool) -> bool:
    """The cue opens a by/through/via phrase right after the object of the subject's own verb."""
    return verb and bool(MEANS_AFTER_OBJECT.match(text[last_object.end:cue.start()]))


def _is_subject(text: str, drug: Unit) -> bool:
    before = text[:drug.start]
    return not PREPOSITION_BEFORE.search(before) or bool(AGENT_NOUN_BEFORE.search(before))


# Between drugs of one list; a code name the vocabulary does not know ("XY-1234") is still an item.
DRUG_LIST_GLUE = re.compile(r"[\s,)]*(?:[A-Z][A-Za-z]*-?\d[\w-]*(?:\s*,\s*|\s+(?=(?:and|or|nor)\s))){0,2}(?:(?:and|or|nor)\s+)?")


def coordinated_drugs(text: str, found: list[Unit], drug: Unit, direction: int) -> list[Unit]:
    """The drug with those listed next to it ("A, B and C")."""
    drugs = [u for u in found if u.kind == "drug"]
    index = drugs.index(drug)
    group, glues = [drug], []
    fronted = FRONTED_SUBORDINATE.match(text) if direction < 0 else None  # a sentence's opening phrase, to its comma
    while 0 <= index + direction < len(drugs):
        nxt = drugs[index + direction]
        left, right = (nxt, drugs[index]) if direction < 0 else (drugs[index], nxt)
        glue = text[left.end:right.start]
        if not DRUG_LIST_GLUE.fullmatch(glue):
            break
        if CONJUNCTION.search(glue) and any(CONJUNCTION.search(g) for g in glues):
            break  # "A and B, and C": a list has one "and"; C is added to the list, not a member of it
        if fronted and nxt.start < fronted.end() <= drugs[index].start:
            break  # "Upon administration of X/Y, A and B bind ...": the fronted phrase ends at its comma
        group.append(nxt)
        glues.append(glue)
        index += direction
    # A list ends in "and"/"or"; "Unlike A, B inhibits T" is no list, but "such as A, B targeting T" is.
    first = min(group, key=lambda u: u.start)
    listed = any(CONJUNCTION.search(g) for g in glues) or (glues and ENUMERATION_BEFORE.search(text[:first.start]))
    return group if listed else [drug]


CONJUNCTION = re.compile(r"\b(?:and|or|nor)\b")  # "neither A nor B inhibited T": both, negated
# "drugs such as A, B targeting T": after an enumerating cue, commas alone make a list.
ENUMERATION_BEFORE = re.compile(r"\b(?:such as|including|e\.g\.,?)\s*$", re.IGNORECASE)


def units_before(found: list[Unit], position: int) -> list[Unit]:
    """The units that end at or before ``position``, in order."""
    return [u for u in found if u.end <= position]


def _pronoun_subject(text: str, drug: Unit, cue: re.Match) -> int | None:
    """Where "it" stands, when "X ...: it (also) blocks T" or "It is an inhibitor of T" speaks of X."""
    pronouns = list(PRONOUN.finditer(text, drug.end, cue.start()))
    if not pronouns:
        return None
    rest = text[pronouns[-1].end():cue.start()]
    fits = NOUN_GAP.match(rest) or (cue.group("verb") is not None and VERB_GAP.match(rest))
    return pronouns[-1].start() if fits else None


def _maker_closed(text: str, drug: Unit, gap: str) -> str:
    """The gap after a drug whose unit ends inside its own bracket of aliases ("X (Brand, CODE-1"), without the
    rest of that bracket ("; Maker Inc, City, ST)"): a semicolon inside it breaks no clause."""
    written = text[drug.start:drug.end]
    if written.count("(") <= written.count(")"):
        return gap
    return re.sub(rf"^{MAKER_IN_BRACKET}\s*\)", " ", gap)


OWN_ASIDE = re.compile(r"\s*" + PARENTHESIS.pattern)


def subject_before(text: str, found: list[Unit], cue: re.Match) -> tuple[list[Unit], int]:
    """The drug(s) a cue speaks of, and where their statement starts; ([], 0) when none fits."""
    verb = cue.group("verb") is not None
    for drug in reversed([u for u in units_before(found, cue.start()) if u.kind == "drug"]):
        gap = text[drug.end:cue.start()]
        if len(gap) > MAX_SUBJECT_GAP:
            break
        if re.search(r"\bits\s+$", gap) and OWN_ACTION.fullmatch(cue.group(0)) and not CLAUSE_BREAK.search(gap) \
                and all(u.keys == drug.keys for u in units_before(found, cue.start())):
            return [drug], drug.start  # "its inhibition of T" after one drug and nothing else: the drug's
        pronoun = _pronoun_subject(text, drug, cue)
        if pronoun is not None and _is_subject(text, drug):
            return [drug], pronoun
        if verb and MEANS_RIGHT_AFTER.match(gap) and PASSIVE_AGENT_BEFORE.search(text, max(0, drug.start - 60), drug.start):
            return [drug], drug.start  # "A was blocked by X through targeting T": the passive's agent is X's
        if RELATIVE_GAP.match(gap) and verb:
            if not (DERIVED_FROM.search(text[:drug.start]) and RESTRICTIVE.match(gap)):
                return [drug], drug.start
            continue  # "X is a derivative of Y that inhibits T": the clause restricts the derivative, which is X
        if verb and drug.start == drug.end and ENTRY_GAP.match(gap):
            return [drug], drug.start
        if verb and COMPARISON_THEN_VERB.match(gap) and _is_subject(text, drug):
            return [drug], drug.start
        # (not a name inside the drug's own aside: "X (pronounced re goe raf e nib) is an inhibitor of T")
        aside = OWN_ASIDE.match(text, drug.end)
        objects = [u for u in units_before(found, cue.start()) if u.kind == "object" and drug.end <= u.start
                   and not (aside and u.end <= aside.end())]
        if CLAUSE_BREAK.search(PARENTHESIS.sub(" ", _maker_closed(text, drug, gap))):
            break  # another clause (a semicolon inside brackets is none: "RAF1 (CRAF; 9 nM)")
        if verb and _is_subject(text, drug) and _coordinated_predicate(text, found, drug, cue):
            return coordinated_drugs(text, found, drug, -1), drug.start
        if objects and not _means_after_object(text, objects[-1], cue, verb):
            if not _is_subject(text, drug):
                continue  # "X, which differs from Y ..., reduced A and inhibited T": an earlier drug may coordinate
            break  # a cue after a target that belongs to an earlier statement
        # "X, a multikinase inhibitor targeting T": a participle after an appositive speaks of X.
        # "X, an oral TKI potent against T": a postnominal adjective too.
        purpose = PURPOSE_BEFORE.search(gap) if verb else None
        appositive = (is_appositive_gap(text, drug, cue.start()) and (
            not verb or cue.group(0).lower().endswith("ing") or POSTNOMINAL.match(cue.group(0)) is not None)) \
            or (purpose is not None and is_appositive_gap(text, drug, drug.end + purpose.start()))
        activity = ACTIVITY_CUE.match(cue.group(0)) and ACTIVITY_GAP.match(gap)
        if appositive or (verb and _is_subject(text, drug) and (VERB_GAP.match(gap) or GERUND_GAP.match(gap) or activity)):
            if re.match(r"[\s)]*[,(]", gap) and not PLURAL_APPOSITIVE.match(gap) and not _plural_after_aside(gap, cue):
                return [drug], drug.start  # an appositive belongs to one drug
            return coordinated_drugs(text, found, drug, -1), drug.start
        if _is_subject(text, drug):
            break
        # "a derivative of Y, is an inhibitor of T": Y is no subject; look further left.
    return [], 0


def _plural_after_aside(gap: str, cue: re.Match) -> bool:
    """"X and Y (TRIAL) target T": a bracketed aside, then a plural verb, whose subject is both drugs."""
    return bool(re.fullmatch(r"\s*\([^()]*\)\s*", gap)) and bool(PLURAL_VERB.fullmatch(cue.group(0)))


PLURAL_VERB = re.compile(r"(?:inhibit|block|target|bind|antagoni[sz]e|neutrali[sz]e|suppress|disrupt|engage)", re.IGNORECASE)

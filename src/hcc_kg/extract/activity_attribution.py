"""A drug's activity put down to a target, or denied it: a drug→target shape (:mod:`.mechanisms`).

"The anticancer activity of X is due to T inhibition", "X's effects are mediated by T", and the
denials that correct a text's own earlier claim, "the activity of X is not due to T inhibition",
"the activity of X is independent of T": the statement names the drug inside a noun phrase (what
it does) and the target after the verb that attributes it; and "X did not inhibit T phosphorylation", a denial of
what X does to T's activity (:func:`effect_denials`).  Polarity is read as for every shape
(:mod:`.epistemics`: "not", "independent of").  Such a denial outweighs the document's own positive
readings of the pair (:func:`contested_within`).

>>> bool(ATTRIBUTED.match(" is not due to ")), bool(ATTRIBUTED.match(" was largely mediated by the "))
(True, True)
>>> bool(ACTIVITY_OF.search("the antitumour activity of ")), bool(ACTIVITY_OF.search("the dose of "))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator

from ..model import Assertion
from .analysis import AnalysedDocument, AnalysedSentence
from .sentences import DRUG, action_predicate, evidence_span
from .epistemics import HEDGED
from .shape_reading import Reading, readings
from .target_lists import TargetList
from .targets import Unit

_WHAT_IT_DOES = r"(?:activit(?:y|ies)|effects?|actions?|efficacy|cytotoxicity|potency)"
# "the (anticancer) activity of X", before the drug
ACTIVITY_OF = re.compile(rf"\b(?:[\w-]+\s+){{0,2}}?{_WHAT_IT_DOES}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "X's (antitumour) effects", after the drug
POSSESSED_ACTIVITY = re.compile(rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?{_WHAT_IT_DOES}", re.IGNORECASE)
# "... is (not) due to (the inhibition of)", between the drug's phrase and the target
ATTRIBUTED = re.compile(r"^\s+(?:(?:in\s+[\w-]+\s+)?cells\s+)?(?:is|are|was|were|(?:appears?|seems?)\s+to\s+be)\s+"
                        r"(?:(?:not|largely|mainly|mostly|partly|entirely|primarily|in\s+part)\s+)*"
                        r"(?:due\s+to|mediated\s+(?:by|through|via)|caused\s+by|attribut(?:able|ed)\s+to|explained\s+by|"
                        r"(?:in)?dependent\s+(?:of|on))\s+"
                        r"(?:(?:the|its|their)\s+)?(?:(?:inhibition|blockade|targeting)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def drug_activity_attributed(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"The activity of X is (not) due to T inhibition", "X's effects are mediated by T": X acts on T, or not."""
    for drug in (u for u in found if u.kind == "drug"):
        possessed = POSSESSED_ACTIVITY.match(text[drug.end:])
        if possessed is None and not ACTIVITY_OF.search(text[:drug.start]):
            continue
        after = drug.end + (possessed.end() if possessed else 0)
        tlist = next((t for t in lists if t.start >= after), None)
        if tlist is not None and ATTRIBUTED.match(text[after:tlist.start]):
            for unit in tlist.units:
                yield from readings(drug, unit, "drug-activity-attributed", drug.start, tlist.end)


# "X did not inhibit T phosphorylation", "X neither inhibits constitutive T phosphorylation nor ...": what the drug
# does to the target's activity, denied.  Read as a denial only: a positive "X inhibited T phosphorylation" may be an
# effect downstream of another target, no statement of what X acts on.
DENIED_CUE_RE = re.compile(r"^\s+(?:(?:did|does|do|could|can|was|were)\s+not|neither|failed\s+to|fails\s+to|had\s+no\s+"
                           r"(?:effect|influence)\s+on|has\s+no\s+(?:effect|influence)\s+on)\s+(?:inhibit|block|reduce|suppress|"
                           r"decrease|abrogate|prevent|affect|alter)\w*\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
ACTIVITY_AFTER_RE = re.compile(r"^[\s-]*(?:phosphorylation|activation|activity|signal(?:l)?ing|kinase\s+activity)\b",
                               re.IGNORECASE)


def effect_denials(doc: AnalysedDocument, sent: AnalysedSentence) -> Iterator[Assertion]:
    """"X did not inhibit T phosphorylation": X does not act on T, a negative reading (it outweighs the document's own
    positive readings of the pair, :func:`contested_within`)."""
    located = [(m, *sent.local(m)) for m in sent.mentions if m.key in doc.vocabulary]
    drugs = [x for x in located if doc.vocabulary[x[0].key].has_type(*DRUG)]
    targets = [x for x in located if doc.vocabulary.is_target(x[0].key)]
    for drug, _, drug_end in drugs:
        for target, target_start, target_end in targets:
            if target_start > drug_end and DENIED_CUE_RE.match(sent.text[drug_end:target_start]) \
                    and ACTIVITY_AFTER_RE.match(sent.text[target_end:]):
                evidence = doc.evidence(*evidence_span(sent, drug, target), "drug-activity-denied")
                yield Assertion(drug.key, action_predicate(doc, drug.key, target.key), target.key,
                                evidence=(replace(evidence, polarity="negative", certainty="asserted"),))


def contested_within(read: Iterable[Assertion]) -> Iterator[Assertion]:
    """One document's drug→target readings, those of a pair the same document denies outright kept as hedged
    ("X, a T inhibitor, ...; the activity of X is not due to T inhibition": the text corrects itself)."""
    read = list(read)
    denied = {(a.subject, a.object) for a in read
              if a.evidence[0].polarity == "negative" and a.evidence[0].certainty == "asserted"}
    for assertion in read:
        evidence = assertion.evidence[0]
        if (assertion.subject, assertion.object) in denied and evidence.is_assertive:
            assertion = replace(assertion, evidence=(replace(evidence, certainty=HEDGED),))
        yield assertion

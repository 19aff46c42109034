"""Where one approval statement ends and another begins inside a sentence (:mod:`.approvals`).

A sentence is cut at "; ", ", with ", ", while ", ", and was ", before a subordinate clause with
its own subject and verb, after a fronted one ("After X was approved ..., "), and before the main
verb that follows a set-off aside ("X, authorised in the EU for D, is ..."); an attribution
("..., according to a filing") is no statement at all.  Cue words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An indication coordinated with its own regimen: "approved for D1 and, in combination with B, for D2",
# "... for D1 and for D2", "alone for D1 and with B for D2", "for D1 and as monotherapy for D2".
INDICATION_CONJUNCT = (r",?\s+and\s*,?\s+(?=(?:(?:in\s+combination|combined|together)\s+with\b[^;]{1,80}?,?\s+|"
                       r"with\s+[^,;]{1,60}?,?\s+|as\s+(?:a\s+)?monotherapy\s+|alone\s+)?for\s)")
# What came before an approval: a committee's opinion or an agency's recommendation ("following a positive opinion
# from the CHMP", "after the EMA recommended it", "on the basis of the committee's recommendation").
OPINION_BEFORE = (r"(?:after|following|upon|on\s+the\s+(?:basis|back)\s+of|based\s+on|in\s+line\s+with|"
                  r"follow(?:s|ed)|c(?:o|a)mes?\s+after)\s+(?:[\w'’-]+\s+){0,5}?"
                  r"(?:opinions?|recommendations?|recommended|endorse(?:d|ment))\b")
# Where one statement ends and another begins inside a sentence.
CLAUSE_BREAK = re.compile(
    r";|,\s+(?:with|while|whereas|but|which|nor)\s+|\s+(?:while|whereas|but)\s+|"
    r"[.!?][\"”’]\s+(?=[A-Z])|"  # a quotation closing its sentence: "... (durvalumab)." Currently, ...
    r",?\s+and\s+(?=for\s+(?:the\s+)?(?:treatment|use)\b)|"  # "for HCC as monotherapy and for BTC with ..."
    rf"{INDICATION_CONJUNCT}|"
    # "X was approved with B for D1, and most recently approved for D2": a second approval of the same subject
    # ... or of another one: "A plus B is approved for D1, and A has been approved for D2"
    r",\s+and\s+(?=(?:[\w-]+\s+){0,3}?(?:(?:has|have|was|were|is|are)\s+(?:also\s+)?(?:been\s+)?)?"
    r"(?:approved|authori[sz]ed)\b)|"
    r",\s+and\s+(?=(?:was|were|has|have|had|is|are|it|its|received|the|a|an)\b)|"
    # "X was approved for D1 by one agency, and granted priority review by another for D2": a second predicate, its
    # auxiliary left out (a step's own clause: it neither hedges the approval nor lends it its agency)
    r",\s+and\s+(?=(?:designated|granted|awarded|given|accepted|filed|submitted|recommended|withdrawn|launched)\b)|"
    # "X is approved in the US and is available in the UK": a second predicate of the same subject
    r"\s+and\s+(?=(?:is|are|was|were)\s)|"
    # "A prolonged survival after B and C approved by the agency as ...": a subject and its participle after a clause
    # with its own verb (kept only then: "A and B approved by the agency" is one list; see :func:`clauses`)
    r"\s+and\s+(?=(?P<approved_subject>[\w-]+\s+(?:approved|authori[sz]ed)\s+(?:by|in|for)\b))|"
    # "X, authorised in the EU for D, is under review for E": the verb after a set-off aside starts a clause
    r",\s+(?=(?:is|are|was|were|has|have|had|remains?)\s)|"
    # "..., according to a filing with the exchange": where the news came from (see ATTRIBUTION)
    r",\s+(?=according to\b)|"
    # "the EC approved X after the EMA recommended it", "the approval follows a positive CHMP opinion": the step
    # before an approval is its own statement (it neither hedges the approval nor makes its body an approver)
    rf",?\s+(?={OPINION_BEFORE})|"
    # "..., after X was approved ...": a subordinate clause with its own subject and verb is its own statement
    r",?\s+(?=(?:after|since|once|when|until|before|because|although)\s+(?:\S+\s+){1,3}?(?:(?:was|were|had|has|is|are)\s|"
    r"(?:gained|won|obtained|received)\s+(?:\w+\s+){0,2}?(?:approval|authori[sz]ation)\b))",
    re.IGNORECASE)
# A list's closing ", and" is no break while what came before it has no verb: "A, B, and C have been approved".
LIST_AND = re.compile(r",\s+and\s+$", re.IGNORECASE)
# A verb that makes the words before a bare "and" a clause of their own, its result told ("A prolonged survival").
RESULT_VERB = re.compile(r"\b(?:prolonged|improved|extended|reduced|demonstrated|showed|resulted|achieved|doubled)\b",
                         re.IGNORECASE)
FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|been|be|approved|authori[sz]ed|granted|received|gained|won|"
                         r"obtained|announced|said|accepted)\b", re.IGNORECASE)
# A list of approved agents opened by "including" / "such as" may part its items by semicolons, each item a described
# drug ("..., including a TKI, A; a combination of two antibodies, B plus C; and D"): no item with no verb is a clause.
LIST_OPENING = re.compile(r"\b(?:including|such\s+as|namely|as\s+follows)\b", re.IGNORECASE)
# "according to a filing with the stock exchange", "the company said": a source, not a statement of its own.
ATTRIBUTION = re.compile(r"\s*according to\b", re.IGNORECASE)
# "After X was approved ..., Y declined": a fronted subordinate clause ends at its comma (also inside a quotation).
# "Apart from the FDA's acceptance of the filing, X has been approved in China": an event set aside is its own too.
FRONTED_SUBORDINATE = re.compile(r"^\s*[\"“‘']?(?:After|Since|Once|When|Until|Before|Because|Although|Following|Upon|"
                                 r"Apart from|Aside from|Besides|In addition to|"
                                 # "According to the announcement, X was approved ...": the source, then the statement
                                 r"According to)\s[^,;]{3,200}?,\s+")

@dataclass(frozen=True)
class Clause:
    """A clause of a sentence that states one approval event: its offsets in the sentence and its text."""

    start: int
    end: int
    text: str


def clauses(text: str) -> list[Clause]:
    """The sentence cut at clause boundaries ("; ", ", with ", ", while ", ", and was ").

    >>> [c.text for c in clauses("X was approved in Japan, with Y accepted for review in China")]
    ['X was approved in Japan', 'Y accepted for review in China']
    >>> [c.text for c in clauses("After X was approved in 2018, Y use declined after Z was withdrawn")]
    ['After X was approved in 2018', 'Y use declined', 'after Z was withdrawn']
    >>> [c.text for c in clauses("The agency approved X on Monday, according to a filing")]
    ['The agency approved X on Monday']
    >>> [c.text for c in clauses("Since 2019, A, B, and C have been approved for D")]
    ['Since 2019', 'A, B, and C have been approved for D']
    >>> [c.text for c in clauses("A was approved for D1, and B has been approved for D2")]
    ['A was approved for D1', 'B has been approved for D2']
    >>> [c.text for c in clauses("A was approved for D1, and granted a review for D2")]
    ['A was approved for D1', 'granted a review for D2']
    """
    out, pos = [], 0
    fronted = FRONTED_SUBORDINATE.match(text)
    if fronted:
        head = text[:fronted.end()].rstrip().rstrip(",")
        out.append(Clause(0, len(head), head))
        pos = fronted.end()
    for cut in CLAUSE_BREAK.finditer(text, pos):
        if LIST_AND.match(cut.group()) and not FINITE_VERB.search(text, pos, cut.start()):
            continue  # "A, B, and C have been approved": the last item of a list, no clause of its own
        if cut.group("approved_subject") and not (FINITE_VERB.search(text, pos, cut.start())
                                                  or RESULT_VERB.search(text, pos, cut.start())):
            continue  # "A and B approved by the agency": one list of subjects
        if cut.group() == ";" and LIST_OPENING.search(text, pos, cut.start()) \
                and not FINITE_VERB.search(text, cut.end(), _item_end(text, cut.end())):
            continue  # "approved, including A; B plus C; and D": the next item of the list
        out.append(Clause(pos, cut.start(), text[pos:cut.start()]))
        pos = cut.end()
    out.append(Clause(pos, len(text), text[pos:]))
    return [c for c in out if c.text.strip() and not ATTRIBUTION.match(c.text)]


def _item_end(text: str, start: int) -> int:
    """Where a list item starting at ``start`` ends: the next semicolon, else the sentence's end."""
    end = text.find(";", start)
    return len(text) if end < 0 else end


def fronted(text: str, parts: list[Clause]) -> int | None:
    """The index of the sentence's fronted subordinate clause ("Since the approval of X, ..."), if any."""
    return 0 if parts and parts[0].start == 0 and FRONTED_SUBORDINATE.match(text) else None


"""What patients were given, in "patients received A" (:mod:`.prose_arms` reads the trial's arm from it).

Cue words and grammar only: who the patients are ("patients with X who progressed on B") and the verb
that gives them the trial's agent.
"""

from __future__ import annotations

import re

from .sentences import ROUTE

# Given one agent, "patients received A": the trial's arm (the only one when nothing was randomised).
# "Of 51 screened participants, 36 received A": a count of them as the subject
# ... "They received A": the patients the sentence before named
RECEIVED_RE = re.compile(r"\b(?:\d+\s+(?:patients|participants|subjects),?\s+who|(?:patients|participants|subjects|adults),\s+\d+|"
                         r"patients|pts|participants|subjects|adults|they)"  # "21 patients, who"; an abstract's "pts"
                         # ... who they are: "patients with X", "patients with recurrent or oligometastatic X" (no earlier
                         # therapy: "patients with X previously treated with B" had B before)
                         r"(?:\s+(?:with|in)\s+[\w-]+(?:\s+(?!(?:previously|prior|pre-?treated|after|following|who|had|have|"
                         r"been|progress\w*|refractory|intolerant)\b)[\w-]+){0,4}?)?"
                         r"(?:\s+(?:intravenously|orally|subcutaneously))?"
                         # ... who they are by what went before: "patients with X after prior systemic treatment(s)"
                         r"(?:\s+(?:after|following)\s+(?:[\w-]+(?:\(s\))?\s+){0,3}?[\w-]+(?:\(s\))?)?"
                         # ... or treated before: "patients (naive to or) previously treated with B received A"
                         r"(?:\s+(?:naive\s+to\s+(?:or\s+)?)?(?:previously|prior)\s+treated\s+with(?:\s+[\w-]+){1,3}?)?"
                         # ... or by a who-clause of what went before: "who progressed on B", "who experienced progression
                         # after or intolerance to B treatment", "who had failed B"
                         r"(?:\s+who\s+(?:had\s+)?(?:progressed|experienced\s+progression|failed|were\s+(?:refractory|intolerant))"
                         r"\b[^.;]{0,60}?)?"
                         # ... "patients in the intent-to-treat arm who received", "participants who were given"
                         r"(?:\s+in\s+the\s+[\w-]+\s+(?:arm|group|cohort|population)(?:\s+who)?)?\s+"
                         r"(?:were\s+|will\s+(?:be\s+)?|to\s+)?(?:(?:concurrently|simultaneously|sequentially|consecutively|then|also)\s+)?"
                         # ... enrolled first: "36 patients were enrolled and received A", "were included and treated
                         # with A", "were enrolled to receive A"
                         r"(?:(?:enrolled|included|recruited|accrued)\s+(?:and\s+(?:were\s+)?|to\s+))?"
                         r"(?:receive[sd]?|given|administered|treated\s+with|"
                         # ... "patients underwent (the triple combination therapy of) A, B plus C"
                         r"underwent(?:\s+(?:the\s+|an?\s+)?(?:(?:dual|double|triple|quadruple)\s+)?(?:combination\s+)?"
                         r"(?:therapy|treatment|regimen)\s+(?:of|with))?)\s+"
                         # ... how long first: "patients received 8 weeks of (neoadjuvant) therapy with A", "21-day cycles of A"
                         r"(?:\d+\s+(?:weeks?|months?|cycles?|doses?)\s+of\s+(?:(?:neoadjuvant|adjuvant|combination|induction)\s+)?"
                         r"(?:therapy|treatment)\s+with\s+|(?:(?:\d+|two|three|four|six|eight)\s+)?(?:\d+-(?:day|week)\s+)?(?:treatment\s+)?"
                         r"cycles\s+of\s+|"
                         # ... or the doses a dose-finding study gave: "three different doses of A", "escalating dose
                         # levels of A"
                         r"(?:(?:\d+|two|three|four|five|six|several|multiple|different|escalating|increasing|ascending)\s+)"
                         r"{1,2}(?:dose\s+levels?|doses|dosages|dose\s+cohorts)\s+of\s+)?"
                         # ... the dose may come first: "patients received 240 mg/body A", "received oral 400 mg of A",
                         # "received a 600 mg dose of A"
                         rf"(?:an?\s+)?(?:{ROUTE}\s+)?(?:\d+(?:\.\d+)?\s*(?:mg|g|mcg|µg)(?:/[\w²]+)*\s+"
                         r"(?:(?:daily\s+)?doses?\s+)?(?:of\s+)?)?"
                         # ... and when: "received two cycles of neoadjuvant A"; whose cells: "received autologous A"
                         r"(?:(?:neoadjuvant|adjuvant|perioperative|induction|autologous|allogeneic)\s+)?$",
                         re.IGNORECASE)
# Who the patients are, not what the trial gives them: "in patients previously treated with B", "after B".
_EARLIER = (r"previously\s+treated\s+with|pre-?treated\s+with|(?:after|following)\s+(?:having\s+)?(?:been|being)\s+treated\s+with|"
            # ... a clause of its own: "whose tumours grew after they were treated with B", "once patients had taken B"
            r"(?:after|following|once|since)\s+(?:they|patients|he|she)\s+(?:had\s+)?(?:were\s+|was\s+|been\s+)?"
            r"(?:treated\s+with|given|received|taken|taking|stopped|discontinued)|"
            r"progress\w*\s+(?:on|after|with|during|while\s+on)|refractory\s+to|intolerant\s+(?:of|to)|after|following|prior")
# ("following first-line therapy with B": three words between)
# ... or a prefix the earlier therapy is written with: "post-B liver cancer", a headline's "Post-B HCC"
PRIOR_THERAPY_RE = re.compile(rf"\b(?:{_EARLIER})\s+(?:[\w-]+\s+){{0,2}}(?:(?:therapy|treatment)\s+with\s+)?$|\bpost-$",
                              re.IGNORECASE)
PRIOR_REACH = 50  # how far before an agent its earlier-therapy cue may start


def had_before(text: str, start: int) -> bool:
    """Is the agent starting at ``start`` named as what the patients had before ("previously treated with B", "after
    B")?

    >>> text = "Adults given A, all previously treated with B"
    >>> had_before(text, text.index("A")), had_before(text, text.index("B"))
    (False, True)
    >>> had_before("Maker pulls A in post-B liver cancer", 22)
    True
    """
    return PRIOR_THERAPY_RE.search(text[max(0, start - PRIOR_REACH):start]) is not None
# ... in the description of the patients who received the trial's agent ("who progressed on B", "intolerance to B
# treatment", "who had failed B"), never the verb giving that agent ("who progressed on B received A": A is given).
EARLIER_THERAPY_RE = re.compile(rf"\b(?:{_EARLIER}|intolerance\s+to|failed)\s+"
                                r"(?:(?!(?:receiv|given|treated|administ))[\w-]+\s+){0,2}$", re.IGNORECASE)
RECEIVED_REACH = 150  # "Patients in the intent-to-treat arm who received a 600 mg dose of A": the longest lead read

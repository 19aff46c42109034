"""How many patients each arm has, as prose states it: "A (n = 300)", "(A arm, n = 530; ...)",
"336 patients in the A group", "to A or B (n = 478 and 476, respectively)", "(257 A, 255 B)",
"326 received A and 163 B", "A (n 135)" (a PDF that lost the "="), one count for every arm ("480
patients (240 per arm) were randomised to A or B"), a size after an arm's maintenance schedule ("A plus
B, followed by A every 4 weeks (n = 71)"); how many a single-arm trial enrolled is read by :mod:`.enrolment`.

Split from :mod:`prose_arms`, which reads which arms there are; the counts that name them one by
one ("342 were randomised to A and 168 to B") are read here and list the arms as well.
"""

from __future__ import annotations

import re

from ..keys import agent_key
from .analysis import AnalysedDocument, AnalysedSentence
from .arm_groups import lettered_sizes
from .prose_subgroups import PART_LABEL, is_subgroup
from .prose_arms import FOLLOWED_BY_RE, GROUP_AFTER_RE, SIZE_RE, Agent, agents, count_value
from .regimen_glue import DOSE_BEFORE, DRUG_CLASS_NOUN
from .role_arms import role_arms
from .sentences import DOSE_WORD, MASS_UNIT, ROUTE
from .trial_name_shapes import NCT_RE

# Counts that name the arms one by one, each right before its agent: "(379 to A and 194 to B)",
# "with 395 receiving A and 399 receiving B", "342 were randomised to A and 168 to B", "300 patients
# received A and 150 received B", "336 in the A group and 165 in the B group".
# ... a guide for patients: "351 people took A and B and 174 took an older tablet called C"; "184 given a placebo".
# ... "the 210 patients who were randomly assigned to receive the X inhibitor A": a relative clause, the agent's class.
# ... "among 81 of those who received B": the count of the patients just spoken of.
# ... not the first dose of a range: "1 to 3 mg A plus 750 to 1500 mg B" counts no patients.
DOSE_RANGE_AFTER = rf"(?!\s*(?:-|–|to)\s*\d[\d.,]*\s*{MASS_UNIT}\b)"
COUNTED_RE = re.compile(r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})*|\d+)" + DOSE_RANGE_AFTER + r"\s+(?:patients\s+|participants\s+|people\s+|of\s+those\s+)?(?:who\s+)?(?:were\s+|had\s+been\s+)?"
                        r"(?:(?:(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\s+)?to(?:\s+receive)?|receiving|"
                        r"received|took|treated\s+with|(?:were\s+)?given|(?:randomly\s+)?(?:assigned|allocated)|(?P<within>(?:(?:(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+)?to|"
                        r"in|on)(?:\s+the)?))\s+(?:an?\s+|(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:called|named)\s+|"
                        rf"the\s+(?:[\w-]+\s+){{0,3}}?{DRUG_CLASS_NOUN}\s+|"
                        # "assigned 82 patients to a regimen of 500 mg per day of A": the dosing before the agent
                        rf"an?\s+(?:regimen|dose|schedule|course)\s+of\s+(?:{DOSE_WORD}\s+)+of\s+)?"
                        # "treated with oral A", "assigned 362 patients to 7.5 mg daily A": its dose before it
                        rf"(?:{DOSE_BEFORE}(?:{DOSE_WORD}\s+)*)?(?:{ROUTE}\s+)?$", re.IGNORECASE)
# ... and the next count with the verb left out: "326 received A and 163 B", "180 were treated with A and 176 with B",
# "300 were randomised to A and 150 to B".
ELIDED_COUNT_RE = re.compile(r"(?:,|\band)\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:(?:patients|participants)\s+)?(?:(?:with|to|on)\s+)?$",
                             re.IGNORECASE)
# "14 patients in the A group", "13 patients were included in the A group"
IN_GROUP_RE = re.compile(r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients|participants)\s+"
                         r"(?:(?:were|was)\s+(?:included|enrolled|treated)\s+)?(?:in|on)\s+the\s+$", re.IGNORECASE)
# "to A or B (n = 478 and 476, respectively)": counts in the order of the arms before them.
# ... or unbracketed: "to A or B: n = 478 and n = 476, respectively".
# ... or "(n = 338 vs 336)", "(338 and 336 patients, respectively)".
_N = r"\d[\d,]*"
RESPECTIVE_SIZES_RE = re.compile(rf"\(?\s*\bn\s*=\s*(?P<counts>{_N}(?:\s*(?:,|and|,\s*and)\s*(?:n\s*=\s*)?{_N})+),?"
                                 r"\s*respectively\b\s*\)?|"
                                 rf"\(\s*n\s*=\s*(?P<versus>{_N}(?:\s*(?:vs\.?|versus)\s*(?:n\s*=\s*)?{_N})+)\s*\)|"
                                 rf"\(\s*(?P<patients>{_N}(?:\s*(?:,|and|,\s*and)\s*{_N})+)\s+(?:patients|participants),?\s*"
                                 r"respectively\s*\)|"
                                 # "to A or B (478 and 476, respectively)": bare counts, read right after the last arm only
                                 rf"\(\s*(?P<bare>{_N}(?:\s*(?:,|and|,\s*and)\s*{_N})+),?\s*respectively\s*\)", re.IGNORECASE)
# "954 patients (478 vs 476)", "a trial of A versus B in 395 (263/132)": a total split in brackets; the parts must add up
# to it, then they are the sentence's arms' counts, in the order it names the arms.
SPLIT_TOTAL_RE = re.compile(rf"(?<![\d.,])(?P<total>{_N})\s+(?:(?:patients|participants|subjects)\s+)?\(\s*(?:n\s*=\s*)?"
                            rf"(?P<parts>{_N}(?:\s*(?:vs\.?|versus|and|,|/)\s*(?:n\s*=\s*)?{_N})+)(?:,?\s*respectively)?\s*\)",
                            re.IGNORECASE)
# "(A, 334; B, 334)", "(A 240 mg every 2 weeks; 371 participants)": a count closing the arm's own parenthesis.
COMMA_COUNT_RE = re.compile(r"^\s*[,:]\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:(?:patients|participants|pts)\s*)?(?=[;)])",
                            re.IGNORECASE)  # "(A: 338 patients; B: 336 patients)"
# "(A: 234, B: 225)": the colon form parted by commas (then a word: no number runs on), the agent opening its part
# (in "(X plus A: 234, ...)" with X unknown, the count is not A's).
COLON_COMMA_COUNT_RE = re.compile(r"^\s*:\s*(?P<n>\d+)\s*(?:(?:patients|participants|pts)\s*)?(?=,\s*[^\d\s])", re.IGNORECASE)
# ... the list's last part closing the sentence: "randomised to A, 334; B, 334." (after a part so counted).
LAST_COMMA_COUNT_RE = re.compile(r"^\s*,\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?:(?:patients|participants|pts)\s*)?\.?\s*$",
                                 re.IGNORECASE)
PART_OPENS_RE = re.compile(r"[(,]\s*$")
# "(257 A, 255 B)", "(287 A/144 B)": a count opening each part of a parenthesised list, right before the arm.
COUNT_FIRST_RE = re.compile(r"(?:\(|,|;|/|\band)\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:patients|participants)\s+"
                            r"(?:(?:in\s+the|on|received|receiving)\s+)?)?$", re.IGNORECASE)
BARE_COUNT_RE = re.compile(r"^\s*\(\s*(?P<n>\d{2,5})\s*\)")  # "allocated to A (150) or B (148)"
# "to A (120 patients, 400 mg daily) or B (60 patients)": a count opening the arm's own parenthesis, its dose after.
OPENING_COUNT_RE = re.compile(r"^\s*\(\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|pts)\s*[,;](?!\s*[\d.]+\s*%)",
                              re.IGNORECASE)  # not a count with its share: "A (57 patients, 21%) had grade 3 rash"
# "A (n 135) or B (n 69)", "A (n: 150)": the "=" lost in a PDF's text or printed as a colon.
N_WITHOUT_EQUALS_RE = re.compile(r"^\s*\(\s*n\s*(?::\s*|\s+)(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\)", re.IGNORECASE)
# "480 patients (240 per arm) were randomised to A or B", "to A or B (n = 240 each)", "240 patients in each
# group": one count that every arm the sentence names has.
_ARMS = r"(?:treatment\s+)?(?:arm|group|cohort)\b"
# ... also with its verb between: "150 patients were assigned to each group", "200 were randomised to each arm".
PER_ARM_RE = re.compile(rf"(?P<n>{_N})\s+(?:(?:patients|participants|subjects|pts|cases)\s+)?(?:(?:were|was)\s+(?:randomly\s+)?"
                        r"(?:randomi[sz]ed|assigned|allocated|enrolled|included)\s+)?"
                        rf"(?:per|in\s+each|for\s+each|to\s+each)\s+{_ARMS}|"
                        rf"(?P<e>{_N})\s+(?:patients|participants|subjects|pts)\s+each\b|"
                        # "150 on each of the A and B arms"
                        rf"(?P<o>{_N})\s+(?:(?:patients|participants|subjects)\s+)?(?:on|in|to)\s+each\s+of\s+the\s+"
                        r"(?=[^.;]{1,80}?\b(?:arms|groups|cohorts)\b)|"
                        rf"\bn\s*=\s*(?P<m>{_N})\s+(?:each\b|per\s+{_ARMS})", re.IGNORECASE)
# ... not a sample size planned or powered for: "240 patients per arm would give 80% power".
PLANNED_RE = re.compile(r"\b(?:will|would|to\s+be|planned|plans?|power|needed|required|target(?:ed)?|"
                        r"anticipated|expected|estimated)\b", re.IGNORECASE)
PAREN_COUNT_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+(?:patients|participants|pts)\s*\)", re.IGNORECASE)
# Only the arm's dose and schedule between it and its bracketed count: "A 400 mg twice daily (", "A orally every day (".
DOSING_GAP_RE = re.compile(rf"(?:\s+{DOSE_WORD})+\s*\(\s*", re.IGNORECASE)
# The arm's own parenthesis, perhaps after the word for what the agent is given as ("B monotherapy (B; n = 389)",
# "A plus B combination therapy (A+B; n = 393)", "the A group (299 patients)", "A plus a B biosimilar (380 patients)").
OWN_BRACKET_RE = re.compile(r"\s*(?:(?:combination\s+)?(?:therapy|treatment|regimen)|monotherapy|alone|group|arm|cohort|biosimilar)?\s*\(",
                            re.IGNORECASE)
# ... nor across the population the count is of ("A vs B was met in the intention-to-treat population (n = 674)").
# ... nor a count right after a share, how many that share is ("A, including 8% (n = 4) with a complete response").
# (nor a count after a clause the colon opens, of a value it states: "... treated with A: baseline scores were 5 (n=44)")
SIZE_GAP_BREAK = re.compile(r";|\bor\b|\bversus\b|\bvs\b|\bpopulation\b|%\s*\(?\s*$|:\s+[a-z]|"
                            r"\b(?:was|were|is|are)\s+\d[\d.]*\s*\(?\s*$", re.IGNORECASE)
# "the A arm included 338 patients and the B arm 336": an arm's count as the object of its own verb, and the
# next arm's count with the verb left out.
GROUP_INCLUDED_RE = re.compile(r"^[\s-]*(?:arm|group|cohort)\s+(?:included|comprised|enrolled|contained|consisted\s+of|had)\s+"
                               r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects)\b", re.IGNORECASE)
GROUP_ELLIPSIS_RE = re.compile(r"^[\s-]*(?:arm|group|cohort)\s*,?\s+(?:(?:included|comprised|enrolled|contained|had)\s+)?"
                               r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?=\s*(?:patients\b|participants\b|[.;,)]|$))", re.IGNORECASE)
# Counts of patients with an event, not in an arm: "... in the B group had died", "... had progressed".
# Read right after the last arm's label.
EVENT_COUNT_RE = re.compile(r"[\s-]*(?:group|arm|cohort)s?\b,?\s*(?:respectively,?\s*)?(?:(?:had|have)\s+)?(?:died|progressed|"
                            r"relapsed|responded|discontinued|(?:had|experienced)\s+(?:an?\s+)?(?:events?|deaths?|progression|"
                            r"responses?|grade\s+\d))\b", re.IGNORECASE)
# "The A and B groups included 478 and 476 patients, respectively", "478 and 476 patients were assigned to A
# and B, respectively": a list of counts of patients, in the order of the arms the sentence names.
COUNT_LIST_RE = re.compile(r"(?<![\d.,])(?P<list>\d[\d,]*(?:\s*,\s*\d[\d,]*)*\s*,?\s*(?:and|&)\s*\d[\d,]*)\s+"
                           r"(?:patients|participants|subjects|pts)\b", re.IGNORECASE)
RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.IGNORECASE)
# ... not counts of patients with an event or in an analysis: "grade 3 events occurred in 120 and 98 patients".
COUNTED_FOR_RE = re.compile(r"\b(?:adverse|events?|died|deaths?|discontinu\w*|respon\w*|progress\w*|grade|toxic\w*|"
                            r"reduc\w*|interrupt\w*|occurred|experienced|evaluable|analy[sz]\w*|safety)\b", re.IGNORECASE)
GROUPS_AFTER_RE = re.compile(r"^\s+(?:treatment\s+)?(?:groups|arms|cohorts)\b", re.IGNORECASE)  # "the A and B groups"
# "A: 478 patients; B: 476 patients": a count after the arm's colon.
COLON_COUNT_RE = re.compile(r"^\s*:\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects|pts)\b", re.IGNORECASE)
# "the numbers randomised were 478 (A) and 476 (B)": each count right before its arm in brackets.
COUNT_BEFORE_BRACKET_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*\(\s*$")
# "A was given to 478 patients and B to 476": each arm's count after it, the verb left out for the next.
GIVEN_TO_RE = re.compile(r"^\s+(?:was|were)\s+(?:given|administered|assigned|allocated)\s+to\s+"
                         r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|subjects)\b", re.IGNORECASE)
ELIDED_TO_RE = re.compile(r"^\s+to\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?=\s+(?:patients|participants|subjects)\b|\s*[.;,)]|$)",
                          re.IGNORECASE)


def arm_sizes(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, int]:
    """Patients per arm agent: "A (n = 300)", "(A arm, n = 530; ...)", "336 patients in the A group"."""
    named = agents(doc, sent)
    sizes, respective = _respective_sizes(named, sent.text)
    for key, count, span in _dosed_parts_counts(named, sent.text):
        sizes.setdefault(key, count)
        respective.append(span)
    # (not where "followed by" joins one agent's parts: "A followed by B (n = 85)" is the sequence's size)
    maintenance = [(m.start(), m.end()) for m in FOLLOWED_BY_RE.finditer(sent.text)
                   if not any(a.start < m.start() < a.end for a in named)]
    for m in [*SIZE_RE.finditer(sent.text), *PAREN_COUNT_RE.finditer(sent.text)]:
        if any(s <= m.start() < e for s, e in respective):
            continue
        # "A plus B for four doses followed by A every 4 weeks (n = 71)": the size of the arm the schedule continues
        at = next((s for s, e in maintenance if s <= m.start() < e), m.start())
        before = [a for a in named if a.end <= at]
        if before and _size_gap(sent.text[before[-1].end:at], m.re is SIZE_RE) and at - before[-1].end <= 60:
            sizes.setdefault(before[-1].key, count_value(m))
    if named and EVENT_COUNT_RE.match(sent.text, named[-1].end):  # "... and 350 in the B group had died"
        return sizes
    for agent in named:
        if (m := IN_GROUP_RE.search(sent.text, max(0, agent.start - 40), agent.start)) and GROUP_AFTER_RE.match(sent.text[agent.end:]):
            sizes.setdefault(agent.key, count_value(m))
        if PART_OPENS_RE.search(sent.text[max(0, agent.start - 3):agent.start]) \
                and (m := COLON_COMMA_COUNT_RE.match(sent.text[agent.end:])):
            sizes.setdefault(agent.key, count_value(m))
        if m := (COMMA_COUNT_RE.match(sent.text[agent.end:]) or BARE_COUNT_RE.match(sent.text[agent.end:])
                 or N_WITHOUT_EQUALS_RE.match(sent.text[agent.end:]) or OPENING_COUNT_RE.match(sent.text[agent.end:])):
            sizes.setdefault(agent.key, count_value(m))
        elif agent is named[-1] and len(named) > 1 and COMMA_COUNT_RE.match(sent.text[named[-2].end:]) \
                and (m := LAST_COMMA_COUNT_RE.match(sent.text[agent.end:])):
            sizes.setdefault(agent.key, count_value(m))
    for agent, count in arm_counts(doc, sent):
        sizes.setdefault(agent.key, count)
    for key, count in lettered_sizes(doc, sent).items():  # "cohort A (n = 28) received A"
        sizes.setdefault(key, count)
    for agent, count in _included_counts(named, sent.text):
        sizes.setdefault(agent.key, count)
    for agent, count in _counts_first(named, sent.text):
        sizes.setdefault(agent.key, count)
    for agent, count in [*per_arm_counts(named, sent.text), *_given_counts(named, sent.text),
                         *_listed_counts(named, sent.text), *_bracketed_arm_counts(named, sent.text)]:
        sizes.setdefault(agent.key, count)
    # "a subgroup analysis of patients with X (34 treated with A, 22 with B)": the subgroup's counts, not the arms'
    in_subgroup = {a.key for a in named if is_subgroup(sent.text, a.start)} - {a.key for a in named if not is_subgroup(sent.text, a.start)}
    return {key: n for key, n in sizes.items() if key not in in_subgroup}


# "STRIDE (n = 393; A: one dose of 300 mg; B: 1,500 mg every 4 weeks)": a count opening a parenthesis whose parts give
# each drug's dosing after its name and a colon.
OPENING_SIZE_RE = re.compile(r"\(\s*n\s*=\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*;(?P<inside>[^()]*)\)", re.IGNORECASE)
DOSED_PART_RE = re.compile(r"\s*:\s*(?:(?:one|two|a|an?\s+single)\s+doses?\s+of\s+)?\d", re.IGNORECASE)


def _dosed_parts_counts(named: list[Agent], text: str) -> list[tuple[str, int, tuple[int, int]]]:
    """(regimen key, count, span) for each count opening a parenthesis that doses two or more drugs by name
    ("ACRONYM (n = 393; A: one dose of 300 mg; B: 1,500 mg every 4 weeks)"): the count is the regimen's, whatever
    its acronym stands for; the drugs the parenthesis doses are its parts."""
    out = []
    for m in OPENING_SIZE_RE.finditer(text):
        dosed = [a for a in named if m.start("inside") <= a.start and a.end <= m.end("inside") and DOSED_PART_RE.match(text, a.end)]
        parts = sorted({c for a in dosed for c in a.components})
        if len({a.key for a in dosed}) >= 2 and len(parts) >= 2:
            out.append((agent_key(parts), count_value(m), (m.start(), m.end())))
    return out


def _listed_counts(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"The A and B groups included 478 and 476 patients(, respectively)": as many counts as distinct arms,
    in the arms' order, when the sentence says "respectively" or names the arms as "the A and B groups"."""
    arms = list({a.key: a for a in reversed(named)}.values())[::-1]  # each arm at its first naming
    grouped = any(GROUPS_AFTER_RE.match(text[a.end:]) for a in named)
    m = COUNT_LIST_RE.search(text)
    if m is None or not (RESPECTIVELY_RE.search(text) or grouped) or COUNTED_FOR_RE.search(text):
        return []
    counts = [int(c.replace(",", "")) for c in re.findall(r"\d[\d,]*", m.group("list"))]
    return list(zip(arms, counts)) if len(counts) == len(arms) >= 2 else []


def _bracketed_arm_counts(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"478 (A) and 476 (B)", "A: 478 patients; B: 476 patients": a count next to each of two or more arms."""
    out = []
    for agent in named:
        before = COUNT_BEFORE_BRACKET_RE.search(text[max(0, agent.start - 12):agent.start])
        if before and re.match(r"\s*\)", text[agent.end:]):
            out.append((agent, count_value(before)))
        elif m := COLON_COUNT_RE.match(text[agent.end:]):
            out.append((agent, count_value(m)))
    return out if len({a.key for a, _ in out}) >= 2 else []


def _given_counts(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"A was given to 478 patients and B to 476": the first count with its verb, then the elided ones
    (none unless two arms are counted: "B was given to 120 patients" alone may be a later therapy)."""
    out: list[tuple[Agent, int]] = []
    for agent in named:
        if m := (ELIDED_TO_RE if out else GIVEN_TO_RE).match(text[agent.end:]):
            out.append((agent, count_value(m)))
    return out if len({a.key for a, _ in out}) >= 2 else []


def per_arm_counts(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"480 patients (240 per arm) were randomised to A or B": the one count each of two or more arms has;
    none for a planned sample size ("240 patients per arm would give 80% power")."""
    count = each_arm_count(text)
    if count is None or len({a.key for a in named}) < 2:
        return []
    return [(agent, count) for agent in named]


def each_arm_count(text: str) -> int | None:
    """The one count a sentence gives every arm without naming them ("150 patients were assigned to each
    group"); None when it gives none or plans one ("240 per arm would give 80% power").

    >>> each_arm_count("In total, 150 patients were randomly assigned to each group."), each_arm_count("150 per arm are planned.")
    (150, None)
    >>> each_arm_count("Accrual stopped at 300 patients, 150 in each arm, when a planned interim analysis crossed the futility boundary.")
    150
    """
    m = PER_ARM_RE.search(text)
    if m is None or PLANNED_RE.search(_clause_around(text, m.start(), m.end())):
        return None  # (only the count's own clause: "..., when a planned interim analysis ..." plans no count)
    return int(next(g for g in m.group("n", "e", "o", "m") if g).replace(",", ""))


def _clause_around(text: str, start: int, end: int) -> str:
    """The stretch of ``text`` around [start, end) up to the nearest comma, semicolon or dash on either side."""
    before = max((text.rfind(mark, 0, start) for mark in ",;—–"), default=-1)
    after = min((i for i in (text.find(mark, end) for mark in ",;—–") if i >= 0), default=len(text))
    return text[before + 1:after]


def _counts_first(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"512 randomised patients (257 A plus B, 255 B)": a parenthesis listing each arm after its count."""
    for group in re.finditer(r"\(([^()]*)\)", text):
        inside = [a for a in named if group.start(1) <= a.start and a.end <= group.end(1)]
        counts = [COUNT_FIRST_RE.search(text, group.start(), a.start) for a in inside]
        if len(inside) >= 2 and None not in counts and len({a.key for a in inside}) == len(inside):
            return [(a, count_value(m)) for a, m in zip(inside, counts)]  # type: ignore[arg-type]
    return []


def counted_groups(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """The arms a sentence counts one by one after naming each ("the A arm included 338 patients and the B arm 336",
    "A was given to 478 patients and B to 476"): [] unless two or more distinct arms are counted so."""
    named = agents(doc, sent)
    for counted in (_included_counts(named, sent.text), _given_counts(named, sent.text)):
        if len({a.key for a, _ in counted}) >= 2:
            return list({a.key: a for a, _ in counted}.values())
    return []


def _included_counts(named: list[Agent], text: str) -> list[tuple[Agent, int]]:
    """"the A arm included 338 patients and the B arm 336": the first count with its verb, then the elided ones."""
    out: list[tuple[Agent, int]] = []
    for agent in named:
        pattern = GROUP_ELLIPSIS_RE if out else GROUP_INCLUDED_RE
        if m := pattern.match(text[agent.end:]):
            out.append((agent, count_value(m)))
    return out


def _respective_sizes(named: list[Agent], text: str) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Sizes given in the order of the arms named before them, and the spans they were read from."""
    sizes: dict[str, int] = {}
    spans = []
    for m in RESPECTIVE_SIZES_RE.finditer(text):
        listed = m.group("counts") or m.group("versus") or m.group("patients") or m.group("bare")
        counts = [int(c.replace(",", "")) for c in re.findall(r"\d[\d,]*", listed)]
        before = [a for a in named if a.end <= m.start()]
        if m.group("bare") and (not before or text[before[-1].end:m.start()].strip() or COUNTED_FOR_RE.search(text)):
            continue  # "(120 and 98, respectively)" after anything but the arms may count events
        if len(before) >= len(counts) and len({a.key for a in before[-len(counts):]}) == len(counts):
            sizes.update({a.key: n for a, n in zip(before[-len(counts):], counts)})
            spans.append((m.start(), m.end()))
    arms = list(dict.fromkeys(a.key for a in named))
    for m in SPLIT_TOTAL_RE.finditer(text):
        counts = [int(c.replace(",", "")) for c in re.findall(r"\d[\d,]*", m.group("parts"))]
        if len(counts) == len(arms) and sum(counts) == int(m.group("total").replace(",", "")) and not sizes:
            sizes.update(zip(arms, counts))
            spans.append((m.start(), m.end()))
    return sizes, spans


# A registry number standing first in the arm's bracket ("(NCT...; n = 30)"): no break between the arm and its count.
REGISTRY_ITEM_RE = re.compile(rf"{NCT_RE.pattern}\s*[;,]\s*")
# A part's label inside the arm's bracket: "A (cohort 1, n = 20; cohort 2, n = 20)" counts the parts, not the arm.
PART_LABEL_RE = re.compile(rf"\b{PART_LABEL}", re.IGNORECASE)


def _size_gap(gap: str, bare_n: bool) -> bool:
    """May a count after this gap belong to the arm before it?  Inside the arm's own parenthesis
    ("A (240 mg every 2 weeks; n = 371)", "the A group (299 patients)") a semicolon separates details."""
    if PART_LABEL_RE.search(gap):
        return False  # "A (cohort 1, n = 20; ...)": a part's count
    gap = REGISTRY_ITEM_RE.sub("", gap)  # "A in patients with X (NCT...; n = 30)": the registry number is no break
    own = bool(OWN_BRACKET_RE.match(gap)) and ")" not in gap
    if own or DOSING_GAP_RE.fullmatch(gap):  # "A 400 mg twice daily (299 patients)": the dose, then the arm's count
        return not re.search(r"\bor\b|\bversus\b|\bvs\b", gap, re.IGNORECASE)
    return bare_n and not SIZE_GAP_BREAK.search(gap)


def counted_arms(doc: AnalysedDocument, sent: AnalysedSentence) -> list[Agent]:
    """Arms each named right after its own count: "342 were randomised to A and 168 to B" ([] for fewer than two)."""
    return [agent for agent, _ in arm_counts(doc, sent)]


def arm_counts(doc: AnalysedDocument, sent: AnalysedSentence) -> list[tuple[Agent, int]]:
    """(agent, count) for each distinct agent right after its count, when two or more are."""
    counted: dict[str, tuple[Agent, int]] = {}
    last: Agent | None = None
    for agent in agents(doc, sent):
        # searched in place, not in a slice, so that the window's edge cannot cut a count ("71 patients were
        # randomly assigned to receive A" read as 1)
        found = COUNTED_RE.search(sent.text, max(0, agent.start - 90), agent.start)
        if found and (not found.group("within") or GROUP_AFTER_RE.match(sent.text[agent.end:])):
            counted.setdefault(agent.key, (agent, count_value(found)))
        elif counted and (elided := ELIDED_COUNT_RE.search(sent.text[max(0, agent.start - 30):agent.start])):
            counted.setdefault(agent.key, (agent, count_value(elided)))  # "326 received A and 163 B"
        elif last is not None and last.key in counted and re.fullmatch(r"\s+and\s+", sent.text[last.end:agent.start]) \
                and re.match(r"\s+and\s+\d", sent.text[agent.end:]):  # "351 took A and B and 174 took C": A and B together
            parts = tuple(sorted({*last.components, *agent.components}))
            agent = Agent(agent_key(parts), last.start, agent.end, parts)
            counted = {(agent.key if k == last.key else k): ((agent, v[1]) if k == last.key else v) for k, v in counted.items()}
        last = agent
    return list(counted.values()) if len(counted) >= 2 else []


# "(n = 333; HR ...)" right after an arm named by its role.
ROLE_SIZE_AFTER_RE = re.compile(r"\s*\(\s*n\s*=\s*(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*[;,)]", re.IGNORECASE)


def role_sizes(text: str, arms: list[str]) -> dict[str, int]:
    """Sizes of a two-arm trial's arms named by role: "165 patients in the control arm", "in the single-agent arm
    (n = 165)" (the role's arm: :func:`.role_arms.role_arms`)."""
    sizes: dict[str, int] = {}
    counted_for = COUNTED_FOR_RE.search(text)  # "grade 3 events occurred in 120 patients in the control arm": no size
    for role in role_arms(text, arms):
        before = None if counted_for else IN_GROUP_RE.search(text[max(0, role.start - 40):role.start])
        if m := (before or ROLE_SIZE_AFTER_RE.match(text, role.end)):
            sizes.setdefault(role.key, count_value(m))
    return sizes


# "The full analysis set included 328 and 331 patients, respectively": a two-arm trial's sizes in the order of its arms.
RESPECTIVE_INCLUDED_RE = re.compile(r"\b(?:included|comprised|enrolled|contained|consisted\s+of)\s+(?P<a>\d[\d,]*)\s+and\s+"
                                    r"(?P<b>\d[\d,]*)\s+(?:patients|participants|subjects)\s*,?\s*respectively\b", re.IGNORECASE)


def sizes_in_arm_order(text: str, arms: list[str]) -> dict[str, int]:
    """Sizes a sentence naming no agent gives a two-arm trial's arms "respectively" (their order is the arms').

    >>> sizes_in_arm_order("The analysis set included 328 and 331 patients, respectively.", ["a", "b"])
    {'a': 328, 'b': 331}
    >>> sizes_in_arm_order("The analysis set included 328 and 331 patients, respectively.", ["a", "b", "c"])
    {}
    """
    m = RESPECTIVE_INCLUDED_RE.search(text)
    if m is None or len(arms) != 2:
        return {}
    return {arms[0]: int(m.group("a").replace(",", "")), arms[1]: int(m.group("b").replace(",", ""))}

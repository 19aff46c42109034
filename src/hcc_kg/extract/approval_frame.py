"""What a document says once for all its approval statements (:mod:`.approvals`): the regulator,
line and drug its heading names, its dateline, the combinations it names, and, sentence by
sentence, the combination and the regulator named last before ("the combination", "the agency") and
the one agent the sentence before names ("the drug").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..keys import regimen_key
from .analysis import AnalysedDocument, AnalysedSentence
from .approval_agents import combined, document_regimens
from .approval_cues import APPROVAL_CUE, STEP_CUE
from .approval_lines import line_words
from .jurisdictions import Jurisdictions
from .received_cues import had_before
from .segment import ADDRESS_LINE_RE
from .sentences import COMBINATION_NOUN, DRUG
from .stated_dates import StatedDate, dates_in
from .subjects import PRONOUN_START


@dataclass(frozen=True)
class Frame:
    """What a document says once for all its approvals: its heading's regulator, line and drug,
    and a dateline."""

    regulator: str | None
    lines: tuple[str, ...]
    subject: str | None
    dateline: StatedDate | None
    heading: tuple[str, ...] = ()
    regimens: frozenset[str] = frozenset()  # the combinations the document names as such
    regimen: str | None = None  # the combination named last before the sentence read ("the combination")
    agency: str | None = None  # the regulator named last before the sentence read ("the agency")
    drug: str | None = None  # the one agent the sentence before names ("X was approved ... . The drug ...")
    earlier: tuple[str, ...] = ()  # the combinations named before the sentence read, the last named last ("both regimens")
    followed: bool = False  # the next sentence goes on about this one's approval (:mod:`.approval_followups`)
    step_only: bool = False  # the heading names its regulator for a step ("NDA submitted to X"), not an approval
    item_drug: str | None = None  # a subjectless item ("- Approved for D"): the drug the profile is about
    item_agency: str | None = None  # ... and the regulator its status lead names (:mod:`.approval_items`)


# "both regimens have received approval": the two combinations named last before.
BOTH_ANAPHOR = re.compile(r"\b(?:both|the two|these two) (?:regimens|combinations|doublets)\b", re.IGNORECASE)


def heading_lines(text: str) -> list[str]:
    """The document's leading short lines (title, dateline, subtitle), at most three (a line ending in a colon opens
    what follows, a list say: no heading)."""
    out = []
    lines = [line for line in text.lstrip().splitlines()[:5] if not ADDRESS_LINE_RE.match(line)]
    for line in lines[:4]:
        if len(line) > 200 or line.rstrip().endswith((".", ":")):
            break
        if line.strip():
            out.append(line.strip())
    return out[:3]


def document_frame(doc: AnalysedDocument, places: Jurisdictions) -> Frame:
    """What a notice's heading says for the whole document: its agency, lines, drug, date and regimens."""
    heading = heading_lines(doc.document.text)
    joined = " \n ".join(heading)
    mentions = [m for line in heading for m in doc.finder.find_text(line)]
    regulators = {r for line in heading for r in line_regulators(doc, places, line)}
    regulators |= {r for _, _, r in places.regulators_in(joined) if r in doc.vocabulary}
    says_approval = APPROVAL_CUE.search(joined) or STEP_CUE.search(joined)
    drugs = {m.key for m in doc.keys_of_type(mentions, *DRUG)}
    # a heading that states no approval ("Second-line options for HCC", a review's title) lends no line
    return Frame(regulators.pop() if says_approval and len(regulators) == 1 else None,
                 tuple(sorted(line_words(joined))) if says_approval else (), drugs.pop() if len(drugs) == 1 else None,
                 dateline(heading), tuple(heading), document_regimens(doc),
                 step_only=bool(STEP_CUE.search(joined)) and not APPROVAL_CUE.search(joined))


def dateline(heading: list[str]) -> StatedDate | None:
    """The notice's date: a short first heading line holding a date ("9 October 2031 | News"), or a
    heading line below the title that opens with one ("Title" / "November 2031").

    >>> dateline(["Foonib approved for HCC", "November 2031"]).text
    'November 2031'
    >>> dateline(["Foonib approved for HCC", "A subtitle that names June 2031 later"]) is None
    True
    """
    first = dates_in(heading[0]) if heading and len(heading[0]) < 60 else []
    if first:
        return first[0]
    below = [d for line in heading[1:] if len(line) < 40 for d in dates_in(line)[:1] if d.start == 0]
    return below[0] if below else None


def line_regulators(doc: AnalysedDocument, places: Jurisdictions, line: str) -> set[str]:
    """The regulators a heading line names: its agency mentions, a place's own regulator standing for
    the agency named after the possessive ("China's FDA approves ...")."""
    owned = places.possessive_regulators(line)
    named = {m.key for m in doc.keys_of_type(doc.finder.find_text(line), "RegulatoryAgency")
             if not any(s <= m.start < e for s, e, _ in owned)}
    return named | {r for _, _, r in owned if r in doc.vocabulary}


# "This combination was also approved ...": a sentence naming no agent, only the combination named last before,
# is about that combination, so the next sentence's "it" is that combination too.
THIS_COMBINATION = re.compile(rf"\b(?:the|this|their) {COMBINATION_NOUN}\b(?!\s+(?:of|with)\b)", re.IGNORECASE)


def with_antecedents(doc: AnalysedDocument, frame: Frame, sentences: list[AnalysedSentence]) -> dict[int, Frame]:
    """For each sentence (by position), the frame with the combination and the regulator named last
    before it."""
    out, last, agency, drug, earlier = {}, None, None, None, ()
    ended, quiet = 0, 0
    for i, sent in enumerate(sentences):
        start, end = sent.sentence.mapped.original_span(0, len(sent.text))
        if (between := doc.document.text[ended:start]).strip() and "\n" in between:
            # a heading line between two sentences: "it" under it is the heading's one drug, if it names one
            named = {m.key for m in doc.keys_of_type(doc.finder.find_text(between), *DRUG)}
            drug, quiet = (next(iter(named)) if len(named) == 1 else None), 0
        ended = max(ended, end)
        out[i] = replace(frame, regimen=last, agency=agency, drug=drug, earlier=earlier)
        agents = combined(doc, sent, frame.regimens)
        regimens = [key for key, group in agents if len({m.key for m in group}) > 1]
        earlier = tuple(k for k in earlier if k not in regimens) + tuple(dict.fromkeys(regimens))
        agencies = [m.key for m in doc.keys_of_type(sent.mentions, "RegulatoryAgency")]
        pair = None if regimens else _pair_subject(doc, sent)  # "A and B are ...": "their combination" after it
        last, agency = (regimens or [pair or last])[-1], (agencies or [agency])[-1]
        given = [(key, group) for key, group in agents if not _had_before(sent, group)]
        if agents and not given:
            continue  # names only what the patients had before ("... after being treated with B"): "the drug" is not B
        if not agents:  # one sentence naming no agent ("Binding of the ligands to T inhibits ...") leaves "it" as it was;
            quiet += 0 if PRONOUN_START.match(sent.text) else 1  # so does any number saying "it" ("It binds T. It ...")
            drug = last if THIS_COMBINATION.search(sent.text) else drug if quiet <= 1 else None
        else:
            drug, quiet = (given[0][0] if len({key for key, _ in given}) == 1 else None), 0
    return out


# A sentence opening with two drugs joined by "and", its subject: "Nivolumab and ipilimumab are antibodies ...".
PAIR_SUBJECT = re.compile(r"\s*(?:and|&)\s*")


def _pair_subject(doc: AnalysedDocument, sent: AnalysedSentence) -> str | None:
    """The regimen key of the two drugs a sentence opens with as its subject, for a later "their combination"."""
    drugs = doc.keys_of_type(sent.mentions, *DRUG)[:2]
    if len(drugs) != 2 or drugs[0].key == drugs[1].key:
        return None
    (s0, e0), (s1, _) = sent.local(drugs[0]), sent.local(drugs[1])
    if sent.text[:s0].strip() or not PAIR_SUBJECT.fullmatch(sent.text[e0:s1]):
        return None
    return regimen_key([drugs[0].key, drugs[1].key])


def _had_before(sent: AnalysedSentence, group) -> bool:
    """Is the agent named as the patients' earlier therapy ("previously treated with B", "after B")?"""
    start = sent.local(group[0])[0]
    return had_before(sent.text, start)


def heading_cut(text: str, heading: tuple[str, ...]) -> int | None:
    """Where a heading line run into the sentence's first words ends (headings carry no full stop)."""
    return next((len(line) for line in heading if text.startswith(line) and len(text) > len(line) + 1), None)


def headline_line(doc: AnalysedDocument, reading, readings: list, heading: tuple[str, ...]) -> str | None:
    """A headline names the approval its lede then states in full ("Agency Approves A for HCC" / "The
    agency has approved A for the first-line treatment of HCC"): the line a headline does not state is
    that of the first later statement of the same approval (agent, agency and disease), even when the
    document goes on to an earlier approval of the same agent in another line."""
    if doc.document.text[reading.span[0]:reading.span[1]].strip() not in heading:
        return None
    later = [r for r in readings if r.span[0] > reading.span[0] and r.asserted and r.line
             and (r.agent, r.agency, r.disease) == (reading.agent, reading.agency, reading.disease)]
    return min(later, key=lambda r: r.span[0]).line if later else None


# "The concurrent approvals by the ministry ...", "These approvals ...": a plural that sums up the approvals told.
APPROVALS_SUMMED_UP = re.compile(r"\b(?:the|these|both|all|concurrent|two|three)\s+(?:\w+\s+)?approvals\b", re.IGNORECASE)


def summary_agency(doc: AnalysedDocument, reading, readings: list) -> str | None:
    """"The concurrent approvals by the ministry are based on ...": a statement right after an approval
    told without its regulator, summing up the approvals and naming no drug, names that regulator, when it
    is the only one the document's granted approvals name."""
    if reading.agency is not None:
        return None
    named = {r.agency for r in readings if r.asserted and r.agency}
    summaries = [r for r in readings if r.asserted and r.agency and r.agent is None
                 and 0 < r.span[0] - reading.span[1] < 400
                 and APPROVALS_SUMMED_UP.search(doc.document.text, r.span[0], r.span[1])]
    return summaries[0].agency if len(named) == 1 and summaries else None

"""How a sentence names an arm without naming its drugs: a label the text defined for it ("arm A
(A plus B)" ... "41% in arm A", "patients in group A were given A" ... "in group A") or "the combination"; such a sentence is read as if it named the drugs.

Split from :mod:`.slot_reading`, which reads each sentence of a trial's context.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..keys import is_regimen_key, regimen_components
from ..model import Mention
from .analysis import AnalysedDocument, AnalysedSentence
from .arm_groups import lettered_groups
from .epithets import named_back
from .expansion import read_as, rewritten
from .prose_arms import agents, randomised_arms
from .schedule_cohorts import DOSE_UNIT
from .sentences import COMBINATION_NOUN, DOSE_WORD, evidence_span

# "the combination", "the doublet", "the combination arm": the one arm of several drugs, named by what it is
# ("the combination of A and B" names its parts itself); one named before is looked for this many sentences back.
REGIMEN_WINDOW = 12
# ("the immunotherapy combination": one word may say what kind of combination, not which: "the standard regimen"
# may be the comparator, "the other combination" another arm)
_NOT_KIND = r"(?:first|second|other|same|new|standard|control|comparator|reference|prior|previous|current|usual|approved)"
# ("this dual therapy", "the dual immunotherapy": two drugs given together, said of what they are)
COMBINATION_ANAPHOR_RE = re.compile(rf"\b(?:the|this)\s+(?:(?:(?:two|three)-drug\s+)?{COMBINATION_NOUN}|"
                                    rf"(?!{_NOT_KIND}\b)[a-z][\w-]+\s+(?:combination|doublet|triplet|combo)|"
                                    r"dual\s+(?:checkpoint\s+)?(?:therapy|immunotherapy|treatment|blockade)|"
                                    # "the Brandix (experimental) combination": one of its drugs, by its brand
                                    r"(?-i:[A-Z])[\w-]+\s+(?:(?:investigational|experimental|novel)\s+)?(?:combination|doublet|combo)|"
                                    # ... or by a short label in quotes ("the \"A+B\" combination therapy")
                                    r"[\"“‘'][^\"“”‘’']{1,15}[\"”’']\s+(?:combination|doublet|combo))"
                                    r"(?:\s+(?:therapy|regimen|treatment))?\b(?!\s+(?:of|with)\b)"
                                    # (not a role one plural noun shares: "the combination and control groups", read by
                                    # role_arms.ROLE_PAIR_RE)
                                    r"(?!\s+(?:and|or|&|vs\.?|versus)\s+(?:the\s+)?[\w-]+\s+(?:arms|groups)\b)", re.IGNORECASE)


# "arm A (A plus B)", "Group 2: B": a label the text defines for an arm, then names it by ("41% in arm A").
ARM_LABEL_RE = re.compile(r"\b(?i:arm|group|cohort)\s+(?:[A-Z]|\d{1,2})\b")
LABEL_DEFINED_RE = re.compile(r"\s*[(:]\s*")
# ... or the label in the bracket after a randomised arm, a few words of it between: "A alone (Arm S, n = 169)"
BRACKETED_LABEL_RE = re.compile(r"(?:\s+[a-z]+){0,3}\s*\(\s*(?P<label>(?i:arm|group|cohort)\s+(?:[A-Z]|\d{1,2}))\s*[,;)]")


# "A plus B (AB arm)": a name the text gives an arm after its agent, then uses ("41% in the AB arm"); the
# agent's dose or a word saying which copy of it may come between ("B biosimilar (5 mg/kg Q3W) (AB arm)").
# ... also after the agent's dose and schedule, the arm's size beside the label: "A at 300 mg plus B 1,500 mg every 4
# weeks (AB group, n = 75)"
NAMED_LABEL_RE = re.compile(rf"(?:\s+biosimilars?\b)?(?:\s*\([^()]*\d[^()]*\))?(?:\s+(?:at\s+)?{DOSE_WORD})*"
                            r"\s*\(\s*(?P<label>[A-Za-z][\w+/-]{1,15}\s+(?i:arm|group|cohort))\s*(?:[,;]\s*n\s*=\s*\d[\d,]*\s*)?\)")


# "B at 2 mg (cohort 1) or 4 mg (cohort 2)": one agent's doses, each labelled, after its name.
_DOSE_LABELLED = (rf"\d+(?:\.\d+)?\s*{DOSE_UNIT}\s*\(\s*(?P<{{}}>(?i:arm|group|cohort)\s+(?:[A-Z]|\d{{{{1,2}}}}))\s*\)")
DOSE_LABELS_RE = re.compile(r"\s+(?:at\s+)?(?:either\s+)?" + _DOSE_LABELLED.format("first")
                            + r"\s*(?:,\s*)?(?:or|and)\s+" + _DOSE_LABELLED.format("second"), re.IGNORECASE)


def _dose_labels(text: str, agent) -> re.Match | None:
    """Two labelled doses right after the agent's name, the first perhaps read into the agent's own span."""
    found = DOSE_LABELS_RE.search(text, agent.start, agent.end + 120)
    return found if found is not None and agent.start < found.start() <= agent.end else None


def labels_defined(doc: AnalysedDocument, sent: AnalysedSentence) -> dict[str, str]:
    """Arm labels the sentence defines: "arm A (A plus B) or arm B (B)" gives {"arm a": A plus B, "arm b": B};
    "A plus B (AB arm)" gives {"ab arm": A plus B}."""
    out = {}
    for m in ARM_LABEL_RE.finditer(sent.text):
        if (opened := LABEL_DEFINED_RE.match(sent.text, m.end())) and (named := agents(doc, sent, opened.end())) \
                and named[0].start == opened.end() and not re.match(r"-\w", sent.text[named[0].end:]):
            out[label_key(m.group())] = named[0].key  # ("cohort 1 (A-pretreated)" defines no arm)
    for agent in agents(doc, sent):
        if (doses := _dose_labels(sent.text, agent)) is not None:  # two cohorts of the agent's
            for group in ("first", "second"):
                out.setdefault(label_key(doses.group(group)), agent.key)
        elif (named_label := NAMED_LABEL_RE.match(sent.text, agent.end)) is not None:
            out.setdefault(label_key(named_label.group("label")), agent.key)
        elif (bracketed := AGENT_LABEL_RE.match(sent.text, agent.end)) is not None:
            out.setdefault(label_key(bracketed.group("label")), agent.key)
    for label, agent in lettered_groups(doc, sent).items():  # "patients in group A were treated with A"
        out.setdefault(label, agent.key)
    for arm in randomised_arms(doc, sent):  # "randomized to A alone (Arm S, n = 169) or with B on demand (Arm C)"
        if (bracketed := BRACKETED_LABEL_RE.match(sent.text, arm.end)) is not None:
            out.setdefault(label_key(bracketed.group("label")), arm.key)
    return out


def _label_uses(text: str, labels: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the sentence names an arm by a defined label, not where it defines one: (start, end, label key)."""
    uses = [(m.start(), m.end(), label_key(m.group())) for m in ARM_LABEL_RE.finditer(text)
            if label_key(m.group()) in labels and not LABEL_DEFINED_RE.match(text, m.end())]
    for key in labels:
        if not ARM_LABEL_RE.fullmatch(key):  # a named label: "AB arm"
            words = r"\s+".join(re.escape(w) for w in key.split())
            # ... with its article: "assigned to the treatment group" reads "assigned to A plus B"
            uses += [(m.start(), m.end(), key) for m in re.finditer(rf"(?<![\w(-])(?:the\s+)?{words}\b", text, re.IGNORECASE)
                     if not re.search(r"\(\s*$", text[:m.start()])]
    for found in plural_labels(text):  # "For Arms C and S, ...": each letter its arm's label ("S" alone)
        if all(key in labels for _, _, key in found):
            uses += found
    return sorted(uses)


# "Arms C and S", "groups 1 and 2", "arms A, B, C and D": labels sharing a plural noun.
_MARK = r"(?:[A-Z]|\d{1,2})"
PLURAL_LABELS_RE = re.compile(rf"\b(?P<kind>(?i:arms|groups|cohorts))\s+(?P<list>{_MARK}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_MARK}){{1,5}})\b")


def plural_labels(text: str) -> list[list[tuple[int, int, str]]]:
    """Each run of labels sharing a plural noun, as (start, end, label key) per label, the first from the noun on.

    >>> [[key for _, _, key in run] for run in plural_labels("TTP in arms A, B, C and D; cohorts 1 & 2")]
    [['arm a', 'arm b', 'arm c', 'arm d'], ['cohort 1', 'cohort 2']]
    """
    out = []
    for m in PLURAL_LABELS_RE.finditer(text):
        kind = m.group("kind").lower().removesuffix("s")
        marks = [(m.start("list") + x.start(), m.start("list") + x.end(), f"{kind} {x.group().lower()}")
                 for x in re.finditer(_MARK, m.group("list"))]
        out.append([(m.start(), marks[0][1], marks[0][2]), *marks[1:]])
    return out

# ... or a lettered or numbered label in the bracket right after the agent and its dose: "A every 2 weeks plus B
# (cohort A)", "A at 200 mg (arm 1)"
AGENT_LABEL_RE = re.compile(rf"(?:\s+(?:at\s+)?{DOSE_WORD})*\s*\(\s*(?P<label>(?i:arm|group|cohort)\s+(?:[A-Z]|\d{{1,2}}))\s*[,;)]")


def labels_read(doc: AnalysedDocument, sent: AnalysedSentence, labels: dict[str, str]) -> AnalysedSentence:
    """The sentence with each use of a defined arm label ("41% in arm A", "in the AB arm") read as the
    agent it stands for."""
    for start, end, key in reversed(_label_uses(sent.text, labels)):
        agent = labels[key]
        parts = regimen_components(agent) if is_regimen_key(agent) else [agent]
        names = [_name_of(doc, part) for part in parts]
        if None not in names and end - start >= 2 * len(parts) - 1:
            sent = _spliced(sent, start, end, list(zip(parts, names)))  # type: ignore[arg-type]
    return sent


def label_key(label: str) -> str:
    """A label as the labels are keyed: lower case, single spaces ("Cohort  A" is "cohort a")."""
    return " ".join(label.lower().split())


def combination_read(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str]) -> AnalysedSentence:
    """The sentence with "the combination" read as the combination it stands for: the trial's only arm of
    several drugs, else the only combination the sentence named before it ("the combination of A with B
    ... the study of the combination versus B"), else, for a trial whose arms are not known yet, the only
    one the document named before."""
    uses = list(COMBINATION_ANAPHOR_RE.finditer(sent.text))
    if not uses:
        return sent
    combined = [a for a in arms if is_regimen_key(a)]  # (also a trial whose one arm known so far is the combination)
    if len(combined) != 1:
        combined = list({a.key for a in agents(doc, sent, 0, uses[0].start()) if len(a.components) > 1})
    if not combined and not arms:
        combined = _regimens_before(doc, sent)
    parts = regimen_components(combined[0]) if len(combined) == 1 else []
    names = [_name_of(doc, part) for part in parts]
    if not parts or None in names or any(len(use.group()) < 2 * len(parts) for use in uses):
        return sent
    # ("the A combination" stands for a combination of A's: not for one without it)
    uses = [use for use in uses if all(m.key in parts for m in sent.mentions if use.start() <= sent.local(m)[0] < use.end())]
    for use in reversed(uses):  # from the end, so the earlier spans keep their places
        sent = _spliced(sent, use.start(), use.end(), list(zip(parts, names)))  # type: ignore[arg-type]
    return sent


# "the drug", "the medicine": the one drug a notice is about, as the object of what patients got or as a subject ("among
# those treated with the drug", "the drug improved survival"); not a compound noun's first word ("the drug maker").
# ... "the treatment" only as a subject before its verb ("showed that the treatment worked better than placebo"), not
# "the treatment of D", "the treatment arm", "the treatment landscape"
DRUG_ANAPHOR_RE = re.compile(r"\bthe\s+(?:drug|medicine|medication|treatment(?=\s+(?:was|is|had|has|worked|improved|reduced|"
                             r"extended|prolonged|showed|demonstrated|led|cut|lowered)\b))"
                             r"\b(?![\w-]|\s+(?:makers?|compan(?:y|ies)|firms?|developers?|"
                             r"class(?:es)?|labels?|candidates?|applications?|regulators?|agenc(?:y|ies)|administration|"
                             r"approvals?|programs?|programmes?|pipelines?|prices?|costs?)\b)", re.IGNORECASE)


def drug_read(doc: AnalysedDocument, sent: AnalysedSentence, arms: list[str], sole: str | None) -> AnalysedSentence:
    """The sentence with "the drug" read as the one drug it stands for: the trial's only arm that is no placebo or
    care, else ``sole``, the one drug the whole document names (None: the sentence is left as written)."""
    uses = list(DRUG_ANAPHOR_RE.finditer(sent.text))
    drugs = [a for a in arms if is_regimen_key(a) or not doc.vocabulary[a].has_type("Placebo", "Procedure")]
    drug = drugs[0] if len(drugs) == 1 else sole if not drugs else None
    if not uses or drug is None or is_regimen_key(drug) or (name := _name_of(doc, drug)) is None:
        return sent
    for use in reversed(uses):
        sent = _spliced(sent, use.start(), use.end(), [(drug, name)])
    return sent


def epithet_read(doc: AnalysedDocument, sent: AnalysedSentence) -> AnalysedSentence:
    """The sentence (as the document wrote it) with a drug named back by its class read as that drug: "In NAME, the
    PD-1 inhibitor failed to prolong survival compared with B" in a document titled by the drug
    (:func:`.epithets.named_back`)."""
    index = doc.sentence_at(evidence_span(sent)[0])
    if index >= len(doc.sentences) or doc.sentences[index] is not sent:
        return sent  # a sentence read otherwise already: its offsets are no longer the document's sentence's
    for start, end, key in reversed(named_back(doc, index)):
        if (name := _name_of(doc, key)) is not None:
            sent = _spliced(sent, start, end, [(key, name)])
    return sent


def _regimens_before(doc: AnalysedDocument, sent: AnalysedSentence) -> list[str]:
    """The combinations the last sentences before this one named ("EC approves A plus B ... In NAME, the
    combination reduced the risk of death versus C"); a window, so a long review costs no square."""
    count = doc.sentence_at(evidence_span(sent)[0])  # the sentences that end before this one starts
    before = doc.sentences[max(0, count - REGIMEN_WINDOW):count]
    return list({a.key for s in before for a in agents(doc, s) if len(a.components) > 1})


def _spliced(sent: AnalysedSentence, start: int, end: int, parts: list[tuple[str, str]]) -> AnalysedSentence:
    """The sentence with text[start:end] read as "A plus B" (:func:`.expansion.read_as`), with a mention
    of each (key, name) part at the characters it stands for (the evidence still points into what the
    document wrote)."""
    mapped = sent.sentence.mapped
    reading = read_as(mapped.text[start:end], [name for _, name in parts])
    new = rewritten(mapped, [(start, end, reading)])
    mentions, position = [], start
    for i, (_, text) in enumerate(reading):
        if i % 2 == 0:  # names and glue alternate
            mentions.append(Mention(*new.original_span(position, position + len(text)), parts[i // 2][0], text))
        position += len(text)
    covered = new.original_span(start, position)
    kept = [m for m in sent.mentions if m.end <= covered[0] or m.start >= covered[1]]
    return AnalysedSentence(replace(sent.sentence, mapped=new), tuple(sorted(kept + mentions)))


def _name_of(doc: AnalysedDocument, key: str) -> str | None:
    """A name the document's finder reads as ``key`` (None when it has none)."""
    entity = doc.vocabulary[key] if key in doc.vocabulary else None
    return next((n for n in entity.names() if doc.finder.lookup(n) == key), None) if entity else None

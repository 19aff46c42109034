"""Trial names, registry numbers and phases in running prose: a pure reader.

A trial name is an acronym-like word and a number: "KEYNOTE-394", "CheckMate 9DW",
"IMbrave150", "LEAP-002", "Study 304", "DESTINY-Breast04", "JAVELIN Bladder 100", "EV-301"
(hyphens of any kind have become "-" upstream).
Words that look like that but name something else (PD-1, CTLA-4, FGFR1, IL-6) are the
vocabulary's entities: the caller passes ``is_entity`` to rule them out.  A version
("RECIST 1.1"), a year ("ASCO 2024") or a dosing code ("Q3W", one letter) is not a name.
The shape must also stand near a trial word (trial, study, phase, randomized) or in a
sentence that compares agents; a name confirmed once counts everywhere in the document.
An all-capital word without digits is a name only right before "trial"/"study" ("the
REFLECT trial") or as the alias of a confirmed name ("REFLECT (Study 304)").

>>> [n.name for n in trial_names("In the phase 3 KEYNOTE-394 trial, PD-1 ...", lambda s: s == "PD-1")]
['KEYNOTE-394']
>>> phase_of("a randomised phase 2/3 study"), phase_of("phase 1b"), phase_of("Phase III")
('II/III', 'Ib', 'III')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .trial_name_counts import COUNT_OPENERS, counted
from .trial_name_shapes import (ADJECTIVE_ENDING_RE, AFTER_TRIAL_NAME_RE, ALIAS_GLUE, APPOSITIVE_NAME_RE,
                                BARE_NAME_RE, CAPS_RE, COMPARISON_CUE, COORDINATED_NAMES_RE, ISOTYPE_RE,
                                IS_A_TRIAL_RE, KNOWN_AS_LONG_RE, KNOWN_AS_RE, LISTED_NAME_RE, NAME_RE, NCT_RE, OTHER_REGISTRY_RE,
                                NOT_A_TRIAL_AFTER, NOT_A_TRIAL_BEFORE, PHASE_RE, PROTOCOL_NAME_RE, PHASE_RIGHT_AFTER_RE, REGISTERED_NAME_RE,
                                SCALE_WORDS, SECTION_LABELS, SPELLED_RE, SPELLED_TRIAL_WORD, SPONSOR_STUDY_RE, STRUCTURE_WORDS,
                                STUDIES_LISTED_RE, STUDY_CONTEXT_CUE, SUBJECT_NAME_RE, TITLED_AFTER_PHASE_RE, TITLED_NAME_RE,
                                TITLE_ARTICLE_RE, TITLE_LEAD_RE, TITLE_NAME_RE, TRIAL_CUE, TRIAL_PHRASE_NAME_RE,
                                TRIAL_THEN_NAME_RE, TRIAL_WORD_AFTER, _CAPS_NAME, _MIXED_NAME)

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
WINDOW = 60


@dataclass(frozen=True)
class TrialName:
    """A trial's name or NCT number in a sentence, with its offsets and kind."""

    name: str
    start: int  # offsets in the sentence text
    end: int
    kind: str = "name"  # "name" or "nct" ("plain" while a capitalised word awaits its trial word)


# A registry number standing as a record's field value: alone on its line ("NCT01234567 |", a label line above it), or
# after a label naming it ("US NCT number | NCT01234567", "NCT ID: NCT01234567").
RECORD_NUMBER_RE = re.compile(r"^[\s|]*(?:(?:[\w ]{0,20}\b(?:NCT|registry|identifier)\b[\w ]{0,12}(?:number|ID)?\s*[:|]\s*))?"
                              r"(?P<nct>NCT\d{8})[\s|]*$", re.IGNORECASE | re.MULTILINE)


def record_number(text: str) -> re.Match | None:
    r"""The document's one registry number, where it stands as a record's field value (a registry's page of one trial).

    >>> record_number("Title of a study\nUS NCT number |\nNCT01234567 | ||\nSponsor |").group("nct")
    'NCT01234567'
    >>> record_number("The ZETA trial (NCT01234567) met its endpoint.") is None
    True
    """
    if len(set(NCT_RE.findall(text))) != 1:
        return None
    return RECORD_NUMBER_RE.search(text)


def name_like(word: str) -> bool:
    """Is a word shaped like a trial's acronym: all capitals ("REFLECT", "S-TRAC") or mixed case with three
    capitals or more ("ClarIDHy", "HER2CLIMB")?

    >>> name_like("ClarIDHy"), name_like("HER2CLIMB"), name_like("REFLECT"), name_like("Lorbrena"), name_like("pivotal")
    (True, True, True, False, False)
    """
    return bool(re.fullmatch(_CAPS_NAME, word) or re.fullmatch(_MIXED_NAME, word))


def phase_of(text: str) -> str | None:
    """The first trial phase named, in Roman numerals ("III", "I/II", "Ib")."""
    m = PHASE_RE.search(text)
    if m is None:
        return None
    roman = [_ROMAN.get(p, p.upper()) for p in (m.group("a"), m.group("b")) if p]
    roman[0] += (m.group("sub") or "").lower()  # "phase Ib/II": the sub-phase is the first part's
    return "/".join(roman)


def _structural(name: str) -> bool:
    """A word of a trial's structure or a scale, perhaps with its sub-scale after a hyphen ("PHASE 3", "ECOG-PS 0")."""
    head = re.split(r"[- ]?\d", name, maxsplit=1)[0].upper()
    return head in STRUCTURE_WORDS or head.split("-")[0] in SCALE_WORDS


def _shaped(text: str, is_entity: Callable[[str], bool]) -> Iterable[TrialName]:
    for m in NAME_RE.finditer(text):
        name, number = m.group("name"), m.group("num") or m.group("pnum") or m.group("mnum")
        sep = m.group("sep") or m.group("psep") or m.group("msep")
        if sep == " " and re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # "ASCO 2024": a meeting's year
        if (is_entity(name) and not _framed_as_trial(text, m.start(), m.end())) \
                or NOT_A_TRIAL_BEFORE.search(text[:m.start()]) or NOT_A_TRIAL_AFTER.match(text[m.end():]):
            continue
        if _structural(name) or _spells_out_drugs(text, m.end(), is_entity):
            continue
        # A capitalised plain word ("Checkmate 040") needs a trial word right beside it.
        kind = "plain" if m.group("plain") else "name"
        if kind == "plain" and name.split()[0].split("-")[0] in COUNT_OPENERS:
            continue
        yield TrialName(name, m.start("name"), m.end("name"), kind)
    for m in [*NCT_RE.finditer(text), *OTHER_REGISTRY_RE.finditer(text)]:
        yield TrialName(m.group(), m.start(), m.end(), "nct")  # (a registry number, whichever registry's)


_BRACKET_RE = re.compile(r"\s*\(([^()]{3,150})\)")


def listed_phase(text: str, name: TrialName) -> str | None:
    """The phase a list of names ending in a plural trial word gives each of them ("NAME, OTHER and THIRD-1 phase 3
    trials": "III" for each), or the phase right after the name ("NAME Phase III trial"); None when neither.

    >>> text = "the ZETA and OMEGA-2 Phase III trials and the DELTA phase 2 trial"
    >>> [listed_phase(text, TrialName(n, text.index(n), text.index(n) + len(n))) for n in ("ZETA", "OMEGA-2", "DELTA")]
    ['III', 'III', 'II']
    """
    if phase := PHASE_RIGHT_AFTER_RE.match(text, name.end):
        return phase_of(phase.group())
    return next((phase_of(m.group()) for m in COORDINATED_NAMES_RE.finditer(text) if m.start() <= name.start < m.end()), None)


def _spells_out_drugs(text: str, end: int, is_entity: Callable[[str], bool]) -> bool:
    """Is a code followed by the drugs it stands for, "CODE (infusional A, B, and C)": a regimen's short
    form, not a trial ("NAME (A versus B)" is a trial's comparison)?

    >>> _spells_out_drugs("XYZ4 (oral foo, bar and baz)", 4, lambda w: w in {"foo", "bar", "baz"})
    True
    >>> _spells_out_drugs("ZETA-4 (foo versus bar)", 6, lambda w: w in {"foo", "bar"})
    False
    """
    bracket = _BRACKET_RE.match(text, end)
    if bracket is None or COMPARISON_CUE.search(bracket.group(1)):
        return False
    items = [item for item in re.split(r",|\band\b|/|\+|\bplus\b", bracket.group(1)) if item.strip()]
    return len(items) >= 2 and all(any(is_entity(w) for w in re.findall(r"[\w-]+", item)) for item in items)


def _framed_as_trial(text: str, start: int, end: int) -> bool:
    """Is a word the vocabulary also knows (a gene "TOPAZ1") framed as a trial here: "the phase III
    TOPAZ-1 study", "TOPAZ-1 trial"?"""
    return bool(re.match(r"\s*(?:phase\s+\w+\s+)?(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b", text[end:], re.IGNORECASE)
                or STUDY_CONTEXT_CUE.match(text[end:end + 30])
                or re.search(r"\bphase\s*(?:III|II|IV|[1-4])[ab]?\s+$", text[:start], re.IGNORECASE))


# A word of five capitals or more, a hyphen and a two- or three-digit number names a trial by its shape alone
# ("in KEYNOTE-224, A ...", no trial word near): genes, cell lines and drug codes are not so written.
TRIAL_SHAPED_RE = re.compile(r"[A-Z]{5,}-\d{2,3}[A-Za-z]?")


def _near_cue(text: str, name: TrialName) -> bool:
    if name.kind == "nct" or name.name.startswith("Study") or (name.kind == "name" and TRIAL_SHAPED_RE.fullmatch(name.name)):
        return True
    width = WINDOW if name.kind == "name" else 12
    window = text[max(0, name.start - width):name.start] + " " + text[name.end:name.end + width]
    if re.match(TRIAL_WORD_AFTER, text[name.end:]):
        return True  # "the EV-301 clinical trial", "the Leap-012 liver cancer trial": what it studies, then the word
    if name.kind == "name" and (STUDY_CONTEXT_CUE.search(text[max(0, name.start - 30):name.start])
                                or STUDY_CONTEXT_CUE.match(text[name.end:name.end + 30])):
        return True
    return bool(TRIAL_CUE.search(window)) or (name.kind == "name" and bool(COMPARISON_CUE.search(text)))


# A family of numbered trial names: the letters before the number ("keynote" in "keynote240", "checkmate" in
# "checkmate459" and "checkmate9dw"); a sponsor numbers its programme's trials so.
FAMILY_RE = re.compile(r"(?:trial__)?([a-z]{4,})(?:\d{2,}|\d[a-z]+)$")


def families(confirmed: frozenset[str]) -> frozenset[str]:
    """The families the confirmed names' keys are numbered members of ("keynote" for "trial__keynote240")."""
    return frozenset(m.group(1) for k in confirmed if (m := FAMILY_RE.match(k)))


def of_family(name_key: str, named: frozenset[str]) -> bool:
    """Is the key a numbered member of a family a confirmed name belongs to?

    >>> of_family("trial__keynote224", frozenset({"keynote"})), of_family("trial__keynote", frozenset({"keynote"}))
    (True, False)
    """
    return bool(named) and (m := FAMILY_RE.match(name_key)) is not None and m.group(1) in named


def trial_names(text: str, is_entity: Callable[[str], bool], confirmed: frozenset[str] = frozenset(),
                key: Callable[[str], str] = str) -> list[TrialName]:
    """Trial names in one sentence, in order; ``confirmed`` holds keys already known as names (and a numbered name of
    a confirmed name's family, "KEYNOTE-224" where "KEYNOTE-240" is one, is one too)."""
    named_families = families(confirmed)
    found = [TrialName(n.name, n.start, n.end, "name" if n.kind == "plain" else n.kind)
             for n in _shaped(text, is_entity) if key(n.name) in confirmed or of_family(key(n.name), named_families)
             or (_near_cue(text, n) and not counted(text, n.name, n.end))]
    for m in [*TITLE_NAME_RE.finditer(text), *AFTER_TRIAL_NAME_RE.finditer(text), *TRIAL_PHRASE_NAME_RE.finditer(text),
              *PROTOCOL_NAME_RE.finditer(text)]:
        if (re.fullmatch(r"[A-Z][A-Z\d-]{3,}", m.group("name")) or name_like(m.group("name"))) and not is_entity(m.group("name")) \
                and m.group("name").split("-")[0] not in STRUCTURE_WORDS:
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in SPONSOR_STUDY_RE.finditer(text):
        study = TrialName(m.group("name"), m.start("name"), m.end("name"))
        if not is_entity(study.name) and not NOT_A_TRIAL_BEFORE.search(text[:study.start]) and _near_cue(text, study):
            found = [n for n in found if not (study.start <= n.start and n.end <= study.end)] + [study]  # not its drug's code
    for m in SPELLED_RE.finditer(text):
        if _spells(m.group("words"), m.group("name")) and not is_entity(m.group("name")):
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in REGISTERED_NAME_RE.finditer(text):
        name = m.group("name")
        if not is_entity(name) and name.split("-")[0] not in STRUCTURE_WORDS | SECTION_LABELS and not name.startswith("NCT") \
                and not any(n.start <= m.start() < n.end for n in found):
            found.append(TrialName(name, m.start("name"), m.end("name")))
    for m in [*BARE_NAME_RE.finditer(text), *SUBJECT_NAME_RE.finditer(text), *APPOSITIVE_NAME_RE.finditer(text),
              *IS_A_TRIAL_RE.finditer(text), *TITLE_LEAD_RE.finditer(text), *KNOWN_AS_RE.finditer(text),
              *KNOWN_AS_LONG_RE.finditer(text),
              *TITLE_ARTICLE_RE.finditer(text), *TRIAL_THEN_NAME_RE.finditer(text)]:
        # what a naming verb names is a name in any case ("a study called Zeta")
        named = m.re in (KNOWN_AS_RE, KNOWN_AS_LONG_RE)
        named = named or (m.re is BARE_NAME_RE
                          and re.fullmatch(r"[A-Z]{3}-[A-Z]{3,}|[A-Z]{4,}-[A-Z]", m.group("name")) is not None)
        if (named or name_like(m.group("name"))) and not is_entity(m.group("name")) \
                and re.split(r"[- ]?\d", m.group("name"), maxsplit=1)[0].upper() not in STRUCTURE_WORDS | SECTION_LABELS:
            found.append(TrialName(m.group("name"), m.start("name"), m.end("name")))
    for m in [*TITLED_NAME_RE.finditer(text), *TITLED_AFTER_PHASE_RE.finditer(text)]:
        name = m.group("name")
        if not ADJECTIVE_ENDING_RE.search(name) and not is_entity(name) and name.upper() not in STRUCTURE_WORDS | SECTION_LABELS:
            found.append(TrialName(name, m.start("name"), m.end("name")))
    for m in CAPS_RE.finditer(text):  # a capitalised name already confirmed in this document
        if key(m.group()) in confirmed and not any(n.start <= m.start() < n.end for n in found):
            found.append(TrialName(m.group(), m.start(), m.end()))
    for m in STUDIES_LISTED_RE.finditer(text):
        found += _listed([(n.group(), m.start("list") + n.start()) for n in LISTED_NAME_RE.finditer(m.group("list"))],
                         is_entity)
    for m in COORDINATED_NAMES_RE.finditer(text):
        listed = [(n.group(), m.start("first") + n.start()) for n in LISTED_NAME_RE.finditer(m.group("first"))]
        found += _listed([*listed, (m.group("name"), m.start("name"))], is_entity)
    found = [n for n in found if not ISOTYPE_RE.fullmatch(n.name)]  # "a fully human IgG4 mAb ... was evaluated in ..."
    found = _with_aliases(text, found, is_entity)
    found = [_without_footnote(_with_group_prefix(text, n, is_entity, found), confirmed, key) for n in found]
    # a name cut short inside a longer one ("ALTN" of "ALTN-AK105-III-02", cut at its drug's code) is no name of its own
    found = [n for n in found if not any(o.start <= n.start and n.end <= o.end and o.end - o.start > n.end - n.start
                                         for o in found)]
    return sorted(set(found), key=lambda n: (n.start, n.end))


GROUP_PREFIX_RE = re.compile(r"(?<![\w/-])(?P<group>[A-Z]{2,5})/$")


def _with_group_prefix(text: str, name: TrialName, is_entity: Callable[[str], bool], found: list[TrialName]) -> TrialName:
    """A name with the cooperative group that runs the trial slashed before it: "NRG/RTOG 1112", as "NRG-RTOG 1112"
    (not a name of its own: "ZETA/ABC-12-III" gives two names of one trial, aliases).

    >>> _with_group_prefix("the NRG/RTOG 1112 trial", TrialName("RTOG 1112", 8, 17), lambda s: False, []).name
    'NRG/RTOG 1112'
    """
    prefix = GROUP_PREFIX_RE.search(text, max(0, name.start - 7), name.start)
    if name.kind != "name" or prefix is None or is_entity(text[prefix.start():name.end]) \
            or any(n.start == prefix.start() for n in found):
        return name  # (the group's letters may spell a gene's symbol: "NRG" is one)
    return TrialName(text[prefix.start():name.end], prefix.start(), name.end, name.kind)


def _listed(names: list[tuple[str, int]], is_entity: Callable[[str], bool]) -> list[TrialName]:
    """The (name, start) items of a list of names that are neither an entity's name nor a word of a trial's structure."""
    return [TrialName(name, at, at + len(name)) for name, at in names
            if not is_entity(name) and name.split("-")[0] not in STRUCTURE_WORDS]


def footnoted(name_key: str, confirmed: Iterable[str]) -> str | None:
    """The confirmed name a key is with a reference number glued on ("LEAP-0025" after "LEAP-002"), else None.

    Only the key's own prefixes are looked up (a footnote is one or two digits), the longer
    first: scanning every confirmed name for every key was quadratic in a document naming
    thousands of trials.

    >>> footnoted("leap0025", ["leap002"])
    'leap002'
    >>> footnoted("leap0025", {"leap00", "leap002"}), footnoted("leap002", {"leap002"})
    ('leap002', None)

    A short number grown by a digit is another trial of the series, no footnote: numbers of three
    digits or a leading zero ("002", "150") are what a reference number gets glued to.

    >>> footnoted("krystal12", {"krystal1"}), footnoted("fresco2", {"fresco"})
    (None, None)
    """
    for cut in (1, 2):
        base = name_key[:-cut]
        number = base[len(base.rstrip("0123456789")):]
        if name_key[-cut:].isdigit() and base in confirmed and (len(number) >= 3 or number.startswith("0")):
            return base
    return None


def _without_footnote(name: TrialName, confirmed: frozenset[str], key: Callable[[str], str]) -> TrialName:
    if name.kind == "nct" or (base := footnoted(key(name.name), confirmed)) is None:
        return name
    cut = len(key(name.name)) - len(base)
    if not name.name[:-cut][-1:].isdigit():
        return name  # "FRESCO-2" beside "FRESCO": another trial (a footnote is glued to a number, "LEAP-0025")
    return TrialName(name.name[:-cut], name.start, name.end - cut, name.kind)


NOT_OF_THE_NAME = re.compile(r"^(?:(?:The|An?)\s+)?(?:(?:IV|I{1,3})[ab]?\s+)?")
ORGANISATION_WORD = re.compile(r"\b(?:Group|Society|Association|Network|Consortium|Organi[sz]ation|Institute|Foundation|"
                               r"Alliance|Cooperative)\s*$")


def _spells(words: str, acronym: str) -> bool:
    """Do the capitalised words spell the acronym (its letters their initials, in order, first and
    last included) and name a trial ("... Randomized Protocol")?

    >>> _spells("The Zorbanib HCC Assessment Randomized Protocol ", "ZHARP")
    True
    >>> _spells("III Zorbanib HCC Assessment Randomized Protocol ", "ZHARP")  # "the phase III Zorbanib ..."
    True
    >>> _spells("Invented Cancer Study Group ", "ICSG")
    False
    """
    if ORGANISATION_WORD.search(words):
        return False  # "Korean Cancer Study Group (KCSG)": the group that runs trials, no trial
    # (a sentence's opening article is no word of the name: "The Zorbanib Assessment Randomized Protocol (ZARP)"; nor a
    # phase's numeral before it: "phase III Zorbanib ... (ZHARP)")
    initials = [w[0].upper() for w in NOT_OF_THE_NAME.sub("", words).split() if w[0].isupper()]
    letters = [c for c in acronym if c.isalpha()]
    if not SPELLED_TRIAL_WORD.search(words) or not initials or letters[0] != initials[0] or letters[-1] != initials[-1]:
        return False
    rest = iter(initials[1:-1])
    return all(c in rest for c in letters[1:-1])


def _with_aliases(text: str, found: list[TrialName], is_entity: Callable[[str], bool]) -> list[TrialName]:
    """ "Study 304/REFLECT", "REFLECT (Study 304)": an all-capital word glued to a name is one too."""
    out = list(found)
    for name in found:
        for m in CAPS_RE.finditer(text):
            gap = text[m.end():name.start] if m.end() <= name.start else text[name.end:m.start()]
            if ALIAS_GLUE.match(gap) and not is_entity(m.group()) and m.start() != name.start \
                    and m.group().upper() not in STRUCTURE_WORDS | SECTION_LABELS:
                out.append(TrialName(m.group(), m.start(), m.end()))
    return out


# Between two trials named side by side: "A [NCT...] and B [NCT...]", "the phase 3 A (CODE) and the phase 2 B trials".
# ... each perhaps with its trial word and whom it enrolled: "the A study of a European population and the B study".
COORDINATED_GAP = re.compile(r"^\s*(?:[(\[][^()\[\]]{1,40}[)\]]\s*)?(?:(?:trial|study)(?:\s+(?:of|in)\s+[^()\[\];,.]{1,60}?)?\s+)?"
                             r"(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?"
                             r"(?:phase\s*(?:III|II|IV|I|[1-4])[ab]?\s+)?(?:[A-Z][a-z]+\s+)?$", re.IGNORECASE)


def coordinated(text: str, first: TrialName, second: TrialName) -> bool:
    """Are two names given side by side as two trials ("A [NCT...] and B [NCT...]")?

    >>> text = "two trials (ZETA-1 [NCT01234567] and the phase 2 Japanese ETA-2 [NCT07654321])"
    >>> first, second = text.index("ZETA-1"), text.index("ETA-2 ")
    >>> coordinated(text, TrialName("ZETA-1", first, first + 6), TrialName("ETA-2", second, second + 5))
    True
    >>> text = "two studies (the ZETA-1 study of a European population and the ETA-2 study of a Japanese one)"
    >>> first, second = text.index("ZETA-1"), text.index("ETA-2 ")
    >>> coordinated(text, TrialName("ZETA-1", first, first + 6), TrialName("ETA-2", second, second + 5))
    True
    """
    return COORDINATED_GAP.match(text[first.end:second.start]) is not None


# A registry's identifier field: "ClinicalTrials.gov ID NCT...", "Trial registration number: NCT...".
REGISTRY_FIELD_RE = re.compile(r"(?:ClinicalTrials\.gov|registry|registration)(?:\s+(?:identifier|number|ID|no\.?))?\s*[:,]?\s*$",
                               re.IGNORECASE)


def aliases(text: str, names: list[TrialName]) -> list[tuple[TrialName, TrialName]]:
    """Pairs of names the text gives as one trial's: "A/B", "A (B)", "A (NCT...)", and the one name of a record and
    its registry's identifier field ("A study of X (NAME) ClinicalTrials.gov ID NCT...", a registry page's heading).

    >>> [(a.name, b.name) for a, b in aliases("Zorbanib in HCC (ZETA-9) ClinicalTrials.gov ID NCT01234567",
    ...     [TrialName("ZETA-9", 17, 23), TrialName("NCT01234567", 47, 58, "nct")])]
    [('ZETA-9', 'NCT01234567')]
    """
    pairs = []
    for left, right in zip(names, names[1:]):
        if ALIAS_GLUE.match(text[left.end:right.start]):
            pairs.append((left, right))
        elif len(names) == 2 and left.kind != "nct" and right.kind == "nct" and REGISTRY_FIELD_RE.search(text, 0, right.start):
            pairs.append((left, right))
    return pairs


def title_name(title: str, sentences: list[str], is_entity: Callable[[str], bool],
               key: Callable[[str], str] = str) -> str | None:
    """A title that is only a trial-shaped name names the trial of a text that compares or describes one.

    >>> title_name("ZETA-7", ["Zorbanib vs placebo: OS 9 vs 7 months."], lambda s: False)
    'ZETA-7'
    >>> title_name("IL-6", ["IL-6 levels vs baseline."], lambda s: s == "IL-6") is None
    True
    >>> title_name("ABSTRACT", ["Zorbanib vs placebo: OS 9 vs 7 months."], lambda s: False) is None  # a section's label
    True
    """
    if title.strip().upper() in STRUCTURE_WORDS | SECTION_LABELS \
            or not any(TRIAL_CUE.search(s) or COMPARISON_CUE.search(s) for s in sentences):
        return None
    found = trial_names(title, is_entity, frozenset({key(title)}), key)
    return title if [n.name for n in found] == [title] else None

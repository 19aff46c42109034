"""Short forms a document defines for a regimen: "A plus B (A+B)", "A and B (A/B)".

Two or more drugs named together and followed by a short form in parentheses define that
short form for the combination.  From there on the document reads each use of it, in the
case written, as the combination itself ("A plus B"), so the arm, value and approval readers
see the regimen it stands for; their evidence quotes the short form (:mod:`.expansion`).

The short form must fit the regimen: split at "+", "/", "-" or "&", its parts abbreviate the
components in order (a drug and a procedure in either order: "TACE plus A (A-TACE)"), each as
:func:`.abbreviations.fits` judges against any of the component's names (brand names included).
An unsplit acronym ("AB") is not read: each component of the reading needs characters of its own
to point back to, and the glue between them too.  A short form the vocabulary knows, a clinical
abbreviation (the stoplist) or a trial's name is not defined, nor one defined for two regimens.

A regimen's own name in capitals may come first, its drugs in the parentheses after it:
"STRIDE (tremelimumab plus durvalumab)", "ZAP (Zorbatinib And Pembrolizumab)", doses allowed.
Every drug the parentheses name is a component (two or more, none offered as a choice or a
comparison: "(A vs B)" names no regimen); the name reads as the components joined, each
component pointing back to characters of the name (:func:`.expansion.read_as`).  A regimen's
acronym the stoplist marks as such ("regimen") may be defined so; other stoplisted names may not.

>>> parts_fit(["atezo", "bev"], [["atezolizumab"], ["bevacizumab", "Avastin"]])
True
>>> parts_fit(["T", "A"], [["atezolizumab", "Tecentriq"], ["bevacizumab", "Avastin"]])
True
>>> parts_fit(["A", "S"], [["atezolizumab"], ["bevacizumab"]])
False
>>> parts_fit(["FTD", "TPI"], [["trifluridine"], ["tipiracil"]]), parts_fit(["FTD", "XYZ"], [["trifluridine"], ["tipiracil"]])
(True, False)
>>> parts_fit(["NIVO1", "IPI3"], [["nivolumab"], ["ipilimumab"]])
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..model import Mention
from ..vocab import name_key
from .abbreviations import Definition, fits, free_short_form
from .analysis import AnalysedDocument, AnalysedSentence
from .expansion import Expansion, read_as
from .name_cues import TRIAL_WORD, initials_before, names_a_trial, regimen_acronyms
from .sentences import DRUG, agents_in

#: "(A+B)", "(atezo/bev)", "(LEN + PEMBRO)": letters and digits, parts joined by + / - &.
#: ... or a name in capitals the parentheses call a regimen: "(STRIDE regimen)", "(the ZAP combination)".
_DEFINITION = re.compile(
    # ... perhaps introduced and quoted, as news writes a brand: "A and B (branded as “A-B”)", "(dubbed 'AB-X')"
    r"\s?\(\s?(?P<intro>(?:(?:branded|known|marketed|referred\s+to)\s+as|dubbed|called)\s+[\"“'‘]?)?(?:the\s)?(?P<short>[A-Za-z][A-Za-z0-9]{0,9}(?:\s?[+/&-]\s?[A-Za-z][A-Za-z0-9]{0,9}){1,3}|[A-Z]{3,10})"
    r"(?P<noun>\s(?:regimen|combination|protocol))?[\"”'’]?\s?\)")
_SEPARATOR = re.compile(r"\s?[+/&-]\s?")
_DOSE_AFTER = re.compile(r"\d+$")
#: Short forms joined by "+", one or more with a dose glued on: "T300+D", "Z10+Q". Each part's letters must be a short form
#: the document defined for one drug ("tremelimumab (T)"); the dose tells arms of one regimen apart, no drug.
_DOSED_USE = re.compile(r"(?<![\w+/&-])[A-Za-z]{1,8}\d*(?:\.\d+)?(?:\+[A-Za-z]{1,8}\d*(?:\.\d+)?)+(?![\w+/&])")
#: Two drugs joined by "and" or "/" (the combination readers leave both alone: "and" also lists,
#: "/" also offers a choice); a short form defined right after them names them as one.
_JOINED = re.compile(r"^(?:\s+and\s+|\s?/\s?)$")
#: A drug and a procedure given together (the combination readers join drugs only): "TACE plus A", "A + TACE".
_WITH_PROCEDURE = re.compile(r"^(?:\s+(?:and|plus|with|combined\s+with|in\s+combination\s+with)\s+|\s?[+/]\s?)$", re.IGNORECASE)
GLUE = " plus "
#: "STRIDE (...)": a name in capitals (three to ten letters or digits) right before parentheses.
_NAME_FIRST = re.compile(r"(?<![\w+/&-])(?P<short>[A-Z][A-Z0-9]{2,9})\s?\((?P<inside>[^()]*)\)")
#: "(STRIDE)": a name in capitals (three to ten letters) alone in parentheses, after the words it spells.
_SPELLED_NAME = re.compile(r"\((?P<short>[A-Z]{3,10})\)")
#: Parentheses offering a choice or a comparison name no one regimen.
_NOT_ONE = re.compile(r"\b(?:vs?\.?|versus|or|compared|than|with\s+or\s+without)\b", re.IGNORECASE)
#: "ZENITH (zorbatinib plus quelvumab) trial": the name is the trial's.
_TRIAL_AFTER = re.compile(rf"\s*{TRIAL_WORD}\b", re.IGNORECASE)


@dataclass(frozen=True)
class RegimenDefinition:
    """``short`` names the combination of ``mentions`` (in order), defined at [start, end)."""

    short: str
    mentions: tuple[Mention, ...]
    start: int
    end: int
    spelled: bool = False  # the name after the words it is the initials of ("... Interval Durvalumab (STRIDE)")

    def expansion(self) -> Expansion:
        """How each later use of the short form reads: part to component where it splits, else
        the whole name as the components joined ("STRIDE")."""
        pieces = _SEPARATOR.split(self.short)
        names = [m.surface for m in self.mentions]
        if len(pieces) != len(names):
            return Expansion(self.short, read_as(self.short, names, GLUE), self.end)
        parts: list[tuple[str, str]] = []
        separators = _SEPARATOR.findall(self.short)
        for i, (piece, name) in enumerate(zip(pieces, names)):
            parts.append((piece, name))
            if i < len(separators):
                parts.append((separators[i], GLUE))
        return Expansion(self.short, tuple(parts), self.end)

    def spelled_reading(self, text: str) -> Expansion | None:
        """How the definition itself reads when it spells the name out: the words and the name as the components
        joined ("Single Tremelimumab Regular Interval Durvalumab (STRIDE)" is one regimen, not two drugs apart)."""
        if not self.spelled:
            return None
        written = text[self.start:self.end]
        return Expansion(written, read_as(written, [m.surface for m in self.mentions], GLUE), self.start)


def parts_fit(pieces: list[str], names: list[list[str]], free: Callable[[str], bool] = lambda piece: True) -> bool:
    """Does each piece abbreviate (or spell) one of its component's names, in order?  A dose
    written after a piece ("NIVO1", "T300") is not part of the name.  One piece may be a
    chemical short name in capitals that does not start its component's name ("FTD" for
    trifluridine): the short form stands right after the regimen, one piece per component,
    and the other pieces fit; ``free`` says the piece names nothing else ("ORR" does)."""
    letters = [_DOSE_AFTER.sub("", p) for p in pieces]
    if len(pieces) < len(names) and all(letters) and _by_initials(letters, names):
        return True
    if len(pieces) != len(names) or not all(letters):
        return False
    fitting = [any(name_key(p) == name_key(n) or fits(p, n) for n in component) for p, component in zip(letters, names)]
    unfit = [p for p, fit in zip(letters, fitting) if not fit]
    return all(fitting) or (len(unfit) == 1 and any(fitting) and re.fullmatch(r"[A-Z]{3,}", unfit[0]) is not None
                            and free(unfit[0]))


def _by_initials(pieces: list[str], names: list[list[str]]) -> bool:
    """Does each piece abbreviate its component, or, in capitals, give the initials of as many components in a row
    ("TACE-CR" for TACE, camrelizumab and rivoceranib: "CR" the initials of the two drugs)?

    >>> _by_initials(["TACE", "CR"], [["TACE"], ["camrelizumab"], ["rivoceranib"]])
    True
    >>> _by_initials(["TACE", "CX"], [["TACE"], ["camrelizumab"], ["rivoceranib"]])
    False
    """
    if not pieces or not names:
        return not pieces and not names
    piece, run = pieces[0], names[:len(pieces[0])]
    if re.fullmatch(r"[A-Z]{2,4}", piece) and len(run) == len(piece) and len(names) - len(piece) >= len(pieces) - 1 \
            and all(any(n[:1].upper() == letter for n in component) for letter, component in zip(piece, run)) \
            and _by_initials(pieces[1:], names[len(piece):]):
        return True
    return any(name_key(piece) == name_key(n) or fits(piece, n) for n in names[0]) and _by_initials(pieces[1:], names[1:])


def definitions(doc: AnalysedDocument) -> list[RegimenDefinition]:
    """The regimen short forms the document's prose defines (first definition of each)."""
    found: dict[str, list[RegimenDefinition]] = {}
    for sent in doc.sentences:
        for group in _combinations(doc, sent):
            end = sent.local(group[-1])[1]
            match = _DEFINITION.match(sent.text, end)
            own_order = match and (match.group("intro") or any(doc.vocabulary[m.key].has_type("Procedure") for m in group))
            if own_order and len(group) == 2 and not _acceptable(match.group("short"), group, doc) \
                    and _acceptable(match.group("short"), group[::-1], doc):
                # "B and A (branded as A-B)": a brand names the drugs in its own order; so does a drug's short form with
                # a procedure's ("TACE plus A (A-TACE)")
                group = group[::-1]
            if match and (_acceptable(match.group("short"), group, doc)
                          or (match.group("noun") and _free_name(match.group("short"), doc))):
                first = min(sent.local(m)[0] for m in group)
                span = sent.sentence.mapped.original_span(first, match.end())
                found.setdefault(match.group("short"), []).append(RegimenDefinition(match.group("short"), tuple(group), *span))
        for definition in [*_named_first(doc, sent), *_spelled_out(doc, sent)]:
            found.setdefault(definition.short, []).append(definition)
    return [defs[0] for _, defs in sorted(found.items())
            if len({tuple(m.key for m in d.mentions) for d in defs}) == 1]


def _combinations(doc: AnalysedDocument, sent: AnalysedSentence) -> list[list[Mention]]:
    """Groups of two or more drugs named as one: "A plus B", "A and B" and "A/B"."""
    groups = [group for _, group in agents_in(doc, sent) if len(group) > 1]
    # ... a drug with a procedure too: "TACE plus A (A-TACE)"
    given = [m for m in sent.mentions if doc.vocabulary[m.key].has_type(*DRUG, "Procedure")]
    for left, right in zip(given, given[1:]):
        between = sent.text[sent.local(left)[1]:sent.local(right)[0]]
        drugs = [doc.vocabulary[m.key].has_type(*DRUG) for m in (left, right)]
        joined = _JOINED.match(between) if all(drugs) else _WITH_PROCEDURE.match(between) if any(drugs) else None
        if joined and left.key != right.key:
            groups.append([left, right])
    # ... and a procedure given with a combination of drugs: "TACE plus A and B (TACE-AB)"
    for group in [g for g in groups if all(doc.vocabulary[m.key].has_type(*DRUG) for m in g)]:
        before = [m for m in given if m.end <= group[0].start]
        if before and doc.vocabulary[before[-1].key].has_type("Procedure") \
                and _WITH_PROCEDURE.match(sent.text[sent.local(before[-1])[1]:sent.local(group[0])[0]]):
            groups.append([before[-1], *group])
    return groups


def _acceptable(short: str, group: list[Mention], doc: AnalysedDocument) -> bool:
    """Does the short form abbreviate the group's drugs part by part, or is it a regimen's acronym the stoplist marks
    ("A plus B (STRIDE)")?"""
    if name_key(short) in regimen_acronyms():
        return _free_name(short, doc)
    names = [[m.surface, *doc.vocabulary[m.key].names()] for m in group]
    return parts_fit(_SEPARATOR.split(short), names, lambda piece: free_short_form(piece, doc)) \
        and free_short_form(short, doc)


def _named_first(doc: AnalysedDocument, sent: AnalysedSentence) -> list[RegimenDefinition]:
    """ "STRIDE (tremelimumab plus durvalumab)": a name in capitals defined by the drugs the parentheses after it
    name (two or more distinct ones, neither a choice nor a comparison between them)."""
    out = []
    for match in _NAME_FIRST.finditer(sent.text):
        short, (start, end) = match.group("short"), match.span("inside")
        drugs = [m for m in sent.mentions if start <= sent.local(m)[0] and sent.local(m)[1] <= end
                 and doc.vocabulary[m.key].has_type(*DRUG)]
        keys = list(dict.fromkeys(m.key for m in drugs))
        if len(keys) < 2 or len(short) < 2 * len(keys) or _NOT_ONE.search(match.group("inside")) \
                or _TRIAL_AFTER.match(sent.text, match.end()) or not _free_name(short, doc):
            continue
        first = [next(m for m in drugs if m.key == key) for key in keys]
        span = sent.sentence.mapped.original_span(match.start(), match.end())
        out.append(RegimenDefinition(short, tuple(first), *span))
    return out


def _spelled_out(doc: AnalysedDocument, sent: AnalysedSentence) -> list[RegimenDefinition]:
    """ "single zorbatinib regular interval quelvumab (SZRIQ)": a name in capitals after the words it is the initials
    of, one word per letter, two or more distinct drugs among them (neither a choice nor a comparison between them)."""
    out = []
    for match in _SPELLED_NAME.finditer(sent.text):
        short = match.group("short")
        if (spelled := initials_before(sent.text, match.start(), short)) is None:
            continue
        start, end = spelled
        drugs = [m for m in sent.mentions if start <= sent.local(m)[0] and sent.local(m)[1] <= end
                 and doc.vocabulary[m.key].has_type(*DRUG)]
        keys = list(dict.fromkeys(m.key for m in drugs))
        if len(keys) < 2 or _NOT_ONE.search(sent.text, start, end) or _TRIAL_AFTER.match(sent.text, match.end()) \
                or not _free_name(short, doc):
            continue
        first = [next(m for m in drugs if m.key == key) for key in keys]
        out.append(RegimenDefinition(short, tuple(first), *sent.sentence.mapped.original_span(start, match.end()), True))
    return out


def _free_name(short: str, doc: AnalysedDocument) -> bool:
    """May the document define ``short`` as a regimen's name?  As any short form, or, for a regimen's acronym
    the stoplist marks, when nothing else in the document takes it."""
    if name_key(short) in regimen_acronyms():
        return doc.finder.lookup(short) is None and not names_a_trial(short, doc.document.text)
    return free_short_form(short, doc)


def dosed_uses(doc: AnalysedDocument, defined: list[Definition]) -> tuple[Expansion, ...]:
    """ "T300+D", "T75+D" where the document defined "tremelimumab (T)" and "durvalumab (D)": each use read as the
    drugs its parts' letters abbreviate, joined ("tremelimumab plus durvalumab"), a dose glued to a part no part of
    its name.  Two or more distinct drugs, and a dose on at least one part ("T+D" the short forms' own readers read)."""
    drugs = {d.short: d.key for d in defined if doc.vocabulary[d.key].has_type(*DRUG)}
    since = max((d.end for d in defined), default=0)
    out: dict[str, Expansion] = {}
    for match in _DOSED_USE.finditer(doc.document.text, since):
        pieces = match.group().split("+")
        keys = [drugs.get(_DOSE_AFTER.sub("", re.sub(r"\.\d+$", "", p))) for p in pieces]
        if match.group() in out or None in keys or len(set(keys)) != len(keys) or not re.search(r"\d", match.group()):
            continue
        parts: list[tuple[str, str]] = []
        for i, (piece, key) in enumerate(zip(pieces, keys)):
            parts += ([("+", GLUE)] if i else []) + [(piece, doc.vocabulary[key].label)]
        out[match.group()] = Expansion(match.group(), tuple(parts), since)
    return tuple(out.values())

"""Numbered and Greek series after a target's name: a family with its members ("VEGF receptors 1-3",
"FGFR1, 2, 3 and 4", "PDGFRα/β", "PDGFR-a/b"), and a count that names every member ("all three VEGF
receptors"), and a plural name the vocabulary knows only with its numbers ("cyclin-dependent kinases 4 and 6").
Read by :func:`.targets.units` once a name is found (the plural series before, as no mention covers it).
"""

from __future__ import annotations

import re

from ..model import Mention
from .analysis import AnalysedDocument

GREEK = {"α": "α", "alpha": "α", "β": "β", "beta": "β", "ß": "β", "γ": "γ", "gamma": "γ", "i": "1", "ii": "2", "iii": "3"}
_ITEM = r"(?:\d|α|β|ß|γ|alpha|beta|gamma|(?-i:I{1,3}\b))"  # "topoisomerase I" is topoisomerase 1; "ß" typed for β
# A series right after a family name: "receptors 1-3", "receptor-2", "receptor α", "1, 2 and 3".
SERIES = re.compile(rf"^(?:\s?[-–]?\s?)(?P<items>{_ITEM}(?:\s*(?:[-–]|to|,|/|,?\s*and|,?\s*or)\s*[-–]?{_ITEM})*)"
                    r"(?![\w.,]\d)(?!\w)(?!\s*(?:%|mg|months?|weeks?|days?|years?|patients?|cycles?)\b)",
                    re.IGNORECASE)
# A series continuing a member: "FGFR1, 2, 3 and 4", "PDGFRα/β" (the last item after and/or, or "/").
CONTINUATION = re.compile(rf"^(?P<items>(?:\s*(?:,|/)\s*-?{_ITEM}\b)*(?:\s*(?:/|,?\s*and|,?\s*or)\s*-?{_ITEM}"
                          rf"|\s*,\s*-?{_ITEM}\s*,\s*-?{_ITEM}))(?!\w)"
                          r"(?!\s*(?:%|mg|months?|weeks?|days?|years?|patients?|cycles?)\b)", re.IGNORECASE)
# "receptor (isoforms 1, 2 and 3)", "(subtypes 1 2 and 3)": members named in a parenthesis after the family.
ISOFORM_SERIES = re.compile(rf"^\s*\(\s*(?:iso-?forms?|subtypes?|types?|members?)\s+"
                            rf"(?P<items>{_ITEM}(?:\s*(?:[-–]|to|,|/|and|or|\s)\s*{_ITEM})*)\s*\)", re.IGNORECASE)
# "vascular endothelial growth factor receptor 1–3": a range after a spelled-out member (the mention ends at "1");
# "FGFR1 to FGFR4", "VEGFR-1 through -3", "FGFR1–FGFR4": the last member may repeat the stem (checked by the caller).
MEMBER_RANGE = re.compile(r"^(?:\s?[-–]\s?|\s(?:to|through|thru)\s[-–]?)(?P<stem>[^\W\d_][^\d\n.;,()]{0,40}?)??(?P<last>\d)"
                          r"(?![\w.,]\d)(?!\w)(?!\s*(?:%|mg|months?|weeks?|days?|years?|patients?|cycles?)\b)", re.IGNORECASE)
# "PDGFR-a/b": the second of a Latin pair after a member ending in "a".
LATIN_PAIR = re.compile(r"^\s*/\s*-?(?:b|β)(?![\w-])")


def series_items(text: str) -> list[str]:
    """Numbers and Greek letters of a series, ranges expanded.

    >>> series_items("1-3"), series_items("2, 3 and 4"), series_items("alpha/β")
    (['1', '2', '3'], ['2', '3', '4'], ['α', 'β'])
    >>> series_items(", -2 and -4"), series_items("1–3")
    (['2', '4'], ['1', '2', '3'])
    """
    out: list[str] = []
    # "-2 and -3" after a list mark repeats the stem's hyphen; it is no range.
    text = re.sub(rf"(^|[,/]|\band\b|\bor\b)\s*[-–]\s*(?={_ITEM})", r"\1 ", text, flags=re.IGNORECASE)
    tokens = [t.replace("–", "-") for t in re.findall(rf"{_ITEM}|[-–]|to", text, re.IGNORECASE)]
    i = 0
    while i < len(tokens):
        token = tokens[i].lower()
        is_range = i + 2 < len(tokens) and tokens[i + 1].lower() in ("-", "to") \
            and token.isdigit() and tokens[i + 2].isdigit() and int(token) < int(tokens[i + 2])
        if is_range:
            out.extend(str(n) for n in range(int(token), int(tokens[i + 2]) + 1))
            i += 3
            continue
        if token not in ("-", "to"):
            out.append(GREEK.get(token, token))
        i += 1
    return out


def _member(doc: AnalysedDocument, stems: tuple[str, ...], item: str, allowed: tuple[str, ...] | None) -> str | None:
    for stem in stems:
        for glue in ("", " ", "-"):
            key = doc.finder.lookup(f"{stem}{glue}{item}")
            if key and doc.vocabulary.is_target(key) and (allowed is None or key in allowed):
                return key
    return None


def expand_series(doc: AnalysedDocument, text: str, mention: Mention, keys: tuple[str, ...], end: int):
    """Family + series -> members; member + continuation (or its Latin pair, "PDGFR-a/b") -> more members."""
    entity = doc.vocabulary[keys[0]]
    if len(keys) == 1 and entity.members:
        match = SERIES.match(text[end:]) or ISOFORM_SERIES.match(text[end:])
        if match:
            found = [_member(doc, entity.names(), item, entity.members) for item in series_items(match.group("items"))]
            if found and all(found):
                return tuple(dict.fromkeys(found)), end + match.end()
    latin = LATIN_PAIR.match(text[end:]) if re.search(r"(?<=[A-Z-])a$", mention.surface) and len(keys) == 1 else None
    if latin:  # "PDGFR-a/b", "PDGFRa/β": Latin letters standing for the Greek ones
        second = _member(doc, (mention.surface[:-1].rstrip(" -"),), "β", None)
        if second:
            return tuple(dict.fromkeys(keys + (second,))), end + latin.end()
    tail = re.search(rf"{_ITEM}$", mention.surface, re.IGNORECASE)
    ranged = MEMBER_RANGE.match(text[end:]) if tail and tail.group().isdigit() and len(keys) == 1 else None
    stem = mention.surface[:tail.start()].rstrip(" -") if tail else ""
    repeated = ranged.group("stem") if ranged else None
    if repeated and repeated.rstrip(" -").casefold() != stem.casefold():
        ranged = None  # "FGFR1 to VEGFR3" spans two families: no range
    if ranged and int(tail.group()) < int(ranged.group("last")):
        found = [_member(doc, (stem,), item, None) for item in series_items(f"{tail.group()}-{ranged.group('last')}")]
        if all(found):
            return tuple(dict.fromkeys(found)), end + ranged.end()
    match = CONTINUATION.match(text[end:])
    if match and tail and len(keys) == 1:
        stem = mention.surface[:tail.start()].rstrip(" -")
        found = [_member(doc, (stem,), item, None) for item in series_items(match.group("items"))]
        if found and all(found):
            return tuple(dict.fromkeys(keys + tuple(found))), end + match.end()
    return keys, end


# "all three VEGF receptors", "both PDGF receptors": a count that is the family's size names every member.
ALL_OF = re.compile(r"\b(?:all\s+(?:the\s+)?(?P<count>two|three|four|five|[2-5])|(?P<both>both)(?:\s+the)?)\s+$", re.IGNORECASE)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def every_member(doc: AnalysedDocument, text: str, keys: tuple[str, ...], start: int) -> tuple[str, ...]:
    """A family's members for "all three VEGF receptors" when the family has three, else the keys as read."""
    match = ALL_OF.search(text[max(0, start - 20):start])
    if match is None or len(keys) != 1:
        return keys
    members = doc.vocabulary[keys[0]].members or ()
    count = match.group("count")
    wanted = 2 if match.group("both") else int(count) if count.isdigit() else COUNTS[count.lower()]
    return tuple(members) if members and len(members) == wanted else keys


# "cyclin-dependent kinases 4 and 6", "fibroblast growth factor receptors 1-4": a plural name the vocabulary knows
# only with a number after it ("cyclin-dependent kinase 4"), then the numbers of its members.  The name's words are
# joined by spaces only (a hyphen stays inside its word): a hyphen that could either join two words or belong to one
# let a long hyphenated chain ("ab-ab-ab-...") be cut every way before the match failed.
PLURAL_SERIES = re.compile(rf"\b(?P<name>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){{0,5}}?)s"
                           rf"(?P<items>\s+{_ITEM}(?:\s*(?:[-–]|to|,|/|,?\s*and|,?\s*or)\s*[-–]?{_ITEM})+)(?![\w.,]\d)(?!\w)"
                           r"(?!\s*(?:%|mg|months?|weeks?|days?|years?|patients?|cycles?)\b)", re.IGNORECASE)


def plural_series(doc: AnalysedDocument, text: str) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """(start, end of the name, end, member keys) of each plural name + series whose singular names every member; the longest
    such name ending at the plural "s" wins ("inhibitor of cyclin-dependent kinases 4 and 6": the last three words)."""
    out = []
    for match in PLURAL_SERIES.finditer(text):
        items = series_items(match.group("items"))
        words = list(re.finditer(r"[^\s]+", match.group("name")))
        for word in words:
            stem = match.group("name")[word.start():]
            found = [_member(doc, (stem,), item, None) for item in items]
            if all(found):
                out.append((match.start("name") + word.start(), match.start("items"), match.end(),
                            tuple(dict.fromkeys(found))))
                break
    return out


# "vascular endothelial growth factor receptor type 2": a family's name, "type" and a number name its numbered member.
TYPE_NUMBER = re.compile(r"^\s+type\s+(?P<number>\d{1,2})(?![\w.-])", re.IGNORECASE)


def typed_member(doc: AnalysedDocument, text: str, keys: tuple[str, ...], start: int, end: int) -> tuple[tuple[str, ...], int]:
    """The member a family name with "type N" names, and where it ends; the keys unchanged when there is none."""
    typed = TYPE_NUMBER.match(text[end:])
    if typed is None or len(keys) != 1 or not doc.vocabulary[keys[0]].members:
        return keys, end
    key = doc.finder.lookup(f"{text[start:end]} {typed.group('number')}")
    if key is None or key not in doc.vocabulary[keys[0]].members:
        return keys, end
    return (key,), end + typed.end()


# "vascular endothelial growth factor (VEGF)R2": the ligand's abbreviation with "R" glued on names its receptor.
GLUED_RECEPTOR = re.compile(r"^R(?P<number>\d)?(?![\w-])")
# "platelet-derived growth factor receptor (PDGFR) β": the isoform letter after a family's bracketed abbreviation
# (a series of letters, "(PDGFR) α and β", is read by :func:`expand_series`).
GLUED_ISOFORM = re.compile(r"^\s?(?P<letter>[αβγ])(?![^\W\d_])(?!\s*(?:/|,|and\b|or\b)\s*[αβγ])")


def glued_member(doc: AnalysedDocument, text: str, key: str, end: int) -> tuple[str, int] | None:
    """The receptor or isoform a bracketed abbreviation ending at ``end`` names with a glued "R", "R2" or Greek
    letter, and where that ends; None when there is none."""
    if not text[:end].endswith(")"):
        return None
    glued = GLUED_RECEPTOR.match(text[end:])
    isoform = GLUED_ISOFORM.match(text[end:]) if glued is None else None
    members = doc.vocabulary[key].members or ()
    if glued is None and (isoform is None or not members):
        return None
    suffix = f"R{glued.group('number') or ''}" if glued else isoform.group("letter")
    for name in doc.vocabulary[key].names():
        found = doc.finder.lookup(f"{name}{suffix}")
        if found and found != key and doc.vocabulary.is_target(found) and (glued or found in members):
            return found, end + (glued or isoform).end()
    return None

"""Read a drug-target fact back from its evidence span, independently of the extractors.

A span supports ``drug inhibits target`` only if it names the drug, names the target (by
any name or synonym the vocabulary gives either end) and holds a cue of the relation.
Names match as whole words with free separators ("PD-1" = "PD 1" = "PD1"), and a printed
series is expanded first ("VEGFR1–3" also names VEGFR2), a plain reading of the notation.

>>> span = "Foonib, an oral MKI, blocks VEGFR1\u20133 and KIT."
>>> missing(span, ["foonib"], ["VEGFR2", "KDR"], "inhibits")
[]
>>> missing(span, ["foonib"], ["RET"], "inhibits"), missing("Foonib and KIT.", ["foonib"], ["KIT"], "inhibits")
(['object'], ['cue'])
"""

from __future__ import annotations

import re
from typing import Iterable

# The words by which a text says a drug acts on a target (a test's own short list).
CUES = {
    "inhibits": re.compile(r"inhibit|block|target|antagoni|\bbind|\bbound\b|\b[MT]KIs?\b", re.IGNORECASE),
    "isAntibodyAgainst": re.compile(r"antibod|\banti-|\bmAbs?\b|bispecific|block|\bbind|\bbound\b|target|inhibit",
                                    re.IGNORECASE),
    "activates": re.compile(r"(?<!ant)agonis|activat|\bbind|\bbound\b|target", re.IGNORECASE),
}
RANGE = re.compile(r"\b([A-Za-z][A-Za-z]*?)-?(\d+)\s*[\u2013-]\s*(\d+)\b")
SLASHED = re.compile(r"\b([A-Za-z][A-Za-z]*?)-?(\d+(?:\s*/\s*\d+)+)\b")
LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")


def expand_series(text: str) -> str:
    """The text with each printed series spelled out after it, and words hyphenated at a
    line break joined again.

    >>> expand_series("FGFR1-3, VEGFR-2/3 and pembrolizu- mab")
    'FGFR1-3 (FGFR1 FGFR2 FGFR3), VEGFR-2/3 (VEGFR2 VEGFR3) and pembrolizumab'
    """
    def spell_range(m: re.Match) -> str:
        low, high = int(m[2]), int(m[3])
        if not low < high <= low + 20:
            return m[0]
        return f"{m[0]} ({' '.join(f'{m[1]}{i}' for i in range(low, high + 1))})"

    def spell_list(m: re.Match) -> str:
        spelled = " ".join(m[1] + number for number in re.findall(r"\d+", m[2]))
        return f"{m[0]} ({spelled})"

    text = LINE_BREAK_HYPHEN.sub("", text)
    return SLASHED.sub(spell_list, RANGE.sub(spell_range, text))


def names_any(text: str, names: Iterable[str]) -> bool:
    """Does the text name any of ``names`` as a whole word (separators free, plural allowed)?"""
    for name in names:
        parts = re.findall(r"[^\W_]+", name)
        if parts and re.search(r"(?<![^\W_])" + r"[\s\-/]*".join(map(re.escape, parts)) + r"s?(?![^\W_])",
                               text, re.IGNORECASE):
            return True
    return False


def missing(span: str, subject_names: Iterable[str], object_names: Iterable[str], predicate: str) -> list[str]:
    """What the span lacks to state the fact: ``subject``, ``object`` and/or ``cue`` (empty if none)."""
    text = expand_series(span)
    gaps = [part for part, names in (("subject", subject_names), ("object", object_names))
            if not names_any(text, names)]
    return gaps + ([] if CUES[predicate].search(span) else ["cue"])


ACTS_ON = tuple(CUES)


def key_named(vocabulary, name: str) -> str:
    """The one vocabulary key that has ``name`` among its names (a test asking by name)."""
    wanted = re.sub(r"[\W_]+", "", name).casefold()
    keys = [e.key for e in vocabulary if wanted in {re.sub(r"[\W_]+", "", n).casefold() for n in e.names()}]
    assert len(keys) == 1, (name, keys)
    return keys[0]


def recognised_names(recognised) -> dict[str, list[str]]:
    """The names a build's documents gave drugs no vocabulary holds (its ``recognisedAs`` readings): key -> names."""
    out: dict[str, list[str]] = {}
    for a in recognised:
        if a.predicate == "recognisedAs":
            out.setdefault(a.subject, []).extend(v for k, v in a.attributes if k in ("label", "synonym"))
    return out


def reported_names(build_report: dict) -> dict[str, list[str]]:
    """The same names as a build report lists them (each document's ``unidentified`` names): key -> names."""
    out: dict[str, list[str]] = {}
    for document in build_report["documents"]:
        for found in document["unidentified"]:
            out.setdefault(found["key"], []).extend([found["name"], *found["synonyms"]])
    return out


def entity_names(vocabulary, recognised: dict[str, list[str]], key: str) -> list[str]:
    """A key's names: the vocabulary's, else those its documents gave it."""
    return list(vocabulary[key].names()) if key in vocabulary else recognised.get(key, [])


def stated_acts(assertions, texts: dict[str, str], vocabulary, predicates: Iterable[str] = ACTS_ON,
                recognised: dict[str, list[str]] | None = None) -> set[tuple[str, str]]:
    """The (drug, target) pairs of acts-on facts (of ``predicates``) that at least one evidence span
    states: the build's readings, kept only where a plain re-reading of the document agrees (a drug no vocabulary
    holds named as its documents named it, ``recognised``)."""
    recognised = recognised or {}
    return {(a.subject, a.object) for a in assertions if a.predicate in predicates
            and any(not missing(texts[e.doc_id][e.start:e.end], entity_names(vocabulary, recognised, a.subject),
                                entity_names(vocabulary, recognised, a.object), a.predicate) for e in a.evidence)}


def approved_agents_hitting(assertions, texts: dict[str, str], vocabulary, family_names: Iterable[str],
                            recognised: dict[str, list[str]] | None = None) -> list[str]:
    """Approved agents (drugs or regimens) that, themselves or through a component, act on a
    member of every named family: the expected answer of the two-families question."""
    acts = stated_acts(assertions, texts, vocabulary, recognised=recognised)
    components: dict[str, set[str]] = {}
    for a in assertions:
        if a.predicate == "hasComponent":
            components.setdefault(a.subject, set()).add(str(a.object))
    groups = [{key, *vocabulary.members_of(key)} for key in (key_named(vocabulary, f) for f in family_names)]
    approved = {a.subject for a in assertions if a.predicate == "approvedFor"}
    return sorted(agent for agent in approved
                  if all(any((d, t) in acts for d in {agent} | components.get(agent, set()) for t in group)
                         for group in groups))

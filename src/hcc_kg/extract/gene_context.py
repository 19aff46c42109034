"""Does a guarded name (``MET``, ``KIT``, a two-letter symbol) stand in a gene context here?

A generated gene symbol that is also an everyday word, or only two letters long, counts as
a mention only where the sentence treats it as a gene (in the manner of Gilda and Adeft):

* a gene word follows it: ``MET inhibitor``, ``KIT mutation``, ``MET-amplified``;
* a gene word comes before it: ``c-MET``, ``anti-KIT``, ``inhibitor of MET``, ``targeting RET``;
* it sits in a list beside another gene: ``VEGFR, KIT and RET``;
* it is the symbol in parentheses after the same entity's full name, or after a full name the
  vocabulary lacks that ends in a gene noun: ``focal adhesion kinase (FAK)``.

A *list-only* name (``ROS``, far more often reactive oxygen species than the ROS1 kinase) counts
only as an item of a list of genes that stand (``MET, ROS, RON and AXL``), joined to them by a comma,
never by a slash (``the ROS/JNK pathway``) or a bare "and", nor by a cue word beside it (``ROS-mediated``).

Cue words are vocabulary (shapes of English), never facts.

>>> confirmed("the MET inhibitor", [(4, 7, True)])
[True]
>>> confirmed("we MET the criteria", [(3, 6, True)])
[False]
>>> confirmed("VEGFR, KIT and RET", [(0, 5, False), (7, 10, True), (15, 18, True)])
[True, True, True]
>>> confirmed("MET, ROS and AXL", [(0, 3, False), (5, 8, LIST_ONLY), (13, 16, False)])
[True, True, True]
>>> confirmed("ROS and KDR levels", [(0, 3, LIST_ONLY), (8, 11, False)])
[False, True]
>>> confirmed("ROS-mediated KDR loss", [(0, 3, LIST_ONLY), (13, 16, False)])
[False, True]
"""

from __future__ import annotations

import re

#: words after the symbol that make it a gene or protein ("MET amplification", "KIT-positive")
AFTER = frozenset("""
kinase kinases receptor receptors inhibitor inhibitors inhibition inhibiting inhibit blockade blocker
blockers antagonist antagonists agonist agonists antibody antibodies ligand ligands amplification
amplifications amplified mutation mutations mutant mutants mutated alteration alterations aberration
aberrations overexpression overexpressing overexpressed expression expressing expressed gene genes protein
proteins signaling signalling signal pathway pathways fusion fusions rearrangement rearrangements rearranged
activation activity activating phosphorylation knockdown knockout deletion deletions variant variants exon
exons mrna transcript transcripts isoform isoforms locus promoter family tyrosine targeted targeting
positive negative driven dependent mediated specific directed status copy
""".split())

#: words before the symbol that make it a gene ("c-MET", "anti-KIT", "targeting RET")
BEFORE = frozenset("""
c v anti targeting targets target against inhibits inhibit inhibiting inhibited blocks block blocking
mutant mutated amplified overexpressed wild type human oncogenic
""".split())

#: a preposition joins a gene noun to the symbol: "inhibitors of MET", "mutations in KIT"
LINKS = frozenset({"of", "in", "on", "for"})

_WORD_AFTER = re.compile(r"[\s\-]{0,2}([A-Za-z]+)")
_WORDS_BEFORE = re.compile(r"([A-Za-z]+)[\s\-]{0,2}(?:([A-Za-z]+)[\s\-]{0,2})?$")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|/|\band\b|\bor\b|&)\s*")
#: the glue of a list-only item: a comma, no slash ("ROS/JNK" names a pathway's links), no bare "and"
#: ("ROS and KDR levels" pairs two measurements)
_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?")
#: guard levels of a mention (0 or False: none)
GUARDED, LIST_ONLY = 1, 2
_PAREN_OPEN = re.compile(r"\s*\(\s*")
#: a full name's last word before the symbol in parentheses: "focal adhesion kinase (FAK)"
GENE_NOUNS = frozenset("""
kinase kinases receptor receptors protein proteins gene genes ligand ligands factor factors antigen antigens
enzyme enzymes phosphatase phosphatases
""".split())
_NOUN_THEN_PAREN = re.compile(r"([A-Za-z]+)\s*\(\s*$")
_LOOK_BACK = 40  # characters: enough for two words before the symbol


def cue_around(text: str, start: int, end: int) -> bool:
    """A gene word right after ``text[start:end]`` or right before it."""
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1).lower() in AFTER:
        return True
    named = _NOUN_THEN_PAREN.search(text[max(0, start - _LOOK_BACK):start])
    if named and named.group(1).lower() in GENE_NOUNS:
        return True
    before = _WORDS_BEFORE.search(text[max(0, start - _LOOK_BACK):start])
    if not before:
        return False
    nearest, farther = (before.group(2), before.group(1)) if before.group(2) else (before.group(1), None)
    if nearest.lower() in BEFORE:
        return True
    return nearest.lower() in LINKS and farther is not None and farther.lower() in AFTER


def confirmed(text: str, spans: list[tuple[int, int, bool]], same: list[bool] | None = None) -> list[bool]:
    """For mentions (start, end, guarded) of genes in text order: which ones stand.

    An unguarded mention always stands; a guarded one stands with a cue, or when a list
    separator joins it to a mention that stands, or as ``(SYMBOL)`` after the same entity
    (``same[i]``: mention i names the same entity as mention i-1).
    """
    listed = [guarded == LIST_ONLY for _, _, guarded in spans]
    ok = [not guarded or (not item and cue_around(text, s, e)) for (s, e, guarded), item in zip(spans, listed)]
    for i in range(1, len(spans)):
        if same and same[i] and not listed[i] and _PAREN_OPEN.fullmatch(text, spans[i - 1][1], spans[i][0]):
            ok[i] = True
    changed = True
    while changed:  # a list is confirmed link by link: "VEGFR, KIT, RET and PDGFR"
        changed = False
        for i in range(len(spans) - 1):
            glue = _ITEM_GAP if listed[i] or listed[i + 1] else _LIST_GAP
            if ok[i] != ok[i + 1] and glue.fullmatch(text, spans[i][1], spans[i + 1][0]):
                ok[i] = ok[i + 1] = changed = True
    return ok

"""One drug described twice, the descriptions joined: the second target list is the same drug's.

"X, a A inhibitor and B antagonist", "X is a A inhibitor and a B agonist", "X is an inhibitor of A and of
B", "X inhibits A and is an antagonist of B", "an inhibitor of A as well as a blocker of B", "a A inhibitor
that also blocks B", "a A inhibitor with activity against B".

A target list that no shape read takes the drug of the list before it when (1) every reading of that
earlier list is of one drug, and (2) the words between the two lists are such a bridge: a link ("and",
"as well as", "that also", "with") and a cue of the second list's own, a noun or verb before it or a head
noun after it.  So "X inhibits A and B inhibitors are ..." (no head of the first list's own) and "X
inhibits A, whereas B ..." read nothing more.  Each new reading keeps the shape that read the first list,
whose words it extends.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .mechanism_cues import CUE, HEAD, TARGET_SUFFIX
from .shape_reading import Reading, head_after
from .subjects import MODIFIER
from .target_lists import TargetList

# (not after a comma: "X, a A inhibitor, and a B antagonist were combined" joins a second subject)
LINK = r"\s+(?:and|as\s+well\s+as)\s+(?:(?:is|was|are|were|acts?\s+as|also|both)\s+){0,2}"
ARTICLE = r"(?:(?:an?|the)\s+)?"
MODIFIERS = rf"(?:{MODIFIER}\s+){{0,3}}?"
# the first list's own head noun: "a A inhibitor and ...", "an A-selective agonist that ..."
OWN_HEAD = rf"[\s)]*{TARGET_SUFFIX}(?:[\s-]+{MODIFIER}){{0,2}}?[\s-]+{HEAD}"
# a link, then the words up to the second list's own cue
# ("that also", "with" only after the first list's head noun: "a A inhibitor that also blocks B"; in "X inhibits A,
# which activates B" the clause is A's)
# ... or a fusion's second part with a head of its own: "a A antibody fused to a B trap"
LINKED = re.compile(rf"^(?:(?P<head>{OWN_HEAD})?{LINK}{ARTICLE}{MODIFIERS}|{OWN_HEAD}(?:\s*,?\s+(?:that|which)\s+"
                    rf"(?:also\s+)?|\s+with\s+|(?P<fused>\s+(?:fused|linked)\s+(?:to|with)\s+{ARTICLE})))(?P<rest>.*)$",
                    re.IGNORECASE | re.DOTALL)
# "an inhibitor of A and of B": the first list's preposition, repeated
REPEATED_PREPOSITION = re.compile(r"^(?:of|against|to)\s+(?:the\s+)?$", re.IGNORECASE)
ARTICLE_END = re.compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)


def _cue_before(rest: str) -> bool:
    """The bridge's last words are a cue governing the second list ("is an antagonist of", "also blocks")."""
    if REPEATED_PREPOSITION.match(rest):
        return True
    cue = CUE.match(rest)
    return cue is not None and ARTICLE_END.match(rest[cue.end():]) is not None


def bridged(text: str, first: TargetList, second: TargetList) -> bool:
    """True when ``second`` continues a description of the drug ``first`` is read for (see the module).

    >>> from hcc_kg.extract.targets import Unit
    >>> def lists(text, *names):
    ...     return [TargetList((Unit("target", (n,), text.index(n), text.index(n) + len(n), None),)) for n in names]
    >>> s = "Foo, a KIT inhibitor and MET antagonist, was given."
    >>> bridged(s, *lists(s, "KIT", "MET"))
    True
    >>> s = "Foo inhibits KIT and MET inhibitors were given."
    >>> bridged(s, *lists(s, "KIT", "MET"))
    False
    >>> s = "Foo inhibits KIT and is an agonist of MET."
    >>> bridged(s, *lists(s, "KIT", "MET"))
    True
    """
    linked = LINKED.match(text[first.end:second.start])
    if linked is None:
        return False
    if _cue_before(linked.group("rest")):
        return True
    head = head_after(text, second, len(text), "")
    if linked.group("fused") is not None:  # "a A antibody fused to a B trap": the part's own head names its action
        return not linked.group("rest").strip() and head is not None
    # "X is a A inhibitor and B inhibitors have ...": a plural head after a singular one starts a new subject
    return linked.group("head") is not None and not linked.group("rest").strip(" ,") and head is not None \
        and (_plural(linked.group("head")) or not _plural(head.group("head")))


def _plural(head: str) -> bool:
    return bool(re.search(r"(?:s|ies)\s*$", head)) and not head.rstrip().endswith("ss")


def coordinated_readings(text: str, lists: list[TargetList], found: list[Reading]) -> list[Reading]:
    """Readings of the unread target lists that a bridge joins to a list read for one drug."""
    out: list[Reading] = []
    for first, second in zip(lists, lists[1:]):
        earlier = [r for r in found + out if r.target in first.units]
        drugs = {r.drug for r in earlier}
        if len(drugs) != 1 or any(r.target in second.units for r in found) or not bridged(text, first, second):
            continue
        model = min(earlier, key=lambda r: r.start)
        out.extend(replace(model, target=unit, key=key, end=max(second.end, model.end))
                   for unit in second.units for key in unit.keys)
    return out

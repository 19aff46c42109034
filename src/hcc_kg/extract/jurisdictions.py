"""Jurisdictions: "approved in <place>" names the place's regulator (data/jurisdictions.yaml).

>>> j = Jurisdictions((("Japan", "mhlw"), ("EU", "ec"), ("USA", "fda")))
>>> [r for _, _, r in j.regulators_in("approved in the USA, EU and Japan for HCC")]
['fda', 'ec', 'mhlw']
>>> j.regulators_in("patients from Japan"), j.regulators_in("In Japan, it was approved")[0][2]
([], 'mhlw')
>>> j = Jurisdictions((("Japan", "mhlw"),), (("Japanese", "mhlw"),))
>>> [r for _, _, r in j.regulators_in("it received Japanese regulatory approval")]
['mhlw']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
# "Japanese regulatory approval", "EU marketing authorisation": a place's adjective before an approval noun.
APPROVAL_NOUN = (r"(?:(?:regulatory|marketing|conditional|full|accelerated|priority|new)\s+)*"
                 r"(?:approvals?|authori[sz]ations?|nod|green light|clearance)\b")


@dataclass(frozen=True)
class Jurisdictions:
    """Place names -> regulator keys, read in the shape "in (the) <place>[, <place> and <place>]";
    and place adjectives -> regulator keys, read before an approval noun ("Japanese approval")."""

    regulators: tuple[tuple[str, str], ...]
    adjectives: tuple[tuple[str, str], ...] = ()

    @cached_property
    def by_name(self) -> dict[str, str]:
        return dict(self.regulators)

    @cached_property
    def _name(self) -> str:
        return "|".join(re.escape(n) for n, _ in sorted(self.regulators, key=lambda r: -len(r[0])))

    @cached_property
    def _phrase(self) -> re.Pattern:
        place = rf"(?:the\s+)?(?:{self._name})(?!\w)"
        return re.compile(rf"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+{place}(?:{LIST_JOIN}{place})*")

    @cached_property
    def _adjective_phrase(self) -> re.Pattern | None:
        if not self.adjectives:
            return None
        names = "|".join(re.escape(n) for n, _ in sorted(self.adjectives, key=lambda r: -len(r[0])))
        return re.compile(rf"(?<![\w.])(?P<adj>{names})\s+{APPROVAL_NOUN}")

    def regulators_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, regulator) for each place named in a jurisdiction phrase of ``text``."""
        found = []
        for phrase in self._phrase.finditer(text):
            for name in re.finditer(rf"(?<![\w.])(?:{self._name})(?!\w)", phrase.group()):
                found.append((phrase.start() + name.start(), phrase.start() + name.end(),
                              self.by_name[name.group()]))
        by_adjective = dict(self.adjectives)
        for phrase in self._adjective_phrase.finditer(text) if self._adjective_phrase else ():
            found.append((phrase.start("adj"), phrase.end("adj"), by_adjective[phrase.group("adj")]))
        return sorted(found)


@lru_cache(maxsize=4)
def load_jurisdictions(path: str | None = None) -> Jurisdictions:
    """The packaged jurisdiction list (or another file of the same shape); read once."""
    source = Path(path) if path else Path(str(resources.files("hcc_kg") / "data" / "jurisdictions.yaml"))
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    return Jurisdictions(tuple((str(name), str(entry["regulator"]))
                               for entry in data["jurisdictions"] for name in entry["names"]),
                         tuple((str(name), str(entry["regulator"]))
                               for entry in data["jurisdictions"] for name in entry.get("adjectives", ())))

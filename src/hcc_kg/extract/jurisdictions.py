"""Jurisdictions: "approved in <place>" names the place's regulator (data/jurisdictions.yaml).

>>> j = Jurisdictions((("Japan", "mhlw"), ("EU", "ec"), ("USA", "fda"), ("China", "nmpa")))
>>> [r for _, _, r in j.regulators_in("approved in the USA, EU and Japan for HCC")]
['fda', 'ec', 'mhlw']
>>> j.regulators_in("patients from Japan"), j.regulators_in("In Japan, it was approved")[0][2]
([], 'mhlw')
>>> [r for _, _, r in j.regulators_in("approved in many countries, including USA, Japan and the EU")]
['fda', 'mhlw', 'ec']
>>> j.regulators_in("a trial run in 19 countries, including Japan and the EU")
[]
>>> j.possessive_regulators("China's FDA approves it; Japan's health ministry too")
[(0, 11, 'nmpa'), (25, 48, 'mhlw')]
>>> j = Jurisdictions((("Japan", "mhlw"),), (("Japanese", "mhlw"),))
>>> [r for _, _, r in j.regulators_in("it received Japanese regulatory approval")]
['mhlw']
>>> [r for _, _, r in j.regulators_in("Japanese health authorities approved it")]
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
# "approved in over 100 countries, including the USA and Japan", "in several markets such as the EU": the
# places listed after "countries ... including" are jurisdictions too, unless the countries are a trial's
# ("a trial run in 19 countries").
COUNTRIES_INCLUDING = r"\b(?:countries|markets|regions|jurisdictions)\b[^.;:()]{0,50}?\b(?:including|such\s+as)\s+"
TRIAL_COUNTRIES = re.compile(r"\b(?:trials?|stud(?:y|ies)|sites?|cent(?:er|re)s?|conducted|run|enrol\w*|"
                             r"recruit\w*|patients|participants)\b[^.;]{0,40}$", re.IGNORECASE)
# "Japanese regulatory approval", "EU marketing authorisation": a place's adjective before an approval noun.
APPROVAL_NOUN = (r"(?:(?:regulatory|marketing|conditional|full|accelerated|priority|new)\s+)*"
                 r"(?:approvals?|authori[sz]ations?|nod|green light|clearance)\b")
# "US regulators cleared A", "Japanese health authorities approved A": a place's adjective before a common noun for
# its regulator (not before a named agency: "European Medicines Agency" is the EMA, named as such).
REGULATOR_COMMON_NOUN = r"(?:(?:drug|medicines?|health|regulatory)\s+)?(?:regulators?|authorit(?:y|ies)|watchdogs?)\b"


# "China's FDA", "Japan's health ministry", "Canada's drug regulator": a place's own regulator, whatever
# name follows the possessive (a news headline calls every regulator "FDA").
# "Japan clears A", "China approves A for HCC": a place as the subject of the approval, as headlines write it.
APPROVING_VERB = (r"(?:has\s+|have\s+)?(?:approves|approved|clears|cleared|authori[sz]es|authori[sz]ed|okays|okayed|OKs|"
                  r"greenlights|green-lights)\b")
REGULATOR_NOUN = (r"(?:[\w-]+\s+){0,3}?(?:FDA|Food and Drug Administration|[Rr]egulators?|[Aa]uthorit(?:y|ies)|"
                  r"[Aa]gency|[Aa]dministration|[Mm]inistry|[Ww]atchdog)\b")


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
    def _place(self) -> str:
        return rf"(?:the\s+)?(?:{self._name})(?!\w)"

    @cached_property
    def _phrase(self) -> re.Pattern:
        return re.compile(rf"(?:\b(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+|(?P<including>{COUNTRIES_INCLUDING})){self._place}"
                          rf"(?:{LIST_JOIN}{self._place})*")

    @cached_property
    def _after_regulator(self) -> re.Pattern:
        """Places listed on after a regulator's name: "approval from the US FDA, EU and Japan"."""
        return re.compile(rf"(?-i:\b(?:FDA|EMA|PMDA|MHLW|NMPA|MHRA|TGA)\b|Administration|Agency|Commission)"
                          rf"(?P<list>(?:{LIST_JOIN}{self._place})+)")

    def _named_in(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, regulator) of each place named in ``text[start:end]``, a phrase listing places."""
        return [(start + m.start(), start + m.end(), self.by_name[m.group()])
                for m in re.finditer(rf"(?<![\w.])(?:{self._name})(?!\w)", text[start:end])]

    @cached_property
    def _adjective_phrase(self) -> re.Pattern | None:
        if not self.adjectives:
            return None
        names = "|".join(re.escape(n) for n, _ in sorted(self.adjectives, key=lambda r: -len(r[0])))
        return re.compile(rf"(?<![\w.])(?P<adj>{names})\s+(?:{APPROVAL_NOUN}|{REGULATOR_COMMON_NOUN})")

    @cached_property
    def _possessive(self) -> re.Pattern:
        return re.compile(rf"(?<![\w.])(?P<place>{self._name})(?:'s|’s)\s+{REGULATOR_NOUN}")

    @cached_property
    def _subject_phrase(self) -> re.Pattern:
        return re.compile(rf"(?:^|(?<=[\s\"“‘(]))(?:the\s+)?(?P<place>{self._name})\s+{APPROVING_VERB}")

    def possessive_regulators(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, regulator) of each "<place>'s <regulator>" in ``text``: the span names the
        place's regulator, whatever agency name it holds ("China's FDA" is the NMPA)."""
        return [(m.start(), m.end(), self.by_name[m.group("place")]) for m in self._possessive.finditer(text)]

    def regulators_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, regulator) for each place named in a jurisdiction phrase of ``text``."""
        found = []
        for phrase in self._phrase.finditer(text):
            if phrase.group("including") and TRIAL_COUNTRIES.search(text[:phrase.start()]):
                continue
            found += self._named_in(text, phrase.end("including") if phrase.group("including") else phrase.start(),
                                    phrase.end())
        for phrase in self._subject_phrase.finditer(text):
            found.append((phrase.start("place"), phrase.end("place"), self.by_name[phrase.group("place")]))
        for phrase in self._after_regulator.finditer(text):
            found += self._named_in(text, phrase.start("list"), phrase.end())
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

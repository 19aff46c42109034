"""Jurisdictions: "approved in <place>" names the place's regulator (data/jurisdictions.yaml).

>>> j = Jurisdictions((("Japan", "mhlw"), ("EU", "ec"), ("USA", "fda")))
>>> [r for _, _, r in j.regulators_in("approved in the USA, EU and Japan for HCC")]
['fda', 'ec', 'mhlw']
>>> j.regulators_in("patients from Japan")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"


@dataclass(frozen=True)
class Jurisdictions:
    """Place names -> regulator keys, read in the shape "in (the) <place>[, <place> and <place>]"."""

    regulators: tuple[tuple[str, str], ...]

    @cached_property
    def by_name(self) -> dict[str, str]:
        return dict(self.regulators)

    @cached_property
    def _name(self) -> str:
        return "|".join(re.escape(n) for n, _ in sorted(self.regulators, key=lambda r: -len(r[0])))

    @cached_property
    def _phrase(self) -> re.Pattern:
        place = rf"(?:the\s+)?(?:{self._name})(?!\w)"
        return re.compile(rf"\b(?:in|across|throughout)\s+{place}(?:{LIST_JOIN}{place})*")

    def regulators_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, regulator) for each place named in a jurisdiction phrase of ``text``."""
        found = []
        for phrase in self._phrase.finditer(text):
            for name in re.finditer(rf"(?<![\w.])(?:{self._name})(?!\w)", phrase.group()):
                found.append((phrase.start() + name.start(), phrase.start() + name.end(),
                              self.by_name[name.group()]))
        return found


@lru_cache(maxsize=4)
def load_jurisdictions(path: str | None = None) -> Jurisdictions:
    """The packaged jurisdiction list (or another file of the same shape); read once."""
    source = Path(path) if path else Path(str(resources.files("hcc_kg") / "data" / "jurisdictions.yaml"))
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    return Jurisdictions(tuple((str(name), str(entry["regulator"]))
                               for entry in data["jurisdictions"] for name in entry["names"]))

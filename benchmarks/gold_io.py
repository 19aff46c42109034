"""Gold files of the extraction benchmark: loading, the split, and name canonicalisation.

A gold file (``benchmarks/gold/literature/NNN.yaml``) lists what a careful reader takes from
one literature document (see ``benchmarks/gold/README.md``).  This module turns gold names
and system keys into one comparable form, so :mod:`extraction` can match them as sets.

>>> split_of("012_reach.txt"), split_of("013_emerald.txt")
('heldout', 'dev')
>>> norm("CheckMate 459") == norm("checkmate-459")
True
>>> timepoint("36 months"), timepoint(""), timepoint("12-month")
('36-month', '', '12-month')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.named_regimens import read_regimens
from hcc_kg.keys import is_regimen_key, regimen_components
from hcc_kg.vocab import Vocabulary

SPLITS = ("dev", "heldout")
PLACEBO = "placebo"
#: The endpoints the gold is curated for (README "Keys"); a system value for another endpoint
#: (relapse-free survival, complete response) is out of the gold's scope, neither right nor wrong.
SCORED_ENDPOINTS = frozenset({"os", "pfs", "ttp", "orr", "dcr", "dor"})

#: Names an agency goes by, so a gold agency key meets whatever key the build gives it.  A country
#: stands for its agency when the text names no agency ("approved in Japan" -> pmda).
AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "fda": ("FDA", "Food and Drug Administration", "USA", "United States", "US"),
    "ema": ("EMA", "European Medicines Agency"),
    "ec": ("EC", "European Commission", "EU", "Europe", "European Union"),
    "nmpa": ("NMPA", "National Medical Products Administration", "China", "CFDA"),
    "pmda": ("PMDA", "Pharmaceuticals and Medical Devices Agency"),
    "mhlw": ("MHLW", "Ministry of Health, Labour and Welfare", "Japan"),  # MHLW grants, on PMDA's review
    "health_canada": ("Health Canada", "Canada"),
    "mhra": ("MHRA", "Medicines and Healthcare products Regulatory Agency"),
    "tga": ("TGA", "Therapeutic Goods Administration", "Australia"),
}


def split_of(document: str) -> str:
    """Held-out when the document's 3-digit number is divisible by 3, else dev."""
    return "heldout" if int(document[:3]) % 3 == 0 else "dev"


def norm(text: object) -> str:
    """Lowercase letters and digits only: the form labels, names and keys are compared in."""
    return re.sub(r"[^0-9a-z]", "", str(text).casefold())


def timepoint(text: object) -> str:
    """'12-month', '12 months' and '12month' are one timepoint, and so are '1-year' and '12-month'
    (a year is 12 months: a text may say either); '' is the median.

    >>> timepoint("1-year"), timepoint("12 months"), timepoint("18-month"), timepoint("2 years"), timepoint("6 weeks")
    ('12-month', '12-month', '18-month', '24-month', '6-week')
    """
    match = re.match(r"\s*(\d+)\s*-?\s*(month|week|year|day)s?\b", str(text or "").casefold())
    if not match:
        return norm(text or "")
    count, unit = int(match.group(1)), match.group(2)
    return f"{count * 12}-month" if unit == "year" else f"{count}-{unit}"


def number(value: object) -> Decimal | None:
    """A value as a Decimal with trailing zeros dropped (19.0 == 19), or None."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: the document it describes, its split and its facts (as written)."""

    document: str
    split: str
    drug_targets: tuple[dict, ...] = ()
    trials: tuple[dict, ...] = ()
    approvals: tuple[dict, ...] = ()
    must_not_assert: tuple[dict, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "GoldDocument":
        document = data["document"]
        split = data.get("split") or split_of(document)
        if split != split_of(document):
            raise ValueError(f"{document}: split {split!r} contradicts its number")
        return cls(document, split, *(tuple(data.get(k) or ()) for k in
                                      ("drug_targets", "trials", "approvals", "must_not_assert")))


def load_gold(folder: Path) -> list[GoldDocument]:
    """Every ``*.yaml`` gold file in ``folder``, in file-name order."""
    return [GoldDocument.from_dict(yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in sorted(Path(folder).glob("*.yaml"))]


@dataclass
class Canon:
    """Gold names and system keys in one comparable form: a vocabulary key when the name
    resolves, else its normalised label.  Names that resolve to no key are remembered
    (vocabulary gaps are a finding of the benchmark)."""

    vocabulary: Vocabulary
    unresolved: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.named_regimens = {norm(spelling): regimen.components for regimen in read_regimens()
                               for spelling in regimen.spellings}
        self.finder = MentionFinder(self.vocabulary)
        self.by_norm: dict[str, str] = {}
        for entity in self.vocabulary:
            for name in (entity.key, *entity.names()):
                self.by_norm.setdefault(norm(name), entity.key)

    def name(self, text: str) -> str:
        """A gold name's canonical form (``'VEGFR2'`` -> ``'kdr'`` with the shipped vocabulary)."""
        key = self.finder.lookup(text) or (text if text in self.vocabulary else None)
        if key is None:
            key = self.by_norm.get(norm(text))
        if key is None:
            self.unresolved.add(text)
            return norm(text)
        return key

    def key(self, key: object) -> str:
        """A system key's canonical form: itself when known, else what its label normalises to."""
        text = str(key)
        if text in self.vocabulary:
            return text
        return self.by_norm.get(norm(text), norm(text))

    def agents(self, names, system: bool = False) -> frozenset[str]:
        """An agent set: components canonicalised, placebo dropped when something else is given."""
        parts: list[str] = []
        for name in ([names] if isinstance(names, str) else names):
            if system and is_regimen_key(str(name)):
                parts.extend(self.key(p) for p in regimen_components(str(name)))
            elif not system and (named := self.named_regimens.get(norm(name))) is not None:
                parts.extend(named)  # a regimen's name ("FOLFOX4") is its drugs, as the reading stage reads it
            else:
                parts.append(self.key(name) if system else self.name(name))
        out = frozenset(parts)
        return out - {PLACEBO} if len(out) > 1 else out

    def agency(self, text: object, system: bool = False) -> str | None:
        """The gold agency key (fda, ec, nmpa, ...) a gold key or a system agency key stands for."""
        if text is None or text == "":
            return None
        forms = {norm(text), norm(self.key(text))}
        if system and str(text) in self.vocabulary:
            entity = self.vocabulary[str(text)]
            forms |= {norm(n) for n in entity.names()}
        for gold, names in AGENCY_NAMES.items():
            if forms & ({gold} | {norm(n) for n in names}):
                return gold
        return norm(text)

    def related(self, a: str, b: str) -> bool:
        """Same entity, or one is a family the other belongs to (the lenient target match)."""
        return a == b or a in self.vocabulary.families_of(b) or b in self.vocabulary.families_of(a)

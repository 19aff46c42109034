"""The vocabulary: entity names, synonyms, types, family membership and identifiers.

Loaded from a data file (``data/vocabulary.yaml``); it holds no relations.  This module
is also the only place IRIs are minted: :func:`resource_iri` for our individuals,
:meth:`Vocabulary.xref_iris` for external identifiers (expanded by a ``curies`` converter
over bioregistry's prefix map, :mod:`hcc_kg.ids`; never by string concatenation).

>>> resource_iri("sorafenib")
'https://w3id.org/hcc-kg/resource/sorafenib'
>>> slug("Atezolizumab + Bevacizumab")
'atezolizumab_bevacizumab'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import curies
import yaml

from . import ids
from .errors import VocabularyError

from .ids import ONTOLOGY_IRI, ONTOLOGY_NS, RESOURCE_NS  # noqa: F401  (re-exported: the IRI bases live in ids)

_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_KEY = re.compile(r"[a-z0-9_]+")


def slug(text: str) -> str:
    """A lowercase ASCII key fragment usable in an IRI."""
    return _SLUG_JUNK.sub("_", text.lower()).strip("_")


def resource_iri(key: str) -> str:
    """The IRI of the individual with node key ``key``."""
    if not _KEY.fullmatch(key):
        raise VocabularyError(f"not a valid node key: {key!r}")
    return RESOURCE_NS + key


def ontology_iri(local_name: str) -> str:
    """The IRI of an ontology class or property."""
    return ONTOLOGY_NS + local_name


# runs of [^\W_], split where letters meet digits and where Greek letters meet others ("IKKα" is written "IKK-α" too)
_NAME_PARTS = re.compile(r"[^\W\d_\u0370-\u03ff]+|[\u0370-\u03ff]+|\d+", re.UNICODE)


def name_parts(name: str) -> list[str]:
    """Alphanumeric parts of a name, split also where letters meet digits or Greek letters others.

    >>> name_parts("VEGFR-2"), name_parts("IKKα")
    (['VEGFR', '2'], ['IKK', 'α'])
    """
    return _NAME_PARTS.findall(name)


def name_key(name: str) -> str:
    """A separator- and case-free form of a name, for exact lookups: the form in which the
    mention matcher (:mod:`hcc_kg.extract.mentions`), the lexicon and the queries compare names.

    >>> name_key("PD-L1") == name_key("pdl1")
    True
    """
    return "".join(_NAME_PARTS.findall(name)).casefold()  # name_parts inlined: called for every lexicon name


@dataclass(frozen=True)
class Entity:
    """One vocabulary entry: key, label, types, synonyms, family members and cross-references."""

    key: str
    label: str
    types: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    #: names matched only in the case written (generated symbols: ``IMPACT`` is not ``impact``)
    exact_case: tuple[str, ...] = ()
    #: names matched only beside a gene context (``MET inhibitor``, not ``we MET``); see extract/gene_context.py
    guarded: tuple[str, ...] = ()
    #: names matched only as an item of a list of genes (``MET, ROS, RON and AXL``, not ``ROS production``):
    #: an abbreviation far more often of something else, which no cue word beside it tells apart
    listed: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every surface form to match: label, synonyms (the key only if it reads as a name)."""
        return tuple(dict.fromkeys((self.label, *self.synonyms)))  # first occurrence wins, in order

    def has_type(self, *types: str) -> bool:
        for wanted in types:  # a loop, not any(generator): extraction asks this for every mention
            if wanted in self.types:
                return True
        return False


TARGET_TYPES = ("Protein", "ProteinFamily", "Target")
#: Types that make an entity a drug; "Drug" is one whose modality no source tells.
DRUG_TYPES = ("Drug", "SmallMolecule", "MonoclonalAntibody", "BispecificAntibody", "CellTherapy", "Vaccine")


class Vocabulary:
    """Entities by key, with lookups the extractors and populator need."""

    def __init__(self, entities: Iterable[Entity], source: str = "<memory>"):
        self.source = source
        self.entities: dict[str, Entity] = {}
        problems = []
        for entity in entities:
            if entity.key in self.entities:
                problems.append(f"duplicate key {entity.key!r}")
            if not _KEY.fullmatch(entity.key):
                problems.append(f"key {entity.key!r} is not a slug ([a-z0-9_]+)")
            if not entity.types:
                problems.append(f"{entity.key}: no types")
            self.entities[entity.key] = entity
        for entity in self.entities.values():
            problems += [f"{entity.key}: unknown member {m!r}" for m in entity.members if m not in self.entities]
        if problems:
            raise VocabularyError(f"{source}: " + "; ".join(problems))
        self._families = _family_index(self.entities)
        self._converter = None
        #: a hash of the entities, when known without computing it (a cached copy carries the one
        #: computed when it was written; see hcc_kg.execute.cache.vocabulary_digest)
        self.content_digest: str | None = None
        #: the mention finder's tables of these entities' names, when a cached copy carries them
        #: (hcc_kg.extract.mentions.FinderTables, or its bytes; see hcc_kg.execute.vocabulary_cache);
        #: a new vocabulary (extended, merged) starts without, and a pickled copy leaves them behind
        self.name_tables: object | None = None

    def __getstate__(self) -> dict:
        """What pickling keeps: everything but :attr:`name_tables` (a spawned worker builds its own
        faster than it would unpickle them)."""
        return {**self.__dict__, "name_tables": None}

    @classmethod
    def checked(cls, entities: Iterable[Entity], source: str = "<memory>",
                content_digest: str | None = None, name_tables: object | None = None) -> "Vocabulary":
        """A vocabulary of entities a :class:`Vocabulary` has already checked (a cached copy
        of one, with the digest of its entities): the checks are skipped, the family index is rebuilt.

        >>> Vocabulary.checked([Entity("a", "A", ("Protein",)), Entity("f", "F", ("ProteinFamily",), members=("a",))]
        ...                    ).direct_families("a")
        ['f']
        """
        result = cls((), source=source)
        result.entities = {entity.key: entity for entity in entities}
        result._families = _family_index(result.entities)
        result.content_digest = content_digest
        result.name_tables = name_tables
        return result

    def __contains__(self, key: str) -> bool:
        return key in self.entities

    def __getitem__(self, key: str) -> Entity:
        return self.entities[key]

    def __iter__(self) -> Iterator[Entity]:
        return iter(sorted(self.entities.values(), key=lambda e: e.key))

    def __len__(self) -> int:
        return len(self.entities)

    def is_target(self, key: str) -> bool:
        return key in self.entities and self.entities[key].has_type(*TARGET_TYPES)

    def direct_families(self, key: str) -> list[str]:
        """The families that list ``key`` as a member."""
        return list(self._families.get(key, ()))

    def families_of(self, key: str) -> list[str]:
        """Every family ``key`` belongs to, directly or through another family (nearest first)."""
        found: list[str] = []
        todo = self.direct_families(key)
        while todo:
            family = todo.pop(0)
            if family not in found and family != key:
                found.append(family)
                todo.extend(self.direct_families(family))
        return found

    def members_of(self, key: str) -> list[str]:
        """All members of a family, transitively (empty for a non-family)."""
        out: list[str] = []
        for member in self.entities[key].members if key in self.entities else ():
            out.append(member)
            out.extend(self.members_of(member))
        return out

    def xref_iris(self, key: str) -> list[str]:
        """External identifier IRIs for an entity, expanded via bioregistry."""
        if self._converter is None:
            self._converter = load_converter()
        iris = []
        for curie in self.entities[key].xrefs:
            iri = self._converter.expand(curie)
            if iri is None:
                raise VocabularyError(f"{self.source}: {key}: cannot expand CURIE {curie!r}")
            iris.append(iri)
        return iris

    def extended(self, other: "Vocabulary") -> "Vocabulary":
        """A new vocabulary with ``other``'s entities added (or replacing same keys).

        When no family membership changes (the usual case: a document adds a few drug
        names), the checked entities and family index are reused instead of rebuilt, so
        extending a large vocabulary per document stays cheap.

        >>> base = Vocabulary([Entity("fam", "FAM", ("ProteinFamily",), members=("a",)),
        ...                    Entity("a", "A1", ("Protein",))])
        >>> more = base.extended(Vocabulary([Entity("a", "A1", ("Protein",), ("AONE",)), Entity("x", "X", ("Drug",))]))
        >>> more["a"].synonyms, more.direct_families("a"), len(more), len(base)
        (('AONE',), ['fam'], 3, 2)
        """
        merged = dict(self.entities)
        merged.update(other.entities)
        source = f"{self.source}+{other.source}"
        same_families = all(e.members == (self.entities[e.key].members if e.key in self.entities else ())
                            for e in other.entities.values())
        if not same_families:
            return Vocabulary(merged.values(), source=source)
        result = Vocabulary((), source=source)
        result.entities, result._families = merged, self._families  # both already checked
        return result


def _family_index(entities: dict[str, Entity]) -> dict[str, list[str]]:
    """member key -> the families listing it, in key order."""
    families: dict[str, list[str]] = {}
    for family in sorted(entities):
        for member in entities[family].members:
            families.setdefault(member, []).append(family)
    return families


def load_converter(path: Path | str | None = None) -> curies.Converter:
    """The CURIE converter for vocabulary identifiers: the project's one converter (:mod:`hcc_kg.ids`)."""
    return ids.converter(str(path) if path else None)


def _entity_from_yaml(item: dict) -> Entity:
    def strings(name: str) -> tuple[str, ...]:
        return tuple(str(v) for v in item.get(name) or ())

    return Entity(str(item["key"]), str(item.get("label") or item["key"]), strings("types"),
                  strings("synonyms"), strings("members"), strings("xrefs"), strings("exact_case"), strings("guarded"),
                  strings("listed"))


def default_vocabulary_path() -> Path:
    """The packaged vocabulary (``data/vocabulary.yaml``)."""
    return Path(str(resources.files("hcc_kg") / "data" / "vocabulary.yaml"))


#: libyaml's safe loader where PyYAML was built with it: a user's vocabulary of tens of
#: thousands of entities loads in a second instead of ten.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, path: Path) -> None:
    """Refuse YAML anchors and aliases: nested aliases expand exponentially (an "alias bomb").

    The vocabulary needs neither; the parser's events are scanned before anything is built.
    """
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise VocabularyError(f"{path}:{mark.line + 1}:{mark.column + 1}: YAML anchors and aliases "
                                  "are not allowed in a vocabulary file")


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    """Read a vocabulary YAML file (the packaged one by default)."""
    path = Path(path) if path else default_vocabulary_path()
    try:
        text = path.read_text(encoding="utf-8")
        _refuse_aliases(text, path)
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"cannot read vocabulary {path}: {exc}") from exc
    try:
        entities = [_entity_from_yaml(item) for item in data["entities"]]
    except (KeyError, TypeError) as exc:
        raise VocabularyError(f"{path}: malformed entity list ({exc})") from exc
    return Vocabulary(entities, source=path.name)

"""The generated lexicon (``data/lexicon/lexicon.tsv.gz``), merged UNDER the hand vocabulary.

The lexicon holds names, identifiers, types and family membership of every human protein
(HGNC), FamPlex family and named drug (DrugBank, ChEBI, MeSH); ``scripts/build_lexicon.py``
writes it from pinned wheels.  Merging keeps the curated vocabulary in charge:

* a generated entity that shares an identifier with a hand entity (HGNC, UniProt, ChEBI,
  DrugBank, ChEMBL ...) or whose label is a hand name of the same kind (target or drug) is
  not a new node: its names that clash with nothing are added to the hand entity;
* a generated name that is a hand name of another entity is dropped (the hand name wins);
* ``data/lexicon/stoplist.tsv`` drops clinical abbreviations and trial acronyms and puts
  words like ``MET`` behind a gene context (``Entity.guarded``);
* generated all-caps symbols match only in the case written (``Entity.exact_case``).

>>> from hcc_kg.vocab import Entity, Vocabulary
>>> hand = Vocabulary([Entity("kdr", "KDR", ("Protein",), ("VEGFR2",), xrefs=("hgnc:6307",))])
>>> rows = [LexiconRow("kdr_x", ("Protein",), "KDR", ("KDR", "FLK1"), (), ("hgnc:6307",), ()),
...         LexiconRow("foo1", ("Protein",), "FOO1", ("FOO1", "VEGFR2", "CI"), (), ("hgnc:1",), ())]
>>> merged = merge_lexicon(hand, rows, {"ci": "drop"})
>>> merged["kdr"].synonyms, merged["foo1"].names(), merged["foo1"].exact_case
(('VEGFR2', 'FLK1'), ('FOO1',), ('FOO1',))
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from .errors import VocabularyError
from .gc_control import gc_paused
from .vocab import DRUG_TYPES, TARGET_TYPES, Entity, Vocabulary, name_key, slug

COLUMNS = ("key", "types", "label", "names", "guarded", "xrefs", "members")
#: "regimen" drops the name like "drop"; it also marks a regimen's acronym that a document may define for the
#: drugs it names ("STRIDE (tremelimumab plus durvalumab)", see extract/regimen_abbreviations.py).
ACTIONS = ("drop", "context", "regimen")
DROPPED = frozenset({"drop", "regimen"})


@dataclass(frozen=True)
class LexiconRow:
    """One generated entity as the file states it (names best first)."""

    key: str
    types: tuple[str, ...]
    label: str
    names: tuple[str, ...]
    guarded: tuple[str, ...]
    xrefs: tuple[str, ...]
    members: tuple[str, ...]


def lexicon_folder() -> Path:
    """The packaged ``data/lexicon`` folder (generated lexicon and its stoplist)."""
    return Path(str(resources.files("hcc_kg") / "data" / "lexicon"))


def default_lexicon_path() -> Path:
    """The packaged generated lexicon (gzipped TSV)."""
    return lexicon_folder() / "lexicon.tsv.gz"


def default_stoplist_path() -> Path:
    """The packaged stoplist: lexicon names never matched as entities."""
    return lexicon_folder() / "stoplist.tsv"


def read_lexicon(path: Path | str | None = None) -> tuple[LexiconRow, ...]:
    """The rows of a lexicon file (gzip or plain TSV); parsed once per process and file version."""
    path = Path(path) if path else default_lexicon_path()
    try:
        stat = path.stat()
    except OSError as exc:
        raise VocabularyError(f"cannot read lexicon {path}: {exc}") from exc
    return _read_lexicon(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_lexicon(path: str, _mtime: int, _size: int) -> tuple[LexiconRow, ...]:
    try:
        data = Path(path).read_bytes()
        text = (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")  # whole, not line by line
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise VocabularyError(f"cannot read lexicon {path}: {exc}") from exc
    if "\r" in text:  # the universal newlines a text-mode read would give
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in text.split("\n") if not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise VocabularyError(f"{path}: header must be {' '.join(COLUMNS)}")
    with gc_paused():  # 28,000 rows of tuples of strings: nothing for the collector to find
        return tuple(_row(path, n, line) for n, line in enumerate(lines[1:], 2) if line)


def _row(path: str, number: int, line: str) -> LexiconRow:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS) or not cells[0] or not cells[1]:
        raise VocabularyError(f"{path}: row {number} is malformed")
    return LexiconRow(cells[0], _items(cells[1], ","), cells[2], _items(cells[3]), _items(cells[4]),
                      _items(cells[5]), _items(cells[6]))


def _items(cell: str, sep: str = "|") -> tuple[str, ...]:
    """The non-empty items of a cell.

    >>> _items("a||b|"), _items("")
    (('a', 'b'), ())
    """
    return tuple(filter(None, cell.split(sep)))  # runs once per cell of 28,000 rows: no generator


def read_stoplist(path: Path | str | None = None) -> dict[str, str]:
    """name_key -> action (``drop``, ``context`` or ``regimen``) from a stoplist TSV."""
    return {key: action for key, action, _ in _stoplist_rows(path)}


def read_stoplist_reasons(path: Path | str | None = None) -> dict[str, str]:
    """name_key -> why the name is stopped, as the stoplist's third column says ("RT" -> "radiotherapy")."""
    return {key: why for key, _, why in _stoplist_rows(path)}


def _stoplist_rows(path: Path | str | None) -> list[tuple[str, str, str]]:
    path = Path(path) if path else default_stoplist_path()
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or cells[1] not in ACTIONS:
            raise VocabularyError(f"{path}:{number}: expected 'name<TAB>drop|context|regimen'")
        out.append((name_key(cells[0]), cells[1], cells[2].strip() if len(cells) > 2 else ""))
    return out


def load_lexicon_vocabulary(hand: Vocabulary, path: Path | str | None = None,
                            stoplist: Path | str | None = None) -> Vocabulary:
    """``hand`` with the generated lexicon merged under it."""
    merged = merge_lexicon(hand, read_lexicon(path), read_stoplist(stoplist))
    merged.source = f"{hand.source}+{Path(path).name if path else 'lexicon.tsv.gz'}"
    return merged


# ------------------------------------------------------------------------------- merging

def _kind(types: Iterable[str]) -> str:
    types = tuple(types)
    if any(t in TARGET_TYPES for t in types):
        return "target"
    return "drug" if any(t in DRUG_TYPES for t in types) else "other"


def _same_sort(hand_types: tuple[str, ...], row_types: tuple[str, ...]) -> bool:
    """Whether a name shared by a hand entity and a row can mean the same thing: a protein is
    not a family (the gene ANG is not the angiopoietins), but any drug modality may be
    corrected by the hand vocabulary."""
    if _kind(row_types) == "target":
        return row_types[0] in hand_types
    return _kind(row_types) == _kind(hand_types) != "other"


class _Merger:
    """Keeps the hand vocabulary's names and ids, and decides where each generated row goes."""

    def __init__(self, hand: Vocabulary, stoplist: dict[str, str]):
        self.hand = hand
        self.stoplist = stoplist
        self.hand_names: dict[str, str] = {}
        self.hand_xrefs: dict[str, str] = {}
        for entity in hand:
            for name in entity.names():
                self.hand_names.setdefault(name_key(name), entity.key)
            for xref in entity.xrefs:
                self.hand_xrefs.setdefault(xref.casefold(), entity.key)
        self.extra: dict[str, dict[str, None]] = {}  # hand key -> names added from the lexicon
        self.extra_guarded: dict[str, set[str]] = {}

    def hand_key(self, row: LexiconRow) -> str | None:
        """The hand entity a row duplicates: a shared id, else its label as a hand name of the same kind."""
        for xref in row.xrefs:
            key = self.hand_xrefs.get(xref.casefold())
            if key is not None:
                return key
        key = self.hand_names.get(name_key(row.label))
        return key if key is not None and _same_sort(self.hand[key].types, row.types) else None

    def usable(self, row: LexiconRow, owner: str | None) -> tuple[list[str], set[str]]:
        """The row's names that neither the stoplist nor a hand name of another entity claims,
        and which of them need a gene context."""
        names, guarded = [], set(row.guarded)
        stoplist, hand_names = self.stoplist, self.hand_names  # once per row: this runs for every lexicon name
        for name in row.names:
            nk = name_key(name)
            action = stoplist.get(nk)
            if action in DROPPED or not nk or hand_names.get(nk, owner) != owner:
                continue
            if action == "context":
                guarded.add(name)
            names.append(name)
        return names, (guarded & set(names) if guarded else guarded)

    def absorb(self, key: str, names: list[str], guarded: set[str]) -> None:
        """Add a duplicate row's new names to the hand entity ``key``."""
        known = {name_key(n) for n in self.hand[key].names()}
        fresh = [n for n in names if name_key(n) not in known]
        self.extra.setdefault(key, {}).update(dict.fromkeys(fresh))
        self.extra_guarded.setdefault(key, set()).update(guarded & set(fresh))

    def hand_entities(self) -> list[Entity]:
        out = []
        for entity in self.hand:
            added = tuple(n for n in self.extra.get(entity.key, ()) if n not in entity.names())
            if added:
                guarded = tuple(n for n in added if n in self.extra_guarded.get(entity.key, ()))
                entity = Entity(entity.key, entity.label, entity.types, entity.synonyms + added, entity.members,
                                entity.xrefs, entity.exact_case + _symbols(added), entity.guarded + guarded, entity.listed)
            out.append(entity)
        return out


def _symbols(names: Iterable[str]) -> tuple[str, ...]:
    """Names written as symbols (no lowercase letter): they match only in that case."""
    return tuple([n for n in names if n == n.upper() and n != n.lower()])  # a list first: faster than a generator


def merge_lexicon(hand: Vocabulary, rows: Iterable[LexiconRow], stoplist: dict[str, str]) -> Vocabulary:
    """Generated rows under ``hand``: duplicates fold into hand entities, the rest become new ones."""
    with gc_paused():  # tens of thousands of entities, tuples of strings: nothing for the collector to find
        return _merge(hand, rows, stoplist)


def _merge(hand: Vocabulary, rows: Iterable[LexiconRow], stoplist: dict[str, str]) -> Vocabulary:
    merger = _Merger(hand, stoplist)
    final_key: dict[str, str] = {}  # generated key -> key in the merged vocabulary
    new: list[tuple[LexiconRow, list[str], set[str]]] = []
    taken = set(hand.entities)
    for row in rows:
        owner = merger.hand_key(row)
        names, guarded = merger.usable(row, owner)
        if owner is not None:
            merger.absorb(owner, names, guarded)
            final_key[row.key] = owner
        elif names:
            key = _free_key(row, taken)
            taken.add(key)
            final_key[row.key] = key
            new.append((row, names, guarded))
    entities = merger.hand_entities()
    for row, names, guarded in new:
        key = final_key[row.key]
        # A hand entity's families are curated: a generated family never claims it as a member.
        members = tuple(m for m in dict.fromkeys(final_key[m] for m in row.members if m in final_key)
                        if m != key and m not in hand.entities) if row.members else ()
        label = row.label if row.label in names else names[0]
        entities.append(Entity(key, label, row.types, tuple([n for n in names if n != label]),
                               members, _known_xrefs(row.xrefs), _symbols(names),
                               tuple([n for n in names if n in guarded]) if guarded else ()))
    return Vocabulary(entities, source=hand.source)


def _free_key(row: LexiconRow, taken: set[str]) -> str:
    key = row.key
    if key in taken:
        key = f"{row.key}_{slug(row.types[0])}"
    n = 2
    while key in taken:
        key, n = f"{row.key}_{n}", n + 1
    return key


def _known_xrefs(xrefs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple([x for x in xrefs if ":" in x])

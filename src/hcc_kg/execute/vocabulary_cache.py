"""The merged vocabulary (hand vocabulary, extra vocabularies, generated lexicon), cached
with the mention finder's tables of its names.

Merging the lexicon's ~28,000 rows under the hand vocabulary and indexing their ~100,000
names for the mention finder take about 0.7 s in every fresh process, and their result
depends only on the files read and on the code that reads, merges and indexes them.  An
entry holds the entities, their digest and the finder's tables
(:class:`~hcc_kg.extract.mentions.FinderTables`: a vocabulary read from an entry carries
them in ``name_tables``, so the build's finder, and forked workers, skip indexing).  It is
keyed by a sha256 of:

* every source file's role and content (the hand vocabulary, each extra vocabulary in
  order, the lexicon and its stoplist when the lexicon is merged): editing any file is a
  new key;
* the loader's code version: the source of :mod:`hcc_kg.vocab`, :mod:`hcc_kg.lexicon`,
  :mod:`hcc_kg.execute.cache` (its :func:`~hcc_kg.execute.cache.vocabulary_digest` is stored
  with the entry, so a warm build need not hash 28,000 entities again),
  :mod:`hcc_kg.extract.mentions` (it builds the tables) and this module, so a change in how
  entities are read, merged, digested or indexed is a new key too;
* Python's ``marshal`` format version and the interpreter version (the payload is
  ``marshal`` data: plain tuples of strings, no code, no pickled classes).

The same entries make the **set-up index** (:data:`INDEX_FOLDER`, inside the Python environment
beside HermiT's class archive): ``make setup`` runs ``python -m hcc_kg.execute.vocabulary_cache``,
which writes the entry of the packaged vocabulary and lexicon there, as ``compileall`` writes
bytecode.  A build reads it, never writes it, and uses it only under the same key: after an edit
of any vocabulary file or of this code it is simply not found.  So a first build in a new
folder, or one with ``--no-cache``, does not merge the packaged vocabulary either.

An entry is ``TAG <sha256 of the payload>``, a newline, and the payload; it is written
through a temporary file and a rename.  An entry that fails its digest or cannot be read
back is a warning and a miss (the vocabulary is merged again and the entry rewritten).  The
:data:`KEEP` most recently used entries are kept, so switching between two settings does not
merge every time, while old ones do not pile up.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable

from .. import lexicon as lexicon_module
from .. import vocab as vocab_module
from ..cache_entries import CorruptEntry, read_entry, write_entry
from ..extract import mentions as mentions_module
from ..extract.mentions import FinderTables
from ..lexicon import default_lexicon_path, default_stoplist_path
from ..gc_control import gc_paused
from ..vocab import Entity, Vocabulary, default_vocabulary_path
from . import cache as cache_module
from .cache import vocabulary_digest

LOG = logging.getLogger(__name__)
TAG = b"hcc-kg-vocabulary-v3"
#: The entries' folder, inside the build's cache folder.
FOLDER = "vocabulary"
KEEP = 4
#: Where set-up writes the index of the packaged vocabulary (:func:`main`).
INDEX_FOLDER = Path(sys.prefix) / "share" / "hcc-kg" / "vocabulary"
_FIELDS = tuple(f.name for f in fields(Entity))


@dataclass(frozen=True)
class VocabularySources:
    """The files a build's vocabulary is merged from."""

    vocabulary: Path | None = None  # None: the packaged one
    extra: tuple[Path, ...] = ()
    lexicon: bool = True

    def files(self) -> list[tuple[str, Path]]:
        """(role, path) of every file read, in the order they are merged."""
        found = [("vocabulary", Path(self.vocabulary or default_vocabulary_path()))]
        found += [(f"extra-{n}", Path(p)) for n, p in enumerate(self.extra)]
        if self.lexicon:
            found += [("lexicon", default_lexicon_path()), ("stoplist", default_stoplist_path())]
        return found


def merge_sources(sources: VocabularySources) -> Vocabulary:
    """The vocabulary of ``sources`` merged afresh: the hand vocabulary, each extra one in order,
    then the lexicon under them all (every curated file wins over the generated names)."""
    vocabulary = vocab_module.load_vocabulary(sources.vocabulary)
    for extra in sources.extra:
        vocabulary = vocabulary.extended(vocab_module.load_vocabulary(extra))
    return lexicon_module.load_lexicon_vocabulary(vocabulary) if sources.lexicon else vocabulary


def code_version() -> str:
    """A hash of the code that reads and merges vocabularies (this module included)."""
    digest = hashlib.sha256()
    for module in (vocab_module, lexicon_module, cache_module, mentions_module, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def cache_key(sources: VocabularySources) -> str | None:
    """The key of the vocabulary merged from ``sources``; None when a file cannot be read
    (the loader then reports the problem as it always does)."""
    digest = hashlib.sha256(f"{code_version()}\0marshal {marshal.version}\0{sys.version}\0".encode())
    try:
        for role, path in sources.files():
            digest.update(f"{role}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def _encode(vocabulary: Vocabulary, tables: FinderTables) -> bytes:
    rows = [tuple(getattr(entity, name) for name in _FIELDS) for entity in vocabulary.entities.values()]
    return marshal.dumps((vocabulary.source, rows, vocabulary_digest(vocabulary), tables.to_bytes()))


def _decode(payload: bytes) -> Vocabulary:
    with gc_paused():  # tens of thousands of entities: nothing for the collector to find
        source, rows, digest, tables = marshal.loads(payload)
        if not isinstance(tables, bytes):
            raise TypeError("the finder tables are not marshal data")
        # the entities were checked (keys, types, members), digested and indexed when the entry was
        # written; the tables stay bytes until a finder needs them (FinderTables.of)
        return Vocabulary.checked([Entity(*row) for row in rows], source, digest, tables)


def _read(path: Path) -> Vocabulary | None:
    try:
        payload = read_entry(path, TAG)
        return None if payload is None else _decode(payload)
    except (CorruptEntry, ValueError, EOFError, TypeError) as exc:
        LOG.warning("ignoring vocabulary cache entry %s (%s); the vocabulary is merged again", path, exc)
        return None


def _store(path: Path, vocabulary: Vocabulary) -> bool:
    """Digest and index ``vocabulary`` (it carries both from now on: the extraction cache needs the
    digest, the build's finder the tables) and write its entry atomically, keeping the newest
    :data:`KEEP`; False if it could not be written (a failure only costs speed)."""
    vocabulary.content_digest = vocabulary_digest(vocabulary)
    vocabulary.name_tables = FinderTables.build(vocabulary)
    return write_entry(path, TAG, _encode(vocabulary, vocabulary.name_tables), keep=KEEP)


def cached_vocabulary(folder: Path | None, sources: VocabularySources,
                      load: Callable[[], Vocabulary]) -> tuple[Vocabulary, bool]:
    """The vocabulary ``load()`` gives for ``sources``, read from ``folder`` when an entry for
    the same files and code is there; and whether it was.  ``folder`` None: no cache."""
    key = cache_key(sources) if folder is not None else None
    if key is None:
        return load(), False
    path = Path(folder) / f"{key}.bin"
    found = _read(path)
    if found is not None:
        return found, True
    vocabulary = load()
    _store(path, vocabulary)
    return vocabulary, False


def indexed_vocabulary(index: Path | None, sources: VocabularySources) -> Vocabulary | None:
    """The entry for ``sources`` in the set-up index ``index`` (read only), or None: no index,
    none for these files and this code, or an unreadable one (a warning)."""
    key = cache_key(sources) if index is not None else None
    return None if key is None else _read(Path(index) / f"{key}.bin")


def write_index(index: Path, sources: VocabularySources) -> Path:
    """Merge ``sources`` and write their entry into ``index`` (OSError if it cannot be written)."""
    key = cache_key(sources)
    if key is None:
        raise OSError("a vocabulary file cannot be read")
    path = Path(index) / f"{key}.bin"
    if not _store(path, merge_sources(sources)):
        raise OSError(f"cannot write {path}")
    return path


def main() -> int:
    """Write the index of the packaged vocabulary and lexicon into :data:`INDEX_FOLDER` (``make setup``)."""
    sources = VocabularySources()
    if indexed_vocabulary(INDEX_FOLDER, sources) is not None:
        print(f"the vocabulary index is in place: {INDEX_FOLDER}")
        return 0
    try:
        print(f"the vocabulary index: {write_index(INDEX_FOLDER, sources)}")
    except OSError as exc:  # never a set-up failure: without the index a build merges the vocabulary itself
        print(f"no vocabulary index ({exc}); builds merge the vocabulary themselves", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

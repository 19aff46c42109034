"""Read a corpus folder into :class:`~hcc_kg.model.Document` values.

Every problem becomes a report entry naming the file (and the byte offset, line and
column where one applies); the other documents still build.  Names in messages and in
documents are escaped (:func:`hcc_kg.safe_text.printable`): a newline, an escape code or a
byte that is not UTF-8 in a file name is shown, never obeyed.

What is read:

* Every file a reader claims (:mod:`hcc_kg.read.formats`: ``.txt`` as text; PubMed, JATS and
  BioC XML; BioC JSON; PDF), **in sub-folders too, at any depth**: a document's name is
  its path under the corpus folder (``trials/2031/a.txt``).  Other files (``README.md``)
  are not documents and are passed over in silence; hidden entries (``.git``) are skipped
  with an ``info`` entry.
* Symbolic links are followed only while they stay inside the corpus folder.  A link out
  of it (to ``/etc/passwd``, ``/proc/self/maps``, another project) is skipped with an
  error, and so is a broken one with a warning: the corpus folder is the whole input.
  A folder reached twice (a link loop) is read once.
* At most ``max_bytes`` are read from a file (one byte more, to know it is too long): the
  limit holds for what is actually read, whatever ``st_size`` says (``/proc`` files say 0),
  and only regular files are opened (never a FIFO or a device, which could block).

What is refused, and how:

* The corpus folder missing, not a folder, or not readable: :class:`~hcc_kg.errors.CorpusError`
  (exit code 3).  An unreadable sub-folder or file: an error entry naming it; the rest builds.
* Binary files, text that is not UTF-8, byte order marks, markup: as :mod:`hcc_kg.read.formats.text` says.
* Empty (or whitespace-only) documents, and documents whose text repeats an earlier
  document's, are skipped with a warning: nothing is lost.

A document's identity is its content: ``doc_id`` is the first 16 hex digits of the
SHA-256 of its text, and the file name is only its label.  Renaming or reordering files
therefore leaves every document, evidence and axiom IRI unchanged, and documents are
returned in id order, so the build does not depend on how files are named or listed.

>>> document_id("some text")
'b94f6f125c79e3a5'
>>> line_and_column(b"ab\\ncd", 4)
(2, 2)
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import CorpusError, CorpusNotFoundError, EmptyCorpusError
from ..model import Document
from .formats import READERS, ReadText
from .formats.text import decode, line_and_column  # noqa: F401  (part of this module's interface)
from ..report import Report
from ..safe_text import printable

#: Suffixes of the files read as documents (every format a reader is registered for).
DOCUMENT_SUFFIXES = READERS.suffixes()
#: Larger files are skipped: extraction keeps a per-character offset map (about 60 bytes per
#: character at peak, so 32 MiB of text needs about 2 GB) and reads about 3 s per MB.
MAX_DOCUMENT_BYTES = 32 * 2**20
#: Deeper folders are not entered (a guard; real corpora are a few levels deep).
MAX_FOLDER_DEPTH = 32


def document_id(text: str) -> str:
    """The content-derived id of a document: 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CorpusFile:
    """A file to read: its real path (links resolved), and its printable name (its path under the
    corpus folder, which may be a link's)."""

    path: Path
    name: str


def _undecodable(name: str) -> bool:
    """Does ``name`` hold bytes that were not UTF-8 (kept by Python as lone surrogates)?"""
    return any(0xDC80 <= ord(ch) <= 0xDCFF for ch in name)


class _Walk:
    """One walk of a corpus folder: the files found and the folders already entered."""

    def __init__(self, root: Path, report: Report) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.report = report
        self.files: list[CorpusFile] = []
        self.seen: set[Path] = {self.real_root}

    def inside(self, path: Path) -> Path | None:
        """The real path of ``path`` if it lies inside the corpus folder, else None."""
        real = path.resolve()
        return real if real == self.real_root or self.real_root in real.parents else None

    def folder(self, folder: Path, depth: int) -> None:
        name = printable(folder.relative_to(self.root))
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if folder == self.root:
                raise CorpusError(f"cannot read the corpus folder {printable(folder)}: {exc.strerror or exc}") from exc
            self.report.add("error", "unreadable-folder", f"cannot read the folder: {exc.strerror or exc}; "
                            "its documents were not read", doc=name)
            return
        for entry in entries:
            self.entry(folder / entry.name, entry, depth)

    def entry(self, path: Path, entry: os.DirEntry, depth: int) -> None:
        name = printable(path.relative_to(self.root))
        if entry.name.startswith("."):
            self.report.add("info", "hidden-entry", "hidden file or folder; not read", doc=name)
            return
        claimed = READERS.get(entry.name) is not None
        if claimed and _undecodable(entry.name):
            self.report.add("warning", "file-name-not-utf8", "the file name is not valid UTF-8; read, and named "
                            "with its bytes escaped", doc=name)
        if entry.is_symlink() and not self.link(path, name, claimed):
            return
        try:
            info = path.stat()
        except OSError as exc:
            if claimed:
                self.report.add("warning", "not-a-file", f"cannot reach it ({exc.strerror or exc}; a broken link?); "
                                "skipped", doc=name)
            return
        if stat.S_ISDIR(info.st_mode):
            self.subfolder(path, name, depth)
        elif claimed and stat.S_ISREG(info.st_mode):
            self.files.append(CorpusFile(path.resolve(), name))  # the real path: opened without following links
        elif claimed:
            self.report.add("warning", "not-a-file", "not a regular file (a pipe or a device); skipped", doc=name)

    def link(self, path: Path, name: str, claimed: bool) -> bool:
        """Follow a link only if it stays inside the corpus folder (a broken one is reported later).

        A link out of it is reported when it would have been read: a document or a folder.
        """
        if not os.path.exists(path):
            return True
        if self.inside(path) is None:
            if not (claimed or path.is_dir()):
                return False
            self.report.add("error", "link-outside-corpus", "a symbolic link to somewhere outside the corpus folder; "
                            "not followed (copy the file into the corpus to read it)", doc=name)
            return False
        return True

    def subfolder(self, path: Path, name: str, depth: int) -> None:
        real = path.resolve()
        if real in self.seen:
            self.report.add("info", "folder-seen", "a folder already read (a link loop?); not read again", doc=name)
        elif depth >= MAX_FOLDER_DEPTH:
            self.report.add("warning", "folder-too-deep", f"more than {MAX_FOLDER_DEPTH} folders deep; not read",
                            doc=name)
        else:
            self.seen.add(real)
            self.folder(path, depth + 1)


def corpus_files(folder: Path | str, report: Report) -> list[CorpusFile]:
    """Every file a reader claims under ``folder`` (sub-folders included), by name.

    Raises :class:`~hcc_kg.errors.CorpusError` when ``folder`` is missing or unreadable.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusNotFoundError(f"corpus folder not found: {printable(folder)}")
    walk = _Walk(folder, report)
    walk.folder(folder, 0)
    return sorted(walk.files, key=lambda f: f.name)


def document_paths(folder: Path) -> list[Path]:
    """The corpus files in a stable order (by their name under ``folder``)."""
    return [f.path for f in corpus_files(folder, Report())]


#: Open flags: never block on a pipe, never follow a link swapped in after the walk checked it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the regular file ``path`` (one more than allowed shows it
    is too long); an OSError if it is not one (a pipe, a device, a link put there since the walk)."""
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError("not a regular file")
        return handle.read(max_bytes + 1)


def _read_bytes(path: Path, name: str, report: Report, max_bytes: int) -> bytes | None:
    try:
        raw = read_limited(path, max_bytes)
    except OSError as exc:
        report.add("error", "unreadable-document", f"cannot read the file: {exc.strerror or exc}", doc=name)
        return None
    if len(raw) > max_bytes:
        report.add("error", "document-too-large",
                   f"more than the {max_bytes:,}-byte limit; split the document", doc=name)
        return None
    return raw


def _document(read: ReadText, name: str, several: bool, report: Report) -> Document | None:
    label = f"{name}#{printable(read.part)}" if several and read.part else name
    if not read.text.strip():
        report.add("warning", "empty-document", "no text; nothing to extract", doc=label)
        return None
    digest = hashlib.sha256(read.text.encode("utf-8")).hexdigest()
    return Document(digest[:16], label, read.text, digest, read.source_ids)


def read_file(file: CorpusFile, report: Report, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    """One file → its documents (several for a PubMed set), or [] with the reasons in ``report``."""
    raw = _read_bytes(file.path, file.name, report, max_bytes)
    if raw is None:
        return []
    reads = READERS.get(file.path.name)(raw, file.name, report)
    documents = (_document(r, file.name, len(reads) > 1, report) for r in reads)
    return [d for d in documents if d is not None]


def read_document(path: Path, report: Report, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document | None:
    """One file → its (first) Document, or None with the reason recorded in ``report``."""
    found = read_file(CorpusFile(Path(path).resolve(), printable(Path(path).name)), report, max_bytes)
    return found[0] if found else None


def read_corpus(folder: Path | str, report: Report, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    """Every readable document under ``folder``, each text once, in ``doc_id`` order.

    Raises when there is nothing to build from.
    """
    files = corpus_files(folder, report)
    if not files:
        raise EmptyCorpusError(f"no documents (*{', *'.join(DOCUMENT_SUFFIXES)}) in {printable(folder)}")
    documents: dict[str, Document] = {}
    for file in files:
        for doc in read_file(file, report, max_bytes):
            kept = documents.get(doc.doc_id)
            if kept is not None:
                report.add("warning", "duplicate-document", f"same text as {kept.name}; read once", doc=doc.name)
                doc = replace(kept, source_ids=tuple(sorted(set(kept.source_ids) | set(doc.source_ids))))
            documents[doc.doc_id] = doc  # a copy's identifiers are kept (a .txt beside its PubMed record)
    if not documents:
        raise EmptyCorpusError(f"none of the {len(files)} files in {printable(folder)} could be read")
    return sorted(documents.values(), key=lambda d: d.doc_id)  # content order: file names do not matter

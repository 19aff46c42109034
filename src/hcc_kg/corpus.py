"""Read a corpus folder into :class:`~hcc_kg.model.Document` values.

A document that cannot be read (not UTF-8, binary, empty) becomes a report entry naming
the file and the offending byte offset; the other documents still build.  Offsets index
the text exactly as decoded (Windows line endings are kept, so spans match the file).
"""

from __future__ import annotations

from pathlib import Path

from .errors import CorpusNotFoundError, EmptyCorpusError
from .model import Document
from .report import Report

DOCUMENT_SUFFIXES = (".txt",)


def read_document(path: Path, report: Report) -> Document | None:
    """One file → a Document, or None with the reason recorded in ``report``."""
    raw = path.read_bytes()
    if b"\x00" in raw:
        report.add("error", "binary-document", "contains NUL bytes; not a text document",
                   doc=path.name, offset=raw.index(b"\x00"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add("error", "not-utf8", f"not valid UTF-8 ({exc.reason}); re-encode it as UTF-8",
                   doc=path.name, offset=exc.start)
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        report.add("warning", "empty-document", "no text; nothing to extract", doc=path.name)
        return None
    return Document.from_text(path.stem, text, name=path.name)


def document_paths(folder: Path) -> list[Path]:
    """The corpus files in a stable order (by name)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def read_corpus(folder: Path | str, report: Report) -> list[Document]:
    """Every readable document in ``folder``; raises when there is nothing to build from."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusNotFoundError(f"corpus folder not found: {folder}")
    paths = document_paths(folder)
    if not paths:
        raise EmptyCorpusError(f"no documents (*{', *'.join(DOCUMENT_SUFFIXES)}) in {folder}")
    documents = [doc for doc in (read_document(p, report) for p in paths) if doc is not None]
    if not documents:
        raise EmptyCorpusError(f"none of the {len(paths)} files in {folder} could be read")
    return documents

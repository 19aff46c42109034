"""Read a corpus folder into :class:`~hcc_kg.model.Document` values.

Every problem becomes a report entry naming the file (and the byte offset, line and
column where one applies); the other documents still build.

* Binary files (a NUL byte, or many control characters) are skipped with an error.
* Text that is not valid UTF-8 is **kept**: it is decoded as Windows-1252 (Latin-1 with
  printable quotes and dashes in 0x80-0x9F; plain Latin-1 if that fails too), with a
  warning naming the first byte that is not UTF-8.  Losing a whole paper to one accented
  letter is worse than a warning; offsets then index the decoded text (one character per
  byte), which is what ``text[start:end]`` reads back.
* UTF-8, UTF-16 and UTF-32 byte order marks are honoured and not part of the text.
* Line endings are kept as they are (``\\r\\n`` stays two characters), so offsets index
  the text exactly as read.
* Markup (HTML or XML tags, ``<script>`` included) is read as plain text, with a warning
  naming the first tag: tags are not interpreted, and a fact stated inside one is read
  like any other text (its evidence still reads back from the file).
* Empty (or whitespace-only) files, and files whose text repeats an earlier document's,
  are skipped with a warning: nothing is lost.
* Files larger than ``max_bytes`` and files the operating system refuses to read are
  skipped with an error.

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

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusNotFoundError, EmptyCorpusError
from .model import Document
from .report import Report

DOCUMENT_SUFFIXES = (".txt",)
#: Larger files are skipped: extraction keeps a per-character offset map (about 60 bytes per
#: character at peak, so 32 MiB of text needs about 2 GB) and reads about 3 s per MB.
MAX_DOCUMENT_BYTES = 32 * 2**20
#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                    (codecs.BOM_UTF16_BE, "utf-16"))
#: Decoders tried, in order, for text that is not UTF-8 (latin-1 decodes any byte).
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
#: Control characters that do not occur in text (tab, line feed, form feed, carriage return do).
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
#: More than this share of control characters (in the first ``_SAMPLE`` characters) means binary.
BINARY_CONTROL_SHARE = 0.02
_SAMPLE = 2**16
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!DOCTYPE\b|<\?xml\b", re.IGNORECASE)


def document_id(text: str) -> str:
    """The content-derived id of a document: 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def line_and_column(raw: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` (bytes of ``raw``, or characters if it is text)."""
    newline = b"\n" if isinstance(raw, bytes) else "\n"
    line_start = raw.rfind(newline, 0, offset) + 1
    return raw.count(newline, 0, offset) + 1, offset - line_start + 1


def _where(raw: bytes, offset: int) -> str:
    line, column = line_and_column(raw, offset)
    return f"byte {offset} (line {line}, column {column})"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, how, and the first byte that was not UTF-8 (if any)."""

    text: str
    encoding: str
    first_bad_byte: int | None = None


def decode(raw: bytes) -> Decoded | None:
    """Decode ``raw`` as text; None when it holds NUL bytes and no UTF-16/32 byte order mark.

    >>> decode("caf\\u00e9".encode("utf-8")).text, decode(b"caf\\xe9").first_bad_byte
    ('café', 3)
    >>> decode(b"\\xff\\xfeh\\x00i\\x00").text
    'hi'
    """
    for mark, encoding in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return Decoded(raw.decode(encoding), encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" in raw:
        return None
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            return Decoded(raw.decode(encoding), encoding, first_bad)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _looks_binary(text: str) -> int | None:
    """Offset of the first control character if they are too many for text, else None."""
    sample = text[:_SAMPLE]
    controls = _CONTROL_RE.findall(sample)
    if sample and len(controls) > BINARY_CONTROL_SHARE * len(sample):
        return _CONTROL_RE.search(sample).start()
    return None


def _report_markup(text: str, name: str, report: Report) -> None:
    tags = list(_TAG_RE.finditer(text))
    if tags:
        first = tags[0].start()
        line, column = line_and_column(text, first)
        report.add("warning", "markup", f"{len(tags)} HTML/XML tag(s), the first {tags[0].group(0)[:40]!r} at "
                   f"character {first} (line {line}, column {column}); read as plain text, tags not interpreted",
                   doc=name, offset=first)


def _read_bytes(path: Path, report: Report, max_bytes: int) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            report.add("error", "document-too-large",
                       f"{size:,} bytes is over the {max_bytes:,}-byte limit; split the document", doc=path.name)
            return None
        return path.read_bytes()
    except OSError as exc:
        report.add("error", "unreadable-document", f"cannot read the file: {exc.strerror or exc}", doc=path.name)
        return None


def read_document(path: Path, report: Report, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document | None:
    """One file → a Document, or None with the reason recorded in ``report``."""
    raw = _read_bytes(path, report, max_bytes)
    if raw is None:
        return None
    decoded = decode(raw)
    if decoded is None:
        nul = raw.index(b"\x00")
        report.add("error", "binary-document", f"NUL byte at {_where(raw, nul)}; not a text document",
                   doc=path.name, offset=nul)
        return None
    if decoded.first_bad_byte is not None:
        report.add("warning", "not-utf8",
                   f"not valid UTF-8 at {_where(raw, decoded.first_bad_byte)}; read as {decoded.encoding}, "
                   "so offsets index the text as decoded; re-encode the file as UTF-8 to silence this",
                   doc=path.name, offset=decoded.first_bad_byte)
    text = decoded.text
    control = _looks_binary(text)
    if control is not None:
        report.add("error", "binary-document",
                   f"control characters from character {control} on (over {BINARY_CONTROL_SHARE:.0%} of the text); "
                   "not a text document", doc=path.name, offset=control)
        return None
    if not text.strip():
        report.add("warning", "empty-document", "no text; nothing to extract", doc=path.name)
        return None
    _report_markup(text, path.name, report)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(digest[:16], path.name, text, digest)


def document_paths(folder: Path) -> list[Path]:
    """The corpus files in a stable order (by name)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def _report_skipped_entries(folder: Path, report: Report) -> None:
    """Entries that look like documents but are not read: broken links, sub-folders of documents."""
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            if any(p.suffix.lower() in DOCUMENT_SUFFIXES for p in entry.iterdir()):
                report.add("warning", "subfolder-not-read", "sub-folders are not read; move its documents up",
                           doc=entry.name)
        elif not entry.is_file() and entry.suffix.lower() in DOCUMENT_SUFFIXES:
            report.add("warning", "not-a-file", "not a regular file (a broken link?); skipped", doc=entry.name)


def read_corpus(folder: Path | str, report: Report, max_bytes: int = MAX_DOCUMENT_BYTES) -> list[Document]:
    """Every readable document in ``folder``, each text once, in ``doc_id`` order.

    Raises when there is nothing to build from.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusNotFoundError(f"corpus folder not found: {folder}")
    _report_skipped_entries(folder, report)
    paths = document_paths(folder)
    if not paths:
        raise EmptyCorpusError(f"no documents (*{', *'.join(DOCUMENT_SUFFIXES)}) in {folder}")
    documents: dict[str, Document] = {}
    for path in paths:
        doc = read_document(path, report, max_bytes)
        if doc is None:
            continue
        if doc.doc_id in documents:
            report.add("warning", "duplicate-document", f"same text as {documents[doc.doc_id].name}; read once",
                       doc=path.name)
            continue
        documents[doc.doc_id] = doc
    if not documents:
        raise EmptyCorpusError(f"none of the {len(paths)} files in {folder} could be read")
    return sorted(documents.values(), key=lambda d: d.doc_id)  # content order: file names do not matter

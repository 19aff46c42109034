"""Plain text (``.txt``): the file's bytes decoded, nothing else changed.

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

>>> line_and_column(b"ab\\ncd", 4)
(2, 2)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Callable

from ...report import Report
from .registry import READERS, ReadText

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
#: Text files whose opening names another format (a MEDLINE export saved as ``.txt``): each
#: ``(pattern, reader of the decoded text)`` is registered by the format's module.
TEXT_DIALECTS: list[tuple[re.Pattern, Callable[[str, str, Report], list[ReadText]]]] = []
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!DOCTYPE\b|<\?xml\b", re.IGNORECASE)


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


def decode_text(raw: bytes, name: str, report: Report) -> str | None:
    """``raw`` as text, or None (reported) when it is binary."""
    decoded = decode(raw)
    if decoded is None:
        nul = raw.index(b"\x00")
        report.add("error", "binary-document", f"NUL byte at {_where(raw, nul)}; not a text document",
                   doc=name, offset=nul)
        return None
    if decoded.first_bad_byte is not None:
        report.add("warning", "not-utf8",
                   f"not valid UTF-8 at {_where(raw, decoded.first_bad_byte)}; read as {decoded.encoding}, "
                   "so offsets index the text as decoded; re-encode the file as UTF-8 to silence this",
                   doc=name, offset=decoded.first_bad_byte)
    control = _looks_binary(decoded.text)
    if control is not None:
        report.add("error", "binary-document",
                   f"control characters from character {control} on (over {BINARY_CONTROL_SHARE:.0%} of the text); "
                   "not a text document", doc=name, offset=control)
        return None
    return decoded.text


@READERS.register(".txt")
def read_text(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """A text file as one document (markup is read as text, with a warning), unless its opening
    names a registered dialect (:data:`TEXT_DIALECTS`), which then reads it."""
    text = decode_text(raw, name, report)
    if text is None:
        return []
    for pattern, reader in TEXT_DIALECTS:
        if pattern.match(text):
            found = reader(text, name, report)
            if found or not text.strip():
                return found
            # an opening like a dialect's, then nothing it can read: the text is not lost
            report.add("warning", "unread-dialect", f"opens as {reader.__name__} reads, but it read no record in "
                       "it; read as plain text", doc=name)
            break
    if text.strip():
        _report_markup(text, name, report)
    return [ReadText(text)]

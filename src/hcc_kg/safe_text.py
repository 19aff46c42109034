"""Make untrusted names safe to print: the one helper every message that names a file uses.

A file name may hold a newline (which would forge a second ``ERROR`` line on stderr),
ANSI/OSC escape sequences (which a terminal would obey), bidirectional overrides (which
reorder what is shown), or bytes that are not UTF-8 (which Python keeps as lone
surrogates and which no UTF-8 writer can encode).  :func:`printable` turns each of these
into a visible escape, so the printed name is one line, inert, and still identifies the
file.  A backslash is doubled so an escape in the output cannot be mistaken for one in
the name.

This module imports nothing from the package: the corpus reader, the report and the CLI
can all use it.

>>> printable("ok.txt")
'ok.txt'
>>> printable("a\\nERROR forged.txt")
'a\\\\nERROR forged.txt'
>>> printable("\\x1b]0;title\\x07x.txt")
'\\\\x1b]0;title\\\\x07x.txt'
>>> printable(b"caf\\xe9.txt")
'caf\\\\xe9.txt'
>>> printable("caf\\u00e9.txt")
'café.txt'
"""

from __future__ import annotations

import os
import unicodedata

#: Named escapes for the commonest control characters; every other one is ``\\xNN``/``\\uNNNN``.
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
#: Unicode categories never printed raw: controls, format characters (bidi overrides, zero
#: width), line/paragraph separators, unassigned code points and lone surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn", "Cs"})


def _escape_char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by the surrogateescape handler
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) in _UNSAFE_CATEGORIES:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return ch


def printable(name: str | bytes | os.PathLike) -> str:
    """``name`` (a str, bytes or path) as one inert, printable line, escaping what is unsafe."""
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if isinstance(name, bytes):
        name = name.decode("utf-8", "surrogateescape")
    return "".join(_escape_char(ch) for ch in name)

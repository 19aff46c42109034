"""Cache entries on disk, for every cache a build keeps (extraction, vocabulary, reasoner).

An entry is one file: a tag naming its kind and format, the sha256 of its payload, a
newline, then the payload.  It is written through a temporary file in the same folder and
a rename, so a reader sees a whole entry or none; a truncated or altered one fails its
digest and is reported as :class:`CorruptEntry` (the caller recomputes).  A cache only
saves time: failing to write an entry is logged, never raised.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_entry(folder / "a.bin", b"demo-v1", b"payload")
True
>>> read_entry(folder / "a.bin", b"demo-v1"), read_entry(folder / "missing.bin", b"demo-v1")
(b'payload', None)
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from pathlib import Path

LOG = logging.getLogger(__name__)


class CorruptEntry(Exception):
    """An entry that exists but cannot be used (unreadable, truncated or altered); the message says why."""


def write_atomically(path: Path, data: bytes) -> bool:
    """``data`` into ``path`` through a same-folder temporary file and a rename; False (logged) on failure."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
        return True
    except OSError as exc:
        LOG.warning("cannot write the cache entry %s: %s", path, exc)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False


def _head(tag: bytes, payload: bytes) -> bytes:
    return tag + b" " + hashlib.sha256(payload).hexdigest().encode("ascii")


def write_entry(path: Path, tag: bytes, payload: bytes, keep: int | None = None) -> bool:
    """Write a tagged, digested entry; then keep only the ``keep`` most recently used entries
    with the same suffix in its folder (None: keep all).  False (logged) if it could not be written."""
    written = write_atomically(path, _head(tag, payload) + b"\n" + payload)
    if written and keep is not None:
        prune(path.parent, f"*{path.suffix}", keep)
    return written


def read_entry(path: Path, tag: bytes) -> bytes | None:
    """The payload of the entry at ``path`` (marked as recently used); None when there is none.

    Raises :class:`CorruptEntry` when the file exists but is unreadable, of another tag, or
    fails its digest.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptEntry(str(exc)) from exc
    head, newline, payload = data.partition(b"\n")
    if not newline or head != _head(tag, payload):
        raise CorruptEntry("its digest does not match: truncated or altered")
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: the last to be pruned
    return payload


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used files matching ``pattern`` (another build may prune too)."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()

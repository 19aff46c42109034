"""Read a published build back: is the output folder one complete build, and what does its manifest
say of a folder (the store's triple count)?  The writing side is :mod:`hcc_kg.store.publish`.
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path
from typing import Mapping

from .publish import JOURNAL, LEGACY_NAMES, MANIFEST, STALE_PREFIXES, STAMP, exports_digest, file_sha256


def verify(out: Path) -> list[str]:
    """Problems with ``out`` as one complete build: files missing, altered or left over."""
    out = Path(out)
    try:
        files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError) as exc:
        return [f"no readable {MANIFEST}: {exc}"]
    problems = _compare(out, files)
    for folder, entry in sorted(_manifest_folders(out).items()):
        problems += _check_stamp(out / folder, entry, exports_digest(files))
    stray = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    stray = {n for n in stray if any(fnmatch.fnmatch(n, pattern) for pattern in LEGACY_NAMES)} - set(files)
    problems += [f"{name}: not part of the manifest's build" for name in sorted(stray)]
    problems += [f"{p.name}: staging leftover" for p in out.iterdir() if p.name.startswith(STALE_PREFIXES)]
    problems += [f"{JOURNAL}: an unfinished publish"] if (out / JOURNAL).exists() else []
    return problems


def _compare(folder: Path, files: Mapping[str, dict]) -> list[str]:
    """Files of ``files`` (name → size and sha256) missing from ``folder`` or altered."""
    problems = []
    for name, entry in sorted(files.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif file_sha256(path) != entry["sha256"]:
            problems.append(f"{name}: sha256 differs from the manifest")
    return problems


def _check_stamp(folder: Path, entry: Mapping, digest: str) -> list[str]:
    """Whether ``folder`` carries the stamp the manifest gives it, and that stamp names these exports."""
    if not folder.is_dir():
        return [f"{folder.name}: missing (the manifest's build has one)"]
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{folder.name}: no readable {STAMP} ({exc}): not this build's"]
    if stamp != dict(entry) or entry.get("exports_sha256") != digest:
        return [f"{folder.name}: stamped for another build than the manifest's"]
    return []


def _manifest_folders(out: Path) -> dict:
    try:
        return json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8")).get("folders") or {}
    except (OSError, ValueError, AttributeError):
        return {}


def published_folder(out: Path, name: str) -> dict | None:
    """What ``out``'s manifest says of its folder ``name`` (``triples``, ``exports_sha256``), or None."""
    return _manifest_folders(out).get(name)

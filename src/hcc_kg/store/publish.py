"""Publish a build's exports as one unit: all new files or all old ones, nothing left behind.

The export folder keeps plain files (``exports/hcc_kg.ttl`` opens as before, and the
folder can be committed to git), so a build cannot switch one pointer; it uses a journal
instead, like a database:

1. **Lock.** A build holds ``<out>/.lock`` (``fcntl.flock``) from start to end; a second
   build into the same folder waits, saying so on stderr.  The lock file is removed at the
   end (so a committed export folder stays clean); a waiter checks it locked the current file.
2. **Recover and sweep.** Under the lock, an interrupted publish is finished (step 5) and
   staging leftovers of killed builds (``.tmp-*``, ``.old-store-*``) are removed.
3. **Stage.** Every export is written into ``<out>/.tmp-build-*/`` and fsynced.
4. **Commit.** ``manifest.json`` (every file with its size and sha256) is computed from the
   staged files and written, with the staging folder's name, to ``<out>/.publish-journal.json``
   (temporary file, fsync, rename, fsync of the folder).  This rename is the commit point:
   before it the old set is untouched; after it the new set is complete on disk.
5. **Roll forward.** Staged files are renamed into place, files of the previous build
   that the new one does not have are removed (``view_graph.html`` when the new build skips
   the whole-graph view), ``manifest.json`` is written last, then the journal and the
   staging folder are removed.  Every step can be repeated, so a build killed during this
   step (``kill -9`` included) is finished by the next build, or by :func:`recover`.
   SIGTERM and SIGINT are held back while it runs (renames only: milliseconds).

Folders can move in the same journal (``commit(..., folders={"store": <staged store>})``):
the build's store (``<out>/store``) is swapped in by the roll forward too, so a kill can
never leave the exports of one build beside the store of another.  A database's bytes are
not reproducible (and change when it is opened for writing), so a folder is not listed
file by file: before the commit point it is stamped with :data:`STAMP`, a small JSON file
holding what the caller says of it (the store's triple count) and ``exports_sha256``, the
sha256 of the manifest's file list; the manifest holds the same under ``"folders"``.  The
manifest stays byte-for-byte reproducible, and a store carrying another build's stamp (or
none) is caught by :func:`hcc_kg.store.published.verify`.

So after any interruption, once :func:`recover` has run (every build runs it first), the
folder holds exactly the files one build's ``manifest.json`` lists, with those checksums,
and that build's store (:func:`hcc_kg.store.published.verify`).  Which files a build owns comes from the previous
manifest; a folder written before manifests existed is read by the export names
(:data:`LEGACY_NAMES`).  Other files (a cache, a user's notes) are never touched.
"""

from __future__ import annotations

import errno
import fcntl
import fnmatch
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Mapping

from ..errors import TERMINATED_EXIT, ExportError
from ..signals import signals_held

MANIFEST = "manifest.json"
JOURNAL = ".publish-journal.json"
LOCK = ".lock"
#: The stamp a published folder carries (inside it): which build's exports it belongs to.
STAMP = "hcc-kg-build.json"
STAGING_PREFIX = ".tmp-build-"
#: Leftovers of interrupted builds in the export folder: staging folders, temporary files,
#: and the store's own staging (``.tmp-store-*``; ``.old-store-*`` from builds before the store moved in the
#: journal); safe to remove while holding the lock.
STALE_PREFIXES = (".tmp-", ".old-store-")
#: Files a build owned before manifests existed (glob patterns, relative to the folder).
LEGACY_NAMES = ("hcc_kg.*", "hcc_kg_ontology.*", "assertions.jsonl", "withheld.jsonl", "conflicts.json",
                "validation.json", "build_report.json", "quality_report.*", "view_*.html", "kgx/*.tsv")


def _say(message: str) -> None:
    print(f"hcc-kg: {message}", file=sys.stderr)


# --- the lock ------------------------------------------------------------------------------

def _acquire(path: Path, on_wait: Callable[[str], None]):
    """An open, exclusively locked handle on ``path`` (waiting for another holder to finish)."""
    while True:
        path.parent.mkdir(parents=True, exist_ok=True)  # a holder may remove a folder it created
        handle = open(path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            on_wait(f"{path.parent} is being written by another build (pid {holder}); waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            same = os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:  # not a lock file its previous holder removed meanwhile
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            return handle
        handle.close()


@contextmanager
def exclusive(out: Path | None, on_wait: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold ``<out>/.lock`` for a whole build; recover an interrupted publish and sweep leftovers.

    A folder this call had to create is removed again if the build left nothing in it (a
    build that fails before exporting leaves no trace).  Does nothing when ``out`` is None.
    """
    if out is None:
        yield
        return
    out = Path(out)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = _acquire(out / LOCK, on_wait)
    except OSError as exc:
        raise ExportError(f"cannot write to {out}: {exc}") from exc
    try:
        recover(out)
        sweep(out)
        yield
    finally:
        (out / LOCK).unlink(missing_ok=True)  # while still held: a waiter re-checks the inode it locked
        if created and not any(out.iterdir()):
            out.rmdir()
        handle.close()


def sweep(out: Path) -> list[Path]:
    """Remove staging leftovers of interrupted builds (call while holding the lock)."""
    removed = []
    for entry in Path(out).iterdir():
        if entry.name.startswith(STALE_PREFIXES):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


# --- staging and commit ----------------------------------------------------------------------

def stage(out: Path) -> Path:
    """A fresh staging folder inside ``out`` to render a build's exports into."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    except OSError as exc:
        raise ExportError(f"cannot write to {out}: {exc}") from exc


def journaled(out: Path, path: Path) -> bool:
    """Whether an unfinished publish in ``out`` still needs ``path`` (its staging folder or a
    folder it moves): recovery will move it, so it must not be removed."""
    journal = _read_journal(out)
    if journal is None:
        return False
    try:
        relative = Path(path).relative_to(out).as_posix()
    except ValueError:
        return False
    needed = {journal.get("staging"), *(journal.get("folders") or {}).values()}
    return any(relative == name or relative.startswith(f"{name}/") for name in needed if name)


def discard(out: Path, staging: Path) -> None:
    """Remove ``staging`` unless a journal still needs it (a commit that did not finish)."""
    if not journaled(out, staging):
        shutil.rmtree(staging, ignore_errors=True)


def file_sha256(path: Path, sync: bool = False) -> str:
    """The file's sha256, read in blocks; with ``sync``, flushed to disk first-hand as well."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
        if sync:
            os.fsync(handle.fileno())  # durable before the journal names it
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """Every file and folder under ``folder`` on disk (before the journal names it)."""
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    for sub in sorted({p.parent for p in Path(folder).rglob("*")} | {Path(folder)}):
        _fsync_folder(sub)


def exports_digest(files: Mapping[str, dict]) -> str:
    """One sha256 for a manifest's file list (names, sizes and sha256s): a build's fingerprint."""
    text = json.dumps(files, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_of(folder: Path) -> dict:
    """Every file under ``folder`` (relative POSIX path) with its size and sha256."""
    files = {}
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        files[path.relative_to(folder).as_posix()] = {"bytes": path.stat().st_size, "sha256": file_sha256(path, True)}
    for sub in sorted({p.parent for p in Path(folder).rglob("*")} | {Path(folder)}):
        _fsync_folder(sub)
    return {"files": files}


def _write_durably(path: Path, data: dict) -> None:
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def commit(out: Path, staging: Path, folders: Mapping[str, Path] | None = None,
           details: Mapping[str, Mapping] | None = None) -> list[Path]:
    """Publish the files in ``staging`` as ``out``'s one current build; the published paths.

    ``folders`` (name → a staged folder inside ``out``, e.g. ``{"store": <staged store>}``,
    closed) are swapped in by the same journal: the build's database moves with its files.
    Each is stamped (:data:`STAMP`) with ``details[name]`` (e.g. ``{"triples": 1234}``)
    and the exports' digest (:func:`exports_digest`); the manifest's ``"folders"`` says the same.
    """
    out, staging = Path(out), Path(staging)
    moves = {name: Path(path).relative_to(out).as_posix() for name, path in (folders or {}).items()}
    try:
        manifest = manifest_of(staging)
        if folders:
            digest = exports_digest(manifest["files"])
            manifest["folders"] = {name: {**(details or {}).get(name, {}), "exports_sha256": digest}
                                   for name in sorted(folders)}
            for name, path in folders.items():
                _write_durably(Path(path) / STAMP, manifest["folders"][name])
                _fsync_tree(Path(path))
        _write_durably(out / JOURNAL, {"staging": staging.name, "manifest": manifest, "folders": moves})  # commit
    except (OSError, ValueError) as exc:
        raise ExportError(f"cannot write to {out}: {exc}") from exc
    return _roll_forward(out, staging.name, manifest, moves)


# --- roll forward, recovery, verification -------------------------------------------------------

def _read_journal(out: Path) -> dict | None:
    try:
        return json.loads((Path(out) / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ExportError(f"the publish journal {Path(out) / JOURNAL} is unreadable ({exc}); "
                          "remove it and rebuild") from exc


def owned_files(out: Path) -> set[str]:
    """Files the current build in ``out`` owns: its manifest's, or (no manifest) the export names."""
    try:
        return set(json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))["files"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError):
        pass  # a damaged manifest: fall back to the names
    found = {p.relative_to(out).as_posix() for p in Path(out).rglob("*") if p.is_file()}
    return {name for name in found if any(fnmatch.fnmatch(name, pattern) for pattern in LEGACY_NAMES)}


def _swap_folder(out: Path, staging: Path, name: str, staged: str) -> None:
    """Put the staged folder at ``out/name``; the one it replaces goes into ``staging`` (repeatable)."""
    source, target = out / staged, out / name
    if not source.exists():
        return  # moved already, by the run a kill interrupted
    if target.exists():
        os.replace(target, staging / f".previous-{name}")
    os.replace(source, target)
    if source.parent != out:  # the staged folder's own (now empty) staging folder
        shutil.rmtree(source.parent, ignore_errors=True)


def _roll_forward(out: Path, staging_name: str, manifest: dict, folders: Mapping[str, str] | None = None) -> list[Path]:
    """Move staged files (and folders) into place, drop the previous build's others, write the manifest."""
    staging, new = out / staging_name, manifest["files"]
    try:
        with signals_held():
            for name, staged in sorted((folders or {}).items()):
                _swap_folder(out, staging, name, staged)
            previous = owned_files(out) - {MANIFEST}
            for name in sorted(new):
                source, target = staging / name, out / name
                if source.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(source, target)
                elif not target.is_file():
                    raise ExportError(f"cannot finish publishing {out}: {name} is neither staged nor in place")
            for name in sorted(previous - set(new)):
                (out / name).unlink(missing_ok=True)
                _remove_empty_parents(out, out / name)
            _write_durably(out / MANIFEST, manifest)
            (out / JOURNAL).unlink()
            _fsync_folder(out)
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise ExportError(f"cannot finish publishing into {out}: {exc}") from exc
    return [out / name for name in sorted(new)]


def _remove_empty_parents(out: Path, path: Path) -> None:
    parent = path.parent
    while parent != out and parent.is_dir():
        try:
            parent.rmdir()
        except OSError as exc:
            if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
                return
            raise
        parent = parent.parent


def recover(out: Path) -> bool:
    """Finish a publish that a kill interrupted after its commit point; whether there was one."""
    journal = _read_journal(out)
    if journal is None:
        return False
    _roll_forward(Path(out), journal["staging"], journal["manifest"], journal.get("folders"))
    return True


# --- signals ----------------------------------------------------------------------------------------

@contextmanager
def sigterm_exits() -> Iterator[None]:
    """Within the block SIGTERM raises SystemExit(143), so every ``finally`` runs: staging
    folders, the reasoner's scratch folder and its java process are cleaned up."""
    def stop(signum, frame):
        raise SystemExit(TERMINATED_EXIT)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

"""A class-data-sharing (AppCDS) archive for HermiT's JVM: less start-up work on every run.

At the shipped corpus's size a HermiT run is mostly the JVM loading, verifying and linking
the OWL API's classes; an archive of them, mapped in at start-up, saves about a tenth of a
second of CPU per run (OpenJDK 17, median of 7; see :data:`hcc_kg.owl.java.QUICK_TIER_MAX_TRIPLES`
for the other options).  HermiT's own classes are Java 5 class files, which CDS cannot
archive; the OWL API and the JDK classes HermiT loads can be.

The archive is made at set-up (``make setup`` runs ``scripts/ensure-java.sh``, which runs
``python -m hcc_kg.owl.class_archive``), never during a build, in the tool's own java folder
(:data:`DEFAULT_FOLDER`, inside the Python environment).  CDS takes jar files only, so
owlready2's patched HermiT classes (a folder) are packed into a jar beside it.  Both files are
named by a hash of what they are made from (the classpath's files and the Java runtime's
version): after an upgrade of either, no archive is found and HermiT runs without one, as it
does when there is none.  The archive changes HermiT's speed, never its result: the JVM
checks an archive against the classpath and ignores one that does not match (its warnings
go to stderr, not into HermiT's output), and the reasoner cache's key leaves JVM options out.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .java import TimeLimit, path_identity, run_bounded

#: The tool's own java folder: inside the Python environment hcc-kg is installed in.
DEFAULT_FOLDER = Path(sys.prefix) / "share" / "hcc-kg" / "java"
#: HermiT's main class (owlready2's command line) and the archive run's options.
MAIN = "org.semanticweb.HermiT.cli.CommandLine"
_LOG_TO_STDERR = ("-Xlog:disable", "-Xlog:all=warning:stderr")  # HermiT's stdout is its answer
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClassArchive:
    """HermiT's classes as a jar (``jar``, with the library jar ``library``) and their CDS archive."""

    jar: Path
    archive: Path
    library: Path

    @classmethod
    def for_hermit(cls, home: Path, java: str, folder: Path | None = None) -> "ClassArchive":
        """The archive for owlready2's HermiT folder ``home`` run by ``java`` (OSError: no such java).

        Named by the classpath's files and the runtime, each by path, size and date
        (:func:`hcc_kg.owl.java.path_identity`): no JVM is started to ask."""
        digest = hashlib.sha256()
        for part in (path_identity(home), _runtime_identity(java)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        stem = f"hermit-{digest.hexdigest()[:24]}"
        folder = Path(folder or DEFAULT_FOLDER)
        return cls(folder / f"{stem}.jar", folder / f"{stem}.jsa", Path(home) / "HermiT.jar")

    def ready(self) -> bool:
        return self.jar.is_file() and self.archive.is_file()

    def classpath(self) -> str:
        return os.pathsep.join([str(self.jar), str(self.library)])

    def options(self) -> list[str]:
        """JVM options that map the archive in (before ``-cp``)."""
        return [f"-XX:SharedArchiveFile={self.archive}", *_LOG_TO_STDERR]

    def make(self, java: str, home: Path, ontology: Path, flags: tuple[str, ...] = ("-c",),
             limit: TimeLimit | None = None) -> bool:
        """Pack the jar and record the archive from one HermiT run (``flags``) on ``ontology``;
        whether it worked.  The classes archived are those that run loads.

        Both files are written under temporary names and renamed into place, so a build
        never sees half of one; a failure leaves no archive (and HermiT runs without one).
        """
        self.jar.parent.mkdir(parents=True, exist_ok=True)
        _pack(Path(home), self.jar)
        handle, scratch = tempfile.mkstemp(prefix=".tmp-", suffix=".jsa", dir=self.archive.parent)
        os.close(handle)
        os.unlink(scratch)  # the JVM writes it afresh
        try:
            done = run_bounded([java, f"-XX:ArchiveClassesAtExit={scratch}", *_LOG_TO_STDERR, "-cp", self.classpath(),
                                MAIN, *flags, Path(ontology).resolve().as_uri()], limit or TimeLimit.start(300),
                               "HermiT (making its class archive)")
            if done.returncode != 0 or not Path(scratch).is_file():
                LOG.warning("no class archive for HermiT (exit %s): %s", done.returncode,
                            done.stderr.decode("utf-8", "replace").strip()[-500:])
                return False
            os.replace(scratch, self.archive)
            self._remove_others()
            return True
        finally:
            Path(scratch).unlink(missing_ok=True)

    def _remove_others(self) -> None:
        """Archives made for an earlier owlready2 or Java: never found again, so removed."""
        for stale in self.archive.parent.glob("hermit-*.*"):
            if stale not in (self.jar, self.archive) and stale.suffix in (".jar", ".jsa"):
                stale.unlink(missing_ok=True)


def _runtime_identity(java: str) -> str:
    """The Java runtime ``java`` resolves to: its ``release`` file, else the program's own size
    and date; read, never run (this is asked before every HermiT run).  OSError: no such program."""
    found = shutil.which(java)
    if found is None:
        raise OSError(f"no Java program {java!r}")
    real = Path(found).resolve()
    release = real.parent.parent / "release"
    return path_identity(release) if release.is_file() else path_identity(real)


def _pack(home: Path, jar: Path) -> None:
    """The class files under ``home`` (owlready2's patched HermiT classes) as a jar at ``jar``."""
    scratch = jar.with_name(f".tmp-{jar.name}")
    with zipfile.ZipFile(scratch, "w", zipfile.ZIP_STORED) as out:
        for path in sorted(home.rglob("*.class")):
            out.write(path, path.relative_to(home).as_posix())
    os.replace(scratch, jar)


def usable(home: Path, java: str, folder: Path | None = None) -> ClassArchive | None:
    """The archive for this HermiT and Java when set-up made one, else None."""
    try:
        archive = ClassArchive.for_hermit(home, java, folder)
    except OSError:
        return None
    return archive if archive.ready() else None


def main() -> int:
    """Make the archive for owlready2's HermiT in :data:`DEFAULT_FOLDER` (``make setup``)."""
    import owlready2
    import rdflib

    from .load import default_ontology_path
    from .hermit import CLASSIFY, hermit_home

    archive = ClassArchive.for_hermit(hermit_home(), owlready2.JAVA_EXE)
    if archive.ready():
        print(f"HermiT's class archive is in place: {archive.archive}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:  # the ontology as N-Triples, as a build hands HermiT its input
        ontology = Path(scratch) / "ontology.nt"
        rdflib.Graph().parse(default_ontology_path(), format="turtle").serialize(ontology, format="nt", encoding="utf-8")
        made = archive.make(owlready2.JAVA_EXE, hermit_home(), ontology, CLASSIFY)
    print(f"HermiT's class archive: {archive.archive}" if made else "HermiT runs without a class archive")
    return 0  # never a set-up failure: the archive only saves time


if __name__ == "__main__":
    sys.exit(main())

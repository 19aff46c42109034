"""HermiT's command line, run on its input cold or on a JVM started before the input existed.

A HermiT run on the shipped corpus's summary is in good part the JVM starting and loading the
OWL API's classes: on a one-triple ontology HermiT takes 0.55-0.65 s, on the shipped summary
1.8-2.35 s (wall, busy 2-core machine, 3 December 2026); the input exists only after
extraction, population and summarising.  So the build starts HermiT early
(:meth:`WarmHermit.start`, before extraction, on the machine's other core) and gives it its
input later (:meth:`WarmHermit.run`).

How the waiting JVM gets its input: HermiT's command line reads an ontology from an IRI, and
the OWL API tries one parser after another, each opening the IRI afresh (so a named pipe,
read once, leaves the second parser waiting forever).  The IRI is therefore
``http://127.0.0.1:<port>/…`` on a socket this process listens on: the kernel accepts the
JVM's connection and holds its request until :meth:`WarmHermit.run` answers it, and every
later request (each parser's) gets the same bytes.  Listening needs no thread, so the
build's single-thread fork policy (:mod:`hcc_kg.execute.forked`) still holds until the
reasoner's own thread serves the input.

A warm run only saves time, never changes a result: it is used when its options are the
ones the input asks for (:func:`hcc_kg.owl.java.jvm_tuning`), its output is HermiT's on the
same bytes, and if it fails for any reason other than an inconsistent input, HermiT runs
again cold on a file (:func:`run_hermit`).
"""

from __future__ import annotations

import logging
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import owlready2

from ..errors import ReasonerError
from . import summary as S
from .class_archive import ClassArchive, usable
from .java import (DEFAULT_REASONER_TIMEOUT, ReasonerCache, TimeLimit, jvm_tuning, kill_group, run_bounded,
                   scratch_folder, wait_bounded)

CLASSIFY = ("-c", "-O", "-D", "-I", "-Y")
CONSISTENCY = ("-k",)
#: Seconds the input server waits for a request's headers before dropping the connection.
_REQUEST_SECONDS = 10.0
LOG = logging.getLogger(__name__)


def hermit_home() -> Path:
    """owlready2's HermiT folder: its patched classes, and HermiT.jar."""
    return Path(owlready2.__file__).parent / "hermit"


def hermit_command(flags: tuple[str, ...], source: "Path | str | None", tuning: Sequence[str] = (),
                   archive: ClassArchive | None = None) -> list[str]:
    """The HermiT command line owlready2 uses, on ``source`` (a file, or an IRI; None: without
    it, as the cache keys it), with the JVM options ``tuning`` (:func:`hcc_kg.owl.java.jvm_tuning`),
    and the classes from ``archive`` when set-up made one (:mod:`hcc_kg.owl.class_archive`)."""
    home = hermit_home()
    classpath = archive.classpath() if archive is not None else f"{home}:{home / 'HermiT.jar'}"
    memory = getattr(owlready2.reasoning, "JAVA_MEMORY", 2000)
    iri = source.as_uri() if isinstance(source, Path) else source
    return [owlready2.JAVA_EXE, f"-Xmx{memory}M", *tuning, *(archive.options() if archive is not None else ()),
            "-cp", classpath, "org.semanticweb.HermiT.cli.CommandLine", *flags, *([iri] if iri else [])]


@dataclass
class WarmHermit:
    """A HermiT JVM started with ``flags`` and ``tuning``, waiting for its input on ``listener``."""

    flags: tuple[str, ...]
    tuning: tuple[str, ...]
    process: subprocess.Popen
    listener: socket.socket
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    @classmethod
    def start(cls, flags: tuple[str, ...] = CLASSIFY) -> "WarmHermit | None":
        """HermiT started now, tuned for a summary-sized input (the quick JIT tier: its size is not known
        yet, and a larger input gets a cold run); None if Java cannot start."""
        tuning = tuple(jvm_tuning(0))
        try:
            listener = socket.create_server(("127.0.0.1", 0))
        except OSError as exc:  # no loopback socket here: HermiT runs cold, as it always could
            LOG.debug("HermiT not started early: %s", exc)
            return None
        iri = f"http://127.0.0.1:{listener.getsockname()[1]}/hermit-input.nt"
        try:
            command = hermit_command(flags, iri, tuning, usable(hermit_home(), owlready2.JAVA_EXE))
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:  # no Java: the cold run will say so, with the build's error
            LOG.debug("HermiT not started early: %s", exc)
            listener.close()
            return None
        return cls(flags, tuning, process, listener)

    def fits(self, flags: tuple[str, ...], tuning: Sequence[str]) -> bool:
        """Whether this JVM runs the command an input of this size asks for, and still waits."""
        return self.flags == tuple(flags) and self.tuning == tuple(tuning) and self.process.poll() is None

    def run(self, payload: bytes, limit: TimeLimit) -> subprocess.CompletedProcess:
        """HermiT's run on ``payload`` (N-Triples), bounded by ``limit`` like a cold run."""
        server = threading.Thread(target=self._serve, args=(payload,), name="hcc-kg-hermit-input", daemon=True)
        server.start()
        limit.started.set()
        try:
            return wait_bounded(self.process, limit)
        finally:
            self.close()
            server.join()

    def close(self) -> None:
        """Stop serving, and kill the JVM if it still runs (its whole process group)."""
        self._stop.set()
        if self.process.poll() is None:
            kill_group(self.process)
        self.listener.close()

    def __enter__(self) -> "WarmHermit":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _serve(self, payload: bytes) -> None:
        """Answer every request for the input with ``payload`` until the JVM ends."""
        header = (f"HTTP/1.0 200 OK\r\nContent-Type: application/n-triples\r\nContent-Length: {len(payload)}\r\n"
                  "Connection: close\r\n\r\n").encode("ascii")
        self.listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:  # closed: the run is over
                return
            with connection:
                try:
                    connection.settimeout(_REQUEST_SECONDS)
                    if _request_method(connection) == "GET":
                        connection.sendall(header + payload)
                    else:
                        connection.sendall(header)
                except OSError as exc:  # the JVM went away mid-answer: its exit code says the rest
                    LOG.debug("HermiT's input request failed: %s", exc)


def _request_method(connection: socket.socket) -> str:
    """The method of the HTTP request on ``connection`` (its headers read to their end)."""
    received = b""
    while b"\r\n\r\n" not in received and len(received) < 65536:
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    return received.split(b" ", 1)[0].decode("ascii", "replace")


def run_hermit(flags: tuple[str, ...], triples: list[S.Triple], limit: TimeLimit | None = None,
               cache: ReasonerCache | None = None, warm: WarmHermit | None = None) -> str:
    """HermiT's output on ``triples``; raises OwlReadyInconsistentOntologyError or ReasonerError
    (ReasonerTimeoutError once ``limit`` has passed: java's process group is killed).

    With ``cache``, an output stored for the same input bytes, HermiT options, HermiT jar and
    Java version is returned without starting Java; a new successful output is stored.  With
    ``warm``, the JVM started early runs it when it fits the input (it is closed either way).
    """
    limit = limit or TimeLimit.start(DEFAULT_REASONER_TIMEOUT)
    payload = S.to_ntriples(triples)
    tuning = jvm_tuning(len(triples))
    try:
        key = cache.key(hermit_command(flags, None), payload, limit) if cache is not None else None
    except OSError as exc:
        raise ReasonerError(f"HermiT could not run (is Java installed?): {exc}") from exc
    stored = cache.get(key) if cache is not None else None
    if stored is not None:
        if warm is not None:
            warm.close()
        return stored
    done = _warm_run(warm, flags, tuning, payload, limit) if warm is not None else None
    if done is None:
        done = _cold_run(flags, tuning, payload, limit)
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    if _inconsistent(done):
        raise owlready2.OwlReadyInconsistentOntologyError()
    if done.returncode != 0:
        raise ReasonerError(f"HermiT failed (exit {done.returncode}): {err.strip()[-2000:]}")
    if cache is not None:
        cache.put(key, out)
    return out


def _warm_run(warm: WarmHermit, flags: tuple[str, ...], tuning: Sequence[str], payload: bytes,
              limit: TimeLimit) -> subprocess.CompletedProcess | None:
    """The warm JVM's run, or None when it does not fit or failed short of a verdict (a cold run follows)."""
    if not warm.fits(flags, tuning):
        warm.close()
        return None
    done = warm.run(payload, limit)
    if done.returncode == 0 or _inconsistent(done):
        return done
    LOG.info("HermiT started early failed (exit %s); running it again on a file: %s", done.returncode,
             done.stderr.decode("utf-8", "replace").strip()[-500:])
    return None


def _inconsistent(done: subprocess.CompletedProcess) -> bool:
    """Did HermiT's run find its input inconsistent (a verdict, not a failure)?"""
    return b"InconsistentOntologyException" in done.stderr


def _cold_run(flags: tuple[str, ...], tuning: Sequence[str], payload: bytes, limit: TimeLimit) -> subprocess.CompletedProcess:
    with scratch_folder() as scratch:  # removed on every way out, signals included
        path = scratch / "input.nt"
        path.write_bytes(payload)
        try:
            command = hermit_command(flags, path, tuning, usable(hermit_home(), owlready2.JAVA_EXE))
            return run_bounded(command, limit)
        except OSError as exc:
            raise ReasonerError(f"HermiT could not run (is Java installed?): {exc}") from exc

"""Run the reasoner's Java process with a time limit, in its own process group, and clean up.

HermiT can run for a very long time (or hang); a build must not wait forever, and must not
leave a ``java`` behind when it stops for any reason.  :func:`run_bounded` starts the
command in a new session (its own process group), waits at most until the
:class:`TimeLimit` ends, and kills the whole group (``os.killpg``) on a timeout and on any
exception reaching it, KeyboardInterrupt and the SystemExit that the CLI raises on SIGTERM
included.  :func:`scratch_folder` gives a temporary folder named after this process
(``$TMPDIR/hcc-kg-hermit-<pid>-*``), removes it on every way out, and sweeps folders left
by processes that no longer exist (a ``kill -9`` runs no clean-up).

:class:`ReasonerCache` keeps the reasoner's output by a hash of its input (the exact bytes,
the reasoner's own options, the identity of the jar files and the Java runtime's version),
so a rebuild whose reasoner input did not change starts no JVM at all.

>>> limit = TimeLimit.start(600)
>>> 599 < limit.remaining() <= 600
True
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from ..cache_entries import CorruptEntry, read_entry, write_entry
from ..errors import ReasonerError, ReasonerTimeoutError

#: Seconds HermiT may take over one build by default (the shipped corpus needs a few).
DEFAULT_REASONER_TIMEOUT = 600.0
SCRATCH_PREFIX = "hcc-kg-hermit-"
_OWNER = re.compile(re.escape(SCRATCH_PREFIX) + r"(\d+)-")
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimeLimit:
    """A total time budget: ``seconds`` long, ending at ``ends`` (``time.monotonic`` clock), or
    earlier when :meth:`cancel` is called (from any thread: a build that stops while HermiT runs
    on a thread, :class:`hcc_kg.owl.reason.Reasoning`, must not leave the JVM behind).

    >>> limit = TimeLimit.start(600)
    >>> limit.cancel()
    >>> limit.cancelled()
    True
    """

    seconds: float
    ends: float
    _cancelled: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)
    #: set by :func:`run_bounded` once its process runs (a caller on another thread may wait for that)
    started: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)

    @classmethod
    def start(cls, seconds: float) -> "TimeLimit":
        return cls(seconds, time.monotonic() + seconds)

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def cancel(self) -> None:
        """End the budget now: a process running under it is killed within :data:`POLL_SECONDS`."""
        self._cancelled.set()

    def cancelled(self) -> bool:
        return self._cancelled.is_set()


#: How often a bounded process's waiter looks at its limit's :meth:`TimeLimit.cancel` (seconds).
POLL_SECONDS = 0.05


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def sweep_stale_scratch(root: Path | None = None) -> list[Path]:
    """Remove scratch folders whose owning process is gone; the folders removed."""
    root = Path(root or tempfile.gettempdir())
    removed = []
    for folder in root.glob(f"{SCRATCH_PREFIX}*"):
        owner = _OWNER.match(folder.name)
        if owner and int(owner.group(1)) != os.getpid() and not _alive(int(owner.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A fresh temporary folder for the reasoner's input, removed however the block ends."""
    sweep_stale_scratch()
    folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def kill_group(process: subprocess.Popen) -> None:
    """Kill ``process``'s whole process group (it was started in a session of its own) and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the JVM and anything it started
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        pass


def run_bounded(command: Sequence[str], limit: TimeLimit, what: str = "HermiT") -> subprocess.CompletedProcess:
    """Run ``command`` to the end or until ``limit`` ends; its output, as bytes.

    Raises :class:`ReasonerTimeoutError` when the limit is reached, :class:`ReasonerError` when
    it is cancelled (the process group is killed first either way) and OSError when the
    program cannot start.
    """
    if limit.remaining() <= 0:
        raise ReasonerTimeoutError(_timeout_message(what, limit))
    _stop_if_cancelled(None, limit, what)
    process = None
    try:  # (a SIGTERM turned SystemExit may land anywhere from the fork on: the group must not outlive it)
        process = _started(command)
        limit.started.set()
        return wait_bounded(process, limit, what)
    except BaseException:
        if process is not None:
            kill_group(process)
        raise


def _started(command: Sequence[str]) -> subprocess.Popen:
    """``command`` started in a session of its own with piped output; killed with its group when an exception (a
    signal's) interrupts the start after the fork, before a Popen object could be returned."""
    process = subprocess.Popen.__new__(subprocess.Popen)
    try:
        process.__init__(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except BaseException:
        if getattr(process, "pid", None):  # forked already
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        raise
    return process


def wait_bounded(process: subprocess.Popen, limit: TimeLimit, what: str = "HermiT") -> subprocess.CompletedProcess:
    """Wait for ``process`` (started in a session of its own, with piped output) as
    :func:`run_bounded` does: its output, or its process group killed and the same errors."""
    try:
        while True:  # in short waits, to see a cancel; communicate() resumes where it stopped
            try:
                out, err = process.communicate(timeout=max(0.0, min(limit.remaining(), POLL_SECONDS)))
                break
            except subprocess.TimeoutExpired:
                _stop_if_cancelled(process, limit, what)
                if limit.remaining() <= 0:
                    kill_group(process)
                    raise ReasonerTimeoutError(_timeout_message(what, limit)) from None
    except BaseException:
        kill_group(process)
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _stop_if_cancelled(process: subprocess.Popen | None, limit: TimeLimit, what: str) -> None:
    if limit.cancelled():
        if process is not None:
            kill_group(process)
        raise ReasonerError(f"{what} was stopped: the build stopped")


def _timeout_message(what: str, limit: TimeLimit) -> str:
    return (f"{what} did not finish within {limit.seconds:g} s (--reasoner-timeout) and was stopped; "
            "nothing was exported. Raise --reasoner-timeout for a larger corpus.")


# ------------------------------------------------------------- the JVM's options, by input size

#: Inputs of fewer triples than this run on the JIT's quick tier (C1) only; larger ones get the
#: full tiered JIT.  Both use the serial collector.  HermiT's CPU seconds, median of 2-3 runs
#: (OpenJDK 17.0.15, 2 cores shared with other work, load 4-6, 2 December 2026; wall times
#: were noisier and agree):
#:
#: ==============================  ======  ====  =========  =============  =============
#: input (triples)                 tiered  C1    C1+serial  C1+CDS+serial  tiered+serial
#: ==============================  ======  ====  =========  =============  =============
#: shipped summary (2,946)         2.7     1.3   1.3        1.1            2.2
#: 100-doc summary (3,956)         3.6     1.8   1.6        1.7            3.7
#: shipped whole ABox (10,639)     6.8     3.2   3.0        2.7            5.9
#: 10-doc ABox, first 25,000       -       -     2.2        -              4.6
#: 10-doc whole ABox (47,647)      36.1    36.1  29.3       33.6           31.1
#: ==============================  ======  ====  =========  =============  =============
#:
#: The optimising compiler costs more than it saves until HermiT runs for half a minute:
#: the two are even near 50,000 triples, and issue 12 measured the full JIT 26% faster on
#: the 1,000-document summary of the time (44.6 s against 60.1 s).  The serial collector
#: saves CPU at every size on 2 cores.  ``-Xss`` made no difference.  A class-data (AppCDS)
#: archive, made once at set-up (:mod:`hcc_kg.owl.class_archive`), is used when present: on
#: the shipped summary HermiT's wall time went from 1.04 to 0.87 s and its CPU from 0.80 to
#: 0.72 s (median of 7, interleaved, load 3; 2 December 2026).  HermiT's own classes are Java 5
#: class files that CDS cannot archive; the OWL API's and the JDK's are archived.
QUICK_TIER_MAX_TRIPLES = 50_000
_QUICK_TIER = ("-XX:TieredStopAtLevel=1",)
_SERIAL_GC = ("-XX:+UseSerialGC",)


def jvm_tuning(triples: int) -> list[str]:
    """JVM options for a reasoner run on ``triples`` input triples (see :data:`QUICK_TIER_MAX_TRIPLES`).

    >>> jvm_tuning(3_000)
    ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']
    >>> jvm_tuning(500_000)
    ['-XX:+UseSerialGC']
    """
    return [*(_QUICK_TIER if triples < QUICK_TIER_MAX_TRIPLES else ()), *_SERIAL_GC]


# --------------------------------------------------------------- the reasoner's output, cached

#: First line of a cache entry: this tag, a space, and the sha256 of the output that follows.
ENTRY_TAG = b"hcc-kg-reasoner-output-v1"
#: Release-file fields that name a Java runtime's version (read instead of starting a JVM).
_VERSION_FIELDS = ("IMPLEMENTOR=", "JAVA_RUNTIME_VERSION=", "JAVA_VERSION=")


def java_version(java: str, limit: TimeLimit | None = None) -> str:
    """The Java runtime ``java`` resolves to and its version string.

    Read from the runtime's ``release`` file when it has one (no JVM started: the point of
    a cache hit is to start none), else from ``java -version``.  OSError if there is no such
    program.
    """
    found = shutil.which(java)
    if found is None:
        raise OSError(f"no Java program {java!r}")
    real = Path(found).resolve()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        release = (real.parent.parent / "release").read_text(encoding="utf-8")
        fields = [line for line in release.splitlines() if line.startswith(_VERSION_FIELDS)]
        if fields:
            return f"{real} {' '.join(fields)}"
    done = run_bounded([str(real), "-version"], limit or TimeLimit.start(60), "java -version")
    return f"{real} {done.stderr.decode('utf-8', 'replace').strip()}"


def path_identity(path: Path) -> str:
    """A classpath entry's identity: path, size and modification time of the file, or of every
    file under the folder (a new jar or class changes it; reading them whole is not needed)."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    parts = [str(path)]
    for file in files:
        with contextlib.suppress(OSError):
            stat = file.stat()
            parts.append(f"{file.relative_to(path) if file != path else file.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def command_identity(command: Sequence[str], limit: TimeLimit | None = None) -> list[str]:
    """What in a ``java`` command line decides its output: the runtime's version, the classpath's
    files, the main class and its arguments.  The JVM's own options (``-X…``: memory, JIT,
    class-data archive) change its speed, not its result, and are left out.

    >>> command_identity(["/no/such/java", "-Xmx2000M", "Main", "-k"])
    Traceback (most recent call last):
    OSError: no Java program '/no/such/java'
    """
    java, *arguments = command
    parts = [java_version(java, limit)]
    rest = iter(arguments)
    for argument in rest:
        if argument in ("-cp", "-classpath", "--class-path"):
            parts += [path_identity(Path(entry)) for entry in next(rest, "").split(os.pathsep)]
        elif not argument.startswith("-X"):
            parts.append(argument)
    return parts


@dataclass
class ReuseStats:
    """What a build's reasoner cache did: outputs reused, computed (Java ran), entries found corrupt."""

    reused: int = 0
    computed: int = 0
    corrupt: int = 0


@dataclass
class ReasonerCache:
    """The reasoner's output text under ``folder``, keyed by :meth:`key`.

    An entry is ``ENTRY_TAG <sha256 of the output>``, a newline, then the output; it is written
    through a temporary file and a rename, so a reader never sees half of one, and one that
    was truncated or altered later fails its digest and is treated as missing (a warning,
    counted in :attr:`stats`, the reasoner runs again).  A cache that cannot be written only
    costs speed.  The :attr:`keep` most recently used entries are kept.
    """

    folder: Path
    stats: ReuseStats = field(default_factory=ReuseStats)
    #: entries kept: the most recently used (each build of a changed corpus adds one)
    keep: int = 16

    def key(self, command: Sequence[str], payload: bytes, limit: TimeLimit | None = None) -> str:
        """sha256 over :func:`command_identity` of ``command`` (without its input file) and ``payload``."""
        digest = hashlib.sha256()
        for part in command_identity(command, limit):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(payload).digest())
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.out"

    def get(self, key: str) -> str | None:
        """The output stored under ``key``; None when missing or corrupt."""
        path = self.path(key)
        try:
            payload = read_entry(path, ENTRY_TAG)
            output = None if payload is None else payload.decode("utf-8")
        except (CorruptEntry, UnicodeDecodeError) as exc:
            LOG.warning("ignoring reasoner cache entry %s (%s); the reasoner runs again", path, exc)
            self.stats.corrupt += 1
            return None
        if output is not None:
            self.stats.reused += 1
        return output

    def holds_entries(self) -> bool:
        """Whether any output is stored: a build may hit it and start no JVM (so none is started early)."""
        return self.folder.is_dir() and any(self.folder.glob(self.path("*").name))

    def put(self, key: str, output: str) -> None:
        """Store the output of a run (counted as computed)."""
        self.stats.computed += 1
        write_entry(self.path(key), ENTRY_TAG, output.encode("utf-8"), keep=self.keep)

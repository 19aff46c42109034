"""Run the reasoner's Java process with a time limit, in its own process group, and clean up.

HermiT can run for a very long time (or hang); a build must not wait forever, and must not
leave a ``java`` behind when it stops for any reason.  :func:`run_bounded` starts the
command in a new session (its own process group), waits at most until the
:class:`TimeLimit` ends, and kills the whole group (``os.killpg``) on a timeout and on any
exception reaching it, KeyboardInterrupt and the SystemExit that the CLI raises on SIGTERM
included.  :func:`scratch_folder` gives a temporary folder named after this process
(``$TMPDIR/hcc-kg-hermit-<pid>-*``), removes it on every way out, and sweeps folders left
by processes that no longer exist (a ``kill -9`` runs no clean-up).

>>> limit = TimeLimit.start(600)
>>> 599 < limit.remaining() <= 600
True
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import ReasonerTimeoutError

#: Seconds HermiT may take over one build by default (the shipped corpus needs a few).
DEFAULT_REASONER_TIMEOUT = 600.0
SCRATCH_PREFIX = "hcc-kg-hermit-"
_OWNER = re.compile(re.escape(SCRATCH_PREFIX) + r"(\d+)-")


@dataclass(frozen=True)
class TimeLimit:
    """A total time budget: ``seconds`` long, ending at ``ends`` (``time.monotonic`` clock)."""

    seconds: float
    ends: float

    @classmethod
    def start(cls, seconds: float) -> "TimeLimit":
        return cls(seconds, time.monotonic() + seconds)

    def remaining(self) -> float:
        return self.ends - time.monotonic()


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


def _kill_group(process: subprocess.Popen) -> None:
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

    Raises :class:`ReasonerTimeoutError` when the limit is reached (the process group is
    killed first) and OSError when the program cannot start.
    """
    remaining = limit.remaining()
    if remaining <= 0:
        raise ReasonerTimeoutError(_timeout_message(what, limit))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=remaining)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ReasonerTimeoutError(_timeout_message(what, limit)) from None
    except BaseException:
        _kill_group(process)
        raise
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def _timeout_message(what: str, limit: TimeLimit) -> str:
    return (f"{what} did not finish within {limit.seconds:g} s (--reasoner-timeout) and was stopped; "
            "nothing was exported. Raise --reasoner-timeout for a larger corpus.")

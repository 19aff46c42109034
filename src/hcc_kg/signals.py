"""Signals a build stops on, held back (or their handling deferred) while a short step must not be cut in two.

The CLI turns SIGTERM into ``SystemExit(143)`` and SIGINT into ``KeyboardInterrupt``, raised in the
main thread wherever it is.  Some steps must finish once begun: renaming a build's outputs into
place (:mod:`hcc_kg.store.publish`), and starting a thread whose clean-up must then wait for it
(:class:`hcc_kg.owl.reason.Reasoning`: a signal inside ``Thread.start`` leaves the thread running
with nothing knowing to wait for it).  Held, a signal is delivered as soon as the step ends, to the main
thread: a thread started inside the block keeps the signals held for its whole life.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

#: The signals a build stops on.
STOPPING = frozenset({signal.SIGTERM, signal.SIGINT})


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGTERM and SIGINT wait until the block ends (a thread started inside keeps them held: it inherits the
    mask); nothing is held where the platform has no ``pthread_sigmask``.

    >>> with signals_held():
    ...     signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    True
    >>> signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    False
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGTERM and SIGINT whose Python handlers would run inside the block are noted, and raised again once it
    ends, for the handlers in force before it.  Holding them (:func:`signals_held`) is not enough: another thread
    may take a signal from the kernel, and Python then runs its handler in the main thread wherever it is.
    Only the main thread sets handlers; elsewhere the block runs as it is.

    >>> seen = []
    >>> previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(("handled", signum)))
    >>> with signals_deferred():
    ...     signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)  # as if Python ran the handler here
    ...     seen.append("block ends")
    >>> seen == ["block ends", ("handled", signal.SIGTERM)]
    True
    >>> _ = signal.signal(signal.SIGTERM, previous)
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: noted.append(signum)) for signum in STOPPING}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        for signum in dict.fromkeys(noted):
            signal.raise_signal(signum)

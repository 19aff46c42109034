"""Signals a build stops on, held back while a short step must not be cut in two.

The CLI turns SIGTERM into ``SystemExit(143)`` and SIGINT into ``KeyboardInterrupt``, raised in the
main thread wherever it is.  Some steps must finish once begun: renaming a build's outputs into
place (:mod:`hcc_kg.store.publish`), and starting a thread whose clean-up must then wait for it
(:class:`hcc_kg.owl.reason.Reasoning`: a signal inside ``Thread.start`` leaves the thread running
with nothing knowing to wait for it).  Held, a signal is delivered as soon as the step ends, to the main
thread: a thread started inside the block keeps the signals held for its whole life.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

#: The signals a build stops on.
STOPPING = frozenset({signal.SIGTERM, signal.SIGINT})


@contextmanager
def signals_held() -> Iterator[set[signal.Signals] | None]:
    """SIGTERM and SIGINT wait until the block ends (a thread started inside keeps them held: it inherits the
    mask); yields the mask before, or None where nothing can be held (no ``pthread_sigmask``).

    >>> with signals_held() as before:
    ...     signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    True
    >>> signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set()) or bool(before and signal.SIGTERM in before)
    False
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield None
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield old
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


"""Signals a build stops on, held back while a short step must not be cut in two.

The CLI turns SIGTERM into ``SystemExit(143)`` and SIGINT into ``KeyboardInterrupt``, raised in the
main thread wherever it is.  Some steps must finish once begun: renaming a build's outputs into
place (:mod:`hcc_kg.store.publish`), and starting a thread whose clean-up must then wait for it
(:class:`hcc_kg.owl.reason.Reasoning`: a signal inside ``Thread.start`` leaves the thread running
with nothing knowing to wait for it).  Held, a signal is delivered as soon as the step ends.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Iterator

#: The signals a build stops on.
STOPPING = frozenset({signal.SIGTERM, signal.SIGINT})


@contextmanager
def signals_held() -> Iterator[set[signal.Signals] | None]:
    """SIGTERM and SIGINT wait until the block ends; yields the mask to restore in a thread started inside
    the block (it inherits the held one), or None where nothing can be held (no ``pthread_sigmask``).

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


def restore_mask(mask: set[signal.Signals] | None) -> None:
    """In a thread started while signals were held: the mask its starter had before."""
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)

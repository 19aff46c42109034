"""Where the command line's messages go: stderr, through :mod:`logging`, at a chosen verbosity.

Library modules log to ``logging.getLogger(__name__)`` and never configure handlers (the
package installs a ``NullHandler``), so nothing is printed when hcc-kg is used as a
library.  The CLI wraps each command in :func:`logging_to_stderr`: ``--quiet`` shows warnings only, the default
shows each stage as it starts and ends, ``--verbose`` adds every document.

>>> level_for(-1), level_for(0), level_for(1)
(30, 20, 10)
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Iterator, TextIO

from ..progress import Progress

#: verbosity (-1 quiet, 0 default, 1 verbose) → logging level
LEVELS = {-1: logging.WARNING, 0: logging.INFO, 1: logging.DEBUG}
#: Progress lines without a terminal: one per this fraction of the documents (and every one with -v).
STEP = 0.1

log = logging.getLogger("hcc_kg.cli")


def level_for(verbosity: int) -> int:
    """The logging level for a verbosity count (``-q`` negative, ``-v`` positive), clamped to WARNING..DEBUG.

    >>> import logging
    >>> level_for(-3) == logging.WARNING, level_for(5) == logging.DEBUG
    (True, True)
    """
    return LEVELS[max(-1, min(1, verbosity))]


@contextlib.contextmanager
def logging_to_stderr(verbosity: int, stream: TextIO | None = None) -> Iterator[logging.Handler]:
    """Send the package's log records to ``stream`` (stderr) at the level for ``verbosity``, for
    the duration of one command; afterwards the package is silent again, as a library."""
    package = logging.getLogger("hcc_kg")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("hcc-kg: %(message)s"))
    saved = package.level, package.propagate
    package.addHandler(handler)
    package.setLevel(level_for(verbosity))
    package.propagate = False
    try:
        yield handler
    finally:
        package.removeHandler(handler)
        package.setLevel(saved[0])
        package.propagate = saved[1]


def document_progress(verbosity: int, stream: TextIO | None = None) -> Progress | None:
    """A progress callback: a tqdm bar on a terminal, otherwise log lines (every 10%, or every
    document with ``--verbose``); None with ``--quiet``."""
    if verbosity < 0:
        return None
    stream = stream or sys.stderr
    if stream.isatty():
        return _bar(stream)
    return _lines()


def _lines() -> Progress:
    def progress(stage: str, done: int, total: int) -> None:
        step = max(1, round(total * STEP))
        level = logging.INFO if done == total or done % step == 0 else logging.DEBUG
        log.log(level, "%s: %d/%d documents", stage, done, total)

    return progress


def _bar(stream: TextIO) -> Progress:
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="doc", file=stream, leave=True)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return progress

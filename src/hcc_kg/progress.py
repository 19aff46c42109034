"""Progress reports from a long run, without any output of their own.

A *progress callback* takes ``(stage, done, total)`` and is called after each item of a
stage (each document of ``extract``) is finished; the library calls it and never prints.
The command line turns the calls into a progress bar or log lines (:mod:`hcc_kg.cli.logs`);
:class:`hcc_kg.pipeline.Settings` carries it as ``progress``.
"""

from __future__ import annotations

from typing import Callable

#: ``(stage, done, total)``: called after each item of a stage is finished.
Progress = Callable[[str, int, int], None]

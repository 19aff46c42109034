"""One exception tree for the whole library; the CLI maps it to exit codes.

>>> issubclass(InconsistentGraphError, ReasonerError)
True
>>> exit_code_for(CorpusNotFoundError("x"))
3
"""

from __future__ import annotations


class HccKgError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class ConfigError(HccKgError):
    """Bad settings: an unknown option value, a missing ontology or vocabulary file."""

    exit_code = 2


class CorpusError(HccKgError):
    """The corpus as a whole cannot be read."""

    exit_code = 3


class CorpusNotFoundError(CorpusError):
    """The corpus folder does not exist or is not a folder."""


class EmptyCorpusError(CorpusError):
    """The corpus folder holds no readable document."""


class DocumentError(HccKgError):
    """One document cannot be read; collected in the build report, never fatal alone."""

    exit_code = 4


class VocabularyError(HccKgError):
    """The vocabulary data file is malformed (duplicate keys, unknown members, bad CURIEs)."""

    exit_code = 5


class ReasonerError(HccKgError):
    """The OWL reasoner could not run (no Java, a crash)."""

    exit_code = 6


class InconsistentGraphError(ReasonerError):
    """The reasoner found the populated graph inconsistent.

    ``culprits`` lists human-readable explanations, each naming the individuals and
    classes involved and the evidence spans of the facts that typed them.
    """

    exit_code = 7

    def __init__(self, message: str, culprits: list[str] | None = None):
        self.culprits = list(culprits or [])
        detail = "\n".join(f"  - {c}" for c in self.culprits)
        super().__init__(message + ("\n" + detail if detail else ""))


class ExportError(HccKgError):
    """An export could not be written (unknown format, I/O failure)."""

    exit_code = 8


class ShapeViolationError(HccKgError):
    """The built graph breaks closed-world shape checks (SHACL); exports were still written."""

    exit_code = 10


class QueryError(HccKgError):
    """A query names an unknown entity or is malformed."""

    exit_code = 9


class BadParameterError(QueryError):
    """A command-line option or query parameter is out of range (not finite, not positive, too long)."""


class GraphError(QueryError):
    """The ``--graph`` file is missing, unreadable or not valid Turtle (every command that reads one)."""


#: Exit code when stdout is a pipe whose reader went away (``hcc-kg … | head``): 128 + SIGPIPE.
BROKEN_PIPE_EXIT = 141


def exit_code_for(error: BaseException) -> int:
    """The process exit code for ``error`` (1 for anything outside the tree)."""
    return getattr(error, "exit_code", 1) if isinstance(error, HccKgError) else 1

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


class ReasonerTimeoutError(ReasonerError):
    """The reasoner did not finish within ``--reasoner-timeout`` seconds (its processes were killed)."""


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


class OntologyQualityError(HccKgError):
    """The quality report (hcc_kg.store.quality, like ROBOT ``report``) found ERROR-level problems.

    ``findings`` holds them; the report files were written before this was raised, outside the
    output folder (the message names them).
    """

    exit_code = 11

    def __init__(self, message: str, findings: list | None = None):
        self.findings = list(findings or [])
        super().__init__(message)


class QueryError(HccKgError):
    """A query names an unknown entity or is malformed."""

    exit_code = 9


class BadParameterError(QueryError):
    """A command-line option or query parameter is out of range (not finite, not positive, too long)."""


class AuthenticationError(QueryError):
    """A remote store refused the credentials (HTTP 401/403, or an upload dropped for them)."""


class GraphError(QueryError):
    """The ``--graph`` file is missing, unreadable or not valid Turtle, or the folder is no built
    store (every command that reads one)."""


#: Exit code when stdout is a pipe whose reader went away (``hcc-kg … | head``): 128 + SIGPIPE.
BROKEN_PIPE_EXIT = 141


def exit_code_for(error: BaseException) -> int:
    """The process exit code for ``error`` (1 for anything outside the tree)."""
    return getattr(error, "exit_code", 1) if isinstance(error, HccKgError) else 1


#: Exit code when ``build`` is stopped by SIGTERM (128 + 15); clean-up runs first.
TERMINATED_EXIT = 143

#: Every exit code of every command and what it means: the README's table is generated from
#: this (:func:`exit_code_table`; tests/test_errors.py checks the two agree and that every
#: ``exit_code`` in the tree is listed).
EXIT_CODES: dict[int, str] = {
    0: "success (`build`: built)",
    1: "an unexpected error: a bug (please report it, with the traceback)",
    2: "bad settings (ontology file unreadable, or it has `owl:imports`: a build never fetches a URL); a "
       "command-line usage error (unknown option, missing argument)",
    3: "corpus folder missing, or no readable document in it",
    4: "built and exported, but some documents were skipped (each named on stderr and in `build_report.json`)",
    5: "vocabulary file malformed (YAML anchors and aliases are refused: nested aliases expand exponentially)",
    6: "the reasoner could not run (no Java?), or did not finish within `--reasoner-timeout` seconds (default "
       "600; its java process group is killed and nothing is exported)",
    7: "the graph is inconsistent (culprits on stderr; nothing exported)",
    8: "an export could not be written (the previous exports stay whole)",
    9: "bad query, parameter or endpoint (`agents`, `paths`, `trials`, `chain`, `sparql`, `load`, `view`); an "
       "out-of-range option, checked before anything runs (`--hr-below`, `--timeout` and `--reasoner-timeout` "
       "must be finite and > 0, `--limit` 1 to 10000, `--max-length` 1 to 8, `--jobs` 1 to 1024, `--max-readings` at least 1, `--formats` names from `turtle`, `ntriples`, `json-ld`, or `none`); an `--endpoint` that is not an "
       "http(s) URL with a host and a numeric port, free of spaces and control characters; a numeric query "
       "parameter no store holds exactly (integers beyond 64 bits, decimals with more than 18 digits after the "
       "point or 19 before it: round them); the `--graph` file missing, unreadable or not valid Turtle (same "
       "code for every command that reads one); `serve --store` or a `--graph` (`agents`, `paths`, `trials`, "
       "`chain`, `sparql`, `view`, `show`, `plot`) naming a folder that is no built store; `diff` given a folder with no build or a malformed `assertions.jsonl`; a remote store that refuses the credentials (HTTP 401/403), "
       "sends malformed SPARQL JSON, more than `--max-reply-bytes`, or takes longer than `--timeout` in total; "
       "a `paths` search over its budget (ask for a smaller `--max-length`)",
    10: "built and exported, but the graph breaks a shape check (each violation, with its node and evidence "
        "span, on stderr and in `validation.json`)",
    11: "the ontology quality report has ERROR rows (missing or duplicate label, deprecated term used…): the "
        "first rows on stderr, every row in `quality_report.tsv` in a new temporary folder whose path stderr "
        "gives; the output folder is left exactly as it was",
    BROKEN_PIPE_EXIT: "stdout was closed early (`hcc-kg … \\| head`): output stops quietly, no traceback, as a "
                      "SIGPIPE would",
    TERMINATED_EXIT: "`build` stopped by SIGTERM: its staging folder, the reasoner's scratch folder and java "
                     "process are removed first, and the previous exports stay whole",
}


def exit_code_table() -> str:
    """The README's exit-code table (Markdown), from :data:`EXIT_CODES`."""
    rows = [f"| {code} | {meaning} |" for code, meaning in sorted(EXIT_CODES.items())]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"

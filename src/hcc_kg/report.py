"""Collect problems instead of stopping at the first one (KGX's validator style).

>>> r = Report()
>>> r.add("warning", "empty-document", "no text", doc="a.txt")
>>> r.add("error", "decode", "not UTF-8", doc="b.txt", offset=7)
>>> [p.code for p in r.errors()]
['decode']
>>> print(r.problems[1])
ERROR decode b.txt@7: not UTF-8
>>> print(Problem("error", "x", "m", doc="a\\nERROR forged"))  # one line, whatever the name holds
ERROR x a\\nERROR forged: m
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .safe_text import printable

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Problem:
    """One problem found while building: severity, a stable code, a message, and where (document, offset)."""

    severity: str
    code: str
    message: str
    doc: str | None = None
    offset: int | None = None

    def __str__(self) -> str:
        """One printable line: names and messages are escaped (:func:`~hcc_kg.safe_text.printable`)."""
        where = ""
        if self.doc:
            where = f" {printable(self.doc)}" + (f"@{self.offset}" if self.offset is not None else "")
        return f"{self.severity.upper()} {self.code}{where}: {printable(self.message)}"

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Report:
    """The problems a build collects instead of stopping at the first (KGX's validator is the model)."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: str, code: str, message: str, doc: str | None = None,
            offset: int | None = None) -> None:
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        self.problems.append(Problem(severity, code, message, doc, offset))

    def extend(self, other: "Report") -> None:
        self.problems.extend(other.problems)

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

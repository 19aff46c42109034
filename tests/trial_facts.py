"""What the whole reader makes of an invented text, seen as trial facts: the literature-round tests' shared views."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract import extract_document
from hcc_kg.model import Assertion, Document


def read(text: str, vocabulary, finder) -> list[Assertion]:
    """Every assertion the extractors read from one invented paragraph under a heading."""
    return extract_document(Document.from_text("d1", f"Invented notes\n\n{text}\n"), vocabulary, finder)


def arm_of(facts: list[Assertion]) -> dict[str, str]:
    """Each arm's agent: arm key -> agent key."""
    return {a.subject: a.object for a in facts if a.predicate == "armIntervention"}


def arms(facts: list[Assertion]) -> set[tuple[str, str]]:
    """(trial, arm) pairs."""
    return {(a.subject, a.object) for a in facts if a.predicate == "hasArm"}


def sizes(facts: list[Assertion]) -> set[tuple[str, int]]:
    """(arm's agent, patients) pairs."""
    agent = arm_of(facts)
    return {(agent[a.subject], int(a.object)) for a in facts if a.predicate == "armSize"}


def arm_agents(facts: list[Assertion]) -> set[str]:
    """The agents of the arms the trials have."""
    agent = arm_of(facts)
    return {agent[a.object] for a in facts if a.predicate == "hasArm"}


def values(facts: list[Assertion]) -> set[tuple[str, str, Decimal]]:
    """(arm's agent, outcome, value) triples."""
    agent = arm_of(facts)
    return {(agent[a.subject], a.object, a.attribute_values("value")[0]) for a in facts if a.predicate == "hasMeasurement"}


ACTIONS = ("inhibits", "isAntibodyAgainst", "activates")


def action_pairs(text: str, vocabulary, finder) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(asserted, withheld) drug -> target pairs of one invented paragraph under a heading."""
    actions = [a for a in read(text, vocabulary, finder) if a.predicate in ACTIONS]
    return ({(a.subject, a.object) for a in actions if a.is_fact},
            {(a.subject, a.object) for a in actions if not a.is_fact})


def approved_lines(facts: list[Assertion]) -> dict[str, str | None]:
    """Agent -> line of therapy of each approval asserted (None: no line read)."""
    return {a.subject: dict(a.context).get("line") for a in facts if a.predicate == "approvedFor" and a.is_fact}

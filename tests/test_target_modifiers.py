"""Tests for targets named as the seat of an effect (hcc_kg.extract.target_modifiers).

Invented sentences and invented drugs (the vocabulary of tests/test_mechanisms.py).
"""

from __future__ import annotations

import pytest
from test_mechanisms import facts


@pytest.mark.parametrize("body", [
    "Foonib is a weak inhibitor of RET (Ser696) phosphorylation in pretend cells.",
    "In a toy assay foonib blocked KIT(Tyr703/Tyr721) phosphorylation.",
    "Foonib inhibited FGFR1 Tyr653 phosphorylation in invented xenografts.",
])
def test_a_residue_before_the_effect_keeps_the_target_a_modifier(body):
    assert facts(body) == set()


def test_a_bracketed_name_that_is_no_residue_leaves_the_target_read():
    assert facts("Foonib is an inhibitor of RET (a receptor kinase) in pretend cells.") == {("foonib", "ret")}

"""The collector controls (hcc_kg/gc_control.py): what is frozen, and when it thaws."""

from __future__ import annotations

import gc

import pytest

from hcc_kg.gc_control import freeze_survivors, frozen_heap


def test_survivors_frozen_inside_a_block_thaw_with_it():
    with frozen_heap():
        survivors = [[] for _ in range(500)]
        before = gc.get_freeze_count()
        freeze_survivors()
        assert gc.get_freeze_count() >= before + len(survivors)
    assert gc.get_freeze_count() == 0


def test_freezing_survivors_outside_a_block_is_refused():
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError, match="frozen_heap"):
        freeze_survivors()

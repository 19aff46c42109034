"""Engineered T cells named by their target act on it: "CAR-GPC3 T cells", "GPC3-specific CAR-T cells".

Early reports name such cells by their receptor and the antigen it binds, with no product name; :mod:`.novel`
recognises each as one product per receptor and target (``car_gpc3_t_cells``), whichever way the text writes it.
The name says what the cells act on, so every mention of them states it: the evidence is the name, read as a noun
phrase (a "not" in its clause negates what the cells did, not what they bind).

>>> CELL_PRODUCT_KEY_RE.fullmatch("car_gpc3_t_cells")["target"], CELL_PRODUCT_KEY_RE.fullmatch("zorbaleucel") is None
('gpc3', True)
"""

from __future__ import annotations

from typing import Iterable

from ..model import Assertion, Mention
from ..vocab import Vocabulary
from .analysis import AnalysedDocument
from .mechanisms import reading_assertion
from .name_cues import CELL_PRODUCT_KEY_RE
from .registry import EXTRACTORS
from .shape_reading import Reading
from .targets import Unit

SHAPE = "cells-named-by-target"


def named_target(vocabulary: Vocabulary, key: str) -> str | None:
    """The target a cell product recognised by its name binds (its key), if the product is one."""
    m = CELL_PRODUCT_KEY_RE.fullmatch(key)
    if m is None or not vocabulary[key].has_type("CellTherapy") or m["target"] not in vocabulary:
        return None
    return m["target"]


@EXTRACTORS.register("cell-product-mechanism")
def cell_product_statements(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Cells named by receptor and target act on the target, at each mention of their name."""
    targets: dict[str, str | None] = {}
    for sent in doc.sentences:
        for mention in sent.mentions:
            if mention.key not in targets:
                targets[mention.key] = named_target(doc.vocabulary, mention.key) if mention.key in doc.vocabulary else None
            target = targets[mention.key]
            if target is None:
                continue
            start, end = sent.local(mention)
            drug = Unit("drug", (mention.key,), start, end, mention)
            named = Unit("object", (target,), start, end, Mention(mention.start, mention.end, target, mention.surface))
            yield reading_assertion(doc, sent, Reading(drug, named, target, SHAPE, start, end))

"""A ligand and its receptor written as one signalling pair: "FGF19-FGFR4 signalling", "the VEGF-C/VEGFR3 axis".

A small molecule said to inhibit such a pair acts on the receptor kinase, not on the growth factor (which
:func:`.target_lists.small_molecule_on_ligand` already refuses); an antibody might bind either, so for other drugs the
pair keeps its usual reading (a slash pair names the axis, a hyphen pair its first name). A reading the shapes
make on the ligand is moved to the receptor (:func:`on_receptor`), and the filters that read a pair as an axis
keep it (:func:`kept_receptor`). The pair is recognised by
the vocabulary's types (a ``GrowthFactor`` joined by a hyphen, dash or slash to a ``Kinase``) and the word after
it ("signalling", "pathway", "axis", "cascade"), not by names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .analysis import AnalysedDocument
from .shape_reading import Reading
from .targets import Unit

# What joins the ligand to its receptor, and the word that makes the pair a signalling pair.
PAIR_GLUE = re.compile(r"\s*[-–—/]\s*")
SIGNALLING_WORD = re.compile(r"^[\s)-]*(?:signal(?:l)?ing|pathways?|axis|axes|cascades?)\b", re.IGNORECASE)


def _pair(doc: AnalysedDocument, text: str, first: Unit, second: Unit) -> Unit | None:
    """The receptor when ``first`` and ``second`` are a ligand and its receptor kinase written as one pair."""
    if first.kind != "object" or second.kind != "object" or first.pathway or second.pathway:
        return None
    if not PAIR_GLUE.fullmatch(text[first.end:second.start]) or not SIGNALLING_WORD.match(text[second.end:]):
        return None
    for ligand, receptor in ((first, second), (second, first)):
        if ligand.has_type(doc.vocabulary, "GrowthFactor") and receptor.has_type(doc.vocabulary, "Kinase") \
                and not receptor.has_type(doc.vocabulary, "GrowthFactor"):
            return receptor
    return None


def pairs(doc: AnalysedDocument, text: str, found: list[Unit]) -> dict[Unit, Unit]:
    """{ligand: receptor} for every ligand-receptor signalling pair among a sentence's units.

    >>> PAIR_GLUE.fullmatch("–") is not None, SIGNALLING_WORD.match(" axis in HCC") is not None
    (True, True)
    """
    out: dict[Unit, Unit] = {}
    for first, second in zip(found, found[1:]):
        receptor = _pair(doc, text, first, second)
        if receptor is not None:
            out[second if receptor is first else first] = receptor
    return out


def on_receptor(doc: AnalysedDocument, reading: Reading, ligands: dict[Unit, Unit]) -> Reading:
    """A small molecule's reading on a pair's ligand, moved to the pair's receptor; any other reading as it is."""
    receptor = ligands.get(reading.target)
    if receptor is None or not _small_molecule(doc, reading):
        return reading
    return replace(reading, target=receptor, key=receptor.keys[0])


def kept_receptor(doc: AnalysedDocument, reading: Reading, ligands: dict[Unit, Unit]) -> bool:
    """Whether the reading is a small molecule's on a pair's receptor: the pair names what it acts on, not an axis."""
    return reading.target in ligands.values() and _small_molecule(doc, reading)


def _small_molecule(doc: AnalysedDocument, reading: Reading) -> bool:
    return doc.vocabulary[reading.drug.keys[0]].has_type("SmallMolecule")

"""Stage 2: documents → assertions with evidence.

Extractors register themselves in :data:`EXTRACTORS`; :func:`extract` runs every one on
every document.  A document whose extraction fails is reported and skipped, the others
still build.
"""

from __future__ import annotations

from typing import Iterable

from ..model import Assertion, Document
from ..report import Report
from ..vocab import Vocabulary
from . import abbreviations, abstracts, approvals, clipped_names, comparisons, markdown_trials, mechanisms, mentioned, novel, ongoing, record_fields, results, sentences, tables, trials  # noqa: F401  (modules register their extractors)
from . import approved_indications, category_anaphora, cell_product_targets, epithets, named_afterwards, regimen_epithets  # noqa: F401  (register their extractors)
from . import (arm_column_tables, arm_row_tables, cell_column_tables, flat_tables, potency_tables, table_glosses, table_line_trials,  # noqa: F401  (register
               target_tables, trial_rows)  # their extractors)
from .analysis import AnalysedDocument, LayeredFinder
from .approval_basis import basis_arms
from .back_matter import without_reference_list
from .wrapped_rows import with_rows_unwrapped
from . import named_regimens, shadowed_forms
from .mentions import MentionFinder
from .regimen_abbreviations import definitions as regimen_short_forms, dosed_uses
from .registry import EXTRACTORS


def extract_document(document: Document, vocabulary: Vocabulary, finder: MentionFinder,
                     names: Iterable[str] | None = None) -> list[Assertion]:
    """Every assertion the named extractors (all by default) read from one document.

    Drug names the vocabulary lacks are recognised first (:mod:`.novel`), then the
    abbreviations the document defines (:mod:`.abbreviations`, and for regimens
    :mod:`.regimen_abbreviations`); the extractors read the document with its vocabulary
    extended by these, and each regimen short form read as the combination it names, as is each named
    regimen the vocabulary knows and the document does not define (:mod:`.named_regimens`). A
    paper's reference list is not read (:mod:`.back_matter`).
    """
    # (.back_matter; .wrapped_rows: a table row a page wrapped over lines read as one line, offsets kept)
    analysed = AnalysedDocument(with_rows_unwrapped(without_reference_list(document)), vocabulary, finder)
    found = novel.recognise(analysed)
    if found:
        added = Vocabulary([item.entity(vocabulary) for item in found], source=f"recognised in {document.name}")
        analysed = analysed.reread(vocabulary.extended(added), LayeredFinder(finder, MentionFinder(added)))
    out: list[Assertion] = list(novel.assertions(found, analysed))
    analysed = shadowed_forms.reread(analysed)  # "multi-targeted agents (MTAs)": no lexicon entity called MTA here
    defined = abbreviations.definitions(analysed)
    if defined:
        analysed = abbreviations.reread(analysed, defined)
        out.extend(abbreviations.assertions(defined, analysed))
    regimens = regimen_short_forms(analysed)
    # "NIVO + IPI": names cut short with no definition (not the parts of a regimen's own short form, "(Atezo/Bev)")
    clipped = clipped_names.definitions(analysed, defined, [d.short for d in regimens])
    if clipped:
        analysed = abbreviations.reread(analysed, clipped)
        out.extend(abbreviations.assertions(clipped, analysed, clipped_names.EXTRACTOR))
    spelled = tuple(e for d in regimens if (e := d.spelled_reading(analysed.document.text)) is not None)
    expansions = tuple(d.expansion() for d in regimens) + spelled \
        + named_regimens.expansions(analysed, {d.short for d in regimens}) + dosed_uses(analysed, defined) \
        + tuple(e for d in regimens for e in named_regimens.hyphened(analysed, d.short, d.expansion().parts, since=d.end))
    if expansions:
        analysed = analysed.expanded(expansions)
    for name in names or EXTRACTORS.names():
        out.extend(EXTRACTORS.read(name, analysed))
    return out + basis_arms(out)  # an approval's supporting trial with no arm read: the approved agent's


def extract(documents: Iterable[Document], vocabulary: Vocabulary, report: Report,
            names: Iterable[str] | None = None) -> list[Assertion]:
    """Every document's assertions, in corpus order; a document that fails or yields nothing is reported, the rest go on."""
    finder = MentionFinder(vocabulary)
    out: list[Assertion] = []
    for document in documents:
        try:
            found = extract_document(document, vocabulary, finder, names)
        except Exception as exc:  # one bad document must not sink the build
            report.add("error", "extraction-failed", f"{type(exc).__name__}: {exc}", doc=document.name)
            continue
        if not found:
            report.add("warning", "no-facts", "no vocabulary entity or relation found", doc=document.name)
        out.extend(found)
    return out

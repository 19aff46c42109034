"""Stage 2, run: extraction over a corpus on every core, from a cache, or on a Dask cluster.

:func:`extract_corpus` is what the pipeline calls instead of looping over the documents
itself.  It (1) takes every document it can from the extraction cache (:mod:`.cache`), (2)
hands the rest to an executor (:data:`EXECUTORS`: ``local`` runs them in this process or
in a pool of worker processes, :mod:`.local`; ``dask`` runs them as Dask tasks,
:mod:`.dask_executor`), (3) stores what was extracted, and (4) returns the assertions and
adds the problems in the corpus's order: the same list, in the same order, as the serial
:func:`hcc_kg.extract.extract`, so the exports are byte-identical whatever ran them.

What state crosses documents?  Checked for this module, none that changes a result:

* document-defined names (:mod:`hcc_kg.extract.novel`: drug names the vocabulary lacks)
  and abbreviations (:mod:`hcc_kg.extract.abbreviations`) extend a *per-document* copy of
  the vocabulary and finder (``extract_document``); another document never sees them.
  Extending the vocabulary across documents happens after assembly (:mod:`hcc_kg.assemble.naming`);
* the shared :class:`~hcc_kg.extract.mentions.MentionFinder` memoises compiled patterns
  and the mentions of short strings: a pure cache of a function of its input, the same
  answer whichever document filled it;
* module-level ``lru_cache`` s hold packaged data read once (the lexicon's stoplist, the
  jurisdictions): the same in every process;
* the report: extraction reports problems per document (``extraction-failed``,
  ``no-facts``, ``readings-capped``); they are carried with the document's result and added
  in corpus order.

Only assembly (:func:`hcc_kg.assemble.merge.assemble`) merges across documents, after this stage.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from ..errors import ConfigError
from ..model import Assertion, Document
from ..progress import Progress
from ..report import Report
from ..vocab import Vocabulary
from .cache import CacheStats, ExtractionCache, remembered_extractor_version, vocabulary_digest
from .outputs import DEFAULT_MAX_READINGS, DocumentExtraction
from .plan import ExecutionPlan

#: Extracts the documents it is given and yields their extractions in the same order.
Executor = Callable[[Sequence[Document], Vocabulary, ExecutionPlan], Iterable[DocumentExtraction]]

#: Executors by name, as ``module:function``: a module is imported only when its executor
#: runs, so the core never imports Dask.
EXECUTORS: dict[str, str] = {
    "local": "hcc_kg.execute.local:run_local",
    "dask": "hcc_kg.execute.dask_executor:run_dask",
}


def executor(name: str) -> Executor:
    """The executor registered as ``name``; a ConfigError naming the known ones otherwise."""
    if name not in EXECUTORS:
        raise ConfigError(f"unknown executor {name!r}; known: {', '.join(sorted(EXECUTORS))}")
    module, _, function = EXECUTORS[name].partition(":")
    try:
        return getattr(importlib.import_module(module), function)
    except ImportError as exc:
        raise ConfigError(f"the {name} executor needs {exc.name}: pip install 'hcc-kg[{name}]'") from exc


@dataclass
class CorpusExtraction:
    """The assertions of a whole corpus in document order, and what the cache saved."""

    assertions: list[Assertion]
    stats: CacheStats = field(default_factory=CacheStats)

    def __len__(self) -> int:
        return len(self.assertions)


def open_cache(plan: ExecutionPlan, vocabulary: Vocabulary) -> ExtractionCache | None:
    """The extraction cache a plan asks for, keyed by extractor version and vocabulary digest; None with ``--no-cache``."""
    if plan.cache_dir is None:
        return None
    version = plan.extractor_version or remembered_extractor_version(plan.cache_dir / "extractor_version.json")
    return ExtractionCache(plan.cache_dir, version, vocabulary_digest(vocabulary), max_readings=plan.max_readings)


def extract_corpus(documents: Sequence[Document], vocabulary: Vocabulary, report: Report,
                   plan: ExecutionPlan = ExecutionPlan(), progress: Progress | None = None) -> CorpusExtraction:
    """Every document's assertions, from the cache or the plan's executor, in corpus order;
    ``progress("extract", done, total)`` after each document."""
    run = executor(plan.executor)  # an unknown name fails even when the cache holds everything
    cache = open_cache(plan, vocabulary)
    stats = cache.stats if cache else CacheStats()
    cached = [cache.get(d) if cache else None for d in documents]
    missing = [d for d, found in zip(documents, cached) if found is None]
    stats.extracted = len(missing)
    stream = iter(run(missing, vocabulary, plan) if missing else ())
    assertions: list[Assertion] = []
    try:
        for done, (document, found) in enumerate(zip(documents, cached), 1):
            if found is None:
                found = _next_of(stream, document, plan.executor)
                if cache:
                    cache.put(found, document)
            assertions.extend(found.assertions)
            found.add_problems_to(report)
            if progress is not None:
                progress("extract", done, len(documents))
    finally:
        getattr(stream, "close", lambda: None)()  # a worker pool or cluster shuts down here
    return CorpusExtraction(assertions, stats)


def _next_of(stream: Iterator[DocumentExtraction], document: Document, name: str) -> DocumentExtraction:
    found = next(stream, None)
    if found is None or not found.is_of(document):  # an executor must keep the documents' order
        raise RuntimeError(f"the {name} executor returned {found and found.name} for {document.name}")
    return found

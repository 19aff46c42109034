"""CLI: ``hcc-kg build``, the graph from a corpus folder into an output folder, and what it reused and changed."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .arg_types import export_formats, finite_positive_float, positive_int
from ..errors import ConfigError, DocumentError, GraphError, ShapeViolationError

DEFAULT_CORPUS = "../shared/corpus"
CORPUS_ENV = "HCC_KG_CORPUS"


def _corpus_default() -> str:
    return os.environ.get(CORPUS_ENV, DEFAULT_CORPUS)


def cmd_build(args: argparse.Namespace) -> int:
    """`hcc-kg build`: build the graph from ``--corpus`` into ``--out``; print the problems, then the counts (or JSON)."""
    from .logs import document_progress
    from ..pipeline import Settings, build
    from ..store.publish import sigterm_exits

    settings = Settings(corpus=Path(args.corpus), out=Path(args.out), ontology=args.ontology,
                        vocabulary=args.vocabulary, extra_vocabulary=tuple(Path(p) for p in args.extra_vocabulary),
                        lexicon=not args.no_lexicon, progress=document_progress(args.verbosity),
                        reasoner_timeout=args.reasoner_timeout, views=not args.no_views, kgx=not args.no_kgx,
                        **_execution_settings(args),
                        **({} if args.formats is None else {"formats": args.formats}))
    from ..query.changes import previous_build

    with previous_build(settings.out) as before, sigterm_exits():  # SIGTERM unwinds: staging, scratch, java
        result = build(settings)
        since = _changes_since(before, settings.out)
    for problem in result.report.problems:
        print(problem, file=sys.stderr)
    if args.json:
        print(json.dumps({"counts": result.counts, "timings": result.timings, "changes": since,
                          "outputs": [str(p) for p in result.outputs]}, indent=1))
    else:
        print(f"built {len(result.assertions)} assertions from {len(result.documents)} documents "
              f"({result.counts.get('triples', 0)} triples); HermiT: consistent")
        for name, n in result.counts.items():
            print(f"  {name:28s} {n}")
        print("wrote " + ", ".join(str(p) for p in result.outputs))
        print(_reuse_line(result.timings, settings.cache_dir))
        print(_reasoner_line(result.timings, settings.cache_dir))
        if since is not None:
            print("since the previous build here: " + ", ".join(f"{n} {kind}" for kind, n in since.items())
                  + " (facts; `hcc-kg diff` lists them)")
    if result.validation is not None and not result.validation.conforms:
        raise ShapeViolationError(f"{len(result.validation.violations)} shape violation(s); see validation.json")
    if result.report.errors():
        raise DocumentError(f"{len(result.report.errors())} document problem(s); the others were built")
    return 0


def _changes_since(before: Path | None, out: Path) -> dict[str, int] | None:
    """Facts per kind of change from the copy ``before`` to the build in ``out`` (None: no
    previous build to compare, or one that is not readable as such)."""
    from ..query.changes import compare_builds

    try:
        return compare_builds(before, out).counts() if before is not None else None
    except GraphError:
        return None


def _execution_settings(args: argparse.Namespace) -> dict:
    """``--jobs/--executor/--scheduler/--cache-dir/--no-cache/--max-readings`` as Settings fields, checked before
    the build, with set-up's vocabulary index."""
    from ..execute import DEFAULT_MAX_READINGS, executor
    from ..execute import vocabulary_cache
    from ..execute.cache import default_cache_dir

    executor(args.executor)  # an unknown executor, or Dask not installed: exit 2 now, not after reading
    if args.scheduler and args.executor != "dask":
        raise ConfigError("--scheduler needs --executor dask")
    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir(Path(args.out)))
    return {"jobs": args.jobs, "executor": args.executor, "scheduler": args.scheduler, "cache_dir": cache_dir,
            "vocabulary_index": vocabulary_cache.INDEX_FOLDER,  # set-up's, read only; not a cache: kept under --no-cache
            "max_readings": args.max_readings or DEFAULT_MAX_READINGS}


def _reuse_line(timings: dict, cache_dir: Path | None) -> str:
    """What the extraction cache saved, e.g. ``extraction: 1 document from the cache, 1 extracted``."""
    reused, extracted = int(timings.get("extract.reused", 0)), int(timings.get("extract.extracted", 0))
    if cache_dir is None:
        return f"extraction: {extracted} extracted (no cache)"
    corrupt = int(timings.get("extract.corrupt", 0))
    note = f", {corrupt} unreadable cache entries ignored" if corrupt else ""
    return (f"extraction: {reused} document{'s' * (reused != 1)} from the cache, {extracted} extracted{note} "
            f"(cache {cache_dir})")


def _reasoner_line(timings: dict, cache_dir: Path | None) -> str:
    """What the vocabulary and reasoner caches saved, e.g. ``vocabulary: from the cache; reasoner:
    HermiT's result reused from the cache (Java not started)``."""
    vocabulary = ("from the set-up index" if timings.get("vocabulary.indexed") else "merged" if cache_dir is None
                  else "from the cache" if timings.get("vocabulary.reused") else "merged (now cached)")
    if cache_dir is None:
        return f"vocabulary: {vocabulary}; reasoner: HermiT ran (no cache)"
    reused, computed = int(timings.get("reason.reused", 0)), int(timings.get("reason.computed", 0))
    reasoner = ("HermiT's result reused from the cache (Java not started)" if reused and not computed else
                f"HermiT ran {computed} time{'s' * (computed != 1)}" + (f", {reused} result(s) reused" if reused else ""))
    corrupt = int(timings.get("reason.corrupt", 0))
    return f"vocabulary: {vocabulary}; reasoner: {reasoner}" + (f", {corrupt} unreadable cache entries ignored"
                                                               if corrupt else "")


def register(subparsers) -> None:
    """Add the ``build`` subcommand to ``subparsers``."""
    b = subparsers.add_parser("build", help="build the graph from a corpus folder and write exports")
    b.add_argument("--corpus", default=_corpus_default(), help=f"corpus folder (env {CORPUS_ENV}; default %(default)s)")
    b.add_argument("--out", default="exports", help="export folder (default %(default)s)")
    b.add_argument("--ontology", type=Path, help="ontology Turtle file (default ontology/hcc_kg.ttl)")
    b.add_argument("--vocabulary", type=Path, help="vocabulary YAML (default: the packaged one)")
    b.add_argument("--extra-vocabulary", action="append", default=[], help="more vocabulary YAML to add")
    b.add_argument("--no-lexicon", action="store_true",
                   help="match only the hand vocabulary, not the generated lexicon (data/lexicon/)")
    b.add_argument("--json", action="store_true", help="machine-readable summary")
    b.add_argument("--reasoner-timeout", type=finite_positive_float("--reasoner-timeout"), default=600.0,
                   metavar="SECONDS", help="most seconds HermiT may take over the whole build; past it the "
                   "build stops with exit 6 and exports nothing (default %(default)s; the shipped corpus "
                   "needs seconds, 1,000 documents about 150; scale it with the corpus)")
    b.add_argument("--jobs", type=positive_int("--jobs", 1024),
                   help="extraction worker processes (default: the cores available, fewer for a small corpus)")
    b.add_argument("--executor", default="local", help="where extraction runs: local or dask (default %(default)s)")
    b.add_argument("--scheduler", help="with --executor dask: the scheduler (tcp://host:8786; default: a local cluster)")
    b.add_argument("--cache-dir", type=Path, help="build cache: extractions, and vocabulary/ and reasoner/ inside "
                   "(default: .hcc-kg-cache/extraction beside --out)")
    b.add_argument("--no-cache", action="store_true", help="extract, merge the vocabulary and reason again; read and write no cache "
                   "(the packaged vocabulary's index made at set-up is still read, as bytecode is)")
    b.add_argument("--max-readings", type=positive_int("--max-readings"), metavar="N",
                   help="readings one document may give; a document giving more keeps those of its opening text "
                   "and gets a warning naming it (default 20,000; the largest shipped document gives 824)")
    b.add_argument("--formats", type=export_formats("--formats"), default=None, metavar="LIST",
                   help="the whole graph's export files, comma-separated: turtle, ntriples, json-ld (default: "
                   "all three), or none (the store and the reports are written either way)")
    b.add_argument("--no-views", action="store_true", help="draw no HTML views (they are the slowest export of a "
                   "small build; `hcc-kg view` draws them later from the store)")
    b.add_argument("--no-kgx", action="store_true", help="write no KGX nodes/edges TSV (kgx/)")
    b.set_defaults(func=cmd_build)

"""Command line: one subcommand per task, a thin layer over the library.

Exit codes (documented in the README): 0 success; 2 bad settings; 3 corpus missing or
empty; 4 built, but some documents were skipped; 5 vocabulary malformed; 6 reasoner could
not run; 7 graph inconsistent; 8 export failed; 9 bad query, parameter or graph (the
``--graph`` file missing, unreadable or not Turtle); 10 built, but the graph breaks shape
checks (violations on stderr and in validation.json); 141 stdout closed early (``| head``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

from .cli_types import finite_positive_float, positive_int
from .errors import BROKEN_PIPE_EXIT, DocumentError, GraphError, HccKgError, ShapeViolationError, exit_code_for

# Subcommands contributed by feature packages: each module defines ``register(subparsers)``
# and keeps its heavy imports inside its command functions, so ``--help`` stays fast.
COMMAND_MODULES: tuple[str, ...] = ("hcc_kg.query.commands", "hcc_kg.view_commands")

DEFAULT_CORPUS = "../shared/corpus"
CORPUS_ENV = "HCC_KG_CORPUS"


def _corpus_default() -> str:
    return os.environ.get(CORPUS_ENV, DEFAULT_CORPUS)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import Settings, build

    settings = Settings(corpus=Path(args.corpus), out=Path(args.out), ontology=args.ontology,
                        vocabulary=args.vocabulary, extra_vocabulary=tuple(Path(p) for p in args.extra_vocabulary),
                        lexicon=not args.no_lexicon)
    result = build(settings)
    for problem in result.report.problems:
        print(problem, file=sys.stderr)
    if args.json:
        print(json.dumps({"counts": result.counts, "timings": result.timings,
                          "outputs": [str(p) for p in result.outputs]}, indent=1))
    else:
        print(f"built {len(result.assertions)} assertions from {len(result.documents)} documents "
              f"({result.counts.get('triples', 0)} triples); HermiT: consistent")
        for name, n in result.counts.items():
            print(f"  {name:28s} {n}")
        print("wrote " + ", ".join(str(p) for p in result.outputs))
    if result.validation is not None and not result.validation.conforms:
        raise ShapeViolationError(f"{len(result.validation.violations)} shape violation(s); see validation.json")
    if result.report.errors():
        raise DocumentError(f"{len(result.report.errors())} document problem(s); the others were built")
    return 0


#: Most edges ``paths --max-length`` may ask for, and most paths ``--limit`` may show: the
#: number of simple paths grows exponentially with the length.
MAX_PATH_LENGTH = 8
MAX_PATH_LIMIT = 10_000


def read_turtle_graph(path: Path):
    """The rdflib Graph in the Turtle file ``path``; a GraphError if it is missing or malformed."""
    from .rdf import new_graph

    if not path.is_file():
        raise GraphError(f"no graph at {path}; run `hcc-kg build` first or pass --graph")
    graph = new_graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many types (BadSyntax, UnicodeDecodeError, OSError, ...)
        raise GraphError(f"cannot read the graph {path} as Turtle: {exc}") from exc
    return graph


def _load_graph(args: argparse.Namespace):
    from .graph import project

    return project(read_turtle_graph(Path(args.graph)))


def cmd_agents(args: argparse.Namespace) -> int:
    from .paths import agents_hitting

    results = agents_hitting(_load_graph(args), args.hits, approved=args.approved)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for r in results:
            targets = sorted({h["target"] for h in r["hits"]})
            print(f"{r['label']}\t{r['type']}\t{'approved' if r['approved'] else ''}\t{', '.join(targets)}")
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    from .paths import typed_paths

    paths = typed_paths(_load_graph(args), args.source, args.target, args.max_length, args.limit)
    if args.json:
        print(json.dumps(paths, indent=1))
    else:
        for path in paths:
            print(" ".join(f"{s['label']} [{s['type']}]" if "node" in s else
                           (f"-{s['predicate']}->" if s["direction"] == "->" else f"<-{s['predicate']}-")
                           for s in path))
    return 0


def cmd_trials(args: argparse.Namespace) -> int:
    from . import outcomes

    G = _load_graph(args)
    if args.hr_below is not None:
        results = outcomes.hazard_ratios_below(G, args.hr_below, args.endpoint)
    elif args.against:
        results = outcomes.tested_against(G, args.against, args.line)
    elif args.drug:
        results = outcomes.trials_of(G, args.drug)
    else:
        results = [outcomes.describe_trial(G, t) for t in outcomes.trials(G)]
    print(json.dumps(results, indent=1, default=str))
    return 0


def cmd_chain(args: argparse.Namespace) -> int:
    from .outcomes import chain

    result = chain(_load_graph(args), args.pathway)
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return 0
    print(f"{result['label']}: {len(result['targets'])} targets")
    for drug in result["drugs"]:
        print(f"  {drug['label']} -> {', '.join(drug['targets'])}")
        for trial in drug["trials"]:
            hrs = "; ".join(f"{h['endpoint']} HR {h['hazard_ratio']}" + (f" ({h['ci'][0]}-{h['ci'][1]})" if h["ci"] else "")
                            for h in trial["hazard_ratios"])
            print(f"    {trial['label']} ({trial['year']}) {hrs}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="hcc-kg", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from a corpus folder and write exports")
    b.add_argument("--corpus", default=_corpus_default(), help=f"corpus folder (env {CORPUS_ENV}; default %(default)s)")
    b.add_argument("--out", default="exports", help="export folder (default %(default)s)")
    b.add_argument("--ontology", type=Path, help="ontology Turtle file (default ontology/hcc_kg.ttl)")
    b.add_argument("--vocabulary", type=Path, help="vocabulary YAML (default: the packaged one)")
    b.add_argument("--extra-vocabulary", action="append", default=[], help="more vocabulary YAML to add")
    b.add_argument("--no-lexicon", action="store_true",
                   help="match only the hand vocabulary, not the generated lexicon (data/lexicon/)")
    b.add_argument("--json", action="store_true", help="machine-readable summary")
    b.set_defaults(func=cmd_build)

    for name, func, helptext in (("agents", cmd_agents, "agents acting on every named target"),
                                 ("paths", cmd_paths, "typed paths between two entities"),
                                 ("trials", cmd_trials, "trials with arms and outcomes (JSON)"),
                                 ("chain", cmd_chain, "pathway -> targets -> drugs -> trials -> outcomes")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--graph", default="exports/hcc_kg.ttl", help="built Turtle graph (default %(default)s)")
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(func=func)
        if name == "trials":
            p.add_argument("--drug", help="trials with an arm giving this drug (alone or in a regimen)")
            p.add_argument("--against", help="agents tested against this comparator")
            p.add_argument("--line", help="with --against: only trials of this line of therapy")
            p.add_argument("--hr-below", type=finite_positive_float("--hr-below"),
                           help="trials whose hazard ratio is below this value (a finite number > 0)")
            p.add_argument("--endpoint", default="OS", help="with --hr-below: the endpoint (default %(default)s)")
        elif name == "chain":
            p.add_argument("pathway")
        elif name == "agents":
            p.add_argument("--hits", action="append", required=True, help="a target or family; repeatable")
            p.add_argument("--approved", action="store_true", help="only agents with a regulatory approval")
        else:
            p.add_argument("source")
            p.add_argument("target")
            p.add_argument("--max-length", type=positive_int("--max-length", MAX_PATH_LENGTH), default=4,
                           help=f"most edges in a path, 1 to {MAX_PATH_LENGTH} (default %(default)s)")
            p.add_argument("--limit", type=positive_int("--limit", MAX_PATH_LIMIT), default=20,
                           help=f"most paths shown, 1 to {MAX_PATH_LIMIT} (default %(default)s)")
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub)
    return top


def _stdout_gone() -> int:
    """The reader of stdout went away (``hcc-kg … | head``): stop quietly, like SIGPIPE would.

    stdout is pointed at /dev/null so the interpreter's final flush cannot fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return BROKEN_PIPE_EXIT


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv``, run the command, and translate the one exception tree into an exit code."""
    try:
        args = parser().parse_args(argv)  # option types raise BadParameterError (exit 9)
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _stdout_gone()
    except HccKgError as exc:
        print(f"hcc-kg: error: {exc}", file=sys.stderr)
        return exit_code_for(exc)


if __name__ == "__main__":
    sys.exit(main())

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
from typing import NoReturn

from .. import __version__
from . import build_command
from .arg_types import finite_positive_float, positive_int
from ..errors import BROKEN_PIPE_EXIT, GraphError, HccKgError, exit_code_for

# Subcommands contributed by feature packages: each module defines ``register(subparsers)``
# and keeps its heavy imports inside its command functions, so ``--help`` stays fast.
COMMAND_MODULES: tuple[str, ...] = ("hcc_kg.cli.query_commands", "hcc_kg.cli.serve", "hcc_kg.cli.view_commands",
                                     "hcc_kg.cli.diff_command")

#: What ``hcc-kg --help`` says (the module docstring above is for developers).
DESCRIPTION = ("Build and query a knowledge graph of hepatocellular carcinoma therapy, read from text: "
               "pathway → target → drug → trial → outcome, every fact with the passage it came from.")
EPILOG = """examples:
  hcc-kg build --corpus ../shared/corpus --out exports    build the graph (progress on stderr)
  hcc-kg agents --hits VEGFR --hits FGFR --approved       approved drugs hitting both families
  hcc-kg agents --hits VEGFR --approved-for HCC            ... approved for HCC (not only for another cancer)
  hcc-kg trials --drug lenvatinib                         a drug's trials, arms and outcomes
  hcc-kg sparql --list                                    the competency questions
  hcc-kg view --chain "VEGF signalling" --out vegf.html   an offline interactive picture
  hcc-kg plot forest --drug sorafenib --out hr.svg        hazard ratios with their CIs
  hcc-kg show "lenvatinib inhibits FGFR1" --corpus DIR    the sentence behind a fact
  hcc-kg diff exports-before exports                      the facts two builds disagree on

Commands read exports/hcc_kg.ttl unless --graph says otherwise; `hcc-kg COMMAND --help` for
each command's options. Exit codes are listed in the README ("Exit codes")."""

#: Most edges ``paths --max-length`` may ask for, and most paths ``--limit`` may show: the
#: number of simple paths grows exponentially with the length.
MAX_PATH_LENGTH = 8
MAX_PATH_LIMIT = 10_000


def read_turtle_graph(path: Path):
    """The rdflib Graph in the Turtle file ``path``; a GraphError if it is missing or malformed."""
    from ..store.rdf import new_graph

    if not path.is_file():
        raise GraphError(f"no graph at {path}; run `hcc-kg build` first or pass --graph")
    graph = new_graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many types (BadSyntax, UnicodeDecodeError, OSError, ...)
        raise GraphError(f"cannot read the graph {path} as Turtle: {exc}") from exc
    return graph


def read_graph(path: Path):
    """What ``--graph`` names: a built store folder (``<out>/store``, opened read-only where it
    is, as ``sparql --graph`` does) or a Turtle file; a GraphError if it is neither."""
    if Path(path).is_dir():
        from ..store.oxigraph import GraphStore

        return GraphStore.open(path)
    return read_turtle_graph(Path(path))


def _load_graph(args: argparse.Namespace):
    from ..query.graph import project

    return project(read_graph(Path(args.graph)))  # the projection reads a store as it reads a Graph


def cmd_agents(args: argparse.Namespace) -> int:
    """`hcc-kg agents`: the agents that hit every target named by ``--hits`` (optionally only approved ones)."""
    from ..query.paths import agents_hitting

    results = agents_hitting(_load_graph(args), args.hits, approved=args.approved, approved_for=args.approved_for)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for r in results:
            targets = sorted({h["target"] for h in r["hits"]})
            print(f"{r['label']}\t{r['type']}\t{'approved' if r['approved'] else ''}\t{', '.join(targets)}")
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    """`hcc-kg paths`: typed paths between two entities of the projected graph, one per line (or JSON)."""
    from ..query.paths import typed_paths

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
    """`hcc-kg trials`: trials filtered by hazard ratio, comparator or drug, or every trial described."""
    from ..query import outcomes

    G = _load_graph(args)
    if args.hr_below is not None:
        results = outcomes.hazard_ratios_below(G, args.hr_below, args.endpoint)
    elif args.against:
        results = outcomes.tested_against(G, args.against, args.line)
    elif args.drug:
        results = outcomes.trials_of(G, args.drug)
    else:
        results = [outcomes.describe_trial(G, t) for t in outcomes.trials(G)]
    if args.json:
        print(json.dumps(results, indent=1, default=str))
    else:
        from .text import trials_lines

        for line in trials_lines(results):
            print(line)
    return 0


def cmd_chain(args: argparse.Namespace) -> int:
    """`hcc-kg chain`: pathway → targets → drugs → trials → outcomes for one pathway."""
    from ..query.outcomes import chain

    result = chain(_load_graph(args), args.pathway)
    if args.json:
        print(json.dumps(result, indent=1, default=str))
        return 0
    from .text import chain_lines

    for line in chain_lines(result):
        print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    """The ``hcc-kg`` argument parser: every subcommand, each bound to its ``cmd_*`` function."""
    top = argparse.ArgumentParser(prog="hcc-kg", description=DESCRIPTION, epilog=EPILOG,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_verbosity(top, 0)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_command.register(sub)  # first: the command most runs start with

    for name, func, helptext in (("agents", cmd_agents, "agents acting on every named target"),
                                 ("paths", cmd_paths, "typed paths between two entities"),
                                 ("trials", cmd_trials, "trials with arms and outcomes"),
                                 ("chain", cmd_chain, "pathway -> targets -> drugs -> trials -> outcomes")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--graph", default="exports/hcc_kg.ttl",
                       help="built Turtle graph, or a built store folder such as exports/store (default %(default)s)")
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
            p.add_argument("--approved", action="store_true", help="only agents with a regulatory approval (for any disease)")
            p.add_argument("--approved-for", metavar="DISEASE",
                           help="only agents approved for this disease or one of its members (e.g. HCC)")
        else:
            p.add_argument("source")
            p.add_argument("target")
            p.add_argument("--max-length", type=positive_int("--max-length", MAX_PATH_LENGTH), default=4,
                           help=f"most edges in a path, 1 to {MAX_PATH_LENGTH} (default %(default)s)")
            p.add_argument("--limit", type=positive_int("--limit", MAX_PATH_LIMIT), default=20,
                           help=f"most paths shown, 1 to {MAX_PATH_LIMIT} (default %(default)s)")
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(sub)
    for command in _commands(top):  # -q/-v also after the command, without overriding the top's
        _add_verbosity(command, argparse.SUPPRESS)
    return top


def _commands(p: argparse.ArgumentParser):
    """Every subcommand's parser, nested ones too (``plot forest``)."""
    for action in p._actions:  # argparse offers no public walk over its subparsers
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                yield command
                yield from _commands(command)


def _add_verbosity(p: argparse.ArgumentParser, default) -> None:
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=-1, default=default,
                      help="print only warnings and errors on stderr (no progress)")
    loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=1, default=default,
                      help="also log every document and detail on stderr")


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


#: Commands after which the program ends at once, without the interpreter's teardown: a build
#: leaves millions of small objects (the vocabulary and its finder's tables, the ABox, the
#: ontology worlds), and freeing them one by one took 0.4-0.9 s after a 3.4 s shipped build.
#: Everything a build writes is closed and synced before it returns (:mod:`hcc_kg.store.publish`),
#: its worker pools, forked child and JVM are gone, and its stores are closed or read-only.
ENDS_WITHOUT_TEARDOWN = frozenset({"build"})


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv``, run the command, and translate the one exception tree into an exit code.

    Run as the program (``argv`` None: the ``hcc-kg`` script, ``python -m hcc_kg.cli``), a
    command of :data:`ENDS_WITHOUT_TEARDOWN` ends the process when it returns (:func:`end_now`);
    a caller passing ``argv`` always gets the code back.
    """
    command = None
    try:
        args = parser().parse_args(argv)  # option types raise BadParameterError (exit 9)
        command = args.command
        from .logs import logging_to_stderr

        with logging_to_stderr(args.verbosity):
            code = args.func(args)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
    except BrokenPipeError:
        code = _stdout_gone()
    except HccKgError as exc:
        from ..query.redaction import redact

        print(f"hcc-kg: error: {redact(str(exc))}", file=sys.stderr)  # last guard: no URL password leaks
        code = exit_code_for(exc)
    if argv is None and command in ENDS_WITHOUT_TEARDOWN:
        end_now(code)
    return code


def end_now(code: int) -> NoReturn:
    """End the process with ``code`` once stdout and stderr are flushed, skipping the interpreter's
    teardown (atexit handlers, freeing every object): only for work that left nothing open."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone (| head) or a stream already closed
            pass
    os._exit(code)


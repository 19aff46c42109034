"""CLI: ``hcc-kg diff OLD NEW``, the facts that differ between two built folders."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def cmd_diff(args: argparse.Namespace) -> int:
    """Print each fact added, removed, changed, withheld or re-asserted from ``old`` to ``new``
    (with ``--evidence``, also facts whose evidence alone moved), then the counts."""
    from ..query.changes import compare_builds, describe

    changes = compare_builds(Path(args.old), Path(args.new))
    if args.json:
        print(json.dumps(changes.to_json(args.mentions), indent=1, default=str))
        return 0
    for change in changes.shown(args.mentions):
        if change.kind != "evidence" or args.evidence:
            print(describe(change, changes))
    counts = changes.counts(args.mentions)
    print(", ".join(f"{n} {kind}" for kind, n in counts.items())
          + ("" if args.mentions else " (mentionedIn facts left out: --mentions adds them)"))
    return 0


def register(subparsers) -> None:
    """Add the ``diff`` subcommand to ``subparsers``."""
    d = subparsers.add_parser("diff", help="the facts that differ between two builds (added, removed, changed)")
    d.add_argument("old", help="the earlier build's folder (an --out of hcc-kg build)")
    d.add_argument("new", help="the later build's folder")
    d.add_argument("--evidence", action="store_true", help="also list facts whose evidence alone changed")
    d.add_argument("--mentions", action="store_true", help="also list mentionedIn facts (where a name occurs)")
    d.add_argument("--json", action="store_true", help="machine-readable output")
    d.set_defaults(func=cmd_diff)

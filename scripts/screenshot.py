#!/usr/bin/env python3
"""Screenshot a view of the built graph for the README (docs/images/view.png).

Uses the browser set-up of the browser tests (headless Debian Chromium, fresh profile,
page served from localhost, wait until the layout settles).  The view is written without
a corpus, so the picture shows no document text beyond labels.

    .venv/bin/python scripts/screenshot.py                       # around lenvatinib, depth 2
    .venv/bin/python scripts/screenshot.py --chain "VEGF signalling" --out /tmp/vegf.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hcc_kg import views
from hcc_kg.rdf import new_graph
from hcc_kg.views import browser

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=REPO / "exports" / "hcc_kg.ttl")
    parser.add_argument("--around", default="lenvatinib", help="entity at the centre (default %(default)s)")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--chain", help="a pathway chain instead of a neighbourhood")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "view.png")
    parser.add_argument("--size", default="1400x900", help="window size WIDTHxHEIGHT (default %(default)s)")
    args = parser.parse_args(argv)
    reason = browser.missing()
    if reason:
        print(f"screenshot: {reason}", file=sys.stderr)
        return 1
    graph = new_graph()
    graph.parse(args.graph, format="turtle")
    page = views.chain_view(graph, args.chain) if args.chain else views.around_view(graph, args.around, args.depth)
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="hcc-kg-shot-") as tmp:
        html = views.write_view(page, Path(tmp) / "view.html")
        browser.screenshot(html, args.out, Path(tmp) / "profile", (width, height))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

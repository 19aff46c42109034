#!/usr/bin/env python3
"""Screenshot a view of the built graph for the README (docs/images/view.png), or all of them.

Uses the browser set-up of the browser tests (headless Debian Chromium, fresh profile,
page served from localhost, wait until the layout settles).  Views are written without
a corpus, so they show no document text beyond labels.  The evidence image (``--all-docs``)
quotes an invented note (:data:`EXAMPLE_NOTE`), built into a temporary folder, so no source
sentence reaches the repository.

    .venv/bin/python scripts/screenshot.py                       # around lenvatinib, depth 2
    .venv/bin/python scripts/screenshot.py --chain "VEGF signalling" --out /tmp/vegf.png
    .venv/bin/hcc-kg build --corpus ../shared/corpus --out /tmp/shot-build
    .venv/bin/python scripts/screenshot.py --all-docs --graph /tmp/shot-build/hcc_kg.ttl
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hcc_kg import views
from hcc_kg.store.rdf import new_graph
from hcc_kg.views import browser

REPO = Path(__file__).resolve().parents[1]
#: An invented document for the evidence image (never a sentence of the corpus or literature).
EXAMPLE_NOTE = ("Example note (invented for the README)\n\n"
                "Lenvatinib, an oral kinase inhibitor, blocks KDR, FGFR1 and RET in cell assays. "
                "In a second assay, lenvatinib inhibits FGFR1 at low doses, while sparing EGFR.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=REPO / "exports" / "hcc_kg.ttl")
    parser.add_argument("--around", default="lenvatinib", help="entity at the centre (default %(default)s)")
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--chain", help="a pathway chain instead of a neighbourhood")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "view.png")
    parser.add_argument("--size", default="1400x900", help="window size WIDTHxHEIGHT (default %(default)s)")
    parser.add_argument("--all-docs", action="store_true",
                        help="write every README image into docs/images/ (view, chain, forest, evidence)")
    parser.add_argument("--fact", default="lenvatinib inhibits FGFR1",
                        help="with --all-docs: the evidence view's fact, read from EXAMPLE_NOTE")
    parser.add_argument("--drug", default="sorafenib", help="with --all-docs: the forest plot's drug")
    args = parser.parse_args(argv)
    reason = browser.missing()
    if reason:
        print(f"screenshot: {reason}", file=sys.stderr)
        return 1
    if args.all_docs:
        return all_docs(args)
    graph = new_graph()
    graph.parse(args.graph, format="turtle")
    page = views.chain_view(graph, args.chain) if args.chain else views.around_view(graph, args.around, args.depth)
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="hcc-kg-shot-") as tmp:
        html = views.write_view(page, Path(tmp) / "view.html")
        browser.screenshot(html, args.out, Path(tmp) / "profile", (width, height))
    print(f"wrote {args.out}")
    return 0


def all_docs(args: argparse.Namespace) -> int:
    """The README's images: a neighbourhood, the build's layered chain, a forest plot, an evidence page."""
    from hcc_kg.cli import main as cli

    images = REPO / "docs" / "images"
    graph = new_graph()
    graph.parse(args.graph, format="turtle")
    pathway = views.example_pathway(views.source_of(graph).G)
    with tempfile.TemporaryDirectory(prefix="hcc-kg-shot-") as tmp:
        folder = Path(tmp)
        pages = {"view.png": views.write_view(views.around_view(graph, args.around, args.depth), folder / "view.html"),
                 "chain.png": views.write_view(views.chain_view(graph, pathway), folder / "chain.html")}
        for png, page in pages.items():
            browser.screenshot(page, images / png, folder / f"profile-{png}", (1400, 900))
        if cli(["plot", "forest", "--graph", str(args.graph), "--drug", args.drug, "--out", str(images / "forest.png")]):
            return 1
        corpus = folder / "example"
        corpus.mkdir()
        (corpus / "example_note.txt").write_text(EXAMPLE_NOTE, encoding="utf-8")
        if cli(["build", "-q", "--corpus", str(corpus), "--out", str(folder / "example-out")]) or cli(
                ["show", args.fact, "--graph", str(folder / "example-out" / "hcc_kg.ttl"), "--corpus", str(corpus),
                 "--html", str(folder / "evidence.html")]):
            return 1
        browser.screenshot_static(folder / "evidence.html", images / "evidence.png", folder / "profile-evidence",
                                  (1000, 400))
    print(f"wrote {', '.join(sorted(p.name for p in images.glob('*.png')))} in {images}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

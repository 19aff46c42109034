#!/usr/bin/env python3
"""Run the ``kgx`` CLI offline, against the Biolink model of the installed ``biolink-model`` package.

Usage (from the tools venv of scripts/test-deps/interop-tools.sh)::

    .venv-tools/bin/python scripts/kgx_offline.py validate -i tsv nodes.tsv edges.tsv

kgx 2.7 builds a Biolink toolkit when it is imported, and that toolkit downloads
``biolink-model.yaml``, ``predicate_mapping.yaml`` and the JSON-LD context from GitHub.
Here the three come from local files instead, before kgx is imported: the model schema
and prefix map that the pinned ``biolink-model`` wheel ships, and an empty predicate
mapping (used only to translate non-Biolink predicates, which validation never does).
Every other network call would fail loudly, which is the point: the result depends only
on pinned packages.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from types import SimpleNamespace


def _biolink_file(*parts: str) -> str:
    return str(resources.files("biolink_model").joinpath("/".join(parts)))


class _LocalRequests:
    """Just enough of ``requests`` for bmt.Toolkit: ``get(url).text`` of the empty predicate map."""

    @staticmethod
    def get(url: str, *args, **kwargs):
        return SimpleNamespace(text="predicate_mappings: []\n", status_code=200)


def _patch() -> None:
    import bmt.toolkit as toolkit
    import kgx.config as config  # kgx/__init__ imports nothing that builds a Toolkit

    schema = _biolink_file("schema", "biolink_model.yaml")
    toolkit.Toolkit.__init__.__defaults__ = (schema, "local:predicate_mapping.yaml")
    toolkit.requests = _LocalRequests
    with open(_biolink_file("prefixmaps", "biolink-model-prefix-map.json"), encoding="utf-8") as handle:
        prefixes = json.load(handle)
    config.jsonld_context_map["biolink"] = {**prefixes, "biolink": "https://w3id.org/biolink/vocab/"}


def main(argv: list[str]) -> int:
    _patch()
    from kgx.cli import cli

    return cli.main(args=argv, prog_name="kgx", standalone_mode=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

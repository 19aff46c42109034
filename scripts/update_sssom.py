#!/usr/bin/env python3
"""Regenerate ontology/hcc_kg.sssom.tsv from ontology/hcc_kg.ttl (see hcc_kg.store.sssom).

Run after editing a skos:*Match in the ontology; tests/test_sssom.py fails until you do.
"""

from pathlib import Path

from hcc_kg.store.sssom import sssom_tsv

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


def main() -> None:
    (ONTOLOGY / "hcc_kg.sssom.tsv").write_text(sssom_tsv(ONTOLOGY / "hcc_kg.ttl"), encoding="utf-8")


if __name__ == "__main__":
    main()

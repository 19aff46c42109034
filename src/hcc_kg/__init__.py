"""hcc-kg: a reasoned, provenance-tracked knowledge graph of HCC systemic therapy.

The library does the work; :mod:`hcc_kg.cli` is a thin layer over it.  Entry point for a
whole build: :func:`hcc_kg.pipeline.build`.
"""

__version__ = "0.1.0"

import logging as _logging

# A library prints nothing unless its user configures logging (the CLI does: cli_logging.py).
_logging.getLogger(__name__).addHandler(_logging.NullHandler())

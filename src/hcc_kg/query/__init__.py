"""Ask the graph: competency questions in SPARQL, bound safely, run on embedded or remote stores.

:mod:`.library` reads the ``.rq`` files and their headers, :mod:`.binding` turns user text
into RDF terms, :mod:`.backends` runs queries on rdflib, pyoxigraph or (:mod:`.remote`) a
SPARQL endpoint with the same normalized rows (:mod:`.results`), and :mod:`.commands` adds
``hcc-kg sparql`` and ``hcc-kg load``.  Nothing heavy is imported here.
"""

"""Stage 6: the reasoned RDF graph, its SHACL check, exports, KGX, SSSOM and the Oxigraph store."""

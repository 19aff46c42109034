"""Stage 4: assertions → OWL individuals in one explicit owlready2 World, then HermiT."""

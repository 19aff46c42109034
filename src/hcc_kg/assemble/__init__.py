"""Stage 4: merge extracted assertions by key and name what the text introduced."""

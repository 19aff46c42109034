"""Stage 1: read documents of every supported format into :class:`~hcc_kg.model.Document` s."""

"""Static pictures of the graph (matplotlib): :mod:`hcc_kg.plots.forest`, hazard ratios with their CIs."""

"""Static pictures of the graph (matplotlib): :mod:`hcc_kg.views.plots.forest`, hazard ratios with their CIs."""

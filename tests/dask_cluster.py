"""A two-worker Dask cluster on this machine, as the Dask executor's tests need (import the fixture)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def dask_cluster():
    """``LocalCluster(n_workers=2, processes=True, threads_per_worker=1)``, closed after the module."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        yield cluster

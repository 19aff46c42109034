"""Shared fixtures: the shipped corpus and one full build of it (HermiT included); the packaged vocabulary
merged with the lexicon, and its mention finder, for tests that read invented sentences."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Under CI=true a skip is a failure (tests/ci_policy.py).
pytest_plugins = ["ci_policy"]

# Triple-store fixtures (Oxigraph server, Virtuoso), session-scoped so each server starts once.
from servers import *  # noqa: F401,F403

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("HCC_KG_CORPUS", REPO.parent / "shared" / "corpus"))
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set HCC_KG_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def built(corpus_dir, tmp_path_factory):
    """The graph built from the shipped corpus, exported to a temporary folder."""
    from hcc_kg.pipeline import Settings, build

    out = tmp_path_factory.mktemp("exports")
    return build(Settings(corpus=corpus_dir, out=out))


@pytest.fixture(scope="session")
def projected(built):
    from hcc_kg.query.graph import project

    return project(built.graph)


@pytest.fixture(scope="session")
def vocabulary():
    """The packaged vocabulary merged with the generated lexicon (what a build reads with)."""
    from hcc_kg.lexicon import load_lexicon_vocabulary
    from hcc_kg.vocab import load_vocabulary
    return load_lexicon_vocabulary(load_vocabulary())


@pytest.fixture(scope="session")
def finder(vocabulary):
    from hcc_kg.extract.mentions import MentionFinder
    return MentionFinder(vocabulary)

"""Shared test helpers: the seed corpus and its claims, extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_articles():
    from factcheck.load import load_articles

    articles, problems = load_articles([SEEDS])
    assert problems == []
    return {a.id.split("_")[0]: a for a in articles}


@pytest.fixture(scope="session")
def seed_claims(seed_articles):
    from factcheck.claims import extract_claims

    return {key: extract_claims(a) for key, a in seed_articles.items()}

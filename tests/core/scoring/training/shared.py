"""Heavy objects shared by the learning tests (tests/core/scoring/training and
tests/core/services/test_learning.py): loaded or computed once per test process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

RANKING_SET = Path(__file__).resolve().parents[3] / "data" / "ranking"


_ENCODER: list[Any] = []


def set_encoder(loaded: Any) -> None:
    """Use the session's encoder (tests/core/scoring/conftest.py) instead of loading another."""
    if not _ENCODER:
        _ENCODER.append(loaded)


def encoder() -> Any:
    if not _ENCODER:
        from core.scoring import load_encoder

        _ENCODER.append(load_encoder("cpu"))
    return _ENCODER[0]


@functools.cache
def embedding_cache() -> Any:
    """One in-memory embedding cache for every test that encodes the ranking set's resumes."""
    from core.scoring import MemoryCache

    return MemoryCache()


@functools.cache
def ranking_set() -> Any:
    from core.scoring.evaluation import load_ranking_set

    return load_ranking_set(RANKING_SET)


@functools.cache
def ranking_pools() -> Any:
    """Scores and features of every ranking-set resume for every job (the slow part)."""
    from core.scoring import Scorer
    from core.scoring.training.simulation import prepare

    return prepare(Scorer(encoder(), embedding_cache()), ranking_set())


def fill_cache(target: Any) -> None:
    """Copy the shared embeddings into a workspace's cache, so its resumes need no encoding."""
    cache = embedding_cache()
    by_model: dict[str, dict[str, bytes]] = {}
    for (model, key), value in cache.data.items():
        by_model.setdefault(model, {})[key] = value
    for model, items in by_model.items():
        target.put_many(model, items)

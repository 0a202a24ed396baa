"""Encoder fine-tuning (cosine-similarity MSE): progress, a new hashed model, reload, cancel."""

from __future__ import annotations

import numpy as np
import pytest

from core.errors import ModelError
from core.scoring import Encoder
from core.scoring.training.encoder_finetune import (
    FineTuneConfig,
    FineTuned,
    finetune,
    load_finetuned,
    make_pair,
)

pytestmark = pytest.mark.slow

PAIRS = [
    make_pair("Kubernetes in production", "Ran <PERSON_1>'s k8s clusters for payments", 1.0),
    make_pair("Kubernetes in production", "Managed the office coffee rota", 0.0),
    make_pair("Registered nurse licence", "RN, BSN, five years on a surgical ward", 1.0),
    make_pair("Registered nurse licence", "Sold medical devices to hospitals", 0.0),
]
CONFIG = FineTuneConfig(batch_size=2, learning_rate=5e-4, epochs=1)


def _run(encoder: Encoder) -> tuple[list[tuple[int, int]], FineTuned]:
    steps = []
    gen = finetune(encoder, PAIRS, CONFIG)
    while True:
        try:
            steps.append(next(gen))
        except StopIteration as stop:
            return steps, stop.value


def test_finetuning_moves_similarities_towards_the_decisions_and_reloads(encoder: Encoder) -> None:
    texts = [p.query for p in PAIRS] + [p.passage for p in PAIRS]
    before = encoder.encode(texts)
    steps, tuned = _run(encoder)
    assert steps == [(1, 2), (2, 2)]
    assert PAIRS[0].label > PAIRS[1].label
    assert np.array_equal(encoder.encode(texts), before)  # the base is untouched
    assert tuned.encoder.model_hash == tuned.weights_sha256 != encoder.model_hash
    after = tuned.encoder.encode(texts)
    n = len(PAIRS)

    def error(v: np.ndarray) -> float:
        sims = [float(v[i] @ v[n + i]) for i in range(n)]
        return float(np.mean([(s - p.label) ** 2 for s, p in zip(sims, PAIRS, strict=True)]))

    assert error(after) < error(before)
    reloaded = load_finetuned(encoder, tuned.weights, tuned.weights_sha256)
    assert np.allclose(reloaded.encode(texts), after, atol=1e-5)
    with pytest.raises(ModelError):
        load_finetuned(encoder, tuned.weights, "0" * 64)
    # cancelling after a step (closing the generator) stops cleanly
    gen = finetune(encoder, PAIRS, CONFIG)
    assert next(gen) == (1, 2)
    gen.close()
    with pytest.raises(StopIteration):
        next(gen)

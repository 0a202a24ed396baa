"""The issue's evaluation floors on the graded ranking set: a simulated recruiter decides on half
of each job's candidates; the other half is ranked (bench/eval_learning.py prints the table)."""

from __future__ import annotations

import pytest

from core.scoring.training.simulation import SimulationResult, simulate
from tests.core.scoring.training import shared

pytestmark = pytest.mark.slow


SEEDS = (0, 1, 2)  # three decision splits: one lucky split proves nothing


@pytest.fixture(scope="module")
def results() -> list[SimulationResult]:
    pools, data = shared.ranking_pools(), shared.ranking_set()
    return [simulate(pools, data, seed=s, new_jobs=s == 0) for s in SEEDS]


@pytest.fixture(scope="module")
def result(results: list[SimulationResult]) -> SimulationResult:
    return results[0]


def test_veil_learned_model_beats_rocchio_feedback_within_jobs(
    results: list[SimulationResult],
) -> None:
    def mean(attr: str) -> float:
        return sum(float(getattr(r, attr)) for r in results) / len(results)

    assert results[0].decisions > 900
    # (c) > (b), as the issue asks: over the three splits Veil's learned feedback ranks the
    # undecided halves better than textbook Rocchio on TF-IDF (see bench/eval_learning.py).
    assert mean("veil") > mean("rocchio")
    assert mean("veil") > mean("untrained") + 0.01  # the decisions help
    assert mean("rocchio") > mean("tfidf")  # the baseline is a working Rocchio


def test_cross_job_head_does_not_lower_map_on_new_jobs(result: SimulationResult) -> None:
    # the head is used for a new job only where learn would adopt it (a cross-validated gain
    # beyond its noise). Since the fused score (scoring v3) that happens for 1 held-out job of
    # 13, and costs 0.0013 MAP there: adoption guards against losses beyond noise, not every
    # loss. Every other new job ranks exactly as before.
    assert result.new_job_heads <= 2
    assert result.new_jobs_after >= result.new_jobs_before - 0.005

"""The learning parts on synthetic numbers: head, feedback, cross-validation, features."""

from __future__ import annotations

import numpy as np
import pytest

from core.domain import Evidence, Requirement, RequirementScore, Score
from core.scoring.training.features import (
    FEATURE_NAMES,
    CandidateFeatures,
    requirement_kind,
    summary_features,
)
from core.scoring.training.feedback import fit_feedback
from core.scoring.training.head import Head, HeadConfig, explain, explain_words, fit_head
from core.scoring.training.model import display_score, rescore
from core.scoring.training.validation import (
    average_precision,
    cross_validate,
    grouped_folds,
    mean_average_precision,
)

F = len(FEATURE_NAMES)


def _data(
    n_jobs: int = 6, per_job: int = 40, seed: int = 1
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Targets depend on must-have satisfaction (feature 1), not on the base score alone."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, size=(n_jobs * per_job, F)).astype(np.float32)
    y = (x[:, 1] > 0.6).astype(np.float32)
    groups = [i // per_job for i in range(len(y))]
    return x, y, groups


def test_untrained_head_is_the_untrained_score() -> None:
    from core.scoring.training.head import prior_head

    x, _, _ = _data()
    head = prior_head(x)
    assert np.allclose(head.predict(x), x[:, 0], atol=1e-5)


def test_head_learns_what_the_decisions_reward_reproducibly_and_round_trips() -> None:
    x, y, groups = _data()
    head = fit_head(x, y, groups)
    again = fit_head(x, y, groups)
    assert np.array_equal(head.weight, again.weight)  # fixed seed
    weights = head.effective_weights()
    assert weights["must_mean"] > 0.5
    assert abs(weights["must_mean"]) > 3 * abs(weights["base"])
    before = float(np.mean((x[:, 0] - y) ** 2))
    after = float(np.mean((head.predict(x) - y) ** 2))
    assert after < 0.6 * before
    assert len(head.history) < HeadConfig().max_epochs  # stopped early
    clone = Head.from_bytes(head.to_bytes())
    assert np.allclose(clone.predict(x), head.predict(x))
    top = explain(head)[0]
    assert top.feature in ("must_mean", "base")
    assert any(
        "must-have requirements" in line and "gained" in line for line in explain_words(head)
    )


def test_grouped_cross_validation_holds_out_whole_jobs_and_prefers_the_trained_head() -> None:
    x, y, groups = _data()
    folds, grouped = grouped_folds(groups, 3)
    assert grouped
    assert len(folds) == 3
    for fold in folds:
        assert not {groups[i] for i in fold.train} & {groups[i] for i in fold.test}
    cv = cross_validate(x, y, groups, lambda a, b, g: fit_head(a, b, g).predict, lambda a: a[:, 0])
    assert cv.grouped
    assert cv.after > cv.before + 0.2
    assert cv.better  # a clear gain, far above its standard error across jobs
    same = cross_validate(x, y, groups, lambda a, b, g: lambda q: q[:, 0], lambda a: a[:, 0])
    assert same.after == same.before
    assert not same.better  # no gain, no adoption


def test_a_gain_within_its_own_noise_is_not_better() -> None:
    # one job much better, the others worse: the mean rises, but not beyond its standard error
    rng = np.random.default_rng(6)
    groups = [g for g in range(6) for _ in range(20)]
    y = np.tile(np.r_[np.ones(5), np.zeros(15)], 6).astype(np.float32)
    current = y + rng.normal(0, 0.6, len(y))
    lucky = current.copy()
    lucky[:20] = y[:20]  # job 0 ranked perfectly
    for g in range(1, 6):  # the rest a little worse
        idx = slice(20 * g, 20 * g + 20)
        lucky[idx] = current[idx] + rng.normal(0, 0.3, 20)
    x = np.stack([current, lucky], axis=1).astype(np.float32)
    cv = cross_validate(x, y, groups, lambda a, b, g: lambda q: q[:, 1], lambda a: a[:, 0])
    assert cv.after > cv.before  # the mean did rise...
    assert cv.after - cv.before < cv.gain_stderr  # ...by less than its standard error
    assert not cv.better
    one_job, grouped_one = grouped_folds([7] * 10, 5)
    assert not grouped_one
    assert len(one_job) == 5


def test_average_precision() -> None:
    assert average_precision([3, 2, 1], [True, False, True]) == pytest.approx((1 + 2 / 3) / 2)
    assert mean_average_precision([1, 0, 1, 0], [1, 0, 0, 1], ["a", "a", "b", "b"]) == 0.75


def _features(
    rng: np.random.Generator, n: int, signal: np.ndarray | None
) -> list[CandidateFeatures]:
    out = []
    for _ in range(n):
        emb = rng.normal(size=16).astype(np.float32)
        out.append(
            CandidateFeatures(
                summary=rng.uniform(0, 1, F).astype(np.float32),
                embedding=emb / np.linalg.norm(emb),
                terms={"python": 2.0} if rng.uniform() < 0.5 else {"sql": 1.0},
            )
        )
    return out


def test_feedback_learns_a_direction_the_prior_misses() -> None:
    rng = np.random.default_rng(3)
    feats = _features(rng, 60, None)
    direction = feats[0].embedding
    truth = np.array([float(f.embedding @ direction > 0.2) for f in feats])
    prior = np.array([f.base for f in feats])  # unrelated to the truth
    fb = fit_feedback(feats[:30], truth[:30].tolist(), prior[:30].tolist(), pool=feats)
    assert fb is not None
    assert fb.active  # its leave-one-out ranking of the decided beats the prior's
    assert fb.weights[2] > 0  # the learned weight of the embedding direction
    pred = fb.predict(feats[30:], prior[30:])
    relevant = (truth[30:] > 0).tolist()
    assert average_precision(pred.tolist(), relevant) > (
        average_precision(prior[30:].tolist(), relevant) + 0.2
    )
    assert len(fb.loo_predictions()) == 30
    # with an informative prior and nothing else, the prior keeps its weight
    informed = fit_feedback(feats[:30], truth[:30].tolist(), truth[:30].tolist())
    assert informed is not None
    assert informed.weights[1] > 0.5
    assert fit_feedback(feats[:3], [1, 0, 1], [0.1, 0.2, 0.3]) is None  # too few
    assert fit_feedback(feats[:8], [1.0] * 8, [0.5] * 8) is None  # no rejects


def _score(cid: int, sats: list[float]) -> Score:
    reqs = tuple(
        RequirementScore(
            Requirement(f"req {i}", must=i == 0), s, s, Evidence(0, 1, "x", s), ("python",)
        )
        for i, s in enumerate(sats)
    )
    return Score(
        score=100 * float(np.mean(sats)), requirements=reqs, candidate_id=cid, model_version="m"
    )


def test_rescore_keeps_the_checklist_and_records_the_version() -> None:
    scores = [_score(i, [i / 10, 0.5]) for i in range(10)]
    feats = [
        CandidateFeatures(
            summary=summary_features(s, 0.3, 0.2),
            embedding=np.zeros(4, np.float32),
            terms={},
        )
        for s in scores
    ]
    assert rescore(scores, feats, head=None, head_version="", decided={}) == scores
    x = np.stack([f.summary for f in feats])
    head = fit_head(x, np.linspace(1, 0, 10).astype(np.float32), [0] * 10)
    out = rescore(scores, feats, head=head, head_version="v4", decided={})
    assert all(o.requirements == s.requirements for o, s in zip(out, scores, strict=True))
    assert all(o.model_version == "m+head-v4" for o in out)
    assert all(
        o.components["base"] == pytest.approx(s.score) for o, s in zip(out, scores, strict=True)
    )
    assert out[0].score > out[-1].score  # the head reversed what the scorer said
    assert display_score(0.5) == 50.0
    assert display_score(1.0) > display_score(0.0)


def test_requirement_kinds() -> None:
    assert requirement_kind(Requirement("Bachelor's degree in nursing")) == "education"
    assert requirement_kind(Requirement("5+ years of experience with Go")) == "experience"
    assert requirement_kind(Requirement("Active RN licence")) == "certification"
    assert requirement_kind(Requirement("Fluent English and Mandarin")) == "language"
    assert requirement_kind(Requirement("Kubernetes and Docker")) == "skill"

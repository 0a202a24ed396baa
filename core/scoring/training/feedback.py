"""Relevance feedback within one job: its decisions re-rank its undecided candidates.

Rocchio's idea, learned rather than hand-weighted. The job's decided candidates give targets
(shortlist 1, hold 0.5, reject 0). Two directions point from the rejected resumes towards the
shortlisted (and held) ones: one in embedding space (mean unit embeddings) and one in term space
(content terms weighted by specificity and by how rare they are in the job's pool). A candidate's
position along each direction, together with the prior score (the adopted head's, or the
untrained score), is combined by weights fitted to what this recruiter decided, not set by hand.

The weights minimise a pairwise logistic loss (RankNet's): for every pair of decided candidates
where one was rated higher than the other, the loss falls as the model orders them the same way.
That is what a ranking needs. A least-squares fit spends most of its effort on the exact values of
the many clear rejects; on the graded set it re-ranked worse than this, and below textbook Rocchio
on two of three decision splits. The scores are then put back on the decisions' 0..1 scale by a
least-squares line, which keeps their order.

For the decided candidates the directions and the weights are computed without them
(leave-one-out), so their own decision never scores them and the fit is judged on honest values.
Feedback is used only when its leave-one-out ranking of the decided candidates beats the prior's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.scoring.training.features import CandidateFeatures

FloatArray = npt.NDArray[np.float64]

MIN_DECIDED = 4  # fewer decisions (or all alike) and feedback stays off
#: L2 shrinkage of the pairwise weights (on standardised signals, per ordered pair)
RIDGE = 0.1
NEWTON_STEPS = 30  # the loss is smooth and convex in four weights: Newton converges in a few
LOO_STEPS = 3  # Newton steps for each leave-one-out refit, started from the full fit


def _rows_normalised(m: FloatArray) -> FloatArray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatArray = m / norms
    return out


def _blocks(
    features: Sequence[CandidateFeatures], vocabulary: dict[str, int], idf: FloatArray
) -> list[FloatArray]:
    n = len(features)
    emb = np.stack([f.embedding for f in features]).astype(np.float64)
    terms = np.zeros((n, len(vocabulary)))
    for row, f in enumerate(features):
        for term, weight in f.terms.items():
            col = vocabulary.get(term)
            if col is not None:
                terms[row, col] = weight * idf[col]
    return [emb, _rows_normalised(terms)]


def _directions(x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The direction from the rejected to the relevant centroid, and for each decided row the
    same direction computed without that row (leave-one-out positions along it)."""
    pos = np.where(y >= 0.5, y, 0.0)
    neg = (y <= 0.0).astype(np.float64)
    s_pos, n_pos = pos @ x, pos.sum()
    s_neg, n_neg = neg @ x, neg.sum()
    direction = s_pos / max(n_pos, 1e-9) - s_neg / max(n_neg, 1e-9)
    loo = np.empty(len(y))
    for i in range(len(y)):
        d_pos = (s_pos - pos[i] * x[i]) / max(n_pos - pos[i], 1e-9)
        d_neg = (s_neg - neg[i] * x[i]) / max(n_neg - neg[i], 1e-9)
        loo[i] = x[i] @ (d_pos - d_neg)
    return direction, loo


def _quality(pred: FloatArray, y: FloatArray) -> float:
    from core.scoring.training.validation import average_precision

    return average_precision(pred.tolist(), (y >= 0.5).tolist())


def _pairs(y: FloatArray) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Index pairs (i, j) where candidate i was rated above candidate j."""
    above, below = np.nonzero(y[:, None] > y[None, :])
    return above, below


def _pairwise(
    z: FloatArray,
    above: npt.NDArray[np.intp],
    below: npt.NDArray[np.intp],
    start: FloatArray | None = None,
    steps: int = NEWTON_STEPS,
) -> FloatArray:
    """Weights minimising mean log(1 + exp(-(z_i - z_j) . w)) over the pairs, plus
    RIDGE/2 |w|^2, by Newton's method (the intercept cancels in the differences)."""
    diff = z[above] - z[below]
    k = z.shape[1]
    w = np.zeros(k) if start is None else start.copy()
    if not len(diff):  # nothing left to order: keep the starting weights
        return w
    eye = RIDGE * np.eye(k)
    for _ in range(steps):
        margin = diff @ w
        wrong = 0.5 * (1.0 - np.tanh(0.5 * margin))  # sigmoid(-margin), overflow-free
        grad = -(diff * wrong[:, None]).mean(axis=0) + RIDGE * w
        curvature = (diff * (wrong * (1.0 - wrong))[:, None]).T @ diff / len(diff) + eye
        step = np.linalg.solve(curvature, grad)
        w = w - step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


@dataclass
class Feedback:
    """Feedback fitted on one job's decisions; :meth:`predict` scores any of its candidates."""

    decided: int
    weights: FloatArray  # intercept, prior, embedding direction, term direction
    loo_quality: float  # leave-one-out AP of the decided candidates with feedback
    prior_quality: float  # the same for the prior alone
    _vocabulary: dict[str, int]
    _idf: FloatArray
    _directions: list[FloatArray]
    _loo: FloatArray  # leave-one-out predictions of the decided candidates

    @property
    def active(self) -> bool:
        return self.loo_quality > self.prior_quality

    def predict(self, features: Sequence[CandidateFeatures], prior: FloatArray) -> FloatArray:
        blocks = _blocks(features, self._vocabulary, self._idf)
        positions = [b @ d for b, d in zip(blocks, self._directions, strict=True)]
        design = np.column_stack([np.ones(len(features)), np.asarray(prior), *positions])
        out: FloatArray = design @ self.weights
        return out

    def loo_predictions(self) -> FloatArray:
        return self._loo


def fit_feedback(
    features: Sequence[CandidateFeatures],
    targets: Sequence[float],
    prior: Sequence[float],
    pool: Sequence[CandidateFeatures] = (),
) -> Feedback | None:
    """Fit feedback on a job's decided candidates, or None when there is too little to learn.

    ``pool`` (all the job's candidates, decided or not) gives the terms' document frequency.
    """
    y = np.asarray(targets, np.float64)
    p = np.asarray(prior, np.float64)
    n = len(y)
    if n < MIN_DECIDED or not (y >= 0.5).any() or not (y <= 0.0).any():
        return None
    counted = pool or features
    vocabulary: dict[str, int] = {}
    for f in (*features, *counted):
        for term in f.terms:
            vocabulary.setdefault(term, len(vocabulary))
    df = np.zeros(len(vocabulary))
    for f in counted:
        for term in f.terms:
            df[vocabulary[term]] += 1
    idf = np.log((1.0 + len(counted)) / (1.0 + df)) + 1.0
    directions, positions = [], []
    for block in _blocks(features, vocabulary, idf):
        direction, loo = _directions(block, y)
        directions.append(direction)
        positions.append(loo)
    design = np.column_stack([np.ones(n), p, *positions])
    scale = design.std(axis=0)
    scale[0] = 1.0
    scale[scale < 1e-9] = 1.0
    z = design / scale
    above, below = _pairs(y)
    w = _pairwise(z, above, below)
    ranked = z @ w
    offset, slope = np.linalg.lstsq(np.column_stack([np.ones(n), ranked]), y, rcond=None)[0]
    slope = max(float(slope), 1e-6)  # a line that keeps the fitted order
    weights = slope * w / scale  # on the decisions' 0..1 scale
    weights[0] += offset
    loo_pred = np.empty(n)
    for i in range(n):  # each decided candidate scored by weights fitted without it
        keep = (above != i) & (below != i)
        w_i = _pairwise(z, above[keep], below[keep], start=w, steps=LOO_STEPS)
        loo_pred[i] = offset + slope * float(z[i] @ w_i)
    quality = _quality(loo_pred, y)
    return Feedback(
        decided=n,
        weights=weights,
        loo_quality=quality,
        prior_quality=_quality(p, y),
        _vocabulary=vocabulary,
        _idf=idf,
        _directions=directions,
        _loo=loo_pred,
    )

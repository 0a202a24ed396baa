"""Relevance feedback within one job: its decisions re-rank its undecided candidates.

Rocchio's idea, learned rather than hand-weighted. The job's decided candidates give targets
(shortlist 1, hold 0.5, reject 0). Two directions point from the rejected resumes towards the
shortlisted (and held) ones: one in embedding space (mean unit embeddings) and one in term space
(content terms weighted by specificity and by how rare they are in the job's pool). A candidate's
position along each direction, together with the prior score (the untrained score: see
``model``), is combined by weights fitted to what this recruiter decided, not set by hand.

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

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

import numpy as np
import numpy.typing as npt

from core.scoring.training.features import CandidateFeatures

FloatArray = npt.NDArray[np.float64]

MIN_DECIDED = 4  # fewer decisions (or all alike) and feedback stays off
#: L2 shrinkage of the pairwise weights (on standardised signals, per ordered pair)
RIDGE = 0.1
NEWTON_STEPS = 30  # the loss is smooth and convex in four weights: Newton converges in a few


class _TermWeights:
    """How rare each term is in the job's pool (smoothed IDF, as TF-IDF uses it)."""

    def __init__(self, pool: Sequence[CandidateFeatures]) -> None:
        df = Counter(chain.from_iterable(f.terms for f in pool))
        self.size = len(pool)
        counts = np.fromiter(df.values(), np.float64, count=len(df))
        values = np.log((1.0 + self.size) / (1.0 + counts)) + 1.0
        self.idf = dict(zip(df.keys(), values.tolist(), strict=True))
        self.unseen = math.log(1.0 + self.size) + 1.0  # a term no pooled resume has

    def rows(
        self, features: Sequence[CandidateFeatures], vocabulary: Mapping[str, int]
    ) -> _SparseRows:
        """Each resume's terms weighted by specificity x IDF, L2-normalised over all its terms,
        in the columns of ``vocabulary`` (terms outside it count only in the norm)."""
        n = len(features)
        names = [t for f in features for t in f.terms]
        size = len(names)
        row = np.repeat(np.arange(n), [len(f.terms) for f in features])
        weight = np.fromiter(chain.from_iterable(f.terms.values() for f in features), float, size)
        weight *= np.fromiter(map(self.idf.get, names, repeat(self.unseen, size)), float, size)
        col = np.fromiter(map(vocabulary.get, names, repeat(-1, size)), np.intp, size)
        norm = np.sqrt(np.bincount(row, weight * weight, minlength=n))
        norm[norm == 0] = 1.0
        keep = col >= 0
        return _SparseRows(
            row[keep], col[keep], weight[keep] / norm[row[keep]], (n, len(vocabulary))
        )


@dataclass(frozen=True)
class _SparseRows:
    """A mostly-zero matrix as (row, column, value) entries: each resume holds a few hundred of
    the pool's thousands of terms, so products cost the entries, not rows x columns."""

    row: npt.NDArray[np.intp]
    col: npt.NDArray[np.intp]
    value: FloatArray
    shape: tuple[int, int]

    def times(self, vector: FloatArray) -> FloatArray:
        """M @ vector: each row's dot product with ``vector``."""
        return self._sum(self.row, self.value * vector[self.col], self.shape[0])

    def weighted_sum(self, weights: FloatArray) -> FloatArray:
        """weights @ M: the rows summed with ``weights``."""
        return self._sum(self.col, self.value * weights[self.row], self.shape[1])

    def squared_norms(self) -> FloatArray:
        return self._sum(self.row, self.value * self.value, self.shape[0])

    def take(self, rows: Sequence[int]) -> _SparseRows:
        """The given rows, in that order (each at most once)."""
        new = np.full(self.shape[0], -1, np.intp)
        new[np.asarray(rows, np.intp)] = np.arange(len(rows))
        mapped = new[self.row]
        keep = mapped >= 0
        return _SparseRows(
            mapped[keep], self.col[keep], self.value[keep], (len(rows), self.shape[1])
        )

    @staticmethod
    def _sum(index: npt.NDArray[np.intp], values: FloatArray, size: int) -> FloatArray:
        return np.asarray(np.bincount(index, values, minlength=size), np.float64)


@dataclass(frozen=True)
class _DenseRows:
    """An ordinary matrix with the same four operations (the embedding block)."""

    matrix: FloatArray

    def times(self, vector: FloatArray) -> FloatArray:
        out: FloatArray = self.matrix @ vector
        return out

    def weighted_sum(self, weights: FloatArray) -> FloatArray:
        out: FloatArray = weights @ self.matrix
        return out

    def squared_norms(self) -> FloatArray:
        out: FloatArray = np.einsum("ij,ij->i", self.matrix, self.matrix)
        return out

    def take(self, rows: Sequence[int]) -> _DenseRows:
        return _DenseRows(self.matrix[list(rows)])


Block = _DenseRows | _SparseRows


def _blocks(
    features: Sequence[CandidateFeatures], vocabulary: Mapping[str, int], terms: _TermWeights
) -> list[Block]:
    emb = np.stack([f.embedding for f in features]).astype(np.float64)
    return [_DenseRows(emb), terms.rows(features, vocabulary)]


def _directions(x: Block, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The direction from the rejected to the relevant centroid, and for each decided row its
    position along the same direction computed without that row (leave-one-out)."""
    pos = np.where(y >= 0.5, y, 0.0)
    neg = (y <= 0.0).astype(np.float64)
    s_pos, n_pos = x.weighted_sum(pos), pos.sum()
    s_neg, n_neg = x.weighted_sum(neg), neg.sum()
    direction = s_pos / max(n_pos, 1e-9) - s_neg / max(n_neg, 1e-9)
    own = x.squared_norms()  # each row's |x|^2: its share of its own centroid
    loo = (x.times(s_pos) - pos * own) / np.maximum(n_pos - pos, 1e-9) - (
        x.times(s_neg) - neg * own
    ) / np.maximum(n_neg - neg, 1e-9)
    return direction, loo


def _quality(pred: FloatArray, y: FloatArray) -> float:
    from core.scoring.training.validation import average_precision

    return average_precision(pred.tolist(), (y >= 0.5).tolist())


def _pairs(y: FloatArray) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Index pairs (i, j) where candidate i was rated above candidate j."""
    above, below = np.nonzero(y[:, None] > y[None, :])
    return above, below


def _pairwise(
    z: FloatArray, above: npt.NDArray[np.intp], below: npt.NDArray[np.intp]
) -> FloatArray:
    """Weights minimising mean log(1 + exp(-(z_i - z_j) . w)) over the pairs, plus
    RIDGE/2 |w|^2, by Newton's method (the intercept cancels in the differences)."""
    diff = z[above] - z[below]
    k = z.shape[1]
    w = np.zeros(k)
    eye = RIDGE * np.eye(k)
    for _ in range(NEWTON_STEPS):
        wrong = _sigmoid(-(diff @ w))
        grad = -(diff * wrong[:, None]).mean(axis=0) + RIDGE * w
        curvature = (diff * (wrong * (1.0 - wrong))[:, None]).T @ diff / len(diff) + eye
        step = np.linalg.solve(curvature, grad)
        w = w - step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w


def _sigmoid(x: FloatArray) -> FloatArray:
    out: FloatArray = 0.5 * (1.0 + np.tanh(0.5 * x))  # overflow-free
    return out


def _pairwise_loo(
    z: FloatArray, above: npt.NDArray[np.intp], below: npt.NDArray[np.intp], w: FloatArray
) -> FloatArray:
    """For each row i, the weights refitted without the pairs that involve i: one Newton step
    from the full fit ``w`` (the loss is smooth and only a few of its pairs go)."""
    n, k = z.shape
    diff = z[above] - z[below]
    wrong = _sigmoid(-(diff @ w))
    grads = -diff * wrong[:, None]  # each pair's gradient (before the mean)
    hessians = np.einsum("pi,pj->pij", diff, diff * (wrong * (1.0 - wrong))[:, None])
    g_by, h_by = np.zeros((n, k)), np.zeros((n, k, k))
    count = np.zeros(n)
    for ends in (above, below):
        np.add.at(g_by, ends, grads)
        np.add.at(h_by, ends, hessians)
        np.add.at(count, ends, 1.0)
    g_all, h_all, m = grads.sum(axis=0), hessians.sum(axis=0), len(diff)
    out = np.tile(w, (n, 1))
    for i in range(n):
        left = m - count[i]
        if left <= 0:  # every pair involves i: nothing to refit on
            continue
        grad = (g_all - g_by[i]) / left + RIDGE * w
        curvature = (h_all - h_by[i]) / left + RIDGE * np.eye(k)
        out[i] = w - np.linalg.solve(curvature, grad)
    return out


@dataclass
class Feedback:
    """Feedback fitted on one job's decisions; :meth:`predict` scores any of its candidates."""

    decided: int
    weights: FloatArray  # intercept, prior, embedding direction, term direction
    loo_quality: float  # leave-one-out AP of the decided candidates with feedback
    prior_quality: float  # the same for the prior alone
    _vocabulary: dict[str, int]
    _terms: _TermWeights
    _directions: list[FloatArray]
    _loo: FloatArray  # leave-one-out predictions of the decided candidates
    _pool: Sequence[CandidateFeatures] | None = None  # the pool it was fitted in, if any
    _pool_positions: list[FloatArray] | None = None  # the pool's positions along the directions

    @property
    def active(self) -> bool:
        return self.loo_quality > self.prior_quality

    def predict(self, features: Sequence[CandidateFeatures], prior: FloatArray) -> FloatArray:
        if features is self._pool and self._pool_positions is not None:
            positions = self._pool_positions
        else:
            blocks = _blocks(features, self._vocabulary, self._terms)
            positions = [b.times(d) for b, d in zip(blocks, self._directions, strict=True)]
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
    terms = _TermWeights(pool or features)
    # the decided resumes' terms: the direction is 0 elsewhere
    seen = dict.fromkeys(chain.from_iterable(f.terms for f in features))
    vocabulary = dict(zip(seen, range(len(seen)), strict=True))
    # the pool's rows are built once: the decided ones are among them, and predict reuses them
    where = {id(f): row for row, f in enumerate(pool)}
    pool_blocks = None
    if pool and all(id(f) in where for f in features):
        pool_blocks = _blocks(pool, vocabulary, terms)
        rows = [where[id(f)] for f in features]
        blocks = [b.take(rows) for b in pool_blocks]
    else:
        blocks = _blocks(features, vocabulary, terms)
    directions, positions = [], []
    for block in blocks:
        direction, loo = _directions(block, y)
        directions.append(direction)
        positions.append(loo)
    pool_positions = (
        None
        if pool_blocks is None
        else [b.times(d) for b, d in zip(pool_blocks, directions, strict=True)]
    )
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
    # each decided candidate scored by weights fitted without it
    loo_pred = offset + slope * np.einsum("ij,ij->i", z, _pairwise_loo(z, above, below, w))
    quality = _quality(loo_pred, y)
    return Feedback(
        decided=n,
        weights=weights,
        loo_quality=quality,
        prior_quality=_quality(p, y),
        _vocabulary=vocabulary,
        _terms=terms,
        _directions=directions,
        _loo=loo_pred,
        _pool=pool if pool_positions is not None else None,
        _pool_positions=pool_positions,
    )

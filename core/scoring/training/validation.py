"""Grouped cross-validation by job and mean average precision (MAP): the adoption test.

Folds hold out whole jobs, so nothing a model learned about a job's candidates can help it rank
that same job in the test fold: the score measures what a new job gains. With a single job
(``veil learn --job ID``) the folds hold out candidates of that job instead, and the result says
so. A decision counts as relevant when it is shortlist or hold (target >= 0.5).

A new model must rank better by more than the noise of the measurement itself: its mean gain in
average precision per held-out job must exceed that gain's standard error across jobs
(:attr:`CrossValidation.better`). A gain of a fraction of a point from one lucky fold is not
adopted: on the graded set such gains did not carry over to the other half of the same jobs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IndexArray = npt.NDArray[np.int64]
RELEVANT = 0.5


def average_precision(scores: Sequence[float], relevant: Sequence[bool]) -> float:
    """AP of ranking by ``scores`` (ties broken by position, as given)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    total = sum(1 for r in relevant if r)
    if not total:
        return 0.0
    hits, acc = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if relevant[i]:
            hits += 1
            acc += hits / rank
    return acc / total


def group_average_precisions(
    scores: Sequence[float], targets: Sequence[float], groups: Sequence[object]
) -> dict[object, float]:
    """AP per group (job) that has both relevant and non-relevant examples."""
    by_group: dict[object, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    aps: dict[object, float] = {}
    for group, idx in by_group.items():
        rel = [targets[i] >= RELEVANT for i in idx]
        if all(rel) or not any(rel):
            continue
        aps[group] = average_precision([float(scores[i]) for i in idx], rel)
    return aps


def mean_average_precision(
    scores: Sequence[float], targets: Sequence[float], groups: Sequence[object]
) -> float:
    """MAP over the groups (jobs) that have both relevant and non-relevant examples."""
    aps = group_average_precisions(scores, targets, groups)
    return float(np.mean(list(aps.values()))) if aps else 0.0


@dataclass(frozen=True)
class Fold:
    train: IndexArray
    test: IndexArray


def grouped_folds(groups: Sequence[object], k: int = 5) -> tuple[list[Fold], bool]:
    """Folds holding out whole groups (True) or, with one group, examples (False)."""
    n = len(groups)
    keys = sorted(set(groups), key=str)
    if len(keys) >= 2:
        k = min(k, len(keys))
        fold_of = {key: i % k for i, key in enumerate(keys)}
        assign = np.array([fold_of[g] for g in groups])
        grouped = True
    else:
        k = min(k, n)
        assign = np.arange(n) % k
        grouped = False
    folds = [
        Fold(np.flatnonzero(assign != f).astype(np.int64), np.flatnonzero(assign == f))
        for f in range(k)
    ]
    return [f for f in folds if len(f.test) and len(f.train)], grouped


@dataclass(frozen=True)
class CrossValidation:
    before: float  # MAP of the current model on the held-out folds
    after: float  # MAP of the newly trained models on the same folds
    folds: int
    grouped: bool  # folds held out whole jobs
    gain_stderr: float = 0.0  # standard error of the per-job AP gain (0: one job)

    @property
    def better(self) -> bool:
        """The new model ranks better, by more than one standard error of its gain."""
        return self.after - self.before > self.gain_stderr


def cross_validate(
    summary: FloatArray,
    targets: FloatArray,
    groups: Sequence[object],
    train: Callable[[FloatArray, FloatArray, Sequence[object]], Callable[[FloatArray], FloatArray]],
    current: Callable[[FloatArray], FloatArray] | FloatArray,
    k: int = 5,
) -> CrossValidation:
    """Train on each fold's rest, score its held-out part; compare with ``current`` (the
    current model as a function of ``summary``, or its scores of the same examples)."""
    folds, grouped = grouped_folds(groups, k)
    after = np.zeros(len(targets), np.float64)
    tested = np.zeros(len(targets), bool)
    for fold in folds:
        predict = train(summary[fold.train], targets[fold.train], [groups[i] for i in fold.train])
        after[fold.test] = predict(summary[fold.test])
        tested[fold.test] = True
    before = np.asarray(current(summary) if callable(current) else current, np.float64)
    idx = np.flatnonzero(tested)
    t = targets[idx].tolist()
    g = [groups[int(i)] for i in idx]  # out-of-fold predictions, ranked within each job
    old = group_average_precisions(before[idx].tolist(), t, g)
    new = group_average_precisions(after[idx].tolist(), t, g)
    gains = np.array([new[k] - old[k] for k in old])
    stderr = float(gains.std(ddof=1) / np.sqrt(len(gains))) if len(gains) >= 2 else 0.0
    return CrossValidation(
        before=float(np.mean(list(old.values()))) if old else 0.0,
        after=float(np.mean(list(new.values()))) if new else 0.0,
        folds=len(folds),
        grouped=grouped,
        gain_stderr=stderr,
    )

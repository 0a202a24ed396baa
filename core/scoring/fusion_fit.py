"""Fitting the fusion's two weights on graded pools, cross-validated across jobs.

``fusion`` takes its document and resume weights from here: the grid point with the best mean
average precision over every job (each data set counting equally), checked by leave-one-job-out
cross-validation; ``bench/eval_ranking.py`` prints both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from core.domain import Score
from core.scoring import fusion
from core.scoring.evaluation import average_precision, rank_by


@dataclass(frozen=True)
class FusionTable:
    """One job's pool: relevance grades and the components the fusion combines."""

    group: str  # the data set the job belongs to (each set counts equally when fitting)
    job: str
    names: tuple[str, ...]
    grades: tuple[int, ...]
    requirements: np.ndarray  # 0..1
    document_z: np.ndarray
    resume_z: np.ndarray
    pooled: bool  # False where the scorer gave the pool terms no points (e.g. a Chinese job)

    @classmethod
    def of(
        cls, group: str, job: str, scores: Mapping[str, Score], qrels: Mapping[str, int]
    ) -> FusionTable:
        names = tuple(scores)

        def col(key: str) -> np.ndarray:
            return np.array([scores[n].components[key] for n in names], dtype=np.float64)

        return cls(
            group=group,
            job=job,
            names=names,
            grades=tuple(int(qrels.get(n, 0)) for n in names),
            requirements=col("requirements"),
            document_z=col("document_z"),
            resume_z=col("resume_z"),
            pooled=bool(col("pool").max() > 0) if names else False,
        )

    def ap(self, document_weight: float, resume_weight: float) -> float:
        fused = fusion.fuse_pool(
            self.requirements,
            self.document_z,
            self.resume_z,
            document_weight=document_weight,
            resume_weight=resume_weight,
            pooled=self.pooled,
        )
        ranked = rank_by({n: round(f.score, 4) for n, f in zip(self.names, fused, strict=True)})
        return average_precision(ranked, dict(zip(self.names, self.grades, strict=True)))


FUSION_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)
FIT_TOLERANCE = 0.001  # mean AP; differences this small are noise between runs of the sets


def _objective(tables: Sequence[FusionTable], aps: Sequence[float]) -> float:
    """Mean AP per group, then the mean over groups (each data set counts equally)."""
    groups: dict[str, list[float]] = {}
    for table, ap in zip(tables, aps, strict=True):
        groups.setdefault(table.group, []).append(ap)
    return float(np.mean([np.mean(v) for v in groups.values()]))


def _ap_grid(
    tables: Sequence[FusionTable], grid: Sequence[float]
) -> dict[tuple[float, float], list[float]]:
    return {(d, r): [t.ap(d, r) for t in tables] for d in grid for r in grid}


def _best(
    tables: Sequence[FusionTable], aps: Mapping[tuple[float, float], Sequence[float]]
) -> tuple[float, float]:
    """The smallest weights (by their sum) whose objective is within ``FIT_TOLERANCE`` of the
    best: along the flat ridge of near-equal fits, the score stays closest to the absolute
    requirements part."""
    values = {w: _objective(tables, v) for w, v in aps.items()}
    top = max(values.values())
    near = [w for w, v in values.items() if v >= top - FIT_TOLERANCE]
    return min(near, key=lambda w: (w[0] + w[1], w))


def fit_weights(
    tables: Sequence[FusionTable], grid: Sequence[float] = FUSION_GRID
) -> tuple[float, float]:
    """(document weight, resume weight) with the best mean AP over ``tables``."""
    return _best(tables, _ap_grid(tables, grid))


@dataclass(frozen=True)
class CrossValidation:
    """Leave-one-job-out: each job scored with weights fitted on the other jobs only."""

    tables: tuple[FusionTable, ...]
    held_out_ap: dict[tuple[str, str], float]  # (group, job) -> AP, weights fitted without it
    fold_weights: dict[tuple[str, str], tuple[float, float]]
    all_weights: tuple[float, float]  # fitted on every job (what the product would use)

    def map(self, group: str) -> float:
        return float(np.mean([ap for (g, _), ap in self.held_out_ap.items() if g == group]))


def cross_validate(
    tables: Sequence[FusionTable], grid: Sequence[float] = FUSION_GRID
) -> CrossValidation:
    aps = _ap_grid(tables, grid)
    held: dict[tuple[str, str], float] = {}
    folds: dict[tuple[str, str], tuple[float, float]] = {}
    for i, table in enumerate(tables):
        rest = [t for j, t in enumerate(tables) if j != i]
        weights = _best(rest, {w: [a for j, a in enumerate(v) if j != i] for w, v in aps.items()})
        folds[(table.group, table.job)] = weights
        held[(table.group, table.job)] = aps[weights][i]
    return CrossValidation(tuple(tables), held, folds, _best(tables, aps))

"""One explained 0-100 score from three signals: requirements, document match, whole resume.

    score = requirements + document match + whole-resume similarity     (points, see below)

- *requirements*: 100 x the weighted mean satisfaction of the job's requirements, each with its
  evidence (``scorer``). An absolute measure: 70 means the requirements are met about as well as
  a met requirement, on any job and in any pool.
- *document match*: how far the resume's TF-IDF match with the whole posting lies above or below
  the pool's mean, in pool standard deviations (``pool_stats``), times ``DOCUMENT_WEIGHT``.
- *whole-resume similarity*: the same for how the resume reads next to the posting in the
  encoder's space (the resume's overall embedding and its five closest lines, see
  ``pool_stats.resume_similarity``), times ``RESUME_WEIGHT``.

Both pool terms are standard scores (z-scores within the pool), and they are put in points with
the pool's own spread of requirement points: one standard deviation of document match is worth
``DOCUMENT_WEIGHT`` standard deviations of the requirements part. So the ranking is the
weighted sum of the three z-scores (requirements weight 1), and the score's points add up to it.
Over the pool the two pool terms add nothing on average: the requirements part keeps its
calibration for a typical candidate, while a resume that reads clearly more like the job than
its peers moves up (and one that reads clearly less moves down).

Outside 5..95 the sum is compressed smoothly (never clipped), so that two candidates never tie
at 0 or 100 and the order is the order of the sum. A resume scored alone (no pool), a pool of
fewer than ``MIN_POOL`` or a Chinese posting (the document-level signals compare words and
meaning within one language) gets 0 points from the pool terms, and the score says so.

The two weights were fitted by leave-one-job-out cross-validation over the graded set and the
real-world dev set (``core.scoring.evaluation.cross_validate``, printed by
``bench/eval_ranking.py``), never on the job being evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: weight of each pool term, in standard deviations of the requirements part (fitted)
DOCUMENT_WEIGHT = 0.5
RESUME_WEIGHT = 4.0
MIN_POOL = 3  # fewer candidates: no spread to compare with, the pool terms are 0
MIN_UNIT = 2.0  # points per standard deviation when the requirement scores hardly vary
SOFT_LOW, SOFT_HIGH = 5.0, 95.0  # outside this band the sum is compressed, never clipped

FloatArray = npt.NDArray[np.float64]


def pool_z(values: Sequence[float] | FloatArray) -> FloatArray:
    """Standard scores within the pool; all 0 for a pool under ``MIN_POOL`` or without spread."""
    array = np.asarray(values, dtype=np.float64)
    if len(array) < MIN_POOL:
        return np.zeros(len(array))
    sd = float(array.std())
    if sd <= 1e-9:
        return np.zeros(len(array))
    out: FloatArray = (array - array.mean()) / sd
    return out


def compress(total: float) -> float:
    """``total`` inside 5..95; outside, hyperbolically towards 0 and 100 (smooth, monotone,
    never reached: 150 shows as 99.6, 300 as 99.9, -100 as 0.2)."""
    if total > SOFT_HIGH:
        return 100.0 - 25.0 / (total - 90.0)
    if total < SOFT_LOW:
        return 25.0 / (10.0 - total)
    return total


@dataclass(frozen=True)
class Fused:
    """A score and the points each component added to it."""

    score: float  # ``compress(total)`` (no pool: ``total``, the requirements part)
    total: float  # requirements + document + resume
    requirements: float
    document: float
    resume: float
    unit: float  # points per pool standard deviation (0: no pool)


def fuse_pool(
    requirements: Sequence[float] | FloatArray,
    document_z: Sequence[float] | FloatArray,
    resume_z: Sequence[float] | FloatArray,
    *,
    document_weight: float = DOCUMENT_WEIGHT,
    resume_weight: float = RESUME_WEIGHT,
    pooled: bool = True,
) -> list[Fused]:
    """The scores of a pool: ``requirements`` (0..1 each) and the two pool standard scores."""
    req = 100.0 * np.asarray(requirements, dtype=np.float64)
    if not pooled or len(req) < MIN_POOL:
        # requirements alone are already 0..100: shown as they are
        return [Fused(float(r), float(r), float(r), 0.0, 0.0, 0.0) for r in req]
    unit = max(float(req.std()), MIN_UNIT)
    doc = unit * document_weight * np.asarray(document_z, dtype=np.float64)
    res = unit * resume_weight * np.asarray(resume_z, dtype=np.float64)
    total = req + doc + res
    return [
        Fused(compress(float(t)), float(t), float(r), float(d), float(s), unit)
        for t, r, d, s in zip(total, req, doc, res, strict=True)
    ]


def explain(fused: Fused, pool: int, reason: str = "") -> str:
    """The one-line breakdown shown with every score."""
    if fused.unit == 0.0:
        why = reason or (
            "scored alone, with no other candidates to compare with"
            if pool < MIN_POOL
            else "the pool terms are off"
        )
        return (
            f"Score = requirements {fused.requirements:.1f}. Document match and whole-resume "
            f"similarity add 0 points: {why}."
        )
    shown = (
        ""
        if fused.score == fused.total
        else f" = {fused.total:.1f}, shown as {fused.score:.1f} (outside 5-95 scores are "
        "compressed so that none tie at 0 or 100)"
    )
    return (
        f"Score = requirements {fused.requirements:.1f} {fused.document:+.1f} document match "
        f"{fused.resume:+.1f} whole-resume similarity{shown}. The last two compare this resume "
        f"with the {pool} candidates ranked ({fused.unit:.1f} points per standard deviation)."
    )

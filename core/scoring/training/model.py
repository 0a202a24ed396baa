"""Re-scoring a job's candidates with what was learned: the job's own decisions (feedback) or
the adopted head, on top of the scorer's explained requirement-level result.

A job with enough decisions is re-ranked by feedback fitted on them, starting from the untrained
score; the head serves the jobs whose decisions do not (yet) re-rank better. Feedback does not
start from the head because the head was trained on the same decisions: as a prior for this
job's decided candidates it is judged in-sample, looks better than it is, and crowds out what
the recruiter said about this job (on the graded set, feedback over the head ranked worse).

The requirement checklist and evidence are left exactly as the scorer found them; only the overall
score changes, and the score says why: ``components["base"]`` keeps the untrained score,
``components["learned"]`` the learned estimate (0 = reject .. 1 = shortlist), a note names the
model version and the number of decisions used, and ``model_version`` records both.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence

import numpy as np

from core.domain import Score
from core.scoring.training.features import CandidateFeatures
from core.scoring.training.feedback import fit_feedback
from core.scoring.training.head import Head


def display_score(estimate: float) -> float:
    """The learned estimate on Veil's 0-100 scale (monotone, so the ranking is kept):
    0.5 (a hold) shows as 50, 1.0 (a shortlist) as 88, 0.0 (a reject) as 12."""
    return round(100.0 / (1.0 + math.exp(-4.0 * (estimate - 0.5))), 4)


def rescore(
    scores: Sequence[Score],
    features: Sequence[CandidateFeatures],
    *,
    head: Head | None,
    head_version: str,
    decided: Mapping[int, float],
) -> list[Score]:
    """The scores re-computed from the job's ``decided`` targets (candidate id -> 0..1) when
    feedback on them ranks the decided candidates better than the untrained score, else with
    ``head`` (None: the scores as they are). Returns them in the same order."""
    base = np.array([f.base for f in features], np.float64)
    ids = [int(s.candidate_id or 0) for s in scores]
    rows = [i for i, cid in enumerate(ids) if cid in decided]
    feedback = fit_feedback(
        [features[i] for i in rows],
        [decided[ids[i]] for i in rows],
        base[rows].tolist(),
        pool=features,
    )
    used = feedback is not None and feedback.active
    if feedback is not None and used:
        estimate = feedback.predict(features, base)
        estimate[rows] = feedback.loo_predictions()  # never scored by their own decision
        version_tag = f"+feedback-{len(rows)}"
        by = f"{len(rows)} decisions on this job"
    elif head is not None:
        summary = np.stack([f.summary for f in features]).astype(np.float32)
        estimate = head.predict(summary).astype(np.float64)
        version_tag = f"+head-{head_version}"
        by = f"the learned model {head_version}"
    else:
        return list(scores)
    note = f"Score re-ranked by {by}; the checklist is the scorer's."
    out = []
    for score, value in zip(scores, estimate, strict=True):
        components = dict(score.components)
        components["base"] = round(score.score, 4)
        components["learned"] = round(float(value), 4)
        out.append(
            dataclasses.replace(
                score,
                score=display_score(float(value)),
                model_version=score.model_version + version_tag,
                notes=(*score.notes, note),
                components=components,
            )
        )
    return out

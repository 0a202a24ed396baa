"""Learning from the recruiter's decisions, on this machine.

- ``features``: what the scorer already computes for a (job, candidate), as numbers; never
  anything from placeholders, names, file names or metadata.
- ``head``: a small scoring head (torch, squared error, mini-batch gradient descent, early
  stopping, fixed seed) trained on every job's decisions, so new jobs benefit from past ones.
- ``feedback``: within one job, its decisions re-rank its undecided candidates (kernel ridge
  regression on embeddings, terms and requirement satisfaction, regularisation chosen by
  leave-one-out error: learned, not hand-weighted).
- ``validation``: grouped cross-validation by job and MAP, the adoption test.
- ``model``: a trained model version as bytes, and how it re-scores a job's candidates.
- ``encoder_finetune``: optional fine-tuning of the encoder itself (cosine-similarity MSE).
"""

from __future__ import annotations

from core.scoring.training.features import (
    FEATURE_NAMES,
    CandidateFeatures,
    FeatureBuilder,
    decision_target,
)

__all__ = ["FEATURE_NAMES", "CandidateFeatures", "FeatureBuilder", "decision_target"]

"""What ranking applies after the scorer: the adopted model and the job's own decisions.

``rank_job`` (and the compliance checks that re-score a pool) take the scorer from
``scorer_for`` (over the fine-tuned encoder when the adopted model has one) and apply
:class:`Learned` to fresh scores before they are stored. ``learning`` trains what is applied here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from core.domain import DecisionKind, ModelVersion, Score
from core.services.engines import Engines

if TYPE_CHECKING:
    from core.storage import Workspace

BASE_VERSION = "base"  # the untrained scorer, as a version name

FloatArray = npt.NDArray[np.float32]


def latest_decisions(
    ws: Workspace, job_id: int | None = None, targets: Mapping[DecisionKind, float] | None = None
) -> dict[int, dict[int, float]]:
    """job id -> candidate id -> target of the latest decision on each (job, candidate)."""
    from core.scoring.training.features import decision_target

    decisions = ws.decisions.for_job(job_id) if job_id is not None else ws.decisions.all()
    out: dict[int, dict[int, float]] = {}
    for d in decisions:  # oldest first: later decisions replace earlier ones
        out.setdefault(d.job_id, {})[d.candidate_id] = decision_target(d.kind, targets)
    return out


def current_predict(ws: Workspace) -> tuple[Callable[[FloatArray], FloatArray], str]:
    """The adopted model's predictions from features (the untrained score: column 0)."""
    from core.scoring.training.head import Head

    active = ws.models.active()
    if active is None:
        return (lambda x: x[:, 0]), BASE_VERSION
    head = Head.from_bytes(ws.models.weights(active.id)[0])
    return head.predict, active.version


def scorer_for(ws: Workspace, engines: Engines) -> Any:
    """The scorer ranking should use: over the fine-tuned encoder when the adopted model has
    one, else the engines' scorer (over the workspace's chosen encoder)."""
    from core.services.models import bind_encoder

    bind_encoder(ws, engines)
    active = _active(ws)
    if active is None or not active.encoder_hash or engines.encoder is None:
        return engines.scorer(ws.embeddings)
    from core.scoring import Scorer
    from core.scoring.training.encoder_finetune import load_finetuned

    weights = ws.models.weights(active.id)[1]
    if weights is None:
        return engines.scorer(ws.embeddings)
    tuned = load_finetuned(engines.encoder, weights, active.encoder_hash)  # type: ignore[arg-type]
    return Scorer(tuned, ws.embeddings)


def _active(ws: Workspace) -> ModelVersion | None:
    models = getattr(ws, "models", None)
    return None if models is None else models.active()


@dataclass(frozen=True)
class Learned:
    """What re-ranks a job after the scorer: the adopted head and the job's own decisions.

    ``rank_job`` loads it before scoring (None when neither applies, which costs nothing) and
    applies it to the fresh scores before they are stored, so each ranking writes its scores
    once."""

    scorer: Any  # a real Scorer: learning needs its encoder and profiles
    job: Any
    head: Any  # core.scoring.training.head.Head, or None (the untrained score)
    head_version: str
    decided: Mapping[int, float]

    @classmethod
    def load(cls, ws: Workspace, scorer: Any, job: Any) -> Learned | None:
        from core.scoring import Scorer

        if not isinstance(scorer, Scorer):
            return None
        active = _active(ws)
        decided = latest_decisions(ws, job.id).get(job.id, {})
        if active is None and not decided:
            return None
        head = None
        if active is not None:
            from core.scoring.training.head import Head

            head = Head.from_bytes(ws.models.weights(active.id)[0])
        version = active.version if active is not None else ""
        return cls(scorer, job, head, version, decided)

    def apply(
        self, scores: list[Score], texts: Mapping[int, str], profiles: Mapping[int, Any]
    ) -> list[Score]:
        """The scores re-computed by the job's decisions (feedback) or else the head, in order.
        ``profiles`` are the ones the scorer loaded for them (read again when missing)."""
        from core.scoring.training.features import FeatureBuilder
        from core.scoring.training.model import rescore

        if not scores:
            return scores
        ids = [int(s.candidate_id or 0) for s in scores]
        known = [p for p in (profiles.get(c) for c in ids) if p is not None]
        builder = FeatureBuilder(self.scorer)
        redacted = [texts[c] for c in ids]
        documents = builder.documents(redacted, known if len(known) == len(ids) else None)

        def features(summaries: bool) -> list[Any]:
            return builder.build(
                self.job.text,
                scores,
                redacted,
                with_terms=bool(self.decided),
                summaries=summaries,
                documents=documents,
            )

        if self.decided:  # the job's own decisions first: they need no summaries
            out = rescore(scores, features(False), head=None, head_version="", decided=self.decided)
            if self.head is None or "+feedback-" in (out[0].model_version if out else ""):
                return out
        return rescore(
            scores, features(True), head=self.head, head_version=self.head_version, decided={}
        )

"""Score and rank a job's candidates (or the whole pool) and read the ranking back."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.domain import Decision, Score
from core.errors import UserError
from core.services.engines import Engines
from core.services.learned import Learned, scorer_for
from core.services.progress import Progress

if TYPE_CHECKING:
    from core.storage import Workspace


class NoRequirementsError(UserError):
    """The job has no requirements to score against."""

    def __init__(self) -> None:
        super().__init__(
            "This job has no requirements to score against.",
            hint="Add requirements to the job (one a line, 'must' or 'nice'), then rank again.",
        )


@dataclass(frozen=True)
class RankedRow:
    """One line of a job's ranking: a candidate's stored score and the latest decision."""

    rank: int
    candidate_id: int
    score: Score
    decision: Decision | None = None


def rank_job(
    ws: Workspace, engines: Engines, job_id: int, *, pool: bool = False, actor: str = ""
) -> Generator[Progress, None, list[Score]]:
    """Score ``job_id`` against its candidates (``pool=True``: every candidate), re-rank with
    the adopted model and the job's decisions, and store the scores with the model version in
    one transaction (a cancelled ranking leaves the previous one as it was). Returns the scores,
    best first. Embeddings already in the workspace's cache (from import or an earlier ranking)
    are not recomputed.

    The candidates ranked together are the pool: the document match and whole-resume
    similarity of each score are relative to them (``core.scoring.fusion``), so the same resume
    can score differently against the job's own candidates and against the whole pool. Each
    score's first note says which pool it was compared with."""
    job = ws.jobs.get(job_id)
    if not job.requirements:
        raise NoRequirementsError()
    candidates = ws.candidates.list() if pool else ws.candidates.list(job_id)
    texts = {c.id: c.redacted_text for c in candidates}
    total = len(texts)
    yield Progress(0, total, None, "loading the model")
    scorer = scorer_for(ws, engines)  # the adopted model's encoder, if fine-tuned
    version = scorer.model_version
    learned = Learned.load(ws, scorer, job)  # None: no model, no decisions
    profiles: dict[int, Any] = {}
    # the whole posting feeds the document-level signals; the pool is the candidates ranked
    ranked = (
        scorer.rank(job.requirements, texts, profiles=profiles, job_text=job.text)
        if learned is not None
        else scorer.rank(job.requirements, texts, job_text=job.text)
    )
    scores: list[Score] = []
    for cid, score in ranked:
        scores.append(
            dataclasses.replace(score, candidate_id=cid, job_id=job_id, model_version=version)
        )
        yield Progress(len(scores), total, scores[-1], "scored")
    if learned is not None:
        scores = learned.apply(scores, texts, profiles)
        version = scores[0].model_version if scores else version
    with ws.transaction():
        ws.scores.put_many(scores)
        ws.audit.append(
            "ranking.computed",
            actor,
            {"job_id": job_id, "candidates": len(scores), "pool": int(pool), "model": version},
        )
    scores.sort(key=_order)
    return scores


def _order(score: Score) -> tuple[float, int]:
    return (-score.score, score.candidate_id or 0)


def ranking(ws: Workspace, job_id: int) -> list[RankedRow]:
    """The job's stored scores, best first, each with the latest decision on that candidate."""
    ws.jobs.get(job_id)
    scores = sorted(ws.scores.for_job(job_id), key=_order)
    # one read for the job's decisions, oldest first, so the last one per candidate wins: a
    # query per row cost 1,000 round trips to the database thread (118 of 200 ms at 1,000 rows)
    latest = {decision.candidate_id: decision for decision in ws.decisions.for_job(job_id)}
    rows = []
    for rank, score in enumerate(scores, start=1):
        cid = int(score.candidate_id or 0)
        rows.append(RankedRow(rank, cid, score, latest.get(cid)))
    return rows

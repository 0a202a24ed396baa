"""Reads the CLI and the GUI share: the jobs overview, a candidate under review, a job's
ranking page, the audit page.

The desktop reaches stored data only through ``core.services`` (an import-linter contract), so
each screen's read is one function here, used by the matching CLI command too. Reads that touch
a candidate are audited exactly as ``view_candidate`` is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.domain import AuditEvent, AuditVerification, Candidate, Decision, Job, Requirement, Score
from core.services.ranking import RankedRow, ranking
from core.services.review import view_candidate

if TYPE_CHECKING:
    from core.storage import Workspace


def list_jobs(ws: Workspace) -> list[Job]:
    """Every job, oldest first, with its requirements."""
    jobs: list[Job] = ws.jobs.list()
    return jobs


def get_job(ws: Workspace, job_id: int) -> Job:
    """One job (``NotFoundError``, a user error, when there is none)."""
    job: Job = ws.jobs.get(job_id)
    return job


def suggest_requirements(text: str) -> list[Requirement]:
    """The requirements a posting's text states, as the job parser reads them (no workspace)."""
    from core.scoring import parse_requirements

    return list(parse_requirements(text))


@dataclass(frozen=True)
class CandidateReview:
    """A candidate as a blind reviewer sees them for one job: redacted text, score, decision."""

    candidate: Candidate
    score: Score | None
    decision: Decision | None


def review_candidate(
    ws: Workspace, candidate_id: int, *, reviewer: str, job_id: int | None = None
) -> CandidateReview:
    """The candidate's redacted view (audited), with their stored score and latest decision
    for ``job_id`` when one is given."""
    if job_id is not None:
        ws.jobs.get(job_id)  # an unknown job is the user's error, before anything is audited
    candidate = view_candidate(ws, candidate_id, reviewer=reviewer)
    if job_id is None:
        return CandidateReview(candidate, None, None)
    score: Score | None = ws.scores.get(job_id, candidate_id)
    decision: Decision | None = ws.decisions.latest(job_id, candidate_id)
    return CandidateReview(candidate, score, decision)


@dataclass(frozen=True)
class RankingPage:
    """A job's ranking with what the ranking screen shows beside it."""

    rows: list[RankedRow]
    added_at: dict[int, str]  # candidate id -> when their resume was imported
    unscored: int  # candidates of the job without a stored score (import or scoring pending)


def ranking_page(ws: Workspace, job_id: int) -> RankingPage:
    rows = ranking(ws, job_id)
    added = {c.id: c.created_at for c in ws.candidates.list(job_id)}
    return RankingPage(rows, added, len(added) - len(rows))


@dataclass(frozen=True)
class AuditPage:
    """The audit log, oldest first, and whether its hash chain verifies."""

    events: list[AuditEvent]
    verification: AuditVerification


def list_audit(ws: Workspace, *, limit: int | None = None) -> list[AuditEvent]:
    events: list[AuditEvent] = ws.audit.list(limit=limit)
    return events


def verify_audit(ws: Workspace) -> AuditVerification:
    result: AuditVerification = ws.audit.verify()
    return result


def audit_page(ws: Workspace) -> AuditPage:
    return AuditPage(list_audit(ws), verify_audit(ws))

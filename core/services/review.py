"""Blind review: view a candidate's redacted text, reveal the identity on purpose, decide.

Every call here leaves an entry in the workspace's hash-chained audit log, in the same
transaction as what it records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.domain import Candidate, Decision, DecisionKind, Document
from core.errors import UserError

if TYPE_CHECKING:
    from core.storage import Workspace


class ReviewerRequiredError(UserError):
    def __init__(self) -> None:
        super().__init__(
            "A reviewer name is needed to record this.",
            hint="Give your name (CLI: --reviewer NAME or VEIL_REVIEWER).",
        )


def _reviewer(reviewer: str) -> str:
    name = " ".join(reviewer.split())
    if not name:
        raise ReviewerRequiredError()
    return name


def view_candidate(ws: Workspace, cid: int, *, reviewer: str) -> Candidate:
    """The candidate as a blind reviewer sees them (redacted text); audited."""
    who = _reviewer(reviewer)
    candidate: Candidate = ws.candidates.get(cid)
    ws.audit.append("candidate.viewed", who, {"candidate_id": cid})
    return candidate


def reveal_identity(
    ws: Workspace, cid: int, *, reviewer: str, job_id: int | None = None
) -> Document:
    """The original document (identity included); audited as ``identity.revealed``."""
    who = _reviewer(reviewer)
    with ws.transaction():
        document: Document = ws.candidates.document(cid)
        subject: dict[str, int | str] = {"candidate_id": cid}
        if job_id is not None:
            subject["job_id"] = job_id
        ws.audit.append("identity.revealed", who, subject)
    return document


def decide(
    ws: Workspace,
    job_id: int,
    cid: int,
    kind: DecisionKind | str,
    *,
    reason: str = "",
    reviewer: str,
) -> Decision:
    """Record shortlist / hold / reject with a reason; audited as ``decision.recorded``."""
    who = _reviewer(reviewer)
    try:
        kind = DecisionKind(kind)
    except ValueError:
        raise UserError("Unknown decision.", hint="Use one of: shortlist, hold, reject.") from None
    ws.jobs.get(job_id)
    ws.candidates.get(cid)
    with ws.transaction():
        decision: Decision = ws.decisions.add(
            Decision(
                job_id=job_id, candidate_id=cid, kind=kind, reason=reason.strip(), reviewer=who
            )
        )
        ws.audit.append(
            "decision.recorded",
            who,
            {"job_id": job_id, "candidate_id": cid, "kind": kind.value, "decision_id": decision.id},
        )
    return decision

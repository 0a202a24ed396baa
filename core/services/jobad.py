"""Job-ad and review-language checks: a posting's text (or a stored job, with its candidate
pool), or a review's text, against the rules of its language and the chosen jurisdiction.

Checking text touches no workspace and is fast enough to run as the recruiter types (a
1,000-word posting in a few milliseconds once warm, ``bench/jobad_speed.py``); ``check_job``
reads the stored job and its stored scores for the pool-aware requirement check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import UserError
from core.jobad import JURISDICTIONS, Finding, Report, UnknownJurisdictionError
from core.jobad import check_posting as _check_posting
from core.jobad import check_review as _check_review
from core.jobad.pool import PoolCheck, check_pool

if TYPE_CHECKING:
    from core.storage import Workspace

__all__ = [
    "JURISDICTIONS",
    "Finding",
    "JobCheck",
    "PoolCheck",
    "Report",
    "apply_rewrite",
    "check_job",
    "check_posting_text",
    "check_review_text",
    "pool_check",
    "rewrite_span",
]


class UnknownJurisdiction(UserError):
    def __init__(self, value: str) -> None:
        super().__init__(
            f"Unknown jurisdiction {value!r}.", hint=f"Use one of: {', '.join(JURISDICTIONS)}."
        )


@dataclass(frozen=True)
class JobCheck:
    """A stored job's posting checked, with the pool-aware requirement check."""

    job_id: int
    report: Report
    pool: PoolCheck

    def as_json(self) -> dict[str, Any]:
        out = self.report.as_json()
        out["job_id"] = self.job_id
        out["pool"] = self.pool.as_json()
        return out


def check_posting_text(
    text: str, *, jurisdiction: str | None = None, musts: int | None = None
) -> Report:
    """Findings in a posting's text; ``jurisdiction`` adds that place's rules (pay ranges)."""
    try:
        return _check_posting(text, jurisdiction=jurisdiction, musts=musts)
    except UnknownJurisdictionError as exc:
        raise UnknownJurisdiction(str(exc)) from None


def check_review_text(text: str) -> Report:
    """Findings in performance-review text (personality, vague praise, age, family, health)."""
    return _check_review(text)


def check_job(ws: Workspace, job_id: int, *, jurisdiction: str | None = None) -> JobCheck:
    """Check a stored job's posting (its edited must-haves counted) and how each must-have
    cuts the candidates already ranked for it (from the stored scores; nothing is re-encoded)."""
    job = ws.jobs.get(job_id)
    musts = sum(1 for r in job.requirements if r.must) if job.requirements else None
    report = check_posting_text(job.text, jurisdiction=jurisdiction, musts=musts)
    return JobCheck(job_id, report, check_pool(job, ws.scores.for_job(job_id)))


def pool_check(ws: Workspace, job_id: int) -> PoolCheck:
    """The pool-aware requirement check alone (for the job editor's panel)."""
    return check_pool(ws.jobs.get(job_id), ws.scores.for_job(job_id))


def rewrite_span(text: str, finding: Finding) -> tuple[int, int, str] | None:
    """The range of ``text`` a one-click rewrite replaces, and what it puts there: ``None``
    when the finding has no rewrite or its span no longer holds the text found. A removal also
    takes a separator it would leave dangling ("男性优先，" goes whole)."""
    if finding.replacement is None or finding.document:
        return None
    if text[finding.start : finding.end] != finding.text:
        return None
    end = finding.end
    if finding.replacement == "" and text[end : end + 1] in ("，", "、", "；", ",", ";"):
        end += 1
        while text[end : end + 1] == " ":
            end += 1
    return finding.start, end, finding.replacement


def apply_rewrite(text: str, finding: Finding) -> str:
    """``text`` with the finding's rewrite applied (unchanged when it has none or is stale)."""
    span = rewrite_span(text, finding)
    if span is None:
        return text
    start, end, new = span
    return text[:start] + new + text[end:]

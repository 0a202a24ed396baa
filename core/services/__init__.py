"""Use cases the CLI and the GUI drive: import, rank, review, decide, jobs.

Long work is a generator yielding ``Progress`` and returning its result; closing it stops the
work cleanly and leaves the workspace consistent.
"""

from core.services.engines import Engines
from core.services.importing import FileOutcome, ImportSummary, import_paths, import_sources
from core.services.jobs import create_job, set_requirement_weight, update_job
from core.services.progress import Progress, run_to_end
from core.services.ranking import RankedRow, rank_job, ranking
from core.services.reading import (
    AuditPage,
    CandidateReview,
    RankingPage,
    audit_page,
    get_job,
    list_audit,
    list_jobs,
    ranking_page,
    review_candidate,
    suggest_requirements,
    verify_audit,
)
from core.services.review import decide, reveal_identity, view_candidate

__all__ = [
    "AuditPage",
    "CandidateReview",
    "Engines",
    "FileOutcome",
    "ImportSummary",
    "Progress",
    "RankedRow",
    "RankingPage",
    "audit_page",
    "create_job",
    "decide",
    "get_job",
    "import_paths",
    "import_sources",
    "list_audit",
    "list_jobs",
    "rank_job",
    "ranking",
    "ranking_page",
    "reveal_identity",
    "review_candidate",
    "run_to_end",
    "set_requirement_weight",
    "suggest_requirements",
    "update_job",
    "verify_audit",
    "view_candidate",
]

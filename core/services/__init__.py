"""Use cases the CLI and the GUI drive: import, rank, review, decide, jobs.

Long work is a generator yielding ``Progress`` and returning its result; closing it stops the
work cleanly and leaves the workspace consistent.
"""

from core.services.engines import Engines
from core.services.importing import FileOutcome, ImportSummary, import_paths, import_sources
from core.services.jobs import create_job, set_requirement_weight, update_job
from core.services.progress import Progress, run_to_end
from core.services.ranking import RankedRow, rank_job, ranking
from core.services.review import decide, reveal_identity, view_candidate

__all__ = [
    "Engines",
    "FileOutcome",
    "ImportSummary",
    "Progress",
    "RankedRow",
    "create_job",
    "decide",
    "import_paths",
    "import_sources",
    "rank_job",
    "ranking",
    "reveal_identity",
    "run_to_end",
    "set_requirement_weight",
    "update_job",
    "view_candidate",
]

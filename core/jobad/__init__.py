"""Job-ad and review-language checker: rules as data files (``rules/*.toml``), one engine.

Each finding names its rule, severity, span, source (law, regulator guidance or research) and a
suggested rewrite. ``pool`` adds the pool-aware requirement check for a job with candidates.
"""

from core.jobad.engine import (
    UnknownJurisdictionError,
    check_posting,
    check_review,
    detect_language,
    normalise_jurisdiction,
)
from core.jobad.model import JURISDICTIONS, Finding, Report, Rule

__all__ = [
    "JURISDICTIONS",
    "Finding",
    "Report",
    "Rule",
    "UnknownJurisdictionError",
    "check_posting",
    "check_review",
    "detect_language",
    "normalise_jurisdiction",
]

"""The skill-gap matrix: a person's satisfaction of each competency over all their documents.

Each document is scored by the scorer like a resume (per requirement: satisfaction 0..1 and the
evidence span). A person's satisfaction of a competency is the best over their documents, and
the evidence is that document's; a competency below the scorer's "met" (``RequirementScore``'s
``status``) is a gap. Team aggregates are shown only for groups of at least ``MIN_GROUP`` people
(k-anonymity): a smaller group's average would tell too much about each of its members.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from core.domain import Requirement, Score
from core.people.model import Cell, PersonDocument, PersonGaps

#: Team aggregates need at least this many people (k-anonymity).
MIN_GROUP = 5

_KINDS = (
    ("manager_review", re.compile(r"manager|supervisor|lead[\s_-]*review|经理|主管|上级", re.I)),
    ("self_review", re.compile(r"self|自评|自我", re.I)),
    ("project_summary", re.compile(r"project|项目", re.I)),
    ("cv", re.compile(r"\bcv\b|resume|résumé|curriculum|简历|履历", re.I)),
)


def document_kind(filename: str) -> str:
    """The kind of an employee document told by its file name, else ``document``."""
    stem = re.sub(r"[_\-.]+", " ", PurePath(filename).stem)
    for kind, pattern in _KINDS:
        if pattern.search(stem):
            return kind
    return "document"


def person_gaps(
    person_id: int,
    competencies: Sequence[Requirement],
    documents: Sequence[PersonDocument],
    scores: Mapping[int, Score],
) -> PersonGaps:
    """One person's row: per competency the best document's satisfaction and evidence.

    ``scores`` maps a document id to its score against ``competencies`` (in the same order);
    documents without a score are left out. Ties go to the earlier document."""
    cells: list[Cell] = []
    for index, competency in enumerate(competencies):
        best: Cell | None = None
        for doc in documents:
            score = scores.get(doc.id)
            if score is None:
                continue
            result = score.requirements[index]
            if best is not None and result.satisfaction <= best.satisfaction:
                continue
            best = Cell(
                competency=competency,
                satisfaction=result.satisfaction,
                gap=result.status != "met",
                evidence=result.evidence,
                document_id=doc.id,
                document=doc.name,
                kind=doc.kind,
            )
        cells.append(best or Cell(competency=competency, satisfaction=0.0, gap=True))
    return PersonGaps(person_id=person_id, cells=tuple(cells))


@dataclass(frozen=True)
class TeamSummary:
    """Per competency, the share of people with a gap and the mean satisfaction; ``None``
    (with ``reason``) when the group is too small to show them."""

    people: int
    gap_share: tuple[float, ...] | None
    mean_satisfaction: tuple[float, ...] | None
    reason: str = ""


def team_summary(rows: Sequence[PersonGaps], min_group: int = MIN_GROUP) -> TeamSummary:
    n = len(rows)
    if n < min_group:
        return TeamSummary(
            n,
            None,
            None,
            f"Team figures are hidden: this group has {n} people, fewer than {min_group}, "
            "so they would reveal individuals.",
        )
    width = len(rows[0].cells)
    gaps = tuple(sum(r.cells[i].gap for r in rows) / n for i in range(width))
    means = tuple(sum(r.cells[i].satisfaction for r in rows) / n for i in range(width))
    return TeamSummary(n, gaps, means)

"""JSON shapes of ``veil role`` and ``veil people`` (scripts and tests depend on them)."""

from __future__ import annotations

from typing import Any

from core.people.gaps import team_summary
from core.people.marks import checked
from core.people.model import Cell, GapMatrix, Plan, Role


def role_json(role: Role, *, with_text: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": role.id,
        "title": role.title,
        "language": role.language,
        "created_at": role.created_at,
        "competencies": [
            {"text": c.text, "must": c.must, "weight": c.weight} for c in role.competencies
        ],
    }
    if with_text:
        out["text"] = role.text
    return out


def cell_json(cell: Cell) -> dict[str, Any]:
    evidence = None
    if cell.evidence is not None:
        evidence = {
            "text": cell.evidence.text,
            "document": cell.document,
            "document_id": cell.document_id,
            "kind": cell.kind,
            "start": cell.evidence.start,
            "end": cell.evidence.end,
        }
    return {
        "competency": cell.competency.text,
        "must": cell.competency.must,
        "satisfaction": cell.satisfaction,
        "gap": cell.gap,
        "veil_gap": cell.own_gap,
        "mark": None
        if cell.mark is None
        else {
            "shown": cell.mark.shown,
            "reason": cell.mark.reason,
            "reviewer": cell.mark.reviewer,
            "at": cell.mark.created_at,
        },
        "evidence": evidence,
    }


def matrix_json(matrix: GapMatrix) -> dict[str, Any]:
    team = team_summary(matrix.people)
    agreed = checked(matrix.people)
    return {
        "role": matrix.role.id,
        "people": [
            {"person_id": row.person_id, "competencies": [cell_json(c) for c in row.cells]}
            for row in matrix.people
        ],
        "team": {
            "people": team.people,
            "gap_share": list(team.gap_share) if team.gap_share is not None else None,
            "suppressed": team.gap_share is None,
            "reason": team.reason,
        },
        "agreement": {
            "checked": agreed.checked,
            "agreed": agreed.agreed,
            "share": agreed.share,
            "summary": agreed.summary(),
        },
        "advisory": "Evidence for a person who decides; not a rating.",
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    return {
        "person_id": plan.person_id,
        "gaps": [
            {
                "competency": g.cell.competency.text,
                "satisfaction": g.cell.satisfaction,
                "checked": g.cell.mark is not None,  # a reviewer marked it not shown
                "courses": [
                    {
                        "title": m.course.title,
                        "reason": m.reason,
                        "fit": m.fit,
                        "hours": m.course.hours,
                        "language": m.course.language,
                    }
                    for m in g.courses
                ],
            }
            for g in plan.gaps
        ],
    }

"""Training plans and calibration questions for employees (issue 21).

The catalogue is the company's own CSV, stored in the workspace; a plan ranks its courses for
each of a person's gaps with the scorer (``core.people.training``). Calibration compares the
managers' ratings of a review cycle with the evidence found (``core.people.calibration``) and
returns questions, never corrections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.errors import UserError
from core.people.calibration import Question, parse_ratings, questions
from core.people.model import Course, Plan, Rating
from core.people.training import parse_catalogue, plan_for
from core.services.engines import Engines
from core.services.people import gap_matrix, person_row

if TYPE_CHECKING:
    from core.storage import Workspace


def import_catalogue(ws: Workspace, csv_text: str, *, actor: str = "") -> tuple[int, int]:
    """Add (or update, by title and language) the courses of a catalogue CSV: (added, updated)."""
    courses = parse_catalogue(csv_text)
    with ws.transaction():
        added, updated = ws.courses.upsert(courses)
        ws.audit.append("courses.imported", actor, {"added": added, "updated": updated})
    return added, updated


def list_courses(ws: Workspace) -> list[Course]:
    courses: list[Course] = ws.courses.list()
    return courses


def training_plan(ws: Workspace, engines: Engines, person_id: int, *, actor: str = "") -> Plan:
    """For each gap of the person, the catalogue's courses that cover it, best first."""
    role, row = person_row(ws, engines, person_id)
    documents = ws.people.documents(person_id)
    courses = ws.courses.list()
    if not courses:
        raise UserError(
            "The course catalogue is empty.",
            hint="Import the company's catalogue: veil training import --csv FILE",
        )
    gaps = row.gaps
    scores = {}
    if gaps:
        scorer = engines.scorer(ws.person_embeddings)
        texts = {c.id: c.text for c in courses}
        scores = dict(scorer.rank([c.competency for c in gaps], texts))
    language = documents[0].language if documents else role.language
    ws.audit.append("person.plan_made", actor, {"person_id": person_id})
    return Plan(person_id=person_id, gaps=tuple(plan_for(gaps, courses, scores, language)))


def import_ratings(ws: Workspace, csv_text: str, *, cycle: str = "", actor: str = "") -> int:
    """Store a review cycle's ratings (CSV: person_id, rating, manager[, competency, cycle])."""
    ratings = parse_ratings(csv_text, cycle)
    for pid in sorted({r.person_id for r in ratings}):
        ws.people.get(pid)  # an unknown person is a NotFoundError before anything is stored
    with ws.transaction():
        count: int = ws.ratings.put(ratings)
        ws.audit.append("ratings.imported", actor, {"ratings": count})
    return count


def calibration_questions(
    ws: Workspace, engines: Engines, role_id: int, *, cycle: str | None = None
) -> list[Question]:
    """Where ratings by different managers disagree with the evidence, as questions."""
    ratings: list[Rating] = ws.ratings.list(role_id, cycle)
    if not ratings:
        return []
    return questions(gap_matrix(ws, engines, role_id), ratings)

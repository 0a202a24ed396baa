"""Calibration aid: where managers' ratings and the evidence found disagree, as questions.

For a review cycle, two people rated by *different* managers are compared on what their
documents show: both show a competency (or both do not) yet their ratings of it are
``STEP`` or more apart; or one shows it and the other not, yet the one without evidence is rated
``STEP`` or more higher. On an overall rating (competency ""), two people who show the same
competencies are compared. Each finding is a question for the calibration meeting: it never
says which rating is right and never proposes one (EU AI Act Annex III 4(b): a person decides).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from core.errors import UserError
from core.people.model import Cell, GapMatrix, Rating

STEP = 2.0
MAX_QUESTIONS = 100


@dataclass(frozen=True)
class Question:
    text: str
    competency: str  # "" for an overall rating
    person_ids: tuple[int, int]
    managers: tuple[str, str]
    ratings: tuple[float, float]


def parse_ratings(text: str, cycle: str = "") -> list[Rating]:
    """Ratings from a CSV with columns person_id, rating, manager and optionally competency
    (empty or absent: an overall rating) and cycle."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = {"person_id", "rating", "manager"} - set(header)
    if missing:
        raise UserError(
            "The ratings file lacks the column(s): " + ", ".join(sorted(missing)) + ".",
            hint="Columns: person_id, rating, manager, and optionally competency and cycle.",
        )
    reader.fieldnames = header
    out: list[Rating] = []
    for row_number, row in enumerate(reader, start=2):
        try:
            person_id = int((row.get("person_id") or "").strip())
            rating = float((row.get("rating") or "").strip())
        except ValueError:
            raise UserError(f"Row {row_number}: person_id and rating must be numbers.") from None
        manager = " ".join((row.get("manager") or "").split())
        if not manager:
            raise UserError(f"Row {row_number}: the manager is missing.")
        out.append(
            Rating(
                cycle=(row.get("cycle") or "").strip() or cycle,
                person_id=person_id,
                competency=" ".join((row.get("competency") or "").split()),
                rating=rating,
                manager=manager,
            )
        )
    return out


def _pair_question(competency: str, a: Rating, b: Rating, ca: Cell, cb: Cell) -> str | None:
    low, high = (a, b) if a.rating < b.rating else (b, a)
    c_low, c_high = (ca, cb) if low is a else (cb, ca)
    gap = high.rating - low.rating
    if gap < STEP:
        return None
    if c_low.gap == c_high.gap:
        state = "show evidence of" if not c_low.gap else "show no evidence of"
        return (
            f'Person {low.person_id} and person {high.person_id} both {state} "{competency}" '
            f"in their documents, yet {low.manager} rated person {low.person_id} {low.rating:g} "
            f"and {high.manager} rated person {high.person_id} {high.rating:g}. What did each "
            "rater see that the documents do not show?"
        )
    if c_high.gap and not c_low.gap:
        return (
            f'Person {low.person_id} shows evidence of "{competency}" and person '
            f"{high.person_id} does not, yet {high.manager} rated person {high.person_id} "
            f"{high.rating:g} and {low.manager} rated person {low.person_id} {low.rating:g}. "
            "What supports each rating?"
        )
    return None


def questions(matrix: GapMatrix, ratings: Sequence[Rating]) -> list[Question]:
    """Questions for the calibration meeting, the widest rating gaps first."""
    rows = {row.person_id: {c.competency.text: c for c in row.cells} for row in matrix.people}
    shown = {
        pid: frozenset(k for k, c in cells.items() if not c.gap) for pid, cells in rows.items()
    }
    found: list[Question] = []
    groups: dict[tuple[str, str], list[Rating]] = {}
    for r in ratings:
        if r.person_id in rows:
            groups.setdefault((r.cycle, r.competency), []).append(r)
    for (_, competency), group in sorted(groups.items()):
        for a, b in combinations(group, 2):
            if a.manager == b.manager or a.person_id == b.person_id:
                continue
            if competency:
                ca, cb = rows[a.person_id].get(competency), rows[b.person_id].get(competency)
                if ca is None or cb is None:
                    continue
                text = _pair_question(competency, a, b, ca, cb)
            elif shown[a.person_id] == shown[b.person_id] and abs(a.rating - b.rating) >= STEP:
                low, high = sorted((a, b), key=lambda r: r.rating)
                text = (
                    f"Person {low.person_id} and person {high.person_id} show the same "
                    f"{len(shown[a.person_id])} of {len(matrix.role.competencies)} competencies, "
                    f"yet {low.manager} rated person {low.person_id} {low.rating:g} overall and "
                    f"{high.manager} rated person {high.person_id} {high.rating:g}. What "
                    "explains the difference?"
                )
            else:
                text = None
            if text is not None:
                found.append(
                    Question(
                        text,
                        competency,
                        (a.person_id, b.person_id),
                        (a.manager, b.manager),
                        (a.rating, b.rating),
                    )
                )
    found.sort(key=lambda q: -abs(q.ratings[0] - q.ratings[1]))
    return found[:MAX_QUESTIONS]

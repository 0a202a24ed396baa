"""Training plans: the company's own course catalogue, matched to a person's gaps.

A course is read by the same scorer as an employee's document: each gap competency is a
requirement, each course a text (title, skills, description), and the scorer's satisfaction of
the competency by the course (semantic similarity and exact terms, across English and Chinese
through the glossary) ranks the courses for that gap. The reason says which competency the course
covers, with its line, and what was missing in the person's documents. Nothing leaves the machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from core.domain import Score
from core.errors import UserError
from core.people.model import Cell, Course, CourseMatch, GapPlan

#: Columns of a catalogue CSV (a header row names them; extra columns are ignored).
COLUMNS = ("title", "description", "skills", "hours", "language")
#: A course is suggested for a gap only if it covers the competency at least "partly".
MIN_FIT = 0.35
PER_GAP = 3
_QUOTE = 90


def parse_catalogue(text: str) -> list[Course]:
    """Courses from a catalogue CSV (UTF-8, header row with at least ``title``)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "title" not in header:
        raise UserError(
            "The catalogue has no 'title' column.",
            hint="The first row names the columns: " + ", ".join(COLUMNS) + ".",
        )
    reader.fieldnames = header
    courses: list[Course] = []
    for row_number, row in enumerate(reader, start=2):
        title = " ".join((row.get("title") or "").split())
        if not title:
            continue
        hours_text = (row.get("hours") or "").strip()
        try:
            hours = float(hours_text) if hours_text else None
        except ValueError:
            raise UserError(f"Row {row_number}: 'hours' is not a number.") from None
        if hours is not None and not 0 <= hours <= 10_000:
            raise UserError(f"Row {row_number}: 'hours' is out of range.")
        courses.append(
            Course(
                id=0,
                title=title,
                description=(row.get("description") or "").strip(),
                skills=(row.get("skills") or "").strip(),
                hours=hours,
                language=(row.get("language") or "").strip().lower() or "en",
            )
        )
    if not courses:
        raise UserError("The catalogue holds no course.")
    return courses


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1].rstrip() + "…"


def reason(cell: Cell, line: str) -> str:
    """Why a course is suggested for a gap: the competency, what the documents lacked, the
    course's line that covers it."""
    if cell.evidence is not None and cell.evidence.text.strip():
        found = (
            f'the closest statement in the documents ("{_quote(cell.evidence.text)}", '
            f"{cell.document}) reaches {cell.satisfaction:.2f}, below the 0.70 that counts as shown"
        )
    else:
        found = "no statement in the documents supports it"
    return f'Gap in "{cell.competency.text}": {found}. This course covers it: "{_quote(line)}".'


def plan_for(
    gaps: Sequence[Cell],
    courses: Sequence[Course],
    scores: Mapping[int, Score],
    language: str = "",
) -> list[GapPlan]:
    """For each gap, the courses that cover it best first (``scores``: course id -> its score
    against the gaps' competencies, in the order of ``gaps``). Ties go to a course in the
    person's ``language``, then to the shorter course."""
    plans: list[GapPlan] = []
    for index, cell in enumerate(gaps):
        ranked: list[tuple[float, bool, float, Course, str]] = []
        for course in courses:
            score = scores.get(course.id)
            if score is None:
                continue
            result = score.requirements[index]
            if result.satisfaction < MIN_FIT:
                continue
            line = result.evidence.text if result.evidence is not None else course.title
            ranked.append(
                (
                    result.satisfaction,
                    course.language == language,
                    -(course.hours or 0.0),
                    course,
                    line,
                )
            )
        ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
        plans.append(
            GapPlan(
                cell=cell,
                courses=tuple(
                    CourseMatch(course=c, fit=round(fit, 4), reason=reason(cell, line), line=line)
                    for fit, _, _, c, line in ranked[:PER_GAP]
                ),
            )
        )
    return plans

"""Employees' types: roles, people, their documents, courses, ratings, and the gap matrix.

Kept apart from the candidates' types (``core.domain``) as their rows are kept apart from the
candidates' tables: nothing about an employee can reach a candidate view, ranking or learning.
Fields marked *personal* hold data about a person; they exist only in memory and inside the
encrypted workspace.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.domain import Evidence, Requirement

#: Kinds of employee document; ``document`` when the kind cannot be told.
DOCUMENT_KINDS = ("self_review", "manager_review", "project_summary", "cv", "document")


@dataclass(frozen=True)
class Role:
    """A role's competency framework: requirements parsed from its profile text, editable."""

    id: int
    title: str
    text: str
    language: str  # "en" or "zh", of the profile text
    competencies: tuple[Requirement, ...] = ()
    created_at: str = ""


@dataclass(frozen=True)
class Person:
    """An employee as a blind reviewer sees them: a number, a role, how many documents."""

    id: int
    role_id: int
    created_at: str = ""
    documents: int = 0

    @property
    def label(self) -> str:
        return f"Person {self.id}"


@dataclass(frozen=True)
class PersonDocument:
    """One redacted document of a person. ``name`` is the redacted file name."""

    id: int
    person_id: int
    kind: str
    name: str
    language: str
    redacted_text: str
    created_at: str = ""


@dataclass(frozen=True)
class Course:
    """One course of the company's own catalogue."""

    id: int
    title: str
    description: str
    skills: str
    hours: float | None
    language: str

    @property
    def text(self) -> str:
        """What the scorer reads: the title, the skills and the description, a line each."""
        return "\n".join(p for p in (self.title, self.skills, self.description) if p.strip())


@dataclass(frozen=True)
class Rating:
    """A manager's rating of a person on a competency (or "" for overall) in a review cycle.
    ``manager`` is how the ratings file names the manager (a pseudonym is enough)."""

    cycle: str
    person_id: int
    competency: str
    rating: float
    manager: str


@dataclass(frozen=True)
class Mark:
    """A reviewer's word on one person x competency (*personal*: the reason may describe them)."""

    person_id: int
    competency: str  # the competency's text, as in the role
    shown: bool
    reason: str
    reviewer: str
    created_at: str = ""


@dataclass(frozen=True)
class Cell:
    """One person x competency: the best satisfaction over their documents, where it was found."""

    competency: Requirement
    satisfaction: float  # 0..1
    gap: bool  # below the scorer's "met", or as a reviewer marked it
    evidence: Evidence | None = None
    document_id: int | None = None
    document: str | None = None  # the evidence document's (redacted) name
    kind: str | None = None  # and its kind
    mark: Mark | None = None  # a reviewer's word on it, which ``gap`` then follows
    veil_gap: bool | None = None  # Veil's own call, when a mark overrides it

    @property
    def own_gap(self) -> bool:
        """Veil's own call (below "met"), whatever a reviewer said."""
        return self.gap if self.veil_gap is None else self.veil_gap


@dataclass(frozen=True)
class PersonGaps:
    person_id: int
    cells: tuple[Cell, ...]

    @property
    def gaps(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.gap)


@dataclass(frozen=True)
class GapMatrix:
    role: Role
    people: tuple[PersonGaps, ...]


@dataclass(frozen=True)
class CourseMatch:
    course: Course
    fit: float  # 0..1: how well the course covers the competency (the scorer's satisfaction)
    reason: str
    line: str = ""  # the course line that covers it


@dataclass(frozen=True)
class GapPlan:
    cell: Cell
    courses: tuple[CourseMatch, ...]


@dataclass(frozen=True)
class Plan:
    person_id: int
    gaps: tuple[GapPlan, ...]

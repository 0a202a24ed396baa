"""Course catalogue parsing, ranking courses for gaps, and calibration questions."""

from __future__ import annotations

import pytest

from core.domain import Evidence, Requirement, RequirementScore, Score
from core.errors import UserError
from core.people.calibration import parse_ratings, questions
from core.people.model import Cell, Course, GapMatrix, PersonGaps, Role
from core.people.training import parse_catalogue, plan_for

CATALOGUE = (
    "title,description,skills,hours,language\n"
    'Python for analysts,"Hands-on Python with pandas","Python, pandas",16,en\n'
    "SQL 性能优化,索引与执行计划,SQL,8,zh\n"
    ",no title is skipped,,,\n"
)


def test_catalogue_rows_become_courses() -> None:
    courses = parse_catalogue("\ufeff" + CATALOGUE)
    assert [(c.title, c.hours, c.language) for c in courses] == [
        ("Python for analysts", 16.0, "en"),
        ("SQL 性能优化", 8.0, "zh"),
    ]
    assert courses[0].text == "Python for analysts\nPython, pandas\nHands-on Python with pandas"


@pytest.mark.parametrize(
    "text",
    ["name,hours\nx,1\n", "title,hours\nx,many\n", "title,hours\nx,-4\n", "title\n"],
)
def test_bad_catalogues_are_user_errors(text: str) -> None:
    with pytest.raises(UserError):
        parse_catalogue(text)


def _cell(text: str, sat: float, evidence: str | None = None) -> Cell:
    ev = Evidence(0, len(evidence), evidence, sat) if evidence else None
    return Cell(Requirement(text), sat, sat < 0.7, ev, 1 if ev else None, "self_review.txt")


def _course_score(*sats: float, line: str = "covers it") -> Score:
    return Score(
        0.0,
        tuple(
            RequirementScore(Requirement(f"r{i}"), s, s, Evidence(0, 9, line, s))
            for i, s in enumerate(sats)
        ),
    )


def test_courses_rank_per_gap_with_a_reason_naming_competency_and_missing_evidence() -> None:
    gaps = [_cell("Python or R", 0.2, "I built a dashboard"), _cell("Negotiation", 0.0)]
    courses = [
        Course(1, "Python basics", "", "Python", 30.0, "en"),
        Course(2, "R for statistics", "", "R", 12.0, "en"),
        Course(3, "Unrelated", "", "", 4.0, "en"),
    ]
    scores = {
        1: _course_score(0.9, 0.0, line="Python"),
        2: _course_score(0.9, 0.1, line="R"),
        3: _course_score(0.1, 0.2),
    }
    python, negotiation = plan_for(gaps, courses, scores, "en")
    # equal fit: the shorter course first; a course below "partly" is not suggested
    assert [m.course.title for m in python.courses] == ["R for statistics", "Python basics"]
    reason = python.courses[0].reason
    assert '"Python or R"' in reason
    assert "I built a dashboard" in reason
    assert '"R"' in reason
    assert negotiation.courses == ()


def _matrix(shown: dict[int, set[str]]) -> GapMatrix:
    comps = (Requirement("SQL"), Requirement("Mentoring"))
    rows = tuple(
        PersonGaps(
            pid,
            tuple(Cell(c, 0.9 if c.text in s else 0.1, c.text not in s, None) for c in comps),
        )
        for pid, s in shown.items()
    )
    return GapMatrix(Role(1, "Eng", "", "en", comps), rows)


def test_calibration_asks_about_same_evidence_rated_two_steps_apart_by_different_managers() -> None:
    matrix = _matrix({1: {"SQL"}, 2: {"SQL"}, 3: set(), 4: {"SQL"}})
    ratings = parse_ratings(
        "person_id,competency,rating,manager\n"
        "1,SQL,2,Manager A\n"
        "2,SQL,4,Manager B\n"  # both show SQL, 2 steps apart, different managers: a question
        "4,SQL,5,Manager A\n"  # same manager as person 1: not compared with person 1
        "3,SQL,5,Manager B\n"  # no evidence, rated above person 1 who shows it: a question
        "1,,3,Manager A\n2,,3,Manager B\n"  # overall, equal: nothing
    )
    found = questions(matrix, ratings)
    pairs = {tuple(sorted(q.person_ids)) for q in found}
    assert (1, 2) in pairs
    assert (1, 3) in pairs
    assert (1, 4) not in pairs
    assert all(q.text.endswith("?") for q in found)  # questions, never corrections
    assert not any("should" in q.text.lower() for q in found)
    same = next(q for q in found if set(q.person_ids) == {1, 2})
    assert "both show evidence" in same.text
    assert "Manager A" in same.text


def test_overall_ratings_compare_people_with_the_same_competencies_shown() -> None:
    matrix = _matrix({1: {"SQL"}, 2: {"SQL"}, 3: {"SQL", "Mentoring"}})
    ratings = parse_ratings("person_id,rating,manager\n1,1,A\n2,4,B\n3,5,C\n")
    found = questions(matrix, ratings)
    assert [set(q.person_ids) for q in found] == [{1, 2}]
    assert "same 1 of 2 competencies" in found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "person_id,rating\n1,2\n",
        "person_id,rating,manager\nx,2,A\n",
        "person_id,rating,manager\n1,2,\n",
    ],
)
def test_bad_ratings_are_user_errors(text: str) -> None:
    with pytest.raises(UserError):
        parse_ratings(text)

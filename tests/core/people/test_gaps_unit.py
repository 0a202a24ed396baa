"""The gap matrix's own logic: best document per competency, k-anonymous team figures, kinds,
and the statements that do not claim a competency."""

from __future__ import annotations

import pytest

from core.domain import Evidence, Requirement, RequirementScore, Score
from core.people.gaps import MIN_GROUP, document_kind, person_gaps, team_summary
from core.people.model import PersonDocument
from core.people.statements import blank_non_claims, not_claims

REQS = (Requirement("Python"), Requirement("SQL tuning"), Requirement("Mentoring", must=False))


def _doc(doc_id: int, kind: str) -> PersonDocument:
    return PersonDocument(doc_id, 7, kind, f"{kind}.txt", "en", "text")


def _score(*sats: float) -> Score:
    return Score(
        score=0.0,
        requirements=tuple(
            RequirementScore(req, s, s, Evidence(0, 4, f"ev{s}", s) if s else None)
            for req, s in zip(REQS, sats, strict=True)
        ),
    )


def test_satisfaction_is_the_best_document_and_names_it() -> None:
    docs = [_doc(1, "self_review"), _doc(2, "manager_review"), _doc(3, "cv")]
    scores = {1: _score(0.9, 0.2, 0.0), 2: _score(0.5, 0.8, 0.1), 3: _score(0.9, 0.1, 0.3)}
    row = person_gaps(7, REQS, docs, scores)
    python, sql, mentoring = row.cells
    assert (python.satisfaction, python.document_id, python.gap) == (0.9, 1, False)  # tie: first
    assert (sql.satisfaction, sql.document, sql.kind, sql.gap) == (
        0.8,
        "manager_review.txt",
        "manager_review",
        False,
    )
    assert sql.evidence is not None
    assert sql.evidence.text == "ev0.8"
    assert (mentoring.satisfaction, mentoring.document_id, mentoring.gap) == (0.3, 3, True)
    assert [c.competency.text for c in row.gaps] == ["Mentoring"]


def test_a_person_without_documents_has_every_competency_as_a_gap() -> None:
    row = person_gaps(3, REQS, [], {})
    assert all(c.gap and c.satisfaction == 0.0 and c.evidence is None for c in row.cells)


def test_team_figures_only_for_groups_of_five_or_more() -> None:
    docs = [_doc(1, "cv")]
    rows = [person_gaps(i, REQS, docs, {1: _score(0.9, 0.1, 0.75)}) for i in range(MIN_GROUP)]
    small = team_summary(rows[: MIN_GROUP - 1])
    assert small.gap_share is None
    assert small.mean_satisfaction is None
    assert "fewer than 5" in small.reason
    assert "4 people" in small.reason
    full = team_summary(rows)
    assert full.gap_share == (0.0, 1.0, 0.0)
    assert full.reason == ""


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("self_review.txt", "self_review"),
        ("2026-Manager-Review.docx", "manager_review"),
        ("project_summary_q3.pdf", "project_summary"),
        ("jane_doe_cv.pdf", "cv"),
        ("年度自评.txt", "self_review"),
        ("经理评价.docx", "manager_review"),
        ("notes.txt", "document"),
    ],
)
def test_document_kind_from_the_file_name(name: str, kind: str) -> None:
    assert document_kind(name) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I have not seen her mentor anyone yet.",
        "I plan to learn Kubernetes properly next year.",
        "He would benefit from the preceptor course.",
        "Development area: negotiation with larger customers.",
        "She has little exposure to general accounting.",
        "我还没有独立负责过项目。",
        "明年希望系统学习Python。",
        "但还不会用公司的BI工具。",
    ],
)
def test_absences_wishes_and_plans_are_not_claims(text: str) -> None:
    assert not_claims(text) == [(0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "I designed the public REST API for quotes and published the spec.",
        "He is conscientious and has had no medication incidents this year.",
        "Now nothing gets merged without a test.",
        "她用三页PPT讲清楚了复购下滑的原因。",
    ],
)
def test_statements_of_work_done_stay(text: str) -> None:
    assert not_claims(text) == []


def test_blanking_keeps_offsets_and_the_claim_before_but() -> None:
    text = "Led the database migration, but has not mentored anyone.\nWrote tests."
    out = blank_non_claims(text)
    assert len(out) == len(text)
    assert out.startswith("Led the database migration")
    assert "mentored" not in out
    assert out.endswith("\nWrote tests.")

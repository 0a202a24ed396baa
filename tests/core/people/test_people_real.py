"""People end to end with the real parts: sandboxed intake, Presidio redaction, the MiniLM
encoder and an encrypted workspace. Evidence found only in a manager's review names that review;
employees' documents never reach a candidate view, a ranking or learning."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.intake.model import Source
from core.services import Engines, create_job, import_sources, rank_job, run_to_end
from core.services.people import create_role, gap_matrix, import_people
from core.storage import Workspace

pytestmark = pytest.mark.slow

ROLE = """Backend Engineer

Requirements
- Designing REST APIs
- Relational databases and SQL query tuning
- Docker and Kubernetes

Nice to have
- Mentoring junior engineers
"""
SELF = """Self-review

This year I designed the public REST API for the quotes service, with versioning and clear
error codes, and published the OpenAPI specification before writing any code.
I would like to learn Kubernetes properly next year.
"""
MANAGER = """Manager review

Rowan Quillfeather had a strong year. Rowan tuned the slow SQL queries of our relational
databases: read the query plans, added two composite indexes to the Postgres tables and rewrote
the slowest report query, from four seconds to under two hundred milliseconds.
"""
PROJECT = """Project summary: carrier webhooks

Carrier webhooks now publish shipment events to a queue; three consumers read them.
The delay for carrier updates fell from fifteen minutes to ten seconds.
"""
RESUME = """Candidate resume

Data engineer with six years of experience building ETL pipelines in Python and Spark.
Tuned SQL queries on PostgreSQL and ran Docker images on Kubernetes.
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Engines]]:
    path = tmp_path_factory.mktemp("people-real") / "ws.veil"
    ws = Workspace.create(path, "people real test passphrase")
    engines = Engines()
    try:
        yield ws, engines
    finally:
        engines.close()
        ws.close()


@pytest.fixture(scope="module")
def imported(world: tuple[Workspace, Engines]) -> dict[str, int]:
    ws, engines = world
    role = create_role(ws, "Backend Engineer", ROLE)
    sources = [
        Source("Rowan_Quillfeather_self_review.txt", SELF.encode()),
        Source("Rowan_Quillfeather_manager_review.txt", MANAGER.encode()),
        Source("Rowan_Quillfeather_project_summary.txt", PROJECT.encode()),
    ]
    summary = run_to_end(
        import_people(ws, engines, role_id=role.id, person="Rowan Quillfeather", sources=sources)
    )
    assert summary.imported == 3
    person_ids = {o.candidate_id for o in summary.outcomes}
    assert len(person_ids) == 1
    job = create_job(ws, "Data engineer", "Data engineer\n\nRequirements\n- SQL query tuning\n")
    candidates = run_to_end(
        import_sources(ws, engines, [Source("cv.txt", RESUME.encode())], job_id=job.id)
    )
    assert candidates.imported == 1
    return {"role": role.id, "person": person_ids.pop() or 0, "job": job.id}


def test_evidence_only_in_the_manager_review_is_shown_with_that_document(
    world: tuple[Workspace, Engines], imported: dict[str, int]
) -> None:
    ws, engines = world
    cached = ws.person_embeddings.count()
    matrix = gap_matrix(ws, engines, imported["role"])
    assert ws.person_embeddings.count() == cached  # the import encoded what scoring reads
    (row,) = matrix.people
    cells = {c.competency.text: c for c in row.cells}
    sql = cells["Relational databases and SQL query tuning"]
    assert not sql.gap, sql
    assert sql.kind == "manager_review"
    assert sql.document is not None
    assert "manager" in sql.document
    assert sql.evidence is not None
    assert "SQL queries" in sql.evidence.text
    # a wish is not evidence: Kubernetes is named only in "I would like to learn ..."
    assert cells["Docker and Kubernetes"].gap
    assert cells["Designing REST APIs"].kind == "self_review"  # its evidence is there


def test_employee_documents_are_blind_and_stay_apart_from_candidates(
    world: tuple[Workspace, Engines], imported: dict[str, int]
) -> None:
    ws, engines = world
    documents = ws.people.documents(imported["person"])
    assert len(documents) == 3
    for doc in documents:
        assert "Quillfeather" not in doc.redacted_text
        assert "Quillfeather" not in doc.name
    # candidate views: only the one resume
    candidates = ws.candidates.list()
    assert len(candidates) == 1
    assert all("query plans" not in c.redacted_text for c in candidates)
    assert (
        ws.candidates.find_by_sha256(__import__("hashlib").sha256(MANAGER.encode()).hexdigest())
        is None
    )
    # ranking: a job pooled over every candidate ranks the resume alone
    scores = run_to_end(rank_job(ws, engines, imported["job"], pool=True))
    assert [s.candidate_id for s in scores] == [candidates[0].id]
    # the employees' embeddings are cached apart from the candidates'
    assert ws.person_embeddings.count() >= 3
    person_keys = ws.person_embeddings.counts()
    assert sum(ws.embeddings.counts().values()) == 1
    assert person_keys
    # learning reads decisions on candidates, and an employee is no candidate
    from core.errors import NotFoundError
    from core.services import decide

    with pytest.raises(NotFoundError):
        decide(ws, imported["job"], max(c.id for c in candidates) + 100, "shortlist", reviewer="x")


def test_the_same_file_as_a_candidate_and_an_employee_document_is_stored_twice_apart(
    world: tuple[Workspace, Engines], imported: dict[str, int]
) -> None:
    ws, engines = world
    again = run_to_end(
        import_people(
            ws, engines, role_id=imported["role"], sources=[Source("cv.txt", RESUME.encode())]
        )
    )
    assert again.imported == 1  # not a duplicate of the candidate's resume
    assert len(ws.candidates.list()) == 1
    dup = run_to_end(
        import_people(
            ws, engines, role_id=imported["role"], sources=[Source("cv2.txt", RESUME.encode())]
        )
    )
    assert dup.duplicates == 1

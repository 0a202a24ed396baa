"""Ranking (cache reuse, stored scores), review (audited) and job editing."""

from __future__ import annotations

from typing import Any

import pytest

from core.domain import DecisionKind, Requirement
from core.errors import NotFoundError, UserError
from core.services import (
    Engines,
    create_job,
    decide,
    import_sources,
    rank_job,
    ranking,
    reveal_identity,
    run_to_end,
    set_requirement_weight,
    update_job,
    view_candidate,
)
from core.services.ranking import NoRequirementsError
from core.services.review import ReviewerRequiredError
from tests.core.services.fakes import FakeSource

TEXTS = [
    b"Alice: python sql kafka pipelines",
    b"Bob: python only",
    b"Carol: sql and excel",
    b"Zhang: nursing and triage",
]


def _import(ws: Any, engines: Engines, job_id: int | None) -> list[int]:
    sources = [FakeSource(f"r{i}.txt", t) for i, t in enumerate(TEXTS)]
    summary = run_to_end(import_sources(ws, engines, sources, job_id=job_id))
    return [int(o.candidate_id or 0) for o in summary.outcomes]


def test_rank_stores_scores_best_first_with_model_version(
    ws: Any, engines: Engines, job_id: int, counter: dict[str, int]
) -> None:
    ids = _import(ws, engines, job_id)
    points = []
    gen = rank_job(ws, engines, job_id, actor="tester")
    while True:
        try:
            points.append(next(gen))
        except StopIteration as stop:
            scores = stop.value
            break
    assert [s.candidate_id for s in scores] == [ids[0], ids[1], ids[2], ids[3]]
    assert scores[0].score == pytest.approx(100.0)
    assert all(s.model_version == "fake-model@1" and s.job_id == job_id for s in scores)
    assert counter["job_text"] == 1  # the whole posting goes to the document-level signals
    assert points[-1].done == points[-1].total == 4
    stored = ranking(ws, job_id)
    assert [r.candidate_id for r in stored] == [s.candidate_id for s in scores]
    assert [r.rank for r in stored] == [1, 2, 3, 4]
    assert any(e.kind == "ranking.computed" for e in ws.audit.list())


def test_second_job_on_the_pool_reuses_cached_embeddings(
    ws: Any, engines: Engines, job_id: int, counter: dict[str, int]
) -> None:
    _import(ws, engines, job_id)
    assert counter["encoded"] == 4  # encoded once, during the import
    run_to_end(rank_job(ws, engines, job_id))
    second = ws.jobs.add("Nurse", "triage", [Requirement("triage")]).id
    scores = run_to_end(rank_job(ws, engines, second, pool=True))
    assert len(scores) == 4
    assert counter["encoded"] == 4  # nothing re-encoded: every text came from the cache
    assert counter["hits"] == 8
    assert scores[0].candidate_id == ws.candidates.list()[3].id


def test_rank_without_requirements_is_a_user_error(ws: Any, engines: Engines) -> None:
    empty = ws.jobs.add("Empty", "nothing here", []).id
    with pytest.raises(NoRequirementsError):
        run_to_end(rank_job(ws, engines, empty))


def test_decisions_views_and_reveals_are_audited(ws: Any, engines: Engines, job_id: int) -> None:
    ids = _import(ws, engines, job_id)
    run_to_end(rank_job(ws, engines, job_id))
    candidate = view_candidate(ws, ids[0], reviewer="R. Reviewer")
    assert "Alice" not in candidate.redacted_text
    doc = reveal_identity(ws, ids[0], reviewer="R. Reviewer", job_id=job_id)
    assert doc.data == TEXTS[0]
    decide(ws, job_id, ids[0], DecisionKind.HOLD, reason="check", reviewer="R. Reviewer")
    decision = decide(ws, job_id, ids[0], "shortlist", reason="strong", reviewer="R. Reviewer")
    assert decision.kind is DecisionKind.SHORTLIST
    rows = ranking(ws, job_id)
    assert rows[0].decision is not None
    assert rows[0].decision.kind is DecisionKind.SHORTLIST
    assert rows[1].decision is None
    events = [(e.kind, e.actor, e.subject) for e in ws.audit.list()]
    assert ("candidate.viewed", "R. Reviewer", {"candidate_id": ids[0]}) in events
    assert (
        "identity.revealed",
        "R. Reviewer",
        {"candidate_id": ids[0], "job_id": job_id},
    ) in events
    recorded = [s for k, _, s in events if k == "decision.recorded"]
    assert [s["kind"] for s in recorded] == ["hold", "shortlist"]
    assert ws.audit.verify().ok


def test_review_needs_a_reviewer_and_valid_input(ws: Any, engines: Engines, job_id: int) -> None:
    ids = _import(ws, engines, job_id)
    with pytest.raises(ReviewerRequiredError):
        reveal_identity(ws, ids[0], reviewer="  ")
    with pytest.raises(UserError, match="Unknown decision"):
        decide(ws, job_id, ids[0], "maybe", reviewer="R")
    with pytest.raises(NotFoundError):
        decide(ws, job_id, 9999, "hold", reviewer="R")
    assert not any(e.kind == "identity.revealed" for e in ws.audit.list())


def test_jobs_parse_requirements_and_edit_weights(ws: Any) -> None:
    text = (
        "Data Engineer\n\nRequirements\n- 3+ years of Python\n- Strong SQL skills\n\n"
        "Nice to have\n- Kafka experience\n"
    )
    job = create_job(ws, "  Data   Engineer ", text, actor="tester")
    assert job.title == "Data Engineer"
    assert [(r.text, r.must) for r in job.requirements] == [
        ("3+ years of Python", True),
        ("Strong SQL skills", True),
        ("Kafka experience", False),
    ]
    job = set_requirement_weight(ws, job.id, 2, weight=2.5, must=True)
    assert job.requirements[2] == Requirement("Kafka experience", True, 2.5)
    assert ws.jobs.get(job.id).requirements[2].weight == 2.5
    with pytest.raises(UserError):
        update_job(ws, job.id, requirements=[Requirement(" ")])
    with pytest.raises(UserError):
        create_job(ws, "Empty", "   ")
    kinds = [e.kind for e in ws.audit.list()]
    assert kinds.count("job.created") == 1
    assert kinds.count("job.updated") == 1


def test_engines_are_lazy_and_close_only_what_they_own() -> None:
    from tests.core.services.fakes import FakeIntake, FakeRedactor, fake_scorer_factory

    intake = FakeIntake()
    engines = Engines(
        intake=intake, redactor=FakeRedactor(), scorer_factory=fake_scorer_factory({})
    )
    assert engines.loaded
    assert engines.encoder is None
    assert engines.scorer(None).model_version == "fake-model@1"
    engines.close()
    assert not intake.closed

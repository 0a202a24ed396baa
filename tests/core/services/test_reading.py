"""The read services the CLI and the GUI share (real SQLCipher workspace, fake models)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.domain import DecisionKind
from core.errors import NotFoundError, WrongPassphraseError
from core.services import (
    Engines,
    audit_page,
    create_job,
    decide,
    get_job,
    list_jobs,
    rank_job,
    ranking,
    ranking_page,
    review_candidate,
    run_to_end,
    suggest_requirements,
    update_job,
)
from core.services.workspaces import create_workspace, open_workspace
from tests.core.services.test_ranking_review_jobs import _import

POSTING = "Data Engineer\n\nRequirements\n- Strong Python\n- SQL\n\nNice to have\n- Kafka\n"


def _kinds(ws: Any) -> list[str]:
    return [event.kind for event in audit_page(ws).events]


def test_review_has_the_stored_score_and_latest_decision(
    ws: Any, engines: Engines, job_id: int
) -> None:
    cids = _import(ws, engines, job_id)
    run_to_end(rank_job(ws, engines, job_id))
    decide(ws, job_id, cids[0], DecisionKind.SHORTLIST, reviewer="rev")
    decide(ws, job_id, cids[0], DecisionKind.HOLD, reviewer="rev")
    by_candidate = {row.candidate_id: row.score for row in ranking(ws, job_id)}

    review = review_candidate(ws, cids[0], reviewer="rev", job_id=job_id)

    assert review.candidate.id == cids[0]
    assert review.score == by_candidate[cids[0]]
    assert review.decision is not None
    assert review.decision.kind is DecisionKind.HOLD
    assert _kinds(ws)[-1] == "candidate.viewed"
    bare = review_candidate(ws, cids[1], reviewer="rev")
    assert bare.score is None
    assert bare.decision is None


def test_review_for_an_unknown_job_fails_before_anything_is_audited(
    ws: Any, engines: Engines, job_id: int
) -> None:
    cid = _import(ws, engines, job_id)[0]
    before = _kinds(ws)
    with pytest.raises(NotFoundError):
        review_candidate(ws, cid, reviewer="rev", job_id=job_id + 99)
    assert _kinds(ws) == before


def test_ranking_page_counts_candidates_not_scored_yet(
    ws: Any, engines: Engines, job_id: int
) -> None:
    cids = _import(ws, engines, job_id)
    page = ranking_page(ws, job_id)
    assert page.rows == []
    assert page.unscored == len(cids)
    assert set(page.added_at) == set(cids)
    run_to_end(rank_job(ws, engines, job_id))
    page = ranking_page(ws, job_id)
    assert [row.candidate_id for row in page.rows] == [
        row.candidate_id for row in ranking(ws, job_id)
    ]
    assert page.unscored == 0


def test_audit_page_lists_events_and_verifies_the_chain(ws: Any, job_id: int) -> None:
    create_job(ws, "Second", POSTING, actor="rev")
    page = audit_page(ws)
    assert page.verification.ok
    assert page.verification.checked == len(page.events)
    assert page.events[-1].kind == "job.created"


def test_jobs_overview_and_update_that_parses_requirements(ws: Any, job_id: int) -> None:
    job = create_job(ws, "Second", "Python developer wanted.", actor="rev")
    assert [j.id for j in list_jobs(ws)] == [job_id, job.id]
    kept = update_job(ws, job.id, text="   ", requirements_from_text=True)
    assert kept.requirements == get_job(ws, job.id).requirements == job.requirements
    updated = update_job(ws, job.id, text=POSTING, requirements_from_text=True)
    assert [r.text for r in updated.requirements] == [r.text for r in suggest_requirements(POSTING)]
    assert [r.must for r in updated.requirements] == [True, True, False]
    unchanged = update_job(ws, job.id, text="Only prose now.")
    assert unchanged.requirements == updated.requirements


def test_workspace_service_creates_and_opens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "w.veil"
    with create_workspace(path, "correct horse battery staple 42") as created:
        created.jobs.add("T", "text", [])
    with open_workspace(path, "correct horse battery staple 42") as opened:
        assert [j.title for j in list_jobs(opened)] == ["T"]
    with pytest.raises(WrongPassphraseError):
        open_workspace(path, "not the right passphrase at all")

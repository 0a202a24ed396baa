"""Learning from decisions through the services, on a real workspace and the real encoder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.domain import Decision, DecisionKind
from core.errors import TrainingError, UserError
from core.services import rank_job, run_to_end
from core.services.learning import learn, list_models, use_model
from core.storage import Workspace
from tests.core.services import learning_setup as ls

pytestmark = pytest.mark.slow


@pytest.fixture
def space(tmp_path: Path) -> Iterator[tuple[Any, ls.Setup]]:
    path = tmp_path / "learn.veil"
    with Workspace.create(path, ls.PASSPHRASE) as ws:
        yield ws, ls.build(ws, path)


def _kinds(ws: Any) -> list[str]:
    return [e.kind for e in ws.audit.list()]


def test_too_few_or_one_sided_decisions_are_refused_with_the_reason(
    space: tuple[Any, ls.Setup],
) -> None:
    ws, setup = space
    engines = ls.engines()
    job_id = setup.jobs["backend_engineer"]
    for cid in setup.members[job_id][:5]:
        ws.decisions.add(Decision(job_id, cid, DecisionKind.SHORTLIST, reviewer="t"))
    with pytest.raises(TrainingError, match="Too few decisions"):
        run_to_end(learn(ws, engines))
    ls.record(ws, setup, kind_of=lambda grade: DecisionKind.REJECT)
    with pytest.raises(TrainingError, match="one-sided"):
        run_to_end(learn(ws, engines))
    assert list_models(ws) == []


def test_learn_adopts_a_better_model_rank_uses_it_and_rollback_is_audited(
    space: tuple[Any, ls.Setup],
) -> None:
    ws, setup = space
    engines = ls.engines()
    decided = ls.record(ws, setup)
    job_id = setup.jobs["registered_nurse"]
    # counterfactual name swap: the same resume for two people, redacted by the real redactor
    from anonymize import Redactor
    from tests.anonymize.test_counterfactual import VARIANTS, render

    backend = setup.jobs["backend_engineer"]
    swapped = []
    redactor = Redactor()
    for first, last, gender in (VARIANTS[0], VARIANTS[3], VARIANTS[5]):
        original = render(first, last, gender)
        cid = ls.add_candidate(
            ws, redactor.redact(original).text, f"{first}_{last}", original=original
        )
        swapped.append(cid)
        ws.candidates.attach(backend, cid)
    first = run_to_end(rank_job(ws, engines, job_id))  # decisions already apply (feedback)
    before = {s.candidate_id: s.score for s in first}
    base = {s.candidate_id: s.components.get("base", s.score) for s in first}
    assert all("+head" not in s.model_version for s in ws.scores.for_job(job_id))

    points = []
    gen = learn(ws, engines, actor="tester")
    while True:
        try:
            points.append(next(gen))
        except StopIteration as stop:
            result = stop.value
            break
    assert {p.message for p in points} >= {"reading decisions", "training the head"}
    assert result.examples == decided
    assert result.adopted
    assert result.model_version == "v1"
    assert result.cv_after > result.cv_before
    assert result.learned
    assert all(isinstance(line, str) for line in result.learned)
    assert set(result.as_json()) >= {"adopted", "model_version", "examples", "cv", "reason"}
    stored = ws.models.active()
    assert stored.version == "v1"
    assert stored.examples == decided
    assert len(stored.data_hash) == 64
    assert stored.base_model_hash == ls.shared.encoder().model_hash
    assert "model.adopted" in _kinds(ws)

    # ranking now uses what was learned with no further step: the job's own decisions where
    # feedback on them ranks the decided candidates better than the untrained score, else the
    # adopted head; each score says which
    after = run_to_end(rank_job(ws, engines, job_id))
    versions = {s.model_version.partition("+")[2] for s in after}
    assert len(versions) == 1
    assert versions <= {"head-v1", f"feedback-{len(setup.members[job_id]) - 2}"}
    assert all(s.model_version.endswith(tuple("0123456789")) for s in ws.scores.for_job(job_id))
    undecided = setup.members[job_id][-2:]
    assert {s.candidate_id for s in after} == set(before)
    if versions == {"head-v1"}:
        assert any(after_s.score != before[after_s.candidate_id] for after_s in after)
    else:  # this job's own decisions re-rank it, as before learning; the head serves the rest
        assert all(after_s.score == before[after_s.candidate_id] for after_s in after)
    assert ws.audit.list()[-1].subject["model"] == after[0].model_version
    # the checklist and evidence stay the scorer's
    assert all(s.components["base"] == pytest.approx(base[s.candidate_id]) for s in after)
    assert set(undecided) <= {s.candidate_id for s in after}
    # a new job with no decisions is ranked by the adopted head
    nurse = ws.jobs.get(job_id)
    fresh = ws.jobs.add("Nurse, second ward", nurse.text, nurse.requirements).id
    for cid in setup.members[job_id]:
        ws.candidates.attach(fresh, cid)
    headed = run_to_end(rank_job(ws, engines, fresh))
    assert all(s.model_version.endswith("+head-v1") for s in headed)
    assert any(s.score != pytest.approx(s.components["base"]) for s in headed)

    # the name swap still changes nothing after learning
    learned = {s.candidate_id: s for s in run_to_end(rank_job(ws, engines, backend))}
    first = learned[swapped[0]]
    assert first.model_version.partition("+")[2]  # re-ranked by what was learned
    for cid in swapped[1:]:
        assert learned[cid].score == first.score
        assert learned[cid].components == first.components

    # rollback to the untrained scorer, then forward again; both audited
    assert use_model(ws, "base", actor="tester") is None
    assert ws.models.active() is None
    assert _kinds(ws)[-1] == "model.rolled_back"
    plain = run_to_end(rank_job(ws, engines, job_id))
    assert all("+head" not in s.model_version for s in plain)
    assert use_model(ws, "v1", actor="tester").version == "v1"
    assert _kinds(ws)[-1] == "model.adopted"
    with pytest.raises(UserError):
        use_model(ws, "v7", actor="tester")
    assert ws.audit.verify().ok


def test_one_job_dominating_is_warned_about(space: tuple[Any, ls.Setup]) -> None:
    ws, setup = space
    engines = ls.engines()
    nurse = setup.jobs["registered_nurse"]
    backend = setup.jobs["backend_engineer"]
    with pytest.raises(TrainingError, match="Too few"):
        run_to_end(learn(ws, engines, job_id=nurse, actor="tester"))  # none yet
    with ws.transaction():
        for job_id, members in (
            (nurse, setup.members[nurse]),
            (backend, setup.members[backend][:3] + setup.members[backend][-3:]),
        ):
            for cid in members:
                kind = ls.inverted_kind(setup.grades[(job_id, cid)])
                ws.decisions.add(Decision(job_id, cid, kind, reviewer="t"))
    result = run_to_end(learn(ws, engines, actor="tester"))
    assert result.examples == len(setup.members[nurse]) + 6
    assert any("holds" in w and f"Job {nurse}" in w for w in result.warnings)
    assert len(list_models(ws)) == 1  # stored whether adopted or not

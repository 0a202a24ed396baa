"""Self-identification never reaches the scorer, the learner or a blind view.

Two proofs. Structural: no module that scores, learns, imports, reviews or shows a candidate
names the self-identification table or its repository. Behavioural: with distinctive answers
stored, every SQL statement that import, ranking, learning and blind review send to the real
database is recorded, and none of them touches the table, while the impact report (the control)
does; the answers appear in nothing those steps produce.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.domain import DecisionKind
from core.services import Engines, compliance, import_sources, rank_job, run_to_end
from core.services.learning import learn
from core.services.review import decide, reveal_identity, view_candidate
from core.storage import Workspace
from tests.core.services import learning_setup as ls
from tests.core.services.fakes import FakeIntake, FakeRedactor, FakeSource, fake_scorer_factory

ROOT = Path(__file__).resolve().parents[3]
FORBIDDEN = re.compile(r"selfid|self_identification|core\.compliance|services\.compliance")

#: Everything on the way from a file to a score, a model or a reviewer's screen.
MUST_NOT_READ = [
    "anonymize",
    "core/scoring",
    "core/intake",
    "core/services/ranking.py",
    "core/services/learn*.py",
    "core/services/review.py",
    "core/services/importing.py",
    "core/services/import_pipeline.py",
    "core/services/redacting.py",
    "core/services/engines.py",
    "desktop/candidate_view.py",
    "desktop/ranking_view.py",
    "desktop/ranking_model.py",
    "desktop/redacted_text_view.py",
    "desktop/reveal_dialog.py",
]

VALUES = ("Zorblaxian", "Quenthari", "Vellumish")


def _files(entry: str) -> list[Path]:
    if "*" in entry:
        return sorted(ROOT.glob(entry))
    path = ROOT / entry
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


@pytest.mark.parametrize("entry", MUST_NOT_READ)
def test_no_scoring_learning_or_blind_view_module_names_self_identification(entry: str) -> None:
    files = _files(entry)
    assert files, entry
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text), f"{file.relative_to(ROOT)} mentions self-identification"


def test_nothing_infers_a_group_from_a_name() -> None:
    """The audit reads only what people said: the compliance code holds no name lists used to
    guess a group (the counterfactual swap table is a perturbation and is never read back)."""
    impact = (ROOT / "core/compliance/impact.py").read_text(encoding="utf-8")
    service = (ROOT / "core/services/compliance.py").read_text(encoding="utf-8")
    assert "counterfactual" not in impact
    assert "swap" not in impact
    # the report's people come from ws.selfid answers only
    assert "answers.get(cid, {})" in service


@pytest.fixture
def space(tmp_path: Path) -> Iterator[tuple[Any, ls.Setup]]:
    path = tmp_path / "isolation.veil"
    with Workspace.create(path, ls.PASSPHRASE) as ws:
        yield ws, ls.build(ws, path)


def _trace(ws: Any) -> list[str]:
    statements: list[str] = []
    ws._db.call(lambda: ws._db.conn.set_trace_callback(statements.append))
    return statements


@pytest.mark.slow
def test_import_rank_learn_review_never_read_self_identification(
    space: tuple[Any, ls.Setup],
) -> None:
    ws, setup = space
    ids = sorted(setup.candidates.values())
    rows = [f"{cid},{VALUES[cid % 3]},{VALUES[(cid + 1) % 3]}" for cid in ids]
    compliance.import_selfid(ws, "candidate_id,sex,race_ethnicity\n" + "\n".join(rows) + "\n")
    ls.record(ws, setup)
    job_id = setup.jobs["backend_engineer"]
    engines = ls.engines()
    statements = _trace(ws)

    fake = Engines(
        intake=FakeIntake(), redactor=FakeRedactor(), scorer_factory=fake_scorer_factory({})
    )
    sources = [FakeSource("new.txt", b"A new resume: Python, Kafka, SQL.")]
    run_to_end(import_sources(ws, fake, sources, job_id=job_id))
    scores = run_to_end(rank_job(ws, engines, job_id))
    result = run_to_end(learn(ws, engines, actor="t"))
    seen = view_candidate(ws, ids[0], reviewer="R")
    document = reveal_identity(ws, ids[0], reviewer="R", job_id=job_id)
    decide(ws, job_id, ids[1], DecisionKind.SHORTLIST, reviewer="R")
    rescored = run_to_end(rank_job(ws, engines, job_id))

    assert statements, "the trace recorded nothing"
    touched = [s for s in statements if "self_identification" in s]
    assert touched == []
    produced = repr((scores, rescored, result.as_json(), seen, document.text))
    produced += repr([ws.scores.for_job(j) for j in setup.jobs.values()])
    for value in VALUES:
        assert value not in produced

    # control: the trace does see the audit reading the table
    compliance.impact_report(ws, job_id)
    assert any("self_identification" in s for s in statements)

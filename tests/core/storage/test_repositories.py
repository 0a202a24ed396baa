"""Repositories behind the Workspace facade: round trips, duplicates, transactions, threads."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from core.domain import Decision, DecisionKind, Evidence, Requirement, RequirementScore, Score
from core.errors import NotFoundError, WorkspaceLockedError
from core.storage import Workspace

from .conftest import PASSPHRASE


def add_candidate(ws: Workspace, n: int, *, data: bytes = b"%PDF-1.7 ...") -> int:
    cand, created = ws.candidates.add(
        sha256=f"{n:064x}",
        filename=f"resume-{n}.pdf",
        media_type="application/pdf",
        data=data,
        text=f"Original text {n}",
        metadata={"author": f"Author {n}"},
        redacted_text=f"<PERSON_1> knows Python ({n})",
        redaction_mapping={"<PERSON_1>": f"Person {n}"},
        spans_json='[{"type": "PERSON", "start": 0, "end": 8}]',
        language="en",
        warnings=("ocr used",),
    )
    assert created
    return cand.id


def test_jobs_round_trip_and_update(ws: Workspace) -> None:
    reqs = [Requirement("Python", must=True), Requirement("SQL", must=False, weight=0.5)]
    job = ws.jobs.add("Data engineer", "We need Python and SQL.", reqs)
    assert ws.jobs.get(job.id) == job
    assert job.requirements == tuple(reqs)
    updated = ws.jobs.update(job.id, title="Senior data engineer", requirements=reqs[:1])
    assert updated.title == "Senior data engineer"
    assert updated.text == job.text
    assert updated.requirements == (reqs[0],)
    assert [j.id for j in ws.jobs.list()] == [job.id]
    with pytest.raises(NotFoundError):
        ws.jobs.get(999)


def test_candidates_documents_mapping_and_duplicates(ws: Workspace) -> None:
    data = bytes(range(256)) * 40  # binary, several pages
    cid = add_candidate(ws, 1, data=data)
    again, created = ws.candidates.add(
        sha256=f"{1:064x}",
        filename="other-name.pdf",
        media_type="application/pdf",
        data=b"different",
        text="",
        metadata={},
        redacted_text="",
        redaction_mapping={},
        spans_json="[]",
        language="en",
        warnings=(),
    )
    assert not created
    assert again.id == cid
    cand = ws.candidates.get(cid)
    assert cand.redacted_text == "<PERSON_1> knows Python (1)"
    assert cand.warnings == ("ocr used",)
    assert ws.candidates.find_by_sha256(f"{1:064x}") == cand
    assert ws.candidates.find_by_sha256("0" * 64) is None
    doc = ws.candidates.document(cid)
    assert doc.data == data
    assert doc.filename == "resume-1.pdf"
    assert doc.metadata == {"author": "Author 1"}
    assert ws.candidates.mapping(cid) == {"<PERSON_1>": "Person 1"}
    with pytest.raises(NotFoundError):
        ws.candidates.document(42)


def test_attach_and_list_per_job(ws: Workspace) -> None:
    job_a = ws.jobs.add("A", "a", [])
    job_b = ws.jobs.add("B", "b", [])
    c1, c2 = add_candidate(ws, 1), add_candidate(ws, 2)
    ws.candidates.attach(job_a.id, c1)
    ws.candidates.attach(job_a.id, c1)  # idempotent
    ws.candidates.attach(job_b.id, c2)
    assert ws.candidates.ids_for_job(job_a.id) == [c1]
    assert [c.id for c in ws.candidates.list(job_b.id)] == [c2]
    assert [c.id for c in ws.candidates.list()] == [c1, c2]
    with pytest.raises(NotFoundError):
        ws.candidates.attach(999, c1)


def test_scores_keep_evidence_and_latest_per_pair(ws: Workspace) -> None:
    job = ws.jobs.add("A", "a", [Requirement("Python"), Requirement("Go", must=False)])
    c1, c2 = add_candidate(ws, 1), add_candidate(ws, 2)
    rs = RequirementScore(
        job.requirements[0], 0.9, 0.81, Evidence(4, 10, "Python", 0.81), ("python",), "lexical"
    )
    first = Score(40.0, (rs,), c1, job.id, "m1", ("note",), {"semantic": 0.5})
    ws.scores.put(first)
    ws.scores.put(Score(70.5, (rs,), c2, job.id, "m1"))
    better = Score(80.25, (rs, RequirementScore(job.requirements[1], 0.0, 0.0)), c1, job.id, "m2")
    ws.scores.put(better)
    stored = ws.scores.for_job(job.id)
    assert [s.candidate_id for s in stored] == [c1, c2]
    assert stored[0] == better
    assert stored[0].requirements[0].evidence == Evidence(4, 10, "Python", 0.81)
    assert ws.scores.get(job.id, c2) is not None
    with pytest.raises(ValueError, match="job_id"):
        ws.scores.put(Score(1.0, ()))


def test_decisions_history_and_latest(ws: Workspace) -> None:
    job = ws.jobs.add("A", "a", [])
    cid = add_candidate(ws, 1)
    assert ws.decisions.latest(job.id, cid) is None
    first = ws.decisions.add(Decision(job.id, cid, DecisionKind.HOLD, "later", "rev-1"))
    second = ws.decisions.add(Decision(job.id, cid, DecisionKind.SHORTLIST, "", "rev-2"))
    assert second.id > first.id > 0
    assert second.created_at
    assert ws.decisions.latest(job.id, cid) == second
    assert ws.decisions.for_job(job.id) == [first, second]
    with pytest.raises(NotFoundError):
        ws.decisions.add(Decision(job.id, 999, DecisionKind.REJECT))


def test_settings_and_embeddings(ws: Workspace) -> None:
    assert ws.settings.get("theme") is None
    assert ws.settings.get("theme", "light") == "light"
    ws.settings.set("theme", "dark")
    ws.settings.set("theme", "contrast")
    assert ws.settings.get("theme") == "contrast"
    items = {f"k{i}": i.to_bytes(2, "big") * 8 for i in range(1200)}  # more than one query batch
    ws.embeddings.put_many("model-a", items)
    ws.embeddings.put_many("model-a", {"k1": b"new"})
    got = ws.embeddings.get_many("model-a", [*items, "missing"])
    assert len(got) == 1200
    assert got["k1"] == b"new"
    assert got["k700"] == (700).to_bytes(2, "big") * 8
    assert ws.embeddings.get_many("model-b", ["k1"]) == {}


def test_transaction_is_atomic(ws: Workspace) -> None:
    with ws.transaction():
        ws.jobs.add("kept", "x", [])
        ws.settings.set("k", "1")

    def failing() -> None:
        with ws.transaction():
            ws.jobs.add("rolled back", "x", [])
            ws.settings.set("k", "2")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        failing()
    assert [j.title for j in ws.jobs.list()] == ["kept"]
    assert ws.settings.get("k") == "1"
    # a failing write inside a transaction undoes only itself
    with ws.transaction():
        ws.settings.set("k", "3")
        with pytest.raises(NotFoundError):
            ws.decisions.add(Decision(1, 999, DecisionKind.HOLD))
    assert ws.settings.get("k") == "3"


def test_all_work_runs_on_one_thread_from_any_thread(ws: Workspace) -> None:
    def where(_: int) -> tuple[int, int]:
        ws.jobs.add("job", "x", [])
        inner = ws._db.read(lambda conn: threading.get_ident())
        return threading.get_ident(), inner

    with ThreadPoolExecutor(max_workers=4) as pool:
        pairs = list(pool.map(where, range(40)))
    callers = {caller for caller, _ in pairs}
    inner = {db_thread for _, db_thread in pairs}
    assert len(inner) == 1
    assert inner.isdisjoint(callers)
    assert inner.pop() != threading.get_ident()
    assert len(ws.jobs.list()) == 40


def test_transaction_holds_other_threads_off(ws: Workspace) -> None:
    entered, release = threading.Event(), threading.Event()
    seen_by_other: list[int] = []

    def other() -> None:
        entered.wait()
        seen_by_other.append(len(ws.jobs.list()))

    thread = threading.Thread(target=other)
    thread.start()
    with ws.transaction():
        ws.jobs.add("one", "x", [])
        entered.set()
        thread.join(timeout=0.3)
        assert thread.is_alive()  # it waits for the transaction to end
        ws.jobs.add("two", "x", [])
        release.set()
    thread.join(timeout=10)
    assert seen_by_other == [2]


def test_closed_workspace_refuses_calls(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    ws = Workspace.create(ws_path, PASSPHRASE)
    ws.close()
    ws.close()  # idempotent
    assert ws.closed
    with pytest.raises(WorkspaceLockedError):
        ws.jobs.list()


def test_reopen_keeps_everything(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    with Workspace.create(ws_path, PASSPHRASE) as ws:
        job = ws.jobs.add("A", "a", [Requirement("Python")])
        cid = add_candidate(ws, 5)
        ws.candidates.attach(job.id, cid)
        ws.settings.set("k", "v")
    with Workspace.open(ws_path, PASSPHRASE) as ws:
        assert ws.jobs.get(job.id).requirements == (Requirement("Python"),)
        assert ws.candidates.ids_for_job(job.id) == [cid]
        assert ws.settings.get("k") == "v"
        assert ws.check_integrity() == []


def test_calls_made_on_the_database_thread_run_directly(ws: Workspace) -> None:
    ws.jobs.add("outer", "x", [])
    # a repository call from code already running on the database thread must not deadlock
    titles = ws._db.read(lambda conn: [j.title for j in ws.jobs.list()])
    assert titles == ["outer"]


def test_closing_a_generator_mid_transaction_rolls_back(ws: Workspace) -> None:
    def importer():  # type: ignore[no-untyped-def]
        with ws.transaction():
            for i in range(10):
                ws.jobs.add(f"job {i}", "x", [])
                yield i

    gen = importer()
    assert [next(gen), next(gen), next(gen)] == [0, 1, 2]
    gen.close()  # GeneratorExit inside the transaction
    assert ws.jobs.list() == []
    ws.jobs.add("after", "x", [])  # the workspace is usable and consistent
    assert [j.title for j in ws.jobs.list()] == ["after"]


def test_a_failed_commit_rolls_back_and_leaves_the_workspace_usable(ws: Workspace) -> None:
    def orphan_link() -> None:
        with ws.transaction():
            ws.jobs.add("doomed", "x", [])
            # a deferred foreign key makes the COMMIT itself fail
            ws._db.read(lambda conn: conn.execute("PRAGMA defer_foreign_keys = ON"))
            ws._db.read(
                lambda conn: conn.execute("INSERT INTO job_candidates VALUES (999, 999, 'x')")
            )

    with pytest.raises(sqlcipher.IntegrityError, match="FOREIGN KEY"):
        orphan_link()
    assert ws.jobs.list() == []
    ws.jobs.add("after", "x", [])
    assert [j.title for j in ws.jobs.list()] == ["after"]


def test_ctrl_c_while_waiting_for_a_commit_that_finished_keeps_it(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C reaches the caller's thread after the database thread finished the COMMIT: the
    work is kept and the interrupt propagates (it used to end in ``pop from empty list``)."""
    db = ws._db
    real_commit = db._commit

    def commit_then_interrupted() -> None:
        outer = db._stack == [""]
        real_commit()
        if outer:
            raise KeyboardInterrupt

    monkeypatch.setattr(db, "_commit", commit_then_interrupted)
    with pytest.raises(KeyboardInterrupt), ws.transaction():
        ws.jobs.add("kept", "x", [])
    monkeypatch.undo()
    assert [j.title for j in ws.jobs.list()] == ["kept"]
    ws.jobs.add("after", "x", [])
    assert [j.title for j in ws.jobs.list()] == ["kept", "after"]

"""The import and ranking services with the real intake pool, redactor, encoder and workspace."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from core import sample
from core.services import (
    Engines,
    FileOutcome,
    create_job,
    import_paths,
    rank_job,
    run_to_end,
)
from tests.core.services.conftest import CountingEncoder

pytestmark = pytest.mark.slow


def _import_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("veil-import-")]


def test_cancelled_real_import_keeps_finished_files_whole(ws: Any, real_engines: Engines) -> None:
    paths = sample.resume_paths()[:9]
    gen = import_paths(ws, real_engines, paths)
    finished = [p.item for p in (next(gen), next(gen)) if isinstance(p.item, FileOutcome)]
    gen.close()
    assert _import_threads() == []
    stored = ws.candidates.list()
    assert sorted(c.id for c in stored) == sorted(o.candidate_id for o in finished)
    for c in stored:
        assert "<PERSON_1>" in c.redacted_text
        assert ws.candidates.document(c.id).data
        assert ws.candidates.mapping(c.id)
    events = [e for e in ws.audit.list() if e.kind == "candidate.imported"]
    assert len(events) == len(finished)
    assert ws.audit.verify().ok
    # The engines still work after a cancel; the rest of the batch imports, the first are known.
    summary = run_to_end(import_paths(ws, real_engines, paths))
    assert (summary.imported, summary.duplicates, summary.failed) == (7, 2, 0)


def test_second_job_on_the_pool_needs_no_encoding(ws: Any, real_engines: Engines) -> None:
    encoder = real_engines.encoder
    assert isinstance(encoder, CountingEncoder)
    first = create_job(ws, sample.JOB_TITLE, sample.job_text())
    paths = sample.resume_paths()[9:15]
    summary = run_to_end(import_paths(ws, real_engines, paths, job_id=first.id))
    assert summary.imported == 6
    assert summary.encoded == 6  # encoded during the import, overlapped with it
    before = encoder.texts
    scores = run_to_end(rank_job(ws, real_engines, first.id))
    assert len(scores) == 6
    assert encoder.texts == before  # ranking read every resume from the cache
    second = create_job(
        ws,
        "Accountant",
        "Staff Accountant\n\nRequirements\n- Financial reporting under GAAP\n"
        "- Reconciliation of bank and ledger accounts\n- Advanced Excel\n",
    )
    pool = run_to_end(rank_job(ws, real_engines, second.id, pool=True))
    assert len(pool) == len(ws.candidates.list())
    assert encoder.texts == before  # still nothing re-encoded: only the requirements are new
    stored = {s.candidate_id: s for s in ws.scores.for_job(second.id)}
    assert set(stored) == {s.candidate_id for s in pool}
    assert all(s.model_version.startswith("all-MiniLM-L6-v2@") for s in stored.values())
    assert pool[0].score > pool[-1].score
    # each stored score explains itself against the pool it was ranked in (issue 15)
    assert all(f"{len(pool)} candidates" in s.notes[0] for s in stored.values())
    assert all(s.components["pool"] == len(pool) for s in stored.values())
    assert all(s.components["pool"] == len(scores) for s in ws.scores.for_job(first.id))

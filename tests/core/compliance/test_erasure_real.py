"""Erasure after the real pipeline: the real intake, redactor and encoder import and rank two
resumes, filling the embedding cache as the scorer keys it; erasing one removes exactly its
cache entries (every model namespace), and its canary is in no decrypted page afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import sample
from core.compliance.erasure import cache_keys
from core.services import Engines, create_job, import_paths, lifecycle, rank_job, run_to_end
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import (
    PASSPHRASE,
    decrypted_dump,
    decrypted_pages,
    files_holding,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engines() -> Iterator[Engines]:
    from core.scoring import load_encoder

    loaded = Engines(encoder=load_encoder("cpu"))
    loaded.load()
    yield loaded
    loaded.close()


def _resume(canary: str, years: int) -> str:
    return (
        "Jordan Example\njordan.example@example.invalid\n\n"
        f"Data engineer with {years} years of Python and SQL. Led the {canary} migration "
        "to Kafka streaming at a logistics company; built ETL pipelines in Airflow.\n"
    )


def _namespaces(ws: Workspace, key: str) -> list[str]:
    return [space for space in ws.embeddings.counts() if ws.embeddings.get_many(space, [key])]


def test_erase_after_real_import_and_ranking(tmp_path: Path, engines: Engines) -> None:
    gone, kept = "Zq" + uuid.uuid4().hex[:10], "Zq" + uuid.uuid4().hex[:10]
    files = []
    for n, canary in enumerate((gone, kept)):
        file = tmp_path / "in" / f"resume{n}.txt"
        file.parent.mkdir(exist_ok=True)
        file.write_text(_resume(canary, 3 + n), encoding="utf-8")
        files.append(file)
    path = tmp_path / "ws" / "real.veil"
    path.parent.mkdir()
    with Workspace.create(path, PASSPHRASE) as ws:
        job = create_job(ws, sample.JOB_TITLE, sample.job_text())
        summary = run_to_end(import_paths(ws, engines, files, job_id=job.id))
        assert summary.imported == 2
        run_to_end(rank_job(ws, engines, job.id))
        by_canary = {
            canary: c.id
            for c in ws.candidates.list()
            for canary in (gone, kept)
            if canary in c.redacted_text
        }
        keys = {
            canary: cache_keys(ws.candidates.get(cid).redacted_text)[0]
            for canary, cid in by_canary.items()
        }
        # the scorer filled the cache under exactly the keys the erasure computes
        assert _namespaces(ws, keys[gone])
        kept_spaces = _namespaces(ws, keys[kept])
        lifecycle.erase(ws, by_canary[gone], actor="dpo")
        assert _namespaces(ws, keys[gone]) == []
        assert _namespaces(ws, keys[kept]) == kept_spaces
        assert ws.scores.get(job.id, by_canary[kept]) is not None
        assert ws.audit.verify().ok
    assert gone not in decrypted_dump(path)
    assert gone.encode() not in decrypted_pages(path)
    assert kept.encode() in decrypted_pages(path)
    assert files_holding(gone, path.parent) == []

"""Erasure of one person in a real SQLCipher workspace: afterwards a canary from their resume is
found nowhere (decrypted dump, every decrypted page of the file and its WAL, the raw files, Veil's
folders, temp, logs), everyone else is untouched, and the audit chain verifies."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.errors import NotFoundError
from core.services import lifecycle
from core.storage import Workspace
from core.storage.lifecycle import candidate_tables
from tests.core.compliance.lifecycle_fixtures import (
    PASSPHRASE,
    add_person,
    app_folders,
    assert_no_trace,
    decrypted_dump,
    decrypted_pages,
    files_holding,
    new_job,
    raw_connection,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    folder.mkdir()
    return folder / "test.veil"


@pytest.fixture
def ws(path: Path) -> Iterator[Any]:
    with Workspace.create(path, PASSPHRASE) as workspace:
        yield workspace


def _canary() -> str:
    return "Zq" + uuid.uuid4().hex[:12]


def _others_state(ws: Any, job_id: int, cid: int) -> dict[str, Any]:
    return {
        "candidate": ws.candidates.get(cid),
        "document": ws.candidates.document(cid),
        "mapping": ws.candidates.mapping(cid),
        "score": ws.scores.get(job_id, cid),
        "decision": ws.decisions.latest(job_id, cid),
        "selfid": ws.selfid.for_candidates([cid]),
        "embeddings": ws.embeddings.counts(),
    }


def test_erase_leaves_no_trace_and_keeps_the_rest(ws: Any, path: Path) -> None:
    started = time.time() - 1
    gone, kept = _canary(), _canary()
    job_id = new_job(ws)
    victim = add_person(ws, job_id, gone, 1)
    other = add_person(ws, job_id, kept, 2)
    ws.close()
    # positive controls: the scanners do see the canary while it is there
    assert gone in decrypted_dump(path)
    assert gone.encode().hex().upper() in decrypted_dump(path)  # the original file, as a BLOB
    assert gone.encode() in decrypted_pages(path)
    ws = Workspace.open(path, PASSPHRASE)
    before = _others_state(ws, job_id, other)
    events_before = len(ws.audit.list())

    erased = lifecycle.erase(ws, victim, actor="dpo")

    assert erased.candidate_id == victim
    assert erased.rows["documents"] == 1
    assert erased.rows["scores"] == 1
    assert erased.rows["decisions"] == 1
    assert erased.rows["self_identification"] == 1
    assert erased.embeddings == 2
    with pytest.raises(NotFoundError):
        ws.candidates.get(victim)
    assert _others_state(ws, job_id, other) | {"embeddings": None} == before | {"embeddings": None}
    assert ws.embeddings.counts() == {"model-a": 1, "model-a/document": 1}
    verification = ws.audit.verify()
    assert verification.ok
    assert verification.checked == events_before + 1
    tombstone = ws.audit.list()[-1]
    assert tombstone.kind == "candidate.erased"
    assert tombstone.actor == "dpo"
    assert set(tombstone.subject) == {"candidate_id", "sha256", "reason"}
    assert tombstone.subject["candidate_id"] == victim
    assert tombstone.subject["reason"] == "request"
    ws.close()
    assert_no_trace(path, gone, kept, since=started)


def test_every_table_keyed_to_a_candidate_is_emptied(ws: Any, path: Path) -> None:
    job_id = new_job(ws)
    victim = add_person(ws, job_id, _canary(), 1)
    lifecycle.erase(ws, victim, actor="dpo")
    ws.close()
    conn = raw_connection(path)
    try:
        tables = candidate_tables(conn)
        assert {"documents", "scores", "decisions", "job_candidates", "self_identification"} <= set(
            tables
        )
        for table in [*tables, "candidates"]:
            column = "id" if table == "candidates" else "candidate_id"
            count = conn.execute(f'SELECT count(*) FROM "{table}" WHERE {column} = ?', (victim,))
            assert count.fetchone()[0] == 0, table
    finally:
        conn.close()


def test_a_newcomer_never_takes_an_erased_number(ws: Any) -> None:
    job_id = new_job(ws)
    first = add_person(ws, job_id, _canary(), 1)
    last = add_person(ws, job_id, _canary(), 2)
    lifecycle.erase(ws, last, actor="dpo")
    newcomer = add_person(ws, job_id, _canary(), 3)
    assert newcomer > last > first
    assert ws.lifecycle.erased() == [last]


def test_erasing_someone_unknown_changes_nothing(ws: Any) -> None:
    events = len(ws.audit.list())
    with pytest.raises(NotFoundError):
        lifecycle.erase(ws, 99, actor="dpo")
    assert len(ws.audit.list()) == events


def test_erase_from_the_cli_leaves_no_trace_in_the_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.cli import main

    home = tmp_path / "home"
    monkeypatch.setenv("VEIL_HOME", str(home))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "cli.veil"
    canary = _canary()
    with Workspace.create(path, PASSPHRASE) as ws:
        cid = add_person(ws, new_job(ws), canary, 1)
    assert main(["--workspace", str(path), "erase", str(cid), "--reviewer", "dpo"]) == 2
    with Workspace.open(path, PASSPHRASE) as ws:  # refused without --yes: nothing deleted
        assert ws.candidates.get(cid).id == cid
    assert main(["--workspace", str(path), "erase", str(cid), "--yes", "--reviewer", "dpo"]) == 0
    assert canary not in decrypted_dump(path)
    assert files_holding(canary, tmp_path) == []
    assert files_holding(canary, *app_folders(), since=time.time() - 120) == []

"""The learned-models repository and its migration step (real SQLCipher)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import NotFoundError
from core.storage import LATEST_VERSION, Workspace
from core.storage.migrations import MIGRATIONS, migrate, schema_version
from tests.core.storage.conftest import PASSPHRASE, raw_connection


def _add(ws: Workspace, n: int = 10, encoder: bytes | None = None) -> object:
    return ws.models.add(
        kind="head" if encoder is None else "head+encoder",
        data_hash="d" * 64,
        base_model_hash="b" * 64,
        metrics={"cv_before": 0.5, "cv_after": 0.6, "learned": ["x gained weight"]},
        examples=n,
        weights=b'{"w": [1, 2]}',
        encoder_weights=encoder,
        encoder_hash="" if encoder is None else "e" * 64,
    )


def test_versions_are_stored_listed_and_one_is_active(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "m.veil", PASSPHRASE) as ws:
        assert ws.models.active() is None
        first = _add(ws)
        second = _add(ws, 20, encoder=b"\x00" * 1000)
        assert [m.version for m in ws.models.list()] == ["v1", "v2"]
        assert ws.models.active() is None
        ws.models.set_active(first.id)  # type: ignore[attr-defined]
        ws.models.set_active(second.id)  # type: ignore[attr-defined]
        active = ws.models.active()
        assert active is not None
        assert active.version == "v2"
        assert active.examples == 20
        assert [m.active for m in ws.models.list()] == [False, True]
        assert ws.models.list()[0].adopted_at  # adopted once, kept for rollback
        assert ws.models.weights(second.id) == (b'{"w": [1, 2]}', b"\x00" * 1000)  # type: ignore[attr-defined]
        assert ws.models.get("v1").metrics["learned"] == ["x gained weight"]
        ws.models.set_active(None)
        assert ws.models.active() is None
        with pytest.raises(NotFoundError):
            ws.models.get("v9")
        with pytest.raises(NotFoundError):
            ws.models.set_active(99)
    # survives closing: the weights live inside the encrypted file
    with Workspace.open(tmp_path / "m.veil", PASSPHRASE) as ws:
        assert len(ws.models.list()) == 2
    raw = (tmp_path / "m.veil").read_bytes()
    assert b"gained weight" not in raw
    assert b'"w": [1, 2]' not in raw


_CREATED = re.compile(r"CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX|TRIGGER)\s+(\w+)", re.IGNORECASE)


def _created_after(version: int) -> list[tuple[str, str]]:
    """(name, TABLE|INDEX|TRIGGER) of what the migrations after ``version`` create, newest first."""
    made = []
    for step in MIGRATIONS:
        if step.version > version:
            for statement in step.statements:
                made.extend((m.group(2), m.group(1).upper()) for m in _CREATED.finditer(statement))
    return made[::-1]


def test_migration_step_adds_models_to_an_older_workspace(tmp_path: Path) -> None:
    path = tmp_path / "old.veil"
    with Workspace.create(path, PASSPHRASE):
        pass
    conn = raw_connection(path)
    try:
        for name, kind in _created_after(2):  # back to version 2: drop what 3 and later added
            conn.execute(f"DROP {kind} IF EXISTS {name}")
        conn.execute("PRAGMA user_version = 2")
    finally:
        conn.close()
    with Workspace.open(path, PASSPHRASE) as ws:
        assert ws.schema_version == LATEST_VERSION == MIGRATIONS[-1].version >= 3
        assert ws.models.list() == []
        assert ws.encoders.list() == []
        _add(ws)
        assert ws.models.list()[0].version == "v1"
    conn = raw_connection(path)
    try:
        assert schema_version(conn) == LATEST_VERSION
        assert migrate(conn) == LATEST_VERSION  # nothing left to do
    finally:
        conn.close()

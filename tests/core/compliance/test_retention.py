"""Retention: presets with sources, who is due (counted from the later of import and the last
decision), ``veil retention``/``veil purge``, and the automatic purge when a workspace is
unlocked (CLI and services), on a real SQLCipher workspace."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.compliance import retention
from core.errors import UserError
from core.services import lifecycle, run_to_end
from core.storage import Workspace
from core.storage.lifecycle import Activity
from tests.core.compliance.lifecycle_fixtures import (
    PASSPHRASE,
    add_person,
    decrypted_dump,
    decrypted_pages,
    new_job,
    raw_connection,
)

NOW = datetime(2026, 6, 30, tzinfo=UTC)


def test_presets_name_their_source_and_are_never_a_default() -> None:
    names = {p.name: p for p in retention.PRESETS}
    assert names["germany"].days == 183
    assert "AGG" in names["germany"].source
    assert names["france"].days == 730
    assert "CNIL" in names["france"].source
    assert names["us"].days == 365
    assert "1602.14" in names["us"].source
    assert retention.describe(None, None).startswith("No retention period is set")
    assert "AGG" in retention.describe(183, "germany")
    assert "set by this organisation" in retention.describe(183, "custom")
    with pytest.raises(UserError):
        retention.preset("atlantis")
    for bad in (0, -3, 36_501):
        with pytest.raises(UserError):
            retention.check_days(bad)
    assert retention.parse_days("not a number") is None
    assert retention.parse_days("30") == 30


def test_due_counts_from_the_later_of_import_and_last_decision() -> None:
    old = (NOW - timedelta(days=200)).isoformat()
    recent = (NOW - timedelta(days=10)).isoformat()
    people = [
        Activity(1, old),  # imported long ago, never decided on: due
        Activity(2, old, recent),  # decided on recently: kept
        Activity(3, recent),  # new: kept
        Activity(4, old, (NOW - timedelta(days=183)).isoformat()),  # exactly at the limit: due
    ]
    assert retention.due(people, 183, NOW) == [1, 4]
    assert retention.due(people, None, NOW) == []
    assert retention.due(people, 365, NOW) == []
    assert (
        retention.delete_after(people[1], 183).date().isoformat() == "2026-12-20"
    )  # 20 June + 183 days


def _age(path: Path, cid: int, days: int) -> None:
    """Move a candidate's import and decisions ``days`` into the past (test set-up only)."""
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat()
    conn = raw_connection(path)
    try:
        conn.execute("UPDATE candidates SET created_at = ? WHERE id = ?", (stamp, cid))
        conn.execute("UPDATE decisions SET created_at = ? WHERE candidate_id = ?", (stamp, cid))
    finally:
        conn.close()


@pytest.fixture
def aged(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """Three candidates: 'old' (400 days), 'mid' (200 days), 'new' (today)."""
    path = tmp_path / "r.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        job_id = new_job(ws)
        ids = {
            name: add_person(ws, job_id, f"Zq{name}{uuid.uuid4().hex[:8]}", i)
            for i, name in enumerate(("old", "mid", "new"))
        }
    _age(path, ids["old"], 400)
    _age(path, ids["mid"], 200)
    return path, ids


def test_nothing_is_purged_until_a_period_is_set(aged: tuple[Path, dict[str, int]]) -> None:
    path, ids = aged
    with lifecycle.unlock(path, PASSPHRASE) as ws:
        assert [c.id for c in ws.candidates.list()] == sorted(ids.values())
        result = run_to_end(lifecycle.purge(ws, actor="t"))
        assert result.days is None
        assert result.erased == ()


def test_set_retention_is_audited_and_unlock_purges(aged: tuple[Path, dict[str, int]]) -> None:
    path, ids = aged
    with Workspace.open(path, PASSPHRASE) as ws:
        status = lifecycle.set_retention(ws, preset="germany", actor="dpo")
        assert (status.days, status.preset, status.due) == (183, "germany", 2)
        event = ws.audit.list()[-1]
        assert (event.kind, event.subject) == ("retention.set", {"days": 183, "preset": "germany"})
        dry = run_to_end(lifecycle.purge(ws, actor="t", dry_run=True))
        assert dry.due == (ids["old"], ids["mid"])
        assert dry.erased == ()
        assert len(ws.candidates.list()) == 3
    with lifecycle.unlock(path, PASSPHRASE) as ws:
        assert [c.id for c in ws.candidates.list()] == [ids["new"]]
        tombstones = [e for e in ws.audit.list() if e.kind == "candidate.erased"]
        assert [e.subject["candidate_id"] for e in tombstones] == [ids["old"], ids["mid"]]
        assert {e.subject["reason"] for e in tombstones} == {"retention"}
        assert {e.actor for e in tombstones} == {lifecycle.AUTO_ACTOR}
        assert ws.audit.verify().ok
    pages = decrypted_pages(path)  # every page of the file and WAL, free space included
    assert b"Zqold" not in pages
    assert b"Zqmid" not in pages
    assert b"Zqnew" in pages
    assert "Zqmid" not in decrypted_dump(path)
    with Workspace.open(path, PASSPHRASE) as ws:
        lifecycle.set_retention(ws, days=30, actor="dpo")
        assert ws.settings.get("retention_preset") == "custom"
        with pytest.raises(UserError):
            lifecycle.set_retention(ws, days=30, preset="france", actor="dpo")


def test_cli_retention_and_purge(
    aged: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    path, ids = aged
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    ws_args = ["--workspace", str(path)]
    assert main([*ws_args, "retention", "set", "300", "--reviewer", "dpo"]) == 0
    capsys.readouterr()
    assert main([*ws_args, "purge", "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"days": 300, "dry_run": True, "candidates": [ids["old"]]}
    assert main([*ws_args, "purge", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"] == [ids["old"]]
    assert main([*ws_args, "retention", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["days"], shown["candidates"], shown["due"]) == (300, 2, 0)
    assert {p["name"] for p in shown["presets"]} == {"germany", "france", "us"}
    assert main([*ws_args, "retention", "set", "--preset", "germany"]) == 0
    # any command that opens the workspace purges first
    assert main([*ws_args, "retention", "show"]) == 0
    assert "1 candidate(s); 0 past" in capsys.readouterr().out
    assert "Zqmid" not in decrypted_dump(path)


def test_the_gui_unlock_purges_too(aged: tuple[Path, dict[str, int]]) -> None:
    from core.services.workspaces import open_workspace

    path, ids = aged
    with Workspace.open(path, PASSPHRASE) as ws:
        lifecycle.set_retention(ws, days=300, actor="dpo")
    with open_workspace(path, PASSPHRASE) as ws:
        assert [c.id for c in ws.candidates.list()] == [ids["mid"], ids["new"]]


def test_a_failing_purge_never_locks_the_user_out(
    aged: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.compliance import erasure

    path, ids = aged
    with Workspace.open(path, PASSPHRASE) as ws:
        lifecycle.set_retention(ws, days=300, actor="dpo")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(erasure, "erase_one", broken)
    with lifecycle.unlock(path, PASSPHRASE) as ws:
        assert len(ws.candidates.list()) == 3  # opened; nobody half-deleted
    monkeypatch.undo()
    with lifecycle.unlock(path, PASSPHRASE) as ws:  # the next unlock finishes the job
        assert [c.id for c in ws.candidates.list()] == [ids["mid"], ids["new"]]

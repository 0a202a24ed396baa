"""The audit chain: edits, deletions, insertions and reorderings made through a raw keyed
connection (dropping the append-only triggers first, as an attacker would) are all caught, and
``verify`` names the first bad event."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from core.storage import Workspace
from core.storage.audit import event_hash

from .conftest import PASSPHRASE, Templates, raw_connection

EVENTS = 8  # workspace.created + 7 appended


def _build_audited(path: Path) -> None:
    with Workspace.create(path, PASSPHRASE) as ws:
        for i in range(1, EVENTS):
            ws.audit.append("candidate.viewed", "reviewer-1", {"candidate": i, "job": 1})
        assert ws.audit.verify().ok


@pytest.fixture
def audited(ws_path: Path, templates: Templates) -> Path:
    return templates.copy("audited", _build_audited, ws_path)


def tamper(path: Path, *statements: str, forge: tuple[int, int] | None = None) -> None:
    """Run ``statements``; then, with ``forge=(seq, prev_seq)``, insert a forged event."""
    conn = raw_connection(path)
    try:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        for statement in statements:
            conn.execute(statement)
        if forge is not None:
            conn.execute(forged_row(conn, *forge))
    finally:
        conn.close()


def verify(path: Path) -> tuple[bool, int | None, int]:
    with Workspace.open(path, PASSPHRASE) as ws:
        result = ws.audit.verify()
    return result.ok, result.first_bad_seq, result.checked


def forged_row(conn: sqlcipher.Connection, seq: int, prev_seq: int) -> str:
    """An event whose own hash is right and which points at the real event ``prev_seq``."""
    prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (prev_seq,)).fetchone()[0]
    at = "2026-01-01T00:00:00+00:00"
    digest = event_hash(seq, at, "decision.recorded", "x", {"candidate": 99}, prev)
    return (
        "INSERT INTO audit VALUES "
        f"({seq}, '{at}', 'decision.recorded', 'x', '{{\"candidate\":99}}', '{prev}', '{digest}')"
    )


def test_untouched_chain_verifies(audited: Path) -> None:
    assert verify(audited) == (True, None, EVENTS)


def test_append_only_triggers_refuse_update_and_delete(audited: Path) -> None:
    conn = raw_connection(audited)
    try:
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET actor = 'x' WHERE seq = 2")
        with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit WHERE seq = 2")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("name", "statements", "first_bad"),
    [
        (
            "edit subject",
            ['UPDATE audit SET subject_json = \'{"candidate":5,"job":2}\' WHERE seq = 4'],
            4,
        ),
        ("edit kind", ["UPDATE audit SET kind = 'candidate.imported' WHERE seq = 6"], 6),
        ("edit time", ["UPDATE audit SET at = '2020-01-01T00:00:00+00:00' WHERE seq = 1"], 1),
        ("delete middle", ["DELETE FROM audit WHERE seq = 3"], 3),
        ("delete last", [f"DELETE FROM audit WHERE seq = {EVENTS}"], EVENTS),
        ("delete first", ["DELETE FROM audit WHERE seq = 1"], 1),
        (
            "reorder",
            [
                "UPDATE audit SET seq = 100 WHERE seq = 3",
                "UPDATE audit SET seq = 3 WHERE seq = 4",
                "UPDATE audit SET seq = 4 WHERE seq = 100",
            ],
            3,
        ),
    ],
)
def test_tampering_is_caught(
    audited: Path, name: str, statements: list[str], first_bad: int
) -> None:
    tamper(audited, *statements)
    ok, bad, checked = verify(audited)
    assert not ok, name
    assert bad == first_bad, name
    assert checked == first_bad - 1


def test_inserted_event_is_caught(audited: Path) -> None:
    # shift events 5.. up by one and slip a well-formed event in at 5
    tamper(
        audited,
        "UPDATE audit SET seq = seq + 100 WHERE seq >= 5",
        "UPDATE audit SET seq = seq - 99 WHERE seq >= 105",
        forge=(5, 4),
    )
    ok, bad, _ = verify(audited)
    assert not ok
    assert bad == 6  # the forged event links to 4; the real one after it no longer links


def test_event_appended_behind_the_head_is_caught(audited: Path) -> None:
    tamper(audited, forge=(EVENTS + 1, EVENTS))
    assert verify(audited) == (False, EVENTS + 1, EVENTS + 1)


def test_audit_subject_refuses_free_text(ws: Workspace) -> None:
    bad: list[Callable[[], object]] = [
        lambda: ws.audit.append("candidate.viewed", "r", {"name": "Jane Q. Public\nline 2"}),
        lambda: ws.audit.append("candidate.viewed", "r", {"note": "x" * 200}),
        lambda: ws.audit.append("Candidate Viewed", "r", {}),
        lambda: ws.audit.append("candidate.viewed", "r", {"data": 1.5}),  # type: ignore[dict-item]
    ]
    for call in bad:
        with pytest.raises(ValueError, match="audit"):
            call()
    assert ws.audit.verify().checked == 1  # nothing was written


def test_list_returns_the_latest_in_order(audited: Path) -> None:
    with Workspace.open(audited, PASSPHRASE) as ws:
        events = ws.audit.list()
        assert [e.seq for e in events] == list(range(1, EVENTS + 1))
        assert [e.seq for e in ws.audit.list(limit=3)] == [EVENTS - 2, EVENTS - 1, EVENTS]
        assert events[0].kind == "workspace.created"
        assert all(e.prev_hash == p.hash for p, e in itertools.pairwise(events))

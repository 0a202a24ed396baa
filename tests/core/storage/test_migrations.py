"""Schema migrations: a workspace written by the first schema version (a file kept in the
repository, ``data/workspace_v1.veil``) opens and is migrated forward with all its data; a
workspace from a newer Veil is refused without a byte changed.

Regenerate the v1 file (only if it is lost; it must stay a v1 file):
``.venv/bin/python -m tests.core.storage.test_migrations``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from core.errors import WorkspaceError
from core.storage import LATEST_VERSION, Workspace
from core.storage.audit import append_event
from core.storage.connection import create_connection
from core.storage.migrations import MIGRATIONS, migrate, schema_version

from .conftest import PASSPHRASE, file_states, raw_connection

V1_FILE = Path(__file__).parent / "data" / "workspace_v1.veil"
V1_PASSPHRASE = "veil v1 fixture passphrase"


def build_v1_workspace(path: Path) -> None:
    """A workspace exactly as schema version 1 wrote it, with one row in every table."""
    conn = create_connection(path, V1_PASSPHRASE)
    try:
        assert migrate(conn, target=1) == 1
        at = "2026-01-02T03:04:05.000000+00:00"
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta VALUES ('created_at', ?), ('format', 'veil')", (at,))
        append_event(conn, "workspace.created", "system", {"schema": 1})
        conn.execute(
            "INSERT INTO jobs VALUES (1, 'Data engineer', 'Python and SQL.',"
            ' \'[{"must":true,"text":"Python","weight":1.0}]\', ?, ?)',
            (at, at),
        )
        conn.execute(
            "INSERT INTO candidates VALUES (1, ?, ?, 'en', '<PERSON_1> writes Python', "
            "'{\"<PERSON_1>\":\"Alex Sample\"}', '[]', '[]')",
            ("ef" * 32, at),
        )
        conn.execute(
            "INSERT INTO documents VALUES (1, 'cv.txt', 'text/plain', ?, 'Alex Sample writes"
            " Python', '{}')",
            (b"Alex Sample writes Python",),
        )
        conn.execute("INSERT INTO job_candidates VALUES (1, 1, ?)", (at,))
        conn.execute(
            "INSERT INTO scores VALUES (1, 1, 88.5, 'v1-model', ?, ?)",
            (
                '{"components":{},"notes":[],"requirements":[{"evidence":{"end":24,'
                '"similarity":0.9,"start":18,"text":"Python"},"matched":["python"],'
                '"method":"lexical","requirement":{"must":true,"text":"Python","weight":1.0},'
                '"satisfaction":1.0,"similarity":0.9}]}',
                at,
            ),
        )
        conn.execute("INSERT INTO decisions VALUES (1, 1, 1, 'shortlist', 'fits', 'rev', ?)", (at,))
        conn.execute("INSERT INTO settings VALUES ('theme', 'dark')")
        append_event(conn, "decision.recorded", "rev", {"candidate": 1, "job": 1})
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_v1_file_is_still_version_1(tmp_path: Path) -> None:
    copy = tmp_path / "v1.veil"
    shutil.copyfile(V1_FILE, copy)
    conn = raw_connection(copy, V1_PASSPHRASE)
    try:
        assert schema_version(conn) == 1
    finally:
        conn.close()


def test_v1_workspace_migrates_with_all_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.veil"
    shutil.copyfile(V1_FILE, path)
    with Workspace.open(path, V1_PASSPHRASE) as ws:
        assert ws.schema_version == LATEST_VERSION > 1
        job = ws.jobs.get(1)
        assert job.title == "Data engineer"
        assert job.requirements[0].text == "Python"
        assert ws.candidates.get(1).redacted_text == "<PERSON_1> writes Python"
        assert ws.candidates.mapping(1) == {"<PERSON_1>": "Alex Sample"}
        assert ws.candidates.document(1).data == b"Alex Sample writes Python"
        assert ws.candidates.ids_for_job(1) == [1]
        (score,) = ws.scores.for_job(1)
        assert score.score == 88.5
        assert score.requirements[0].evidence is not None
        assert score.requirements[0].evidence.text == "Python"
        latest = ws.decisions.latest(1, 1)
        assert latest is not None
        assert latest.reason == "fits"
        assert ws.settings.get("theme") == "dark"
        assert ws.audit.verify().ok
        assert ws.audit.verify().checked == 2
        ws.embeddings.put_many("m", {"k": b"v"})  # a table the later version added
        assert ws.embeddings.get_many("m", ["k"]) == {"k": b"v"}
        assert ws.check_integrity() == []
    with Workspace.open(path, V1_PASSPHRASE) as ws:  # migrating twice is a no-op
        assert ws.schema_version == LATEST_VERSION


def test_builder_still_writes_a_v1_workspace(tmp_path: Path) -> None:
    path = tmp_path / "fresh-v1.veil"
    build_v1_workspace(path)
    with Workspace.open(path, V1_PASSPHRASE) as ws:
        assert ws.schema_version == LATEST_VERSION
        assert [j.title for j in ws.jobs.list()] == ["Data engineer"]


def test_workspace_from_a_newer_veil_is_refused(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    Workspace.create(ws_path, PASSPHRASE).close()
    conn = raw_connection(ws_path)
    try:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    finally:
        conn.close()
    before = file_states(ws_path.parent)
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace.open(ws_path, PASSPHRASE)
    assert file_states(ws_path.parent) == before


def test_versions_are_consecutive() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


if __name__ == "__main__":
    V1_FILE.parent.mkdir(exist_ok=True)
    if V1_FILE.exists():
        sys.exit(f"{V1_FILE} exists; delete it first if you really mean to rebuild it")
    build_v1_workspace(V1_FILE)
    print(f"wrote {V1_FILE}")

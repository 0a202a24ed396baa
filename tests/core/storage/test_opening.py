"""Opening rules: every failure is a clear user error and changes no byte of any file."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from core.errors import (
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceNotFoundError,
    WrongPassphraseError,
)
from core.storage import Workspace
from core.storage.connection import PAGE_SIZE, create_connection

from .conftest import PASSPHRASE, Templates, file_states, leave_unclean


def _build_thirty_jobs(path: Path) -> None:
    with Workspace.create(path, PASSPHRASE) as ws, ws.transaction():
        for i in range(30):
            ws.jobs.add(f"job {i}", "text " * 400, [])


@pytest.fixture
def closed_ws(ws_path: Path, templates: Templates) -> Path:
    return templates.copy("thirty-jobs", _build_thirty_jobs, ws_path)


def assert_refused(path: Path, passphrase: str, error: type[Exception]) -> WorkspaceError:
    before = file_states(path.parent)
    with pytest.raises(error) as caught:
        Workspace.open(path, passphrase)
    assert file_states(path.parent) == before  # no byte changed, nothing created or removed
    assert isinstance(caught.value, WorkspaceError)
    assert "\n" not in str(caught.value)
    return caught.value


def test_wrong_passphrase_changes_no_byte(
    closed_ws: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    err = assert_refused(closed_ws, "wrong passphrase", WrongPassphraseError)
    assert "Wrong passphrase" in str(err)
    assert capfd.readouterr().err == ""  # SQLCipher's own logging is off
    with Workspace.open(closed_ws, PASSPHRASE) as ws:
        assert len(ws.jobs.list()) == 30


def test_wrong_passphrase_after_crash_does_not_replay_the_wal(closed_ws: Path) -> None:
    leave_unclean(closed_ws)
    assert_refused(closed_ws, "wrong passphrase", WrongPassphraseError)
    with Workspace.open(closed_ws, PASSPHRASE) as ws:  # the right one recovers the last commit
        assert ws.jobs.list()[-1].title == "written before the crash"
        assert ws.check_integrity() == []


def test_missing_path_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.veil"
    with pytest.raises(WorkspaceNotFoundError):
        Workspace.open(missing, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(WorkspaceNotFoundError):
        Workspace.open(tmp_path / "no-folder" / "w.veil", PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.veil").mkdir()
    with pytest.raises(WorkspaceNotFoundError, match="folder"):
        Workspace.open(tmp_path / "folder.veil", PASSPHRASE)
    assert [p.name for p in tmp_path.iterdir()] == ["folder.veil"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (os.urandom(3 * PAGE_SIZE), WrongPassphraseError),  # looks encrypted, is not ours
        (b"%PDF-1.7\n" + b"x" * 5000, WorkspaceCorruptError),  # some other file
        (b"", WorkspaceCorruptError),
    ],
)
def test_not_a_workspace(tmp_path: Path, content: bytes, error: type[Exception]) -> None:
    path = tmp_path / "other.veil"
    path.write_bytes(content)
    assert_refused(path, PASSPHRASE, error)


def test_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    err = assert_refused(path, PASSPHRASE, WorkspaceError)
    assert "unencrypted" in str(err)


def test_truncated_mid_page(closed_ws: Path) -> None:
    data = closed_ws.read_bytes()
    closed_ws.write_bytes(data[: len(data) - 1000])
    assert_refused(closed_ws, PASSPHRASE, WorkspaceCorruptError)


def test_truncated_at_page_boundary(closed_ws: Path) -> None:
    data = closed_ws.read_bytes()
    assert len(data) > 8 * PAGE_SIZE
    closed_ws.write_bytes(data[: len(data) // 2 // PAGE_SIZE * PAGE_SIZE])
    assert_refused(closed_ws, PASSPHRASE, WorkspaceCorruptError)


def test_read_only_file_and_folder(closed_ws: Path) -> None:
    mode = closed_ws.stat().st_mode
    closed_ws.chmod(stat.S_IRUSR)
    try:
        err = assert_refused(closed_ws, PASSPHRASE, WorkspaceError)
        assert "read-only" in str(err)
    finally:
        closed_ws.chmod(mode)
    folder = closed_ws.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        err = assert_refused(closed_ws, PASSPHRASE, WorkspaceError)
        assert "read-only" in str(err)
    finally:
        folder.chmod(stat.S_IRWXU)


def test_second_open_is_refused_while_open(closed_ws: Path) -> None:
    with Workspace.open(closed_ws, PASSPHRASE) as ws:
        with pytest.raises(WorkspaceError, match="open in another"):
            Workspace.open(closed_ws, PASSPHRASE)
        assert len(ws.jobs.list()) == 30  # the first one is unharmed


def test_create_never_overwrites(tmp_path: Path) -> None:
    existing = tmp_path / "existing.veil"
    existing.write_bytes(b"precious")
    with pytest.raises(WorkspaceExistsError):
        Workspace.create(existing, PASSPHRASE)
    assert existing.read_bytes() == b"precious"
    leftover = tmp_path / "fresh.veil-wal"
    leftover.write_bytes(b"old wal")
    with pytest.raises(WorkspaceExistsError):
        Workspace.create(tmp_path / "fresh.veil", PASSPHRASE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.veil", "fresh.veil-wal"]
    with pytest.raises(WorkspaceNotFoundError):
        Workspace.create(tmp_path / "missing" / "w.veil", PASSPHRASE)


def test_half_created_workspace_is_refused(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    create_connection(ws_path, PASSPHRASE).close()  # keyed, but killed before its schema
    err = assert_refused(ws_path, PASSPHRASE, WorkspaceCorruptError)
    assert "never completely created" in str(err)


def test_create_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(WorkspaceError, match="read-only"):
            Workspace.create(folder / "w.veil", PASSPHRASE)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_create_sets_private_file_mode(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    Workspace.create(ws_path, PASSPHRASE).close()
    assert stat.S_IMODE(ws_path.stat().st_mode) == 0o600
    assert sorted(p.name for p in ws_path.parent.iterdir()) == [ws_path.name]


@pytest.mark.parametrize("bad", ["", "nul\x00inside"])
def test_empty_or_nul_passphrase_is_refused(ws_path: Path, bad: str) -> None:
    ws_path.parent.mkdir()
    with pytest.raises(WorkspaceError):
        Workspace.create(ws_path, bad)
    assert not ws_path.exists()

"""Fixtures for the workspace tests: real SQLCipher files in a temporary folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from core.storage import Workspace

PASSPHRASE = "correct horse battery"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def file_states(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in ``folder`` (names that are missing are simply absent)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def raw_connection(path: Path, passphrase: str = PASSPHRASE) -> sqlcipher.Connection:
    """A plain keyed connection, as an attacker who knows the passphrase would use."""
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    return conn


class Templates:
    """Workspaces built once per session and copied per test (one key derivation saved each)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def copy(self, name: str, build: Callable[[Path], None], dest: Path) -> Path:
        source = self._folder / f"{name}.veil"
        if not source.exists():
            build(source)
            assert sorted(p.name for p in self._folder.iterdir() if p.stem == name) == [
                source.name
            ], "a template must be closed cleanly (no side files)"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        return dest


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "ws" / "test.veil"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    ws_path.parent.mkdir()
    workspace = Workspace.create(ws_path, PASSPHRASE)
    yield workspace
    workspace.close()


_UNCLEAN_CHILD = """
import os, sys, time
from core.storage import Workspace
ws = Workspace.open(sys.argv[1], os.environ["VEIL_TEST_PASSPHRASE"])
ws.jobs.add("written before the crash", "x" * 5000, [])
print("ready", flush=True)
time.sleep(120)
"""


def leave_unclean(path: Path, passphrase: str = PASSPHRASE) -> None:
    """Have a child process write to the workspace and die by SIGKILL (leaves a -wal file)."""
    env = dict(os.environ, VEIL_TEST_PASSPHRASE=passphrase)
    with subprocess.Popen(
        [sys.executable, "-c", _UNCLEAN_CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert path.with_name(path.name + "-wal").exists()

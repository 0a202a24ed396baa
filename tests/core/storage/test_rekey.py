"""Passphrase change: keeps all data; interrupted at any moment (SIGKILL of a child), the file
opens with exactly one of the two passphrases and nothing is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.errors import WrongPassphraseError
from core.storage import Workspace
from core.storage.rekey import rekey_path

from .conftest import PASSPHRASE, file_states

NEW = "a new, longer passphrase"
JOBS = 150
ROOT = Path(__file__).resolve().parents[3]

# The child opens the workspace and changes its passphrase. MODE picks where it dies:
# "random" (the parent kills it), or just before/after the atomic rename, or before the fsync.
_CHILD = """
import os, signal, sys
from core.storage import Workspace, rekey
path, mode = sys.argv[1], sys.argv[2]
def die(*_a, **_k):
    os.kill(os.getpid(), signal.SIGKILL)
real_replace = os.replace
if mode == "before-replace":
    rekey.os.replace = die
elif mode == "after-replace":
    def replace_then_die(a, b):
        real_replace(a, b)
        die()
    rekey.os.replace = replace_then_die
elif mode == "before-fsync":
    rekey.fsync_file = die
ws = Workspace.open(path, os.environ["OLD"])
print("ready", flush=True)
ws.change_passphrase(os.environ["NEW"])
print("done", flush=True)
"""


def _build(path: Path, jobs: int) -> None:
    with Workspace.create(path, PASSPHRASE) as ws, ws.transaction():
        for i in range(jobs):
            ws.jobs.add(f"job {i}", "requirement text " * 200, [])


def _opens_with(path: Path, passphrase: str, jobs: int = JOBS) -> bool:
    """True when ``passphrase`` opens the workspace (then it must be whole and sound)."""
    try:
        with Workspace.open(path, passphrase) as ws:
            assert ws.check_integrity() == []
            assert len(ws.jobs.list()) == jobs
            assert ws.audit.verify().ok
    except WrongPassphraseError:
        return False
    return True


def test_change_keeps_all_data_and_retires_the_old_passphrase(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    _build(ws_path, 5)
    with Workspace.open(ws_path, PASSPHRASE) as ws:
        before = (ws.jobs.list(), ws.audit.list())
        ws.change_passphrase(NEW)
        assert ws.jobs.list() == before[0]  # the same object keeps working
        ws.jobs.add("after", "x", [])
    assert sorted(p.name for p in ws_path.parent.iterdir()) == [ws_path.name]
    states = file_states(ws_path.parent)
    with pytest.raises(WrongPassphraseError):
        Workspace.open(ws_path, PASSPHRASE)
    assert file_states(ws_path.parent) == states
    with Workspace.open(ws_path, NEW) as ws:
        assert ws.jobs.list()[:5] == before[0]
        events = ws.audit.list()
        assert events[: len(before[1])] == before[1]
        assert [e.kind for e in events[len(before[1]) :]] == ["passphrase.changed"]
        assert ws.audit.verify().ok
        assert int(ws.security_settings()["kdf_iter"]) >= 256_000
        schema = ws._db.read(
            lambda conn: conn.execute("SELECT type, name FROM sqlite_master ORDER BY 2").fetchall()
        )
    assert ("trigger", "audit_no_update") in schema  # the copy kept triggers and indexes
    assert ("index", "decisions_by_pair") in schema


def _run_child(
    path: Path, mode: str, delay: float = 0.0, old: str = PASSPHRASE, new: str = NEW
) -> tuple[str, float]:
    """Run the child; with mode "random" kill it ``delay`` s after it is ready.

    Returns the outcome and the seconds from ready to the end."""
    env = dict(os.environ, OLD=old, NEW=new)
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        start = time.perf_counter()
        if mode == "random":
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        took = time.perf_counter() - start
    return ("done" if "done" in rest else "killed"), took


@pytest.mark.parametrize("mode", ["before-fsync", "before-replace", "after-replace"])
def test_interrupted_change_at_each_step(ws_path: Path, mode: str) -> None:
    ws_path.parent.mkdir()
    _build(ws_path, JOBS)
    outcome, _ = _run_child(ws_path, mode)
    assert outcome == "killed"
    old_ok, new_ok = _opens_with(ws_path, PASSPHRASE), _opens_with(ws_path, NEW)
    assert (old_ok, new_ok) == ((False, True) if mode == "after-replace" else (True, False))
    assert not rekey_path(ws_path).exists()  # the leftover copy was removed by the open


def test_interrupted_change_at_random_moments(ws_path: Path) -> None:
    ws_path.parent.mkdir()
    _build(ws_path, JOBS)
    # how long a whole change takes here, so the kills spread over all of it
    outcome, full = _run_child(ws_path, "none")
    assert outcome == "done"
    current, other = NEW, PASSPHRASE
    rng = random.Random()
    results = []
    for _ in range(5):
        delay = rng.uniform(0.0, full * 1.1)
        outcome, _ = _run_child(ws_path, "random", delay, old=current, new=other)
        old_ok, new_ok = _opens_with(ws_path, current), _opens_with(ws_path, other)
        assert old_ok != new_ok, (outcome, delay)  # exactly one of the two
        if new_ok:
            current, other = other, current
        results.append(f"{delay:.2f}s:{'new' if new_ok else 'old'}")
    print(f"\nrekey: full change {full:.2f}s; kills at {results}")

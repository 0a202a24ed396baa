"""A purge killed by SIGKILL leaves every person either whole or gone (one transaction each, the
tombstone inside it), the workspace passes both integrity checks, the audit chain verifies, and
the next purge finishes the job. Real SQLCipher, a real child process."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.compliance.erasure import cache_keys
from core.services import lifecycle, run_to_end
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE, add_person, new_job

ROOT = Path(__file__).resolve().parents[3]
PEOPLE = 16
CYCLES = 6
_CHILD = """
import os, sys
from datetime import UTC, datetime, timedelta
from core.services import lifecycle
from core.storage import Workspace
ws = Workspace.open(sys.argv[1], os.environ["VEIL_TEST_PASSPHRASE"])
print("open", flush=True)
later = datetime.now(UTC) + timedelta(days=400)
gen = lifecycle.purge(ws, actor="kill-test", now=later)
for point in gen:
    if point.message == "erasing" and point.done:
        print(point.done, flush=True)
print("done", flush=True)
"""


def _build(path: Path) -> dict[int, str]:
    """PEOPLE candidates with every kind of record; returns candidate -> embedding key."""
    keys = {}
    with Workspace.create(path, PASSPHRASE) as ws:
        job_id = new_job(ws)
        for n in range(PEOPLE):
            cid = add_person(ws, job_id, f"Zqkill{n:03d}", n)
            keys[cid] = cache_keys(ws.candidates.get(cid).redacted_text)[0]
        lifecycle.set_retention(ws, days=365, actor="t")
    return keys


def _kill_mid_purge(path: Path, rng: random.Random) -> int:
    """Run the child's purge and kill it after a random number of erasures; return that number."""
    return kill_child(_CHILD, [str(path)], rng.randint(1, PEOPLE - 2), rng)


def kill_child(script: str, args: list[str], stop_after: int, rng: random.Random) -> int:
    """Run ``script`` (it prints "open", then the count of erasures done after each) and kill
    it once ``stop_after`` are acknowledged, a random moment later; return the count seen."""
    env = dict(os.environ, VEIL_TEST_PASSPHRASE=PASSPHRASE)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    with subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "open"
        acked = 0
        while acked < stop_after:
            line = proc.stdout.readline().strip()
            assert line.isdigit(), f"child stopped early: {line!r}"
            acked = int(line)
        time.sleep(rng.uniform(0.0, 0.02))  # sometimes mid-transaction, sometimes between
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return acked


def _state(ws: Any, cid: int, key: str) -> str:
    """'whole', 'gone' or a description of a half-deleted person."""
    tables = ("candidates", "documents", "job_candidates", "scores", "decisions")
    counts = {}
    for table in tables:
        column = "id" if table == "candidates" else "candidate_id"
        counts[table] = ws._db.read(
            lambda conn, t=table, c=column: conn.execute(
                f"SELECT count(*) FROM {t} WHERE {c} = ?", (cid,)
            ).fetchone()[0]
        )
    counts["self_identification"] = len(ws.selfid.for_candidates([cid]))
    counts["embeddings"] = len(ws.embeddings.get_many("model-a", [key])) + len(
        ws.embeddings.get_many("model-a/document", [key])
    )
    counts["tombstones"] = ws.lifecycle.erased().count(cid)
    whole = {t: 1 for t in tables} | {"self_identification": 1, "embeddings": 2, "tombstones": 0}
    gone = {t: 0 for t in tables} | {"self_identification": 0, "embeddings": 0, "tombstones": 1}
    if counts == whole:
        return "whole"
    if counts == gone:
        return "gone"
    return f"half: {counts}"


def _whole_or_gone(ws: Any, keys: dict[int, str]) -> list[str]:
    """Each person's state after an interrupted purge (by candidate id), once the workspace's
    integrity and audit chain are checked: every one must be whole or gone."""
    assert ws.check_integrity() == []
    assert ws.audit.verify().ok
    states = [_state(ws, cid, keys[cid]) for cid in sorted(keys)]
    assert all(s in ("whole", "gone") for s in states), states
    return states


@pytest.mark.slow
def test_a_killed_purge_never_leaves_a_half_deleted_person(tmp_path: Path) -> None:
    template = tmp_path / "template.veil"
    keys = _build(template)
    rng = random.Random(19)
    partial = 0
    for cycle in range(CYCLES):
        path = tmp_path / f"kill{cycle}.veil"
        shutil.copyfile(template, path)
        acked = _kill_mid_purge(path, rng)
        with Workspace.open(path, PASSPHRASE) as ws:
            states = _whole_or_gone(ws, keys)
            gone = states.count("gone")
            assert gone >= acked  # every acknowledged erasure landed (the pipe may lag)
            partial += 0 < gone < PEOPLE
            assert states == ["gone"] * gone + ["whole"] * (PEOPLE - gone)  # in order
        if cycle == CYCLES - 1:  # the next purge finishes the job
            with Workspace.open(path, PASSPHRASE) as ws:
                later = ws.lifecycle.activity()[0]
                assert later.candidate_id == sorted(keys)[gone]
                result = run_to_end(
                    lifecycle.purge(ws, actor="t", now=datetime.now(UTC) + timedelta(days=400))
                )
                assert len(result.erased) == PEOPLE - gone
                assert ws.candidates.list() == []
                assert ws.audit.verify().ok
                assert sorted(ws.lifecycle.erased()) == sorted(keys)
    assert partial >= CYCLES // 2  # the kills did land mid-purge

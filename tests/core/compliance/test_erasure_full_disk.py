"""A purge that runs out of disk half-way (the child's WAL may not grow past a file-size limit, as
in ``tests/core/storage/full_disk_harness.py``) is refused with a clear message; every
person is whole or gone, the workspace passes both integrity checks, the audit chain verifies,
and once space is back the next purge finishes. Real SQLCipher, a real child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from core.services import lifecycle, run_to_end
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE
from tests.core.compliance.test_erasure_kill import PEOPLE, ROOT, _build, _whole_or_gone

_CHILD = """
import os, resource, signal, sys
from datetime import UTC, datetime, timedelta
from core.errors import WorkspaceError
from core.services import lifecycle
from core.storage import Workspace
limit = int(sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
ws = Workspace.open(sys.argv[1], os.environ["VEIL_TEST_PASSPHRASE"])
later = datetime.now(UTC) + timedelta(days=400)
try:
    for point in lifecycle.purge(ws, actor="full-disk-test", now=later):
        if point.message == "erasing" and point.done:
            print("A", point.done, flush=True)
    print("done", flush=True)
except WorkspaceError as exc:
    print("F", exc.message, flush=True)
finally:
    try:
        ws.close()
    except WorkspaceError:
        pass
"""


def _purge_until_full(path: Path, limit: int) -> tuple[int, str]:
    env = dict(os.environ, VEIL_TEST_PASSPHRASE=PASSPHRASE)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(limit)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    acked, refused = 0, ""
    for line in proc.stdout.splitlines():
        tag, _, rest = line.partition(" ")
        if tag == "A":
            acked = int(rest)
        elif tag == "F":
            refused = rest
    return acked, refused


@pytest.mark.slow
@pytest.mark.parametrize("slack", [8_192, 120_000, 300_000])
def test_a_purge_on_a_full_disk_leaves_everyone_whole_or_gone(tmp_path: Path, slack: int) -> None:
    template = tmp_path / "template.veil"
    keys = _build(template)
    path = tmp_path / "full.veil"
    shutil.copyfile(template, path)
    # the main file may be rewritten in place; only the WAL runs into the limit
    acked, refused = _purge_until_full(path, path.stat().st_size + slack)
    # EFBIG reads as an I/O error to SQLite, ENOSPC as a full disk: either is refused cleanly
    assert refused.startswith(("The disk is full", "The workspace file could not be")), refused
    with Workspace.open(path, PASSPHRASE) as ws:
        states = _whole_or_gone(ws, keys)
        gone = states.count("gone")
        assert 0 < acked <= gone < PEOPLE  # refused mid-purge, after some erasures
        later = datetime.now(UTC) + timedelta(days=400)
        result = run_to_end(lifecycle.purge(ws, actor="t", now=later))
        assert len(result.erased) == PEOPLE - gone
        assert ws.candidates.list() == []
        assert ws.audit.verify().ok

"""A full disk never costs a workspace (issue 17).

The mechanism: while a ``-wal`` file exists the main file alone need not be a consistent
database (a checkpoint stopped by a full disk leaves it half-copied); opening used to judge the
passphrase by reading the main file's schema, so such a workspace read as "damaged" forever. The
campaign (``full_disk_harness``; ``bench/full_disk.py`` runs more points) fills a real disk at
many moments of the writes Veil makes and checks the workspace after each.
"""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest

from core.errors import WrongPassphraseError
from core.storage import Workspace
from core.storage.connection import PAGE_SIZE

from . import full_disk_harness
from .conftest import PASSPHRASE, file_states


def _wal_pages(wal: Path) -> set[int]:
    """The page numbers of the frames in a WAL file (32-byte header, 24-byte frame headers)."""
    data = wal.read_bytes()
    pages, offset = set(), 32
    while offset + 24 + PAGE_SIZE <= len(data):
        pages.add(struct.unpack(">I", data[offset : offset + 4])[0])
        offset += 24 + PAGE_SIZE
    return pages


def _snapshot_with_wal(tmp_path: Path) -> Path:
    """A copy of a workspace taken while it was open: main file plus a WAL holding page 1."""
    live = tmp_path / "live" / "w.veil"
    live.parent.mkdir()
    with Workspace.create(live, PASSPHRASE) as ws, ws.transaction():
        for i in range(30):
            ws.jobs.add(f"job {i}", "requirement text " * 300, [])
    ws = Workspace.open(live, PASSPHRASE)  # the close copied everything into the main file
    try:
        with ws.transaction():
            for i in range(30, 40):
                ws.jobs.add(f"job {i}", "requirement text " * 300, [])
        copy = tmp_path / "copy"
        copy.mkdir()
        for name in ("w.veil", "w.veil-wal"):
            shutil.copyfile(live.parent / name, copy / name)
    finally:
        ws.close()
    return copy / "w.veil"


def test_checkpoint_cut_short_by_full_disk_still_opens(tmp_path: Path) -> None:
    """The state a full disk leaves: main file half-copied from the WAL, torn last page."""
    path = _snapshot_with_wal(tmp_path)
    wal = path.with_name("w.veil-wal")
    frames = wal.read_bytes()
    # Copy the WAL's last frames over the main file as a checkpoint would, then stop mid-page:
    # page 1 now counts pages the main file does not have yet, and the last page is torn.
    latest: dict[int, bytes] = {}
    for offset in range(32, len(frames) - 24 - PAGE_SIZE + 1, 24 + PAGE_SIZE):
        (page,) = struct.unpack(">I", frames[offset : offset + 4])
        latest[page] = frames[offset + 24 : offset + 24 + PAGE_SIZE]
    assert 1 in latest
    assert max(latest) * PAGE_SIZE > path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(0)
        handle.write(latest[1])
        handle.seek(0, os.SEEK_END)
        handle.write(latest[max(latest)][: PAGE_SIZE // 2])  # a torn page past the old end
    before = file_states(path.parent)
    with pytest.raises(WrongPassphraseError):
        Workspace.open(path, "not the passphrase")
    assert file_states(path.parent) == before  # a wrong key still changes no byte
    with Workspace.open(path, PASSPHRASE) as ws:
        assert ws.check_integrity() == []
        assert [job.title for job in ws.jobs.list()] == [f"job {i}" for i in range(40)]
        assert ws.audit.verify().ok
    assert not wal.exists()  # the interrupted copy was finished and the WAL emptied
    assert path.stat().st_size % PAGE_SIZE == 0


def test_torn_page_one_in_main_file_is_not_a_wrong_passphrase(tmp_path: Path) -> None:
    """Page 1 torn in the main file while the WAL holds a whole copy: the right key opens."""
    path = _snapshot_with_wal(tmp_path)
    assert 1 in _wal_pages(path.with_name("w.veil-wal"))
    with open(path, "r+b") as handle:
        handle.seek(1024)
        handle.write(os.urandom(512))
    with pytest.raises(WrongPassphraseError):
        Workspace.open(path, "not the passphrase")
    with Workspace.open(path, PASSPHRASE) as ws:
        assert ws.check_integrity() == []
        assert len(ws.jobs.list()) == 40


@pytest.mark.slow
def test_full_disk_campaign_loses_no_acknowledged_work(tmp_path: Path) -> None:
    stats = full_disk_harness.campaign(tmp_path, 16, seed=17)
    print(
        f"\nfull disk ({stats.method}): {stats.points} points, {stats.acked} acknowledged "
        f"operations kept, {stats.refusals} refused: {stats.refused_kinds}"
    )
    assert stats.failures == []
    assert stats.points == 16
    assert stats.refusals >= stats.points  # the disk did fill at every point
    assert len(stats.refused_kinds) >= 4  # ... in the middle of several kinds of write


@pytest.mark.slow
def test_file_size_limit_campaign_loses_no_acknowledged_work(tmp_path: Path) -> None:
    """The same without a mount (any user): writes fail at RLIMIT_FSIZE, mid-page."""
    stats = full_disk_harness.campaign(tmp_path, 6, seed=23, mount=False)
    assert stats.method == "RLIMIT_FSIZE"
    assert stats.failures == []
    assert stats.points == 6
    assert stats.refusals >= stats.points

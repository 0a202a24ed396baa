"""Crash safety: a child commits in a loop and is killed with SIGKILL at random moments; after
each kill the workspace opens, passes both integrity checks and holds every acknowledged commit
(see crash_harness.py; ``bench/crash_loop.py`` runs 1,000 cycles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import crash_harness

CYCLES = 50


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_commit(tmp_path: Path) -> None:
    stats = crash_harness.run(tmp_path, "crash test passphrase", CYCLES, lanes=2)
    print(
        f"\ncrash: {stats.cycles} cycles, {stats.acked_commits} acknowledged commits all present, "
        f"{stats.unacked_landed} unacknowledged commits landed, "
        f"{stats.kills_before_open} kills during start-up, {stats.seconds:.1f}s"
    )
    assert stats.failures == []
    assert stats.cycles == CYCLES
    assert stats.acked_commits > CYCLES  # the kills did land mid-work, not only at start-up

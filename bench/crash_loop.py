"""Crash loop: kill a committing child with SIGKILL N times (default 1,000) and check each time.

After every kill the workspace must open, pass ``cipher_integrity_check`` and
``integrity_check``, keep its audit chain, and hold every commit the child acknowledged (the
harness is tests/core/storage/crash_harness.py; the test suite runs 50 cycles of it).

    .venv/bin/python bench/crash_loop.py [--cycles 1000] [--lanes 2] [--seed N]

Prints the cycles run, acknowledged commits, commits that landed unacknowledged, kills during
start-up, time per cycle, and any failure; exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from tests.core.storage import crash_harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--lanes", type=int, default=2, help="workspaces killed in parallel")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = random.randrange(2**32) if args.seed is None else args.seed
    lanes: dict[int, crash_harness.CrashStats] = {}
    lock = threading.Lock()
    printed = [0]

    def progress(lane: crash_harness.CrashStats) -> None:
        with lock:
            lanes[id(lane)] = lane
            cycles = sum(one.cycles for one in lanes.values())
            if cycles // 50 > printed[0] // 50 or lane.failures:
                printed[0] = cycles
                acked = sum(one.acked_commits for one in lanes.values())
                failures = sum(len(one.failures) for one in lanes.values())
                print(
                    f"  ... {cycles} cycles, {acked} acknowledged commits kept,"
                    f" {failures} failures",
                    flush=True,
                )

    with tempfile.TemporaryDirectory(prefix="veil-crash-") as folder:
        stats = crash_harness.run(
            Path(folder),
            "crash loop passphrase",
            args.cycles,
            lanes=args.lanes,
            seed=seed,
            on_cycle=progress,
        )
    load = os.getloadavg()[0]
    print(f"crash loop: seed {seed}, {args.lanes} lanes, load average {load:.1f}")
    print(f"  cycles run:                     {stats.cycles} of {args.cycles}")
    print(f"  acknowledged commits (all kept): {stats.acked_commits}")
    print(f"  unacknowledged commits landed:  {stats.unacked_landed}")
    print(f"  kills during start-up/recovery: {stats.kills_before_open}")
    print(f"  time: {stats.seconds:.1f} s, {stats.seconds / max(stats.cycles, 1):.2f} s per cycle")
    if stats.failures:
        print(f"  FAILED: {stats.failures[0]}")
        return 1
    print("  failures: none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

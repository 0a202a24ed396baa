"""Full-disk campaign: fill the disk at many moments of Veil's writes, free it, check everything.

After every point the workspace must open, pass ``cipher_integrity_check`` and
``integrity_check``, keep its audit chain, and hold every operation that was acknowledged
(import, rank, decide, learn, embeddings, passphrase change, close with checkpoint; the harness
is tests/core/storage/full_disk_harness.py, the suite runs 16 points on tmpfs and 6 under
RLIMIT_FSIZE). As root the disk is a small tmpfs with a ballast file; otherwise RLIMIT_FSIZE.

    .venv/bin/python bench/full_disk.py [--points 200] [--seed N] [--rlimit]

Prints the points tried, the operations acknowledged and refused (by kind), and any failure;
exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from tests.core.storage import full_disk_harness  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--rlimit", action="store_true", help="RLIMIT_FSIZE even as root")
    args = parser.parse_args()
    seed = random.randrange(2**31) if args.seed is None else args.seed

    def progress(stats: full_disk_harness.CampaignStats) -> None:
        if stats.points % 25 == 0:
            print(f"  ... {stats.points} points, {stats.acked} acknowledged", flush=True)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="veil-full-") as folder:
        stats = full_disk_harness.campaign(
            Path(folder), args.points, seed=seed, mount=not args.rlimit, on_point=progress
        )
    seconds = time.perf_counter() - started
    print(f"full-disk campaign: seed {seed}, {stats.method}")
    print(f"  points tried:                      {stats.points} of {args.points}")
    print(f"  operations acknowledged (all kept): {stats.acked}")
    print(f"  operations refused (disk full):     {stats.refusals}")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(stats.refused_kinds.items()))
    print(f"  refused, by kind:                   {kinds}")
    print(f"  time: {seconds:.1f} s")
    if stats.failures:
        print(f"  FAILED: {stats.failures[0]}")
        return 1
    print("  failures: none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

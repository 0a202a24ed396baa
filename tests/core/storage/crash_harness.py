"""Crash-safety harness: a child commits in a loop and is killed with SIGKILL at random moments.

The child (``python -m tests.core.storage.crash_harness child PATH``; passphrase in
``VEIL_CRASH_PASSPHRASE``) opens the workspace and commits transactions numbered from where the
workspace stands, printing each number only after the commit returned. The parent kills it at a
random moment (during start-up and WAL recovery, or mid-commit), then checks: the workspace
opens, ``cipher_integrity_check`` is empty, ``integrity_check`` is ok, the audit chain holds,
every acknowledged commit is there, and every transaction is whole (all its rows or none).
Used by ``tests/core/storage/test_crash.py`` and ``bench/crash_loop.py``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.storage import Workspace

PASSPHRASE_ENV = "VEIL_CRASH_PASSPHRASE"
ROOT = Path(__file__).resolve().parents[3]


def _commit(ws: Workspace, i: int, rng: random.Random) -> None:
    """One transaction: a job, a setting, sometimes a candidate with a multi-page document."""
    with ws.transaction():
        job = ws.jobs.add(f"job {i}", "requirement text " * rng.randint(1, 60), [])
        if i % 3 == 0:
            ws.candidates.add(
                sha256=f"sha-{i}",
                filename=f"file-{i}.txt",
                media_type="text/plain",
                data=rng.randbytes(rng.randint(100, 12_000)),
                text="t",
                metadata={},
                redacted_text=f"resume {i}",
                redaction_mapping={},
                spans_json="[]",
                language="en",
                warnings=(),
            )
        ws.settings.set("last", str(i))
        ws.audit.append("job.created", "crash", {"job": job.id})


def child(path: Path) -> None:
    rng = random.Random()
    with Workspace.open(path, os.environ[PASSPHRASE_ENV]) as ws:
        i = int(ws.settings.get("last", "-1") or "-1") + 1
        print("open", flush=True)
        while True:
            _commit(ws, i, rng)
            print(i, flush=True)
            i += 1


@dataclass
class CrashStats:
    cycles: int = 0
    acked_commits: int = 0
    unacked_landed: int = 0  # commits done but killed before the child could report them
    kills_before_open: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def create(path: Path, passphrase: str) -> None:
    Workspace.create(path, passphrase).close()


def _spawn(path: Path, passphrase: str) -> subprocess.Popen[str]:
    env = dict(os.environ, **{PASSPHRASE_ENV: passphrase})
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.storage.crash_harness", "child", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def one_cycle(
    path: Path, passphrase: str, before: int, rng: random.Random, stats: CrashStats
) -> int:
    """Start the child, kill it at a random moment, check everything it acknowledged.

    ``before`` is the last commit number in the workspace; returns the new one.
    """
    proc = _spawn(path, passphrase)
    acked: list[int] = []
    opened = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "open":
                opened.set()
            elif line.strip():
                acked.append(int(line))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    if rng.random() < 0.2:  # somewhere in start-up: key derivation, WAL recovery, migration
        time.sleep(rng.uniform(0.0, 0.6))
    else:  # mid-commits
        opened.wait(timeout=20)
        time.sleep(rng.uniform(0.0, 0.25))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    thread.join(timeout=10)
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        stats.failures.append(f"child ended by itself (rc {proc.returncode}): {err[-500:]}")
    if not opened.is_set():
        stats.kills_before_open += 1
    stats.cycles += 1
    stats.acked_commits += len(acked)
    if acked and acked != list(range(before + 1, before + 1 + len(acked))):
        stats.failures.append(f"acknowledgements out of sequence: {acked[:5]}...")
    last, problem = check(path, passphrase, before + len(acked), stats)
    if problem:
        stats.failures.append(problem)
    return last


def check(path: Path, passphrase: str, last_acked: int, stats: CrashStats) -> tuple[int, str]:
    """Open and check the workspace after a kill: (last commit, problem or '')."""
    with Workspace.open(path, passphrase) as ws:
        last = int(ws.settings.get("last", "-1") or "-1")
        return last, _problem(ws, last, last_acked, stats)


def _problem(ws: Workspace, last: int, last_acked: int, stats: CrashStats) -> str:
    problems = ws.check_integrity()
    if problems:
        return f"integrity: {problems[:3]}"
    if last not in (last_acked, last_acked + 1):
        return f"last commit {last}, acknowledged {last_acked}"
    stats.unacked_landed += last - last_acked
    titles = [job.title for job in ws.jobs.list()]
    if titles != [f"job {i}" for i in range(last + 1)]:
        return "jobs do not match the committed transactions"
    sha = {c.id for c in ws.candidates.list()}
    if len(sha) != len(range(0, last + 1, 3)):
        return "candidates do not match the committed transactions"
    verification = ws.audit.verify()
    if not verification.ok or verification.checked != last + 2:
        return f"audit chain: {verification}"
    return ""


def _lane(
    folder: Path,
    passphrase: str,
    cycles: int,
    seed: int,
    stats: CrashStats,
    on_cycle: Callable[[CrashStats], None],
) -> None:
    path = folder / "crash.veil"
    create(path, passphrase)
    rng = random.Random(seed)
    last = -1
    for _ in range(cycles):
        last = one_cycle(path, passphrase, last, rng, stats)
        on_cycle(stats)
        if stats.failures:
            return


def run(
    folder: Path,
    passphrase: str,
    cycles: int,
    *,
    lanes: int = 2,
    seed: int | None = None,
    on_cycle: Callable[[CrashStats], None] = lambda stats: None,
) -> CrashStats:
    """Run ``cycles`` kill cycles, split over ``lanes`` workspaces killed in parallel."""
    seed = random.randrange(2**32) if seed is None else seed
    per_lane = [cycles // lanes + (1 if k < cycles % lanes else 0) for k in range(lanes)]
    lane_stats = [CrashStats() for _ in range(lanes)]
    start = time.perf_counter()
    threads = []
    for k in range(lanes):
        lane_dir = folder / f"lane{k}"
        lane_dir.mkdir(parents=True, exist_ok=True)
        thread = threading.Thread(
            target=_lane,
            args=(lane_dir, passphrase, per_lane[k], seed + k, lane_stats[k], on_cycle),
        )
        threads.append(thread)
        thread.start()
    for thread in threads:
        thread.join()
    total = CrashStats(seconds=time.perf_counter() - start)
    for one in lane_stats:
        total.cycles += one.cycles
        total.acked_commits += one.acked_commits
        total.unacked_landed += one.unacked_landed
        total.kills_before_open += one.kills_before_open
        total.failures += one.failures
    return total


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(Path(sys.argv[2]))

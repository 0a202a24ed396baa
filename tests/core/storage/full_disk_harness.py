"""Full-disk harness: a child works on a workspace until the disk fills, then the space comes back.

The child (``python -m tests.core.storage.full_disk_harness child PATH SEED``; passphrase in
``VEIL_FULL_PASSPHRASE``) runs a seeded mix of the writes Veil makes, through the real
repositories on the real SQLCipher file: an import (candidate, document, job link), a ranking
(every score of the job), a decision, a learned model (weights and activation), embeddings, a
passphrase change, and a close and reopen (the close checkpoints the WAL into the main file). It
prints ``A <op> <kind>`` after each operation returned, ``P <n>`` after passphrase ``n`` took
over and ``F <kind>`` for each one refused with "disk full"; after the first refusal it keeps
going for a few more operations (as a user clicking again would), then closes.

The disk fills either because the workspace sits on a small tmpfs with a ballast file beside it
(as root: the ballast's size sets the moment) or, for other users, because the child runs under
``RLIMIT_FSIZE``. The parent then frees the space (deletes the ballast, or simply opens without
the limit) and checks: the workspace opens with the passphrase last acknowledged (or the next
one, for a change cut short), ``cipher_integrity_check`` and ``integrity_check`` pass, the audit
chain verifies, every acknowledged operation is there, and every operation is whole.
Used by ``tests/core/storage/test_full_disk.py`` and ``bench/full_disk.py``.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.domain import Decision, DecisionKind, Requirement, RequirementScore, Score
from core.errors import WorkspaceError
from core.storage import Workspace
from core.storage.connection import remove_files

PASSPHRASE_ENV = "VEIL_FULL_PASSPHRASE"
NUMBER_ENV = "VEIL_FULL_PASSPHRASE_NUMBER"
FSIZE_ENV = "VEIL_FULL_FSIZE"
ROOT = Path(__file__).resolve().parents[3]
AFTER_FULL = 6  # operations tried after the first refusal
MAX_OPS = 400
KINDS = ("import", "import", "import", "rank", "decide", "learn", "embed", "passwd", "reopen")


def passphrase(base: str, n: int) -> str:
    return base if n == 0 else f"{base} #{n}"


def _op(ws: Workspace, i: int, kind: str, rng: random.Random) -> None:
    """One audited, atomic operation numbered ``i`` (the caller does passwd and reopen)."""
    with ws.transaction():
        job = ws.jobs.list()[0]
        if kind == "import":
            cand, _ = ws.candidates.add(
                sha256=f"sha-{i}",
                filename=f"resume-{i}.pdf",
                media_type="application/pdf",
                data=rng.randbytes(rng.randint(2_000, 60_000)),
                text="resume text " * rng.randint(10, 400),
                metadata={},
                redacted_text="redacted resume text " * rng.randint(10, 400),
                redaction_mapping={"<PERSON_1>": f"name {i}"},
                spans_json="[]",
                language="en",
            )
            ws.candidates.attach(job.id, cand.id)
        elif kind == "rank":
            req = RequirementScore(Requirement("Python"), 0.5, 0.4)
            ws.scores.put_many(
                [
                    Score(rng.uniform(0, 100), (req,), candidate_id=cid, job_id=job.id)
                    for cid in ws.candidates.ids_for_job(job.id)
                ]
            )
        elif kind == "decide":
            ids = ws.candidates.ids_for_job(job.id)
            if ids:
                ws.decisions.add(
                    Decision(job.id, rng.choice(ids), DecisionKind.SHORTLIST, reason=f"op {i}")
                )
        elif kind == "learn":
            model = ws.models.add(
                kind="head",
                data_hash=f"data-{i}",
                base_model_hash="base",
                metrics={"op": i},
                examples=10,
                weights=rng.randbytes(rng.randint(1_000, 200_000)),
            )
            ws.models.set_active(model.id)
        elif kind == "embed":
            ws.embeddings.put_many(
                "model-hash", {f"chunk-{i}-{k}": rng.randbytes(1536) for k in range(40)}
            )
        ws.audit.append("fulldisk.op", "harness", {"op": i, "kind": kind})


def child(path: Path, seed: int) -> None:
    limit = os.environ.get(FSIZE_ENV)
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    base = os.environ[PASSPHRASE_ENV]
    rng = random.Random(seed)
    n = int(os.environ[NUMBER_ENV])
    try:
        ws = Workspace.open(path, passphrase(base, n))
    except WorkspaceError as exc:  # a disk already full may refuse even the open
        print(f"F open {type(exc).__name__}", flush=True)
        return
    first = int(ws.settings.get("next_op", "0") or "0")
    refused = 0
    try:
        for i in range(first, first + MAX_OPS):
            kind = rng.choice(KINDS)
            try:
                if kind == "passwd":
                    ws.change_passphrase(passphrase(base, n + 1))
                    n += 1
                    print(f"P {n}", flush=True)
                elif kind == "reopen":
                    ws.close()
                    ws = Workspace.open(path, passphrase(base, n))
                else:
                    _op(ws, i, kind, rng)
                print(f"A {i} {kind}", flush=True)
            except WorkspaceError as exc:
                print(f"F {kind} {type(exc).__name__}", flush=True)
                refused += 1
                if ws.closed:  # a failed change or reopen leaves it locked: open it again
                    with contextlib.suppress(WorkspaceError):
                        ws = Workspace.open(path, passphrase(base, n))
                if ws.closed or refused > AFTER_FULL:
                    break
    finally:
        with contextlib.suppress(WorkspaceError):
            ws.close()


@dataclass
class Outcome:
    acked: dict[int, str] = field(default_factory=dict)
    passphrase_n: int = 0
    refused: list[str] = field(default_factory=list)
    stderr: str = ""
    returncode: int = 0


def run_child(path: Path, base: str, n: int, seed: int, fsize: int | None = None) -> Outcome:
    env = dict(os.environ, **{PASSPHRASE_ENV: base, NUMBER_ENV: str(n)})
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if fsize is not None:
        env[FSIZE_ENV] = str(fsize)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.core.storage.full_disk_harness",
            "child",
            str(path),
            str(seed),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
        check=False,
    )
    out = Outcome(passphrase_n=n, stderr=proc.stderr[-2000:], returncode=proc.returncode)
    for line in proc.stdout.splitlines():
        tag, _, rest = line.partition(" ")
        if tag == "A":
            op, kind = rest.split()
            out.acked[int(op)] = kind
        elif tag == "P":
            out.passphrase_n = int(rest)
        elif tag == "F":
            out.refused.append(rest)
    return out


def check(path: Path, base: str, outcome: Outcome, before: set[int]) -> tuple[str, set[int], int]:
    """Open after the space came back: (problem or '', operations in the workspace, passphrase)."""
    ws = None
    n = outcome.passphrase_n
    problems: list[str] = []
    for candidate_n in (n, n + 1):
        try:
            ws = Workspace.open(path, passphrase(base, candidate_n))
            n = candidate_n
            break
        except WorkspaceError as exc:
            problems.append(f"open with passphrase {candidate_n}: {type(exc).__name__}: {exc}")
    if ws is None:
        return "; ".join(problems), before, n
    with ws:
        problems = ws.check_integrity()
        if problems:
            return f"integrity: {problems[:3]}", before, n
        verification = ws.audit.verify()
        if not verification.ok:
            return f"audit chain: {verification}", before, n
        events = [e for e in ws.audit.list() if e.kind == "fulldisk.op"]
        present = {int(e.subject["op"]) for e in events}
        wanted = {i for i, kind in outcome.acked.items() if kind not in ("passwd", "reopen")}
        if not wanted <= present:
            return f"acknowledged operations lost: {sorted(wanted - present)[:5]}", present, n
        if not before <= present:
            return "operations from earlier rounds lost", present, n
        imports = {int(e.subject["op"]) for e in events if e.subject["kind"] == "import"}
        whole = all(ws.candidates.find_by_sha256(f"sha-{i}") for i in imports)
        if not whole or len(ws.candidates.list()) != len(imports):
            return "an import is not whole (candidate without its audit event or back)", present, n
        ws.settings.set("next_op", str(max([*present, *outcome.acked, -1]) + 1))
    return "", present, n


def seed_workspace(path: Path, base: str) -> None:
    with Workspace.create(path, base) as ws:
        ws.jobs.add("Data Engineer", "Python and SQL", [Requirement("Python")])


@contextlib.contextmanager
def small_disk(folder: Path, size_mb: int) -> Iterator[Path | None]:
    """A tmpfs of ``size_mb`` at ``folder`` when we may mount one (root), else None."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or size_mb <= 0:
        yield None
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@dataclass
class CampaignStats:
    points: int = 0
    refusals: int = 0
    acked: int = 0
    refused_kinds: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    method: str = ""


def campaign(
    folder: Path,
    points: int,
    *,
    seed: int = 1,
    size_mb: int = 24,
    mount: bool = True,
    on_point: Callable[[CampaignStats], None] = lambda stats: None,
) -> CampaignStats:
    """Fill the disk at ``points`` different moments; check the workspace after each."""
    base = "full disk campaign passphrase"
    stats = CampaignStats()
    rng = random.Random(seed)
    with small_disk(folder / "disk", size_mb if mount else 0) as disk:
        stats.method = "tmpfs" if disk else "RLIMIT_FSIZE"
        where = disk or folder / "disk"
        path = where / "full.veil"
        seed_workspace(path, base)
        present: set[int] = set()
        n = 0
        for point in range(points):
            ballast = where / "ballast"
            size = os.path.getsize(path)
            headroom = rng.choice((0, rng.randint(1, 64), rng.randint(64, 3_000))) * 1024
            if disk is not None:
                free = os.statvfs(where).f_bavail * os.statvfs(where).f_frsize
                ballast.write_bytes(b"\0" * max(0, free - headroom))
                outcome = run_child(path, base, n, seed * 1000 + point)
                ballast.unlink()
            else:
                outcome = run_child(path, base, n, seed * 1000 + point, size + headroom)
            stats.points += 1
            stats.acked += len(outcome.acked)
            stats.refusals += len(outcome.refused)
            for refusal in outcome.refused:
                kind = refusal.split()[0]
                stats.refused_kinds[kind] = stats.refused_kinds.get(kind, 0) + 1
            if outcome.returncode != 0:
                stats.failures.append(f"point {point}: child failed: {outcome.stderr[-600:]}")
                break
            problem, present, n = check(path, base, outcome, present)
            if problem:
                stats.failures.append(f"point {point}: {problem}")
                break
            on_point(stats)
            if os.path.getsize(path) > (size_mb - 6) * 1024 * 1024:
                # the workspace has grown to fill the disk: go on with a new one
                remove_files(path)
                seed_workspace(path, base)
                present, n = set(), 0
    return stats


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(Path(sys.argv[2]), int(sys.argv[3]))

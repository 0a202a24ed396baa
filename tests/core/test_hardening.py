"""No core dumps of Veil's processes (issue 17): with ``ulimit -c unlimited`` a crash of the CLI,
an intake worker or the redaction process leaves no core file, and the kernel considers none of
them dumpable (which also keeps same-user debuggers out)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import child_process

ROOT = Path(__file__).resolve().parents[2]
CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux kernel")


def _unlimited_cores() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _cores(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name == "core" or p.name.startswith("core.")]


def _limits_and_dumpable(pid: int) -> tuple[str, bool]:
    limits = Path(f"/proc/{pid}/limits").read_text()
    core_line = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    # A process that is not dumpable has its /proc files owned by root (euid 0 here or not).
    return core_line, os.stat(f"/proc/{pid}/mem").st_uid == 0


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = child_process.environment()
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        args,
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=_unlimited_cores,  # the user's `ulimit -c unlimited`
    )


def _crash_when_ready(proc: subprocess.Popen[bytes], sig: int, ready: bytes | None) -> int:
    assert proc.stdout is not None
    if ready is not None:
        head = b""
        deadline = time.monotonic() + 180
        while ready not in head and time.monotonic() < deadline:
            chunk = proc.stdout.read1(4096)
            if not chunk:
                break
            head += chunk
        assert ready in head, "the child did not start"
    else:
        time.sleep(1.5)
    core_line, not_dumpable = _limits_and_dumpable(proc.pid)
    assert core_line.split()[4] == "0", core_line  # the soft RLIMIT_CORE, which applies
    if os.geteuid() != 0:
        assert not_dumpable
    proc.send_signal(sig)
    return proc.wait(timeout=60)


def test_an_unhardened_crash_would_dump_here(tmp_path: Path) -> None:
    """The control: on this machine a plain crashing Python does leave a core (else the tests
    below would prove nothing about core files; they still check the limits)."""
    proc = _start([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), 11)"], tmp_path)
    assert proc.wait(timeout=60) == -signal.SIGSEGV
    pattern = CORE_PATTERN.read_text().strip() if CORE_PATTERN.exists() else ""
    if pattern.startswith("core"):
        assert _cores(tmp_path), "the kernel did not dump a core for the control"


@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGXCPU])
def test_intake_worker_crash_leaves_no_core(tmp_path: Path, sig: int) -> None:
    proc = _start(child_process.command("core.intake.worker"), tmp_path)
    assert _crash_when_ready(proc, sig, b"ready") == -sig
    assert _cores(tmp_path) == []


@pytest.mark.slow
def test_redaction_process_crash_leaves_no_core(tmp_path: Path) -> None:
    proc = _start(child_process.command("core.services.redaction_process"), tmp_path)
    assert _crash_when_ready(proc, signal.SIGSEGV, b"ready") == -signal.SIGSEGV
    assert _cores(tmp_path) == []


def test_cli_crash_leaves_no_core(tmp_path: Path) -> None:
    """The main process, blocked reading its passphrase from a FIFO, then crashed."""
    fifo = tmp_path / "passphrase"
    os.mkfifo(fifo, 0o600)
    (tmp_path / "w.veil").write_bytes(b"\0" * 4096)
    args = [sys.executable, "-m", "core", "--workspace", str(tmp_path / "w.veil")]
    proc = _start([*args, "--passphrase-file", str(fifo), "audit", "verify"], tmp_path)
    assert _crash_when_ready(proc, signal.SIGSEGV, None) == -signal.SIGSEGV
    assert _cores(tmp_path) == []

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


def test_worker_crashed_mid_file_is_a_per_file_error_without_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader that segfaults mid-file (under ``ulimit -c unlimited``): that file gets a clear
    error, the next file is read by a fresh worker, and no core file appears."""
    import threading

    from core.intake import IntakePool, Limits, ResourceLimitError
    from tests.core.intake import fixtures as fx

    monkeypatch.chdir(tmp_path)  # the workers' working folder, where a core would land
    old = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (old[1], old[1]))  # the user's ulimit -c
    try:
        with IntakePool(size=1, limits=Limits(wall_seconds=120)) as pool:
            pool.start()
            (worker,) = pool._workers
            errors: list[BaseException] = []

            def read_scan() -> None:
                try:
                    pool.extract(fx.image_bytes("PNG"), "scan.png")  # OCR: seconds of work
                except BaseException as exc:  # noqa: BLE001 - inspected below
                    errors.append(exc)

            reader = threading.Thread(target=read_scan)
            reader.start()
            deadline = time.monotonic() + 60
            while not pool._idle.empty() and time.monotonic() < deadline:
                time.sleep(0.05)  # until the worker has the file (a loaded machine is slow)
            time.sleep(0.5)  # mid-file: OCR takes seconds
            os.kill(worker.process.pid, signal.SIGSEGV)
            reader.join(timeout=120)
            assert len(errors) == 1
            assert isinstance(errors[0], ResourceLimitError)
            assert "crashed" in errors[0].message
            assert pool.extract(b"next file: welder", "next.txt").text == "next file: welder"
    finally:
        resource.setrlimit(resource.RLIMIT_CORE, old)
    assert _cores(tmp_path) == []

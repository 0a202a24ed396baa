"""How Veil starts and ends its helper processes (intake sandbox workers, the redaction process).

A child is ``[sys.executable, "-m", module]`` (a frozen app's executable accepts the same form,
see packaging/entry.py) in a session of its own, gets an environment without secrets and with
the offline switches, and talks over private copies of its stdin/stdout pipes, so that nothing
a library prints can corrupt the frames (core.intake.protocol).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from core import offline

_ROOT = str(Path(__file__).resolve().parents[1])
SECRET_ENV = frozenset({"VEIL_PASSPHRASE"})


def command(module: str) -> list[str]:
    """The command that runs ``module`` as a child process of this app."""
    return [sys.executable, "-m", module]


def environment(threads: str = "1") -> dict[str, str]:
    """A child's environment: no secrets (the workspace passphrase) to leak, the network
    switches off, Veil's own packages importable, and ``threads`` OpenMP/BLAS threads."""
    env = {k: v for k, v in os.environ.items() if k not in SECRET_ENV}
    env.update(offline.OFFLINE_ENV)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH", "")) if p)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["OMP_NUM_THREADS"] = threads
    env["OPENBLAS_NUM_THREADS"] = threads
    env["MKL_NUM_THREADS"] = threads
    # ONNX Runtime (OCR) otherwise starts its 1DS telemetry at import: a session file in the
    # temp folder and an HTTPS uploader that the Python-level network guard cannot see.
    env["ORT_DISABLE_TELEMETRY"] = "1"
    return env


def start(command_line: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a child with pipes on stdin/stdout, stderr discarded, in a new session (so that
    ``kill`` ends whatever it started too)."""
    return subprocess.Popen(
        command_line,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        close_fds=True,
        start_new_session=True,
    )


def kill(process: subprocess.Popen[bytes]) -> int | None:
    """Kill the child's session, close its pipes and reap it: its exit code (None if it could
    not be reaped within 10 s)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    try:
        return process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        return None


def close(process: subprocess.Popen[bytes], grace: float) -> None:
    """Let the child end (it stops when its input closes), killing it if it lingers past
    ``grace`` seconds."""
    if process.stdin is not None and process.poll() is None:
        try:
            process.stdin.close()
            process.wait(timeout=grace)
        except (OSError, subprocess.TimeoutExpired):
            pass
    kill(process)


def protocol_streams() -> tuple[IO[bytes], IO[bytes]]:
    """In the child: private copies of stdin/stdout for the protocol; fd 0/1 then point at
    /dev/null."""
    proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
    proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    return proto_in, proto_out

"""How Veil starts its helper processes (intake sandbox workers, the redaction process).

A child is ``[sys.executable, "-m", module]`` (a frozen app's executable accepts the same form,
see packaging/entry.py), gets an environment without secrets and with the offline switches, and
talks over private copies of its stdin/stdout pipes, so that nothing a library prints can
corrupt the frames (core.intake.protocol).
"""

from __future__ import annotations

import os
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

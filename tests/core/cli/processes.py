"""``veil`` run as a user runs it: a subprocess with its own ``VEIL_HOME`` and no other ``VEIL_``
setting from the test's environment, and the checks its one-line error messages must pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PASS = "first passphrase"


def veil(
    *args: str,
    home: Path,
    passphrase: str | None = PASS,
    code: str | None = None,
    timeout: float = 120,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """``python -m core ARGS`` (or ``python -c CODE ARGS``, for a test that wraps the CLI)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("VEIL_")}
    full_env["VEIL_HOME"] = str(home)
    if passphrase is not None:
        full_env["VEIL_PASSPHRASE"] = passphrase
    full_env.update(env)
    entry = ["-m", "core"] if code is None else ["-c", code]
    return subprocess.run(
        [sys.executable, *entry, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def assert_user_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("veil: ")
    assert words in lines[0]
    assert "Traceback" not in result.stderr

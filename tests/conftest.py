"""Test-suite set-up: the network guard goes on before anything else is imported, and every test
session gets its own VEIL_HOME so no test touches the user's real folders."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core import offline

offline.install()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="veil-test-home-"))
os.environ["VEIL_HOME"] = str(_SESSION_HOME)
os.environ.pop("VEIL_WORKSPACE", None)
os.environ.pop("VEIL_PASSPHRASE", None)

import pytest  # noqa: E402


@pytest.fixture
def veil_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh VEIL_HOME for one test (data, config, logs, cache all under it)."""
    home = tmp_path / "veil-home"
    monkeypatch.setenv("VEIL_HOME", str(home))
    return home

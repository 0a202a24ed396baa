"""Fixtures of the people tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.storage import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh encrypted workspace (real SQLCipher)."""
    workspace = Workspace.create(tmp_path / "ws.veil", "people test passphrase")
    yield workspace
    workspace.close()

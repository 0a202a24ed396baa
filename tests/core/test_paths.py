from __future__ import annotations

from pathlib import Path

import pytest

from core import paths


def test_veil_home_relocates_every_folder(veil_home: Path) -> None:
    for folder in (paths.data_dir(), paths.config_dir(), paths.log_dir(), paths.cache_dir()):
        assert folder.is_dir()
        assert folder.parent == veil_home.resolve()
    assert paths.default_workspace().parent == veil_home.resolve() / "data"


def test_veil_workspace_overrides_default(veil_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEIL_WORKSPACE", str(veil_home / "elsewhere.veil"))
    assert paths.default_workspace() == veil_home / "elsewhere.veil"

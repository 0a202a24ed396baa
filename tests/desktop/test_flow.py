"""The whole recruiter flow through the widgets on a real encrypted workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.preferences import Preferences
from tests.desktop.flow import run_flow


def test_whole_flow_with_fast_scorer(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences, shown_errors: list[str]
) -> None:
    run_flow(qtbot, tmp_path, make_engines(), prefs, timeout_ms=30000)
    assert shown_errors == []

"""The whole recruiter flow through the widgets on a real encrypted workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.preferences import Preferences
from tests.desktop.flow import run_flow


def test_whole_flow_with_fast_scorer(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences, shown_errors: list[str]
) -> None:
    run_flow(qtbot, tmp_path, make_engines(), prefs, timeout_ms=30000)
    assert shown_errors == []


@pytest.mark.slow
def test_whole_flow_with_the_real_pipeline(
    qtbot: Any, tmp_path: Path, prefs: Preferences, shown_errors: list[str]
) -> None:
    """Real sandboxed intake, real Presidio redaction, the real MiniLM encoder and scorer."""
    from core.services import Engines

    with Engines(device="cpu") as engines:
        run_flow(qtbot, tmp_path, engines, prefs, timeout_ms=240000)
    assert shown_errors == []

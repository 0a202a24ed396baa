"""GUI test fixtures: a main window over a real encrypted workspace, with a fast scorer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop import error_display
from desktop.preferences import Preferences
from tests.desktop.fakes import PatternRedactor, keyword_scorer_factory

PASSPHRASE = "quiet meadow lantern 77"


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Errors are recorded instead of opening modal boxes (which would block the test)."""
    monkeypatch.setattr(error_display, "MODAL", False)
    error_display.last_shown.clear()
    return error_display.last_shown


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_engines() -> Iterator[Any]:
    """Engines with the real sandboxed intake, a pattern redactor and the keyword scorer."""
    from core.services import Engines

    made: list[Any] = []

    def make(delay_s: float = 0.0) -> Any:
        engines = Engines(
            redactor=PatternRedactor(), scorer_factory=keyword_scorer_factory(delay_s)
        )
        made.append(engines)
        return engines

    yield make
    for engines in made:
        engines.close()
